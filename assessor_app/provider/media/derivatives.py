"""Derivatives of sealed video: which proxies are owed, made and failed, and one worker making them.

After a bundle is imported, each of its video segments (found from its own record and sealed
hashes, see bundle_video) is recorded as a pending web proxy keyed by the segment's SHA-256 and
the settings' fingerprint. One background thread (started and stopped with the HTTP service)
makes them, oldest first, and resumes whatever is pending after a restart; ``run_pending`` does
the same in the foreground for ``assessor provider derive``. Before a segment is derived its
file is hashed again and compared with the sealed hash. A segment that is not playable video
becomes a failed derivative with its reason; the sealed bundle is only ever read.
"""

from __future__ import annotations

import logging
import os
import stat
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from assessor_app.devices.video.segments import sha256_file
from assessor_app.provider.media.bundle_video import BundleVideoError, bundle_videos
from assessor_app.provider.models import Derivative, ReceivedBundle
from assessor_app.provider.store import ProviderStore

log = logging.getLogger(__name__)
WEB_PROXY = "web-proxy"


@dataclass(frozen=True)
class Derived:
    """What became of one derivation (reported to ``assessor provider derive``)."""

    bundle_id: str
    name: str
    status: str  # done, failed, pending (the provider's own fault, or stopped), skipped (done elsewhere)
    reason: str | None = None
    source_seconds: float = 0.0
    cpu_seconds: float = 0.0


@dataclass
class DeriveSummary:
    done: int = 0
    failed: list[Derived] = field(default_factory=list)
    pending: list[Derived] = field(default_factory=list)


