"""The console's list of assessments run on the assessment index: filters, the search, and keyset
paging (no OFFSET: a page deep in 100,000 rows costs what the first does). The query itself is read
from the URL by ``list_query``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Engine,
    and_,
    false,
    func,
    literal,
    or_,
    select,
    tuple_,
    union_all,
)

from assessor_app.provider.console.list_query import (  # noqa: F401 (the list's names, from one place)
    _PARAMS,
    DEFAULT_SIZE,
    MAX_SEARCH,
    ORDERS,
    OUTCOMES,
    SIZES,
    SORTS,
    TIE,
    Known,
    ListPage,
    ListQuery,
    _columns,
    decode_cursor,
    encode_cursor,
    parse_query,
)
from assessor_app.provider.models import AssessmentIndexRow as A
from assessor_app.provider.models import AssessmentVehicle as V
from assessor_app.provider.models import Assessor, Quarantined, Workshop

#: A search matching at most this many rows reads them by key and sorts them
FEW = 500
#: A search matching more vehicle descriptions than this reads the rows' own descriptions
VEHICLES = 500


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


def _search_terms(conn: Connection, query: ListQuery, known: Known) -> list[ColumnElement[bool]]:
    """What the search matches: a bundle id or pseudonym beginning with it, a vehicle holding it, or
    a workshop or assessor whose name (or id) holds it."""
    s, low = query.search, query.search.casefold()
    # the vehicle descriptions holding it, from the list of each description once (SQLite's LIKE
    # ignores ASCII case by itself; ILIKE would add lower() on every text); if very many, the rows'
    # own descriptions are read instead
    def holds(column: Any) -> ColumnElement[bool]:
        match = column.like if conn.dialect.name == "sqlite" else column.ilike
        return match(_like(s), escape="\\")

    vehicles = list(conn.execute(select(V.vehicle).where(holds(V.vehicle)).limit(VEHICLES + 1)).scalars())
    terms = [_prefix(A.bundle_id, s), _prefix(A.candidate, s)]
    if len(vehicles) > VEHICLES:
        terms.append(holds(A.vehicle))
    elif vehicles:
        terms.append(A.vehicle.in_(vehicles))
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
    terms = _search_terms(conn, query, known)
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
                # many match: read in the list's order and test each row, which stops at a page;
                # inside a function the terms cannot draw the planner to their own indexes (each
                # read whole, then all sorted)
                where.append(func.coalesce(or_(*_search_terms(conn, query, known)), false()))
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
