"""The console's list query over the assessment index (real SQLite, 600 rows): every sort pages
through every row exactly once both ways, filters and search select what they say, and every value
of the URL is checked (a bad one is named and left out, never an error)."""

from __future__ import annotations

import base64
import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from assessor_app.i18n import render
from assessor_app.provider.console import assessment_query as aq
from assessor_app.provider.console.assessment_query import Known, ListQuery, list_page, parse_query
from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.store import ProviderConfig, ProviderStore
from benchmarks.console_data import fill

N = 600


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ProviderStore]:
    store = ProviderStore(ProviderConfig(tmp_path_factory.mktemp("provider")))
    fill(store, N, seed=7)
    yield store
    store.close()


@pytest.fixture(scope="module")
def known(store: ProviderStore) -> Known:
    known = aq.known_values(store.engine)
    assert len(known.workshops) == 12 and len(known.assessors) == 40 and len(known.checklists) == 8
    return known


@pytest.fixture(scope="module")
def everything(store: ProviderStore) -> list[Any]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(AssessmentIndexRow)).all())


def _key(sort: str) -> Callable[[Any], tuple[Any, ...]]:
    names = [c.key for c in aq.SORTS[sort]] + ["bundle_id", "device"]
    return lambda r: tuple(getattr(r, n) for n in names)


def _walk(store: ProviderStore, known: Known, query: ListQuery) -> list[list[Any]]:
    """Every page, following the next links from the first."""
    pages = []
    page = list_page(store.engine, query, known)
    assert page.prev_cursor is None
    while True:
        pages.append(page)
        if page.next_cursor is None:
            break
        assert len(page.rows) == query.size
        q, problems = parse_query([*query.params().items(), ("after", page.next_cursor)], known)
        assert problems == []
        page = list_page(store.engine, q, known)
    return [[(r.bundle_id, r.device) for r in p.rows] for p in pages]


def _expected(rows: list[Any], query: ListQuery) -> list[tuple[str, str]]:
    ordered = sorted(rows, key=_key(query.sort), reverse=query.order == "desc")
    return [(r.bundle_id, r.device) for r in ordered]


@pytest.mark.parametrize("sort", sorted(aq.SORTS))
@pytest.mark.parametrize("order", aq.ORDERS)
def test_every_sort_pages_through_every_row_once_forwards_and_back(
        store: ProviderStore, known: Known, everything: list[Any], sort: str, order: str):
    query = ListQuery(sort=sort, order=order, size=50)
    pages = _walk(store, known, query)
    assert [k for p in pages for k in p] == _expected(everything, query)
    assert len(pages) == N // 50
    # and back from the last page by the previous links
    last = list_page(store.engine, parse_query([*query.params().items(), ("after", _cursor_before_last(
        store, known, query))], known)[0], known)
    back = [[(r.bundle_id, r.device) for r in last.rows]]
    while last.prev_cursor is not None:
        q, problems = parse_query([*query.params().items(), ("before", last.prev_cursor)], known)
        assert problems == []
        last = list_page(store.engine, q, known)
        back.insert(0, [(r.bundle_id, r.device) for r in last.rows])
    assert back == pages


def _cursor_before_last(store: ProviderStore, known: Known, query: ListQuery) -> str:
    page = list_page(store.engine, query, known)
    cursor = ""
    while page.next_cursor is not None:
        cursor = page.next_cursor
        page = list_page(store.engine, parse_query([*query.params().items(), ("after", cursor)], known)[0],
                         known)
    return cursor


def _day(us: int) -> dt.date:
    return dt.datetime.fromtimestamp(us / 1e6, tz=dt.UTC).date()


