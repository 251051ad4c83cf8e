"""Diagnostic evidence in an assessment: snapshots and signal conditions per step, or why there are none.

A step may declare a snapshot and/or a condition. Once a diagnostic adapter is connected to the
assessment, each declared item must be recorded, or recorded as not available with a reason,
before the step can pass. Without a connected adapter the items are not available, and the
step's result says so. A condition last seen not met refuses the pass whatever else was recorded.

A condition check that could not be made (the bus silent once the 12 V supply is off, its signals
not seen for a while) is recorded with ``met`` None and its reason: the condition is not
available, never met. A condition judged against a parameter (``LIMITS``: hv_bus_dead against
dead_voltage_max) is judged again here from the vehicle's recorded value and this assessment's
own parameter, and cross-checked with the step's typed readings bounded by the same parameter:
the step cannot pass while the last check that could be made contradicts them.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assessor_app.core import units
from assessor_app.core.engine import messages as m_
from assessor_app.core.engine.actions import (
    Accepted,
    ConnectDiagnostics,
    MarkDiagnosticsUnavailable,
    RecordDiagnostic,
    Refused,
)
from assessor_app.core.engine.state import AssessmentState, DiagnosticRecord, StepState
from assessor_app.core.events import Event
from assessor_app.core.specs.conditions import CONDITIONS, LIMITS, ConditionLimit
from assessor_app.core.specs.models import ParamRef, Step
from assessor_app.core.terms import term
from assessor_app.i18n import Msg, render

KINDS = ("snapshot", "condition")
#: The reason a step passed while no diagnostic adapter served the assessment: in older records this
#: English text, in newer ones the message ``engine.no_adapter`` (see :func:`is_not_connected`).
NOT_CONNECTED = "no diagnostic adapter was connected to the assessment"
_SHA256 = re.compile(r"^[0-9a-f]{64}$")


def declared(step: Step) -> list[str]:
    """The kinds of diagnostic evidence a step asks for, in a fixed order."""
    d = step.diagnostics
    if d is None:
        return []
    return [k for k, v in (("snapshot", d.snapshot), ("condition", d.condition)) if v is not None]


def _json_copy(value: Any) -> Any:
    """A plain-JSON deep copy (tuples become lists), as the event will read back from the store."""
    return json.loads(json.dumps(value, allow_nan=False))


def _text(value: Any) -> str:
    return value.strip() if isinstance(value, str) else ""


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
        return None
    return float(value)


def _vehicle_value(summary: Mapping[str, Any]) -> float | None:
    """The vehicle's value a parameter-judged check compared (``summary["limit"]["signal"]``)."""
    limit, values = summary.get("limit"), summary.get("values")
    if not isinstance(limit, dict) or not isinstance(values, dict):
        return None
    entry = values.get(limit.get("signal"))
    return _number(entry.get("value")) if isinstance(entry, dict) else None


def _limit_problem(name: str, limit: ConditionLimit, summary: Mapping[str, Any]) -> Msg | None:
    """Why the check of a parameter-judged condition does not say what it was judged on, or None."""
    recorded = summary.get("limit")
    if (not isinstance(recorded, dict) or recorded.get("param") != limit.param
            or recorded.get("unit") != limit.unit or _number(recorded.get("value")) is None
            or not _text(recorded.get("signal"))):
        return m_.LIMIT_UNSAID(condition=name, parameter=limit.param, unit=limit.unit)
    if _vehicle_value(summary) is None:
        return m_.LIMIT_NO_VALUE(condition=name, signal=str(recorded["signal"]))
    return None


def _param_value(state: AssessmentState, name: str, unit: str) -> float | None:
    """This assessment's own parameter (as its start event pinned it) in ``unit``, or None."""
    entry = (state.started.get("parameters") or {}).get(name)
    if not isinstance(entry, dict):
        return None
    value, given = _number(entry.get("value")), entry.get("unit")
    if value is None or not isinstance(given, str) or not units.is_unit(given) or not units.is_unit(unit):
        return None
    if units.quantity_of(given) != units.quantity_of(unit):
        return None
    return units.convert(value, given, unit)


def _compared_readings(state: AssessmentState, step: Step, limit: ConditionLimit) -> dict[str, float]:
    """The step's typed readings bounded by the limit's parameter, in its unit (magnitudes where the
    checklist judges magnitudes), of the current attempt."""
    ss = state.steps[step.id]
    out: dict[str, float] = {}
    for m in step.measurements:
        bounds = (m.range.min, m.range.max) if m.range is not None else ()
        record = ss.measurements.get(m.id)
        if record is None or not any(isinstance(b, ParamRef) and b.param == limit.param for b in bounds):
            continue
        if not units.is_unit(record.unit) or units.quantity_of(record.unit) != units.quantity_of(limit.unit):
            continue  # a reading of another quantity is no reading of this limit
        value = units.convert(record.value, record.unit, limit.unit)
        out[m.id] = abs(value) if m.magnitude else value
    return out


