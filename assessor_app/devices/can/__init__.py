"""Diagnostic capture: CAN logging to BLF, OBD-II/UDS snapshots, ELM327 dongles, and a simulated EV.

Threads and queues, never Qt. Every name below is importable from this package (loaded on first
use, so importing the package does not pull in cantools, udsoncan or pyserial).

Connecting (config.py, discovery.py)
    ``CanConfig(interface, channel, bitrate, listen_only, receive_own_messages, extra)`` — what is
    opened and recorded with every capture (``to_dict``/``from_dict`` for settings);
    ``DeviceIdentity`` — interface, channel, description, serial, USB id.
    ``open_bus(config)`` -> ``can.BusABC`` or ``CanDeviceError`` (one sentence naming the adapter).
    ``list_devices(interfaces=DETECTABLE_INTERFACES, timeout_s=2.0)`` -> ``DeviceList(devices, notes)``:
    python-can detection for an explicit list of backends (bounded), serial ports that look like
    slcan or ELM327 (pyserial), gs_usb adapters by USB id when pyusb is
    installed (else a note). ``FoundDevice.config`` is None for an ELM327 (use ``elm327_snapshot``).
    ``test_connection(config, seconds=2.0, obd_probe=True)`` -> ``ConnectionTest`` (frames, error
    frames, bus state, the OBD 01 00 answer, one-sentence ``message``); never raises.

Logging (capture.py, blf.py, records.py)
    ``CanLogger(config, folder, timeline_us=..., on_segment=..., on_gap_start=..., on_gap_end=...,
    max_segment_bytes=8 MiB, queue_size=65536, flush_interval_s=0.5)``; ``start()`` (raises
    ``CanDeviceError`` if the adapter cannot be opened), ``mark_step(step_id)`` (next frames go to a
    new segment), ``stats()`` -> ``CaptureStats`` (counters, live ``BusLoad``: frames/s and % of
    bitrate by the no-stuffing frame length; safe from any thread), ``add_listener(fn)`` (another
    reader of the bus, e.g. ``SignalMonitor.on_frame``, kept across reconnects), ``bus`` and
    ``notifier`` (pass to ``take_snapshot``), ``stop()`` -> every ``CanSegmentInfo``.
    ``on_segment(CanSegmentInfo)``: path, sha256, size, frames, step_id, first/last bus timestamp,
    host ``time.monotonic_ns()`` and assessment-timeline µs, the host-time file and its hash,
    config, device, counters. Callbacks run on the capture's writer thread: hand them on quickly.
    ``on_gap_start/on_gap_end(device, t_us, reason)``: adapter lost / back (retried every
    ``retry_interval_s``); the capture goes on in new segments. Each segment file is finished,
    fsynced and its hash checked against a read-back before it is reported; ``capture.jsonl`` in
    the folder journals every segment and gap durably. ``read_host_times(path)`` gives the host
    receive time of each frame (the ``.host-ns`` file beside each ``.blf``). After a crash,
    ``recover_capture(folder)`` finishes and hashes the segment that was open (a torn last
    container dropped; at most ``flush_interval_s`` of frames lost) and journals it.

Snapshots (snapshot.py, clearing.py, elm327.py, elm327_link.py, elm327_decode.py)
    ``take_snapshot(bus, notifier=..., dids=..., pids=DEFAULT_PIDS, timeout_s=0.5, timeline_us=...)``
    -> ``DiagnosticSnapshot`` (``to_dict()`` is JSON-ready): VIN, DTCs 03/07/0A, PIDs 0C 0D 42 5B,
    UDS 19 02 and 22 per DID; each item has ``status`` ok / timeout / negative_response /
    unsupported / malformed / skipped. It never raises for an ECU fault.
    ``clear_dtcs(bus, ClearDtcConfirmation.given_by(assessor_id, statement))``: OBD 04 and UDS 14;
    raises ``ClearNotConfirmed`` without a fresh, unused confirmation. Never called implicitly.
    ``elm327_snapshot(port, baudrate=None, protocol=None, timeout_s=2.0, pids=DEFAULT_PIDS)``: VIN,
    DTCs 03/07/0A and PIDs through an ELM327 dongle (our own AT-command client over pyserial),
    items with the same statuses; ``Elm327Error`` (naming the port) if the adapter does not
    answer at any baud rate tried or finds no vehicle. Whatever the adapter prints is an item's
    status, never an exception.

Signals and the simulated EV (signals.py, simulator.py, sim_ecu.py)
    ``load_dbc(path)`` (``DbcError`` naming file and line), ``SignalMonitor(dbc_path)`` with
    ``on_frame``, ``evaluate(condition, max_age_s, limits=...)`` / ``wait_for(condition, timeout_s,
    max_age_s, limits=...)`` -> ``ConditionEvidence`` (values, units, bus and host times,
    ``satisfied`` True/False, or None when not available with its ``reason``: signals not heard for
    ``max_age_s``, or ``BUS_SILENT`` "bus silent: 12 V off?" when nothing is heard at all);
    conditions by name (``NAMED_CONDITIONS``: contactors_open, hv_bus_dead, ...) or
    ``"HvBusVoltage <= 60"``; a threshold ``{param}`` is an assessment parameter given in ``limits``
    (``hv_bus_dead`` is ``HvBusVoltage <= {dead_voltage_max}``; ``hv_bus_below_60v`` stays for
    checklists up to 1.1.0). ``SimulatedEV(channel)`` on python-can's virtual bus, with
    ``pull_service_plug()``, ``disconnect_12v()`` (silent: no broadcast, no answers, contactors
    open) / ``connect_12v()``, ``reconnect()`` (plug and 12 V back, contactors closed),
    ``set_isolation()``, ``ecu.set(stored_dtcs=[...])``; ``default_dbc()`` is
    resources/ev-simulator.dbc. ``SimulatedAdapter`` is a bus factory that can be unplugged.
"""

from __future__ import annotations

import importlib
from typing import Any

_EXPORTS = {
    "CanConfig": "config",
    "DeviceIdentity": "config",
    "CanDeviceError": "config",
    "open_bus": "config",
    "list_devices": "discovery",
    "test_connection": "discovery",
    "DeviceList": "discovery",
    "FoundDevice": "discovery",
    "ConnectionTest": "discovery",
    "DETECTABLE_INTERFACES": "discovery",
    "CanLogger": "capture",
    "CanCaptureError": "capture",
    "read_host_times": "blf",
    "CanSegmentInfo": "records",
    "CaptureCounters": "records",
    "CaptureStats": "records",
    "BusLoad": "records",
    "read_journal": "records",
    "recover_capture": "recovery",
    "take_snapshot": "snapshot",
    "probe_obd": "snapshot",
    "DiagnosticSnapshot": "snapshot",
    "SnapshotItem": "snapshot",
    "DEFAULT_PIDS": "snapshot",
    "clear_dtcs": "clearing",
    "ClearDtcConfirmation": "clearing",
    "ClearNotConfirmed": "clearing",
    "elm327_snapshot": "elm327",
    "Elm327Error": "elm327",
    "load_dbc": "signals",
    "SignalMonitor": "signals",
    "Condition": "signals",
    "ConditionEvidence": "signals",
    "NAMED_CONDITIONS": "signals",
    "DbcError": "signals",
    "BUS_SILENT": "signals",
    "SimulatedEV": "simulator",
    "SimulatedAdapter": "simulator",
    "default_dbc": "simulator",
    "EcuData": "sim_ecu",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
