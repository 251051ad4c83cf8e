"""Drive a whole HV isolation assessment through the window, as a trainer would: the structured
data (PPE, test equipment, lock-out...), the instrument of each live-dead-live reading, the oral
questions, the identity check and the assessor's and the candidate's sign-offs."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox

from assessor_app.gui.main_window import MainWindow
from assessor_app.gui.pages.field_inputs import YesNo
from assessor_app.gui.pages.run import RunPage

HV = "hv-isolation-series"
METER = "FLUKE-1587-22"
TODAY = dt.date.today()
READINGS = {
    "11": {"proving_source": "13.8"},
    "12": {"hv_plus_chassis": "0.2", "hv_minus_chassis": "-0.1", "hv_plus_minus": "0,3 V"},
    "13": {"proving_source": "13.9"},
    "18": {"insulation_resistance": "550", "test_voltage": "520"},
}
#: What a careful learner records at each step of the HV isolation checklist (1.2.0).
DATA: dict[str, dict[str, Any]] = {
    "01": {"oem_procedure": "OEM HV isolation procedure, revision 3", "working_voltage_identified": "400"},
    "04": {"glove_class": "0", "glove_test_date": (TODAY - dt.timedelta(days=30)).isoformat(),
           "glove_air_test": True, "glove_visual_check": True, "outers_eye_protection_no_jewellery": True,
           "face_protection": True, "insulated_tools": True},
    "05": {"instrument_id": METER, "measurement_category": "CAT-III", "category_iii_or_above": True,
           "voltage_rating": "1000", "calibration_due": (TODAY + dt.timedelta(days=180)).isoformat(),
           "leads_checked": True, "proving_source_ready": True},
    "06": {"remote_wake_up_disabled": True},
    "09": {"locks_applied": "1", "every_worker_locked": True},
    "18": {"discharged_after_test": True},
    "20": {"every_lock_removed_by_owner": True, "gloves_on_plug_refit": True},
    "21": {"reenergisation_announced": True},
}
ANSWERS = {
    "22": {"five_safety_rules": "disconnect, secure, verify dead, earth, cover: each as done today",
           "discharge_wait": "the capacitors in the inverter need time to discharge",
           "limits_2s_3s": "2S: de-energised work only; 3S for live work or a damaged system",
           "live_reading_at_dead_test": "stop, keep clear, make safe, quarantine and escalate"},
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


def fill_new(qtbot, window: MainWindow, params: str = "test-fast", consent: bool = True) -> None:
    qtbot.mouseClick(window.home.new_button, Qt.MouseButton.LeftButton)
    page = window.new_page
    assert window.stack.currentWidget() is page
    page.candidate_id.setText("L-017")
    page.candidate_name.setText("Lea Learner")
    page.assessor_id.setText("assessor-03")
    page.assessor_name.setText("Ari Assessor")
    page.workshop_id.setText("garage-nord")
    page.workshop_name.setText("Garage Nord")
    page.workshop_country.setText("fi")
    page.checklist.setCurrentIndex(page.checklist.findData(HV))
    page.parameters.setCurrentIndex(page.parameters.findData(params))
    page.vin.setText("WVWZZZE1ZMP000042")
    page.consent.setChecked(consent)


def start_hv(qtbot, window: MainWindow, params: str = "test-fast", consent: bool = True) -> None:
    fill_new(qtbot, window, params, consent)
    qtbot.mouseClick(window.new_page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.run_page, timeout=5000)


def fill(run: RunPage, values: dict[str, Any]) -> None:
    """Enter values in the step's data inputs as a trainer does (buttons, lists, typed text)."""
    for fid, value in values.items():
        widget = run.inputs.fields.inputs[fid]
        if isinstance(widget, YesNo):
            (widget.yes if value else widget.no).click()
        elif isinstance(widget, QComboBox):
            widget.setCurrentIndex(widget.findData(value))
        else:
            widget.setText(value)


def record_data(qtbot, window: MainWindow, values: dict[str, Any]) -> None:
    fill(window.run_page, values)
    qtbot.mouseClick(window.run_page.inputs.fields.record_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)


def answer(qtbot, window: MainWindow, step: str) -> None:
    box = window.run_page.inputs.questions
    for qid, text in ANSWERS.get(step, {}).items():
        box.answers[qid].setText(text)
        qtbot.mouseClick(box.buttons[qid][0], Qt.MouseButton.LeftButton)
        wait_idle(qtbot, window)


