"""SIGKILL during logging: every reported segment is intact, and at most the last second of frames is lost."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import can
import pytest

from assessor_app.devices.can import read_host_times, read_journal
from assessor_app.devices.can.recovery import recover_capture

ROOT = Path(__file__).resolve().parents[2]
# The child logs a simulated EV's numbered background frames and changes step every 0.2 s,
# so segments keep closing; it runs until it is killed.
CHILD = """
import sys, threading, time
from pathlib import Path
from assessor_app.devices.can import CanConfig, CanLogger, SimulatedEV
folder, channel = Path(sys.argv[1]), sys.argv[2]
SimulatedEV(channel, background_fps=2000).start()
logger = CanLogger(CanConfig("virtual", channel), folder, timeline_us=lambda: time.monotonic_ns() // 1000)
logger.start()
step, tick = 0, threading.Event()
while True:
    tick.wait(0.2)
    step += 1
    logger.mark_step(f"step-{step}")
"""


def background_numbers(frames: list[can.Message]) -> list[int]:
    return [int.from_bytes(m.data, "big") for m in frames if 0x100 <= m.arbitration_id < 0x180]


@pytest.mark.slow
def test_sigkill_loses_at_most_the_last_second(tmp_path: Path):
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path), f"kill-{os.getpid()}"],
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 30
        while sum(r["event"] == "segment_closed" for r in read_journal(tmp_path)) < 4:
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "the child closed no segments in time"
            time.sleep(0.02)  # polling a durable journal line, not waiting for a fixed time
        kill_ns = time.monotonic_ns()  # CLOCK_MONOTONIC is system-wide: the child stamps frames with it
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    journal = read_journal(tmp_path)
    closed = [r for r in journal if r["event"] == "segment_closed"]
    assert len(closed) >= 4
    frames: list[can.Message] = []
    host: list[int] = []
    for record in closed:  # every reported segment: intact, hashed as reported, readable
        path = Path(record["path"])
        assert hashlib.sha256(path.read_bytes()).hexdigest() == record["sha256"]
        assert (
            hashlib.sha256(Path(record["host_times_path"]).read_bytes()).hexdigest()
            == (record["host_times_sha256"])
        )
        got = list(can.BLFReader(str(path)))
        assert len(got) == record["frames"] == len(read_host_times(path))
        frames += got
        host += read_host_times(path)
    closed_names = {Path(r["path"]).name for r in closed}
    open_segments = [
        r["path"] for r in journal if r["event"] == "segment_opened" and r["path"] not in closed_names
    ]
    for name in open_segments:  # being written when the process died: readable up to its last flush
        got = list(can.BLFReader(str(tmp_path / name)))
        frames += got
        host += read_host_times(tmp_path / name)[: len(got)]
    numbers = background_numbers(frames)
    assert numbers == list(range(numbers[0], numbers[0] + len(numbers)))  # nothing missing in between
    lost_ns = kill_ns - max(host)
    assert lost_ns <= 1_000_000_000, f"the last {lost_ns / 1e9:.2f} s before the kill were lost"
    recovered = recover_capture(tmp_path)  # what the app does on its next start
    assert [Path(r["path"]).name for r in recovered] == open_segments
    for record in recovered:
        path = Path(record["path"])
        assert hashlib.sha256(path.read_bytes()).hexdigest() == record["sha256"]
        reader = can.BLFReader(str(path))
        assert reader.object_count == record["frames"] == sum(1 for _ in reader)
        assert len(read_host_times(path)) == record["frames"]
    assert recover_capture(tmp_path) == []  # once finished, a segment is left alone
