"""The end of the task in the window, driven with real key events against a real store: a result
corrected from the review (the store holds the correction, the review shows both), corrections
closed once signed, Abandon with its reason, Finish and Seal asking first and saying what they make
read-only, progress on the run screen and what is left after the last step, the review's rubric as
score buttons, and the sealed PDF record and bundle folder opened from the window."""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from test_assessment_window import (
    check_identity,
    do_step,
    make_window,
    select,
    sign,
    start_hv,
    wait_idle,
)

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import Person, RecordConsent, Refused, Vehicle
from assessor_app.demo.assessment import _Teller, _walk
from assessor_app.gui.main_window import MainWindow
from assessor_app.storage.recorder import AssessmentRecorder

HV = "hv-isolation-series"


def events(store, window: MainWindow, kind: str) -> list:
    return [e for e in store.events(window.controller.recorder.assessment_id) if e.kind == kind]


def key(qtbot, widget, k: Qt.Key) -> None:
    widget.setFocus()
    qtbot.keyClick(widget, k)


def to_review(qtbot, window: MainWindow):
    run = window.run_page
    run.steps.setFocus()
    qtbot.keyClick(run.steps, Qt.Key.Key_R)
    assert window.stack.currentWidget() is window.review
    return window.review


def row_down_to(qtbot, review, step: str) -> None:
    """Select ``step`` in the review's list with the arrow keys, from the top."""
    review.steps.setFocus()
    qtbot.keyClick(review.steps, Qt.Key.Key_Home)
    for _ in range(30):
        if review.current_step == step:
            return
        qtbot.keyClick(review.steps, Qt.Key.Key_Down)
    raise AssertionError(f"step {step} not in the review's list")