FILTERS: list[tuple[list[tuple[str, str]], Callable[[Any], bool]]] = [
    ([("workshop", "ws-porto")], lambda r: r.workshop_id == "ws-porto"),
    ([("assessor", "assr-007")], lambda r: r.assessor_id == "assr-007"),
    ([("checklist", "hv-isolation-series")], lambda r: r.checklist_id == "hv-isolation-series"),
    ([("checklist", "hv-isolation-series@1.2.0")],
     lambda r: (r.checklist_id, r.checklist_version) == ("hv-isolation-series", "1.2.0")),
    ([("outcome", "stopped_safely")], lambda r: r.outcome == "stopped_safely"),
    ([("outcome", "none")], lambda r: r.outcome == ""),
    ([("from", "2025-01-01"), ("to", "2025-06-30")],
     lambda r: dt.date(2025, 1, 1) <= _day(r.ended_us) <= dt.date(2025, 6, 30)),
    ([("to", "2024-03-31")], lambda r: _day(r.ended_us) <= dt.date(2024, 3, 31)),
    ([("workshop", "ws-madrid"), ("outcome", "competent"), ("sort", "checklist"), ("order", "asc")],
     lambda r: r.workshop_id == "ws-madrid" and r.outcome == "competent"),
]


@pytest.mark.parametrize(("values", "wanted"), FILTERS)
def test_a_filter_selects_exactly_the_rows_it_names(
        store: ProviderStore, known: Known, everything: list[Any], values: list[tuple[str, str]],
        wanted: Callable[[Any], bool]):
    query, problems = parse_query(values, known)
    assert problems == []
    matching = [r for r in everything if wanted(r)]
    assert matching, "the synthetic store has rows for every filter tested"
    assert [k for p in _walk(store, known, query) for k in p] == _expected(matching, query)


def _searches(everything: list[Any], known: Known) -> list[tuple[str, Callable[[Any], bool]]]:
    some = everything[17]
    return [
        (some.bundle_id[:3], lambda r: r.bundle_id.startswith(some.bundle_id[:3])),
        (some.bundle_id[:3].upper(), lambda r: r.bundle_id.startswith(some.bundle_id[:3])),
        (some.candidate, lambda r: r.candidate.startswith(some.candidate)),
        ("800 v", lambda r: "800 v" in r.vehicle.lower()),
        ("Autokorjaamo", lambda r: r.workshop_id == "ws-helsinki"),
        (known.assessors["assr-003"], lambda r: r.assessor_id in {
            i for i, n in known.assessors.items() if known.assessors["assr-003"].casefold() in n.casefold()}),
        ("100%", lambda r: False),  # % and _ are letters, not patterns
        ("_", lambda r: False),
    ]


