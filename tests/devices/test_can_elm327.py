"""The ELM327 path: our AT-command client against ELM327-emulator, and a scripted adapter for what breaks."""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from elm327_fake import FakeElm327
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from assessor_app.devices.can import Elm327Error, elm327_snapshot

elm = pytest.importorskip("elm", reason="ELM327-emulator is a test dependency: pip install -e '.[test]'")
from elm import obd_message  # noqa: E402

VIN = b"WP0ZZZ99ZTS390000"


@pytest.fixture
def start_emulator(tmp_path, monkeypatch):
    """``start_emulator(scenario)`` -> the pseudo-terminal an emulated ELM327 listens on."""
    # The emulator configures logging from a file on start: by default one that writes elm.log
    # into the current folder and disables every logger already made. Give it a harmless one.
    config = tmp_path / "elm-logging.yaml"
    config.write_text("version: 1\ndisable_existing_loggers: false\n", encoding="utf-8")
    monkeypatch.setenv("ELM_LOG_CFG", str(config))
    running = []

    def start(scenario: str = "default") -> str:
        emu = elm.Elm()
        emu.set_sorted_obd_msg(scenario)  # assigning emu.scenario alone keeps the table of "default"
        # open the pty before the emulator's thread starts: that thread opens it too, and a call
        # racing it can see the master side open but no name yet (and get None)
        port = emu.get_pty()
        emu.__enter__()
        running.append(emu)
        return port

    yield start
    for emu in running:
        emu.__exit__(None, None, None)


def _items(snap):
    return {item.id: item for item in snap.items}


@pytest.mark.slow
def test_snapshot_through_an_elm327(start_emulator):
    snap = elm327_snapshot(start_emulator(), protocol="6", timeout_s=2.0)  # 6: ISO 15765-4 CAN 11-bit 500k
    by_id = _items(snap)
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
    # the client is our own: python-OBD (GPL-2.0-only) is never imported
    assert "obd" not in sys.modules


@pytest.mark.slow
def test_vin_dtcs_of_each_mode_and_pids(start_emulator, monkeypatch):
    monkeypatch.setattr(obd_message, "DTC_STORED", ["0143", "0AA6", "C123", "4100", "8111"])
    monkeypatch.setattr(obd_message, "DTC_PENDING", ["0300"])
    monkeypatch.setattr(obd_message, "DTC_PERMANENT", [])
    snap = elm327_snapshot(start_emulator("car"), timeout_s=2.0)  # the protocol found by searching
    by_id = _items(snap)
    assert snap.addresses == {
        "adapter": "elm327",
        "port": snap.addresses["port"],
        "protocol": "ISO 15765-4 CAN (11 bit ID, 500 kbaud)",
    }
    assert by_id["vin"].value == "WP0ZZZ99ZTS390000" and by_id["vin"].request == "0902"
    # five stored DTCs span two ISO-TP frames; the letters come from the top two bits
    assert by_id["dtc_stored"].value == ["P0143", "P0AA6", "U0123", "C0100", "B0111"]
    assert by_id["dtc_pending"].value == ["P0300"] and by_id["dtc_pending"].request == "07"
    assert by_id["dtc_permanent"].status == "ok" and by_id["dtc_permanent"].value == []
    assert by_id["dtc_permanent"].request == "0a" and by_id["dtc_permanent"].raw == "4a00"
    rpm = bytes.fromhex(by_id["pid_0C"].raw)
    assert by_id["pid_0C"].value == (256 * rpm[2] + rpm[3]) / 4 and by_id["pid_0C"].request == "010c"
    volts = bytes.fromhex(by_id["pid_42"].raw)
    assert by_id["pid_42"].value == round((256 * volts[2] + volts[3]) / 1000, 3)
    assert by_id["pid_0D"].value == bytes.fromhex(by_id["pid_0D"].raw)[2]
    # PID 5B is in this car's bitmap (01 40), but the car answers NO DATA: a timeout, named
    assert by_id["pid_5B"].status == "timeout" and "NO DATA" in by_id["pid_5B"].error
    assert all(item.duration_ms > 0 for item in snap.items if item.status != "unsupported")


@pytest.mark.slow
def test_a_silent_port_is_a_clear_error():
    master, slave = pty.openpty()  # a serial line with nothing behind it
    try:
        with pytest.raises(Elm327Error, match=rf"^The ELM327 adapter on {os.ttyname(slave)} did not answer"):
            elm327_snapshot(os.ttyname(slave), timeout_s=0.2, baudrate=38400)
    finally:
        os.close(master)
        os.close(slave)


def test_a_port_that_does_not_exist_is_a_clear_error(tmp_path):
    port = str(tmp_path / "ttyUSB9")
    with pytest.raises(Elm327Error, match=rf"^The ELM327 adapter on {port} could not be opened"):
        elm327_snapshot(port, timeout_s=0.2)