# ---------------------------------------------------------------- correcting a result
def test_a_result_is_corrected_from_the_review_and_both_are_shown(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    for i in range(1, 9):
        do_step(qtbot, window, f"{i:02d}")
    review = to_review(qtbot, window)
    row_down_to(qtbot, review, "03")
    assert review.correction_box.title() == "Correct the result of step 03"
    assert review.correct_button.isEnabled() and review.correction_closed.text() == ""
    assert [r for r, b in review.result_buttons.items() if b.isVisible()] == ["pass", "fail"]  # 03: no N/A
    key(qtbot, review.result_buttons["fail"], Qt.Key.Key_Space)
    assert review.result_buttons["fail"].isChecked()
    review.correction_reason.setFocus()
    qtbot.keyClicks(review.correction_reason, "Warning sign was not placed: seen on the video")
    qtbot.keyClick(review.correction_reason, Qt.Key.Key_Return)
    assert review.focusWidget() is review.correct_button  # Enter in the reason records nothing
    assert events(store, window, "result_corrected") == []
    qtbot.keyClick(review.correct_button, Qt.Key.Key_Space)
    wait_idle(qtbot, window)

    [correction] = events(store, window, "result_corrected")
    [original] = [e for e in events(store, window, "step_result") if e.payload["step"] == "03"]
    assert correction.payload == {
        "step": "03", "result": "fail", "reason": "Warning sign was not placed: seen on the video",
        "person": "L-017", "replaces": "pass", "replaced_person": "L-017", "attempt": 1,
        "corrects": original.seq, "risk": "high", "reopened": ["08"],
    }
    assert review.message.text() == ""
    assert review.correction_reason.text() == ""  # recorded: the box starts afresh
    assert not any(b.isChecked() for b in review.result_buttons.values())
    row = review.steps.currentRow()
    assert review.steps.item(row, 1).text() == "✘ failed\ncorrected"
    assert review.steps.item(row, 2).text() == "Lea Learner"
    when = time.strftime("%H:%M:%S", time.localtime((store.events(correction.assessment_id)[0].wall_us
                                                      + correction.t_us) / 1e6))
    detail = review.detail.text().splitlines()
    assert detail[:3] == ["03  Work area: barrier, warning sign, rescue hook, people informed",
                          "Result: failed (Warning sign was not placed: seen on the video)",
                          "Done by: Lea Learner (candidate)"]
    assert (f"Corrected at {when}: passed → failed; reason: Warning sign was not placed: seen on the video "
            "Reopened: 08") in detail
    row_down_to(qtbot, review, "08")
    assert "Reopened by the correction of step 03: to be done again." in review.detail.text()
    assert review.people.text() == ("Candidate: Lea Learner (L-017) · Assessor: Ari Assessor (assessor-03)")
    # the run screen shows it too: 03 failed (shown again later), 08 to be done again
    run = window.run_page
    assert run.snapshot.view("03").status == "failed" and run.snapshot.view("08").status == "blocked"
    window.close()


def test_the_engines_refusal_of_a_correction_is_shown(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    do_step(qtbot, window, "01")
    run = window.run_page
    select(qtbot, run, "02")
    run.reason.setText("The learner skipped the pre-check")
    key(qtbot, run.steps, Qt.Key.Key_F)  # 02 is critical: the task stops
    wait_idle(qtbot, window)
    review = to_review(qtbot, window)
    row_down_to(qtbot, review, "02")
    key(qtbot, review.result_buttons["pass"], Qt.Key.Key_Space)
    key(qtbot, review.correct_button, Qt.Key.Key_Space)  # no reason typed
    wait_idle(qtbot, window)
    assert review.message.text() == "give the reason for the correction"
    assert events(store, window, "result_corrected") == []
    review.correction_reason.setFocus()
    qtbot.keyClicks(review.correction_reason, "Pressed F instead of Space: the pre-check was done")
    key(qtbot, review.correct_button, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    [correction] = events(store, window, "result_corrected")
    assert (correction.payload["replaces"], correction.payload["result"]) == ("fail", "pass")
    assert run.snapshot.phase == "in_progress" and run.banner.text() == ""  # the stop is lifted
    window.close()


def test_no_correction_once_signed_off_and_the_review_says_why(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    for i in range(1, 4):
        do_step(qtbot, window, f"{i:02d}")
    review = to_review(qtbot, window)
    sign(qtbot, window, "assessor", "Ari Assessor")
    row_down_to(qtbot, review, "02")
    assert review.correction_closed.text() == "Results can no longer be corrected: the record is signed off."
    assert not review.correct_button.isEnabled()
    assert not any(b.isEnabled() for b in review.result_buttons.values())
    key(qtbot, review.correct_button, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    assert events(store, window, "result_corrected") == []
    # the engine says so too, should anything ask it
    from assessor_app.core.engine import CorrectResult

    refused = window.controller.recorder.act(CorrectResult("02", "fail", "late"))
    assert isinstance(refused, Refused) and refused.reason == (
        "the record is signed off (by the assessor): a result can no longer be corrected")
    window.close()


# ---------------------------------------------------------------- abandon, finish, seal
def test_abandon_needs_a_reason_and_says_what_it_makes_read_only(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    do_step(qtbot, window, "01")
    review = to_review(qtbot, window)
    key(qtbot, review.abandon_button, Qt.Key.Key_Space)
    assert review.confirm.isVisible() and review.confirm.what == "abandon"
    assert review.confirm.text.text() == (
        "Abandon: the assessment ends here, unfinished, and becomes read-only. Nothing more can be recorded "
        "or corrected. Say why it is abandoned.")
    assert review.focusWidget() is review.confirm.reason
    qtbot.keyClick(review.confirm.reason, Qt.Key.Key_Return)  # Enter moves on to the confirm button
    assert review.focusWidget() is review.confirm.yes
    qtbot.keyClick(review.confirm.yes, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    assert review.message.text() == "give the reason the assessment is abandoned"
    assert events(store, window, "assessment_abandoned") == []
    key(qtbot, review.abandon_button, Qt.Key.Key_Space)
    qtbot.keyClicks(review.confirm.reason, "Vehicle recalled by the customer")
    qtbot.keyClick(review.confirm.reason, Qt.Key.Key_Return)
    qtbot.keyClick(review.confirm.yes, Qt.Key.Key_Return)  # Enter on the focused button presses it
    wait_idle(qtbot, window)
    [abandoned] = events(store, window, "assessment_abandoned")
    assert abandoned.payload == {"reason": "Vehicle recalled by the customer", "outcome": "abandoned"}
    assert review.outcome.text() == "Outcome: abandoned"
    assert not review.abandon_button.isEnabled() and not review.finish_button.isEnabled()
    window.close()


def test_finish_says_what_it_makes_read_only_and_can_be_cancelled(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    review = to_review(qtbot, window)
    key(qtbot, review.finish_button, Qt.Key.Key_Space)
    assert not review.confirm.isVisible()  # refused before asking: nothing to confirm
    assert review.message.text() == "the assessor must sign off before finishing"
    sign(qtbot, window, "assessor", "Ari Assessor")
    sign(qtbot, window, "candidate", "Lea Learner")
    check_identity(qtbot, window, "known_to_assessor")
    key(qtbot, review.finish_button, Qt.Key.Key_Space)
    assert review.confirm.isVisible() and review.confirm.what == "finish"
    assert review.confirm.text.text() == (
        "Finish: the assessment becomes read-only. Results, readings, rubric scores and sign-offs can no "
        "longer be changed, and no result can be corrected. The outcome recorded: incomplete.")
    assert review.focusWidget() is review.confirm.yes
    qtbot.keyClick(review.confirm.yes, Qt.Key.Key_Escape)  # Esc cancels, and stays on the review
    assert not review.confirm.isVisible() and window.stack.currentWidget() is review
    assert events(store, window, "assessment_finished") == []
    key(qtbot, review.finish_button, Qt.Key.Key_Space)
    qtbot.keyClick(review.confirm.yes, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    [finished] = events(store, window, "assessment_finished")
    assert finished.payload["outcome"] == "incomplete"
    assert review.outcome.text() == "Outcome: incomplete"
    window.close()


def test_seal_asks_first_and_then_opens_the_pdf_record_and_the_bundle_folder(qtbot, store, library):
    window = make_window(qtbot, store, library)
    opened: list[QUrl] = []

    def record(url: QUrl) -> bool:
        opened.append(url)
        return True

    window.open_url = record
    start_hv(qtbot, window)
    review = to_review(qtbot, window)
    key(qtbot, review.abandon_button, Qt.Key.Key_Space)
    qtbot.keyClicks(review.confirm.reason, "Learner unwell")
    qtbot.keyClick(review.confirm.reason, Qt.Key.Key_Return)
    qtbot.keyClick(review.confirm.yes, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    assert review.seal_button.isVisible() and not review.open_record_button.isVisible()
    key(qtbot, review.seal_button, Qt.Key.Key_Space)
    assert review.message.text() == "Type the assessor's PIN to seal." and not review.confirm.isVisible()
    qtbot.keyClicks(review.pin, "2468")
    qtbot.keyClick(review.pin, Qt.Key.Key_Return)
    assert review.confirm.what == "seal" and review.confirm.text.text() == (
        "Seal: the record, its evidence files and the PDF records are signed with this workstation's key and "
        "the assessor's key. Nothing in the sealed bundle can be changed afterwards.")
    qtbot.keyClick(review.confirm.yes, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: review.sealed.text().startswith("Sealed:"), timeout=60_000)
    wait_idle(qtbot, window)
    bundle = Path(store.path.parent) / "bundles" / window.controller.recorder.assessment_id
    assert review.sealed.text() == f"Sealed: {bundle}"
    assert store.summary(window.controller.recorder.assessment_id).status == "sealed"
    assert review.open_record_button.isVisible() and review.open_folder_button.isVisible()
    key(qtbot, review.open_record_button, Qt.Key.Key_Space)
    key(qtbot, review.open_folder_button, Qt.Key.Key_Space)
    assert opened == [QUrl.fromLocalFile(str(bundle / "identity" / "assessment-record.en.pdf")),
                      QUrl.fromLocalFile(str(bundle))]
    # opened again later, in a new window: sealed, and the record opens from there too
    aid = window.controller.recorder.assessment_id
    window.close()
    again = make_window(qtbot, store, library)
    again.open_url = record
    wait_idle(qtbot, again)
    again.open_assessment(aid)
    review = again.review
    qtbot.waitUntil(lambda: again.stack.currentWidget() is review and review.sealed.text() != "",
                    timeout=5000)
    assert review.sealed.text() == f"Sealed: {bundle}" and not review.seal_button.isEnabled()
    key(qtbot, review.open_record_button, Qt.Key.Key_Space)
    assert opened[-1] == QUrl.fromLocalFile(str(bundle / "identity" / "assessment-record.en.pdf"))
    again.close()


# ---------------------------------------------------------------- progress, and what is left
def test_progress_on_the_run_screen_and_what_is_left_once_stopped(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    assert run.progress.text() == "Step 1 of 22 · passed 0 · failed 0 · remaining 22"
    do_step(qtbot, window, "01")
    assert run.current_step == "02"
    assert run.progress.text() == "Step 2 of 22 · passed 1 · failed 0 · remaining 21"
    run.reason.setText("Skipped the pre-check")
    key(qtbot, run.steps, Qt.Key.Key_F)  # critical: the task stops
    wait_idle(qtbot, window)
    lines = run.progress.text().splitlines()
    assert lines[0].endswith("passed 1 · failed 1 · remaining 20")
    assert lines[1] == (
        "The task is stopped. Left before finishing: rubric scores (Professional conduct, Adherence to "
        "safety protocols, Teamwork, Customer communication); the identity check; sign-offs (assessor, "
        "candidate). Go to the review (R).")
    assert run.focusWidget() is run.review_button  # the review is offered
    qtbot.keyClick(run.review_button, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is window.review
    window.close()


def seed_every_step(library, store) -> str:
    """An HV isolation assessment with every step passed (or N/A), recorded by the recorder on a
    simulated clock as the demo records one; not finished."""
    checklist, params = library.checklist(HV), library.parameter_set("test-fast")
    clock = ManualClock(wall_us=time.time_ns() // 1000 - 60 * 60 * 1_000_000)
    recorder = AssessmentRecorder.start(
        store, checklist, params, candidate=Person("L-017", "Lea Learner"),
        assessor=Person("assessor-03", "Ari Assessor"), workshop=Person("garage-nord", "Garage Nord"),
        vehicle=Vehicle("WVWZZZE1ZMP000042", "", 400.0), clock=clock, workshop_country="FI")
    recorder.act(RecordConsent("L-017", False, "Consent to video recording asked before any recording."))

    def act(action: object, _label: str) -> bool:
        result = recorder.act(action)  # type: ignore[arg-type]
        if isinstance(result, Refused) and result.wait_s is not None:
            clock.advance(result.wait_s + 1)
            result = recorder.act(action)  # type: ignore[arg-type]
        assert not isinstance(result, Refused), (action, result)
        return True

    _walk(checklist.spec, recorder.engine, act, clock.advance, _Teller(lambda _line: None, lambda: "", "en"),
          None, None)
    assert all(s.status in ("passed", "na") for s in recorder.engine.state.steps.values())
    return recorder.assessment_id


def test_after_the_last_step_the_run_screen_says_what_is_left_and_offers_the_review(qtbot, store, library):
    aid = seed_every_step(library, store)
    window = make_window(qtbot, store, library)
    wait_idle(qtbot, window)
    window.open_assessment(aid)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.run_page, timeout=5000)
    run = window.run_page
    lines = run.progress.text().splitlines()
    assert lines[0] == f"Step {run.steps.currentRow() + 1} of 22 · passed 20 · failed 0 · remaining 0 · N/A 2"
    assert lines[1].startswith("Every step has a result. Left before finishing: rubric scores (")
    assert lines[1].endswith("; the identity check; sign-offs (assessor, candidate). Go to the review (R).")
    assert run.focusWidget() is run.review_button
    qtbot.keyClick(run.review_button, Qt.Key.Key_Space)
    review = window.review
    assert window.stack.currentWidget() is review
    # the rubric is scored with buttons that carry the scale's words
    button = review.score_button("safety_protocols", 3)
    assert button.text() == "3 – Demonstrated\nindependently"
    assert button.accessibleName() == "Adherence to safety protocols: 3, Demonstrated independently"
    key(qtbot, button, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    [scored] = events(store, window, "rubric_scored")
    assert scored.payload == {"criterion": "safety_protocols", "score": 3, "comment": ""}
    assert review.score_button("safety_protocols", 3).isChecked()
    assert not review.score_button("safety_protocols", 2).isChecked()
    window.close()
