"""Moderation cycles: a named period, the checklists in its scope, its panel of moderators, its floors.

A cycle's period is given in whole days (UTC): it holds the assessments that ended on or after its
first day and before the day after its last. A checklist nobody has imported an assessment of yet is
allowed (a cycle may be set up before the work arrives), with a warning, since a mistyped id would
otherwise give an empty frame. Moderators are console users with the role moderator whose account is
not disabled.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from assessor_app.i18n import Msg
from assessor_app.provider.console.accounts import normal_name
from assessor_app.provider.console.messages import ROLE_NAMES
from assessor_app.provider.console.models import ConsoleUser
from assessor_app.provider.database import for_update
from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.moderation import messages as m_
from assessor_app.provider.moderation.models import (
    ModerationCycle,
    ModerationCycleChecklist,
    ModerationCycleModerator,
    ModerationSampleRow,
)
from assessor_app.provider.store import ProviderStore, Refused

_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
_CHECKLIST = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
DAY_US = 86_400_000_000
#: the fixed pages under /console/moderation/ (the cycles' list has its pages at /console/moderation/{cycle}):
#: a cycle of one of these names could not be reached there
RESERVED_NAMES = frozenset({"new", "reports"})


@dataclass(frozen=True)
class CycleInfo:
    name: str
    first_day: dt.date
    last_day: dt.date
    period_from_us: int
    period_to_us: int  # exclusive: the start of the day after the last
    enhanced_control: bool
    checklists: tuple[str, ...]
    moderators: tuple[str, ...]
    created_us: int
    created_by: str
    closed_us: int | None


@dataclass(frozen=True)
class Created:
    cycle: CycleInfo
    warnings: tuple[Msg, ...]  # checklists of which no assessment is held yet


def _day_us(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp() * 1_000_000)


def _us_day(us: int) -> dt.date:
    return dt.datetime.fromtimestamp(us / 1_000_000, tz=dt.UTC).date()


def parse_day(value: str | dt.date, what: Msg) -> dt.date:
    """A day as YYYY-MM-DD; Refused naming the field otherwise."""
    if isinstance(value, dt.date):
        return value
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError(value)
        return dt.date.fromisoformat(value)
    except ValueError:
        raise Refused(400, m_.BAD_DATE(what=what, value=str(value)[:40])) from None


def check_name(name: str) -> str:
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        raise Refused(400, m_.BAD_NAME(value=str(name)[:70]))
    if name.lower() in RESERVED_NAMES:
        raise Refused(400, m_.RESERVED_NAME(value=name, reserved=sorted(RESERVED_NAMES)))
    return name


def lock_cycle(conn: Connection, name: str) -> ModerationCycle | None:
    """The cycle's row, locked until the caller's write transaction ends (None if there is none).

    Whatever changes a cycle (closing it, its panel, its sample, a verdict's chain) takes this row
    lock first: on PostgreSQL, where writers run side by side, changes to one cycle then happen one
    after the other and each sees the one before; SQLite's single writer had them in turn already.
    """
    return conn.execute(for_update(select(ModerationCycle).where(  # type: ignore[return-value]
        ModerationCycle.name == name))).first()


class Cycles:
    """The provider's moderation cycles (every change in one transaction)."""

    def __init__(self, store: ProviderStore):
        self.store = store

    # ------------------------------------------------------------ reading
    def names(self) -> list[str]:
        with self.store.engine.connect() as conn:
            return list(conn.execute(select(ModerationCycle.name).order_by(ModerationCycle.name)).scalars())

    def all(self) -> list[CycleInfo]:
        return [self.get(name) for name in self.names()]

    def get(self, name: str) -> CycleInfo:
        """The cycle; Refused (404) when there is none of that name."""
        with self.store.engine.connect() as conn:
            row = conn.execute(select(ModerationCycle).where(ModerationCycle.name == name)).first()
            if row is None:
                raise Refused(404, m_.NO_CYCLE(cycle=str(name)[:70]))
            scope, panel = ModerationCycleChecklist, ModerationCycleModerator
            checklists = conn.execute(select(scope.checklist_id).where(scope.cycle == name)
                                      .order_by(scope.checklist_id)).scalars()
            moderators = conn.execute(select(panel.user_name).where(panel.cycle == name)
                                      .order_by(panel.user_name)).scalars()
            return CycleInfo(row.name, _us_day(row.period_from_us), _us_day(row.period_to_us - DAY_US),
                             row.period_from_us, row.period_to_us, bool(row.enhanced_control),
                             tuple(checklists), tuple(moderators), row.created_us, row.created_by,
                             row.closed_us)

    def sample_row(self, name: str) -> ModerationSampleRow | None:
        with self.store.engine.connect() as conn:
            return conn.execute(select(ModerationSampleRow).where(  # type: ignore[return-value]
                ModerationSampleRow.cycle == name)).first()

    # ------------------------------------------------------------ changing
    @staticmethod
    def _still_open(conn: Connection, name: str) -> None:
        """Lock the cycle's row for this write; Refused (409) if it was closed meanwhile."""
        row = lock_cycle(conn, name)
        if row is None:
            raise Refused(404, m_.NO_CYCLE(cycle=str(name)[:70]))
        if row.closed_us is not None:
            raise Refused(409, m_.CYCLE_CLOSED(cycle=name))

    def _moderator(self, conn: Connection, user: str) -> str:
        name = normal_name(user)
        row = conn.execute(select(ConsoleUser).where(ConsoleUser.name == name)).first()
        if row is None:
            raise Refused(404, m_.NO_USER(user=str(user)[:70]))
        if row.role != "moderator":
            role = ROLE_NAMES[row.role]() if row.role in ROLE_NAMES else row.role
            raise Refused(409, m_.NOT_MODERATOR(user=name, role=role))
        if row.disabled_us is not None:
            raise Refused(409, m_.USER_DISABLED(user=name))
        return name

    def create(self, name: str, *, first_day: str | dt.date, last_day: str | dt.date,
               checklists: Sequence[str], moderators: Sequence[str] = (), enhanced_control: bool = False,
               by: str = "cli") -> Created:
        """A new cycle; Refused for a bad or taken name, bad days, no or bad checklist ids, or a
        would-be moderator who is unknown, not a moderator, or disabled (nothing is made then)."""
        name = check_name(name)
        start = parse_day(first_day, m_.PERIOD_FROM())
        end = parse_day(last_day, m_.PERIOD_TO())
        if end < start:
            raise Refused(400, m_.PERIOD_ORDER(start=start.isoformat(), to=end.isoformat()))
        scope = sorted(set(checklists))
        if not scope:
            raise Refused(400, m_.NO_CHECKLIST())
        for checklist in scope:
            if not isinstance(checklist, str) or not _CHECKLIST.fullmatch(checklist):
                raise Refused(400, m_.BAD_CHECKLIST(value=str(checklist)[:110]))
        try:
            held = self._insert(name, start, end, scope, moderators, enhanced_control, by)
        except IntegrityError:
            # another writer (PostgreSQL: side by side) made a cycle of this name a moment ago
            if self.exists(name):
                raise Refused(409, m_.NAME_TAKEN(cycle=name)) from None
            raise
        warnings = tuple(m_.CHECKLIST_NOT_HELD(checklist=c) for c in scope if c not in held)
        return Created(self.get(name), warnings)

    def _insert(self, name: str, start: dt.date, end: dt.date, scope: list[str], moderators: Sequence[str],
                enhanced_control: bool, by: str) -> set[str]:
        """Store a new cycle; returns the checklists of its scope the index holds assessments of."""
        with self.store.writer.begin() as conn:
            if conn.execute(select(ModerationCycle.name).where(ModerationCycle.name == name)).first():
                raise Refused(409, m_.NAME_TAKEN(cycle=name))
            panel = sorted({self._moderator(conn, user) for user in moderators})
            conn.execute(insert(ModerationCycle).values(
                name=name, period_from_us=_day_us(start), period_to_us=_day_us(end) + DAY_US,
                enhanced_control=bool(enhanced_control), created_us=self.store.clock(), created_by=by[:64],
                closed_us=None))
            for checklist in scope:
                conn.execute(insert(ModerationCycleChecklist).values(cycle=name, checklist_id=checklist))
            for user in panel:
                conn.execute(insert(ModerationCycleModerator).values(cycle=name, user_name=user))
            return set(conn.execute(select(AssessmentIndexRow.checklist_id).where(
                AssessmentIndexRow.checklist_id.in_(scope)).distinct()).scalars())

    def exists(self, name: str) -> bool:
        with self.store.engine.connect() as conn:
            found = conn.execute(select(ModerationCycle.name).where(ModerationCycle.name == name)).first()
        return found is not None

    def open_cycle(self, name: str) -> CycleInfo:
        """The cycle, if it is still open; Refused (409) once it is closed."""
        cycle = self.get(name)
        if cycle.closed_us is not None:
            raise Refused(409, m_.CYCLE_CLOSED(cycle=cycle.name))
        return cycle

    def close(self, name: str) -> CycleInfo:
        """Close the cycle: no more verdicts, panel changes or draws; its report is final. Refused
        (409) when it is closed already. Closing is not undone: a later look is a new cycle."""
        self.open_cycle(name)
        with self.store.writer.begin() as conn:
            lock_cycle(conn, name)
            done = conn.execute(update(ModerationCycle).where(
                ModerationCycle.name == name, ModerationCycle.closed_us.is_(None)).values(
                closed_us=self.store.clock()))
            if done.rowcount != 1:  # closed by someone else meanwhile
                raise Refused(409, m_.CYCLE_CLOSED(cycle=name))
        return self.get(name)

    def add_moderator(self, name: str, user: str) -> CycleInfo:
        self.open_cycle(name)
        with self.store.writer.begin() as conn:
            self._still_open(conn, name)
            moderator = self._moderator(conn, user)
            if conn.execute(select(ModerationCycleModerator).where(
                    ModerationCycleModerator.cycle == name,
                    ModerationCycleModerator.user_name == moderator)).first():
                raise Refused(409, m_.ALREADY_MODERATOR(user=moderator, cycle=name))
            conn.execute(insert(ModerationCycleModerator).values(cycle=name, user_name=moderator))
        return self.get(name)

    def remove_moderator(self, name: str, user: str) -> CycleInfo:
        self.open_cycle(name)
        moderator = normal_name(user)
        with self.store.writer.begin() as conn:
            self._still_open(conn, name)
            done = conn.execute(delete(ModerationCycleModerator).where(
                ModerationCycleModerator.cycle == name, ModerationCycleModerator.user_name == moderator))
            if done.rowcount != 1:
                raise Refused(404, m_.NOT_ON_PANEL(user=str(user)[:70], cycle=name))
        return self.get(name)