# --- a scripted adapter: what the emulator does not do ----------------------------------------

CAR = {
    "0100": [("7E8", bytes.fromhex("4100BE3FA813"))],
    "0120": [("7E8", bytes.fromhex("4120901FF015"))],
    "0140": [("7E8", bytes.fromhex("41407A1C8000"))],  # no PID 5B
    "0902": [("7E8", b"\x49\x02\x01" + VIN)],
    "03": [("7E8", bytes.fromhex("43010AA6")), ("7E9", bytes.fromhex("4300"))],
    "07": [("7E8", bytes.fromhex("4700"))],
    "0A": [("7E8", bytes.fromhex("4A00"))],
    "010C": [("7E8", bytes.fromhex("410C1AF8"))],
    "010D": [("7E8", bytes.fromhex("410D32"))],
    "0142": [("7E8", bytes.fromhex("41423A98"))],
}


def test_the_baud_rate_is_found_and_a_wrong_one_is_a_clear_error():
    with FakeElm327(dict(CAR), baudrate=115200) as fake:
        with pytest.raises(
            Elm327Error, match=rf"^The ELM327 adapter on {fake.port} did not answer \(tried 38400 baud\)"
        ):
            elm327_snapshot(fake.port, baudrate=38400, timeout_s=0.3)
        snap = elm327_snapshot(fake.port, timeout_s=0.5)  # tries 38400, 9600, then 115200
    by_id = _items(snap)
    assert by_id["vin"].value == VIN.decode() and by_id["pid_0C"].value == 1726.0
    assert by_id["pid_0D"].value == 50.0 and by_id["pid_42"].value == 15.0
    assert by_id["pid_5B"].status == "unsupported" and by_id["pid_5B"].error.startswith("not in the ECU's")
    assert by_id["dtc_stored"].value == ["P0AA6"] and by_id["dtc_stored"].raw == "43010aa6 4300"


def test_29_bit_ids_headers_off_and_an_adapter_that_keeps_echoing():
    car29 = {k: [("18DAF110", p) for _, p in v] for k, v in CAR.items()}
    with FakeElm327(car29, protocol="7", refuse={"ATE0", "ATH1"}) as fake:
        with pytest.raises(Elm327Error, match=rf"^The ELM327 adapter on {fake.port} refused ATE0"):
            elm327_snapshot(fake.port, timeout_s=0.5)
    with FakeElm327(car29, protocol="7", refuse={"ATH1", "ATS0", "ATL0"}) as fake:
        snap = elm327_snapshot(fake.port, timeout_s=0.5)
    by_id = _items(snap)
    assert snap.addresses["protocol"] == "ISO 15765-4 CAN (29 bit ID, 500 kbaud)"
    assert by_id["vin"].value == VIN.decode() and by_id["pid_0C"].value == 1726.0
    with FakeElm327(car29, protocol="7") as fake:
        snap = elm327_snapshot(fake.port, timeout_s=0.5)
    assert _items(snap)["dtc_stored"].value == ["P0AA6"]


def test_the_older_protocols_one_message_per_line():
    # ISO 9141-2: no ISO-TP; the VIN comes in five numbered messages, DTCs three pairs a message
    vin = b"\x00\x00\x00" + VIN
    messages = {
        **{k: [("10", p) for _, p in v] for k, v in CAR.items()},
        "0902": [("10", b"\x49\x02" + bytes((n + 1,)) + vin[4 * n : 4 * n + 4]) for n in range(5)],
        "03": [("10", bytes.fromhex("430AA6C1230000")), ("10", bytes.fromhex("43014300000000"))],
    }
    with FakeElm327(messages, protocol="3") as fake:
        snap = elm327_snapshot(fake.port, timeout_s=0.5)
    by_id = _items(snap)
    assert snap.addresses["protocol"] == "ISO 9141-2 (5 baud init, 10.4 kbaud)"
    assert by_id["vin"].value == VIN.decode()
    assert by_id["dtc_stored"].value == ["P0AA6", "U0123", "P0143"]
    assert by_id["pid_0C"].value == 1726.0 and by_id["pid_5B"].status == "unsupported"
    assert "ATH0" in fake.requests


def test_no_vehicle_is_a_clear_error():
    with FakeElm327(dict(CAR), protocol="") as fake:
        with pytest.raises(
            Elm327Error,
            match=rf"^The ELM327 adapter on {fake.port} did not connect to a vehicle \(UNABLE TO CONNECT\)",
        ):
            elm327_snapshot(fake.port, timeout_s=0.5)
    with FakeElm327({**CAR, "0100": "CAN ERROR"}) as fake:
        with pytest.raises(Elm327Error, match=r"did not connect to a vehicle \(CAN ERROR\)"):
            elm327_snapshot(fake.port, protocol="6", timeout_s=0.5)
    with FakeElm327(dict(CAR)) as fake:
        with pytest.raises(Elm327Error, match=r"cannot be set to protocol 'X'"):
            elm327_snapshot(fake.port, protocol="X", timeout_s=0.5)


