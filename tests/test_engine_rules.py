"""Each rule of the engine, one example at a time, on the mini checklist.

The mini checklist (tests/data/mini-checklist.yaml, parameters mini-params.yaml):
ppe(critical) sign(high) plug(critical, after ppe) lock(critical, after plug)
dead(critical, after lock, discharge wait 10 min after plug, hv <= 1 V)
reprove(critical, after dead, within 5 min of dead, 12 V <= src <= 16000 mV)
earth(standard, after lock, N/A allowed) insul(high, after reprove, riso >= R100 floor in MΩ)
unlock(critical, after insul, same person as lock) oral(standard, after unlock);
rubric 1..4 with minimum 2 on conduct and safety.
"""

from __future__ import annotations

import pytest
from helpers import (
    ASSESSOR,
    CANDIDATE,
    MIN,
    Driver,
    do_all_steps,
    do_dead,
    do_until_dead,
    do_until_insul,
    finished_in_english,
    in_english,
    sign_and_finish,
    start_event,
)

from assessor_app.core.engine import (
    Abandon,
    AddNote,
    Finish,
    RecordConsent,
    RecordMeasurement,
    RecordResult,
    Refused,
    ScoreRubric,
    SignOff,
    StartStep,
    Vehicle,
)
from assessor_app.core.events import make_event

# ------------------------------------------------------------------ must come after


def test_a_step_before_its_after_step_is_refused_with_the_step_named(driver: Driver):
    refusal = driver.refused(RecordResult("plug", "pass"))
    assert refusal.rule == "after"
    assert refusal.reason == "step ppe (PPE checked) must be passed first"
    assert refusal.wait_s is None
    # starting the step is refused for the same reason
    assert driver.refused(StartStep("plug")).reason == refusal.reason
    driver.passes("ppe")
    driver.passes("plug")
    assert driver.state.steps["plug"].status == "passed"


def test_a_failed_after_step_does_not_open_the_next_one(driver: Driver):
    driver.ok(RecordResult("sign", "fail"))  # high: no stop
    driver.passes("ppe")
    driver.passes("plug")
    driver.passes("lock")
    # insul comes after reprove, which comes after dead: neither done
    assert driver.refused(RecordMeasurement("insul", "riso", 500, "MΩ")).rule == "after"
    assert driver.refused(RecordResult("insul", "pass")).reason == (
        "step reprove (Re-prove tester) must be passed first"
    )


def test_a_step_reports_the_first_after_step_missing_in_order(driver: Driver):
    do_until_dead(driver)
    do_dead(driver)
    driver.ok(RecordMeasurement("reprove", "src", 13, "V"))
    driver.passes("reprove")
    # unlock: after insul (not done) -- the after rule comes before same-person
    assert driver.refused(RecordResult("unlock", "pass")).rule == "after"


# ------------------------------------------------------------------ minimum wait


def test_discharge_wait_counts_down_from_the_plug_result(driver: Driver):
    driver.passes("ppe")
    driver.passes("plug")  # t = 0: the discharge wait starts
    driver.advance(60)
    driver.passes("lock")
    driver.advance(30)
    refusal = driver.refused(RecordResult("dead", "pass"))  # the wait before "measure first"
    assert refusal.rule == "min_wait"
    assert refusal.reason == "Discharge wait: 8 min 30 s left"
    assert refusal.wait_s == pytest.approx(510.0)
    assert driver.refused(StartStep("dead")).reason == "Discharge wait: 8 min 30 s left"

    driver.advance(8 * MIN + 29.5)
    refusal = driver.refused(RecordResult("dead", "pass"))
    assert refusal.reason == "Discharge wait: 1 s left"  # rounded up, never promised early
    assert refusal.wait_s == pytest.approx(0.5)

    driver.advance(0.5)  # exactly 10 min after plug: allowed
    assert driver.refused(RecordResult("dead", "pass")).reason == "measure HV+ to HV- first"
    driver.ok(RecordMeasurement("dead", "hv", 0.1, "V"))
    driver.passes("dead")


