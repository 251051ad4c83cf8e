"""What an ELM327 prints, read as OBD-II answers: pure functions, no serial line.

The adapter answers a request with text lines ended by CR (and LF when ATL1), then a ``>``
prompt. Over CAN with headers on (ATH1) every line is one frame: the CAN id (3 hex digits for
11-bit ids, 8 for 29-bit), the ISO-TP PCI byte(s) and data; with headers off a single frame is
the data alone and a multi-frame answer is its length (3 hex digits) followed by lines
``0: ...``, ``1: ...``. On the older protocols (J1850, ISO 9141, KWP) with headers off every
line is one message. Spaces (ATS1) may or may not separate the bytes.

Everything here either returns decoded values or raises ``MalformedAnswer`` with a sentence
that says what was wrong; nothing else escapes, whatever the adapter printed.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assessor_app.devices.can.obdcodec import PIDS, dtc_from_bytes, pids_in_bitmap

#: The adapter's own messages instead of an answer (ELM327 datasheet, "messages and alerts").
CONDITIONS = (
    "NO DATA",
    "UNABLE TO CONNECT",
    "CAN ERROR",
    "BUS ERROR",
    "BUS BUSY",
    "BUFFER FULL",
    "DATA ERROR",
    "FB ERROR",
    "RX ERROR",
    "STOPPED",
    "ACT ALERT",
    "LP ALERT",
    "LV RESET",
    "?",
)
#: Progress lines the adapter prints before an answer; they carry no data.
_PROGRESS = ("SEARCHING...", "SEARCHING")
_HEX = re.compile(r"[0-9A-F]*")
_INDEXED = re.compile(r"([0-9A-F]):(.*)")
#: A few ISO 14229-1 negative response codes, named as the UDS snapshot names them.
NRC_NAMES = {
    0x10: "generalReject",
    0x11: "serviceNotSupported",
    0x12: "subFunctionNotSupported",
    0x13: "incorrectMessageLengthOrInvalidFormat",
    0x14: "responseTooLong",
    0x21: "busyRepeatRequest",
    0x22: "conditionsNotCorrect",
    0x24: "requestSequenceError",
    0x31: "requestOutOfRange",
    0x33: "securityAccessDenied",
    0x78: "requestCorrectlyReceivedResponsePending",
}
_RESPONSE_PENDING = 0x78


class MalformedAnswer(ValueError):
    """The adapter's text is not a well-formed answer to the request."""


@dataclass(frozen=True)
class Reply:
    """One request's answer as printed: its data lines, or the adapter's condition instead."""

    lines: tuple[str, ...]
    condition: str | None = None


@dataclass(frozen=True)
class EcuPayload:
    """One ECU's complete answer: ``ecu`` is its CAN id in hex ("7E8"), None with headers off."""

    ecu: str | None
    payload: bytes


def nrc_name(code: int) -> str:
    """``0x31 requestOutOfRange``; unknown codes by number only."""
    name = NRC_NAMES.get(code)
    return f"0x{code:02X} {name}" if name else f"0x{code:02X}"


def split_reply(text: str, command: str = "") -> Reply:
    """The lines of one answer (up to its prompt), the echo and progress lines left out.

    CR, LF and CR LF all end a line. When the only lines are one of the adapter's conditions
    ("NO DATA", "CAN ERROR", "?", ...), that is the reply's ``condition``. A condition printed
    among data lines means the answer was cut short: ``MalformedAnswer``.
    """
    text = text.split(">", 1)[0]
    lines = [line.strip() for line in re.split(r"[\r\n]+", text)]
    lines = [line for line in lines if line]
    if lines and command and _squash(lines[0]) == _squash(command):
        lines = lines[1:]  # the echo, when the adapter ignored ATE0
    lines = [line for line in lines if line.upper() not in _PROGRESS and not _is_bus_init(line)]
    conditions = [c for c in (_condition(line) for line in lines) if c]
    if conditions and len(conditions) == len(lines):
        return Reply((), conditions[0])
    if conditions:
        raise MalformedAnswer(f"the adapter reported {conditions[0]} in the middle of an answer")
    return Reply(tuple(lines))


