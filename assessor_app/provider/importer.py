"""Import: the checks of ``assessor verify``, then who sealed it, then store.

Who: the workstation that sealed the bundle is enrolled and not revoked (and, for an upload, is
the uploader); the assessor who co-signed it has bound that key to their record here, neither
is revoked, they assess for the workstation's workshop, and their qualification was valid on the
assessment date. A bundle is known by its id together with the workstation that sealed it, so
another workstation using the same id never blocks, replaces or shadows it.

A bundle is stored by renaming its verified folder into place and then committing its row (with
the signed receipt) in one transaction; (bundle id, workstation) is the primary key, so it is
never stored twice. With an object store, its files are then put into the store, and the import
is done only once they are there (``ProviderStore.publish`` says in which order, and why).
A bundle that fails a check is quarantined with its reason; nothing is half-imported. A fault
of the provider's own machine (a full disk, a read-only folder, a locked database, an object
store out of reach) is never the bundle's: it is raised (or, for a folder of items, reported as "retry")
and the import runs again later.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import re
import stat
import tempfile
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from assessor_app.evidence.archive import open_archive
from assessor_app.evidence.bundle import BundleError
from assessor_app.evidence.folder import copy_bundle_folder, remove_tree
from assessor_app.evidence.verify import Verification, verify_bundle
from assessor_app.i18n import Msg
from assessor_app.provider import quarantine_reasons as reasons
from assessor_app.provider.assessment_index import UnreadableRecord, assessment_facts, index_row, write_row
from assessor_app.provider.directory import Directory
from assessor_app.provider.models import Quarantined, ReceivedBundle
from assessor_app.provider.receipts import receipt_statement, sign_receipt
from assessor_app.provider.registry import DeviceInfo, Registry
from assessor_app.provider.store import ProviderStore, Refused

log = logging.getLogger(__name__)
BUNDLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@dataclass(frozen=True)
class ImportResult:
    status: str  # imported, already (the same bundle was held), quarantined, retry, skipped
    source: str
    bundle_id: str | None = None
    manifest_sha256: str | None = None
    receipt: dict[str, Any] | None = None
    reason: str | None = None
    device: str | None = None  # the workstation that sealed it
    reason_code: str | None = None  # a quarantine's reason as a message code (quarantine_reasons)
    quarantine_id: int | None = None  # the quarantine row recorded for it
    message: Msg | None = field(default=None, compare=False)  # the reason as a message, when there is one

    @property
    def ok(self) -> bool:
        return self.status in ("imported", "already")


class _Quarantine(Exception):
    """Raised inside an import: the bundle goes to quarantine with this reason (a message)."""

    def __init__(self, reason: Msg, bundle_id: str | None = None, device: str | None = None,
                 manifest: str | None = None):
        super().__init__(str(reason))
        self.msg, self.bundle_id, self.device, self.manifest = reason, bundle_id, device, manifest
        self.reason = str(reason)  # the English text, as the workstation and the logs read it


@dataclass(frozen=True)
class _Attempt:
    """One import: where it came from, who sent it, and what a quarantine keeps."""

    source: str
    uploader: DeviceInfo | None = None
    declared: tuple[str, str] | None = None
    failed: Path | None = None  # the archive to move aside on quarantine
    kept: Path | None = None  # a retry: the copy already kept in quarantine
    retry_of: int | None = None  # a retry: the quarantine row it retries
    resolved_by: str = "delivery"  # who a quarantine this import cures is resolved by


class Importer:
    def __init__(self, store: ProviderStore, registry: Registry, directory: Directory):
        self.store = store
        self.registry = registry
        self.directory = directory

    # ------------------------------------------------------------ entry points
    def import_archive(self, archive: Path, *, source: str, uploader: DeviceInfo | None = None,
                       declared: tuple[str, str] | None = None, keep_failed: bool = False) -> ImportResult:
        """Inspect, open, verify and store one bundle archive; ``keep_failed`` moves a failure aside
        (else the opened copy of a bundle that fails a check is kept).

        An OSError or database error is the provider's own fault and is raised, never quarantined.
        """
        return self._archive(archive, _Attempt(source, uploader, declared, archive if keep_failed else None))

    def import_folder(self, folder: Path, *, source: str) -> ImportResult:
        """Import a bundle folder (e.g. from a USB stick); the source is left as it is.

        Everything in it is inspected before anything is copied: links, devices, FIFOs and
        sockets are refused, and nothing is read from a file that is not a plain file. A copy of
        a bundle that fails a check is kept in quarantine.
        """
        return self._folder(folder, _Attempt(source))

    def retry_kept(self, kept: Path, *, source: str, retry_of: int, uploader: DeviceInfo | None,
                   declared: tuple[str, str] | None, resolved_by: str) -> ImportResult:
        """A quarantined bundle's kept copy through every check of a first import again. Held: the
        quarantine ``retry_of`` is resolved; refused again: a new row names it and keeps the copy."""
        attempt = _Attempt(source, uploader, declared, kept=kept, retry_of=retry_of, resolved_by=resolved_by)
        if kept.is_dir():
            return self._folder(kept, attempt)
        return self._archive(kept, attempt)

    def _archive(self, archive: Path, attempt: _Attempt) -> ImportResult:
        with self.store.imports_lock():  # another process starting leaves this staging alone
            return self._archive_staged(archive, attempt)

    def _archive_staged(self, archive: Path, attempt: _Attempt) -> ImportResult:
        stage = Path(tempfile.mkdtemp(prefix="import-", dir=self.store.staging_dir))
        try:
            try:
                root = open_archive(archive, stage, max_bytes=self.store.config.max_upload_bytes)
            except BundleError as exc:
                return self._quarantine(_Quarantine(reasons.ARCHIVE_UNREADABLE(detail=str(exc))), attempt)
            return self._import_root(root, attempt)
        finally:
            remove_tree(stage)

    def _folder(self, folder: Path, attempt: _Attempt) -> ImportResult:
        with self.store.imports_lock():
            return self._folder_staged(folder, attempt)

    def _folder_staged(self, folder: Path, attempt: _Attempt) -> ImportResult:
        stage = Path(tempfile.mkdtemp(prefix="import-", dir=self.store.staging_dir))
        try:
            root = stage / folder.name
            try:
                copy_bundle_folder(folder, root)
            except BundleError as exc:
                return self._quarantine(_Quarantine(reasons.FOLDER_UNREADABLE(detail=str(exc))), attempt)
            return self._import_root(root, attempt)
        finally:
            remove_tree(stage)

    def import_path(self, path: Path) -> list[ImportResult]:
        """A bundle folder, a .tar archive, or a folder (USB stick) holding any number of them.

        Every item gets its own result; a bad item, or a fault while importing it, never stops
        the items after it.
        """
        try:
            mode = path.lstat().st_mode
        except OSError as exc:
            raise Refused(404, f"{path} cannot be read: {exc.strerror}") from None
        if stat.S_ISREG(mode):
            return [self._one(path, is_archive=True)]
        if not stat.S_ISDIR(mode):
            raise Refused(422, f"{path} is neither a bundle folder, a .tar archive nor a folder of them")
        if _is_file(path / "bagit.txt"):
            return [self._one(path, is_archive=False)]
        results = []
        try:
            entries = sorted(os.scandir(path), key=lambda e: e.name)
        except OSError as exc:
            raise Refused(422, f"the folder {path} cannot be listed: {exc.strerror}") from None
        for entry in entries:
            item = Path(entry.path)
            try:
                kind = _kind(entry)
            except OSError as exc:
                results.append(ImportResult("skipped", str(item), reason=f"cannot be read: {exc.strerror}"))
                continue
            if kind == "dir" and _is_file(item / "bagit.txt"):
                results.append(self._one(item, is_archive=False))
            elif kind == "file" and entry.name.endswith(".tar"):
                results.append(self._one(item, is_archive=True))
            elif not entry.name.startswith("."):
                what = {"dir": "a folder without bagit.txt",
                        "file": "a file that is not a .tar archive"}.get(kind, kind)
                results.append(ImportResult("skipped", str(item), reason=f"not a bundle: {what}"))
        return results

    def _one(self, item: Path, *, is_archive: bool) -> ImportResult:
        """One item of an import, whatever happens to it."""
        try:
            if is_archive:
                return self.import_archive(item, source=str(item))
            return self.import_folder(item, source=str(item))
        except (OSError, SQLAlchemyError) as exc:
            log.warning("import of %s failed on the provider's side: %s", item, exc)
            return ImportResult("retry", str(item), reason=own_fault(exc))
        except Exception as exc:  # noqa: BLE001 (logged with its traceback; the next items still go in)
            log.exception("import of %s failed unexpectedly", item)
            return ImportResult("retry", str(item), reason=f"the provider met an unexpected error "
                                f"({type(exc).__name__}, recorded in its log); nothing was quarantined")

    # ------------------------------------------------------------ the checks
    def _import_root(self, root: Path, attempt: _Attempt) -> ImportResult:
        try:
            return self._store(root, attempt)
        except _Quarantine as q:
            return self._quarantine(q, attempt, root)

    def _store(self, root: Path, attempt: _Attempt) -> ImportResult:
        uploader, declared = attempt.uploader, attempt.declared
        v = verify_bundle(root)
        if not v.ok:
            raise _Quarantine(reasons.VERIFICATION_FAILED(problems="; ".join(v.problems[:5])), v.bundle_id,
                              v.device_key_id, v.manifest_sha256)
        bundle_id, key_id, manifest = _established(v)
        if declared is not None and declared != (bundle_id, manifest):
            raise _Quarantine(reasons.DECLARED_MISMATCH(
                declared_bundle=declared[0], declared_manifest=declared[1][:16], bundle=bundle_id,
                manifest=manifest[:16]), bundle_id, key_id, manifest)
        try:
            device = self.registry.device(key_id)
        except Refused:
            raise _Quarantine(reasons.WORKSTATION_UNKNOWN(key=key_id[:16]), bundle_id, key_id,
                              manifest) from None
        if device.revoked_us is not None:
            raise _Quarantine(reasons.WORKSTATION_REVOKED(key=key_id[:16], detail=str(device.revoked_reason)),
                              bundle_id, key_id, manifest)
        if uploader is not None and uploader.key_id != key_id:
            raise _Quarantine(reasons.SEALED_BY_ANOTHER(key=key_id[:16], uploader=uploader.key_id[:16]),
                              bundle_id, key_id, manifest)
        assessed_on = dt.datetime.fromtimestamp(v.last_event_wall_us / 1e6, tz=dt.UTC).date()
        problem = self.directory.cosigner_problem(
            assessor_id=str(v.assessor_id), key_id=str(v.assessor_key_id), workshop_id=device.workshop_id,
            assessed_on=assessed_on)
        if problem is not None:
            raise _Quarantine(problem, bundle_id, key_id, manifest)
        with self.store.bundle_lock(key_id, bundle_id):  # one store of a bundle at a time, in any process
            return self._store_once(root, attempt, v, device, (bundle_id, key_id, manifest))

    def _store_once(self, root: Path, attempt: _Attempt, v: Any, device: DeviceInfo,
                    ids: tuple[str, str, str]) -> ImportResult:
        bundle_id, key_id, manifest = ids
        source = attempt.source
        held = self.held(bundle_id, key_id)
        if held is not None:
            return self._already(held, bundle_id, manifest, attempt, key_id)
        facts = _index_facts(root, bundle_id)
        target = self.store.bundle_path(key_id, bundle_id)
        target.parent.mkdir(mode=0o700, exist_ok=True)
        try:
            os.rename(root, target)
        except OSError:
            held = self.held(bundle_id, key_id)  # another import of the same bundle got there first
            if held is None:
                raise
            return self._already(held, bundle_id, manifest, attempt, key_id)
        received = self.store.clock()
        where = self.store.bundle_key(key_id, bundle_id) if self.store.objects.remote else str(target)
        receipt = sign_receipt(receipt_statement(
            bundle_id=bundle_id, manifest_sha256=manifest, received_us=received, device_key_id=key_id,
            workshop_id=device.workshop_id, provider_key_id=self.store.key.fingerprint), self.store.key)
        try:
            stored = dict(
                bundle_id=bundle_id, device=key_id, manifest_sha256=manifest,
                workshop_id=device.workshop_id, assessor_id=v.assessor_id,
                assessor_key=v.assessor_key_id, assessment_id=str(v.assessment_id or ""),
                outcome=v.outcome, payload_bytes=_payload_bytes(target), stored_path=where,
                source=_source_kind(source), received_us=received, receipt=json.dumps(receipt))
            with self.store.writer.begin() as conn:
                conn.execute(insert(ReceivedBundle).values(**stored))
                if facts is not None:  # the console's list row, committed with the bundle
                    write_row(conn, index_row(stored, facts))
                self._resolve(conn, bundle_id, key_id, manifest, "imported", attempt)
        except IntegrityError:
            remove_tree(target)
            held = self.held(bundle_id, key_id)
            if held is None:
                raise
            return self._already(held, bundle_id, manifest, attempt, key_id)
        except SQLAlchemyError:
            remove_tree(target)  # not recorded, so not stored: the import runs again later
            raise
        self.store.publish(key_id, bundle_id)  # with an object store: done once the store holds it
        log.info("bundle %s stored (manifest %s, workstation %s)", bundle_id, manifest[:16], key_id[:16])
        return ImportResult("imported", source, bundle_id, manifest, receipt, device=key_id)

    def _already(self, held: ReceivedBundle, bundle_id: str, manifest: str, attempt: _Attempt,
                 key_id: str) -> ImportResult:
        if held.manifest_sha256 != manifest:
            raise _Quarantine(reasons.BUNDLE_ID_TAKEN(bundle=bundle_id, manifest=held.manifest_sha256[:16]),
                              bundle_id, key_id, manifest)
        self.store.publish(key_id, bundle_id)  # an earlier import's put that a fault interrupted
        with self.store.writer.begin() as conn:
            self._resolve(conn, bundle_id, key_id, manifest, "already", attempt)
        return ImportResult("already", attempt.source, bundle_id, manifest, json.loads(held.receipt),
                            device=key_id)

    def _resolve(self, conn: Any, bundle_id: str, key_id: str, manifest: str, resolution: str,
                 attempt: _Attempt) -> None:
        """Mark the open provider-side quarantines of this very bundle resolved: it is held now."""
        conn.execute(update(Quarantined).where(
            Quarantined.bundle_id == bundle_id, Quarantined.device == key_id,
            Quarantined.manifest_sha256 == manifest, Quarantined.resolved_us.is_(None),
            Quarantined.reason_code.in_(sorted(reasons.PROVIDER_SIDE)),
        ).values(resolved_us=self.store.clock(), resolution=resolution,
                 resolved_by=attempt.resolved_by[:200]))

    def _quarantine(self, q: _Quarantine, attempt: _Attempt, root: Path | None = None) -> ImportResult:
        kept = attempt.kept  # a retry keeps the copy it retried
        if kept is None and attempt.failed is not None and attempt.failed.exists():
            kept = self.store.quarantine_dir / f"{self.store.clock()}-{attempt.failed.name}"
            os.replace(attempt.failed, kept)
        elif kept is None and root is not None and root.is_dir():
            # the checked copy, under its own name (the seal names its folder)
            folder = tempfile.mkdtemp(prefix=f"{self.store.clock()}-", dir=self.store.quarantine_dir)
            kept = Path(folder) / root.name
            os.replace(root, kept)
        now = self.store.clock()
        with self.store.writer.begin() as conn:
            row = conn.execute(insert(Quarantined).values(
                # who sent it (an upload), else who sealed it as far as that was established
                bundle_id=q.bundle_id, device=attempt.uploader.key_id if attempt.uploader else q.device,
                source=attempt.source[:300], kept_at=str(kept) if kept else None, reason=q.reason,
                received_us=now, manifest_sha256=q.manifest, reason_code=q.msg.code,
                reason_args=json.dumps(q.msg.to_dict()["args"]), retry_of=attempt.retry_of))
            new_id = row.inserted_primary_key[0] if row.inserted_primary_key else None
            if attempt.retry_of is not None:
                conn.execute(update(Quarantined).where(
                    Quarantined.id == attempt.retry_of, Quarantined.resolved_us.is_(None),
                ).values(resolved_us=now, resolution="again", resolved_by=attempt.resolved_by[:200]))
        log.warning("quarantined %s: %s", q.bundle_id or attempt.source, q.reason)
        return replace(ImportResult("quarantined", attempt.source, q.bundle_id, None, None, q.reason,
                                    q.device),
                       reason_code=q.msg.code, quarantine_id=new_id, message=q.msg)

    # ------------------------------------------------------------ reading
    def held(self, bundle_id: str, device: str) -> ReceivedBundle | None:
        """The bundle ``bundle_id`` as sealed by workstation ``device``, if it is held."""
        with self.store.engine.connect() as conn:
            return conn.execute(select(ReceivedBundle).where(  # type: ignore[return-value]
                ReceivedBundle.bundle_id == bundle_id, ReceivedBundle.device == device)).first()

    def bundles(self, *, device: str | None = None, workshop_id: str | None = None, after: str = "",
                limit: int = 1000) -> list[Any]:
        query = select(ReceivedBundle).where(ReceivedBundle.bundle_id > after)
        if device is not None:
            query = query.where(ReceivedBundle.device == device)
        if workshop_id is not None:
            query = query.where(ReceivedBundle.workshop_id == workshop_id)
        order = (ReceivedBundle.bundle_id, ReceivedBundle.device)
        with self.store.engine.connect() as conn:
            return list(conn.execute(query.order_by(*order).limit(limit)).all())

    def quarantined(self, limit: int = 1000) -> list[Any]:
        with self.store.engine.connect() as conn:
            return list(conn.execute(select(Quarantined).order_by(Quarantined.id.desc()).limit(limit)).all())

    def set_digest(self, device: str) -> tuple[int, str]:
        """``(count, digest)`` of the bundles held that workstation ``device`` sealed."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(ReceivedBundle.bundle_id, ReceivedBundle.manifest_sha256)
                                .where(ReceivedBundle.device == device)).all()
        return len(rows), set_digest((r.bundle_id, r.manifest_sha256) for r in rows)