@pytest.mark.parametrize("few", [aq.FEW, 3])  # read by key and sorted here, or read in order by SQL
@pytest.mark.parametrize("vehicles", [aq.VEHICLES, 0])  # descriptions from their list, or each row's
def test_the_search_finds_ids_pseudonyms_vehicles_workshops_and_assessors(
        store: ProviderStore, known: Known, everything: list[Any], few: int, vehicles: int,
        monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(aq, "FEW", few)
    monkeypatch.setattr(aq, "VEHICLES", vehicles)
    for words, wanted in _searches(everything, known):
        query, problems = parse_query([("q", words), ("size", "25")], known)
        assert problems == []
        found = [k for p in _walk(store, known, query) for k in p]
        assert found == _expected([r for r in everything if wanted(r)], query), words


def _problems(values: list[tuple[str, str]], known: Known) -> tuple[ListQuery, list[str]]:
    query, problems = parse_query(values, known)
    return query, [render(p, "en") for p in problems]


def test_a_value_not_understood_is_named_and_left_out(known: Known):
    query, said = _problems([("workshop", "ws-nowhere"), ("assessor", "<script>"), ("checklist", "x@9"),
                             ("outcome", "great"), ("from", "2025-02-30"), ("to", "yesterday"),
                             ("sort", "name"), ("order", "up"), ("size", "1000000"), ("q", "a\x00b")], known)
    assert query == ListQuery()
    assert said == [
        "The search was left out: it may hold at most 100 characters and no control characters.",
        "There is no workshop 'ws-nowhere': the workshop filter was left out.",
        "There is no assessor '<script>': the assessor filter was left out.",
        "No assessment held is of the checklist 'x@9': the checklist filter was left out.",
        "'great' is not an outcome: the outcome filter was left out.",
        "'2025-02-30' is not a date written as year-month-day (2026-12-31): the \"from\" date was left out.",
        "'yesterday' is not a date written as year-month-day (2026-12-31): the \"to\" date was left out.",
        "The list cannot be sorted by 'name': it is sorted by date.",
        "'up' is not an order (ascending or descending): the newest come first.",
        "'1000000' is not a page size this list offers (25, 50, 100): 50 rows are shown.",
    ]
    query, said = _problems([("from", "2025-03-01"), ("to", "2025-01-31"), ("workshop", "ws-porto"),
                             ("workshop", "ws-oulu")], known)
    assert (query.date_from, query.date_to, query.workshop) == (None, None, "ws-porto")
    assert said == ["The value workshop was given more than once: only the first one is used.",
                    "The dates were left out: the range ends (2025-01-31) before it begins (2025-03-01)."]


def test_a_page_link_changed_by_hand_or_made_for_another_order_shows_the_first_page(
        store: ProviderStore, known: Known):
    page = list_page(store.engine, ListQuery(), known)
    assert page.next_cursor is not None
    good = page.next_cursor
    for values in ([("after", good[:-3])], [("after", good + "x")], [("after", "!!")],
                   [("sort", "outcome"), ("after", good)], [("order", "asc"), ("after", good)],
                   [("after", good), ("before", good)], [("after", base64.urlsafe_b64encode(
                       b'["date","desc","x","b","d"]').decode())]):
        query, said = _problems(values, known)
        assert (query.after, query.before) == (None, None)
        assert said == ["The page link is not valid (it was changed, or belongs to another sort order): the "
                        "first page is shown."]


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.tuples(st.sampled_from(aq._PARAMS + ("x",)), st.text(max_size=120)), max_size=8))
def test_any_values_give_a_page_and_messages_never_an_error(store: ProviderStore, known: Known,
                                                            values: list[tuple[str, str]]):
    query, problems = parse_query(values, known)
    page = list_page(store.engine, query, known)
    assert len(page.rows) <= query.size
    assert all(render(p, "fi") for p in problems)


@pytest.mark.parametrize("values", [[], [("workshop", "ws-porto")], [("assessor", "assr-007")],
                                    [("outcome", "competent"), ("sort", "outcome")],
                                    [("checklist", "hv-isolation-series@1.2.0"), ("sort", "checklist")],
                                    [("sort", "workshop"), ("order", "asc")], [("from", "2025-01-01")],
                                    [("q", "BEV")], [("q", "Virtanen"), ("sort", "outcome")]])
def test_each_filter_and_sort_reads_an_index_in_order_never_sorting_the_table(
        store: ProviderStore, known: Known, values: list[tuple[str, str]], monkeypatch: pytest.MonkeyPatch):
    """What keeps a page fast at 100,000 rows, read from SQLite's own plan (not a stopwatch); a
    search matching many rows (here more than 3) too."""
    monkeypatch.setattr(aq, "FEW", 3)
    plans: list[str] = []
    real = aq.Connection.execute

    def explained(conn: Any, statement: Any, *args: Any, **kwargs: Any) -> Any:
        compiled = statement.compile(conn, compile_kwargs={"literal_binds": True})
        plans.extend(r[3] for r in real(conn, text(f"EXPLAIN QUERY PLAN {compiled}")).all())
        return real(conn, statement, *args, **kwargs)

    monkeypatch.setattr(aq.Connection, "execute", explained)
    query, _ = parse_query(values, known)
    list_page(store.engine, query, known)
    assert any("USING INDEX ix_assessment_index" in p or "USING COVERING INDEX ix_assessment_index" in p
               for p in plans), plans
    assert not any("TEMP B-TREE" in p for p in plans), plans
    assert not any(p.startswith("SCAN assessment_index") and "INDEX" not in p for p in plans), plans
