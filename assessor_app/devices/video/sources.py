"""Frame sources: an OpenCV camera (by index or device path) and a video file.

A source is opened, read frame by frame (BGR ``numpy`` arrays), and closed. ``read()`` returns
``(False, None)`` when no frame came; ``ended`` then tells a finite source that has run out
(a file at its end) from a camera that failed (unplugged), which the recorder treats as a gap.
"""

from __future__ import annotations

import logging
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

import cv2
import numpy as np

from ._opencv import quiet_probing
from .clock import FrameClock, RealClock
from .errors import CameraUnavailable

log = logging.getLogger(__name__)

#: Modes asked of a camera when the caller names none: the driver answers with the nearest
#: mode it really offers, which is what is then used.
DEFAULT_MODE = (1280, 720, 30.0)
#: Modes tried by :meth:`OpenCVCamera.offered_modes` (OpenCV cannot list a device's modes;
#: the driver snaps each request to one it supports, and the distinct answers are the list).
COMMON_MODES = ((1920, 1080), (1280, 720), (1024, 576), (800, 600), (640, 480), (320, 240))
OPEN_TIMEOUT_MS = 5000
READ_TIMEOUT_MS = 3000


@runtime_checkable
class FrameSource(Protocol):
    """Where frames come from. ``open`` raises :class:`CameraUnavailable` when it cannot."""

    def open(self) -> None: ...

    def read(self) -> tuple[bool, np.ndarray | None]: ...

    def close(self) -> None: ...

    @property
    def description(self) -> dict[str, Any]:
        """kind, identity, width, height, fps, live (+ backend details), JSON-ready."""
        ...

    @property
    def live(self) -> bool:
        """True when frames come in real time and are lost if not taken (a camera)."""
        ...

    @property
    def ended(self) -> bool:
        """True once a finite source has delivered its last frame."""
        ...


def as_bgr(frame: np.ndarray) -> np.ndarray:
    """The frame as 3-channel BGR (some drivers deliver grey or BGRA)."""
    if frame.ndim == 2:
        return cv2.cvtColor(frame, cv2.COLOR_GRAY2BGR)
    if frame.shape[2] == 4:
        return cv2.cvtColor(frame, cv2.COLOR_BGRA2BGR)
    return frame


def choose_mode(offered: list[tuple[int, int, float]], wanted: tuple[int, int, float]
                ) -> tuple[int, int, float]:
    """The offered mode nearest to ``wanted``: exact, else the largest not above it, else the smallest."""
    if not offered:
        raise ValueError("no modes offered")
    w, h, fps = wanted
    exact = [m for m in offered if m[0] == w and m[1] == h]
    if exact:
        return min(exact, key=lambda m: abs(m[2] - fps))
    below = [m for m in offered if m[0] * m[1] <= w * h]
    if below:
        return max(below, key=lambda m: (m[0] * m[1], -abs(m[2] - fps)))
    return min(offered, key=lambda m: (m[0] * m[1], abs(m[2] - fps)))


class OpenCVCamera:
    """A camera through OpenCV, by index (``0``) or device path (``/dev/video2``).

    The mode is negotiated with the driver on ``open``: the wanted width, height and fps are
    asked for and whatever the driver grants (the nearest mode it offers) is used; the first
    frame confirms the real size.
    """

    live = True
    ended = False

    def __init__(self, device: int | str, *, width: int | None = None, height: int | None = None,
                 fps: float | None = None, api: int = cv2.CAP_ANY):
        self.device = device
        self.wanted = (width or DEFAULT_MODE[0], height or DEFAULT_MODE[1], fps or DEFAULT_MODE[2])
        self.api = api
        self._cap: cv2.VideoCapture | None = None
        self._first: np.ndarray | None = None
        self._mode = self.wanted

    @property
    def name(self) -> str:
        return f"camera {self.device}"

    def _capture(self) -> cv2.VideoCapture:
        params = [cv2.CAP_PROP_OPEN_TIMEOUT_MSEC, OPEN_TIMEOUT_MS,
                  cv2.CAP_PROP_READ_TIMEOUT_MSEC, READ_TIMEOUT_MS]
        return cv2.VideoCapture(self.device, self.api, params)

    def open(self) -> None:
        self.close()
        with quiet_probing():
            cap = self._capture()
        if not cap.isOpened():
            cap.release()
            raise CameraUnavailable(f"The {self.name} could not be opened (not connected, or in use "
                                    f"by another program).")
        w, h, fps = self.wanted
        cap.set(cv2.CAP_PROP_FRAME_WIDTH, w)
        cap.set(cv2.CAP_PROP_FRAME_HEIGHT, h)
        cap.set(cv2.CAP_PROP_FPS, fps)
        ok, frame = cap.read()
        if not ok or frame is None:
            cap.release()
            raise CameraUnavailable(f"The {self.name} opened but delivered no picture.")
        frame = as_bgr(frame)
        granted_fps = cap.get(cv2.CAP_PROP_FPS)
        self._mode = (frame.shape[1], frame.shape[0], granted_fps if granted_fps > 0 else fps)
        self._cap, self._first = cap, frame
        log.info("%s opened at %dx%d, %.3g fps", self.name, *self._mode)

    def offered_modes(self) -> list[tuple[int, int, float]]:
        """The distinct modes the driver grants when asked for :data:`COMMON_MODES` (slow: opens it)."""
        with quiet_probing():
            cap = self._capture()
        if not cap.isOpened():
            raise CameraUnavailable(f"The {self.name} could not be opened to list its modes.")
        try:
            found: list[tuple[int, int, float]] = []
            for w, h in COMMON_MODES:
                cap.set(cv2.CAP_PROP_FRAME_WIDTH, w)
                cap.set(cv2.CAP_PROP_FRAME_HEIGHT, h)
                mode = (int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)),
                        float(cap.get(cv2.CAP_PROP_FPS)))
                if mode[0] > 0 and mode[1] > 0 and mode not in found:
                    found.append(mode)
            return found
        finally:
            cap.release()

    def read(self) -> tuple[bool, np.ndarray | None]:
        if self._first is not None:
            frame, self._first = self._first, None
            return True, frame
        if self._cap is None:
            return False, None
        ok, frame = self._cap.read()
        if not ok or frame is None:
            return False, None
        return True, as_bgr(frame)

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
        self._cap = self._first = None

    @property
    def description(self) -> dict[str, Any]:
        w, h, fps = self._mode
        backend = self._cap.getBackendName() if self._cap is not None else None
        return {"kind": "opencv-camera", "identity": str(self.device), "width": w, "height": h,
                "fps": fps, "live": True, "backend": backend}


