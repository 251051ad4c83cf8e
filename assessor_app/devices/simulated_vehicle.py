"""The simulated EV for the demo and for trying the app without a car: it reacts to the checklist.

It answers OBD and UDS and broadcasts its HV signals on python-can's virtual bus (see
``devices.can.SimulatedEV``). What the learner does to the real car is done to it when the
step is recorded: READY switched off at HV isolation step 06 opens the contactors and the HV bus
decays; the 12 V battery disconnected at HV isolation step 07 unpowers its ECUs: the
contactors drop open, the HV bus decays and the bus falls silent (signal checks are then not
available, as on a real vehicle); the service plug is pulled at step 08; the plug and the 12 V
supply refitted at step 20 wake the ECUs and close the contactors again. A healthy car by
default (no DTCs), so a correct isolation ends competent. With ``clock`` it runs on that clock
(the scripted demo's simulated one) and sends nothing by itself: see ``SimulatedEV.frames_until``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from assessor_app.devices.adapter_choice import SIMULATED_CHANNEL
from assessor_app.devices.can import EcuData, SimulatedEV

#: (checklist, step, result) -> what happens to the simulated car.
REACTIONS: dict[tuple[str, str, str], str] = {
    ("hv-isolation-series", "06", "pass"): "open_contactors",
    ("hv-isolation-series", "07", "pass"): "disconnect_12v",
    ("hv-isolation-series", "08", "pass"): "pull_service_plug",
    ("hv-isolation-series", "20", "pass"): "reconnect",
}


class SimulatedVehicle:
    """The simulated EV on ``channel``, following the steps of one assessment."""

    def __init__(self, checklist_id: str, *, channel: str = SIMULATED_CHANNEL, vin: str | None = None,
                 tau_s: float = 0.5, background_fps: float = 100.0, dtcs: list[str] | None = None,
                 clock: Callable[[], float] | None = None):
        ecu = EcuData(stored_dtcs=list(dtcs or []), pending_dtcs=[], permanent_dtcs=[])
        if vin:
            ecu.vin = vin
        self.checklist_id = checklist_id
        self.ev = SimulatedEV(channel, ecu=ecu, tau_s=tau_s, background_fps=background_fps, clock=clock)

    def start(self) -> SimulatedVehicle:
        self.ev.start()
        return self

    def stop(self) -> None:
        self.ev.stop()

    def on_event(self, event: Any) -> str | None:
        """After a recorded event: do to the car what the step did; returns what was done."""
        if getattr(event, "kind", "") != "step_result":
            return None
        reaction = REACTIONS.get((self.checklist_id, event.payload["step"], event.payload["result"]))
        if reaction is not None:
            getattr(self.ev, reaction)()
        return reaction