class DerivationService:
    """Records owed proxies and makes them; ``start``/``stop`` the background worker."""

    def __init__(self, store: ProviderStore):
        self.store = store
        self.settings = store.config.video_proxy
        self.fingerprint = self.settings.fingerprint()
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._busy = threading.Lock()  # one derivation at a time in this process
        self._idle = threading.Event()  # the worker found nothing (more) pending
        self._signal = threading.Lock()  # wake and idle change together

    # ------------------------------------------------------------ what is owed
    def enqueue_bundle(self, bundle_id: str, device: str) -> int:
        """Record a pending proxy for each video segment of the bundle that has none; returns how many."""
        with self.store.engine.connect() as conn:
            row = conn.execute(
                select(ReceivedBundle.bundle_id, ReceivedBundle.device, ReceivedBundle.stored_path)
                .where(ReceivedBundle.bundle_id == bundle_id, ReceivedBundle.device == device)).first()
        if row is None:
            return 0
        try:
            videos = bundle_videos(self.store.held_root(row))
        except BundleVideoError as exc:
            log.warning("no proxies for bundle %s: %s", bundle_id, exc)
            return 0
        added = 0
        for video in videos:
            now = self.store.clock()
            try:
                with self.store.writer.begin() as conn:
                    held = conn.execute(select(Derivative.status).where(*self._key(video.sha256))).first()
                    if held is None:
                        conn.execute(insert(Derivative).values(
                            source_sha256=video.sha256, kind=WEB_PROXY, settings=self.fingerprint,
                            bundle_id=bundle_id, device=device, source_name=video.name, status="pending",
                            path=None, sha256=None, size=None, error=None, created_us=now, updated_us=now))
                        added += 1
            except IntegrityError:
                continue  # another process recorded it meanwhile
        if added:
            self.wake()
        return added

    def enqueue_missing(self) -> int:
        """Record pending proxies for every held bundle's segments that have none (all bundles)."""
        added, after = 0, ("", "")
        while True:
            with self.store.engine.connect() as conn:
                rows = conn.execute(select(ReceivedBundle.bundle_id, ReceivedBundle.device).where(
                    (ReceivedBundle.bundle_id > after[0]) | ((ReceivedBundle.bundle_id == after[0])
                                                             & (ReceivedBundle.device > after[1])))
                    .order_by(ReceivedBundle.bundle_id, ReceivedBundle.device).limit(500)).all()
            if not rows:
                return added
            for r in rows:
                added += self.enqueue_bundle(r.bundle_id, r.device)
            after = (rows[-1].bundle_id, rows[-1].device)

    def retry_failed(self) -> int:
        """Make failed proxies (of the current settings) pending again; returns how many."""
        with self.store.writer.begin() as conn:
            done = conn.execute(update(Derivative).where(
                Derivative.kind == WEB_PROXY, Derivative.settings == self.fingerprint,
                Derivative.status == "failed").values(status="pending", updated_us=self.store.clock()))
        return int(done.rowcount or 0)

    def pending_count(self) -> int:
        """How many proxies (of the current settings) are still to be made."""
        with self.store.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(Derivative).where(
                Derivative.status == "pending", Derivative.kind == WEB_PROXY,
                Derivative.settings == self.fingerprint)).scalar_one())

    def proxies(self, sources: list[str]) -> dict[str, Any]:
        """The web-proxy rows (current settings) of these source hashes, by source hash."""
        if not sources:
            return {}
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(Derivative).where(
                Derivative.source_sha256.in_(sources), Derivative.kind == WEB_PROXY,
                Derivative.settings == self.fingerprint)).all()
        return {r.source_sha256: r for r in rows}

    def _key(self, source: str) -> tuple[Any, ...]:
        return (Derivative.source_sha256 == source, Derivative.kind == WEB_PROXY,
                Derivative.settings == self.fingerprint)

    def proxy_path(self, source: str) -> Path:
        """Where the proxy of a source lives: the provider's folder, never the sealed bundle."""
        return (self.store.derivatives_dir / WEB_PROXY / source[:2]
                / f"{source}-{self.fingerprint[:12]}.webm")

    # ------------------------------------------------------------ making them
    def run_pending(self, on_item: Callable[[Derived], None] | None = None,
                    should_stop: Callable[[], bool] = lambda: False) -> DeriveSummary:
        """Make every pending proxy now, oldest first; stops early at the provider's own fault."""
        summary = DeriveSummary()
        tried: set[str] = set()
        while not should_stop():
            row = self._next_pending(tried)
            if row is None:
                break
            tried.add(row.source_sha256)
            try:
                outcome = self.derive(row, should_stop)
            except (OSError, SQLAlchemyError) as exc:  # recording the outcome failed
                outcome = Derived(row.bundle_id, row.source_name, "pending",
                                  f"the provider's own disk or database failed ({exc}); it stays pending")
            if on_item is not None:
                on_item(outcome)
            if outcome.status == "skipped":
                continue
            if outcome.status == "done":
                summary.done += 1
            elif outcome.status == "failed":
                summary.failed.append(outcome)
            else:
                summary.pending.append(outcome)
                break  # the disk or database: the next items would meet it too
        return summary

    def _next_pending(self, tried: set[str]) -> Any:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(Derivative).where(
                Derivative.status == "pending", Derivative.kind == WEB_PROXY,
                Derivative.settings == self.fingerprint)
                .order_by(Derivative.created_us, Derivative.source_sha256).limit(len(tried) + 1)).all()
        return next((r for r in rows if r.source_sha256 not in tried), None)

    def derive(self, row: Any, should_stop: Callable[[], bool] = lambda: False) -> Derived:
        """Make one proxy and record the outcome (done, failed with its reason, or left pending)."""
        from assessor_app.provider.media.proxy import ProxyCancelled, ProxyError, derive_proxy

        with self._busy:
            with self.store.engine.connect() as conn:  # the worker or the command may have made it
                now = conn.execute(select(Derivative.status).where(*self._key(row.source_sha256))).first()
            if now is None or now.status != "pending":
                return Derived(row.bundle_id, row.source_name, "skipped", "handled meanwhile by another run")
            cpu0 = time_cpu()
            try:
                source, fps = self._verified_source(row)
                target = self.proxy_path(row.source_sha256)
                result = derive_proxy(source, target, self.settings, source_fps=fps, should_stop=should_stop)
            except (ProxyError, _SourceProblem) as exc:
                return self._record(row, "failed", f"not derived: {exc}", cpu0)
            except ProxyCancelled:
                return Derived(row.bundle_id, row.source_name, "pending", "stopped before it was finished")
            except (OSError, SQLAlchemyError) as exc:
                reason = f"the provider's own disk or database failed ({exc}); it stays pending"
                log.warning("proxy of %s in bundle %s: %s", row.source_name, row.bundle_id, reason)
                return Derived(row.bundle_id, row.source_name, "pending", reason)
            except Exception as exc:  # noqa: BLE001 (logged with its traceback, recorded with its reason)
                log.exception("the proxy of %s in bundle %s failed unexpectedly", row.source_name,
                              row.bundle_id)
                return self._record(row, "failed", f"the provider met an unexpected error: "
                                                   f"{type(exc).__name__}: {exc}"[:500], cpu0)
            relative = result.path.relative_to(self.store.config.folder).as_posix()
            if self.store.objects.remote:  # kept in the store; the local file was only its making
                self.store.objects.put_file(relative, result.path)
                result.path.unlink(missing_ok=True)
            return self._record(row, "done", None, cpu0, path=relative, sha256=result.sha256,
                                size=result.size, seconds=result.duration_s)

    def _verified_source(self, row: Any) -> tuple[Path, float | None]:
        with self.store.engine.connect() as conn:
            bundle = conn.execute(select(ReceivedBundle.bundle_id, ReceivedBundle.device,
                                         ReceivedBundle.stored_path).where(
                ReceivedBundle.bundle_id == row.bundle_id, ReceivedBundle.device == row.device)).first()
        if bundle is None:
            raise _SourceProblem(f"the provider no longer holds bundle {row.bundle_id}")
        root = self.store.held_root(bundle)
        videos = {v.name: v for v in _videos_or_problem(root)}
        video = videos.get(row.source_name)
        if video is None or video.sha256 != row.source_sha256:
            raise _SourceProblem(f"bundle {row.bundle_id} seals no segment {row.source_name} with hash "
                                 f"{row.source_sha256[:16]}")
        path = root / row.source_name
        if ".." in Path(row.source_name).parts or not _plain_file(path):
            raise _SourceProblem(f"the sealed segment {row.source_name} is missing or not a plain file")
        actual = sha256_file(path)
        if actual != row.source_sha256:
            raise _SourceProblem(f"the segment {row.source_name} on disk (hash {actual[:16]}) is not the one "
                                 f"sealed (hash {row.source_sha256[:16]}): the stored bundle is damaged")
        return path, video.fps

    def _record(self, row: Any, status: str, error: str | None, cpu0: float, *, path: str | None = None,
                sha256: str | None = None, size: int | None = None, seconds: float = 0.0) -> Derived:
        with self.store.writer.begin() as conn:
            conn.execute(update(Derivative).where(*self._key(row.source_sha256)).values(
                status=status, error=error, path=path, sha256=sha256, size=size,
                updated_us=self.store.clock()))
        if status == "failed":
            log.warning("proxy of %s in bundle %s failed: %s", row.source_name, row.bundle_id, error)
        return Derived(row.bundle_id, row.source_name, status, error, seconds, time_cpu() - cpu0)

    # ------------------------------------------------------------ the background worker
    def start(self) -> None:
        """Start the worker: it makes what is pending now, then what is enqueued later."""
        if self._thread is not None:
            return
        self._remove_stale_temporaries()
        self._stop.clear()
        self.wake()
        self._thread = threading.Thread(target=self._loop, name="provider-derive", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 30.0) -> None:
        """Stop the worker; a proxy being made is abandoned (it stays pending, nothing half-kept)."""
        if self._thread is None:
            return
        self._stop.set()
        self._wake.set()
        self._thread.join(timeout)
        self._thread = None

    def _remove_stale_temporaries(self, older_than_s: float = 86400.0) -> None:
        """Remove what a derivation killed mid-way left (a day old: never one that is being written)."""
        import time

        cutoff = time.time() - older_than_s
        # the anonymised derivatives (media.anonymised) are written the same way, in their own folders
        kinds = (WEB_PROXY, "anon-proxy", "anon-photo")
        for temp in (t for kind in kinds for t in (self.store.derivatives_dir / kind).glob("*/.*.tmp.*")):
            try:
                if temp.lstat().st_mtime < cutoff:
                    temp.unlink()
                    log.info("removed %s, left by an interrupted derivation", temp)
            except OSError as exc:
                log.warning("%s stays: %s", temp, exc)

    def wake(self) -> None:
        """Have the worker look for pending work now (other processes' work is found by polling)."""
        with self._signal:
            self._idle.clear()
            self._wake.set()

    def wait_idle(self, timeout: float) -> bool:
        """Whether the worker ran out of pending work within ``timeout`` seconds (for tests, shutdown)."""
        return self._idle.wait(timeout)

    def _loop(self) -> None:
        lower_priority()
        while not self._stop.is_set():
            self._wake.wait(self.store.config.derive_poll_s)
            self._wake.clear()
            if self._stop.is_set():
                return
            try:
                summary = self.run_pending(should_stop=self._stop.is_set)
                with self._signal:
                    if not summary.pending and not self._wake.is_set():
                        self._idle.set()
            except (OSError, SQLAlchemyError) as exc:
                log.warning("proxies could not be made now (%s); trying again in %s s", exc,
                            self.store.config.derive_poll_s)
            except Exception:
                log.exception("making proxies failed; trying again in %s s", self.store.config.derive_poll_s)


class _SourceProblem(Exception):
    """The sealed source cannot be derived (missing, or not what was sealed)."""


def _videos_or_problem(root: Path) -> list[Any]:
    try:
        return bundle_videos(root)
    except BundleVideoError as exc:
        raise _SourceProblem(str(exc)) from None


def _plain_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def time_cpu() -> float:
    import time

    return time.process_time()


def lower_priority() -> None:
    """The worker (and the encoder threads it starts) yields the CPU to the HTTP service."""
    if hasattr(os, "setpriority") and hasattr(threading, "get_native_id"):
        try:
            os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), 10)
        except OSError as exc:
            log.info("the derivation worker keeps its priority: %s", exc)
