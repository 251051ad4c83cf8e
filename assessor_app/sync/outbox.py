"""The outbox: sealed bundles (as archives) waiting for delivery, their receipts, the enrollment.

A bundle is delivered only when a receipt that verifies with the pinned provider key is stored,
in the same transaction that marks it delivered.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from assessor_app.durable import private_dir
from assessor_app.evidence.archive import write_archive
from assessor_app.evidence.bundle import BundleError
from assessor_app.storage.database import StoreError
from assessor_app.storage.outbox_models import OutboxEntry, ReceiptRow, SyncEnrollment
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.client import SyncError
from assessor_app.sync.protocol import set_digest
from assessor_app.sync.receipts import verify_receipt

log = logging.getLogger(__name__)


def now_us() -> int:
    return time.time_ns() // 1000


@dataclass(frozen=True)
class Enrollment:
    provider_url: str
    device_key_id: str
    workshop_id: str
    workshop_name: str
    provider_key_id: str
    provider_public_pem: str
    enrolled_wall_us: int
    workshop_country: str = ""
    awarding_body: str = ""


@dataclass(frozen=True)
class Entry:
    bundle_id: str
    manifest_sha256: str
    archive_path: Path
    size: int
    status: str
    upload_url: str | None
    confirmed_offset: int
    attempts: int
    last_error: str | None
    delivered_wall_us: int | None


def _entry(row: Any) -> Entry:
    return Entry(row.bundle_id, row.manifest_sha256, Path(row.archive_path), row.size, row.status,
                 row.upload_url, row.confirmed_offset, row.attempts, row.last_error, row.delivered_wall_us)


class Outbox:
    def __init__(self, store: AssessmentStore, folder: Path):
        self.store = store
        self.folder = folder  # where archives are written: <data>/outbox
        self._writer = store.engine.execution_options(sqlite_immediate=True)

    # ------------------------------------------------------------ enrollment
    def enrollment(self) -> Enrollment | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(SyncEnrollment).where(SyncEnrollment.id == 1)).first()
        if row is None:
            return None
        return Enrollment(row.provider_url, row.device_key_id, row.workshop_id, row.workshop_name,
                          row.provider_key_id, row.provider_public_pem, row.enrolled_wall_us,
                          row.workshop_country, row.awarding_body)

    def save_enrollment(self, e: Enrollment) -> None:
        with self._writer.begin() as conn:
            conn.execute(delete(SyncEnrollment))
            conn.execute(insert(SyncEnrollment).values(id=1, **e.__dict__))

    # ------------------------------------------------------------ adding
    def add_bundle(self, bundle_dir: Path) -> Entry:
        """Queue a sealed bundle folder: written once as an archive, then kept for delivery."""
        bundle_id = bundle_dir.name
        existing = self.get(bundle_id)
        if existing is not None:
            return existing
        archive = private_dir(self.folder) / f"{bundle_id}.tar"
        if not archive.exists():
            write_archive(bundle_dir, archive)
        return self.add_archive(archive, bundle_id, _sha256(bundle_dir / "manifest-sha256.txt"))

    def add_archive(self, archive: Path, bundle_id: str, manifest_sha256: str) -> Entry:
        if not archive.is_file():
            raise BundleError(f"{archive} is not a bundle archive")
        try:
            with self._writer.begin() as conn:
                conn.execute(insert(OutboxEntry).values(
                    bundle_id=bundle_id, manifest_sha256=manifest_sha256, archive_path=str(archive),
                    size=archive.stat().st_size, added_wall_us=now_us(), status="pending",
                    upload_url=None, confirmed_offset=0, attempts=0, last_error=None,
                    last_attempt_wall_us=None, delivered_wall_us=None, pruned_wall_us=None))
        except IntegrityError:
            pass  # queued already (two callers at once): the row that won is the one we return
        entry = self.get(bundle_id)
        assert entry is not None
        return entry

    # ------------------------------------------------------------ reading
    def get(self, bundle_id: str) -> Entry | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(OutboxEntry).where(OutboxEntry.bundle_id == bundle_id)).first()
        return _entry(row) if row else None

    def entries(self, status: str | None = None) -> list[Entry]:
        query = select(OutboxEntry).order_by(OutboxEntry.added_wall_us, OutboxEntry.bundle_id)
        if status:
            query = query.where(OutboxEntry.status == status)
        with self.store.engine.connect() as conn:
            return [_entry(r) for r in conn.execute(query).all()]

    def pending(self) -> list[Entry]:
        return self.entries("pending")

    def counts(self) -> dict[str, int]:
        out = {"pending": 0, "delivered": 0, "refused": 0}
        for e in self.entries():
            out[e.status] = out.get(e.status, 0) + 1
        return out

    def receipt(self, bundle_id: str) -> dict[str, Any] | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(ReceiptRow).where(ReceiptRow.bundle_id == bundle_id)).first()
        return None if row is None else {"received": row.received, "provider_key_id": row.provider_key_id,
                                         "manifest_sha256": row.manifest_sha256,
                                         "envelope": json.loads(row.envelope)}

    def last_delivery_wall_us(self) -> int | None:
        with self.store.engine.connect() as conn:
            values = conn.execute(select(OutboxEntry.delivered_wall_us)
                                  .where(OutboxEntry.delivered_wall_us.is_not(None))).scalars().all()
        return max((v for v in values if v is not None), default=None)

    # ------------------------------------------------------------ progress and outcome
    def set_upload(self, bundle_id: str, url: str | None, offset: int = 0) -> None:
        with self._writer.begin() as conn:
            conn.execute(update(OutboxEntry).where(OutboxEntry.bundle_id == bundle_id)
                         .values(upload_url=url, confirmed_offset=offset))

    def set_offset(self, bundle_id: str, offset: int) -> None:
        with self._writer.begin() as conn:
            conn.execute(update(OutboxEntry).where(OutboxEntry.bundle_id == bundle_id)
                         .values(confirmed_offset=offset))

    def attempt_failed(self, bundle_id: str, error: str) -> None:
        with self._writer.begin() as conn:
            conn.execute(update(OutboxEntry).where(OutboxEntry.bundle_id == bundle_id).values(
                attempts=OutboxEntry.attempts + 1, last_error=error[:2000], last_attempt_wall_us=now_us()))

    def refused(self, bundle_id: str, reason: str) -> None:
        """The provider checked the bundle and will not take it: stop trying, show the reason."""
        with self._writer.begin() as conn:
            conn.execute(update(OutboxEntry).where(OutboxEntry.bundle_id == bundle_id).values(
                status="refused", last_error=reason[:2000], last_attempt_wall_us=now_us()))

    def retry(self, bundle_id: str) -> None:
        """Put a refused bundle back in the queue (e.g. after the provider re-enrolled the device)."""
        with self._writer.begin() as conn:
            conn.execute(update(OutboxEntry).where(OutboxEntry.bundle_id == bundle_id,
                                                   OutboxEntry.status == "refused")
                         .values(status="pending", upload_url=None, confirmed_offset=0))

    def retry_delivered(self, bundle_id: str) -> None:
        """The provider no longer holds a delivered bundle (e.g. restored from a backup): send again."""
        with self._writer.begin() as conn:
            conn.execute(delete(ReceiptRow).where(ReceiptRow.bundle_id == bundle_id))
            conn.execute(update(OutboxEntry).where(OutboxEntry.bundle_id == bundle_id).values(
                status="pending", upload_url=None, confirmed_offset=0, delivered_wall_us=None))

    def deliver(self, bundle_id: str, envelope: dict[str, Any], *, prune: bool = False) -> dict[str, Any]:
        """Store a receipt that verifies with the pinned key, and only then count the bundle delivered."""
        enrollment = self.enrollment()
        entry = self.get(bundle_id)
        if enrollment is None or entry is None:
            raise SyncError(f"bundle {bundle_id} is not in the outbox of an enrolled workstation")
        statement = verify_receipt(envelope, enrollment.provider_public_pem, bundle_id=bundle_id,
                                   manifest_sha256=entry.manifest_sha256,
                                   device_key_id=enrollment.device_key_id)
        now = now_us()
        with self._writer.begin() as conn:
            conn.execute(delete(ReceiptRow).where(ReceiptRow.bundle_id == bundle_id))
            conn.execute(insert(ReceiptRow).values(
                bundle_id=bundle_id, manifest_sha256=entry.manifest_sha256,
                envelope=json.dumps(envelope, sort_keys=True), provider_key_id=enrollment.provider_key_id,
                received=str(statement["received"]), stored_wall_us=now))
            conn.execute(update(OutboxEntry).where(OutboxEntry.bundle_id == bundle_id).values(
                status="delivered", delivered_wall_us=now, last_error=None, confirmed_offset=entry.size))
        self._mark_synced(bundle_id)
        if prune:
            self.prune(bundle_id)
        return statement

    def _mark_synced(self, bundle_id: str) -> None:
        try:
            summary = self.store.summary(bundle_id)
        except StoreError:
            return  # a bundle need not be an assessment of this store (e.g. copied in)
        if summary.status == "sealed":
            self.store.set_status(bundle_id, "synced")

    def prune(self, bundle_id: str) -> None:
        """Delete the local archive of a delivered bundle (opt-in); the receipt stays."""
        entry = self.get(bundle_id)
        if entry is None or entry.status != "delivered":
            raise SyncError(f"bundle {bundle_id} has no stored receipt: it is not pruned")
        entry.archive_path.unlink(missing_ok=True)  # read-only file, writable folder: allowed
        with self._writer.begin() as conn:
            conn.execute(update(OutboxEntry).where(OutboxEntry.bundle_id == bundle_id)
                         .values(pruned_wall_us=now_us()))

    # ------------------------------------------------------------ reconciliation
    def held_digest(self) -> str:
        """The set digest of the bundles this workstation believes the provider holds."""
        return set_digest((e.bundle_id, e.manifest_sha256) for e in self.entries("delivered"))


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()
