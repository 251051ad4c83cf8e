"""Random action sequences on a record that keeps identity apart, and what must always hold:
no sequence reaches "competent" with a critical step passed by anyone but the candidate, with a
dead-test reading out of range, with a hazard stop, or with an intervention on a critical step;
corrections of recorded results (with or without a reason) are among the actions, and these hold
for the results as corrected; a refused action changes nothing; every record replays to the same
state.

The checks read the event list, not the engine's state: an independent view of what happened.
"""

from __future__ import annotations

import copy
import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from assessor_app.core.clock import ManualClock, Timeline
from assessor_app.core.engine import (
    STARTED,
    AssessmentEngine,
    CorrectResult,
    Finish,
    Participant,
    Place,
    RecordAnswer,
    RecordIdentityCheck,
    RecordIntervention,
    RecordMeasurement,
    RecordResult,
    RecordStepData,
    Refused,
    ReopenSteps,
    ScoreRubric,
    SignOff,
    VehicleInfo,
    replay,
)
from assessor_app.core.events import GENESIS, Event, make_event
from assessor_app.core.specs.loader import load_checklist, load_parameter_set

DATA = Path(__file__).resolve().parent / "data"
CHECKLIST = load_checklist(DATA / "validity-checklist.yaml")
PARAMS = load_parameter_set(DATA / "validity-params.yaml")
SPEC = CHECKLIST.spec
CANDIDATE, ASSESSOR = "learner-7", "assessor-2"
CRITICAL = {s.id for s in SPEC.steps if s.risk == "critical"}
DEAD_LIMIT_V = 1.0  # validity-params: dead_voltage_max
GOOD_DATA = {
    "ppe": {"glove_class": "0", "glove_tested": "2026-09-01", "inflation": True},
    "tester": {"instrument": "M-1", "rating": 1000, "calibration_due": "2027-03-01"},
}
BAD_DATA = {
    "ppe": {"glove_class": "00", "glove_tested": "2025-01-01", "inflation": False},
    "tester": {"instrument": "M-1", "rating": 500, "calibration_due": "2026-01-01"},
}
READINGS = {("prove", "src"): (12.8, 3.0), ("dead", "hv"): (0.1, 380.0), ("reprove", "src"): (12.7, 2.0),
            ("insul", "riso"): (550.0, 0.1), ("insul", "test_v"): (1000.0, 2500.0)}


class Driver:
    def __init__(self) -> None:
        self.clock = ManualClock(wall_us=int(dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC).timestamp() * 1e6))
        self.timeline = Timeline(self.clock)
        payload, resolved = AssessmentEngine.start_payload_v2(
            spec=SPEC, spec_sha256=CHECKLIST.sha256, params=PARAMS.params, params_sha256=PARAMS.sha256,
            candidate=Participant(CANDIDATE, "c" * 64), assessor=Participant(ASSESSOR),
            workshop=Place("ws-1", "FI"), vehicle=VehicleInfo("EV", 800.0, "v" * 64))
        stamp = self.timeline.now()
        first = make_event("a-1", 0, STARTED, payload, stamp.wall_us, stamp.t_us, GENESIS)
        self.engine = AssessmentEngine(SPEC, resolved, first)
        self.events: list[Event] = [first]
        self.refused = 0

    def act(self, action: object) -> None:
        before = copy.deepcopy(self.engine.state)
        stamp = self.timeline.now()
        decision = self.engine.decide(action, stamp.t_us)  # type: ignore[arg-type]
        if isinstance(decision, Refused):
            self.refused += 1
            assert self.engine.state == before and decision.reason
            if decision.wait_s:  # a trainer waits out a discharge wait rather than give up
                self.clock.advance(decision.wait_s)
            return
        st_ = self.engine.state
        ev = make_event(st_.assessment_id, st_.event_count, decision.kind, decision.payload, stamp.wall_us,
                        stamp.t_us, st_.head_hash)
        self.engine.apply(ev)
        self.events.append(ev)


def _person(data: st.DataObject) -> str | None:
    return data.draw(st.sampled_from([None] * 6 + [CANDIDATE, ASSESSOR]))


