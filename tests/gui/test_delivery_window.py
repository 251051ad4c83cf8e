"""Delivery in the window: enroll from Settings, a sealed bundle goes out, the status bar says so."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt

from assessor_app.demo import run_demo
from assessor_app.demo.assessment import DEMO_PIN
from assessor_app.gui.main_window import MainWindow
from assessor_app.provider.server import ProviderServer
from assessor_app.sync.enrollment import open_outbox


def _provider_for_the_demo(server: ProviderServer) -> tuple[str, str]:
    """The provider's records for the demo's garage and assessor; an enrollment and an assessor code."""
    directory = server.service.directory
    directory.add_workshop("ws-nord", name="Garage Nord", country="FI", address="Pohjoistie 5, Oulu")
    directory.add_assessor("assessor-03", name="Demo Assessor", qualification="SFS 6002 card",
                           expires="2099-12-31", workshops=["ws-nord"])
    return server.service.registry.create_code("ws-nord"), directory.create_assessor_code("assessor-03")


def test_enroll_bind_the_assessor_and_the_sealed_bundle_is_delivered(qtbot, store, library, tmp_path: Path):
    data_dir = store.path.parent
    demo = run_demo(library, data_dir, say=lambda _line: None, video=False)
    server = ProviderServer(tmp_path / "provider").start()
    window = None
    try:
        code, assessor_code = _provider_for_the_demo(server)
        window = MainWindow(store, library)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: window.connection.text() == "Not enrolled with a provider", timeout=10000)
        assert window.outbox.text() == "Outbox: 1"  # the sealed demo bundle waits
        window.home.settings_button.click()
        page = window.settings_page
        page.provider_url.setText(server.url)
        page.enroll_code.setText(code)
        qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.enrollment.text().startswith("Enrolled with"), timeout=10000)
        assert " as Garage Nord." in page.enrollment.text()  # the code named the workshop
        assert page.enroll_code.text() == ""  # the code is not kept on screen
        # the demo's assessor has not bound a key yet: the provider refuses the bundle and says why
        qtbot.waitUntil(lambda: "1 refused" in window.outbox.text(), timeout=30000)
        refused = open_outbox(store, data_dir).get(demo.assessment_id)
        assert "is not registered with this provider" in (refused.last_error or "")

        # the assessor walks through binding their key, once
        assessors = page.provider
        assessors.assessor_id.setText("assessor-03")
        assessors.assessor_code.setText(assessor_code)
        assessors.assessor_pin.setText(DEMO_PIN)
        qtbot.mouseClick(assessors.bind_button, Qt.MouseButton.LeftButton)
        assert assessors.assessor_code.text() == "" and assessors.assessor_pin.text() == ""
        qtbot.waitUntil(lambda: assessors.binding.text().startswith("Bound: Demo Assessor"), timeout=10000)
        assert "valid through 2099-12-31" in assessors.binding.text()
        qtbot.waitUntil(lambda: "accepted by the provider" in assessors.bindings.text(), timeout=10000)
        # the refused bundle went back in line and is delivered with a receipt
        qtbot.waitUntil(lambda: window.outbox.text() == "Outbox: 0"
                        and "up to date" in window.connection.text(), timeout=30000)
        receipt = open_outbox(store, data_dir).receipt(demo.assessment_id)
        assert receipt is not None
        assert receipt["provider_key_id"] == page.enrollment.text().rsplit(" ", 1)[1]
        manifest = hashlib.sha256((demo.bundle / "manifest-sha256.txt").read_bytes()).hexdigest()
        assert receipt["manifest_sha256"] == manifest
        device = open_outbox(store, data_dir).enrollment().device_key_id
        assert server.service.importer.held(demo.assessment_id, device) is not None

        # the provider revokes the assessor, then the workstation: the window shows both at the next sync
        server.service.directory.revoke_assessor("assessor-03", "qualification withdrawn")
        window.delivery.worker.wake()
        qtbot.waitUntil(lambda: "NOT ACCEPTED: revoked by the provider: qualification withdrawn"
                        in assessors.bindings.text(), timeout=30000)
        server.service.registry.revoke(device[:12], "workstation sold")
        window.delivery.worker.wake()
        qtbot.waitUntil(lambda: window.connection.text() == "Provider: this workstation was revoked",
                        timeout=30000)
        assert "workstation sold" in window.connection.toolTip()
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
        qtbot.mouseClick(page.enroll_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: page.enrollment.text().startswith("Not enrolled:"), timeout=10000)
        assert page.enroll_button.isEnabled()
        assert "Not enrolled with a provider" in window.connection.text()
    finally:
        if window is not None:
            window.close()
        server.close()
