"""ELM327 dongles through python-OBD over a serial port: VIN, stored/pending/permanent DTCs, standard PIDs.

An ELM327 is not a python-can interface: it speaks AT commands over a serial line and answers a
handful of requests per second. The result has the same shape as ``take_snapshot`` (items with
their own status) so the store and the window treat both alike. python-OBD has no command for
service 0A (permanent DTCs); one is defined here with python-OBD's own DTC decoder.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import obd
from obd import OBDCommand
from obd.decoders import dtc as decode_dtc
from obd.protocols import ECU

from assessor_app.devices.can.config import CanDeviceError
from assessor_app.devices.can.snapshot import DiagnosticSnapshot, SnapshotItem

GET_PERMANENT_DTC = OBDCommand("GET_PERMANENT_DTC", "Permanent DTCs", b"0A", 0, decode_dtc, ECU.ALL, False)
_PID_COMMANDS = {
    0x0C: obd.commands.RPM,
    0x0D: obd.commands.SPEED,
    0x42: obd.commands.CONTROL_MODULE_VOLTAGE,
    0x5B: obd.commands.HYBRID_BATTERY_REMAINING,
}
_UNITS = {"revolutions_per_minute": "rpm", "kilometer_per_hour": "km/h", "volt": "V", "percent": "%"}


class Elm327Error(CanDeviceError):
    """The ELM327 adapter could not be reached or did not find a vehicle."""


def _probe(port: str, baudrate: int | None, timeout_s: float) -> None:
    """Ask 'ATI' and wait for the prompt: python-OBD alone waits minutes on a silent port."""
    import serial  # pyserial, installed with python-OBD

    rates = [baudrate] if baudrate else [38400, 9600, 115200]
    for rate in rates:
        try:
            with serial.Serial(port, rate, timeout=0.05, write_timeout=timeout_s) as line:
                line.reset_input_buffer()
                line.write(b"ATI\r")
                answer, deadline = b"", time.monotonic() + timeout_s
                while b">" not in answer and time.monotonic() < deadline:
                    answer += line.read(64)
        except (serial.SerialException, OSError) as exc:
            raise Elm327Error(f"The ELM327 adapter on {port} could not be opened: {exc}.") from exc
        if b">" in answer:
            return
    raise Elm327Error(
        f"The ELM327 adapter on {port} did not answer (tried {', '.join(map(str, rates))} baud)."
    )


def _raw(response: Any) -> str | None:
    parts = [bytes(m.data).hex() for m in response.messages if m.data]
    return " ".join(parts) if parts else None


def _vin(response: Any) -> str:
    # python-OBD's decoder mishandles some adapters' frame layouts; the assembled payload is
    # "49 02 01" + 17 ASCII characters (the count byte is absent on some ECUs).
    data = bytes(response.messages[0].data)
    text = data[3:] if data[:2] == b"\x49\x02" else data
    return text.decode("ascii", errors="replace").strip("\x00 ")[-17:]


def _query(
    connection: Any,
    item_id: str,
    command: Any,
    decode: Callable[[Any], tuple[Any, str | None]],
    check_support: bool,
) -> SnapshotItem:
    item = SnapshotItem(item_id, command.command.decode("ascii").lower(), "ok")
    if check_support and not connection.supports(command):
        item.status, item.error = "unsupported", "not in the ECU's supported-PID bitmap, so not asked"
        return item
    t0 = time.perf_counter()
    response = connection.query(command, force=True)
    item.duration_ms = round((time.perf_counter() - t0) * 1000, 2)
    item.raw = _raw(response)
    raws = " ".join(str(m.raw()) for m in response.messages)
    if "NO DATA" in raws or (response.is_null() and not response.messages):
        item.status, item.error = "timeout", "the ELM327 reported no answer from the vehicle (NO DATA)"
    elif response.is_null():
        item.status, item.error = "malformed", f"python-OBD could not decode the answer {raws!r}"
    elif raws.startswith("7F") or " 7F" in raws:
        item.status, item.nrc = "negative_response", raws
    else:
        try:
            item.value, item.unit = decode(response)
        except (ValueError, IndexError, UnicodeDecodeError) as exc:
            item.status, item.error = "malformed", f"the answer does not decode: {exc}"
    return item


def _quantity(response: Any) -> tuple[Any, str | None]:
    value = response.value
    unit = str(value.units)
    return round(float(value.magnitude), 3), _UNITS.get(unit, unit)


def _codes(response: Any) -> tuple[Any, str | None]:
    return [code for code, _description in response.value], None


def elm327_snapshot(
    port: str,
    *,
    baudrate: int | None = None,
    protocol: str | None = None,
    timeout_s: float = 2.0,
    pids: tuple[int, ...] = (0x0C, 0x0D, 0x42, 0x5B),
    timeline_us: Callable[[], int] | None = None,
) -> DiagnosticSnapshot:
    """VIN, DTCs (03/07/0A) and PIDs through an ELM327 on ``port``; Elm327Error if it is not there."""
    snap = DiagnosticSnapshot(
        [],
        time.monotonic_ns(),
        started_timeline_us=timeline_us() if timeline_us else None,
        addresses={"adapter": "elm327", "port": port},
    )
    _probe(port, baudrate, timeout_s)
    connection = obd.OBD(
        port, baudrate=baudrate, protocol=protocol, fast=False, timeout=timeout_s, check_voltage=False
    )
    try:
        if not connection.is_connected():
            raise Elm327Error(
                f"The ELM327 adapter on {port} did not connect to a vehicle ({connection.status()})."
            )
        snap.addresses["protocol"] = connection.protocol_name()
        snap.items.append(_query(connection, "vin", obd.commands.VIN, lambda r: (_vin(r), None), False))
        for item_id, command in (
            ("dtc_stored", obd.commands.GET_DTC),
            ("dtc_pending", obd.commands.GET_CURRENT_DTC),
            ("dtc_permanent", GET_PERMANENT_DTC),
        ):
            snap.items.append(_query(connection, item_id, command, _codes, False))
        for pid in pids:
            command = _PID_COMMANDS.get(pid)
            if command is None:
                snap.items.append(
                    SnapshotItem(
                        f"pid_{pid:02X}",
                        f"01{pid:02x}",
                        "error",
                        error=f"python-OBD has no command for PID {pid:02X}",
                    )
                )
                continue
            snap.items.append(_query(connection, f"pid_{pid:02X}", command, _quantity, True))
    finally:
        connection.close()
    snap.finished_host_ns = time.monotonic_ns()
    return snap
