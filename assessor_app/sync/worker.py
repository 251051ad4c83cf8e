"""The background sync: a thread (no Qt) that delivers the outbox whenever the provider answers.

It waits on events, never on fixed sleeps: ``wake()`` (a bundle was added, the network came
back), ``pause()``/``resume()``, ``stop()``. Failures back off exponentially with full jitter;
a refusal that retrying cannot change (quarantine, revocation) stops that bundle, with the
provider's reason kept in the outbox for the window to show.
"""

from __future__ import annotations

import logging
import random
import threading
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from assessor_app.storage.eligibility import EligibilityStore, HeldList, StaleList
from assessor_app.sync.assessors import apply_status
from assessor_app.sync.client import DeviceRevoked, ProviderClient, SyncError, TransientError
from assessor_app.sync.eligibility import EligibilityError, fetch_eligibility
from assessor_app.sync.feedback import FeedbackError, FeedbackInbox, fetch_feedback
from assessor_app.sync.outbox import Entry, Outbox, now_us
from assessor_app.sync.receipts import ReceiptError
from assessor_app.sync.upload import BundleRefused, MiB, RateLimit, Stopped, TusUploader

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SyncSettings:
    chunk_size: int = 32 * MiB  # the largest chunk; on slower lines chunks take about 5 s each
    min_chunk_size: int = 256 * 1024
    bandwidth_limit: int | None = None  # bytes per second; None: as fast as the line allows
    prune_after_receipt: bool = False  # local copies are kept unless this is chosen
    backoff_base_s: float = 2.0
    backoff_max_s: float = 600.0
    idle_check_s: float = 300.0  # how often an empty outbox looks again without a wake()


@dataclass(frozen=True)
class SyncStatus:
    """What the window shows: state, outbox count, the bundle moving, the last success."""

    state: str = "idle"  # idle, uploading, offline, backing-off, paused, stopped, revoked
    pending: int = 0
    refused: int = 0
    bundle_id: str | None = None
    done_bytes: int = 0
    total_bytes: int = 0
    last_success_wall_us: int | None = None
    last_error: str | None = None
    retry_in_s: float | None = None
    delivered: tuple[str, ...] = field(default=())
    #: the provider's word on this workstation's assessors, from its last status answer
    assessor_problems: tuple[str, ...] = field(default=())
    #: items of moderation feedback received and stored since the worker started
    feedback_received: int = 0
    #: when the provider's eligibility list was last received and held here (this workstation's clock)
    eligibility_received_us: int | None = None


