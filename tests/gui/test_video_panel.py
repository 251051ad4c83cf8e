"""The camera in the window: preview, indicator, pause/resume, and segments indexed on stopping."""

from __future__ import annotations

from PySide6.QtCore import Qt
from test_assessment_window import start_hv, wait_idle

from assessor_app.gui.main_window import MainWindow
from assessor_app.storage.captures import CaptureIndex


def panel_frames(window: MainWindow) -> int:
    return window.run_page.video.last_status.frames_written


def _window(qtbot, store, library, camera: str) -> MainWindow:
    window = MainWindow(store, library, camera=camera)
    qtbot.addWidget(window)
    window.show()
    return window


def test_recording_starts_after_consent_shows_a_preview_pauses_and_is_indexed(qtbot, store, library):
    window = _window(qtbot, store, library, "simulated")
    start_hv(qtbot, window)  # consent to video is ticked on the new-assessment page
    panel = window.run_page.video
    qtbot.waitUntil(lambda: "REC" in panel.indicator.text(), timeout=10000)
    qtbot.waitUntil(lambda: panel.preview.pixmap() is not None and not panel.preview.pixmap().isNull(),
                    timeout=5000)
    assert panel.toggle.isEnabled()
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Paused" in panel.indicator.text(), timeout=5000)
    assert panel.toggle.text().startswith("Resume")
    qtbot.mouseClick(panel.toggle, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "REC" in panel.indicator.text(), timeout=5000)
    assessment_id = window.controller.recorder.assessment_id
    window.video.end()
    wait_idle(qtbot, window)
    qtbot.waitUntil(lambda: "Recorded" in panel.indicator.text(), timeout=10000)
    files = CaptureIndex(store).files(assessment_id)
    # each closed segment (a pause closes one, so does the stop) is indexed with its frame times
    assert files and [f.kind for f in files] == ["video", "frame_times"] * (len(files) // 2)
    assert all(f.items > 0 for f in files)
    assert sum(f.items for f in files if f.kind == "video") == panel_frames(window)
    window.close()


def test_no_consent_to_video_means_no_recording(qtbot, store, library):
    window = _window(qtbot, store, library, "simulated")
    start_hv(qtbot, window, consent=False)
    panel = window.run_page.video
    qtbot.waitUntil(lambda: "no consent" in panel.preview.text(), timeout=5000)
    assert not panel.toggle.isEnabled() and panel.indicator.text() == ""
    assert CaptureIndex(store).files(window.controller.recorder.assessment_id) == []
    window.close()


def test_a_camera_that_cannot_open_is_a_message_and_the_assessment_goes_on(qtbot, store, library, tmp_path):
    window = _window(qtbot, store, library, str(tmp_path / "no-such-camera"))
    start_hv(qtbot, window)
    panel = window.run_page.video
    qtbot.waitUntil(lambda: panel.preview.text() == "Camera not available", timeout=15000)
    assert "no-such-camera" in panel.warning.text()
    assert window.run_page.pass_button.isEnabled()
    window.close()
