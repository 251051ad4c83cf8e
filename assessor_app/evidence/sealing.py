"""Seal a finished assessment from the store into a bundle, and mark it sealed."""

from __future__ import annotations

from pathlib import Path

from assessor_app.evidence.bundle import BundleError, SealedBundle, write_bundle
from assessor_app.evidence.keys import create_assessor_key, device_key, open_assessor_key
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore


def seal_assessment(
    store: AssessmentStore, assessment_id: str, *, keys_dir: Path, bundles_dir: Path,
    assessor_id: str, pin: str,
) -> SealedBundle:
    """Write the sealed bundle (device key + the assessor's key) and mark the assessment sealed.

    An assessor without a key on this workstation gets one, protected by ``pin``.
    """
    summary = store.summary(assessment_id)
    if summary.status not in ("finished", "abandoned"):
        raise BundleError(
            f"assessment {assessment_id} is {summary.status.replace('_', ' ')}: finish it first")
    recorder = AssessmentRecorder.open(store, assessment_id, read_only=True)
    key_file = keys_dir / "assessors" / f"{assessor_id}.pem"
    assessor = (open_assessor_key(keys_dir, assessor_id, pin) if key_file.exists()
                else create_assessor_key(keys_dir, assessor_id, pin))
    bundle = write_bundle(
        bundles_dir, bundle_id=assessment_id, engine=recorder.engine,
        events=store.events(assessment_id),
        checklist_source=store.snapshot_source(summary.checklist_sha256),
        parameters_source=store.snapshot_source(summary.params_sha256),
        keys=[device_key(keys_dir), assessor],
        extra_info={"Source-Organization": summary.workshop_name,
                    "Contact-Name": summary.assessor_name},
    )
    store.set_status(assessment_id, "sealed")
    return bundle
