"""What the window records besides a step's result: structured data with each check's verdict,
photos (camera and file) with their thumbnails, the hazard stop, the assessor's interventions, the
redo of a lapsed live-dead-live window, who did a step, and the people of a new assessment."""

from __future__ import annotations

from pathlib import Path

import cv2
import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog
from test_assessment_window import (
    DATA,
    check_identity,
    do_step,
    fill,
    fill_new,
    make_window,
    record_data,
    select,
    sign,
    start_hv,
    wait_idle,
)

from assessor_app.core.engine import AddNote
from assessor_app.core.specs.loader import load_checklist, load_parameter_set
from assessor_app.gui.main_window import MainWindow
from assessor_app.gui.pages.step_inputs import THUMB_SHOWN
from assessor_app.storage.captures import CaptureIndex
from assessor_app.sync.outbox import Enrollment


@pytest.fixture
def lapse_library(library, tmp_path: Path):
    """The fast set with a live-dead-live window short enough to lapse during a test."""
    text = (library.parameter_sets["test-fast"].source.replace("id: test-fast", "id: test-lapse")
            .replace("discharge_wait: {value: 1.5, unit: s}", "discharge_wait: {value: 0.1, unit: s}")
            .replace("live_dead_live_window: {value: 5, unit: min}",
                     "live_dead_live_window: {value: 1, unit: s}"))
    assert "test-lapse" in text and "{value: 1, unit: s}" in text
    path = tmp_path / "test-lapse.yaml"
    path.write_text(text, encoding="utf-8")
    fast = load_parameter_set(path)
    library.parameter_sets[fast.params.id] = fast
    return library


def press(qtbot, window: MainWindow, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)


def through(qtbot, window: MainWindow, last: int) -> None:
    """Steps 01 to ``last``, each with its data, readings and pass (waiting out the discharge)."""
    for i in range(1, last + 1):
        step = f"{i:02d}"
        if step == "10":
            qtbot.waitUntil(lambda: window.run_page.snapshot.view("10").status == "allowed", timeout=10_000)
        do_step(qtbot, window, step)


def events(store, window: MainWindow, kind: str) -> list:
    return [e for e in store.events(window.controller.recorder.assessment_id) if e.kind == kind]


