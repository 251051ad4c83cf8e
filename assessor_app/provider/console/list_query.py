"""What a page of the console's list of assessments asks for: the query read from the URL, checked
value by value, and the page links' cursors.

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

from assessor_app.evidence.strict_json import shown
from assessor_app.i18n import Msg
from assessor_app.provider.console import list_messages as m_
from assessor_app.provider.models import AssessmentIndexRow as A

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
