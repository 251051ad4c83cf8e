"""A credential's data (``CredentialData``) from the assessment it is issued for: the sealed record,
the checklist it pinned, its identity file, the issuance rule and the awarding body."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from typing import Any

from assessor_app.credentials.data import (
    AwardingBody,
    CredentialData,
    Evidence,
    LearningOutcome,
    RubricResult,
    StatusEntry,
    Texts,
)
from assessor_app.evidence.identity import IDENTITY_JSON, identity_problem, read_identity_document
from assessor_app.evidence.strict_json import JsonError
from assessor_app.i18n import LANGUAGES, Msg, render
from assessor_app.provider.console.bundle_files import NotHeld
from assessor_app.provider.credentials import messages as m_
from assessor_app.provider.credentials import wording as w_
from assessor_app.provider.credentials.checks import Considered
from assessor_app.provider.credentials.moderation_state import ModerationState
from assessor_app.provider.store import Refused


def in_every_language(msg: Msg) -> dict[str, str]:
    return {lang: render(msg, lang) for lang in LANGUAGES}


def _texts(value: Any) -> dict[str, str]:
    return {k: " ".join(str(v).split()) for k, v in dict(value or {}).items() if v}


def learner_name(considered: Considered) -> str:
    """The learner's name from the bundle's identity file, checked against the record's commitment."""
    started = considered.record.get("started") or {}
    try:
        data = considered.bundle.read(IDENTITY_JSON, show_names=True, limit=16 * 1024**2)
        document = read_identity_document(data)
    except (NotHeld, JsonError):
        raise Refused(409, m_.NO_IDENTITY()) from None
    if identity_problem(document, started) is not None:
        raise Refused(409, m_.NO_IDENTITY())
    return str(document["candidate"]["name"]).strip()


def _rubric(considered: Considered) -> tuple[RubricResult, ...]:
    scores = considered.record.get("rubric") or {}
    rubric = considered.spec.rubric
    out = []
    for criterion in rubric.criteria:
        score = scores.get(criterion.id)
        if isinstance(score, bool) or not isinstance(score, int):
            continue
        out.append(RubricResult(criterion.id, _texts(criterion.title), score, rubric.scale.min,
                                rubric.scale.max,
                                _texts(rubric.scale.labels.get(str(score)))))
    return tuple(out)


def _criteria(considered: Considered) -> Texts:
    spec = considered.spec
    critical = sum(1 for s in spec.steps if s.risk == "critical")
    return in_every_language(w_.CRITERIA(steps=len(spec.steps), critical=critical,
                                         criteria=len(spec.rubric.criteria)))


def credential_data(considered: Considered, body: AwardingBody, *, state: ModerationState, issued_us: int,
                    status_list: int, status_index: int, manifest_sha256: str) -> CredentialData:
    """Everything the credential will state; nothing is stored yet."""
    row, spec, rule, record = considered.row, considered.spec, considered.rule, considered.record
    credential = spec.credential
    method = str(record.get("identity_check") or "not_checked")
    annex = record.get("annex_i") or {}
    country = str((annex.get("place") or {}).get("country") or "")
    return CredentialData(
        id=str(uuid.uuid4()),
        issued=dt.datetime.fromtimestamp(issued_us // 1_000_000, tz=dt.UTC),
        awarding_body=body,
        learner_id=row.candidate,
        learner_name=learner_name(considered),
        subject_salt=os.urandom(16).hex(),
        title=rule.title, description=rule.description, criteria=_criteria(considered),
        checklist_id=spec.id, checklist_version=spec.version,
        checklist_sha256=considered.bundle.manifest.get("data/checklist.yaml", ""),
        outcomes=tuple(LearningOutcome(_texts(o), tuple(credential.esco_skills))
                       for o in credential.learning_outcomes),
        eqf_level=credential.eqf_level, nqf_levels=rule.nqf_levels,
        workload_hours=rule.workload_hours, ects=rule.ects,
        assessment_type=rule.assessment_type, participation=rule.participation,
        quality_assurance=rule.quality_assurance,
        prerequisites=tuple(_texts(p.text) for p in credential.prerequisites),
        prerequisite_credentials=tuple(f"urn:uuid:{c}" for c in considered.prerequisites),
        supervision=in_every_language(w_.SUPERVISION(
            assessor=row.assessor_id, method=w_.ID_METHODS.get(method, w_.ID_NOT_CHECKED)())),
        id_verification=method,
        rubric=_rubric(considered),
        stackability=rule.stackability, further_information=rule.further_information,
        gateway=credential.gateway, standards=tuple(credential.standards), unit_codes=rule.unit_codes,
        assessed=dt.datetime.fromtimestamp(row.ended_us // 1_000_000, tz=dt.UTC),
        assessor_id=row.assessor_id, workshop_id=row.workshop_id, workshop_country=country,
        moderation=in_every_language(state.message()),
        evidence=Evidence(row.bundle_id, row.device, row.assessment_id, manifest_sha256,
                          f"{body.url}/console/assessments/{row.device}/{row.bundle_id}"),
        status=StatusEntry(f"{body.url}/credentials/status/{status_list}", status_index),
        language=row.language if row.language in LANGUAGES else "en",
    )