@dataclass(frozen=True)
class ConditionInputs:
    """What a device needs to check a step's condition besides the vehicle's signals."""

    limits: dict[str, float] = field(default_factory=dict)  # parameter -> value, in the condition's unit
    readings: dict[str, float] = field(default_factory=dict)  # measurement id -> typed value, same unit


def condition_inputs(state: AssessmentState, step: Step) -> ConditionInputs:
    """The parameter limits and typed readings to check ``step``'s declared condition with
    (``CanSession.check_condition(..., limits=..., readings=...)``); empty for a fixed condition."""
    name = step.diagnostics.condition if step.diagnostics is not None else None
    limit = LIMITS.get(name or "")
    if limit is None:
        return ConditionInputs()
    value = _param_value(state, limit.param, limit.unit)
    return ConditionInputs({limit.param: value} if value is not None else {},
                           _compared_readings(state, step, limit))


def decide_connected(a: ConnectDiagnostics) -> Accepted | Refused:
    if not isinstance(a.device, str) or not a.device.strip():
        return Refused(m_.ADAPTER_NAME(), rule="input")
    try:
        detail = _json_copy(a.detail)
    except (TypeError, ValueError):
        return Refused(m_.ADAPTER_DETAIL_DATA(), rule="input")
    if not isinstance(detail, dict):
        return Refused(m_.ADAPTER_DETAIL_MAPPING(), rule="input")
    return Accepted(a.kind, {"device": a.device, "detail": detail})


def decide_recorded(a: RecordDiagnostic, step: Step, ss: StepState) -> Accepted | Refused:
    """Whether the evidence is well formed for this step (ordering is checked by the caller)."""
    if a.diagnostic not in KINDS:
        return Refused(m_.UNKNOWN_DIAGNOSTIC(diagnostic=repr(a.diagnostic)), rule="input")
    if ss.status in ("passed", "na"):
        return Refused(m_.ALREADY_DONE(step=a.step), rule="done")
    if not isinstance(a.evidence, str) or not a.evidence.strip():
        return Refused(m_.DIAGNOSTIC_FILE(), rule="input")
    if not isinstance(a.sha256, str) or not _SHA256.match(a.sha256):
        return Refused(m_.DIAGNOSTIC_SHA256(), rule="input")
    try:
        summary = _json_copy(a.summary)
    except (TypeError, ValueError):
        return Refused(m_.SUMMARY_DATA(), rule="input")
    if not isinstance(summary, dict):
        return Refused(m_.SUMMARY_MAPPING(), rule="input")
    if a.diagnostic == "snapshot":
        if a.met is not None:
            return Refused(m_.SNAPSHOT_MET(), rule="input")
    else:
        if a.met is None:
            if not _text(summary.get("reason")):
                return Refused(m_.CONDITION_MET_OR_REASON(), rule="input")
        elif not isinstance(a.met, bool):
            return Refused(m_.CONDITION_MET(), rule="input")
        wanted = step.diagnostics.condition if step.diagnostics else None
        checked = summary.get("condition")
        if not isinstance(checked, str) or not checked:
            return Refused(m_.CONDITION_UNNAMED(), rule="input")
        if wanted is not None and checked != wanted:
            return Refused(m_.WRONG_CONDITION(step=a.step, wanted=repr(wanted), checked=repr(checked)),
                           rule="condition")
        if a.met is not None and checked in LIMITS:
            problem = _limit_problem(checked, LIMITS[checked], summary)
            if problem:
                return Refused(problem, rule="input")
    return Accepted(a.kind, {"step": a.step, "diagnostic": a.diagnostic, "evidence": a.evidence,
                             "sha256": a.sha256, "summary": summary, "met": a.met})


def decide_unavailable(a: MarkDiagnosticsUnavailable, state: AssessmentState) -> Accepted | Refused:
    if not isinstance(a.reason, str) or not a.reason.strip():
        return Refused(m_.UNAVAILABLE_REASON(), rule="input")
    if a.diagnostic is not None and a.diagnostic not in KINDS:
        return Refused(m_.UNKNOWN_DIAGNOSTIC(diagnostic=repr(a.diagnostic)), rule="input")
    if a.step is not None:
        if a.step not in state.steps:
            return Refused(m_.NO_SUCH_STEP(step=repr(a.step)), rule="unknown")
        if state.steps[a.step].status in ("passed", "na"):
            return Refused(m_.ALREADY_DONE(step=a.step), rule="done")
    return Accepted(a.kind, {"reason": a.reason, "step": a.step, "diagnostic": a.diagnostic})


