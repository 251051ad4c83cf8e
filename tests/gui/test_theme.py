"""The light and the dark high-contrast theme: readable (WCAG AA), made from one palette each,
chosen in Settings, shown at once and kept for the next start."""

from __future__ import annotations

import json
import logging
import re
from dataclasses import fields
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton

from assessor_app.gui.main_window import MainWindow
from assessor_app.gui.theme import (
    AA_NON_TEXT,
    AA_TEXT,
    DARK,
    LIGHT,
    NON_TEXT_PAIRS,
    PALETTES,
    TEXT_PAIRS,
    Palette,
    contrast_ratio,
    current_palette,
    set_tone,
    stylesheet,
)
from assessor_app.paths import DATA_DIR_ENV
from assessor_app.settings import THEMES, Settings, load_settings, save_settings

HEX = re.compile(r"#[0-9a-fA-F]{6}\b")


@pytest.fixture(autouse=True)
def theme_restored(qapp):
    """Each test leaves the application's look as it found it (palette, style sheet, theme)."""
    palette, sheet = qapp.palette(), qapp.styleSheet()
    yield
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    qapp.setProperty("assessor_theme", None)


def colours(p: Palette) -> set[str]:
    return {getattr(p, f.name).lower() for f in fields(p) if f.name != "name"}


@pytest.mark.parametrize("palette", list(PALETTES.values()), ids=list(PALETTES))
def test_every_text_colour_meets_wcag_aa_on_its_background(palette: Palette):
    low = {f"{fg} on {bg}": round(contrast_ratio(getattr(palette, fg), getattr(palette, bg)), 2)
           for fg, bg in TEXT_PAIRS
           if contrast_ratio(getattr(palette, fg), getattr(palette, bg)) < AA_TEXT}
    assert low == {}


@pytest.mark.parametrize("palette", list(PALETTES.values()), ids=list(PALETTES))
def test_outlines_focus_frames_and_handles_stand_out(palette: Palette):
    low = {f"{fg} on {bg}": round(contrast_ratio(getattr(palette, fg), getattr(palette, bg)), 2)
           for fg, bg in NON_TEXT_PAIRS
           if contrast_ratio(getattr(palette, fg), getattr(palette, bg)) < AA_NON_TEXT}
    assert low == {}


def test_the_contrast_formula_matches_wcag():
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)
    assert contrast_ratio("#ffffff", "#ffffff") == pytest.approx(1.0)


def test_every_colour_of_the_style_sheet_comes_from_its_palette():
    for palette in PALETTES.values():
        used = {c.lower() for c in HEX.findall(stylesheet(palette))}
        assert used and used <= colours(palette), used - colours(palette)


def test_the_dark_theme_is_dark_and_the_light_light():
    assert contrast_ratio(DARK.background, "#000000") < 1.2
    assert contrast_ratio(LIGHT.background, "#ffffff") < 1.2
    assert tuple(PALETTES) == THEMES


def test_an_unknown_theme_in_the_settings_file_falls_back_to_light(tmp_path: Path, caplog):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"theme": "neon"}), encoding="utf-8")
    with caplog.at_level(logging.WARNING):
        assert load_settings(path).theme == "light"
    assert "theme 'neon'" in caplog.text
    assert load_settings(save_settings(Settings(theme="dark"), path)).theme == "dark"


def test_choosing_dark_in_settings_shows_it_at_once_and_keeps_it(qtbot, qapp, store, library, tmp_path,
                                                                 monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))  # settings.json goes here
    from assessor_app.gui.theme import apply_theme

    apply_theme(qapp, "light")
    window = MainWindow(store, library)
    qtbot.addWidget(window)
    try:
        window.show()
        window.stack.setCurrentWidget(window.settings_page)
        qtbot.waitExposed(window)
        page = window.settings_page
        dark: QPushButton = page.appearance.buttons["dark"]
        page.scroll.ensureWidgetVisible(dark)
        dark.setFocus()
        qtbot.keyClick(dark, Qt.Key.Key_Space)  # a focused button pressed with Space does what it says
        assert current_palette() is DARK and dark.isChecked()
        assert not page.appearance.buttons["light"].isChecked()
        pixel = QColor(window.grab().toImage().pixel(2, window.height() // 2))
        assert pixel.name() == DARK.background  # repainted in the dark theme, not on the next start
        qtbot.waitUntil(lambda: window.tasks.pending == 0)
        saved = json.loads((tmp_path / "data" / "settings.json").read_text(encoding="utf-8"))
        assert saved["theme"] == "dark"
        assert saved["language"] == "en"  # the other settings as they were saved, not as edited

        qtbot.mouseClick(page.appearance.buttons["light"], Qt.MouseButton.LeftButton)
        assert current_palette() is LIGHT
        qtbot.waitUntil(lambda: window.tasks.pending == 0)
        assert load_settings().theme == "light"
    finally:
        window.close()


def test_a_status_text_follows_the_theme(qtbot, qapp):
    from PySide6.QtWidgets import QLabel

    from assessor_app.gui.theme import apply_theme

    label = QLabel("Camera lost: waiting for it to come back")
    qtbot.addWidget(label)
    for palette in (LIGHT, DARK):
        apply_theme(qapp, palette.name)
        set_tone(label, "danger")
        assert label.palette().color(label.foregroundRole()).name() == palette.danger
        set_tone(label, "")
        assert label.palette().color(label.foregroundRole()).name() == palette.text