@pytest.mark.parametrize(("elapsed", "text"), [
    (0, "10 min left"), (1, "9 min 59 s left"), (9 * MIN + 59, "1 s left"),
    (9 * MIN + 59.999, "1 s left"),
])
def test_wait_text_shape(driver: Driver, elapsed: float, text: str):
    for step in ("ppe", "plug", "lock"):
        driver.passes(step)
    driver.advance(elapsed)
    assert driver.refused(RecordResult("dead", "pass")).reason == f"Discharge wait: {text}"


def test_a_wait_whose_start_step_is_not_done_says_so(driver: Driver):
    import copy

    from assessor_app.core.engine import rules

    # Not reachable through the rules (lock comes after plug), so check the rule itself on a
    # state where lock is done but plug, the start of the discharge wait, is not.
    state = copy.deepcopy(driver.state)
    state.steps["lock"].status = "passed"
    spec = driver.engine.spec
    refusal = rules.ordering_refusal(spec, driver.engine.params, state, spec.step("dead"), 0)
    assert refusal is not None
    assert (refusal.rule, refusal.wait_s) == ("min_wait", None)
    assert refusal.reason == "Discharge wait: starts when step plug (Service plug removed) is done"


# ------------------------------------------------------------------ maximum window


def test_reprove_after_the_live_dead_live_window_is_refused(driver: Driver):
    do_until_dead(driver)
    do_dead(driver)
    driver.ok(RecordMeasurement("reprove", "src", 13, "V"))
    driver.advance(5 * MIN)  # exactly the limit: still inside
    assert not isinstance(
        driver.engine.decide(RecordResult("reprove", "pass"), driver.t_us), Refused
    )
    driver.advance(1)
    refusal = driver.refused(RecordResult("reprove", "pass"))
    assert refusal.rule == "max_window"
    assert refusal.reason == (
        "Live-dead-live window closed: 5 min 1 s since step dead (Dead test), limit 5 min; "
        "record the step as failed"
    )
    # the trainer records the fail: a critical step, so the task stops
    driver.ok(RecordResult("reprove", "fail", reason="window missed"))
    assert driver.state.phase == "stopped"
    assert driver.state.stopped_by == "reprove"


def test_window_start_step_must_be_done_first(driver: Driver):
    # reprove's 'after: dead' comes first; check the window rule text directly
    from assessor_app.core.engine import rules

    step = driver.engine.spec.step("reprove")
    refusal = rules.window_refusal(
        driver.engine.spec, driver.engine.params, driver.state, step, driver.t_us
    )
    assert refusal is not None and refusal.rule == "max_window"
    assert refusal.reason == (
        "Live-dead-live window: step dead (Dead test) must be done first"
    )


# ------------------------------------------------------------------ same person


def test_unlock_must_be_done_by_whoever_applied_the_lock(driver: Driver):
    driver.passes("ppe")
    driver.passes("plug")
    driver.passes("lock", person="tech-7")
    driver.advance(10 * MIN)
    do_dead(driver)
    driver.ok(RecordMeasurement("reprove", "src", 13, "V"))
    driver.passes("reprove")
    driver.ok(RecordMeasurement("insul", "riso", 500, "MΩ"))
    driver.passes("insul")

    refusal = driver.refused(RecordResult("unlock", "pass"))  # defaults to the candidate
    assert refusal.rule == "same_person"
    assert refusal.reason == (
        f"must be done by the person who did step lock (Lock applied) (tech-7), not {CANDIDATE.id}"
    )
    assert driver.refused(RecordResult("unlock", "pass", person="tech-8")).rule == "same_person"
    event = driver.passes("unlock", person="tech-7")
    assert event.payload["person"] == "tech-7"
    assert driver.state.steps["unlock"].person == "tech-7"


