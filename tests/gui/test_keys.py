"""Keys that do what they say, on every screen: real key events on the focused widget of a shown,
active window, and exactly what each key recorded in the store (or did on the screen).

Space and Enter press the focused button (Fail stays Fail); Enter in a text field never records a
step result; single letters never type into a field or act while one has the focus; Esc leaves a
field; focus goes where the next input goes; the tab order follows the screen; a wait that ends
and a live-dead-live window that closes are heard and seen, and a refusal agrees with the countdown.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QWidget
from test_assessment_window import DATA, METER, do_step, make_window, select, start_hv, wait_idle

from assessor_app.core.specs.loader import load_parameter_set
from assessor_app.gui.main_window import MainWindow

#: A discharge wait and a live-dead-live window short enough to end during a test, long enough to
#: be seen running.
WAIT_S = 3
WINDOW_S = 3


@pytest.fixture
def short_library(library, tmp_path: Path):
    """The fast set with a discharge wait and a live-dead-live window of a few seconds."""
    text = (library.parameter_sets["test-fast"].source.replace("id: test-fast", "id: test-short-window")
            .replace("discharge_wait: {value: 1.5, unit: s}", f"discharge_wait: {{value: {WAIT_S}, unit: s}}")
            .replace("live_dead_live_window: {value: 5, unit: min}",
                     f"live_dead_live_window: {{value: {WINDOW_S}, unit: s}}"))
    assert "test-short-window" in text and f"{{value: {WINDOW_S}, unit: s}}" in text
    path = tmp_path / "test-short-window.yaml"
    path.write_text(text, encoding="utf-8")
    short = load_parameter_set(path)
    library.parameter_sets[short.params.id] = short
    return library


# ---------------------------------------------------------------------- helpers
def active_window(qtbot, store, library, **kwargs) -> MainWindow:
    window = MainWindow(store, library, **kwargs) if kwargs else make_window(qtbot, store, library)
    if kwargs:
        qtbot.addWidget(window)
        window.show()
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
    return window


def focused() -> QWidget | None:
    return QApplication.focusWidget()


def key(qtbot, window: MainWindow, k: Qt.Key) -> None:
    """``k`` pressed and released on the focused widget, as the keyboard sends it; then whatever it
    asked for is recorded (or refused)."""
    target = focused()
    assert target is not None, "nothing has the focus"
    qtbot.keyClick(target, k)
    wait_idle(qtbot, window)


def type_text(qtbot, text: str) -> None:
    target = focused()
    assert target is not None, "nothing has the focus"
    qtbot.keyClicks(target, text)


def recorded(store, window: MainWindow) -> list[tuple[str, dict]]:
    """Every event of the open assessment: (kind, payload)."""
    return [(e.kind, e.payload) for e in store.events(window.controller.recorder.assessment_id)]


def results(store, window: MainWindow) -> list[tuple[str, str, str]]:
    return [(p["step"], p["result"], p["reason"]) for k, p in recorded(store, window) if k == "step_result"]


def through(qtbot, window: MainWindow, last: int) -> None:
    for i in range(1, last + 1):
        if i == 10:
            qtbot.waitUntil(lambda: window.run_page.snapshot.view("10").status == "allowed", timeout=10_000)
        do_step(qtbot, window, f"{i:02d}")


def tab_walk(qtbot, start: QWidget, count: int) -> list[QWidget]:
    """The widgets Tab visits from ``start`` (the focus moves with each Tab)."""
    start.setFocus(Qt.FocusReason.TabFocusReason)
    seen = [start]
    for _ in range(count):
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
        seen.append(focused())
    return seen


# ---------------------------------------------------------------------- the run screen
def test_space_and_enter_press_the_focused_button_and_fail_stays_fail(qtbot, store, library):
    window = active_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    # on arrival the focus is where the next input goes: step 01's first required field
    assert run.current_step == "01" and focused() is run.inputs.fields.inputs["oem_procedure"]
    type_text(qtbot, DATA["01"]["oem_procedure"])
    key(qtbot, window, Qt.Key.Key_Tab)
    assert focused() is run.inputs.fields.inputs["working_voltage_identified"]
    type_text(qtbot, "400")
    before = recorded(store, window)
    key(qtbot, window, Qt.Key.Key_Return)  # Enter in a step-data field records the data, nothing else
    assert recorded(store, window)[len(before):] == [("step_data_recorded", {
        "step": "01", "values": {"oem_procedure": DATA["01"]["oem_procedure"],
                                 "working_voltage_identified": 400.0},
        "checks": recorded(store, window)[-1][1]["checks"]})]
    key(qtbot, window, Qt.Key.Key_Escape)  # Esc leaves the field, for the result buttons
    assert focused() is run.pass_button
    key(qtbot, window, Qt.Key.Key_Space)  # Space on the focused Pass button
    assert results(store, window) == [("01", "pass", "")]

    # step 02 has nothing to enter: the focus is on Pass; Enter presses it
    assert run.current_step == "02" and focused() is run.pass_button
    key(qtbot, window, Qt.Key.Key_Return)
    assert results(store, window)[-1] == ("02", "pass", "")

    # step 03: Tab to Fail; Space on it records a fail, never a pass
    assert run.current_step == "03" and focused() is run.pass_button
    key(qtbot, window, Qt.Key.Key_Tab)
    assert focused() is run.fail_button
    before = recorded(store, window)
    key(qtbot, window, Qt.Key.Key_Space)
    added = recorded(store, window)[len(before):]
    assert [(k, p["step"], p["result"]) for k, p in added] == [("step_result", "03", "fail")]
    window.close()


def test_enter_and_esc_in_the_reason_never_record_a_result_and_never_land_on_pass(qtbot, store, library):
    window = active_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    through(qtbot, window, 2)
    assert run.current_step == "03"
    run.reason.setFocus()
    before = recorded(store, window)
    type_text(qtbot, "Warning sign not placed ")  # a space, and the shortcut letters N, S, P, R, D, C
    key(qtbot, window, Qt.Key.Key_Return)
    assert recorded(store, window) == before  # Enter in the reason records nothing
    assert run.reason.text() == "Warning sign not placed "
    assert focused() is run.fail_button  # a reason is for a fail (this step has no N/A): not Pass
    key(qtbot, window, Qt.Key.Key_Return)  # Enter on the focused Fail: the fail, with its reason
    assert results(store, window)[-1] == ("03", "fail", "Warning sign not placed")

    # a step that may be N/A: with the reason empty, Enter there goes on to Pass (nothing typed that
    # a pass would ignore); with a reason, Enter or Esc goes to N/A, and Enter on N/A records it
    step = next(s.id for s in run.snapshot.spec.steps if s.na_allowed)
    select(qtbot, run, step)
    before = recorded(store, window)
    run.reason.setFocus()
    key(qtbot, window, Qt.Key.Key_Return)
    assert focused() is run.pass_button and recorded(store, window) == before
    run.reason.setFocus()
    type_text(qtbot, "Series vehicle: no such part")
    key(qtbot, window, Qt.Key.Key_Escape)
    assert recorded(store, window) == before and focused() is run.na_button
    key(qtbot, window, Qt.Key.Key_Return)
    assert results(store, window)[-1] == (step, "na", "Series vehicle: no such part")
    window.close()


def test_letters_type_into_a_text_field_and_an_open_list_and_act_nowhere_else(qtbot, store, library):
    window = active_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    do_step(qtbot, window, "01")
    assert run.current_step == "02"
    before = recorded(store, window)
    run.note.setFocus()
    type_text(qtbot, "f")
    assert run.note.text() == "f" and recorded(store, window) == before  # "f" typed, no fail
    type_text(qtbot, "nshprdcv ")  # N/A, hazard, start, photo, review, diagnostics, video: all typed
    assert run.note.text() == "fnshprdcv " and recorded(store, window) == before
    assert window.stack.currentWidget() is run  # R typed, not the review
    key(qtbot, window, Qt.Key.Key_Return)  # Enter in a note adds the note
    assert recorded(store, window)[len(before):] == [("note_added", {"text": "fnshprdcv", "step": "02"})]
    assert run.note.text() == "" and focused() is run.note
    key(qtbot, window, Qt.Key.Key_Escape)
    assert focused() is run.pass_button

    # an open list of people: letters, Space and Enter choose in it; Esc closes it; nothing recorded
    before = recorded(store, window)
    run.person.setFocus()
    key(qtbot, window, Qt.Key.Key_Space)
    qtbot.waitUntil(run.person.view().isVisible, timeout=2000)
    for k in (Qt.Key.Key_F, Qt.Key.Key_N, Qt.Key.Key_S, Qt.Key.Key_Down):
        key(qtbot, window, k)
    assert run.person.view().isVisible()
    key(qtbot, window, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not run.person.view().isVisible(), timeout=2000)
    assert recorded(store, window) == before and window.stack.currentWidget() is run
    assert focused() is run.person  # Esc closed the list; the focus stays on it

    # where nothing takes text (a button has the focus) the letters act: F records the fail
    run.pass_button.setFocus()
    key(qtbot, window, Qt.Key.Key_F)
    assert results(store, window)[-1][:2] == ("02", "fail")
    window.close()


def test_readings_by_keyboard_the_instrument_first_then_each_reading_then_the_result(qtbot, store,
                                                                                      short_library):
    window = active_window(qtbot, store, short_library)
    start_hv(qtbot, window, params="test-short-window")
    run = window.run_page
    through(qtbot, window, 10)
    # step 11 asks for the instrument its reading is taken on: the focus starts there
    assert run.current_step == "11" and focused() is run.instrument.instrument
    type_text(qtbot, METER)
    key(qtbot, window, Qt.Key.Key_Return)
    assert focused() is run.instrument.range
    type_text(qtbot, "1000 V DC")
    key(qtbot, window, Qt.Key.Key_Return)
    assert focused() is run._edits["proving_source"]
    before = recorded(store, window)
    type_text(qtbot, "thirteen")
    key(qtbot, window, Qt.Key.Key_Return)  # not a number: said, nothing recorded, the focus stays
    assert recorded(store, window) == before and focused() is run._edits["proving_source"]
    assert run.refusal.text().startswith("Tester on the known source")  # the field named
    run._edits["proving_source"].clear()
    type_text(qtbot, "13,8")
    key(qtbot, window, Qt.Key.Key_Return)  # Enter in a reading records the reading, nothing else
    [(kind, payload)] = recorded(store, window)[len(before):]
    assert (kind, payload["measurement"], payload["entered_value"], payload["instrument"],
            payload["range_label"]) == ("measurement_recorded", "proving_source", 13.8, METER, "1000 V DC")
    assert focused() is run.pass_button  # every reading taken: on to the result buttons
    key(qtbot, window, Qt.Key.Key_Space)
    assert results(store, window)[-1] == ("11", "pass", "")

    # step 12: the instrument is known; the focus is on the first reading, the window counts down
    assert run.current_step == "12" and focused() is run._edits["hv_plus_chassis"]
    assert run.wait.text().startswith("Live-dead-live window: ") and run.wait.text().endswith(" s left")
    before = recorded(store, window)
    for mid, value in (("hv_plus_chassis", "0.2"), ("hv_minus_chassis", "-0.1")):
        assert focused() is run._edits[mid]
        type_text(qtbot, value)
        key(qtbot, window, Qt.Key.Key_Return)
    assert [(k, p["measurement"]) for k, p in recorded(store, window)[len(before):]] == [
        ("measurement_recorded", "hv_plus_chassis"), ("measurement_recorded", "hv_minus_chassis")]
    assert focused() is run._edits["hv_plus_minus"]  # the next reading still to take
    window.close()


def test_the_live_dead_live_countdown_its_end_is_heard_and_seen_and_the_refusal_agrees(
        qtbot, store, short_library):
    window = active_window(qtbot, store, short_library)
    run = window.run_page
    beeps: list[str] = []
    run.beep = lambda: beeps.append(run.wait.text())
    start_hv(qtbot, window, params="test-short-window")
    through(qtbot, window, 8)

    # the discharge wait: step 10 counts down from the moment step 08 is passed
    select(qtbot, run, "10")
    assert run.wait.objectName() == "wait" and run.wait.text().startswith("Discharge wait: ")
    do_step(qtbot, window, "09")
    select(qtbot, run, "10")
    run.pass_button.setFocus()
    key(qtbot, window, Qt.Key.Key_Space)  # a pass refused is told with the countdown's own figure
    assert "10" not in [s for s, _r, _why in results(store, window)]
    assert run.refusal.text() and run.refusal.text() in run.wait.text()
    qtbot.waitUntil(lambda: run.wait.objectName() == "ok", timeout=10_000)
    assert run.wait.text() == "Discharge wait over: step 10 can be done now"
    assert len(beeps) == 1  # once, though the wait holds back steps 10 and 12
    qtbot.waitUntil(lambda: run.snapshot.view("10").status == "allowed", timeout=5000)
    do_step(qtbot, window, "10")
    do_step(qtbot, window, "11")

    # the live-dead-live window: a live countdown on step 12, then closed, heard once and seen
    assert run.current_step == "12"
    assert run.wait.objectName() == "wait" and run.wait.text().startswith("Live-dead-live window: ")
    qtbot.waitUntil(lambda: len(beeps) == 2, timeout=WINDOW_S * 1000 + 5000)
    assert run.wait.objectName() == "refusal"
    assert run.wait.text() == ("Live-dead-live window closed for step 12: do the sequence again or record "
                               "a fail")
    before = recorded(store, window)
    run.pass_button.setFocus()
    key(qtbot, window, Qt.Key.Key_Space)
    assert recorded(store, window) == before
    assert run.refusal.text() == "Live-dead-live window closed"  # the same figure as the countdown
    qtbot.waitUntil(run.inputs.redo_button.isVisible, timeout=5000)
    assert len(beeps) == 2  # each end is announced once
    # another step, then back: the cue is gone, the closed window is still said
    select(qtbot, run, "11")
    select(qtbot, run, "12")
    assert run.wait.text() == "Live-dead-live window closed" and run.wait.objectName() == "refusal"
    window.close()


def test_enter_on_the_step_list_goes_into_the_step_and_space_there_passes(qtbot, store, library):
    window = active_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    run.steps.setFocus()
    before = recorded(store, window)
    key(qtbot, window, Qt.Key.Key_Return)  # Enter on the list: into the step, nothing recorded
    assert focused() is run.inputs.fields.inputs["oem_procedure"] and recorded(store, window) == before
    key(qtbot, window, Qt.Key.Key_Down)  # the arrows move between steps, from a text field too
    assert run.current_step == "02" and focused() is run.pass_button
    key(qtbot, window, Qt.Key.Key_Up)
    assert run.current_step == "01" and focused() is run.inputs.fields.inputs["oem_procedure"]
    do_step(qtbot, window, "01")
    assert run.current_step == "02"
    run.steps.setFocus()
    key(qtbot, window, Qt.Key.Key_Space)  # Space where nothing takes input: the documented Pass key
    assert results(store, window) == [("01", "pass", ""), ("02", "pass", "")]
    # on a step already done there is nothing to enter: the focus stays on the list
    key(qtbot, window, Qt.Key.Key_Up)
    assert run.current_step == "02" and focused() is run.steps
    window.close()


def test_the_run_screen_tab_order_follows_the_screen(qtbot, store, library):
    window = active_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    do_step(qtbot, window, "01")
    select(qtbot, run, "04")
    fields = run.inputs.fields
    glove_class = fields.inputs["glove_class"]
    assert focused() is glove_class  # the first required field, on arrival
    walk = tab_walk(qtbot, glove_class, 3)
    assert walk[1:] == [fields.inputs["glove_test_date"], fields.inputs["glove_air_test"].yes,
                        fields.inputs["glove_air_test"].no]
    walk = tab_walk(qtbot, run.note, 8)  # (no N/A on this step; the camera and vehicle are off)
    assert walk == [run.note, run.note_button, run.reason, run.person, run.start_button, run.pass_button,
                    run.fail_button, run.steps, run.review_button]
    window.close()


# ---------------------------------------------------------------------- the other screens
def test_home_new_assessment_and_settings_by_keyboard(qtbot, store, library):
    window = active_window(qtbot, store, library)
    home = window.home
    assert window.stack.currentWidget() is home and focused() is home.new_button
    walk = tab_walk(qtbot, home.search, 5)
    assert walk == [home.search, home.status, home.new_button, home.settings_button, home.feedback_button,
                    home.table]
    # (Resume is skipped while there is nothing to resume)
    home.search.setFocus()
    type_text(qtbot, "n")  # typed into the search, not "new assessment"
    assert home.search.text() == "n" and window.stack.currentWidget() is home
    key(qtbot, window, Qt.Key.Key_Escape)
    assert focused() is home.new_button
    key(qtbot, window, Qt.Key.Key_Return)  # Enter on the focused button presses it
    page = window.new_page
    assert window.stack.currentWidget() is page

    # the new assessment: the focus on the first field; Enter goes on to the next; Esc to Start
    assert focused() is page.candidate_id
    type_text(qtbot, "L-017")
    key(qtbot, window, Qt.Key.Key_Return)
    assert focused() is page.candidate_name
    walk = tab_walk(qtbot, page.candidate_id, 16)
    assert walk == [page.candidate_id, page.candidate_name, page.assessor_id, page.assessor_name,
                    page.responsible_id, page.responsible_name, page.workshop_id, page.workshop_name,
                    page.workshop_country, page.workshop_address, page.checklist, page.parameters,
                    page.vin, page.voltage, page.consent, page.cancel_button, page.start_button]
    page.voltage.setFocus()
    key(qtbot, window, Qt.Key.Key_Escape)
    assert focused() is page.start_button and store.list() == []  # Esc leaves; it starts nothing
    page.consent.setFocus()
    checked = page.consent.isChecked()
    key(qtbot, window, Qt.Key.Key_Space)
    assert page.consent.isChecked() is not checked
    page.cancel_button.setFocus()
    key(qtbot, window, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is home and store.list() == []

    # settings: the focus on its first control; Esc in a field goes to Save; nothing saved by keys
    home.settings_button.setFocus()
    key(qtbot, window, Qt.Key.Key_Space)
    settings = window.settings_page
    assert window.stack.currentWidget() is settings and focused() is settings.language
    settings.data_dir.setFocus()
    type_text(qtbot, "s")
    key(qtbot, window, Qt.Key.Key_Escape)
    assert settings.data_dir.text().endswith("s") and focused() is settings.save_button
    assert settings.message.text() == ""  # Esc on the way to Save saved nothing
    walk = tab_walk(qtbot, settings.language, 4)
    assert walk[:3] == [settings.language, settings.data_dir, settings.browse]
    assert walk[3] in settings.appearance.buttons.values() and walk[4] is settings.camera
    settings.back_button.setFocus()
    key(qtbot, window, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is home
    window.close()


def test_enter_on_the_home_list_resumes_the_chosen_assessment(qtbot, store, library):
    window = active_window(qtbot, store, library)
    start_hv(qtbot, window)
    window.show_home()
    wait_idle(qtbot, window)
    home = window.home
    assert home.resume_button.isEnabled() and focused() is home.resume_button
    home.table.setFocus()
    home.table.selectRow(0)
    key(qtbot, window, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.run_page, timeout=5000)
    assert focused() is window.run_page.inputs.fields.inputs["oem_procedure"]
    window.close()


def test_review_esc_leaves_a_field_then_goes_back_and_tab_follows_the_screen(qtbot, store, library):
    window = active_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    run.pass_button.setFocus()
    key(qtbot, window, Qt.Key.Key_R)
    review = window.review
    assert window.stack.currentWidget() is review
    before = recorded(store, window)
    review.signers["assessor"].setFocus()
    type_text(qtbot, "Ari Assessor")
    key(qtbot, window, Qt.Key.Key_Escape)  # Esc leaves the field: still on the review, nothing signed
    assert window.stack.currentWidget() is review and recorded(store, window) == before
    assert focused() is review.finish_button
    key(qtbot, window, Qt.Key.Key_Escape)  # Esc elsewhere: back to the steps, as before
    assert window.stack.currentWidget() is run
    assert focused() is run.inputs.fields.inputs["oem_procedure"]  # where the step's next input goes
    key(qtbot, window, Qt.Key.Key_R)  # R in the field is typed, not the review
    assert window.stack.currentWidget() is run and run.inputs.fields.inputs["oem_procedure"].text() == "r"

    run.review_button.setFocus()
    key(qtbot, window, Qt.Key.Key_Space)
    assert window.stack.currentWidget() is review
    # the sign-off: Enter in the name signs (the field's own action), never a step result
    review.signers["assessor"].setFocus()
    key(qtbot, window, Qt.Key.Key_Return)
    signed = [p for k, p in recorded(store, window) if k == "signed_off"]
    assert [p["role"] for p in signed] == ["assessor"]
    assert not [k for k, _p in recorded(store, window) if k == "step_result"]
    identity = review.identity_method
    walk = tab_walk(qtbot, identity, 2)
    assert walk == [identity, review.identity_note, review.identity_button]
    walk = tab_walk(qtbot, review.back_button, 3)
    assert walk == [review.back_button, review.home_button, review.abandon_button, review.finish_button]
    window.close()


def test_a_focused_closed_list_opens_on_space_or_enter_and_records_nothing(qtbot, store, library):
    window = active_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    do_step(qtbot, window, "01")
    select(qtbot, run, "04")
    combo = run.inputs.fields.inputs["glove_class"]
    assert isinstance(combo, QComboBox) and focused() is combo
    before = recorded(store, window)
    for k in (Qt.Key.Key_Return, Qt.Key.Key_Space):
        key(qtbot, window, k)
        qtbot.waitUntil(combo.view().isVisible, timeout=2000)
        key(qtbot, window, Qt.Key.Key_Escape)
        qtbot.waitUntil(lambda: not combo.view().isVisible(), timeout=2000)
    assert recorded(store, window) == before and window.stack.currentWidget() is run
    window.close()


def test_the_camera_and_vehicle_keys_act_only_where_nothing_is_typed(qtbot, store, library):
    window = active_window(qtbot, store, library, camera="simulated")
    start_hv(qtbot, window)  # with consent to video: the simulated camera records
    run = window.run_page
    panel = run.video
    qtbot.waitUntil(lambda: "REC" in panel.indicator.text(), timeout=10_000)
    asked: list[str] = []
    panel.toggle_requested.connect(lambda: asked.append("V"))
    run.diagnostics.snapshot_requested.connect(lambda: asked.append("D"))
    run.diagnostics.condition_requested.connect(lambda: asked.append("C"))
    run.diagnostics.set_buttons(True, True)  # as when the step asks the connected vehicle for both
    run.note.setFocus()
    type_text(qtbot, "vdc")
    wait_idle(qtbot, window)
    assert run.note.text() == "vdc" and asked == [] and "REC" in panel.indicator.text()
    key(qtbot, window, Qt.Key.Key_Escape)
    assert focused() is run.pass_button
    for k in (Qt.Key.Key_D, Qt.Key.Key_C, Qt.Key.Key_V):
        key(qtbot, window, k)
    assert asked == ["D", "C", "V"]
    qtbot.waitUntil(lambda: "Paused" in panel.indicator.text(), timeout=5000)
    assert not [k for k, _p in recorded(store, window) if k == "step_result"]
    window.close()
