"""Stills from the assessment camera, at the largest size the camera offers. No Qt.

A video mode is a compromise (frame rate, bandwidth); a photo of a step is not: a still is
taken by opening the camera on its own, asking for its largest mode, and grabbing one frame.
That is only possible while the video recording does not hold the camera; while it does, the
photo desk uses the recording's latest frame instead (see :mod:`assessor_app.devices.photos`).

:func:`still_camera_for` turns the assessment's frame source into a :class:`StillCamera`:
an :class:`OpenCVCamera` becomes an :class:`OpenCVStillCamera` (same device, its largest mode),
the :class:`SyntheticCamera` a :class:`SyntheticStillCamera` (a drawn still at a "sensor" size
larger than its video mode, showing the step and the time), any other source a
:class:`SourceStillCamera` (opened, one frame read, closed).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

import cv2
import numpy as np

from assessor_app.devices.video import FrameSource, OpenCVCamera, SyntheticCamera
from assessor_app.devices.video._opencv import quiet_probing
from assessor_app.devices.video.errors import CameraUnavailable
from assessor_app.devices.video.sources import COMMON_MODES, OPEN_TIMEOUT_MS, READ_TIMEOUT_MS, as_bgr
from assessor_app.devices.video.status import device_name

log = logging.getLogger(__name__)

#: What a camera is asked for when its largest mode is wanted: the driver answers with the
#: largest mode it really has (OpenCV cannot list a device's modes).
LARGEST_REQUEST = (16384, 16384)
#: Frames read and thrown away before the still: a camera just opened is still settling its
#: exposure and white balance.
WARMUP_FRAMES = 3
#: The synthetic camera's "sensor": larger than any video mode the demo records in.
SYNTHETIC_SENSOR = (1920, 1080)


@dataclass(frozen=True)
class Still:
    """One picture from a camera (BGR), when it was taken on the assessment timeline, and how."""

    frame: np.ndarray
    t_us: int
    detail: str  # how it was taken, for the record: "a still at 2592x1944, the largest mode ..."


@runtime_checkable
class StillCamera(Protocol):
    """A camera that takes a still for a step; raises :class:`CameraUnavailable` when it cannot."""

    @property
    def name(self) -> str:
        """The camera as the capture index names devices: "camera 0", "synthetic camera demo"."""
        ...

    def capture(self, step_id: str, timeline_us: Callable[[], int]) -> Still: ...


class OpenCVStillCamera:
    """An OpenCV camera opened for one still at its largest mode, then released.

    The largest mode is found by asking for ``request`` (larger than any sensor) and reading
    back what the driver granted; a backend that refuses such a request is asked for the
    common modes from the largest down. MJPG is asked for first where ``prefer_mjpg``, because
    USB cameras typically offer their full resolution only compressed.
    """

    def __init__(self, device: int | str, *, api: int = cv2.CAP_ANY,
                 request: tuple[int, int] = LARGEST_REQUEST, warmup_frames: int = WARMUP_FRAMES,
                 prefer_mjpg: bool = True, open_timeout_ms: int = OPEN_TIMEOUT_MS,
                 read_timeout_ms: int = READ_TIMEOUT_MS):
        if warmup_frames < 0:
            raise ValueError("warmup_frames cannot be negative")
        self.device = device
        self.api = api
        self.request = request
        self.warmup_frames = warmup_frames
        self.prefer_mjpg = prefer_mjpg
        self.open_timeout_ms = open_timeout_ms
        self.read_timeout_ms = read_timeout_ms

    @property
    def name(self) -> str:
        return f"camera {self.device}"

    def _largest_mode(self, cap: cv2.VideoCapture) -> None:
        if self.prefer_mjpg:
            cap.set(cv2.CAP_PROP_FOURCC, cv2.VideoWriter.fourcc(*"MJPG"))  # refused: the default stays
        width, height = self.request
        if cap.set(cv2.CAP_PROP_FRAME_WIDTH, width) and cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height):
            return
        for width, height in COMMON_MODES:  # largest first
            if cap.set(cv2.CAP_PROP_FRAME_WIDTH, width) and cap.set(cv2.CAP_PROP_FRAME_HEIGHT, height):
                return

    def capture(self, step_id: str, timeline_us: Callable[[], int]) -> Still:
        params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, self.open_timeout_ms,
                  cv2.CAP_PROP_READ_TIMEOUT_MSEC, self.read_timeout_ms]
        with quiet_probing():
            cap = cv2.VideoCapture(self.device, self.api, params)
        try:
            if not cap.isOpened():
                raise CameraUnavailable(f"The {self.name} could not be opened for a photo (not connected, "
                                        f"or in use by another program).")
            self._largest_mode(cap)
            frame: np.ndarray | None = None
            for _ in range(1 + self.warmup_frames):
                ok, got = cap.read()
                if ok and got is not None:
                    frame = got
            if frame is None:
                raise CameraUnavailable(f"The {self.name} opened but delivered no picture for the photo.")
            t_us = timeline_us()
        finally:
            cap.release()
        frame = as_bgr(frame)
        height, width = frame.shape[:2]
        detail = (f"a still at {width}x{height}: the largest mode the {self.name} granted when asked "
                  f"for {self.request[0]}x{self.request[1]}")
        log.info("photo for step %s: %s", step_id, detail)
        return Still(frame, t_us, detail)


def _gradient(width: int, height: int) -> np.ndarray:
    """Colour gradients with a grid: a picture with detail at every scale."""
    ys, xs = np.mgrid[0:height, 0:width]
    img = np.dstack([xs * 255 // max(1, width - 1), ys * 255 // max(1, height - 1),
                     255 - (xs + ys) * 255 // max(1, width + height - 2)]).astype(np.uint8)
    step = max(8, width // 24)
    img[:, ::step] = 255
    img[::step, :] = 255
    return img


def timeline_text(t_us: int) -> str:
    """``01:02:03.456``: a position on the assessment timeline as a person reads it."""
    total_ms = max(0, t_us) // 1000
    seconds, ms = divmod(total_ms, 1000)
    return f"{seconds // 3600:02d}:{seconds % 3600 // 60:02d}:{seconds % 60:02d}.{ms:03d}"


class SyntheticStillCamera:
    """The synthetic camera's stills: drawn at ``sensor`` size, showing the step, the time and the camera.

    The sensor is larger than the camera's video mode, as a real camera's is; a video mode at
    least as large as ``sensor`` gets a sensor twice its size. The camera object itself is not
    touched (it may be recording meanwhile).
    """

    def __init__(self, camera: SyntheticCamera, sensor: tuple[int, int] = SYNTHETIC_SENSOR):
        self.camera = camera
        if sensor[0] * sensor[1] <= camera.width * camera.height:
            sensor = (camera.width * 2, camera.height * 2)
        self.sensor = sensor

    @property
    def name(self) -> str:
        return device_name(self.camera.description)

    def capture(self, step_id: str, timeline_us: Callable[[], int]) -> Still:
        t_us = timeline_us()
        width, height = self.sensor
        frame = _gradient(width, height)
        scale = height / 360
        thick = max(1, round(2 * scale))
        lines = (f"step {step_id}", f"t={timeline_text(t_us)}", f"{self.camera.identity} {width}x{height}")
        for i, text in enumerate(lines):
            org = (round(20 * scale), round((60 + 56 * i) * scale))
            cv2.putText(frame, text, org, cv2.FONT_HERSHEY_SIMPLEX, 1.4 * scale, (0, 0, 0), thick + 4)
            cv2.putText(frame, text, org, cv2.FONT_HERSHEY_SIMPLEX, 1.4 * scale, (255, 255, 255), thick)
        detail = (f"a still at {width}x{height}: the synthetic camera's sensor "
                  f"(its video mode is {self.camera.width}x{self.camera.height})")
        return Still(frame, t_us, detail)


class SourceStillCamera:
    """Any other frame source (a video file standing in for a camera): opened, one frame read, closed."""

    def __init__(self, source: FrameSource):
        self.source = source

    @property
    def name(self) -> str:
        return device_name(self.source.description)

    def capture(self, step_id: str, timeline_us: Callable[[], int]) -> Still:
        self.source.open()
        try:
            ok, frame = self.source.read()
            t_us = timeline_us()
        finally:
            self.source.close()
        if not ok or frame is None:
            raise CameraUnavailable(f"The {self.name} delivered no picture for the photo.")
        frame = as_bgr(frame)
        height, width = frame.shape[:2]
        return Still(frame, t_us, f"a frame at {width}x{height} from the {self.name} (its only mode)")


def still_camera_for(camera: FrameSource | StillCamera, *,
                     request: tuple[int, int] = LARGEST_REQUEST, warmup_frames: int = WARMUP_FRAMES,
                     synthetic_sensor: tuple[int, int] = SYNTHETIC_SENSOR) -> StillCamera:
    """The still camera for the assessment's camera (see the module docstring)."""
    if isinstance(camera, OpenCVCamera):
        return OpenCVStillCamera(camera.device, api=camera.api, request=request,
                                 warmup_frames=warmup_frames)
    if isinstance(camera, SyntheticCamera):
        return SyntheticStillCamera(camera, synthetic_sensor)
    if isinstance(camera, FrameSource):
        return SourceStillCamera(camera)
    return camera
