"""Delivery in the window: enroll from Settings, a sealed bundle goes out, the status bar says so."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt

from assessor_app.demo import run_demo
from assessor_app.gui.main_window import MainWindow
from assessor_app.provider.server import ProviderServer
from assessor_app.sync.enrollment import open_outbox


def test_enroll_from_settings_and_the_sealed_bundle_is_delivered(qtbot, store, library, tmp_path: Path):
    data_dir = store.path.parent
    demo = run_demo(library, data_dir, say=lambda _line: None, video=False)
    server = ProviderServer(tmp_path / "provider").start()
    window = None
    try:
        code = server.service.registry.create_code("test")
        window = MainWindow(store, library)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.connection.text() == "Not enrolled with a provider", timeout=10000)
        assert window.outbox.text() == "Outbox: 1"  # the sealed demo bundle waits
        window.home.settings_button.click()
        page = window.settings_page
        page.provider_url.setText(server.url)
        page.enroll_code.setText(code)
        page.workshop_id.setText("ws-nord")
        page.workshop_name.setText("Garage Nord")
        qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.enrollment.text().startswith("Enrolled with"), timeout=10000)
        assert page.enroll_code.text() == ""  # the code is not kept on screen
        qtbot.waitUntil(lambda: window.outbox.text() == "Outbox: 0"
                        and "up to date" in window.connection.text(), timeout=30000)
        assert "last delivery" in window.connection.text()
        receipt = open_outbox(store, data_dir).receipt(demo.assessment_id)
        assert receipt is not None
        assert receipt["provider_key_id"] == page.enrollment.text().rsplit(" ", 1)[1]
        manifest = hashlib.sha256((demo.bundle / "manifest-sha256.txt").read_bytes()).hexdigest()
        assert receipt["manifest_sha256"] == manifest
        assert server.service.importer.held(demo.assessment_id) is not None
    finally:
        if window is not None:
            window.close()
        server.close()


def test_a_wrong_code_is_a_message_in_settings(qtbot, store, library, tmp_path: Path):
    server = ProviderServer(tmp_path / "provider").start()
    window = None
    try:
        window = MainWindow(store, library)
        qtbot.addWidget(window)
        window.show()
        page = window.settings_page
        page.provider_url.setText(server.url)
        page.enroll_code.setText("NOT-A-CODE")
        page.workshop_id.setText("ws-nord")
        page.workshop_name.setText("Garage Nord")
        qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.enrollment.text().startswith("Not enrolled:"), timeout=10000)
        assert page.enroll_button.isEnabled()
        assert "Not enrolled with a provider" in window.connection.text()
    finally:
        if window is not None:
            window.close()
        server.close()