def apply(state: AssessmentState, ev: Event) -> None:
    """Fold a diagnostics event into the state."""
    p = ev.payload
    if ev.kind == "diagnostics_connected":
        state.diagnostics_device = {"device": p["device"], "detail": p["detail"], "t_us": ev.t_us}
        state.diagnostics_unavailable.clear()  # an adapter is back: diagnostics are required again
    elif ev.kind == "diagnostic_recorded":
        state.steps[p["step"]].diagnostics.append(DiagnosticRecord(
            p["diagnostic"], p["evidence"], p["sha256"], p["summary"], p["met"], ev.t_us))
    elif ev.kind == "diagnostics_unavailable":
        target = (state.steps[p["step"]].diagnostics_unavailable if p["step"] is not None
                  else state.diagnostics_unavailable)
        for kind in [p["diagnostic"]] if p["diagnostic"] else KINDS:
            target[kind] = p["reason"]


def _records(step: Step, ss: StepState, kind: str) -> list[DiagnosticRecord]:
    records = [r for r in ss.diagnostics if r.diagnostic == kind]
    if kind == "condition" and step.diagnostics is not None:
        records = [r for r in records if r.summary.get("condition") == step.diagnostics.condition]
    return records


def _unavailable(state: AssessmentState, ss: StepState, kind: str) -> str | Msg | None:
    reason = ss.diagnostics_unavailable.get(kind) or state.diagnostics_unavailable.get(kind)
    if reason is None and state.diagnostics_device is None:
        return m_.NO_ADAPTER()
    return reason


def is_not_connected(reason: Any) -> bool:
    """Whether a recorded reason says no diagnostic adapter served the assessment (either form)."""
    return reason == NOT_CONNECTED or (isinstance(reason, Mapping)
                                       and reason.get("code") == m_.NO_ADAPTER.code)


def outstanding(state: AssessmentState, step: Step) -> list[str]:
    """Declared diagnostics of ``step`` neither recorded nor unavailable (what the trainer must do)."""
    ss = state.steps[step.id]
    return [k for k in declared(step) if not _records(step, ss, k) and _unavailable(state, ss, k) is None]


def unavailable_at_pass(state: AssessmentState, step: Step) -> dict[str, Any]:
    """Declared diagnostics that a pass goes ahead without, and why (for the step's result): the
    reason a person gave, or the engine's as the store keeps a message."""
    ss = state.steps[step.id]
    out: dict[str, Any] = {}
    for kind in declared(step):
        reason = _unavailable(state, ss, kind)
        records = _records(step, ss, kind)
        if not records and reason is not None:
            out[kind] = reason.to_dict() if isinstance(reason, Msg) else reason
        elif kind == "condition" and records and all(r.met is None for r in records):
            out[kind] = _text(records[-1].summary.get("reason"))  # checked, but it could not be made
    return out


def _shown(value: Any) -> Msg | float | str:
    """A signal's or a limit's value as recorded: its label, or a number with its unit."""
    if isinstance(value, dict):
        if value.get("label"):
            return str(value["label"])
        number, unit = value.get("value"), value.get("unit") or ""
        if isinstance(number, int | float) and not isinstance(number, bool) and math.isfinite(number):
            return m_.QUANTITY(value=number, unit=str(unit)) if unit else number
    return "?"


def _typed(value: Any, kind: type, default: Any) -> Any:
    return value if isinstance(value, kind) else default


def condition_failure_message(summary: dict[str, Any]) -> Msg:
    """'HV contactors are not open (ContactorPositive = closed, ...)' from a condition's summary."""
    name = str(summary.get("condition", ""))
    wording = CONDITIONS.get(name)
    head: Any = wording.not_met if wording else m_.CONDITION_NOT_MET(condition=name)
    values: dict[str, Any] = _typed(summary.get("values"), dict, {})
    failing: list[Any] = _typed(summary.get("failing"), list, list(values))
    parts: list[Msg] = [m_.SIGNAL_VALUE(signal=str(signal), value=_shown(values.get(signal)))
                        for signal in failing]
    parts += [m_.SIGNAL_MISSING(signal=str(signal)) for signal in _typed(summary.get("missing"), list, [])]
    limit = summary.get("limit")
    if isinstance(limit, dict) and _number(limit.get("value")) is not None:
        parts.append(m_.SIGNAL_VALUE(signal=str(limit.get("param")), value=_shown(limit)))
    if not parts:
        return head if isinstance(head, Msg) else m_.SAID(text=head)
    return m_.CONDITION_FAILURE(failure=head, values=m_.side_by_side(parts))


