"""What the list page shows, in the page's language: made from a page of the query, no framework.

Every text comes from the catalogs; outcomes are the product's terms (the colour only repeats
them); dates are the page language's. Links keep the search and filters, so the page works without
JavaScript: the filters are one GET form, the column headers and page links plain links.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import quote, urlencode

from assessor_app.core.terms import term
from assessor_app.i18n import Msg, format_datetime, render
from assessor_app.provider.console import list_messages as m_
from assessor_app.provider.console.list_query import (
    OUTCOMES,
    SIZES,
    Known,
    ListPage,
    ListQuery,
)

LIST_PATH = "/console/assessments"
#: the colour class of an outcome (the word is always shown beside it)
OUTCOME_CLASS = {"competent": "ok", "not_yet_competent": "bad", "stopped_safely": "stop",
                 "incomplete": "open", "abandoned": "open", "": "open"}


def assessment_url(device: str, bundle_id: str) -> str:
    """The assessment page of a held bundle (agreed with that page: /notes/list-interface.md)."""
    return f"{LIST_PATH}/{quote(device, safe='')}/{quote(bundle_id, safe='')}"


def list_url(params: dict[str, str]) -> str:
    return f"{LIST_PATH}?{urlencode(params)}" if params else LIST_PATH


@dataclass(frozen=True)
class Option:
    value: str
    text: str
    selected: bool


def outcome_text(outcome: str, language: str) -> str:
    word = term(outcome) if outcome else None
    return render(word, language) if word else render(m_.NO_OUTCOME(), language)


def _options(pairs: list[tuple[str, str]], chosen: str, t: Callable[[Msg], str]) -> list[Option]:
    return [Option("", t(m_.ANY()), not chosen)] + [Option(v, text, v == chosen) for v, text in pairs]


def _by_name(names: dict[str, str] | Any) -> list[tuple[str, str]]:
    return sorted(names.items(), key=lambda p: (p[1].casefold(), p[0]))


def filter_options(query: ListQuery, known: Known, language: str) -> dict[str, list[Option]]:
    def t(msg: Msg) -> str:
        return render(msg, language)

    checklists: list[tuple[str, str]] = []
    for cid in sorted({c for c, _ in known.checklists}):
        checklists.append((cid, t(m_.ALL_VERSIONS(checklist=cid))))
        checklists += [(f"{cid}@{v}", f"{cid} {v}") for c, v in known.checklists if c == cid]
    outcome = "" if query.outcome is None else (query.outcome or "none")
    return {
        "workshop": _options(_by_name(known.workshops), query.workshop, t),
        "assessor": _options(_by_name(known.assessors), query.assessor, t),
        "checklist": _options(checklists, query.checklist, t),
        "outcome": _options([(o or "none", outcome_text(o, language)) for o in OUTCOMES], outcome, t),
        "size": [Option(str(s), str(s), s == query.size) for s in SIZES],
    }


COLUMNS = [("date", m_.COL_DATE), (None, m_.COL_BUNDLE), (None, m_.COL_CANDIDATE),
           ("workshop", m_.COL_WORKSHOP), (None, m_.COL_ASSESSOR), ("checklist", m_.COL_CHECKLIST),
           (None, m_.COL_VEHICLE), ("outcome", m_.COL_OUTCOME), (None, m_.COL_STEPS)]


def columns(query: ListQuery, language: str) -> list[dict[str, Any]]:
    """The headers: a sortable one links to its sort (the other way round when it is the sort now)."""
    out = []
    for sort, label in COLUMNS:
        head: dict[str, Any] = {"label": render(label(), language), "href": None, "aria_sort": None,
                                "note": None}
        if sort is not None:
            current = query.sort == sort
            order = ("asc" if query.order == "desc" else "desc") if current else "desc"
            head["href"] = list_url(query.params(sort=sort, order=order))
            if current:
                head["aria_sort"] = "descending" if query.order == "desc" else "ascending"
                now = m_.SORTED_DESC if query.order == "desc" else m_.SORTED_ASC
                head["note"] = render(now(), language)
            else:
                head["note"] = render(m_.SORT_BY(), language)
        out.append(head)
    return out


def rows(page: ListPage, known: Known, language: str) -> list[dict[str, Any]]:
    said: dict[tuple[Any, ...], str] = {}  # a page repeats few texts: each is rendered once

    def say(message: Any, **values: Any) -> str:
        key = (message.code, *sorted(values.items()))
        if key not in said:
            said[key] = render(message(**values), language)
        return said[key]

    out = []
    for r in page.rows:
        flags = [say(m_.HAZARD_STOP)] if r.hazard_stop else []
        if r.corrections:
            flags.append(say(m_.CORRECTIONS, n=r.corrections))
        if r.capture_gaps:
            flags.append(say(m_.GAPS, n=r.capture_gaps))
        if r.parameters_generic:
            flags.append(say(m_.GENERIC))
        ended = dt.datetime.fromtimestamp(r.ended_us / 1e6, tz=dt.UTC)
        if ("outcome", r.outcome) not in said:
            said[("outcome", r.outcome)] = outcome_text(r.outcome, language)
        out.append({
            "href": assessment_url(r.device, r.bundle_id),
            "date": format_datetime(ended, language), "date_iso": ended.isoformat(timespec="seconds"),
            "bundle": r.bundle_id, "bundle_short": r.bundle_id[:13],
            "candidate": r.candidate,
            "workshop": known.workshops.get(r.workshop_id, r.workshop_id),
            "assessor": known.assessors.get(r.assessor_id, r.assessor_id or "-"),
            "checklist": f"{r.checklist_id} {r.checklist_version}",
            "vehicle": r.vehicle,
            "outcome": said[("outcome", r.outcome)],
            "outcome_class": OUTCOME_CLASS.get(r.outcome, "open"),
            "steps": say(m_.STEPS_OF, passed=r.steps_passed, total=r.steps_total),
            "flags": flags,
        })
    return out


def page_links(query: ListQuery, page: ListPage) -> dict[str, str | None]:
    return {
        "next": list_url(query.params(after=page.next_cursor)) if page.next_cursor else None,
        "previous": list_url(query.params(before=page.prev_cursor)) if page.prev_cursor else None,
        "first": list_url(query.params()) if query.after or query.before else None,
    }


def page_view(query: ListQuery, page: ListPage, known: Known, problems: list[Msg], language: str, *,
              quarantined: int, quarantine_href: str | None) -> dict[str, Any]:
    """Everything the template shows, as texts in ``language`` and links."""
    def t(msg: Msg) -> str:
        return render(msg, language)

    options = filter_options(query, known, language)
    labels = {"workshop": m_.COL_WORKSHOP, "assessor": m_.COL_ASSESSOR, "checklist": m_.COL_CHECKLIST,
              "outcome": m_.COL_OUTCOME}
    params = query.params()
    held = {k: v for k, v in params.items() if k in ("sort", "order", "size")}
    return {
        "title": t(m_.TITLE()), "action": LIST_PATH,
        "problems": [t(p) for p in problems], "problems_title": t(m_.PROBLEMS()),
        "search_label": t(m_.SEARCH_LABEL()), "search_hint": t(m_.SEARCH_HINT()), "search": query.search,
        "search_button": t(m_.SEARCH_BUTTON()), "clear_text": t(m_.CLEAR()), "filters_title": t(m_.FILTERS()),
        "filters": [{"name": name, "label": t(label()), "options": options[name]}
                    for name, label in labels.items()],
        "date_from_label": t(m_.DATE_FROM()), "date_to_label": t(m_.DATE_TO()),
        "date_from": query.date_from.isoformat() if query.date_from else "",
        "date_to": query.date_to.isoformat() if query.date_to else "",
        "keep": sorted(held.items()),  # a new search keeps the sort and the page size
        "size_keep": sorted((k, v) for k, v in params.items() if k != "size"),
        "size_label": t(m_.PAGE_SIZE()), "sizes": options["size"], "size_button": t(m_.SIZE_BUTTON()),
        "quarantine": {"text": t(m_.QUARANTINED(n=quarantined)), "href": quarantine_href,
                       "link": t(m_.SHOW_QUARANTINE())} if quarantined else None,
        "columns": columns(query, language), "rows": rows(page, known, language),
        "shown": t(m_.SHOWN(n=len(page.rows))),
        "nothing": t(m_.NOTHING() if _filtered(query) else m_.NONE_HELD()),
        "links": page_links(query, page), "pages_label": t(m_.PAGES()),
        "first": t(m_.FIRST()), "previous": t(m_.PREVIOUS()), "next": t(m_.NEXT()),
    }


def _filtered(query: ListQuery) -> bool:
    return bool(query.search or query.workshop or query.assessor or query.checklist
                or query.outcome is not None or query.date_from or query.date_to or query.after
                or query.before)
