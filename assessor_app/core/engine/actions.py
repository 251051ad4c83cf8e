"""What a trainer can do during an assessment, and the event kind each becomes."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from assessor_app.i18n import Msg, render

Result = Literal["pass", "fail", "na", "hazard"]  # hazard: found it and stopped, correctly
DiagnosticKind = Literal["snapshot", "condition"]
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
    instrument: str | None = None  # the instrument's id, where the checklist asks for it
    range_label: str | None = None  # the range it was read on, e.g. "1000 V DC"
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
    """A sign-off. New records name the person by their id (names live in the identity file);
    ``name`` is the form of the first release, whose events still replay."""

    role: SignOffRole
    name: str = ""
    statement: str = ""
    person: str | None = None
    kind = "signed_off"


@dataclass(frozen=True)
class RecordPhoto:
    """A photo of a step, already on disk and hashed: ``evidence`` is its name under the capture folder."""

    step: str
    evidence: str
    sha256: str
    source: Literal["camera", "file"]
    width: int
    height: int
    kind = "photo_recorded"


@dataclass(frozen=True)
class RecordStepData:
    """Values of a step's declared fields (glove class, instrument id, dates...); checked at once."""

    step: str
    values: dict[str, Any]
    kind = "step_data_recorded"


@dataclass(frozen=True)
class RecordAnswer:
    """The answer to an oral question, as the assessor noted it, and whether it was correct."""

    step: str
    question: str
    answer: str
    correct: bool
    kind = "answer_recorded"


@dataclass(frozen=True)
class RecordIntervention:
    """The assessor prompted or intervened; on a critical step that fails the step."""

    step: str
    intervention: Literal["prompt", "intervention"]
    note: str
    kind = "intervention_recorded"


@dataclass(frozen=True)
class ReopenSteps:
    """A lapsed live-dead-live window: do the sequence from ``step`` again (every attempt is kept)."""

    step: str
    reason: str = ""
    kind = "steps_reopened"


@dataclass(frozen=True)
class RecordIdentityCheck:
    """How the candidate's identity was checked, or that it was not (EU micro-credentials, Annex I)."""

    method: Literal["photo_id", "known_to_assessor", "provider_record", "not_checked"]
    kind = "identity_checked"


@dataclass(frozen=True)
class ConnectDiagnostics:
    """A diagnostic adapter serves this assessment: from now on declared diagnostics are required."""

    device: str
    detail: dict[str, Any] = field(default_factory=dict)
    kind = "diagnostics_connected"


@dataclass(frozen=True)
class RecordDiagnostic:
    """A snapshot or a signal condition, written as evidence file ``evidence``, linked to ``step``."""

    step: str
    diagnostic: DiagnosticKind
    evidence: str  # the file's name under the assessment's capture folder
    sha256: str
    summary: dict[str, Any]  # JSON data: VIN and DTCs, or the condition with its signal values
    met: bool | None = None  # a condition's outcome; None for a snapshot
    kind = "diagnostic_recorded"


@dataclass(frozen=True)
class MarkDiagnosticsUnavailable:
    """Diagnostics cannot be taken (adapter missing or lost): for one step, or for the rest."""

    reason: str
    step: str | None = None  # None: every step from now on
    diagnostic: DiagnosticKind | None = None  # None: snapshot and condition alike
    kind = "diagnostics_unavailable"


@dataclass(frozen=True)
class CorrectResult:
    """The assessor corrects the latest recorded result of a step, with the reason (required).

    The original result stays in the event chain; the correction is an event of its own that
    names the result it replaces. ``person`` None keeps who did the step as recorded."""

    step: str
    result: Result
    reason: str
    person: str | None = None
    kind = "result_corrected"


@dataclass(frozen=True)
class Finish:
    kind = "assessment_finished"


@dataclass(frozen=True)
class Abandon:
    reason: str
    kind = "assessment_abandoned"


Action = (
    RecordConsent | StartStep | RecordMeasurement | RecordResult | AddNote | ScoreRubric
    | SignOff | Finish | Abandon | ConnectDiagnostics | RecordDiagnostic | MarkDiagnosticsUnavailable
    | RecordPhoto | RecordStepData | RecordAnswer | RecordIntervention | ReopenSteps | RecordIdentityCheck
    | CorrectResult
)

ACTION_TYPES: dict[str, type] = {
    cls.kind: cls
    for cls in (
        RecordConsent, StartStep, RecordMeasurement, RecordResult, AddNote, ScoreRubric,
        SignOff, Finish, Abandon, ConnectDiagnostics, RecordDiagnostic, MarkDiagnosticsUnavailable,
        RecordPhoto, RecordStepData, RecordAnswer, RecordIntervention, ReopenSteps, RecordIdentityCheck,
        CorrectResult,
    )
}
IDENTITY_CHECKS = ("photo_id", "known_to_assessor", "provider_record", "not_checked")


def action_fields(action: Action) -> dict[str, Any]:
    """The fields a trainer supplied, as they go into an event payload."""
    return {name: getattr(action, name) for name in action.__dataclass_fields__}


@dataclass(frozen=True)
class Refused:
    """An action the rules do not allow now, with a reason to show the trainer (a message, rendered in
    the trainer's language by the window or the command line)."""

    message: Msg
    rule: str = ""
    wait_s: float | None = None  # seconds until it may be allowed, for a countdown

    @property
    def reason(self) -> str:
        """The reason in English, for logs; people read :meth:`text` in their language."""
        return render(self.message, "en")

    def text(self, language: str = "en") -> str:
        return render(self.message, language)


@dataclass(frozen=True)
class Accepted:
    kind: str
    payload: dict[str, Any] = field(default_factory=dict)
