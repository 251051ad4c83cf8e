"""What the recorder reports: its status, the latest frame, gaps and why it stopped."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

import numpy as np

StopKind = Literal["requested", "disk_reserve", "source_ended", "error"]
_KIND_NAMES = {"synthetic": "synthetic camera", "opencv-camera": "camera", "file": "video file"}


def device_name(description: dict[str, Any]) -> str:
    """A source's name for messages: "camera 0", "video file /path/x.ts"."""
    kind = str(description.get("kind", "camera"))
    return f"{_KIND_NAMES.get(kind, kind)} {description.get('identity', '')}".strip()


@dataclass(frozen=True)
class StopReason:
    """Why the recorder stopped; ``message`` is the sentence to show the trainer."""

    kind: StopKind
    message: str

    def __str__(self) -> str:
        return self.message


@dataclass(frozen=True)
class Gap:
    """A stretch with no video because the camera failed; ``end_us`` is None while it lasts."""

    device: str
    reason: str
    start_us: int
    start_mono_ns: int
    end_us: int | None = None
    end_mono_ns: int | None = None


@dataclass(frozen=True)
class LatestFrame:
    """The newest captured frame (a copy the caller owns) and when it arrived."""

    frame: np.ndarray
    capture_seq: int
    monotonic_ns: int
    timeline_us: int


@dataclass(frozen=True)
class RecorderStatus:
    state: Literal["idle", "recording", "paused", "gap", "stopped"]
    duration_s: float  # video recorded so far (closed segments and the open one)
    bytes_written: int  # video and sidecars, closed and open
    frames_written: int
    frames_dropped: int  # captured but lost because encoding fell behind
    segments: int  # closed segments
    gap: Gap | None  # the camera failure going on now, if any
    stop: StopReason | None
