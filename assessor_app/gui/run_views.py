"""What the run and review screens show: immutable snapshots the run controller hands out, and
the progress line the run screen derives from one."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Any

from assessor_app.core.engine import StepView
from assessor_app.core.plausibility import Span
from assessor_app.core.specs.models import ChecklistSpec


@dataclass(frozen=True)
class MeasurementView:
    id: str
    label: str
    unit: str
    low: float | None
    high: float | None
    magnitude: bool
    value: float | None = None  # last reading, in the step's unit
    entered: str = ""
    in_range: bool | None = None
    instrument: bool = False  # the reading must name the instrument and range it was read on
    instrument_used: str = ""  # the instrument of the last reading
    range_label: str = ""  # and its range
    #: what a reading can be (the instrument's range, or the plausible one), in ``unit``; a reading
    #: outside it is refused as mistyped
    instrument_span: Span | None = None
    span_limit: str = "plausible"  # instrument | plausible


@dataclass(frozen=True)
class FieldView:
    """A structured field of a step (glove class, test date...), its recorded value and its check."""

    id: str
    label: str
    type: str  # text | number | date | choice | boolean
    unit: str
    required: bool
    options: tuple[tuple[str, str], ...] = ()  # (value, label) of a choice
    value: Any = None  # as recorded; None when not recorded yet
    ok: bool | None = None  # the check's verdict; None when not recorded yet
    reason: str = ""  # why the check failed, in the engine's words
    plausible: Span | None = None  # a number's plausible span, in ``unit``; outside it is refused


@dataclass(frozen=True)
class PhotoView:
    evidence: str  # relative to the assessment's capture folder, e.g. photos/04-1.jpg
    path: str
    sha256: str
    source: str  # camera | file
    width: int
    height: int
    attempt: int
    thumbnail: bytes | None = None  # a JPEG for the window; None when it cannot be made (see problem)
    problem: str = ""


@dataclass(frozen=True)
class QuestionView:
    id: str
    text: str
    answer: str = ""  # as noted; empty when not asked yet
    correct: bool | None = None


@dataclass(frozen=True)
class InterventionView:
    kind: str  # prompt | intervention
    note: str
    fails_step: bool
    attempt: int


@dataclass(frozen=True)
class PersonView:
    """A person of the assessment: id, role, and the name from the identity document (if kept)."""

    id: str
    role: str  # candidate | assessor | responsible_person
    name: str = ""


@dataclass(frozen=True)
class SignatureView:
    role: str
    person: str
    name: str
    statement: str


@dataclass(frozen=True)
class StepWork:
    """What happens inside one step besides its result, as the step's inputs show it."""

    fields: list[FieldView]
    photos: list[PhotoView]
    questions: list[QuestionView]
    interventions: list[InterventionView]
    hazard: str | None  # what found here means stop; None when the step has no hazard stop
    hazard_lock: str | None  # a reading that locks the step into its hazard stop
    redo_from: str | None  # a lapsed live-dead-live window: the step the sequence starts again from
    critical: bool  # a prompt or an intervention fails the step
    person: str | None  # who did the step, as its result records


@dataclass(frozen=True)
class DiagnosticsView:
    """What a step asks of the vehicle's diagnostic bus, and what was recorded for it."""

    snapshot: str | None  # the snapshot's purpose, e.g. "DTCs before the task"
    condition: str | None  # the condition's name, e.g. contactors_open
    condition_title: str
    outstanding: list[str]  # declared diagnostics neither recorded nor marked unavailable
    records: dict[str, object]  # as in the record: {"records": [...], "unavailable": {...}}
    limits: dict[str, float] = field(default_factory=dict)  # the parameters the condition is judged by
    readings: dict[str, float] = field(default_factory=dict)  # typed readings to cross-check with


@dataclass(frozen=True)
class ReadingView:
    """A reading of the step's current attempt (or of its failed attempt), as the review lists it."""

    label: str
    entered: str
    in_range: bool
    instrument: str = ""


@dataclass(frozen=True)
class CorrectionView:
    """A correction of the step's result: what it replaced, what it is now, when and why."""

    replaces: str  # pass | fail | na | hazard
    result: str
    reason: str
    replaced_reason: str
    person: str  # who did the step as corrected (an id)
    replaced_person: str
    t_us: int
    reopened: tuple[str, ...] = ()


@dataclass(frozen=True)
class EvidenceView:
    """One kind of evidence the checklist declares for the step: what is there, or why it is missing."""

    kind: str
    items: tuple[str, ...] = ()
    why: str = ""  # a code of record_sections.WHY when missing


