"""The provider service: store, registry, importer, and the upload bookkeeping tus needs."""

from __future__ import annotations

import asyncio
import logging
import secrets
import weakref
from collections.abc import Callable

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

    def close(self) -> None:
        self.store.close()

    def lock(self, name: str) -> asyncio.Lock:
        """One lock per upload or bundle id (this process); a lock lives while someone holds it."""
        lock = self._locks.get(name)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[name] = lock
        return lock

    # ------------------------------------------------------------ uploads
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
        with self.store.writer.begin() as conn:
            conn.execute(insert(Upload).values(
                id=upload_id, device=device.key_id, bundle_id=bundle_id, manifest_sha256=manifest,
                archive_sha256=None, length=length, offset=length if done else 0,
                status="imported" if done else "receiving", reason=None, created_us=now, updated_us=now))
        return upload_id

    def confirm_offset(self, upload_id: str, old: int, new: int) -> None:
        with self.store.writer.begin() as conn:
            done = conn.execute(update(Upload).where(Upload.id == upload_id, Upload.offset == old)
                                .values(offset=new, updated_us=self.store.clock()))
        if done.rowcount != 1:
            raise Refused(409, f"upload {upload_id} moved on while this chunk was written: ask its offset")

    def finish_upload(self, upload_id: str, device: DeviceInfo) -> ImportResult:
        """Import a complete upload (once); the upload row records the outcome."""
        upload = self.upload(upload_id)
        assert upload is not None
        with self.store.writer.begin() as conn:
            conn.execute(update(Upload).where(Upload.id == upload_id).values(status="importing"))
        path = self.store.upload_path(upload_id)
        try:
            result = self.importer.import_archive(
                path, source=f"upload {upload_id}", uploader=device,
                declared=(upload.bundle_id, upload.manifest_sha256), keep_failed=True)
        except BaseException:
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
