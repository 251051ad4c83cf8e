"""Bad input, said plainly: the core's problem codes (a VIN that is not one, a number that is not
finite or not plausible) in the trainer's language, and the parsing of a typed number with its unit.

Each message names the field; the widgets that show them recompute them from what is typed, so a
message stays until the field is fixed, whatever else is refreshed meanwhile.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from assessor_app.core import units
from assessor_app.core.plausibility import Span, ValueProblem, value_problem
from assessor_app.core.vin import VIN_LENGTH, CheckDigit, VinProblem


def _tr(text: str) -> str:
    return QCoreApplication.translate("bad_input", text)


def vin_text(problem: VinProblem) -> str:
    if problem.code == "empty":
        return _tr("VIN: empty, needs {n} characters").format(n=VIN_LENGTH)
    if problem.code == "length":
        return _tr("VIN: {length} characters, needs {n}").format(length=problem.length, n=VIN_LENGTH)
    if problem.code == "never_used":
        text = _tr("VIN: letter {char} at position {position} is not allowed (I, O, Q are never used)")
        return text.format(char=problem.character, position=problem.position)
    return _tr("VIN: '{char}' at position {position} is not allowed (only digits and the letters A-Z "
               "without I, O, Q)").format(char=problem.character, position=problem.position)


def check_digit_text(check: CheckDigit) -> str:
    if check.required:
        return _tr("VIN: check digit {found} does not match (the VIN gives {expected}): re-read the "
                   "plate").format(found=check.found, expected=check.expected)
    return _tr("VIN: check digit {found} does not match (the VIN gives {expected}): re-read the plate, "
               "unless this maker's VINs carry no check digit").format(found=check.found,
                                                                       expected=check.expected)


def value_text(problem: ValueProblem) -> str:
    if problem.code == "not_finite":
        return _tr("{field}: {value} is not a finite number").format(field=problem.name, value=problem.value)
    shown = f"{problem.value:g} {problem.unit}"
    bound = f"{problem.bound:g} {problem.unit}"
    if problem.limit == "instrument":
        text = (_tr("{field}: {value} is outside the instrument's range (at least {bound}): re-read the "
                    "display") if problem.code == "below" else
                _tr("{field}: {value} is outside the instrument's range (at most {bound}): re-read the "
                    "display"))
    else:
        text = (_tr("{field}: {value} is not plausible (at least {bound})") if problem.code == "below"
                else _tr("{field}: {value} is not plausible (at most {bound})"))
    return text.format(field=problem.name, value=shown, bound=bound)


def parse_quantity(text: str, default_unit: str) -> tuple[float, str] | None:
    """``400`` or ``400 V`` or ``0,8 kV`` -> (value, unit); None when it does not start with a number.
    The number may be infinite (``1e999``): the caller refuses it by name."""
    parts = text.strip().replace(",", ".").split(maxsplit=1)
    if not parts:
        return None
    try:
        value = float(parts[0])
    except ValueError:
        return None
    return value, (parts[1].strip() if len(parts) > 1 else default_unit)


def quantity_problem(name: str, text: str, unit: str, span: Span | None, limit: str = "plausible"
                     ) -> str | None:
    """What is wrong with ``text`` typed for a number in ``unit`` (with its unit, or in ``unit``), said
    with the field's ``name``; None when it is a finite number within ``span``, or nothing is typed."""
    if not text.strip():
        return None
    parsed = parse_quantity(text, unit)
    if parsed is None:
        return _tr("{field}: enter a number, e.g. 0.4 or 0.4 {unit}").format(field=name, unit=unit)
    value, typed_unit = parsed
    if not math.isfinite(value):  # said as typed: 1e999, not inf
        return _tr("{field}: {value} is not a finite number").format(field=name, value=text.split()[0])
    try:
        own = units.convert(value, typed_unit, unit)
    except units.UnitError:
        return _tr("{field}: {typed} is not a unit of this value (enter it in {unit})").format(
            field=name, typed=typed_unit, unit=unit)
    problem = value_problem(name, own, unit, span, "instrument" if limit == "instrument" else "plausible")
    return value_text(problem) if problem is not None else None
