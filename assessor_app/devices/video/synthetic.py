"""A synthetic camera: a moving test pattern with the frame number and its time burned in.

It stands in for a real camera in the demo, the tests and the benchmark, and can simulate an
unplugged camera: between given times (seconds since it was first opened, on its clock) it
cannot be opened and ``read()`` fails, as a camera pulled from its USB port does.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import Any

import cv2
import numpy as np

from .clock import FrameClock, RealClock
from .errors import CameraUnavailable


def _background(width: int, height: int) -> np.ndarray:
    """Colour gradients with a grid: detail that moves visibly when the pattern scrolls."""
    ys, xs = np.mgrid[0:height, 0:width]
    img = np.dstack([xs * 255 // max(1, width - 1), ys * 255 // max(1, height - 1),
                     (xs + ys) * 255 // max(1, width + height - 2)]).astype(np.uint8)
    step = max(8, width // 16)
    img[:, ::step] = 255
    img[::step, :] = 255
    return img


class SyntheticCamera:
    """A camera that draws its frames: paced to ``fps`` on ``clock``, or free-running.

    ``pace=True`` delivers frame n at ``n / fps`` seconds after the first open, on ``clock``
    (real time with :class:`RealClock`, instantly with :class:`SimulatedClock`); ``pace=False``
    delivers frames as fast as they are read (benchmarks). Read late, it hands over up to
    ``buffer_frames`` frames it has kept (a V4L2 driver typically keeps 4) and loses older
    ones, as a real camera does. ``duration_s`` makes it finite;
    ``unplugged`` is a list of ``(from_s, to_s)`` windows during which it is unavailable.
    """

    def __init__(self, width: int = 320, height: int = 240, fps: float = 30.0, *,
                 clock: FrameClock | None = None, pace: bool = True, duration_s: float | None = None,
                 unplugged: Sequence[tuple[float, float]] = (), identity: str = "synthetic-0",
                 buffer_frames: int = 4):
        if width < 64 or height < 48 or fps <= 0:
            raise ValueError("the synthetic camera needs at least 64x48 pixels and a positive fps")
        self.width, self.height, self.fps = width, height, fps
        self.clock = clock or RealClock()
        self.pace = pace
        self.duration_s = duration_s
        self.unplugged = [(float(a), float(b)) for a, b in unplugged]
        self.identity = identity
        self.buffer_frames = buffer_frames
        self._bg = _background(width, height)
        self._origin: int | None = None
        self._n = 0  # the next frame slot
        self._open = False
        self._ended = False
        self._never = threading.Event()
        self._scale = max(0.4, height / 480)

    @property
    def live(self) -> bool:
        return self.pace and self.clock.realtime

    @property
    def ended(self) -> bool:
        return self._ended

    def _since_origin(self) -> float:
        assert self._origin is not None
        return (self.clock.monotonic_ns() - self._origin) / 1e9

    def _is_unplugged(self, t: float) -> bool:
        return any(a <= t < b for a, b in self.unplugged)

    def open(self) -> None:
        if self._origin is None:
            self._origin = self.clock.monotonic_ns()
        if self._is_unplugged(self._since_origin()):
            raise CameraUnavailable(f"The synthetic camera {self.identity} is unplugged.")
        if self.pace:
            self._n = max(self._n, self._slot_now())  # a reopened camera has no stale frames
        self._open = True

    def close(self) -> None:
        self._open = False

    def _due_ns(self, n: int) -> int:
        assert self._origin is not None
        return self._origin + round(n * 1_000_000_000 / self.fps)

    def _slot_now(self) -> int:
        assert self._origin is not None
        return int((self.clock.monotonic_ns() - self._origin) * self.fps // 1_000_000_000)

    def read(self) -> tuple[bool, np.ndarray | None]:
        if not self._open or self._ended or self._origin is None:
            return False, None
        if self.pace:
            due = self._due_ns(self._n)
            now = self.clock.monotonic_ns()
            if due > now:
                self.clock.wait((due - now) / 1e9, self._never)
            elif self._slot_now() - self._n > self.buffer_frames:
                # Read late by more than the driver's buffers hold: the oldest frames are lost,
                # as with a real camera; the reader gets the ones still buffered.
                self._n = self._slot_now() - self.buffer_frames
            t = (self._due_ns(self._n) - self._origin) / 1e9  # when the "sensor" took it
        else:
            t = self._since_origin()
        if self.duration_s is not None and t >= self.duration_s:
            self._ended = True
            return False, None
        if self._is_unplugged(t):
            self._n = max(self._n, self._slot_now()) + 1  # no frames are made while unplugged
            return False, None
        frame = self.draw(self._n, t)
        self._n += 1
        return True, frame

    def draw(self, n: int, t: float) -> np.ndarray:
        """Frame ``n`` at ``t`` seconds: the pattern scrolled by n, a moving box, n and t in text."""
        frame = np.roll(self._bg, (n * 4) % self.width, axis=1)
        x = int((n * 6) % max(1, self.width - 40))
        cv2.rectangle(frame, (x, self.height // 2), (x + 40, self.height // 2 + 40), (0, 0, 255), -1)
        s = self._scale
        thick = max(1, round(2 * s))
        for i, text in enumerate((f"#{n:06d}", f"t={t:10.3f}s")):
            org = (10, round((40 + 44 * i) * s))
            cv2.putText(frame, text, org, cv2.FONT_HERSHEY_SIMPLEX, 1.2 * s, (0, 0, 0), thick + 3)
            cv2.putText(frame, text, org, cv2.FONT_HERSHEY_SIMPLEX, 1.2 * s, (255, 255, 255), thick)
        return frame

    @property
    def description(self) -> dict[str, Any]:
        return {"kind": "synthetic", "identity": self.identity, "width": self.width,
                "height": self.height, "fps": self.fps, "live": self.live}
