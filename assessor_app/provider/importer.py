"""Import: the checks of ``assessor verify`` plus "device enrolled and not revoked", then store.

A bundle is stored by renaming its verified folder into place and then committing its row (with
the signed receipt) in one transaction; the bundle id is the primary key, so it is never stored
twice. Anything that fails is quarantined with its reason; nothing is half-imported.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from assessor_app.evidence.archive import open_archive
from assessor_app.evidence.bundle import DEVICE_PUB, SEAL_FILE, BundleError
from assessor_app.evidence.seal import public_key
from assessor_app.evidence.verify import verify_bundle
from assessor_app.provider.models import Quarantined, ReceivedBundle
from assessor_app.provider.receipts import receipt_statement, sign_receipt
from assessor_app.provider.registry import DeviceInfo, Registry
from assessor_app.provider.store import ProviderStore, Refused

log = logging.getLogger(__name__)
BUNDLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")


@dataclass(frozen=True)
class ImportResult:
    status: str  # imported, already (the same bundle was held), quarantined
    source: str
    bundle_id: str | None = None
    manifest_sha256: str | None = None
    receipt: dict[str, Any] | None = None
    reason: str | None = None

    @property
    def ok(self) -> bool:
        return self.status in ("imported", "already")


class _Quarantine(Exception):
    """Raised inside an import: the bundle goes to quarantine with this reason."""

    def __init__(self, reason: str, bundle_id: str | None = None, device: str | None = None):
        super().__init__(reason)
        self.reason, self.bundle_id, self.device = reason, bundle_id, device


class Importer:
    def __init__(self, store: ProviderStore, registry: Registry):
        self.store = store
        self.registry = registry

    # ------------------------------------------------------------ entry points
    def import_archive(self, archive: Path, *, source: str, uploader: DeviceInfo | None = None,
                       declared: tuple[str, str] | None = None, keep_failed: bool = False) -> ImportResult:
        """Inspect, open, verify and store one bundle archive; ``keep_failed`` moves a failure aside."""
        stage = Path(tempfile.mkdtemp(prefix="import-", dir=self.store.staging_dir))
        try:
            try:
                root = open_archive(archive, stage, max_bytes=self.store.config.max_upload_bytes)
            except BundleError as exc:
                return self._quarantine(_Quarantine(f"archive: {exc}"), source,
                                        archive if keep_failed else None, uploader)
            return self._import_root(root, source, uploader, declared,
                                     archive if keep_failed else None)
        finally:
            shutil.rmtree(stage, ignore_errors=True)

    def import_folder(self, folder: Path, *, source: str) -> ImportResult:
        """Import a bundle folder (e.g. from a USB stick); the source is left as it is."""
        stage = Path(tempfile.mkdtemp(prefix="import-", dir=self.store.staging_dir))
        try:
            root = stage / folder.name
            try:
                # links are copied as links, so verification sees (and refuses) them
                shutil.copytree(folder, root, symlinks=True)
            except OSError as exc:
                return self._quarantine(_Quarantine(f"the folder cannot be read: {exc}"), source, None,
                                        None)
            return self._import_root(root, source, None, None, None)
        finally:
            shutil.rmtree(stage, ignore_errors=True)

    def import_path(self, path: Path) -> list[ImportResult]:
        """A bundle folder, a .tar archive, or a folder (USB stick) holding any number of them."""
        if path.is_file():
            return [self.import_archive(path, source=str(path))]
        if not path.is_dir():
            raise Refused(404, f"{path} is neither a bundle, an archive nor a folder")
        if (path / "bagit.txt").exists():
            return [self.import_folder(path, source=str(path))]
        results = []
        for item in sorted(path.iterdir()):
            if item.is_dir() and not item.is_symlink() and (item / "bagit.txt").exists():
                results.append(self.import_folder(item, source=str(item)))
            elif item.is_file() and item.suffix == ".tar":
                results.append(self.import_archive(item, source=str(item)))
        return results

    # ------------------------------------------------------------ the checks
    def _import_root(self, root: Path, source: str, uploader: DeviceInfo | None,
                     declared: tuple[str, str] | None, failed: Path | None) -> ImportResult:
        try:
            return self._store(root, source, uploader, declared)
        except _Quarantine as q:
            return self._quarantine(q, source, failed, uploader)

    def _store(self, root: Path, source: str, uploader: DeviceInfo | None,
               declared: tuple[str, str] | None) -> ImportResult:
        verification = verify_bundle(root)
        if not verification.ok:
            raise _Quarantine("verification failed: " + "; ".join(verification.problems[:5]))
        predicate = json.loads(_payload(root))["predicate"]
        bundle_id = str(predicate.get("bundle_id", ""))
        manifest = _sha256(root / "manifest-sha256.txt")
        if not BUNDLE_ID.fullmatch(bundle_id) or bundle_id != root.name:
            raise _Quarantine(f"the seal names bundle {bundle_id!r} but the bundle folder is {root.name!r}")
        key_id = public_key((root / DEVICE_PUB).read_text()).keyid
        if declared is not None and declared != (bundle_id, manifest):
            raise _Quarantine(f"the upload declared bundle {declared[0]} with manifest {declared[1][:16]} "
                              f"but holds bundle {bundle_id} with manifest {manifest[:16]}",
                              bundle_id, key_id)
        try:
            device = self.registry.usable_device(key_id)
        except Refused as exc:
            raise _Quarantine(f"sealed by workstation key {key_id[:16]}: {exc}", bundle_id, key_id) from None
        if uploader is not None and uploader.key_id != key_id:
            raise _Quarantine(f"sealed by workstation {key_id[:16]}, not by the uploading workstation "
                              f"{uploader.key_id[:16]}", bundle_id, key_id)
        held = self.held(bundle_id)
        if held is not None:
            return self._already(held, bundle_id, manifest, source, key_id)
        target = self.store.bundles_dir / bundle_id
        try:
            os.rename(root, target)
        except OSError:
            held = self.held(bundle_id)  # another import of the same id got there first
            if held is None:
                raise
            return self._already(held, bundle_id, manifest, source, key_id)
        received = self.store.clock()
        receipt = sign_receipt(receipt_statement(
            bundle_id=bundle_id, manifest_sha256=manifest, received_us=received, device_key_id=key_id,
            workshop_id=device.workshop_id, provider_key_id=self.store.key.fingerprint), self.store.key)
        try:
            with self.store.writer.begin() as conn:
                conn.execute(insert(ReceivedBundle).values(
                    bundle_id=bundle_id, manifest_sha256=manifest, device=key_id,
                    workshop_id=device.workshop_id, assessment_id=str(predicate.get("assessment_id", "")),
                    outcome=predicate.get("outcome"),
                    payload_bytes=sum(p.stat().st_size for p in (target / "data").rglob("*") if p.is_file()),
                    stored_path=str(target), source=_source_kind(source), received_us=received,
                    receipt=json.dumps(receipt)))
        except IntegrityError:
            shutil.rmtree(target, ignore_errors=True)
            held = self.held(bundle_id)
            if held is None:
                raise
            return self._already(held, bundle_id, manifest, source, key_id)
        log.info("bundle %s stored (manifest %s, workstation %s)", bundle_id, manifest[:16], key_id[:16])
        return ImportResult("imported", source, bundle_id, manifest, receipt)

    def _already(self, held: ReceivedBundle, bundle_id: str, manifest: str, source: str,
                 key_id: str) -> ImportResult:
        if held.manifest_sha256 != manifest:
            raise _Quarantine(f"bundle {bundle_id} is already held with another manifest "
                              f"({held.manifest_sha256[:16]}); a different bundle cannot take its id",
                              bundle_id, key_id)
        return ImportResult("already", source, bundle_id, manifest, json.loads(held.receipt))

    def _quarantine(self, q: _Quarantine, source: str, failed: Path | None,
                    uploader: DeviceInfo | None) -> ImportResult:
        kept = None
        if failed is not None and failed.exists():
            kept = self.store.quarantine_dir / f"{self.store.clock()}-{failed.name}"
            os.replace(failed, kept)
        with self.store.writer.begin() as conn:
            conn.execute(insert(Quarantined).values(
                bundle_id=q.bundle_id, device=q.device or (uploader.key_id if uploader else None),
                source=source[:300], kept_at=str(kept) if kept else None, reason=q.reason,
                received_us=self.store.clock()))
        log.warning("quarantined %s: %s", q.bundle_id or source, q.reason)
        return ImportResult("quarantined", source, q.bundle_id, None, None, q.reason)

    # ------------------------------------------------------------ reading
    def held(self, bundle_id: str) -> ReceivedBundle | None:
        with self.store.engine.connect() as conn:
            return conn.execute(select(ReceivedBundle).where(ReceivedBundle.bundle_id == bundle_id)
                                ).first()  # type: ignore[return-value]

    def bundles(self, *, workshop_id: str | None = None, after: str = "", limit: int = 1000) -> list[Any]:
        query = select(ReceivedBundle).where(ReceivedBundle.bundle_id > after)
        if workshop_id is not None:
            query = query.where(ReceivedBundle.workshop_id == workshop_id)
        with self.store.engine.connect() as conn:
            return list(conn.execute(query.order_by(ReceivedBundle.bundle_id).limit(limit)).all())

    def quarantined(self, limit: int = 1000) -> list[Any]:
        with self.store.engine.connect() as conn:
            return list(conn.execute(select(Quarantined).order_by(Quarantined.id.desc()).limit(limit)).all())

    def set_digest(self, workshop_id: str) -> tuple[int, str]:
        """``(count, digest)`` of the bundles held for a workshop (see ``set_digest``)."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(ReceivedBundle.bundle_id, ReceivedBundle.manifest_sha256)
                                .where(ReceivedBundle.workshop_id == workshop_id)).all()
        return len(rows), set_digest((r.bundle_id, r.manifest_sha256) for r in rows)


def set_digest(items: Any) -> str:
    """SHA-256 over sorted ``"<bundle id> <manifest sha256>\\n"`` lines: equal sets, equal digests."""
    h = hashlib.sha256()
    for bundle_id, manifest in sorted(items):
        h.update(f"{bundle_id} {manifest}\n".encode())
    return h.hexdigest()


def _payload(root: Path) -> str:
    from securesystemslib.dsse import Envelope

    return Envelope.from_dict(json.loads((root / SEAL_FILE).read_text())).payload.decode()


def _sha256(path: Path) -> str:
    with open(path, "rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


def _source_kind(source: str) -> str:
    return "upload" if source.startswith("upload ") else "import"
