"""Diagnostic snapshots against the simulated EV: contents, ECU faults recorded per item, clearing DTCs."""

from __future__ import annotations

import json
import time
import uuid
from pathlib import Path

import can
import pytest

from assessor_app.devices.can import (
    CanConfig,
    CanLogger,
    ClearDtcConfirmation,
    ClearNotConfirmed,
    EcuData,
    SimulatedAdapter,
    SimulatedEV,
    clear_dtcs,
    list_devices,
    take_snapshot,
    test_connection,
)

# pytest would otherwise collect the imported function as a test
test_connection.__test__ = False  # type: ignore[attr-defined]


@pytest.fixture
def channel() -> str:
    return f"snap-{uuid.uuid4().hex[:8]}"


@pytest.fixture
def tester(channel: str):
    bus = can.Bus(interface="virtual", channel=channel)
    yield bus
    bus.shutdown()


def test_full_snapshot_contents(channel: str, tester):
    ecu = EcuData(
        vin="WA5EVSM0000000042",
        stored_dtcs=["P0AA6", "P1A10"],
        pending_dtcs=["U0100"],
        permanent_dtcs=["P0AA6"],
    )
    with SimulatedEV(channel, ecu=ecu, background_fps=200):
        snap = take_snapshot(tester, dids=[0xF190, 0x4801, 0x1234], timeline_us=lambda: 42)
    by_id = {item.id: item for item in snap.items}
    assert by_id["vin"].status == "ok" and by_id["vin"].value == "WA5EVSM0000000042"
    assert by_id["vin"].raw.startswith("490201")  # 20 bytes: a multi-frame ISO-TP answer
    assert by_id["dtc_stored"].value == ["P0AA6", "P1A10"]
    assert by_id["dtc_pending"].value == ["U0100"]
    assert by_id["dtc_permanent"].value == ["P0AA6"]
    assert by_id["supported_pids"].value == [0x0C, 0x0D, 0x20, 0x42, 0x5B]  # bitmaps 00 and 40 asked
    assert (by_id["pid_0C"].value, by_id["pid_0C"].unit) == (0.0, "rpm")
    assert (by_id["pid_0D"].value, by_id["pid_0D"].unit) == (0.0, "km/h")
    assert (by_id["pid_42"].value, by_id["pid_42"].unit) == (12.6, "V")
    assert by_id["pid_5B"].value == pytest.approx(87.0, abs=0.4) and by_id["pid_5B"].unit == "%"
    uds = {d["code"]: d for d in by_id["uds_dtcs"].value}
    assert set(uds) == {"P0AA6-00", "P1A10-00", "U0100-00"}
    assert uds["P0AA6-00"]["confirmed"] and not uds["P0AA6-00"]["pending"]
    assert uds["U0100-00"]["pending"] and not uds["U0100-00"]["confirmed"]
    assert by_id["did_F190"].value == "WA5EVSM0000000042"
    assert by_id["did_4801"].value == "5f"
    assert by_id["did_1234"].status == "negative_response"
    assert by_id["did_1234"].nrc == "0x31 RequestOutOfRange"
    assert all(item.status == "ok" for item in snap.items if item.id != "did_1234")
    assert snap.started_timeline_us == 42 and snap.addresses["functional"] == "0x7DF"
    assert json.loads(json.dumps(snap.to_dict()))["items"][0]["id"] == "vin"


def test_snapshot_shares_the_running_capture_and_is_logged(channel: str, tmp_path: Path):
    with SimulatedEV(channel):
        logger = CanLogger(
            CanConfig("virtual", channel, receive_own_messages=True),
            tmp_path,
            timeline_us=lambda: time.monotonic_ns() // 1000,
        )
        logger.start()
        try:
            snap = take_snapshot(logger.bus, notifier=logger.notifier)
        finally:
            segments = logger.stop()
    assert snap.item("vin").status == "ok" and snap.item("dtc_stored").value == ["P0AA6"]
    logged = [m for s in segments for m in can.BLFReader(str(s.path))]
    requests = [m for m in logged if not m.is_rx and m.arbitration_id == 0x7DF]
    answers = [m for m in logged if m.is_rx and m.arbitration_id == 0x7E8]
    assert bytes(requests[0].data[:3]) == b"\x02\x09\x02"  # our VIN request, logged as sent
    assert bytes(answers[0].data[:2]) == b"\x10\x14"  # the ECU's first frame of 20 bytes
    assert any(m.is_rx and m.arbitration_id == 0x3A0 for m in logged)  # HV status broadcast


