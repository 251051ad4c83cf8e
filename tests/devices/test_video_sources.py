"""Frame sources: the synthetic camera, files, OpenCV cameras (by path), listing, mode choice."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import numpy as np
import pytest

from assessor_app.devices.video import (
    CameraInfo,
    CameraUnavailable,
    FileSource,
    FrameSource,
    OpenCVCamera,
    SimulatedClock,
    SyntheticCamera,
    choose_mode,
    list_cameras,
    open_video_writer,
)
from assessor_app.devices.video import sources as sources_module


def _video(path: Path, n: int = 45) -> Path:
    cam = SyntheticCamera(320, 240, pace=False)
    cam.open()
    writer = open_video_writer(path, 15.0, (320, 240))
    for _ in range(n):
        writer.write(cam.read()[1])  # type: ignore[arg-type]
    writer.release()
    return path


def test_synthetic_camera_delivers_frames_at_exact_times_on_a_simulated_clock():
    clock = SimulatedClock(start_ns=5_000)
    cam = SyntheticCamera(320, 240, 25, clock=clock, duration_s=1.0)
    assert isinstance(cam, FrameSource) and not cam.live
    cam.open()
    times, frames = [], []
    while True:
        ok, frame = cam.read()
        if not ok:
            break
        times.append(clock.monotonic_ns() - 5_000)
        frames.append(frame)
    assert cam.ended
    assert times == [n * 40_000_000 for n in range(25)]
    assert all(f.shape == (240, 320, 3) and f.dtype == np.uint8 for f in frames)
    assert not np.array_equal(frames[0], frames[1])  # the pattern moves
    # frame number and time are drawn from (n, t) alone: the same inputs give the same picture
    assert np.array_equal(cam.draw(3, 0.12), cam.draw(3, 0.12))
    assert not np.array_equal(cam.draw(3, 0.12), cam.draw(4, 0.12))
    assert cam.description == {"kind": "synthetic", "identity": "synthetic-0", "width": 320,
                               "height": 240, "fps": 25, "live": False}


def test_synthetic_camera_unplugged_window_fails_reads_and_opens_then_recovers():
    clock = SimulatedClock()
    cam = SyntheticCamera(clock=clock, fps=10, unplugged=[(0.5, 1.0)])
    cam.open()
    results = [cam.read()[0] for _ in range(5)]
    assert results == [True] * 5
    assert cam.read() == (False, None)  # at 0.5 s it is gone
    with pytest.raises(CameraUnavailable, match="unplugged"):
        cam.open()
    clock.advance(0.5)
    cam.open()
    assert cam.read()[0] and not cam.ended


def test_real_time_synthetic_camera_is_live():
    assert SyntheticCamera().live
    assert not SyntheticCamera(pace=False).live


def test_file_source_reads_a_file_to_its_end(tmp_path: Path):
    source = FileSource(_video(tmp_path / "in.ts"))
    source.open()
    n = 0
    while source.read()[0]:
        n += 1
    source.close()
    assert n == 45 and source.ended and not source.live
    d = source.description
    assert (d["kind"], d["width"], d["height"], d["fps"]) == ("file", 320, 240, 15.0)


def test_file_source_that_cannot_be_opened_names_the_file(tmp_path: Path):
    with pytest.raises(CameraUnavailable, match="nothing.ts"):
        FileSource(tmp_path / "nothing.ts").open()


def test_opencv_camera_by_device_path_takes_the_mode_the_device_gives(tmp_path: Path):
    # A video file opened as a "device" offers exactly one mode: asking for 1280x720 at 30 fps
    # must end with what it really delivers.
    cam = OpenCVCamera(str(_video(tmp_path / "dev.ts")), width=1280, height=720, fps=30)
    cam.open()
    assert cam.description["width"] == 320 and cam.description["height"] == 240
    assert cam.description["fps"] == 15.0 and cam.live
    n = 0
    while cam.read()[0]:
        n += 1
    cam.close()
    assert n == 45  # the frame read to confirm the mode is delivered, not lost


def test_a_missing_camera_is_a_clear_error():
    with pytest.raises(CameraUnavailable, match="camera 97 could not be opened"):
        OpenCVCamera(97).open()


def test_choose_mode_prefers_exact_then_largest_below_then_smallest():
    offered = [(640, 480, 30.0), (1280, 720, 10.0), (1280, 720, 30.0), (1920, 1080, 15.0)]
    assert choose_mode(offered, (1280, 720, 30.0)) == (1280, 720, 30.0)
    assert choose_mode(offered, (1024, 768, 30.0)) == (640, 480, 30.0)
    assert choose_mode(offered, (320, 240, 30.0)) == (640, 480, 30.0)
    with pytest.raises(ValueError):
        choose_mode([], (320, 240, 30.0))


def test_list_cameras_returns_what_opens(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(sources_module, "_candidates", lambda _n: [0, 1])

    def probe(index: int, api: int, out: dict) -> None:
        out[index] = CameraInfo(index, None, 640, 480, "TEST") if index == 1 else None

    monkeypatch.setattr(sources_module, "_probe", probe)
    found = list_cameras()
    assert found == [CameraInfo(1, None, 640, 480, "TEST")]
    assert found[0].label == "Camera 1 (index 1, 640x480, TEST)"


def test_list_cameras_gives_up_on_a_hanging_driver(monkeypatch: pytest.MonkeyPatch,
                                                    caplog: pytest.LogCaptureFixture):
    release = threading.Event()
    monkeypatch.setattr(sources_module, "_candidates", lambda _n: [0, 1])
    monkeypatch.setattr(sources_module, "_probe", lambda index, api, out: release.wait(30))
    with caplog.at_level(logging.WARNING):
        assert list_cameras(timeout_s=0.2) == []
    release.set()
    assert "did not answer" in caplog.text


def test_no_camera_on_this_machine_lists_none_when_no_device_nodes_exist():
    if any(Path(f"/dev/video{i}").exists() for i in range(8)):
        pytest.skip("this machine has video device nodes")
    assert list_cameras(timeout_s=2.0) == []


def test_the_writer_warning_about_ts_tags_goes_to_the_log_not_the_terminal(
        tmp_path: Path, capfd: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture):
    with caplog.at_level(logging.DEBUG, logger="assessor_app.devices.video"):
        open_video_writer(tmp_path / "x.ts", 30.0, (320, 240)).release()
    assert "is not supported" not in capfd.readouterr().err
    assert "is not supported with codec id" in caplog.text


def test_synthetic_camera_read_late_hands_over_its_buffered_frames_then_loses_older_ones():
    clock = SimulatedClock()
    cam = SyntheticCamera(clock=clock, fps=10, buffer_frames=4)
    cam.open()
    assert np.array_equal(cam.read()[1], cam.draw(0, 0.0))
    clock.advance(0.35)  # slots 1..3 are due: all still buffered
    got = [cam.read()[1] for _ in range(3)]
    assert all(np.array_equal(g, cam.draw(n, n / 10)) for n, g in zip((1, 2, 3), got, strict=True))
    assert clock.monotonic_ns() == 350_000_000  # delivered from the buffer without waiting
    clock.advance(1.0)  # now at slot 13: only the 4 newest (9..12) are left, 4..8 are lost
    assert np.array_equal(cam.read()[1], cam.draw(9, 0.9))