def guided(data: st.DataObject, d: Driver) -> list[object]:
    """The next step not done, with its data, readings and a result drawn mostly right."""
    state = d.engine.state
    step = next((s for s in SPEC.steps if state.steps[s.id].status in ("pending", "failed")), None)
    if step is None:
        return []
    actions: list[object] = []
    if step.id in GOOD_DATA:
        which = data.draw(st.sampled_from([GOOD_DATA] * 5 + [BAD_DATA]))
        actions.append(RecordStepData(step.id, which[step.id]))
    for m in step.measurements:
        good, bad = READINGS[(step.id, m.id)]
        value = data.draw(st.sampled_from([good] * 19 + [bad]))
        actions.append(RecordMeasurement(step.id, m.id, value, m.unit, instrument="M-1"))
    for q in step.questions:
        correct = data.draw(st.sampled_from([True] * 5 + [False]))
        actions.append(RecordAnswer(step.id, q.id, "an answer", correct))
    roll = data.draw(st.integers(0, 59))
    if state.steps[step.id].hazard_lock is not None:
        roll = data.draw(st.sampled_from([0, 2]))  # locked: the hazard stop, or a fail
    if roll == 0 and step.hazard is not None:
        actions.append(RecordResult(step.id, "hazard", reason="found it: made safe"))
    elif roll == 1:
        actions.append(RecordIntervention(step.id, "prompt", "reminded"))
    elif roll == 2:
        actions.append(RecordResult(step.id, "fail", reason="not shown"))
    else:
        actions.append(RecordResult(step.id, "pass", person=_person(data)))
    return actions


def correction(data: st.DataObject) -> CorrectResult:
    """A correction of any step to any result, mostly with a reason."""
    return CorrectResult(data.draw(st.sampled_from([s.id for s in SPEC.steps])),
                         data.draw(st.sampled_from(["pass", "fail", "na", "hazard"])),
                         data.draw(st.sampled_from(["keyed wrongly: the video shows it"] * 4 + ["", " "])),
                         person=_person(data))


def finish(d: Driver) -> None:
    for criterion in SPEC.rubric.criteria:
        d.act(ScoreRubric(criterion.id, 3))
    d.act(RecordIdentityCheck("known_to_assessor"))
    d.act(SignOff("assessor", person=ASSESSOR))
    d.act(SignOff("candidate", person=CANDIDATE))
    d.act(Finish())


def check_competence(events: list[Event]) -> None:
    """From the events alone: a competent record has none of what disqualifies it."""
    outcome = events[-1].payload.get("outcome") if events[-1].kind == "assessment_finished" else None
    if outcome != "competent":
        return
    standing: dict[str, tuple[str, str | None]] = {}  # step -> its result and person, as corrected
    for ev in events:
        p = ev.payload
        assert not (ev.kind == "intervention_recorded" and p["step"] in CRITICAL), \
            "competent after an intervention on a critical step"
        if ev.kind == "measurement_recorded" and p["step"] == "dead":
            assert abs(p["value"]) <= DEAD_LIMIT_V, "competent after a live dead-test reading"
        if ev.kind in ("step_result", "result_corrected"):
            standing[p["step"]] = (p["result"], p["person"])
        for step in p.get("reopened", []) if ev.kind in ("steps_reopened", "result_corrected") else []:
            standing.pop(step, None)
    assert "hazard" not in {result for result, _person in standing.values()}, "competent after a hazard stop"
    for step in CRITICAL:
        assert standing.get(step) == ("pass", CANDIDATE), f"critical step {step}: {standing.get(step)}"


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_no_sequence_reaches_competent_without_the_candidates_own_safe_work(data: st.DataObject):
    d = Driver()
    for _ in range(data.draw(st.integers(5, 80), label="rounds")):
        op = data.draw(st.sampled_from(["guided"] * 8 + ["advance", "reopen", "correct", "fix", "fix"]))
        if op == "correct":
            d.act(correction(data))
        elif op == "fix":  # a fail or a hazard stop was keyed wrongly: corrected to a pass
            wrong = [s.id for s in SPEC.steps if d.engine.state.steps[s.id].status in ("failed", "hazard")]
            if wrong:
                d.act(CorrectResult(wrong[-1], "pass", "pressed the wrong key", person=_person(data)))
        elif op == "advance":
            d.clock.advance(data.draw(st.sampled_from([30.0, 200.0, 400.0, 600.0])))
        elif op == "reopen":
            d.act(ReopenSteps(data.draw(st.sampled_from(["prove", "dead"]))))
        else:
            for action in guided(data, d):
                d.act(action)
    finish(d)
    last = d.events[-1].payload
    event(str(last.get("outcome", d.engine.state.phase)))
    corrected = sum(e.kind == "result_corrected" for e in d.events)
    event(f"corrections: {min(3, corrected)}")
    if corrected:
        event(f"corrected, then {last.get('outcome', d.engine.state.phase)}")
    event("why: " + str((last.get("reasons") or ["-"])[0])[:40])
    check_competence(d.events)
    again = replay(SPEC, PARAMS.params, d.events)
    assert again.state == d.engine.state
