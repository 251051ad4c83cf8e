"""Diagnostic capture in the assessment: a CAN session against the simulated EV, sealed as evidence.

The vehicle is faked at the device boundary only (python-can's virtual bus, the simulated EV and
its adapter); the session, engine, store, bundle, seal and PDF record run for real.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import can
import pytest
import yaml
from helpers import ASSESSOR, CANDIDATE, VEHICLE, WORKSHOP, Driver, Mini, load_mini
from pypdf import PdfReader
from test_engine_diagnostics import condition, dead_mini, diagnostics_mini
from test_shipped_specs import Walk

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import (
    Finish,
    MarkDiagnosticsUnavailable,
    RecordAnswer,
    RecordIdentityCheck,
    RecordMeasurement,
    RecordResult,
    RecordStepData,
    Refused,
    ScoreRubric,
    SignOff,
    StartStep,
    Vehicle,
)
from assessor_app.core.engine.diagnostics import condition_inputs
from assessor_app.core.events import Event
from assessor_app.core.specs import LoadedChecklist
from assessor_app.core.specs.conditions import ConditionName
from assessor_app.core.specs.library import load_library
from assessor_app.core.specs.loader import checklist_from_source, content_hash
from assessor_app.devices.can import (
    NAMED_CONDITIONS,
    CanConfig,
    ClearDtcConfirmation,
    ClearNotConfirmed,
    EcuData,
    SimulatedAdapter,
    SimulatedEV,
    default_dbc,
    read_journal,
)
from assessor_app.devices.can_session import CanSession, CanSessionError
from assessor_app.errors import AssessorError
from assessor_app.evidence.bundle import assessment_record
from assessor_app.evidence.sealing import seal_assessment
from assessor_app.evidence.verify import verify_bundle
from assessor_app.paths import checklists_dir
from assessor_app.reports.pdf import render_record
from assessor_app.storage.captures import CaptureIndex
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

ROOT = Path(__file__).resolve().parent.parent


def wait_until(condition, timeout: float = 10.0, what: str = "condition") -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)  # polling a state the capture threads change; bounded by the deadline


def pdf_text(pdf: Path) -> str:
    reader = PdfReader(BytesIO(pdf.read_bytes()))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


@dataclass
class Setup:
    store: AssessmentStore
    recorder: AssessmentRecorder
    clock: ManualClock
    session: CanSession
    ev: SimulatedEV
    data_dir: Path

    def act(self, action) -> Event:
        """Act as the trainer would: wait out a countdown, insist on acceptance otherwise."""
        while True:
            result = self.recorder.act(action)
            if not isinstance(result, Refused):
                return result
            assert result.wait_s is not None, f"{action} refused: {result.reason}"
            self.clock.advance(result.wait_s)

    def refused(self, action) -> Refused:
        result = self.recorder.act(action)
        assert isinstance(result, Refused), f"{action} unexpectedly accepted"
        return result

    def seal(self):
        for criterion in self.recorder.engine.spec.rubric.criteria:
            self.act(ScoreRubric(criterion.id, 3))
        self.act(RecordIdentityCheck("known_to_assessor"))
        self.act(SignOff("assessor", ASSESSOR.name))
        if "candidate" in self.recorder.engine.spec.signoffs:
            self.act(SignOff("candidate", CANDIDATE.name, "I did this work."))
        self.act(Finish())
        return seal_assessment(self.store, self.recorder.assessment_id, data_dir=self.data_dir,
                               assessor_id="assr-1", pin="1357")


def contactor_mini() -> Mini:
    """The mini checklist with a snapshot at plug, contactors_open at lock, the HV bus at dead."""
    mini = load_mini()
    data = yaml.safe_load(mini.checklist.source)
    steps = {s["id"]: s for s in data["steps"]}
    for step, diagnostics in (("plug", {"snapshot": "DTCs before the task"}),
                              ("lock", {"condition": "contactors_open"}),
                              ("dead", {"condition": "hv_bus_below_60v"})):
        steps[step]["diagnostics"] = diagnostics
        steps[step]["evidence"] = [*steps[step].get("evidence", []), "can_log"]
    source = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return Mini(LoadedChecklist(checklist_from_source(source), "<mini>", content_hash(source), source),
                mini.params)


def _open(tmp_path: Path, checklist: LoadedChecklist, params, *, vehicle: Vehicle = VEHICLE,
          ev: SimulatedEV, **session_options) -> Setup:
    store = AssessmentStore.open(tmp_path / "assessor.db")
    clock = ManualClock()
    clock.advance(60)
    recorder = AssessmentRecorder.start(store, checklist, params, candidate=CANDIDATE, assessor=ASSESSOR,
                                        workshop=WORKSHOP, vehicle=vehicle, clock=clock)
    session = CanSession(store, tmp_path, recorder.assessment_id,
                         CanConfig("virtual", ev.channel, receive_own_messages=True),
                         timeline_us=lambda: recorder.timeline.now().t_us, **session_options)
    return Setup(store, recorder, clock, session, ev, tmp_path)


@pytest.fixture
def ev() -> Iterator[SimulatedEV]:
    sim = SimulatedEV(f"ev-{uuid.uuid4().hex[:8]}", tau_s=0.3, hv_period_s=0.02, background_fps=200,
                      ecu=EcuData(stored_dtcs=[], pending_dtcs=["U0100"], permanent_dtcs=[]))
    sim.start()
    yield sim
    sim.stop()


def test_condition_names_are_the_ones_the_device_layer_evaluates():
    assert set(NAMED_CONDITIONS) == set(ConditionName.__args__)  # type: ignore[attr-defined]


def test_the_contactor_condition_refuses_the_pass_until_the_service_plug_is_pulled(tmp_path: Path):
    mini = contactor_mini()
    with SimulatedEV(f"ev-{uuid.uuid4().hex[:8]}", tau_s=0.3, hv_period_s=0.02) as ev:
        s = _open(tmp_path, mini.checklist, mini.params, ev=ev, dbc_path=default_dbc())
        s.session.start()
        try:
            s.act(s.session.connected_action())
            s.act(RecordResult("ppe", "pass"))
            s.session.mark_step("plug")
            snap = s.session.take_snapshot("plug", "DTCs before the task")
            # the VIN read is kept apart: a commitment, and whether it is the VIN recorded at the start
            assert snap.summary["vin"] is None and len(snap.summary["vin_read"]["commitment"]) == 64
            assert snap.summary["vin_read"]["matches_recorded_vin"] is False  # the test vehicle's VIN differs
            assert snap.summary["hv_dtcs"] == ["P0AA6"]  # the simulated ECU's isolation fault
            assert snap.summary["dtcs"]["stored"] == ["P0AA6"] and snap.summary["errors"] == []
            s.act(snap.action())
            s.act(RecordResult("plug", "pass"))

            s.session.mark_step("lock")
            wait_until(lambda: s.session.monitor.latest("ContactorPositive") is not None, what="HV status")
            closed = s.session.check_condition("lock", "contactors_open")
            assert closed.met is False and closed.summary["failing"] == ["ContactorPositive",
                                                                         "ContactorNegative"]
            s.act(closed.action())
            refusal = s.refused(RecordResult("lock", "pass"))
            assert refusal.rule == "condition"
            assert refusal.reason.startswith("HV contactors are not open (ContactorPositive = closed, "
                                             "ContactorNegative = closed)")
            ev.pull_service_plug()
            opened = s.session.check_condition("lock", "contactors_open", wait_s=5)
            assert opened.met is True
            s.act(opened.action())
            s.act(RecordResult("lock", "pass"))

            s.session.mark_step("dead")
            s.act(StartStep("dead"))
            s.act(RecordMeasurement("dead", "hv", 0.3, "V"))
            dead = s.session.check_condition("dead", "hv_bus_below_60v", wait_s=10)
            volts = dead.summary["values"]["HvBusVoltage"]
            assert dead.met and volts["unit"] == "V" and 0 < volts["value"] < 60  # decayed, not cut
            s.act(dead.action())
            s.act(RecordResult("dead", "pass"))
        finally:
            s.session.stop()
            s.store.close()
    assert ev.ecu.data.stored_dtcs == ["P0AA6"]  # nothing here clears DTCs


def _value(low: float | None, high: float | None) -> float:
    if low is not None and high is not None:
        return (low + high) / 2
    if high is not None:
        return high * 0.1 if high > 0 else high
    return (low or 1) * 2


def _good_value(field, params, clock: ManualClock) -> object:
    """A value of a step field that passes its checks, dates counted from the assessment's day."""
    if field.type != "date":
        return Walk.good_value(SimpleNamespace(params=params), field)  # type: ignore[arg-type]
    today = dt.datetime.fromtimestamp(clock.wall_us() / 1e6, tz=dt.UTC).date()
    ahead = any(c.not_past for c in field.checks)
    return (today + dt.timedelta(days=365 if ahead else -30)).isoformat()


