"""Benchmark of face blurring: the anonymised proxy's frames per second, against the plain web proxy.

Run with ``python -m benchmarks.bench_face_blur`` (see benchmarks/README.md).

Sources are recorded as the workstation records them (MPEG-4 Part 2 in MPEG-TS through the app's
``SegmentWriter``, 30 fps) from frames showing a real face (tests/data/face-astronaut.png, NASA,
public domain) moving across a bench and changing size, at 320x240 and 1280x720. In the same run,
each source is derived twice with the provider's ``derive_proxy`` under the default settings
(VP9, 360 px, 10 fps): **plain** (the web proxy, no blurring) and **anonymised** (CenterFace run
on every kept frame at the proxy's size, each face blurred there and in the frames that follow,
as ``media.anonymised`` makes it). Blurring frames per second = proxy frames / CPU seconds of the
anonymised derivation; the ratio is anonymised CPU / plain CPU. Both proxies are then decoded
and searched with the detector: the plain one shows how often the face is found, the anonymised
one must show none ("faces left"). For information, detecting only every 2nd or 3rd kept frame
(boxes carried over, enlarged as usual) is measured with its faces left, and one 1920x1080 photo
is anonymised. Nothing here asserts; it prints figures and exits 0.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import Any

import cv2
import numpy as np

from assessor_app.devices.video.segments import SegmentWriter
from assessor_app.provider.media.anonymised import face_filter
from assessor_app.provider.media.faces import FaceDetector, blur_faces
from assessor_app.provider.media.proxy import derive_proxy
from assessor_app.provider.media.settings import FaceBlurSettings, ProxySettings
from benchmarks.common import BUSY_WARNING, load_text, machine_was_busy, video_bench_main

FACE = Path(__file__).resolve().parents[1] / "tests" / "data" / "face-astronaut.png"
SIZES = ((320, 240), (1280, 720))


def face_frames(count: int, size: tuple[int, int]) -> Any:
    """A grey wall and a textured bench; the face moves across and changes size (as in the tests)."""
    face = cv2.imread(str(FACE), cv2.IMREAD_COLOR)
    if face is None:
        raise SystemExit(f"{FACE} is missing")
    width, height = size
    bench = np.random.default_rng(16).integers(60, 120, (height // 3, width, 3), dtype=np.uint8)
    for n in range(count):
        frame = np.full((height, width, 3), 150, np.uint8)
        frame[height - bench.shape[0]:] = bench
        scale = (0.45 + 0.35 * (n % 80) / 79) * height / face.shape[0]
        shown = cv2.resize(face, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        fh, fw = shown.shape[:2]
        x = int((width - fw) * (n % 100) / 99)
        frame[max(0, (height - fh) // 4):max(0, (height - fh) // 4) + fh, x:x + fw] = shown
        yield frame


def record_source(folder: Path, size: tuple[int, int], fps: float, seconds: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    writer = SegmentWriter(folder, 1, fps, size, device={"kind": "synthetic"})
    for n, frame in enumerate(face_frames(round(seconds * fps), size)):
        t_us = round(n * 1e6 / fps)
        writer.write(frame, n, t_us * 1000, t_us)
    return writer.close().path


def sparse_filter(detector: FaceDetector, settings: FaceBlurSettings, every: int) -> Any:
    """Detect only every ``every``-th kept frame; the boxes found are blurred until the next detection."""
    state: dict[str, Any] = {"n": 0, "faces": []}

    def blurred(frame: np.ndarray) -> np.ndarray:
        if state["n"] % every == 0:
            state["faces"] = detector.detect(frame)
        state["n"] += 1
        return blur_faces(frame, state["faces"], enlarge=settings.enlarge)

    return blurred


def faces_in(path: Path, detector: FaceDetector) -> tuple[int, int]:
    """(frames where a face is found, frames) of a video file."""
    cap = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    found = frames = 0
    try:
        while True:
            ok, frame = cap.read()
            if not ok:
                return found, frames
            frames += 1
            found += bool(detector.detect(frame))
    finally:
        cap.release()


def derive(source: Path, out: Path, frame_filter: Any, detector: FaceDetector) -> dict[str, Any]:
    cpu0, wall0 = time.process_time(), time.perf_counter()
    result = derive_proxy(source, out, ProxySettings(), frame_filter=frame_filter)
    cpu, wall = time.process_time() - cpu0, time.perf_counter() - wall0
    found, frames = faces_in(out, detector)
    return {"cpu_s": cpu, "wall_s": wall, "frames": result.frames, "fps_per_core": result.frames / cpu,
            "size": f"{result.width}x{result.height}", "bytes": result.size, "faces_found_in": found,
            "frames_decoded": frames}


def bench_photo(work: Path, detector: FaceDetector, settings: FaceBlurSettings, runs: int) -> dict[str, Any]:
    photo = next(face_frames(1, (1920, 1080)))
    ok, body = cv2.imencode(".jpg", photo, [cv2.IMWRITE_JPEG_QUALITY, 92])
    assert ok
    data = body.tobytes()
    cpu0 = time.process_time()
    for _ in range(runs):
        image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
        blur_faces(image, detector.detect(image), enlarge=settings.enlarge)
        ok, out = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, settings.photo_quality])
    cpu = (time.process_time() - cpu0) / runs
    return {"cpu_ms": cpu * 1000, "faces_left": len(detector.detect(cv2.imdecode(out, cv2.IMREAD_COLOR)))}


def run(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    settings = FaceBlurSettings()
    detector = FaceDetector(settings.threshold)
    judge = FaceDetector(settings.threshold)  # a separate net for the search afterwards
    results: dict[str, Any] = {}
    for w, h in SIZES[:1] if args.quick else SIZES:
        key = f"{w}x{h}"
        print(f"recording a {args.seconds:g} s source at {key}, {args.fps:g} fps ...", flush=True)
        source = record_source(work / key, (w, h), args.fps, args.seconds)
        rows = {"plain web proxy": derive(source, work / f"{key}-plain.webm", None, judge),
                "anonymised (every frame)": derive(
                    source, work / f"{key}-anon.webm",
                    face_filter(detector, settings.enlarge, settings.carry_frames), judge)}
        if not args.quick:
            for every in (2, 3):
                sparse = sparse_filter(detector, settings, every)
                rows[f"detecting 1 frame in {every} (info)"] = derive(
                    source, work / f"{key}-every{every}.webm", sparse, judge)
        for label, r in rows.items():
            print(f"  {label}: {r['fps_per_core']:.1f} frames/s per core, face found in "
                  f"{r['faces_found_in']} of {r['frames_decoded']}", flush=True)
        results[key] = rows
    photo = bench_photo(work, detector, settings, 1 if args.quick else 5)
    return {"results": results, "photo_1920x1080": photo, "settings": {
        "threshold": settings.threshold, "enlarge": settings.enlarge, "carry_frames": settings.carry_frames}}


def render(args: argparse.Namespace, env: dict[str, Any], res: dict[str, Any]) -> str:
    lines = [f"Face blurring: {args.seconds:g} s sources at {args.fps:g} fps with a real face (MPEG-4 Part 2 "
             f"in MPEG-TS) -> VP9 WebM, 360 px, 10 fps; {env['cpus']} CPUs; load "
             f"{load_text(env['loadavg_1min'])} -> {load_text(env.get('loadavg_1min_end'))}; OpenCV "
             f"{env['opencv']}",
             "  frames/s per core = proxy frames / CPU seconds (higher is better); x = CPU / the plain "
             "proxy's CPU"]
    for key, rows in res["results"].items():
        plain = rows["plain web proxy"]["cpu_s"]
        lines.append(f"{key}:")
        for label, r in rows.items():
            lines.append(f"  {label:<30} {r['fps_per_core']:7.1f} frames/s  cpu {r['cpu_s']:6.2f} s  "
                         f"x{r['cpu_s'] / plain:5.2f}  -> {r['size']} {r['frames']} frames; a face found in "
                         f"{r['faces_found_in']} of {r['frames_decoded']}")
    photo = res["photo_1920x1080"]
    lines.append(f"photo 1920x1080 anonymised: {photo['cpu_ms']:.0f} ms CPU; faces left "
                 f"{photo['faces_left']}")
    if machine_was_busy(env):
        lines.append(BUSY_WARNING)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    return video_bench_main(argv, __doc__.splitlines()[0], "320x240 only, plain and anonymised",
                            "bench-faces-", run, render)


if __name__ == "__main__":
    raise SystemExit(main())
