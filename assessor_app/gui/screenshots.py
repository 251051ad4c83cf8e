"""PNGs of the main screens, for review: ``python -m assessor_app.gui.screenshots OUTDIR``.

Offscreen, at 1280x800 unless ``--size`` says otherwise (``--size 1366x768``, the smallest
laptop screen in workshops), in the light theme unless ``--theme dark``, in a temporary data
folder that is deleted afterwards. The state shown
is recorded through the app's own code paths, never faked:

- two finished assessments from the headless demo (``run_demo``: one competent, one with a live
  reading at the dead test), and one HV isolation assessment recorded with the app's recorder on
  a simulated clock up to the end of the discharge wait (as if the trainer had paused it);
- then, through the window: a new assessment entered in the form and started, steps 01-09
  passed with their data (PPE, test equipment, lock-out), step 04 shown with its PPE data (one
  check failed, then corrected) and two photos (one from the recording camera, one imported
  from a file), step 10 selected while the discharge wait counts down; its review with step 05's
  pass corrected to a fail (the reason given); the paused assessment
  resumed from the home list, the tester proved (in range, with its instrument), a live
  reading at the dead test (out of range: the step is locked into its hazard stop), the hazard
  stop recorded (stopped safely); its review with two rubric scores, then with the identity
  check and the assessor's and the candidate's sign-offs; the home list; the settings; the moderation
  feedback a sync stored about the competent demo assessment (overturned, two steps disagreed); the
  new assessment again with battery diagnostics, gated by HV isolation: for a learner whose credential
  is in the provider's eligibility list a sync stored (met, by that credential), then for one without
  (Start refused, naming the prerequisite, the candidate and when the list was received).

Every wait is for a condition (no background operation pending, a step's status), never a
fixed sleep. The window is closed at the end, which stops its worker threads; the exit status
is 0 only if all the PNGs were written and no thread was left running.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import cv2
import numpy as np
from PySide6.QtCore import QEvent, QEventLoop, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import (
    AddNote,
    Person,
    RecordConsent,
    RecordResult,
    RecordStepData,
    Refused,
    StartStep,
    Vehicle,
    stepwork,
)
from assessor_app.core.specs.library import Library, load_library
from assessor_app.demo import run_demo
from assessor_app.demo.eligibility import DEMO_HOLDER, store_demo_eligibility
from assessor_app.demo.moderation_feedback import store_demo_feedback
from assessor_app.demo.step_data import DEMO_INSTRUMENT, demo_values
from assessor_app.gui.main_window import MainWindow
from assessor_app.gui.pages.field_inputs import YesNo
from assessor_app.gui.pages.run import RunPage
from assessor_app.gui.theme import apply_theme
from assessor_app.gui.translator import install_translations, remove_translations
from assessor_app.paths import DATA_DIR_ENV, checklists_dir, database_path
from assessor_app.settings import LANGUAGES, THEMES, Settings, save_settings
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.assessors import AssessorBinding

WIDTH, HEIGHT = 1280, 800
HV = "hv-isolation-series"
GATED = "hv-battery-diagnostics"  # its prerequisite: HV isolation
PARAMS = "generic-400v"  # the shipped generic set: a real 10-minute discharge wait
SHOTS = (
    "01-home.png", "02-new-assessment.png", "03-run-discharge-wait.png",
    "04-run-hazard-stop.png", "05-review.png", "06-settings.png", "07-settings-provider.png",
    "08-run-step-data-photos.png", "09-review-identity-signoffs.png", "10-review-correction.png",
    "11-moderation-feedback.png", "12-new-assessment-gate-met.png", "13-new-assessment-gate-refused.png",
)
TIMEOUT_S = 15.0


class ScreenshotError(RuntimeError):
    """The window did not reach the state a screenshot is meant to show."""


# --------------------------------------------------------------------------- seeding (no window)
def seed_paused_assessment(library: Library, folder: Path, language: str) -> str:
    """An HV isolation assessment recorded up to step 10 (the discharge wait is over).

    Recorded by the app's recorder on a simulated clock that ends about an hour ago, so that
    opening it in the window resumes it (with a ``session_resumed`` event for the gap) at the
    tester-proving step, as after a break.
    """
    checklist, params = library.checklist(HV), library.parameter_set(PARAMS)
    store = AssessmentStore.open(database_path(folder))
    try:
        clock = ManualClock(wall_us=time.time_ns() // 1000 - 90 * 60 * 1_000_000)
        recorder = AssessmentRecorder.start(
            store, checklist, params,
            candidate=Person("L-022", "Noa Nieminen"), assessor=Person("assessor-03", "Ari Assessor"),
            workshop=Person("garage-nord", "Garage Nord"),
            vehicle=Vehicle("KNAC381DFN5000123", "", params.params.working_voltage.value),
            clock=clock, language=language, workshop_country="FI",
        )

        def act(action: object) -> None:
            clock.advance(40)
            result = recorder.act(action, language)  # type: ignore[arg-type]
            if isinstance(result, Refused) and result.wait_s is not None:
                clock.advance(result.wait_s + 5)  # the discharge wait, in simulated time
                result = recorder.act(action, language)  # type: ignore[arg-type]
            if isinstance(result, Refused):
                raise ScreenshotError(f"seeding: {action} refused: {result.reason}")

        act(RecordConsent("L-022", False, "Consent to video recording asked before any recording."))
        engine = recorder.engine
        for step in checklist.spec.steps[:10]:  # 01 .. 10
            act(StartStep(step.id))
            if step.fields:
                act(RecordStepData(step.id, demo_values(step, engine, stepwork.wall_date(
                    engine.state, engine.state.last_t_us))))
            act(RecordResult(step.id, "pass"))
        act(AddNote("Break before the live-dead-live test; plug in the learner's pocket.", "10"))
        return recorder.assessment_id
    finally:
        store.close()


# --------------------------------------------------------------------------- waiting, grabbing
class Session:
    """The window and the helpers that drive it, wait for it and photograph it."""

    def __init__(self, window: MainWindow, outdir: Path,
                 inspect: Callable[[str, QWidget], None] | None = None):
        self.window = window
        self.outdir = outdir
        self.inspect = inspect
        self.failures: list[BaseException] = []
        # An operation that fails would open a modal message box, which nothing would close
        # offscreen: collect the error instead and stop with it.
        window.report = self.failures.append  # type: ignore[method-assign]
        self.written: list[Path] = []

    def wait_until(self, predicate: Callable[[], bool], what: str, timeout_s: float = TIMEOUT_S) -> None:
        """Run the event loop until ``predicate()`` holds (checked every few ms), or fail."""
        deadline = time.monotonic() + timeout_s
        loop = QEventLoop()
        poll = QTimer()
        poll.setInterval(5)

        def check() -> None:
            if self.failures or predicate() or time.monotonic() > deadline:
                loop.quit()

        poll.timeout.connect(check)
        if not (self.failures or predicate()):
            poll.start()
            loop.exec()
            poll.stop()
        if self.failures:
            raise ScreenshotError(f"while waiting for {what}: {self.failures[0]!r}") from self.failures[0]
        if not predicate():
            raise ScreenshotError(f"timed out after {timeout_s:g} s waiting for {what}")

    def idle(self, what: str = "the background operations") -> None:
        self.wait_until(lambda: self.window.tasks.pending == 0, what)

    def shoot(self, name: str, page: QWidget) -> Path:
        w = self.window
        if w.stack.currentWidget() is not page:
            raise ScreenshotError(f"{name}: the window shows {type(w.stack.currentWidget()).__name__}")
        self.idle(f"{name}: the background operations")
        for _ in range(3):  # layout requests, deferred deletions of replaced widgets, repaints
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            QApplication.processEvents()
        if self.inspect is not None:  # a test looks at the screen as it is photographed
            self.inspect(name, page)
        path = self.outdir / name
        if not w.grab().save(str(path)):
            raise ScreenshotError(f"could not write {path}")
        self.written.append(path)
        return path

    # ---------------------------------------------------------------- run page
    @property
    def run(self) -> RunPage:
        return self.window.run_page

    def select(self, step: str) -> None:
        snap = self.run.snapshot
        assert snap is not None
        self.run.steps.setCurrentRow([v.id for v in snap.views].index(step))

    def status(self, step: str) -> str:
        snap = self.run.snapshot
        return snap.view(step).status if snap is not None else ""

    def measure(self, step: str, measurement: str, text: str) -> None:
        self.select(step)
        edit = self.run._edits[measurement]
        edit.setText(text)
        edit.returnPressed.emit()  # as Enter in the field does
        self.idle(f"the reading {text!r} at step {step}")

    def result(self, step: str, button: str, reason: str = "") -> None:
        self.select(step)
        self.run.reason.setText(reason)
        getattr(self.run, f"{button}_button").click()
        self.idle(f"the {button} of step {step}")

    def data(self, step: str, values: dict[str, Any] | None = None) -> None:
        """Enter the step's data in its inputs as a trainer would, and record it."""
        self.select(step)
        controller = self.window.controller
        assert controller is not None
        engine = controller.recorder.engine  # read between operations: nothing writes meanwhile
        if values is None:
            values = demo_values(engine.spec.step(step), engine,
                                 stepwork.wall_date(engine.state, engine.state.last_t_us))
        fields = self.run.inputs.fields
        for fid, value in values.items():
            widget = fields.inputs[fid]
            if isinstance(widget, YesNo):
                (widget.yes if value else widget.no).click()
            elif hasattr(widget, "findData"):
                widget.setCurrentIndex(widget.findData(value))
            else:
                widget.setText(f"{value:g}" if isinstance(value, float) else str(value))
        fields.record_button.click()
        self.idle(f"the data of step {step}")

    def scroll_to_end(self, widget: QWidget) -> None:
        """Scroll the step's detail so that ``widget`` ends at the bottom of the view."""
        self.idle("the layout")
        QApplication.processEvents()
        scroll = self.run.scroll
        bottom = widget.mapTo(scroll.widget(), widget.rect().bottomLeft()).y()
        scroll.verticalScrollBar().setValue(bottom - scroll.viewport().height() + 8)


