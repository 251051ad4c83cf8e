"""The console's list of assessments: its query read from a URL, checked value by value, and run on
the assessment index with keyset paging (no OFFSET: a page deep in 100,000 rows costs what the first
does).

Every value of the URL is checked; a value that is not understood is left out and named in a
message (the page says so), never an error. A page link carries the sort key of the row it
continues from (the "cursor"), checked the same way as any other value.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import ColumnElement, Connection, Engine, and_, func, literal, or_, select, tuple_, union_all

from assessor_app.evidence.strict_json import shown
from assessor_app.i18n import Msg
from assessor_app.provider.console import list_messages as m_
from assessor_app.provider.models import AssessmentIndexRow as A
from assessor_app.provider.models import Assessor, Quarantined, Workshop

#: Outcomes the rules give (``core.engine.state.Outcome``), and "" for a record without one.
OUTCOMES = ("competent", "not_yet_competent", "incomplete", "abandoned", "stopped_safely", "")
SORTS: dict[str, tuple[Any, ...]] = {
    "date": (A.ended_us,),
    "outcome": (A.outcome, A.ended_us),
    "checklist": (A.checklist_id, A.checklist_version, A.ended_us),
    "workshop": (A.workshop_id, A.ended_us),
}
TIE: tuple[Any, ...] = (A.bundle_id, A.device)  # every order ends in the row's key, so it is total
ORDERS = ("desc", "asc")
SIZES = (25, 50, 100)
DEFAULT_SIZE = 50
MAX_SEARCH = 100
#: A search matching at most this many rows reads them by key and sorts them
FEW = 2000
_TEXT_LIMITS = {"outcome": 32, "checklist_id": 100, "checklist_version": 50, "workshop_id": 100,
                "bundle_id": 64, "device": 64}
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_PARAMS = ("q", "workshop", "assessor", "checklist", "outcome", "from", "to", "sort", "order", "size",
           "after", "before")


@dataclass(frozen=True)
class Known:
    """What the filters may name: the directory's workshops and assessors (id -> name) and the
    checklists (id, version) of the assessments held."""

    workshops: Mapping[str, str]
    assessors: Mapping[str, str]
    checklists: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class ListQuery:
    search: str = ""
    workshop: str = ""
    assessor: str = ""
    checklist: str = ""  # a checklist id, alone (every version) or as id@version
    outcome: str | None = None  # "" is a record without an outcome
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    sort: str = "date"
    order: str = "desc"
    size: int = DEFAULT_SIZE
    after: tuple[Any, ...] | None = None  # the sort key of the row the page continues after
    before: tuple[Any, ...] | None = None  # ... or comes before (a "previous" link)

    def params(self, **changes: Any) -> dict[str, str]:
        """The URL values of this query (with ``changes``), leaving out the defaults; no cursor
        unless one is among the changes, as a link to another sort or filter starts at page one."""
        q = replace(self, after=None, before=None, **{k: v for k, v in changes.items()
                                                     if k not in ("after", "before")})
        values = {"q": q.search, "workshop": q.workshop, "assessor": q.assessor, "checklist": q.checklist,
                  "outcome": "" if q.outcome is None else q.outcome or "none",
                  "from": q.date_from.isoformat() if q.date_from else "",
                  "to": q.date_to.isoformat() if q.date_to else "",
                  "sort": "" if q.sort == "date" else q.sort, "order": "" if q.order == "desc" else q.order,
                  "size": "" if q.size == DEFAULT_SIZE else str(q.size)}
        out = {k: v for k, v in values.items() if v}
        for name in ("after", "before"):
            if changes.get(name):
                out[name] = changes[name]
        return out


@dataclass
class ListPage:
    rows: list[Any]
    next_cursor: str | None = None
    prev_cursor: str | None = None
    problems: list[Msg] = field(default_factory=list)


# ------------------------------------------------------------------ reading the URL
def _one(values: dict[str, list[str]], name: str, problems: list[Msg]) -> str:
    got = values.get(name, [])
    if len(got) > 1:
        problems.append(m_.REPEATED(name=name))
    return got[0].strip() if got else ""


def _printable(text: str) -> bool:
    return not any(unicodedata.category(c) in ("Cc", "Cf", "Cs", "Co", "Cn") for c in text)


def _date(text: str) -> dt.date | None:
    if not _DATE.fullmatch(text):
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def parse_query(pairs: Iterable[tuple[str, str]], known: Known) -> tuple[ListQuery, list[Msg]]:
    """The list query the URL's values ask for, and what was left out of it and why."""
    values: dict[str, list[str]] = {}
    for name, value in pairs:
        if name in _PARAMS:
            values.setdefault(name, []).append(value)
    problems: list[Msg] = []
    get = {name: _one(values, name, problems) for name in _PARAMS}
    q: dict[str, Any] = {}
    search = get["q"]
    if len(search) > MAX_SEARCH or not _printable(search):
        problems.append(m_.BAD_SEARCH(n=MAX_SEARCH))
    else:
        q["search"] = search
    if get["workshop"]:
        if get["workshop"] in known.workshops:
            q["workshop"] = get["workshop"]
        else:
            problems.append(m_.UNKNOWN_WORKSHOP(value=shown(get["workshop"][:60])))
    if get["assessor"]:
        if get["assessor"] in known.assessors:
            q["assessor"] = get["assessor"]
        else:
            problems.append(m_.UNKNOWN_ASSESSOR(value=shown(get["assessor"][:60])))
    if get["checklist"]:
        cid, _, version = get["checklist"].partition("@")
        if any(c == cid and (not version or v == version) for c, v in known.checklists):
            q["checklist"] = get["checklist"]
        else:
            problems.append(m_.UNKNOWN_CHECKLIST(value=shown(get["checklist"][:60])))
    if get["outcome"]:
        outcome = "" if get["outcome"] == "none" else get["outcome"]
        if outcome in OUTCOMES:
            q["outcome"] = outcome
        else:
            problems.append(m_.UNKNOWN_OUTCOME(value=shown(get["outcome"][:60])))
    for name, key, bad in (("from", "date_from", m_.BAD_DATE_FROM), ("to", "date_to", m_.BAD_DATE_TO)):
        if get[name]:
            day = _date(get[name])
            if day is None:
                problems.append(bad(value=shown(get[name][:60])))
            else:
                q[key] = day
    if q.get("date_from") and q.get("date_to") and q["date_to"] < q["date_from"]:
        problems.append(m_.DATES_REVERSED(start=q.pop("date_from").isoformat(),
                                          to=q.pop("date_to").isoformat()))
    if get["sort"]:
        if get["sort"] in SORTS:
            q["sort"] = get["sort"]
        else:
            problems.append(m_.BAD_SORT(value=shown(get["sort"][:60])))
    if get["order"]:
        if get["order"] in ORDERS:
            q["order"] = get["order"]
        else:
            problems.append(m_.BAD_ORDER(value=shown(get["order"][:60])))
    if get["size"]:
        if get["size"] in {str(s) for s in SIZES}:
            q["size"] = int(get["size"])
        else:
            problems.append(m_.BAD_SIZE(value=shown(get["size"][:60]), sizes=", ".join(map(str, SIZES)),
                                        default=DEFAULT_SIZE))
    query = ListQuery(**q)
    if get["after"] and get["before"]:
        problems.append(m_.BAD_CURSOR())
    elif get["after"] or get["before"]:
        cursor = decode_cursor(get["after"] or get["before"], query)
        if cursor is None:
            problems.append(m_.BAD_CURSOR())
        elif get["after"]:
            query = replace(query, after=cursor)
        else:
            query = replace(query, before=cursor)
    return query, problems


