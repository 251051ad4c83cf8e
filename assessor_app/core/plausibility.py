"""What a number typed on the shop floor can plausibly be, and how a value outside it is refused.

A reading, a step field's number or a vehicle's working voltage outside these limits is not
judged (in range or out of range): it is refused as mistyped, with the field's name and the
bound, and nothing is recorded. The limits are policy, kept here in one place:

- ``DEFAULT_PLAUSIBILITY`` is the policy default. Each assessment pins the policy it starts with
  in its first event (``to_payload``), so a record is always replayed with the limits it was
  recorded under and a later change of the default never turns an old record invalid. A caller
  may start an assessment with another policy (``AssessmentRecorder.start(plausibility=...)``).
- A checklist narrows the limits of one reading with its measurement's ``instrument_range``
  (what the instrument can show); without one, the policy's range for the unit's quantity applies.

Problems are codes with values (``ValueProblem``); ``message`` is what a person reads (rendered in
their language), ``str()`` its English.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from assessor_app.core import units
from assessor_app.i18n import Message, Msg

# ----------------------------------------------------------------- messages
WORKING_VOLTAGE = Message("plausibility.working_voltage", "Working voltage")
NOT_FINITE = Message("plausibility.not_finite", "{name}: {value} is not a finite number")
BELOW_INSTRUMENT = Message(
    "plausibility.below_instrument",
    "{name}: {value} {unit} is outside the instrument's range (at least {bound} {unit}): re-read the display")
ABOVE_INSTRUMENT = Message(
    "plausibility.above_instrument",
    "{name}: {value} {unit} is outside the instrument's range (at most {bound} {unit}): re-read the display")
BELOW = Message("plausibility.below", "{name}: {value} {unit} is not plausible (at least {bound} {unit})")
ABOVE = Message("plausibility.above", "{name}: {value} {unit} is not plausible (at most {bound} {unit})")
# a record's pinned policy that cannot be read
SPAN_SHAPE = Message("plausibility.span_shape", "{where} must be an object with min, max and unit")
SPAN_UNIT = Message("plausibility.span_unit", "{where}.unit is not a known unit")
SPAN_BOUND = Message("plausibility.span_bound", "{where}.{side} must be a finite number or null")
SPAN_ORDER = Message("plausibility.span_order", "{where}: min must be below max")
POLICY_SHAPE = Message("plausibility.policy_shape",
                       "{where} must be an object with working_voltage and quantities")
POLICY_VOLTAGE = Message("plausibility.policy_voltage", "{where}.working_voltage.unit is not a voltage")
POLICY_QUANTITIES = Message("plausibility.policy_quantities", "{where}.quantities must be an object")
POLICY_QUANTITY_UNIT = Message("plausibility.policy_quantity_unit",
                               "{where}.quantities.{quantity}: {unit} is not a {quantity}")


class PolicyError(ValueError):
    """A pinned plausibility policy that cannot be read; ``message`` says what is malformed."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Span:
    """The lowest and highest plausible value, in ``unit``; None: no limit on that side."""

    low: float | None
    high: float | None
    unit: str

    def to(self, unit: str) -> Span:
        """The same limits in another unit of the same quantity."""
        def one(v: float | None) -> float | None:
            return None if v is None else units.convert(v, self.unit, unit)
        return Span(one(self.low), one(self.high), unit)

    def to_payload(self) -> dict[str, Any]:
        return {"min": self.low, "max": self.high, "unit": self.unit}

    @classmethod
    def from_payload(cls, data: Any, where: str) -> Span:
        if not isinstance(data, dict) or set(data) != {"min", "max", "unit"}:
            raise PolicyError(SPAN_SHAPE(where=where))
        unit = data["unit"]
        if not isinstance(unit, str) or not units.is_unit(unit):
            raise PolicyError(SPAN_UNIT(where=where))
        bounds = []
        for side in ("min", "max"):
            v = data[side]
            bad = isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v)
            if v is not None and bad:
                raise PolicyError(SPAN_BOUND(where=where, side=side))
            bounds.append(None if v is None else float(v))
        low, high = bounds
        if low is not None and high is not None and low >= high:
            raise PolicyError(SPAN_ORDER(where=where))
        return cls(low, high, unit)


Limit = Literal["instrument", "plausible"]


@dataclass(frozen=True)
class ValueProblem:
    """Why a typed number cannot be recorded: not finite, or beyond a limit (``bound``, in ``unit``)."""

    code: Literal["not_finite", "below", "above"]
    name: Any  # the field's name: text, a checklist's text in its languages, or a message
    value: float
    unit: str
    bound: float | None = None
    limit: Limit = "plausible"  # the instrument's range, or what is plausible at all

    @property
    def message(self) -> Msg:
        if self.code == "not_finite":
            return NOT_FINITE(name=self.name, value=self.value)
        if self.limit == "instrument":
            said = BELOW_INSTRUMENT if self.code == "below" else ABOVE_INSTRUMENT
        else:
            said = BELOW if self.code == "below" else ABOVE
        return said(name=self.name, value=self.value, unit=self.unit, bound=self.bound)

    def __str__(self) -> str:
        return str(self.message)


