"""The ISO-TP stack and UDS client a diagnostic exchange runs on (11-bit OBD addressing).

OBD requests go functionally to 0x7DF and answers are read from 0x7E8; flow control and UDS
requests go physically to 0x7E0 (ISO 15765-4). Shared by snapshots and DTC clearing.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import can
import isotp
import udsoncan
from udsoncan.client import Client
from udsoncan.connections import PythonIsoTpConnection


class ObdAddress(isotp.Address):
    """11-bit normal addressing: functional requests on 0x7DF, physical (and flow control) on 0x7E0."""

    def __init__(self, physical: int, response: int, functional: int):
        super().__init__(isotp.AddressingMode.Normal_11bits, txid=physical, rxid=response)
        self._functional = functional

    def get_tx_arbitration_id(
        self, address_type: isotp.TargetAddressType = isotp.TargetAddressType.Physical
    ) -> int:
        if address_type == isotp.TargetAddressType.Functional:
            return self._functional
        return super().get_tx_arbitration_id(address_type)


class RawDid(udsoncan.DidCodec):
    """A DID as hex (battery DIDs are OEM-specific); the VIN (F190) as text."""

    def __init__(self, did: int):
        super().__init__()
        self.did = did

    def decode(self, string_bin: bytes) -> Any:
        if self.did == 0xF190:
            return bytes(string_bin).decode("ascii", errors="replace")
        return bytes(string_bin).hex()

    def __len__(self) -> int:
        raise udsoncan.DidCodec.ReadAllRemainingData


def active_notifier(bus: can.BusABC) -> can.Notifier | None:
    return next((n for n in can.Notifier.find_instances(bus) if not n.stopped), None)


class DiagnosticSession:
    """One ISO-TP stack and UDS client on the bus for the length of a snapshot."""

    def __init__(
        self,
        bus: can.BusABC,
        notifier: can.Notifier,
        timeout_s: float,
        physical: int,
        response: int,
        functional: int,
        dids: Iterable[int],
    ):
        self.timeout_s = timeout_s
        self.isotp_errors: list[str] = []
        self._lock = threading.Lock()
        self.stack = isotp.NotifierBasedCanStack(
            bus,
            notifier,
            address=ObdAddress(physical, response, functional),
            error_handler=self._on_error,
            params={
                "tx_padding": 0xAA,
                "stmin": 0,
                "blocksize": 0,
                "rx_consecutive_frame_timeout": 200,
                "rx_flowcontrol_timeout": 500,
            },
            read_timeout=0.01,
        )
        self.connection = PythonIsoTpConnection(self.stack)
        self.client = Client(
            self.connection,
            config={
                **udsoncan.configs.default_client_config,
                "request_timeout": timeout_s,
                "p2_timeout": timeout_s,
                "p2_star_timeout": max(timeout_s, 2.0),
                "use_server_timing": False,
                "data_identifiers": {did: RawDid(did) for did in dids},
            },
        )
        self.consecutive_timeouts = 0

    def _on_error(self, error: Exception) -> None:
        with self._lock:
            self.isotp_errors.append(f"{type(error).__name__}: {error}")

    def take_errors(self) -> list[str]:
        with self._lock:
            errors, self.isotp_errors = self.isotp_errors, []
        return errors

    def obd(self, request: bytes) -> tuple[str, bytes | None, str | None]:
        """Send one OBD request functionally; (status, answer, detail)."""
        self.take_errors()
        self.stack.clear_rx_queue()
        self.stack.send(request, target_address_type=isotp.TargetAddressType.Functional)
        deadline = time.monotonic() + self.timeout_s
        while True:
            answer = self.stack.recv(block=True, timeout=max(0.0, deadline - time.monotonic()))
            if answer is None:
                errors = self.take_errors()
                if errors:
                    return "malformed", None, "; ".join(errors)
                return "timeout", None, f"no answer within {self.timeout_s:g} s"
            answer = bytes(answer)
            if answer[:1] == b"\x7f" and len(answer) >= 3 and answer[1] == request[0]:
                if answer[2] == 0x78:  # responsePending: the ECU asks for more time
                    deadline = time.monotonic() + max(self.timeout_s, 2.0)
                    continue
                return "negative_response", answer, nrc_name(answer[2])
            if answer[0] != request[0] + 0x40:
                return (
                    "malformed",
                    answer,
                    f"answer to service {answer[0]:02X} instead of {request[0] + 0x40:02X}",
                )
            return "ok", answer, None


def nrc_name(code: int) -> str:
    return f"0x{code:02X} {udsoncan.Response.Code.get_name(code)}"


@contextmanager
def diagnostic_session(
    bus: can.BusABC, notifier: can.Notifier | None, **kwargs: Any
) -> Iterator[DiagnosticSession]:
    """An ISO-TP stack and UDS client on ``bus`` (on its running Notifier, else one of its own)."""
    own = None
    if notifier is None:
        notifier = active_notifier(bus)
    if notifier is None:
        notifier = own = can.Notifier(bus, [], timeout=0.1)
    session = DiagnosticSession(bus, notifier, **kwargs)
    session.connection.open()
    try:
        yield session
    finally:
        session.connection.close()
        if own is not None:
            own.stop()
