"""The demo's vehicle: the simulated EV on a virtual CAN bus, logged and read like a real one.

The scripted assessment runs on simulated time; the car runs in real time on python-can's
virtual bus. Its log is indexed per step, the before/after DTC snapshots and the signal checks
the checklist declares are taken through the same CAN session the window uses, and the car
follows the steps (12 V disconnected at 07, service plug pulled at 08, both refitted at 20). With
its 12 V off the car is silent, so the checks at 12 and 14 are recorded as not available.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from itertools import count
from pathlib import Path
from typing import Any

from assessor_app.core.engine.diagnostics import condition_inputs, contradiction_text
from assessor_app.core.specs.models import Step
from assessor_app.devices.can import CanConfig, default_dbc
from assessor_app.devices.can_session import CanSession
from assessor_app.devices.simulated_vehicle import SimulatedVehicle
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

_runs = count(1)


class DemoVehicle:
    """The simulated EV and the CAN session logging it, for one scripted assessment."""

    def __init__(self, store: AssessmentStore, data_dir: Path, recorder: AssessmentRecorder, *, vin: str,
                 condition_max_age_s: float = 0.5, condition_wait_s: float = 10.0):
        channel = f"assessor-demo-{os.getpid()}-{next(_runs)}"  # one bus per demo run
        self.car = SimulatedVehicle(recorder.engine.spec.id, channel=channel, vin=vin)
        self.recorder = recorder
        # the car broadcasts every 100 ms: half a second unheard is silence
        self.session = CanSession(
            store, data_dir, recorder.assessment_id,
            CanConfig("virtual", channel, 500_000, receive_own_messages=True),
            timeline_us=lambda: recorder.timeline.now().t_us, dbc_path=default_dbc(),
            condition_max_age_s=condition_max_age_s)
        self.condition_wait_s = condition_wait_s
        self.snapshots = self.checks = 0

    def start(self) -> Any:
        """Start the car and the log; returns the engine action recording the adapter."""
        self.car.start()
        self.session.start()
        return self.session.connected_action()

    def after(self, event: Any) -> None:
        """An accepted action: the car follows the step; a new step starts a new log segment."""
        self.car.on_event(event)
        step = event.payload.get("step")
        if step:
            self.session.mark_step(str(step))

    def diagnose(self, step: Step, act: Callable[[object, str], bool], say: Callable[[str], None]) -> None:
        """Take the diagnostics ``step`` declares and record them."""
        d = step.diagnostics
        if d is None:
            return
        if d.snapshot is not None:
            evidence = self.session.take_snapshot(step.id, d.snapshot.get_text("en"))
            s = evidence.summary
            found = sorted({c for codes in s["dtcs"].values() if codes for c in codes})
            kept = s.get("vin_read") or {}
            vin = s.get("vin") or ("matches the recorded VIN" if kept.get("matches_recorded_vin")
                                   else "differs from the recorded VIN" if kept else "not read")
            say(f"      DTC snapshot ({s['label']}): VIN {vin}, DTCs: {', '.join(found) or 'none'}, "
                f"HV DTCs: {', '.join(s['hv_dtcs']) or 'none'} ({s['duration_ms']:.0f} ms)")
            if act(evidence.action(), f"{step.id} snapshot"):
                self.snapshots += 1
        if d.condition is not None:
            inputs = condition_inputs(self.recorder.engine.state, step)
            evidence = self.session.check_condition(step.id, d.condition, wait_s=self.condition_wait_s,
                                                    limits=inputs.limits, readings=inputs.readings)
            s = evidence.summary
            values = ", ".join(f"{name} = {v['label'] or format(v['value'], 'g')} {v['unit'] or ''}".rstrip()
                               for name, v in s["values"].items())
            if evidence.met is None:
                said = f"not available ({s['reason']})"
            else:
                said = f"{'met' if evidence.met else 'NOT met'} ({values})"
            if s.get("contradiction"):
                said += f"; CONTRADICTION: {contradiction_text(s['contradiction'], step)}"
            say(f"      signal check {d.condition}: {said}")
            if act(evidence.action(), f"{step.id} signal check"):
                self.checks += 1

    def stop(self) -> int:
        """Stop the log (every segment indexed) and the car; returns how many segments were logged."""
        try:
            return len(self.session.stop())
        finally:
            self.car.stop()
