"""Bad input, said plainly: the core's problems (a VIN that is not one, a number that is not finite or
not plausible) rendered from their messages in the window's language, and the parsing of a typed number
with its unit.

Each message names the field; the widgets that show them recompute them from what is typed, so a
message stays until the field is fixed, whatever else is refreshed meanwhile.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QCoreApplication

from assessor_app.core import units
from assessor_app.core.plausibility import Span, ValueProblem, value_problem
from assessor_app.core.vin import CheckDigit, VinProblem
from assessor_app.gui.translator import window_language
from assessor_app.i18n import render


def vin_text(problem: VinProblem) -> str:
    return render(problem.message, window_language())


def check_digit_text(check: CheckDigit) -> str:
    return render(check.message, window_language())


def value_text(problem: ValueProblem) -> str:
    return render(problem.message, window_language())


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
