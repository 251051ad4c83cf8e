"""The window fits a 1366x768 screen: nothing cut off, the step list shows most of the steps, and the
controls a gloved hand uses (list rows, combo popups, checkboxes, spin buttons) are 48 px or more.

The screens are the ones the screenshot tool drives the real window through (a new assessment
started, steps with data and photos, a hazard stop, the review with sign-offs, the settings with
the provider's assessors), looked at as each is photographed at 1366x768.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QStyle,
    QStyleOptionSpinBox,
    QWidget,
)

from assessor_app.gui.main_window import MainWindow
from assessor_app.gui.screenshots import SHOTS, take_screenshots
from assessor_app.gui.theme import MIN_TARGET_PX, apply_theme

SIZE = (1366, 768)
#: The step list shows at least this many whole steps on the run screen at SIZE.
MIN_STEPS_SHOWN = 7
RUN_SHOTS = {"03-run-discharge-wait.png", "04-run-hazard-stop.png", "08-run-step-data-photos.png"}


@pytest.fixture(autouse=True)
def theme_restored(qapp):
    """Each test leaves the application's look as it found it (palette, style sheet, theme)."""
    palette, sheet = qapp.palette(), qapp.styleSheet()
    yield
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    qapp.setProperty("assessor_theme", None)


def _words(w: QWidget) -> str:
    """What the widget shows as text (a button's shortcut marker '&' is not shown)."""
    text = w.text() if hasattr(w, "text") else ""
    text = text if isinstance(text, str) else ""
    return text.replace("&", "") if isinstance(w, QAbstractButton) else text


def _text(w: QWidget) -> str:
    return _words(w)[:40] or w.accessibleName()


def _scrolls(w: QWidget, page: QWidget) -> bool:
    """Whether ``w`` sits in a scrolling area below ``page`` (it may be partly out of view there)."""
    parent = w.parentWidget()
    while parent is not None and parent is not page:
        holder = parent.parentWidget()
        if isinstance(holder, QAbstractScrollArea) and parent is holder.viewport():
            return True
        parent = parent.parentWidget()
    return False


def _part_of_another(w: QWidget) -> bool:
    """The line edit inside a combo box or spin box, a table's corner button: checked as their owner."""
    parent = w.parentWidget()
    return isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractScrollArea)


def layout_problems(page: QWidget) -> list[str]:
    """Every visible text, button and input of ``page`` that is shown smaller than it needs, or cut
    off by what holds it (outside a scrolling area)."""
    problems = []
    for w in page.findChildren(QWidget):
        if not isinstance(w, QLabel | QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox):
            continue
        if not w.isVisible() or _part_of_another(w) or (isinstance(w, QLabel) and not w.text()):
            continue
        what = f"{type(w).__name__} {_text(w)!r}"
        if isinstance(w, QLabel) and w.wordWrap():
            need = w.heightForWidth(w.width())
        elif isinstance(w, QAbstractButton | QLabel):
            need = w.sizeHint().height()
        else:
            need = w.minimumSizeHint().height()
        if w.height() < need:
            problems.append(f"{what}: {w.height()} px high, needs {need}")
        if isinstance(w, QAbstractButton | QLabel) and not (isinstance(w, QLabel) and w.wordWrap()):
            words = max(w.fontMetrics().horizontalAdvance(line) for line in _words(w).split("\n"))
            if w.width() < words:
                problems.append(f"{what}: {w.width()} px wide, its words need {words}")
        control = isinstance(w, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox)
        if control and w.height() < MIN_TARGET_PX - 8:
            problems.append(f"{what}: {w.height()} px high, below the glove target")
        if not _scrolls(w, page):
            shown = w.visibleRegion().boundingRect()
            if shown != QRect(0, 0, w.width(), w.height()):
                problems.append(f"{what}: only {shown.width()}x{shown.height()} of "
                                f"{w.width()}x{w.height()} is in view")
    return problems


def whole_rows(listing: QListWidget) -> int:
    view = listing.viewport().rect()
    return sum(view.contains(listing.visualItemRect(listing.item(i))) for i in range(listing.count()))


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_every_screen_fits_1366x768(tmp_path: Path, theme: str):
    seen: dict[str, list[str]] = {}
    rows: dict[str, int] = {}

    def inspect(name: str, page: QWidget) -> None:
        seen[name] = layout_problems(page)
        window = page.window()
        assert isinstance(window, MainWindow)
        assert (window.width(), window.height()) == SIZE
        if name in RUN_SHOTS:
            rows[name] = whole_rows(window.run_page.steps)

    paths = take_screenshots(tmp_path / theme, size=SIZE, theme=theme, inspect=inspect)
    assert sorted(seen) == sorted(SHOTS)
    assert {name: problems for name, problems in seen.items() if problems} == {}
    assert rows and min(rows.values()) >= MIN_STEPS_SHOWN, rows
    for path in paths:
        image = QImage(str(path))
        assert (image.width(), image.height()) == SIZE, path.name


