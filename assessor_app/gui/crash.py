"""Crashes reach people: log the error, show it with copyable details, keep working if possible."""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType
from typing import Any

from PySide6.QtCore import QObject, QtMsgType, Signal, qInstallMessageHandler
from PySide6.QtWidgets import QApplication, QMessageBox

from assessor_app.durable import private_dir, private_opener

log = logging.getLogger("assessor.crash")
_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG, QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING, QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


class CrashReporter(QObject):
    """Receives errors from any thread; shows them on the GUI thread."""

    _show = Signal(str, str)

    def __init__(self, log_file: Path | None = None):
        super().__init__()
        self.log_file = log_file
        self.shown: list[str] = []
        self._boxes: list[QMessageBox] = []
        self._saved = (sys.excepthook, threading.excepthook)
        self._show.connect(self._dialog)

    def install(self, fault_file: Path | None = None) -> None:
        self._saved = (sys.excepthook, threading.excepthook)
        sys.excepthook = self._excepthook
        threading.excepthook = self._thread_excepthook
        qInstallMessageHandler(self._qt_message)
        if fault_file is not None:
            private_dir(fault_file.parent)
            self._fault = open(fault_file, "a", encoding="utf-8", opener=private_opener)  # noqa: SIM115
            faulthandler.enable(self._fault)

    def uninstall(self) -> None:
        """Put the previous hooks back (tests; a second window in one process)."""
        sys.excepthook, threading.excepthook = self._saved
        qInstallMessageHandler(None)
        for box in self._boxes:
            box.close()

    def _excepthook(self, kind: type[BaseException], error: BaseException,
                    tb: TracebackType | None) -> None:
        details = "".join(traceback.format_exception(kind, error, tb))
        log.error("unhandled error\n%s", details)
        self._show.emit(f"{kind.__name__}: {error}", details)

    def _thread_excepthook(self, args: Any) -> None:
        self._excepthook(args.exc_type, args.exc_value, args.exc_traceback)

    @staticmethod
    def _qt_message(kind: QtMsgType, _context: Any, message: str) -> None:
        logging.getLogger("qt").log(_QT_LEVELS.get(kind, logging.WARNING), message)

    def _dialog(self, summary: str, details: str) -> None:
        self.shown.append(summary)
        if QApplication.instance() is None:
            return
        box = QMessageBox(QMessageBox.Icon.Critical, self.tr("Assessor: unexpected error"),
                          self.tr("Something went wrong. What you recorded so far is saved.\n\n{s}")
                          .format(s=summary))
        where = f"\n\nLog: {self.log_file}" if self.log_file else ""
        box.setDetailedText(details + where)  # selectable: the "copy details" people send us
        self._boxes.append(box)
        box.open()
