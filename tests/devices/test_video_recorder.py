"""The recorder end to end on a synthetic camera: segments, sidecars, hashes, faults, drops."""

from __future__ import annotations

import threading
from pathlib import Path

import numpy as np
import pytest
from test_video_support import (
    FFPROBE,
    NO_FFPROBE,
    TIMELINE_OFFSET_US,
    decoded_frames,
    ffprobe_frames,
    simulated_run,
)

from assessor_app.devices.video import (
    CONTAINER,
    CameraUnavailable,
    ConsentRequired,
    SimulatedClock,
    SyntheticCamera,
    VideoRecorder,
    VideoWriteError,
    open_video_writer,
    read_sidecar,
    sha256_file,
)


def test_segments_have_the_set_length_and_every_frame_is_in_a_sidecar(tmp_path: Path):
    run = simulated_run(tmp_path, seconds=3.5, fps=30, segment_seconds=1.0)
    segs = run.segments
    # 105 frames at exactly 1/30 s: three full 1 s segments and a half one
    assert [s.frames for s in segs] == [30, 30, 30, 15]
    assert [s.index for s in segs] == [1, 2, 3, 4]
    assert [s.path.name for s in segs] == [f"seg-00000{i}.ts" for i in range(1, 5)]
    assert [round(s.duration_s, 6) for s in segs] == [1.0, 1.0, 1.0, 0.5]
    assert run.stops and run.stops[0].kind == "source_ended" and len(run.stops) == 1
    status = run.recorder.status()
    assert (status.state, status.frames_written, status.frames_dropped, status.segments) == (
        "stopped", 105, 0, 4)
    assert status.bytes_written == sum(s.size + s.sidecar_size for s in segs)

    previous_mono = previous_timeline = -1
    for s in segs:
        assert (s.width, s.height, s.fps, s.container, s.dropped) == (320, 240, 30.0, CONTAINER, 0)
        assert s.device["kind"] == "synthetic" and s.device["identity"] == "synthetic-0"
        times = read_sidecar(s.sidecar_path)
        assert [t.frame for t in times] == list(range(s.frames))
        for t in times:  # monotonic across the whole recording, on both clocks
            assert t.monotonic_ns > previous_mono and t.timeline_us > previous_timeline
            assert t.timeline_us == t.monotonic_ns // 1000 + TIMELINE_OFFSET_US
            previous_mono, previous_timeline = t.monotonic_ns, t.timeline_us
        assert (s.t_start_us, s.t_end_us) == (times[0].timeline_us, times[-1].timeline_us)
        assert (s.mono_start_ns, s.mono_end_ns) == (times[0].monotonic_ns, times[-1].monotonic_ns)
        # hashed while written: equal to a hash of the file as it is on disk now
        assert s.sha256 == sha256_file(s.path) and s.size == s.path.stat().st_size
        assert s.sidecar_sha256 == sha256_file(s.sidecar_path)
        assert s.sidecar_size == s.sidecar_path.stat().st_size
        assert decoded_frames(s.path) == s.frames
    assert [t.capture_seq for s in segs for t in read_sidecar(s.sidecar_path)] == list(range(1, 106))
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        n for s in segs for n in (s.path.name, s.sidecar_path.name))


@pytest.mark.skipif(FFPROBE is None, reason=NO_FFPROBE)
def test_ffprobe_plays_every_segment_to_its_recorded_frame_count(tmp_path: Path):
    run = simulated_run(tmp_path, seconds=2.5, segment_seconds=1.0)
    assert [ffprobe_frames(s.path) for s in run.segments] == [s.frames for s in run.segments]


def test_segment_info_round_trips_through_json_ready_dict(tmp_path: Path):
    import json

    from assessor_app.devices.video import SegmentInfo

    seg = simulated_run(tmp_path, seconds=0.5).segments[0]
    assert SegmentInfo.from_dict(json.loads(json.dumps(seg.to_dict()))) == seg


