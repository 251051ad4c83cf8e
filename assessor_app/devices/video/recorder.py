"""The video recorder: a capture thread and an encoder thread joined by a bounded queue.

Capture reads the source, stamps each frame (monotonic and timeline time), keeps it as the
latest frame for the preview and queues it. The encoder writes segments of fixed length and
reports each closed one. Neither thread touches Qt; the GUI polls ``status()`` and
``latest_frame()`` with a timer.
"""

from __future__ import annotations

import logging
import queue
import shutil
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Literal

import numpy as np

from assessor_app.durable import private_dir
from assessor_app.errors import AssessorError

from .clock import FrameClock, RealClock
from .errors import CameraUnavailable, ConsentRequired, VideoWriteError
from .segments import SegmentInfo, SegmentWriter, WriterFactory, next_free_index, open_video_writer
from .sources import FrameSource
from .status import Gap, LatestFrame, RecorderStatus, StopReason, device_name

log = logging.getLogger(__name__)

#: A camera must fail this many reads in a row before it counts as gone (one bad read is noise).
FAILURES_BEFORE_GAP = 3


@dataclass
class _Item:
    kind: Literal["frame", "pause", "gap_start", "gap_end", "end"]
    dropped: int = 0  # frames dropped since the previous item was queued
    frame: np.ndarray | None = None
    seq: int = 0
    mono_ns: int = 0
    timeline_us: int = 0
    gap: Gap | None = None
    stop: StopReason | None = None


def _free_bytes(path: Path) -> int:
    return shutil.disk_usage(path).free