def set_digest(items: Any) -> str:
    """SHA-256 over sorted ``"<bundle id> <manifest sha256>\\n"`` lines: equal sets, equal digests."""
    h = hashlib.sha256()
    for bundle_id, manifest in sorted(items):
        h.update(f"{bundle_id} {manifest}\n".encode())
    return h.hexdigest()


def fault_detail(exc: BaseException) -> str:
    """What went wrong on the provider's own machine, in a few words (the OS's, else the first line)."""
    return exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc).splitlines()[0][:200]


def own_fault(exc: BaseException) -> str:
    """One sentence for a fault of the provider's own machine, which a later import does not have."""
    detail = fault_detail(exc)
    return (f"the provider could not import it on its own side ({detail}); nothing was quarantined: "
            "it is imported when tried again once that is fixed")


def _established(v: Verification) -> tuple[str, str, str]:
    """The bundle id, sealing workstation and manifest hash a successful verification established."""
    if not (v.bundle_id and v.device_key_id and v.manifest_sha256 and v.assessor_key_id
            and v.last_event_wall_us is not None and BUNDLE_ID.fullmatch(v.bundle_id)):
        raise _Quarantine(reasons.VERIFICATION_INCOMPLETE(), v.bundle_id, v.device_key_id)
    return v.bundle_id, v.device_key_id, v.manifest_sha256


def _index_facts(root: Path, bundle_id: str) -> dict[str, Any] | None:
    """The index facts of a verified bundle; None (logged) if they cannot be read: the bundle is
    stored all the same, and the index's backfill tries again at the provider's next start."""
    try:
        return assessment_facts(root)
    except UnreadableRecord as exc:
        log.warning("bundle %s is stored without its assessment index row: %s", bundle_id, exc)
        return None


def _payload_bytes(root: Path) -> int:
    total = 0
    for folder, _dirs, files in os.walk(root / "data"):
        total += sum(os.lstat(os.path.join(folder, name)).st_size for name in files)
    return total


def _kind(entry: os.DirEntry[str]) -> str:
    mode = entry.stat(follow_symlinks=False).st_mode
    if stat.S_ISLNK(mode):
        return "a link"
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISREG(mode):
        return "file"
    return "a device, FIFO or socket"


def _is_file(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def _source_kind(source: str) -> str:
    return "upload" if source.startswith("upload ") else "import"
