"""The simulated EV on a clock of its own (the scripted demo's): what it broadcast up to a time, stamped on
that clock, and logged by the capture at those times."""

from __future__ import annotations

import math
import uuid
from pathlib import Path

import can
import pytest

from assessor_app.devices.can import CanConfig, SimulatedEV, default_dbc
from assessor_app.devices.can.capture import CanLogger
from assessor_app.devices.can.signals import load_dbc


class Clock:
    def __init__(self) -> None:
        self.s = 0.0

    def __call__(self) -> float:
        return self.s


def test_a_clocked_car_broadcasts_on_its_clock_and_its_bus_decays_after_the_contactors_open():
    clock = Clock()
    ev = SimulatedEV(f"clocked-{uuid.uuid4().hex[:8]}", clock=clock, tau_s=6.0, background_fps=10.0).start()
    status = load_dbc(default_dbc()).get_message_by_name("BMS_HvStatus")
    try:
        clock.s = 30.0
        before = ev.frames_until(clock.s)
        ev.open_contactors()
        clock.s = 75.0
        after = ev.frames_until(clock.s)
        assert ev.frames_until(clock.s) == []  # nothing twice
    finally:
        ev.stop()
    hv = [(m.timestamp, status.decode(m.data, decode_choices=False)) for m in before + after
          if m.arbitration_id == status.frame_id]
    assert len(hv) == 751  # every 100 ms from 0 s to 75 s
    assert [t for t, _ in hv] == sorted(t for t, _ in hv) and hv[-1][0] == pytest.approx(75.0)
    closed = [d["HvBusVoltage"] for t, d in hv if t <= 30.0]
    assert set(closed) == {396.0}
    opened = [(t, d["HvBusVoltage"], d["ContactorPositive"]) for t, d in hv if t > 30.0]
    assert all(c == 0 for _t, _v, c in opened)
    for t, volts, _c in opened:  # V0 exp(-t / tau) on the car's clock, not on the wall's
        assert volts == pytest.approx(396.0 * math.exp(-(t - 30.0) / 6.0), abs=0.06)
    assert opened[-1][1] < 1.0
    assert sum(1 for m in before + after if m.arbitration_id != status.frame_id and m.arbitration_id >= 0x100
               and m.arbitration_id < 0x180) == 751  # background at 10 frames/s


def test_frames_injected_into_the_capture_are_logged_at_their_own_times(tmp_path: Path):
    clock = Clock()
    channel = f"clocked-{uuid.uuid4().hex[:8]}"
    ev = SimulatedEV(channel, clock=clock).start()
    logger = CanLogger(CanConfig("virtual", channel, 500_000), tmp_path,
                       timeline_us=lambda: int(clock.s * 1e6), clock_ns=lambda: int(clock.s * 1e9))
    logger.start()
    try:
        clock.s = 20.0
        logger.inject(ev.frames_until(clock.s))
        logger.mark_step("06")
        clock.s = 50.0
        logger.inject(ev.frames_until(clock.s))
    finally:
        segments = logger.stop()
        ev.stop()
    assert [s.step_id for s in segments] == [None, "06"]
    first, second = segments
    assert (first.first_timeline_us, first.last_timeline_us) == (0, 20_000_000)
    assert (second.first_timeline_us, second.last_timeline_us) == (20_100_000, 50_000_000)
    stamps = [m.timestamp for m in can.BLFReader(str(second.path))]
    assert stamps[-1] - stamps[0] == pytest.approx(29.9, abs=1e-3) and len(stamps) == second.frames
