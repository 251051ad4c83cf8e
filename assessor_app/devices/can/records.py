"""Plain records a capture reports: segment info, counters, live statistics, and the journal."""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from assessor_app.devices.can.config import CanConfig, DeviceIdentity
from assessor_app.durable import private_opener

JOURNAL_NAME = "capture.jsonl"


@dataclass
class CaptureCounters:
    """Everything that was not a clean frame: never silent, stored with the capture."""

    frames: int = 0  # frames written (data, remote and error frames)
    error_frames: int = 0
    queue_overflows: int = 0  # frames dropped because the writer fell behind
    bus_state_changes: int = 0  # error-active/warning/passive/bus-off transitions seen
    adapter_overruns: int = 0  # receive overruns the adapter reported (SocketCAN error frames)
    gaps: int = 0  # times the adapter was lost

    def to_dict(self) -> dict[str, int]:
        return asdict(self)


@dataclass(frozen=True)
class BusLoad:
    """Live bus load over the last complete second."""

    frames_per_s: float
    bits_per_s: float
    percent: float  # of the configured bitrate, by the frame-length estimate in bits_per_frame()


@dataclass(frozen=True)
class CaptureStats:
    """A live reading of a running capture (safe to call from any thread)."""

    counters: CaptureCounters
    load: BusLoad
    queue_depth: int
    segment_index: int
    step_id: str | None
    bus_state: str
    in_gap: bool


@dataclass(frozen=True)
class CanSegmentInfo:
    """One closed, fsynced and hashed BLF segment, as reported to ``on_segment``."""

    path: Path
    sha256: str
    size: int
    frames: int
    index: int
    step_id: str | None
    first_bus_ts: float | None  # the adapter's timestamps (Unix time, or device uptime for gs_usb)
    last_bus_ts: float | None
    first_host_ns: int | None  # time.monotonic_ns() at receipt: the video recorder's clock
    last_host_ns: int | None
    first_timeline_us: int | None  # the same instants on the assessment timeline
    last_timeline_us: int | None
    host_times_path: Path
    host_times_sha256: str
    host_times_size: int
    closed_because: str  # "step", "size", "gap", "stop"
    config: CanConfig
    device: DeviceIdentity
    counters: CaptureCounters  # the capture's totals when this segment closed
    segment_counters: CaptureCounters = field(default_factory=CaptureCounters)  # during it

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        out["path"], out["host_times_path"] = str(self.path), str(self.host_times_path)
        return out


def bits_per_frame(data_len: int, extended: bool) -> int:
    """Frame length without stuffing bits (canbusload's default estimate; 111 bits for 8 bytes)."""
    return (67 if extended else 47) + 8 * min(data_len, 8)


def append_journal(folder: Path, record: dict[str, Any]) -> None:
    """Append one line to the capture journal and fsync it: the line is durable when this returns."""
    line = json.dumps(record, sort_keys=True, default=str) + "\n"
    with open(folder / JOURNAL_NAME, "a", encoding="utf-8", opener=private_opener) as f:
        f.write(line)
        f.flush()
        os.fsync(f.fileno())


def read_journal(folder: Path) -> list[dict[str, Any]]:
    """The journal's complete lines (a torn last line from a killed process is left out)."""
    path = folder / JOURNAL_NAME
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            out.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # only a torn final line can fail, and it was never acknowledged
    return out
