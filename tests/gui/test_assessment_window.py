"""Drive a whole HV isolation assessment through the window, as a trainer would."""

from __future__ import annotations

from PySide6.QtCore import Qt

from assessor_app.gui.main_window import MainWindow
from assessor_app.gui.pages.run import RunPage

HV = "hv-isolation-series"
READINGS = {
    "11": {"proving_source": "13.8"},
    "12": {"hv_plus_chassis": "0.2", "hv_minus_chassis": "-0.1", "hv_plus_minus": "0,3 V"},
    "13": {"proving_source": "13.9"},
    "18": {"insulation_resistance": "550", "test_voltage": "520"},
}


def make_window(qtbot, store, library) -> MainWindow:
    window = MainWindow(store, library)
    qtbot.addWidget(window)
    window.show()
    return window


def wait_idle(qtbot, window: MainWindow) -> None:
    qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=5000)


def close(qtbot, window: MainWindow) -> None:
    window.close()


def start_hv(qtbot, window: MainWindow) -> None:
    qtbot.mouseClick(window.home.new_button, Qt.MouseButton.LeftButton)
    page = window.new_page
    assert window.stack.currentWidget() is page
    page.candidate_id.setText("L-017")
    page.candidate_name.setText("Lea Learner")
    page.assessor.setText("Ari Assessor")
    page.workshop.setText("Garage Nord")
    page.checklist.setCurrentIndex(page.checklist.findData(HV))
    page.parameters.setCurrentIndex(page.parameters.findData("test-fast"))
    page.vin.setText("WVWZZZE1ZMP000042")
    page.consent.setChecked(True)
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.run_page, timeout=5000)


def select(qtbot, run: RunPage, step: str) -> None:
    ids = [v.id for v in run.snapshot.views]
    run.steps.setCurrentRow(ids.index(step))
    assert run.current_step == step


def record(qtbot, window: MainWindow, step: str) -> None:
    run = window.run_page
    for mid, text in READINGS.get(step, {}).items():
        edit = run._edits[mid]
        edit.setText(text)
        edit.setFocus()
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        wait_idle(qtbot, window)


def do_step(qtbot, window: MainWindow, step: str) -> None:
    run = window.run_page
    select(qtbot, run, step)
    record(qtbot, window, step)
    step_spec = run.snapshot.spec.step(step)
    if step_spec.na_allowed:
        run.reason.setText("Not applicable on a series vehicle")
        qtbot.keyClick(run.steps, Qt.Key.Key_N)
    else:
        run.steps.setFocus()
        qtbot.keyClick(run.steps, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    assert run.snapshot.view(step).status in ("passed", "na"), (step, run.refusal.text())


def test_whole_hv_isolation_through_the_window(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    for i in range(1, 10):
        do_step(qtbot, window, f"{i:02d}")

    # too early: the discharge wait is running, the step says why and counts down
    select(qtbot, run, "10")
    assert run.snapshot.view("10").status == "blocked"
    assert "Discharge wait" in run.wait.text() and "left" in run.wait.text()
    run.steps.setFocus()
    qtbot.keyClick(run.steps, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    assert run.snapshot.view("10").status == "blocked"
    assert "Discharge wait" in run.refusal.text()
    qtbot.waitUntil(lambda: run.snapshot.view("10").status == "allowed", timeout=10_000)
    do_step(qtbot, window, "10")

    do_step(qtbot, window, "11")
    # a live reading at the dead test: immediate verdict, and pass is refused
    select(qtbot, run, "12")
    run._edits["hv_plus_chassis"].setText("230")
    run._edits["hv_plus_chassis"].setFocus()
    qtbot.keyClick(run._edits["hv_plus_chassis"], Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert "OUT OF RANGE" in run._verdicts["hv_plus_chassis"].text()
    run.steps.setFocus()
    qtbot.keyClick(run.steps, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    assert "out of range" in run.refusal.text()
    assert run.snapshot.view("12").status == "allowed"
    record(qtbot, window, "12")  # measured again, correctly this time
    for i in range(12, 23):
        do_step(qtbot, window, f"{i:02d}")

    qtbot.keyClick(run.steps, Qt.Key.Key_R)
    review = window.review
    assert window.stack.currentWidget() is review
    for criterion in ("professional_conduct", "safety_protocols", "teamwork", "customer_communication"):
        review.score(criterion, 3)
        wait_idle(qtbot, window)
    review.signer.setText("Ari Assessor")
    qtbot.mouseClick(review.sign_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    qtbot.mouseClick(review.finish_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert "competent" in review.outcome.text() and "not yet" not in review.outcome.text()
    assert not review.finish_button.isEnabled()  # read-only now
    [summary] = store.list()
    assert (summary.status, summary.outcome) == ("finished", "competent")

    # seal it from the review: the assessor's PIN, then a verified bundle
    assert review.seal_button.isVisible()
    review.pin.setText("2468")
    qtbot.mouseClick(review.seal_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert "Sealed:" in review.sealed.text(), review.message.text()
    from pathlib import Path

    from assessor_app.evidence.verify import verify_bundle

    bundle = Path(review.sealed.text().split(": ", 1)[1])
    assert verify_bundle(bundle).ok
    assert store.summary(summary.id).status == "sealed"
    close(qtbot, window)


def test_critical_failure_stops_the_task_and_says_why(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    for i in range(1, 4):
        do_step(qtbot, window, f"{i:02d}")
    select(qtbot, run, "04")
    run.reason.setText("Glove leaked in the air test; candidate carried on")
    qtbot.keyClick(run.steps, Qt.Key.Key_F)
    wait_idle(qtbot, window)
    assert "critical step 04" in run.banner.text() and "not yet competent" in run.banner.text()
    assert not run.pass_button.isEnabled()
    close(qtbot, window)


def test_resume_after_the_window_is_destroyed_mid_assessment(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    for i in range(1, 6):
        do_step(qtbot, window, f"{i:02d}")
    close(qtbot, window)
    window.deleteLater()

    again = make_window(qtbot, store, library)
    wait_idle(qtbot, again)
    assert "in progress" in again.home.resume_hint.text()
    # one click: with nothing selected, Resume continues the latest interrupted assessment
    assert not again.home.table.selectionModel().selectedRows()
    qtbot.mouseClick(again.home.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.stack.currentWidget() is again.run_page, timeout=5000)
    run = again.run_page
    assert [run.snapshot.view(f"{i:02d}").status for i in range(1, 6)] == ["passed"] * 5
    assert run.current_step == "06"
    do_step(qtbot, again, "06")
    close(qtbot, again)


def test_readings_can_be_entered_with_the_keyboard_alone(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    for i in range(1, 12):
        if i == 10:
            qtbot.waitUntil(lambda: window.run_page.snapshot.view("10").status == "allowed",
                            timeout=10_000)
        do_step(qtbot, window, f"{i:02d}")
    run = window.run_page
    select(qtbot, run, "12")
    run._edits["hv_plus_chassis"].setFocus()
    qtbot.keyClicks(run._edits["hv_plus_chassis"], "0.2")
    qtbot.keyClick(run._edits["hv_plus_chassis"], Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert run.focusWidget() is run._edits["hv_minus_chassis"]
    for mid in ("hv_minus_chassis", "hv_plus_minus"):
        qtbot.keyClicks(run._edits[mid], "0.1")
        qtbot.keyClick(run._edits[mid], Qt.Key.Key_Return)
        wait_idle(qtbot, window)
    assert run.focusWidget() is run.steps
    qtbot.keyClick(run.steps, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    assert run.snapshot.view("12").status == "passed"
    close(qtbot, window)
