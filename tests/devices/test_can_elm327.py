"""The ELM327 path: python-OBD over a pseudo-terminal served by the ELM327-emulator package."""

from __future__ import annotations

import os
import pty

import pytest

from assessor_app.devices.can import Elm327Error, elm327_snapshot

elm = pytest.importorskip("elm", reason="ELM327-emulator is a test dependency: pip install -e '.[test]'")


@pytest.fixture
def emulator(tmp_path, monkeypatch):
    # The emulator configures logging from a file on start: by default one that writes elm.log
    # into the current folder and disables every logger already made. Give it a harmless one.
    config = tmp_path / "elm-logging.yaml"
    config.write_text("version: 1\ndisable_existing_loggers: false\n", encoding="utf-8")
    monkeypatch.setenv("ELM_LOG_CFG", str(config))
    emu = elm.Elm()
    emu.scenario = "car"
    # open the pty before the emulator's thread starts: that thread opens it too, and a call racing
    # it can see the master side open but no name yet (and get None)
    port = emu.get_pty()
    with emu:
        yield port


@pytest.mark.slow
def test_snapshot_through_an_elm327(emulator: str):
    snap = elm327_snapshot(emulator, protocol="6", timeout_s=2.0)  # 6: ISO 15765-4 CAN 11-bit 500k
    by_id = {item.id: item for item in snap.items}
    assert snap.addresses["protocol"].startswith("ISO 15765-4")
    assert by_id["vin"].status == "ok" and len(by_id["vin"].value) == 17
    assert by_id["vin"].raw.startswith("490201")
    assert by_id["pid_0C"].status == "ok" and by_id["pid_0C"].unit == "rpm" and by_id["pid_0C"].value > 0
    assert by_id["pid_0D"].unit == "km/h" and by_id["pid_42"].unit == "V"
    assert by_id["pid_5B"].status == "unsupported"  # the emulated car has no hybrid battery PID
    # the emulated car answers NO DATA to DTC requests: recorded, never mistaken for "no DTCs"
    for item_id in ("dtc_stored", "dtc_pending", "dtc_permanent"):
        assert by_id[item_id].status in ("ok", "timeout")
        if by_id[item_id].status == "timeout":
            assert "NO DATA" in by_id[item_id].error


@pytest.mark.slow
def test_a_silent_port_is_a_clear_error():
    master, slave = pty.openpty()  # a serial line with nothing behind it
    try:
        with pytest.raises(Elm327Error, match=rf"^The ELM327 adapter on {os.ttyname(slave)} did not answer"):
            elm327_snapshot(os.ttyname(slave), timeout_s=0.2, baudrate=38400)
    finally:
        os.close(master)
        os.close(slave)
