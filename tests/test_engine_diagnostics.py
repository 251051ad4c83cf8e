"""Diagnostic evidence in the engine: snapshots and signal conditions per step, or why there are none.

The mini checklist with diagnostics (built from tests/data/mini-checklist.yaml by
``diagnostics_mini``): plug takes a DTC snapshot, dead checks hv_bus_below_60v, insul takes a
snapshot and checks isolation_ok.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest
import yaml
from helpers import MIN, Driver, Mini, load_mini

from assessor_app.core.engine import (
    ConnectDiagnostics,
    MarkDiagnosticsUnavailable,
    RecordDiagnostic,
    RecordMeasurement,
    RecordResult,
    StartStep,
    diagnostics,
    replay,
)
from assessor_app.core.engine import messages as m_
from assessor_app.core.engine.diagnostics import condition_failure, is_not_connected, outstanding
from assessor_app.core.specs import LoadedChecklist, load_checklist
from assessor_app.core.specs.checks import check_checklist
from assessor_app.core.specs.conditions import CONDITIONS, ConditionName
from assessor_app.core.specs.loader import checklist_from_source, content_hash
from assessor_app.core.specs.text import LANGUAGES
from assessor_app.paths import checklists_dir

SHA = "ab" * 32


@lru_cache(maxsize=1)
def diagnostics_mini() -> Mini:
    """The mini checklist, with diagnostics declared on plug, dead and insul."""
    mini = load_mini()
    data = yaml.safe_load(mini.checklist.source)
    steps = {s["id"]: s for s in data["steps"]}
    steps["plug"]["diagnostics"] = {"snapshot": {"en": "DTCs before the task", "fi": "Vikakoodit ennen"}}
    steps["plug"]["evidence"] = ["video", "can_log"]
    steps["dead"]["diagnostics"] = {"condition": "hv_bus_below_60v"}
    steps["dead"]["evidence"] = ["measurement", "can_log"]
    steps["insul"]["diagnostics"] = {"snapshot": "No HV DTCs", "condition": "isolation_ok"}
    steps["insul"]["evidence"] = ["measurement", "can_log"]
    source = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    spec = checklist_from_source(source)
    assert list(check_checklist(spec)) == []
    return Mini(LoadedChecklist(spec, "<mini with diagnostics>", content_hash(source), source), mini.params)


def snapshot(step: str, **summary: Any) -> RecordDiagnostic:
    return RecordDiagnostic(step, "snapshot", f"can/snapshots/{step}-1.json", SHA,
                            {"vin": "WVWZZZE1ZMP000001", "dtcs": {"stored": []}, **summary})


def condition(step: str, name: str, met: bool, **values: Any) -> RecordDiagnostic:
    shown = {k: v if isinstance(v, dict) else {"value": v, "unit": "V", "label": None}
             for k, v in values.items()}
    summary = {"condition": name, "met": met, "values": shown, "failing": [] if met else list(shown),
               "missing": []}
    return RecordDiagnostic(step, "condition", f"can/snapshots/{step}-2.json", SHA, summary, met)


@pytest.fixture
def d() -> Driver:
    return Driver(diagnostics_mini())


def connect(d: Driver) -> None:
    d.ok(ConnectDiagnostics("virtual ev-sim at 500 kbit/s", {"interface": "virtual"}))


def to_dead(d: Driver) -> None:
    d.passes("ppe")
    d.ok(snapshot("plug"))
    d.passes("plug")
    d.passes("lock")
    d.advance(10 * MIN)
    d.ok(RecordMeasurement("dead", "hv", 0.2, "V"))


# ------------------------------------------------------------------ no adapter connected


def test_without_an_adapter_a_step_passes_and_its_result_says_diagnostics_were_not_available(d: Driver):
    d.passes("ppe")
    event = d.passes("plug")
    assert event.payload["diagnostics_unavailable"] == {"snapshot": m_.NO_ADAPTER().to_dict()}
    assert is_not_connected(event.payload["diagnostics_unavailable"]["snapshot"])
    assert "diagnostics_unavailable" not in d.events[-2].payload  # ppe declares none: unchanged form


# ------------------------------------------------------------------ connected: required


def test_a_declared_snapshot_is_required_once_an_adapter_is_connected(d: Driver):
    connect(d)
    d.passes("ppe")
    refusal = d.refused(RecordResult("plug", "pass"))
    assert refusal.rule == "diagnostics"
    assert refusal.reason == ("take the diagnostic snapshot first (DTCs before the task), or record "
                              "that diagnostics are not available")
    assert outstanding(d.state, d.engine.spec.step("plug")) == ["snapshot"]
    d.ok(snapshot("plug"))
    assert outstanding(d.state, d.engine.spec.step("plug")) == []
    assert "diagnostics_unavailable" not in d.passes("plug").payload
    [record] = d.state.steps["plug"].diagnostics
    assert (record.diagnostic, record.evidence, record.sha256, record.met) == (
        "snapshot", "can/snapshots/plug-1.json", SHA, None)


def test_the_refusal_is_in_the_language_asked_for(d: Driver):
    connect(d)
    d.passes("ppe")
    refusal = d.engine.decide(RecordResult("plug", "pass"), d.t_us, "fi")
    assert "(Vikakoodit ennen)" in refusal.text("fi")


def test_a_condition_not_met_refuses_the_pass_naming_signal_and_value(d: Driver):
    connect(d)
    to_dead(d)
    d.ok(condition("dead", "hv_bus_below_60v", False, HvBusVoltage=231.4))
    refusal = d.refused(RecordResult("dead", "pass"))
    assert refusal.rule == "condition"
    assert refusal.reason == ("The HV bus is not below 60 V (HvBusVoltage = 231.4 V): check again "
                              "when it holds, or record a fail")
    d.ok(condition("dead", "hv_bus_below_60v", True, HvBusVoltage=12.0))
    d.passes("dead")


def test_contactor_refusal_shows_the_value_labels():
    summary = {"condition": "contactors_open", "met": False, "failing": ["ContactorPositive"],
               "values": {"ContactorPositive": {"value": 1.0, "unit": "", "label": "closed"},
                          "ContactorNegative": {"value": 0.0, "unit": "", "label": "open"}},
               "missing": ["HvBusVoltage"]}
    assert condition_failure(summary) == (
        "HV contactors are not open (ContactorPositive = closed, HvBusVoltage: no recent value)")
    assert condition_failure(summary, "es").startswith("Los contactores de alta tensión no están abiertos")


def test_a_condition_last_seen_not_met_blocks_even_when_diagnostics_are_then_unavailable(d: Driver):
    connect(d)
    to_dead(d)
    d.ok(condition("dead", "hv_bus_below_60v", False, HvBusVoltage=80.0))
    d.ok(MarkDiagnosticsUnavailable("the adapter was unplugged", step="dead"))
    assert d.refused(RecordResult("dead", "pass")).rule == "condition"
    d.ok(RecordResult("dead", "fail", reason="HV bus still live"))
    assert d.state.stopped_by == "dead"


def test_a_condition_check_must_be_the_one_the_step_declares(d: Driver):
    connect(d)
    to_dead(d)
    refusal = d.refused(condition("dead", "contactors_open", True))
    assert refusal.reason == "step dead checks the condition 'hv_bus_below_60v', not 'contactors_open'"


# ------------------------------------------------------------------ not available, with a reason


def test_a_step_marked_unavailable_passes_with_the_reason_in_its_result(d: Driver):
    connect(d)
    d.passes("ppe")
    d.ok(MarkDiagnosticsUnavailable("USB adapter unplugged at 10:42", step="plug"))
    event = d.passes("plug")
    assert event.payload["diagnostics_unavailable"] == {"snapshot": "USB adapter unplugged at 10:42"}


def test_unavailable_for_one_kind_still_needs_the_other(d: Driver):
    connect(d)
    to_dead(d)
    d.ok(condition("dead", "hv_bus_below_60v", True, HvBusVoltage=0.5))
    d.passes("dead")
    d.ok(RecordMeasurement("reprove", "src", 13.0, "V"))
    d.passes("reprove")
    d.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
    d.ok(MarkDiagnosticsUnavailable("the ELM327 cannot read broadcast signals", step="insul",
                                    diagnostic="condition"))
    assert d.refused(RecordResult("insul", "pass")).reason.startswith("take the diagnostic snapshot")
    d.ok(snapshot("insul"))
    event = d.passes("insul")
    assert event.payload["diagnostics_unavailable"] == {
        "condition": "the ELM327 cannot read broadcast signals"}


def test_unavailable_for_the_rest_lasts_until_an_adapter_is_connected_again(d: Driver):
    connect(d)
    d.ok(MarkDiagnosticsUnavailable("no adapter on this workstation today"))
    d.passes("ppe")
    assert d.passes("plug").payload["diagnostics_unavailable"] == {
        "snapshot": "no adapter on this workstation today"}
    d.passes("lock")
    d.advance(10 * MIN)
    d.ok(RecordMeasurement("dead", "hv", 0.2, "V"))
    connect(d)  # back: required again
    assert d.refused(RecordResult("dead", "pass")).rule == "diagnostics"


def test_a_failed_attempt_needs_its_diagnostics_again(d: Driver):
    connect(d)
    to_dead(d)
    d.ok(condition("dead", "hv_bus_below_60v", True, HvBusVoltage=0.5))
    d.passes("dead")
    d.ok(RecordMeasurement("reprove", "src", 13.0, "V"))
    d.passes("reprove")
    d.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
    d.ok(snapshot("insul", hv_dtcs=["P0AA6"]))
    d.ok(condition("insul", "isolation_ok", True, IsolationResistance=2200))
    d.ok(RecordResult("insul", "fail", reason="isolation DTC present"))  # high: shown again
    assert d.state.steps["insul"].diagnostics == []
    d.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
    assert d.refused(RecordResult("insul", "pass")).rule == "diagnostics"
    d.ok(snapshot("insul"))
    d.ok(condition("insul", "isolation_ok", True, IsolationResistance=2200))
    d.passes("insul")


# ------------------------------------------------------------------ what is refused


BAD = [
    (RecordDiagnostic("plug", "photo", "x.json", SHA, {}), "input", "unknown diagnostic 'photo'"),
    (RecordDiagnostic("plug", "snapshot", "", SHA, {}), "input", "name of its file"),
    (RecordDiagnostic("plug", "snapshot", "x.json", "abc", {}), "input", "SHA-256"),
    (RecordDiagnostic("plug", "snapshot", "x.json", SHA.upper(), {}), "input", "SHA-256"),
    (RecordDiagnostic("plug", "snapshot", "x.json", SHA, {"v": float("nan")}), "input", "plain data"),
    (RecordDiagnostic("plug", "snapshot", "x.json", SHA, {"v": {1, 2}}), "input", "plain data"),
    (RecordDiagnostic("plug", "snapshot", "x.json", SHA, ["a"]), "input", "not a mapping"),  # type: ignore[arg-type]
    (RecordDiagnostic("plug", "snapshot", "x.json", SHA, {}, met=True), "input", "leave 'met' empty"),
    (RecordDiagnostic("plug", "condition", "x.json", SHA, {"condition": "x"}), "input", "true or false"),
    (RecordDiagnostic("plug", "condition", "x.json", SHA, {}, met=True), "input", "name its condition"),
    (RecordDiagnostic("nope", "snapshot", "x.json", SHA, {}), "unknown", "no step 'nope'"),
    (MarkDiagnosticsUnavailable(" "), "input", "give the reason"),
    (MarkDiagnosticsUnavailable("gone", step="nope"), "unknown", "no step 'nope'"),
    (MarkDiagnosticsUnavailable("gone", diagnostic="photo"), "input", "unknown diagnostic"),  # type: ignore[arg-type]
    (ConnectDiagnostics(""), "input", "name the diagnostic adapter"),
    (ConnectDiagnostics("pcan", {"when": object()}), "input", "plain data"),
]


@pytest.mark.parametrize(("action", "rule", "text"), BAD)
def test_malformed_diagnostic_actions_are_refused(d: Driver, action, rule: str, text: str):
    d.passes("ppe")
    refusal = d.refused(action)
    assert refusal.rule == rule and text in refusal.reason


def test_evidence_before_its_step_is_allowed_or_after_it_is_done_is_refused(d: Driver):
    refusal = d.refused(snapshot("plug"))
    assert refusal.rule == "after" and "ppe" in refusal.reason
    d.passes("ppe")
    d.passes("plug")
    assert d.refused(snapshot("plug")).rule == "done"
    assert d.refused(MarkDiagnosticsUnavailable("gone", step="plug")).rule == "done"


def test_no_diagnostic_evidence_after_a_critical_step_stopped_the_task(d: Driver):
    d.ok(RecordResult("ppe", "fail", reason="gloves leak"))
    assert d.refused(snapshot("ppe")).rule == "stopped"


def test_an_extra_snapshot_on_any_step_is_kept_and_changes_nothing(d: Driver):
    d.ok(StartStep("ppe"))
    d.ok(snapshot("ppe", note="extra"))
    event = d.passes("ppe")
    assert "diagnostics_unavailable" not in event.payload
    assert d.state.steps["ppe"].diagnostics[0].summary["note"] == "extra"


# ------------------------------------------------------------------ replay


def test_replay_rebuilds_the_diagnostics_and_normalises_the_summary(d: Driver):
    connect(d)
    d.passes("ppe")
    d.ok(RecordDiagnostic("plug", "snapshot", "can/snapshots/plug-1.json", SHA,
                          {"dtcs": ("P0AA6", "P0A80"), "hv_dtcs": ("P0AA6",)}))
    d.passes("plug")
    d.ok(MarkDiagnosticsUnavailable("adapter lost"))
    assert d.events[-3].payload["summary"]["dtcs"] == ["P0AA6", "P0A80"]  # as the store reads it back
    spec = diagnostics_mini().checklist.spec
    rebuilt = replay(spec, diagnostics_mini().params.params, d.events)
    assert rebuilt.state == d.state
    assert rebuilt.state.diagnostics_unavailable == {"snapshot": "adapter lost", "condition": "adapter lost"}
    assert rebuilt.state.diagnostics_device is not None


# ------------------------------------------------------------------ wording and shipped checklists


def test_every_condition_is_worded_in_every_language():
    assert set(CONDITIONS) == set(ConditionName.__args__)  # type: ignore[attr-defined]
    for wording in CONDITIONS.values():
        assert set(wording.title) == set(wording.not_met) == set(LANGUAGES)


def test_the_hv_isolation_checklist_declares_its_diagnostics():
    spec = load_checklist(checklists_dir() / "hv-isolation-series.yaml").spec
    declared = {s.id: s.diagnostics for s in spec.steps if s.diagnostics is not None}
    assert set(declared) == {"02", "12", "14", "21"}
    assert declared["02"].snapshot["en"] == "DTCs before the task"
    assert declared["21"].snapshot["en"] == "No HV DTCs after re-energising"
    assert declared["12"].condition == "hv_bus_dead"  # the dead limit, not the 60 V touch threshold
    assert declared["14"].condition == "contactors_open"
    for step in ("02", "21"):
        assert set(declared[step].snapshot) >= {"en", "fi", "es", "pt"}
        assert "can_log" in spec.step(step).evidence



# ------------------------------------------------------------------ the dead check: hv_bus_dead

BUS_SILENT = "bus silent: 12 V off?"


@lru_cache(maxsize=1)
def dead_mini() -> Mini:
    """The mini checklist whose dead test checks hv_bus_dead, its reading judged by magnitude."""
    mini = load_mini()
    data = yaml.safe_load(mini.checklist.source)
    steps = {s["id"]: s for s in data["steps"]}
    steps["dead"]["diagnostics"] = {"condition": "hv_bus_dead"}
    steps["dead"]["evidence"] = ["measurement", "can_log"]
    steps["dead"]["measurements"][0]["magnitude"] = True
    source = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    spec = checklist_from_source(source)
    assert list(check_checklist(spec)) == []
    return Mini(LoadedChecklist(spec, "<mini with hv_bus_dead>", content_hash(source), source), mini.params)


def dead_check(met: bool | None, volts: float | None, *, limit: float | dict[str, Any] = 1.0,
               readings: dict[str, float] | None = None, **extra: Any) -> RecordDiagnostic:
    """A check of hv_bus_dead as the CAN session records it (``limit`` a number, or the whole entry)."""
    values = {} if volts is None else {"HvBusVoltage": {"value": volts, "unit": "V", "label": None}}
    entry = limit if isinstance(limit, dict) else {
        "param": "dead_voltage_max", "value": limit, "unit": "V", "signal": "HvBusVoltage"}
    summary = {"condition": "hv_bus_dead", "expression": f"HvBusVoltage <= {entry['value']}", "met": met,
               "values": values, "failing": [] if met else list(values),
               "missing": [] if values else ["HvBusVoltage"],
               "limit": entry, "readings": readings or {}, "contradiction": None, **extra}
    return RecordDiagnostic("dead", "condition", "can/snapshots/dead-1.json", SHA, summary, met)


@pytest.fixture
def dd() -> Driver:
    d = Driver(dead_mini())
    connect(d)
    d.passes("ppe")
    d.passes("plug")
    d.passes("lock")
    d.advance(10 * MIN)
    d.ok(StartStep("dead"))
    return d


CONTRADICTION = ("The typed readings say dead (HV+ to HV- 0.2 V) but the vehicle says live "
                 "(HvBusVoltage = 56.1 V; dead_voltage_max = 1 V): find out which is right and check again, "
                 "or record a fail")


def test_dead_readings_with_the_vehicle_dead_pass(dd: Driver):
    dd.ok(RecordMeasurement("dead", "hv", 0.2, "V"))
    dd.ok(dead_check(True, 0.4, readings={"hv": 0.2}))
    assert "diagnostics_unavailable" not in dd.passes("dead").payload


def test_dead_readings_next_to_a_live_hv_bus_are_a_contradiction_and_the_step_cannot_pass(dd: Driver):
    dd.ok(RecordMeasurement("dead", "hv", 0.2, "V"))
    dd.ok(dead_check(False, 56.1, readings={"hv": 0.2}))
    refusal = dd.refused(RecordResult("dead", "pass"))
    assert (refusal.rule, refusal.reason) == ("contradiction", CONTRADICTION)
    dd.ok(dead_check(None, None, reason=BUS_SILENT))  # not available: it clears nothing
    assert dd.refused(RecordResult("dead", "pass")).reason == CONTRADICTION
    dd.ok(dead_check(True, 0.3, readings={"hv": 0.2}))  # checked again: now they agree
    dd.passes("dead")


def test_a_check_taken_before_the_readings_is_cross_checked_with_them_at_the_pass(dd: Driver):
    dd.ok(dead_check(False, 56.1))  # no readings typed yet: only not met
    assert dd.refused(RecordResult("dead", "pass")).reason == "measure HV+ to HV- first"
    dd.ok(RecordMeasurement("dead", "hv", -0.2, "V"))  # the magnitude is compared, as the range judges it
    assert dd.refused(RecordResult("dead", "pass")).reason == CONTRADICTION
    assert diagnostics.condition_inputs(dd.state, dd.engine.spec.step("dead")) == diagnostics.ConditionInputs(
        {"dead_voltage_max": 1.0}, {"hv": 0.2})


def test_live_readings_next_to_a_dead_hv_bus_are_a_contradiction_too(dd: Driver):
    dd.ok(RecordMeasurement("dead", "hv", 230.0, "V"))
    dd.ok(dead_check(True, 0.3, readings={"hv": 230.0}))
    refusal = diagnostics.pass_refusal(dd.state, dd.engine.spec.step("dead"))
    assert refusal is not None and (refusal.rule, refusal.reason) == ("contradiction", (
        "The typed readings say live (HV+ to HV- 230 V) but the vehicle says dead (HvBusVoltage = 0.3 V; "
        "dead_voltage_max = 1 V): find out which is right and check again, or record a fail"))
    assert dd.refused(RecordResult("dead", "pass")).reason == (  # the reading itself refuses it first
        "HV+ to HV- 230 V is out of range: measure again or record a fail")


def test_a_live_hv_bus_without_readings_is_not_met_naming_value_and_limit(dd: Driver):
    dd.ok(dead_check(False, 56.1))
    refusal = diagnostics.pass_refusal(dd.state, dd.engine.spec.step("dead"))
    assert refusal is not None and (refusal.rule, refusal.reason) == ("condition", (
        "The vehicle reports voltage on its HV bus above the dead-voltage limit (HvBusVoltage = 56.1 V, "
        "dead_voltage_max = 1 V): check again when it holds, or record a fail"))


def test_the_check_is_judged_on_this_assessments_dead_limit_not_the_one_it_claims(dd: Driver):
    dd.ok(RecordMeasurement("dead", "hv", 0.2, "V"))
    dd.ok(dead_check(True, 56.1, limit=60.0, readings={"hv": 0.2}))  # the touch threshold: no dead test
    refusal = dd.refused(RecordResult("dead", "pass"))
    assert (refusal.rule, refusal.reason) == ("condition", (
        "the check of hv_bus_dead was judged against dead_voltage_max = 60 V; this assessment's is 1 V: "
        "check again"))
    dd.ok(dead_check(True, 1.5, readings={"hv": 0.2}))  # says met, but 1.5 V is above the limit
    assert dd.refused(RecordResult("dead", "pass")).rule == "contradiction"


def test_with_the_bus_silent_the_condition_is_not_available_and_the_result_says_why(dd: Driver):
    dd.ok(RecordMeasurement("dead", "hv", 0.2, "V"))
    dd.ok(dead_check(None, None, reason=BUS_SILENT))
    assert outstanding(dd.state, dd.engine.spec.step("dead")) == []
    event = dd.passes("dead")
    assert event.payload["diagnostics_unavailable"] == {"condition": BUS_SILENT}
    rebuilt = replay(dead_mini().checklist.spec, dead_mini().params.params, dd.events)
    assert rebuilt.state == dd.state


DEAD_BAD = [
    (dead_check(None, None), "input",
     "a condition check says whether it was met (true or false), or why it could not be made (its reason)"),
    (dead_check(True, 0.3, limit={"param": "dead_voltage_max", "value": "1", "unit": "V",
                                  "signal": "HvBusVoltage"}), "input",
     "the check of hv_bus_dead does not say which dead_voltage_max (in V) and which signal it was judged on"),
    (dead_check(True, 0.3, limit={"param": "dead_voltage_max", "value": 1.0, "unit": "mV",
                                  "signal": "HvBusVoltage"}), "input",
     "the check of hv_bus_dead does not say which dead_voltage_max (in V) and which signal it was judged on"),
    (dead_check(True, None), "input", "the check of hv_bus_dead does not give the vehicle's HvBusVoltage as "
     "a number"),
]


@pytest.mark.parametrize(("action", "rule", "reason"), DEAD_BAD)
def test_a_malformed_dead_check_is_refused_when_recorded(dd: Driver, action, rule: str, reason: str):
    refusal = dd.refused(action)
    assert (refusal.rule, refusal.reason) == (rule, reason)


def test_a_dead_check_without_its_limit_is_refused():
    d = Driver(dead_mini())
    connect(d)
    check = dead_check(True, 0.3)
    del check.summary["limit"]
    d.passes("ppe")
    d.passes("plug")
    d.passes("lock")
    d.advance(10 * MIN)
    assert d.refused(check).reason == ("the check of hv_bus_dead does not say which dead_voltage_max (in V) "
                                       "and which signal it was judged on")


def test_the_old_touch_threshold_check_still_passes_and_replays_as_recorded(d: Driver):
    """Checklists up to 1.1.0 declare hv_bus_below_60v: what they recorded replays unchanged."""
    connect(d)
    to_dead(d)
    d.ok(condition("dead", "hv_bus_below_60v", True, HvBusVoltage=56.1))
    d.passes("dead")
    rebuilt = replay(diagnostics_mini().checklist.spec, diagnostics_mini().params.params, d.events)
    assert rebuilt.state == d.state