def test_the_person_defaults_to_the_candidate(driver: Driver):
    event = driver.passes("ppe")
    assert event.payload["person"] == CANDIDATE.id


def test_same_person_rule_text_when_the_reference_step_has_no_person(driver: Driver):
    from assessor_app.core.engine import rules

    step = driver.engine.spec.step("unlock")
    refusal = rules.person_refusal(driver.engine.spec, driver.state, step, CANDIDATE.id)
    assert refusal is not None
    assert refusal.reason == "step lock (Lock applied) must be done first"


# ------------------------------------------------------------------ measurements


def test_a_pass_needs_the_measurement_recorded_first(driver: Driver):
    do_until_dead(driver)
    refusal = driver.refused(RecordResult("dead", "pass"))
    assert refusal.rule == "measurement"
    assert refusal.reason == "measure HV+ to HV- first"


def test_an_out_of_range_measurement_refuses_the_pass_until_measured_again(driver: Driver):
    do_until_dead(driver)
    event = driver.ok(RecordMeasurement("dead", "hv", 3.5, "V"))
    assert event.payload["in_range"] is False
    assert event.payload["range"] == {"min": None, "max": 1.0}
    refusal = driver.refused(RecordResult("dead", "pass"))
    assert refusal.rule == "measurement"
    assert refusal.reason == "HV+ to HV- 3.5 V is out of range: measure again or record a fail"
    driver.ok(RecordMeasurement("dead", "hv", 0.4, "V"))  # measured again: the latest counts
    driver.passes("dead")


def test_measurement_range_bounds_are_inclusive(driver: Driver):
    do_until_dead(driver)
    assert driver.ok(RecordMeasurement("dead", "hv", 1.0, "V")).payload["in_range"] is True
    assert driver.ok(RecordMeasurement("dead", "hv", 1.0001, "V")).payload["in_range"] is False


@pytest.mark.parametrize(("value", "unit", "in_range", "stored"), [
    # dead: max is the parameter dead_voltage_max = 1 V
    (999, "mV", True, 0.999), (1001, "mV", False, 1.001), (0.001, "kV", True, 1.0),
    (0.0011, "kV", False, 1.1),
])
def test_voltage_is_converted_to_the_checklist_unit(
    driver: Driver, value: float, unit: str, in_range: bool, stored: float
):
    do_until_dead(driver)
    event = driver.ok(RecordMeasurement("dead", "hv", value, unit))
    p = event.payload
    assert (p["entered_value"], p["entered_unit"]) == (value, unit)
    assert p["unit"] == "V"
    assert p["value"] == pytest.approx(stored)
    assert p["in_range"] is in_range


@pytest.mark.parametrize(("value", "unit", "in_range"), [
    # reprove: 12 V <= src <= {value: 16000, unit: mV}
    (12, "V", True), (11.99, "V", False), (16, "V", True), (16.01, "V", False),
    (12000, "mV", True), (16000, "mV", True), (16001, "mV", False), (11999, "mV", False),
])
def test_literal_bounds_in_another_unit(driver: Driver, value: float, unit: str, in_range: bool):
    do_until_dead(driver)
    do_dead(driver)
    event = driver.ok(RecordMeasurement("reprove", "src", value, unit))
    assert event.payload["range"] == {"min": 12.0, "max": 16.0}
    assert event.payload["in_range"] is in_range


@pytest.mark.parametrize(("value", "unit", "in_range"), [
    # insul: riso (MΩ) >= insulation_floor, derived from R100: 100 Ω/V x 400 V = 40 kΩ
    (40, "kΩ", True), (39.9, "kΩ", False), (0.04, "MΩ", True), (0.0399, "MΩ", False),
    (40000, "Ω", True), (39999, "Ω", False), (41, "kOhm", True), (2, "GΩ", True),
])
def test_resistance_floor_from_a_parameter_in_kohm_and_mohm(
    driver: Driver, value: float, unit: str, in_range: bool
):
    do_until_insul(driver)
    event = driver.ok(RecordMeasurement("insul", "riso", value, unit))
    assert event.payload["unit"] == "MΩ"
    assert event.payload["range"]["min"] == pytest.approx(0.04)
    assert event.payload["in_range"] is in_range


