"""What an issued credential states, read again from what it was issued from: the held assessment, the
rules and the awarding body, with the stored row's id, dates, status entry, evidence hash and
moderation basis. For the console's page, the public page and the PDF certificate (the signed
documents stay as they were stored; this gives every text in every language).
"""

from __future__ import annotations

import dataclasses
import json
from typing import Any

from sqlalchemy import select

from assessor_app.credentials.data import CredentialData
from assessor_app.provider.console.assessment_view import checklist_spec
from assessor_app.provider.console.bundle_files import NotHeld, held_bundle
from assessor_app.provider.credentials.assemble import credential_data
from assessor_app.provider.credentials.awarding import awarding_body
from assessor_app.provider.credentials.checks import Considered, _record, _service_of
from assessor_app.provider.credentials.models import CredentialRow
from assessor_app.provider.credentials.moderation_state import ModerationState
from assessor_app.provider.credentials.rules import IssuanceRules
from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.store import ProviderStore, Refused

_KINDS = ("confirmed", "overturned", "referred", "unchecked", "pending", "not_sampled", "no_cycle")


def moderation_basis(row: Any) -> ModerationState:
    """The moderation state the credential was issued from (stored as JSON with it)."""
    try:
        basis = json.loads(row.moderation_basis or "{}")
    except ValueError:
        basis = {}
    kind = basis.get("state") if isinstance(basis, dict) else None
    cycle = basis.get("cycle") if isinstance(basis, dict) else None
    return ModerationState(kind if kind in _KINDS else "no_cycle", cycle if isinstance(cycle, str) else None)


def stated(store: ProviderStore, rules: IssuanceRules, row: Any) -> CredentialData | None:
    """The credential ``row`` as data, or None when what it was issued from can no longer be read (the
    bundle gone, the checklist no longer given a credential by the rules, no awarding body)."""
    body = awarding_body(store)
    with store.engine.connect() as conn:
        index = conn.execute(select(AssessmentIndexRow).where(
            AssessmentIndexRow.device == row.device, AssessmentIndexRow.bundle_id == row.bundle_id)).first()
        earlier = conn.execute(select(CredentialRow.checklist_id, CredentialRow.id)
                               .where(CredentialRow.learner_id == row.learner_id,
                                      CredentialRow.issued_us < row.issued_us)
                               .order_by(CredentialRow.issued_us)).all()
    if body is None or index is None:
        return None
    try:
        bundle = held_bundle(_service_of(store), row.device, row.bundle_id)
    except NotHeld:
        return None
    spec = checklist_spec(bundle)
    record = _record(bundle)
    rule = rules.rule_for(spec) if spec is not None else None
    if spec is None or record is None or rule is None:
        return None
    held = dict((c, i) for c, i in earlier)
    prerequisites = tuple(held[p.checklist] for p in spec.credential.prerequisites
                          if p.checklist is not None and p.checklist in held)
    considered = Considered(index, bundle, spec, rule, record, prerequisites)
    try:
        data = credential_data(considered, body, state=moderation_basis(row), issued_us=row.issued_us,
                               status_list=row.status_list, status_index=row.status_index,
                               manifest_sha256=row.manifest_sha256)
    except Refused:  # the identity file no longer fits: nothing to name the learner by
        return None
    return dataclasses.replace(data, id=row.id, subject_salt="", language=row.language or data.language)
