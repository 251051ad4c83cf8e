"""Start the desktop window: Qt application, crash reporting, one instance, translations."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLockFile
from PySide6.QtWidgets import QApplication, QMessageBox

from assessor_app.core.specs.library import load_library
from assessor_app.durable import private_dir
from assessor_app.errors import AssessorError
from assessor_app.gui.crash import CrashReporter
from assessor_app.gui.main_window import MainWindow
from assessor_app.gui.theme import STYLE
from assessor_app.gui.translator import install_translations
from assessor_app.paths import checklists_dir, data_dir, database_path, user_checklists_dir
from assessor_app.settings import load_settings
from assessor_app.storage.store import AssessmentStore

log = logging.getLogger(__name__)
def acquire_instance_lock(folder: Path) -> QLockFile | None:
    """The lock that keeps a second window off the same data; None when one is already open."""
    lock = QLockFile(str(folder / "assessor.lock"))
    lock.setStaleLockTime(0)  # a crashed instance's lock is detected by its dead process id
    return lock if lock.tryLock(200) else None


def _user_checklists(folder: Path) -> Path:
    """The data folder's checklists folder, made on first start so that a provider's files have a
    place to go (Settings shows it)."""
    user = user_checklists_dir(folder)
    try:
        private_dir(user, tighten_existing=False)
    except OSError as exc:  # read-only data folder: nothing to read from it, and Settings says so
        log.warning("cannot create the checklist folder %s: %s", user, exc)
    return user


def run(demo: bool = False, log_file: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Assessor")
    app.setStyleSheet(STYLE)
    settings = load_settings()
    folder = data_dir() / "demo" if demo else data_dir()
    private_dir(folder)
    reporter = CrashReporter(log_file)
    reporter.install(log_file.with_name("faults.log") if log_file else None)
    translators = install_translations(app, settings.language)
    lock = acquire_instance_lock(folder)
    if lock is None:
        QMessageBox.information(
            None, "Assessor", QCoreApplication.translate("app", "Assessor is already open on this computer.")
        )
        return 1
    try:
        store = AssessmentStore.open(database_path(folder))
    except AssessorError as exc:
        QMessageBox.critical(None, "Assessor", str(exc))
        return 1
    library = load_library(checklists_dir(), _user_checklists(folder))
    if demo and store.count() == 0:
        # a newcomer's first look: one finished assessment to open, next to starting a new one
        from assessor_app.demo import run_demo

        run_demo(library, folder, say=log.info)
    window = MainWindow(store, library, settings.language,
                        camera="simulated" if demo else settings.camera,
                        adapter="simulated" if demo else settings.can_adapter)
    window.show()
    log.info("ready: window shown, data in %s, %d translator(s)", folder, len(translators))
    code = app.exec()
    store.close()
    lock.unlock()
    return int(code)
