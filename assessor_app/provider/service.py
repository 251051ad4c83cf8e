"""The provider service: store, registry, importer, and the upload bookkeeping tus needs."""

from __future__ import annotations

import asyncio
import logging
import os
import secrets
import threading
import weakref
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from sqlalchemy import delete, insert, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from assessor_app.i18n import Message
from assessor_app.provider.assessment_index import Backfill
from assessor_app.provider.credentials.book import CredentialBook
from assessor_app.provider.database import is_postgresql
from assessor_app.provider.directory import Directory
from assessor_app.provider.import_jobs import ImportJobs
from assessor_app.provider.importer import Importer, ImportResult
from assessor_app.provider.media.anonymised import AnonymisedMedia
from assessor_app.provider.media.derivatives import DerivationService
from assessor_app.provider.models import Upload
from assessor_app.provider.moderation.feedback import FeedbackBook
from assessor_app.provider.moderation.sample_media import SampleMediaWorker
from assessor_app.provider.quarantine import QuarantineBook
from assessor_app.provider.registry import DeviceInfo, Registry
from assessor_app.provider.store import IN_PROCESS, ProviderConfig, ProviderStore, Refused, now_us
from assessor_app.provider.upload_locks import UploadLocks
from assessor_app.provider.upload_parts import SharedUploads
from assessor_app.provider.upload_upkeep import UploadUpkeep

log = logging.getLogger(__name__)

WAITING_GONE = Message("quarantine.refused.upload_not_waiting",
                       "upload {upload} is not waiting for an import (it was imported, quarantined or "
                       "removed)")


