"""The CAN logger against python-can's virtual bus: what goes in comes back out of the BLF segments."""

from __future__ import annotations

import hashlib
import threading
import time
import uuid
from pathlib import Path

import can
import pytest

from assessor_app.devices.can import (
    CanConfig,
    CanDeviceError,
    CanLogger,
    SimulatedAdapter,
    SimulatedEV,
    read_host_times,
    read_journal,
)
from assessor_app.devices.can.blf import BlfSegmentFile, SegmentIntegrityError


def wait_until(condition, timeout: float = 10.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.005)


def timeline() -> int:
    return time.monotonic_ns() // 1000 + 5_000_000  # an assessment timeline 5 s ahead of the host clock


@pytest.fixture
def channel() -> str:
    return f"cap-{uuid.uuid4().hex[:8]}"


def varied_frames(n: int) -> list[can.Message]:
    out = []
    for i in range(n):
        ext = i % 5 == 0
        if i % 17 == 3:
            msg = can.Message(
                arbitration_id=0x18DAF110 if ext else 0x321,
                is_extended_id=ext,
                is_remote_frame=True,
                dlc=i % 9,
            )
        else:
            msg = can.Message(
                arbitration_id=(i * 7919) % (0x1FFFFFFF if ext else 0x7FF),
                is_extended_id=ext,
                data=bytes((i + k) % 256 for k in range(i % 9)),
            )
        out.append(msg)
    out.append(can.Message(is_error_frame=True, arbitration_id=0x4, data=bytes(8)))
    out.append(
        can.Message(
            is_fd=True, bitrate_switch=True, arbitration_id=0x1AB, is_extended_id=False, data=bytes(range(48))
        )
    )
    return out


def read_back(segments) -> list[can.Message]:
    return [m for s in segments for m in can.BLFReader(str(s.path))]


def test_blf_read_back_equals_sent_with_step_segments(tmp_path: Path, channel: str):
    reported = []
    logger = CanLogger(
        CanConfig("virtual", channel, 500_000), tmp_path, timeline_us=timeline, on_segment=reported.append
    )
    logger.start()
    tx = can.Bus(interface="virtual", channel=channel, preserve_timestamps=True)
    frames = varied_frames(600)
    t0 = time.time()
    for i, msg in enumerate(frames):
        msg.timestamp = t0 + i * 123.456e-6  # the bus's own times travel with the frames
    before = time.monotonic_ns()
    try:
        for i, msg in enumerate(frames):
            if i == 300:
                wait_until(lambda: logger.stats().counters.frames + logger.stats().queue_depth >= 300)
                logger.mark_step("step-07")
            tx.send(msg)
        wait_until(lambda: logger.stats().counters.frames == len(frames), what="all frames written")
    finally:
        tx.shutdown()
        segments = logger.stop()
    after = time.monotonic_ns()
    assert [s.step_id for s in segments] == [None, "step-07"]
    assert [s.closed_because for s in segments] == ["step", "stop"]
    assert segments == reported
    assert segments[0].frames == 300 and segments[1].frames == len(frames) - 300
    received = read_back(segments)
    assert len(received) == len(frames)
    for sent, got in zip(frames, received, strict=True):
        assert got.arbitration_id == sent.arbitration_id
        assert got.is_extended_id == sent.is_extended_id
        assert got.is_remote_frame == sent.is_remote_frame
        assert got.is_error_frame == sent.is_error_frame
        assert got.is_fd == sent.is_fd and got.bitrate_switch == sent.bitrate_switch
        assert got.dlc == sent.dlc
        assert bytes(got.data) == bytes(sent.data)
        assert got.is_rx and got.channel == 0
        assert abs(got.timestamp - sent.timestamp) < 1e-6
    host = [t for s in segments for t in read_host_times(s.path)]
    assert len(host) == len(frames)
    assert host == sorted(host) and before <= host[0] and host[-1] <= after
    first = segments[0]
    assert first.first_host_ns == host[0] and first.last_host_ns == host[299]
    assert first.first_timeline_us - first.first_host_ns // 1000 == pytest.approx(5_000_000, abs=50_000)
    assert segments[1].counters.error_frames == 1 and segments[1].segment_counters.error_frames == 1
    assert segments[0].config == CanConfig("virtual", channel, 500_000)
    assert segments[0].device.description == f"Virtual bus channel {channel}"


