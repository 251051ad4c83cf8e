"""Signal conditions a checklist step can have checked on the vehicle's live CAN signals.

The core knows their names and how to say them; the device layer evaluates them
(``NAMED_CONDITIONS`` in devices/can/signals.py, kept to the same names by a test).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from assessor_app.core.specs.text import LocalizedText

ConditionName = Literal[
    "contactors_open", "contactors_closed", "service_plug_pulled", "hv_bus_below_60v", "isolation_ok",
]


@dataclass(frozen=True)
class ConditionWording:
    title: LocalizedText  # what holds, e.g. "HV contactors open"
    not_met: LocalizedText  # the refusal, e.g. "HV contactors are not open"


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
    "hv_bus_below_60v": ConditionWording(
        _text(en="HV bus below 60 V", fi="HV-väylän jännite alle 60 V", sv="HV-bussen under 60 V",
              es="Bus de alta tensión por debajo de 60 V",
              pt="Barramento de alta tensão abaixo de 60 V"),
        _text(en="The HV bus is not below 60 V", fi="HV-väylän jännite ei ole alle 60 V",
              sv="HV-bussen är inte under 60 V", es="El bus de alta tensión no está por debajo de 60 V",
              pt="O barramento de alta tensão não está abaixo de 60 V"),
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
