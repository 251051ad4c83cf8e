"""Rebuilding an assessment from its stored events: every event re-decided by the rules."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import MISSING
from typing import Any

from assessor_app.core.engine import messages as m_
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
from assessor_app.core.events import ChainError, Event, verify_chain
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
    except ChainError as exc:
        raise ReplayError(exc.messages) from exc
    except ValueError as exc:
        raise ReplayError(str(exc)) from exc
    if not events:
        raise ReplayError(m_.NO_EVENTS())
    first = events[0]
    wv = first.payload.get("vehicle", {}).get("working_voltage_v")
    resolved = resolve(params, wv)
    engine = AssessmentEngine(spec, resolved, first)
    for ev in events[1:]:
        if ev.kind == RESUMED:
            engine.apply(ev)
            continue
        if ev.kind not in ACTION_TYPES:
            raise ReplayError(m_.UNKNOWN_EVENT(seq=ev.seq, kind=repr(ev.kind)))
        decision = engine.decide(action_from_event(ev), ev.t_us)
        if isinstance(decision, Refused):
            raise ReplayError(m_.EVENT_NOT_ALLOWED(seq=ev.seq, kind=ev.kind, reason=decision.message))
        if not same_payload(decision.payload, ev.payload):
            raise ReplayError(m_.EVENT_DIFFERS(seq=ev.seq, kind=ev.kind))
        engine.apply(ev)
    return engine


def _is_message(value: Any) -> bool:
    return isinstance(value, Mapping) and set(value) == {"code", "args", "text"}


def same_payload(decided: Any, stored: Any) -> bool:
    """Whether a stored payload is the one the rules give now.

    A message the rules give (``{"code", "args", "text"}``) matches a stored message with the same
    code and values, whatever its English text said (a later version may word it better); a record
    made before messages had codes stored the English sentence in its place, which says nothing the
    rest of the payload does not, so any text there matches (the hash chain keeps it as it was).
    Everything else must be equal."""
    if _is_message(decided):
        if isinstance(stored, str):
            return True
        return _is_message(stored) and decided["code"] == stored["code"] and (
            same_payload(decided["args"], stored["args"]))
    if isinstance(decided, Mapping) and isinstance(stored, Mapping):
        return set(decided) == set(stored) and all(same_payload(v, stored[k]) for k, v in decided.items())
    if isinstance(decided, list | tuple) and isinstance(stored, list | tuple):
        return len(decided) == len(stored) and all(same_payload(d, s) for d, s in zip(decided, stored,
                                                                                       strict=True))
    return bool(decided == stored)
