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

from sqlalchemy import delete, insert, select, update

from assessor_app.provider.importer import Importer, ImportResult
from assessor_app.provider.models import Upload
from assessor_app.provider.registry import DeviceInfo, Registry
from assessor_app.provider.store import ProviderConfig, ProviderStore, Refused, now_us

log = logging.getLogger(__name__)


class ProviderService:
    def __init__(self, config: ProviderConfig, clock: Callable[[], int] = now_us):
        self.store = ProviderStore(config, clock)
        self.registry = Registry(self.store)
        self.importer = Importer(self.store, self.registry)
        self._locks: weakref.WeakValueDictionary[str, asyncio.Lock] = weakref.WeakValueDictionary()
        #: chunk writes (one job at a time per request) and imports run off the event loop
        self.io_pool = ThreadPoolExecutor(max_workers=8, thread_name_prefix="provider-io")
        self._import_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="provider-import")
        self._imports: dict[str, Future[ImportResult | None]] = {}
        self._imports_lock = threading.Lock()

    def close(self) -> None:
        """Finish the imports under way (a receipt is never half-written), then close the store."""
        self._import_pool.shutdown(wait=True)
        self.io_pool.shutdown(wait=True)
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
        """The upload to use for this bundle: a finished one if held, the unfinished one, or new."""
        held = self.importer.held(bundle_id)
        if held is not None and held.manifest_sha256 != manifest:
            raise Refused(409, f"bundle {bundle_id} is already held with another manifest: a different "
                               "bundle cannot take its id")
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
            self.store.upload_path(upload_id).touch(exist_ok=False)
            _sync_folder(self.store.uploads_dir)  # the file outlives a power cut, as its row does
        with self.store.writer.begin() as conn:
            conn.execute(insert(Upload).values(
                id=upload_id, device=device.key_id, bundle_id=bundle_id, manifest_sha256=manifest,
                archive_sha256=None, length=length, offset=length if done else 0,
                status="imported" if done else "receiving", reason=None, created_us=now, updated_us=now))
        return upload_id

    def confirm_offset(self, upload_id: str, old: int, new: int, *, complete: bool = False) -> None:
        """Record bytes on disk as confirmed; the last ones also claim the upload for import."""
        values: dict[str, object] = {"offset": new, "updated_us": self.store.clock()}
        if complete:
            values["status"] = "importing"
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
        """The upload row records the outcome; None when another request had claimed it."""
        if not claimed:
            with self.store.writer.begin() as conn:
                won = conn.execute(update(Upload).where(
                    Upload.id == upload_id, Upload.status == "receiving", Upload.offset == Upload.length,
                ).values(status="importing"))
            if won.rowcount != 1:
                return None
        upload = self.upload(upload_id)
        assert upload is not None
        path = self.store.upload_path(upload_id)
        try:
            result = self.importer.import_archive(
                path, source=f"upload {upload_id}", uploader=device,
                declared=(upload.bundle_id, upload.manifest_sha256), keep_failed=True)
        except Exception:
            # received again: the bytes are still there, and the next ask for the result retries
            log.exception("the import of upload %s failed", upload_id)
            with self.store.writer.begin() as conn:
                conn.execute(update(Upload).where(Upload.id == upload_id).values(status="receiving"))
            raise
        status = "imported" if result.ok else "quarantined"
        with self.store.writer.begin() as conn:
            conn.execute(update(Upload).where(Upload.id == upload_id).values(
                status=status, reason=result.reason, updated_us=self.store.clock()))
        path.unlink(missing_ok=True)  # the verified bundle is stored (or the archive moved aside)
        return result

    def terminate_upload(self, upload_id: str) -> None:
        upload = self.upload(upload_id)
        if upload is None or upload.status != "receiving":
            raise Refused(409, f"upload {upload_id} is finished ({upload.status if upload else 'gone'}); "
                               "only an unfinished upload can be terminated")
        with self.store.writer.begin() as conn:
            conn.execute(delete(Upload).where(Upload.id == upload_id))
        self.store.upload_path(upload_id).unlink(missing_ok=True)


def _sync_folder(folder: os.PathLike[str]) -> None:
    if os.name == "nt":
        return  # Windows cannot open a folder to sync it; NTFS journals the entry
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
