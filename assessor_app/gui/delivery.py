"""Delivery to the training provider, in the window: background sync, status bar, enrollment.

The sync worker runs on its own thread (no Qt); it reports a SyncStatus, which a queued
signal carries to the GUI thread. Sealing queues the bundle and wakes the worker. A
workstation that is not enrolled shows how many sealed bundles wait, and enrolls from Settings.
"""

from __future__ import annotations

import datetime as dt
import logging
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel

from assessor_app.errors import AssessorError
from assessor_app.gui.operations import Operation, TaskManager
from assessor_app.gui.theme import set_tone

if TYPE_CHECKING:
    from assessor_app.storage.store import AssessmentStore

log = logging.getLogger(__name__)


class DeliveryCoordinator(QObject):
    """Owns the sync worker and keeps the status bar's two labels up to date."""

    status_changed = Signal(object)  # SyncStatus, from the worker thread (queued to the GUI)
    enrolled = Signal(object)  # Enrollment
    failed = Signal(object)  # an exception, for the window to show
    bound = Signal(object)  # AssessorBinding: an assessor's key was bound at the provider
    bind_failed = Signal(str)
    bindings_changed = Signal(object)  # list of AssessorBinding, as last confirmed by the provider
    feedback_arrived = Signal()  # a sync stored new moderation feedback
    eligibility_arrived = Signal()  # a sync received the provider's eligibility list

    def __init__(self, store: AssessmentStore, data_dir: Path, tasks: TaskManager,
                 connection: QLabel, outbox_label: QLabel, *, bandwidth_kbps: int | None = None,
                 prune: bool = False):
        super().__init__(connection)
        self.store, self.data_dir, self.tasks = store, data_dir, tasks
        self.connection, self.outbox_label = connection, outbox_label
        self.bandwidth_kbps, self.prune = bandwidth_kbps, prune
        self.worker: Any = None
        self.client: Any = None
        self._problems: tuple[str, ...] = ()
        self._feedback_received = 0
        self._eligibility_received: int | None = None
        self.status_changed.connect(self._show)
        # The sync code (HTTP client, bundles, receipts) loads on first use, off the window's
        # start: start() first needs it on a background thread.
        self._outbox: Any = None
        self._outbox_lock = threading.Lock()

    @property
    def outbox(self) -> Any:
        """The workstation's outbox (an :class:`assessor_app.sync.outbox.Outbox`), opened on first use."""
        with self._outbox_lock:
            if self._outbox is None:
                from assessor_app.sync.enrollment import open_outbox

                self._outbox = open_outbox(self.store, self.data_dir)
            return self._outbox

    # ------------------------------------------------------------------ starting
    def start(self) -> None:
        """Queue sealed bundles not yet in the outbox; start syncing when enrolled."""
        def run() -> Any:
            from assessor_app.sync.client import SyncError
            from assessor_app.sync.enrollment import provider_client, queue_sealed_bundles
            from assessor_app.sync.worker import SyncSettings, SyncWorker

            queue_sealed_bundles(self.outbox, self.data_dir / "bundles")
            if self.outbox.enrollment() is None and not (self.data_dir / "keys" / "enrollment.json").exists():
                return None
            try:
                client = provider_client(self.outbox, self.data_dir / "keys")
            except SyncError as exc:
                log.warning("sync not started: %s", exc)
                return str(exc)
            settings = SyncSettings(prune_after_receipt=self.prune, bandwidth_limit=(
                self.bandwidth_kbps * 1000 if self.bandwidth_kbps else None))
            return SyncWorker(self.outbox, client, settings=settings, on_status=self.status_changed.emit,
                              keys_dir=self.data_dir / "keys")

        self.tasks.background(Operation(run, on_success=self._started, on_failure=self.failed.emit,
                                        label="sync start"))

    def _started(self, worker: Any) -> None:
        if isinstance(worker, str) or worker is None:
            self._show_unenrolled(worker)
            return
        self.worker = worker.start()
        self.client = worker.client

    def _show_unenrolled(self, problem: str | None) -> None:
        counts = self.outbox.counts()
        self.connection.setText(self.tr("Not enrolled with a provider") if problem is None
                                else self.tr("Delivery stopped: {reason}").format(reason=problem))
        self.outbox_label.setText(self.tr("Outbox: {n}").format(n=counts["pending"]))

    # ------------------------------------------------------------------ events
    def bundle_sealed(self, bundle_dir: Path) -> None:
        """A new sealed bundle: into the outbox, and wake the worker."""
        def run() -> None:
            self.outbox.add_bundle(bundle_dir)

        def queued(_none: None) -> None:
            if self.worker is not None:
                self.worker.wake()
            else:
                self._show_unenrolled(None)

        self.tasks.background(Operation(run, on_success=queued, on_failure=self.failed.emit,
                                        label="outbox"))

    def enroll(self, provider_url: str, code: str) -> None:
        from assessor_app.sync.enrollment import enroll

        def run() -> Any:
            return enroll(self.outbox, provider_url=provider_url, code=code, keys_dir=self.data_dir / "keys")

        def done(enrollment: Any) -> None:
            self.enrolled.emit(enrollment)
            self.stop()
            self.start()

        self.tasks.background(Operation(run, on_success=done, on_failure=self.failed.emit,
                                        label="enroll"))

    def bind_assessor(self, assessor_id: str, code: str, pin: str) -> None:
        """Bind an assessor's key to their provider record (makes the key with ``pin`` if needed)."""
        from assessor_app.sync.assessors import bind_assessor, requeue_refused
        from assessor_app.sync.enrollment import provider_client

        def run() -> Any:
            client = provider_client(self.outbox, self.data_dir / "keys")
            try:
                binding = bind_assessor(client, self.data_dir / "keys", assessor_id=assessor_id, code=code,
                                        pin=pin)
            finally:
                client.close()
            requeue_refused(self.outbox, binding)  # refused only for want of this binding: send again
            return binding

        def done(binding: Any) -> None:
            self.bound.emit(binding)
            self.refresh_bindings()
            if self.worker is not None:
                self.worker.wake()

        def refused(error: BaseException) -> None:
            if isinstance(error, AssessorError | OSError):
                self.bind_failed.emit(str(error))
            else:
                self.failed.emit(error)

        self.tasks.background(Operation(run, on_success=done, on_failure=refused, label="bind assessor"))

    def refresh_bindings(self) -> None:
        """Read the assessors bound here (what the provider last confirmed) for Settings."""
        def run() -> Any:
            from assessor_app.sync.assessors import bindings

            return bindings(self.data_dir / "keys")

        self.tasks.background(Operation(run,
                                        on_success=self.bindings_changed.emit, on_failure=self.failed.emit,
                                        label="assessors"))

    def _show(self, status: Any) -> None:
        if status.feedback_received != self._feedback_received:
            self._feedback_received = status.feedback_received
            self.feedback_arrived.emit()
        if status.eligibility_received_us != self._eligibility_received:
            self._eligibility_received = status.eligibility_received_us
            self.eligibility_arrived.emit()
        if status.state == "revoked":
            self.connection.setText(self.tr("Provider: this workstation was revoked"))
            self.connection.setToolTip(status.last_error or "")
            set_tone(self.connection, "danger")
            self.outbox_label.setText(self.tr("Outbox: {n}").format(n=status.pending))
            return
        set_tone(self.connection, "")
        if status.assessor_problems != self._problems:
            self._problems = status.assessor_problems
            self.refresh_bindings()  # the provider's word on an assessor changed: Settings shows it
        states = {
            "idle": self.tr("Provider: up to date"), "uploading": self.tr("Provider: sending"),
            "offline": self.tr("Provider: offline"), "backing-off": self.tr("Provider: retrying"),
            "paused": self.tr("Provider: paused"), "stopped": self.tr("Provider: stopped"),
        }
        text = states.get(status.state, status.state)
        if status.state == "uploading" and status.total_bytes:
            text = self.tr("Provider: sending {id} {pct}%").format(
                id=(status.bundle_id or "")[:8], pct=int(100 * status.done_bytes / status.total_bytes))
        elif status.retry_in_s and status.state in ("offline", "backing-off"):
            text += self.tr(" (next try in {s} s)").format(s=int(status.retry_in_s))
        if status.last_success_wall_us:
            when = dt.datetime.fromtimestamp(status.last_success_wall_us / 1e6).strftime("%Y-%m-%d %H:%M")
            text += self.tr(" · last delivery {when}").format(when=when)
        self.connection.setText(text)
        self.connection.setToolTip(status.last_error or "")
        refused = self.tr(", {n} refused").format(n=status.refused) if status.refused else ""
        self.outbox_label.setText(self.tr("Outbox: {n}").format(n=status.pending) + refused)

    # ------------------------------------------------------------------ stopping
    def stop(self) -> None:
        worker, self.worker = self.worker, None
        if worker is not None:
            worker.stop()
            worker.client.close()
