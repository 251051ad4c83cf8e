"""Upkeep of the uploads a provider process receives: each workstation's limits on unfinished
uploads, and the removal of abandoned uploads and of upload files no upload needs any more."""

from __future__ import annotations

import logging
import threading

from sqlalchemy import delete, or_, select
from sqlalchemy.exc import SQLAlchemyError

from assessor_app.provider.limits import RetryLater
from assessor_app.provider.models import Upload
from assessor_app.provider.registry import DeviceInfo
from assessor_app.provider.store import ProviderStore, Refused
from assessor_app.provider.upload_parts import SharedUploads

log = logging.getLogger(__name__)


class UploadUpkeep:
    """Limits per workstation and the periodic cleanup of ``uploads/``."""

    def __init__(self, store: ProviderStore, shared: SharedUploads):
        self.store = store
        self.shared = shared
        self._cleanup: tuple[threading.Thread, threading.Event] | None = None

    # ------------------------------------------------------------ limits per workstation
    def check_upload_room(self, device: DeviceInfo, bundle_id: str, manifest: str, length: int) -> None:
        """Refuse a new upload past the workstation's limits on unfinished uploads and their bytes.

        Asking again for an upload this workstation already has (resuming it, or one received)
        always passes: creation hands that one back and nothing new is opened.
        """
        config = self.store.config
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(Upload.bundle_id, Upload.manifest_sha256, Upload.length, Upload.status)
                .where(Upload.device == device.key_id,
                       or_(Upload.status == "receiving", Upload.bundle_id == bundle_id))).all()
        for row in rows:
            if row.bundle_id == bundle_id and row.manifest_sha256 == manifest and (
                    row.status == "imported" or (row.status == "receiving" and row.length == length)):
                return
        unfinished = [row for row in rows if row.status == "receiving"]
        days = max(1, round(config.upload_expiry_s / 86400))
        how = (f"finish or terminate (DELETE) one of them first; an upload with no new bytes for {days} "
               "day(s) is removed by the provider")
        retry = max(1, round(config.upload_cleanup_interval_s))
        if len(unfinished) >= config.max_open_uploads_per_device:
            raise RetryLater(429, f"this workstation has {len(unfinished)} unfinished uploads, the most this "
                                  f"provider keeps open for one workstation: {how}", retry,
                             "too_many_open_uploads")
        if length > config.max_open_upload_bytes_per_device:
            raise Refused(413, f"the upload of {length} bytes is larger than the "
                               f"{config.max_open_upload_bytes_per_device} bytes this provider keeps open "
                               "for one workstation", "upload_too_large")
        held = sum(row.length for row in unfinished)
        most = config.max_open_upload_bytes_per_device
        if held + length > most:
            raise RetryLater(429, f"this workstation's unfinished uploads already declare {held} bytes; with "
                                  f"{length} more they would pass the {most} bytes this provider keeps open "
                                  f"for one workstation: {how}", retry, "open_upload_bytes")

    # ------------------------------------------------------------ abandoned uploads
    def expire_abandoned_uploads(self) -> int:
        """Remove unfinished uploads with no confirmed byte for ``upload_expiry_s``, rows and files.

        Only uploads still receiving are removed; importing, imported and quarantined ones are
        never touched. An upload file no row names (a creation cut short) goes once it is as old.
        Returns the number of uploads and files removed.
        """
        cutoff = self.store.clock() - self.store.config.upload_expiry_s * 10**6
        with self.store.engine.connect() as conn:
            stale = conn.execute(select(Upload).where(Upload.status == "receiving",
                                                      Upload.updated_us < cutoff)).all()
        removed = 0
        for row in stale:
            upload_id = row.id
            with self.store.writer.begin() as conn:  # unless a chunk arrived since it was listed
                gone = conn.execute(delete(Upload).where(Upload.id == upload_id, Upload.status == "receiving",
                                                         Upload.updated_us < cutoff))
            if gone.rowcount == 1:
                self.shared.forget(row)  # type: ignore[arg-type]
                self.store.upload_path(upload_id).unlink(missing_ok=True)
                log.info("removed upload %s: no byte confirmed for %d s", upload_id,
                         self.store.config.upload_expiry_s)
                removed += 1
        return removed + self._remove_orphan_upload_files(cutoff)

    def _remove_orphan_upload_files(self, cutoff_us: int) -> int:
        """Upload files no row names, once as old as ``cutoff_us``; and at once, the spool of an upload
        received in parts that is no longer receiving (another API process received its last chunk)."""
        files, old = {}, set()
        for path in self.store.uploads_dir.glob("*.part*"):  # listed before the rows are read
            stem, dot, rest = path.name.partition(".part")
            try:
                mine = len(stem) == 32 and stem.isascii() and stem.isalnum() and path.is_file()
                if not mine:
                    continue
                if rest:  # a copy cut short (.part.fetching-*, .part.rebuilding-*, .part.cut-*)
                    if path.stat().st_mtime_ns // 1000 < cutoff_us:
                        path.unlink(missing_ok=True)
                    continue
                files[stem] = path
                if path.stat().st_mtime_ns // 1000 < cutoff_us:
                    old.add(stem)
            except FileNotFoundError:
                continue  # terminated or imported meanwhile
        if not files:
            return 0
        with self.store.engine.connect() as conn:
            rows = {row.id: row for row in conn.execute(
                select(Upload.id, Upload.status, Upload.part_bytes).where(Upload.id.in_(list(files))))}
        removed = 0
        for stem, path in files.items():
            row = rows.get(stem)
            if row is None and stem in old:
                why = "no upload names it"
            elif row is not None and row.part_bytes is not None and row.status != "receiving":
                why = f"a spool of upload {stem}, which another process completed"
            else:
                continue
            path.unlink(missing_ok=True)
            log.info("removed upload file %s: %s", path.name, why)
            removed += 1
        return removed

    def start_cleanup(self) -> None:
        """Expire abandoned uploads now, then every ``upload_cleanup_interval_s`` on a thread."""
        if self._cleanup is not None:
            return
        self._clean_once()
        stop = threading.Event()
        thread = threading.Thread(target=self._cleanup_loop, args=(stop,), name="provider-cleanup",
                                  daemon=True)
        self._cleanup = (thread, stop)
        thread.start()

    def stop_cleanup(self, timeout: float = 30.0) -> None:
        """Stop the periodic cleanup; a pass under way finishes first."""
        if self._cleanup is None:
            return
        thread, stop = self._cleanup
        stop.set()
        thread.join(timeout)
        self._cleanup = None

    def _cleanup_loop(self, stop: threading.Event) -> None:
        while not stop.wait(self.store.config.upload_cleanup_interval_s):
            self._clean_once()

    def _clean_once(self) -> None:
        try:
            self.expire_abandoned_uploads()
        except (OSError, SQLAlchemyError) as exc:  # the provider's own disk or database: next pass
            log.warning("abandoned uploads could not be removed now (%s); trying again in %s s", exc,
                        self.store.config.upload_cleanup_interval_s)
        except Exception:
            log.exception("removing abandoned uploads failed; trying again in %s s",
                          self.store.config.upload_cleanup_interval_s)


