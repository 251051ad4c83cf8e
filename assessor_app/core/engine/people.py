"""The people of an assessment: who they are in the record (ids and commitments, never names),
who may do a step, who must sign off, and how the candidate's identity was checked."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assessor_app.core.engine import messages as m_
from assessor_app.core.engine.actions import (
    IDENTITY_CHECKS,
    Accepted,
    RecordIdentityCheck,
    Refused,
    SignOff,
)
from assessor_app.core.engine.state import AssessmentState
from assessor_app.core.events import canonical_json
from assessor_app.core.specs.models import ChecklistSpec, Step
from assessor_app.core.terms import term
from assessor_app.i18n import Msg

#: Annex I of the EU micro-credentials recommendation: what this kind of assessment is.
ASSESSMENT_TYPE = "supervised practical on a vehicle, recorded"
PARTICIPATION = "in person, at the workshop"
FORMAT = 2


def commitment(salt_hex: str, value: Mapping[str, Any]) -> str:
    """A salted commitment: SHA-256 hex of the salt's bytes and the canonical JSON of ``value``.

    The salt is kept only in the identity file, so the record's commitment says nothing about a
    name or VIN until that file is shown, and then proves it is the one recorded.
    """
    return hashlib.sha256(bytes.fromhex(salt_hex) + canonical_json(dict(value))).hexdigest()


@dataclass(frozen=True)
class Participant:
    """A person as the record names them: a (pseudonymous) id and, for the candidate, the salted
    commitment to their identity that the identity file can open."""

    id: str
    commitment: str = ""


@dataclass(frozen=True)
class Place:
    """Where the assessment happens: the workshop's id and country (its name is in the identity file)."""

    id: str
    country: str = ""


@dataclass(frozen=True)
class VehicleInfo:
    description: str = ""
    working_voltage_v: float | None = None
    vin_commitment: str = ""  # the VIN itself is in the identity file


def people_payload(*, candidate: Participant, assessor: Participant, responsible: Participant | None,
                   workshop: Place, vehicle: VehicleInfo, awarding_body: str) -> dict[str, Any]:
    """The part of the first event that names people and place, without names."""
    return {
        "format": FORMAT,
        "candidate": {"id": candidate.id, "commitment": candidate.commitment},
        "assessor": {"id": assessor.id},
        "responsible_person": {"id": responsible.id} if responsible else None,
        "workshop": {"id": workshop.id, "country": workshop.country},
        "vehicle": {"description": vehicle.description, "working_voltage_v": vehicle.working_voltage_v,
                    "vin_commitment": vehicle.vin_commitment},
        "assessment": {"type": ASSESSMENT_TYPE, "participation": PARTICIPATION,
                       "awarding_body": awarding_body, "country": workshop.country},
    }


def start_problems(spec: ChecklistSpec, candidate: Participant, assessor: Participant,
                   responsible: Participant | None, eligibility: Mapping[str, object]) -> list[Msg]:
    """Why these people cannot start this checklist (empty when they can)."""
    problems = []
    ids = [candidate.id, assessor.id, *([responsible.id] if responsible else [])]
    if not all(i.strip() for i in ids):
        problems.append(m_.NEEDS_IDS())
    if candidate.id == assessor.id:
        problems.append(m_.ASSESSOR_IS_CANDIDATE())
    if responsible is not None and responsible.id == candidate.id:
        problems.append(m_.RESPONSIBLE_IS_CANDIDATE())
    if "responsible_person" in spec.signoffs and responsible is None:
        problems.append(m_.NEEDS_RESPONSIBLE(checklist=spec.id))
    for pre in spec.credential.prerequisites:
        if pre.checklist is not None and pre.checklist not in eligibility:
            problems.append(m_.NEEDS_PREREQUISITE(checklist=spec.id, prerequisite=pre.checklist,
                                                  candidate=candidate.id))
    return problems


def _role(role: str) -> Msg | str:
    return term(role) or role.replace("_", " ")


def person_refusal(state: AssessmentState, step: Step, person: str, result: str) -> Refused | None:
    """A step's result must name a person of the assessment; some steps only the candidate does,
    and a critical step counts for the candidate only when they did it."""
    if state.record_format < FORMAT:
        return None  # first-release records named people freely
    people = state.persons()
    if person not in people:
        return Refused(m_.NOT_A_PERSON(person=person, candidate=state.candidate_id), rule="person")
    if step.rules.performed_by == "candidate" and people[person] != "candidate":
        return Refused(m_.CANDIDATE_ONLY(step=step.id, candidate=state.candidate_id,
                                         role=_role(people[person])), rule="person")
    if result == "pass" and step.risk == "critical" and people[person] != "candidate":
        return Refused(m_.CRITICAL_BY_CANDIDATE(role=_role(people[person])), rule="person")
    return None


def decide_signoff(state: AssessmentState, a: SignOff) -> Accepted | Refused:
    if a.role not in ("assessor", "candidate", "responsible_person"):
        return Refused(m_.UNKNOWN_ROLE(role=repr(a.role)), rule="input")
    if a.person is None:  # the first release's form: the name itself
        if not a.name.strip():
            return Refused(m_.SIGNOFF_NAME(), rule="input")
        return Accepted(a.kind, {"role": a.role, "name": a.name, "statement": a.statement})
    if a.name:
        return Refused(m_.SIGNOFF_BY_ID(), rule="input")
    role = state.persons().get(a.person)
    if role != a.role:
        return Refused(m_.NOT_IN_ROLE(person=a.person, role=_role(a.role)), rule="signoff")
    return Accepted(a.kind, {"role": a.role, "person": a.person, "statement": a.statement})


def decide_identity_check(a: RecordIdentityCheck) -> Accepted | Refused:
    if a.method not in IDENTITY_CHECKS:
        # the methods' codes, as a caller sends them
        return Refused(m_.IDENTITY_HOW(methods=", ".join(IDENTITY_CHECKS)), rule="input")
    return Accepted(a.kind, {"method": a.method})


def finish_refusal(spec: ChecklistSpec, state: AssessmentState) -> Refused | None:
    """Who must still sign off, and the identity check, before the assessment can be finished."""
    signed = {s["role"] for s in state.signoffs}
    for role in spec.signoffs:
        if role not in signed:
            return Refused(m_.MUST_SIGN(role=_role(role)), rule="signoff")
    if state.record_format >= FORMAT and state.identity_check is None:
        return Refused(m_.IDENTITY_FIRST(), rule="identity")
    return None