class FileSource:
    """Frames from a video file; paced to its fps on ``clock`` if ``pace``, else as fast as read."""

    def __init__(self, path: str | Path, *, pace: bool = False, clock: FrameClock | None = None):
        self.path = Path(path)
        self.pace = pace
        self.clock = clock or RealClock()
        self._cap: cv2.VideoCapture | None = None
        self._ended = False
        self._size = (0, 0)
        self._fps = 0.0
        self._next_due = 0
        self._never = threading.Event()

    @property
    def live(self) -> bool:
        return self.pace and self.clock.realtime

    @property
    def ended(self) -> bool:
        return self._ended

    def open(self) -> None:
        self.close()
        cap = cv2.VideoCapture(str(self.path), cv2.CAP_FFMPEG)
        if not cap.isOpened():
            cap.release()
            raise CameraUnavailable(f"The video file {self.path} could not be opened.")
        self._size = (int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)), int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)))
        self._fps = float(cap.get(cv2.CAP_PROP_FPS)) or 30.0
        self._cap, self._ended = cap, False
        self._next_due = self.clock.monotonic_ns()

    def read(self) -> tuple[bool, np.ndarray | None]:
        if self._cap is None or self._ended:
            return False, None
        if self.pace:
            self.clock.wait((self._next_due - self.clock.monotonic_ns()) / 1e9, self._never)
            self._next_due += round(1e9 / self._fps)
        ok, frame = self._cap.read()
        if not ok or frame is None:
            self._ended = True
            return False, None
        return True, as_bgr(frame)

    def close(self) -> None:
        if self._cap is not None:
            self._cap.release()
        self._cap = None

    @property
    def description(self) -> dict[str, Any]:
        return {"kind": "file", "identity": str(self.path), "width": self._size[0],
                "height": self._size[1], "fps": self._fps, "live": self.live}


@dataclass(frozen=True)
class CameraInfo:
    """A camera found by :func:`list_cameras`, for the user to pick."""

    index: int
    device_path: str | None
    width: int
    height: int
    backend: str

    @property
    def label(self) -> str:
        where = self.device_path or f"index {self.index}"
        return f"Camera {self.index} ({where}, {self.width}x{self.height}, {self.backend})"


def _probe(index: int, api: int, out: dict[int, CameraInfo | None]) -> None:
    with quiet_probing():
        cap = cv2.VideoCapture(index, api)
    try:
        if not cap.isOpened():
            out[index] = None
            return
        ok, frame = cap.read()
        if not ok or frame is None:
            out[index] = None
            return
        path = f"/dev/video{index}" if sys.platform.startswith("linux") else None
        out[index] = CameraInfo(index, path, frame.shape[1], frame.shape[0], cap.getBackendName())
    finally:
        cap.release()


def _candidates(max_index: int) -> list[int]:
    """Indices worth probing: on Linux those with a /dev/videoN node, elsewhere all of them."""
    if sys.platform.startswith("linux"):
        return [i for i in range(max_index) if Path(f"/dev/video{i}").exists()]
    return list(range(max_index))


def list_cameras(max_index: int = 8, timeout_s: float = 4.0, api: int = cv2.CAP_ANY) -> list[CameraInfo]:
    """Cameras that open and deliver a frame, probing indices 0..max_index-1 within ``timeout_s``.

    Each index is probed on its own daemon thread, because some drivers hang in open; an
    index that has not answered when the time is up is left out (and logged), so the call
    returns within about ``timeout_s`` whatever the hardware does.
    """
    deadline = time.monotonic() + timeout_s
    found: list[CameraInfo] = []
    for index in _candidates(max_index):
        left = deadline - time.monotonic()
        if left <= 0:
            log.warning("camera probing stopped at index %d: the %.1f s budget is spent", index, timeout_s)
            break
        out: dict[int, CameraInfo | None] = {}
        probe = threading.Thread(target=_probe, args=(index, api, out), daemon=True,
                                 name=f"camera-probe-{index}")
        probe.start()
        probe.join(left)
        if probe.is_alive():
            log.warning("camera %d did not answer within %.1f s; left out of the list", index, timeout_s)
            break
        info = out.get(index)
        if info is not None:
            found.append(info)
    return found
