"""What a trainer can do during an assessment, and the event kind each becomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Result = Literal["pass", "fail", "na"]
SignOffRole = Literal["assessor", "candidate", "responsible_person"]


@dataclass(frozen=True)
class Person:
    id: str
    name: str = ""

    def to_dict(self) -> dict[str, str]:
        return {"id": self.id, "name": self.name}


@dataclass(frozen=True)
class Vehicle:
    vin: str = ""
    description: str = ""
    working_voltage_v: float | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "vin": self.vin,
            "description": self.description,
            "working_voltage_v": self.working_voltage_v,
        }


@dataclass(frozen=True)
class RecordConsent:
    person: str
    video: bool
    statement: str = ""
    kind = "consent_recorded"


@dataclass(frozen=True)
class StartStep:
    step: str
    kind = "step_started"


@dataclass(frozen=True)
class RecordMeasurement:
    step: str
    measurement: str
    value: float
    unit: str
    kind = "measurement_recorded"


@dataclass(frozen=True)
class RecordResult:
    step: str
    result: Result
    reason: str = ""
    person: str | None = None  # who performed the step; the candidate by default
    kind = "step_result"


@dataclass(frozen=True)
class AddNote:
    text: str
    step: str | None = None
    kind = "note_added"


@dataclass(frozen=True)
class ScoreRubric:
    criterion: str
    score: int
    comment: str = ""
    kind = "rubric_scored"


@dataclass(frozen=True)
class SignOff:
    role: SignOffRole
    name: str
    statement: str = ""
    kind = "signed_off"


@dataclass(frozen=True)
class Finish:
    kind = "assessment_finished"


@dataclass(frozen=True)
class Abandon:
    reason: str
    kind = "assessment_abandoned"


Action = (
    RecordConsent | StartStep | RecordMeasurement | RecordResult | AddNote | ScoreRubric
    | SignOff | Finish | Abandon
)

ACTION_TYPES: dict[str, type] = {
    cls.kind: cls
    for cls in (
        RecordConsent, StartStep, RecordMeasurement, RecordResult, AddNote, ScoreRubric,
        SignOff, Finish, Abandon,
    )
}


def action_fields(action: Action) -> dict[str, Any]:
    """The fields a trainer supplied, as they go into an event payload."""
    return {name: getattr(action, name) for name in action.__dataclass_fields__}


@dataclass(frozen=True)
class Refused:
    """An action the rules do not allow now, with a reason to show the trainer."""

    reason: str
    rule: str = ""
    wait_s: float | None = None  # seconds until it may be allowed, for a countdown


@dataclass(frozen=True)
class Accepted:
    kind: str
    payload: dict[str, Any] = field(default_factory=dict)
