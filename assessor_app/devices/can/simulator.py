"""A simulated EV on python-can's ``virtual`` bus: HV signals, background traffic, a diagnostic ECU.

It broadcasts ``BMS_HvStatus`` and ``BMS_Isolation`` (resources/ev-simulator.dbc, encoded with
cantools) every ``hv_period_s``, sends background frames at ``background_fps``, and answers OBD-II
and UDS requests (sim_ecu.py). It reacts to the workshop's actions: ``pull_service_plug()`` opens
the contactors and the HV-bus voltage decays as ``V0 * exp(-t / tau_s)``; ``disconnect_12v()``
unpowers its ECUs like a real vehicle's: the contactors drop open, nothing is broadcast and no
request is answered, while the HV bus goes on decaying unseen; ``connect_12v()`` powers them
again; ``reconnect()`` fits the plug and the 12 V supply again, precharges the bus and closes the
contactors. On a ``clock`` of its own (the scripted demo's simulated one) it sends nothing by
itself: ``frames_until`` gives what it broadcast up to a time, stamped on that clock, for the demo
to log (``CanLogger.inject``). ``SimulatedAdapter`` is a bus factory whose adapter can be unplugged
and plugged back, for the capture's gap handling.
"""

from __future__ import annotations

import math
import struct
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import can
from can.interfaces.virtual import VirtualBus

from assessor_app.devices.can.config import CanConfig, CanDeviceError
from assessor_app.devices.can.signals import load_dbc
from assessor_app.devices.can.sim_ecu import EcuData, SimulatedEcu
from assessor_app.paths import resources_dir


def default_dbc() -> Path:
    """The DBC that describes the simulated EV's HV signals."""
    return resources_dir() / "ev-simulator.dbc"


def frames_per_second_at_load(percent: float, bitrate: int) -> float:
    """Background rate giving ``percent`` bus load with 8-byte 11-bit frames (111 bits each)."""
    return bitrate * percent / 100 / 111


