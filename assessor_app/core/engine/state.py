"""The state of one assessment, folded from its events."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

from assessor_app.i18n import Msg

StepStatus = Literal["pending", "passed", "failed", "na", "hazard"]  # hazard: found it, stopped
Phase = Literal["in_progress", "stopped", "finished", "abandoned"]
Outcome = Literal["competent", "not_yet_competent", "incomplete", "abandoned", "stopped_safely"]
StopKind = Literal["critical", "hazard"]  # a critical step failed | a hazard found, correctly stopped


@dataclass
class MeasurementRecord:
    value: float  # in the unit the checklist asks for
    unit: str
    entered_value: float
    entered_unit: str
    in_range: bool
    t_us: int
    instrument: str | None = None
    range_label: str | None = None


@dataclass
class DiagnosticRecord:
    diagnostic: str  # snapshot | condition
    evidence: str
    sha256: str
    summary: dict[str, Any]
    met: bool | None
    t_us: int


@dataclass
class StepState:
    status: StepStatus = "pending"
    result_t_us: int | None = None
    started_t_us: int | None = None
    person: str | None = None
    reason: str | Msg = ""  # as given; an assessor's prompt or intervention that failed it is a message
    attempts: int = 0
    measurements: dict[str, MeasurementRecord] = field(default_factory=dict)
    diagnostics: list[DiagnosticRecord] = field(default_factory=list)  # of the current attempt
    diagnostics_unavailable: dict[str, str] = field(default_factory=dict)  # kind -> reason
    data: dict[str, Any] = field(default_factory=dict)  # field -> its latest value
    # field -> {"ok", "reason"}: the reason a stored message (an older record's: its English text)
    data_checks: dict[str, dict[str, Any]] = field(default_factory=dict)
    answers: dict[str, dict[str, Any]] = field(default_factory=dict)  # question -> {answer, correct}
    photos: list[dict[str, Any]] = field(default_factory=list)
    interventions: list[dict[str, Any]] = field(default_factory=list)
    #: an out-of-range reading that locks the step into the hazard stop (never measured away)
    hazard_lock: Msg | None = None
    reopened: int = 0  # times its live-dead-live sequence was done again
    # corrections (see corrections.py): the event that set the current result, and how
    result_seq: int | None = None
    by_intervention: bool = False  # the current fail is the assessor's intervention on a critical step
    stop: StopKind | None = None  # the current result stops the task
    # the readings and diagnostics of a failed attempt, kept should the fail be corrected to a pass
    failed_measurements: dict[str, MeasurementRecord] = field(default_factory=dict)
    failed_diagnostics: list[DiagnosticRecord] = field(default_factory=list)
    corrections: list[dict[str, Any]] = field(default_factory=list)  # of this step's results, in order
    reopened_by: list[dict[str, Any]] = field(default_factory=list)  # corrections of other steps


@dataclass
class AssessmentState:
    assessment_id: str
    started: dict[str, Any]
    steps: dict[str, StepState]
    phase: Phase = "in_progress"
    stopped_by: str | None = None  # the step that stopped the task
    stop_kind: StopKind | None = None
    outcome: Outcome | None = None
    rubric: dict[str, int] = field(default_factory=dict)
    signoffs: list[dict[str, Any]] = field(default_factory=list)
    consent: dict[str, Any] | None = None
    notes: list[dict[str, Any]] = field(default_factory=list)
    diagnostics_device: dict[str, Any] | None = None  # the adapter connected, if any
    diagnostics_unavailable: dict[str, str] = field(default_factory=dict)  # kind -> reason, all steps
    current_step: str | None = None
    identity_check: str | None = None  # how the candidate's identity was checked
    start_wall_us: int = 0  # with the timeline, gives the wall-clock date of any action
    last_t_us: int = 0
    last_wall_us: int = 0
    event_count: int = 0
    head_hash: str = ""

    @property
    def candidate_id(self) -> str:
        return str(self.started["candidate"]["id"])

    @property
    def record_format(self) -> int:
        """1: names and VIN inside the events (first release); 2: identity kept apart."""
        return int(self.started.get("format", 1))

    def persons(self) -> dict[str, str]:
        """The people of this assessment: id -> role."""
        people = {self.candidate_id: "candidate", str(self.started["assessor"]["id"]): "assessor"}
        rp = self.started.get("responsible_person")
        if isinstance(rp, dict) and rp.get("id"):
            people[str(rp["id"])] = "responsible_person"
        return people

    @property
    def read_only(self) -> bool:
        return self.phase in ("finished", "abandoned")