def test_segment_hashes_match_the_files_and_the_journal(tmp_path: Path, channel: str):
    logger = CanLogger(CanConfig("virtual", channel), tmp_path, timeline_us=timeline, max_segment_bytes=2_000)
    logger.start()
    tx = can.Bus(interface="virtual", channel=channel)
    try:
        for i in range(3000):
            tx.send(
                can.Message(arbitration_id=0x100 + i % 64, data=i.to_bytes(8, "little"), is_extended_id=False)
            )
        wait_until(lambda: logger.stats().counters.frames == 3000)
    finally:
        tx.shutdown()
        segments = logger.stop()
    assert len(segments) >= 3 and all(s.closed_because == "size" for s in segments[:-1])
    assert sum(s.frames for s in segments) == 3000
    journal = [r for r in read_journal(tmp_path) if r["event"] == "segment_closed"]
    assert [r["sha256"] for r in journal] == [s.sha256 for s in segments]
    for s in segments:
        data = s.path.read_bytes()
        assert s.sha256 == hashlib.sha256(data).hexdigest() and s.size == len(data)
        assert s.host_times_sha256 == hashlib.sha256(s.host_times_path.read_bytes()).hexdigest()
        assert s.host_times_size == 8 * s.frames
        reader = can.BLFReader(str(s.path))
        assert reader.object_count == s.frames and reader.file_size == s.size  # header patched
        assert sum(1 for _ in reader) == s.frames


def test_queue_overflow_is_counted_never_silent(tmp_path: Path, channel: str):
    # a writer that does not drain for 30 s and a queue of 10 frames: the rest must be counted
    logger = CanLogger(
        CanConfig("virtual", channel), tmp_path, timeline_us=timeline, queue_size=10, poll_s=30
    )
    logger.start()
    tx = can.Bus(interface="virtual", channel=channel)
    try:
        for i in range(500):
            tx.send(can.Message(arbitration_id=i % 0x7FF, data=b"\x01", is_extended_id=False))
        wait_until(lambda: (lambda s: s.counters.queue_overflows + s.queue_depth)(logger.stats()) == 500)
        stats = logger.stats()
    finally:
        tx.shutdown()
        segments = logger.stop()
    assert stats.counters.queue_overflows == 490 and stats.queue_depth == 10
    assert sum(s.frames for s in segments) == 10
    assert segments[-1].counters.queue_overflows == 490
    assert read_journal(tmp_path)[-1]["counters"]["queue_overflows"] == 490


def test_adapter_unplugged_mid_capture_gives_a_gap_and_the_capture_goes_on(tmp_path: Path, channel: str):
    adapter = SimulatedAdapter("USB-CAN test adapter")
    gaps: list[tuple[str, int, str]] = []
    gap_started, gap_ended = threading.Event(), threading.Event()

    def on_start(device, t_us, reason):
        gaps.append(("start", t_us, reason))
        gap_started.set()

    def on_end(device, t_us, reason):
        gaps.append(("end", t_us, reason))
        gap_ended.set()

    logger = CanLogger(
        CanConfig("virtual", channel),
        tmp_path,
        timeline_us=timeline,
        bus_factory=adapter,
        on_gap_start=on_start,
        on_gap_end=on_end,
        retry_interval_s=0.05,
    )
    with SimulatedEV(channel, background_fps=500):
        logger.start()
        try:
            wait_until(lambda: logger.stats().counters.frames > 50, what="frames before the failure")
            adapter.unplug()
            assert gap_started.wait(5), "no gap reported"
            assert logger.stats().in_gap
            adapter.replug()
            assert gap_ended.wait(5), "the capture did not reconnect"
            resumed = logger.stats().counters.frames
            wait_until(lambda: logger.stats().counters.frames > resumed + 50, what="frames after the gap")
        finally:
            segments = logger.stop()
    assert [g[0] for g in gaps] == ["start", "end"] and gaps[0][1] <= gaps[1][1]
    assert f"The CAN adapter virtual {channel} at 500 kbit/s stopped answering" in gaps[0][2]
    assert "disconnected" in gaps[0][2]
    assert segments[0].closed_because == "gap" and segments[-1].closed_because == "stop"
    assert segments[-1].counters.gaps == 1 and adapter.opened == 2
    events = [r["event"] for r in read_journal(tmp_path)]
    assert events.index("gap_start") < events.index("gap_end")
    assert all(sum(1 for _ in can.BLFReader(str(s.path))) == s.frames for s in segments)


