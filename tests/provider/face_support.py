"""Sealed bundles whose video and photo show a real face (tests/data/face-astronaut.png, NASA, public
domain), recorded by the product's segment writer: what the anonymised derivatives must blur."""

from __future__ import annotations

import hashlib
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from helpers import load_mini
from sync_support import Sealed, assessor_key, finished

from assessor_app.devices.video.segments import SegmentWriter
from assessor_app.evidence.archive import write_archive
from assessor_app.evidence.bundle import PayloadFile, write_bundle
from assessor_app.evidence.keys import SigningKey

FACE = Path(__file__).resolve().parents[1] / "data" / "face-astronaut.png"
PHOTO_NAME = "captures/photos/step-1-photo-1.jpg"


def face_image() -> np.ndarray:
    image = cv2.imread(str(FACE), cv2.IMREAD_COLOR)
    assert image is not None, f"{FACE} is missing"
    return image


def face_frames(count: int, size: tuple[int, int] = (320, 240)) -> Iterator[np.ndarray]:
    """Frames of a workshop-grey background with a textured bench, the face moving across it and
    changing size (a head turning towards and away from the camera)."""
    face = face_image()
    width, height = size
    rng = np.random.default_rng(16)
    bench = rng.integers(60, 120, (height // 3, width, 3), dtype=np.uint8)
    for n in range(count):
        frame = np.full((height, width, 3), 150, np.uint8)
        frame[height - bench.shape[0]:] = bench
        scale = (0.45 + 0.35 * (n % 8) / 7) * height / face.shape[0]
        shown = cv2.resize(face, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        fh, fw = shown.shape[:2]
        x = int((width - fw) * (n % 10) / 9)
        y = max(0, (height - fh) // 4)
        frame[y:y + fh, x:x + fw] = shown
        yield frame


def face_photo(path: Path, size: tuple[int, int] = (1024, 768)) -> tuple[str, int]:
    """A JPEG photo of the face at a bench (as a workstation's camera takes one); its hash and size."""
    frame = next(face_frames(1, size))
    ok, body = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, 92])
    assert ok
    data = body.tobytes()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest(), len(data)


def record_face_segment(folder: Path, index: int, *, frames: int = 24, fps: float = 8.0,
                        size: tuple[int, int] = (320, 240)) -> Any:
    """A closed segment (the product's writer: MPEG-4 Part 2 in MPEG-TS) of ``frames`` face frames."""
    folder.mkdir(parents=True, exist_ok=True)
    writer = SegmentWriter(folder, index, fps, size, device={"kind": "synthetic"})
    for seq, frame in enumerate(face_frames(frames, size)):
        t_us = round(seq * 1e6 / fps)
        writer.write(frame, seq, t_us * 1000, t_us)
    return writer.close()


def face_bundle(where: Path, device: SigningKey, *, frames: int = 24, apart: bool = False,
                **recording: Any) -> Sealed:
    """A sealed bundle with one video segment and one photo of the face; ``apart``: the assessment
    keeps its identity apart, and the bundle holds the names and the VIN under identity/."""
    bundle_id = str(uuid.uuid4())
    captures = where / "captures" / bundle_id
    info = record_face_segment(captures / "video", 1, frames=frames, **recording)
    photo_sha, photo_size = face_photo(captures / "photo.jpg")
    identity = None
    if apart:
        from identity_support import finished_apart

        engine, events, identity = finished_apart()
    else:
        engine, events = finished()
    step = engine.spec.steps[0].id
    name = f"captures/video/{info.path.name}"
    payload = [PayloadFile(info.path, name, info.sha256, info.size, info.duration_s),
               PayloadFile(captures / "photo.jpg", PHOTO_NAME, photo_sha, photo_size)]
    files = [{"name": name, "kind": "video", "device": "synthetic camera test-camera", "step": step,
              "t_start_us": info.t_start_us, "t_end_us": info.t_end_us, "items": info.frames, "dropped": 0,
              "meta": {"fps": info.fps, "steps": [step], "sha256": info.sha256, "size": info.size,
                       "width": info.width, "height": info.height}}]
    capture = {"devices": [{"kind": "video", "device": "synthetic camera test-camera"}], "files": files,
               "gaps": [], "dropped_frames": 0, "dropped_can_frames": 0}
    mini = load_mini()
    sealed = write_bundle(where / "bundles", bundle_id=bundle_id, engine=engine, events=events,
                          checklist_source=mini.checklist.source, parameters_source=mini.params.source,
                          keys=[device, assessor_key()], payload=payload, capture=capture, identity=identity)
    tar = write_archive(sealed.path, where / "archives" / f"{bundle_id}.tar")
    return Sealed(sealed.path, tar, bundle_id, sealed.manifest_sha256)


def decoded_frames(path: Path) -> list[np.ndarray]:
    """Every frame of a video file, as OpenCV's FFmpeg backend decodes it."""
    cap = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    frames = []
    try:
        while True:
            ok, frame = cap.read()
            if not ok:
                return frames
            frames.append(frame)
    finally:
        cap.release()