def _drive(s: Session, paused_id: str) -> None:
    w, run = s.window, s.run
    s.idle("the home list")

    # New assessment, entered as a trainer would, then started.
    w.home.new_button.click()
    page = w.new_page
    page.candidate_id.setText("L-017")
    page.candidate_name.setText("Lea Laine")
    page.assessor_id.setText("assessor-03")
    page.assessor_name.setText("Ari Assessor")
    page.workshop_id.setText("garage-nord")
    page.workshop_name.setText("Garage Nord")
    page.workshop_country.setText("FI")
    page.workshop_address.setText("Teollisuuskatu 12, 90100 Oulu")
    page.checklist.setCurrentIndex(page.checklist.findData(HV))
    page.parameters.setCurrentIndex(page.parameters.findData(PARAMS))
    page.vin.setText("WVWZZZE1ZMP000042")
    page.consent.setChecked(True)
    s.shoot(SHOTS[1], page)
    page.start_button.click()
    s.wait_until(lambda: w.stack.currentWidget() is run and run.snapshot is not None, "the run screen")
    started_id = run.snapshot.assessment_id

    # Steps 01-09 with their data; step 04 shown with its PPE data and photos; then step 10
    # while the discharge wait counts down.
    s.wait_until(lambda: run.video.last_status is not None and run.video.last_status.frames_written > 0,
                 "the camera preview")
    for i in range(1, 10):
        step = f"{i:02d}"
        if run.snapshot.spec.step(step).fields:
            s.data(step)
        if step == "04":
            _ppe_and_photos(s)
        s.result(step, "pass")
        if s.status(step) != "passed":
            raise ScreenshotError(f"step {step} was not passed: {run.refusal.text()}")
    s.select("10")
    if s.status("10") != "blocked" or not run.wait.text():
        raise ScreenshotError(f"step 10 should be blocked with a countdown, is {s.status('10')}")
    s.shoot(SHOTS[2], run)

    # Review: step 05 corrected from a pass to a fail, with the reason; then home.
    run.review_button.click()
    _correction(s)
    w.review.home_button.click()
    s.wait_until(lambda: paused_id in w.home._ids and w.tasks.pending == 0, "the home list")
    w.home.table.selectRow(w.home._ids.index(paused_id))
    w.home.resume_button.click()
    s.wait_until(lambda: w.stack.currentWidget() is run and run.snapshot is not None
                 and run.snapshot.assessment_id == paused_id, "the resumed assessment")

    # Tester proved (in range, its instrument named), a live reading at the dead test (out of
    # range: locked into the hazard stop), the hazard stop recorded: stopped safely.
    s.select("11")
    run.instrument.instrument.setText(DEMO_INSTRUMENT[0])
    run.instrument.range.setText(DEMO_INSTRUMENT[1])
    s.measure("11", "proving_source", "13,8")
    s.result("11", "pass")
    s.measure("12", "hv_plus_chassis", "231 V")
    reading = next(m for m in run.snapshot.measurements["12"] if m.id == "hv_plus_chassis")
    if reading.in_range is not False or not run._verdicts["hv_plus_chassis"].text():
        raise ScreenshotError("the live reading at step 12 was not shown as out of range")
    s.result("12", "hazard", "231 V HV+ to chassis after the wait: contactor suspected welded; barrier on, "
                             "vehicle quarantined, 3S electrician informed")
    if s.status("12") != "hazard" or not run.banner.text():
        raise ScreenshotError(f"no hazard stop at step 12: {run.refusal.text()}")
    s.select("12")  # the trainer looks at the stopped step again
    s.scroll_to_end(run._verdicts["hv_plus_chassis"])
    s.shoot(SHOTS[3], run)

    # Review: two criteria scored (not finished); then the identity check and both sign-offs.
    run.review_button.click()
    review = w.review
    review.score("professional_conduct", 3)
    review.score("safety_protocols", 3)
    s.idle("the rubric scores")
    s.shoot(SHOTS[4], review)
    review.identity_method.setCurrentIndex(review.identity_method.findData("photo_id"))
    review.identity_note.setText("Driving licence")
    review.identity_button.click()
    s.idle("the identity check")
    for role, name in (("assessor", "Ari Assessor"), ("candidate", "Noa Nieminen")):
        review.signers[role].setText(name)
        review.sign_buttons[role].click()
        s.idle(f"the {role}'s sign-off")
        if not review.signed_by[role].text():
            raise ScreenshotError(f"the {role} did not sign off: {review.message.text()}")
    s.idle("the layout")
    QApplication.processEvents()
    bar = review.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    s.shoot(SHOTS[8], review)

    # Home with the list, the assessment waiting for its discharge wait selected; then settings.
    review.home_button.click()
    s.wait_until(lambda: started_id in w.home._ids and w.tasks.pending == 0, "the home list")
    w.home.table.selectRow(w.home._ids.index(started_id))
    s.shoot(SHOTS[0], w.home)
    w.home.settings_button.click()
    s.shoot(SHOTS[5], w.settings_page)

    # Settings, scrolled to the provider: enrolled, one assessor bound and accepted, one revoked.
    page = w.settings_page
    page.show_enrolled("https://provider.example/", "93a221ada28091ee…", "Autokorjaamo Pohjola")
    page.provider.show_bindings(_sample_bindings())
    s.idle("the provider settings laid out again")  # the longer texts first, then scroll to them
    bar = page.scroll.verticalScrollBar()
    bar.setValue(bar.maximum())
    s.idle("the provider settings")
    s.shoot(SHOTS[6], page)

    # Home, then the moderation feedback a sync brought: the panel overturned the first demo assessment.
    page.back_button.click()
    s.idle("the home list and the feedback count")
    w.home.feedback_button.click()
    s.wait_until(lambda: w.feedback_page.items.count() == 1 and w.tasks.pending == 0, "the feedback")
    s.shoot(SHOTS[10], w.feedback_page)
    _gateway(s)


