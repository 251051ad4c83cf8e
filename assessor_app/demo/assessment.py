"""The scripted demo: a whole assessment through the real engine and store, no hardware.

Time is simulated (a manual clock) so that a 10-minute discharge wait takes no real time;
everything else, the rules, the store, the hash chain, is the product itself. With ``sync``
the sealed bundle is then delivered to a provider on loopback (see ``delivery``).
"""

from __future__ import annotations

import datetime as dt
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
from assessor_app.core.specs.models import Step
from assessor_app.core.terms import term
from assessor_app.demo import messages as m_
from assessor_app.demo.step_data import DEMO_INSTRUMENT, demo_values
from assessor_app.demo.vehicle import DemoVehicle
from assessor_app.devices.photos import PhotoDesk
from assessor_app.devices.video import SyntheticCamera
from assessor_app.devices.video_session import FollowingClock, VideoSession, export_step_clip
from assessor_app.evidence.anonymise import anonymise_bundle
from assessor_app.evidence.archive import write_archive
from assessor_app.evidence.sealing import seal_assessment
from assessor_app.evidence.verify import IDENTITY, finding_text, verify_bundle, verify_path
from assessor_app.i18n import Msg, format_date, format_quantity, render
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


def _identity_word(state: str | None) -> Msg | str:
    word = IDENTITY.get(state or "")
    return word() if word is not None else str(state)