@dataclass(frozen=True)
class ReviewStep:
    id: str
    title: str
    risk: str
    status: str  # pending | passed | failed | na | hazard
    reason: str
    person: str  # an id; the window shows the name
    result_t_us: int | None
    readings: tuple[ReadingView, ...] = ()
    corrections: tuple[CorrectionView, ...] = ()
    evidence: tuple[EvidenceView, ...] = ()
    reopened_by: tuple[str, ...] = ()  # steps whose correction reopened this one
    corrections_to: tuple[str, ...] = ()  # the results it may be corrected to; empty: not correctable


@dataclass(frozen=True)
class ReviewData:
    """What the review lists and what finishing still needs."""

    steps: tuple[ReviewStep, ...]
    corrections_closed: str = ""  # why no result can be corrected now: "" | signed | read_only
    finish_refusal: str | None = None  # the engine's reason finishing is refused now, if it is
    left: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (steps | rubric | identity | signoffs, items)
    sealed_bundle: str = ""  # the bundle folder once sealed
    sealed_pdf: str = ""  # the PDF record in it, in the window's language where there is one
    start_wall_us: int = 0  # with a moment's t_us, its time of day


@dataclass(frozen=True)
class TimingView:
    """A wait before a step, or a time window it must be done in, as of the snapshot.

    The countdown on the screen and the reason a result is refused are both read from ``left_s``,
    so they never disagree."""

    step: str
    kind: str  # wait: the step may not be done before its end | window: it must be done before
    label: str  # as the checklist names it, e.g. Discharge wait, Live-dead-live window
    left_s: float  # seconds from the snapshot to its end; <= 0: the window has closed
    due_us: int  # its end on the assessment timeline: the same wait or window in every snapshot


@dataclass(frozen=True)
class RunSnapshot:
    assessment_id: str
    spec: ChecklistSpec
    language: str
    views: list[StepView]
    measurements: dict[str, list[MeasurementView]]
    phase: str
    stopped_reason: str | None
    outcome: str | None
    provisional_outcome: str
    reasons: list[str]
    rubric: dict[str, int]
    signoffs: list[dict[str, object]]
    next_step: str | None
    missing_evidence: list[tuple[str, list[str]]] = field(default_factory=list)
    diagnostics: dict[str, DiagnosticsView] = field(default_factory=dict)
    diagnostics_connected: bool = False
    work: dict[str, StepWork] = field(default_factory=dict)
    people: list[PersonView] = field(default_factory=list)  # candidate first
    last_instrument: str = ""  # the instrument of the latest reading that named one
    last_range: str = ""
    identity_check: str | None = None  # how the candidate's identity was checked
    identity_note: str = ""
    signatures: list[SignatureView] = field(default_factory=list)
    record_format: int = 2  # 1: a first-release record (names inside, no identity check)
    next_lapse_s: float | None = None  # seconds until a reopenable time window lapses
    review: ReviewData | None = None  # every step as the review lists it, and what finishing needs
    timings: list[TimingView] = field(default_factory=list)  # waits running, windows open or closed
    t_us: int = 0  # when the snapshot was taken, on the assessment timeline
    taken_monotonic: float = field(default_factory=time.monotonic)

    @property
    def read_only(self) -> bool:
        return self.phase in ("finished", "abandoned")

    def view(self, step_id: str) -> StepView:
        return next(v for v in self.views if v.id == step_id)

    def person(self, role: str) -> PersonView | None:
        return next((p for p in self.people if p.role == role), None)


@dataclass(frozen=True)
class Progress:
    """Where the trainer is in the checklist and how it stands: "Step 12 of 22", passed / failed /
    remaining; ``steps_done`` once every step has a result (or the task is stopped)."""

    position: int
    total: int
    passed: int
    failed: int
    na: int
    hazard: int
    remaining: int
    steps_done: bool


def progress(snap: RunSnapshot, step_id: str | None) -> Progress:
    """The progress the run screen shows for ``step_id`` (the step shown)."""
    ids = [v.id for v in snap.views]
    count = {status: sum(v.status == status for v in snap.views)
             for status in ("passed", "failed", "na", "hazard")}
    remaining = sum(v.status in ("pending", "allowed", "blocked") for v in snap.views)
    done = snap.phase != "in_progress" or remaining == 0
    return Progress(ids.index(step_id) + 1 if step_id in ids else 0, len(ids), count["passed"],
                    count["failed"], count["na"], count["hazard"], remaining, done)
