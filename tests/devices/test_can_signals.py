"""Live HV signals from the simulated EV, decoded with cantools, checked as named conditions."""

from __future__ import annotations

import uuid
from pathlib import Path

import can
import pytest

from assessor_app.devices.can import Condition, DbcError, SignalMonitor, SimulatedEV, default_dbc, load_dbc
from assessor_app.devices.can.signals import ConditionError


@pytest.fixture
def live(request):
    """A simulated EV (fast discharge) and a monitor reading its bus."""
    channel = f"sig-{uuid.uuid4().hex[:8]}"
    ev = SimulatedEV(channel, tau_s=0.05, hv_period_s=0.02).start()
    bus = can.Bus(interface="virtual", channel=channel)
    monitor = SignalMonitor(default_dbc(), timeline_us=lambda: 7)
    notifier = can.Notifier(bus, [monitor.on_frame], timeout=0.1)
    yield ev, monitor
    notifier.stop()
    bus.shutdown()
    ev.stop()


def test_pulling_the_service_plug_opens_contactors_and_the_hv_bus_decays(live):
    ev, monitor = live
    closed = monitor.wait_for("contactors_closed", timeout_s=5)
    assert closed.satisfied and closed.values["ContactorPositive"].label == "closed"
    assert closed.values["ContactorPositive"].message == "BMS_HvStatus"
    ev.pull_service_plug()
    opened = monitor.wait_for("contactors_open", timeout_s=5)
    assert opened.satisfied and opened.expression == "ContactorPositive == 0 and ContactorNegative == 0"
    assert opened.values["ContactorNegative"].label == "open" and opened.checked_timeline_us == 7
    dead = monitor.wait_for("HvBusVoltage < 60", timeout_s=5)
    assert dead.satisfied and dead.values["HvBusVoltage"].value < 60
    assert dead.values["HvBusVoltage"].unit == "V"
    assert monitor.latest("PackVoltage").value == pytest.approx(396.0)  # inside the contactors: still live
    assert monitor.evaluate("service_plug_pulled").satisfied
    ev.reconnect()
    again = monitor.wait_for("contactors_closed", timeout_s=5)
    assert again.satisfied and again.values["ContactorPositive"].host_ns >= dead.checked_host_ns
    assert monitor.evaluate("HvBusVoltage >= 376").satisfied
    assert monitor.evaluate("isolation_ok").satisfied
    ev.set_isolation(120)
    low = monitor.wait_for("IsolationFault == 1", timeout_s=5)
    assert low.satisfied and not monitor.evaluate("isolation_ok").satisfied


def test_a_condition_on_stale_or_absent_signals_does_not_hold():
    monitor = SignalMonitor(default_dbc())  # attached to nothing: no values at all
    evidence = monitor.evaluate("contactors_open")
    assert not evidence.satisfied and evidence.missing == ("ContactorNegative", "ContactorPositive")
    assert evidence.to_dict()["missing"] == ("ContactorNegative", "ContactorPositive")


def test_conditions_name_known_signals_in_a_known_form():
    monitor = SignalMonitor(default_dbc())
    with pytest.raises(ConditionError, match="names PackVolts, which the CAN database"):
        monitor.evaluate("PackVolts < 60")
    with pytest.raises(ConditionError, match="not 'Signal <op> number'"):
        Condition.parse("odd", "HvBusVoltage is low")


def test_a_corrupt_frame_is_counted_not_raised():
    monitor = SignalMonitor(default_dbc())
    monitor.on_frame(can.Message(arbitration_id=0x3A0, data=b"\x01", is_extended_id=False))
    assert monitor.decode_errors == 1 and monitor.latest("PackVoltage") is None


def test_a_dbc_that_does_not_parse_names_the_file_and_line(tmp_path: Path):
    bad = tmp_path / "broken.dbc"
    lines = default_dbc().read_text().splitlines()
    lines[17] = lines[17].replace("(0.1,0)", "(0.1,0")
    bad.write_text("\n".join(lines))
    with pytest.raises(DbcError, match=rf"^The CAN database {bad} does not parse at line 18: "):
        load_dbc(bad)
    with pytest.raises(DbcError, match="could not be read"):
        load_dbc(tmp_path / "missing.dbc")
    with pytest.raises(DbcError, match=f"^The CAN database {bad}"):
        SimulatedEV("never-started", dbc_path=bad)


def test_the_shipped_dbc_describes_the_hv_signals():
    db = load_dbc(default_dbc())
    names = {s.name for m in db.messages for s in m.signals}
    assert {
        "ContactorPositive",
        "ContactorNegative",
        "PackVoltage",
        "HvBusVoltage",
        "IsolationResistance",
        "ServicePlug",
    } <= names
