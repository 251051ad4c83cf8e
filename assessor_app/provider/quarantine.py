"""The quarantine book: every refused bundle with its reason, and a retry for provider-side faults.

A retry runs the kept copy through the same verified import as a first delivery (nothing is
skipped). When the bundle is held, the quarantine row is marked resolved (never deleted) and, for an
upload, the upload is marked imported, so the workstation's next ask for its result, receipt or
reconcile sees the bundle held. A retry refused again resolves the row as ``again`` and records a new
row naming it. Only provider-side reasons are retried: a bundle's own fault never changes.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from assessor_app.i18n import Message, Msg, render_stored
from assessor_app.provider import quarantine_reasons as reasons
from assessor_app.provider.importer import Importer, ImportResult, fault_detail, own_fault
from assessor_app.provider.models import Device, Quarantined, Upload
from assessor_app.provider.registry import DeviceInfo, Registry
from assessor_app.provider.store import ProviderStore, Refused

log = logging.getLogger(__name__)

STATES = ("open", "resolved", "all")
#: who resolved a quarantine when it was not a person: the workstation delivering it again, the CLI
BY_DELIVERY = "delivery"
BY_COMMAND_LINE = "the command line"
KINDS = (reasons.PROVIDER, reasons.BUNDLE)

UNKNOWN = Message("quarantine.refused.unknown", "there is no quarantined bundle number {number}")
RESOLVED = Message("quarantine.refused.resolved",
                   "quarantined bundle number {number} is resolved already: nothing to retry")
NOT_RETRYABLE = Message(
    "quarantine.refused.bundle_fault",
    "quarantined bundle number {number} was refused for a fault of its own (or a revocation): importing "
    "it again cannot change that")
NO_COPY = Message("quarantine.refused.no_copy",
                  "no copy of quarantined bundle number {number} was kept: the workstation delivers it again")
UPLOADER_GONE = Message("quarantine.refused.uploader_gone",
                        "the workstation that uploaded quarantined bundle number {number} is not enrolled")
BAD_STATE = Message("quarantine.refused.state", "the state must be open, resolved or all")
BAD_KIND = Message("quarantine.refused.kind", "the kind of reason must be provider or bundle")
BAD_DAYS = Message("quarantine.refused.dates", "the first day must not be after the last")
RETRY_IMPORTED = Message("quarantine.retry.imported", "bundle {bundle} was verified and is held now")
RETRY_ALREADY = Message("quarantine.retry.already",
                        "bundle {bundle} was held already: the quarantine is resolved")
RETRY_AGAIN = Message("quarantine.retry.again",
                      "the bundle was refused again and is quarantined as number {number}: {reason}")
RETRY_FAULT = Message("quarantine.retry.fault",
                      "the provider could not import it on its own side ({detail}); the quarantine stays "
                      "open: retry once that is fixed")


@dataclass(frozen=True)
class QuarantineEntry:
    """One quarantined bundle as the book shows it."""

    id: int
    bundle_id: str | None
    device: str | None
    workshop_id: str | None  # the workshop of that workstation, when it is enrolled
    source: str
    kept_at: str | None
    reason: str  # the English text
    reason_code: str | None
    reason_args: dict[str, Any] = field(default_factory=dict)
    received_us: int = 0
    manifest_sha256: str | None = None
    retry_of: int | None = None
    resolved_us: int | None = None
    resolution: str | None = None  # imported, already, again
    resolved_by: str | None = None

    @property
    def kind(self) -> str:
        return reasons.kind_of(self.reason_code)

    @property
    def is_open(self) -> bool:
        return self.resolved_us is None

    @property
    def retryable(self) -> bool:
        """Open, provider-side, and its copy kept: a retry can hold it."""
        return self.is_open and self.kind == reasons.PROVIDER and bool(self.kept_at) and Path(
            str(self.kept_at)).exists()

    @property
    def reason_msg(self) -> Msg | str:
        """The reason as a message (an earlier version's plain English as it is)."""
        if self.reason_code in reasons.REASONS:
            try:
                return reasons.REASONS[str(self.reason_code)](**self.reason_args)
            except TypeError:  # values missing from a damaged row: its English text
                return self.reason
        return self.reason

    def reason_in(self, language: str) -> str:
        """The reason in a language, from the catalogs (an earlier version's plain English as it is)."""
        return render_stored(reasons.stored_reason(self.reason_code, self.reason_args, self.reason), language)


def _entry(row: Any) -> QuarantineEntry:
    try:
        args = json.loads(row.reason_args) if row.reason_args else {}
    except ValueError:
        args = {}
    return QuarantineEntry(
        row.id, row.bundle_id, row.device, row.workshop_id, row.source, row.kept_at, row.reason,
        row.reason_code, args if isinstance(args, dict) else {}, row.received_us, row.manifest_sha256,
        row.retry_of, row.resolved_us, row.resolution, row.resolved_by)


def day_bounds_us(first: dt.date | None, last: dt.date | None) -> tuple[int | None, int | None]:
    """The received-time bounds (UTC microseconds, end exclusive) of the days ``first`` to ``last``."""
    if first is not None and last is not None and first > last:
        raise Refused(422, BAD_DAYS())

    def start(day: dt.date) -> int:
        return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()) * 10**6

    return (start(first) if first else None,
            start(last + dt.timedelta(days=1)) if last else None)


