"""Live signals decoded with cantools from a DBC file, and conditions checked against them as evidence.

A condition holds, does not hold, or is not available: its signals not seen for ``max_age_s``
(the reason says which), or nothing heard on the bus at all for that long (``BUS_SILENT``: a
vehicle whose 12 V supply is off has unpowered ECUs). A threshold may be an assessment
parameter (``HvBusVoltage <= {dead_voltage_max}``), given as ``limits`` when checked.
"""

from __future__ import annotations

import math
import operator
import re
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import can
import cantools
import cantools.database

from assessor_app.errors import AssessorError

_OPS: dict[str, Callable[[float, float], bool]] = {
    "<=": operator.le,
    ">=": operator.ge,
    "==": operator.eq,
    "!=": operator.ne,
    "<": operator.lt,
    ">": operator.gt,
}
_CLAUSE = re.compile(
    r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(<=|>=|==|!=|<|>)\s*"
    r"(?:(-?[0-9.]+(?:[eE][-+]?\d+)?)|\{([A-Za-z_][A-Za-z0-9_]*)\})\s*$"
)
#: The reason a condition is not available when nothing at all is heard on the bus.
BUS_SILENT = "bus silent: 12 V off?"


class DbcError(AssessorError):
    """A CAN database (DBC) file could not be read or does not parse."""


class ConditionError(AssessorError):
    """A signal condition is not written in a form the monitor understands, or names an unknown signal."""


def load_dbc(path: Path | str) -> Any:
    """Load a DBC file; a file that does not parse raises DbcError naming the file and line."""
    path = Path(path)
    try:
        return cantools.database.load_file(str(path), database_format="dbc", strict=True)
    except OSError as exc:
        raise DbcError(f"The CAN database {path} could not be read: {exc.strerror or exc}.") from exc
    except UnicodeDecodeError as exc:
        raise DbcError(f"The CAN database {path} is not a text file: {exc.reason}.") from exc
    except (cantools.database.errors.Error, cantools.errors.Error, ValueError) as exc:
        text = str(exc)
        line = re.search(r"line (\d+)", text)
        where = f" at line {line.group(1)}" if line else ""
        detail = re.sub(r"^DBC: ", "", text).strip('"')
        raise DbcError(f"The CAN database {path} does not parse{where}: {detail}") from exc


@dataclass(frozen=True)
class Clause:
    signal: str
    op: str
    value: float  # NaN while ``param`` is not resolved
    param: str | None = None  # the threshold is this assessment parameter

    @property
    def resolved(self) -> bool:
        return not math.isnan(self.value)

    def holds(self, actual: float) -> bool:
        if not self.resolved:
            raise ConditionError(f"The clause {self} is judged against the parameter {self.param}: "
                                 "resolve it first.")
        return _OPS[self.op](actual, self.value)

    def __str__(self) -> str:
        return f"{self.signal} {self.op} " + (f"{self.value:g}" if self.resolved else f"{{{self.param}}}")


@dataclass(frozen=True)
class Condition:
    """A named check such as ``contactors_open``: every clause must hold on fresh values."""

    name: str
    clauses: tuple[Clause, ...]

    @classmethod
    def parse(cls, name: str, expression: str) -> Condition:
        """``"ContactorPositive == 0 and HvBusVoltage <= 60"`` -> Condition (clauses joined by 'and');
        a threshold ``{param}`` is an assessment parameter, resolved with ``resolve``."""
        clauses = []
        for part in re.split(r"\band\b", expression):
            match = _CLAUSE.match(part)
            if not match:
                raise ConditionError(
                    f"The signal condition {name!r} has a clause {part.strip()!r} that is not "
                    "'Signal <op> number' or 'Signal <op> {parameter}' (op one of <=, >=, ==, !=, <, >)."
                )
            signal, op, number, param = match.groups()
            clauses.append(Clause(signal, op, float(number)) if param is None
                           else Clause(signal, op, math.nan, param))
        return cls(name, tuple(clauses))

    @property
    def parameters(self) -> tuple[str, ...]:
        """The assessment parameters the condition is judged against (resolved or not)."""
        return tuple(dict.fromkeys(c.param for c in self.clauses if c.param is not None))

    @property
    def unresolved(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.param for c in self.clauses if c.param is not None and not c.resolved))

    def resolve(self, limits: Mapping[str, float]) -> Condition:
        """The condition with each ``{param}`` replaced by its value from ``limits``."""
        todo = self.unresolved
        if not todo:
            return self
        missing = [p for p in todo if p not in limits]
        if missing:
            raise ConditionError(f"The signal condition {self.name!r} is judged against the assessment's "
                                 f"{', '.join(missing)}, which was not given.")
        bad = [p for p in todo if isinstance(limits[p], bool) or not isinstance(limits[p], int | float)
               or not math.isfinite(limits[p])]
        if bad:
            raise ConditionError(f"The signal condition {self.name!r} is judged against the assessment's "
                                 f"{', '.join(bad)}, whose value is not a finite number.")
        return Condition(self.name, tuple(
            Clause(c.signal, c.op, float(limits[c.param]), c.param) if c.param in todo else c
            for c in self.clauses))

    def clause_of(self, param: str) -> Clause | None:
        """The clause judged against ``param``."""
        return next((c for c in self.clauses if c.param == param), None)

    @property
    def expression(self) -> str:
        return " and ".join(str(c) for c in self.clauses)