def sign(qtbot, window: MainWindow, role: str, name: str) -> None:
    review = window.review
    review.signers[role].setText(name)
    qtbot.mouseClick(review.sign_buttons[role], Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert review.signed_by[role].text() == f"Signed by {name}", review.message.text()


def check_identity(qtbot, window: MainWindow, method: str, note: str = "") -> None:
    review = window.review
    review.identity_method.setCurrentIndex(review.identity_method.findData(method))
    review.identity_note.setText(note)
    qtbot.mouseClick(review.identity_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)


def select(qtbot, run: RunPage, step: str) -> None:
    ids = [v.id for v in run.snapshot.views]
    run.steps.setCurrentRow(ids.index(step))
    assert run.current_step == step


def record(qtbot, window: MainWindow, step: str) -> None:
    run = window.run_page
    if run.instrument.isVisible() and not run.instrument.instrument.text():
        run.instrument.instrument.setText(METER)
        run.instrument.range.setText("1000 V DC")
    for mid, text in READINGS.get(step, {}).items():
        edit = run._edits[mid]
        edit.setText(text)
        edit.setFocus()
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        wait_idle(qtbot, window)


def do_step(qtbot, window: MainWindow, step: str) -> None:
    run = window.run_page
    select(qtbot, run, step)
    if step in DATA:
        record_data(qtbot, window, DATA[step])
    answer(qtbot, window, step)
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
    # the dead test is read with the tester just proved: its instrument is there already
    select(qtbot, run, "12")
    assert run.instrument.isVisible() and run.instrument.instrument.text() == METER
    assert run.instrument.range.text() == "1000 V DC"
    for i in range(12, 23):
        do_step(qtbot, window, f"{i:02d}")
    assert run.snapshot.work["22"].questions[0].correct is True

    qtbot.keyClick(run.steps, Qt.Key.Key_R)
    review = window.review
    assert window.stack.currentWidget() is review
    for criterion in ("professional_conduct", "safety_protocols", "teamwork", "customer_communication"):
        review.score(criterion, 3)
        wait_idle(qtbot, window)
    # finishing needs both sign-offs and the identity check: each refusal says what is missing
    qtbot.mouseClick(review.finish_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert review.message.text() == "the assessor must sign off before finishing"
    sign(qtbot, window, "assessor", "Ari Assessor")
    sign(qtbot, window, "candidate", "Lea Learner")
    qtbot.mouseClick(review.finish_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    assert review.message.text() == ("record how the candidate's identity was checked (or that it was not) "
                                     "before finishing")
    check_identity(qtbot, window, "photo_id", "driving licence")
    assert review.identity_done.text() == "Identity: photo ID checked (driving licence)"
    qtbot.mouseClick(review.finish_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(review.confirm.yes, Qt.MouseButton.LeftButton)  # Finish asks first
    wait_idle(qtbot, window)
    assert "competent" in review.outcome.text() and "not yet" not in review.outcome.text()
    assert not review.finish_button.isEnabled()  # read-only now
    [summary] = store.list()
    assert (summary.status, summary.outcome) == ("finished", "competent")
    identity = store.identity(summary.id)
    assert [(s["role"], s["name"]) for s in identity["signatures"]] == [
        ("assessor", "Ari Assessor"), ("candidate", "Lea Learner")]
    assert identity["identity_check"] == {"method": "photo_id", "note": "driving licence"}
    assert identity["workshop"]["name"] == "Garage Nord" and identity["vehicle"]["vin"] == "WVWZZZE1ZMP000042"
    first = store.events(summary.id)[0].payload
    assert first["workshop"] == {"id": "garage-nord", "country": "FI"}
    assert "Lea" not in str(first) and "WVWZZZE1ZMP000042" not in str(first)

    # seal it from the review: the assessor's PIN, then a verified bundle
    assert review.seal_button.isVisible()
    review.pin.setText("2468")
    qtbot.mouseClick(review.seal_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(review.confirm.yes, Qt.MouseButton.LeftButton)  # Seal asks first
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
    assert run.focusWidget() is run.pass_button  # every reading taken: on to the result buttons
    qtbot.keyClick(run.pass_button, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    assert run.snapshot.view("12").status == "passed"
    close(qtbot, window)