def _gateway(s: Session) -> None:
    """Battery diagnostics (gated by HV isolation) for the holder of the credential, then for another."""
    w = s.window
    w.feedback_page.back_button.click()
    s.idle("the home list")
    w.home.new_button.click()
    page = w.new_page
    page.checklist.setCurrentIndex(page.checklist.findData(GATED))
    for candidate, shot, met in ((DEMO_HOLDER, SHOTS[11], True), ("L-022", SHOTS[12], False)):
        page.candidate_id.setText(candidate)
        s.wait_until(lambda c=candidate: (page.gate.decision is not None and w.tasks.pending == 0
                                          and page.gate.decision.candidate_id == c), "the prerequisites")
        if page.gate.decision.met is not met or page.start_button.isEnabled() is not met:
            raise ScreenshotError(f"the prerequisites of {GATED} for {candidate}: {page.gate.text()!r}")
        s.shoot(shot, page)


def _correction(s: Session) -> None:
    """The test equipment's pass corrected to a fail from the review, as a trainer would."""
    review = s.window.review
    review.select_step("05")
    review.result_buttons["fail"].click()
    review.correction_reason.setText("Calibration label belonged to another meter (seen on the video)")
    review.correct_button.click()
    s.idle("the correction")
    if not any(c.result == "fail" for c in (review._selected().corrections if review._selected() else ())):
        raise ScreenshotError(f"step 05 was not corrected: {review.message.text()}")
    s.shoot(SHOTS[9], review)


