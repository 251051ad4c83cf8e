"""Live signals decoded with cantools from a DBC file, and conditions checked against them as evidence."""

from __future__ import annotations

import operator
import re
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
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
_CLAUSE = re.compile(r"^\s*([A-Za-z_][A-Za-z0-9_]*)\s*(<=|>=|==|!=|<|>)\s*(-?[0-9.]+(?:[eE][-+]?\d+)?)\s*$")


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
    value: float

    def holds(self, actual: float) -> bool:
        return _OPS[self.op](actual, self.value)

    def __str__(self) -> str:
        return f"{self.signal} {self.op} {self.value:g}"


@dataclass(frozen=True)
class Condition:
    """A named check such as ``contactors_open``: every clause must hold on fresh values."""

    name: str
    clauses: tuple[Clause, ...]

    @classmethod
    def parse(cls, name: str, expression: str) -> Condition:
        """``"ContactorPositive == 0 and HvBusVoltage <= 60"`` -> Condition (clauses joined by 'and')."""
        clauses = []
        for part in re.split(r"\band\b", expression):
            match = _CLAUSE.match(part)
            if not match:
                raise ConditionError(
                    f"The signal condition {name!r} has a clause {part.strip()!r} that is not "
                    "'Signal <op> number' (op one of <=, >=, ==, !=, <, >)."
                )
            clauses.append(Clause(match.group(1), match.group(2), float(match.group(3))))
        return cls(name, tuple(clauses))

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
    "hv_bus_below_60v": Condition.parse("hv_bus_below_60v", "HvBusVoltage < 60"),
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
    """The outcome of checking a condition: what was seen, when, and whether it held."""

    name: str
    expression: str
    satisfied: bool
    values: dict[str, SignalValue]
    missing: tuple[str, ...]  # signals with no value fresh enough
    checked_host_ns: int
    checked_timeline_us: int | None
    max_age_s: float
    dbc: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


class SignalMonitor:
    """Decodes the DBC's messages from a bus and keeps the latest value of every signal.

    Attach it as a listener (``logger.add_listener(monitor.on_frame)``, or ``notifier.add_listener``);
    decoding only touches frames whose id the DBC defines, a dictionary miss for the rest.
    """

    def __init__(self, dbc_path: Path | str, timeline_us: Callable[[], int] | None = None):
        self.dbc_path = str(dbc_path)
        self.db = load_dbc(dbc_path)
        self._messages = {(m.frame_id, m.is_extended_frame): m for m in self.db.messages}
        self._signals = {s.name: (s, m) for m in self.db.messages for s in m.signals}
        self._latest: dict[str, SignalValue] = {}
        self._changed = threading.Condition()
        self._timeline_us = timeline_us
        self.decode_errors = 0

    def on_frame(self, msg: can.Message) -> None:
        message = self._messages.get((msg.arbitration_id, msg.is_extended_id))
        if message is None or msg.is_error_frame or msg.is_remote_frame:
            return
        try:
            decoded = message.decode(bytes(msg.data), decode_choices=False)
        except (cantools.database.errors.DecodeError, ValueError):
            self.decode_errors += 1  # a short or corrupt frame: counted, never a crash
            return
        now = time.monotonic_ns()
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
            self._changed.notify_all()

    def latest(self, signal: str) -> SignalValue | None:
        with self._changed:
            return self._latest.get(signal)

    def _condition(self, condition: Condition | str) -> Condition:
        if isinstance(condition, str):
            found = NAMED_CONDITIONS.get(condition)
            condition = found if found is not None else Condition.parse(condition, condition)
        unknown = [c.signal for c in condition.clauses if c.signal not in self._signals]
        if unknown:
            raise ConditionError(
                f"The signal condition {condition.name!r} names {', '.join(unknown)}, which the CAN "
                f"database {self.dbc_path} does not define."
            )
        return condition

    def evaluate(self, condition: Condition | str, max_age_s: float = 1.0) -> ConditionEvidence:
        """Check a condition (a Condition, a name from NAMED_CONDITIONS, or 'Signal <= value') now."""
        cond = self._condition(condition)
        now = time.monotonic_ns()
        with self._changed:
            latest = {c.signal: self._latest.get(c.signal) for c in cond.clauses}
        fresh = {k: v for k, v in latest.items() if v is not None and now - v.host_ns <= max_age_s * 1e9}
        missing = tuple(sorted(set(latest) - set(fresh)))
        ok = not missing and all(c.holds(fresh[c.signal].value) for c in cond.clauses)
        return ConditionEvidence(
            cond.name,
            cond.expression,
            ok,
            fresh,
            missing,
            now,
            self._timeline_us() if self._timeline_us is not None else None,
            max_age_s,
            self.dbc_path,
        )

    def wait_for(
        self, condition: Condition | str, timeout_s: float, max_age_s: float = 1.0
    ) -> ConditionEvidence:
        """Evaluate each time a value arrives until the condition holds or ``timeout_s`` passes."""
        cond = self._condition(condition)
        deadline = time.monotonic() + timeout_s
        evidence = self.evaluate(cond, max_age_s)
        while not evidence.satisfied:
            left = deadline - time.monotonic()
            if left <= 0:
                break
            with self._changed:
                self._changed.wait(left)
            evidence = self.evaluate(cond, max_age_s)
        return evidence
