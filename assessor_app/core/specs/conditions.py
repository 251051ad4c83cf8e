"""Signal conditions a checklist step can have checked on the vehicle's live CAN signals.

The core knows their names, how to say them and which assessment parameter a condition is
judged against (``LIMITS``); the device layer evaluates them on the vehicle's signals
(``NAMED_CONDITIONS`` in devices/can/signals.py, kept to the same names and parameters by a test).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from assessor_app.core.specs.text import LocalizedText

ConditionName = Literal[
    "contactors_open", "contactors_closed", "service_plug_pulled", "hv_bus_below_60v", "hv_bus_dead",
    "isolation_ok",
]


@dataclass(frozen=True)
class ConditionWording:
    title: LocalizedText  # what holds, e.g. "HV contactors open"
    not_met: LocalizedText  # the refusal, e.g. "HV contactors are not open"


@dataclass(frozen=True)
class ConditionLimit:
    """A condition judged against an assessment parameter: the vehicle's value ``op`` the parameter.

    The step's typed readings whose range is bounded by the same parameter are cross-checked
    against the vehicle's value: one side inside the limit and the other outside is a contradiction.
    """

    param: str  # e.g. dead_voltage_max
    op: Literal["<=", ">="]
    unit: str  # the unit the vehicle's value and the parameter are compared in
    within: str = "dead"  # what a value that holds says, in the record
    beyond: str = "live"

    def holds(self, value: float, limit: float) -> bool:
        return value <= limit if self.op == "<=" else value >= limit

    def contradiction(self, limit: float, readings: Mapping[str, float], signal: str,
                      value: float) -> dict[str, Any] | None:
        """Both sides of a disagreement, or None: the typed readings (all within the limit, or not)
        against the vehicle's own value. No readings yet: nothing to contradict."""
        if not readings:
            return None
        readings_hold = all(self.holds(v, limit) for v in readings.values())
        vehicle_holds = self.holds(value, limit)
        if readings_hold == vehicle_holds:
            return None
        return {
            "readings": dict(readings), "readings_say": self.within if readings_hold else self.beyond,
            "vehicle": {"signal": signal, "value": value},
            "vehicle_says": self.within if vehicle_holds else self.beyond,
            "unit": self.unit, "limit": {"param": self.param, "value": limit},
        }


#: Conditions whose threshold is an assessment parameter, never a constant.
LIMITS: dict[str, ConditionLimit] = {
    "hv_bus_dead": ConditionLimit("dead_voltage_max", "<=", "V"),
}


def _text(**by_language: str) -> LocalizedText:
    return LocalizedText(by_language)


def condition_title(name: str, language: str) -> str:
    """A condition as a person reads it ("HV contactors open"); unknown names as they are."""
    wording = CONDITIONS.get(name)
    return wording.title.get_text(language) if wording else name


CONDITIONS: dict[str, ConditionWording] = {
    "contactors_open": ConditionWording(
        _text(en="HV contactors open", fi="HV-kontaktorit auki", sv="HV-kontaktorerna öppna",
              es="Contactores de alta tensión abiertos", pt="Contactores de alta tensão abertos"),
        _text(en="HV contactors are not open", fi="HV-kontaktorit eivät ole auki",
              sv="HV-kontaktorerna är inte öppna",
              es="Los contactores de alta tensión no están abiertos",
              pt="Os contactores de alta tensão não estão abertos"),
    ),
    "contactors_closed": ConditionWording(
        _text(en="HV contactors closed", fi="HV-kontaktorit kiinni", sv="HV-kontaktorerna slutna",
              es="Contactores de alta tensión cerrados", pt="Contactores de alta tensão fechados"),
        _text(en="HV contactors are not closed", fi="HV-kontaktorit eivät ole kiinni",
              sv="HV-kontaktorerna är inte slutna",
              es="Los contactores de alta tensión no están cerrados",
              pt="Os contactores de alta tensão não estão fechados"),
    ),
    "service_plug_pulled": ConditionWording(
        _text(en="Service plug removed", fi="Huoltokatkaisin irrotettu", sv="Servicebrytaren borttagen",
              es="Conector de servicio retirado", pt="Ficha de serviço retirada"),
        _text(en="The service plug is not removed", fi="Huoltokatkaisinta ei ole irrotettu",
              sv="Servicebrytaren är inte borttagen", es="El conector de servicio no está retirado",
              pt="A ficha de serviço não está retirada"),
    ),
    # The 60 V touch threshold: no dead test (hv_bus_dead is). Kept so checklists up to 1.1.0 load
    # and their assessments replay.
    "hv_bus_below_60v": ConditionWording(
        _text(en="HV bus below 60 V", fi="HV-väylän jännite alle 60 V", sv="HV-bussen under 60 V",
              es="Bus de alta tensión por debajo de 60 V",
              pt="Barramento de alta tensão abaixo de 60 V"),
        _text(en="The HV bus is not below 60 V", fi="HV-väylän jännite ei ole alle 60 V",
              sv="HV-bussen är inte under 60 V", es="El bus de alta tensión no está por debajo de 60 V",
              pt="O barramento de alta tensão não está abaixo de 60 V"),
    ),
    "hv_bus_dead": ConditionWording(
        _text(en="HV bus dead (at or below the dead-voltage limit)",
              fi="HV-väylä jännitteetön (enintään jännitteettömyyden raja-arvo)",
              sv="HV-bussen spänningslös (högst gränsvärdet för spänningslöshet)",
              es="Bus de alta tensión sin tensión (igual o inferior al límite de ausencia de tensión)",
              pt="Barramento de alta tensão sem tensão (igual ou inferior ao limite de ausência de tensão)"),
        _text(en="The vehicle reports voltage on its HV bus above the dead-voltage limit",
              fi="Ajoneuvo ilmoittaa HV-väylän jännitteen ylittävän jännitteettömyyden raja-arvon",
              sv="Fordonet rapporterar en spänning på HV-bussen över gränsvärdet för spänningslöshet",
              es="El vehículo indica en su bus de alta tensión una tensión superior al límite de "
                 "ausencia de tensión",
              pt="O veículo indica no seu barramento de alta tensão uma tensão superior ao limite de "
                 "ausência de tensão"),
    ),
    "isolation_ok": ConditionWording(
        _text(en="HV insulation monitor reports no fault", fi="Eristysvalvonta ei ilmoita vikaa",
              sv="Isolationsövervakningen rapporterar inget fel",
              es="El monitor de aislamiento no indica fallo",
              pt="O monitor de isolamento não indica falha"),
        _text(en="The HV insulation monitor reports a fault or a low resistance",
              fi="Eristysvalvonta ilmoittaa viasta tai matalasta resistanssista",
              sv="Isolationsövervakningen rapporterar fel eller låg resistans",
              es="El monitor de aislamiento indica un fallo o una resistencia baja",
              pt="O monitor de isolamento indica uma falha ou uma resistência baixa"),
    ),
}
