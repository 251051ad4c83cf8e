"""Diagnostic snapshots over ISO-TP: OBD-II (VIN, DTCs, PIDs) and UDS (0x19 02, 0x22), and clearing DTCs.

The ISO-TP stack and UDS client they run on are in ``isotp_session``. An ECU fault never
raises: every item carries its own status — ``ok``,
``timeout`` (no answer), ``negative_response`` (with the NRC), ``unsupported`` (not in the ECU's
supported-PID bitmap, so not asked), ``malformed`` (broken ISO-TP or an answer that does not
decode), ``skipped`` (the ECU stopped answering earlier in the snapshot).
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from typing import Any

import can
from udsoncan.exceptions import (
    InvalidResponseException,
    NegativeResponseException,
    TimeoutException,
    UnexpectedResponseException,
)

from assessor_app.devices.can.isotp_session import DiagnosticSession, diagnostic_session, nrc_name
from assessor_app.devices.can.obdcodec import PIDS, parse_dtc_response, pids_in_bitmap, uds_dtc_code

DEFAULT_PIDS = (0x0C, 0x0D, 0x42, 0x5B)


@dataclass
class SnapshotItem:
    """One request and what came of it (JSON-serialisable via DiagnosticSnapshot.to_dict)."""

    id: str
    request: str  # the request bytes as hex, e.g. "0902"
    status: str
    value: Any = None
    unit: str | None = None
    raw: str | None = None  # the positive answer as hex
    nrc: str | None = None  # negative response code, e.g. "0x31 requestOutOfRange"
    error: str | None = None
    duration_ms: float = 0.0


@dataclass
class DiagnosticSnapshot:
    items: list[SnapshotItem]
    started_host_ns: int
    finished_host_ns: int = 0
    started_timeline_us: int | None = None
    addresses: dict[str, str] = field(default_factory=dict)

    @property
    def duration_ms(self) -> float:
        return (self.finished_host_ns - self.started_host_ns) / 1e6

    def item(self, item_id: str) -> SnapshotItem:
        return next(i for i in self.items if i.id == item_id)

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["duration_ms"] = self.duration_ms
        return out


def _timed(
    session: DiagnosticSession,
    items: list[SnapshotItem],
    item_id: str,
    request: bytes,
    run: Callable[[], SnapshotItem],
    max_timeouts: int,
) -> None:
    if session.consecutive_timeouts >= max_timeouts:
        items.append(
            SnapshotItem(
                item_id,
                request.hex(),
                "skipped",
                error=f"not asked: the ECU did not answer the previous {max_timeouts} requests",
            )
        )
        return
    t0 = time.perf_counter()
    item = run()
    item.duration_ms = round((time.perf_counter() - t0) * 1000, 2)
    session.consecutive_timeouts = session.consecutive_timeouts + 1 if item.status == "timeout" else 0
    items.append(item)


def _obd_item(
    session: DiagnosticSession, item_id: str, request: bytes,
    decode: Callable[[bytes], tuple[Any, str | None]],
) -> SnapshotItem:
    status, answer, detail = session.obd(request)
    item = SnapshotItem(item_id, request.hex(), status, raw=answer.hex() if answer else None)
    if status == "negative_response":
        item.nrc = detail
    elif status != "ok":
        item.error = detail
    else:
        assert answer is not None
        try:
            item.value, item.unit = decode(answer)
        except (ValueError, IndexError, UnicodeDecodeError) as exc:
            item.status, item.error = "malformed", f"the answer does not decode: {exc}"
    return item


def _uds_item(
    session: DiagnosticSession, item_id: str, request: bytes, call: Callable[[], Any],
    decode: Callable[[Any], Any],
) -> SnapshotItem:
    session.take_errors()
    item = SnapshotItem(item_id, request.hex(), "ok")
    try:
        response = call()
    except NegativeResponseException as exc:
        item.status, item.nrc = "negative_response", nrc_name(exc.response.code)
        item.raw = exc.response.get_payload().hex()
        return item
    except TimeoutException:
        errors = session.take_errors()
        item.status = "malformed" if errors else "timeout"
        item.error = "; ".join(errors) if errors else f"no answer within {session.timeout_s:g} s"
        return item
    except (InvalidResponseException, UnexpectedResponseException) as exc:
        item.status, item.error = "malformed", str(exc)
        return item
    item.raw = response.get_payload().hex()
    item.value = decode(response)
    return item


def _decode_vin(answer: bytes) -> tuple[Any, str | None]:
    if len(answer) < 20 or answer[1] != 0x02:
        raise ValueError(f"a VIN answer has 20 bytes, this one {len(answer)}")
    return answer[3:20].decode("ascii"), None


def _decode_pid(pid: int) -> Callable[[bytes], tuple[Any, str | None]]:
    spec = PIDS[pid]

    def decode(answer: bytes) -> tuple[Any, str | None]:
        if len(answer) < 2 + spec.size or answer[1] != pid:
            raise ValueError(f"PID {pid:02X} needs {spec.size} data bytes")
        return round(spec.decode(answer[2 : 2 + spec.size]), 3), spec.unit

    return decode


def _decode_uds_dtcs(response: Any) -> list[dict[str, Any]]:
    return [
        {
            "code": uds_dtc_code(d.id),
            "id": f"0x{d.id:06X}",
            "status": f"0x{d.status.get_byte_as_int():02X}",
            "test_failed": d.status.test_failed,
            "pending": d.status.pending,
            "confirmed": d.status.confirmed,
            "warning_indicator": d.status.warning_indicator_requested,
        }
        for d in response.service_data.dtcs
    ]


def take_snapshot(
    bus: can.BusABC,
    *,
    notifier: can.Notifier | None = None,
    dids: Iterable[int] = (),
    pids: Iterable[int] = DEFAULT_PIDS,
    timeout_s: float = 0.5,
    dtc_status_mask: int = 0xFF,
    timeline_us: Callable[[], int] | None = None,
    physical_id: int = 0x7E0,
    response_id: int = 0x7E8,
    functional_id: int = 0x7DF,
    max_consecutive_timeouts: int = 2,
) -> DiagnosticSnapshot:
    """VIN, DTCs (03/07/0A), PIDs, UDS DTCs (19 02), DIDs (22) from one ECU; never raises for ECU faults."""
    dids, pids = list(dids), list(pids)
    snap = DiagnosticSnapshot(
        [],
        time.monotonic_ns(),
        started_timeline_us=timeline_us() if timeline_us else None,
        addresses={
            "functional": f"0x{functional_id:03X}",
            "physical": f"0x{physical_id:03X}",
            "response": f"0x{response_id:03X}",
        },
    )
    items = snap.items
    with diagnostic_session(
        bus,
        notifier,
        timeout_s=timeout_s,
        physical=physical_id,
        response=response_id,
        functional=functional_id,
        dids=dids,
    ) as s:

        def obd(item_id: str, req: bytes, decode: Callable[[bytes], tuple[Any, str | None]]) -> None:
            _timed(
                s, items, item_id, req, lambda: _obd_item(s, item_id, req, decode), max_consecutive_timeouts
            )

        obd("vin", b"\x09\x02", _decode_vin)
        for item_id, sid in (("dtc_stored", 0x03), ("dtc_pending", 0x07), ("dtc_permanent", 0x0A)):
            obd(item_id, bytes((sid,)), lambda a: (parse_dtc_response(a), None))
        bases = sorted({(p - 1) // 0x20 * 0x20 for p in pids if p in PIDS})

        def decode_bitmaps(answer: bytes) -> tuple[Any, str | None]:
            supported: set[int] = set()
            for i in range(1, len(answer) - 4, 5):
                supported |= pids_in_bitmap(answer[i], answer[i + 1 : i + 5])
            return sorted(supported), None

        bitmap = SnapshotItem("supported_pids", "01", "skipped", error="no PIDs asked for")
        if bases:
            obd("supported_pids", bytes((0x01, *bases)), decode_bitmaps)
            bitmap = items[-1]
        for pid in pids:
            item_id = f"pid_{pid:02X}"
            if pid not in PIDS:
                items.append(
                    SnapshotItem(item_id, f"01{pid:02x}", "error", error=f"PID {pid:02X} has no decoder")
                )
            elif bitmap.status == "ok" and pid not in bitmap.value:
                items.append(
                    SnapshotItem(
                        item_id,
                        f"01{pid:02x}",
                        "unsupported",
                        error="not in the ECU's supported-PID bitmap, so not asked",
                    )
                )
            else:
                obd(item_id, bytes((0x01, pid)), _decode_pid(pid))
        req = bytes((0x19, 0x02, dtc_status_mask))
        _timed(
            s,
            items,
            "uds_dtcs",
            req,
            lambda: _uds_item(
                s, "uds_dtcs", req, lambda: s.client.get_dtc_by_status_mask(dtc_status_mask), _decode_uds_dtcs
            ),
            max_consecutive_timeouts,
        )
        for did in dids:
            req = b"\x22" + did.to_bytes(2, "big")
            _timed(
                s,
                items,
                f"did_{did:04X}",
                req,
                lambda d=did, r=req: _uds_item(
                    s,
                    f"did_{d:04X}",
                    r,
                    lambda: s.client.read_data_by_identifier(d),
                    lambda resp, d=d: resp.service_data.values[d],
                ),
                max_consecutive_timeouts,
            )
    snap.finished_host_ns = time.monotonic_ns()
    return snap


def probe_obd(
    bus: can.BusABC, *, notifier: can.Notifier | None = None, timeout_s: float = 0.5
) -> SnapshotItem:
    """One OBD '01 00' request (supported PIDs 01-20): does an ECU answer on this bus?"""
    with diagnostic_session(
        bus, notifier, timeout_s=timeout_s, physical=0x7E0, response=0x7E8, functional=0x7DF, dids=()
    ) as s:
        return _obd_item(s, "obd_probe", b"\x01\x00", lambda a: (sorted(pids_in_bitmap(0, a[2:6])), None))
