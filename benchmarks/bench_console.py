"""Benchmark of the console's list of assessments at 100,000 held bundles (issue 15's figure).

Run it with ``python -m benchmarks.bench_console`` (see benchmarks/README.md, section "Console").

A provider store with N assessments (default 100,000) is written in SQL (``console_data``: the
rows the importer writes, a realistic spread). Then, interleaved round by round so that other load
hits both alike, each query of the list is timed:

- **ours**: the list page through the app (``/console/assessments``, logged in, Starlette's
  TestClient; server time measured inside the ASGI app from the request to the last byte of the
  response), and the list's query alone (``assessment_query.list_page``);
- **the peer**: the same page of the same rows done naively, in the same run on the same disk: a
  bare ``sqlite3`` query on a copy of the table with no index at all, OFFSET paging, and the search
  as one OR of LIKEs.

``--database-url postgresql+psycopg://...`` holds the store in that PostgreSQL database instead (the
provider at scale); the peer is then a bare psycopg query on an unindexed copy in the same database.

Nothing here asserts a timing; it prints figures, the target (p95 <= 150 ms server time) and
PASS/FAIL, and exits 0 either way (non-zero only if the benchmark itself broke).
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from benchmarks.bench_store import latency_stats
from benchmarks.common import BUSY_WARNING, load_average, load_text, machine_was_busy, verdict

P95_TARGET_MS = 150.0
ORDER = "ORDER BY ended_us DESC, bundle_id DESC, device DESC"


def build(folder: Path, rows: int, database_url: str | None = None) -> Any:
    """A provider store holding ``rows`` assessments, and the peer's copy of the index (no index):
    in SQLite in the folder, or in the PostgreSQL database ``database_url`` names."""
    from sqlalchemy import func, select

    from assessor_app.provider.models import AssessmentIndexRow
    from assessor_app.provider.store import ProviderConfig, ProviderStore
    from benchmarks.console_data import fill

    store = ProviderStore(ProviderConfig(folder, database_url=database_url))
    if database_url is None:
        if not (folder / "peer.db").exists():
            print(f"writing {rows:,} assessments ...", file=sys.stderr, flush=True)
            fill(store, rows)
            con = sqlite3.connect(folder / "provider.db")
            con.execute("ATTACH DATABASE ? AS peer", (str(folder / "peer.db"),))
            con.execute("CREATE TABLE peer.naive AS SELECT * FROM main.assessment_index")
            con.commit()
            con.close()
        return store
    with store.engine.connect() as conn:
        held = conn.execute(select(func.count()).select_from(AssessmentIndexRow)).scalar_one()
    if held < rows:
        print(f"writing {rows:,} assessments to PostgreSQL ...", file=sys.stderr, flush=True)
        fill(store, rows)
    with store.engine.begin() as conn:
        conn.exec_driver_sql("DROP TABLE IF EXISTS naive")
        conn.exec_driver_sql("CREATE TABLE naive AS SELECT * FROM assessment_index")
        conn.exec_driver_sql("ANALYZE")
    return store


class Peer:
    """The naive query of a page: a bare DB-API connection (sqlite3, or psycopg on PostgreSQL, where
    ``?`` becomes ``%s`` and LIKE the case-blind ILIKE that SQLite's LIKE is for these texts)."""

    def __init__(self, folder: Path, store: Any):
        self.postgres = store.engine.dialect.name == "postgresql"
        self.con = store.engine.raw_connection() if self.postgres else sqlite3.connect(folder / "peer.db")

    def run(self, sql: str, args: tuple[Any, ...]) -> None:
        if self.postgres:
            sql = sql.replace("?", "%s").replace(" LIKE ", " ILIKE ")
        cur = self.con.cursor()
        cur.execute(sql, args)
        cur.fetchall()
        cur.close()

    def close(self) -> None:
        self.con.close()


class Scenario:
    """One page of the list: its URL values (ours) and the naive SQL of the same page (the peer)."""

    def __init__(self, name: str, values: list[tuple[str, str]], peer_sql: str, peer_args: tuple[Any, ...]):
        self.name, self.values, self.peer_sql, self.peer_args = name, values, peer_sql, peer_args


def scenarios(store: Any, known: Any, deep: int) -> list[Scenario]:
    from sqlalchemy import select

    from assessor_app.provider.console.assessment_query import ListQuery, encode_cursor
    from assessor_app.provider.models import AssessmentIndexRow as A

    with store.engine.connect() as conn:
        # the row a reader reaches after ``deep`` rows of the date order (found once, not timed)
        at = conn.execute(select(A).order_by(A.ended_us.desc(), A.bundle_id.desc(), A.device.desc())
                          .offset(deep - 1).limit(1)).first()
        by_outcome = (A.outcome.desc(), A.ended_us.desc(), A.bundle_id.desc(), A.device.desc())
        at_outcome = conn.execute(select(A).order_by(*by_outcome).offset(deep - 1).limit(1)).first()
        candidate = conn.execute(select(A.candidate).order_by(A.bundle_id).offset(deep // 3)
                                 .limit(1)).scalar_one()
    cursor = encode_cursor(ListQuery(), at)
    outcome_cursor = encode_cursor(ListQuery(sort="outcome"), at_outcome)
    name = known.assessors["assr-003"].split()[-1]
    low = name.casefold()
    named = [i for names in (known.workshops, known.assessors) for i, n in names.items()
             if low in n.casefold() or low in i]
    ids = ", ".join(f"'{i}'" for i in named) or "''"
    select_all = "SELECT * FROM naive"
    return [
        Scenario("first page", [], f"{select_all} {ORDER} LIMIT 50", ()),
        Scenario("filtered: one workshop", [("workshop", "ws-porto")],
                 f"{select_all} WHERE workshop_id = ? {ORDER} LIMIT 50", ("ws-porto",)),
        Scenario("filtered: checklist version + outcome, by outcome",
                 [("checklist", "hv-battery-diagnostics@1.2.0"), ("outcome", "stopped_safely"),
                  ("sort", "outcome")],
                 f"{select_all} WHERE checklist_id = ? AND checklist_version = ? AND outcome = ? "
                 "ORDER BY outcome DESC, ended_us DESC, bundle_id DESC, device DESC LIMIT 50",
                 ("hv-battery-diagnostics", "1.2.0", "stopped_safely")),
        Scenario("filtered: one month", [("from", "2025-03-01"), ("to", "2025-03-31")],
                 f"{select_all} WHERE ended_us >= ? AND ended_us < ? {ORDER} LIMIT 50",
                 (1740787200000000, 1743465600000000)),
        Scenario("search: a candidate's pseudonym", [("q", candidate)],
                 f"{select_all} WHERE bundle_id LIKE ? OR candidate LIKE ? OR vehicle LIKE ? {ORDER} "
                 "LIMIT 50",
                 (f"{candidate}%", f"{candidate}%", f"%{candidate}%")),
        Scenario(f"search: a name ({name})", [("q", name)],
                 f"{select_all} WHERE bundle_id LIKE ? OR candidate LIKE ? OR vehicle LIKE ? "
                 f"OR workshop_id IN ({ids}) OR assessor_id IN ({ids}) {ORDER} LIMIT 50",
                 (f"{name}%", f"{name}%", f"%{name}%")),
        Scenario(f"deep page (after {deep:,} rows)", [("after", cursor)],
                 f"{select_all} {ORDER} LIMIT 50 OFFSET {deep}", ()),
        Scenario(f"deep page by outcome (after {deep:,} rows)",
                 [("sort", "outcome"), ("after", outcome_cursor)],
                 f"{select_all} ORDER BY outcome DESC, ended_us DESC, bundle_id DESC, device DESC "
                 f"LIMIT 50 OFFSET {deep}", ()),
    ]


def page_timer(service: Any) -> Callable[[str, list[tuple[str, str]]], int] | None:
    """Time a console page through the app, server side; None while the app has no list page."""
    import re

    from starlette.testclient import TestClient

    from assessor_app.provider.api import create_app
    from assessor_app.provider.console.accounts import add_user, set_password, users

    app = create_app(service)
    if not any(getattr(r, "path", "") == "/console" for r in app.routes):
        return None
    spent: list[int] = []

    async def timed(scope: Any, receive: Any, send: Any) -> None:
        """The app, timed from the request to the last byte of its response."""
        t0 = time.perf_counter_ns()

        async def sent(message: Any) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                spent.append(time.perf_counter_ns() - t0)

        await app(scope, receive, sent)

    password = "benchmark password 1"
    if any(u.name == "bench" for u in users(service.store)):  # a store kept from an earlier run
        set_password(service.store, "bench", password)
    else:
        add_user(service.store, "bench", "auditor", password)
    client = TestClient(timed, follow_redirects=False)
    form = client.get("/console/login").text
    token = re.search(r'name="csrf_token" value="([^"]+)"', form)
    answer = client.post("/console/login", data={"name": "bench", "password": password,
                                                  "csrf_token": token.group(1) if token else ""})
    if answer.status_code != 303:
        raise RuntimeError(f"signing in to the console failed ({answer.status_code})")
    if client.get("/console/assessments").status_code == 404:
        return None

    def get(path: str, values: list[tuple[str, str]]) -> int:
        spent.clear()
        response = client.get(path, params=values)
        if response.status_code != 200:
            raise RuntimeError(f"{path} answered {response.status_code}: {response.text[:300]}")
        return spent[-1]

    return get


def bench(args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    from assessor_app.provider.console.assessment_query import known_values, list_page, parse_query
    from assessor_app.provider.service import ProviderService
    from assessor_app.provider.store import ProviderConfig

    build(folder, args.rows, args.database_url).close()
    service = ProviderService(ProviderConfig(folder, database_url=args.database_url))
    engine = service.store.engine
    known = known_values(engine)
    cases = scenarios(service.store, known, args.deep)
    peer = Peer(folder, service.store)
    page = page_timer(service)
    assessment = assessment_page(service, folder, page) if page is not None else None
    one: list[int] = []
    samples: dict[str, dict[str, list[int]]] = {c.name: {"page": [], "query": [], "peer": []} for c in cases}
    for _ in range(args.rounds):
        for case in cases:
            t0 = time.perf_counter_ns()
            query, problems = parse_query(case.values, known)
            list_page(engine, query, known)
            samples[case.name]["query"].append(time.perf_counter_ns() - t0)
            if problems:
                raise RuntimeError(f"{case.name}: the query was not understood: {problems}")
            if page is not None:
                samples[case.name]["page"].append(page("/console/assessments", case.values))
            t0 = time.perf_counter_ns()
            peer.run(case.peer_sql, case.peer_args)
            samples[case.name]["peer"].append(time.perf_counter_ns() - t0)
        if assessment is not None and page is not None:
            one.append(page(assessment, []))
    peer.close()
    service.close()
    results = {}
    for case in cases:
        got = {k: latency_stats(v) for k, v in samples[case.name].items() if v}
        ours = got.get("page", got["query"])
        got["ratio_p95"] = ours["p95_ms"] / got["peer"]["p95_ms"] if got["peer"]["p95_ms"] else None
        got["pass"] = ours["p95_ms"] <= P95_TARGET_MS
        got["judged"] = "page" if "page" in got else "query"
        results[case.name] = got
    one_stats = latency_stats(one) if one else None
    return {"rows": args.rows, "rounds": args.rounds, "page_timed": page is not None, "scenarios": results,
            "database": engine.dialect.name,
            "assessment_page": {"url": assessment, **one_stats,
                                "pass": one_stats["p95_ms"] <= P95_TARGET_MS} if one_stats else None}


def assessment_page(service: Any, folder: Path,
                    get: Callable[[str, list[tuple[str, str]]], int]) -> str | None:
    """The page of one real assessment (sealed by the product, imported among the synthetic rows),
    if the app has one: its URL, else None."""
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
    from helpers import Driver, do_all_steps, load_mini, sign_and_finish

    from assessor_app.evidence.bundle import write_bundle
    from assessor_app.evidence.keys import create_assessor_key, device_key
    from benchmarks.bench_sync import _bind_args, _enroll_args, provider_records

    work = folder / "real"
    held = work / "held.txt"
    if not held.exists():
        d = Driver(load_mini())
        do_all_steps(d)
        sign_and_finish(d)
        mini = load_mini()
        keys = [device_key(work / "keys"), create_assessor_key(work / "keys", "a1", "2468")]
        sealed = write_bundle(work / "bundles", bundle_id="bench-real-1", engine=d.engine, events=d.events,
                              checklist_source=mini.checklist.source, parameters_source=mini.params.source,
                              keys=keys, payload=[])
        code, assessor_code = provider_records(service)
        device = service.registry.enroll(**_enroll_args(keys[0], code))
        service.directory.bind_key(device, **_bind_args(service, keys[1], assessor_code, device.key_id))
        result = service.importer.import_folder(sealed.path, source=str(sealed.path))
        if result.status != "imported":
            raise RuntimeError(f"the real bundle was not imported: {result.reason}")
        held.write_text(f"{device.key_id} {result.bundle_id}\n")
    device_id, bundle_id = held.read_text().split()
    for url in (f"/console/assessments/{device_id}/{bundle_id}", f"/console/assessments/{bundle_id}"):
        try:
            get(url, [])
        except RuntimeError:
            continue
        return url
    return None


def render(env: dict[str, Any], r: dict[str, Any]) -> str:
    lines = [
        f"Console benchmark: Python {env['python']}, {env['cpus']} CPUs, {env['platform']}",
        f"1-min load average at start {load_text(env['loadavg_1min'])}, at end "
        f"{load_text(env['loadavg_1min_end'])}",
        "",
        f"The list of assessments with {r['rows']:,} held bundles in {r.get('database', 'sqlite')}, "
        f"{r['rounds']} interleaved rounds; "
        f"p50 / p95 in ms; target p95 <= {P95_TARGET_MS:g} ms server time",
    ]
    if not r["page_timed"]:
        lines.append("(the app has no list page yet: the query alone is judged)")
    lines.append(f"{'':52} {'page':>15} {'query':>15} {'peer (naive)':>15} {'ratio':>6}")
    for name, s in r["scenarios"].items():
        cells = []
        for k in ("page", "query", "peer"):
            cells.append(f"{s[k]['p50_ms']:6.1f} / {s[k]['p95_ms']:6.1f}" if k in s else f"{'-':>15}")
        ratio = f"{s['ratio_p95']:6.3f}x" if s["ratio_p95"] is not None else "   -"
        lines.append(f"  {name:50} {cells[0]:>15} {cells[1]:>15} {cells[2]:>15} {ratio}  "
                     f"{verdict(s['pass'])}")
    one = r.get("assessment_page")
    lines.append("")
    if one:
        lines.append(f"The assessment page of one real bundle among them ({one['url'][:60]}...): p50 / p95 "
                     f"{one['p50_ms']:.1f} / {one['p95_ms']:.1f} ms  {verdict(one['pass'])}")
    else:
        lines.append("The assessment page: not in this app yet (not timed)")
    lines += ["", "ratio: our p95 over the peer's (below 1: faster than the naive query)"]
    if machine_was_busy(env):
        lines += ["", BUSY_WARNING]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_console", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--rows", type=int, default=100_000, help="assessments held (default 100,000)")
    ap.add_argument("--rounds", type=int, default=40, help="interleaved rounds (default 40)")
    ap.add_argument("--deep", type=int, help="rows before the deep page (default: half of --rows)")
    ap.add_argument("--dir", type=Path, help="where to work (default: the system temp directory)")
    ap.add_argument("--store", type=Path, help="keep the store in this folder and use it again next time "
                                               "(writing 100,000 rows takes about a minute)")
    ap.add_argument("--database-url", help="a PostgreSQL database (postgresql+psycopg://...) to hold the "
                                           "store instead of SQLite; the peer runs there too")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)
    if args.rows < 100 or args.rounds < 1:
        ap.error("--rows must be at least 100 and --rounds positive")
    args.deep = args.deep or args.rows // 2
    if not 0 < args.deep < args.rows - 50:
        ap.error("--deep must leave a page after it")
    env: dict[str, Any] = {"python": platform.python_version(), "cpus": os.cpu_count(),
                           "platform": platform.platform(), "loadavg_1min": load_average()}
    if args.store:
        args.store.mkdir(parents=True, exist_ok=True)
        result = bench(args, args.store)
    else:
        with tempfile.TemporaryDirectory(prefix="assessor-bench-console-", dir=args.dir) as tmp:
            result = bench(args, Path(tmp))
    env["loadavg_1min_end"] = load_average()
    print(render(env, result))
    if args.json:
        args.json.write_text(json.dumps({"environment": env, "console": result}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