def test_unplugged_camera_leaves_a_gap_and_recording_resumes_in_new_segments(tmp_path: Path):
    hashes_when_reported: dict[str, str] = {}
    run = simulated_run(tmp_path, seconds=4.0, segment_seconds=1.0, unplugged=((1.5, 2.2),),
                        reopen_backoff=(0.1, 0.4))
    kinds = [e[0] for e in run.events]
    gap_at = kinds.index("gap_start")
    assert kinds[gap_at + 1] == "gap_end" and kinds[-1] == "stopped"
    assert kinds.count("gap_start") == kinds.count("gap_end") == 1
    _, device, start_us, reason = run.events[gap_at]
    _, device_end, end_us = run.events[gap_at + 1]
    assert device == device_end == "synthetic camera synthetic-0"
    assert "synthetic-0" in reason and "no picture" in reason
    # the camera went at 1.5 s and is back (reopened) from 2.2 s on
    assert start_us == 1_500_000 + 1_000_000 + TIMELINE_OFFSET_US
    assert 2_200_000 + 1_000_000 + TIMELINE_OFFSET_US <= end_us
    gap = run.recorder.gaps[0]
    assert (gap.start_us, gap.end_us, gap.reason) == (start_us, end_us, reason)

    before = [e[1] for e in run.events[:gap_at] if e[0] == "segment"]
    after = [e[1] for e in run.events[gap_at:] if e[0] == "segment"]
    assert before and after
    assert before[-1].t_end_us < start_us and after[0].t_start_us >= end_us
    assert after[0].index == before[-1].index + 1  # a new segment, numbered on
    for s in run.segments:
        hashes_when_reported[s.path.name] = s.sha256
        times = read_sidecar(s.sidecar_path)
        assert not any(start_us <= t.timeline_us < end_us for t in times)
        assert decoded_frames(s.path) == s.frames == len(times)
    # segments written before the gap are untouched by the reopen and what followed it
    assert {s.path.name: sha256_file(s.path) for s in run.segments} == hashes_when_reported
    assert run.recorder.status().gap is None


def test_recording_stops_cleanly_at_the_disk_reserve_and_keeps_what_it_wrote(tmp_path: Path):
    out = tmp_path / "video"
    budget = 600_000  # a "disk" with 600 kB above the reserve, filled by the recording itself

    def free_bytes(folder: Path) -> int:
        used = sum(p.stat().st_size for p in folder.iterdir())
        return 1_000_000 + budget - used

    run = simulated_run(out, seconds=30.0, segment_seconds=1.0, reserve_bytes=1_000_000,
                        disk_check_seconds=0.2, free_bytes=free_bytes)
    assert len(run.stops) == 1
    stop = run.stops[0]
    assert stop.kind == "disk_reserve"
    assert str(out) in stop.message and "reserve" in stop.message and "kept" in stop.message
    segs = run.segments
    assert segs and sum(s.frames for s in segs) < 30 * 30  # it stopped long before the source ended
    # every file on the disk is a reported, closed segment that matches its hash and plays
    assert sorted(p.name for p in out.iterdir()) == sorted(
        n for s in segs for n in (s.path.name, s.sidecar_path.name))
    for s in segs:
        assert sha256_file(s.path) == s.sha256 and decoded_frames(s.path) == s.frames
    assert run.recorder.status().stop == stop


def test_start_refuses_when_the_disk_is_already_below_the_reserve(tmp_path: Path):
    run = simulated_run(tmp_path, start=False, reserve_bytes=10**9, free_bytes=lambda _: 10**6)
    with pytest.raises(VideoWriteError, match="reserve"):
        run.recorder.start(consent_given=True)
    assert list(tmp_path.iterdir()) == []


def test_frames_are_dropped_and_counted_when_the_encoder_falls_behind(tmp_path: Path):
    clock = SimulatedClock()
    captured = 0
    backlog = threading.Event()

    def timeline_us() -> int:  # called once per captured frame, on the capture thread
        nonlocal captured
        captured += 1
        if captured == 60:
            backlog.set()
        return clock.monotonic_ns() // 1000

    class SlowWriter:
        """Stalls on its first frame until the capture is 60 frames ahead: the queue overflows."""

        def __init__(self, path: Path, fps: float, size: tuple[int, int]):
            self.inner = open_video_writer(path, fps, size)

        def write(self, frame: np.ndarray) -> None:
            assert backlog.wait(30), "the capture never got ahead"
            self.inner.write(frame)

        def release(self) -> None:
            self.inner.release()

    camera = SyntheticCamera(320, 240, 30, clock=clock, duration_s=4.0)
    segs, stops = [], []
    rec = VideoRecorder(camera, tmp_path, clock=clock, timeline_us=timeline_us, segment_seconds=1.0,
                        queue_frames=4, drop_when_behind=True, writer_factory=SlowWriter,
                        on_segment=segs.append, on_stopped=stops.append)
    rec.start(consent_given=True)
    assert rec.wait(60)
    status = rec.status()
    assert captured == 120
    assert status.frames_dropped >= 60 - 4 - 1  # all but the queue and the frame being written
    assert status.frames_written + status.frames_dropped == captured  # none lost uncounted
    assert sum(s.dropped for s in segs) == status.frames_dropped
    # the sidecars show the same drops as jumps in the capture counter
    seqs = [t.capture_seq for s in segs for t in read_sidecar(s.sidecar_path)]
    assert len(seqs) == status.frames_written == sum(decoded_frames(s.path) for s in segs)
    assert (seqs[-1] - len(seqs)) + (captured - seqs[-1]) == status.frames_dropped
    assert stops[0].kind == "source_ended"


