"""One assessment's video: recorded into its capture folder, every closed segment indexed.

The recorder reports each segment after it is fsynced; the session commits its index rows
(segment and frame-time sidecar) before the recorder goes on, so the store never names a file
that is not whole on disk, and a sealed bundle carries exactly the indexed segments. Camera
gaps are recorded when they open and closed when the camera is back.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from assessor_app.core.events import Event
from assessor_app.devices.video import (
    ClipInfo,
    FrameClock,
    FrameSource,
    LatestFrame,
    RecorderStatus,
    SegmentInfo,
    StopReason,
    VideoError,
    VideoRecorder,
    export_clip,
)
from assessor_app.devices.video.status import device_name
from assessor_app.storage.captures import CaptureFileRecord, CaptureIndex, captures_dir
from assessor_app.storage.store import AssessmentStore

log = logging.getLogger(__name__)


class VideoSession:
    """Records ``source`` for one assessment; ``timeline_us`` maps capture to its timeline."""

    def __init__(self, store: AssessmentStore, data_dir: Path, assessment_id: str,
                 source: FrameSource, *, timeline_us: Callable[[], int],
                 clock: FrameClock | None = None, segment_seconds: float = 10.0,
                 on_stopped: Callable[[StopReason], Any] | None = None, **recorder_options: Any):
        self.assessment_id = assessment_id
        self.folder = captures_dir(data_dir, assessment_id)
        self._index = CaptureIndex(store)
        self._open_gaps: dict[str, int] = {}
        self._lock = threading.Lock()
        self._notices: list[str] = []
        self._marks: list[tuple[int, str]] = []  # (timeline µs, step): the step being worked on from then
        self._on_stopped = on_stopped
        self.device = device_name(source.description)
        self.recorder = VideoRecorder(
            source, self.folder / "video", timeline_us=timeline_us, clock=clock,
            segment_seconds=segment_seconds, on_segment=self._segment, on_gap_start=self._gap_start,
            on_gap_end=self._gap_end, on_stopped=self._stopped, **recorder_options,
        )

    # ----------------------------------------------------------- control (any thread)
    def start(self, *, consent_given: bool) -> None:
        self.recorder.start(consent_given=consent_given)

    def pause(self) -> None:
        self.recorder.pause()

    def resume(self) -> None:
        self.recorder.resume()

    def stop(self) -> StopReason | None:
        """Stop and write out what was captured; every closed segment is indexed on return."""
        return self.recorder.stop()

    def request_stop(self) -> None:
        """Ask the recorder to stop without waiting for it (``stop()`` then waits)."""
        self.recorder.stop(timeout=0)

    def status(self) -> RecorderStatus:
        return self.recorder.status()

    def latest_frame(self) -> LatestFrame | None:
        return self.recorder.latest_frame()

    def mark_step(self, step_id: str, t_us: int) -> None:
        """A step mark on the recording: from ``t_us`` on, the trainer works on ``step_id``."""
        with self._lock:
            if not self._marks or self._marks[-1][1] != step_id:
                self._marks.append((t_us, step_id))

    def steps_between(self, t0_us: int, t1_us: int) -> list[str]:
        """The steps worked on during [t0, t1], in order (the one under way at t0 first)."""
        with self._lock:
            marks = list(self._marks)
        steps = [s for t, s in marks if t <= t0_us][-1:]
        for t, s in marks:
            if t0_us < t <= t1_us and s not in steps:
                steps.append(s)
        return steps

    def take_notices(self) -> list[str]:
        """Messages for the trainer since the last call (camera lost or back, recording stopped)."""
        with self._lock:
            notices, self._notices = self._notices, []
        return notices

    # ------------------------------------------------------ callbacks (recorder thread)
    def _notify(self, text: str) -> None:
        log.info("video %s: %s", self.assessment_id, text)
        with self._lock:
            self._notices.append(text)

    def _segment(self, info: SegmentInfo) -> None:
        now = time.time_ns() // 1000
        device = device_name(info.device) if info.device else self.device
        video = info.path.relative_to(self.folder).as_posix()
        sidecar = info.sidecar_path.relative_to(self.folder).as_posix()
        meta = {k: v for k, v in info.to_dict().items() if k not in ("path", "sidecar_path")}
        meta["frame_times"] = sidecar
        steps = self.steps_between(info.t_start_us, info.t_end_us)
        step = steps[0] if steps else None
        self._index.add_file(self.assessment_id, CaptureFileRecord(
            "video", video, info.sha256, info.size, device, info.t_start_us, info.t_end_us,
            step, info.frames, info.dropped, {**meta, "steps": steps}, now))
        self._index.add_file(self.assessment_id, CaptureFileRecord(
            "frame_times", sidecar, info.sidecar_sha256, info.sidecar_size, device,
            info.t_start_us, info.t_end_us, step, info.frames, 0, {"video": video}, now))
        if info.dropped:
            self._notify(f"{info.dropped} frames dropped in {video}: the computer could not keep up")

    def _gap_start(self, device: str, t_us: int, reason: str) -> None:
        self._open_gaps[device] = self._index.open_gap(
            self.assessment_id, device=device, kind="video", t_start_us=t_us, reason=reason)
        self._notify(f"{device}: {reason}. Recording resumes when it is back.")

    def _gap_end(self, device: str, t_us: int) -> None:
        gap = self._open_gaps.pop(device, None)
        if gap is not None:
            self._index.close_gap(gap, t_us)
        self._notify(f"{device} is back: recording again")

    def _stopped(self, reason: StopReason) -> None:
        if reason.kind != "requested":
            self._notify(reason.message)
        if self._on_stopped is not None:
            self._on_stopped(reason)


class FollowingClock:
    """A video clock that follows a scripted clock: frames are made up to its time, never past it.

    The scripted demo moves its assessment clock in jumps; the synthetic camera then produces
    exactly the frames of that stretch, each stamped with its own time, and waits.
    """

    realtime = False

    def __init__(self, lead_ns: Callable[[], int]):
        self._lead = lead_ns
        self._now = lead_ns()
        self._moved = threading.Condition()
        self._released = False

    def monotonic_ns(self) -> int:
        return self._now

    def wait(self, seconds: float, stop: threading.Event) -> bool:
        target = self._now + max(0, round(seconds * 1e9))
        with self._moved:
            while self._lead() < target and not stop.is_set() and not self._released:
                self._moved.wait(0.5)
            released = self._released
        self._now = target if released else min(target, max(self._now, self._lead()))
        return stop.is_set()

    def release(self) -> None:
        """Stop following: time passes freely again (after a stop was requested, to let it end)."""
        with self._moved:
            self._released = True
            self._moved.notify_all()

    def lead_moved(self) -> None:
        """Call after moving the scripted clock, to wake the capture promptly."""
        with self._moved:
            self._moved.notify_all()

    def caught_up(self) -> bool:
        return self._now >= self._lead()


def indexed_segments(store: AssessmentStore, data_dir: Path, assessment_id: str) -> list[SegmentInfo]:
    """The assessment's closed video segments, as the recorder reported them."""
    folder = captures_dir(data_dir, assessment_id)
    segments = []
    for f in CaptureIndex(store).files(assessment_id, kind="video"):
        fields = {k: v for k, v in f.meta.items() if k not in ("frame_times", "steps")}
        segments.append(SegmentInfo(path=folder / f.name, sidecar_path=folder / f.meta["frame_times"],
                                    **fields))
    return segments


def step_span(events: list[Event], step_id: str) -> tuple[int, int] | None:
    """The timeline range of a step: from its first start to its last result (its marks)."""
    start = end = None
    for e in events:
        if e.payload.get("step") != step_id:
            continue
        if e.kind == "step_started" and start is None:
            start = e.t_us
        elif e.kind == "step_result":
            end = e.t_us
            start = e.t_us if start is None else start
    return None if start is None or end is None else (start, end)


def export_step_clip(store: AssessmentStore, data_dir: Path, assessment_id: str, step_id: str,
                     out: Path) -> ClipInfo:
    """A clip of one step, cut from the recorded segments (each checked against its hash)."""
    span = step_span(store.events(assessment_id), step_id)
    if span is None:
        raise VideoError(f"step {step_id} of assessment {assessment_id} has no start and result marks")
    segments = indexed_segments(store, data_dir, assessment_id)
    if not segments:
        raise VideoError(f"assessment {assessment_id} has no recorded video")
    return export_clip(segments, span[0], span[1], out)  # it makes a missing folder owner-only