def test_the_layout_check_notices_a_cut_off_button(qtbot, qapp):
    """The check is not blind: a button squeezed below its words and its height is reported."""
    apply_theme(qapp, "light")
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    button = QPushButton("Record the insulation resistance reading")
    layout.addWidget(button)
    page.show()
    qtbot.waitExposed(page)
    assert layout_problems(page) == []
    button.setFixedSize(80, 20)
    problems = layout_problems(page)
    assert any("px wide" in p for p in problems) and any("px high" in p for p in problems)
    button.setMinimumSize(0, 0)
    button.setMaximumSize(10000, 10000)
    layout.removeWidget(button)
    button.setGeometry(page.width() - 40, 0, button.sizeHint().width(), button.sizeHint().height())
    assert any("in view" in p for p in layout_problems(page))


def test_combo_popups_checkboxes_and_spin_buttons_meet_the_glove_target(qtbot, qapp, store, library):
    """On the real pages, in the app's theme: every combo box's popup rows (opened with the
    keyboard), every checkbox and every spin box's buttons are at least 48 px."""
    apply_theme(qapp, "light")
    window = MainWindow(store, library)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    small: list[str] = []
    combos = checks = spins = 0
    try:
        for page in (window.home, window.new_page, window.settings_page, window.review, window.run_page):
            window.stack.setCurrentWidget(page)
            qtbot.waitUntil(lambda p=page: p.isVisible())
            for combo in page.findChildren(QComboBox):
                if not combo.isVisible() or not combo.isEnabled() or combo.count() == 0:
                    continue
                combos += 1
                combo.setFocus()
                qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
                view = combo.view()
                qtbot.waitUntil(view.isVisible)
                for row in range(combo.count()):
                    height = view.visualRect(view.model().index(row, 0)).height()
                    if height < MIN_TARGET_PX:
                        small.append(f"{combo.accessibleName()} popup row {row}: {height} px")
                combo.hidePopup()
                qtbot.waitUntil(lambda v=view: not v.isVisible())
            for box in page.findChildren(QCheckBox):
                if box.isVisible():
                    checks += 1
                    if box.height() < MIN_TARGET_PX:
                        small.append(f"checkbox {box.text()!r}: {box.height()} px")
            for spin in page.findChildren(QAbstractSpinBox):
                if not spin.isVisible() or spin.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons:
                    continue
                spins += 1
                for part in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
                    rect = _spin_button(spin, part)
                    if min(rect.width(), rect.height()) < MIN_TARGET_PX:
                        small.append(f"{spin.accessibleName()} {part.name}: {rect.width()}x{rect.height()}")
    finally:
        window.close()
    assert combos >= 3 and checks >= 1  # the pages have them: the check looked at real ones
    assert small == [], small
    del spins  # the pages' spin boxes come and go with their content; any present was checked


def _spin_button(spin: QAbstractSpinBox, part: QStyle.SubControl) -> QRect:
    opt = QStyleOptionSpinBox()
    opt.initFrom(spin)
    opt.rect = spin.rect()
    opt.subControls = QStyle.SubControl.SC_All
    opt.frame = True
    return spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, opt, part, spin)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_spin_buttons_are_48_px_and_a_press_anywhere_on_them_steps(qtbot, qapp, theme):
    from PySide6.QtWidgets import QSpinBox

    apply_theme(qapp, theme)
    spin = QSpinBox(minimum=0, maximum=10)
    spin.setValue(5)
    qtbot.addWidget(spin)
    spin.resize(300, spin.sizeHint().height())
    spin.show()
    qtbot.waitExposed(spin)
    up = _spin_button(spin, QStyle.SubControl.SC_SpinBoxUp)
    down = _spin_button(spin, QStyle.SubControl.SC_SpinBoxDown)
    assert min(up.width(), up.height(), down.width(), down.height()) >= MIN_TARGET_PX
    assert not up.intersects(down)
    # a gloved press lands near the edge of a button, not on its centre
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=QPoint(up.right() - 4, up.bottom() - 4))
    assert spin.value() == 6
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=QPoint(down.left() + 4, down.top() + 4))
    assert spin.value() == 5


def test_the_step_list_keeps_48_px_rows(qtbot, qapp, store, library):
    apply_theme(qapp, "light")
    window = MainWindow(store, library)
    qtbot.addWidget(window)
    try:
        listing = window.run_page.steps
        listing.addItem("✔  01  Identify the vehicle")
        window.resize(*SIZE)
        window.stack.setCurrentWidget(window.run_page)
        window.show()
        qtbot.waitExposed(window)
        assert listing.visualItemRect(listing.item(0)).height() >= MIN_TARGET_PX
    finally:
        window.close()