def test_a_whole_hv_isolation_with_the_simulated_ev_seals_its_diagnostic_evidence(tmp_path: Path, ev):
    library = load_library(checklists_dir())
    s = _open(tmp_path, library.checklist("hv-isolation-series"), library.parameter_set("generic-400v"),
              vehicle=Vehicle("WA5EVSM0000000042", "Simulated EV", 396.0), ev=ev, dbc_path=default_dbc())
    spec, engine = s.recorder.engine.spec, s.recorder.engine
    s.session.start()
    s.act(s.session.connected_action())
    evidence = {}
    try:
        for step in spec.steps:
            s.clock.advance(45)
            s.act(StartStep(step.id))
            s.session.mark_step(step.id)
            if step.fields:  # what a good candidate records: the engine's own checks pass on it
                s.act(RecordStepData(step.id, {f.id: _good_value(f, engine.params, s.clock)
                                               for f in step.fields}))
            for q in step.questions:
                s.act(RecordAnswer(step.id, q.id, "answer noted", True))
            for m in step.measurements:
                instrument = ("tester T-1", "1000 V DC") if m.instrument else (None, None)
                s.act(RecordMeasurement(step.id, m.id, _value(*engine.bounds(m)), m.unit, *instrument))
            if step.id == "08":
                ev.pull_service_plug()
            if step.id == "20":
                ev.reconnect()
            d = step.diagnostics
            if d is not None and d.snapshot is not None:
                evidence[step.id] = s.session.take_snapshot(step.id, d.snapshot.get_text("en"))
                s.act(evidence[step.id].action())
            if d is not None and d.condition is not None:
                inputs = condition_inputs(engine.state, step)
                evidence[step.id] = s.session.check_condition(step.id, d.condition, wait_s=10,
                                                              limits=inputs.limits, readings=inputs.readings)
                assert evidence[step.id].met, evidence[step.id].summary
                s.act(evidence[step.id].action())
            s.act(RecordResult(step.id, "pass"))
    finally:
        s.session.stop()
    bundle = s.seal()
    stats = s.session.stats()
    index = CaptureIndex(s.store)
    logs = index.files(s.recorder.assessment_id, kind="can_log")
    times = index.files(s.recorder.assessment_id, kind="can_times")
    snapshots = index.files(s.recorder.assessment_id, kind="snapshot")
    s.store.close()

    assert engine.state.outcome == "competent"
    assert set(evidence) == {"02", "12", "14", "21"}
    result = verify_bundle(bundle.path)
    assert result.ok, result.problems
    manifest = dict(reversed(line.split("  ", 1)) for line in
                    (bundle.path / "manifest-sha256.txt").read_text().splitlines())
    # every closed segment and its host-time file are sealed, hashed as captured, readable
    assert logs and len(times) == len(logs)
    assert sum(f.items for f in logs) == stats.counters.frames > 0
    for f in logs:
        path = bundle.path / "data/captures" / f.name
        digest = hashlib.sha256(path.read_bytes()).hexdigest()
        assert manifest[f"data/captures/{f.name}"] == f.sha256 == digest
        assert len(list(can.BLFReader(str(path)))) == f.items
        assert f.meta["overflows"] == f.dropped == 0 and "error_frames" in f.meta
        assert f.meta["config"]["channel"] == ev.channel
    assert {"02", "12", "21"} <= {f.step_id for f in logs}  # steps that lasted long enough for frames
    # the snapshot's own requests are in the log of its step (logged as sent: is_rx False)
    logged_02 = [m for f in logs if f.step_id == "02"
                 for m in can.BLFReader(str(bundle.path / "data/captures" / f.name))]
    assert any(not m.is_rx and m.arbitration_id == 0x7DF and bytes(m.data[:3]) == b"\x02\x09\x02"
               for m in logged_02)
    # snapshots and checks: linked to their steps in the index, the events and the record
    assert {(f.step_id, f.meta["diagnostic"]) for f in snapshots} == {
        ("02", "snapshot"), ("12", "condition"), ("14", "condition"), ("21", "snapshot")}
    record = json.loads((bundle.path / "data/record.json").read_text(encoding="utf-8"))
    for step, item in evidence.items():
        [recorded] = record["steps"][step]["diagnostics"]["records"]
        assert recorded["evidence"] == f"captures/{item.evidence}"
        assert manifest[f"data/{recorded['evidence']}"] == item.sha256 == recorded["sha256"]
        assert record["steps"][step]["diagnostics"]["unavailable"] == {}
        written = json.loads((bundle.path / "data" / recorded["evidence"]).read_text(encoding="utf-8"))
        assert written["step"] == step and written["summary"] == item.summary
    before = record["steps"]["02"]["diagnostics"]["records"][0]["summary"]
    assert before["vin"] is None and before["vin_read"]["matches_recorded_vin"] is True
    assert before["dtcs"]["pending"] == ["U0100"]
    assert before["hv_dtcs"] == [] and before["label"] == "DTCs before the task"
    assert record["diagnostics_adapter"]["device"] == f"virtual {ev.channel} at 500 kbit/s"
    assert record["capture"]["dropped_can_frames"] == 0
    text = pdf_text(bundle.path / "assessment-record.en.pdf")
    assert ("Diagnostic snapshot DTCs before the task: VIN matches the recorded VIN; DTCs (stored: none; "
            "pending: U0100; permanent: none; UDS: U0100-00); HV DTCs: none") in text
    assert "Signal check HV contactors open: met (ContactorNegative = open, ContactorPositive = open)" in text
    assert f"Diagnostic adapter: virtual {ev.channel} at 500 kbit/s" in text
    assert "Signaalitarkastus HV-kontaktorit auki: täyttyi" in pdf_text(
        bundle.path / "assessment-record.fi.pdf")


