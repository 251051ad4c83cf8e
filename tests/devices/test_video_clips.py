"""Step marks -> the segments and frames that cover them, and clips exported from them."""

from __future__ import annotations

from pathlib import Path

import pytest
from test_video_support import FFPROBE, TIMELINE_OFFSET_US, decoded_frames, ffprobe_frames, simulated_run

from assessor_app.devices.video import (
    ClipEmptyError,
    SegmentIntegrityError,
    VideoWriteError,
    export_clip,
    frames_covering,
)

BASE = 1_000_000 + TIMELINE_OFFSET_US  # timeline position of the first frame in simulated_run


def us(seconds: float) -> int:
    return BASE + round(seconds * 1e6)


@pytest.fixture
def recorded(tmp_path: Path):
    """3.5 s at 30 fps in 1 s segments, with the camera gone from 2.0 s to 2.5 s."""
    run = simulated_run(tmp_path / "rec", seconds=3.5, segment_seconds=1.0, unplugged=((2.0, 2.5),),
                        reopen_backoff=(0.5, 0.5))
    return run.segments


def test_a_step_inside_one_segment_maps_to_its_frames(recorded):
    spans = frames_covering(recorded, us(0.2), us(0.5))
    assert [(s.segment.index, s.first, s.last) for s in spans] == [(1, 6, 15)]
    assert spans[0].frames == 10
    expected = [BASE + round(n * 1e9 / 30) // 1000 for n in range(6, 16)]  # floor of the ns time
    assert [t.timeline_us for t in spans[0].times] == expected


def test_a_step_across_segments_and_a_gap_maps_to_each_part(recorded):
    spans = frames_covering(recorded, us(0.9), us(2.7))
    assert [s.segment.index for s in spans] == [1, 2, 3]
    assert (spans[0].first, spans[0].last) == (27, 29)
    assert (spans[1].first, spans[1].last) == (0, 29)  # the whole of 1.0..2.0 s
    assert spans[2].first == 0 and spans[2].times[0].timeline_us >= us(2.5)
    assert all(t.timeline_us <= us(2.7) for t in spans[2].times)


def test_a_step_before_the_recording_or_in_the_gap_has_no_frames(recorded):
    assert frames_covering(recorded, us(-5), us(-1)) == []
    assert frames_covering(recorded, us(2.01), us(2.49)) == []
    with pytest.raises(ValueError):
        frames_covering(recorded, us(2), us(1))


@pytest.mark.parametrize("suffix", [".ts", ".mp4"])
def test_export_clip_writes_exactly_the_step_frames(recorded, tmp_path: Path, suffix: str):
    clip = export_clip(recorded, us(0.9), us(2.7), tmp_path / f"step-12{suffix}")
    spans = frames_covering(recorded, us(0.9), us(2.7))
    assert clip.frames == sum(s.frames for s in spans) == decoded_frames(clip.path)
    assert clip.spans == tuple((s.segment.path.name, s.first, s.last) for s in spans)
    assert (clip.t_first_us, clip.t_last_us) == (spans[0].times[0].timeline_us,
                                                 spans[-1].times[-1].timeline_us)
    lines = clip.sidecar_path.read_text().splitlines()
    assert lines[0] == "frame,segment,segment_frame,monotonic_ns,timeline_us"
    assert len(lines) == clip.frames + 1 and lines[1].startswith("0,seg-000001.ts,27,")
    if FFPROBE and suffix == ".ts":
        assert ffprobe_frames(clip.path) == clip.frames


def test_export_clip_refuses_a_segment_that_no_longer_matches_its_hash(recorded, tmp_path: Path):
    with recorded[1].path.open("r+b") as f:
        f.seek(1000)
        f.write(b"\x00" * 16)
    with pytest.raises(SegmentIntegrityError, match="seg-000002.ts"):
        export_clip(recorded, us(0.9), us(2.7), tmp_path / "clip.ts")


def test_export_clip_errors_are_clear(recorded, tmp_path: Path):
    with pytest.raises(ClipEmptyError, match="No video was recorded"):
        export_clip(recorded, us(2.01), us(2.49), tmp_path / "none.ts")
    with pytest.raises(VideoWriteError, match=r"\.mkv"):
        export_clip(recorded, us(0), us(1), tmp_path / "clip.mkv")
    export_clip(recorded, us(0), us(0.1), tmp_path / "once.ts")
    with pytest.raises(VideoWriteError, match="already exists"):
        export_clip(recorded, us(0), us(0.1), tmp_path / "once.ts")
