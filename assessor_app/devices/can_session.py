"""One assessment's diagnostic capture: the CAN log indexed per step, snapshots and signal checks as evidence.

Like the video session: the logger reports each closed, fsynced BLF segment on its writer thread,
and the session indexes it and its host-time file before the logger goes on, so the store never
names a file that is not whole. Adapter gaps are recorded when they open and closed when the
adapter answers again. Snapshots and condition checks are JSON evidence files under
``can/snapshots/``, hashed while written, fsynced and indexed at once; each comes back as a
``DiagnosticEvidence`` whose ``action()`` is the engine's record of it. A condition check whose
signals are not heard (the bus silent once the vehicle's 12 V supply is off) is recorded as not
available (``met`` None, with the reason), never as met. A condition judged against an assessment
parameter (hv_bus_dead: the vehicle's HV-bus voltage against dead_voltage_max) takes the parameter
and the step's typed readings, and its record says whether the two contradict each other. DTCs are
cleared only with the assessor's ``ClearDtcConfirmation``, never implicitly. Nothing here imports Qt.
"""

from __future__ import annotations

import hashlib
import json
import logging
import math
import os
import threading
import time
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import can

from assessor_app.core.engine import AddNote, ConnectDiagnostics, RecordDiagnostic
from assessor_app.core.engine.people import commitment
from assessor_app.core.specs.conditions import LIMITS
from assessor_app.devices.can.blf import read_host_times
from assessor_app.devices.can.capture import CanLogger
from assessor_app.devices.can.clearing import ClearDtcConfirmation, clear_dtcs
from assessor_app.devices.can.config import BusFactory, CanConfig, DeviceIdentity, open_bus
from assessor_app.devices.can.records import JOURNAL_NAME, CanSegmentInfo, CaptureStats, read_journal
from assessor_app.devices.can.recovery import recover_capture
from assessor_app.devices.can.signals import (
    NAMED_CONDITIONS,
    Condition,
    ConditionError,
    ConditionEvidence,
    SignalMonitor,
)
from assessor_app.devices.can.snapshot import DiagnosticSnapshot, take_snapshot
from assessor_app.durable import fsync_dir, open_private, private_dir
from assessor_app.errors import AssessorError
from assessor_app.storage.captures import CaptureFileRecord, CaptureIndex, captures_dir
from assessor_app.storage.store import AssessmentStore

log = logging.getLogger(__name__)
#: SAE J2012 ranges of hybrid/EV propulsion DTCs (P0AA6 isolation fault, P0A80 replace the pack...).
HV_DTC_PREFIXES = ("P0A", "P0B", "P0C", "P0D")


class CanSessionError(AssessorError):
    """A diagnostic cannot be taken now (adapter missing, no CAN database, no fresh signal values)."""


@dataclass(frozen=True)
class DiagnosticEvidence:
    """A snapshot, condition check or DTC clearing, written and indexed as evidence."""

    step_id: str | None
    diagnostic: str  # snapshot | condition | clear
    evidence: str  # path under the assessment's capture folder
    sha256: str
    size: int
    summary: dict[str, Any]
    met: bool | None = None

    def action(self) -> RecordDiagnostic | AddNote:
        """The engine action that records this evidence (a note for a clearing)."""
        if self.diagnostic == "clear":
            return AddNote(f"DTCs cleared with the assessor's confirmation ({self.summary['confirmed_by']}: "
                           f"\"{self.summary['statement']}\"); evidence {self.evidence}, sha256 "
                           f"{self.sha256}", self.step_id)
        if self.step_id is None:
            raise CanSessionError(f"The diagnostic evidence {self.evidence} is not linked to a step.")
        kind = "snapshot" if self.diagnostic == "snapshot" else "condition"
        return RecordDiagnostic(self.step_id, kind, self.evidence, self.sha256, self.summary, self.met)


def _device_name(config: CanConfig, device: DeviceIdentity) -> str:
    return config.describe() + (f" (serial {device.serial})" if device.serial else "")


