"""ELM327 dongles over a serial port: VIN, stored/pending/permanent DTCs, standard PIDs.

An ELM327 is not a python-can interface: it speaks AT commands over a serial line and answers a
handful of requests per second. The result has the same shape as ``take_snapshot`` (items with
their own status) so the store and the window treat both alike. The serial line is
``elm327_link``; reading what the adapter prints is ``elm327_decode``. Whatever a broken or
hostile adapter prints ends up as an item's status; only an adapter that cannot be reached, or
that finds no vehicle, is an ``Elm327Error``.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from assessor_app.devices.can import elm327_decode as decode
from assessor_app.devices.can.elm327_link import (
    CAN_PROTOCOLS,
    PROTOCOLS,
    SEARCH_TIMEOUT_S,
    Answer,
    Elm327Error,
    Elm327Link,
)
from assessor_app.devices.can.obdcodec import PIDS
from assessor_app.devices.can.snapshot import DiagnosticSnapshot, SnapshotItem

__all__ = ["Elm327Error", "elm327_snapshot"]

log = logging.getLogger(__name__)

#: After this many requests in a row without a prompt the rest are not asked.
MAX_UNANSWERED = 2
_DTC_REQUESTS = (("dtc_stored", b"\x03"), ("dtc_pending", b"\x07"), ("dtc_permanent", b"\x0a"))


@dataclass
class _Outcome:
    status: str  # ok, timeout, negative_response, malformed, error
    answers: decode.Answers | None = None
    raw: str | None = None
    nrc: str | None = None
    error: str | None = None
    duration_ms: float = 0.0


class _Requests:
    """Requests to the vehicle through the adapter, each one's answer read into an outcome."""

    def __init__(self, link: Elm327Link, timeout_s: float) -> None:
        self.link = link
        self.timeout_s = timeout_s
        self.can = True
        self.headers = True
        self.unanswered = 0

    def ask(self, request: bytes) -> _Outcome:
        if self.unanswered >= MAX_UNANSWERED:
            return _Outcome(
                "error",
                error=f"not asked: the ELM327 gave no prompt after the previous {MAX_UNANSWERED} requests",
            )
        t0 = time.perf_counter()
        answer = self.link.command(request.hex().upper(), self.timeout_s)
        return self.read(request, answer, round((time.perf_counter() - t0) * 1000, 2))

    def read(self, request: bytes, answer: Answer, duration_ms: float) -> _Outcome:
        if not answer.prompt:
            self.unanswered += 1
            return _Outcome(
                "timeout",
                error=f"no prompt from the ELM327 in {self.timeout_s:g} s (it printed {answer.printable})",
                duration_ms=duration_ms,
            )
        self.unanswered = 0
        try:
            reply = decode.split_reply(answer.text, request.hex().upper())
            if reply.condition == "NO DATA":
                return _Outcome(
                    "timeout",
                    error="the ELM327 reported no answer from the vehicle (NO DATA)",
                    duration_ms=duration_ms,
                )
            if reply.condition == "?":
                return _Outcome(
                    "error", error="the ELM327 did not understand the request (?)", duration_ms=duration_ms
                )
            if reply.condition:
                return _Outcome(
                    "error", error=f"the ELM327 reported {reply.condition}", duration_ms=duration_ms
                )
            payloads = (
                decode.can_payloads(reply.lines, headers=self.headers)
                if self.can
                else decode.message_payloads(reply.lines)
            )
            answers = decode.sort_answers(payloads, request)
        except decode.MalformedAnswer as exc:
            return _Outcome(
                "malformed",
                error=f"the answer does not decode: {exc} (the ELM327 printed {answer.printable})",
                duration_ms=duration_ms,
            )
        if not answers.positive:
            return _Outcome(
                "negative_response",
                raw=" ".join(a.payload.hex() for a in answers.negative),
                nrc=answers.nrc,
                duration_ms=duration_ms,
            )
        return _Outcome(
            "ok", answers, raw=" ".join(a.payload.hex() for a in answers.positive), duration_ms=duration_ms
        )

    def item(
        self,
        item_id: str,
        request: bytes,
        decode_answers: Callable[[Sequence[decode.EcuPayload]], tuple[Any, str | None]],
    ) -> SnapshotItem:
        outcome = self.ask(request)
        item = SnapshotItem(
            item_id,
            request.hex(),
            outcome.status,
            raw=outcome.raw,
            nrc=outcome.nrc,
            error=outcome.error,
            duration_ms=outcome.duration_ms,
        )
        if outcome.answers is not None and outcome.status == "ok":
            try:
                item.value, item.unit = decode_answers(outcome.answers.positive)
            except decode.MalformedAnswer as exc:
                item.status, item.error = "malformed", f"the answer does not decode: {exc}"
        return item