class SyncWorker:
    def __init__(self, outbox: Outbox, client: ProviderClient, *, settings: SyncSettings | None = None,
                 on_status: Callable[[SyncStatus], None] = lambda _s: None,
                 rng: random.Random | None = None, keys_dir: Path | None = None):
        self.outbox = outbox
        self.client = client
        self.keys_dir = keys_dir  # where assessor bindings are refreshed from the provider's status
        self.settings = settings or SyncSettings()
        self.on_status = on_status
        self._rng = rng or random.Random()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._running = threading.Event()
        self._running.set()
        self._abort = threading.Event()  # set by pause/stop: the current chunk is abandoned
        self._rate = RateLimit(self.settings.bandwidth_limit)
        self._failures = 0
        self._status = SyncStatus(last_success_wall_us=outbox.last_delivery_wall_us())
        self._status_lock = threading.Lock()
        self._thread = threading.Thread(target=self._run, name="sync-worker", daemon=True)

    # ------------------------------------------------------------ control (any thread)
    def start(self) -> SyncWorker:
        self._thread.start()
        return self

    def wake(self) -> None:
        self._wake.set()

    def pause(self) -> None:
        self._running.clear()
        self._abort.set()
        self._wake.set()

    def resume(self) -> None:
        self._abort.clear()
        self._running.set()
        self._wake.set()

    def stop(self, timeout: float = 30.0) -> None:
        self._stop.set()
        self._abort.set()
        self._running.set()
        self._wake.set()
        if self._thread.is_alive():
            self._thread.join(timeout)

    @property
    def status(self) -> SyncStatus:
        with self._status_lock:
            return self._status

    def _set(self, **changes: object) -> None:
        with self._status_lock:
            self._status = replace(self._status, **changes)  # type: ignore[arg-type]
            status = self._status
        self.on_status(status)

    # ------------------------------------------------------------ the loop
    def _run(self) -> None:
        while not self._stop.is_set():
            if not self._running.is_set():
                self._set(state="paused")
                self._running.wait()
                continue
            pending = self.outbox.pending()
            counts = self.outbox.counts()
            self._set(pending=counts["pending"], refused=counts["refused"])
            # with nothing to send it still asks how the provider stands with this workstation and
            # its assessors, so a revocation shows at the next sync, not at the next bundle
            delay = self.run_once(pending)
            if delay is not None:
                self._set(retry_in_s=delay)
                self._wait(delay)
            elif not pending:
                self._set(state="idle", bundle_id=None, retry_in_s=None)
                self._wait(self.settings.idle_check_s)
        self._set(state="stopped")

    def _wait(self, seconds: float) -> None:
        self._wake.wait(seconds)
        self._wake.clear()

    def run_once(self, pending: list[Entry] | None = None) -> float | None:
        """Try every pending bundle once; returns the backoff delay after a failure, else None."""
        if not self.client.reachable():
            return self._backoff("offline", f"the provider at {self.client.url} cannot be reached")
        try:
            self._refresh_standing()
        except DeviceRevoked as exc:
            # nothing is refused or lost: the bundles wait until the workstation is enrolled again
            log.warning("sync: %s", exc)
            self._failures = 30
            self._set(state="revoked", last_error=str(exc))
            return self.settings.backoff_max_s
        except TransientError as exc:
            return self._backoff("backing-off", str(exc))
        for entry in pending if pending is not None else self.outbox.pending():
            if self._stop.is_set() or not self._running.is_set():
                return None
            try:
                self.deliver(entry)
            except Stopped:
                return None
            except DeviceRevoked as exc:
                self._set(state="revoked", last_error=str(exc))
                return self.settings.backoff_max_s
            except TransientError as exc:
                self.outbox.attempt_failed(entry.bundle_id, str(exc))
                return self._backoff("backing-off", str(exc))
            except (BundleRefused, ReceiptError, SyncError) as exc:
                # an answer, not an accident: retrying will not change it
                log.warning("bundle %s refused: %s", entry.bundle_id, exc)
                self.outbox.refused(entry.bundle_id, str(exc))
                self._set(last_error=str(exc))
        if self._stop.is_set() or not self._running.is_set():
            return None
        try:
            self.receive_feedback()
            self.receive_eligibility()
        except DeviceRevoked as exc:
            self._set(state="revoked", last_error=str(exc))
            return self.settings.backoff_max_s
        except TransientError as exc:
            return self._backoff("backing-off", str(exc))
        self._failures = 0
        return None

    def receive_feedback(self) -> int:
        """After the uploads: the moderators' feedback, stored here before it is acknowledged."""
        enrollment = self.outbox.enrollment()
        if enrollment is None:
            return 0
        try:
            new = fetch_feedback(self.client, FeedbackInbox(self.outbox.store), enrollment)
        except (FeedbackError, SyncError) as exc:
            if isinstance(exc, TransientError | DeviceRevoked):
                raise
            # an answer retrying will not change soon: said, and the deliveries go on
            log.warning("sync: moderation feedback not received: %s", exc)
            self._set(last_error=str(exc))
            return 0
        if new is None:
            log.info("sync: the provider at %s has no moderation feedback service (an older provider)",
                     self.client.url)
            return 0
        if new:
            self._set(feedback_received=self.status.feedback_received + new)
        return new

    def receive_eligibility(self) -> HeldList | None:
        """After the feedback: the provider's eligibility list, verified, replacing the one held. A
        list refused (not verified, misshapen, older than the held one) leaves the held one, and is said."""
        enrollment = self.outbox.enrollment()
        if enrollment is None:
            return None
        try:
            held = fetch_eligibility(self.client, EligibilityStore(self.outbox.store), enrollment)
        except (EligibilityError, StaleList, SyncError) as exc:
            if isinstance(exc, TransientError | DeviceRevoked):
                raise
            log.warning("sync: the eligibility list was not taken: %s", exc)
            self._set(last_error=str(exc))
            return None
        if held is None:
            log.info("sync: the provider at %s has no eligibility list (an older provider)", self.client.url)
            return None
        self._set(eligibility_received_us=held.received_us)
        return held

    def _refresh_standing(self) -> None:
        """Ask the provider how it stands with this workstation and its assessors (one request)."""
        if self.keys_dir is None:
            return
        try:
            status = self.client.status()
        except DeviceRevoked:
            raise
        except TransientError:
            raise
        except SyncError as exc:  # a provider of the first release has no status: deliver all the same
            log.info("sync: no status from the provider: %s", exc)
            return
        problems = tuple(f"{b.assessor_id}: {b.problem()}" for b in apply_status(self.keys_dir, status)
                         if b.problem() is not None)
        self._set(assessor_problems=problems)

    def _backoff(self, state: str, error: str) -> float:
        self._failures += 1
        cap = min(self.settings.backoff_max_s, self.settings.backoff_base_s * 2 ** min(self._failures, 30))
        delay = self._rng.uniform(0, cap)  # full jitter: many workshops do not retry in step
        log.info("sync: %s; next try in %.1f s", error, delay)
        self._set(state=state, last_error=error)
        return delay

    def deliver(self, entry: Entry) -> None:
        """Upload one bundle (resuming) and store its verified receipt."""
        self._set(state="uploading", bundle_id=entry.bundle_id, done_bytes=entry.confirmed_offset,
                  total_bytes=entry.size)
        uploader = TusUploader(self.client, chunk_size=self.settings.chunk_size,
                               min_chunk_size=self.settings.min_chunk_size, rate=self._rate, stop=self._abort)

        def progress(done: int, total: int) -> None:
            self.outbox.set_offset(entry.bundle_id, done)
            self._set(done_bytes=done, total_bytes=total)

        result = uploader.upload(
            entry.archive_path, bundle_id=entry.bundle_id, manifest_sha256=entry.manifest_sha256,
            url=entry.upload_url, on_url=lambda url: self.outbox.set_upload(entry.bundle_id, url),
            on_progress=progress)
        self.outbox.deliver(entry.bundle_id, result["receipt"], prune=self.settings.prune_after_receipt)
        delivered = (*self.status.delivered, entry.bundle_id)
        self._set(last_success_wall_us=now_us(), last_error=None, delivered=delivered[-50:])


def reconcile(outbox: Outbox, client: ProviderClient) -> dict[str, int]:
    """After a reinstall or a lost database: learn cheaply what the provider already holds.

    One request when the sets agree; otherwise the provider's list, then receipts for the
    bundles it holds that are still pending here, and delivered ones it lacks go back in line.
    """
    answer = client.reconcile(outbox.held_digest())
    if answer["match"]:
        return {"matched": 1, "receipted": 0, "requeued": 0}
    held = dict(client.held_bundles())
    receipted = requeued = 0
    for entry in outbox.entries():
        if held.get(entry.bundle_id) == entry.manifest_sha256 and entry.status != "delivered":
            held_receipt = client.receipt(entry.bundle_id)
            if held_receipt is not None:
                outbox.deliver(entry.bundle_id, held_receipt["receipt"])
                receipted += 1
        elif entry.bundle_id not in held and entry.status == "delivered" and entry.archive_path.exists():
            outbox.retry_delivered(entry.bundle_id)
            requeued += 1
    return {"matched": 0, "receipted": receipted, "requeued": requeued}
