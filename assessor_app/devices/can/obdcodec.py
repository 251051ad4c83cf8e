"""OBD-II encodings shared by the snapshot and the simulated EV: DTCs, PIDs, supported-PID bitmaps."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

_LETTERS = "PCBU"


def dtc_from_bytes(hi: int, lo: int) -> str:
    """Two DTC bytes as a code: 0x0A 0xA6 -> 'P0AA6' (SAE J2012)."""
    return f"{_LETTERS[hi >> 6]}{(hi >> 4) & 3}{hi & 0xF:X}{lo:02X}"


def dtc_to_bytes(code: str) -> bytes:
    """'P0AA6' -> b'\\x0a\\xa6'; raises ValueError for a code that is not letter + 4 hex digits."""
    code = code.strip().upper()
    if len(code) != 5 or code[0] not in _LETTERS or code[1] not in "0123":
        raise ValueError(f"{code!r} is not a DTC such as P0AA6")
    hi = (_LETTERS.index(code[0]) << 6) | (int(code[1]) << 4) | int(code[2], 16)
    return bytes((hi, int(code[3:], 16)))


def parse_dtc_response(payload: bytes) -> list[str]:
    """DTCs from a 43/47/4A answer over CAN: ``<sid> <count> (<hi> <lo>)*`` (0000 pads are skipped)."""
    count = payload[1] if len(payload) > 1 else 0
    pairs = payload[2:]
    if len(pairs) < 2 * count or len(pairs) % 2:
        raise ValueError(f"the answer announces {count} DTCs but carries {len(pairs)} bytes")
    codes = [dtc_from_bytes(pairs[i], pairs[i + 1]) for i in range(0, 2 * count, 2)]
    return [c for c in codes if c != "P0000"]


def uds_dtc_code(dtc_id: int) -> str:
    """A 3-byte UDS DTC as its OBD-style code plus failure-type byte: 0x0AA600 -> 'P0AA6-00'."""
    return f"{dtc_from_bytes(dtc_id >> 16, (dtc_id >> 8) & 0xFF)}-{dtc_id & 0xFF:02X}"


@dataclass(frozen=True)
class Pid:
    pid: int
    name: str
    unit: str
    size: int
    decode: Callable[[bytes], float]
    encode: Callable[[float], bytes]


PIDS: dict[int, Pid] = {
    p.pid: p
    for p in (
        Pid(
            0x0C,
            "engine_rpm",
            "rpm",
            2,
            lambda d: (256 * d[0] + d[1]) / 4,
            lambda v: round(v * 4).to_bytes(2, "big"),
        ),
        Pid(0x0D, "vehicle_speed", "km/h", 1, lambda d: float(d[0]), lambda v: bytes((round(v),))),
        Pid(
            0x42,
            "control_module_voltage",
            "V",
            2,
            lambda d: (256 * d[0] + d[1]) / 1000,
            lambda v: round(v * 1000).to_bytes(2, "big"),
        ),
        Pid(
            0x5B,
            "hybrid_battery_remaining",
            "%",
            1,
            lambda d: 100 * d[0] / 255,
            lambda v: bytes((round(v * 255 / 100),)),
        ),
    )
}


def supported_bitmap(base: int, pids: Iterable[int]) -> bytes:
    """The 4-byte answer to PID ``base`` (0x00, 0x20, ...): bit 31 is PID base+1."""
    bits = 0
    for pid in pids:
        if base < pid <= base + 32:
            bits |= 1 << (32 - (pid - base))
    return bits.to_bytes(4, "big")


def pids_in_bitmap(base: int, bitmap: bytes) -> set[int]:
    bits = int.from_bytes(bitmap[:4], "big")
    return {base + i for i in range(1, 33) if bits & (1 << (32 - i))}
