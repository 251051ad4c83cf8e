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
    replay,
)
from assessor_app.core.engine.diagnostics import NOT_CONNECTED, condition_failure, outstanding
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
    assert event.payload["diagnostics_unavailable"] == {"snapshot": NOT_CONNECTED}
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
    assert "(Vikakoodit ennen)" in refusal.reason


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
    assert declared["12"].condition == "hv_bus_below_60v"
    assert declared["14"].condition == "contactors_open"
    for step in ("02", "21"):
        assert set(declared[step].snapshot) >= {"en", "fi", "es", "pt"}
        assert "can_log" in spec.step(step).evidence

