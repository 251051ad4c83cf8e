"""The provider demo's two bundles the provider must refuse, each sent by an enrolled workstation.

One is sealed with a copy of the workstation's key and an assessor key made on the spot (the
co-signature of no registered assessor); the other is sealed by registered keys, and one byte of
its photo is changed afterwards. The provider quarantines both and says why.
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from assessor_app.core.specs.library import load_library
from assessor_app.demo import cohort_messages as c_
from assessor_app.demo.cohort import ADAS, Plan
from assessor_app.demo.cohort_run import record
from assessor_app.durable import private_dir
from assessor_app.evidence.archive import write_archive
from assessor_app.evidence.keys import DEVICE_KEY_FILE
from assessor_app.evidence.sealing import keys_dir
from assessor_app.i18n import Msg
from assessor_app.paths import checklists_dir
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.enrollment import open_outbox, provider_client
from assessor_app.sync.outbox import Outbox
from assessor_app.sync.worker import SyncWorker


def sync(outbox: Outbox, keys: Path) -> None:
    client = provider_client(outbox, keys)
    try:
        SyncWorker(outbox, client, keys_dir=keys).run_once()
    finally:
        client.close()


def hostile_bundles(folder: Path, plans: list[Plan], line: Callable[..., None]) -> list[str]:
    """Two bundles the provider must refuse, sent by enrolled workstations: one sealed with a copy of
    the workstation's key and an assessor key made on the spot (the co-signature of no registered
    assessor), one sealed by registered keys whose photo was changed afterwards."""
    library = load_library(checklists_dir())
    reasons = []
    first = next(p for p in plans if p.checklist == ADAS)
    hostile: tuple[tuple[Callable[[], Msg], Plan, bool], ...] = (
        (c_.ROGUE, replace(first, number=0, kind="pass"), False),
        (c_.TAMPERED, replace(first, number=0, kind="pass"), True),
    )
    for label, plan, tamper in hostile:
        source = folder / plan.workstation
        elsewhere = folder / ("copied-workstation-key" if not tamper else "copied-keys")
        private_dir(keys_dir(elsewhere))
        shutil.copy2(keys_dir(source) / DEVICE_KEY_FILE, keys_dir(elsewhere) / DEVICE_KEY_FILE)
        if tamper:  # the assessor's own (PIN-protected) key too: the seal itself is sound
            private_dir(keys_dir(elsewhere) / "assessors")
            name = f"{plan.assessor.id}.pem"
            shutil.copy2(keys_dir(source) / "assessors" / name, keys_dir(elsewhere) / "assessors" / name)
        done = record(library, elsewhere, plan, video=False)
        bundle = elsewhere / "bundles" / done.assessment_id
        archive = elsewhere / "sent" / f"{done.assessment_id}.tar"
        private_dir(archive.parent)
        if tamper:
            bundle = _changed_copy(bundle, elsewhere / "changed")
        write_archive(bundle, archive)
        manifest = _sha256(bundle / "manifest-sha256.txt")
        store = AssessmentStore.open(source / "assessor.db")
        try:
            outbox = open_outbox(store, source)
            outbox.add_archive(archive, done.assessment_id, manifest)
            sync(outbox, keys_dir(source))
            entry = outbox.get(done.assessment_id)
        finally:
            store.close()
        reason = entry.last_error if entry is not None and entry.status == "refused" else None
        line(label(), "")
        line(c_.QUARANTINED(bundle=done.assessment_id, reason=reason or (entry.status if entry else "?")))
        if reason:
            reasons.append(reason)
    return reasons


def _changed_copy(bundle: Path, into: Path) -> Path:
    """A copy of the sealed bundle with one byte of its first photo changed (the seal left as it was)."""
    target = into / bundle.name
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(bundle, target)
    for path in [target, *target.rglob("*")]:
        os.chmod(path, 0o700 if path.is_dir() else 0o600)
    photo = next(p for p in sorted(target.rglob("*.jpg")))
    data = bytearray(photo.read_bytes())
    data[len(data) // 2] ^= 0xFF
    photo.write_bytes(bytes(data))
    return target


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
