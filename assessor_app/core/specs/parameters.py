"""Procedure parameter sets (``kind: parameter-set``) and their resolution for one vehicle."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

from assessor_app.core import units
from assessor_app.core.specs.models import SEMVER_PATTERN, Identifier
from assessor_app.core.specs.text import LocalizedText
from assessor_app.i18n import Message, Msg

#: UNECE R100 insulation resistance floor, ohms per volt of working voltage.
R100_OHM_PER_VOLT = {"dc": 100.0, "ac": 500.0}
#: The parameter the engine derives from working voltage when the parameter set gives none.
INSULATION_FLOOR = "insulation_floor"
#: The OEM's insulation test voltage and its tolerance give the accepted range's ends.
TEST_VOLTAGE, TEST_VOLTAGE_TOLERANCE = "insulation_test_voltage", "insulation_test_voltage_tolerance"
DERIVED_NAMES = (INSULATION_FLOOR, f"{TEST_VOLTAGE}_min", f"{TEST_VOLTAGE}_max")

# ----------------------------------------------------------------- messages
# how a parameter was derived, for the record
RAISED_TO_R100 = Message(
    "parameters.raised_to_r100",
    "OEM value {oem} Ω is below the UNECE R100 floor; raised to {per_volt} Ω/V x {voltage} V = {floor} Ω")
R100_FLOOR = Message("parameters.r100_floor",
                     "UNECE R100 floor: {per_volt} Ω/V x {voltage} V ({bus}) = {floor} Ω")
OEM_TEST_VOLTAGE = Message("parameters.oem_test_voltage", "OEM test voltage {nominal} V ± {tolerance} V")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Parameter(_Strict):
    value: float
    unit: str
    title: LocalizedText | None = None


class MeasuringPoint(_Strict):
    id: Identifier
    label: LocalizedText


class OemSource(_Strict):
    make: str
    model: str | None = None
    procedure: str
    procedure_version: str


class StepOrder(_Strict):
    """This OEM's order for one step: the steps that must come before it, replacing the checklist's."""

    after: list[Identifier]


class ParameterSet(_Strict):
    kind: Literal["parameter-set"]
    id: Identifier
    version: Annotated[str, Field(pattern=SEMVER_PATTERN)]
    title: LocalizedText
    source: Literal["generic", "oem"]
    oem: OemSource | None = None
    working_voltage: Parameter
    bus: Literal["dc", "ac"] = "dc"
    parameters: dict[Identifier, Parameter] = Field(default_factory=dict)
    measuring_points: list[MeasuringPoint] = Field(default_factory=list)
    step_order: dict[Identifier, dict[Identifier, StepOrder]] = Field(
        default_factory=dict,
        description="Where this OEM's procedure orders a checklist's steps differently (e.g. an "
        "electronic confirmation that needs 12 V on): checklist id -> step id -> the steps that must "
        "come first, replacing that step's 'after'.")


@dataclass(frozen=True)
class ResolvedParameters:
    """Parameter values for one assessment, each in its own unit, floor derived where needed."""

    values: dict[str, tuple[float, str]]
    working_voltage_v: float
    derived: dict[str, Msg]  # name -> how it was derived, for the record
    #: checklist id -> step -> the steps that must come before it (this OEM's order)
    step_order: dict[str, dict[str, tuple[str, ...]]] = field(default_factory=dict)
    generic: bool = False  # generic values, not OEM data

    def get(self, name: str, unit: str) -> float:
        value, own_unit = self.values[name]
        return units.convert(value, own_unit, unit)

    def after(self, checklist: str, step: str, default: list[str]) -> list[str]:
        """The steps that must come before ``step``: this OEM's order where it gives one."""
        order = self.step_order.get(checklist, {}).get(step)
        return list(order) if order is not None else default


def resolve(params: ParameterSet, working_voltage_v: float | None = None) -> ResolvedParameters:
    """Resolve a parameter set for a vehicle, deriving the insulation floor (UNECE R100).

    The floor is never below R100: an OEM value lower than the regulation is raised to it.
    """
    wv = (
        working_voltage_v
        if working_voltage_v is not None
        else units.convert(params.working_voltage.value, params.working_voltage.unit, "V")
    )
    values = {name: (p.value, p.unit) for name, p in params.parameters.items()}
    derived: dict[str, Msg] = {}
    r100 = R100_OHM_PER_VOLT[params.bus] * wv
    if INSULATION_FLOOR in values:
        oem_ohm = units.convert(*values[INSULATION_FLOOR], "Ω")
        if oem_ohm < r100:
            values[INSULATION_FLOOR] = (r100, "Ω")
            derived[INSULATION_FLOOR] = RAISED_TO_R100(
                oem=round(oem_ohm), per_volt=round(R100_OHM_PER_VOLT[params.bus]), voltage=round(wv),
                floor=round(r100))
    else:
        values[INSULATION_FLOOR] = (r100, "Ω")
        derived[INSULATION_FLOOR] = R100_FLOOR(per_volt=round(R100_OHM_PER_VOLT[params.bus]),
                                               voltage=round(wv), bus=params.bus.upper(), floor=round(r100))
    if TEST_VOLTAGE in values and TEST_VOLTAGE_TOLERANCE in values:
        nominal = units.convert(*values[TEST_VOLTAGE], "V")
        tolerance = units.convert(*values[TEST_VOLTAGE_TOLERANCE], "V")
        values[f"{TEST_VOLTAGE}_min"] = (nominal - tolerance, "V")
        values[f"{TEST_VOLTAGE}_max"] = (nominal + tolerance, "V")
        derived[f"{TEST_VOLTAGE}_min"] = derived[f"{TEST_VOLTAGE}_max"] = OEM_TEST_VOLTAGE(
            nominal=nominal, tolerance=tolerance)
    order = {checklist: {step: tuple(o.after) for step, o in steps.items()}
             for checklist, steps in params.step_order.items()}
    return ResolvedParameters(values=values, working_voltage_v=wv, derived=derived, step_order=order,
                              generic=params.source == "generic")
