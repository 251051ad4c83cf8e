"""The identity document of an assessment: the names, the VIN and the address that the record
itself never holds, with the salt of the record's commitments to them."""

from __future__ import annotations

from typing import Any

from assessor_app.core.engine import Person, Vehicle

DOCUMENT_FORMAT = 1


def identity_document(salt_hex: str, *, candidate: Person, assessor: Person, responsible: Person | None,
                      workshop: Person, workshop_address: str, vehicle: Vehicle) -> dict[str, Any]:
    """What the identity file will hold, as the assessment starts (signatures are added later)."""
    return {
        "format": DOCUMENT_FORMAT,
        "salt": salt_hex,
        "candidate": {"id": candidate.id, "name": candidate.name},
        "assessor": {"id": assessor.id, "name": assessor.name},
        "responsible_person": ({"id": responsible.id, "name": responsible.name} if responsible else None),
        "workshop": {"id": workshop.id, "name": workshop.name, "address": workshop_address},
        "vehicle": {"vin": vehicle.vin},
        "signatures": [],
        "identity_check": None,
    }
