"""Sealed bundles holding real recorded video segments (a synthetic camera, the product's writer)."""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path
from typing import Any

from helpers import load_mini
from sync_support import Sealed, assessor_key, finished

from assessor_app.devices.video import SyntheticCamera
from assessor_app.devices.video.segments import SegmentWriter
from assessor_app.evidence.archive import write_archive
from assessor_app.evidence.bundle import PayloadFile, write_bundle
from assessor_app.evidence.keys import SigningKey

SEGMENT_S = 2.0


def record_segments(folder: Path, count: int, *, size: tuple[int, int] = (320, 240), fps: float = 8.0,
                    seconds: float = SEGMENT_S) -> list[Any]:
    """``count`` closed segments (MPEG-4 Part 2 in MPEG-TS, hashed as written) of moving content."""
    folder.mkdir(parents=True, exist_ok=True)
    camera = SyntheticCamera(size[0], size[1], fps, pace=False, identity="test-camera")
    camera.open()
    frames_per = round(seconds * fps)
    infos, seq = [], 0
    try:
        for index in range(1, count + 1):
            writer = SegmentWriter(folder, index, fps, size, device={"kind": "synthetic"})
            for _ in range(frames_per):
                ok, frame = camera.read()
                assert ok and frame is not None
                t_us = round(seq * 1e6 / fps)
                writer.write(frame, seq, t_us * 1000, t_us)
                seq += 1
            infos.append(writer.close())
    finally:
        camera.close()
    return infos


def video_bundle(where: Path, device: SigningKey, *, segments: int = 2, corrupt: int | None = None,
                 **recording: Any) -> Sealed:
    """A sealed bundle whose capture section lists ``segments`` video segments; ``corrupt``: that
    segment (1-based) holds random bytes, sealed as they are (a camera fault, faithfully kept)."""
    bundle_id = str(uuid.uuid4())
    infos = record_segments(where / "captures" / bundle_id, segments, **recording)
    engine, events = finished()
    steps = [s.id for s in engine.spec.steps]
    payload, files = [], []
    for n, info in enumerate(infos, start=1):
        sha, size = info.sha256, info.size
        if n == corrupt:
            data = os.urandom(size)
            info.path.chmod(0o600)
            info.path.write_bytes(data)
            sha = hashlib.sha256(data).hexdigest()
        name = f"captures/video/{info.path.name}"
        step = steps[(n - 1) % len(steps)]
        payload.append(PayloadFile(info.path, name, sha, size, info.duration_s))
        files.append({"name": name, "kind": "video", "device": "synthetic camera test-camera", "step": step,
                      "t_start_us": info.t_start_us, "t_end_us": info.t_end_us, "items": info.frames,
                      "dropped": 0, "meta": {"fps": info.fps, "steps": [step], "sha256": sha, "size": size,
                                             "width": info.width, "height": info.height}})
    capture = {"devices": [{"kind": "video", "device": "synthetic camera test-camera"}], "files": files,
               "gaps": [], "dropped_frames": 0, "dropped_can_frames": 0}
    mini = load_mini()
    sealed = write_bundle(where / "bundles", bundle_id=bundle_id, engine=engine, events=events,
                          checklist_source=mini.checklist.source, parameters_source=mini.params.source,
                          keys=[device, assessor_key()], payload=payload, capture=capture)
    tar = write_archive(sealed.path, where / "archives" / f"{bundle_id}.tar")
    return Sealed(sealed.path, tar, bundle_id, sealed.manifest_sha256)
