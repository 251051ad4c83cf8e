"""The assessment timeline: monotonic time anchored to the wall clock.

Within one run of the program, elapsed time comes only from the monotonic clock, so a wrong
or changed PC clock cannot reorder events or shorten a wait. Across a restart (crash, power
cut) no monotonic clock survives; the gap is then taken from the wall clock, never negative,
and recorded in a ``session_resumed`` event so a moderator can see it.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Protocol


class Clock(Protocol):
    def wall_us(self) -> int:
        """Microseconds since the Unix epoch, from the host clock."""
        ...

    def monotonic_us(self) -> int:
        """Microseconds from an arbitrary origin that never goes backwards."""
        ...


class SystemClock:
    def wall_us(self) -> int:
        return time.time_ns() // 1000

    def monotonic_us(self) -> int:
        return time.monotonic_ns() // 1000


class ManualClock:
    """A clock that moves only when told to: for tests, replays and the scripted demo."""

    def __init__(self, wall_us: int = 1_767_225_600_000_000, monotonic_us: int = 0):
        self._wall = wall_us
        self._mono = monotonic_us

    def wall_us(self) -> int:
        return self._wall

    def monotonic_us(self) -> int:
        return self._mono

    def advance(self, seconds: float) -> None:
        step = round(seconds * 1_000_000)
        self._wall += step
        self._mono += step

    def set_wall(self, wall_us: int) -> None:
        """Move only the wall clock (a user changing the PC clock)."""
        self._wall = wall_us


@dataclass(frozen=True)
class Stamp:
    wall_us: int  # host wall clock at the event, for people to read
    t_us: int  # position on the assessment timeline, for every rule


class Timeline:
    """Maps clock readings onto an assessment's timeline for one run of the program."""

    def __init__(self, clock: Clock, origin_t_us: int = 0):
        self.clock = clock
        self._mono0 = clock.monotonic_us()
        self._t0 = origin_t_us

    @classmethod
    def resume(cls, clock: Clock, last_t_us: int, last_wall_us: int) -> tuple[Timeline, int]:
        """Continue after a restart; return the timeline and the gap credited (µs, >= 0)."""
        gap = max(0, clock.wall_us() - last_wall_us)
        return cls(clock, last_t_us + gap), gap

    def at(self, monotonic_us: int) -> int:
        """The timeline position of a reading of this run's monotonic clock (e.g. a frame's)."""
        return self._t0 + monotonic_us - self._mono0

    def now(self) -> Stamp:
        return Stamp(self.clock.wall_us(), self._t0 + self.clock.monotonic_us() - self._mono0)
