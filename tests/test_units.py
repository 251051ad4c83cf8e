"""Units: conversion between compatible units, refusal between incompatible or unknown ones."""

from __future__ import annotations

import pytest

from assessor_app.core import units
from assessor_app.core.units import UnitError


@pytest.mark.parametrize(
    ("value", "source", "target", "expected"),
    [
        (2.0, "MΩ", "kΩ", 2000.0),
        (2.0, "MOhm", "kohm", 2000.0),  # ASCII spellings of the same units
        (10.0, "min", "s", 600.0),
        (250.0, "mV", "V", 0.25),
        (20.0, "°C", "K", 293.15),
        (0.0, "K", "degC", -273.15),
    ],
)
def test_converts_between_units_of_one_quantity(value, source, target, expected):
    assert units.convert(value, source, target) == pytest.approx(expected)


def test_round_trip_keeps_the_value():
    assert units.convert(units.convert(1.5, "MΩ", "Ω"), "Ω", "MΩ") == pytest.approx(1.5)


def test_refuses_volts_to_ohms_naming_both_units():
    with pytest.raises(UnitError) as caught:
        units.convert(1.0, "V", "Ω")
    message = str(caught.value)
    assert "V (voltage)" in message
    assert "Ω (resistance)" in message


def test_unknown_unit_is_named():
    assert not units.is_unit("Mohms")
    with pytest.raises(UnitError, match="unknown unit 'Mohms'"):
        units.parse_unit("Mohms")
    with pytest.raises(UnitError, match="unknown unit 'volts'"):
        units.convert(1.0, "volts", "V")


def test_quantity_of_a_unit():
    assert units.quantity_of("kΩ") == "resistance"
    assert units.quantity_of("min") == "time"
    assert "MΩ" in units.known_units()
