"""Bad input at the engine, whatever the window lets through: a VIN that is not one and an
implausible working voltage refuse the start; a reading or a step's number that is not finite, or
beyond the instrument's or the plausible range, is refused with its name and the bound, and nothing
is recorded. The plausibility policy is pinned in the record's first event and replayed with it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from helpers import ASSESSOR, CANDIDATE, DATA, MIN, VEHICLE, WORKSHOP, Mini

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import (
    STARTED,
    AssessmentEngine,
    Person,
    RecordMeasurement,
    RecordResult,
    RecordStepData,
    Refused,
    ReplayError,
    StartError,
    Vehicle,
    replay,
)
from assessor_app.core.events import GENESIS, Event, make_event
from assessor_app.core.plausibility import DEFAULT_PLAUSIBILITY, Plausibility, Span
from assessor_app.core.specs import load_checklist, load_parameter_set
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

HV_LINE = "      - {id: hv, label: HV+ to HV-, unit: V, range: {max: {param: dead_voltage_max}}}\n"


@pytest.fixture
def store(tmp_path: Path):
    s = AssessmentStore.open(tmp_path / "assessor.db")
    yield s
    s.close()


def start(store: AssessmentStore, mini: Mini, vehicle: Vehicle = VEHICLE, **kwargs) -> AssessmentRecorder:
    return AssessmentRecorder.start(store, mini.checklist, mini.params, candidate=CANDIDATE,
                                    assessor=ASSESSOR, workshop=WORKSHOP, vehicle=vehicle,
                                    clock=kwargs.pop("clock", ManualClock()), **kwargs)


def ok(recorder: AssessmentRecorder, action) -> Event:
    result = recorder.act(action)
    assert isinstance(result, Event), result
    return result


def until_dead(recorder: AssessmentRecorder) -> None:
    for step in ("ppe", "plug", "lock"):
        ok(recorder, RecordResult(step, "pass"))
    recorder.timeline.clock.advance(10 * MIN)  # type: ignore[attr-defined]


# ---------------------------------------------------------------- the VIN
@pytest.mark.parametrize(("vin", "reason"), [
    ("WVWZOZE1ZMP000001", "VIN: letter O at position 5 is not allowed (I, O, Q are never used)"),
    ("WVWZZZE1ZMP00001", "VIN: 16 characters, needs 17"),
    ("WVW-ZZE1ZMP000001",
     "VIN: '-' at position 4 is not allowed (only digits and the letters A-Z without I, O, Q)"),
])
def test_a_vin_that_is_not_one_refuses_the_start_and_nothing_is_stored(store, mini, vin: str, reason: str):
    with pytest.raises(StartError) as refused:
        start(store, mini, Vehicle(vin, "Test EV", 400.0))
    assert str(refused.value) == reason
    assert store.list() == []


def test_a_vin_typed_in_small_letters_is_kept_in_capitals(store, mini):
    rec = start(store, mini, Vehicle(" wvwzzze1zmp000001 ", "Test EV", 400.0))
    assert store.identity(rec.assessment_id)["vehicle"]["vin"] == "WVWZZZE1ZMP000001"


def test_a_wrong_check_digit_never_refuses_and_a_rig_without_a_vin_starts(store, mini):
    checked = start(store, mini, Vehicle("1M8GDM9A1KP042788", "US import", 400.0))
    rig = start(store, mini, Vehicle("", "Battery training rig", 400.0))
    assert store.identity(checked.assessment_id)["vehicle"]["vin"] == "1M8GDM9A1KP042788"
    assert store.identity(rig.assessment_id)["vehicle"]["vin"] == ""


# ---------------------------------------------------------------- the working voltage
@pytest.mark.parametrize(("volts", "reason"), [
    (5000.0, "Working voltage: 5000 V is not plausible (at most 1500 V)"),
    (5.0, "Working voltage: 5 V is not plausible (at least 12 V)"),
    (float("nan"), "Working voltage: nan is not a finite number"),
    (float("inf"), "Working voltage: inf is not a finite number"),
])
def test_an_implausible_working_voltage_refuses_the_start_by_name(store, mini, volts: float, reason: str):
    with pytest.raises(StartError) as refused:
        start(store, mini, Vehicle("WVWZZZE1ZMP000001", "Test EV", volts))
    assert str(refused.value) == reason  # said as it is, never cut to a limit
    assert store.list() == []


def test_the_working_voltage_range_is_a_parameter_of_the_start(store, mini):
    narrow = Plausibility(working_voltage=Span(12, 300, "V"))
    with pytest.raises(StartError) as refused:
        start(store, mini, Vehicle("WVWZZZE1ZMP000001", "Test EV", 400.0), plausibility=narrow)
    assert str(refused.value) == "Working voltage: 400 V is not plausible (at most 300 V)"


# ---------------------------------------------------------------- readings
@pytest.mark.parametrize(("value", "unit", "reason"), [
    (float("nan"), "V", "HV+ to HV-: nan is not a finite number"),
    (float("inf"), "V", "HV+ to HV-: inf is not a finite number"),
    (10**400, "V", "HV+ to HV-: inf is not a finite number"),  # 1e999 typed as a whole number
    (1e13, "V", "HV+ to HV-: 10,000,000,000,000 V is not plausible (at most 10,000 V)"),
    (400, "MV", "HV+ to HV-: 400,000,000 V is not plausible (at most 10,000 V)"),
    (-20000, "V", "HV+ to HV-: -20,000 V is not plausible (at least -10,000 V)"),
])
def test_a_reading_that_is_not_finite_or_not_plausible_is_refused_by_name(store, mini, value, unit, reason):
    rec = start(store, mini)
    until_dead(rec)
    before = len(store.events(rec.assessment_id))
    refused = rec.act(RecordMeasurement("dead", "hv", value, unit))
    assert isinstance(refused, Refused) and refused.reason == reason
    assert refused.rule in ("input", "implausible")
    assert len(store.events(rec.assessment_id)) == before  # nothing recorded
    assert rec.engine.state.steps["dead"].measurements == {}


def test_a_plausible_reading_out_of_its_pass_range_is_still_recorded_and_judged(store, mini):
    rec = start(store, mini)
    until_dead(rec)
    event = ok(rec, RecordMeasurement("dead", "hv", 9000, "V"))
    assert (event.payload["value"], event.payload["in_range"]) == (9000.0, False)


def test_the_checklist_declares_the_instruments_range(store, mini, tmp_path: Path):
    text = mini.checklist.source
    assert HV_LINE in text
    path = tmp_path / "mini-instrument.yaml"
    path.write_text(text.replace(HV_LINE, HV_LINE.replace(
        "}}}\n", "}}, instrument_range: {min: -1000, max: {value: 1, unit: kV}}}\n")), encoding="utf-8")
    narrowed = Mini(load_checklist(path), mini.params)
    rec = start(store, narrowed)
    until_dead(rec)
    refused = rec.act(RecordMeasurement("dead", "hv", 1500, "V"))
    assert isinstance(refused, Refused) and refused.reason == (
        "HV+ to HV-: 1500 V is outside the instrument's range (at most 1000 V): re-read the display")
    refused = rec.act(RecordMeasurement("dead", "hv", -1.2, "kV"))
    assert isinstance(refused, Refused) and refused.reason == (
        "HV+ to HV-: -1200 V is outside the instrument's range (at least -1000 V): re-read the display")
    assert ok(rec, RecordMeasurement("dead", "hv", 999, "V")).payload["in_range"] is False


# ---------------------------------------------------------------- the pinned policy
def test_the_policy_is_pinned_in_the_first_event_and_replayed_with_it(store, mini):
    wide = Plausibility(quantities={**DEFAULT_PLAUSIBILITY.quantities,
                                    "voltage": Span(-100_000, 100_000, "V")})
    rec = start(store, mini, plausibility=wide)
    first = store.events(rec.assessment_id)[0]
    assert first.payload["plausibility"] == wide.to_payload()
    assert first.payload["plausibility"]["quantities"]["voltage"] == {"min": -100_000, "max": 100_000,
                                                                      "unit": "V"}
    until_dead(rec)
    ok(rec, RecordMeasurement("dead", "hv", 50_000, "V"))  # refused under the default policy
    again = AssessmentRecorder.open(store, rec.assessment_id, clock=ManualClock())
    assert again.engine.state.steps["dead"].measurements["hv"].value == 50_000
    assert again.engine.plausibility == wide


def _first_event(mini: Mini, payload_change) -> Event:
    payload, _ = AssessmentEngine.start_payload(
        spec=mini.checklist.spec, spec_sha256=mini.checklist.sha256, params=mini.params.params,
        params_sha256=mini.params.sha256, candidate=CANDIDATE, assessor=ASSESSOR, workshop=WORKSHOP,
        vehicle=VEHICLE)
    payload_change(payload)
    return make_event("a-old", 0, STARTED, payload, 0, 0, GENESIS)


def test_a_record_made_before_the_policy_replays_without_it(mini):
    first = _first_event(mini, lambda p: p.pop("plausibility"))
    engine = replay(mini.checklist.spec, mini.params.params, [first])
    assert engine.plausibility is None
    assert engine.instrument_span(mini.checklist.spec.step("dead").measurements[0]) == (None, "plausible")


def test_a_malformed_pinned_policy_is_a_replay_error_not_a_crash(mini):
    first = _first_event(mini, lambda p: p.update(plausibility={"working_voltage": "any"}))
    with pytest.raises(ReplayError) as bad:
        replay(mini.checklist.spec, mini.params.params, [first])
    assert str(bad.value) == ("the first event's plausibility must be an object with working_voltage and "
                              "quantities")
    first = _first_event(mini, lambda p: p["plausibility"]["quantities"].update(
        voltage={"min": 5, "max": 1, "unit": "V"}))
    with pytest.raises(ReplayError) as bad:
        replay(mini.checklist.spec, mini.params.params, [first])
    assert str(bad.value) == "the first event's plausibility.quantities.voltage: min must be below max"


# ---------------------------------------------------------------- a step's numbers
@pytest.mark.parametrize(("rating", "reason"), [
    (float("inf"), "Voltage rating: inf is not a finite number"),
    (float("nan"), "Voltage rating: nan is not a finite number"),
    (1e9, "Voltage rating: 1,000,000,000 V is not plausible (at most 10,000 V)"),
])
def test_a_step_number_that_is_not_finite_or_not_plausible_is_refused_by_name(store, rating, reason):
    checklist = load_checklist(DATA / "validity-checklist.yaml")
    params = load_parameter_set(DATA / "validity-params.yaml")
    wall = int(dt.datetime(2026, 11, 2, 8, tzinfo=dt.UTC).timestamp() * 1e6)
    rec = AssessmentRecorder.start(store, checklist, params, candidate=Person("learner-7"),
                                   assessor=Person("assessor-2"), workshop=WORKSHOP,
                                   vehicle=Vehicle("WVWZZZE1ZMP000009", "Test EV", 800.0),
                                   clock=ManualClock(wall_us=wall))
    ok(rec, RecordResult("ident", "pass"))
    ok(rec, RecordResult("precheck", "pass"))
    refused = rec.act(RecordStepData("tester", {"rating": rating}))
    assert isinstance(refused, Refused) and (refused.rule, refused.reason) == ("input", reason)
    assert rec.engine.state.steps["tester"].data == {}
    recorded = ok(rec, RecordStepData("tester", {"rating": 1000}))
    assert recorded.payload["values"] == {"rating": 1000.0}