def run_demo(
    library: Library, data_dir: Path, *, checklist_id: str = "hv-isolation-series",
    parameter_set_id: str = "generic-400v", fail_step: str | None = None,
    say: Callable[[str], None] = print, video: bool = True, sync: bool = False, vehicle: bool = True,
    language: str = "en",
) -> DemoResult:
    """Run a scripted assessment; with ``fail_step`` that step's measurement is out of range.

    ``sync`` delivers the sealed bundle to a provider that the demo runs and stops again. It is
    off unless asked for (``assessor demo --headless`` asks): a data folder enrolled with that
    provider would keep trying to reach it once the demo is over. The run is told (``say``) in
    ``language``, and the demo's people type their notes and statements in it.
    """
    def words(msg: Msg) -> str:
        return render(msg, language)

    def line(msg: Msg, indent: str = "  ") -> None:
        say(indent + render(msg, language))
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
    recorder.act(AddNote(words(m_.NOTE_START())))
    recorder.act(RecordConsent("learner-017", video=True, statement=words(m_.CONSENT())))
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
    line(m_.ASSESSMENT(id=recorder.assessment_id), "")
    line(m_.CHECKLIST(checklist=spec.id, version=spec.version, sha256=checklist.sha256[:16]))
    line(m_.PARAMETERS(parameters=params.params.id, version=params.params.version, vin=DEMO_VIN,
                       voltage=format_quantity(wv, "V", language)))
    refusals = 0

    def clock_text() -> str:
        t = recorder.timeline.now().t_us // 1_000_000
        return f"{t // 3600:02d}:{t % 3600 // 60:02d}:{t % 60:02d}"

    def act(action: object, label: Msg | str) -> bool:
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
            line(m_.REFUSED(action=label, reason=result.message), f"  [{clock_text()}] ")
            if result.wait_s is None:
                return False
            tick(result.wait_s)

    car = (DemoVehicle(store, data_dir, recorder, vin=DEMO_VIN, language=language, clock=clock)
           if vehicle else None)
    if car is not None:
        act(car.start(), m_.ACTION_DIAGNOSTICS())
        line(m_.VEHICLE(device=car.device_name()))
    try:
        stills = SyntheticCamera(*DEMO_CAMERA, identity="demo-camera")  # a still at its sensor size
        desk = PhotoDesk(store, data_dir, recorder.assessment_id, stills,
                         timeline_us=lambda: recorder.timeline.now().t_us)
        _walk(spec, engine, act, tick, _Teller(say, clock_text, language), car, fail_step, desk)
    finally:
        can_segments = car.stop() if car is not None else 0
    if car is not None:
        line(m_.CAN_LOG(segments=m_.SEGMENTS(n=can_segments), snapshots=m_.SNAPSHOTS(n=car.snapshots),
                        checks=m_.CHECKS(n=car.checks)))
    for criterion in spec.rubric.criteria:
        act(ScoreRubric(criterion.id, spec.rubric.scale.max - 1), m_.ACTION_RUBRIC(criterion=criterion.id))
    act(RecordIdentityCheck("known_to_assessor"), m_.ACTION_IDENTITY())
    act(SignOff("assessor", "Demo Assessor", words(m_.ASSESSOR_STATEMENT())), m_.ACTION_SIGNOFF())
    if "candidate" in spec.signoffs:
        act(SignOff("candidate", "Demo Learner", words(m_.CANDIDATE_STATEMENT())),
            m_.ACTION_CANDIDATE_SIGNOFF())
    act(Finish(), m_.ACTION_FINISH())
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
        line(m_.VIDEO(segments=m_.SEGMENTS(n=segments), duration_s=seconds,
                      size=format_quantity(status.bytes_written / 1e6, "MB", language, decimals=1),
                      dropped=m_.FRAMES_DROPPED(n=status.frames_dropped),
                      folder=str(session.folder / "video")))
        clip_step = fail_step or next((s.id for s in spec.steps if s.measurements), spec.steps[0].id)
        clip = export_step_clip(store, data_dir, recorder.assessment_id, clip_step,
                                data_dir / "clips" / f"{recorder.assessment_id}-step-{clip_step}.ts").path
        line(m_.CLIP(step=clip_step, path=str(clip)))
    events = store.events(recorder.assessment_id)
    head = verify_chain(events)
    AssessmentRecorder.open(store, recorder.assessment_id)  # replay proves every decision
    summary = store.summary(recorder.assessment_id)
    finished = events[-1].payload if events[-1].kind == "assessment_finished" else {}
    bundle = seal_assessment(
        store, recorder.assessment_id, data_dir=data_dir, assessor_id="assessor-03", pin=DEMO_PIN,
    )
    verified = verify_bundle(bundle.path)
    for finding in verified.proved:
        line(m_.VERIFIED_LINE(finding=finding_text(finding, language)))
    for problem in verified.problems:
        line(m_.NOT_VERIFIED_LINE(problem=finding_text(problem, language)))
    archive = write_archive(bundle.path, data_dir / "bundles" / f"{bundle.bundle_id}.tar")
    archived = verify_path(archive)
    line(m_.ARCHIVE_VERIFIED(name=archive.name) if archived.ok else m_.ARCHIVE_NOT_VERIFIED(
        name=archive.name, problems="; ".join(finding_text(p, language) for p in archived.problems)))
    # the package for moderators: the same sealed evidence without identity/ (names, VIN, full PDFs)
    anonymised = anonymise_bundle(bundle.path, data_dir / "anonymised")
    line(m_.PACKAGES(identity=_identity_word(verified.identity), path=str(anonymised.path),
                     moderators_identity=_identity_word(anonymised.verification.identity),
                     checked=m_.VERIFIED() if anonymised.verification.ok else m_.NOT_VERIFIED()))
    delivery = None
    try:
        if sync:
            from assessor_app.demo.delivery import deliver_demo_bundle

            line(m_.DELIVERY(), "")
            delivery = deliver_demo_bundle(store, data_dir, bundle_id=bundle.bundle_id,
                                           manifest_sha256=bundle.manifest_sha256, archive=archive,
                                           assessor=("assessor-03", "Demo Assessor"), pin=DEMO_PIN, say=say,
                                           language=language)
    finally:
        store.close()
    return DemoResult(
        recorder.assessment_id, summary.outcome, list(finished.get("reasons", [])),
        data_dir / "assessor.db", len(events), head, refusals, bundle.path, archive,
        segments, seconds, clip, delivery, can_segments, car.snapshots + car.checks if car else 0,
        anonymised.path, len(desk.photos()),
    )


def _symbol(unit: str | None) -> str:
    """The unit written after a number: none for a count (3 locks, not "3 count")."""
    return "" if unit in (None, "count") else str(unit)