# ------------------------------------------------------------------ cursors
def _columns(sort: str) -> tuple[Any, ...]:
    return SORTS[sort] + TIE


def encode_cursor(query: ListQuery, row: Any) -> str:
    """A page link's cursor: the sort, order and sort key of ``row``, in URL-safe base64."""
    key = [getattr(row, c.key) for c in _columns(query.sort)]
    data = json.dumps([query.sort, query.order, *key], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(data.encode()).decode().rstrip("=")


def decode_cursor(text: str, query: ListQuery) -> tuple[Any, ...] | None:
    """The sort key a cursor carries, if it is well formed and made for this query's sort and order."""
    if len(text) > 1024 or not re.fullmatch(r"[A-Za-z0-9_-]+", text):
        return None
    try:
        data = json.loads(base64.urlsafe_b64decode(text + "=" * (-len(text) % 4)))
    except (binascii.Error, ValueError):
        return None
    columns = _columns(query.sort)
    if not isinstance(data, list) or len(data) != 2 + len(columns) or data[:2] != [query.sort, query.order]:
        return None
    key = data[2:]
    for column, value in zip(columns, key, strict=True):
        if column.key == "ended_us":
            if type(value) is not int or not 0 <= value < 2**63:
                return None
        elif not isinstance(value, str) or len(value) > _TEXT_LIMITS[column.key]:
            return None
    return tuple(key)


# ------------------------------------------------------------------ running it
def _day_us(day: dt.date) -> int:
    return int(dt.datetime(day.year, day.month, day.day, tzinfo=dt.UTC).timestamp()) * 1_000_000


def _prefix(column: Any, text: str) -> ColumnElement[bool]:
    """``column`` starts with ``text``, as a range an index serves (LIKE would not use it)."""
    return and_(column >= text, column < text + "\U0010ffff")


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _named(names: Mapping[str, str], text: str) -> list[str]:
    """The ids whose name (or id) holds ``text`` (casefolded)."""
    return [i for i, n in names.items() if text in n.casefold() or text in i.casefold()]


def _search_terms(query: ListQuery, known: Known, dialect: str) -> list[ColumnElement[bool]]:
    """What the search matches: a bundle id or pseudonym beginning with it, a vehicle holding it, or
    a workshop or assessor whose name (or id) holds it."""
    s, low = query.search, query.search.casefold()
    # SQLite's LIKE ignores ASCII case by itself (ILIKE would add lower() on every row)
    holds = A.vehicle.like if dialect == "sqlite" else A.vehicle.ilike
    terms = [_prefix(A.bundle_id, s), _prefix(A.candidate, s), holds(_like(s), escape="\\")]
    if low != s:
        terms += [_prefix(A.bundle_id, low), _prefix(A.candidate, low)]
    if workshops := _named(known.workshops, low):
        terms.append(A.workshop_id.in_(workshops))
    if assessors := _named(known.assessors, low):
        terms.append(A.assessor_id.in_(assessors))
    return terms


def filters(query: ListQuery) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if query.workshop:
        where.append(A.workshop_id == query.workshop)
    if query.assessor:
        where.append(A.assessor_id == query.assessor)
    if query.checklist:
        cid, _, version = query.checklist.partition("@")
        where.append(A.checklist_id == cid)
        if version:
            where.append(A.checklist_version == version)
    if query.outcome is not None:
        where.append(A.outcome == query.outcome)
    if query.date_from:
        where.append(A.ended_us >= _day_us(query.date_from))
    if query.date_to:
        where.append(A.ended_us < _day_us(query.date_to + dt.timedelta(days=1)))
    return where


def _matching_keys(conn: Connection, query: ListQuery, known: Known) -> list[tuple[str, str]] | None:
    """The keys of the rows the search matches, if there are few (at most FEW); None if many.

    Each term alone is served by an index (the vehicle's by a scan of a small covering index), but
    joined by OR the planner reads the rows in the sort's order and tests each: quick when many
    match (a page is found early), a read of every row when few do. So the keys are read first,
    term by term; few are read by key and sorted here.
    """
    terms = _search_terms(query, known, conn.dialect.name)
    probe = union_all(*[select(A.bundle_id, A.device).where(t) for t in terms]).limit(FEW + 1)
    keys = [(str(r[0]), str(r[1])) for r in conn.execute(probe).all()]
    return sorted(set(keys)) if len(keys) <= FEW else None


def _sort_key(query: ListQuery) -> Any:
    names = [c.key for c in _columns(query.sort)]
    return lambda row: tuple(getattr(row, n) for n in names)


def _continuing(columns: tuple[Any, ...], key: tuple[Any, ...] | None,
                descending: bool) -> list[list[ColumnElement[bool]]]:
    """The conditions of the rows after ``key`` in the order of ``columns``, as queries run in turn.

    One row-value comparison would do, but SQLite seeks it by its first column only: past a sort
    key shared by many rows (an outcome, a checklist) it would read them all. So: the rest of the
    key's group first (equal leading columns, a seek on the next), then each wider group after it.
    The last three columns (date, bundle id, workstation) are compared together: dates rarely tie.
    """
    if key is None:
        return [[]]
    beyond = (lambda c, v: c < v) if descending else (lambda c, v: c > v)
    lead = len(columns) - 3
    # each value typed as its column (a bare Python int would be an INTEGER to PostgreSQL)
    values = tuple_(*(literal(v, c.type) for c, v in zip(columns[lead:], key[lead:], strict=True)))
    steps = [[*(c == v for c, v in zip(columns[:lead], key[:lead], strict=True)),
              beyond(tuple_(*columns[lead:]), values)]]
    for i in range(lead - 1, -1, -1):
        same = [c == v for c, v in zip(columns[:i], key[:i], strict=True)]
        steps.append([*same, beyond(columns[i], key[i])])
    return steps


def list_page(engine: Engine, query: ListQuery, known: Known) -> ListPage:
    """One page of the list, and the cursors of the pages before and after it (None: none)."""
    columns = _columns(query.sort)
    backwards = query.before is not None
    descending = (query.order == "desc") != backwards  # a previous page is read the other way
    where = filters(query)
    key = query.before if backwards else query.after
    with engine.connect() as conn:
        keys = _matching_keys(conn, query, known) if query.search else None
        if keys is not None:  # few: all of them, ordered and cut here
            # by bundle id, which SQLite looks up in the primary key (a list of pairs it would not)
            ids = sorted({b for b, _ in keys})
            found = conn.execute(select(A).where(A.bundle_id.in_(ids), *where)).all() if ids else []
            wanted, by = set(keys), _sort_key(query)
            rows = sorted((r for r in found if (r.bundle_id, r.device) in wanted
                           and (key is None or (by(r) < key if descending else by(r) > key))),
                          key=by, reverse=descending)[:query.size + 1]
        else:
            if query.search:
                where.append(or_(*_search_terms(query, known, conn.dialect.name)))
            order = [c.desc() if descending else c.asc() for c in columns]
            rows = []
            for step in _continuing(columns, key, descending):
                statement = select(A).where(*where, *step).order_by(*order).limit(query.size + 1 - len(rows))
                rows += conn.execute(statement).all()
                if len(rows) > query.size:
                    break
    more = len(rows) > query.size
    rows = rows[:query.size]
    if backwards:
        rows.reverse()
    page = ListPage(rows)
    if rows:
        # forwards: a next page if a row was left over, a previous one if this page continued one;
        # backwards the other way round
        if more or backwards:
            page.next_cursor = encode_cursor(query, rows[-1])
        if more if backwards else key is not None:
            page.prev_cursor = encode_cursor(query, rows[0])
    return page


def known_values(engine: Engine) -> Known:
    """The filters' options: the directory's workshops and assessors, the index's checklists."""
    checklists: list[tuple[str, str]] = []
    first = select(A.checklist_id, A.checklist_version).order_by(A.checklist_id, A.checklist_version).limit(1)
    with engine.connect() as conn:
        workshops = {str(i): str(n) for i, n in conn.execute(select(Workshop.id, Workshop.name)).all()}
        assessors = {str(i): str(n) for i, n in conn.execute(select(Assessor.id, Assessor.name)).all()}
        # two index seeks per checklist version (a loose index scan): DISTINCT would read every row,
        # and so would a row-value comparison, which SQLite seeks by its first column only
        row = conn.execute(first).first()
        while row is not None:
            checklists.append((row[0], row[1]))
            row = conn.execute(first.where(A.checklist_id == row[0], A.checklist_version > row[1])).first() \
                or conn.execute(first.where(A.checklist_id > row[0])).first()
    return Known(workshops, assessors, tuple(checklists))


def quarantined_count(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(Quarantined)).scalar_one())