class VideoRecorder:
    """Records a frame source into fsynced, hashed segments; see the package docstring."""

    def __init__(self, source: FrameSource, out_dir: Path, *,
                 timeline_us: Callable[[], int] | None = None,
                 segment_seconds: float = 10.0,
                 queue_frames: int = 30,
                 reserve_bytes: int = 500 * 1024 * 1024,
                 disk_check_seconds: float = 1.0,
                 free_bytes: Callable[[Path], int] = _free_bytes,
                 clock: FrameClock | None = None,
                 on_segment: Callable[[SegmentInfo], Any] | None = None,
                 on_gap_start: Callable[[str, int, str], Any] | None = None,
                 on_gap_end: Callable[[str, int], Any] | None = None,
                 on_stopped: Callable[[StopReason], Any] | None = None,
                 writer_factory: WriterFactory = open_video_writer,
                 drop_when_behind: bool | None = None,
                 reopen_backoff: tuple[float, float] = (0.25, 4.0),
                 first_index: int | None = None):
        if segment_seconds <= 0 or queue_frames < 1:
            raise ValueError("segment_seconds must be positive and queue_frames at least 1")
        self.source = source
        self.out_dir = Path(out_dir)
        self.clock = clock or RealClock()
        self._timeline_us = timeline_us
        self.segment_ns = round(segment_seconds * 1e9)
        self.reserve_bytes = reserve_bytes
        self.disk_check_ns = round(disk_check_seconds * 1e9)
        self.free_bytes = free_bytes
        self.on_segment, self.on_gap_start, self.on_gap_end = on_segment, on_gap_start, on_gap_end
        self.on_stopped = on_stopped
        self.writer_factory = writer_factory
        self.drop_when_behind = drop_when_behind
        self.backoff = reopen_backoff
        self._first_index = first_index
        self._queue: queue.Queue[_Item] = queue.Queue(maxsize=queue_frames)
        self._stop = threading.Event()  # asks the capture thread to finish
        self._paused = threading.Event()
        self._lock = threading.Lock()  # guards everything below that both threads or the GUI read
        self._latest: LatestFrame | None = None
        self._segments: list[SegmentInfo] = []
        self._gaps: list[Gap] = []
        self._state: Literal["idle", "recording", "paused", "gap", "stopped"] = "idle"
        self._stop_reason: StopReason | None = None
        self._dropped_total = 0
        self._frames_written = 0
        self._closed_bytes = 0
        self._closed_s = 0.0
        self._open_bytes = 0
        self._open_s = 0.0
        self._origin_ns = 0
        self._drops_pending = 0  # capture side: dropped, not yet reported with a queued item
        self._drops_seen = 0  # encoder side: reported, not yet counted in a segment
        self._last_disk_check = 0
        self._capture_thread: threading.Thread | None = None
        self._encoder_thread: threading.Thread | None = None

    # ------------------------------------------------------------------ control (any thread)
    def start(self, *, consent_given: bool) -> None:
        """Open the source and start recording; the caller states that consent is recorded."""
        if not consent_given:
            raise ConsentRequired("Video is recorded only after the candidate's consent to video "
                                  "is recorded for this assessment.")
        if self._state != "idle":
            raise RuntimeError("a VideoRecorder is started once")
        private_dir(self.out_dir)
        problem = self._disk_problem()
        if problem:
            raise VideoWriteError(problem)
        self.source.open()  # CameraUnavailable reaches the caller: nothing has started
        self._origin_ns = self.clock.monotonic_ns()
        self._next_index = self._first_index or next_free_index(self.out_dir)
        self._device = self.source.description
        self._live = self.source.live if self.drop_when_behind is None else self.drop_when_behind
        self._fps = float(self._device.get("fps") or 30)
        self._state = "recording"
        self._encoder_thread = threading.Thread(target=self._encode, name="video-encoder", daemon=True)
        self._capture_thread = threading.Thread(target=self._capture, name="video-capture", daemon=True)
        self._encoder_thread.start()
        self._capture_thread.start()

    def pause(self) -> None:
        """Stop writing (the open segment is closed); the preview keeps updating."""
        self._paused.set()

    def resume(self) -> None:
        """Write again, into a new segment."""
        self._paused.clear()

    def stop(self, timeout: float | None = 30.0) -> StopReason | None:
        """Stop, write out everything already captured, and wait for it (unless called by a callback)."""
        self._stop.set()
        if threading.current_thread() not in (self._encoder_thread, self._capture_thread):
            self.wait(timeout)
        return self.stop_reason

    def wait(self, timeout: float | None = None) -> bool:
        """Wait until the recorder has stopped (by itself or when told); True if it has."""
        for t in (self._capture_thread, self._encoder_thread):
            if t is not None:
                t.join(timeout)
        return self._state == "stopped"

    # ------------------------------------------------------------------ what the GUI polls
    def status(self) -> RecorderStatus:
        with self._lock:
            gap = self._gaps[-1] if self._gaps and self._gaps[-1].end_us is None else None
            state = self._state
            if state == "recording" and self._paused.is_set():
                state = "paused"
            if state == "recording" and gap is not None:
                state = "gap"
            return RecorderStatus(state, self._closed_s + self._open_s, self._closed_bytes + self._open_bytes,
                                  self._frames_written, self._dropped_total, len(self._segments), gap,
                                  self._stop_reason)

    def latest_frame(self) -> LatestFrame | None:
        """A copy of the newest frame and its times, or None before the first one."""
        with self._lock:
            latest = self._latest
        return None if latest is None else replace(latest, frame=latest.frame.copy())

    @property
    def segments(self) -> list[SegmentInfo]:
        with self._lock:
            return list(self._segments)

    @property
    def gaps(self) -> list[Gap]:
        with self._lock:
            return list(self._gaps)

    @property
    def stop_reason(self) -> StopReason | None:
        with self._lock:
            return self._stop_reason

    # ------------------------------------------------------------------ capture thread
    def _now(self) -> tuple[int, int]:
        mono = self.clock.monotonic_ns()
        timeline = self._timeline_us() if self._timeline_us else (mono - self._origin_ns) // 1000
        return mono, timeline

    def _put(self, item: _Item) -> None:
        """Queue an item, waiting for room (markers, and frames from sources that can wait)."""
        while True:
            try:
                self._queue.put(item, timeout=0.2)
                return
            except queue.Full:
                continue  # the encoder drains until it sees "end", so room always comes

    def _capture(self) -> None:
        stop: StopReason | None = None
        try:
            stop = self._capture_loop()
        except Exception as exc:  # noqa: BLE001 - logged with its traceback and reported as the stop
            log.exception("video capture failed")
            stop = StopReason("error", f"Video capture from {self._device_name} failed: {exc}")
        finally:
            try:
                self.source.close()
            finally:  # the encoder runs until it sees "end": it must always come
                self._put(_Item("end", dropped=self._take_drops(), stop=stop))

    @property
    def _device_name(self) -> str:
        return device_name(self._device)

    def _take_drops(self) -> int:
        with self._lock:
            n, self._drops_pending = self._drops_pending, 0
        return n

    def _capture_loop(self) -> StopReason | None:
        seq = 0
        failures = 0
        pause_sent = False
        fail_at = (0, 0)
        frame_s = 1 / float(self._device.get("fps") or 30)
        while not self._stop.is_set():
            ok, frame = self.source.read()
            if not ok or frame is None:
                if self.source.ended:
                    return StopReason("source_ended", f"The video source {self._device_name} has ended.")
                failures += 1
                if failures == 1:
                    fail_at = self._now()
                if failures < FAILURES_BEFORE_GAP:
                    self.clock.wait(frame_s, self._stop)
                    continue
                got = self._ride_out_gap(fail_at, failures)
                if got is None:
                    return None
                frame = got
            failures = 0
            seq += 1
            mono, timeline = self._now()
            with self._lock:
                self._latest = LatestFrame(frame, seq, mono, timeline)
            if self._paused.is_set():
                if not pause_sent:
                    self._put(_Item("pause", dropped=self._take_drops()))
                    pause_sent = True
                continue
            pause_sent = False
            item = _Item("frame", frame=frame, seq=seq, mono_ns=mono, timeline_us=timeline)
            if not self._live:
                item.dropped = self._take_drops()
                self._put(item)
                continue
            with self._lock:
                item.dropped, self._drops_pending = self._drops_pending, 0
                try:
                    self._queue.put_nowait(item)
                except queue.Full:
                    # Encoding is behind: this frame is lost, counted, and reported with the
                    # next item that gets through (so in the segment it belongs to).
                    self._drops_pending = item.dropped + 1
                    self._dropped_total += 1
        return None

    def _ride_out_gap(self, fail_at: tuple[int, int], failures: int) -> np.ndarray | None:
        """Report the gap, reopen the source with backoff; the first frame after it, or None if stopped."""
        name = self._device_name
        gap = Gap(name, f"The {name} delivered no picture ({failures} reads failed in a row).",
                  fail_at[1], fail_at[0])
        log.warning("%s (recording continues when it is back)", gap.reason)
        self._put(_Item("gap_start", dropped=self._take_drops(), gap=gap))
        self.source.close()
        delay, longest = self.backoff
        while not self.clock.wait(delay, self._stop):
            delay = min(delay * 2, longest)
            try:
                self.source.open()
            except CameraUnavailable as exc:
                log.info("still no camera: %s", exc)
                continue
            ok, frame = self.source.read()
            if ok and frame is not None:
                self._device = self.source.description  # the camera may come back in another mode
                self._fps = float(self._device.get("fps") or 30)
                mono, timeline = self._now()
                self._put(_Item("gap_end", gap=replace(gap, end_us=timeline, end_mono_ns=mono)))
                log.info("%s is back; recording resumes in a new segment", name)
                return frame
            self.source.close()
        return None

    # ------------------------------------------------------------------ encoder thread
    def _disk_problem(self) -> str | None:
        free = self.free_bytes(self.out_dir)
        if free >= self.reserve_bytes:
            return None
        return (f"Recording stopped: only {free / 1e6:.0f} MB is free on the disk holding "
                f"{self.out_dir}, below the {self.reserve_bytes / 1e6:.0f} MB kept in reserve. "
                f"Every segment written so far is kept.")

    def _halt(self, reason: StopReason) -> None:
        """Stop from the encoder's side: record why and tell the capture thread to finish."""
        with self._lock:
            if self._stop_reason is None:
                self._stop_reason = reason
        self._stop.set()

    def _encode(self) -> None:
        seg: SegmentWriter | None = None
        halted = False
        end: StopReason | None = None
        while True:
            item = self._queue.get()
            if item.kind == "end":
                end = item.stop
            if not halted:  # after a halt only the capture thread's "end" matters
                try:
                    seg, halted = self._handle(item, seg)
                except (AssessorError, OSError) as exc:
                    log.exception("video recording failed")
                    self._abandon(seg)
                    seg = None
                    self._halt(StopReason("error", f"Video recording stopped: {exc}"))
                    halted = True
                except Exception as exc:  # noqa: BLE001 - logged with traceback, shown as the stop reason
                    log.exception("video recording failed unexpectedly")
                    self._abandon(seg)
                    seg = None
                    self._halt(StopReason("error", f"Video recording stopped by an internal error: {exc!r}"))
                    halted = True
            if item.kind == "end":
                break
        self._finish(end)

    def _handle(self, item: _Item, seg: SegmentWriter | None) -> tuple[SegmentWriter | None, bool]:
        """Act on one queued item; the open segment after it, and whether recording must halt."""
        self._drops_seen += item.dropped
        if item.kind != "frame":
            self._close(seg)
            if item.kind == "gap_start" and item.gap is not None:
                self._gap_started(item.gap)
            elif item.kind == "gap_end" and item.gap is not None:
                self._gap_ended(item.gap)
            return None, False
        assert item.frame is not None
        size = (item.frame.shape[1], item.frame.shape[0])
        if seg is not None and (item.mono_ns - seg.start_ns >= self.segment_ns or size != seg.size):
            self._close(seg)
            seg = None
        if seg is None or item.mono_ns - self._last_disk_check >= self.disk_check_ns:
            self._last_disk_check = item.mono_ns
            problem = self._disk_problem()
            if problem:
                self._close(seg)
                self._halt(StopReason("disk_reserve", problem))
                return None, True
        if seg is None:
            seg = SegmentWriter(self.out_dir, self._next_index, self._fps, size, self._device,
                                self.writer_factory)
            self._next_index += 1
        seg.dropped += self._drops_seen
        self._drops_seen = 0
        seg.write(item.frame, item.seq, item.mono_ns, item.timeline_us)
        with self._lock:
            self._frames_written += 1
            self._open_bytes = seg.bytes_written
            self._open_s = (item.mono_ns - seg.start_ns) / 1e9 + 1 / seg.fps
        return seg, False

    def _close(self, seg: SegmentWriter | None) -> None:
        if seg is None:
            return
        seg.dropped += self._drops_seen
        self._drops_seen = 0
        info = seg.close()
        with self._lock:
            self._segments.append(info)
            self._closed_bytes += info.size + info.sidecar_size
            self._closed_s += info.duration_s
            self._open_bytes, self._open_s = 0, 0.0
        log.info("segment %s closed: %d frames, %d dropped, %d bytes", info.path.name, info.frames,
                 info.dropped, info.size)
        if self.on_segment:
            self.on_segment(info)

    def _abandon(self, seg: SegmentWriter | None) -> None:
        if seg is not None:
            try:
                seg.abandon()
            except (OSError, AssessorError):
                log.exception("could not release the failed segment %s", seg.path)
        with self._lock:
            self._open_bytes, self._open_s = 0, 0.0

    def _gap_started(self, gap: Gap) -> None:
        with self._lock:
            self._gaps.append(gap)
        if self.on_gap_start:
            self.on_gap_start(gap.device, gap.start_us, gap.reason)

    def _gap_ended(self, gap: Gap) -> None:
        with self._lock:
            self._gaps[-1] = gap
        if self.on_gap_end:
            self.on_gap_end(gap.device, gap.end_us)  # type: ignore[arg-type]

    def _finish(self, end: StopReason | None) -> None:
        with self._lock:
            if self._stop_reason is None:
                self._stop_reason = end or StopReason("requested", "Video recording stopped.")
            reason = self._stop_reason
            self._state = "stopped"
        log.info("video recording stopped: %s", reason.message)
        if self.on_stopped:
            try:
                self.on_stopped(reason)
            except Exception:  # noqa: BLE001 - the recorder is done; the failure is logged in full
                log.exception("the on_stopped callback failed")