def _squash(line: str) -> str:
    return line.replace(" ", "").upper()


def _is_bus_init(line: str) -> bool:
    # "BUS INIT: ...OK" on the K-line protocols; "BUS INIT: ...ERROR" is a condition
    upper = line.upper()
    return upper.startswith("BUS INIT") and "ERROR" not in upper


def _condition(line: str) -> str | None:
    upper = line.upper().strip()
    if upper.startswith("BUS INIT"):
        return upper
    for condition in CONDITIONS:
        if upper == condition or upper.lstrip("<") == condition:
            return condition
    if re.fullmatch(r"ERR\d\d", upper):
        return upper
    return None


def _hex_bytes(text: str, line: str) -> bytes:
    squashed = _squash(text)
    if not squashed or not _HEX.fullmatch(squashed) or len(squashed) % 2:
        raise MalformedAnswer(f"the line {_show(line)} is not whole hex bytes")
    return bytes.fromhex(squashed)


def _show(line: str, limit: int = 60) -> str:
    return repr(line if len(line) <= limit else line[:limit] + "...")


def can_payloads(lines: Sequence[str], *, headers: bool) -> list[EcuPayload]:
    """The complete ISO-TP answers in the lines of one CAN reply, in the order the ECUs answered."""
    if not lines:
        raise MalformedAnswer("the adapter printed no answer before its prompt")
    return _with_headers(lines) if headers else _without_headers(lines)


def _with_headers(lines: Sequence[str]) -> list[EcuPayload]:
    # An 11-bit id is 3 hex digits and every byte after it 2: an odd count of digits. A 29-bit
    # id is 8 digits, so an even count. This tells them apart whatever ATS says about spaces.
    assemblies: dict[str, _Assembly] = {}
    out: list[EcuPayload] = []
    for line in lines:
        squashed = _squash(line)
        if not _HEX.fullmatch(squashed):
            raise MalformedAnswer(f"the line {_show(line)} is not a CAN frame")
        id_digits = 3 if len(squashed) % 2 else 8
        ecu, data = squashed[:id_digits], squashed[id_digits:]
        if not data:
            raise MalformedAnswer(f"the frame {_show(line)} has no data")
        frame = bytes.fromhex(data)
        if len(frame) > 8:
            raise MalformedAnswer(f"the frame {_show(line)} is longer than a CAN frame")
        done = assemblies.setdefault(ecu, _Assembly(ecu)).add(frame, line)
        if done is not None:
            out.append(EcuPayload(ecu, done))
    unfinished = [a for a in assemblies.values() if a.pending]
    if unfinished:
        a = unfinished[0]
        raise MalformedAnswer(
            f"the answer from {a.ecu} ends after {len(a.data)} of the {a.length} bytes it announced"
        )
    return out


class _Assembly:
    """ISO 15765-2 reassembly of one ECU's frames."""

    def __init__(self, ecu: str) -> None:
        self.ecu = ecu
        self.length = 0
        self.data = b""
        self.next_index = 0
        self.pending = False

    def add(self, frame: bytes, line: str) -> bytes | None:
        kind = frame[0] >> 4
        if kind == 0:
            if self.pending:
                raise MalformedAnswer(f"{self.ecu} started a new answer before finishing the last one")
            length = frame[0] & 0x0F
            if not 1 <= length <= len(frame) - 1:
                raise MalformedAnswer(f"the single frame {_show(line)} announces {length} bytes")
            return frame[1 : 1 + length]
        if kind == 1:
            if self.pending:
                raise MalformedAnswer(f"{self.ecu} started a new answer before finishing the last one")
            if len(frame) < 2:
                raise MalformedAnswer(f"the first frame {_show(line)} is cut short")
            self.length = ((frame[0] & 0x0F) << 8) | frame[1]
            if self.length < 8:
                raise MalformedAnswer(f"the first frame {_show(line)} announces only {self.length} bytes")
            self.data, self.next_index, self.pending = frame[2:], 1, True
            return self._finished()
        if kind == 2:
            if not self.pending:
                raise MalformedAnswer(f"the consecutive frame {_show(line)} follows no first frame")
            if frame[0] & 0x0F != self.next_index:
                raise MalformedAnswer(
                    f"the frame {_show(line)} is out of sequence (expected index {self.next_index})"
                )
            self.data += frame[1:]
            self.next_index = (self.next_index + 1) % 16
            return self._finished()
        raise MalformedAnswer(f"the frame {_show(line)} is not a single, first or consecutive frame")

    def _finished(self) -> bytes | None:
        if len(self.data) < self.length:
            return None
        self.pending = False
        return self.data[: self.length]