def test_ecu_not_answering_is_recorded_not_raised(channel: str, tester):
    with SimulatedEV(channel) as ev:
        ev.ecu.silent = True
        snap = take_snapshot(tester, dids=[0xF190], timeout_s=0.1)
    statuses = [(i.id, i.status) for i in snap.items]
    assert statuses[:2] == [("vin", "timeout"), ("dtc_stored", "timeout")]
    assert all(status == "skipped" for _id, status in statuses[2:])
    assert "no answer within 0.1 s" in snap.item("vin").error
    assert "did not answer the previous 2 requests" in snap.item("did_F190").error


def test_unsupported_pid_and_did_are_recorded(channel: str, tester):
    ecu = EcuData(pids={0x0C: 1500.0, 0x0D: 12.0})
    with SimulatedEV(channel, ecu=ecu):
        snap = take_snapshot(tester, dids=[0xBEEF])
    assert snap.item("pid_0C").value == 1500.0 and snap.item("pid_0D").value == 12.0
    for pid in ("pid_42", "pid_5B"):
        assert snap.item(pid).status == "unsupported"
        assert "supported-PID bitmap" in snap.item(pid).error
    assert snap.item("did_BEEF").status == "negative_response"


def test_malformed_isotp_is_recorded(channel: str, tester):
    with SimulatedEV(channel) as ev:
        ev.ecu.malformed = {b"\x09\x02"}
        snap = take_snapshot(tester, timeout_s=0.3)
    vin = snap.item("vin")
    assert vin.status == "malformed" and "WrongSequenceNumber" in vin.error
    assert snap.item("dtc_stored").status == "ok"  # the next request is unaffected


def test_clearing_dtcs_needs_a_fresh_unused_confirmation(channel: str, tester):
    with SimulatedEV(channel) as ev:
        with pytest.raises(ClearNotConfirmed, match="needs the assessor's confirmation"):
            clear_dtcs(tester, "yes")  # type: ignore[arg-type]
        take_snapshot(tester)
        assert ev.ecu.data.stored_dtcs == ["P0AA6"]  # a snapshot never clears
        stale = ClearDtcConfirmation(
            "a1", "Clear the DTCs of WA5EVSM0000000042", time.monotonic_ns() - 10**12, "n-stale"
        )
        with pytest.raises(ClearNotConfirmed, match="old; ask again"):
            clear_dtcs(tester, stale)
        consent = ClearDtcConfirmation.given_by("a1", "Clear the DTCs of WA5EVSM0000000042")
        result = clear_dtcs(tester, consent)
        assert [(i.id, i.status) for i in result.items] == [("obd_clear", "ok"), ("uds_clear", "ok")]
        assert result.addresses["confirmed_by"] == "a1"
        assert ev.ecu.data.stored_dtcs == [] and ev.ecu.data.permanent_dtcs == ["P0AA6"]
        with pytest.raises(ClearNotConfirmed, match="already used"):
            clear_dtcs(tester, consent)


def test_connection_test_reports_frames_and_the_obd_answer(channel: str):
    with SimulatedEV(channel, background_fps=300):
        result = test_connection(CanConfig("virtual", channel), seconds=0.3)
    assert result.ok and result.frames > 0 and result.bus_state == "active"
    assert result.obd["status"] == "ok" and 0x0C in result.obd["value"]
    assert "an ECU answered OBD 01 00" in result.message


def test_connection_test_with_no_adapter_says_so(channel: str):
    adapter = SimulatedAdapter()
    adapter.unplug()
    result = test_connection(CanConfig("virtual", channel), seconds=0.1, bus_factory=adapter)
    assert not result.ok and result.message.startswith(f"The CAN adapter virtual {channel}")


def test_list_devices_says_what_it_could_not_search():
    found = list_devices(timeout_s=1.0)
    assert all(d.identity.interface for d in found.devices)
    try:
        import usb  # noqa: F401
    except ImportError:
        assert any("pyusb is not installed" in note for note in found.notes)