#: Conditions a checklist step can name, for the simulated EV's DBC (resources/ev-simulator.dbc).
NAMED_CONDITIONS = {
    "contactors_open": Condition.parse(
        "contactors_open", "ContactorPositive == 0 and ContactorNegative == 0"
    ),
    "contactors_closed": Condition.parse(
        "contactors_closed", "ContactorPositive == 1 and ContactorNegative == 1"
    ),
    "service_plug_pulled": Condition.parse("service_plug_pulled", "ServicePlug == 0"),
    "hv_bus_below_60v": Condition.parse("hv_bus_below_60v", "HvBusVoltage < 60"),  # checklists <= 1.1.0
    "hv_bus_dead": Condition.parse("hv_bus_dead", "HvBusVoltage <= {dead_voltage_max}"),
    "isolation_ok": Condition.parse("isolation_ok", "IsolationResistance >= 500 and IsolationFault == 0"),
}


@dataclass(frozen=True)
class SignalValue:
    signal: str
    value: float
    unit: str
    label: str | None  # the DBC value-table name ("open", "closed"), if any
    message: str
    bus_ts: float  # the frame's bus timestamp
    host_ns: int  # time.monotonic_ns() when the frame was decoded


@dataclass(frozen=True)
class ConditionEvidence:
    """The outcome of checking a condition: what was seen, when, and whether it held.

    ``satisfied`` is None when the condition is not available: a signal it needs has no value
    fresh enough (``missing``; the last value seen, if any, in ``stale``) and ``reason`` says why.
    """

    name: str
    expression: str  # with the parameters resolved: "HvBusVoltage <= 1"
    satisfied: bool | None
    values: dict[str, SignalValue]
    missing: tuple[str, ...]  # signals with no value fresh enough
    checked_host_ns: int
    checked_timeline_us: int | None
    max_age_s: float
    dbc: str
    reason: str | None = None  # why it is not available
    last_frame_age_s: float | None = None  # seconds since anything was heard on the bus (None: never)
    stale: dict[str, SignalValue] = field(default_factory=dict)  # last values seen, too old to count
    limits: dict[str, float] = field(default_factory=dict)  # the parameters it was judged against

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class SignalMonitor:
    """Decodes the DBC's messages from a bus and keeps the latest value of every signal.

    Attach it as a listener (``logger.add_listener(monitor.on_frame)``, or ``notifier.add_listener``);
    decoding only touches frames whose id the DBC defines, a dictionary miss for the rest. Every
    frame received from the bus counts as the bus being alive; the app's own frames (``is_rx``
    False) are neither decoded nor counted.
    """

    def __init__(self, dbc_path: Path | str, timeline_us: Callable[[], int] | None = None,
                 clock_ns: Callable[[], int] = time.monotonic_ns):
        self.dbc_path = str(dbc_path)
        self._clock_ns = clock_ns  # host receive times and freshness; monotonic
        self.db = load_dbc(dbc_path)
        self._messages = {(m.frame_id, m.is_extended_frame): m for m in self.db.messages}
        self._signals = {s.name: (s, m) for m in self.db.messages for s in m.signals}
        self._latest: dict[str, SignalValue] = {}
        self._changed = threading.Condition()
        self._timeline_us = timeline_us
        self._since_ns = clock_ns()  # listening since: silence counts from here
        self._last_rx_ns: int | None = None
        self._decoded = 0
        self.decode_errors = 0

    def on_frame(self, msg: can.Message) -> None:
        if not msg.is_rx:
            return  # the app's own request, echoed back: not the vehicle speaking
        if not msg.is_error_frame:
            self._last_rx_ns = self._clock_ns()  # one store: the bus is alive
        message = self._messages.get((msg.arbitration_id, msg.is_extended_id))
        if message is None or msg.is_error_frame or msg.is_remote_frame:
            return
        try:
            decoded = message.decode(bytes(msg.data), decode_choices=False)
        except (cantools.database.errors.DecodeError, ValueError):
            self.decode_errors += 1  # a short or corrupt frame: counted, never a crash
            return
        now = self._clock_ns()
        with self._changed:
            for name, value in decoded.items():
                signal = message.get_signal_by_name(name)
                label = signal.choices.get(int(value)) if signal.choices else None
                self._latest[name] = SignalValue(
                    name,
                    float(value),
                    signal.unit or "",
                    str(label) if label is not None else None,
                    message.name,
                    float(msg.timestamp),
                    now,
                )
            self._decoded += 1
            self._changed.notify_all()

    def latest(self, signal: str) -> SignalValue | None:
        with self._changed:
            return self._latest.get(signal)

    def unit_of(self, signal: str) -> str | None:
        """The unit the CAN database gives ``signal`` in ("" for none; None: no such signal)."""
        found = self._signals.get(signal)
        return (found[0].unit or "") if found is not None else None

    def _condition(self, condition: Condition | str, limits: Mapping[str, float] | None = None) -> Condition:
        if isinstance(condition, str):
            found = NAMED_CONDITIONS.get(condition)
            condition = found if found is not None else Condition.parse(condition, condition)
        unknown = [c.signal for c in condition.clauses if c.signal not in self._signals]
        if unknown:
            raise ConditionError(
                f"The signal condition {condition.name!r} names {', '.join(unknown)}, which the CAN "
                f"database {self.dbc_path} does not define."
            )
        return condition.resolve(limits or {})

    def evaluate(self, condition: Condition | str, max_age_s: float = 1.0,
                 limits: Mapping[str, float] | None = None) -> ConditionEvidence:
        """Check a condition (a Condition, a name from NAMED_CONDITIONS, or 'Signal <= value') now;
        ``limits`` gives the assessment parameters a condition is judged against."""
        cond = self._condition(condition, limits)
        now = self._clock_ns()
        with self._changed:
            latest = {c.signal: self._latest.get(c.signal) for c in cond.clauses}
            last_rx = self._last_rx_ns
        fresh = {k: v for k, v in latest.items() if v is not None and now - v.host_ns <= max_age_s * 1e9}
        stale = {k: v for k, v in latest.items() if v is not None and k not in fresh}
        missing = tuple(sorted(set(latest) - set(fresh)))
        age = (now - last_rx) / 1e9 if last_rx is not None else None
        satisfied: bool | None
        reason: str | None = None
        if missing:
            satisfied = None
            reason = (BUS_SILENT if age is None or age > max_age_s
                      else f"no value of {', '.join(missing)} in the last {max_age_s:g} s")
        else:
            satisfied = all(c.holds(fresh[c.signal].value) for c in cond.clauses)
        return ConditionEvidence(
            cond.name,
            cond.expression,
            satisfied,
            fresh,
            missing,
            now,
            self._timeline_us() if self._timeline_us is not None else None,
            max_age_s,
            self.dbc_path,
            reason,
            round(age, 3) if age is not None else None,
            stale,
            {c.param: c.value for c in cond.clauses if c.param is not None},
        )

    def wait_for(
        self, condition: Condition | str, timeout_s: float, max_age_s: float = 1.0,
        limits: Mapping[str, float] | None = None,
    ) -> ConditionEvidence:
        """Evaluate each time a value arrives until the condition holds, turns out not available
        (its signals not heard for ``max_age_s`` while this wait listened at least that long), or
        ``timeout_s`` passes. Values that go stale while waiting are noticed when they do. (The
        monitor's clock must advance with real time here: the waits are real.)"""
        cond = self._condition(condition, limits)
        max_age_ns = int(max_age_s * 1e9)
        start = self._clock_ns()
        deadline = start + int(timeout_s * 1e9)
        heard_enough = max(start, self._since_ns) + max_age_ns  # a bus just woken gets its chance
        while True:
            with self._changed:
                seen = self._decoded
            evidence = self.evaluate(cond, max_age_s)
            now = self._clock_ns()
            if evidence.satisfied or now >= deadline:
                return evidence
            if evidence.satisfied is None and now >= heard_enough:
                return evidence  # listened long enough: silence is the answer
            # wake on a new value, or when a value seen goes stale, or when silence becomes conclusive
            wake = min(t for t in [deadline, heard_enough,
                                   *(v.host_ns + max_age_ns for v in evidence.values.values())] if t > now)
            with self._changed:
                if self._decoded == seen:
                    self._changed.wait(max(wake - now, 1_000_000) / 1e9)
