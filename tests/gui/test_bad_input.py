"""Bad input, said plainly, through the real widgets: typed keys, a real store, and what was recorded.

A working voltage of 5000 V is refused by name and never cut; a VIN with an O is refused; a reading
of 1e999 is refused; each message stays until its field is fixed (whatever is refreshed meanwhile)
and fixing the field clears it. Checklists that fail to load are on the home screen; the data
folder's checklist folder and what came from it are in Settings; and an assessment resumed after a
newer version arrived keeps the checklist it pinned."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from test_assessment_window import HV, fill_new, make_window, select, start_hv, wait_idle

from assessor_app.core.specs.library import load_library
from assessor_app.core.specs.loader import problem_lines, validate_paths
from assessor_app.gui.main_window import MainWindow
from assessor_app.paths import checklists_dir, user_checklists_dir


def retype(qtbot, edit: QLineEdit, text: str) -> None:
    """Select what the field holds and type over it, key by key, as a trainer does."""
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    QTest.keyClicks(edit, text)


def with_user_folder(library, store, files: dict[str, str]):
    """The library as the window loads it: shipped checklists, then the data folder's own."""
    folder = user_checklists_dir(store.path.parent)
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (folder / name).write_text(text, encoding="utf-8")
    lib = load_library(checklists_dir(), folder)
    lib.parameter_sets.update(library.parameter_sets)  # and the fast test set
    return lib, folder


# ---------------------------------------------------------------- the new assessment
def test_5000_v_is_refused_by_name_and_the_message_stays_until_the_voltage_is_fixed(qtbot, store, library):
    window = make_window(qtbot, store, library)
    fill_new(qtbot, window)
    page = window.new_page
    assert page.voltage.text() == "400"  # the parameter set's working voltage, prefilled
    retype(qtbot, page.voltage, "5000")
    said = "Working voltage: 5000 V is not plausible (at most 1500 V)"
    assert page.voltage.text() == "5000"  # never cut to 500 or 1500
    assert (page.voltage_message.text(), page.voltage_message.isVisibleTo(page)) == (said, True)
    assert not page.start_button.isEnabled()
    assert page.start_why.text() == f"Cannot start: {said}"
    assert page.start_button.toolTip() == f"Cannot start: {said}"
    # other fields change, the enrollment lookup fills the workshop: the message stays
    QTest.keyClicks(page.candidate_name, " Jr")
    page.prefill_workshop(None)
    wait_idle(qtbot, window)
    assert page.voltage_message.text() == said and page.start_why.text() == f"Cannot start: {said}"
    qtbot.keyClick(page.voltage, Qt.Key.Key_Backspace)  # 500: plausible
    assert page.voltage_message.text() == "" and not page.voltage_message.isVisibleTo(page)
    assert page.start_button.isEnabled() and page.start_why.text() == ""
    retype(qtbot, page.voltage, "0,38 kV")  # with its unit, a decimal comma
    assert page.start_button.isEnabled()
    page.start_button.setFocus()
    qtbot.keyClick(page.start_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.run_page, timeout=5000)
    [summary] = store.list()
    assert store.events(summary.id)[0].payload["vehicle"]["working_voltage_v"] == 380.0
    window.close()


def test_a_voltage_that_is_not_a_number_says_so(qtbot, store, library):
    window = make_window(qtbot, store, library)
    fill_new(qtbot, window)
    page = window.new_page
    for typed, said in (("1e999", "Working voltage: 1e999 is not a finite number"),
                        ("four hundred", "Working voltage: enter a number, e.g. 0.4 or 0.4 V"),
                        ("400 A", "Working voltage: A is not a unit of this value (enter it in V)"),
                        ("", "Working voltage: enter the vehicle's working voltage (the highest in its HV "
                             "system), e.g. 400")):
        retype(qtbot, page.voltage, typed)
        assert page.voltage_message.text() == said
        assert not page.start_button.isEnabled()
    window.close()