def test_a_missing_adapter_at_start_is_one_clear_sentence(tmp_path: Path, channel: str):
    adapter = SimulatedAdapter()
    adapter.unplug()
    logger = CanLogger(
        CanConfig("virtual", channel, 250_000), tmp_path, timeline_us=timeline, bus_factory=adapter
    )
    with pytest.raises(
        CanDeviceError, match=rf"^The CAN adapter virtual {channel} at 250 kbit/s could not be"
    ):
        logger.start()


def test_live_bus_load_follows_the_traffic(tmp_path: Path, channel: str):
    logger = CanLogger(CanConfig("virtual", channel, 500_000), tmp_path, timeline_us=timeline)
    with SimulatedEV(channel, background_fps=1000):
        logger.start()
        try:
            wait_until(lambda: logger.stats().load.frames_per_s > 0, what="a full second of traffic")
            load = logger.stats().load
        finally:
            logger.stop()
    assert load.percent == pytest.approx(100 * load.bits_per_s / 500_000)
    assert 47 <= load.bits_per_s / load.frames_per_s <= 111  # between empty and 8-byte 11-bit frames


def test_segment_changed_on_disk_before_close_is_refused(tmp_path: Path):
    path = tmp_path / "seg.blf"
    segment = BlfSegmentFile(path, 1, time.time())
    segment.write_many([(can.Message(arbitration_id=1, data=b"\x01\x02", is_extended_id=False), 1)] * 100)
    segment.flush()
    with open(path, "r+b") as f:  # something else scribbles over the body while the capture runs
        f.seek(200)
        f.write(b"\xff\xff")
    with pytest.raises(SegmentIntegrityError, match="read back differs"):
        segment.close()


def test_device_uptime_timestamps_are_kept_as_they_are(tmp_path: Path):
    path = tmp_path / "uptime.blf"
    segment = BlfSegmentFile(path, 3, 12.5)  # gs_usb counts from the adapter's boot
    frames = [
        can.Message(timestamp=12.5 + i * 0.001, arbitration_id=i, data=b"", is_extended_id=False)
        for i in range(10)
    ]
    segment.write_many([(m, i) for i, m in enumerate(frames)])
    segment.close()
    got = list(can.BLFReader(str(path)))
    assert [round(m.timestamp, 6) for m in got] == [round(m.timestamp, 6) for m in frames]
    assert {m.channel for m in got} == {2}


def test_a_torn_last_container_is_cut_when_a_crashed_segment_is_finished(tmp_path: Path):
    from assessor_app.devices.can.recovery import finish_unclosed_segment

    path = tmp_path / "crashed.blf"
    segment = BlfSegmentFile(path, 1, time.time())
    first = [(can.Message(arbitration_id=i, data=bytes(8), is_extended_id=False), i) for i in range(100)]
    segment.write_many(first)
    segment.flush()
    whole = path.stat().st_size
    segment.write_many([(can.Message(arbitration_id=7, data=b"\x07", is_extended_id=False), 1000 + i)
                        for i in range(50)])
    segment.flush()
    segment.abandon()
    with open(path, "r+b") as f:  # the process died in the middle of writing the second container
        f.truncate(whole + 20)
    info = finish_unclosed_segment(path)
    assert info["frames"] == 100 and info["size"] == whole == path.stat().st_size
    assert info["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
    assert [m.arbitration_id for m in can.BLFReader(str(path))] == list(range(100))
    assert read_host_times(path) == list(range(100))