def test_the_insulation_floor_follows_the_vehicle_working_voltage(mini):
    _, engine = start_event(mini, vehicle=Vehicle("VIN300", "300 V car", 300.0))
    riso = mini.checklist.spec.step("insul").measurements[0]
    low, high = engine.bounds(riso)
    assert low == pytest.approx(0.03) and high is None  # MΩ: 100 Ω/V x 300 V


@pytest.mark.parametrize(("action", "rule", "text"), [
    (RecordMeasurement("dead", "hv", 0.1, "A"), "unit",
     "HV+ to HV-: cannot convert A (current) to V (voltage)"),
    (RecordMeasurement("dead", "hv", 0.1, "volts"), "unit", "HV+ to HV-: unknown unit 'volts'"),
    (RecordMeasurement("dead", "hv", float("nan"), "V"), "input",
         "HV+ to HV-: nan is not a finite number"),
    (RecordMeasurement("dead", "src", 0.1, "V"), "unknown", "step dead has no measurement 'src'"),
    (RecordMeasurement("nope", "hv", 0.1, "V"), "unknown", "this checklist has no step 'nope'"),
])
def test_bad_measurements_are_refused(driver: Driver, action, rule: str, text: str):
    do_until_dead(driver)
    refusal = driver.refused(action)
    assert (refusal.rule, refusal.reason) == (rule, text)


def test_no_measurement_on_a_done_step(driver: Driver):
    do_until_dead(driver)
    do_dead(driver)
    refusal = driver.refused(RecordMeasurement("dead", "hv", 0.1, "V"))
    assert (refusal.rule, refusal.reason) == ("done", "step dead is already done")


# ------------------------------------------------------------------ N/A


def test_na_needs_a_step_that_allows_it_and_a_reason(driver: Driver):
    assert driver.refused(RecordResult("earth", "na")).reason == (
        "give the reason this step does not apply"
    )
    assert driver.refused(RecordResult("earth", "na", reason="   ")).rule == "na"
    refusal = driver.refused(RecordResult("sign", "na", reason="no sign available"))
    assert (refusal.rule, refusal.reason) == ("na", "step sign cannot be marked N/A")
    event = driver.ok(RecordResult("earth", "na", reason="no earthing point on this model"))
    assert event.payload["reason"] == "no earthing point on this model"
    assert driver.state.steps["earth"].status == "na"
    # N/A is final, like a pass
    assert driver.refused(RecordResult("earth", "pass")).reason == "step earth is already not applicable"
    assert driver.refused(StartStep("earth")).rule == "done"
    assert driver.view("earth").status == "na"


def test_a_passed_step_cannot_be_recorded_again(driver: Driver):
    driver.passes("ppe")
    assert driver.refused(RecordResult("ppe", "fail")).reason == "step ppe is already passed"


def test_an_unknown_result_is_refused(driver: Driver):
    assert driver.refused(RecordResult("ppe", "maybe")).rule == "input"  # type: ignore[arg-type]


def test_na_step_counts_as_done_for_the_outcome(driver: Driver):
    driver.passes("sign")
    do_until_dead(driver)
    do_dead(driver)
    driver.ok(RecordMeasurement("reprove", "src", 13.0, "V"))
    driver.passes("reprove")
    driver.ok(RecordResult("earth", "na", reason="not on this model"))
    driver.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
    driver.passes("insul")
    driver.passes("unlock")
    driver.passes("oral")
    assert sign_and_finish(driver).payload == {"outcome": "competent", "reasons": []}


# ------------------------------------------------------------------ critical fail stops


