"""Benchmark of web proxies: how many times real time one core derives a browser-playable proxy.

Run with ``python -m benchmarks.bench_proxies`` (see benchmarks/README.md).

Sources are recorded as the workstation records them: the synthetic camera (a moving pattern)
at 30 fps, MPEG-4 Part 2 in MPEG-TS through the app's ``SegmentWriter``, at 320x240 and
1280x720. **Ours** derives each with the provider's own ``derive_proxy`` (decode, scale to the
proxy height, thin to the frame-rate cap, VP9 through opencv-python-headless's bundled libvpx,
check the WebM, hash, fsync, rename) under the default ``ProxySettings`` and a few other
settings. **The peer**, in the same run: Debian's ``ffmpeg -c:v libvpx-vp9`` with the same
scale, frame-rate cap and CRF (libvpx's default speed, as OpenCV leaves it), its CPU time read
from the child's rusage; the same with ``-deadline realtime -cpu-used 8 -row-mt 1`` is shown for
information (OpenCV's writer does not pass encoder options: OPENCV_FFMPEG_WRITER_OPTIONS reaches
only the hardware-acceleration choice, and VIDEOWRITER_PROP_PRESET is refused for libvpx-vp9).

Real-time factor per core = seconds of source video / CPU seconds of the derivation (process
CPU for ours, all threads; child CPU for ffmpeg). Targets (issue 15): >= 5x for 320x240,
>= 1x for 1280x720. Nothing here asserts; it prints figures, targets and PASS/FAIL, exits 0.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import time
from pathlib import Path
from typing import Any

from assessor_app.devices.video import SyntheticCamera
from assessor_app.devices.video.segments import SegmentWriter
from assessor_app.provider.media.proxy import derive_proxy
from assessor_app.provider.media.settings import ProxySettings
from assessor_app.provider.media.webm import read_webm
from benchmarks.common import (
    BUSY_WARNING,
    load_text,
    machine_was_busy,
    verdict,
    video_bench_main,
)

TARGETS = {"320x240": 5.0, "1280x720": 1.0}
SIZES = ((320, 240), (1280, 720))


def record_source(folder: Path, size: tuple[int, int], fps: float, seconds: float) -> Path:
    """One segment recorded as the workstation records it (free-running synthetic camera)."""
    folder.mkdir(parents=True, exist_ok=True)
    camera = SyntheticCamera(size[0], size[1], fps, pace=False, identity="bench")
    camera.open()
    writer = SegmentWriter(folder, 1, fps, size, device={"kind": "synthetic"})
    try:
        for n in range(round(seconds * fps)):
            ok, frame = camera.read()
            if not ok or frame is None:
                raise RuntimeError("the synthetic camera stopped")
            t_us = round(n * 1e6 / fps)
            writer.write(frame, n, t_us * 1000, t_us)
        return writer.close().path
    finally:
        camera.close()


def bench_ours(source: Path, out: Path, settings: ProxySettings, seconds: float) -> dict[str, Any]:
    cpu0, wall0 = time.process_time(), time.perf_counter()
    result = derive_proxy(source, out, settings)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    return {"cpu_s": cpu, "wall_s": wall, "rt_per_core": seconds / cpu, "bytes": result.size,
            "kbit_s": result.size * 8 / 1000 / seconds, "frames": result.frames,
            "size": f"{result.width}x{result.height}", "fps": result.fps, "duration_s": result.duration_s}


def bench_ffmpeg(ffmpeg: str, source: Path, out: Path, settings: ProxySettings, seconds: float,
                 extra: list[str]) -> dict[str, Any]:
    vf = f"scale=-2:'min({settings.max_height},ih)':flags=area,fps='min({settings.max_fps:g},source_fps)'"
    cmd = [ffmpeg, "-v", "error", "-y", "-i", str(source), "-an", "-vf", vf, "-c:v", "libvpx-vp9",
           "-crf", str(settings.crf), "-b:v", "0", *extra, str(out)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall0 = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, timeout=3600)
    wall = time.perf_counter() - wall0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    info = read_webm(out)
    size = out.stat().st_size
    return {"cpu_s": cpu, "wall_s": wall, "rt_per_core": seconds / cpu, "bytes": size,
            "kbit_s": size * 8 / 1000 / seconds, "frames": info.blocks, "size": f"{info.width}x{info.height}",
            "duration_s": info.duration_s, "command": " ".join(cmd)}


def variants(args: argparse.Namespace) -> list[tuple[str, ProxySettings]]:
    default = ProxySettings()
    out = [("ours vp9 (default settings)", default)]
    if not args.quick:
        out += [("ours vp9, 15 fps cap", ProxySettings(max_fps=15.0)),
                ("ours vp9, CRF 50", ProxySettings(crf=50)),
                ("ours vp8 (codec setting)", ProxySettings(codec="vp8"))]
    return out


def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    ffmpeg = shutil.which("ffmpeg")
    results: dict[str, Any] = {}
    sizes = SIZES[:1] if args.quick else SIZES
    for w, h in sizes:
        key = f"{w}x{h}"
        print(f"recording a {args.seconds:g} s source at {key}, {args.fps:g} fps ...", flush=True)
        source = record_source(work / key, (w, h), args.fps, args.seconds)
        rows: dict[str, Any] = {}
        for label, settings in variants(args):
            rows[label] = bench_ours(source, work / f"{key}-{len(rows)}.webm", settings, args.seconds)
            print(f"  {label}: {rows[label]['rt_per_core']:.2f}x", flush=True)
        if ffmpeg:
            default = ProxySettings()
            rows["peer ffmpeg libvpx-vp9 (same settings)"] = bench_ffmpeg(
                ffmpeg, source, work / f"{key}-peer.webm", default, args.seconds, [])
            if not args.quick:
                rows["peer ffmpeg libvpx-vp9 realtime, cpu-used 8 (info)"] = bench_ffmpeg(
                    ffmpeg, source, work / f"{key}-peer-rt.webm", default, args.seconds,
                    ["-deadline", "realtime", "-cpu-used", "8", "-row-mt", "1"])
        results[key] = {"source_bytes": source.stat().st_size, "rows": rows}
    return {"results": results, "ffmpeg": ffmpeg}


def render(args: argparse.Namespace, env: dict[str, Any], res: dict[str, Any]) -> str:
    lines = [f"Web proxies: {args.seconds:g} s sources at {args.fps:g} fps (synthetic moving pattern, "
             f"MPEG-4 Part 2 in MPEG-TS); {env['cpus']} CPUs; load {load_text(env['loadavg_1min'])} -> "
             f"{load_text(env.get('loadavg_1min_end'))}; OpenCV {env['opencv']}",
             "  real-time factor per core = source seconds / CPU seconds (higher is better)"]
    if not res["ffmpeg"]:
        lines.append("  (no ffmpeg on PATH: the peer was not measured; Debian: apt install ffmpeg)")
    for key, block in res["results"].items():
        target = TARGETS[key]
        lines.append(f"{key} (target >= {target:g}x per core):")
        for label, r in block["rows"].items():
            mark = verdict(r["rt_per_core"] >= target) if label.startswith("ours vp9 (default") else ""
            lines.append(f"  {label:<52} {r['rt_per_core']:6.2f}x  cpu {r['cpu_s']:6.2f} s  wall "
                         f"{r['wall_s']:6.2f} s  -> {r['size']} {r['frames']} frames, "
                         f"{r['kbit_s']:6.0f} kbit/s {mark}")
    if machine_was_busy(env):
        lines.append(BUSY_WARNING)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return video_bench_main(argv, __doc__.splitlines()[0], "320x240 only, default settings and the peer",
                            "bench-proxies-", run, render)


if __name__ == "__main__":
    raise SystemExit(main())
