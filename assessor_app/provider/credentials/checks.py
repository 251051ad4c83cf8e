"""Whether a held assessment may give a credential, and every reason it may not (yet).

The one rule moderation states trigger: a credential is issued only for a competent outcome (no
hazard stop) whose moderation state the issuance rules allow, from a bundle that names its learner,
by an assessor whose record stands, with the manufacturer's data where the rules require it, and to a
learner who holds the credentials of the checklist's prerequisites.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import select

from assessor_app.core.specs.models import ChecklistSpec
from assessor_app.evidence.record_shape import RECORD_JSON
from assessor_app.i18n import Msg
from assessor_app.provider.console.assessment_view import checklist_spec
from assessor_app.provider.console.bundle_files import HeldBundle, NotHeld, held_bundle
from assessor_app.provider.credentials import messages as m_
from assessor_app.provider.credentials.models import CredentialRow
from assessor_app.provider.credentials.moderation_state import ModerationState, allows, moderation_state
from assessor_app.provider.credentials.rules import CredentialRule, IssuanceRules
from assessor_app.provider.models import AssessmentIndexRow, Assessor
from assessor_app.provider.store import ProviderStore

_MAX_RECORD = 256 * 1024**2


@dataclass(frozen=True)
class Considered:
    """What the check read, for issuing when it passes."""

    row: Any  # the assessment_index row
    bundle: HeldBundle
    spec: ChecklistSpec
    rule: CredentialRule
    record: dict[str, Any]
    prerequisites: tuple[str, ...]  # ids of the credentials that meet the prerequisites


@dataclass(frozen=True)
class IssuanceCheck:
    """One assessment's standing: issued already, may be issued, or why not (all the reasons)."""

    device: str
    bundle_id: str
    refusals: tuple[Msg, ...] = ()
    moderation: ModerationState | None = None
    issued: str | None = None  # the credential issued for it, if any
    considered: Considered | None = field(default=None, repr=False)

    @property
    def ok(self) -> bool:
        return not self.refusals and self.issued is None and self.considered is not None


def _record(bundle: HeldBundle) -> dict[str, Any] | None:
    try:
        value = json.loads(bundle.read(RECORD_JSON, show_names=False, limit=_MAX_RECORD))
    except (NotHeld, ValueError, UnicodeDecodeError):
        return None
    return value if isinstance(value, dict) else None


def held_credentials(store: ProviderStore, learner_id: str) -> dict[str, str]:
    """The learner's valid (not revoked) credentials: checklist id -> the newest credential's id."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(CredentialRow.checklist_id, CredentialRow.id)
                            .where(CredentialRow.learner_id == learner_id,
                                   CredentialRow.revoked_us.is_(None))
                            .order_by(CredentialRow.issued_us)).all()
    return {r.checklist_id: r.id for r in rows}


def check_assessment(store: ProviderStore, rules: IssuanceRules, device: str,
                     bundle_id: str) -> IssuanceCheck:
    """Everything that stands between this assessment and its credential (nothing: it may be issued)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(AssessmentIndexRow).where(
            AssessmentIndexRow.device == device, AssessmentIndexRow.bundle_id == bundle_id)).first()
        issued = conn.execute(select(CredentialRow.id).where(CredentialRow.device == device,
                                                             CredentialRow.bundle_id == bundle_id)).scalar()
        assessor = (conn.execute(select(Assessor).where(Assessor.id == row.assessor_id)).first()
                    if row is not None and row.assessor_id else None)
    if row is None:
        return IssuanceCheck(device, bundle_id, (m_.NOT_HELD(assessment=f"{device[:16]}/{bundle_id}"),))
    if issued is not None:
        return IssuanceCheck(device, bundle_id, issued=issued)
    refusals: list[Msg] = []
    if row.outcome != "competent":
        refusals.append(m_.NOT_COMPETENT(outcome=row.outcome or "-"))
    if row.hazard_stop:
        refusals.append(m_.HAZARD_STOP(step=row.stopped_by or "-"))
    if assessor is None:
        refusals.append(m_.ASSESSOR_UNKNOWN())
    elif assessor.revoked_us is not None:
        refusals.append(m_.ASSESSOR_REVOKED(assessor=assessor.id, reason=assessor.revoked_reason or "-"))
    try:
        bundle = held_bundle(_service_of(store), device, bundle_id)
    except NotHeld:
        return IssuanceCheck(device, bundle_id, (*refusals, m_.NOT_HELD(assessment=bundle_id)))
    spec = checklist_spec(bundle)
    record = _record(bundle)
    if spec is None or record is None:
        refusals.append(m_.CHECKLIST_UNREADABLE() if spec is None else m_.RECORD_UNREADABLE())
        return IssuanceCheck(device, bundle_id, tuple(refusals))
    rule = rules.rule_for(spec)
    if rule is None:
        refusals.append(m_.NO_RULES(checklist=spec.id, version=spec.version))
    elif rule.requires_oem_data and row.parameters_generic:
        refusals.append(m_.GENERIC_PARAMETERS(
            parameter_set=f"{row.parameter_set_id} {row.parameter_set_version}"))
    if row.identity != "present" or not bundle.has_identity():
        refusals.append(m_.NO_IDENTITY())
    held = held_credentials(store, row.candidate)
    prerequisites = []
    for pre in spec.credential.prerequisites:
        if pre.checklist is None:
            continue
        if pre.checklist in held:
            prerequisites.append(held[pre.checklist])
        else:
            refusals.append(m_.PREREQUISITE(prerequisite=pre.checklist, checklist=spec.id))
    state = moderation_state(store, device, bundle_id, spec.id)
    why = allows(state, rule.moderation if rule else "none", spec.credential.gateway)
    if why is not None:
        refusals.append(why)
    considered = (Considered(row, bundle, spec, rule, record, tuple(prerequisites))
                  if rule is not None else None)
    return IssuanceCheck(device, bundle_id, tuple(refusals), state, None, considered)


class _StoreOnly:
    """held_bundle asks a service for its store; the checks have only the store."""

    def __init__(self, store: ProviderStore):
        self.store = store


def _service_of(store: ProviderStore) -> _StoreOnly:
    return _StoreOnly(store)
