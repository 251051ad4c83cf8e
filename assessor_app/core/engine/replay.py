"""Rebuilding an assessment from its stored events: every event re-decided by the rules."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import MISSING

from assessor_app.core.engine.actions import (
    ACTION_TYPES,
    Abandon,
    Action,
    Finish,
    RecordMeasurement,
    RecordResult,
    Refused,
)
from assessor_app.core.engine.engine import RESUMED, AssessmentEngine, ReplayError
from assessor_app.core.events import Event, verify_chain
from assessor_app.core.specs.models import ChecklistSpec
from assessor_app.core.specs.parameters import ParameterSet, resolve


def action_from_event(ev: Event) -> Action:
    """The trainer's action that an event records (for replay)."""
    cls = ACTION_TYPES[ev.kind]
    p = ev.payload
    if cls is RecordMeasurement:
        return RecordMeasurement(p["step"], p["measurement"], p["entered_value"], p["entered_unit"],
                                 p.get("instrument"), p.get("range_label"))
    if cls is RecordResult:
        return RecordResult(p["step"], p["result"], p["reason"], p["person"])
    if cls is Abandon:
        return Abandon(p["reason"])
    if cls is Finish:
        return Finish()
    fields = cls.__dataclass_fields__  # type: ignore[attr-defined]
    for name, f in fields.items():  # a required field missing: named, as for the kinds above
        if name not in p and f.default is MISSING and f.default_factory is MISSING:
            raise KeyError(name)
    return cls(**{k: p[k] for k in fields if k in p})


def replay(
    spec: ChecklistSpec, params: ParameterSet, events: Iterable[Event]
) -> AssessmentEngine:
    """Rebuild an engine from stored events, checking the chain and every decision."""
    events = list(events)
    try:
        verify_chain(events)
    except ValueError as exc:
        raise ReplayError(str(exc)) from exc
    if not events:
        raise ReplayError("no events")
    first = events[0]
    wv = first.payload.get("vehicle", {}).get("working_voltage_v")
    resolved = resolve(params, wv)
    engine = AssessmentEngine(spec, resolved, first)
    for ev in events[1:]:
        if ev.kind == RESUMED:
            engine.apply(ev)
            continue
        if ev.kind not in ACTION_TYPES:
            raise ReplayError(f"event {ev.seq} has unknown kind {ev.kind!r}")
        decision = engine.decide(action_from_event(ev), ev.t_us)
        if isinstance(decision, Refused):
            raise ReplayError(f"event {ev.seq} ({ev.kind}) was not allowed: {decision.reason}")
        if decision.payload != dict(ev.payload):
            raise ReplayError(f"event {ev.seq} ({ev.kind}) does not match what the rules give")
        engine.apply(ev)
    return engine
