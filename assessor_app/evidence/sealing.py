"""Seal a finished assessment from the store into a bundle, and mark it sealed; export its record."""

from __future__ import annotations

import os
import shutil
from collections import Counter
from pathlib import Path
from typing import Any

from assessor_app.core.terms import term
from assessor_app.evidence.bundle import (
    RECORD_PDF,
    BundleError,
    PayloadFile,
    SealedBundle,
    assessment_record,
    write_bundle,
)
from assessor_app.evidence.identity import FULL_RECORD_PDF
from assessor_app.evidence.keys import create_assessor_key, device_key, open_assessor_key
from assessor_app.evidence.strict_json import shown
from assessor_app.i18n import LANGUAGES, Message
from assessor_app.reports.pdf import EvidenceItem, render_record
from assessor_app.storage.captures import CaptureIndex, captures_dir
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

NOT_FINISHED = Message("seal.not_finished", "assessment {assessment} is {status}: finish it first")
UNKNOWN_LANGUAGE = Message("record.unknown_language",
                           "there is no language {language}: a record is written in one of {languages}")


def bundles_dir(data_dir: Path) -> Path:
    return data_dir / "bundles"


def keys_dir(data_dir: Path) -> Path:
    return data_dir / "keys"


def capture_evidence(
    store: AssessmentStore, data_dir: Path, assessment_id: str,
) -> tuple[list[PayloadFile], dict[str, Any]]:
    """The assessment's closed capture files as bundle payload, and the record's capture section."""
    index = CaptureIndex(store)
    files = index.files(assessment_id)
    folder = captures_dir(data_dir, assessment_id)
    payload = []
    for f in files:
        source = folder / f.name
        if not source.is_file():
            raise BundleError(f"capture file {source} is indexed but missing: the evidence is incomplete")
        seconds = (f.t_end_us - f.t_start_us) / 1e6 if f.kind in ("video", "can_log") else None
        payload.append(PayloadFile(source, f"captures/{f.name}", f.sha256, f.size, seconds))
    devices = sorted({(f.kind, f.device) for f in files})
    dropped = Counter[str]()
    for f in files:
        dropped[f.kind] += f.dropped
    capture = {
        "devices": [{"kind": kind, "device": device} for kind, device in devices],
        "files": [{"name": f"captures/{f.name}", "kind": f.kind, "device": f.device, "step": f.step_id,
                   "t_start_us": f.t_start_us, "t_end_us": f.t_end_us, "items": f.items,
                   "dropped": f.dropped, "meta": f.meta} for f in files],
        "gaps": [{"device": g.device, "kind": g.kind, "t_start_us": g.t_start_us,
                  "t_end_us": g.t_end_us, "reason": g.reason} for g in index.gaps(assessment_id)],
        "dropped_frames": dropped["video"],
        "dropped_can_frames": dropped["can_log"],
    }
    return payload, capture


def seal_assessment(
    store: AssessmentStore, assessment_id: str, *, data_dir: Path, assessor_id: str, pin: str,
) -> SealedBundle:
    """Write the sealed bundle (device key + the assessor's key) and mark the assessment sealed.

    An assessor without a key on this workstation gets one, protected by ``pin``.
    """
    summary = store.summary(assessment_id)
    if summary.status not in ("finished", "abandoned"):
        raise BundleError(NOT_FINISHED(assessment=assessment_id,
                                       status=term(summary.status) or summary.status.replace("_", " ")))
    recorder = AssessmentRecorder.open(store, assessment_id, read_only=True)
    keys = keys_dir(data_dir)
    key_file = keys / "assessors" / f"{assessor_id}.pem"
    assessor = (open_assessor_key(keys, assessor_id, pin) if key_file.exists()
                else create_assessor_key(keys, assessor_id, pin))
    payload, capture = capture_evidence(store, data_dir, assessment_id)
    workshop = recorder.engine.state.started["workshop"]["id"]
    bundle = write_bundle(
        bundles_dir(data_dir), bundle_id=assessment_id, engine=recorder.engine,
        events=store.events(assessment_id),
        checklist_source=store.snapshot_source(summary.checklist_sha256),
        parameters_source=store.snapshot_source(summary.params_sha256),
        keys=[device_key(keys), assessor], payload=payload, capture=capture,
        # names stay in the identity file: bag-info.txt says which workshop, by its id
        extra_info={"Source-Organization": workshop},
        identity=store.identity(assessment_id),
    )
    store.set_status(assessment_id, "sealed")
    return bundle


def export_record(
    store: AssessmentStore, assessment_id: str, *, data_dir: Path, language: str, out: Path,
) -> tuple[Path, bool]:
    """Write the PDF record to ``out``: the sealed one when there is a bundle, else a marked draft.

    Returns the path and whether it is the sealed record. The record is the full one (names shown)
    where the identity is kept apart: the workstation holds the identity anyway.
    """
    if language not in LANGUAGES:
        raise BundleError(UNKNOWN_LANGUAGE(language=shown(language, 20), languages=", ".join(LANGUAGES)))
    summary = store.summary(assessment_id)
    bundle = bundles_dir(data_dir) / assessment_id
    out.parent.mkdir(parents=True, exist_ok=True)
    if summary.status in ("sealed", "synced"):
        for sealed in (bundle / FULL_RECORD_PDF.format(language=language),
                       bundle / RECORD_PDF.format(language=language)):
            if sealed.is_file():
                shutil.copyfile(sealed, out)
                return out, True
    recorder = AssessmentRecorder.open(store, assessment_id, read_only=True)
    spec = recorder.engine.spec
    # the record speaks any language the product does; a checklist text it lacks shows in English
    payload, capture = capture_evidence(store, data_dir, assessment_id)
    record = assessment_record(recorder.engine, store.events(assessment_id), capture)
    evidence = [EvidenceItem(p.name, p.size, p.sha256, p.seconds) for p in payload]
    pdf = render_record(record, spec, language, evidence=evidence, seal=None,
                        identity=store.identity(assessment_id))
    tmp = out.with_name(f".{out.name}.tmp")
    tmp.write_bytes(pdf)
    os.replace(tmp, out)
    return out, False