def test_an_adapter_unplugged_mid_capture_is_a_recorded_gap_and_the_assessment_goes_on(tmp_path: Path):
    mini = contactor_mini()
    adapter = SimulatedAdapter("USB-CAN adapter")
    with SimulatedEV(f"ev-{uuid.uuid4().hex[:8]}", hv_period_s=0.02, background_fps=300) as ev:
        s = _open(tmp_path, mini.checklist, mini.params, ev=ev, dbc_path=default_dbc(),
                  bus_factory=adapter, retry_interval_s=0.05)
        s.session.start()
        try:
            s.act(s.session.connected_action())
            s.act(RecordResult("ppe", "pass"))
            s.session.mark_step("plug")
            wait_until(lambda: s.session.stats().counters.frames > 20, what="frames before the failure")
            adapter.unplug()
            wait_until(lambda: s.session.stats().in_gap, what="the gap")
            with pytest.raises(CanSessionError, match=r"^The CAN adapter virtual .* is not connected: the "
                                                      r"diagnostic snapshot cannot be taken now\.$") as lost:
                s.session.take_snapshot("plug", "DTCs before the task")
            s.act(MarkDiagnosticsUnavailable(str(lost.value), step="plug"))
            passed = s.act(RecordResult("plug", "pass"))
            assert passed.payload["diagnostics_unavailable"] == {"snapshot": str(lost.value)}
            adapter.replug()
            wait_until(lambda: not s.session.stats().in_gap, what="the adapter back")
            ev.pull_service_plug()
            opened = s.session.check_condition("lock", "contactors_open", wait_s=5)
            s.act(opened.action())
            s.act(RecordResult("lock", "pass"))
        finally:
            s.session.stop()
    notices = s.session.take_notices()
    assert any("stopped answering" in n and "Logging resumes" in n for n in notices), notices
    assert any("answers again" in n for n in notices), notices
    [gap] = CaptureIndex(s.store).gaps(s.recorder.assessment_id)
    assert gap.kind == "can" and gap.t_end_us is not None and gap.t_end_us >= gap.t_start_us
    assert "disconnected" in gap.reason and gap.device == f"virtual {ev.channel} at 500 kbit/s"
    closed = [f.meta["closed_because"] for f in CaptureIndex(s.store).files(s.recorder.assessment_id,
                                                                             kind="can_log")]
    assert "gap" in closed and closed[-1] == "stop"
    bundle = s.seal()
    s.store.close()
    assert verify_bundle(bundle.path).ok
    record = json.loads((bundle.path / "data/record.json").read_text(encoding="utf-8"))
    assert [g["kind"] for g in record["capture"]["gaps"]] == ["can"]
    assert record["steps"]["plug"]["diagnostics"]["unavailable"] == {"snapshot": str(lost.value)}
    assert record["steps"]["lock"]["diagnostics"]["records"][0]["met"] is True
    text = pdf_text(bundle.path / "assessment-record.en.pdf")
    assert "Diagnostics not available (Diagnostic snapshot): The CAN adapter virtual" in text