def snapshot_summary(snap: DiagnosticSnapshot, label: str) -> dict[str, Any]:
    """What the trainer and the record show of a snapshot: VIN, DTC codes per kind, HV DTCs, errors."""
    items = {i.id: i for i in snap.items}

    def value(item_id: str) -> Any:
        item = items.get(item_id)
        return item.value if item is not None and item.status == "ok" else None

    dtcs: dict[str, list[str] | None] = {
        kind: list(value(f"dtc_{kind}")) if value(f"dtc_{kind}") is not None else None
        for kind in ("stored", "pending", "permanent")
    }
    uds = value("uds_dtcs")
    dtcs["uds"] = [d["code"] for d in uds] if uds is not None else None
    codes = {c.split("-")[0] for found in dtcs.values() if found for c in found}
    errors = [f"{i.id}: {i.status}" + (f" ({i.nrc or i.error})" if i.nrc or i.error else "")
              for i in snap.items if i.status not in ("ok", "unsupported")]
    return {"label": label, "vin": value("vin"), "dtcs": dtcs, "dtc_count": len(codes),
            "hv_dtcs": sorted(c for c in codes if c.startswith(HV_DTC_PREFIXES)), "errors": errors,
            "duration_ms": round(snap.duration_ms, 1)}


def condition_summary(evidence: ConditionEvidence, condition: Condition,
                      readings: Mapping[str, float] | None = None) -> dict[str, Any]:
    """The condition, whether it held (None: not available, with the reason), every signal value
    seen (the failing ones named); for a parameter-judged condition also the limit it was judged
    against, the typed readings and whether they contradict the vehicle's value.

    ``condition`` is the one evaluated (parameters resolved)."""
    values = {name: {"value": v.value, "unit": v.unit, "label": v.label}
              for name, v in evidence.values.items()}
    failing = [c.signal for c in condition.clauses
               if c.signal in evidence.values and not c.holds(evidence.values[c.signal].value)]
    summary: dict[str, Any] = {
        "condition": evidence.name, "expression": evidence.expression, "met": evidence.satisfied,
        "values": values, "failing": failing, "missing": list(evidence.missing)}
    if evidence.satisfied is None:
        summary["reason"] = evidence.reason
        summary["last_seen"] = {name: {"value": v.value, "unit": v.unit, "label": v.label,
                                       "age_s": round((evidence.checked_host_ns - v.host_ns) / 1e9, 3)}
                                for name, v in evidence.stale.items()}
    limit = LIMITS.get(evidence.name)
    clause = condition.clause_of(limit.param) if limit is not None else None
    if limit is not None and clause is not None:
        typed = dict(readings or {})
        summary["limit"] = {"param": limit.param, "value": clause.value, "unit": limit.unit,
                            "signal": clause.signal}
        summary["readings"] = typed
        seen = evidence.values.get(clause.signal)
        summary["contradiction"] = (limit.contradiction(clause.value, typed, clause.signal, seen.value)
                                    if seen is not None and evidence.satisfied is not None else None)
    return summary