def test_a_failed_critical_step_stops_every_step_action(driver: Driver):
    driver.passes("ppe")
    driver.ok(RecordResult("plug", "fail", reason="pulled with the system live"))
    st = driver.state
    assert (st.phase, st.stopped_by) == ("stopped", "plug")
    stopped = (
        "critical step plug (Service plug removed) failed: the task is stopped, not yet competent"
    )
    for action in (
        StartStep("sign"), RecordResult("sign", "pass"), RecordResult("plug", "pass"),
        RecordResult("earth", "na", reason="x"), RecordMeasurement("insul", "riso", 1, "MΩ"),
    ):
        refusal = driver.refused(action)
        assert (refusal.rule, refusal.reason) == ("stopped", stopped)
    assert in_english(driver.engine.derive_outcome()) == (
        "not_yet_competent", ["critical step plug failed"]
    )
    # notes, rubric, consent, sign-off and finish still work
    driver.ok(AddNote("stopped the candidate", step="plug"))
    driver.ok(RecordConsent(CANDIDATE.id, video=True))
    driver.ok(ScoreRubric("conduct", 1))
    driver.ok(SignOff("assessor", ASSESSOR.name))
    event = driver.ok(Finish())
    assert finished_in_english(event.payload) == {"outcome": "not_yet_competent",
                                                  "reasons": ["critical step plug failed"]}
    assert driver.state.outcome == "not_yet_competent"


def test_a_stopped_assessment_can_be_abandoned(driver: Driver):
    driver.ok(RecordResult("ppe", "fail"))
    driver.ok(Abandon("candidate left"))
    # abandoning does not erase the verdict of the critical failure
    assert (driver.state.phase, driver.state.outcome) == ("abandoned", "not_yet_competent")


def test_step_views_after_a_stop_block_everything_with_the_reason(driver: Driver):
    driver.ok(RecordResult("ppe", "fail"))
    views = {v.id: v for v in driver.engine.step_views(driver.t_us)}
    assert views["ppe"].status == "failed"
    assert all(v.status == "blocked" for k, v in views.items() if k != "ppe")
    assert str(views["sign"].reason).startswith("critical step ppe (PPE checked) failed")
    assert driver.engine.next_step(driver.t_us) == "ppe"  # first failed: nothing allowed


# ------------------------------------------------------------------ high re-attempt


def test_a_failed_high_step_can_be_shown_again(driver: Driver):
    driver.ok(RecordResult("sign", "fail", reason="sign not visible"))
    assert driver.state.phase == "in_progress"
    assert driver.view("sign").status == "failed"
    assert driver.view("sign").reason is None  # it may be re-attempted now
    assert driver.engine.derive_outcome()[0] == "not_yet_competent"
    driver.passes("sign")
    assert driver.state.steps["sign"].status == "passed"
    assert driver.state.steps["sign"].attempts == 2
    assert driver.view("sign").attempts == 2


def test_a_failed_high_step_not_shown_again_is_not_yet_competent(driver: Driver):
    driver.ok(RecordResult("sign", "fail"))
    do_until_dead(driver)
    do_dead(driver)
    driver.ok(RecordMeasurement("reprove", "src", 13.0, "V"))
    driver.passes("reprove")
    driver.passes("earth")
    driver.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
    driver.passes("insul")
    driver.passes("unlock")
    driver.passes("oral")
    event = sign_and_finish(driver)
    assert finished_in_english(event.payload) == {
        "outcome": "not_yet_competent",
        "reasons": ["high-risk step sign failed and was not shown again"],
    }


