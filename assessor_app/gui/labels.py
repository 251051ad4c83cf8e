"""Workshop words for the engine's codes (outcome, status, risk, gateway, evidence, people, identity
checks, interventions), translated.

The engine and store speak in stable codes (``not_yet_competent``); people read these.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def _labels() -> dict[str, str]:
    return {
        "competent": QCoreApplication.translate("labels", "competent"),
        "not_yet_competent": QCoreApplication.translate("labels", "not yet competent"),
        "incomplete": QCoreApplication.translate("labels", "incomplete"),
        "abandoned": QCoreApplication.translate("labels", "abandoned"),
        "stopped_safely": QCoreApplication.translate("labels", "stopped safely"),
        "hazard": QCoreApplication.translate("labels", "hazard found, correctly stopped"),
        "pending": QCoreApplication.translate("labels", "not done"),
        "allowed": QCoreApplication.translate("labels", "can be done now"),
        "blocked": QCoreApplication.translate("labels", "not allowed yet"),
        "passed": QCoreApplication.translate("labels", "passed"),
        "failed": QCoreApplication.translate("labels", "failed"),
        "na": QCoreApplication.translate("labels", "not applicable"),
        "in_progress": QCoreApplication.translate("labels", "in progress"),
        "stopped": QCoreApplication.translate("labels", "stopped"),
        "finished": QCoreApplication.translate("labels", "finished"),
        "sealed": QCoreApplication.translate("labels", "sealed"),
        "synced": QCoreApplication.translate("labels", "synced"),
        "critical": QCoreApplication.translate("labels", "critical"),
        "high": QCoreApplication.translate("labels", "high"),
        "standard": QCoreApplication.translate("labels", "standard"),
        "foundational": QCoreApplication.translate("labels", "foundational electrical safety"),
        "hv-maintenance": QCoreApplication.translate("labels", "HV maintenance (non-live)"),
        "ev-hybrid": QCoreApplication.translate("labels", "EV/hybrid work incl. de-energising"),
        "live-work": QCoreApplication.translate("labels", "live work"),
        "video": QCoreApplication.translate("labels", "video"),
        "photo": QCoreApplication.translate("labels", "photo"),
        "measurement": QCoreApplication.translate("labels", "measurement"),
        "can_log": QCoreApplication.translate("labels", "CAN/OBD log"),
        "observation": QCoreApplication.translate("labels", "observation"),
        "signoff": QCoreApplication.translate("labels", "sign-off"),
        "assessor": QCoreApplication.translate("labels", "assessor"),
        "candidate": QCoreApplication.translate("labels", "candidate"),
        "responsible_person": QCoreApplication.translate("labels", "responsible person"),
        "photo_id": QCoreApplication.translate("labels", "photo ID checked"),
        "known_to_assessor": QCoreApplication.translate("labels", "known to the assessor"),
        "provider_record": QCoreApplication.translate("labels", "checked against the provider's record"),
        "not_checked": QCoreApplication.translate("labels", "not checked"),
        "prompt": QCoreApplication.translate("labels", "prompt"),
        "intervention": QCoreApplication.translate("labels", "intervention"),
        "camera": QCoreApplication.translate("labels", "camera"),
        "file": QCoreApplication.translate("labels", "file"),
    }


def label(code: str | None) -> str:
    """The translated word for an engine code; unknown codes are shown as they are."""
    if not code:
        return ""
    return _labels().get(code, code.replace("_", " "))