def test_what_cannot_be_checked_is_said_in_one_sentence(tmp_path: Path):
    """A bus with nothing on it: a check is recorded as not available; what the app cannot check at
    all (no such condition, no CAN database, no adapter) is said in one sentence, nothing recorded."""
    channel = f"empty-{uuid.uuid4().hex[:8]}"

    @dataclass
    class NoVehicle:
        channel: str

    s = _open(tmp_path, load_mini().checklist, load_mini().params, ev=NoVehicle(channel),  # type: ignore[arg-type]
              dbc_path=default_dbc(), snapshot_timeout_s=0.05)
    s.session.start()
    try:
        nothing = s.session.check_condition("lock", "contactors_open")
        assert (nothing.met, nothing.summary["reason"], nothing.summary["missing"]) == (
            None, "bus silent: 12 V off?", ["ContactorNegative", "ContactorPositive"])
        assert nothing.action().met is None and nothing.evidence == "can/snapshots/lock-1.json"
        with pytest.raises(CanSessionError) as no_limit:
            s.session.check_condition("dead", "hv_bus_dead")
        assert str(no_limit.value) == ("The signal condition 'hv_bus_dead' is judged against the "
                                       "assessment's dead_voltage_max, which was not given. It cannot be "
                                       "checked.")
        with pytest.raises(CanSessionError) as fixed:
            s.session.check_condition("lock", "contactors_open", readings={"hv": 0.1})
        assert str(fixed.value) == ("The signal condition 'contactors_open' is not judged against a "
                                    "parameter: there is nothing to compare typed readings with.")
        with pytest.raises(CanSessionError) as typed:
            s.session.check_condition("dead", "hv_bus_dead", limits={"dead_voltage_max": 1.0},
                                      readings={"hv": float("inf")})
        assert str(typed.value) == ("The typed readings hv are not numbers: the condition 'hv_bus_dead' "
                                    "cannot be cross-checked with them.")
        with pytest.raises(CanSessionError, match="'contactor_open' is not one the app knows"):
            s.session.check_condition("lock", "contactor_open")
        silent = s.session.take_snapshot("ppe", "no ECU")  # an ECU that never answers: recorded, no crash
        assert silent.summary["vin"] is None and silent.summary["dtcs"]["stored"] is None
        assert silent.summary["errors"][0].startswith("vin: timeout")
    finally:
        s.session.stop()
    assert sorted(f.meta["diagnostic"] for f in CaptureIndex(s.store).files(s.recorder.assessment_id,
                                                                             kind="snapshot")) == [
        "condition", "snapshot"]
    without_dbc = CanSession(s.store, tmp_path, s.recorder.assessment_id, CanConfig("virtual", channel),
                             timeline_us=lambda: 0)
    with pytest.raises(CanSessionError, match=r"^No CAN database \(DBC\) is set for virtual"):
        without_dbc.check_condition("lock", "contactors_open")
    adapter = SimulatedAdapter()
    adapter.unplug()
    missing = CanSession(s.store, tmp_path, s.recorder.assessment_id, CanConfig("virtual", channel),
                         timeline_us=lambda: 0, bus_factory=adapter)
    with pytest.raises(AssessorError, match=r"^The CAN adapter virtual .* could not be opened: it is not "
                                            r"connected\.$"):
        missing.start()
    s.store.close()