def test_a_failed_insulation_test_then_a_good_one_is_competent(driver: Driver):
    do_until_dead(driver)
    do_dead(driver)
    driver.ok(RecordMeasurement("reprove", "src", 13.0, "V"))
    driver.passes("reprove")
    driver.ok(RecordMeasurement("insul", "riso", 30, "kΩ"))
    driver.ok(RecordResult("insul", "fail", reason="below the floor"))
    assert driver.state.phase == "in_progress"
    driver.ok(RecordMeasurement("insul", "riso", 45, "kΩ"))
    driver.passes("insul")
    driver.passes("sign")
    driver.passes("earth")
    driver.passes("unlock")
    driver.passes("oral")
    assert sign_and_finish(driver).payload["outcome"] == "competent"


# ------------------------------------------------------------------ outcomes


def test_outcome_competent(driver: Driver):
    driver.passes("sign")
    do_all_steps(driver)
    event = sign_and_finish(driver)
    assert event.payload == {"outcome": "competent", "reasons": []}
    assert (driver.state.phase, driver.state.outcome) == ("finished", "competent")


def test_outcome_incomplete_lists_steps_and_rubric(driver: Driver):
    driver.passes("ppe")
    driver.ok(SignOff("assessor", ASSESSOR.name))
    driver.ok(ScoreRubric("conduct", 3))
    event = driver.ok(Finish())
    assert finished_in_english(event.payload) == {
        "outcome": "incomplete",
        "reasons": [
            "steps not done: sign, plug, lock, dead, reprove, earth, insul, unlock and oral",
            "rubric not scored: safety",
        ],
    }


def test_a_failed_standard_step_is_feedback_only(driver: Driver):
    """A standard-risk fail neither stops the task nor blocks competence (engine's design)."""
    driver.passes("sign")
    do_until_dead(driver)
    do_dead(driver)
    driver.ok(RecordMeasurement("reprove", "src", 13.0, "V"))
    driver.passes("reprove")
    driver.ok(RecordResult("earth", "fail", reason="earthing lead not fitted"))
    assert driver.state.phase == "in_progress"
    assert driver.view("earth").status == "failed"
    driver.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
    driver.passes("insul")
    driver.passes("unlock")
    driver.passes("oral")
    assert in_english(driver.engine.derive_outcome()) == ("incomplete",
                                                          ["rubric not scored: conduct and safety"])
    assert sign_and_finish(driver).payload == {"outcome": "competent", "reasons": []}


def test_a_failed_standard_step_can_be_shown_again(driver: Driver):
    do_until_dead(driver)
    driver.ok(RecordResult("earth", "fail"))
    driver.passes("earth")
    assert driver.state.steps["earth"].status == "passed"
    assert driver.state.steps["earth"].attempts == 2


def test_outcome_not_yet_competent_from_the_rubric_minimum(driver: Driver):
    driver.passes("sign")
    do_all_steps(driver)
    event = sign_and_finish(driver, scores={"conduct": 4, "safety": 1})
    assert finished_in_english(event.payload) == {
        "outcome": "not_yet_competent", "reasons": ["rubric safety scored 1, below 2"],
    }


def test_rubric_at_the_minimum_is_enough_and_the_latest_score_counts(driver: Driver):
    driver.passes("sign")
    do_all_steps(driver)
    driver.ok(ScoreRubric("safety", 1))
    event = sign_and_finish(driver, scores={"conduct": 2, "safety": 2})
    assert event.payload["outcome"] == "competent"


@pytest.mark.parametrize(("action", "text"), [
    (ScoreRubric("conduct", 0), "a score is a whole number from 1 to 4"),
    (ScoreRubric("conduct", 5), "a score is a whole number from 1 to 4"),
    (ScoreRubric("conduct", True), "a score is a whole number from 1 to 4"),  # type: ignore[arg-type]
    (ScoreRubric("conduct", 2.5), "a score is a whole number from 1 to 4"),  # type: ignore[arg-type]
    (ScoreRubric("teamwork", 3), "the rubric has no criterion 'teamwork'"),
])
def test_rubric_scores_outside_the_scale_are_refused(driver: Driver, action, text: str):
    assert driver.refused(action).reason == text