def test_a_vin_with_an_o_is_refused_and_a_wrong_check_digit_only_warned_about(qtbot, store, library):
    window = make_window(qtbot, store, library)
    fill_new(qtbot, window)
    page = window.new_page
    retype(qtbot, page.vin, "wvwzozE1ZMP000042")  # small letters are the same VIN
    said = "VIN: letter O at position 5 is not allowed (I, O, Q are never used)"
    assert page.vin_message.text() == said and page.vin_message.objectName() == "refusal"
    assert not page.start_button.isEnabled() and page.start_why.text() == f"Cannot start: {said}"
    retype(qtbot, page.vin, "WVWZZZE1ZMP0000421")
    assert page.vin.text() == "WVWZZZE1ZMP0000421"  # never cut to 17
    assert page.vin_message.text() == "VIN: 18 characters, needs 17"
    qtbot.keyClick(page.vin, Qt.Key.Key_Backspace)
    assert page.vin_message.text() == "" and page.start_button.isEnabled()
    retype(qtbot, page.vin, "1M8GDM9A1KP042788")  # the classic example with its X misread as 1
    assert page.vin_message.text() == ("VIN: check digit 1 does not match (the VIN gives X): re-read the "
                                       "plate")
    assert page.vin_message.objectName() == "hazardText" and page.start_button.isEnabled()
    page.start_button.setFocus()
    qtbot.keyClick(page.start_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.run_page, timeout=5000)
    [summary] = store.list()
    assert store.identity(summary.id)["vehicle"]["vin"] == "1M8GDM9A1KP042788"
    window.close()


