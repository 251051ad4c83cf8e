"""The simulated EV's diagnostic ECU: answers OBD-II and UDS over ISO-TP on a python-can bus.

Requests arrive functionally on 0x7DF or physically on 0x7E0; answers go out on 0x7E8 and
flow control for them is expected on 0x7E0 (ISO 15765-4). Faults for the tests: ``silent`` (the
ECU answers nothing) and ``malformed`` (named requests get a first frame followed by a
consecutive frame with the wrong sequence number).
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass, field
from typing import Any

import can
import isotp

from assessor_app.devices.can.obdcodec import PIDS, dtc_to_bytes, supported_bitmap

LOG = logging.getLogger(__name__)
OBD_FUNCTIONAL, ECU_REQUEST, ECU_RESPONSE = 0x7DF, 0x7E0, 0x7E8
# UDS status bits (ISO 14229-1 D.2)
TEST_FAILED, PENDING, CONFIRMED = 0x01, 0x04, 0x08
NRC_SERVICE_NOT_SUPPORTED, NRC_SUBFUNCTION_NOT_SUPPORTED, NRC_REQUEST_OUT_OF_RANGE = 0x11, 0x12, 0x31
NRC_INCORRECT_LENGTH = 0x13


@dataclass
class EcuData:
    """What the simulated ECU knows and reports."""

    vin: str = "WA5EVSM0000000042"
    stored_dtcs: list[str] = field(default_factory=lambda: ["P0AA6"])
    pending_dtcs: list[str] = field(default_factory=list)
    permanent_dtcs: list[str] = field(default_factory=lambda: ["P0AA6"])
    pids: dict[int, float] = field(
        default_factory=lambda: {
            0x0C: 0.0,
            0x0D: 0.0,
            0x42: 12.6,
            0x5B: 87.0,
        }
    )
    # UDS DIDs; F190 (VIN) is answered from ``vin``. 0x4801..: battery DIDs (OEM-specific).
    dids: dict[int, bytes] = field(
        default_factory=lambda: {
            0x4801: bytes((0x5F,)),  # state of health 95 %
            0x4802: (3962).to_bytes(2, "big"),  # pack voltage 396.2 V
        }
    )


class _EcuAddress(isotp.Address):
    """Normal 11-bit addressing that also accepts the functional request id 0x7DF."""

    def __init__(self) -> None:
        super().__init__(isotp.AddressingMode.Normal_11bits, txid=ECU_RESPONSE, rxid=ECU_REQUEST)
        self.is_for_me = self._ecu_is_for_me  # type: ignore[method-assign]

    @staticmethod
    def _ecu_is_for_me(msg: isotp.CanMessage) -> bool:
        return not msg.is_extended_id and msg.arbitration_id in (ECU_REQUEST, OBD_FUNCTIONAL)


class SimulatedEcu:
    """Serve diagnostic requests from a thread until ``stop()``."""

    def __init__(self, bus: can.BusABC, notifier: can.Notifier, data: EcuData):
        self.bus, self.data = bus, data
        self.silent = False
        self.malformed: set[bytes] = set()  # request prefixes answered with broken ISO-TP
        self.requests = 0
        self._lock = threading.Lock()
        self._stack = isotp.NotifierBasedCanStack(
            bus,
            notifier,
            address=_EcuAddress(),
            error_handler=self._isotp_error,
            params={"tx_padding": 0xAA, "stmin": 0, "blocksize": 0},
            read_timeout=0.05,
        )
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="sim-ecu", daemon=True)

    def start(self) -> None:
        self._stack.start()
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()
        self._thread.join(2.0)
        self._stack.stop()

    @staticmethod
    def _isotp_error(error: Exception) -> None:
        LOG.debug("simulated ECU: ISO-TP error %s", error)

    def _serve(self) -> None:
        while not self._stop.is_set():
            request = self._stack.recv(block=True, timeout=0.1)
            if request is None or self.silent:
                continue
            self.requests += 1
            request = bytes(request)
            if any(request.startswith(prefix) for prefix in self.malformed):
                self._send_malformed()
                continue
            with self._lock:
                answer = self.answer(request)
            if answer is not None:
                self._stack.send(answer)

    def _send_malformed(self) -> None:
        """A first frame announcing 20 bytes, then a consecutive frame with sequence number 5 not 1."""
        for data in (
            bytes((0x10, 0x14, 0x49, 0x02, 0x01, 0x41, 0x42, 0x43)),
            bytes((0x25, 0x44, 0x45, 0x46, 0x47, 0x48, 0x4A, 0x4B)),
        ):
            self.bus.send(can.Message(arbitration_id=ECU_RESPONSE, data=data, is_extended_id=False))

    # -- services --------------------------------------------------------------------------------
    def answer(self, req: bytes) -> bytes | None:
        """The response to one request, or None for silence (an unsupported OBD PID)."""
        sid = req[0]
        handler = {
            0x01: self._obd_pid,
            0x03: self._obd_dtcs,
            0x07: self._obd_dtcs,
            0x0A: self._obd_dtcs,
            0x04: self._obd_clear,
            0x09: self._obd_vehicle_info,
            0x10: self._session,
            0x3E: self._tester_present,
            0x22: self._read_did,
            0x19: self._read_dtc_info,
            0x14: self._clear_dtc_info,
        }.get(sid)
        if handler is None:
            return bytes((0x7F, sid, NRC_SERVICE_NOT_SUPPORTED))
        return handler(req)

    def _obd_pid(self, req: bytes) -> bytes | None:
        if len(req) < 2:
            return None
        out = bytearray((0x41,))
        # a range's bitmap also flags the next range's bitmap PID when anything lies beyond it
        markers = [b for b in range(0x20, 0x100, 0x20) if any(p > b for p in self.data.pids)]
        for pid in req[1:7]:  # up to six PIDs in one request
            if pid % 0x20 == 0:
                out += bytes((pid,)) + supported_bitmap(pid, [*self.data.pids, *markers])
            elif pid in self.data.pids and pid in PIDS:
                out += bytes((pid,)) + PIDS[pid].encode(self.data.pids[pid])
        # ISO 15765-4: an ECU keeps silent about PIDs it does not support
        return bytes(out) if len(out) > 1 else None

    def _obd_dtcs(self, req: bytes) -> bytes:
        codes = {0x03: self.data.stored_dtcs, 0x07: self.data.pending_dtcs, 0x0A: self.data.permanent_dtcs}
        listed = codes[req[0]]
        return bytes((req[0] + 0x40, len(listed))) + b"".join(dtc_to_bytes(c) for c in listed)

    def _obd_clear(self, req: bytes) -> bytes:
        self.data.stored_dtcs, self.data.pending_dtcs = [], []  # permanent DTCs stay (OBD rule)
        return b"\x44"

    def _obd_vehicle_info(self, req: bytes) -> bytes | None:
        if len(req) < 2:
            return None
        if req[1] == 0x00:
            return b"\x49\x00" + supported_bitmap(0, [0x02])
        if req[1] == 0x02:
            return b"\x49\x02\x01" + self.data.vin.encode("ascii")
        return None

    def _session(self, req: bytes) -> bytes:
        if len(req) != 2:
            return bytes((0x7F, 0x10, NRC_INCORRECT_LENGTH))
        return bytes((0x50, req[1], 0x00, 0x32, 0x01, 0xF4))

    def _tester_present(self, req: bytes) -> bytes:
        return b"\x7e\x00"

    def _read_did(self, req: bytes) -> bytes:
        if len(req) < 3 or len(req) % 2 == 0:
            return bytes((0x7F, 0x22, NRC_INCORRECT_LENGTH))
        out = bytearray(b"\x62")
        for i in range(1, len(req), 2):
            did = int.from_bytes(req[i : i + 2], "big")
            value = self.data.vin.encode("ascii") if did == 0xF190 else self.data.dids.get(did)
            if value is None:
                return bytes((0x7F, 0x22, NRC_REQUEST_OUT_OF_RANGE))
            out += req[i : i + 2] + value
        return bytes(out)

    def _dtc_records(self) -> list[tuple[int, int]]:
        status: dict[str, int] = {}
        for code in self.data.pending_dtcs:
            status[code] = status.get(code, 0) | PENDING | TEST_FAILED
        for code in self.data.stored_dtcs:
            status[code] = status.get(code, 0) | CONFIRMED | TEST_FAILED
        return [(int.from_bytes(dtc_to_bytes(c) + b"\x00", "big"), s) for c, s in status.items()]

    def _read_dtc_info(self, req: bytes) -> bytes:
        if len(req) < 2 or req[1] != 0x02:
            return bytes((0x7F, 0x19, NRC_SUBFUNCTION_NOT_SUPPORTED))
        if len(req) != 3:
            return bytes((0x7F, 0x19, NRC_INCORRECT_LENGTH))
        mask = req[2]
        out = bytearray((0x59, 0x02, 0xFF))
        for dtc_id, status in self._dtc_records():
            if status & mask:
                out += dtc_id.to_bytes(3, "big") + bytes((status,))
        return bytes(out)

    def _clear_dtc_info(self, req: bytes) -> bytes:
        if len(req) != 4:
            return bytes((0x7F, 0x14, NRC_INCORRECT_LENGTH))
        self.data.stored_dtcs, self.data.pending_dtcs = [], []
        return b"\x54"

    def set(self, **changes: Any) -> None:
        """Change what the ECU reports (vin, stored_dtcs, pids...) between requests."""
        with self._lock:
            for key, value in changes.items():
                setattr(self.data, key, value)