def _without_headers(lines: Sequence[str]) -> list[EcuPayload]:
    out: list[EcuPayload] = []
    length: int | None = None
    data = b""
    next_index = 0
    for line in lines:
        squashed = _squash(line)
        indexed = _INDEXED.fullmatch(squashed)
        if len(squashed) == 3 and _HEX.fullmatch(squashed):
            if length is not None:
                raise MalformedAnswer(f"a new answer {_show(line)} began before the last was complete")
            length, data, next_index = int(squashed, 16), b"", 0
            if length == 0:
                raise MalformedAnswer("a multi-frame answer announces 0 bytes")
        elif indexed:
            if length is None:
                raise MalformedAnswer(f"the line {_show(line)} follows no length line")
            if int(indexed.group(1), 16) != next_index:
                raise MalformedAnswer(f"the line {_show(line)} is out of sequence (expected {next_index}:)")
            data += _hex_bytes(indexed.group(2), line)
            next_index = (next_index + 1) % 16
            if len(data) >= length:
                out.append(EcuPayload(None, data[:length]))
                length = None
        else:
            if length is not None:
                raise MalformedAnswer(f"the line {_show(line)} interrupts a multi-frame answer")
            out.append(EcuPayload(None, _hex_bytes(squashed, line)))
    if length is not None:
        raise MalformedAnswer(
            f"the multi-frame answer ends after {len(data)} of the {length} bytes it announced"
        )
    return out


def message_payloads(lines: Sequence[str]) -> list[EcuPayload]:
    """The messages of a J1850 / ISO 9141 / KWP reply with headers off: one per line."""
    if not lines:
        raise MalformedAnswer("the adapter printed no answer before its prompt")
    return [EcuPayload(None, _hex_bytes(line, line)) for line in lines]


@dataclass(frozen=True)
class Answers:
    """The answers to one request, sorted into positive ones and negative responses."""

    positive: tuple[EcuPayload, ...]
    negative: tuple[EcuPayload, ...]

    @property
    def nrc(self) -> str:
        """The first negative response's code, named."""
        payload = self.negative[0].payload
        return nrc_name(payload[2]) if len(payload) > 2 else "no code"


def sort_answers(answers: Iterable[EcuPayload], request: bytes) -> Answers:
    """Positive answers to ``request`` (service + 0x40, same PID) and 7F negative responses to it.

    "Response pending" (7F xx 78) is an interim answer and left out. Anything else (an answer to
    another request, junk) makes the whole reply ``MalformedAnswer``: it cannot be trusted.
    """
    service = request[0]
    positive, negative = [], []
    for answer in answers:
        p = answer.payload
        if p[:1] == b"\x7f" and len(p) >= 2 and p[1] == service:
            if len(p) >= 3 and p[2] == _RESPONSE_PENDING:
                continue
            negative.append(answer)
        elif p[:1] == bytes((service + 0x40,)) and p[1 : len(request)] == request[1:]:
            positive.append(answer)
        else:
            raise MalformedAnswer(
                f"{_source(answer)} answered {p.hex(' ').upper() or 'nothing'}, not {request.hex().upper()}"
            )
    if not positive and not negative:
        raise MalformedAnswer(f"no ECU answered {request.hex().upper()}")
    return Answers(tuple(positive), tuple(negative))


def _source(answer: EcuPayload) -> str:
    return f"ECU {answer.ecu}" if answer.ecu else "an ECU"


