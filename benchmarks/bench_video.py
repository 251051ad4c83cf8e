"""Benchmark of video recording: dropped frames, CPU per recorded second, MB per minute.

Run with ``python -m benchmarks.bench_video`` (see benchmarks/README.md).

The synthetic camera delivers 1280x720 at 30 fps in real time for 60 s into the app's
``VideoRecorder`` (10 s segments, hashed while written, frame-time sidecars, fsync at every
close). Beside it, in the same run, the peer: a plain ``cv2.VideoWriter`` writing the same
frames (same codec and container) to one file, with no hashing, sidecars, segments or threads.
For information, the cost of drawing the synthetic frames alone is shown too.

``--with-load MODULE:CALLABLE`` repeats our run while ``CALLABLE(stop_event)`` runs on a
thread (for instance CAN logging, once it exists), to show what the other load costs video.

Nothing here asserts a timing; it prints figures, the target and PASS/FAIL, and exits 0 even
when the target fails (only a broken benchmark exits non-zero).
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2

from assessor_app.devices.video import (
    SegmentInfo,
    SyntheticCamera,
    VideoRecorder,
    open_video_writer,
    read_sidecar,
    sha256_file,
)

DROP_TARGET = 0


def _cpu() -> float:
    return time.process_time()


def bench_ours(args: argparse.Namespace, out: Path, load: Callable[[threading.Event], Any] | None = None
               ) -> dict[str, Any]:
    """The recorder, in real time, from a paced synthetic camera."""
    camera = SyntheticCamera(args.width, args.height, args.fps, duration_s=args.seconds)
    segments: list[SegmentInfo] = []
    recorder = VideoRecorder(camera, out, segment_seconds=args.segment_seconds, on_segment=segments.append,
                             reserve_bytes=0)
    stop_load = threading.Event()
    load_thread = None
    if load is not None:
        load_thread = threading.Thread(target=load, args=(stop_load,), name="bench-load", daemon=True)
        load_thread.start()
    cpu0, wall0 = _cpu(), time.perf_counter()
    recorder.start(consent_given=True)
    if not recorder.wait(timeout=args.seconds * 4 + 60):
        raise RuntimeError("the recorder did not finish")
    cpu, wall = _cpu() - cpu0, time.perf_counter() - wall0
    stop_load.set()
    if load_thread is not None:
        load_thread.join(30)
    status = recorder.status()
    reason = status.stop
    if reason is None or reason.kind != "source_ended":
        raise RuntimeError(f"the recording stopped early: {reason}")
    # Not timed: prove what was measured was really written.
    for seg in segments:
        if sha256_file(seg.path) != seg.sha256 or len(read_sidecar(seg.sidecar_path)) != seg.frames:
            raise RuntimeError(f"{seg.path} does not match what the recorder reported")
    recorded_s = status.frames_written / args.fps
    expected = round(args.seconds * args.fps)
    # A capture thread that reads late makes the camera skip frame slots (as a real camera's
    # driver would): not a queue drop, but a frame missing all the same, so it counts here.
    missed = expected - status.frames_written - status.frames_dropped
    video_bytes = sum(s.size for s in segments)
    side_bytes = sum(s.sidecar_size for s in segments)
    return {
        "frames_expected": expected,
        "frames_written": status.frames_written,
        "frames_dropped": status.frames_dropped,
        "frames_missed_by_capture": missed,
        "segments": len(segments),
        "recorded_s": recorded_s,
        "wall_s": wall,
        "cpu_s": cpu,
        "cpu_per_recorded_s": cpu / recorded_s if recorded_s else float("nan"),
        "video_bytes": video_bytes,
        "sidecar_bytes": side_bytes,
        "mb_per_min": (video_bytes + side_bytes) / 1e6 / (recorded_s / 60) if recorded_s else float("nan"),
        "pass": status.frames_dropped + missed <= DROP_TARGET,
    }


def bench_peer(args: argparse.Namespace, out: Path) -> dict[str, Any]:
    """Plain cv2.VideoWriter: the same frames into one .ts file, nothing else."""
    n = round(args.seconds * args.fps)
    camera = SyntheticCamera(args.width, args.height, args.fps, pace=False)
    camera.open()
    path = out / "peer.ts"
    cpu0, wall0 = _cpu(), time.perf_counter()
    writer = open_video_writer(path, args.fps, (args.width, args.height))
    for _ in range(n):
        ok, frame = camera.read()
        if not ok or frame is None:
            raise RuntimeError("the synthetic camera failed")
        writer.write(frame)
    writer.release()
    cpu, wall = _cpu() - cpu0, time.perf_counter() - wall0
    recorded_s = n / args.fps
    return {"frames": n, "cpu_s": cpu, "wall_s": wall, "cpu_per_recorded_s": cpu / recorded_s,
            "video_bytes": path.stat().st_size,
            "mb_per_min": path.stat().st_size / 1e6 / (recorded_s / 60)}


def bench_frames_only(args: argparse.Namespace) -> dict[str, Any]:
    """Drawing the synthetic frames alone (a floor both of the above include)."""
    n = round(args.seconds * args.fps)
    camera = SyntheticCamera(args.width, args.height, args.fps, pace=False)
    camera.open()
    cpu0 = _cpu()
    for _ in range(n):
        camera.read()
    cpu = _cpu() - cpu0
    return {"frames": n, "cpu_s": cpu, "cpu_per_recorded_s": cpu / (n / args.fps)}


def load_callable(spec: str) -> Callable[[threading.Event], Any]:
    module, _, name = spec.partition(":")
    if not module or not name:
        raise SystemExit(f"--with-load wants MODULE:CALLABLE, not {spec!r}")
    return getattr(importlib.import_module(module), name)  # type: ignore[no-any-return]


def environment(workdir: Path) -> dict[str, Any]:
    return {"python": platform.python_version(), "opencv": cv2.__version__, "platform": platform.platform(),
            "cpus": os.cpu_count(), "workdir": str(workdir),
            "loadavg_1min": os.getloadavg()[0] if hasattr(os, "getloadavg") else None}


def render(args: argparse.Namespace, env: dict[str, Any], res: dict[str, Any]) -> str:
    ours, peer, frames = res["ours"], res["peer"], res["frames_only"]
    lines = [
        f"Video benchmark: OpenCV {env['opencv']}, Python {env['python']}, {env['cpus']} CPUs, "
        f"{env['platform']}",
        f"Files in {env['workdir']}; 1-min load average at start {env['loadavg_1min']}, "
        f"at end {env.get('loadavg_1min_end')}",
    ]
    cpus = env["cpus"] or 1
    if max(env["loadavg_1min"] or 0, env.get("loadavg_1min_end") or 0) > 0.5 * cpus:
        lines.append("WARNING: the machine was busy with other work; CPU and drop figures are "
                     "pessimistic. Run again on a quiet machine before judging.")
    lines += [
        "",
        f"Synthetic camera {args.width}x{args.height} at {args.fps:g} fps for {args.seconds:g} s, "
        f"{args.segment_seconds:g} s segments (MPEG-TS, mp4v)",
        f"   {'':44} {'CPU s/rec s':>11} {'MB/min':>8} {'frames':>8} {'dropped':>8}",
    ]

    def row(label: str, r: dict[str, Any], frames_n: Any, dropped: Any = "") -> str:
        mb = f"{r['mb_per_min']:8.1f}" if "mb_per_min" in r else f"{'':8}"
        return f"   {label:44} {r['cpu_per_recorded_s']:11.3f} {mb} {frames_n!s:>8} {dropped!s:>8}"

    lines += [
        row("ours: VideoRecorder, real time", ours, ours["frames_written"], ours["frames_dropped"]),
        row("peer: plain cv2.VideoWriter, one file", peer, peer["frames"]),
        row("info: drawing the frames only", frames, frames["frames"]),
    ]
    if res.get("ours_with_load"):
        wl = res["ours_with_load"]
        lines.append(row(f"ours with load ({args.with_load})", wl, wl["frames_written"],
                         wl["frames_dropped"]))
    ratio = ours["cpu_per_recorded_s"] / peer["cpu_per_recorded_s"]
    lines += [
        f"   ratio ours / peer CPU per recorded second: {ratio:.2f}x "
        f"(ours adds {1000 * (ours['cpu_per_recorded_s'] - peer['cpu_per_recorded_s']):.0f} ms CPU "
        f"per recorded second: threads, hashing, sidecars, segment closes, fsync)",
        f"   segments: {ours['segments']}; sidecars {ours['sidecar_bytes'] / 1e3:.0f} kB; "
        f"wall {ours['wall_s']:.1f} s for {ours['recorded_s']:.1f} s recorded",
        f"   dropped frames: {ours['frames_dropped']} in the queue + {ours['frames_missed_by_capture']} "
        f"missed by late capture (target {DROP_TARGET}): {'PASS' if ours['pass'] else 'FAIL'}",
    ]
    if res.get("ours_with_load"):
        wl = res["ours_with_load"]
        lines.append(f"   dropped frames with load: {wl['frames_dropped']} in the queue + "
                     f"{wl['frames_missed_by_capture']} missed by late capture (target {DROP_TARGET}): "
                     f"{'PASS' if wl['pass'] else 'FAIL'}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_video", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seconds", type=float, default=None,
                    help="seconds recorded (default 60; 3 with --quick)")
    ap.add_argument("--fps", type=float, default=30.0)
    ap.add_argument("--width", type=int, default=1280)
    ap.add_argument("--height", type=int, default=720)
    ap.add_argument("--segment-seconds", type=float, default=10.0)
    ap.add_argument("--quick", action="store_true",
                    help="320x240 in 1 s segments, 3 s unless --seconds (the test suite's smoke run)")
    ap.add_argument("--with-load", metavar="MODULE:CALLABLE",
                    help="repeat our run while CALLABLE(stop_event) runs on a thread (e.g. CAN logging)")
    ap.add_argument("--dir", type=Path, default=None,
                    help="where to write the video (default: the temp directory); use the app's disk")
    ap.add_argument("--json", type=Path, help="also write the results as JSON to this path")
    args = ap.parse_args(argv)
    if args.quick:
        args.width, args.height, args.segment_seconds = 320, 240, 1.0
    if args.seconds is None:
        args.seconds = 3.0 if args.quick else 60.0
    if args.seconds <= 0 or args.fps <= 0:
        ap.error("--seconds and --fps must be positive")
    load = load_callable(args.with_load) if args.with_load else None

    with tempfile.TemporaryDirectory(prefix="assessor-bench-video-", dir=args.dir) as tmp:
        workdir = Path(tmp)
        env = environment(workdir)
        print("drawing frames ...", file=sys.stderr, flush=True)
        res: dict[str, Any] = {"frames_only": bench_frames_only(args)}
        print("peer: plain VideoWriter ...", file=sys.stderr, flush=True)
        (workdir / "peer").mkdir()
        res["peer"] = bench_peer(args, workdir / "peer")
        print(f"ours: recording {args.seconds:g} s in real time ...", file=sys.stderr, flush=True)
        res["ours"] = bench_ours(args, workdir / "ours")
        if load is not None:
            print("ours again, with the load ...", file=sys.stderr, flush=True)
            res["ours_with_load"] = bench_ours(args, workdir / "ours-load", load)
        env["loadavg_1min_end"] = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
        res["ratio_cpu_ours_vs_peer"] = res["ours"]["cpu_per_recorded_s"] / res["peer"]["cpu_per_recorded_s"]
        print(render(args, env, res))
    if args.json:
        args.json.write_text(json.dumps({"environment": env, "settings": vars(args) | {
            "dir": str(args.dir), "json": str(args.json)}, "results": res,
            "targets": {"dropped_frames": DROP_TARGET}}, indent=2, default=str) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