def test_outcome_abandoned(driver: Driver):
    driver.passes("ppe")
    assert driver.refused(Abandon("  ")).reason == "give the reason the assessment is abandoned"
    event = driver.ok(Abandon("vehicle needed by the customer"))
    assert event.payload == {"reason": "vehicle needed by the customer", "outcome": "abandoned"}
    assert (driver.state.phase, driver.state.outcome) == ("abandoned", "abandoned")
    assert in_english(driver.engine.derive_outcome()) == ("abandoned", ["abandoned"])
    assert driver.state.read_only


# ------------------------------------------------------------------ sign-off and finish


def test_finish_needs_the_assessor_sign_off(driver: Driver):
    driver.passes("sign")
    do_all_steps(driver)
    driver.ok(ScoreRubric("conduct", 3))
    driver.ok(ScoreRubric("safety", 3))
    refusal = driver.refused(Finish())
    assert (refusal.rule, refusal.reason) == (
        "signoff", "the assessor must sign off before finishing"
    )
    driver.ok(SignOff("candidate", CANDIDATE.name))
    driver.ok(SignOff("responsible_person", "Robin Responsible"))
    assert driver.refused(Finish()).rule == "signoff"  # only the assessor's counts
    driver.ok(SignOff("assessor", ASSESSOR.name, statement="observed in person"))
    assert driver.ok(Finish()).payload["outcome"] == "competent"


@pytest.mark.parametrize(("action", "text"), [
    (SignOff("assessor", "  "), "a sign-off needs the name of the person signing"),
    (SignOff("boss", "B"), "unknown sign-off role 'boss'"),  # type: ignore[arg-type]
    (AddNote("   "), "the note is empty"),
    (AddNote("x", step="nope"), "this checklist has no step 'nope'"),
    (RecordConsent("  ", video=True), "say who gave or refused consent"),
])
def test_input_refusals(driver: Driver, action, text: str):
    refusal = driver.refused(action)
    assert (refusal.rule, refusal.reason) in {("input", text), ("unknown", text)}


@pytest.mark.parametrize("close", ["finish", "abandon"])
def test_a_closed_assessment_is_read_only(driver: Driver, close: str):
    driver.passes("ppe")
    if close == "finish":
        driver.ok(SignOff("assessor", ASSESSOR.name))
        driver.ok(Finish())
        phase = "finished"
    else:
        driver.ok(Abandon("power cut in the workshop"))
        phase = "abandoned"
    driver.advance(60)
    for action in (
        StartStep("sign"), RecordResult("sign", "pass"), RecordMeasurement("dead", "hv", 0, "V"),
        AddNote("late note"), ScoreRubric("conduct", 3), SignOff("assessor", ASSESSOR.name),
        RecordConsent(CANDIDATE.id, video=False), Finish(), Abandon("again"),
    ):
        refusal = driver.refused(action)
        assert (refusal.rule, refusal.reason) == (
            "read_only", f"the assessment is {phase} and read-only"
        )


# ------------------------------------------------------------------ step views


def test_step_views_show_each_status(driver: Driver):
    def statuses() -> dict[str, tuple[str, float | None]]:
        return {v.id: (v.status, v.wait_s) for v in driver.engine.step_views(driver.t_us)}

    s = statuses()
    assert s["ppe"] == ("allowed", None) and s["sign"] == ("allowed", None)
    assert s["plug"] == ("blocked", None)
    assert driver.engine.next_step(driver.t_us) == "ppe"

    driver.ok(RecordResult("sign", "fail"))
    driver.passes("ppe")
    driver.passes("plug")
    driver.passes("lock")
    driver.ok(RecordResult("earth", "na", reason="no earthing point"))
    driver.advance(4 * MIN)
    s = statuses()
    assert s["ppe"] == ("passed", None)
    assert s["sign"] == ("failed", None)
    assert s["earth"] == ("na", None)
    assert s["dead"] == ("blocked", pytest.approx(6 * MIN))
    assert str(driver.view("dead").reason) == "Discharge wait: 6 min left"
    assert s["reprove"] == ("blocked", None)
    # nothing allowed: the first step not done, in checklist order
    assert driver.engine.next_step(driver.t_us) == "sign"

    driver.advance(6 * MIN)
    assert statuses()["dead"] == ("allowed", None)
    assert driver.engine.next_step(driver.t_us) == "dead"


