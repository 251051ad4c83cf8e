"""Photo evidence of a step: taken with the assessment camera or imported from a file. No Qt.

::

    desk = PhotoDesk(store, data_dir, assessment_id, camera, timeline_us=timeline_us)
    photo = desk.take("04")                                   # a still at the camera's largest mode
    photo = desk.take("04", latest_frame=video_session)       # while the recording holds the camera
    photo = desk.import_file("04", Path("/media/phone/IMG_0042.jpg"))
    recorder.act(RecordPhoto(**photo.record_fields()))        # the caller records the engine event
    jpeg = desk.thumbnail(photo)                              # for the window; cached, never sealed

Each photo is written to ``<captures_dir>/photos/<step>-<n>.<ext>`` (owner-only, exclusive
create, never overwriting), hashed while it is written (never read back to hash), fsynced with
its folder, and only then indexed in the capture index as kind ``photo`` with its step, its
time on the assessment timeline, its device (``camera 0``, ``synthetic camera demo``, ``file
IMG_0042.jpg``) and ``meta`` {width, height, format, source, source_detail}. The index row is
what makes it evidence: :func:`assessor_app.evidence.sealing.capture_evidence` seals every
indexed file into the bundle and lists it in the PDF's evidence index. Photos are added only
while the assessment is in progress.

A camera photo is a JPEG of the still. An imported file keeps its bytes unchanged (it is
evidence) and its extension; its time is when it was imported (a phone's own clock and EXIF
data are not the assessment's). Expected failures raise :class:`PhotoError` (or the video
layer's :class:`CameraUnavailable`) with a message naming the file or camera and why.
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, Protocol

import cv2

from assessor_app.core.specs.models import ID_PATTERN
from assessor_app.devices.photo_camera import (
    LARGEST_REQUEST,
    SYNTHETIC_SENSOR,
    WARMUP_FRAMES,
    StillCamera,
    still_camera_for,
)
from assessor_app.devices.photo_files import (
    PhotoError,
    check_picture,
    declared_size,
    decode,
    read_regular_file,
    sniff_format,
)
from assessor_app.devices.video import FrameSource, LatestFrame
from assessor_app.durable import fsync_dir, open_private, private_dir
from assessor_app.storage.captures import CaptureFileRecord, CaptureIndex, captures_dir
from assessor_app.storage.store import AssessmentStore

log = logging.getLogger(__name__)

__all__ = ["Photo", "PhotoDesk", "PhotoError", "PhotoSettings", "photos_dir", "thumbnail",
           "thumbnails_dir"]

PhotoSource = Literal["camera", "file"]
PHOTO_KIND = "photo"
#: The capture index's device column holds at most this many characters.
_DEVICE_MAX = 200
_CHUNK = 1 << 20
_STEP_ID = re.compile(ID_PATTERN)


@dataclass(frozen=True)
class PhotoSettings:
    """The limits and qualities of photo evidence (defaults suit a workshop PC and a phone's pictures)."""

    max_import_bytes: int = 40_000_000  # a phone's JPEG is 2-15 MB; a PNG screenshot less
    max_pixels: int = 120_000_000  # a 108 MP phone picture fits; decoding checks run at 1 byte a pixel
    jpeg_quality: int = 95  # camera stills
    still_request: tuple[int, int] = LARGEST_REQUEST  # asked of an OpenCV camera for its largest mode
    warmup_frames: int = WARMUP_FRAMES
    synthetic_sensor: tuple[int, int] = SYNTHETIC_SENSOR
    #: A recording's latest frame older than this (the camera stopped delivering) is no photo of now;
    #: None accepts any age.
    max_frame_age_s: float | None = 5.0
    thumbnail_quality: int = 85
    max_thumbnail_source_bytes: int = 200_000_000


@dataclass(frozen=True)
class Photo:
    """A photo of a step, written and indexed as evidence."""

    evidence: str  # relative to the assessment's capture folder: "photos/04-1.jpg"
    sha256: str
    size: int
    width: int
    height: int
    source: PhotoSource
    t_us: int  # on the assessment timeline: when it was taken (camera) or imported (file)
    step: str
    device: str  # "camera 0", "synthetic camera demo-camera", "file IMG_0042.jpg"
    source_detail: str  # how it was taken: the still's mode, the recording's frame, the file it came from
    path: Path

    def record_fields(self) -> dict[str, Any]:
        """The fields of the engine's RecordPhoto action for this photo."""
        return {"step": self.step, "evidence": self.evidence, "sha256": self.sha256,
                "source": self.source, "width": self.width, "height": self.height}


class FrameSlot(Protocol):
    """What holds a recording's latest frame (a VideoSession or a VideoRecorder)."""

    def latest_frame(self) -> LatestFrame | None: ...


def photos_dir(data_dir: Path, assessment_id: str) -> Path:
    """Where an assessment's photos are written."""
    return captures_dir(data_dir, assessment_id) / "photos"


def thumbnails_dir(data_dir: Path) -> Path:
    """The thumbnail cache: derived from the photos, keyed by their SHA-256, never sealed."""
    return data_dir / "cache" / "thumbnails"


def _printable(text: str) -> str:
    return "".join(c if c.isprintable() else "?" for c in text)


class PhotoDesk:
    """Takes and imports the photos of one assessment (see the module docstring).

    ``camera`` is the assessment's camera (an :class:`OpenCVCamera`, the :class:`SyntheticCamera`,
    another frame source, or a :class:`StillCamera`), or None when there is none; ``timeline_us``
    gives the assessment timeline's position now (e.g. ``lambda: recorder.timeline.now().t_us``).
    Safe to call from several threads; meant for the window's background writer.
    """

    def __init__(self, store: AssessmentStore, data_dir: Path, assessment_id: str,
                 camera: FrameSource | StillCamera | None = None, *, timeline_us: Callable[[], int],
                 settings: PhotoSettings | None = None):
        self.store = store
        self.data_dir = Path(data_dir)
        self.assessment_id = assessment_id
        self.settings = settings or PhotoSettings()
        self.timeline_us = timeline_us
        self.folder = photos_dir(self.data_dir, assessment_id)
        self.camera: StillCamera | None = None if camera is None else still_camera_for(
            camera, request=self.settings.still_request, warmup_frames=self.settings.warmup_frames,
            synthetic_sensor=self.settings.synthetic_sensor)
        self._index = CaptureIndex(store)
        self._lock = threading.Lock()

    # ------------------------------------------------------------------ taking and importing
    def take(self, step_id: str, *, latest_frame: LatestFrame | FrameSlot | None = None) -> Photo:
        """A still for the step from the assessment camera, as a JPEG.

        While the video recording holds the camera, pass its latest frame (a ``LatestFrame``, or
        the VideoSession / VideoRecorder itself): the photo is that frame, at the recording's
        resolution, and its ``source_detail`` says so. Otherwise the camera is opened on its own
        at its largest mode for one still.
        """
        self._check_open(step_id)
        if latest_frame is not None:
            frame, t_us, detail, device = self._from_recording(latest_frame)
        else:
            if self.camera is None:
                raise PhotoError("No camera is set for this assessment: choose one in the settings, or "
                                 "import the photo from a file.")
            still = self.camera.capture(step_id, self.timeline_us)
            frame, t_us, detail, device = still.frame, still.t_us, still.detail, self.camera.name
        ok, encoded = cv2.imencode(".jpg", frame, [cv2.IMWRITE_JPEG_QUALITY, self.settings.jpeg_quality])
        if not ok:
            raise PhotoError(f"The picture from the {device} could not be encoded as JPEG.")
        height, width = frame.shape[:2]
        return self._store(step_id, "jpg", encoded.tobytes(), source="camera", device=device,
                           detail=detail, width=width, height=height, fmt="jpeg", t_us=t_us)

    def _from_recording(self, latest: LatestFrame | FrameSlot) -> tuple[Any, int, str, str]:
        device = self.camera.name if self.camera is not None else "camera"
        if not isinstance(latest, LatestFrame):
            device = str(getattr(latest, "device", None) or device)
            got = latest.latest_frame()
            if got is None:
                raise PhotoError(f"The video recording from the {device} has no picture yet: take the "
                                 f"photo again in a moment.")
            latest = got
        age_s = (self.timeline_us() - latest.timeline_us) / 1e6
        limit = self.settings.max_frame_age_s
        if limit is not None and age_s > limit:
            raise PhotoError(f"The video recording's newest picture from the {device} is {age_s:.1f} s "
                             f"old (more than {limit:g} s): the camera is not delivering pictures, so "
                             f"no photo can be taken now.")
        height, width = latest.frame.shape[:2]
        detail = (f"frame {latest.capture_seq} of the video recording at {width}x{height}: the recording "
                  f"holds the camera, so no still at a larger mode was possible")
        return latest.frame, latest.timeline_us, detail, device

    def import_file(self, step_id: str, path: Path) -> Photo:
        """A picture copied over from a phone (JPEG or PNG), kept byte for byte with its extension."""
        self._check_open(step_id)
        path = Path(path)
        data = read_regular_file(path, self.settings.max_import_bytes)
        picture = check_picture(path, data, self.settings.max_pixels)
        ext = path.suffix.lower().lstrip(".")
        # the phone's file name may carry a person's name: the record says only what kind of file
        device = "file"
        detail = f"a {picture.format.upper()} file copied over unchanged"
        return self._store(step_id, ext, picture.data, source="file", device=device, detail=detail,
                           width=picture.width, height=picture.height, fmt=picture.format,
                           t_us=self.timeline_us())

    # ------------------------------------------------------------------ reading back
    def photos(self, step_id: str | None = None) -> list[Photo]:
        """The assessment's indexed photos (of one step, or all), in the order they were taken."""
        found = []
        for f in self._index.files(self.assessment_id, kind=PHOTO_KIND):
            if step_id is not None and f.step_id != step_id:
                continue
            found.append(Photo(f.name, f.sha256, f.size, int(f.meta["width"]), int(f.meta["height"]),
                               f.meta["source"], f.t_start_us, f.step_id or "", f.device,
                               str(f.meta.get("source_detail", "")),
                               captures_dir(self.data_dir, self.assessment_id) / f.name))
        return found

    def thumbnail(self, photo: Photo, max_side: int = 240) -> bytes:
        """A JPEG thumbnail of ``photo`` for the window (from the cache when it is there)."""
        return thumbnail(photo.path, max_side, cache_dir=thumbnails_dir(self.data_dir),
                         sha256=photo.sha256, quality=self.settings.thumbnail_quality,
                         max_bytes=self.settings.max_thumbnail_source_bytes,
                         max_pixels=self.settings.max_pixels)

    # ------------------------------------------------------------------ writing
    def _check_open(self, step_id: str) -> None:
        if not isinstance(step_id, str) or len(step_id) > 64 or not _STEP_ID.match(step_id):
            raise PhotoError(f"{step_id!r} is not a step id: photos are filed under their step's id")
        status = self.store.summary(self.assessment_id).status
        if status != "in_progress":
            raise PhotoError(f"Assessment {self.assessment_id} is {status.replace('_', ' ')}: photos are "
                             f"added only while it is in progress.")

    def _next_number(self, step_id: str) -> int:
        numbers = [0]
        for p in self.folder.glob(f"{step_id}-*"):
            prefix, _, n = p.stem.rpartition("-")
            if prefix == step_id and n.isdigit():
                numbers.append(int(n))
        return max(numbers) + 1

    def _store(self, step_id: str, ext: str, data: bytes, *, source: PhotoSource, device: str,
               detail: str, width: int, height: int, fmt: str, t_us: int) -> Photo:
        created = not self.folder.is_dir()
        private_dir(self.folder)
        digest = hashlib.sha256()
        with self._lock:
            n = self._next_number(step_id)
            while True:
                path = self.folder / f"{step_id}-{n}.{ext}"
                try:
                    out = open_private(path, "xb")
                    break
                except FileExistsError:  # written meanwhile by another program on this folder
                    n += 1
            try:
                with out:
                    view = memoryview(data)
                    for start in range(0, len(view), _CHUNK):
                        chunk = view[start:start + _CHUNK]
                        digest.update(chunk)
                        out.write(chunk)
                    out.flush()
                    os.fsync(out.fileno())
                fsync_dir(self.folder)
                if created:
                    fsync_dir(self.folder.parent)
            except OSError as exc:
                path.unlink(missing_ok=True)
                raise PhotoError(f"The photo {path} could not be written: {exc.strerror or exc}") from exc
        evidence = path.relative_to(captures_dir(self.data_dir, self.assessment_id)).as_posix()
        meta = {"width": width, "height": height, "format": fmt, "source": source, "source_detail": detail}
        try:
            self._index.add_file(self.assessment_id, CaptureFileRecord(
                PHOTO_KIND, evidence, digest.hexdigest(), len(data), device, t_us, t_us, step_id, 1, 0,
                meta, time.time_ns() // 1000))
        except Exception:
            # not indexed, so not evidence: the file goes, so that no unindexed photo lies among them
            path.unlink(missing_ok=True)
            raise
        log.info("photo %s of step %s (%s, %dx%d, %d bytes) from %s", evidence, step_id, source, width,
                 height, len(data), device)
        return Photo(evidence, digest.hexdigest(), len(data), width, height, source, t_us, step_id, device,
                     detail, path)


def thumbnail(photo_path: Path, max_side: int = 240, *, cache_dir: Path, sha256: str | None = None,
              quality: int = 85, max_bytes: int = 200_000_000, max_pixels: int = 120_000_000) -> bytes:
    """A JPEG of ``photo_path`` whose longer side is at most ``max_side``, cached in ``cache_dir``.

    The cache file is ``<sha256>-<max_side>.jpg``, keyed by the photo's SHA-256: with ``sha256``
    given (the photo's recorded hash) a cached thumbnail is returned without reading the photo,
    and a photo read whose bytes differ from it is refused (it changed since it was taken).
    Decoding turns the picture as its EXIF orientation says, as a viewer shows it.
    """
    if max_side < 16:
        raise ValueError("a thumbnail needs at least 16 pixels a side")
    photo_path = Path(photo_path)
    if sha256 is not None:
        cached = cache_dir / f"{sha256}-{max_side}.jpg"
        if cached.is_file() and not cached.is_symlink():
            return cached.read_bytes()
    data = read_regular_file(photo_path, max_bytes)
    digest = hashlib.sha256(data).hexdigest()
    if sha256 is not None and digest != sha256:
        raise PhotoError(f"{photo_path} is not the photo that was recorded (its SHA-256 differs): it "
                         f"was changed after it was taken")
    fmt = sniff_format(data)
    size = declared_size(data, fmt) if fmt else None
    if fmt is None or size is None:
        raise PhotoError(f"{photo_path} is not a JPEG or PNG picture with a declared size")
    if size[0] * size[1] > max_pixels:
        raise PhotoError(f"{photo_path} declares {size[0]}x{size[1]} pixels, more than the {max_pixels:,} "
                         f"a photo may have")
    ratio = max(size) / max_side
    flags = (cv2.IMREAD_REDUCED_COLOR_8 if ratio >= 8 else cv2.IMREAD_REDUCED_COLOR_4 if ratio >= 4
             else cv2.IMREAD_REDUCED_COLOR_2 if ratio >= 2 else cv2.IMREAD_COLOR)
    image = decode(data, flags)
    if image is None:
        raise PhotoError(f"{photo_path} is not a picture OpenCV can read: it does not decode")
    height, width = image.shape[:2]
    scale = max_side / max(width, height)
    if scale < 1:
        image = cv2.resize(image, (max(1, round(width * scale)), max(1, round(height * scale))),
                           interpolation=cv2.INTER_AREA)
    ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, quality])
    if not ok:
        raise PhotoError(f"The thumbnail of {photo_path} could not be encoded as JPEG.")
    jpeg = encoded.tobytes()
    cached = cache_dir / f"{digest}-{max_side}.jpg"
    tmp = cached.with_name(f".{cached.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        private_dir(cache_dir)
        with open_private(tmp, "wb") as f:
            f.write(jpeg)
        os.replace(tmp, cached)
    except OSError as exc:
        # a cache that cannot be written costs time, not evidence: the thumbnail is still shown
        log.warning("the thumbnail of %s could not be cached in %s: %s", photo_path, cache_dir, exc)
        tmp.unlink(missing_ok=True)
    return jpeg