# ---------------------------------------------------------------- structured data
def test_step_data_is_recorded_and_a_failed_check_is_shown_with_the_engines_reason(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    for step in ("01", "02", "03"):
        do_step(qtbot, window, step)
    select(qtbot, run, "05")
    assert run.inputs.fields.isVisible()
    values = {**DATA["05"], "voltage_rating": "300"}
    record_data(qtbot, window, values)
    rating = ("Tester's voltage rating against the vehicle's working voltage: 300 V is below the vehicle's "
              "working voltage (400 V)")
    assert run.inputs.fields.verdicts["voltage_rating"].text() == f"✘ {rating}"
    assert run.inputs.fields.verdicts["instrument_id"].text() == "recorded ✔"
    [recorded] = [e for e in events(store, window, "step_data_recorded") if e.payload["step"] == "05"]
    assert recorded.payload["values"]["voltage_rating"] == 300.0
    check = recorded.payload["checks"]["voltage_rating"]
    assert (check["ok"], check["reason"]["code"], check["reason"]["text"]) == (
        False, "engine.check_below", rating)
    press(qtbot, window, run.pass_button)
    assert run.refusal.text() == f"{rating}: correct it or record a fail"
    assert run.snapshot.view("05").status == "allowed"

    # corrected: the verdict turns, and the step passes
    run.inputs.fields.inputs["voltage_rating"].setText("1000")
    run.inputs.fields.inputs["voltage_rating"].setFocus()
    qtbot.keyClick(run.inputs.fields.inputs["voltage_rating"], Qt.Key.Key_Return)  # Enter records the data
    wait_idle(qtbot, window)
    assert run.inputs.fields.verdicts["voltage_rating"].text() == "recorded ✔"
    press(qtbot, window, run.pass_button)
    assert run.snapshot.view("05").status == "passed"

    # a value the engine cannot read is refused with its reason; nothing recorded
    select(qtbot, run, "04")
    fill(run, {"glove_test_date": "last spring"})
    press(qtbot, window, run.inputs.fields.record_button)
    assert run.refusal.text() == ("Date of the gloves' last dielectric test (date stamp): a date as "
                                  "YYYY-MM-DD is expected")
    # a boolean that must be yes
    record_data(qtbot, window, {**DATA["04"], "glove_air_test": False})
    assert run.inputs.fields.verdicts["glove_air_test"].text() == (
        "✘ Air-inflation test done before use, no leak: must be yes")
    window.close()


def test_typed_values_survive_a_refresh_of_the_same_step(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    do_step(qtbot, window, "01")
    select(qtbot, run, "04")
    fill(run, {"glove_class": "0", "insulated_tools": True})
    run.action_requested.emit(AddNote("Gloves taken from the HV cabinet", "04"))
    wait_idle(qtbot, window)  # a snapshot of the same step arrives
    assert run.inputs.fields.inputs["glove_class"].currentData() == "0"
    assert run.inputs.fields.inputs["insulated_tools"].value() is True
    window.close()


def test_space_on_a_focused_input_does_what_it_says_and_never_passes_the_step(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    do_step(qtbot, window, "01")
    select(qtbot, run, "04")
    no = run.inputs.fields.inputs["glove_air_test"].no
    no.setFocus()
    qtbot.keyClick(no, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    assert no.isChecked() and run.snapshot.view("04").status == "allowed"
    run.person.setFocus()
    qtbot.keyClick(run.person, Qt.Key.Key_Space)  # opens the list of people
    wait_idle(qtbot, window)
    run.person.hidePopup()
    assert run.snapshot.view("04").status == "allowed"
    window.close()


# ---------------------------------------------------------------- photos
def test_photos_from_the_recording_camera_and_from_a_file_with_thumbnails(qtbot, store, library, tmp_path,
                                                                          monkeypatch):
    window = MainWindow(store, library, camera="simulated")
    qtbot.addWidget(window)
    window.show()
    start_hv(qtbot, window)  # consent to video: the simulated camera records
    run = window.run_page
    qtbot.waitUntil(lambda: "REC" in run.video.indicator.text(), timeout=10_000)
    qtbot.waitUntil(lambda: window.video.session.latest_frame() is not None, timeout=5000)
    select(qtbot, run, "01")
    run.steps.setFocus()
    qtbot.keyClick(run.steps, Qt.Key.Key_P)  # Photo (P)
    wait_idle(qtbot, window)
    assert run.refusal.text() == ""
    picture = tmp_path / "IMG_0042.png"
    assert cv2.imwrite(str(picture), np.full((300, 400, 3), 180, np.uint8))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(picture), ""))
    press(qtbot, window, run.inputs.photos.file_button)

    photos = [e.payload for e in events(store, window, "photo_recorded")]
    assert [(p["step"], p["source"], p["evidence"]) for p in photos] == [
        ("01", "camera", "photos/01-1.jpg"), ("01", "file", "photos/01-2.png")]
    assert (photos[0]["width"], photos[0]["height"]) == (640, 360)  # the recording's frame
    assert (photos[1]["width"], photos[1]["height"]) == (400, 300)
    assessment_id = window.controller.recorder.assessment_id
    indexed = [f.name for f in CaptureIndex(store).files(assessment_id, kind="photo")]
    assert indexed == ["photos/01-1.jpg", "photos/01-2.png"]
    strip = run.inputs.photos.strip
    assert strip.isVisible() and strip.count() == 2
    for i in range(2):
        icon = strip.item(i).icon()
        assert not icon.isNull() and not icon.pixmap(THUMB_SHOWN).isNull()
    assert strip.item(1).data(Qt.ItemDataRole.UserRole) == "photos/01-2.png"
    assert run.inputs.photos.problems.text() == ""
    # another step has its own (none yet)
    select(qtbot, run, "02")
    assert run.inputs.photos.strip.count() == 0 and not run.inputs.photos.strip.isVisible()
    window.close()


def test_a_still_without_recording_and_no_camera_at_all(qtbot, store, library):
    window = MainWindow(store, library, camera="simulated")
    qtbot.addWidget(window)
    window.show()
    start_hv(qtbot, window, consent=False)  # no recording: the camera is opened for a still
    run = window.run_page
    select(qtbot, run, "01")
    press(qtbot, window, run.inputs.photos.take_button)
    [photo] = [e.payload for e in events(store, window, "photo_recorded")]
    assert (photo["source"], photo["width"], photo["height"]) == ("camera", 1920, 1080)
    assert run.inputs.photos.strip.count() == 1
    window.close()

    without = make_window(qtbot, store, library)  # no camera chosen in the settings
    start_hv(qtbot, without)
    select(qtbot, without.run_page, "01")
    press(qtbot, without, without.run_page.inputs.photos.take_button)
    assert without.run_page.refusal.text() == ("No camera is set for this assessment: choose one in the "
                                               "settings, or import the photo from a file.")
    assert events(store, without, "photo_recorded") == []
    without.close()


def test_an_imported_file_that_is_no_picture_is_refused_with_its_name(qtbot, store, library, tmp_path,
                                                                       monkeypatch):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    select(qtbot, run, "01")
    fake = tmp_path / "notes.jpg"
    fake.write_text("not a picture", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(fake), ""))
    press(qtbot, window, run.inputs.photos.file_button)
    assert str(fake) in run.refusal.text()
    assert events(store, window, "photo_recorded") == []
    window.close()


# ---------------------------------------------------------------- hazard stop
def test_a_live_dead_test_ends_as_stopped_safely(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    through(qtbot, window, 11)
    select(qtbot, run, "12")
    assert run.hazard_button.isVisible() and run.hazard_button.isEnabled()
    assert run.hazard_text.text().startswith("Hazard stop: Voltage found after the discharge wait")
    edit = run._edits["hv_plus_chassis"]
    edit.setText("230")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert "OUT OF RANGE" in run._verdicts["hv_plus_chassis"].text()
    assert run.inputs.lock.text().startswith("Locked into the hazard stop: HV+ to chassis read 230 V")
    # measured again in range: still locked, no pass
    edit = run._edits["hv_plus_chassis"]  # the readings are laid out again with each snapshot
    edit.setText("0.1")
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    press(qtbot, window, run.pass_button)
    assert run.refusal.text().startswith("HV+ to chassis read 230 V cannot be measured away")
    # the hazard stop needs what was found
    run.steps.setFocus()
    qtbot.keyClick(run.steps, Qt.Key.Key_H)
    wait_idle(qtbot, window)
    assert run.refusal.text() == "say what was found (the hazard), and that the vehicle was made safe"
    run.reason.setText("230 V HV+ to chassis: contactor welded; barrier on, vehicle quarantined, 3S informed")
    qtbot.keyClick(run.steps, Qt.Key.Key_H)
    wait_idle(qtbot, window)
    assert run.snapshot.view("12").status == "hazard"
    assert run.steps.item(11).text().startswith("⚠")
    assert run.banner.text().startswith("hazard found at step 12")
    assert not run.pass_button.isEnabled() and not run.hazard_button.isEnabled()

    qtbot.keyClick(run.steps, Qt.Key.Key_R)
    review = window.review
    assert review.outcome.text() == "Outcome so far: stopped safely"
    assert review.stopped_safely.text().startswith("Hazard found and correctly stopped")
    sign(qtbot, window, "assessor", "Ari Assessor")
    sign(qtbot, window, "candidate", "Lea Learner")
    check_identity(qtbot, window, "known_to_assessor")
    press(qtbot, window, review.finish_button)
    press(qtbot, window, review.confirm.yes)  # Finish asks first
    assert review.outcome.text() == "Outcome: stopped safely", review.message.text()
    [summary] = store.list()
    assert (summary.status, summary.outcome) == ("finished", "stopped_safely")
    window.close()


# ---------------------------------------------------------------- interventions and who did it
def test_a_prompt_is_recorded_and_an_intervention_on_a_critical_step_fails_it(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    do_step(qtbot, window, "01")
    select(qtbot, run, "03")  # high risk: a prompt is recorded, the step goes on
    box = run.inputs.interventions
    assert box.warning.text() == ""
    press(qtbot, window, box.prompt_button)
    assert run.refusal.text() == "say what you prompted or why you intervened"
    box.note.setText("Reminded the learner to place the warning sign")
    press(qtbot, window, box.prompt_button)
    assert box.recorded.text() == "prompt (attempt 1): Reminded the learner to place the warning sign"
    assert run.snapshot.view("03").status == "allowed"

    select(qtbot, run, "04")  # critical: said before the button is pressed
    assert box.warning.text() == "Critical step: a prompt or an intervention fails this step."
    box.note.setText("Stopped the learner reaching for the plug without gloves")
    press(qtbot, window, box.intervene_button)
    assert run.snapshot.view("04").status == "failed"
    assert run.banner.text().startswith("critical step 04")
    [given] = [e.payload for e in events(store, window, "intervention_recorded") if e.payload["step"] == "04"]
    assert (given["intervention"], given["fails_step"]) == ("intervention", True)
    window.close()


def test_who_did_it_is_a_person_of_the_assessment(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    assert [run.person.itemData(i) for i in range(run.person.count())] == ["L-017", "assessor-03"]
    assert run.person.itemText(0) == "candidate: Lea Learner (L-017)"
    through(qtbot, window, 8)
    select(qtbot, run, "09")
    record_data(qtbot, window, DATA["09"])
    run.person.setCurrentIndex(1)  # the assessor applied the lock: refused
    press(qtbot, window, run.pass_button)
    assert run.refusal.text() == "step 09 must be done by the candidate (L-017), not by the assessor"
    assert run.person.currentData() == "assessor-03"
    run.person.setCurrentIndex(0)
    press(qtbot, window, run.pass_button)
    assert run.snapshot.view("09").status == "passed"
    assert run.snapshot.work["09"].person == "L-017"
    window.close()


# ---------------------------------------------------------------- a lapsed live-dead-live window
def test_a_lapsed_window_offers_the_redo_from_proving_the_tester(qtbot, store, lapse_library):
    window = make_window(qtbot, store, lapse_library)
    start_hv(qtbot, window, params="test-lapse")
    run = window.run_page
    through(qtbot, window, 11)
    select(qtbot, run, "12")
    redo = run.inputs.redo_button
    qtbot.waitUntil(redo.isVisible, timeout=10_000)  # the window lapses: the screen offers the redo
    assert run.inputs.redo_text.text().startswith("The live-dead-live window has lapsed: do the sequence "
                                                  "again from step 11")
    press(qtbot, window, redo)
    [reopened] = events(store, window, "steps_reopened")
    assert reopened.payload["step"] == "11" and reopened.payload["reopened"][0] == "11"
    assert run.snapshot.view("11").status == "allowed" and run.snapshot.view("11").attempts == 1
    assert not redo.isVisible()
    window.close()


# ---------------------------------------------------------------- the new assessment
def test_start_is_refused_when_the_assessor_is_the_candidate(qtbot, store, library):
    window = make_window(qtbot, store, library)
    fill_new(qtbot, window)
    page = window.new_page
    page.assessor_id.setText("L-017")
    press(qtbot, window, page.start_button)
    assert page.error.text() == "the assessor cannot be the candidate: another assessor must assess"
    assert window.stack.currentWidget() is page and store.list() == []
    window.close()


def test_the_new_assessment_asks_for_the_country_and_prefills_the_enrolled_workshop(qtbot, store, library):
    window = make_window(qtbot, store, library)
    wait_idle(qtbot, window)  # the delivery has looked for an enrollment: none
    window.delivery.outbox.save_enrollment(Enrollment(
        "https://provider.example/", "dev-1", "ws-pohjola", "Autokorjaamo Pohjola", "prov-1", "", 1,
        workshop_country="FI", awarding_body="Ammattiopisto Pohjola"))
    press(qtbot, window, window.home.new_button)
    page = window.new_page
    qtbot.waitUntil(lambda: page.workshop_id.text() == "ws-pohjola", timeout=5000)
    assert (page.workshop_name.text(), page.workshop_country.text()) == ("Autokorjaamo Pohjola", "FI")
    assert page.awarding_label.text() == ("Awarding body: Ammattiopisto Pohjola (the training provider this "
                                          "workstation is enrolled with)")
    page.candidate_id.setText("L-017")
    page.assessor_id.setText("assessor-03")
    page.workshop_country.clear()
    press(qtbot, window, page.start_button)
    assert page.error.text() == "Please fill in: country"
    page.workshop_country.setText("F1")
    press(qtbot, window, page.start_button)
    assert page.error.text() == "Country: two letters (ISO 3166), e.g. FI, not F1"
    page.responsible_name.setText("Tero Työnjohtaja")
    page.workshop_country.setText("FI")
    press(qtbot, window, page.start_button)
    assert page.error.text() == "Please fill in: responsible person id"
    page.responsible_id.setText("rp-1")
    page.checklist.setCurrentIndex(page.checklist.findData("hv-isolation-series"))
    page.parameters.setCurrentIndex(page.parameters.findData("test-fast"))
    press(qtbot, window, page.start_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.run_page, timeout=5000)
    [summary] = store.list()
    first = store.events(summary.id)[0].payload
    assert first["responsible_person"] == {"id": "rp-1"}
    assert first["workshop"] == {"id": "ws-pohjola", "country": "FI"}
    assert first["assessment"]["awarding_body"] == "Ammattiopisto Pohjola"
    assert store.identity(summary.id)["responsible_person"] == {"id": "rp-1", "name": "Tero Työnjohtaja"}
    roles = [p.role for p in window.run_page.snapshot.people]
    assert roles == ["candidate", "assessor", "responsible_person"]
    window.close()


def test_a_checklist_that_asks_for_the_responsible_person_gets_their_sign_off(qtbot, store, library,
                                                                              tmp_path):
    data = Path(__file__).resolve().parents[1] / "data"
    text = (data / "validity-checklist.yaml").read_text(encoding="utf-8")
    assert "signoffs: [assessor, candidate]\n" in text
    path = tmp_path / "validity-responsible.yaml"
    path.write_text(text.replace("signoffs: [assessor, candidate]\n",
                                 "signoffs: [assessor, candidate, responsible_person]\n"), encoding="utf-8")
    checklist = load_checklist(path)
    library.checklists[checklist.spec.id] = checklist
    params = load_parameter_set(data / "validity-params.yaml")
    library.parameter_sets[params.params.id] = params
    window = make_window(qtbot, store, library)
    fill_new(qtbot, window)
    page = window.new_page
    page.checklist.setCurrentIndex(page.checklist.findData("validity-isolation"))
    page.parameters.setCurrentIndex(page.parameters.findData("validity-800v"))
    assert page.responsible_note.text() == ("This checklist asks for the responsible person's sign-off: "
                                            "name them.")
    press(qtbot, window, page.start_button)
    assert page.error.text() == "Please fill in: responsible person id"
    page.responsible_id.setText("rp-7")
    page.responsible_name.setText("Tero Työnjohtaja")
    press(qtbot, window, page.start_button)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.run_page, timeout=5000)

    qtbot.keyClick(window.run_page.steps, Qt.Key.Key_R)
    review = window.review
    assert review.sign_buttons["responsible_person"].isVisible()
    assert review.statements["responsible_person"].text() == (
        "I was responsible for this work (SFS 6002) and confirm this record.")
    sign(qtbot, window, "responsible_person", "Tero Työnjohtaja")
    [signed] = [e.payload for e in events(store, window, "signed_off")]
    assert signed == {"role": "responsible_person", "person": "rp-7",
                      "statement": "I was responsible for this work (SFS 6002) and confirm this record."}
    assert not review.sign_buttons["responsible_person"].isEnabled()
    window.close()
