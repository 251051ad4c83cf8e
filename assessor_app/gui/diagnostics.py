"""The vehicle in the window: the CAN log's state and bus load, snapshots and signal checks per step.

A CAN session logs the adapter on its own threads; a 500 ms timer reads its counters and load.
Snapshots and condition checks talk to the vehicle, so they run as background operations; what
they return is an engine action that the window records like any other (the trainer sees it at
the step, the record and the PDF carry it). With the simulated EV, the car follows the steps.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from assessor_app.devices.adapter_choice import SIMULATED, can_config_from_setting
from assessor_app.errors import AssessorError
from assessor_app.gui.operations import Operation, TaskManager
from assessor_app.gui.run_views import RunSnapshot
from assessor_app.gui.theme import set_tone
from assessor_app.gui.widgets import QuietLabel
from assessor_app.reports.pdf_diagnostics import diagnostic_lines
from assessor_app.reports.wording import wording
from assessor_app.storage.recorder import AssessmentRecorder

log = logging.getLogger(__name__)


class DiagnosticsPanel(QWidget):
    """Layout only: adapter state and load, the step's diagnostic buttons and what they recorded."""

    snapshot_requested = Signal()
    condition_requested = Signal()

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.status = QLabel(wordWrap=True)
        self.status.setAccessibleName(self.tr("Vehicle adapter status"))
        self.snapshot_button = QPushButton(self.tr("DTC snapshot (D)"))
        self.condition_button = QPushButton(self.tr("Check signals (C)"))
        self.results = QuietLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.results.setAccessibleName(self.tr("Diagnostics of this step"))
        self.warning = QuietLabel(objectName="refusal", wordWrap=True)
        # the buttons show only at a step that declares diagnostics: elsewhere the panel is its
        # status line, and the step list beside it keeps the room
        self.buttons = QWidget()
        buttons = QHBoxLayout(self.buttons)
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.snapshot_button)
        buttons.addWidget(self.condition_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        layout.addWidget(self.results)
        layout.addWidget(self.warning)
        self.snapshot_button.clicked.connect(self.snapshot_requested)
        self.condition_button.clicked.connect(self.condition_requested)
        for key, button in (("D", self.snapshot_button), ("C", self.condition_button)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # the run page keeps typed letters
            shortcut.setAutoRepeat(False)  # a held key asks the vehicle once
            shortcut.activated.connect(lambda b=button: b.isEnabled() and b.isVisible() and b.click())
        self.set_buttons(False, False)

    def set_buttons(self, snapshot: bool, condition: bool) -> None:
        self.snapshot_button.setEnabled(snapshot)
        self.condition_button.setEnabled(condition)
        self.buttons.setVisible(snapshot or condition)

    def show_load(self, device: str, stats: Any) -> None:
        if stats.in_gap:
            self.status.setText(self.tr("Vehicle adapter lost: {device}").format(device=device))
            set_tone(self.status, "danger")
            return
        set_tone(self.status, "")
        overflow = (self.tr(" · {n} frames lost").format(n=stats.counters.queue_overflows)
                    if stats.counters.queue_overflows else "")
        self.status.setText(self.tr("CAN log: {device} · {fps} frames/s ({pct}%)").format(
            device=device, fps=int(stats.load.frames_per_s), pct=round(stats.load.percent, 1)) + overflow)


class DiagnosticsCoordinator(QObject):
    """Owns the CAN session (and the simulated EV) of the open assessment."""

    action_ready = Signal(object)  # an engine action to record (connected, snapshot, check)
    failed = Signal(object)

    def __init__(self, panel: DiagnosticsPanel, tasks: TaskManager, data_dir: Path, adapter: str,
                 language: str = "en"):
        super().__init__(panel)
        self.panel, self.tasks, self.data_dir, self.adapter = panel, tasks, data_dir, adapter
        self.language = language
        self.session: Any = None
        self.vehicle: Any = None
        self.snapshot: RunSnapshot | None = None
        self.step: str | None = None  # the step being worked on (the log's segments follow it)
        self.panel_step: str | None = None  # the step the trainer is looking at
        self._generation = 0  # which assessment is on screen: a late start for an older one is undone
        self.timer = QTimer(self)
        self.timer.setInterval(500)
        self.timer.timeout.connect(self.poll)
        panel.snapshot_requested.connect(self.take_snapshot)
        panel.condition_requested.connect(self.check_condition)
        panel.status.setText(self.tr("No vehicle adapter (Settings)") if not adapter else "")

    # ------------------------------------------------------------------ the session
    def begin(self, recorder: AssessmentRecorder, *, in_progress: bool) -> None:
        self.end()
        self._generation += 1
        generation = self._generation
        if not self.adapter:
            self.panel.status.setText(self.tr("No vehicle adapter (Settings)"))
            return
        if not in_progress:
            self.panel.status.setText(self.tr("Assessment closed: no CAN log"))
            return
        self.panel.status.setText(self.tr("Connecting to the vehicle adapter…"))
        setting, store, data_dir = self.adapter, recorder.store, self.data_dir
        timeline, checklist_id = recorder.timeline, recorder.engine.spec.id

        def run() -> tuple[Any, Any]:
            from assessor_app.devices.can import default_dbc
            from assessor_app.devices.can_session import CanSession
            from assessor_app.devices.simulated_vehicle import SimulatedVehicle

            config = can_config_from_setting(setting)
            assert config is not None
            vehicle = SimulatedVehicle(checklist_id).start() if setting == SIMULATED else None
            session = CanSession(store, data_dir, recorder.assessment_id, config,
                                 timeline_us=lambda: timeline.at(time.monotonic_ns() // 1000),
                                 dbc_path=default_dbc() if vehicle is not None else None)
            try:
                session.start()
            except AssessorError:
                if vehicle is not None:
                    vehicle.stop()
                raise
            return session, vehicle

        self.tasks.background(Operation(run, on_success=lambda s: self._started(s, generation),
                                        on_failure=self._failed, label="vehicle adapter"))

    def _started(self, started: tuple[Any, Any], generation: int) -> None:
        self.session, self.vehicle = started
        if generation != self._generation:  # another assessment was opened meanwhile
            self.end()
            return
        self.panel.warning.setText("")
        self.action_ready.emit(self.session.connected_action())
        self.session.mark_step(self.step)
        self.timer.start()
        self.poll()

    def _failed(self, error: BaseException) -> None:
        if isinstance(error, AssessorError | OSError):
            self.panel.status.setText(self.tr("Vehicle adapter not available"))
            self.panel.warning.setText(str(error))
        else:
            self.failed.emit(error)

    def end(self) -> None:
        """Stop logging (on the writer thread: the last segment is indexed before what follows)."""
        session, vehicle, self.session, self.vehicle = self.session, self.vehicle, None, None
        self.timer.stop()
        self.panel.set_buttons(False, False)

        def stop() -> None:
            try:
                if session is not None:
                    session.stop()
            finally:
                if vehicle is not None:
                    vehicle.stop()

        if session is not None or vehicle is not None:
            self.tasks.write(Operation(stop, on_success=lambda _r: self.panel.status.setText(
                self.tr("CAN log closed")), on_failure=self.failed.emit, label="stop CAN log"))

    def shutdown(self) -> None:
        self.timer.stop()
        session, vehicle, self.session, self.vehicle = self.session, self.vehicle, None, None
        try:
            if session is not None:
                session.stop()
        finally:
            if vehicle is not None:
                vehicle.stop()

    # ------------------------------------------------------------------ following the run
    def on_event(self, event: Any) -> None:
        """After an accepted action: the simulated car follows; a new step starts a new log segment."""
        if self.vehicle is not None:
            self.vehicle.on_event(event)
        step = getattr(event, "payload", {}).get("step")
        if self.session is not None and step and step != self.step:
            self.session.mark_step(str(step))
        if step:
            self.step = str(step)

    def show_step(self, snapshot: RunSnapshot, step_id: str | None) -> None:
        """The trainer looks at ``step_id``: its diagnostics, and the buttons it needs."""
        self.snapshot, self.panel_step = snapshot, step_id
        view = snapshot.diagnostics.get(step_id or "")
        live = self.session is not None and not snapshot.read_only
        self.panel.set_buttons(live and bool(view and view.snapshot), live and bool(view and view.condition))
        if view is None or step_id is None:
            self.panel.results.setText("")
            return
        step = snapshot.spec.step(step_id)
        lines = [text for text, _alert in diagnostic_lines(step, view.records, wording(self.language),
                                                           self.language)]
        needed = []
        if "snapshot" in view.outstanding and view.snapshot:
            needed.append(self.tr("DTC snapshot: {what}").format(what=view.snapshot))
        if "condition" in view.outstanding and view.condition:
            needed.append(self.tr("signal check: {what}").format(what=view.condition_title))
        if needed and (snapshot.diagnostics_connected or live):
            lines.append(self.tr("Needed before a pass: {what}").format(what="; ".join(needed)))
        self.panel.results.setText("<br>".join(lines))

    def poll(self) -> None:
        session = self.session
        if session is None:
            return
        self.panel.show_load(session.device, session.stats())
        notices = session.take_notices()
        if notices:
            self.panel.warning.setText(notices[-1])

    # ------------------------------------------------------------------ taking evidence
    def _current(self) -> tuple[Any, str, Any] | None:
        snapshot, session = self.snapshot, self.session
        step = self.panel_step
        if snapshot is None or session is None or step is None:
            return None
        view = snapshot.diagnostics.get(step)
        return (session, step, view) if view is not None else None

    def take_snapshot(self) -> None:
        current = self._current()
        if current is None or not current[2].snapshot:
            return
        session, step, view = current
        self.panel.warning.setText(self.tr("Reading the vehicle…"))
        self.tasks.background(Operation(
            lambda: session.take_snapshot(step, view.snapshot), on_success=self._evidence,
            on_failure=self._evidence_failed, label="snapshot"))

    def check_condition(self) -> None:
        current = self._current()
        if current is None or not current[2].condition:
            return
        session, step, view = current
        self.panel.warning.setText(self.tr("Checking the signals…"))
        # judged against the assessment's parameter, and cross-checked with the step's typed readings
        limits, readings = dict(view.limits), dict(view.readings)
        self.tasks.background(Operation(
            lambda: session.check_condition(step, view.condition, wait_s=3.0, limits=limits,
                                            readings=readings),
            on_success=self._evidence, on_failure=self._evidence_failed, label="condition"))

    def _evidence(self, evidence: Any) -> None:
        self.panel.warning.setText("")
        self.action_ready.emit(evidence.action())

    def _evidence_failed(self, error: BaseException) -> None:
        if isinstance(error, AssessorError | OSError):
            self.panel.warning.setText(str(error))
        else:
            self.failed.emit(error)