def test_dtcs_are_cleared_only_with_the_assessors_confirmation(tmp_path: Path):
    with SimulatedEV(f"ev-{uuid.uuid4().hex[:8]}") as ev:
        s = _open(tmp_path, load_mini().checklist, load_mini().params, ev=ev)
        s.session.start()
        try:
            with pytest.raises(ClearNotConfirmed):
                s.session.clear_dtcs("yes")  # type: ignore[arg-type]
            assert ev.ecu.data.stored_dtcs == ["P0AA6"]
            confirmation = ClearDtcConfirmation.given_by("assr-1", "Clear the DTCs of WA5EVSM0000000042")
            cleared = s.session.clear_dtcs(confirmation, step_id="ppe")
            assert cleared.diagnostic == "clear" and cleared.summary["results"] == {
                "obd_clear": "ok", "uds_clear": "ok"}
            note = s.act(cleared.action())
            assert "DTCs cleared with the assessor's confirmation (assr-1" in note.payload["text"]
            assert cleared.sha256 in note.payload["text"]
            assert ev.ecu.data.stored_dtcs == []
            after = s.session.take_snapshot("ppe", "after clearing")
            assert after.summary["dtcs"]["stored"] == []
            assert after.summary["hv_dtcs"] == ["P0AA6"]  # a permanent DTC stays until the ECU retests
        finally:
            s.session.stop()
            s.store.close()


