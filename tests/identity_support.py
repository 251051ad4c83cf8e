"""Assessments that keep identity apart, for the store, bundle and anonymise tests.

A first event of format 2 (pseudonymous candidate id, salted commitments to the candidate and the
VIN, no names) and its identity document, made from the mini checklist's test people with a fixed
salt, so the commitments are known.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from helpers import (
    ASSESSMENT_ID,
    ASSESSOR,
    CANDIDATE,
    VEHICLE,
    WORKSHOP,
    Driver,
    Mini,
    do_all_steps,
    load_mini,
)

from assessor_app.core.clock import Timeline
from assessor_app.core.engine import (
    AssessmentEngine,
    Finish,
    Participant,
    Place,
    RecordIdentityCheck,
    ScoreRubric,
    SignOff,
    VehicleInfo,
)
from assessor_app.core.engine.engine import STARTED
from assessor_app.core.events import GENESIS, Event, make_event
from assessor_app.evidence.identity import commitment

SALT = hashlib.sha256(b"the test salt").hexdigest()
ADDRESS = "Konepajankuja 1, 00510 Helsinki"


def identity_document(signatures: list[dict[str, Any]] | None = None) -> dict[str, Any]:
    """The identity document of the test assessment (design: issue 12, section 3)."""
    return {
        "format": 1, "salt": SALT,
        "candidate": {"id": CANDIDATE.id, "name": CANDIDATE.name},
        "assessor": {"id": ASSESSOR.id, "name": ASSESSOR.name},
        "responsible_person": None,
        "workshop": {"id": WORKSHOP.id, "name": WORKSHOP.name, "address": ADDRESS},
        "vehicle": {"vin": VEHICLE.vin},
        "signatures": signatures or [],
        "identity_check": {"method": "photo_id", "note": "driving licence seen"},
    }


def apart_start(mini: Mini, *, wall_us: int = 0, t_us: int = 0,
                assessment_id: str = ASSESSMENT_ID) -> tuple[Event, AssessmentEngine]:
    """The first event of format 2 (no names, no VIN) and the engine started from it."""
    payload, resolved = AssessmentEngine.start_payload_v2(
        spec=mini.checklist.spec, spec_sha256=mini.checklist.sha256, params=mini.params.params,
        params_sha256=mini.params.sha256,
        candidate=Participant(CANDIDATE.id, commitment(SALT, {"id": CANDIDATE.id, "name": CANDIDATE.name})),
        assessor=Participant(ASSESSOR.id), workshop=Place(WORKSHOP.id, "FI"),
        vehicle=VehicleInfo(VEHICLE.description, VEHICLE.working_voltage_v,
                            commitment(SALT, {"vin": VEHICLE.vin})),
    )
    first = make_event(assessment_id, 0, STARTED, payload, wall_us, t_us, GENESIS)
    return first, AssessmentEngine(mini.checklist.spec, resolved, first)


@dataclass
class ApartDriver(Driver):
    """The test driver, on an assessment that keeps identity apart."""

    def __post_init__(self) -> None:
        self.timeline = Timeline(self.clock)
        stamp = self.timeline.now()
        first, self.engine = apart_start(self.mini, wall_us=stamp.wall_us, t_us=stamp.t_us)
        self.events: list[Event] = [first]


def finish_apart(d: ApartDriver) -> dict[str, Any]:
    """Score, record the identity check, sign off by person id (the name goes to the identity
    document) and finish; returns the identity document."""
    for criterion, score in {"conduct": 3, "safety": 4}.items():
        d.ok(ScoreRubric(criterion, score))
    d.ok(RecordIdentityCheck("photo_id"))
    signed = d.ok(SignOff("assessor", person=ASSESSOR.id))
    d.ok(Finish())
    return identity_document([{"role": "assessor", "person": ASSESSOR.id, "name": ASSESSOR.name,
                               "t_us": signed.t_us}])


@lru_cache(maxsize=1)
def finished_apart() -> tuple[AssessmentEngine, list[Event], dict[str, Any]]:
    """One finished assessment of the mini checklist that keeps identity apart, and its identity."""
    d = ApartDriver(load_mini())
    do_all_steps(d)
    identity = finish_apart(d)
    return d.engine, d.events, identity
