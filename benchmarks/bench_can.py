"""CAN logging at full bus load, against python-can's own logger; diagnostic snapshot time.

    python -m benchmarks.bench_can [--seconds 60] [--fps 9000] [--buses 2] [--json PATH]

1. Two saturated 1 Mbit/s virtual buses (9,000 8-byte frames/s each, 18,000 in all) for N seconds.
   Each bus is read at once by our CanLogger and by the peer — what ``can.logger`` does: a plain
   Notifier feeding ``can.Logger("x.blf")`` (a BLFWriter) on its own bus object — so both get
   the very same frames. Reported: frames lost by each (sent minus the objects in the BLF files;
   target 0 for ours), and CPU per frame of each pipeline's own threads (target: ours <= peer).
2. The full diagnostic snapshot against the simulated EV (target < 1 s, judged on the slowest).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import can


def thread_cpu(thread: threading.Thread) -> float:
    """CPU seconds a live thread has used (Linux per-thread clock)."""
    assert thread.ident is not None
    return time.clock_gettime(time.pthread_getcpuclockid(thread.ident))


class Feeder(threading.Thread):
    """Sends ``fps`` 8-byte 11-bit frames per second onto a virtual channel, in 10 ms ticks."""

    def __init__(self, channel: str, fps: float, seconds: float):
        super().__init__(name=f"feeder {channel}", daemon=True)
        self.bus = can.Bus(interface="virtual", channel=channel)
        rng = random.Random(channel)
        # real bus payloads: counters and signals, partly random; they compress about 3:1
        self.pool = [
            can.Message(
                arbitration_id=0x100 + i % 0x300,
                is_extended_id=False,
                data=bytes(rng.randrange(256) if k % 2 else i % 256 for k in range(8)),
            )
            for i in range(1024)
        ]
        self.fps, self.seconds, self.sent = fps, seconds, 0

    def run(self) -> None:
        start = time.monotonic()
        tick = threading.Event()
        send, pool = self.bus.send, self.pool
        while True:
            elapsed = time.monotonic() - start
            due = int(min(elapsed, self.seconds) * self.fps)
            for n in range(self.sent, due):
                send(pool[n % 1024])
            self.sent = max(self.sent, due)
            if elapsed >= self.seconds:
                break
            tick.wait(0.01)
        self.bus.shutdown()


def logging_load(stop: threading.Event, fps: float = 18_000.0, buses: int = 2) -> dict[str, Any]:
    """CAN logging as a load beside another benchmark: ``buses`` saturated buses logged until ``stop``.

    For ``python -m benchmarks.bench_video --with-load benchmarks.bench_can:logging_load``.
    """
    import tempfile

    from assessor_app.devices.can import CanConfig, CanLogger

    tag = f"load-{os.getpid()}"
    with tempfile.TemporaryDirectory(prefix="assessor-can-load-") as tmp:
        loggers, feeders = [], []
        for i in range(buses):
            channel = f"{tag}-{i}"
            logger = CanLogger(CanConfig("virtual", channel, 1_000_000), Path(tmp) / f"can-{i}",
                               timeline_us=lambda: time.monotonic_ns() // 1000, blf_channel=i + 1)
            logger.start()
            loggers.append(logger)
            feeders.append(Feeder(channel, fps / buses, 24 * 3600))
        for f in feeders:
            f.start()
        stop.wait()
        for f in feeders:
            f.seconds = 0  # the feeder ends at its next tick
        for f in feeders:
            f.join(5)
        for lg in loggers:
            lg.stop()
        counters = [lg.stats().counters for lg in loggers]
        return {"sent": sum(f.sent for f in feeders), "logged": sum(c.frames for c in counters),
                "overflows": sum(c.queue_overflows for c in counters)}


def blf_objects(paths: list[Path]) -> int:
    return sum(can.BLFReader(str(p)).object_count for p in paths)


def logging_run(work: Path, seconds: float, fps: float, buses: int) -> dict[str, Any]:
    from assessor_app.devices.can import CanConfig, CanLogger

    tag = f"bench-{os.getpid()}"
    loggers, peers, feeders = [], [], []
    for i in range(buses):
        channel = f"{tag}-{i}"
        logger = CanLogger(
            CanConfig("virtual", channel, 1_000_000),
            work / f"ours-{i}",
            timeline_us=lambda: time.monotonic_ns() // 1000,
            blf_channel=i + 1,
        )
        logger.start()
        loggers.append(logger)
        bus = can.Bus(interface="virtual", channel=channel)
        writer = can.Logger(str(work / f"peer-{i}.blf"))
        peers.append((bus, can.Notifier(bus, [writer]), writer))
        feeders.append(Feeder(channel, fps, seconds))
    ours_threads = [t for lg in loggers for t in (lg._thread, *lg.notifier._readers)]
    peer_threads = [t for _b, n, _w in peers for t in n._readers]
    cpu0 = {t: thread_cpu(t) for t in ours_threads + peer_threads}
    proc0, t0 = time.process_time(), time.monotonic()
    for f in feeders:
        f.start()
    steps = threading.Event()
    step = 0
    while any(f.is_alive() for f in feeders):
        steps.wait(min(10.0, seconds / 3))  # a checklist step every 10 s, as an assessment would
        step += 1
        for lg in loggers:
            lg.mark_step(f"step-{step:02d}")
    sent = sum(f.sent for f in feeders)
    # both pipelines drain what they received; then their threads' CPU is read before stopping
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and (
        sum(lg.stats().counters.frames + lg.stats().counters.queue_overflows for lg in loggers) < sent
        or any(b.queue.qsize() for b, _n, _w in peers)
    ):
        steps.wait(0.05)
    cpu1 = {t: thread_cpu(t) for t in ours_threads + peer_threads if t.is_alive()}
    wall, proc = time.monotonic() - t0, time.process_time() - proc0
    segments = [s for lg in loggers for s in lg.stop()]
    for bus, notifier, _writer in peers:
        notifier.stop()
        bus.shutdown()
    ours_cpu = sum(cpu1.get(t, cpu0[t]) - cpu0[t] for t in ours_threads)
    peer_cpu = sum(cpu1.get(t, cpu0[t]) - cpu0[t] for t in peer_threads)
    ours_frames = blf_objects([s.path for s in segments])
    peer_frames = blf_objects([work / f"peer-{i}.blf" for i in range(buses)])
    return {
        "seconds": seconds,
        "buses": buses,
        "fps_per_bus_target": fps,
        "sent": sent,
        "fps_achieved": sent / seconds,
        "wall_s": wall,
        "process_cpu_s": proc,
        "ours": {
            "frames": ours_frames,
            "lost": sent - ours_frames,
            "cpu_s": ours_cpu,
            "cpu_us_per_frame": 1e6 * ours_cpu / max(ours_frames, 1),
            "segments": len(segments),
            "queue_overflows": sum(lg.counters.queue_overflows for lg in loggers),
            "bytes": sum(s.size + s.host_times_size for s in segments),
        },
        "peer": {
            "frames": peer_frames,
            "lost": sent - peer_frames,
            "cpu_s": peer_cpu,
            "cpu_us_per_frame": 1e6 * peer_cpu / max(peer_frames, 1),
            "bytes": sum((work / f"peer-{i}.blf").stat().st_size for i in range(buses)),
        },
    }


def snapshot_run(runs: int) -> dict[str, Any]:
    from assessor_app.devices.can import SimulatedEV, take_snapshot

    channel = f"bench-snap-{os.getpid()}"
    times, bad = [], []
    with SimulatedEV(channel, background_fps=1000):
        bus = can.Bus(interface="virtual", channel=channel)
        try:
            for _ in range(runs):
                t0 = time.perf_counter()
                snap = take_snapshot(bus, dids=[0xF190, 0x4801, 0x4802])
                times.append(time.perf_counter() - t0)
                bad += [f"{i.id}: {i.status}" for i in snap.items if i.status != "ok"]
        finally:
            bus.shutdown()
    return {
        "runs": runs,
        "median_s": statistics.median(times),
        "max_s": max(times),
        "items": len(snap.items),
        "not_ok": bad,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument(
        "--fps", type=float, default=9000.0, help="frames/s per bus (9000: a saturated 1 Mbit/s)"
    )
    parser.add_argument("--buses", type=int, default=2)
    parser.add_argument("--snapshots", type=int, default=5)
    parser.add_argument("--json")
    parser.add_argument("--dir", help="where to write the logs (default: system temp)")
    args = parser.parse_args(argv)

    work = Path(tempfile.mkdtemp(prefix="assessor-bench-can-", dir=args.dir))
    load0 = os.getloadavg()[0]
    try:
        log = logging_run(work, args.seconds, args.fps, args.buses)
        snap = snapshot_run(args.snapshots)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    load1 = os.getloadavg()[0]
    ours, peer = log["ours"], log["peer"]
    ratio = ours["cpu_us_per_frame"] / peer["cpu_us_per_frame"] if peer["cpu_us_per_frame"] else float("inf")
    print(f"CAN benchmarks ({os.cpu_count()} CPUs, load average {load0:.2f} at start, {load1:.2f} at end)")
    if max(load0, load1) > 1.0:
        print("   warning: the machine was busy; every figure is worse than on a quiet machine")
    print(
        f"1. {args.buses} virtual buses x {args.fps:g} frames/s for {args.seconds:g} s: sent {log['sent']} "
        f"({log['fps_achieved']:.0f} frames/s achieved)"
    )
    print(
        f"   ours: {ours['frames']} frames in {ours['segments']} segments, lost {ours['lost']} "
        f"(queue overflows {ours['queue_overflows']}), {ours['cpu_us_per_frame']:.2f} us CPU/frame, "
        f"{ours['bytes'] / 1e6:.1f} MB   target lost 0: {'PASS' if ours['lost'] == 0 else 'FAIL'}"
    )
    print(
        f"   peer (can.logger's BLFWriter on a Notifier): {peer['frames']} frames, lost {peer['lost']}, "
        f"{peer['cpu_us_per_frame']:.2f} us CPU/frame, {peer['bytes'] / 1e6:.1f} MB"
    )
    print(
        f"   CPU per frame ours / peer = {ratio:.2f}x   target <= 1: {'PASS' if ratio <= 1 else 'FAIL'}"
        f"   (whole process, feeders included: {log['process_cpu_s']:.1f} s CPU in {log['wall_s']:.1f} s)"
    )
    print(
        f"2. full snapshot against the simulated EV ({snap['items']} items, {snap['runs']} runs): "
        f"median {snap['median_s'] * 1000:.0f} ms, slowest {snap['max_s'] * 1000:.0f} ms   "
        f"target < 1000 ms: {'PASS' if snap['max_s'] < 1 and not snap['not_ok'] else 'FAIL'}"
        + (f"   items not ok: {snap['not_ok']}" if snap["not_ok"] else "")
    )
    if args.json:
        Path(args.json).write_text(json.dumps({"logging": log, "snapshot": snap, "ratio": ratio}, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
