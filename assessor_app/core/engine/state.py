"""The state of one assessment, folded from its events."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

StepStatus = Literal["pending", "passed", "failed", "na"]
Phase = Literal["in_progress", "stopped", "finished", "abandoned"]
Outcome = Literal["competent", "not_yet_competent", "incomplete", "abandoned"]


@dataclass
class MeasurementRecord:
    value: float  # in the unit the checklist asks for
    unit: str
    entered_value: float
    entered_unit: str
    in_range: bool
    t_us: int


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
    reason: str = ""
    attempts: int = 0
    measurements: dict[str, MeasurementRecord] = field(default_factory=dict)
    diagnostics: list[DiagnosticRecord] = field(default_factory=list)  # of the current attempt
    diagnostics_unavailable: dict[str, str] = field(default_factory=dict)  # kind -> reason


@dataclass
class AssessmentState:
    assessment_id: str
    started: dict[str, Any]
    steps: dict[str, StepState]
    phase: Phase = "in_progress"
    stopped_by: str | None = None  # the critical step whose failure stopped the task
    outcome: Outcome | None = None
    rubric: dict[str, int] = field(default_factory=dict)
    signoffs: list[dict[str, Any]] = field(default_factory=list)
    consent: dict[str, Any] | None = None
    notes: list[dict[str, Any]] = field(default_factory=list)
    diagnostics_device: dict[str, Any] | None = None  # the adapter connected, if any
    diagnostics_unavailable: dict[str, str] = field(default_factory=dict)  # kind -> reason, all steps
    current_step: str | None = None
    last_t_us: int = 0
    last_wall_us: int = 0
    event_count: int = 0
    head_hash: str = ""

    @property
    def candidate_id(self) -> str:
        return str(self.started["candidate"]["id"])

    @property
    def read_only(self) -> bool:
        return self.phase in ("finished", "abandoned")