def _by_ecu(answers: Sequence[EcuPayload]) -> list[EcuPayload]:
    # the lowest id first: 7E8 is the engine (or hybrid) controller on the 11-bit ids
    return sorted(answers, key=lambda a: (len(a.ecu or ""), a.ecu or ""))


def decode_vin(answers: Sequence[EcuPayload]) -> str:
    """The 17-character VIN in mode 09 PID 02 answers.

    Over CAN one payload ``49 02 [01] + 17 characters`` (some ECUs leave out the count byte);
    on the older protocols five messages ``49 02 <n> a b c d`` joined in order of ``n``.
    Several ECUs may answer: they must agree.
    """
    per_ecu: dict[str | None, list[bytes]] = {}
    for answer in answers:
        per_ecu.setdefault(answer.ecu, []).append(answer.payload)
    vins: list[str] = []
    for payloads in per_ecu.values():
        if all(len(p) >= 19 for p in payloads):  # whole CAN answers (several ECUs with headers off)
            vins.extend(_vin_text(p[3:] if len(p) == 20 else p[2:]) for p in payloads)
        else:
            if any(len(p) < 3 for p in payloads):
                raise MalformedAnswer("a VIN message is cut short")
            ordered = sorted(payloads, key=lambda p: p[2])
            if [p[2] for p in ordered] != list(range(1, len(ordered) + 1)):
                raise MalformedAnswer("the VIN messages are not numbered 1, 2, 3, ...")
            vins.append(_vin_text(b"".join(p[3:] for p in ordered)))
    distinct = set(vins)
    if len(distinct) > 1:
        raise MalformedAnswer(f"the ECUs report different VINs: {', '.join(sorted(distinct))}")
    return distinct.pop()


def _vin_text(body: bytes) -> str:
    text = body.strip(b"\x00 ")
    if len(text) != 17 or not all(0x30 <= c <= 0x39 or 0x41 <= c <= 0x5A for c in text):
        raise MalformedAnswer(f"{body.hex(' ').upper()} is not a 17-character VIN")
    return text.decode("ascii")


def decode_dtcs(answers: Sequence[EcuPayload]) -> list[str]:
    """DTCs in mode 03 / 07 / 0A answers, every ECU's, each code once, in the order received.

    Over CAN the service byte is followed by a count and that many pairs; the older protocols
    (and some adapters) send pairs without the count. An odd number of bytes after the service
    byte means the count is there. ``0000`` pads are not codes.
    """
    codes: list[str] = []
    for answer in answers:
        body = answer.payload[1:]
        if len(body) % 2:
            count, pairs = body[0], body[1:]
            if len(pairs) != 2 * count:
                raise MalformedAnswer(f"{_source(answer)} announces {count} DTCs but sends {len(pairs) // 2}")
        else:
            pairs = body
        for i in range(0, len(pairs), 2):
            code = dtc_from_bytes(pairs[i], pairs[i + 1])
            if code != "P0000" and code not in codes:
                codes.append(code)
    return codes


def decode_pid(answers: Sequence[EcuPayload], pid: int) -> tuple[float, str]:
    """A mode 01 PID's value and unit (0C rpm, 0D km/h, 42 V, 5B %), from the lowest ECU id."""
    spec = PIDS.get(pid)
    if spec is None:
        raise MalformedAnswer(f"no decoding is known for PID {pid:02X}")
    data = _by_ecu(answers)[0].payload[2:]
    if len(data) < spec.size:
        raise MalformedAnswer(f"PID {pid:02X} needs {spec.size} data bytes, the answer has {len(data)}")
    return round(spec.decode(data[: spec.size]), 3), spec.unit


def decode_supported(answers: Sequence[EcuPayload], base: int) -> set[int]:
    """The PIDs any ECU supports by its answer to PID ``base`` (0x00, 0x20, 0x40, ...)."""
    supported: set[int] = set()
    for answer in answers:
        bitmap = answer.payload[2:]
        if len(bitmap) < 4:
            raise MalformedAnswer(f"the supported-PID bitmap {bitmap.hex().upper()} is not 4 bytes")
        supported |= pids_in_bitmap(base, bitmap)
    return supported
