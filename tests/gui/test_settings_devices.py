"""Settings: choosing and testing the vehicle adapter, saved per workstation."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from assessor_app.gui.main_window import MainWindow
from assessor_app.settings import load_settings


def test_test_connection_to_the_simulated_ev_and_save(qtbot, store, library, tmp_path, monkeypatch):
    monkeypatch.setenv("ASSESSOR_DATA_DIR", str(tmp_path))
    window = MainWindow(store, library)
    qtbot.addWidget(window)
    window.show()
    page = window.settings_page
    page.adapter.setCurrentIndex(page.adapter.findData("simulated"))
    qtbot.mouseClick(page.test_adapter, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: page.test_adapter.isEnabled(), timeout=15000)
    assert "an ECU answered OBD 01 00" in page.adapter_message.text()
    page.camera.setCurrentIndex(page.camera.findData("simulated"))
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Saved to" in page.message.text(), timeout=5000)
    saved = load_settings()
    assert (saved.can_adapter, saved.camera) == ("simulated", "simulated")
    window.close()


def test_an_adapter_config_keeps_the_chosen_bit_rate_and_listen_only(qtbot, store, library):
    window = MainWindow(store, library)
    qtbot.addWidget(window)
    page = window.settings_page
    page.show_adapters([(json.dumps({"interface": "virtual", "channel": "bench-1"}), "virtual bench-1")],
                       ["gs_usb: pyusb is not installed"])
    assert "1 adapter(s) found. gs_usb: pyusb is not installed" == page.adapter_message.text()
    page.adapter.setCurrentIndex(page.adapter.count() - 1)
    page.bitrate.setCurrentIndex(page.bitrate.findData(250_000))
    page.listen_only.setChecked(True)
    chosen = json.loads(page.adapter_setting())
    assert (chosen["interface"], chosen["channel"], chosen["bitrate"], chosen["listen_only"]) == (
        "virtual", "bench-1", 250_000, True)
    page.adapter.setCurrentIndex(page.adapter.findData(""))
    qtbot.mouseClick(page.test_adapter, Qt.MouseButton.LeftButton)
    assert page.adapter_message.text() == "Choose a vehicle adapter first."
    window.close()
