"""One assessment of the provider demo's cohort, recorded as the scripted demo records one.

The same engine, store, simulated vehicle (on the assessment's clock), synthetic camera and seal
as ``assessor demo``; what differs is the script (``cohort.Plan``): the people, the workshop, the
vehicle, the date, and what goes wrong: a reading out of range (a hazard stop where the step
declares a hazard, else a failure), a result recorded as a fail by mistake and corrected with the
reason, or the camera unavailable for two minutes (a capture gap). A workstation's assessments
run in order in one process (a battery diagnosis needs the candidate's isolation there first);
the provider demo builds the workstations side by side (``build_workstation``).
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import (
    AddNote,
    CorrectResult,
    Finish,
    Person,
    RecordConsent,
    RecordIdentityCheck,
    RecordResult,
    Refused,
    ScoreRubric,
    SignOff,
    Vehicle,
)
from assessor_app.core.specs.library import Library, load_library
from assessor_app.core.specs.loader import LoadedChecklist, LoadedParameterSet
from assessor_app.demo import cohort_messages as c_
from assessor_app.demo import messages as m_
from assessor_app.demo.assessment import DEMO_AWARDING_BODY, DEMO_PIN, _Teller, _walk
from assessor_app.demo.cohort import Plan
from assessor_app.demo.vehicle import DemoVehicle
from assessor_app.devices.photos import PhotoDesk
from assessor_app.devices.video import SyntheticCamera
from assessor_app.devices.video_session import FollowingClock, VideoSession
from assessor_app.evidence.sealing import seal_assessment
from assessor_app.i18n import Msg, render
from assessor_app.paths import checklists_dir
from assessor_app.storage.captures import CaptureIndex
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

#: the cohort's camera: small and slow, so that eight hours of assessments record in a minute
COHORT_CAMERA = (320, 240, 1.0)
BUILT_FILE = "cohort-built.txt"  # in a workstation folder: its assessments are all recorded and sealed


@dataclass(frozen=True)
class Recorded:
    number: int
    assessment_id: str
    checklist: str
    kind: str
    outcome: str | None
    corrections: int
    gaps: int
    can_segments: int


def record(library: Library, data_dir: Path, plan: Plan, *, video: bool = True) -> Recorded:
    """Record and seal ``plan`` in the workstation ``data_dir``."""
    lang = plan.assessor.language
    checklist = library.checklist(plan.checklist)
    params = library.parameter_set(plan.parameters)
    store = AssessmentStore.open(data_dir / "assessor.db")
    try:
        return _record(store, data_dir, plan, checklist, params, lang, video)
    finally:
        store.close()


def _record(
    store: AssessmentStore,
    data_dir: Path,
    plan: Plan,
    checklist: LoadedChecklist,
    params: LoadedParameterSet,
    lang: str,
    video: bool,
) -> Recorded:
    clock = ManualClock(wall_us=plan.start_wall_us)
    wv = params.params.working_voltage.value
    candidate = Person(*plan.candidate)
    assessor = Person(plan.assessor.id, plan.assessor.name)
    recorder = AssessmentRecorder.start(
        store,
        checklist,
        params,
        candidate=candidate,
        assessor=assessor,
        workshop=Person(plan.workshop.id, plan.workshop.name),
        vehicle=Vehicle(plan.vin, plan.vehicle, wv),
        workshop_country=plan.workshop.country,
        workshop_address=plan.workshop.address,
        awarding_body=DEMO_AWARDING_BODY,
        clock=clock,
    )
    engine = recorder.engine
    spec = engine.spec

    def words(msg: Msg) -> str:
        return render(msg, lang)

    recorder.act(AddNote(words(c_.NOTE_START(checklist=plan.checklist))))
    recorder.act(RecordConsent(candidate.id, video=True, statement=words(m_.CONSENT())))
    follow = FollowingClock(lambda: clock.monotonic_us() * 1000)
    session = None
    if video:
        width, height, fps = COHORT_CAMERA
        camera = SyntheticCamera(
            width,
            height,
            fps,
            clock=follow,
            identity="workshop-camera",
            unplugged=[plan.camera_gap] if plan.camera_gap else (),
        )
        session = VideoSession(
            store,
            data_dir,
            recorder.assessment_id,
            camera,
            clock=follow,
            timeline_us=lambda: recorder.timeline.at(follow.monotonic_ns() // 1000),
            segment_seconds=60.0,
        )
        session.start(consent_given=True)

    def tick(seconds: float) -> None:
        clock.advance(seconds)
        follow.lead_moved()

    car: DemoVehicle | None = None
    corrections = 0

    def act(action: object, label: Msg | str) -> bool:
        nonlocal corrections
        if (
            plan.corrected_step
            and isinstance(action, RecordResult)
            and action.step == plan.corrected_step
            and action.result == "pass"
        ):
            # the trainer presses Fail, meaning Pass, and corrects it half a minute later
            if not act(RecordResult(action.step, "fail", reason=words(c_.MISTAKEN_FAIL())), label):
                return False
            tick(30)
            done = act(CorrectResult(action.step, "pass", words(c_.CORRECTION_REASON())), label)
            corrections += int(done)
            return done
        while True:
            result = recorder.act(action)  # type: ignore[arg-type]
            if not isinstance(result, Refused):
                if car is not None:
                    car.after(result)
                if session is not None and "step" in result.payload:
                    session.mark_step(str(result.payload["step"]), result.t_us)
                return True
            if result.wait_s is None:
                return False
            tick(result.wait_s)

    car = DemoVehicle(store, data_dir, recorder, vin=plan.vin, language=lang, clock=clock)
    act(car.start(), m_.ACTION_DIAGNOSTICS())
    try:
        stills = SyntheticCamera(*COHORT_CAMERA, identity="workshop-camera")
        desk = PhotoDesk(
            store, data_dir, recorder.assessment_id, stills, timeline_us=lambda: recorder.timeline.now().t_us
        )
        _walk(
            spec, engine, act, tick, _Teller(lambda _line: None, lambda: "", lang), car, plan.fail_step, desk
        )
    finally:
        can_segments = car.stop()
    for criterion in spec.rubric.criteria:
        act(
            ScoreRubric(criterion.id, spec.rubric.scale.max - (2 if plan.fail_step else 1)),
            m_.ACTION_RUBRIC(criterion=criterion.id),
        )
    act(RecordIdentityCheck("known_to_assessor"), m_.ACTION_IDENTITY())
    act(SignOff("assessor", assessor.name, words(m_.ASSESSOR_STATEMENT())), m_.ACTION_SIGNOFF())
    if "candidate" in spec.signoffs:
        act(
            SignOff("candidate", candidate.name, words(m_.CANDIDATE_STATEMENT())),
            m_.ACTION_CANDIDATE_SIGNOFF(),
        )
    act(Finish(), m_.ACTION_FINISH())
    if session is not None:
        _finish_video(session, follow)
    gaps = len(store_gaps(store, recorder.assessment_id))
    seal_assessment(
        store, recorder.assessment_id, data_dir=data_dir, assessor_id=plan.assessor.id, pin=DEMO_PIN
    )
    summary = store.summary(recorder.assessment_id)
    return Recorded(
        plan.number,
        recorder.assessment_id,
        plan.checklist,
        plan.kind,
        summary.outcome,
        corrections,
        gaps,
        can_segments,
    )


def _finish_video(session: VideoSession, follow: FollowingClock) -> None:
    deadline = time.monotonic() + 300
    while not follow.caught_up() and time.monotonic() < deadline:
        time.sleep(0.02)  # the camera thread is encoding the last stretch
    session.request_stop()
    follow.release()
    session.stop()


def store_gaps(store: AssessmentStore, assessment_id: str) -> list[object]:
    return list(CaptureIndex(store).gaps(assessment_id))


def build_workstation(
    data_dir: Path, plans: list[Plan], video: bool = True, say: Callable[[str], None] | None = None
) -> list[Recorded]:
    """Record a workstation's assessments in order (a process of its own may call this)."""
    library = load_library(checklists_dir())
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    logger = logging.getLogger("assessor_app")
    if not logger.handlers:  # a process of its own: what the devices report goes to the workstation's log
        handler = logging.FileHandler(data_dir / "workstation.log", encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        logger.addHandler(handler)
        logger.propagate = False
    done = []
    for plan in plans:
        done.append(record(library, data_dir, plan, video=video))
        if say is not None:
            say(f"{plan.workstation}: {plan.number} {plan.checklist} {plan.kind}: {done[-1].outcome}")
    (data_dir / BUILT_FILE).write_text("".join(f"{r.assessment_id}\n" for r in done), encoding="utf-8")
    return done
