"""The demo's vehicle: the simulated EV on a virtual CAN bus, logged and read like a real one.

The scripted assessment runs on simulated time, and so does the car: what it broadcasts (HV status
every 100 ms, background traffic) is made on the demo's clock before each action on the car and
logged at those times, so a step's CAN segment spans the step's simulated minutes (the HV bus is
seen decaying after READY is switched off). Requests and answers (snapshots) go over python-can's
virtual bus in real time and are logged at the simulated moment they were made. Its log is indexed
per step, the before/after DTC snapshots and the signal checks the checklist declares are taken
through the same CAN session the window uses, and the car follows the steps (READY off at 06, 12 V
disconnected at 07, service plug pulled at 08, both refitted at 20). With
its 12 V off the car is silent, so the checks at 12 and 14 are recorded as not available.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import Any

import can
from can.interfaces.virtual import VirtualBus

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine.diagnostics import condition_inputs, contradiction_text
from assessor_app.core.specs.models import Step
from assessor_app.demo import messages as m_
from assessor_app.devices.can import CanConfig, default_dbc
from assessor_app.devices.can.signals import BUS_SILENT
from assessor_app.devices.can_session import CanSession
from assessor_app.devices.simulated_vehicle import SimulatedVehicle
from assessor_app.i18n import Msg, format_quantity
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

_runs = count(1)
#: the simulated EV's HV bus after its contactors open: the inverter's active discharge (tau, s)
DISCHARGE_TAU_S = 6.0
BACKGROUND_FPS = 10.0


class _ClockedBus(VirtualBus):
    """The demo's adapter on the virtual bus: every frame it receives is stamped on the demo's clock."""

    def __init__(self, clock_s: Callable[[], float], **kwargs: Any):
        super().__init__(**kwargs)
        self._clock_s = clock_s

    def _recv_internal(self, timeout: float | None) -> tuple[can.Message | None, bool]:
        msg, filtered = super()._recv_internal(timeout)
        if msg is not None:
            msg.timestamp = self._clock_s()
        return msg, filtered


class DemoVehicle:
    """The simulated EV and the CAN session logging it, for one scripted assessment."""

    def __init__(self, store: AssessmentStore, data_dir: Path, recorder: AssessmentRecorder, *, vin: str,
                 condition_max_age_s: float = 0.5, condition_wait_s: float = 10.0, language: str = "en",
                 clock: ManualClock | None = None, dtcs: list[str] | None = None):
        """``clock``: the car and its log run on the demo's simulated clock (signal checks then look
        at the signals at that moment, with no wait); without it, in real time."""
        channel = f"assessor-demo-{os.getpid()}-{next(_runs)}"  # one bus per demo run
        self.clock = clock
        clock_s = (lambda: clock.monotonic_us() / 1e6) if clock is not None else None
        self.car = SimulatedVehicle(recorder.engine.spec.id, channel=channel, vin=vin, clock=clock_s,
                                    dtcs=dtcs,
                                    **({"tau_s": DISCHARGE_TAU_S, "background_fps": BACKGROUND_FPS}
                                       if clock is not None else {}))
        self.recorder = recorder
        clocked: dict[str, Any] = {}
        if clock is not None and clock_s is not None:
            sim, seconds = clock, clock_s
            clocked = {"clock_ns": lambda: sim.monotonic_us() * 1000,
                       "bus_factory": lambda config: _ClockedBus(
                           seconds, channel=config.channel, receive_own_messages=config.receive_own_messages)}
        # the car broadcasts every 100 ms: half a second unheard is silence
        self.session = CanSession(
            store, data_dir, recorder.assessment_id,
            CanConfig("virtual", channel, 500_000, receive_own_messages=True),
            timeline_us=lambda: recorder.timeline.now().t_us, dbc_path=default_dbc(),
            condition_max_age_s=condition_max_age_s, **clocked)
        self.condition_wait_s = 0.0 if clock is not None else condition_wait_s
        self.condition_max_age_s = condition_max_age_s
        self.language = language  # of what the demo says of the car (the record keeps its own texts)
        self.snapshots = self.checks = 0

    def device_name(self) -> Msg:
        """The adapter logging the car, in the demo's language."""
        config = self.session.config
        return m_.CAN_DEVICE(interface=config.interface, channel=config.channel, kbps=config.bitrate // 1000)

    def start(self) -> Any:
        """Start the car and the log; returns the engine action recording the adapter."""
        self.car.start()
        self.session.start()
        return self.session.connected_action()

    def advance(self) -> None:
        """A car on the demo's clock: log what it broadcast up to now."""
        if self.clock is not None:
            self.session.logger.inject(self.car.ev.frames_until(self.clock.monotonic_us() / 1e6))

    def after(self, event: Any) -> None:
        """An accepted action: the car follows the step; a new step starts a new log segment."""
        self.advance()
        self.car.on_event(event)
        step = event.payload.get("step")
        if step:
            self.session.mark_step(str(step))

    def diagnose(self, step: Step, act: Callable[[object, Msg | str], bool],
                 say: Callable[[Msg], None]) -> None:
        """Take the diagnostics ``step`` declares and record them; ``say`` tells what the car said."""
        d = step.diagnostics
        if d is None:
            return
        self.advance()
        if d.snapshot is not None:
            evidence = self.session.take_snapshot(step.id, d.snapshot.get_text("en"))
            s = evidence.summary
            found = sorted({c for codes in s["dtcs"].values() if codes for c in codes})
            kept = s.get("vin_read") or {}
            vin = s.get("vin") or (m_.VIN_MATCHES() if kept.get("matches_recorded_vin")
                                   else m_.VIN_DIFFERS() if kept else m_.VIN_NOT_READ())
            say(m_.SNAPSHOT(label=d.snapshot, vin=vin, dtcs=", ".join(found) or m_.NO_DTCS(),
                            hv_dtcs=", ".join(s["hv_dtcs"]) or m_.NO_DTCS(),
                            duration=format_quantity(s["duration_ms"], "ms", self.language, decimals=0)))
            if act(evidence.action(), m_.ACTION_SNAPSHOT(step=step.id)):
                self.snapshots += 1
        if d.condition is not None:
            inputs = condition_inputs(self.recorder.engine.state, step)
            evidence = self.session.check_condition(step.id, d.condition, wait_s=self.condition_wait_s,
                                                    limits=inputs.limits, readings=inputs.readings)
            s = evidence.summary
            values = ", ".join(
                f"{name} = {v['label'] or format_quantity(v['value'], v['unit'] or '', self.language)}"
                for name, v in s["values"].items())
            said: Msg
            if evidence.met is None:
                said = m_.CHECK_NOT_AVAILABLE(reason=self._not_available(s))
            else:
                said = (m_.CHECK_MET if evidence.met else m_.CHECK_NOT_MET)(values=values)
            if s.get("contradiction"):
                said = m_.CHECK_CONTRADICTION(said=said, contradiction=contradiction_text(
                    s["contradiction"], step, self.language))
            say(m_.SIGNAL_CHECK(condition=d.condition, said=said))
            if act(evidence.action(), m_.ACTION_SIGNAL_CHECK(step=step.id)):
                self.checks += 1

    def _not_available(self, summary: dict[str, Any]) -> Msg | str:
        """Why a signal check could not be made, from what the check recorded."""
        if summary.get("reason") == BUS_SILENT:
            return m_.BUS_SILENT()
        if summary.get("missing"):
            return m_.NO_VALUE(signals=", ".join(summary["missing"]),
                               age=format_quantity(self.condition_max_age_s, "s", self.language))
        return str(summary.get("reason") or "")

    def stop(self) -> int:
        """Stop the log (every segment indexed) and the car; returns how many segments were logged."""
        try:
            self.advance()
            return len(self.session.stop())
        finally:
            self.car.stop()
