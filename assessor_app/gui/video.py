"""The camera in the window: live preview, recording indicator, pause/resume, warnings.

The recorder runs on its own threads; a 100 ms timer takes the latest frame and the status
(friture's pattern: never a signal per frame). Starting a camera and stopping a recording
touch hardware and files, so they run as operations off the GUI thread; stopping runs on the
writer thread, so the last segment is indexed before anything sealed after it.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QImage, QKeySequence, QPixmap, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from assessor_app.devices.camera_choice import camera_from_setting
from assessor_app.devices.video import RecorderStatus
from assessor_app.devices.video_session import VideoSession
from assessor_app.gui.operations import Operation, TaskManager
from assessor_app.gui.theme import keep_words, set_tone
from assessor_app.gui.translator import window_language
from assessor_app.gui.widgets import QuietLabel
from assessor_app.i18n import format_quantity
from assessor_app.storage.recorder import AssessmentRecorder

log = logging.getLogger(__name__)
#: The live preview beside the step list: small enough that the list shows most steps on a
#: 1366x768 screen, large enough to see that the camera frames the work.
PREVIEW_SIZE = (176, 99)


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}"


class VideoPanel(QWidget):
    """Layout only: the preview, the indicator, the pause button and the warning line."""

    toggle_requested = Signal()

    def __init__(self, parent: QWidget | None = None, preview_size: tuple[int, int] = PREVIEW_SIZE):
        super().__init__(parent)
        self.preview_size = preview_size
        self.preview = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.preview.setFixedSize(*preview_size)
        self.preview.setStyleSheet("background: #000; color: #bbb;")
        self.preview.setAccessibleName(self.tr("Camera preview"))
        self.indicator = QLabel(objectName="recording")
        self.indicator.setAccessibleName(self.tr("Recording status"))
        self.toggle = QPushButton(self.tr("Pause recording (V)"))
        self.toggle.setEnabled(False)
        self.warning = QuietLabel(objectName="refusal", wordWrap=True)
        self.indicator.setWordWrap(True)
        # the preview beside what it says and its button: one row, not a column, on a small screen
        side = QVBoxLayout()
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.indicator)
        side.addStretch(1)
        side.addWidget(self.toggle)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(side, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.warning)
        self.last_status: RecorderStatus | None = None
        self.toggle.clicked.connect(self.toggle_requested)
        shortcut = QShortcut(QKeySequence("V"), self)
        shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # the run page keeps typed letters for fields
        shortcut.setAutoRepeat(False)  # a held key pauses once
        shortcut.activated.connect(self._shortcut)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        keep_words(self.toggle)  # never narrower than its words, beside the preview

    def _shortcut(self) -> None:
        if self.toggle.isEnabled() and self.isVisible():
            self.toggle_requested.emit()

    def show_idle(self, text: str) -> None:
        self.preview.clear()
        self.preview.setText(text)
        self.indicator.setText("")
        self.toggle.setEnabled(False)

    def show_frame(self, frame: np.ndarray) -> None:
        height, width = frame.shape[:2]
        rgb = np.ascontiguousarray(frame[:, :, ::-1])  # BGR -> RGB, owned by this call
        image = QImage(rgb.data, width, height, 3 * width, QImage.Format.Format_RGB888).copy()
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            *self.preview_size, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))

    def show_status(self, status: RecorderStatus) -> None:
        self.last_status = status
        size = format_quantity(status.bytes_written / 1e6, "MB", window_language(), 1)
        dropped = (self.tr(" · {n} frames dropped").format(n=status.frames_dropped)
                   if status.frames_dropped else "")
        if status.state == "recording":
            text = self.tr("● REC {time} · {size}").format(time=_clock(status.duration_s), size=size)
            set_tone(self.indicator, "danger")
        elif status.state == "paused":
            text = self.tr("Paused at {time} · {size}").format(time=_clock(status.duration_s), size=size)
            set_tone(self.indicator, "warning")
        elif status.state == "gap":
            text = self.tr("Camera lost: waiting for it to come back")
            set_tone(self.indicator, "danger")
        else:
            text = self.tr("Recorded {time} in {n} segments · {size}").format(
                time=_clock(status.duration_s), n=status.segments, size=size)
            set_tone(self.indicator, "")
        self.indicator.setText(text + dropped)
        running = status.state in ("recording", "paused", "gap")
        self.toggle.setEnabled(running and status.state != "gap")
        self.toggle.setText(self.tr("Resume recording (V)") if status.state == "paused"
                            else self.tr("Pause recording (V)"))
        if self.isVisible():
            keep_words(self.toggle)  # "Resume" may be the longer word


class VideoCoordinator(QObject):
    """Owns the video session of the open assessment and keeps the panel up to date."""

    #: an unexpected error, for the window's crash handling (a signal: no reference to the window)
    failed = Signal(object)

    def __init__(self, panel: VideoPanel, tasks: TaskManager, data_dir: Path, camera: str):
        super().__init__(panel)
        self.panel, self.tasks, self.data_dir, self.camera = panel, tasks, data_dir, camera
        self.session: VideoSession | None = None
        self._generation = 0  # which assessment the panel shows: late reports of an older one are dropped
        self.timer = QTimer(self)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self.poll)
        panel.toggle_requested.connect(self.toggle)
        panel.show_idle(self.tr("No assessment open"))

    def begin(self, recorder: AssessmentRecorder, *, in_progress: bool) -> None:
        """Record the assessment now open, when it is running, has consent to video and a camera."""
        self.end()
        self._generation += 1
        generation = self._generation
        consent = recorder.engine.state.consent
        if not in_progress:
            self.panel.show_idle(self.tr("Assessment closed: no recording"))
            return
        if not (consent and consent.get("video")):
            self.panel.show_idle(self.tr("Not recording: no consent to video"))
            return
        if not self.camera:
            self.panel.show_idle(self.tr("No camera chosen (Settings)"))
            return
        self.panel.show_idle(self.tr("Starting the camera…"))
        source = camera_from_setting(self.camera)
        assert source is not None
        store, data_dir = recorder.store, self.data_dir
        timeline = recorder.timeline

        def run() -> VideoSession:
            session = VideoSession(store, data_dir, recorder.assessment_id, source,
                                   timeline_us=lambda: timeline.at(time.monotonic_ns() // 1000))
            session.start(consent_given=True)
            return session

        self.tasks.background(Operation(run, on_success=lambda s: self._started(s, generation),
                                        on_failure=self._failed, label="camera"))

    def _started(self, session: VideoSession, generation: int) -> None:
        if generation != self._generation:  # another assessment was opened meanwhile
            self.tasks.write(Operation(session.stop, label="stop video"))
            return
        self.session = session
        self.panel.warning.setText("")
        self.timer.start()

    def _failed(self, error: BaseException) -> None:
        from assessor_app.errors import AssessorError

        if isinstance(error, AssessorError | OSError):
            self.panel.show_idle(self.tr("Camera not available"))
            self.panel.warning.setText(str(error))
        else:
            self.failed.emit(error)

    def poll(self) -> None:
        session = self.session
        if session is None:
            return
        latest = session.latest_frame()
        if latest is not None:
            self.panel.show_frame(latest.frame)
        self.panel.show_status(session.status())
        notices = session.take_notices()
        if notices:
            self.panel.warning.setText(notices[-1])

    def mark(self, event: Any) -> None:
        """After an accepted action: a step mark on the recording."""
        session = self.session
        step = getattr(event, "payload", {}).get("step")
        if session is not None and step:
            session.mark_step(str(step), event.t_us)

    def toggle(self) -> None:
        session = self.session
        if session is None:
            return
        if session.status().state == "paused":
            session.resume()
        else:
            session.pause()
        self.poll()

    def end(self, then: Callable[[], Any] | None = None) -> None:
        """Stop recording (on the writer thread: the last segment is indexed before what follows)."""
        session, self.session = self.session, None
        if session is None:
            if then is not None:
                then()
            return
        generation = self._generation
        self.timer.stop()

        def stopped(_reason: object) -> None:
            if generation == self._generation:  # still the assessment on screen
                self.panel.show_status(session.status())
            if then is not None:
                then()

        self.tasks.write(Operation(session.stop, on_success=stopped, on_failure=self.failed.emit,
                                   label="stop video"))

    def shutdown(self) -> None:
        """Window closing: stop now, on this thread (the task threads are being shut down)."""
        self.timer.stop()
        session, self.session = self.session, None
        if session is not None:
            session.stop()
