"""The shape of the assessment record: its events, and their payloads against the engine's actions.

The record's events are replayed through the engine to prove every decision; before anything is
replayed, each event must have exactly the fields an Event has, each of its type, and each
payload must give the action of its kind every field, typed as the action declares it (a
string, an integer, a number, one of a set of words). A record that fails is refused with the
event and the field named, so a hostile or damaged record never reaches the rules as data of the
wrong kind.
"""

from __future__ import annotations

import types
from dataclasses import fields
from typing import Any, Literal, Union, get_args, get_origin, get_type_hints

from assessor_app.core.engine.actions import ACTION_TYPES
from assessor_app.core.engine.engine import STARTED
from assessor_app.core.engine.replay import action_from_event
from assessor_app.core.events import Event
from assessor_app.evidence.strict_json import (
    kind_of,
    need_field,
    need_int,
    need_list,
    need_object,
    need_str,
    only_fields,
    shown,
)

#: Where a bundle holds the assessment record (also importable from ``verify``).
RECORD_JSON = "data/record.json"
_EVENT_FIELDS = {"assessment_id": need_str, "seq": need_int, "kind": need_str, "payload": need_object,
                 "wall_us": need_int, "t_us": need_int, "prev_hash": need_str, "hash": need_str}
#: Action fields that an event's payload holds under another name (see ``action_from_event``).
_PAYLOAD_NAMES = {("measurement_recorded", "value"): "entered_value",
                  ("measurement_recorded", "unit"): "entered_unit"}


def read_events(record: dict[str, Any]) -> list[Event]:
    """The record's events, each field of the type an Event has; JsonError names the first that is not."""
    items = need_list(need_field(record, "events", RECORD_JSON), f"{RECORD_JSON}: events")
    events = []
    for i, item in enumerate(items):
        at = f"{RECORD_JSON}: events[{i}]"
        event = need_object(item, at)
        only_fields(event, set(_EVENT_FIELDS), at)
        values: dict[str, Any] = {name: check(need_field(event, name, at), f"{at}.{name}")
                                  for name, check in _EVENT_FIELDS.items()}
        events.append(Event(**values))
    return events


def _describe(hint: Any) -> str:
    if get_origin(hint) is Literal:
        return "one of " + ", ".join(repr(a) for a in get_args(hint))
    if get_origin(hint) in (Union, types.UnionType):
        return " or ".join(_describe(a) for a in get_args(hint))
    names = {str: "a string", int: "an integer", float: "a number", bool: "true or false",
             type(None): "null", dict: "an object", list: "a list"}
    return names.get(get_origin(hint) or hint, str(hint))


def _matches(value: Any, hint: Any) -> bool:
    """Whether a JSON value fits an action field's type (str, int, float, bool, None, Literal, dict)."""
    if hint is Any:
        return True
    origin = get_origin(hint)
    if origin is Literal:
        return any(type(value) is type(a) and value == a for a in get_args(hint))
    if origin in (Union, types.UnionType):
        return any(_matches(value, a) for a in get_args(hint))
    if hint is type(None):
        return value is None
    if hint is bool:
        return isinstance(value, bool)
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    if hint is float:
        return isinstance(value, (int, float)) and not isinstance(value, bool)
    if hint is str:
        return isinstance(value, str)
    if origin in (dict, list):
        return isinstance(value, origin)
    return False  # a type this check does not know: refused, so a new kind of field is noticed


def payload_problem(i: int, event: Event) -> str | None:
    """What in an event's payload the rules could not take (missing or wrongly typed), or None."""
    at = f"{RECORD_JSON}: events[{i}] ({shown(event.kind)})"
    p = event.payload
    if event.kind == STARTED:
        candidate = p.get("candidate")
        if not isinstance(candidate, dict) or "id" not in candidate:
            return f"{at} payload field 'candidate' must be an object with an id"
        vehicle = p.get("vehicle", {})
        voltage = vehicle.get("working_voltage_v") if isinstance(vehicle, dict) else None
        if not isinstance(vehicle, dict) or not _matches(voltage, float | None):
            return f"{at} payload field 'vehicle' must be an object whose working_voltage_v is a number"
        return None
    cls = ACTION_TYPES.get(event.kind)
    if cls is None:
        return None  # replay names an unknown kind
    try:
        action = action_from_event(event)
    except KeyError as exc:
        return f"{at} payload has no field {shown(str(exc.args[0]))}"
    hints = get_type_hints(cls)
    for f in fields(action):
        value = getattr(action, f.name)
        if not _matches(value, hints[f.name]):
            name = _PAYLOAD_NAMES.get((event.kind, f.name), f.name)
            return f"{at} payload field {name!r} must be {_describe(hints[f.name])}, not {kind_of(value)}"
    return None
