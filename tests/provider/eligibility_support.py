"""Credentials put straight into the provider's tables (as issuing leaves them), for the eligibility list."""

from __future__ import annotations

import uuid

from sqlalchemy import insert, update

from assessor_app.provider.credentials.models import CredentialRow
from assessor_app.provider.models import ReceivedBundle
from assessor_app.provider.service import ProviderService

DAY_US = 86_400_000_000
#: 2026-11-30 12:00 UTC
ISSUED_US = 1_796_040_000_000_000


def add_credential(service: ProviderService, device: str, learner_id: str, checklist_id: str, *,
                   issued_us: int = ISSUED_US) -> str:
    """A credential for ``learner_id`` on ``checklist_id`` (and the bundle row it names); its UUID."""
    bundle_id, credential = str(uuid.uuid4()), str(uuid.uuid4())
    with service.store.writer.begin() as conn:
        conn.execute(insert(ReceivedBundle).values(
            bundle_id=bundle_id, device=device, manifest_sha256="0" * 64, workshop_id="ws-1",
            assessor_id="assr-1", assessor_key=None, assessment_id=str(uuid.uuid4()), outcome="competent",
            payload_bytes=0, stored_path="", source="upload", received_us=issued_us - DAY_US, receipt="{}"))
        index = conn.execute(CredentialRow.__table__.select()).all()
        conn.execute(insert(CredentialRow).values(
            id=credential, bundle_id=bundle_id, device=device, assessment_id=str(uuid.uuid4()),
            learner_id=learner_id, checklist_id=checklist_id, checklist_version="1.2.0", workshop_id="ws-1",
            assessor_id="assr-1", region="FI", manifest_sha256="0" * 64, completed_us=issued_us - DAY_US,
            issued_us=issued_us, issued_by="cli", moderation_basis="{}", status_list=1,
            status_index=len(index), ob3_jwt="", edc_json="", language="en", revoked_us=None, revoked_by=None,
            revoked_reason=None))
    return credential


def revoke(service: ProviderService, credential: str, revoked_us: int) -> None:
    with service.store.writer.begin() as conn:
        conn.execute(update(CredentialRow).where(CredentialRow.id == credential).values(
            revoked_us=revoked_us, revoked_by="cli", revoked_reason="issued in error"))
