"""The scripted demo: a whole assessment through the real engine and store, no hardware.

Time is simulated (a manual clock) so that a 10-minute discharge wait takes no real time;
everything else, the rules, the store, the hash chain, is the product itself. With ``sync``
the sealed bundle is then delivered to a provider on loopback (see ``delivery``).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import (
    AddNote,
    Finish,
    Person,
    RecordAnswer,
    RecordConsent,
    RecordIdentityCheck,
    RecordMeasurement,
    RecordPhoto,
    RecordResult,
    RecordStepData,
    Refused,
    ScoreRubric,
    SignOff,
    StartStep,
    Vehicle,
    stepwork,
)
from assessor_app.core.events import verify_chain
from assessor_app.core.specs.library import Library
from assessor_app.demo.step_data import DEMO_INSTRUMENT, demo_values
from assessor_app.demo.vehicle import DemoVehicle
from assessor_app.devices.photos import PhotoDesk
from assessor_app.devices.video import SyntheticCamera
from assessor_app.devices.video_session import FollowingClock, VideoSession, export_step_clip
from assessor_app.evidence.anonymise import anonymise_bundle
from assessor_app.evidence.archive import write_archive
from assessor_app.evidence.sealing import seal_assessment
from assessor_app.evidence.verify import verify_bundle, verify_path
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

if TYPE_CHECKING:
    from assessor_app.demo.delivery import DemoDelivery

DEMO_VIN = "WVWZZZE1ZMP000042"
DEMO_PIN = "2468"  # the demo assessor's signing-key PIN
DEMO_AWARDING_BODY = "Demo Training Provider"  # its provider serves with --awarding-body this
#: The demo camera: small and slow enough that 37 simulated minutes record in seconds.
DEMO_CAMERA = (320, 240, 4.0)  # width, height, fps
DEMO_SEGMENT_SECONDS = 60.0


@dataclass
class DemoResult:
    assessment_id: str
    outcome: str | None
    reasons: list[str]
    database: Path
    events: int
    head_hash: str
    refusals: int
    bundle: Path | None = None
    archive: Path | None = None
    video_segments: int = 0
    video_seconds: float = 0.0
    clip: Path | None = None
    delivery: DemoDelivery | None = None  # the stored receipt, the stop and the resume
    can_segments: int = 0
    diagnostics: int = 0  # DTC snapshots and signal checks recorded
    anonymised: Path | None = None  # the package for moderators (identity withheld)
    photos: int = 0


def _value_in_range(low: float | None, high: float | None) -> float:
    if low is not None and high is not None:
        return round((low + high) / 2, 3)
    if high is not None:
        return round(high * 0.1, 3) if high > 0 else high
    if low is not None:
        return round(low * 2 if low > 0 else low + 1, 3)
    return 1.0


def run_demo(
    library: Library, data_dir: Path, *, checklist_id: str = "hv-isolation-series",
    parameter_set_id: str = "generic-400v", fail_step: str | None = None,
    say: Callable[[str], None] = print, video: bool = True, sync: bool = False, vehicle: bool = True,
) -> DemoResult:
    """Run a scripted assessment; with ``fail_step`` that step's measurement is out of range.

    ``sync`` delivers the sealed bundle to a provider that the demo runs and stops again. It is
    off unless asked for (``assessor demo --headless`` asks): a data folder enrolled with that
    provider would keep trying to reach it once the demo is over.
    """
    checklist = library.checklist(checklist_id)
    params = library.parameter_set(parameter_set_id)
    store = AssessmentStore.open(data_dir / "assessor.db")
    clock = ManualClock(wall_us=time.time_ns() // 1000)
    wv = params.params.working_voltage.value
    recorder = AssessmentRecorder.start(
        store, checklist, params,
        candidate=Person("learner-017", "Demo Learner"), assessor=Person("assessor-03", "Demo Assessor"),
        workshop=Person("ws-demo", "Demo Workshop"), vehicle=Vehicle(DEMO_VIN, "Demo EV", wv),
        workshop_country="FI", workshop_address="Korjaamotie 1, 00100 Helsinki",
        awarding_body=DEMO_AWARDING_BODY,
        clock=clock,
    )
    spec, engine = checklist.spec, recorder.engine
    recorder.act(AddNote("Demo run: simulated clock, vehicle and people"))
    recorder.act(RecordConsent("learner-017", video=True,
                               statement="Agreed to video recording as assessment evidence"))
    follow = FollowingClock(lambda: clock.monotonic_us() * 1000)
    session = None
    if video:
        width, height, fps = DEMO_CAMERA
        camera = SyntheticCamera(width, height, fps, clock=follow, identity="demo-camera")
        session = VideoSession(
            store, data_dir, recorder.assessment_id, camera, clock=follow,
            timeline_us=lambda: recorder.timeline.at(follow.monotonic_ns() // 1000),
            segment_seconds=DEMO_SEGMENT_SECONDS,
        )
        session.start(consent_given=bool(engine.state.consent and engine.state.consent["video"]))

    def tick(seconds: float) -> None:
        clock.advance(seconds)
        follow.lead_moved()
    say(f"Assessment {recorder.assessment_id}")
    say(f"  checklist {spec.id} {spec.version} (sha256 {checklist.sha256[:16]}...)")
    say(f"  parameters {params.params.id} {params.params.version}; vehicle {DEMO_VIN}, {wv:g} V")
    refusals = 0

    def clock_text() -> str:
        t = recorder.timeline.now().t_us // 1_000_000
        return f"{t // 3600:02d}:{t % 3600 // 60:02d}:{t % 60:02d}"

    def act(action: object, label: str) -> bool:
        nonlocal refusals
        while True:
            result = recorder.act(action)  # type: ignore[arg-type]
            if not isinstance(result, Refused):
                if car is not None:
                    car.after(result)
                if session is not None and "step" in result.payload:
                    session.mark_step(str(result.payload["step"]), result.t_us)
                return True
            refusals += 1
            say(f"  [{clock_text()}] {label}: refused - {result.reason}")
            if result.wait_s is None:
                return False
            tick(result.wait_s)

    car = DemoVehicle(store, data_dir, recorder, vin=DEMO_VIN) if vehicle else None
    if car is not None:
        act(car.start(), "diagnostics")
        say(f"  vehicle: the simulated EV on a virtual CAN bus, logged by {car.session.device}")
    try:
        stills = SyntheticCamera(*DEMO_CAMERA, identity="demo-camera")  # a still at its sensor size
        desk = PhotoDesk(store, data_dir, recorder.assessment_id, stills,
                         timeline_us=lambda: recorder.timeline.now().t_us)
        _walk(spec, engine, act, tick, say, clock_text, car, fail_step, desk)
    finally:
        can_segments = car.stop() if car is not None else 0
    if car is not None:
        say(f"  CAN log: {can_segments} segments; {car.snapshots} DTC snapshots and {car.checks} "
            f"signal checks recorded as evidence")
    for criterion in spec.rubric.criteria:
        act(ScoreRubric(criterion.id, spec.rubric.scale.max - 1), f"rubric {criterion.id}")
    act(RecordIdentityCheck("known_to_assessor"), "identity check")
    act(SignOff("assessor", "Demo Assessor", "I observed this assessment."), "sign-off")
    if "candidate" in spec.signoffs:
        act(SignOff("candidate", "Demo Learner", "I did this assessment myself."), "candidate sign-off")
    act(Finish(), "finish")
    segments, seconds, clip = 0, 0.0, None
    if session is not None:
        deadline = time.monotonic() + 300
        while not follow.caught_up() and time.monotonic() < deadline:
            time.sleep(0.02)  # the camera thread is encoding the last stretch
        session.request_stop()
        follow.release()
        session.stop()
        status = session.status()
        segments, seconds = status.segments, status.duration_s
        say(f"  video: {segments} segments, {seconds:.0f} s, {status.bytes_written / 1e6:.1f} MB, "
            f"{status.frames_dropped} frames dropped; in {session.folder / 'video'}")
        clip_step = fail_step or next((s.id for s in spec.steps if s.measurements), spec.steps[0].id)
        clip = export_step_clip(store, data_dir, recorder.assessment_id, clip_step,
                                data_dir / "clips" / f"{recorder.assessment_id}-step-{clip_step}.ts").path
        say(f"  clip of step {clip_step}: {clip}")
    events = store.events(recorder.assessment_id)
    head = verify_chain(events)
    AssessmentRecorder.open(store, recorder.assessment_id)  # replay proves every decision
    summary = store.summary(recorder.assessment_id)
    finished = events[-1].payload if events[-1].kind == "assessment_finished" else {}
    bundle = seal_assessment(
        store, recorder.assessment_id, data_dir=data_dir, assessor_id="assessor-03", pin=DEMO_PIN,
    )
    verified = verify_bundle(bundle.path)
    for line in verified.proved:
        say(f"  verified: {line}")
    for problem in verified.problems:
        say(f"  NOT VERIFIED: {problem}")
    archive = write_archive(bundle.path, data_dir / "bundles" / f"{bundle.bundle_id}.tar")
    archived = verify_path(archive)
    say(f"  archive {archive.name}: " + ("verified the same way" if archived.ok else
                                         "NOT VERIFIED: " + "; ".join(archived.problems)))
    # the package for moderators: the same sealed evidence without identity/ (names, VIN, full PDFs)
    anonymised = anonymise_bundle(bundle.path, data_dir / "anonymised")
    checked = "verified" if anonymised.verification.ok else "NOT VERIFIED"
    say(f"  full package: identity: {verified.identity}; for moderators: {anonymised.path} (identity: "
        f"{anonymised.verification.identity}, {checked})")
    delivery = None
    try:
        if sync:
            from assessor_app.demo.delivery import deliver_demo_bundle

            say("Delivery to the training provider")
            delivery = deliver_demo_bundle(store, data_dir, bundle_id=bundle.bundle_id,
                                           manifest_sha256=bundle.manifest_sha256, archive=archive,
                                           assessor=("assessor-03", "Demo Assessor"), pin=DEMO_PIN, say=say)
    finally:
        store.close()
    return DemoResult(
        recorder.assessment_id, summary.outcome, list(finished.get("reasons", [])),
        data_dir / "assessor.db", len(events), head, refusals, bundle.path, archive,
        segments, seconds, clip, delivery, can_segments, car.snapshots + car.checks if car else 0,
        anonymised.path, len(desk.photos()),
    )


def _walk(spec: Any, engine: Any, act: Callable[[object, str], bool], tick: Callable[[float], None],
          say: Callable[[str], None], clock_text: Callable[[], str], car: DemoVehicle | None,
          fail_step: str | None, photos: PhotoDesk | None = None) -> None:
    """Every step as a trainer would record it: start, data, photos, readings, diagnostics, result."""
    for step in spec.steps:
        if engine.state.phase != "in_progress":
            break
        title = step.title.get_text("en")
        tick(45)
        act(StartStep(step.id), f"{step.id} {title}")
        # a step that checks the car's signals is done on the car, not skipped as N/A
        if step.na_allowed and not (car is not None and step.diagnostics is not None):
            act(RecordResult(step.id, "na", reason="Not applicable on this vehicle type"),
                f"{step.id} {title}")
            say(f"  [{clock_text()}] {step.id} {title}: N/A")
            continue
        if step.fields:
            values = demo_values(step, engine, stepwork.wall_date(engine.state, engine.state.last_t_us))
            act(RecordStepData(step.id, values), f"{step.id} {title}")
            say(f"  [{clock_text()}] {step.id} recorded " + ", ".join(f"{k} {v}" for k, v in values.items()))
        if photos is not None and "photo" in step.evidence:
            photo = photos.take(step.id)
            act(RecordPhoto(**photo.record_fields()), f"{step.id} photo")
            say(f"  [{clock_text()}] {step.id} photo {photo.evidence} ({photo.width}x{photo.height})")
        for m in step.measurements:
            value = _demo_value(engine.bounds(m), fail=step.id == fail_step)
            instrument = DEMO_INSTRUMENT if m.instrument else (None, None)
            tick(20)
            act(RecordMeasurement(step.id, m.id, value, m.unit, *instrument), f"{step.id} {title}")
            say(f"  [{clock_text()}] {step.id} measured {m.label.get_text('en')}: {value:g} {m.unit}")
        for q in step.questions:
            act(RecordAnswer(step.id, q.id, "answered in the learner's own words", True), f"{step.id} oral")
        if car is not None and step.diagnostics is not None and step.id != fail_step:
            car.diagnose(step, act, say)
        tick(30)
        if step.id == fail_step and step.hazard is not None:
            act(RecordResult(step.id, "hazard", reason="Demo: found at this step; vehicle made safe, "
                             "quarantined and escalated"), f"{step.id} {title}")
            say(f"  [{clock_text()}] {step.id} {title}: HAZARD FOUND, stopped safely")
            act(AddNote(f"Demo: hazard at step {step.id} on purpose", step.id), "note")
        elif step.id == fail_step:
            act(RecordResult(step.id, "fail", reason="Out of range in the demo"), f"{step.id} {title}")
            say(f"  [{clock_text()}] {step.id} {title}: FAIL ({step.risk})")
            act(AddNote(f"Demo: step {step.id} failed on purpose", step.id), "note")
        elif act(RecordResult(step.id, "pass"), f"{step.id} {title}"):
            say(f"  [{clock_text()}] {step.id} {title}: pass")


def _demo_value(bounds: tuple[float | None, float | None], fail: bool) -> float:
    low, high = bounds
    if not fail:
        return _value_in_range(low, high)
    if high is not None:
        return round(high * 100 + 1, 3)
    return round((low or 1) / 100, 6)
