"""Structured step data: each value checked against its field's type, then against its checks.

The limits come from the checklist (an option's rating) and the parameter set (intervals), and
the vehicle's working voltage; the assessment date is the wall-clock date of the action, derived
from the assessment's own timeline so that a replay gives the same verdict.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assessor_app.core.engine import messages as m_
from assessor_app.core.plausibility import Plausibility, as_float, value_problem
from assessor_app.core.specs.models import Amount, FieldBound, ParamRef, StepField, WorkingVoltage
from assessor_app.core.specs.parameters import ResolvedParameters
from assessor_app.core.units import UnitError, convert
from assessor_app.i18n import Msg

MAX_TEXT = 500


class FieldValueError(ValueError):
    """A value is not of its field's type; ``message`` says what was expected, naming the field
    (``str()`` is its English, for logs)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message


def parse(field: StepField, value: Any, language: str = "en", *,
          plausibility: Plausibility | None = None) -> Any:
    """The value in its canonical JSON form, or FieldValueError naming the field.

    A number must be finite and, under a ``plausibility`` policy, plausible for its unit."""
    label = field.label
    if field.type == "text":
        if not isinstance(value, str) or not value.strip() or len(value) > MAX_TEXT:
            raise FieldValueError(m_.FIELD_TEXT(label=label, most=MAX_TEXT))
        return value.strip()
    if field.type == "number":
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise FieldValueError(m_.FIELD_NUMBER(label=label))
        span = plausibility.for_unit(field.unit or "") if plausibility is not None else None
        number = as_float(value)
        problem = value_problem(label, number, field.unit or "", span)
        if problem is not None:
            raise FieldValueError(problem.message)
        return number
    if field.type == "boolean":
        if not isinstance(value, bool):
            raise FieldValueError(m_.FIELD_BOOLEAN(label=label))
        return value
    if field.type == "date":
        try:
            return dt.date.fromisoformat(value).isoformat() if isinstance(value, str) else _bad_date(field)
        except ValueError:
            return _bad_date(field)
    options = [o.value for o in field.options]
    if value not in options:
        # the options' own values (what a caller sends), as a caller wrote them
        raise FieldValueError(m_.FIELD_CHOICE(label=label, options=", ".join(options)))
    return value


def _bad_date(field: StepField) -> Any:
    raise FieldValueError(m_.FIELD_DATE(label=field.label))


def _bound(bound: FieldBound, unit: str, params: ResolvedParameters) -> tuple[float, Msg | str]:
    """A check's limit in the field's unit, and how to say it."""
    if isinstance(bound, WorkingVoltage):
        return convert(params.working_voltage_v, "V", unit), m_.WORKING_VOLTAGE_BOUND()
    if isinstance(bound, ParamRef):
        return params.get(bound.param, unit), bound.param
    if isinstance(bound, Amount):
        return convert(bound.value, bound.unit, unit), m_.QUANTITY(value=bound.value, unit=bound.unit)
    return float(bound), m_.QUANTITY(value=float(bound), unit=unit)


def check(field: StepField, value: Any, params: ResolvedParameters, today: dt.date,
          language: str = "en") -> Msg | None:
    """Why ``value`` (parsed) fails a check of ``field`` (the first that fails); None when it passes."""
    for c in field.checks:
        about = c.label if c.label else field.label
        if c.at_least is not None or c.at_most is not None:
            unit = field.unit or ""
            bound = c.at_least if c.at_least is not None else c.at_most
            assert bound is not None
            try:
                limit, said = _bound(bound, unit, params)
            except UnitError as exc:
                return m_.CHECK_LIMIT_UNREADABLE(about=about, problem=exc.message)
            except KeyError as exc:  # a parameter the set does not have
                return m_.CHECK_LIMIT_UNREADABLE(about=about, problem=str(exc))
            if c.at_least is not None and value < limit:
                return m_.CHECK_BELOW(about=about, value=value, unit=unit, bound=said, limit=limit)
            if c.at_most is not None and value > limit:
                return m_.CHECK_ABOVE(about=about, value=value, unit=unit, bound=said, limit=limit)
        elif c.rated_at_least_working_voltage:
            option = next(o for o in field.options if o.value == value)
            assert option.rated_voltage is not None
            rated = convert(option.rated_voltage.value, option.rated_voltage.unit, "V")
            if rated < params.working_voltage_v:
                return m_.CHECK_RATED_BELOW(about=about, option=option.label, rated=rated,
                                            working_voltage=params.working_voltage_v)
        elif c.not_older_than is not None:
            if isinstance(c.not_older_than, ParamRef):
                days = params.get(c.not_older_than.param, "d")
            else:
                days = convert(c.not_older_than.value, c.not_older_than.unit, "d")
            age = (today - dt.date.fromisoformat(value)).days
            if age < 0:
                return m_.CHECK_DATE_AFTER(about=about, value=value, today=today.isoformat())
            if age > days:
                return m_.CHECK_TOO_OLD(about=about, value=value, age=age, days=days)
        elif c.not_past:
            if dt.date.fromisoformat(value) < today:
                return m_.CHECK_DATE_PASSED(about=about, value=value, today=today.isoformat())
        elif c.must_be is not None and value is not c.must_be:
            return m_.CHECK_MUST_BE_YES(about=about) if c.must_be else m_.CHECK_MUST_BE_NO(about=about)
    return None