def test_step_views_fall_back_to_english_titles_marked(driver: Driver):
    views = driver.engine.step_views(driver.t_us, language="fi")
    assert views[0].title == "[EN] PPE checked"  # the mini checklist has no Finnish step titles


# ------------------------------------------------------------------ the timeline


def test_a_changed_wall_clock_does_not_change_a_wait(driver: Driver, clock):
    for step in ("ppe", "plug", "lock"):
        driver.passes(step)
    driver.advance(2 * MIN)
    wall = clock.wall_us()
    assert driver.view("dead").wait_s == pytest.approx(8 * MIN)

    clock.set_wall(wall + 3_600_000_000)  # an hour forward: the wait is not shortened
    assert driver.view("dead").wait_s == pytest.approx(8 * MIN)
    assert driver.refused(RecordResult("dead", "pass")).reason == "Discharge wait: 8 min left"

    clock.set_wall(wall - 86_400_000_000)  # a day back: nothing is reordered or lengthened
    assert driver.view("dead").wait_s == pytest.approx(8 * MIN)
    note = driver.ok(AddNote("clock changed"))
    assert note.wall_us == wall - 86_400_000_000  # people read the wall clock...
    assert note.t_us == 2 * 60 * 1_000_000  # ...the rules read the timeline: 2 min in

    driver.advance(8 * MIN)
    driver.ok(RecordMeasurement("dead", "hv", 0.1, "V"))
    driver.passes("dead")
    ts = [e.t_us for e in driver.events]
    assert ts == sorted(ts)


def test_time_going_backwards_on_the_timeline_is_refused(driver: Driver):
    driver.advance(10)
    driver.passes("ppe")
    decision = driver.engine.decide(AddNote("x"), driver.t_us - 1)
    assert isinstance(decision, Refused) and decision.rule == "clock"


def test_apply_out_of_turn_is_an_error(driver: Driver):
    from assessor_app.core.engine import ReplayError

    st = driver.state
    stale = make_event(st.assessment_id, st.event_count + 1, "note_added", {"text": "x", "step": None},
                       0, driver.t_us, st.head_hash)
    with pytest.raises(ReplayError, match="out of turn"):
        driver.engine.apply(stale)


def test_a_reading_before_its_step_is_allowed_is_refused(driver: Driver):
    """A dead-test reading during the discharge wait cannot later pass the dead test."""
    for step in ("ppe", "plug", "lock"):
        driver.passes(step)
    driver.advance(2 * MIN)
    refusal = driver.refused(RecordMeasurement("dead", "hv", 0.2, "V"))
    assert (refusal.rule, refusal.reason) == ("min_wait", "Discharge wait: 8 min left")
    # and a re-prove reading before the dead test would break live-dead-live
    refusal = driver.refused(RecordMeasurement("reprove", "src", 13.0, "V"))
    assert refusal.reason == "step dead (Dead test) must be passed first"


def test_readings_of_a_failed_attempt_do_not_count_for_the_next(driver: Driver):
    do_until_insul(driver)
    driver.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
    driver.ok(RecordResult("insul", "fail", reason="test leads on the wrong connector"))
    refusal = driver.refused(RecordResult("insul", "pass"))
    assert refusal.reason == "measure Insulation resistance first"
    driver.ok(RecordMeasurement("insul", "riso", 600, "MΩ"))
    driver.passes("insul")
    assert driver.state.steps["insul"].attempts == 2