def _ppe_and_photos(s: Session) -> None:
    """Step 04: a glove test date past its interval (the check says so), corrected; a photo from the
    recording camera and one copied over from a phone."""
    run = s.run
    old = (dt.date.today() - dt.timedelta(days=240)).isoformat()
    s.data("04", {"glove_test_date": old})
    verdict = run.inputs.fields.verdicts["glove_test_date"].text()
    if not verdict.startswith("✘"):
        raise ScreenshotError(f"the old glove test date was not shown as failing its check: {verdict!r}")
    run.inputs.photos.take_button.click()
    s.idle("the photo from the camera")
    with tempfile.TemporaryDirectory(prefix="assessor-phone-") as phone:
        picture = Path(phone) / "IMG_0042.png"  # a stand-in for a picture copied over from a phone
        image = np.full((600, 800, 3), (40, 90, 160), np.uint8)
        cv2.putText(image, "IEC 60903 class 0", (60, 300), cv2.FONT_HERSHEY_SIMPLEX, 2.0, (255, 255, 255), 4)
        if not cv2.imwrite(str(picture), image):
            raise ScreenshotError(f"could not write {picture}")
        s.window.import_photo("04", str(picture))  # as "Photo from file…" does with the chosen file
        s.idle("the photo from a file")
    if run.inputs.photos.strip.count() != 2:
        raise ScreenshotError(f"step 04 shows {run.inputs.photos.strip.count()} photos, not 2: "
                              f"{run.refusal.text()}")
    s.data("04", {"insulated_tools": False})  # a tool with damaged insulation: the check says so
    s.scroll_to_end(run.inputs.photos)
    s.shoot(SHOTS[7], run)
    s.data("04", {"glove_test_date": (dt.date.today() - dt.timedelta(days=40)).isoformat(),
                  "insulated_tools": True})


