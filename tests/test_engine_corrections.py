"""Correcting a recorded result, one scenario per rule, each with its exact outcome or refusal:
the original stays in the chain, the correction names what it replaces, passes meet every rule a
pass meets (judged when the result was recorded), a hazard lock is never corrected away, steps
done on the basis of a corrected step are reopened, and nothing is corrected after a sign-off.

Recorded through the recorder into a real store, and every record replays."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import finished_in_english, in_english

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import (
    CorrectResult,
    Finish,
    Person,
    RecordAnswer,
    RecordIdentityCheck,
    RecordIntervention,
    RecordMeasurement,
    RecordResult,
    RecordStepData,
    Refused,
    ScoreRubric,
    SignOff,
    Vehicle,
)
from assessor_app.core.events import Event, verify_chain
from assessor_app.core.specs.loader import load_checklist, load_parameter_set
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

DATA = Path(__file__).resolve().parent / "data"
PARAMS = load_parameter_set(DATA / "validity-params.yaml")
METER = "FLUKE-1587-22"
MIN = 60.0
START_WALL_US = int(dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC).timestamp() * 1e6)


@pytest.fixture(scope="module")
def checklist(tmp_path_factory):
    """The validity checklist, its insulation test high-risk (a fail does not stop the task) and allowed
    to be N/A (some OEMs test components apart)."""
    text = (DATA / "validity-checklist.yaml").read_text(encoding="utf-8")
    marker = "  - id: insul\n    title: Insulation test\n    risk: critical\n"
    assert marker in text
    path = tmp_path_factory.mktemp("checklist") / "validity-na.yaml"
    path.write_text(text.replace(marker, marker.replace("critical", "high") + "    na_allowed: true\n"),
                    encoding="utf-8")
    return load_checklist(path)


@pytest.fixture
def store(tmp_path: Path):
    s = AssessmentStore.open(tmp_path / "assessor.db")
    yield s
    s.close()


@pytest.fixture
def run(store: AssessmentStore, checklist):
    return Run(store, checklist)


class Run:
    def __init__(self, store: AssessmentStore, checklist):
        self.store = store
        self.clock = ManualClock(wall_us=START_WALL_US)
        self.rec = AssessmentRecorder.start(
            store, checklist, PARAMS, clock=self.clock, candidate=Person("learner-7", "Riikka Oppija"),
            assessor=Person("assessor-2", "Aino Arvioija"), workshop=Person("ws-1", "Garage"),
            vehicle=Vehicle("WVWZZZE1ZMP000009", "Test EV", 800.0), workshop_country="FI")

    def ok(self, action: object) -> Event:
        result = self.rec.act(action)  # type: ignore[arg-type]
        assert isinstance(result, Event), result
        return result

    def no(self, action: object) -> Refused:
        before = len(self.events())
        result = self.rec.act(action)  # type: ignore[arg-type]
        assert isinstance(result, Refused), result
        assert len(self.events()) == before  # a refusal records nothing
        return result

    def passes(self, step: str) -> Event:
        return self.ok(RecordResult(step, "pass"))

    def events(self) -> list[Event]:
        return self.store.events(self.rec.assessment_id)

    @property
    def state(self):  # type: ignore[no-untyped-def]
        return self.rec.engine.state

    def status(self, *steps: str) -> list[str]:
        return [self.state.steps[s].status for s in steps]

    def through_ppe(self) -> None:
        self.passes("ident")
        self.passes("precheck")
        self.ok(RecordStepData("ppe", {"glove_class": "0", "glove_tested": "2026-09-01", "inflation": True}))
        self.passes("ppe")
        self.ok(RecordStepData("tester", {"instrument": METER, "rating": 1000,
                                          "calibration_due": "2027-03-01"}))
        self.passes("tester")
        self.passes("lock")

    def prove(self) -> None:
        self.ok(RecordMeasurement("prove", "src", 12.8, "V", instrument=METER, range_label="60 V DC"))
        self.passes("prove")

    def dead_reading(self, volts: float = 0.1) -> None:
        self.ok(RecordMeasurement("dead", "hv", volts, "V", instrument=METER, range_label="1000 V DC"))

    def through_dead(self) -> None:
        self.through_ppe()
        self.clock.advance(10 * MIN)
        self.prove()
        self.dead_reading()
        self.passes("dead")

    def after_dead(self) -> None:
        self.ok(RecordMeasurement("reprove", "src", 12.7, "V", instrument=METER))
        self.passes("reprove")
        self.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
        self.ok(RecordMeasurement("insul", "test_v", 1000, "V"))
        self.passes("insul")
        self.passes("unlock")
        self.ok(RecordAnswer("oral", "rules", "disconnect, secure, verify, earth, cover", True))
        self.ok(RecordAnswer("oral", "wait", "the capacitors discharge", True))
        self.passes("oral")

    def sign(self) -> None:
        for criterion in ("conduct", "safety"):
            self.ok(ScoreRubric(criterion, 3))
        self.ok(RecordIdentityCheck("photo_id"))
        self.ok(SignOff("assessor", "Aino Arvioija", "I observed this assessment."))
        self.ok(SignOff("candidate", "Riikka Oppija", "I did this myself."))

    def close(self, outcome: str) -> Event:
        self.sign()
        finished = self.ok(Finish())
        assert finished.payload["outcome"] == outcome, finished.payload
        self.replays()
        return finished

    def replays(self) -> None:
        """Every decision replays from the store to the same state."""
        again = AssessmentRecorder.open(self.store, self.rec.assessment_id, read_only=True)
        assert again.engine.state == self.state


# ---------------------------------------------------------------- the original stays, the correction says why
def test_a_pass_corrected_to_a_fail_keeps_the_original_and_stops_the_task(run: Run):
    run.through_dead()
    ppe_pass = next(e for e in run.events() if e.kind == "step_result" and e.payload["step"] == "ppe")
    correction = run.ok(CorrectResult("ppe", "fail", "  Gloves were not air-tested: I saw it on the video  "))
    assert correction.kind == "result_corrected"
    assert correction.payload == {
        "step": "ppe", "result": "fail", "reason": "Gloves were not air-tested: I saw it on the video",
        "person": "learner-7", "replaces": "pass", "replaced_person": "learner-7", "attempt": 1,
        "corrects": ppe_pass.seq, "risk": "critical", "reopened": ["lock", "prove", "dead"],
    }
    events = run.events()
    assert events[ppe_pass.seq] == ppe_pass  # the original is still in the chain, unchanged
    verify_chain(events)
    # the steps done after the PPE on its basis no longer count; the tester check did not depend on it
    assert run.status("ppe", "lock", "prove", "dead", "tester") == [
        "failed", "pending", "pending", "pending", "passed"]
    assert run.state.steps["dead"].measurements == {}
    assert run.state.steps["lock"].reopened_by == [{"step": "ppe", "t_us": correction.t_us,
                                                    "seq": correction.seq}]
    assert (run.state.phase, run.state.stopped_by, run.state.stop_kind) == ("stopped", "ppe", "critical")
    assert in_english(run.rec.engine.derive_outcome()) == ("not_yet_competent", ["critical step ppe failed"])
    [kept] = run.state.steps["ppe"].corrections
    assert (kept["replaces"], kept["result"], kept["seq"]) == ("pass", "fail", correction.seq)
    finished = run.close("not_yet_competent")
    assert finished_in_english(finished.payload)["reasons"] == ["critical step ppe failed"]


def test_a_mistaken_fail_on_the_dead_test_is_corrected_to_a_pass_and_the_task_goes_on(run: Run):
    run.through_ppe()
    run.clock.advance(10 * MIN)
    run.prove()
    run.dead_reading()
    failed = run.ok(RecordResult("dead", "fail"))  # the trainer pressed Fail, meaning Pass
    assert run.state.stopped_by == "dead" and run.state.steps["dead"].measurements == {}
    run.clock.advance(30)
    correction = run.ok(CorrectResult("dead", "pass", "Pressed Fail by mistake: the readings were 0.1 V"))
    assert correction.payload["replaces"] == "fail" and correction.payload["corrects"] == failed.seq
    assert correction.payload["reopened"] == []
    assert (run.state.phase, run.state.stopped_by, run.state.stop_kind) == ("in_progress", None, None)
    dead = run.state.steps["dead"]
    assert dead.status == "passed" and dead.result_t_us == failed.t_us  # the attempt's own time
    assert dead.measurements["hv"].entered_value == 0.1 and dead.attempts == 1
    run.after_dead()
    run.close("competent")


def test_a_correction_needs_a_reason(run: Run):
    run.passes("ident")
    for reason in ("", "   "):
        refused = run.no(CorrectResult("ident", "fail", reason))
        assert (refused.reason, refused.rule) == ("give the reason for the correction", "input")
    assert run.no(CorrectResult("ident", "fail", "x" * 2001)).reason == (
        "the reason is longer than 2000 characters")


def test_only_a_recorded_result_can_be_corrected_and_only_into_another(run: Run):
    assert run.no(CorrectResult("ident", "pass", "wrong")).reason == (
        "step ident has no recorded result to correct")
    assert run.no(CorrectResult("nope", "pass", "wrong")).reason == "this checklist has no step 'nope'"
    run.passes("ident")
    refused = run.no(CorrectResult("ident", "pass", "again"))
    assert (refused.reason, refused.rule) == ("step ident is already recorded as pass: nothing to correct",
                                              "correction")
    assert run.no(CorrectResult("ident", "maybe", "x")).reason == "unknown result 'maybe'"  # type: ignore[arg-type]


# ---------------------------------------------------------------- no correction once signed or finished
def test_no_correction_after_a_sign_off(run: Run):
    run.through_dead()
    run.after_dead()
    run.ok(SignOff("assessor", "Aino Arvioija", "I observed this assessment."))
    refused = run.no(CorrectResult("dead", "fail", "on reflection"))
    assert (refused.reason, refused.rule) == (
        "the record is signed off (by the assessor): a result can no longer be corrected", "signed")


def test_no_correction_after_finishing(run: Run):
    run.through_dead()
    run.after_dead()
    run.close("competent")
    refused = run.no(CorrectResult("dead", "fail", "on reflection"))
    assert (refused.reason, refused.rule) == ("the assessment is finished and read-only", "read_only")


# ---------------------------------------------------------------- a pass by correction: every rule of a pass
def test_a_fail_with_a_reading_out_of_range_cannot_be_corrected_to_a_pass(run: Run):
    run.through_dead()
    run.ok(RecordMeasurement("reprove", "src", 12.7, "V", instrument=METER))
    run.passes("reprove")
    run.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
    run.ok(RecordMeasurement("insul", "test_v", 2500, "V"))
    run.ok(RecordResult("insul", "fail", reason="test voltage far too high"))
    refused = run.no(CorrectResult("insul", "pass", "the learner did it right"))
    assert (refused.reason, refused.rule) == (
        "Test voltage 2500 V is out of range: measure again or record a fail", "measurement")


def test_a_fail_after_the_window_lapsed_cannot_be_corrected_to_a_pass(run: Run):
    run.through_ppe()
    run.clock.advance(10 * MIN)
    run.prove()
    run.clock.advance(6 * MIN)
    run.dead_reading()
    run.ok(RecordResult("dead", "fail", reason="too slow"))
    refused = run.no(CorrectResult("dead", "pass", "it was fine"))
    assert refused.rule == "max_window" and refused.wait_s is None
    assert refused.reason.startswith("Live-dead-live window closed: 6 min since step prove (Prove tester), "
                                     "limit 5 min;")
    assert refused.reason.endswith("(when the result was recorded)")


def test_a_critical_pass_by_correction_must_be_the_candidates_own(run: Run):
    run.passes("ident")
    run.ok(RecordResult("precheck", "fail", person="assessor-2", reason="the assessor did the pre-check"))
    refused = run.no(CorrectResult("precheck", "pass", "it was fine"))
    assert (refused.reason, refused.rule) == (
        "a critical step passes only when the candidate did it, not the assessor: record who did it with a "
        "fail", "person")
    # the person is corrected with the result: the candidate did it after all
    run.ok(CorrectResult("precheck", "pass", "the candidate did the pre-check; wrong name chosen",
                         person="learner-7"))
    assert run.state.steps["precheck"].person == "learner-7"
    run.replays()


def test_a_fail_measured_again_is_a_new_attempt_not_a_correction(run: Run):
    run.through_dead()
    run.ok(RecordMeasurement("reprove", "src", 12.7, "V", instrument=METER))
    run.passes("reprove")
    run.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
    run.ok(RecordMeasurement("insul", "test_v", 1000, "V"))
    run.ok(RecordResult("insul", "fail", reason="leads on the wrong terminal"))
    assert run.state.steps["insul"].measurements == {}  # a failed attempt's readings do not count
    run.ok(CorrectResult("insul", "pass", "the leads were right: pressed the wrong key"))
    assert run.state.steps["insul"].measurements["riso"].entered_value == 550
    run.ok(CorrectResult("insul", "fail", "the leads were on the wrong terminal after all (video)"))
    assert run.state.steps["insul"].status == "failed" and run.state.phase == "in_progress"
    run.ok(RecordMeasurement("insul", "riso", 560, "MΩ"))
    refused = run.no(CorrectResult("insul", "pass", "fine"))
    assert refused.reason == ("step insul has been measured again since its fail: record the result of "
                              "that attempt instead")
    assert [c["replaces"] for c in run.state.steps["insul"].corrections] == ["fail", "pass"]
    run.ok(RecordMeasurement("insul", "test_v", 1000, "V"))
    run.passes("insul")
    assert run.state.steps["insul"].attempts == 2
    run.replays()


def test_an_interventions_fail_cannot_be_corrected(run: Run):
    run.passes("ident")
    run.passes("precheck")
    run.ok(RecordIntervention("ppe", "intervention", "stopped the learner reaching in without gloves"))
    refused = run.no(CorrectResult("ppe", "pass", "he would have stopped"))
    assert (refused.reason, refused.rule) == (
        "step ppe failed because the assessor intervened on a critical step: that fail cannot be corrected",
        "intervention")


# ---------------------------------------------------------------- hazards
def test_a_hazard_lock_cannot_be_corrected_away(run: Run):
    run.through_ppe()
    run.clock.advance(10 * MIN)
    run.prove()
    run.dead_reading(380)
    run.dead_reading(0.1)
    run.ok(RecordResult("dead", "hazard", reason="380 V after the wait: contactor welded; quarantined"))
    refused = run.no(CorrectResult("dead", "pass", "measured 0.1 V the second time"))
    assert (refused.reason, refused.rule) == (
        "HV+ to HV- read 380 V cannot be corrected away: the step stays a hazard stop or a fail",
        "hazard_lock")
    # a fail is still open to the assessor (the candidate carried on instead of stopping)
    run.ok(CorrectResult("dead", "fail", "the learner carried on working after reading 380 V"))
    assert (run.state.stop_kind, run.state.stopped_by) == ("critical", "dead")
    run.close("not_yet_competent")


def test_a_fail_corrected_to_the_hazard_stop_is_stopped_safely(run: Run):
    run.through_ppe()
    run.clock.advance(10 * MIN)
    run.prove()
    run.dead_reading(380)
    run.ok(RecordResult("dead", "fail"))
    assert run.state.stop_kind == "critical"
    refused = run.no(CorrectResult("ident", "hazard", "x"))
    assert refused.reason == "step ident has no hazard stop: correct it to a fail"
    run.ok(CorrectResult("dead", "hazard", "the learner stopped and quarantined: Fail was a slip"))
    assert (run.state.stop_kind, run.state.stopped_by, run.state.steps["dead"].status) == (
        "hazard", "dead", "hazard")
    run.close("stopped_safely")


# ---------------------------------------------------------------- N/A, and the outcome derived again
def test_a_pass_corrected_to_na_follows_the_na_rules(run: Run):
    run.through_dead()
    run.after_dead()
    refused = run.no(CorrectResult("tester", "na", "not needed"))
    assert (refused.reason, refused.rule) == ("step tester cannot be marked N/A", "na")
    correction = run.ok(CorrectResult("insul", "na", "the OEM tests the inverter apart from the vehicle"))
    assert correction.payload["reopened"] == []  # N/A still counts as done for the steps after it
    assert run.status("insul", "unlock", "oral") == ["na", "passed", "passed"]
    run.close("competent")


def test_a_high_risk_fail_by_correction_is_shown_again_with_the_steps_after_it(run: Run):
    run.through_dead()
    correction = run.ok(CorrectResult("tester", "fail", "calibration label belonged to another meter"))
    assert correction.payload["reopened"] == ["prove", "dead"]
    assert in_english(run.rec.engine.derive_outcome()) == (
        "not_yet_competent", ["high-risk step tester failed and was not shown again"])
    assert run.state.phase == "in_progress"  # a high-risk step does not stop the task
    refused = run.no(RecordResult("prove", "pass"))
    assert refused.reason == "step tester (Test equipment) must be passed first"
    run.ok(RecordStepData("tester", {"instrument": METER, "rating": 1000, "calibration_due": "2027-03-01"}))
    run.passes("tester")
    run.prove()
    run.dead_reading()
    run.passes("dead")
    run.after_dead()
    run.close("competent")
    kinds = [e.kind for e in run.events()]
    assert kinds.count("result_corrected") == 1
    assert kinds.count("measurement_recorded") == 7  # every reading kept
