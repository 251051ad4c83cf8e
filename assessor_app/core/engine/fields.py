"""Structured step data: each value checked against its field's type, then against its checks.

The limits come from the checklist (an option's rating) and the parameter set (intervals), and
the vehicle's working voltage; the assessment date is the wall-clock date of the action, derived
from the assessment's own timeline so that a replay gives the same verdict.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assessor_app.core.plausibility import Plausibility, as_float, value_problem
from assessor_app.core.specs.models import Amount, FieldBound, ParamRef, StepField, WorkingVoltage
from assessor_app.core.specs.parameters import ResolvedParameters
from assessor_app.core.units import UnitError, convert

MAX_TEXT = 500


class FieldValueError(ValueError):
    """A value is not of its field's type; the message says what was expected."""


def parse(field: StepField, value: Any, language: str = "en", *,
          plausibility: Plausibility | None = None) -> Any:
    """The value in its canonical JSON form, or FieldValueError naming the field.

    A number must be finite and, under a ``plausibility`` policy, plausible for its unit."""
    label = field.label.get_text(language)
    if field.type == "text":
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
            raise FieldValueError(f"{label}: write 1-{MAX_TEXT} characters")
        return value.strip()
    if field.type == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FieldValueError(f"{label}: a number is expected")
        span = plausibility.for_unit(field.unit or "") if plausibility is not None else None
        number = as_float(value)
        problem = value_problem(label, number, field.unit or "", span)
        if problem is not None:
            raise FieldValueError(str(problem))
        return number
    if field.type == "boolean":
        if not isinstance(value, bool):
            raise FieldValueError(f"{label}: yes or no is expected")
        return value
    if field.type == "date":
        try:
            return dt.date.fromisoformat(value).isoformat() if isinstance(value, str) else _bad_date(label)
        except ValueError:
            return _bad_date(label)
    options = [o.value for o in field.options]
    if value not in options:
        raise FieldValueError(f"{label}: choose one of {', '.join(options)}")
    return value


def _bad_date(label: str) -> Any:
    raise FieldValueError(f"{label}: a date as YYYY-MM-DD is expected")


def _bound(bound: FieldBound, unit: str, params: ResolvedParameters) -> tuple[float, str]:
    """A check's limit in the field's unit, and how to say it."""
    if isinstance(bound, WorkingVoltage):
        return convert(params.working_voltage_v, "V", unit), "the vehicle's working voltage"
    if isinstance(bound, ParamRef):
        return params.get(bound.param, unit), bound.param
    if isinstance(bound, Amount):
        return convert(bound.value, bound.unit, unit), f"{bound.value:g} {bound.unit}"
    return float(bound), f"{float(bound):g} {unit}"


def check(field: StepField, value: Any, params: ResolvedParameters, today: dt.date,
          language: str = "en") -> tuple[bool, str]:
    """Whether ``value`` (parsed) passes every check of ``field``; the first failure's reason."""
    label = field.label.get_text(language)
    for c in field.checks:
        about = c.label.get_text(language) if c.label else label
        if c.at_least is not None or c.at_most is not None:
            unit = field.unit or ""
            bound = c.at_least if c.at_least is not None else c.at_most
            assert bound is not None
            try:
                limit, said = _bound(bound, unit, params)
            except (UnitError, KeyError) as exc:
                return False, f"{about}: its limit cannot be read ({exc})"
            if c.at_least is not None and value < limit:
                return False, f"{about}: {value:g} {unit} is below {said} ({limit:g} {unit})"
            if c.at_most is not None and value > limit:
                return False, f"{about}: {value:g} {unit} is above {said} ({limit:g} {unit})"
        elif c.rated_at_least_working_voltage:
            option = next(o for o in field.options if o.value == value)
            assert option.rated_voltage is not None
            rated = convert(option.rated_voltage.value, option.rated_voltage.unit, "V")
            if rated < params.working_voltage_v:
                return False, (f"{about}: {option.label.get_text(language)} is rated {rated:g} V, below the "
                               f"vehicle's working voltage of {params.working_voltage_v:g} V")
        elif c.not_older_than is not None:
            if isinstance(c.not_older_than, ParamRef):
                days = params.get(c.not_older_than.param, "d")
            else:
                days = convert(c.not_older_than.value, c.not_older_than.unit, "d")
            age = (today - dt.date.fromisoformat(value)).days
            if age < 0:
                return False, f"{about}: {value} is after the assessment date {today.isoformat()}"
            if age > days:
                return False, f"{about}: {value} is {age} days before the assessment, more than {days:g} days"
        elif c.not_past:
            if dt.date.fromisoformat(value) < today:
                return False, f"{about}: {value} has passed (the assessment is on {today.isoformat()})"
        elif c.must_be is not None and value is not c.must_be:
            return False, f"{about}: must be {'yes' if c.must_be else 'no'}"
    return True, ""
