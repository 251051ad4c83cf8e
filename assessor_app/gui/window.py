"""Start the desktop window: Qt application, crash reporting, one instance, translations.

The first frame comes first: the window's frame and its home page are shown with nothing but Qt
and a few small modules loaded. Once that frame is painted, the writer thread opens the store,
loads the checklists and imports the other pages; the window then builds them and reads the
home list. So the window appears in about the time Qt itself needs, and the database, SQLAlchemy,
the camera, CAN and PDF code load while the trainer already sees it.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QLockFile, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from assessor_app.durable import private_dir
from assessor_app.errors import AssessorError
from assessor_app.gui.crash import CrashReporter
from assessor_app.gui.main_window import MainWindow
from assessor_app.gui.operations import Operation
from assessor_app.gui.theme import apply_theme
from assessor_app.gui.translator import install_translations
from assessor_app.paths import checklists_dir, data_dir, database_path, user_checklists_dir
from assessor_app.settings import load_settings

if TYPE_CHECKING:
    from assessor_app.core.specs.library import Library
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


#: How long the start waits for the window's first frame before it loads the store anyway (a
#: window that starts minimised is not painted until it is shown).
LOAD_WITHOUT_FRAME_MS = 1500
#: The modules of the pages and devices: imported on the writer thread while the first frame is
#: up, so that building the pages on the GUI thread does not wait for imports.
WINDOW_MODULES = (
    "assessor_app.gui.delivery", "assessor_app.gui.diagnostics", "assessor_app.gui.video",
    "assessor_app.gui.pages.new_assessment", "assessor_app.gui.pages.review",
    "assessor_app.gui.pages.run", "assessor_app.gui.pages.settings",
    "assessor_app.gui.run_controller", "assessor_app.storage.recorder", "assessor_app.evidence.keys",
)


class FirstFrame(QObject):
    """Calls ``then`` once, after the first frame of ``window`` has been painted (or after
    ``fallback_ms`` if it never is)."""

    def __init__(self, window: QWidget, then: Callable[[], None], fallback_ms: int = LOAD_WITHOUT_FRAME_MS):
        super().__init__(window)
        self.window, self.then, self.done = window, then, False
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)  # the first Paint may reach any widget of the window first
        QTimer.singleShot(fallback_ms, self, self._go)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        if (event.type() == QEvent.Type.Paint and isinstance(obj, QWidget)
                and obj.window() is self.window):
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            QTimer.singleShot(0, self, self._go)  # once the whole frame is painted and flushed
        return False

    def _go(self) -> None:
        if not self.done:
            self.done = True
            app = QApplication.instance()
            if app is not None:
                app.removeEventFilter(self)
            self.then()


def load_store_and_checklists(folder: Path, demo: bool,
                              opened: list[AssessmentStore]) -> tuple[AssessmentStore, Library]:
    """On the writer thread: open (or create) the store, load the checklists, import the pages.
    The store is added to ``opened`` at once, so that it is closed even if the window is closed
    before it takes the store."""
    import importlib

    from assessor_app.core.specs.library import load_library
    from assessor_app.storage.store import AssessmentStore

    store = AssessmentStore.open(database_path(folder))
    opened.append(store)
    try:
        library = load_library(checklists_dir(), _user_checklists(folder))
        if demo and store.count() == 0:
            # a newcomer's first look: one finished assessment to open, next to starting a new one
            from assessor_app.demo import run_demo

            run_demo(library, folder, say=log.info)
        for name in WINDOW_MODULES:
            importlib.import_module(name)
    except BaseException:
        opened.remove(store)
        store.close()
        raise
    return store, library


def run(demo: bool = False, log_file: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    assert isinstance(app, QApplication)
    app.setApplicationName("Assessor")
    settings = load_settings()
    apply_theme(app, settings.theme)
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
    window = MainWindow(None, None, settings.language)
    opened: list[AssessmentStore] = []  # the store, once open: closed when the app ends

    def loaded(result: tuple[AssessmentStore, Library]) -> None:
        store, library = result
        window.attach(store, library, camera="simulated" if demo else settings.camera,
                      adapter="simulated" if demo else settings.can_adapter)
        log.info("ready: window shown, data in %s, %d translator(s)", folder, len(translators))

    def failed(error: BaseException) -> None:
        if isinstance(error, AssessorError):  # the store cannot be opened: said, then the app ends
            log.error("cannot open the store: %s", error)
            QMessageBox.critical(window, "Assessor", str(error))
            app.exit(1)
            return
        window.statusBar().showMessage(QCoreApplication.translate(
            "app", "The assessments could not be opened: see the error message."))
        raise error  # to the crash reporter: logged, shown with its details

    def load() -> None:
        log.info("painted: the window's first frame; opening the store")
        window.tasks.write(Operation(lambda: load_store_and_checklists(folder, demo, opened),
                                     on_success=loaded, on_failure=failed, label="open store"))

    FirstFrame(window, load)
    window.show()
    code = app.exec()
    if window.isVisible():  # ended without being closed (the store could not be opened)
        window.close()  # its worker threads stop
    for store in opened:
        store.close()
    lock.unlock()
    return int(code)