class QuarantineBook:
    def __init__(self, store: ProviderStore, registry: Registry, importer: Importer,
                 on_imported: Callable[[ImportResult], None] | None = None):
        self.store = store
        self.registry = registry
        self.importer = importer
        #: what a retried bundle, now held, is owed next (its web proxies)
        self.on_imported = on_imported
        self._retrying: dict[int, threading.Lock] = {}
        self._guard = threading.Lock()

    # ------------------------------------------------------------ reading
    def _query(self, state: str, kind: str | None, workshop_id: str | None, since_us: int | None,
               until_us: int | None) -> Any:
        if state not in STATES:
            raise Refused(422, BAD_STATE())
        if kind is not None and kind not in KINDS:
            raise Refused(422, BAD_KIND())
        query = select(Quarantined, Device.workshop_id).outerjoin(Device, Device.key_id == Quarantined.device)
        if state == "open":
            query = query.where(Quarantined.resolved_us.is_(None))
        elif state == "resolved":
            query = query.where(Quarantined.resolved_us.is_not(None))
        provider_side = Quarantined.reason_code.in_(sorted(reasons.PROVIDER_SIDE))
        if kind == reasons.PROVIDER:
            query = query.where(provider_side)
        elif kind == reasons.BUNDLE:
            query = query.where(or_(Quarantined.reason_code.is_(None), ~provider_side))
        if workshop_id:
            query = query.where(Device.workshop_id == workshop_id)
        if since_us is not None:
            query = query.where(Quarantined.received_us >= since_us)
        if until_us is not None:
            query = query.where(Quarantined.received_us < until_us)
        return query

    def entries(self, *, state: str = "open", kind: str | None = None, workshop_id: str | None = None,
                since_us: int | None = None, until_us: int | None = None, limit: int = 100,
                offset: int = 0) -> list[QuarantineEntry]:
        """Quarantined bundles, newest first: ``state`` open, resolved or all; ``kind`` provider or
        bundle; received in ``[since_us, until_us)``."""
        query = self._query(state, kind, workshop_id, since_us, until_us)
        query = query.order_by(Quarantined.id.desc()).limit(max(0, min(limit, 1000))).offset(max(0, offset))
        with self.store.engine.connect() as conn:
            return [_entry(row) for row in conn.execute(query).all()]

    def count(self, *, state: str = "open", kind: str | None = None, workshop_id: str | None = None,
              since_us: int | None = None, until_us: int | None = None) -> int:
        query = self._query(state, kind, workshop_id, since_us, until_us)
        with self.store.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(query.subquery())).scalar_one())

    def entry(self, quarantine_id: int) -> QuarantineEntry:
        query = (select(Quarantined, Device.workshop_id)
                 .outerjoin(Device, Device.key_id == Quarantined.device)
                 .where(Quarantined.id == quarantine_id))
        with self.store.engine.connect() as conn:
            row = conn.execute(query).first()
        if row is None:
            raise Refused(404, UNKNOWN(number=str(quarantine_id)))
        return _entry(row)

    def successor(self, quarantine_id: int) -> QuarantineEntry | None:
        """The quarantine a retry of ``quarantine_id`` recorded when the bundle was refused again."""
        query = (select(Quarantined, Device.workshop_id)
                 .outerjoin(Device, Device.key_id == Quarantined.device)
                 .where(Quarantined.retry_of == quarantine_id).order_by(Quarantined.id).limit(1))
        with self.store.engine.connect() as conn:
            row = conn.execute(query).first()
        return None if row is None else _entry(row)

    # ------------------------------------------------------------ retry
    def retry(self, quarantine_id: int, *, by: str) -> ImportResult:
        """Import a provider-side quarantine's kept copy again (``by``: who asked), and the result.

        Imported (or found held): the row is resolved; quarantined again: a new row names this one;
        a fault of the provider's own machine: ``retry`` with its reason, the row stays open.
        """
        with self._guard:
            lock = self._retrying.setdefault(quarantine_id, threading.Lock())
        with lock:  # two people pressing retry at once: the second sees the first's outcome
            entry = self.entry(quarantine_id)
            number = str(quarantine_id)
            if not entry.is_open:
                raise Refused(409, RESOLVED(number=number), "quarantine_resolved")
            if entry.kind != reasons.PROVIDER:
                raise Refused(409, NOT_RETRYABLE(number=number), "quarantine_bundle_fault")
            if not entry.kept_at or not Path(entry.kept_at).exists():
                raise Refused(409, NO_COPY(number=number), "quarantine_no_copy")
            upload = self._upload_of(entry)
            uploader = self._uploader(upload, number)
            declared = (upload.bundle_id, upload.manifest_sha256) if upload is not None else None
            try:
                result = self.importer.retry_kept(
                    Path(entry.kept_at), source=entry.source, retry_of=entry.id, uploader=uploader,
                    declared=declared, resolved_by=by)
                if result.ok:
                    self._resolved(entry, result.status, by, upload)
            except (OSError, SQLAlchemyError) as exc:
                log.warning("retry of quarantine %s failed on the provider's side: %s", quarantine_id, exc)
                return ImportResult("retry", entry.source, entry.bundle_id, reason=own_fault(exc),
                                    device=entry.device, message=RETRY_FAULT(detail=fault_detail(exc)))
        log.info("quarantine %s retried by %s: %s", quarantine_id, by, result.status)
        if result.status == "imported" and self.on_imported is not None:
            self.on_imported(result)
        return result

    def _upload_of(self, entry: QuarantineEntry) -> Upload | None:
        kind, _, upload_id = entry.source.partition(" ")
        if kind != "upload" or not upload_id.isalnum() or len(upload_id) > 32:
            return None
        with self.store.engine.connect() as conn:
            return conn.execute(select(Upload).where(Upload.id == upload_id)).first()  # type: ignore[return-value]

    def _uploader(self, upload: Upload | None, number: str) -> DeviceInfo | None:
        if upload is None:
            return None
        try:
            return self.registry.device(upload.device)
        except Refused:
            raise Refused(409, UPLOADER_GONE(number=number)) from None

    def _resolved(self, entry: QuarantineEntry, status: str, by: str, upload: Upload | None) -> None:
        now = self.store.clock()
        with self.store.writer.begin() as conn:
            # the import resolved it already when the row named this very bundle; an older row
            # (no manifest recorded) is resolved here
            conn.execute(update(Quarantined)
                         .where(Quarantined.id == entry.id, Quarantined.resolved_us.is_(None))
                         .values(resolved_us=now, resolution=status, resolved_by=by[:200]))
            if upload is not None:
                conn.execute(update(Upload).where(Upload.id == upload.id, Upload.status == "quarantined")
                             .values(status="imported", reason=None, updated_us=now))


def outcome_message(result: ImportResult) -> Msg:
    """What a retry did, as a message for the person who asked."""
    if result.status == "imported":
        return RETRY_IMPORTED(bundle=str(result.bundle_id))
    if result.status == "already":
        return RETRY_ALREADY(bundle=str(result.bundle_id))
    if result.status == "quarantined":
        return RETRY_AGAIN(number=str(result.quarantine_id), reason=result.message or str(result.reason))
    return result.message or RETRY_FAULT(detail=str(result.reason))