def condition_failure(summary: dict[str, Any], language: str = "en") -> str:
    """:func:`condition_failure_message` in a language."""
    return render(condition_failure_message(summary), language)


def contradiction_message(found: Mapping[str, Any], step: Step | None = None) -> Msg:
    """'The typed readings say dead (HV+ to chassis 0.1 V, ...) but the vehicle says live
    (HvBusVoltage = 56.1 V; dead_voltage_max = 1 V)' from a check's ``contradiction``."""
    unit = str(found.get("unit") or "")
    labels: dict[str, Any] = {m.id: m.label for m in step.measurements} if step is not None else {}
    readings: dict[str, Any] = _typed(found.get("readings"), dict, {})
    typed = [m_.READING(label=labels.get(mid, mid), value=_shown({"value": v, "unit": unit}))
             for mid, v in readings.items()]
    vehicle: dict[str, Any] = _typed(found.get("vehicle"), dict, {})
    limit: dict[str, Any] = _typed(found.get("limit"), dict, {})

    def says(key: str) -> Msg | str:
        said = str(found.get(key))
        return term(said) or said

    return m_.CONTRADICTION(
        readings_say=says("readings_say"), readings=m_.side_by_side(typed), vehicle_says=says("vehicle_says"),
        signal=str(vehicle.get("signal")),
        vehicle_value=_shown({"value": vehicle.get("value"), "unit": unit}),
        parameter=str(limit.get("param")), limit=_shown({"value": limit.get("value"), "unit": unit}))


def contradiction_text(found: Mapping[str, Any], step: Step | None = None, language: str = "en") -> str:
    """:func:`contradiction_message` in a language."""
    return render(contradiction_message(found, step), language)


def _limit_refusal(state: AssessmentState, step: Step, record: DiagnosticRecord, limit: ConditionLimit,
                   language: str) -> Refused | None:
    """A parameter-judged check judged again on this assessment's own parameter and readings."""
    summary = record.summary
    name = str(summary.get("condition", ""))
    own = _param_value(state, limit.param, limit.unit)
    if own is None:
        return Refused(m_.NO_OWN_PARAMETER(parameter=limit.param, unit=limit.unit, condition=name),
                       rule="condition")
    problem = _limit_problem(name, limit, summary)
    if problem:
        return Refused(m_.CHECK_AGAIN(problem=problem), rule="condition")
    used, value = _number(summary["limit"]["value"]), _vehicle_value(summary)
    assert used is not None and value is not None  # _limit_problem said so
    if not math.isclose(used, own, rel_tol=1e-9, abs_tol=1e-12):
        return Refused(m_.JUDGED_AGAINST_OTHER(condition=name, parameter=limit.param, used=used,
                                               unit=limit.unit, own=own), rule="condition")
    found = limit.contradiction(own, _compared_readings(state, step, limit), summary["limit"]["signal"],
                                value)
    if found is not None:
        return Refused(m_.CONTRADICTION_REFUSAL(contradiction=contradiction_message(found, step)),
                       rule="contradiction")
    if record.met is not True or not limit.holds(value, own):
        return Refused(m_.CONDITION_REFUSAL(failure=condition_failure_message(summary)), rule="condition")
    return None


def pass_refusal(state: AssessmentState, step: Step, language: str = "en") -> Refused | None:
    """Why ``step`` cannot pass on its diagnostics: its last check that could be made was not met or
    contradicts the typed readings (rule ``contradiction``), or declared evidence is missing.

    A check that could not be made (met None) neither passes nor clears an earlier one."""
    ss = state.steps[step.id]
    conditions = _records(step, ss, "condition") if "condition" in declared(step) else []
    judged = [r for r in conditions if r.met is not None]
    if judged:
        last = judged[-1]
        limit = LIMITS.get(str(last.summary.get("condition", "")))
        if limit is not None:
            refusal = _limit_refusal(state, step, last, limit, language)
            if refusal is not None:
                return refusal
        elif last.met is False:
            return Refused(m_.CONDITION_REFUSAL(failure=condition_failure_message(last.summary)),
                           rule="condition")
    for kind in outstanding(state, step):
        assert step.diagnostics is not None
        if kind == "snapshot":
            label: Any = step.diagnostics.snapshot or ""
            return Refused(m_.SNAPSHOT_FIRST(label=label), rule="diagnostics")
        name = step.diagnostics.condition or ""
        wording = CONDITIONS.get(name)
        return Refused(m_.CONDITION_FIRST(condition=wording.title if wording else name), rule="diagnostics")
    return None
