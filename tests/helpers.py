"""Shared test helpers: the mini checklist, and a tiny driver around the pure engine."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from assessor_app.core.clock import Clock, ManualClock, Timeline
from assessor_app.core.engine import (
    Action,
    AssessmentEngine,
    Finish,
    Person,
    RecordMeasurement,
    RecordResult,
    Refused,
    ScoreRubric,
    SignOff,
    Vehicle,
)
from assessor_app.core.engine.engine import STARTED, StepView
from assessor_app.core.engine.state import AssessmentState
from assessor_app.core.events import GENESIS, Event, make_event
from assessor_app.core.specs import (
    LoadedChecklist,
    LoadedParameterSet,
    load_checklist,
    load_parameter_set,
)

DATA = Path(__file__).resolve().parent / "data"
MINI_CHECKLIST = DATA / "mini-checklist.yaml"
MINI_PARAMS = DATA / "mini-params.yaml"

CANDIDATE = Person("cand-1", "Casey Candidate")
ASSESSOR = Person("assr-1", "Alex Assessor")
WORKSHOP = Person("ws-1", "Main Workshop")
VEHICLE = Vehicle("WVWZZZE1ZMP000001", "Test EV", 400.0)
ASSESSMENT_ID = "00000000-0000-4000-8000-000000000001"

MIN = 60.0  # seconds


@dataclass(frozen=True)
class Mini:
    checklist: LoadedChecklist
    params: LoadedParameterSet


@lru_cache(maxsize=1)
def load_mini() -> Mini:
    return Mini(load_checklist(MINI_CHECKLIST), load_parameter_set(MINI_PARAMS))


def start_event(mini: Mini, *, vehicle: Vehicle = VEHICLE, wall_us: int = 0, t_us: int = 0,
                assessment_id: str = ASSESSMENT_ID) -> tuple[Event, AssessmentEngine]:
    payload, resolved = AssessmentEngine.start_payload(
        spec=mini.checklist.spec, spec_sha256=mini.checklist.sha256, params=mini.params.params,
        params_sha256=mini.params.sha256, candidate=CANDIDATE, assessor=ASSESSOR,
        workshop=WORKSHOP, vehicle=vehicle,
    )
    first = make_event(assessment_id, 0, STARTED, payload, wall_us, t_us, GENESIS)
    return first, AssessmentEngine(mini.checklist.spec, resolved, first)


@dataclass
class Driver:
    """Decides and applies actions on the engine, stamping them from a clock via a Timeline.

    This is what the recorder does, minus the store: the engine itself never reads a clock.
    """

    mini: Mini
    clock: Clock = field(default_factory=ManualClock)

    def __post_init__(self) -> None:
        self.timeline = Timeline(self.clock)
        stamp = self.timeline.now()
        first, self.engine = start_event(self.mini, wall_us=stamp.wall_us, t_us=stamp.t_us)
        self.events: list[Event] = [first]

    @property
    def state(self) -> AssessmentState:
        return self.engine.state

    @property
    def t_us(self) -> int:
        return self.timeline.now().t_us

    def advance(self, seconds: float) -> None:
        self.clock.advance(seconds)  # type: ignore[attr-defined]

    def act(self, action: Action) -> Event | Refused:
        stamp = self.timeline.now()
        decision = self.engine.decide(action, stamp.t_us)
        if isinstance(decision, Refused):
            return decision
        st = self.engine.state
        event = make_event(
            st.assessment_id, st.event_count, decision.kind, decision.payload, stamp.wall_us,
            stamp.t_us, st.head_hash,
        )
        self.engine.apply(event)
        self.events.append(event)
        return event

    def ok(self, action: Action) -> Event:
        """Act, insisting the action is accepted."""
        result = self.act(action)
        assert isinstance(result, Event), f"{action} refused: {result}"
        return result

    def refused(self, action: Action) -> Refused:
        """Act, insisting the action is refused and leaves the state as it was."""
        before = (repr(self.engine.state), len(self.events))
        result = self.act(action)
        assert isinstance(result, Refused), f"{action} unexpectedly accepted"
        assert (repr(self.engine.state), len(self.events)) == before
        return result

    def passes(self, step: str, person: str | None = None) -> Event:
        return self.ok(RecordResult(step, "pass", person=person))

    def view(self, step: str) -> StepView:
        return next(v for v in self.engine.step_views(self.t_us) if v.id == step)


# ---------------------------------------------------------------- scripted paths
def do_until_dead(d: Driver) -> None:
    """ppe, plug, lock passed; the discharge wait waited out (sign is left to the test)."""
    for step in ("ppe", "plug", "lock"):
        d.passes(step)
    d.advance(10 * MIN)


def do_dead(d: Driver) -> None:
    d.ok(RecordMeasurement("dead", "hv", 0.2, "V"))
    d.passes("dead")


def do_until_insul(d: Driver) -> None:
    """Everything the insulation test needs done first (dead test and re-prove passed)."""
    do_until_dead(d)
    do_dead(d)
    d.ok(RecordMeasurement("reprove", "src", 13.0, "V"))
    d.passes("reprove")


def do_all_steps(d: Driver) -> None:
    """Every step but sign passed, in an order and at times the rules allow."""
    do_until_insul(d)
    d.passes("earth")
    d.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
    d.passes("insul")
    d.passes("unlock")
    d.passes("oral")


def sign_and_finish(d: Driver, *, scores: dict[str, int] | None = None) -> Event:
    for criterion, score in (scores or {"conduct": 3, "safety": 4}).items():
        d.ok(ScoreRubric(criterion, score))
    d.ok(SignOff("assessor", ASSESSOR.name))
    return d.ok(Finish())


def in_english(outcome_and_reasons: tuple[str, list]) -> tuple[str, list[str]]:
    """``engine.derive_outcome()`` with its reasons (messages) in English."""
    outcome, reasons = outcome_and_reasons
    return outcome, [str(r) for r in reasons]


def finished_in_english(payload: dict) -> dict:
    """An ``assessment_finished`` payload with its reasons (stored messages) as their English text."""
    return {**payload, "reasons": [r["text"] for r in payload["reasons"]]}