class CanSession:
    """Logs one CAN channel for one assessment; ``timeline_us`` maps capture to its timeline."""

    def __init__(self, store: AssessmentStore, data_dir: Path, assessment_id: str, config: CanConfig, *,
                 timeline_us: Callable[[], int], dbc_path: Path | str | None = None,
                 bus_factory: BusFactory = open_bus, dids: Iterable[int] = (),
                 snapshot_timeout_s: float = 0.5, condition_max_age_s: float = 1.0,
                 clock_ns: Callable[[], int] = time.monotonic_ns, **logger_options: Any):
        self.store, self.assessment_id, self.config = store, assessment_id, config
        self.folder = captures_dir(data_dir, assessment_id)
        self.can_folder = self.folder / "can"
        self.snapshots_folder = self.can_folder / "snapshots"
        self._index = CaptureIndex(store)
        self._timeline_us = timeline_us
        self.dids, self.snapshot_timeout_s = tuple(dids), snapshot_timeout_s
        self.condition_max_age_s = condition_max_age_s
        self._busy = threading.Lock()  # one snapshot, check or clearing at a time on the bus
        self._lock = threading.Lock()  # notices and evidence numbering
        self._notices: list[str] = []
        self._open_gaps: dict[str, int] = {}
        self.recovered: list[dict[str, Any]] = []
        # A name of its own per capture run: a resumed assessment never writes over a segment.
        runs = sum(1 for r in read_journal(self.can_folder) if r["event"] == "capture_started")
        self.logger = CanLogger(config, self.can_folder, timeline_us=timeline_us, bus_factory=bus_factory,
                                on_segment=self._segment, on_gap_start=self._gap_start,
                                on_gap_end=self._gap_end, name=f"can{runs + 1:02d}", clock_ns=clock_ns,
                                **logger_options)
        # ``clock_ns``: host receive times and signal freshness (a simulated vehicle's clock in the demo)
        self.monitor = SignalMonitor(dbc_path, timeline_us, clock_ns) if dbc_path is not None else None
        if self.monitor is not None:
            self.logger.add_listener(self.monitor.on_frame)

    @property
    def device(self) -> str:
        return _device_name(self.config, self.logger.device)

    # ------------------------------------------------------------------ control (any thread)
    def start(self) -> None:
        """Finish what a crash left open, then open the adapter (CanDeviceError if it cannot be)."""
        self.recovered = self._recover()
        self.logger.start()

    def connected_action(self) -> ConnectDiagnostics:
        """The engine action saying this adapter serves the assessment (declared diagnostics required)."""
        return ConnectDiagnostics(self.device, {
            "config": self.config.to_dict(), "device": self.logger.device.to_dict(),
            "dbc": self.monitor.dbc_path if self.monitor is not None else None})

    def mark_step(self, step_id: str | None) -> None:
        """The checklist moved to ``step_id``: frames from now on go to a new segment of that step."""
        self.logger.mark_step(step_id)

    def stats(self) -> CaptureStats:
        """Counters, live bus load, queue depth, bus state and whether the adapter is missing."""
        return self.logger.stats()

    def take_notices(self) -> list[str]:
        """Messages for the trainer since the last call (adapter lost or back)."""
        with self._lock:
            notices, self._notices = self._notices, []
        return notices

    def stop(self) -> list[CanSegmentInfo]:
        """Stop logging; every segment is closed, fsynced and indexed when this returns."""
        return self.logger.stop()

    # ------------------------------------------------------------------ diagnostics
    def _live_bus(self, what: str) -> tuple[can.BusABC, can.Notifier]:
        bus, notifier = self.logger.bus, self.logger.notifier
        if bus is None or notifier is None or self.logger.stats().in_gap:
            raise CanSessionError(f"The CAN adapter {self.config.describe()} is not connected: "
                                  f"the {what} cannot be taken now.")
        return bus, notifier

    def take_snapshot(self, step_id: str | None, label: str) -> DiagnosticEvidence:
        """VIN, DTCs, PIDs and UDS data now, written as evidence of ``step_id``."""
        bus, notifier = self._live_bus("diagnostic snapshot")
        with self._busy:
            try:
                snap = take_snapshot(bus, notifier=notifier, dids=self.dids,
                                     timeout_s=self.snapshot_timeout_s, timeline_us=self._timeline_us)
            except (can.CanError, OSError) as exc:
                raise CanSessionError(f"The CAN adapter {self.config.describe()} failed during the "
                                      f"diagnostic snapshot: {exc}") from exc
        summary = snapshot_summary(snap, label)
        document = {"format": "assessor-app/diagnostic-snapshot/1", "snapshot": snap.to_dict()}
        self._keep_vin_apart(document, summary)
        t0 = snap.started_timeline_us if snap.started_timeline_us is not None else self._timeline_us()
        return self._write_evidence(step_id, "snapshot", document, summary, None, t0, len(snap.items))

    def _keep_vin_apart(self, document: dict[str, Any], summary: dict[str, Any]) -> None:
        """In a record that keeps identity apart, the VIN read from the vehicle is not evidence text:
        it becomes a commitment (salted as the record's own VIN commitment) and whether it matches
        the VIN recorded for the assessment; the raw answer that spells it goes too."""
        identity = self.store.identity(self.assessment_id)
        if identity is None or not isinstance(identity.get("salt"), str):
            return  # a first-release record: the VIN is in its events anyway
        read = summary.get("vin")
        recorded = str((identity.get("vehicle") or {}).get("vin") or "")
        kept = None if not read else {
            "commitment": commitment(identity["salt"], {"vin": str(read)}),
            "matches_recorded_vin": bool(recorded) and str(read).strip().upper() == recorded.strip().upper()}
        summary["vin"] = None
        summary["vin_read"] = kept
        for item in document["snapshot"].get("items", []):
            if item.get("id") == "vin":
                item["value"], item["raw"] = kept, None

    def check_condition(self, step_id: str | None, name: str, *, wait_s: float = 0.0,
                        limits: Mapping[str, float] | None = None,
                        readings: Mapping[str, float] | None = None) -> DiagnosticEvidence:
        """Check a named condition on the live signals (waiting up to ``wait_s`` for it to hold).

        ``limits``: the assessment parameters the condition is judged against, and ``readings``: the
        step's typed readings to cross-check (both from ``core.engine.diagnostics.condition_inputs``).
        Signals not heard for ``condition_max_age_s`` make a record of a check not available."""
        if self.monitor is None:
            raise CanSessionError(f"No CAN database (DBC) is set for {self.device}: the condition "
                                  f"{name!r} cannot be checked.")
        named = NAMED_CONDITIONS.get(name)
        if named is None:
            raise CanSessionError(f"The signal condition {name!r} is not one the app knows "
                                  f"({', '.join(sorted(NAMED_CONDITIONS))}).")
        try:
            condition = named.resolve(limits or {})
        except ConditionError as exc:
            raise CanSessionError(f"{exc} It cannot be checked.") from exc
        limit = LIMITS.get(name)
        if readings and limit is None:
            raise CanSessionError(f"The signal condition {name!r} is not judged against a parameter: "
                                  "there is nothing to compare typed readings with.")
        bad = [k for k, v in (readings or {}).items()
               if isinstance(v, bool) or not isinstance(v, int | float) or not math.isfinite(v)]
        if bad:
            raise CanSessionError(f"The typed readings {', '.join(map(str, bad))} are not numbers: the "
                                  f"condition {name!r} cannot be cross-checked with them.")
        clause = condition.clause_of(limit.param) if limit is not None else None
        if clause is not None and limit is not None and self.monitor.unit_of(clause.signal) != limit.unit:
            raise CanSessionError(
                f"The CAN database {self.monitor.dbc_path} gives {clause.signal} in "
                f"{self.monitor.unit_of(clause.signal) or 'no unit'}, not {limit.unit}: the condition "
                f"{name!r} cannot be judged against {limit.param}.")
        self._live_bus("condition check")
        if wait_s > 0:
            evidence = self.monitor.wait_for(condition, wait_s, self.condition_max_age_s)
        else:
            evidence = self.monitor.evaluate(condition, self.condition_max_age_s)
        if evidence.satisfied is None:
            log.info("can %s: %s not available at step %s: %s", self.assessment_id, name, step_id,
                     evidence.reason)
        summary = condition_summary(evidence, condition, readings)
        document = {"format": "assessor-app/condition-check/2", "check": evidence.to_dict()}
        t0 = evidence.checked_timeline_us if evidence.checked_timeline_us is not None else self._timeline_us()
        return self._write_evidence(step_id, "condition", document, summary, evidence.satisfied, t0,
                                    len(evidence.values))

    def clear_dtcs(self, confirmation: ClearDtcConfirmation,
                   step_id: str | None = None) -> DiagnosticEvidence:
        """Clear DTCs (OBD 04, UDS 14) with the assessor's fresh, single-use confirmation; never implicit."""
        bus, notifier = self._live_bus("DTC clearing")
        with self._busy:
            result = clear_dtcs(bus, confirmation, notifier=notifier)
        summary = {"confirmed_by": confirmation.assessor_id, "statement": confirmation.statement,
                   "results": {i.id: i.status for i in result.items}}
        document = {"format": "assessor-app/dtc-clearing/1", "clearing": result.to_dict()}
        return self._write_evidence(step_id, "clear", document, summary, None, self._timeline_us(),
                                    len(result.items))

    def _write_evidence(self, step_id: str | None, diagnostic: str, document: dict[str, Any],
                        summary: dict[str, Any], met: bool | None, t_start_us: int,
                        items: int) -> DiagnosticEvidence:
        document = {**document, "assessment_id": self.assessment_id, "step": step_id,
                    "diagnostic": diagnostic, "device": self.logger.device.to_dict(),
                    "config": self.config.to_dict(), "summary": summary}
        data = json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False, default=str).encode()
        digest = hashlib.sha256(data).hexdigest()
        private_dir(self.snapshots_folder)
        stem = step_id or "nostep"
        with self._lock:
            n = 1 + max((int(p.stem.rsplit("-", 1)[1]) for p in self.snapshots_folder.glob(f"{stem}-*.json")
                         if p.stem.rsplit("-", 1)[1].isdigit()), default=0)
            path = self.snapshots_folder / f"{stem}-{n}.json"
            with open_private(path, "xb") as f:
                f.write(data)
                f.flush()
                os.fsync(f.fileno())
        fsync_dir(self.snapshots_folder)
        name = path.relative_to(self.folder).as_posix()
        t_end = max(t_start_us, self._timeline_us())
        self._index.add_file(self.assessment_id, CaptureFileRecord(
            "snapshot", name, digest, len(data), self.device, t_start_us, t_end, step_id, items, 0,
            {"diagnostic": diagnostic, "summary": summary, "met": met}, time.time_ns() // 1000))
        return DiagnosticEvidence(step_id, diagnostic, name, digest, len(data), summary, met)

    # ------------------------------------------------------------------ logger callbacks (writer thread)
    def _notify(self, text: str) -> None:
        log.info("can %s: %s", self.assessment_id, text)
        with self._lock:
            self._notices.append(text)

    def _segment(self, info: CanSegmentInfo) -> None:
        t_now = self._timeline_us()
        first = info.first_timeline_us if info.first_timeline_us is not None else t_now
        last = info.last_timeline_us if info.last_timeline_us is not None else first
        self._index_segment(info.to_dict(), first, last, _device_name(info.config, info.device))
        if info.segment_counters.queue_overflows:
            self._notify(f"{info.segment_counters.queue_overflows} CAN frames dropped in "
                         f"{info.path.name}: the computer could not keep up")

    def _index_segment(self, info: dict[str, Any], t_start_us: int, t_end_us: int, device: str) -> None:
        log_name = f"can/{Path(info['path']).name}"
        times_name = f"can/{Path(info['host_times_path']).name}"
        during = info.get("segment_counters") or {}
        meta = {k: info.get(k) for k in ("index", "closed_because", "config", "device", "first_bus_ts",
                                         "last_bus_ts", "first_host_ns", "last_host_ns")}
        meta.update(host_times=times_name, counters=during, totals=info.get("counters"),
                    overflows=during.get("queue_overflows", 0), error_frames=during.get("error_frames", 0),
                    bus_state_changes=during.get("bus_state_changes", 0))
        now = time.time_ns() // 1000
        step = info.get("step_id")
        self._index.add_file(self.assessment_id, CaptureFileRecord(
            "can_log", log_name, info["sha256"], info["size"], device, t_start_us, t_end_us, step,
            info["frames"], during.get("queue_overflows", 0), meta, now))
        self._index.add_file(self.assessment_id, CaptureFileRecord(
            "can_times", times_name, info["host_times_sha256"], info["host_times_size"], device,
            t_start_us, t_end_us, step, info["frames"], 0, {"can_log": log_name}, now))

    def _gap_start(self, device: DeviceIdentity, t_us: int, reason: str) -> None:
        name = _device_name(self.config, device)
        self._open_gaps[name] = self._index.open_gap(
            self.assessment_id, device=name, kind="can", t_start_us=t_us, reason=reason)
        self._notify(f"{reason} Logging resumes when it is back; diagnostics cannot be taken meanwhile.")

    def _gap_end(self, device: DeviceIdentity, t_us: int, reason: str) -> None:
        gap = self._open_gaps.pop(_device_name(self.config, device), None)
        if gap is not None:
            self._index.close_gap(gap, t_us)
        self._notify(reason)

    # ------------------------------------------------------------------ after a crash
    def _recover(self) -> list[dict[str, Any]]:
        """Finish a segment a crash left open, and index every journalled segment the store lacks."""
        if not (self.can_folder / JOURNAL_NAME).exists():
            return []
        recovered = recover_capture(self.can_folder)
        indexed = {f.name for f in self._index.files(self.assessment_id, kind="can_log")}
        offset_us: int | None = None  # timeline minus host clock, from the journal's last pairing
        for record in read_journal(self.can_folder):
            event = record["event"]
            if "t_us" in record and "host_ns" in record:
                offset_us = record["t_us"] - record["host_ns"] // 1000
            if event == "segment_closed" and record.get("first_timeline_us") is not None:
                offset_us = record["first_timeline_us"] - record["first_host_ns"] // 1000
            if event not in ("segment_closed", "segment_recovered"):
                continue
            if f"can/{Path(record['path']).name}" in indexed:
                continue
            path = self.can_folder / Path(record["path"]).name
            t_start, t_end = record.get("first_timeline_us"), record.get("last_timeline_us")
            if t_start is None:
                times = read_host_times(path)
                now = self._timeline_us()
                t_start = times[0] // 1000 + offset_us if times and offset_us is not None else now
                t_end = times[-1] // 1000 + offset_us if times and offset_us is not None else now
            config = CanConfig.from_dict(record.get("config") or self.config.to_dict())
            device = DeviceIdentity(**record["device"]) if record.get("device") else self.logger.device
            self._index_segment(record, t_start, t_end if t_end is not None else t_start,
                                _device_name(config, device))
            self._notify(f"The CAN log {path.name}, left open by an interruption, was finished and kept.")
        return recovered
