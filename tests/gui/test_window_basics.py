"""Glove-friendly targets, a shortcut for every action, one instance, crashes reach people."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtGui import QShortcut
from PySide6.QtWidgets import QPushButton

from assessor_app.gui.crash import CrashReporter
from assessor_app.gui.main_window import MainWindow
from assessor_app.gui.theme import MIN_TARGET_PX, STYLE
from assessor_app.gui.window import acquire_instance_lock


def test_every_button_is_at_least_48_px_high(qtbot, qapp, store, library):
    qapp.setStyleSheet(STYLE)
    window = MainWindow(store, library)
    qtbot.addWidget(window)
    window.show()
    small = []
    for page in (window.home, window.new_page, window.run_page, window.review, window.settings_page):
        window.stack.setCurrentWidget(page)
        qtbot.waitExposed(window)
        for button in page.findChildren(QPushButton):
            if button.isVisible() and button.height() < MIN_TARGET_PX:
                small.append((type(page).__name__, button.text(), button.height()))
    qapp.setStyleSheet("")
    window.close()
    assert not small


def test_step_actions_have_keyboard_shortcuts(qtbot, store, library):
    window = MainWindow(store, library)
    qtbot.addWidget(window)
    keys = {s.key().toString() for s in window.run_page.findChildren(QShortcut)}
    assert {"Space", "Return", "Enter", "F", "N", "S", "R", "Up", "Down"} <= keys
    for button in (window.home.new_button, window.home.settings_button,
                   window.review.finish_button, window.new_page.start_button):
        assert "&" in button.text(), button.text()
    window.close()


def test_only_one_instance_per_data_folder(tmp_path: Path):
    first = acquire_instance_lock(tmp_path)
    assert first is not None
    assert acquire_instance_lock(tmp_path) is None
    first.unlock()
    again = acquire_instance_lock(tmp_path)
    assert again is not None
    again.unlock()


def test_an_unexpected_error_is_logged_and_shown_with_details(qtbot, caplog, tmp_path: Path):
    reporter = CrashReporter(tmp_path / "assessor.log")
    reporter.install()
    try:
        with caplog.at_level(logging.ERROR, logger="assessor.crash"):
            try:
                raise RuntimeError("camera driver fell over")
            except RuntimeError:
                sys.excepthook(*sys.exc_info())
        qtbot.waitUntil(lambda: bool(reporter.shown), timeout=2000)
    finally:
        reporter.uninstall()
    assert reporter.shown == ["RuntimeError: camera driver fell over"]
    assert "camera driver fell over" in caplog.text and "Traceback" in caplog.text
