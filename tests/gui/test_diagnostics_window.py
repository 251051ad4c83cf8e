"""The vehicle in the window: the simulated EV logged per step, a DTC snapshot, the contactor check."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_assessment_window import do_step, fill_new, record, select, wait_idle

from assessor_app.gui.main_window import MainWindow
from assessor_app.storage.captures import CaptureIndex

SIMULATED_VIN = "WA5EVSM0000000042"  # the simulated EV's


def test_snapshot_and_signal_check_through_the_window_with_the_simulated_ev(qtbot, store, library):
    window = MainWindow(store, library, adapter="simulated")
    qtbot.addWidget(window)
    window.show()
    fill_new(qtbot, window)
    window.new_page.vin.setText(SIMULATED_VIN)
    qtbot.mouseClick(window.new_page.start_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.stack.currentWidget() is window.run_page, timeout=5000)
    run, panel = window.run_page, window.run_page.diagnostics
    qtbot.waitUntil(lambda: "CAN log:" in panel.status.text(), timeout=15000)
    qtbot.waitUntil(lambda: run.snapshot.diagnostics_connected, timeout=5000)
    do_step(qtbot, window, "01")

    # step 02 declares "DTCs before the task": without the snapshot, the pass is refused
    select(qtbot, run, "02")
    assert panel.snapshot_button.isEnabled() and not panel.condition_button.isEnabled()
    assert "Needed before a pass" in panel.results.text()
    run.steps.setFocus()
    qtbot.keyClick(run.steps, Qt.Key.Key_Space)
    wait_idle(qtbot, window)
    assert run.snapshot.view("02").status != "passed" and run.refusal.text()
    qtbot.mouseClick(panel.snapshot_button, Qt.MouseButton.LeftButton)
    # the VIN the car answers is checked against the one recorded, and not written as evidence text
    qtbot.waitUntil(lambda: "VIN matches the recorded VIN" in panel.results.text(), timeout=10000)
    assert SIMULATED_VIN not in panel.results.text()
    assert "Needed before a pass" not in panel.results.text()
    do_step(qtbot, window, "02")

    for i in range(3, 10):
        do_step(qtbot, window, f"{i:02d}")  # step 08 pulls the simulated car's service plug
    qtbot.waitUntil(lambda: run.snapshot.view("10").status == "allowed", timeout=10_000)
    do_step(qtbot, window, "10")
    do_step(qtbot, window, "11")
    select(qtbot, run, "12")
    record(qtbot, window, "12")
    assert panel.condition_button.isEnabled()
    qtbot.mouseClick(panel.condition_button, Qt.MouseButton.LeftButton)
    # the simulated car's 12 V was disconnected at step 07: its bus is silent, so the check is
    # recorded as not available (never as met), with the reason
    qtbot.waitUntil(lambda: "not available" in panel.results.text(), timeout=15000)
    assert "bus silent" in panel.results.text() and "NOT MET" not in panel.results.text()
    do_step(qtbot, window, "12")

    assessment_id = window.controller.recorder.assessment_id
    window.diagnostics.end()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: "CAN log closed" in panel.status.text(), timeout=10000)
    files = CaptureIndex(store).files(assessment_id)
    evidence = [(f.step_id, f.meta["diagnostic"]) for f in files if f.kind == "snapshot"]
    assert evidence == [("02", "snapshot"), ("12", "condition")]
    can_logs = [f for f in files if f.kind == "can_log"]
    logged = {f.step_id for f in can_logs}
    assert {"01", "02", "06"} <= logged and "12" not in logged, logged  # silent once its 12 V is off (07)
    window.close()
