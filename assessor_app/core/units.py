"""Units a workshop measures in, with conversion between compatible ones.

A closed vocabulary on purpose: a checklist author who types ``Mohm`` or ``kV DC`` gets a
clear error naming the unit rather than a silently accepted guess.
"""

from __future__ import annotations

from dataclasses import dataclass

from assessor_app.core.terms import term
from assessor_app.i18n import Message, Msg

# ----------------------------------------------------------------- messages
UNKNOWN_UNIT = Message("units.unknown", "unknown unit {unit}")
CANNOT_CONVERT = Message("units.cannot_convert",
                         "cannot convert {unit} ({quantity}) to {target} ({target_quantity})")


class UnitError(ValueError):
    """A unit is unknown, or two units measure different quantities; ``message`` says which
    (``str()`` is its English)."""

    def __init__(self, message: Msg) -> None:
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class Unit:
    symbol: str
    quantity: str
    factor: float  # multiply by this to reach the quantity's base unit
    offset: float = 0.0  # added after the factor (temperatures)


_PREFIXES = {"G": 1e9, "M": 1e6, "k": 1e3, "": 1.0, "m": 1e-3, "µ": 1e-6, "u": 1e-6}

_UNITS: dict[str, Unit] = {}


def _add(symbol: str, quantity: str, factor: float, offset: float = 0.0, *aliases: str) -> None:
    unit = Unit(symbol, quantity, factor, offset)
    for name in (symbol, *aliases):
        _UNITS[name] = unit


for _p, _f in _PREFIXES.items():
    if _p != "u":
        _add(f"{_p}V", "voltage", _f)
        _add(f"{_p}A", "current", _f)
        _add(f"{_p}Ω", "resistance", _f, 0.0, f"{_p}Ohm", f"{_p}ohm")
        _add(f"{_p}W", "power", _f)
        _add(f"{_p}Hz", "frequency", _f)
# µ has an ASCII spelling too
for _base in ("V", "A", "W"):
    _UNITS[f"u{_base}"] = _UNITS[f"µ{_base}"]
_UNITS["uOhm"] = _UNITS["µΩ"]

_add("s", "time", 1.0)
_add("ms", "time", 1e-3)
_add("min", "time", 60.0)
_add("h", "time", 3600.0)
_add("d", "time", 86400.0)
_add("Ah", "charge", 3600.0)
_add("kWh", "energy", 3.6e6)
_add("Nm", "torque", 1.0, 0.0, "N·m")
_add("%", "ratio", 0.01)
_add("°C", "temperature", 1.0, 0.0, "degC")
_add("K", "temperature", 1.0, -273.15)
_add("bar", "pressure", 1e5)
_add("kPa", "pressure", 1e3)
_add("psi", "pressure", 6894.757)
_add("mm", "length", 1e-3)
_add("cm", "length", 1e-2)
_add("m", "length", 1.0)
_add("°", "angle", 1.0, 0.0, "deg")
_add("km/h", "speed", 1 / 3.6)
_add("rpm", "rotation", 1.0)
_add("bit/s", "bitrate", 1.0)
_add("kbit/s", "bitrate", 1e3)
_add("Mbit/s", "bitrate", 1e6)
_add("count", "count", 1.0)


def parse_unit(symbol: str) -> Unit:
    """Return the unit for ``symbol`` or raise UnitError naming it."""
    try:
        return _UNITS[symbol.strip()]
    except KeyError:
        raise UnitError(UNKNOWN_UNIT(unit=repr(symbol))) from None


def is_unit(symbol: str) -> bool:
    return symbol.strip() in _UNITS


def quantity_of(symbol: str) -> str:
    return parse_unit(symbol).quantity


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert ``value`` between two units of the same quantity."""
    src, dst = parse_unit(from_unit), parse_unit(to_unit)
    if src.quantity != dst.quantity:
        raise UnitError(CANNOT_CONVERT(unit=from_unit, quantity=term(src.quantity) or src.quantity,
                                       target=to_unit, target_quantity=term(dst.quantity) or dst.quantity))
    base = value * src.factor + src.offset
    return (base - dst.offset) / dst.factor


def known_units() -> list[str]:
    return sorted(_UNITS)


def format_quantity(value: float, unit: str) -> str:
    """A short human reading such as ``0.42 V`` or ``1.2 MΩ``."""
    text = f"{value:.4g}"
    return f"{text} {unit}" if unit != "%" else f"{text} %"