def _sample_bindings() -> list[AssessorBinding]:
    """Two assessors as the provider last described them: what Settings shows, offline too."""
    checked = int(time.time() * 1e6)
    common = {"provider_key_id": "93a221ada28091ee" * 4, "bound_wall_us": checked, "checked_wall_us": checked}
    return [
        AssessorBinding("assessor-03", "fcfd4de6f2926168" * 4, name="Ari Assessor",
                        qualification="SFS 6002", qualification_ref="FI-6002-03",
                        qualification_expires="2027-06-30", workshops=("garage-nord",), **common),
        AssessorBinding("asesor-07", "4994bd34e1b819e9" * 4, name="Lucía Martín",
                        qualification="DGUV 209-093 3S", qualification_ref="",
                        qualification_expires="2027-01-31", workshops=("garage-nord",),
                        revoked_reason="qualification withdrawn", **common),
    ]


# --------------------------------------------------------------------------- entry point
def window_languages() -> list[str]:
    """Every language the product speaks."""
    return list(LANGUAGES)


#: The window sizes screenshots accept: from a small netbook to a large monitor.
MIN_SIZE, MAX_SIZE = (800, 600), (3840, 2160)


def window_size(text: str) -> tuple[int, int]:
    """``1366x768`` -> (1366, 768); anything else is refused with what is expected."""
    parts = text.lower().replace("×", "x").split("x")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise argparse.ArgumentTypeError(f"size {text!r}: write it as WIDTHxHEIGHT, e.g. 1366x768")
    width, height = (int(p) for p in parts)
    if not (MIN_SIZE[0] <= width <= MAX_SIZE[0] and MIN_SIZE[1] <= height <= MAX_SIZE[1]):
        raise argparse.ArgumentTypeError(
            f"size {text!r}: from {MIN_SIZE[0]}x{MIN_SIZE[1]} to {MAX_SIZE[0]}x{MAX_SIZE[1]} pixels")
    return width, height


