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


def vin_text(problem: VinProblem) -> str:
    if problem.code == "empty":
        return QCoreApplication.translate(
            "bad_input", "VIN: empty, needs {n} characters").format(n=VIN_LENGTH)
    if problem.code == "length":
        return QCoreApplication.translate(
            "bad_input", "VIN: {length} characters, needs {n}").format(length=problem.length, n=VIN_LENGTH)
    if problem.code == "never_used":
        return QCoreApplication.translate(
            "bad_input", "VIN: letter {char} at position {position} is not allowed (I, O, Q are never used)"
        ).format(char=problem.character, position=problem.position)
    return QCoreApplication.translate(
        "bad_input", "VIN: '{char}' at position {position} is not allowed (only digits and the letters A-Z "
        "without I, O, Q)").format(char=problem.character, position=problem.position)


def check_digit_text(check: CheckDigit) -> str:
    if check.required:
        text = QCoreApplication.translate(
            "bad_input", "VIN: check digit {found} does not match (the VIN gives {expected}): re-read the "
            "plate")
    else:
        text = QCoreApplication.translate(
            "bad_input", "VIN: check digit {found} does not match (the VIN gives {expected}): re-read the "
            "plate, unless this maker's VINs carry no check digit")
    return text.format(found=check.found, expected=check.expected)


def value_text(problem: ValueProblem) -> str:
    if problem.code == "not_finite":
        return QCoreApplication.translate(
            "bad_input", "{field}: {value} is not a finite number").format(
            field=problem.name, value=problem.value)
    if problem.limit == "instrument" and problem.code == "below":
        text = QCoreApplication.translate(
            "bad_input", "{field}: {value} is outside the instrument's range (at least {bound}): re-read the "
            "display")
    elif problem.limit == "instrument":
        text = QCoreApplication.translate(
            "bad_input", "{field}: {value} is outside the instrument's range (at most {bound}): re-read the "
            "display")
    elif problem.code == "below":
        text = QCoreApplication.translate("bad_input", "{field}: {value} is not plausible (at least {bound})")
    else:
        text = QCoreApplication.translate("bad_input", "{field}: {value} is not plausible (at most {bound})")
    return text.format(field=problem.name, value=f"{problem.value:g} {problem.unit}",
                       bound=f"{problem.bound:g} {problem.unit}")


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
        return QCoreApplication.translate(
            "bad_input", "{field}: enter a number, e.g. 0.4 or 0.4 {unit}").format(field=name, unit=unit)
    value, typed_unit = parsed
    if not math.isfinite(value):  # said as typed: 1e999, not inf
        return QCoreApplication.translate(
            "bad_input", "{field}: {value} is not a finite number").format(field=name, value=text.split()[0])
    try:
        own = units.convert(value, typed_unit, unit)
    except units.UnitError:
        return QCoreApplication.translate(
            "bad_input", "{field}: {typed} is not a unit of this value (enter it in {unit})").format(
            field=name, typed=typed_unit, unit=unit)
    problem = value_problem(name, own, unit, span, "instrument" if limit == "instrument" else "plausible")
    return value_text(problem) if problem is not None else None