class SimulatedEV:
    """The whole simulated vehicle; use as a context manager or call start()/stop()."""

    def __init__(
        self,
        channel: str = "ev-sim",
        *,
        ecu: EcuData | None = None,
        dbc_path: Path | None = None,
        pack_voltage: float = 396.0,
        tau_s: float = 2.0,
        precharge_tau_s: float = 0.1,
        isolation_kohm: float = 2200.0,
        hv_period_s: float = 0.1,
        background_fps: float = 0.0,
        clock: Callable[[], float] | None = None,
    ):
        self.channel = channel
        # ``clock`` (seconds, monotonic): the car runs on it instead of real time and broadcasts
        # nothing by itself; ``frames_until`` gives what it sent up to a time (see ``advance``)
        self.clocked = clock is not None
        self._now: Callable[[], float] = clock or time.monotonic
        self.dbc = load_dbc(dbc_path or default_dbc())
        self._status = self.dbc.get_message_by_name("BMS_HvStatus")
        self._isolation = self.dbc.get_message_by_name("BMS_Isolation")
        self.pack_voltage, self.tau_s, self.precharge_tau_s = pack_voltage, tau_s, precharge_tau_s
        self.isolation_kohm, self.hv_period_s, self.background_fps = (
            isolation_kohm,
            hv_period_s,
            background_fps,
        )
        self._lock = threading.Lock()
        self._plug, self._contactors, self._precharging = True, True, False
        self._powered = True  # the 12 V supply of its ECUs
        self._t0, self._v0 = self._now(), pack_voltage
        self._origin = self._t0
        self._hv_sent = self._background_due = 0  # clocked: frames made so far (times: origin + n * period)
        self._counter = 0
        self._encoded: dict[tuple[Any, ...], tuple[bytes, bytes]] = {}
        self.background_sent = 0
        self._bus = can.Bus(interface="virtual", channel=channel, receive_own_messages=False)
        self._notifier = can.Notifier(self._bus, [], timeout=0.1)
        self.ecu = SimulatedEcu(self._bus, self._notifier, ecu or EcuData())
        self._stop = threading.Event()
        self._threads = [
            threading.Thread(target=self._broadcast, name="sim-hv", daemon=True),
            threading.Thread(target=self._background, name="sim-traffic", daemon=True),
        ]

    def start(self) -> SimulatedEV:
        self.ecu.start()
        if not self.clocked:
            for thread in self._threads:
                thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            if thread.is_alive():
                thread.join(2.0)
        self.ecu.stop()
        self._notifier.stop()
        self._bus.shutdown()

    def __enter__(self) -> SimulatedEV:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    # -- the workshop's actions ------------------------------------------------------------------
    def pull_service_plug(self) -> None:
        """The service disconnect is pulled: contactors open, the HV bus starts to discharge."""
        with self._lock:
            self._settle(self._now())
            self._plug = False
            self._open(self._now())

    def open_contactors(self) -> None:
        """Contactors open (ignition off) with the plug still fitted."""
        with self._lock:
            self._settle(self._now())
            self._open(self._now())

    def disconnect_12v(self) -> None:
        """The 12 V battery is disconnected: the ECUs fall silent and the contactors drop open."""
        with self._lock:
            now = self._now()
            self._settle(now)
            if self._contactors or self._precharging:
                self._open(now)
            self._powered = False
            self.ecu.silent = True

    def connect_12v(self) -> None:
        """The 12 V battery is connected again: the ECUs talk again (the contactors stay open)."""
        with self._lock:
            self._powered = True
            self.ecu.silent = False

    @property
    def powered(self) -> bool:
        with self._lock:
            return self._powered

    def reconnect(self) -> None:
        """The plug and the 12 V supply are fitted again: precharge, then the contactors close."""
        with self._lock:
            now = self._now()
            self._settle(now)
            self._v0, self._t0 = self._bus_voltage(now), now
            self._plug, self._precharging, self._contactors = True, True, False
            self._powered = True
            self.ecu.silent = False

    def set_isolation(self, kohm: float) -> None:
        with self._lock:
            self.isolation_kohm = kohm

    def set_background_fps(self, fps: float) -> None:
        self.background_fps = fps

    def hv_bus_voltage(self) -> float:
        with self._lock:
            now = self._now()
            self._settle(now)
            return self._bus_voltage(now)

    @property
    def contactors_closed(self) -> bool:
        with self._lock:
            self._settle(self._now())
            return self._contactors

    # -- HV model (call with the lock held) ------------------------------------------------------
    def _open(self, now: float) -> None:
        self._v0, self._t0 = self._bus_voltage(now), now
        self._contactors = self._precharging = False

    def _bus_voltage(self, now: float) -> float:
        dt = now - self._t0
        if self._contactors:
            return self.pack_voltage
        if self._precharging:
            return self.pack_voltage - (self.pack_voltage - self._v0) * math.exp(-dt / self.precharge_tau_s)
        return self._v0 * math.exp(-dt / self.tau_s)

    def _settle(self, now: float) -> None:
        """Precharge ends (contactors close) once the bus reaches 95 % of the pack voltage."""
        if self._precharging and self._bus_voltage(now) >= 0.95 * self.pack_voltage:
            self._precharging, self._contactors, self._t0 = False, True, now

    # -- traffic ---------------------------------------------------------------------------------
    def _hv_frames(self, at: float | None = None) -> list[can.Message]:
        """The HV status and insulation frames now (or ``at``, on a clocked car); none while the 12 V
        supply is off."""
        with self._lock:
            if not self._powered:
                return []
            now = self._now() if at is None else at
            self._settle(now)
            bus_v = self._bus_voltage(now)
            closed, plug, pre = self._contactors, self._plug, self._precharging
            isolation = self.isolation_kohm
        self._counter = (self._counter + 1) % 16
        key = (closed, plug, pre, self._counter, round(self.pack_voltage, 1), round(min(bus_v, 1000.0), 1),
               isolation)
        encoded = self._encoded.get(key)
        if encoded is None:  # a steady bus repeats itself: encode each state once
            if len(self._encoded) > 1024:
                self._encoded.clear()
            encoded = self._encoded[key] = self._encode(*key)
        status, insulation = encoded
        return [
            can.Message(arbitration_id=self._status.frame_id, data=status, is_extended_id=False),
            can.Message(arbitration_id=self._isolation.frame_id, data=insulation, is_extended_id=False),
        ]

    def _encode(self, closed: bool, plug: bool, pre: bool, counter: int, pack_v: float, bus_v: float,
                isolation: float) -> tuple[bytes, bytes]:
        status = self._status.encode(
            {
                "ContactorPositive": int(closed),
                "ContactorNegative": int(closed),
                "PrechargeRelay": int(pre),
                "ServicePlug": int(plug),
                "HvStatusCounter": counter,
                "PackVoltage": pack_v,
                "HvBusVoltage": bus_v,
                "PackCurrent": 0.0,
            }
        )
        insulation = self._isolation.encode(
            {
                "IsolationResistance": int(min(isolation, 65535)),
                "IsolationFault": int(isolation < 500),
                "IsolationMeasuring": int(closed),
                "PackTemperature": 24,
                "StateOfCharge": 80.0,
            }
        )
        return bytes(status), bytes(insulation)

    def frames_until(self, until: float) -> list[can.Message]:
        """A clocked car: every frame it broadcast since the last call, up to ``until`` on its clock,
        each with its time on that clock as its timestamp (HV frames every ``hv_period_s`` with the
        HV model at that time, background frames at ``background_fps`` while its ECUs are powered).
        Call it before every action on the car, so that the model is evaluated in time order."""
        if not self.clocked:
            raise RuntimeError("frames_until is for a car on a simulated clock")
        sent: list[can.Message] = []
        pack = struct.Struct(">Q").pack
        while True:
            hv = self._origin + self._hv_sent * self.hv_period_s
            background = (self._origin + self._background_due / self.background_fps
                          if self.background_fps > 0 else math.inf)
            at = min(hv, background)
            if at > until + 1e-9:  # n * period lands a hair past a whole time
                break
            if at == hv:
                self._hv_sent += 1
                frames = self._hv_frames(at)
            else:
                self._background_due += 1
                frames = [] if not self.powered else [can.Message(
                    arbitration_id=0x100 + self.background_sent % 0x80, data=pack(self.background_sent),
                    is_extended_id=False)]
                self.background_sent += len(frames)
            for msg in frames:
                msg.timestamp = at
            sent.extend(frames)
        return sent

    def _broadcast(self) -> None:
        deadline = time.monotonic()
        while not self._stop.is_set():
            for msg in self._hv_frames():
                self._bus.send(msg)
            deadline += self.hv_period_s
            self._stop.wait(max(0.0, deadline - time.monotonic()))

    def _background(self) -> None:
        tick, start, sent = 0.01, time.monotonic(), 0
        pack = struct.Struct(">Q").pack
        while not self._stop.wait(tick):
            fps = self.background_fps if self.powered else 0.0
            if fps <= 0:
                start, sent = time.monotonic(), 0
                continue
            due = int((time.monotonic() - start) * fps)
            for n in range(sent, due):
                self._bus.send(
                    can.Message(arbitration_id=0x100 + n % 0x80, data=pack(n), is_extended_id=False)
                )
            self.background_sent += max(0, due - sent)
            sent = max(sent, due)


class _UnpluggableBus(VirtualBus):
    def __init__(self, adapter: SimulatedAdapter, **kwargs: Any):
        super().__init__(**kwargs)
        self._adapter = adapter

    def _recv_internal(self, timeout: float | None) -> tuple[can.Message | None, bool]:
        if not self._adapter.plugged:
            raise can.CanOperationError(f"the USB device of {self._adapter.name} was disconnected")
        return super()._recv_internal(timeout)


class SimulatedAdapter:
    """A bus factory (``CanLogger(bus_factory=...)``) for a virtual adapter that can be unplugged."""

    def __init__(self, name: str = "simulated adapter"):
        self.name = name
        self.plugged = True
        self.opened = 0

    def __call__(self, config: CanConfig) -> can.BusABC:
        if not self.plugged:
            raise CanDeviceError(
                f"The CAN adapter {config.describe()} could not be opened: it is not connected."
            )
        self.opened += 1
        return _UnpluggableBus(self, channel=config.channel, receive_own_messages=config.receive_own_messages)

    def unplug(self) -> None:
        self.plugged = False

    def replug(self) -> None:
        self.plugged = True
