"""Diagnostic evidence in an assessment: snapshots and signal conditions per step, or why there are none.

A step may declare a snapshot and/or a condition. Once a diagnostic adapter is connected to the
assessment, each declared item must be recorded, or recorded as not available with a reason,
before the step can pass. Without a connected adapter the items are not available, and the
step's result says so. A condition last seen not met refuses the pass whatever else was recorded.
"""

from __future__ import annotations

import json
import math
import re
from typing import Any

from assessor_app.core.engine.actions import (
    Accepted,
    ConnectDiagnostics,
    MarkDiagnosticsUnavailable,
    RecordDiagnostic,
    Refused,
)
from assessor_app.core.engine.state import AssessmentState, DiagnosticRecord, StepState
from assessor_app.core.events import Event
from assessor_app.core.specs.conditions import CONDITIONS, condition_title
from assessor_app.core.specs.models import Step

KINDS = ("snapshot", "condition")
#: The reason recorded with a step passed while no diagnostic adapter served the assessment.
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


def decide_connected(a: ConnectDiagnostics) -> Accepted | Refused:
    if not isinstance(a.device, str) or not a.device.strip():
        return Refused("name the diagnostic adapter that was connected", rule="input")
    try:
        detail = _json_copy(a.detail)
    except (TypeError, ValueError):
        return Refused("the adapter's details are not plain data", rule="input")
    if not isinstance(detail, dict):
        return Refused("the adapter's details are not a mapping", rule="input")
    return Accepted(a.kind, {"device": a.device, "detail": detail})


def decide_recorded(a: RecordDiagnostic, step: Step, ss: StepState) -> Accepted | Refused:
    """Whether the evidence is well formed for this step (ordering is checked by the caller)."""
    if a.diagnostic not in KINDS:
        return Refused(f"unknown diagnostic {a.diagnostic!r} (snapshot or condition)", rule="input")
    if ss.status in ("passed", "na"):
        return Refused(f"step {a.step} is already done", rule="done")
    if not isinstance(a.evidence, str) or not a.evidence.strip():
        return Refused("the diagnostic evidence needs the name of its file", rule="input")
    if not isinstance(a.sha256, str) or not _SHA256.match(a.sha256):
        return Refused("the diagnostic evidence needs its SHA-256 (64 hex digits)", rule="input")
    try:
        summary = _json_copy(a.summary)
    except (TypeError, ValueError):
        return Refused("the diagnostic summary is not plain data", rule="input")
    if not isinstance(summary, dict):
        return Refused("the diagnostic summary is not a mapping", rule="input")
    if a.diagnostic == "snapshot":
        if a.met is not None:
            return Refused("a snapshot is not met or not met: leave 'met' empty", rule="input")
    else:
        if not isinstance(a.met, bool):
            return Refused("a condition check says whether it was met (true or false)", rule="input")
        wanted = step.diagnostics.condition if step.diagnostics else None
        checked = summary.get("condition")
        if not isinstance(checked, str) or not checked:
            return Refused("the condition check does not name its condition", rule="input")
        if wanted is not None and checked != wanted:
            return Refused(f"step {a.step} checks the condition {wanted!r}, not {checked!r}",
                           rule="condition")
    return Accepted(a.kind, {"step": a.step, "diagnostic": a.diagnostic, "evidence": a.evidence,
                             "sha256": a.sha256, "summary": summary, "met": a.met})


def decide_unavailable(a: MarkDiagnosticsUnavailable, state: AssessmentState) -> Accepted | Refused:
    if not isinstance(a.reason, str) or not a.reason.strip():
        return Refused("give the reason diagnostics are not available", rule="input")
    if a.diagnostic is not None and a.diagnostic not in KINDS:
        return Refused(f"unknown diagnostic {a.diagnostic!r} (snapshot or condition)", rule="input")
    if a.step is not None:
        if a.step not in state.steps:
            return Refused(f"this checklist has no step {a.step!r}", rule="unknown")
        if state.steps[a.step].status in ("passed", "na"):
            return Refused(f"step {a.step} is already done", rule="done")
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


def _unavailable(state: AssessmentState, ss: StepState, kind: str) -> str | None:
    reason = ss.diagnostics_unavailable.get(kind) or state.diagnostics_unavailable.get(kind)
    if reason is None and state.diagnostics_device is None:
        return NOT_CONNECTED
    return reason


def outstanding(state: AssessmentState, step: Step) -> list[str]:
    """Declared diagnostics of ``step`` neither recorded nor unavailable (what the trainer must do)."""
    ss = state.steps[step.id]
    return [k for k in declared(step) if not _records(step, ss, k) and _unavailable(state, ss, k) is None]


def unavailable_at_pass(state: AssessmentState, step: Step) -> dict[str, str]:
    """Declared diagnostics that a pass goes ahead without, and why (for the step's result)."""
    ss = state.steps[step.id]
    out = {}
    for kind in declared(step):
        reason = _unavailable(state, ss, kind)
        if not _records(step, ss, kind) and reason is not None:
            out[kind] = reason
    return out


def _shown(value: Any) -> str:
    if isinstance(value, dict):
        if value.get("label"):
            return str(value["label"])
        number, unit = value.get("value"), value.get("unit") or ""
        if isinstance(number, int | float) and math.isfinite(number):
            return f"{number:g} {unit}".strip()
    return "?"


def _typed(value: Any, kind: type, default: Any) -> Any:
    return value if isinstance(value, kind) else default


def condition_failure(summary: dict[str, Any], language: str = "en") -> str:
    """'HV contactors are not open (ContactorPositive = closed, ...)' from a condition's summary."""
    name = str(summary.get("condition", ""))
    wording = CONDITIONS.get(name)
    head = wording.not_met.get_text(language) if wording else f"the condition {name} is not met"
    values: dict[str, Any] = _typed(summary.get("values"), dict, {})
    failing: list[Any] = _typed(summary.get("failing"), list, list(values))
    parts = [f"{signal} = {_shown(values.get(signal))}" for signal in failing]
    parts += [f"{signal}: no recent value" for signal in _typed(summary.get("missing"), list, [])]
    return f"{head} ({', '.join(parts)})" if parts else head


def pass_refusal(state: AssessmentState, step: Step, language: str = "en") -> Refused | None:
    """Why ``step`` cannot pass on its diagnostics (a condition not met, or evidence missing)."""
    ss = state.steps[step.id]
    conditions = _records(step, ss, "condition") if "condition" in declared(step) else []
    if conditions and conditions[-1].met is False:
        return Refused(f"{condition_failure(conditions[-1].summary, language)}: check again when it "
                       "holds, or record a fail", rule="condition")
    for kind in outstanding(state, step):
        assert step.diagnostics is not None
        if kind == "snapshot":
            label = step.diagnostics.snapshot.get_text(language) if step.diagnostics.snapshot else ""
            return Refused(f"take the diagnostic snapshot first ({label}), or record that "
                           "diagnostics are not available", rule="diagnostics")
        title = condition_title(step.diagnostics.condition or "", language)
        return Refused(f"check '{title}' on the vehicle's signals first, or record that "
                       "diagnostics are not available", rule="diagnostics")
    return None