def take_screenshots(outdir: Path, language: str = "en", size: tuple[int, int] = (WIDTH, HEIGHT),
                     theme: str = "light",
                     inspect: Callable[[str, QWidget], None] | None = None) -> list[Path]:
    """Write the PNGs into ``outdir``; returns their paths in the order of ``SHOTS``.

    ``inspect(name, page)``, if given, is called with each screen just before it is photographed.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    os.environ["QT_QPA_PLATFORM"] = "offscreen"  # read only when the application is created
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    saved_env, saved_style, saved_palette = os.environ.get(DATA_DIR_ENV), app.styleSheet(), app.palette()
    with tempfile.TemporaryDirectory(prefix="assessor-screenshots-") as tmp:
        folder = Path(tmp)
        os.environ[DATA_DIR_ENV] = tmp  # settings and logs here too, never the user's
        save_settings(Settings(language=language, theme=theme))  # as the settings page leaves it
        translators = install_translations(app, language)
        apply_theme(app, theme)
        store: AssessmentStore | None = None
        window: MainWindow | None = None
        try:
            library = load_library(checklists_dir())
            competent = run_demo(library, folder, say=lambda _line: None, video=False)
            run_demo(library, folder, fail_step="12", say=lambda _line: None, video=False)
            paused_id = seed_paused_assessment(library, folder, language)
            store = AssessmentStore.open(database_path(folder))
            store_demo_feedback(store, competent.assessment_id, language)
            store_demo_eligibility(store)
            window = MainWindow(store, library, language, camera="simulated")
            window.resize(*size)
            window.show()
            session = Session(window, outdir, inspect)
            _drive(session, paused_id)
        finally:
            if window is not None:
                window.close()  # stops the countdown timer and the worker threads
                window.deleteLater()
                QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            if store is not None:
                store.close()
            remove_translations(app, translators)
            app.setStyleSheet(saved_style)
            app.setPalette(saved_palette)
            app.setProperty("assessor_theme", None)
            if saved_env is None:
                os.environ.pop(DATA_DIR_ENV, None)
            else:
                os.environ[DATA_DIR_ENV] = saved_env
    by_name = {p.name: p for p in session.written}
    return [by_name[name] for name in SHOTS]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m assessor_app.gui.screenshots",
                                 description="PNGs of the main screens (offscreen).")
    ap.add_argument("outdir", type=Path, help="folder for the PNGs (created if missing)")
    ap.add_argument("--language", default="en", choices=window_languages(),
                    help="the window's and the checklists' language (default en)")
    ap.add_argument("--size", type=window_size, default=(WIDTH, HEIGHT), metavar="WIDTHxHEIGHT",
                    help=f"the window's size in pixels (default {WIDTH}x{HEIGHT}; e.g. 1366x768)")
    ap.add_argument("--theme", default="light", choices=THEMES, help="the window's theme (default light)")
    args = ap.parse_args(argv)
    before = set(threading.enumerate())
    try:
        paths = take_screenshots(args.outdir, args.language, args.size, args.theme)
    except ScreenshotError as exc:
        print(f"screenshots: {exc}")
        return 1
    left = [t.name for t in threading.enumerate() if t not in before and t.is_alive()]
    for path in paths:
        print(path)
    if left:
        print(f"screenshots: threads left running: {left}")
        return 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