class ProviderService:
    def __init__(self, config: ProviderConfig, clock: Callable[[], int] = now_us):
        self.store = ProviderStore(config, clock)
        self.registry = Registry(self.store)
        self.directory = Directory(self.store)
        #: moderation feedback for the workstations that sealed the moderated assessments
        self.feedback = FeedbackBook(self.store)
        #: micro-credentials: issuing, revoking, the status lists and the eligibility list
        self.credentials = CredentialBook(self.store)
        self.importer = Importer(self.store, self.registry, self.directory)
        #: import jobs: claimed by this process (imports in process) or by `assessor provider worker`
        self.jobs = ImportJobs(self.store, lease_s=config.import_lease_s)
        self.imports_in_process = config.import_workers == IN_PROCESS
        #: uploads in the object store, where import workers on any machine import them
        self.shared = SharedUploads(self.store,
                                    active=not self.imports_in_process and self.store.objects.remote)
        #: one PATCH of an upload at a time across API processes sharing a PostgreSQL database
        self.upload_locks = UploadLocks(self.store.engine) if is_postgresql(self.store.engine) else None
        #: web proxies of imported video; its worker runs while the HTTP service does
        self.derivations = DerivationService(self.store)
        #: the face-blurred video and photos a moderator sees, made when first asked for
        self.anonymised_media = AnonymisedMedia(self.store)
        #: ... and made ahead, in the background, for every assessment of an open cycle's sample
        self.sample_media = SampleMediaWorker(self.store, self.anonymised_media)
        self.quarantine = QuarantineBook(self.store, self.registry, self.importer,
                                         on_imported=self.derive_later)
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()
        #: chunk writes (one job at a time per request) and imports run off the event loop
        self.io_pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="provider-io")
        self._import_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="provider-import")
        self._imports: dict[str, Future[ImportResult | None]] = {}
        self._imports_lock = threading.Lock()
        self.upkeep = UploadUpkeep(self.store, self.shared)
        #: the assessment index rows missing (a database from before it), made while serving
        self.index_backfill = Backfill(self.store)

    def close(self) -> None:
        """Finish the imports under way (a receipt is never half-written), then close the store."""
        self.stop_cleanup()
        self.index_backfill.stop()
        self.derivations.stop()
        self.sample_media.stop()
        self._import_pool.shutdown(wait=True)
        self.io_pool.shutdown(wait=True)
        if self.upload_locks is not None:
            self.upload_locks.close()
        self.store.close()

    def lock(self, name: str) -> asyncio.Lock:
        """One lock per upload or bundle id (this process); a lock lives while someone holds it."""
        lock = self._locks.get(name)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[name] = lock
        return lock

    # ------------------------------------------------------------ uploads
    def owned_upload(self, authorization: str | None, upload_id: str) -> tuple[DeviceInfo, Upload]:
        """The caller's device and its upload, or a 401/403/404 refusal (one trip to the database)."""
        device = self.registry.authenticate(authorization)
        upload = self.upload(upload_id)
        if upload is None or upload.device != device.key_id:
            raise Refused(404, "no such upload for this workstation")
        return device, upload

    def upload(self, upload_id: str) -> Upload | None:
        if not upload_id.isalnum() or len(upload_id) > 32:
            return None
        with self.store.engine.connect() as conn:
            return conn.execute(select(Upload).where(Upload.id == upload_id)).first()  # type: ignore[return-value]

    def create_upload(self, device: DeviceInfo, bundle_id: str, manifest: str, length: int) -> str:
        """The upload to use for this bundle: a finished one if held, the unfinished one, or new.

        Only this workstation's own bundles count: another workstation's bundle with the same id
        is a different bundle, and neither blocks the other.
        """
        held = self.importer.held(bundle_id, device.key_id)
        if held is not None and held.manifest_sha256 != manifest:
            raise Refused(409, f"bundle {bundle_id} of this workstation is already held with another "
                               "manifest: a different bundle cannot take its id")
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(Upload).where(
                Upload.bundle_id == bundle_id, Upload.device == device.key_id,
                Upload.manifest_sha256 == manifest).order_by(Upload.created_us.desc())).all()
        for row in rows:
            if held is not None and row.status == "imported":
                return str(row.id)
            if held is None and row.status == "receiving" and row.length == length:
                return str(row.id)
        upload_id = secrets.token_hex(16)
        now = self.store.clock()
        done = held is not None  # acknowledged: an upload that is already complete
        if not done:
            self.store.upload_path(upload_id).touch(mode=0o600, exist_ok=False)
            _sync_folder(self.store.uploads_dir)  # the file outlives a power cut, as its row does
        try:
            with self.store.writer.begin() as conn:
                conn.execute(insert(Upload).values(
                    id=upload_id, device=device.key_id, bundle_id=bundle_id, manifest_sha256=manifest,
                    archive_sha256=None, length=length, offset=length if done else 0,
                    status="imported" if done else "receiving", reason=None, created_us=now, updated_us=now,
                    part_bytes=None if done else self.shared.part_bytes_for_new()))
        except SQLAlchemyError:
            if not done:  # no row names the file: it goes now rather than at the cleanup
                self.store.upload_path(upload_id).unlink(missing_ok=True)
            raise
        return upload_id

    def confirm_offset(self, upload_id: str, old: int, new: int, *, complete: bool = False) -> None:
        """Record bytes on disk as confirmed; the last ones also claim the upload for import."""
        values: dict[str, object] = {"offset": new, "updated_us": self.store.clock()}
        if complete:  # a queued import job (import_jobs.py)
            values.update(status="importing", claimed_by=None, lease_until_us=None)
        with self.store.writer.begin() as conn:
            done = conn.execute(update(Upload).where(Upload.id == upload_id, Upload.offset == old,
                                                     Upload.status == "receiving").values(**values))
        if done.rowcount != 1:
            raise Refused(409, f"upload {upload_id} moved on while this chunk was written: ask its offset")

    def start_import(self, upload_id: str, device: DeviceInfo, *,
                     claimed: bool) -> Future[ImportResult | None]:
        """Import a complete upload in the background, once; ``claimed``: its status is importing."""
        with self._imports_lock:
            running = self._imports.get(upload_id)
            if running is not None:
                return running
            future = self._import_pool.submit(self._import, upload_id, device, claimed)
            self._imports[upload_id] = future
        future.add_done_callback(lambda _f: self._forget(upload_id))
        return future

    def running_import(self, upload_id: str) -> Future[ImportResult | None] | None:
        with self._imports_lock:
            return self._imports.get(upload_id)

    def _forget(self, upload_id: str) -> None:
        with self._imports_lock:
            self._imports.pop(upload_id, None)

    def _import(self, upload_id: str, device: DeviceInfo, claimed: bool) -> ImportResult | None:
        """The upload row records the outcome; None when it was imported (or quarantined) meanwhile.

        Imports in this process take the job even from a lease left by an earlier run of it, and an
        upload left "receiving" by an import that failed before it could say so (the disk was full):
        imports are idempotent.
        """
        if not self.jobs.claim(upload_id, steal=True):
            return None
        return self.run_claimed(upload_id)

    def run_claimed(self, upload_id: str) -> ImportResult:
        """Import a job this process has claimed, renewing its lease meanwhile, and record the outcome.

        A fault of the provider's own gives the job back (it waits, then is taken again) and is
        raised; a bundle's faults are quarantined, not raised.
        """
        upload = self.upload(upload_id)
        assert upload is not None
        device = self.registry.device(upload.device)
        path = self.store.upload_path(upload_id)
        with self.jobs.leased(upload_id):
            try:
                self.shared.fetch(upload, path)
                result = self.importer.import_archive(
                    path, source=f"upload {upload_id}", uploader=device,
                    declared=(upload.bundle_id, upload.manifest_sha256), keep_failed=True)
            except Exception as exc:
                # received again, as the bytes are still there: the next ask for the result, or a
                # worker once the job's wait is over, retries
                log.exception("the import of upload %s failed on the provider's side", upload_id)
                try:
                    self.jobs.release(upload_id, f"{type(exc).__name__}: {exc}",
                                      self.store.config.fault_retry_after_s)
                except (OSError, SQLAlchemyError) as again:
                    log.warning("upload %s stays marked importing (%s); it is retried once its lease "
                                "lapses", upload_id, again)
                raise
            self.jobs.finish(upload_id, "imported" if result.ok else "quarantined", result.reason)
        path.unlink(missing_ok=True)  # the verified bundle is stored (or the archive moved aside)
        self.shared.unshare(upload)
        self.derive_later(result)
        return result

    def waiting_uploads(self, limit: int = 200) -> list[Upload]:
        """Uploads received in full but not imported: a fault of the provider's own machine (a full
        disk, a locked database) stopped their import, and nobody has asked for their result since."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(Upload).where(
                Upload.status.in_(("receiving", "importing")), Upload.offset == Upload.length,
                Upload.length > 0,
                # not one an import worker is importing now (it holds a live lease)
                or_(Upload.claimed_by.is_(None), Upload.lease_until_us.is_(None),
                    Upload.lease_until_us < self.store.clock()),
            ).order_by(Upload.updated_us).limit(limit)).all()
        return [row for row in rows if self.running_import(row.id) is None]  # type: ignore[misc]

    def retry_upload(self, upload_id: str, wait_s: float = 120.0) -> ImportResult | None:
        """Import a waiting upload now, as the workstation's next ask for its result would.

        None when another import of it finished first; a fault of the provider's own machine is
        raised again (the upload keeps waiting).
        """
        upload = self.upload(upload_id)
        waiting = upload is not None and upload.status in ("receiving", "importing")
        if upload is None or not waiting or upload.offset != upload.length:
            raise Refused(409, WAITING_GONE(upload=upload_id[:32]), "upload_not_waiting")
        device = self.registry.device(upload.device)
        return self.start_import(upload.id, device, claimed=False).result(timeout=wait_s)
    def import_path(self, path: os.PathLike[str]) -> list[ImportResult]:
        """Import bundles from a folder or USB stick (see Importer.import_path), then owe their proxies."""
        results = self.importer.import_path(Path(path))
        for result in results:
            self.derive_later(result)
        return results

    def derive_later(self, result: ImportResult) -> None:
        """Record the web proxies a newly imported bundle's video is owed (after its import committed).

        A failure here never undoes or fails the import: ``assessor provider derive`` finds
        bundles whose proxies were never recorded.
        """
        if result.status != "imported" or result.bundle_id is None or result.device is None:
            return
        try:
            self.derivations.enqueue_bundle(result.bundle_id, result.device)
        except (OSError, SQLAlchemyError) as exc:
            log.warning("the proxies of bundle %s were not recorded (%s); `assessor provider derive` "
                        "records them", result.bundle_id, exc)

    def terminate_upload(self, upload_id: str) -> None:
        upload = self.upload(upload_id)
        if upload is None or upload.status != "receiving":
            raise Refused(409, f"upload {upload_id} is finished ({upload.status if upload else 'gone'}); "
                               "only an unfinished upload can be terminated")
        with self.store.writer.begin() as conn:
            conn.execute(delete(Upload).where(Upload.id == upload_id))
        self.shared.forget(upload)
        try:
            self.store.upload_path(upload_id).unlink(missing_ok=True)
        except OSError as exc:  # the upload is gone all the same; the cleanup takes the file later
            log.warning("the file of terminated upload %s stays until the cleanup: %s", upload_id, exc)

    # ------------------------------------------------------------ limits and upkeep (upload_upkeep.py)
    def check_upload_room(self, device: DeviceInfo, bundle_id: str, manifest: str, length: int) -> None:
        self.upkeep.check_upload_room(device, bundle_id, manifest, length)

    def expire_abandoned_uploads(self) -> int:
        return self.upkeep.expire_abandoned_uploads()

    def start_cleanup(self) -> None:
        self.upkeep.start_cleanup()

    def stop_cleanup(self, timeout: float = 30.0) -> None:
        self.upkeep.stop_cleanup(timeout)


def _sync_folder(folder: os.PathLike[str]) -> None:
    if os.name == "nt":
        return  # Windows cannot open a folder to sync it; NTFS journals the entry
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