CHILD = """
import sys, threading, time
from pathlib import Path
from assessor_app.devices.can import CanConfig, SimulatedEV
from assessor_app.devices.can_session import CanSession
from assessor_app.storage.store import AssessmentStore
data, assessment, channel = Path(sys.argv[1]), sys.argv[2], sys.argv[3]
SimulatedEV(channel, background_fps=2000).start()
store = AssessmentStore.open(data / "assessor.db")
session = CanSession(store, data, assessment, CanConfig("virtual", channel),
                     timeline_us=lambda: time.monotonic_ns() // 1000)
session.start()
step, tick = 0, threading.Event()
while True:
    tick.wait(0.2)
    step += 1
    session.mark_step(f"s{step}")
"""


@pytest.mark.slow
def test_after_a_kill_the_next_session_finishes_and_indexes_what_was_left_open(tmp_path: Path):
    mini = load_mini()
    store = AssessmentStore.open(tmp_path / "assessor.db")
    recorder = AssessmentRecorder.start(store, mini.checklist, mini.params, candidate=CANDIDATE,
                                        assessor=ASSESSOR, workshop=WORKSHOP, vehicle=VEHICLE)
    aid = recorder.assessment_id
    store.close()
    can_folder = tmp_path / "captures" / aid / "can"
    proc = subprocess.Popen([sys.executable, "-c", CHILD, str(tmp_path), aid, f"kill-{os.getpid()}"],
                            cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 30
        def written() -> tuple[int, int]:  # (segments closed, segments open)
            journal = read_journal(can_folder)
            closed = {r["path"] for r in journal if r["event"] == "segment_closed"}
            opened = {r["path"] for r in journal if r["event"] == "segment_opened"}
            return len(closed), len({p for p in opened if not any(c.endswith(p) for c in closed)})

        while written()[0] < 3 or written()[1] == 0:
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline, "the child closed no segments in time"
            time.sleep(0.02)  # polling a durable journal line, not waiting for a fixed time
        proc.send_signal(signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait(10)
    store = AssessmentStore.open(tmp_path / "assessor.db")
    recorder = AssessmentRecorder.open(store, aid)
    before = {f.name for f in CaptureIndex(store).files(aid, kind="can_log")}
    with SimulatedEV(f"ev-{uuid.uuid4().hex[:8]}", background_fps=500) as ev:
        session = CanSession(store, tmp_path, aid, CanConfig("virtual", ev.channel),
                             timeline_us=lambda: recorder.timeline.now().t_us)
        session.start()
        wait_until(lambda: session.stats().counters.frames > 10, what="frames in the new run")
        session.stop()
    journal = read_journal(can_folder)
    segments = {Path(r["path"]).name for r in journal
                if r["event"] in ("segment_closed", "segment_recovered")}
    logs = CaptureIndex(store).files(aid, kind="can_log")
    assert sorted(f.name for f in logs) == sorted(f"can/{name}" for name in segments)  # each once
    assert len(logs) > len(before) and any(f.meta["closed_because"] == "recovered" for f in logs)
    assert all(name.startswith("can01-") for name in (Path(n).name for n in before))
    assert any(Path(f.name).name.startswith("can02-") for f in logs)  # the new run: never over the old
    for f in logs:
        path = tmp_path / "captures" / aid / f.name
        assert hashlib.sha256(path.read_bytes()).hexdigest() == f.sha256
        assert len(list(can.BLFReader(str(path)))) == f.items
        assert f.t_start_us <= f.t_end_us
    assert any("left open by an interruption" in n for n in session.take_notices())
    recorder.act(RecordIdentityCheck("known_to_assessor"))
    recorder.act(SignOff("assessor", ASSESSOR.name))
    recorder.act(Finish())
    bundle = seal_assessment(store, aid, data_dir=tmp_path, assessor_id="assr-1", pin="1357")
    store.close()
    assert verify_bundle(bundle.path).ok


def test_the_record_shows_a_condition_not_met_and_diagnostics_not_available(tmp_path: Path):
    d = Driver(diagnostics_mini())
    d.passes("ppe")
    d.passes("plug")  # no adapter connected: not available, and the result says so
    d.passes("lock")
    d.advance(600)
    d.ok(RecordMeasurement("dead", "hv", 0.2, "V"))
    d.ok(condition("dead", "hv_bus_below_60v", False, HvBusVoltage=231.4))
    d.ok(RecordResult("dead", "fail", reason="HV bus still live"))
    record = assessment_record(d.engine, d.events)
    assert record["steps"]["plug"]["diagnostics"]["unavailable"] == {"snapshot": {
        "code": "engine.no_adapter", "args": {},
        "text": "no diagnostic adapter was connected to the assessment"}}
    assert record["steps"]["dead"]["diagnostics"]["records"][0]["met"] is False
    assert record["diagnostics_adapter"] is None
    path = tmp_path / "record.pdf"
    path.write_bytes(render_record(record, d.engine.spec, "en"))
    text = pdf_text(path)
    assert "Diagnostics not available (Diagnostic snapshot): no diagnostic adapter connected" in text
    assert "Signal check HV bus below 60 V: NOT MET (HvBusVoltage = 231.4 V)" in text
    assert "No diagnostic adapter was connected." in text
    path.write_bytes(render_record(record, d.engine.spec, "fi"))
    assert "Signaalitarkastus HV-väylän jännite alle 60 V: EI TÄYTTYNYT" in pdf_text(path)


# ------------------------------------------------------------------ the dead check on the vehicle's HV bus


def _to_the_dead_test(s: Setup, *readings: float) -> None:
    s.act(s.session.connected_action())
    for step in ("ppe", "plug", "lock"):
        s.act(RecordResult(step, "pass"))
    s.act(StartStep("dead"))
    s.session.mark_step("dead")
    for value in readings:
        s.act(RecordMeasurement("dead", "hv", value, "V"))


def _check_dead(s: Setup, wait_s: float = 10.0):
    """As the window and the demo check it: with this assessment's limit and the typed readings."""
    inputs = condition_inputs(s.recorder.engine.state, s.recorder.engine.spec.step("dead"))
    return s.session.check_condition("dead", "hv_bus_dead", wait_s=wait_s, limits=inputs.limits,
                                     readings=inputs.readings)


def _heard(s: Setup) -> None:
    wait_until(lambda: s.session.monitor.latest("HvBusVoltage") is not None, what="the HV status")


LIMIT = {"param": "dead_voltage_max", "value": 1.0, "unit": "V", "signal": "HvBusVoltage"}


def test_the_dead_check_judges_the_vehicles_hv_bus_against_the_dead_limit(tmp_path: Path):
    mini = dead_mini()
    with SimulatedEV(f"ev-{uuid.uuid4().hex[:8]}", tau_s=0.05, hv_period_s=0.02) as ev:
        s = _open(tmp_path, mini.checklist, mini.params, ev=ev, dbc_path=default_dbc())
        s.session.start()
        try:
            _to_the_dead_test(s, -0.3)
            ev.pull_service_plug()
            dead = _check_dead(s)
            summary = dead.summary
            assert (dead.met, summary["expression"], summary["limit"]) == (True, "HvBusVoltage <= 1", LIMIT)
            assert summary["readings"] == {"hv": 0.3} and summary["contradiction"] is None
            assert 0 <= summary["values"]["HvBusVoltage"]["value"] <= 1  # decayed, not cut
            written = json.loads((s.session.folder / dead.evidence).read_text(encoding="utf-8"))
            assert written["format"] == "assessor-app/condition-check/2" and written["summary"] == summary
            assert written["check"]["limits"] == {"dead_voltage_max": 1.0}
            s.act(dead.action())
            passed = s.act(RecordResult("dead", "pass"))
            assert "diagnostics_unavailable" not in passed.payload
        finally:
            s.session.stop()
            s.store.close()


def test_dead_readings_next_to_a_live_hv_bus_are_recorded_as_a_contradiction_and_refuse_the_pass(
        tmp_path: Path):
    mini = dead_mini()
    with SimulatedEV(f"ev-{uuid.uuid4().hex[:8]}", pack_voltage=56.1, hv_period_s=0.02) as ev:
        s = _open(tmp_path, mini.checklist, mini.params, ev=ev, dbc_path=default_dbc())
        s.session.start()
        try:
            _to_the_dead_test(s, 0.1)
            _heard(s)
            live = _check_dead(s, wait_s=0)
            assert live.met is False and live.summary["contradiction"] == {
                "readings": {"hv": 0.1}, "readings_say": "dead",
                "vehicle": {"signal": "HvBusVoltage", "value": 56.1}, "vehicle_says": "live",
                "unit": "V", "limit": {"param": "dead_voltage_max", "value": 1.0}}
            event = s.act(live.action())
            assert event.payload["summary"]["contradiction"] == live.summary["contradiction"]
            refusal = s.refused(RecordResult("dead", "pass"))
            assert (refusal.rule, refusal.reason) == ("contradiction", (
                "The typed readings say dead (HV+ to HV- 0.1 V) but the vehicle says live (HvBusVoltage = "
                "56.1 V; dead_voltage_max = 1 V): find out which is right and check again, or record a fail"))
            record = assessment_record(s.recorder.engine, s.store.events(s.recorder.assessment_id))
            [recorded] = record["steps"]["dead"]["diagnostics"]["records"]
            assert recorded["met"] is False
            assert recorded["summary"]["contradiction"]["vehicle"] == {"signal": "HvBusVoltage",
                                                                       "value": 56.1}
            assert recorded["summary"]["contradiction"]["readings"] == {"hv": 0.1}
        finally:
            s.session.stop()
            s.store.close()


def test_live_readings_next_to_a_dead_hv_bus_are_a_contradiction_the_other_way(tmp_path: Path):
    mini = dead_mini()
    with SimulatedEV(f"ev-{uuid.uuid4().hex[:8]}", tau_s=0.05, hv_period_s=0.02) as ev:
        s = _open(tmp_path, mini.checklist, mini.params, ev=ev, dbc_path=default_dbc())
        s.session.start()
        try:
            _to_the_dead_test(s, 230.0)
            ev.pull_service_plug()
            dead = _check_dead(s)
            found = dead.summary["contradiction"]
            assert dead.met is True and (found["readings_say"], found["vehicle_says"]) == ("live", "dead")
            assert found["readings"] == {"hv": 230.0} and found["vehicle"]["value"] <= 1
        finally:
            s.session.stop()
            s.store.close()


def test_with_its_12v_off_the_vehicle_is_silent_and_the_check_is_not_available_never_met(tmp_path: Path):
    mini = dead_mini()
    with SimulatedEV(f"ev-{uuid.uuid4().hex[:8]}", tau_s=0.05, hv_period_s=0.02) as ev:
        s = _open(tmp_path, mini.checklist, mini.params, ev=ev, dbc_path=default_dbc(),
                  condition_max_age_s=0.2, snapshot_timeout_s=0.05)
        s.session.start()
        try:
            _to_the_dead_test(s, 0.2)
            _heard(s)
            ev.disconnect_12v()  # the ECUs are unpowered; the HV bus decays unseen
            silent = _check_dead(s)
            assert (silent.met, silent.summary["reason"], silent.summary["values"]) == (
                None, "bus silent: 12 V off?", {})
            assert silent.summary["contradiction"] is None and silent.summary["missing"] == ["HvBusVoltage"]
            assert silent.summary["last_seen"]["HvBusVoltage"]["value"] == 396.0  # last heard, not now
            unanswered = s.session.take_snapshot("dead", "with the 12 V off")
            assert unanswered.summary["vin"] is None
            assert unanswered.summary["errors"][0].startswith("vin: timeout")
            s.act(silent.action())
            passed = s.act(RecordResult("dead", "pass"))
            assert passed.payload["diagnostics_unavailable"] == {"condition": "bus silent: 12 V off?"}

            ev.connect_12v()  # it talks again
            again = s.session.check_condition(None, "hv_bus_dead", wait_s=10,
                                              limits={"dead_voltage_max": 1.0})
            assert again.met is True and again.summary["values"]["HvBusVoltage"]["value"] <= 1
            back = s.session.take_snapshot(None, "12 V back").summary
            assert back["vin"] is None and back["vin_read"] is not None  # answered again, kept apart
        finally:
            s.session.stop()
            s.store.close()
