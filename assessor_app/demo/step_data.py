"""What the demo's trainer records in a step's fields: plausible workshop values that pass their checks.

Each value is chosen from the field's own declaration (its type, options and checks) and the
assessment's parameters, so the demo follows any checklist; a few well-known fields get the text
a trainer would type.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from assessor_app.core.engine import AssessmentEngine
from assessor_app.core.specs.models import Amount, ParamRef, Step, StepField, WorkingVoltage
from assessor_app.core.units import convert
from assessor_app.demo.messages import FIELD_TEXT, FIELD_TEXTS
from assessor_app.i18n import render

DEMO_INSTRUMENT = ("FLUKE-1587-DEMO", "1000 V DC")
#: identifiers the trainer copies from a label or a screen: the same in every language
IDENTIFIERS = {
    "instrument_id": DEMO_INSTRUMENT[0],
    "scan_tool_software": "4.2.1",
    "target_part_number": "TGT-0000-DEMO",
    "adapter": "virtual ev-sim",
}
JUDGEMENT_FIRST = ("within", "none", "ok", "sound", "normal", "release", "two_ends")


def _number(field: StepField, engine: AssessmentEngine) -> float:
    unit = field.unit or ""
    floor = 1.0
    for check in field.checks:
        bound = check.at_least
        if isinstance(bound, WorkingVoltage):
            floor = max(floor, convert(engine.params.working_voltage_v, "V", unit))
        elif isinstance(bound, ParamRef):
            floor = max(floor, engine.params.get(bound.param, unit))
        elif isinstance(bound, Amount):
            floor = max(floor, convert(bound.value, bound.unit, unit))
        elif isinstance(bound, float | int):
            floor = max(floor, float(bound))
    if field.id == "working_voltage_identified":
        return engine.params.working_voltage_v
    return float(round(floor * 1.25, 1)) if floor > 1.0 else 1.0


def demo_value(field: StepField, engine: AssessmentEngine, today: dt.date, language: str = "en") -> Any:
    """A value a careful candidate would have, which passes every check of ``field``; a text is
    typed in ``language``."""
    if field.type == "boolean":
        return next((c.must_be for c in field.checks if c.must_be is not None), True)
    if field.type == "date":
        if any(c.not_past for c in field.checks):
            return (today + dt.timedelta(days=240)).isoformat()
        return (today - dt.timedelta(days=40)).isoformat()
    if field.type == "choice":
        if any(c.rated_at_least_working_voltage for c in field.checks):
            return next(o.value for o in field.options if o.rated_voltage is not None and convert(
                o.rated_voltage.value, o.rated_voltage.unit, "V") >= engine.params.working_voltage_v)
        preferred = [o.value for o in field.options if o.value in JUDGEMENT_FIRST or o.value == "CAT-III"]
        return preferred[0] if preferred else field.options[0].value
    if field.type == "number":
        return _number(field, engine)
    if field.id in IDENTIFIERS:
        return IDENTIFIERS[field.id]
    return render(FIELD_TEXTS.get(field.id, FIELD_TEXT)(), language)


def demo_values(step: Step, engine: AssessmentEngine, today: dt.date, language: str = "en") -> dict[str, Any]:
    return {f.id: demo_value(f, engine, today, language) for f in step.fields}