def test_pause_closes_the_segment_and_resume_starts_a_new_one(tmp_path: Path):
    holder: dict[str, VideoRecorder] = {}
    clock_box: list[SimulatedClock] = []
    frames = 0

    def timeline_us() -> int:
        nonlocal frames
        frames += 1
        if frames == 20:
            holder["r"].pause()
        elif frames == 50:
            holder["r"].resume()
        return clock_box[0].monotonic_ns() // 1000

    run = simulated_run(tmp_path, seconds=3.0, segment_seconds=10.0, timeline_us=timeline_us, start=False)
    holder["r"] = run.recorder
    clock_box.append(run.clock)
    run.recorder.start(consent_given=True)
    assert run.recorder.wait(60)
    segs = run.segments
    assert len(segs) == 2 and sum(s.dropped for s in segs) == 0
    seqs = [[t.capture_seq for t in read_sidecar(s.sidecar_path)] for s in segs]
    # frame 20 is the first one not written; frame 50 the first one written after the pause
    assert seqs[0] == list(range(1, 20)) and seqs[1][0] == 50 and seqs[1][-1] == 90
    assert run.recorder.status().frames_written == 19 + 41


def test_recording_needs_consent_and_a_camera(tmp_path: Path):
    run = simulated_run(tmp_path / "a", start=False)
    with pytest.raises(ConsentRequired, match="consent"):
        run.recorder.start(consent_given=False)
    assert not (tmp_path / "a").exists()
    run = simulated_run(tmp_path / "b", start=False, unplugged=((0.0, 60.0),))
    with pytest.raises(CameraUnavailable, match="synthetic-0"):
        run.recorder.start(consent_given=True)


def test_a_failing_segment_callback_stops_the_recording_with_a_reason(tmp_path: Path):
    clock = SimulatedClock()
    stops = []

    def index(_info: object) -> None:
        raise RuntimeError("the store is closed")

    rec = VideoRecorder(SyntheticCamera(clock=clock, duration_s=5.0), tmp_path, clock=clock,
                        segment_seconds=1.0, on_segment=index, on_stopped=stops.append)
    rec.start(consent_given=True)
    assert rec.wait(60)
    assert len(stops) == 1 and stops[0].kind == "error" and "the store is closed" in stops[0].message
    assert len(rec.segments) == 1  # written and closed before its callback failed


def test_latest_frame_is_a_copy_for_the_preview(tmp_path: Path):
    run = simulated_run(tmp_path, seconds=1.0)
    latest = run.recorder.latest_frame()
    assert latest is not None and latest.frame.shape == (240, 320, 3)
    assert latest.capture_seq == 30
    latest.frame[:] = 0
    assert run.recorder.latest_frame().frame.any()  # type: ignore[union-attr]


def test_a_resumed_recording_numbers_on_and_never_overwrites(tmp_path: Path):
    first = simulated_run(tmp_path, seconds=1.5)
    second = simulated_run(tmp_path, seconds=1.5)
    assert [s.index for s in first.segments] == [1, 2]
    assert [s.index for s in second.segments] == [3, 4]
    assert all(sha256_file(s.path) == s.sha256 for s in first.segments + second.segments)


def test_stop_writes_out_what_was_captured_on_a_real_clock(tmp_path: Path):
    got_frames = threading.Event()
    segs = []

    def timeline_us() -> int:
        got_frames.set()
        return 0

    camera = SyntheticCamera(320, 240, 60)  # real time
    rec = VideoRecorder(camera, tmp_path, timeline_us=timeline_us, on_segment=segs.append)
    rec.start(consent_given=True)
    assert got_frames.wait(10)
    reason = rec.stop()
    assert reason is not None and reason.kind == "requested"
    assert len(segs) == 1 and segs[0].frames == rec.status().frames_written >= 1
    assert decoded_frames(segs[0].path) == segs[0].frames
