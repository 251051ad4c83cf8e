"""What makes a record credible, one scenario per finding of the validity review, each with its
exact outcome: structured step data checked against parameters, hazard stops that judge the
candidate and not the vehicle, the dead-test lock, the live-dead-live sequence done again after a
lapsed window, who may do a step, interventions, oral questions, sign-offs and prerequisites.

Recorded through the recorder (identity kept apart), and every record replays."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import finished_in_english

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import (
    AddNote,
    Finish,
    Person,
    RecordAnswer,
    RecordIdentityCheck,
    RecordIntervention,
    RecordMeasurement,
    RecordPhoto,
    RecordResult,
    RecordStepData,
    Refused,
    ReopenSteps,
    ScoreRubric,
    SignOff,
    StartError,
    Vehicle,
)
from assessor_app.core.events import Event
from assessor_app.core.specs.loader import load_checklist, load_parameter_set
from assessor_app.i18n import render_stored
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

DATA = Path(__file__).resolve().parent / "data"
CHECKLIST = load_checklist(DATA / "validity-checklist.yaml")
PARAMS = load_parameter_set(DATA / "validity-params.yaml")
CANDIDATE = Person("learner-7", "Riikka Oppija")
ASSESSOR = Person("assessor-2", "Aino Arvioija")
MIN = 60.0
METER = "FLUKE-1587-22"
START_WALL_US = int(dt.datetime(2026, 11, 2, 8, 0, tzinfo=dt.UTC).timestamp() * 1e6)


@pytest.fixture
def store(tmp_path: Path):
    s = AssessmentStore.open(tmp_path / "assessor.db")
    yield s
    s.close()


class Run:
    def __init__(self, store: AssessmentStore, **kwargs: object):
        self.store = store
        self.clock = ManualClock(wall_us=START_WALL_US)
        options = {"candidate": CANDIDATE, "assessor": ASSESSOR, "workshop": Person("ws-1", "Garage"),
                   "vehicle": Vehicle("WVWZZZE1ZMP000009", "Test EV", 800.0), **kwargs}
        self.rec = AssessmentRecorder.start(store, CHECKLIST, PARAMS, clock=self.clock,
                                            workshop_country="FI", **options)  # type: ignore[arg-type]

    def ok(self, action: object) -> Event:
        result = self.rec.act(action)  # type: ignore[arg-type]
        assert isinstance(result, Event), result
        return result

    def no(self, action: object) -> Refused:
        result = self.rec.act(action)  # type: ignore[arg-type]
        assert isinstance(result, Refused), result
        return result

    def passes(self, step: str, person: str | None = None) -> None:
        self.ok(RecordResult(step, "pass", person=person))

    def tick(self, seconds: float) -> None:
        self.clock.advance(seconds)

    @property
    def state(self):  # type: ignore[no-untyped-def]
        return self.rec.engine.state

    def through_ppe(self) -> None:
        self.passes("ident")
        self.passes("precheck")
        self.ok(RecordStepData("ppe", {"glove_class": "0", "glove_tested": "2026-09-01", "inflation": True}))
        self.passes("ppe")
        self.ok(RecordStepData("tester", {"instrument": "FLUKE-1587-22", "rating": 1000,
                                          "calibration_due": "2027-03-01"}))
        self.passes("tester")
        self.passes("lock")

    def through_dead(self) -> None:
        self.through_ppe()
        self.tick(10 * MIN)
        self.ok(RecordMeasurement("prove", "src", 12.8, "V", instrument=METER, range_label="60 V DC"))
        self.passes("prove")
        self.ok(RecordMeasurement("dead", "hv", 0.1, "V", instrument=METER, range_label="1000 V DC"))
        self.passes("dead")

    def to_the_end(self) -> None:
        self.through_dead()
        self.ok(RecordMeasurement("reprove", "src", 12.7, "V", instrument="FLUKE-1587-22"))
        self.passes("reprove")
        self.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
        self.ok(RecordMeasurement("insul", "test_v", 1000, "V"))
        self.passes("insul")
        self.passes("unlock")
        self.ok(RecordAnswer("oral", "rules", "disconnect, secure, verify, earth, cover", True))
        self.ok(RecordAnswer("oral", "wait", "the capacitors discharge", True))
        self.passes("oral")

    def close(self, outcome: str) -> Event:
        for criterion, score in {"conduct": 3, "safety": 3}.items():
            self.ok(ScoreRubric(criterion, score))
        self.ok(RecordIdentityCheck("photo_id"))
        self.ok(SignOff("assessor", "Aino Arvioija", "I observed this assessment."))
        self.ok(SignOff("candidate", "Riikka Oppija", "I did this myself."))
        finished = self.ok(Finish())
        assert finished.payload["outcome"] == outcome, finished.payload
        again = AssessmentRecorder.open(self.store, self.rec.assessment_id)  # every decision replays
        assert again.engine.state.outcome == outcome
        return finished


def test_a_complete_record_is_competent_and_holds_no_names(store: AssessmentStore):
    run = Run(store)
    run.to_the_end()
    run.close("competent")
    events = store.events(run.rec.assessment_id)
    text = "".join(str(e.payload) for e in events)
    for secret in ("Riikka", "Aino", "WVWZZZE1ZMP000009", "Garage"):
        assert secret not in text
    first = events[0].payload
    assert first["format"] == 2 and first["candidate"]["id"] == "learner-7"
    assert len(first["candidate"]["commitment"]) == 64
    assert first["assessment"]["type"] == "supervised practical on a vehicle, recorded"
    assert first["parameter_set"]["source"] == "generic"
    identity = store.identity(run.rec.assessment_id)
    assert identity["candidate"]["name"] == "Riikka Oppija"
    assert identity["vehicle"]["vin"] == "WVWZZZE1ZMP000009"
    assert [s["name"] for s in identity["signatures"]] == ["Aino Arvioija", "Riikka Oppija"]
    assert identity["identity_check"]["method"] == "photo_id"


# ---------------------------------------------------------------- structured step data
@pytest.mark.parametrize("values, reason", [
    ({"glove_class": "00", "glove_tested": "2026-09-01", "inflation": True},
     "Glove class: Class 00 is rated 750 V, below the vehicle's working voltage of 800 V"),
    ({"glove_class": "0", "glove_tested": "2026-01-15", "inflation": True},
     "Last dielectric test: 2026-01-15 is 291 days before the assessment, more than 183 days"),
    ({"glove_class": "0", "glove_tested": "2026-09-01", "inflation": False},
     "Inflation test done: must be yes"),
])
def test_ppe_is_checked_against_the_vehicle_and_the_policy(store: AssessmentStore, values, reason):
    run = Run(store)
    run.passes("ident")
    recorded = run.ok(RecordStepData("ppe", values))
    failed = [c for c in recorded.payload["checks"].values() if not c["ok"]]
    assert [render_stored(c["reason"], "en") for c in failed] == [reason]
    assert run.no(RecordResult("ppe", "pass")).reason == f"{reason}: correct it or record a fail"


def test_ppe_must_be_recorded_before_a_pass(store: AssessmentStore):
    run = Run(store)
    run.passes("ident")
    assert run.no(RecordResult("ppe", "pass")).reason == "record Glove class first"
    assert run.no(RecordStepData("ppe", {"glove_class": "3"})).reason == "Glove class: choose one of 00, 0"
    assert run.no(RecordStepData("ppe", {"colour": "red"})).reason == "step ppe has no field 'colour'"


@pytest.mark.parametrize("values, reason", [
    ({"instrument": "M-1", "rating": 600, "calibration_due": "2027-01-01"},
     "Voltage rating: 600 V is below the vehicle's working voltage (800 V)"),
    ({"instrument": "M-1", "rating": 1000, "calibration_due": "2026-10-01"},
     "Calibration due: 2026-10-01 has passed (the assessment is on 2026-11-02)"),
])
def test_test_equipment_is_checked(store: AssessmentStore, values, reason):
    run = Run(store)
    run.passes("ident")
    run.passes("precheck")  # this OEM checks the test equipment after the pre-check (its parameter set)
    recorded = run.ok(RecordStepData("tester", values))
    assert [render_stored(c["reason"], "en") for c in recorded.payload["checks"].values() if not c["ok"]] == [
        reason]


def test_readings_name_their_instrument_and_live_dead_live_uses_the_same_one(store: AssessmentStore):
    run = Run(store)
    run.through_ppe()
    run.tick(10 * MIN)
    assert run.no(RecordMeasurement("prove", "src", 12.8, "V")).reason == (
        "Proving source: say which instrument (and range) it was read on")
    run.ok(RecordMeasurement("prove", "src", 12.8, "V", instrument="FLUKE-1587-22"))
    run.passes("prove")
    run.ok(RecordMeasurement("dead", "hv", 0.1, "V", instrument="OTHER-METER"))
    assert run.no(RecordResult("dead", "pass")).reason == (
        "the readings were taken with OTHER-METER, but step prove proved FLUKE-1587-22: live-dead-live "
        "needs the same tester, leads and range")


# ---------------------------------------------------------------- hazards judge the vehicle
def test_a_hazard_at_the_pre_check_stops_the_task_safely(store: AssessmentStore):
    run = Run(store)
    run.passes("ident")
    assert run.no(RecordResult("precheck", "hazard")).reason == (
        "say what was found (the hazard), and that the vehicle was made safe")
    run.ok(RecordResult("precheck", "hazard", reason="P0AA6 isolation fault stored; vehicle quarantined"))
    refused = run.no(RecordResult("ppe", "pass"))
    assert refused.reason == ("hazard found at step precheck (Pre-check), correctly stopped: the task is "
                              "stopped safely; re-assess on a sound vehicle")
    finished = run.close("stopped_safely")
    assert finished_in_english(finished.payload)["reasons"] == [
        "hazard found at step precheck, correctly stopped: re-assess on a sound vehicle"]


def test_a_step_without_a_hazard_stop_cannot_end_in_one(store: AssessmentStore):
    run = Run(store)
    assert run.no(RecordResult("ident", "hazard", reason="x")).reason == (
        "step ident has no hazard stop: record a fail (or a pass)")


def test_a_live_dead_test_can_never_be_measured_into_a_pass(store: AssessmentStore):
    run = Run(store)
    run.through_ppe()
    run.tick(10 * MIN)
    run.ok(RecordMeasurement("prove", "src", 12.8, "V", instrument="M-1"))
    run.passes("prove")
    run.ok(RecordMeasurement("dead", "hv", -380, "V", instrument="M-1"))
    run.ok(RecordMeasurement("dead", "hv", 0.2, "V", instrument="M-1"))  # measured again: kept, but
    lock = run.no(RecordResult("dead", "pass"))
    assert lock.reason == ("HV+ to HV- read -380 V cannot be measured away: record the hazard stop (make "
                           "safe, quarantine the vehicle, escalate) or a fail")
    run.ok(RecordResult("dead", "hazard", reason="380 V after the wait: contactor welded; quarantined, 3S"))
    run.close("stopped_safely")


def test_a_tester_failing_proving_and_low_insulation_are_hazard_stops(store: AssessmentStore):
    run = Run(store)
    run.through_ppe()
    run.tick(10 * MIN)
    run.ok(RecordMeasurement("prove", "src", 3.1, "V", instrument="M-1"))
    run.ok(RecordResult("prove", "hazard", reason="tester reads 3.1 V on the 12 V source: taken out of use"))
    run.close("stopped_safely")
    run2 = Run(store)
    run2.through_dead()
    run2.ok(RecordMeasurement("reprove", "src", 12.7, "V", instrument="FLUKE-1587-22"))
    run2.passes("reprove")
    run2.ok(RecordMeasurement("insul", "riso", 0.2, "MΩ"))
    run2.ok(RecordResult("insul", "hazard", reason="0.2 MΩ on the inverter: below the floor, escalated"))
    run2.close("stopped_safely")


def test_the_insulation_test_voltage_is_the_oem_value_with_its_tolerance(store: AssessmentStore):
    run = Run(store)
    run.through_dead()
    run.ok(RecordMeasurement("reprove", "src", 12.7, "V", instrument="FLUKE-1587-22"))
    run.passes("reprove")
    run.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
    too_high = run.ok(RecordMeasurement("insul", "test_v", 2500, "V"))
    assert too_high.payload["range"] == {"min": 950.0, "max": 1050.0} and not too_high.payload["in_range"]
    assert "out of range" in run.no(RecordResult("insul", "pass")).reason


# ---------------------------------------------------------------- a lapsed window is done again, not failed
def test_a_lapsed_live_dead_live_window_lets_the_sequence_be_done_again(store: AssessmentStore):
    run = Run(store)
    run.through_ppe()
    run.tick(10 * MIN)
    run.ok(RecordMeasurement("prove", "src", 12.8, "V", instrument="FLUKE-1587-22"))
    run.passes("prove")
    run.tick(6 * MIN)
    run.ok(RecordMeasurement("dead", "hv", 0.1, "V", instrument="FLUKE-1587-22"))
    lapsed = run.no(RecordResult("dead", "pass"))
    assert lapsed.reason == ("Live-dead-live window closed: 6 min since step prove (Prove tester), limit "
                             "5 min; do the sequence again from step prove (Prove tester) (every reading "
                             "is kept), or record the step as failed")
    assert run.no(ReopenSteps("dead")).reason == (
        "no time window that step dead opens has lapsed; the sequence to do again starts at step prove")
    reopened = run.ok(ReopenSteps("prove", "window lapsed: re-proving"))
    assert reopened.payload["reopened"] == ["prove", "dead", "reprove"]
    assert run.state.steps["prove"].status == "pending" and run.state.steps["prove"].attempts == 1
    run.ok(RecordMeasurement("prove", "src", 12.9, "V", instrument="FLUKE-1587-22"))
    run.passes("prove")
    run.ok(RecordMeasurement("dead", "hv", 0.0, "V", instrument="FLUKE-1587-22"))
    run.passes("dead")
    run.ok(RecordMeasurement("reprove", "src", 12.7, "V", instrument="FLUKE-1587-22"))
    run.passes("reprove")
    kinds = [e.kind for e in store.events(run.rec.assessment_id)]
    assert kinds.count("measurement_recorded") == 5  # every reading kept


# ---------------------------------------------------------------- order and people
def test_the_parameter_set_gives_the_oems_order(store: AssessmentStore):
    run = Run(store)
    run.passes("ident")
    assert run.no(RecordStepData("tester", {"instrument": "M-1"})).reason == (
        "step precheck (Pre-check) must be passed first")


def test_the_assessor_cannot_be_the_candidate(store: AssessmentStore):
    with pytest.raises(StartError, match="the assessor cannot be the candidate"):
        Run(store, assessor=Person("learner-7", "Riikka Oppija"))


def test_only_the_candidate_applies_and_removes_the_lock(store: AssessmentStore):
    run = Run(store)
    run.passes("ident")
    run.passes("precheck")
    run.ok(RecordStepData("ppe", {"glove_class": "0", "glove_tested": "2026-09-01", "inflation": True}))
    run.passes("ppe")
    assert run.no(RecordResult("lock", "pass", person="assessor-2")).reason == (
        "step lock must be done by the candidate (learner-7), not by the assessor")
    assert run.no(RecordResult("lock", "pass", person="someone")).reason == (
        "someone is not a person of this assessment (the candidate is learner-7)")
    run.passes("lock", person="learner-7")


def test_the_candidate_signs_off_too_and_the_identity_check_is_recorded(store: AssessmentStore):
    run = Run(store)
    run.to_the_end()
    run.ok(ScoreRubric("conduct", 3))
    run.ok(ScoreRubric("safety", 3))
    run.ok(SignOff("assessor", "Aino Arvioija"))
    assert run.no(Finish()).reason == "the candidate must sign off before finishing"
    run.ok(SignOff("candidate", "Riikka Oppija", "I did this myself."))
    assert run.no(Finish()).reason == ("record how the candidate's identity was checked (or that it was "
                                       "not) before finishing")
    run.ok(RecordIdentityCheck("not_checked"))
    assert run.ok(Finish()).payload["outcome"] == "competent"


# ---------------------------------------------------------------- interventions, rubric, oral questions
def test_an_intervention_on_a_critical_step_fails_it(store: AssessmentStore):
    run = Run(store)
    run.passes("ident")
    run.passes("precheck")
    event = run.ok(RecordIntervention("ppe", "prompt", "reminded to test the gloves"))
    assert event.payload["fails_step"] is True
    assert run.state.steps["ppe"].status == "failed" and run.state.stop_kind == "critical"
    run.close("not_yet_competent")


def test_a_prompt_on_a_standard_step_is_recorded_only(store: AssessmentStore):
    run = Run(store)
    event = run.ok(RecordIntervention("ident", "prompt", "pointed to the VIN plate"))
    assert event.payload["fails_step"] is False
    run.passes("ident")


def test_safety_protocols_must_be_demonstrated_independently(store: AssessmentStore):
    run = Run(store)
    run.to_the_end()
    run.ok(ScoreRubric("safety", 2))
    run.ok(ScoreRubric("conduct", 3))
    run.ok(RecordIdentityCheck("known_to_assessor"))
    run.ok(SignOff("assessor", "Aino Arvioija"))
    run.ok(SignOff("candidate", "Riikka Oppija"))
    finished = run.ok(Finish())
    assert finished_in_english(finished.payload) == {"outcome": "not_yet_competent",
                                                     "reasons": ["rubric safety scored 2, below 3"]}


def test_oral_questions_answered_wrongly_gate_the_outcome(store: AssessmentStore):
    run = Run(store)
    run.through_dead()
    run.ok(RecordMeasurement("reprove", "src", 12.7, "V", instrument="FLUKE-1587-22"))
    run.passes("reprove")
    run.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
    run.ok(RecordMeasurement("insul", "test_v", 1000, "V"))
    run.passes("insul")
    run.passes("unlock")
    run.ok(RecordAnswer("oral", "rules", "switch off and wait", False))
    assert run.no(RecordResult("oral", "pass")).reason == "note the answer to: Why the discharge wait"
    run.ok(RecordAnswer("oral", "wait", "capacitors", True))
    run.passes("oral")
    finished = run.close("not_yet_competent")
    assert finished_in_english(finished.payload)["reasons"] == [
        "step oral: oral question rules answered incorrectly"]


# ---------------------------------------------------------------- evidence and prerequisites
def test_photos_are_recorded_for_their_step_once_it_is_allowed(store: AssessmentStore):
    run = Run(store)
    photo = RecordPhoto("ppe", "photos/ppe-1.jpg", "a" * 64, "camera", 1920, 1080)
    assert run.no(photo).reason == "step ident (Vehicle and procedure identified) must be passed first"
    run.passes("ident")
    run.ok(photo)
    assert run.state.steps["ppe"].photos[0]["evidence"] == "photos/ppe-1.jpg"
    assert run.no(RecordPhoto("ppe", "../x.jpg", "a" * 64, "camera", 1, 1)).rule == "input"


def test_a_checklist_with_a_prerequisite_starts_only_after_a_recorded_pass(store: AssessmentStore):
    from dataclasses import replace

    from assessor_app.core.specs.models import Prerequisite
    from assessor_app.core.specs.text import LocalizedText

    needs = CHECKLIST.spec.credential.model_copy(update={"prerequisites": [
        Prerequisite(text=LocalizedText({"en": "validity first"}), checklist="validity-isolation")]})
    later = replace(CHECKLIST, spec=CHECKLIST.spec.model_copy(update={"id": "after-validity",
                                                                       "credential": needs}))
    with pytest.raises(StartError, match="requires a recorded pass of validity-isolation for candidate "
                                         "learner-7 on this workstation"):
        AssessmentRecorder.start(store, later, PARAMS, candidate=CANDIDATE, assessor=ASSESSOR,
                                 workshop=Person("ws-1"), vehicle=Vehicle("", "EV", 800.0))
    run = Run(store)
    run.to_the_end()
    run.close("competent")
    rec = AssessmentRecorder.start(store, later, PARAMS, candidate=CANDIDATE, assessor=ASSESSOR,
                                   workshop=Person("ws-1"), vehicle=Vehicle("", "EV", 800.0))
    assert list(rec.engine.state.started["eligibility"]) == ["validity-isolation"]
    rec.act(AddNote("started after the prerequisite"))


def test_a_critical_step_passes_only_when_the_candidate_did_it(store: AssessmentStore):
    run = Run(store)
    run.passes("ident", person="assessor-2")  # a standard step may be done by another person
    assert run.no(RecordResult("precheck", "pass", person="assessor-2")).reason == (
        "a critical step passes only when the candidate did it, not the assessor: record who did it "
        "with a fail")
