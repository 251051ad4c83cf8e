"""The clocks a capture runs on: the host's monotonic clock, or a simulated one for tests."""

from __future__ import annotations

import threading
import time
from typing import Protocol


class FrameClock(Protocol):
    """Where capture and recording take their time from, and how they wait."""

    #: True when time passes by itself (frames arrive in real time and can be missed).
    realtime: bool

    def monotonic_ns(self) -> int:
        """Nanoseconds from an arbitrary origin; never goes backwards."""
        ...

    def wait(self, seconds: float, stop: threading.Event) -> bool:
        """Let ``seconds`` pass, or less if ``stop`` is set; True if ``stop`` is set."""
        ...


class RealClock:
    """The host's monotonic clock (``time.monotonic_ns``)."""

    realtime = True

    def monotonic_ns(self) -> int:
        return time.monotonic_ns()

    def wait(self, seconds: float, stop: threading.Event) -> bool:
        if seconds <= 0:
            return stop.is_set()
        return stop.wait(seconds)


class SimulatedClock:
    """A clock that moves only when something waits on it: exact frame times, no real waiting.

    Used by the tests and the scripted demo, so that a 30 fps camera produces its frames at
    exactly 1/30 s intervals as fast as the machine can make them.
    """

    realtime = False

    def __init__(self, start_ns: int = 0):
        self._now = start_ns
        self._lock = threading.Lock()

    def monotonic_ns(self) -> int:
        with self._lock:
            return self._now

    def advance(self, seconds: float) -> None:
        with self._lock:
            self._now += max(0, round(seconds * 1e9))

    def advance_to(self, ns: int) -> None:
        """Move to ``ns`` if that is later than now."""
        with self._lock:
            self._now = max(self._now, ns)

    def wait(self, seconds: float, stop: threading.Event) -> bool:
        self.advance(seconds)
        return stop.is_set()
