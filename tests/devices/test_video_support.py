"""Helpers shared by the video tests (no tests here): decoding, ffprobe, a simulated recording."""

from __future__ import annotations

import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import cv2

from assessor_app.devices.video import SegmentInfo, SimulatedClock, StopReason, SyntheticCamera, VideoRecorder

FFPROBE = shutil.which("ffprobe")
NO_FFPROBE = "ffprobe is not installed (Debian: apt-get install ffmpeg); OpenCV decoding still checked"
#: The assessment timeline is offset from the monotonic clock, as it is in the app.
TIMELINE_OFFSET_US = 7_000_000


def decoded_frames(path: Path) -> int:
    """Frames OpenCV decodes from a file, read to the end."""
    cap = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    assert cap.isOpened(), f"OpenCV cannot open {path}"
    n = 0
    while cap.grab():
        n += 1
    cap.release()
    return n


def ffprobe_frames(path: Path) -> int:
    """Frames ffprobe counts by decoding the whole video stream (proves a player can play it)."""
    assert FFPROBE
    out = subprocess.run(
        [FFPROBE, "-v", "error", "-count_frames", "-select_streams", "v:0",
         "-show_entries", "stream=nb_read_frames,codec_name", "-of", "default=nw=1", str(path)],
        capture_output=True, text=True, timeout=60, check=True,
    ).stdout
    fields = dict(line.split("=", 1) for line in out.split())
    assert fields["codec_name"] == "mpeg4", fields
    return int(fields["nb_read_frames"])


@dataclass
class Run:
    """What a recording reported through its callbacks, in order."""

    recorder: VideoRecorder
    clock: SimulatedClock
    events: list[tuple[Any, ...]] = field(default_factory=list)

    @property
    def segments(self) -> list[SegmentInfo]:
        return [e[1] for e in self.events if e[0] == "segment"]

    @property
    def stops(self) -> list[StopReason]:
        return [e[1] for e in self.events if e[0] == "stopped"]


def simulated_run(out: Path, *, seconds: float = 3.5, fps: float = 30.0, segment_seconds: float = 1.0,
                  unplugged: tuple[tuple[float, float], ...] = (), start: bool = True,
                  **recorder_args: Any) -> Run:
    """A 320x240 synthetic camera on a simulated clock, recorded by the real recorder."""
    clock = SimulatedClock(start_ns=1_000_000_000)
    camera = SyntheticCamera(320, 240, fps, clock=clock, duration_s=seconds, unplugged=unplugged)
    run = Run(None, clock)  # type: ignore[arg-type]
    recorder_args.setdefault("timeline_us", lambda: clock.monotonic_ns() // 1000 + TIMELINE_OFFSET_US)
    run.recorder = VideoRecorder(
        camera, out, clock=clock, segment_seconds=segment_seconds,
        on_segment=lambda info: run.events.append(("segment", info)),
        on_gap_start=lambda *a: run.events.append(("gap_start", *a)),
        on_gap_end=lambda *a: run.events.append(("gap_end", *a)),
        on_stopped=lambda reason: run.events.append(("stopped", reason)),
        **recorder_args,
    )
    if start:
        run.recorder.start(consent_given=True)
        assert run.recorder.wait(timeout=60), "the recording did not finish"
    return run