@dataclass(frozen=True)
class _Teller:
    """Tells the run in the demo's language: a line at the simulated time, values written as its readers
    write them."""

    say: Callable[[str], None]
    clock_text: Callable[[], str]
    language: str

    def __call__(self, msg: Msg) -> None:
        self.say(f"  [{self.clock_text()}] {render(msg, self.language)}")

    def detail(self, msg: Msg) -> None:
        """A line under the step's line (what the vehicle said)."""
        self.say(f"      {render(msg, self.language)}")

    def words(self, msg: Msg) -> str:
        return render(msg, self.language)

    def field_value(self, step: Step, field_id: str, value: Any) -> Msg:
        field = next(f for f in step.fields if f.id == field_id)
        shown: Msg | str
        if isinstance(value, bool):
            shown = m_.YES() if value else m_.NO()
        elif field.type == "choice":
            shown = next((o.label.get_text(self.language) for o in field.options if o.value == value),
                         str(value))
        elif field.type == "number" and isinstance(value, (int, float)):
            shown = format_quantity(value, _symbol(field.unit), self.language)
        elif field.type == "date" and isinstance(value, str):
            shown = format_date(dt.date.fromisoformat(value), self.language)
        else:
            shown = str(value)
        return m_.FIELD_VALUE(label=field.label, value=shown)


def _walk(spec: Any, engine: Any, act: Callable[[object, Msg | str], bool], tick: Callable[[float], None],
          tell: _Teller, car: DemoVehicle | None, fail_step: str | None,
          photos: PhotoDesk | None = None) -> None:
    """Every step as a trainer would record it: start, data, photos, readings, diagnostics, result."""
    lang = tell.language
    for step in spec.steps:
        if engine.state.phase != "in_progress":
            break
        title = step.title.get_text(lang)
        label = f"{step.id} {title}"
        tick(45)
        act(StartStep(step.id), label)
        # a step that checks the car's signals is done on the car, not skipped as N/A
        if step.na_allowed and not (car is not None and step.diagnostics is not None):
            act(RecordResult(step.id, "na", reason=tell.words(m_.NA_REASON())), label)
            tell(m_.STEP_NA(step=step.id, title=title))
            continue
        if step.fields:
            values = demo_values(step, engine, stepwork.wall_date(engine.state, engine.state.last_t_us), lang)
            act(RecordStepData(step.id, values), label)
            shown = "; ".join(tell.words(tell.field_value(step, k, v)) for k, v in values.items())
            tell(m_.RECORDED(step=step.id, values=shown))
        if photos is not None and "photo" in step.evidence:
            photo = photos.take(step.id)
            act(RecordPhoto(**photo.record_fields()), m_.ACTION_PHOTO(step=step.id))
            tell(m_.PHOTO(step=step.id, file=photo.evidence, width=photo.width, height=photo.height))
        for m in step.measurements:
            value = _demo_value(engine.bounds(m), fail=step.id == fail_step)
            instrument = DEMO_INSTRUMENT if m.instrument else (None, None)
            tick(20)
            act(RecordMeasurement(step.id, m.id, value, m.unit, *instrument), label)
            reading = format_quantity(value, _symbol(m.unit), lang)
            tell(m_.MEASURED(step=step.id, label=m.label, value=reading))
        for q in step.questions:
            act(RecordAnswer(step.id, q.id, tell.words(m_.ANSWER()), True), m_.ACTION_ORAL(step=step.id))
        if car is not None and step.diagnostics is not None and step.id != fail_step:
            car.diagnose(step, act, tell.detail)
        tick(30)
        if step.id == fail_step and step.hazard is not None:
            act(RecordResult(step.id, "hazard", reason=tell.words(m_.HAZARD_REASON())), label)
            tell(m_.STEP_HAZARD(step=step.id, title=title))
            act(AddNote(tell.words(m_.HAZARD_NOTE(step=step.id)), step.id), m_.ACTION_NOTE())
        elif step.id == fail_step:
            act(RecordResult(step.id, "fail", reason=tell.words(m_.FAIL_REASON())), label)
            tell(m_.STEP_FAIL(step=step.id, title=title, risk=term(step.risk) or step.risk))
            act(AddNote(tell.words(m_.FAIL_NOTE(step=step.id)), step.id), m_.ACTION_NOTE())
        elif act(RecordResult(step.id, "pass"), label):
            tell(m_.STEP_PASS(step=step.id, title=title))


def _demo_value(bounds: tuple[float | None, float | None], fail: bool) -> float:
    low, high = bounds
    if not fail:
        return _value_in_range(low, high)
    if high is not None:
        return round(high * 100 + 1, 3)
    return round((low or 1) / 100, 6)