def _connect(
    link: Elm327Link, requests: _Requests, protocol: str | None, timeout_s: float
) -> tuple[str, _Outcome]:
    """Set the adapter up and have it find the vehicle; the protocol number and the 01 00 outcome.

    Every OBD-II ECU answers 01 00: no answer to it at all (NO DATA, UNABLE TO CONNECT, CAN
    ERROR, no prompt) means no vehicle is connected, an Elm327Error.
    """
    requests.headers = link.initialise(protocol, timeout_s)
    t0 = time.perf_counter()
    # the first request makes the adapter search for (or open) the vehicle's protocol
    first = link.command("0100", max(timeout_s, SEARCH_TIMEOUT_S))
    duration_ms = round((time.perf_counter() - t0) * 1000, 2)
    number = link.protocol_number(timeout_s) if first.prompt else None
    if number is None:
        raise Elm327Error(f"The ELM327 adapter on {link.port} did not connect to a vehicle ({_said(first)}).")
    requests.can = number in CAN_PROTOCOLS
    if requests.can:
        outcome = requests.read(b"\x01\x00", first, duration_ms)
    else:
        # the older protocols print a header and a checksum around every message: hide them
        requests.headers = False
        link.setting("ATH0", timeout_s)
        outcome = requests.ask(b"\x01\x00")
    if outcome.status in ("timeout", "error"):
        said = _said(first) if requests.can else outcome.error
        raise Elm327Error(f"The ELM327 adapter on {link.port} did not connect to a vehicle ({said}).")
    return number, outcome


def _said(answer: Answer) -> str:
    """What the adapter said instead of an answer, in a few words."""
    if not answer.prompt:
        return f"no prompt; it printed {answer.printable}"
    try:
        return decode.split_reply(answer.text).condition or "no protocol found"
    except decode.MalformedAnswer as exc:
        return str(exc)


def _supported_pids(requests: _Requests, first: _Outcome, pids: Sequence[int]) -> dict[int, set[int] | None]:
    """Each needed range's supported PIDs by base (0x00, 0x20, ...); None when its bitmap is unknown."""
    known: dict[int, set[int] | None] = {}
    top = max((pid - 1) // 0x20 * 0x20 for pid in pids if pid > 0) if any(p > 0 for p in pids) else 0
    for base in range(0, top + 1, 0x20):
        if base == 0:
            outcome = first
        else:
            below = known[base - 0x20]
            if below is not None and base not in below:
                known[base] = set()  # the range below says this one has no PIDs at all
                continue
            outcome = requests.ask(bytes((0x01, base)))
        bitmap: set[int] | None = None
        if outcome.status == "ok" and outcome.answers is not None:
            try:
                bitmap = decode.decode_supported(outcome.answers.positive, base)
            except decode.MalformedAnswer as exc:
                # unknown: the PIDs in this range are asked and their own answers recorded
                log.warning("The supported-PID bitmap 01 %02X from the ELM327 does not decode: %s", base, exc)
        known[base] = bitmap
    return known


def _pid_item(requests: _Requests, pid: int, supported: dict[int, set[int] | None]) -> SnapshotItem:
    item_id, request = f"pid_{pid:02X}", bytes((0x01, pid))
    if pid not in PIDS:
        return SnapshotItem(item_id, request.hex(), "error", error=f"no decoding is known for PID {pid:02X}")
    in_range = supported.get((pid - 1) // 0x20 * 0x20)
    if in_range is not None and pid not in in_range:
        return SnapshotItem(
            item_id, request.hex(), "unsupported", error="not in the ECU's supported-PID bitmap, so not asked"
        )
    return requests.item(item_id, request, lambda answers: decode.decode_pid(answers, pid))


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
    link = Elm327Link.open(port, baudrate, timeout_s)
    try:
        requests = _Requests(link, timeout_s)
        number, first = _connect(link, requests, protocol, timeout_s)
        snap.addresses["protocol"] = PROTOCOLS[number]
        snap.items.append(
            requests.item("vin", b"\x09\x02", lambda answers: (decode.decode_vin(answers), None))
        )
        for item_id, request in _DTC_REQUESTS:
            snap.items.append(
                requests.item(item_id, request, lambda answers: (decode.decode_dtcs(answers), None))
            )
        supported = _supported_pids(requests, first, pids)
        for pid in pids:
            snap.items.append(_pid_item(requests, pid, supported))
    finally:
        link.close()
    snap.finished_host_ns = time.monotonic_ns()
    return snap
