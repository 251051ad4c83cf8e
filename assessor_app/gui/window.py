"""Start the desktop window (called by the app bootstrap)."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from assessor_app.core.specs.library import load_library
from assessor_app.gui.main_window import MainWindow
from assessor_app.gui.theme import STYLE
from assessor_app.paths import checklists_dir, data_dir, database_path
from assessor_app.storage.store import AssessmentStore


def run(demo: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setStyleSheet(STYLE)
    folder = data_dir() / "demo" if demo else data_dir()
    store = AssessmentStore.open(database_path(folder))
    window = MainWindow(store, load_library(checklists_dir()))
    window.show()
    code = app.exec()
    store.close()
    return int(code)
