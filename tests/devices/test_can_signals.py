"""Live HV signals from the simulated EV, decoded with cantools, checked as named conditions."""

from __future__ import annotations

import uuid
from pathlib import Path

import can
import pytest

from assessor_app.core.specs.conditions import LIMITS
from assessor_app.devices.can import Condition, DbcError, SignalMonitor, SimulatedEV, default_dbc, load_dbc
from assessor_app.devices.can.signals import BUS_SILENT, NAMED_CONDITIONS, Clause, ConditionError


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


# ------------------------------------------------------------------ thresholds that are parameters


def test_a_threshold_can_be_an_assessment_parameter_resolved_when_checked():
    dead = Condition.parse("hv_bus_dead", "HvBusVoltage <= {dead_voltage_max}")
    assert dead.parameters == dead.unresolved == ("dead_voltage_max",)
    assert dead.expression == "HvBusVoltage <= {dead_voltage_max}"
    resolved = dead.resolve({"dead_voltage_max": 1.0})
    assert resolved.expression == "HvBusVoltage <= 1" and resolved.unresolved == ()
    assert resolved.parameters == ("dead_voltage_max",)
    assert resolved.clause_of("dead_voltage_max") == Clause("HvBusVoltage", "<=", 1.0, "dead_voltage_max")
    with pytest.raises(ConditionError) as missing:
        dead.resolve({})
    assert str(missing.value) == ("The signal condition 'hv_bus_dead' is judged against the assessment's "
                                  "dead_voltage_max, which was not given.")
    with pytest.raises(ConditionError) as nan:
        dead.resolve({"dead_voltage_max": float("nan")})
    assert str(nan.value) == ("The signal condition 'hv_bus_dead' is judged against the assessment's "
                              "dead_voltage_max, whose value is not a finite number.")
    with pytest.raises(ConditionError, match="resolve it first"):
        dead.clauses[0].holds(0.5)
    with pytest.raises(ConditionError, match="not 'Signal <op> number' or 'Signal <op> {parameter}'"):
        Condition.parse("odd", "HvBusVoltage <= {1st}")


def test_the_device_judges_against_the_parameters_the_core_declares():
    db = load_dbc(default_dbc())
    units = {s.name: s.unit for m in db.messages for s in m.signals}
    for name, condition in NAMED_CONDITIONS.items():
        limit = LIMITS.get(name)
        assert condition.parameters == ((limit.param,) if limit else ()), name
        if limit is not None:
            assert units[condition.clause_of(limit.param).signal] == limit.unit
    assert NAMED_CONDITIONS["hv_bus_dead"].expression == "HvBusVoltage <= {dead_voltage_max}"
    assert NAMED_CONDITIONS["hv_bus_below_60v"].expression == "HvBusVoltage < 60"  # checklists <= 1.1.0


class FakeClock:
    def __init__(self) -> None:
        self.ns = 10**12

    def __call__(self) -> int:
        return self.ns

    def advance(self, seconds: float) -> None:
        self.ns += int(seconds * 1e9)


def _frame(db, message: str, is_rx: bool = True, **values) -> can.Message:
    m = db.get_message_by_name(message)
    defaults = {s.name: 0 for s in m.signals}
    return can.Message(arbitration_id=m.frame_id, data=m.encode({**defaults, **values}), is_extended_id=False,
                       is_rx=is_rx)


def test_a_condition_is_not_available_when_its_signal_or_the_whole_bus_goes_quiet():
    clock = FakeClock()
    monitor = SignalMonitor(default_dbc(), clock_ns=clock)
    db = monitor.db
    limits = {"dead_voltage_max": 1.0}
    never = monitor.evaluate("hv_bus_dead", limits=limits)
    assert (never.satisfied, never.reason, never.missing, never.last_frame_age_s) == (
        None, BUS_SILENT, ("HvBusVoltage",), None)
    assert BUS_SILENT == "bus silent: 12 V off?"

    monitor.on_frame(_frame(db, "BMS_HvStatus", HvBusVoltage=56.1, ServicePlug=1))
    clock.advance(0.5)
    live = monitor.evaluate("hv_bus_dead", limits=limits)
    assert live.satisfied is False and live.reason is None and live.expression == "HvBusVoltage <= 1"
    assert live.values["HvBusVoltage"].value == pytest.approx(56.1) and live.limits == limits

    clock.advance(0.4)
    monitor.on_frame(_frame(db, "BMS_Isolation", IsolationResistance=2200))  # the bus is alive
    clock.advance(0.6)  # HvStatus last heard 1.5 s ago, the bus 0.6 s ago
    stale = monitor.evaluate("hv_bus_dead", limits=limits)
    assert (stale.satisfied, stale.reason, stale.missing) == (
        None, "no value of HvBusVoltage in the last 1 s", ("HvBusVoltage",))
    assert stale.values == {} and stale.stale["HvBusVoltage"].value == pytest.approx(56.1)
    assert stale.last_frame_age_s == 0.6

    clock.advance(0.5)
    monitor.on_frame(_frame(db, "BMS_HvStatus", is_rx=False))  # the app's own frame: not the vehicle
    silent = monitor.evaluate("hv_bus_dead", limits=limits)
    assert (silent.satisfied, silent.reason, silent.last_frame_age_s) == (None, BUS_SILENT, 1.1)
    assert silent.to_dict()["reason"] == BUS_SILENT


def test_the_simulated_ev_goes_silent_with_its_12v_off_and_talks_again_when_reconnected(live):
    ev, monitor = live
    limits = {"dead_voltage_max": 1.0}
    assert monitor.wait_for("contactors_closed", timeout_s=5).satisfied
    ev.disconnect_12v()
    assert not ev.powered and ev.ecu.silent and not ev.contactors_closed
    quiet = monitor.wait_for("hv_bus_dead", timeout_s=10, max_age_s=0.2, limits=limits)
    assert (quiet.satisfied, quiet.reason, quiet.values) == (None, BUS_SILENT, {})
    assert quiet.stale["HvBusVoltage"].value > 1  # the last value heard, before the ECUs went down
    ev.connect_12v()
    assert ev.powered and not ev.ecu.silent
    back = monitor.wait_for("hv_bus_dead", timeout_s=10, max_age_s=0.2, limits=limits)
    assert back.satisfied is True and back.reason is None  # decayed unseen, contactors still open
    assert monitor.wait_for("contactors_open", timeout_s=5).satisfied
