"""Clearing DTCs (OBD 04, UDS 0x14): never implicit, only with the assessor's explicit, fresh confirmation."""

from __future__ import annotations

import threading
import time
import uuid
from dataclasses import dataclass

import can

from assessor_app.devices.can.isotp_session import diagnostic_session
from assessor_app.devices.can.snapshot import DiagnosticSnapshot, _obd_item, _uds_item
from assessor_app.errors import AssessorError


class ClearNotConfirmed(AssessorError):
    """Clearing DTCs was asked for without a fresh, unused confirmation by the assessor."""


@dataclass(frozen=True)
class ClearDtcConfirmation:
    """The assessor's explicit consent to clear DTCs: single use, valid ``max_age_s`` after it was given."""

    assessor_id: str
    statement: str
    confirmed_host_ns: int
    nonce: str

    @classmethod
    def given_by(cls, assessor_id: str, statement: str) -> ClearDtcConfirmation:
        """Record that ``assessor_id`` confirmed ``statement`` (the text they were shown) just now."""
        if not assessor_id.strip() or not statement.strip():
            raise ClearNotConfirmed("Clearing DTCs needs the assessor's id and the text they confirmed.")
        return cls(assessor_id, statement, time.monotonic_ns(), uuid.uuid4().hex)


_used_confirmations: set[str] = set()
_used_lock = threading.Lock()


def clear_dtcs(
    bus: can.BusABC,
    confirmation: ClearDtcConfirmation,
    *,
    notifier: can.Notifier | None = None,
    timeout_s: float = 1.0,
    max_age_s: float = 120.0,
    physical_id: int = 0x7E0,
    response_id: int = 0x7E8,
    functional_id: int = 0x7DF,
) -> DiagnosticSnapshot:
    """Clear DTCs with OBD service 04 and UDS 0x14 FFFFFF; only with the assessor's confirmation."""
    if not isinstance(confirmation, ClearDtcConfirmation):
        raise ClearNotConfirmed("Clearing DTCs needs the assessor's confirmation; none was given.")
    age_s = (time.monotonic_ns() - confirmation.confirmed_host_ns) / 1e9
    if not 0 <= age_s <= max_age_s:
        raise ClearNotConfirmed(
            f"The assessor's confirmation to clear DTCs is {age_s:.0f} s old; "
            f"ask again (limit {max_age_s:g} s)."
        )
    with _used_lock:
        if confirmation.nonce in _used_confirmations:
            raise ClearNotConfirmed(
                "This confirmation to clear DTCs was already used; ask the assessor again."
            )
        _used_confirmations.add(confirmation.nonce)
    snap = DiagnosticSnapshot(
        [],
        time.monotonic_ns(),
        addresses={
            "functional": f"0x{functional_id:03X}",
            "physical": f"0x{physical_id:03X}",
            "response": f"0x{response_id:03X}",
            "confirmed_by": confirmation.assessor_id,
            "confirmed_statement": confirmation.statement,
        },
    )
    with diagnostic_session(
        bus,
        notifier,
        timeout_s=timeout_s,
        physical=physical_id,
        response=response_id,
        functional=functional_id,
        dids=(),
    ) as s:
        snap.items.append(_obd_item(s, "obd_clear", b"\x04", lambda a: (True, None)))
        snap.items.append(
            _uds_item(
                s, "uds_clear", b"\x14\xff\xff\xff", lambda: s.client.clear_dtc(0xFFFFFF), lambda r: True
            )
        )
    snap.finished_host_ns = time.monotonic_ns()
    return snap