def as_float(value: int | float) -> float:
    """A number as a float; a whole number too large for one becomes infinity (and is refused)."""
    try:
        return float(value)
    except OverflowError:
        return math.inf if value > 0 else -math.inf


def value_problem(name: Any, value: float, unit: str, span: Span | None,
                  limit: Limit = "plausible") -> ValueProblem | None:
    """Why ``value`` (in ``unit``) is not a number to record here: not finite, or outside ``span``."""
    if not math.isfinite(value):
        return ValueProblem("not_finite", name, value, unit, limit=limit)
    if span is None:
        return None
    own = span.to(unit)
    if own.low is not None and value < own.low:
        return ValueProblem("below", name, value, unit, own.low, limit)
    if own.high is not None and value > own.high:
        return ValueProblem("above", name, value, unit, own.high, limit)
    return None


def _span(low: float | None, high: float | None, unit: str) -> Span:
    return Span(low, high, unit)


#: Per quantity, what any workshop instrument can show: generous enough for every real reading
#: (insulation testers to 1 TΩ and 10 kV, clamp meters to 2000 A), tight enough that a slip of
#: the finger (1e13, 400000 for 400) is caught. Signed where a reading has a sign.
DEFAULT_QUANTITIES: dict[str, Span] = {
    "voltage": _span(-10_000, 10_000, "V"),
    "current": _span(-2_000, 2_000, "A"),
    "resistance": _span(0, 1e12, "Ω"),
    "power": _span(-1_000, 1_000, "kW"),
    "frequency": _span(0, 1e9, "Hz"),
    "time": _span(0, 1_000, "h"),
    "charge": _span(0, 10_000, "Ah"),
    "energy": _span(-1_000, 1_000, "kWh"),
    "torque": _span(-10_000, 10_000, "Nm"),
    "ratio": _span(-1_000, 1_000, "%"),
    "temperature": _span(-60, 1_200, "°C"),
    "pressure": _span(-1, 3_000, "bar"),
    "length": _span(-1_000, 1_000, "m"),
    "angle": _span(-360, 360, "°"),
    "speed": _span(-500, 500, "km/h"),
    "rotation": _span(-100_000, 100_000, "rpm"),
    "bitrate": _span(0, 10_000, "Mbit/s"),
    "count": _span(0, 1e9, "count"),
}


@dataclass(frozen=True)
class Plausibility:
    """The plausibility policy of one assessment."""

    #: A vehicle's working voltage, the highest in its HV system: from its 12 V system up to the
    #: top of voltage class B (1500 V DC, UNECE R100 / ISO 6469-3).
    working_voltage: Span = field(default_factory=lambda: _span(12, 1_500, "V"))
    quantities: Mapping[str, Span] = field(default_factory=lambda: dict(DEFAULT_QUANTITIES))

    def for_unit(self, unit: str) -> Span | None:
        """The plausible span of ``unit``'s quantity; None for a unit this policy does not limit."""
        if not units.is_unit(unit):
            return None
        return self.quantities.get(units.quantity_of(unit))

    def working_voltage_problem(self, value_v: float, name: Any = None) -> ValueProblem | None:
        return value_problem(WORKING_VOLTAGE() if name is None else name, as_float(value_v), "V",
                             self.working_voltage)

    def to_payload(self) -> dict[str, Any]:
        return {"working_voltage": self.working_voltage.to_payload(),
                "quantities": {q: s.to_payload() for q, s in sorted(self.quantities.items())}}

    @classmethod
    def from_payload(cls, data: Any) -> Plausibility:
        """The policy a record pinned; ValueError naming what is malformed."""
        where = "plausibility"
        if not isinstance(data, dict) or set(data) != {"working_voltage", "quantities"}:
            raise PolicyError(POLICY_SHAPE(where=where))
        wv = Span.from_payload(data["working_voltage"], f"{where}.working_voltage")
        if units.quantity_of(wv.unit) != "voltage":
            raise PolicyError(POLICY_VOLTAGE(where=where))
        raw = data["quantities"]
        if not isinstance(raw, dict):
            raise PolicyError(POLICY_QUANTITIES(where=where))
        quantities = {}
        for q, span in raw.items():
            s = Span.from_payload(span, f"{where}.quantities.{str(q)[:20]}")
            if units.quantity_of(s.unit) != q:
                raise PolicyError(POLICY_QUANTITY_UNIT(where=where, quantity=str(q)[:20], unit=s.unit))
            quantities[q] = s
        return cls(wv, quantities)


DEFAULT_PLAUSIBILITY = Plausibility()