# ---------------------------------------------------------------- readings and step numbers
def test_a_1e999_reading_is_refused_by_name_and_the_message_stays_until_fixed(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    select(qtbot, run, "11")
    edit = run._edits["proving_source"]
    name = next(m.label for m in run.snapshot.measurements["11"] if m.id == "proving_source")
    assert name == "Tester on the known source (12 V battery)"
    edit.setFocus()
    QTest.keyClicks(edit, "1e999")
    said = f"{name}: 1e999 is not a finite number"
    assert run._verdicts["proving_source"].text() == said
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    assert run.refusal.text() == said
    window._refresh_run()  # a snapshot comes back (as after a countdown): the field is rebuilt
    wait_idle(qtbot, window)
    edit = run._edits["proving_source"]
    assert edit.text() == "1e999" and run._verdicts["proving_source"].text() == said
    retype(qtbot, edit, "1e13")
    assert run._verdicts["proving_source"].text() == (
        f"{name}: 10,000,000,000,000 V is not plausible (at most 10,000 V)")
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    wait_idle(qtbot, window)
    [summary] = store.list()
    assert [e.kind for e in store.events(summary.id) if e.kind == "measurement_recorded"] == []
    retype(qtbot, run._edits["proving_source"], "13,8")
    assert run._verdicts["proving_source"].text() == ""  # fixed: the message is gone
    window.close()


def test_a_step_number_that_is_not_finite_is_refused_beside_its_field(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    run = window.run_page
    select(qtbot, run, "01")
    fields = run.inputs.fields
    edit = fields.inputs["working_voltage_identified"]
    assert isinstance(edit, QLineEdit)
    edit.setFocus()
    QTest.keyClicks(edit, "1e999")
    verdict = fields.verdicts["working_voltage_identified"]
    assert verdict.text().endswith(": enter a finite number, e.g. 0.4 or 1000")
    label = run.snapshot.work["01"].fields[1].label
    assert verdict.text() == f"✘ {label}: enter a finite number, e.g. 0.4 or 1000"
    qtbot.mouseClick(fields.record_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, window)
    window._refresh_run()
    wait_idle(qtbot, window)
    assert verdict.text() == f"✘ {label}: enter a finite number, e.g. 0.4 or 1000"  # still there
    [summary] = store.list()
    assert [e for e in store.events(summary.id) if e.kind == "step_data_recorded"] == []
    retype(qtbot, edit, "400000")
    assert verdict.text() == f"✘ {label}: 400,000 V is not plausible (at most 10,000 V)"
    retype(qtbot, edit, "400")
    assert verdict.text() == ""
    window.close()


# ---------------------------------------------------------------- checklists that fail, the user folder
def test_a_checklist_that_fails_to_load_is_on_the_home_screen_with_its_problems(qtbot, store, library):
    broken = (checklists_dir() / "hv-battery-diagnostics.yaml").read_text(encoding="utf-8").replace(
        "risk: critical", "risk: deadly", 1)
    lib, folder = with_user_folder(library, store, {"broken.yaml": broken})
    window = MainWindow(store, lib)
    qtbot.addWidget(window)
    home = window.home
    assert home.checklist_problems.isVisibleTo(home)
    _files, validated = validate_paths([folder / "broken.yaml"])
    assert home.problems_text.toPlainText().splitlines() == problem_lines(validated)  # as validate says
    assert home.problems_text.toPlainText().startswith(f"{folder / 'broken.yaml'}:")
    assert home.problems_summary.text() == (
        "1 checklist file(s) could not be loaded and are not offered for new assessments. Correct them (or "
        "ask the training provider for corrected files) and start the app again.")
    window.close()


def test_no_problems_no_panel(qtbot, store, library):
    window = make_window(qtbot, store, library)
    assert not window.home.checklist_problems.isVisibleTo(window.home)
    window.close()


def test_settings_show_the_checklist_folder_and_what_came_from_it(qtbot, store, library):
    source = (checklists_dir() / "hv-isolation-series.yaml").read_text(encoding="utf-8")
    shipped = library.checklist(HV).spec.version
    newer = source.replace(f"version: {shipped}\n", "version: 9.0.0\n")
    assert "version: 9.0.0" in newer
    lib, folder = with_user_folder(library, store, {"hv-9.yaml": newer, "again.yaml": newer})
    window = MainWindow(store, lib)
    qtbot.addWidget(window)
    qtbot.mouseClick(window.home.settings_button, Qt.MouseButton.LeftButton)
    box = window.settings_page.checklists
    assert window.stack.currentWidget() is window.settings_page
    assert box.path.text() == f"Folder: {folder}"
    assert box.loaded.text() == ("Read at start: 1 checklist(s), 0 parameter set(s), 1 problem(s).\n"
                                 f"{HV} 9.0.0")
    assert box.problems.toPlainText() == (
        f"{folder / 'hv-9.yaml'}:1: version: checklist {HV} 9.0.0 is also in {folder / 'again.yaml'} (the "
        "same content): this file is not loaded; a changed checklist or parameter set needs a new version")
    # the newest is offered for new assessments
    page = window.new_page
    assert page.checklist.itemText(page.checklist.findData(HV)).endswith("(9.0.0)")
    window.close()


def test_a_resumed_assessment_keeps_the_checklist_it_pinned_when_a_newer_one_arrives(qtbot, store, library):
    window = make_window(qtbot, store, library)
    start_hv(qtbot, window)
    [summary] = store.list()
    pinned = library.checklist(HV)
    wait_idle(qtbot, window)
    window.close()
    newer = pinned.source.replace(f"version: {pinned.spec.version}\n", "version: 9.1.0\n")
    lib, _folder = with_user_folder(library, store, {"hv-newer.yaml": newer})
    assert lib.checklist(HV).spec.version == "9.1.0"
    again = MainWindow(store, lib)
    qtbot.addWidget(again)
    wait_idle(qtbot, again)
    qtbot.mouseClick(again.home.resume_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: again.stack.currentWidget() is again.run_page, timeout=5000)
    assert again.controller is not None
    assert again.run_page.snapshot.spec.version == pinned.spec.version
    assert store.summary(summary.id).checklist_sha256 == pinned.sha256
    assert again.controller.recorder.engine.spec == pinned.spec
    again.close()