def test_a_broken_adapter_gives_item_statuses_never_a_crash():
    broken = {
        **CAR,
        "0902": "7E8 10 14 49 02 01 57 50 30\r7E8 22 53 33 39 30 30 30 30",  # a frame lost
        "03": "7E8 06 43 \xff\xfe 0A A6",  # bytes no adapter prints
        "07": "STOPPED",
        "0A": [("7E8", bytes.fromhex("7F0A11"))],  # serviceNotSupported
        "010C": "?",
        "010D": [("7E8", bytes.fromhex("410C1AF8"))],  # the answer to another request
        "0142": [("7E8", bytes.fromhex("4142"))],  # no data bytes
    }
    with FakeElm327(broken) as fake:
        snap = elm327_snapshot(fake.port, timeout_s=0.5)
    by_id = _items(snap)
    assert by_id["vin"].status == "malformed" and "out of sequence" in by_id["vin"].error
    assert by_id["dtc_stored"].status == "malformed"
    assert (
        by_id["dtc_pending"].status == "error" and by_id["dtc_pending"].error == "the ELM327 reported STOPPED"
    )
    assert by_id["dtc_permanent"].status == "negative_response"
    assert by_id["dtc_permanent"].nrc == "0x11 serviceNotSupported" and by_id["dtc_permanent"].raw == "7f0a11"
    assert by_id["pid_0C"].status == "error" and "did not understand" in by_id["pid_0C"].error
    assert by_id["pid_0D"].status == "malformed" and "not 010D" in by_id["pid_0D"].error
    assert by_id["pid_42"].status == "malformed" and "needs 2 data bytes" in by_id["pid_42"].error


def test_an_adapter_that_stops_giving_prompts_is_not_waited_for_without_end():
    with FakeElm327(dict(CAR), hang={"03", "07"}) as fake:
        snap = elm327_snapshot(fake.port, timeout_s=0.3)
    by_id = _items(snap)
    assert by_id["vin"].status == "ok"
    assert by_id["dtc_stored"].status == by_id["dtc_pending"].status == "timeout"
    assert "no prompt from the ELM327 in 0.3 s" in by_id["dtc_stored"].error
    assert by_id["dtc_permanent"].status == "error" and by_id["dtc_permanent"].error.startswith("not asked")
    assert fake.requests.count("0A") == 0


@pytest.mark.slow
def test_any_text_from_the_adapter_is_an_item_status_or_an_elm327_error():
    statuses = {"ok", "unsupported", "timeout", "malformed", "negative_response", "error"}
    printed = st.text(alphabet="0123456789ABCDEF :\r\n>?NODATSERX", max_size=80)
    with FakeElm327(dict(CAR)) as fake:

        @settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
        @given(junk=st.dictionaries(st.sampled_from(sorted(CAR)), printed, max_size=4))
        def check(junk):
            fake.answers = {**CAR, **junk}
            try:
                snap = elm327_snapshot(fake.port, timeout_s=0.3)
            except Elm327Error as exc:
                assert str(exc).startswith(f"The ELM327 adapter on {fake.port} ")
                return
            assert {item.status for item in snap.items} <= statuses
            assert all(item.error for item in snap.items if item.status in ("malformed", "error", "timeout"))

        check()


def test_no_data_and_a_pid_without_a_decoding():
    with FakeElm327({**CAR, "010D": None}) as fake:
        snap = elm327_snapshot(fake.port, timeout_s=0.5, pids=(0x0C, 0x0D, 0x11))
    by_id = _items(snap)
    assert by_id["pid_0D"].status == "timeout"
    assert by_id["pid_0D"].error == "the ELM327 reported no answer from the vehicle (NO DATA)"
    assert by_id["pid_11"].status == "error" and by_id["pid_11"].error == "no decoding is known for PID 11"


def test_the_elm327_client_never_imports_python_obd():
    code = (
        "import sys\n"
        "sys.modules['obd'] = None\n"  # any import of python-OBD now fails
        "import assessor_app.devices.can.elm327, assessor_app.devices.can.discovery\n"
        "print(sorted(m for m in sys.modules if m == 'obd' or m.startswith('obd.')))\n"
    )
    root = Path(__file__).resolve().parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=120,
        env={**os.environ, "PYTHONPATH": str(root)},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['obd']"  # only the blocking placeholder itself
