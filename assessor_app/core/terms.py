"""The product's terms (outcomes, results, statuses, risk levels, gateways, evidence kinds, roles,
identity checks, interventions): one word per code in each language, used by the window, the PDF
record and the command line alike. The engine and the store speak in these codes.

Translators: the terminology list per language (SFS 6002 usage in Finnish, the national qualification
catalogues' usage in Spanish and Portuguese) is in the README's translators' section.
"""

from __future__ import annotations

from assessor_app.i18n import Message, Msg

TERMS: dict[str, Message] = {
    "competent": Message("term.competent", "competent"),
    "not_yet_competent": Message("term.not_yet_competent", "not yet competent"),
    "incomplete": Message("term.incomplete", "incomplete"),
    "abandoned": Message("term.abandoned", "abandoned"),
    "stopped_safely": Message("term.stopped_safely", "stopped safely"),
    "hazard": Message("term.hazard", "hazard found, correctly stopped"),
    "pending": Message("term.pending", "not done"),
    "allowed": Message("term.allowed", "can be done now"),
    "blocked": Message("term.blocked", "not allowed yet"),
    "pass": Message("term.pass", "pass"),  # a result as recorded (its step is then "passed")
    "fail": Message("term.fail", "fail"),
    "passed": Message("term.passed", "passed"),
    "failed": Message("term.failed", "failed"),
    "na": Message("term.na", "not applicable"),
    "in_progress": Message("term.in_progress", "in progress"),
    "stopped": Message("term.stopped", "stopped"),
    "finished": Message("term.finished", "finished"),
    "sealed": Message("term.sealed", "sealed"),
    "synced": Message("term.synced", "synced"),
    "critical": Message("term.critical", "critical"),
    "high": Message("term.high", "high"),
    "standard": Message("term.standard", "standard"),
    "foundational": Message("term.foundational", "foundational electrical safety"),
    "hv-maintenance": Message("term.hv-maintenance", "HV maintenance (non-live)"),
    "ev-hybrid": Message("term.ev-hybrid", "EV/hybrid work incl. de-energising"),
    "live-work": Message("term.live-work", "live work"),
    "video": Message("term.video", "video"),
    "photo": Message("term.photo", "photo"),
    "measurement": Message("term.measurement", "measurement"),
    "can_log": Message("term.can_log", "CAN/OBD log"),
    "observation": Message("term.observation", "observation"),
    "signoff": Message("term.signoff", "sign-off"),
    "assessor": Message("term.assessor", "assessor"),
    "candidate": Message("term.candidate", "candidate"),
    "responsible_person": Message("term.responsible_person", "responsible person"),
    "photo_id": Message("term.photo_id", "photo ID checked"),
    "known_to_assessor": Message("term.known_to_assessor", "known to the assessor"),
    "provider_record": Message("term.provider_record", "checked against the provider's record"),
    "not_checked": Message("term.not_checked", "not checked"),
    "prompt": Message("term.prompt", "prompt"),
    "intervention": Message("term.intervention", "intervention"),
    "camera": Message("term.camera", "camera"),
    "file": Message("term.file", "file"),
    # what a typed reading and the vehicle's own value say against a limit (a dead test)
    "dead": Message("term.dead", "dead"),
    "live": Message("term.live", "live"),
    # the quantities a unit measures
    "voltage": Message("term.voltage", "voltage"),
    "current": Message("term.current", "current"),
    "resistance": Message("term.resistance", "resistance"),
    "power": Message("term.power", "power"),
    "frequency": Message("term.frequency", "frequency"),
    "time": Message("term.time", "time"),
    "charge": Message("term.charge", "charge"),
    "energy": Message("term.energy", "energy"),
    "torque": Message("term.torque", "torque"),
    "ratio": Message("term.ratio", "ratio"),
    "temperature": Message("term.temperature", "temperature"),
    "pressure": Message("term.pressure", "pressure"),
    "length": Message("term.length", "length"),
    "angle": Message("term.angle", "angle"),
    "speed": Message("term.speed", "speed"),
    "rotation": Message("term.rotation", "rotational speed"),
    "bitrate": Message("term.bitrate", "bit rate"),
    "count": Message("term.count", "count"),
}


def term(code: str | None) -> Msg | None:
    """The term of a code, or None for a code the product has no word for."""
    definition = TERMS.get(code or "")
    return definition() if definition else None
