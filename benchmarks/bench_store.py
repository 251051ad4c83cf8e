"""Benchmarks of the store: action-to-durable-commit latency and the time to open a full store.

Run all of it with ``python -m benchmarks.bench_store`` (see benchmarks/README.md).

1. Action -> durable commit: ``AssessmentRecorder.act`` on a fresh store, one committed event
   per action, timed with ``perf_counter_ns``; beside it, in the same run and on the same disk,
   the peer: a bare ``sqlite3`` INSERT+COMMIT of the very same rows into a WAL database with
   ``synchronous=FULL`` (the floor the disk's fsync sets), and with ``synchronous=NORMAL``.
2. Open: a store holding 10,000 assessments (~10 events each, written by the app's own code),
   opened in fresh subprocesses the way the app starts: ``AssessmentStore.open`` +
   ``in_progress()`` + ``count()``.

Nothing here asserts a timing; it prints figures, targets and PASS/FAIL, and writes JSON on
request. The exit status is 0 even when a target fails (only a broken benchmark exits non-zero).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from benchmarks.common import BUSY_WARNING, load_average, load_text, machine_was_busy, verdict

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data"
CHECKLIST = DATA / "mini-checklist.yaml"
PARAMS = DATA / "mini-params.yaml"

ACTION_P95_TARGET_MS = 5.0
OPEN_TARGET_MS = 300.0
#: The three timed series are interleaved in blocks of this many actions, so that drift in
#: the machine (other load, disk cache flushes) hits ours and the peers alike.
BLOCK = 50
#: One assessment in this many is left in progress in the open benchmark (2 % of 10,000 is
#: 200, which is exactly the page ``in_progress()`` returns: the most work it can do).
IN_PROGRESS_EVERY = 50


# --------------------------------------------------------------------------- statistics
def percentile(sorted_ns: Sequence[int], q: float) -> float:
    """Nearest-rank percentile (the smallest value with at least q of the samples <= it), ms."""
    if not sorted_ns:
        return math.nan
    rank = max(1, math.ceil(q * len(sorted_ns)))
    return sorted_ns[rank - 1] / 1e6


def latency_stats(samples_ns: Sequence[int]) -> dict[str, float]:
    s = sorted(samples_ns)
    return {
        "n": len(s),
        "p50_ms": percentile(s, 0.50),
        "p95_ms": percentile(s, 0.95),
        "p99_ms": percentile(s, 0.99),
        "max_ms": s[-1] / 1e6 if s else math.nan,
        "mean_ms": statistics.fmean(s) / 1e6 if s else math.nan,
    }


# --------------------------------------------------------------------------- the app's inputs
def load_specs() -> tuple[Any, Any]:
    from assessor_app.core.specs.loader import load_checklist, load_parameter_set

    return load_checklist(CHECKLIST), load_parameter_set(PARAMS)


def people(i: int) -> dict[str, Any]:
    from assessor_app.core.engine import Person, Vehicle

    return {
        "candidate": Person(f"C{i:06d}", f"Candidate Number {i}"),
        "assessor": Person(f"A{i % 7:03d}", f"Assessor {i % 7}"),
        "workshop": Person(f"W{i % 3:02d}", f"Training Workshop {i % 3}"),
        "vehicle": Vehicle(f"WVWZZZ{i:011d}", "Compact BEV, 400 V pack", 400.0),
    }


# --------------------------------------------------------------------------- 1. actions
OPENING_RESULTS = 5  # the step results at the start of action_sequence


def action_sequence(n: int) -> list[Any]:
    """``n`` actions the mini checklist accepts, each becoming exactly one event.

    First the step results the rules allow from the start (ppe, sign, plug, lock pass; earth
    N/A), then (once the caller has let the discharge wait pass) notes and dead-test readings
    alternating. The dead test is never passed here, so the rules keep accepting readings.
    """
    from assessor_app.core.engine import AddNote, RecordMeasurement, RecordResult

    results = [
        RecordResult("ppe", "pass"), RecordResult("sign", "pass"), RecordResult("plug", "pass"),
        RecordResult("lock", "pass"), RecordResult("earth", "na", reason="no earthing point"),
    ]
    out: list[Any] = results[:n]
    i = 0
    while len(out) < n:
        if i % 2 == 0:
            text = f"Candidate re-checked the glove test before touching the pack ({i})"
            out.append(AddNote(text, step="dead" if i % 4 == 0 else None))
        elif i % 4 == 1:
            out.append(RecordMeasurement("dead", "hv", round(0.1 + (i % 9) / 10, 2), "V"))
        else:
            out.append(RecordMeasurement("dead", "hv", round(0.05 * (i % 7), 2), "V"))
        i += 1
    return out


class Peer:
    """The bare-sqlite3 floor: BEGIN IMMEDIATE; INSERT one row; COMMIT, on a WAL database."""

    def __init__(self, path: Path, synchronous: str):
        self.con = sqlite3.connect(path, isolation_level=None)
        self.con.execute("PRAGMA journal_mode=WAL")
        self.con.execute(f"PRAGMA synchronous={synchronous}")
        self.con.execute(
            "CREATE TABLE events (assessment_id TEXT NOT NULL, seq INTEGER NOT NULL, "
            "kind TEXT NOT NULL, payload TEXT NOT NULL, wall_us INTEGER NOT NULL, "
            "t_us INTEGER NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL, "
            "PRIMARY KEY (assessment_id, seq))"
        )
        self.samples: list[int] = []

    def insert(self, row: tuple[Any, ...]) -> None:
        con = self.con
        t0 = time.perf_counter_ns()
        con.execute("BEGIN IMMEDIATE")
        con.execute("INSERT INTO events VALUES (?, ?, ?, ?, ?, ?, ?, ?)", row)
        con.execute("COMMIT")
        self.samples.append(time.perf_counter_ns() - t0)

    def close(self) -> None:
        self.con.close()


def bench_actions(n: int, workdir: Path) -> dict[str, Any]:
    from assessor_app.core.clock import ManualClock
    from assessor_app.core.engine import Refused
    from assessor_app.storage.recorder import AssessmentRecorder
    from assessor_app.storage.store import AssessmentStore

    checklist, params = load_specs()
    store = AssessmentStore.open(workdir / "actions.db")
    # The discharge wait is 10 min of assessment time: a manual clock lets it pass at once
    # (readings before it are refused); the timings themselves use perf_counter.
    clock = ManualClock(wall_us=time.time_ns() // 1000)
    recorder = AssessmentRecorder.start(store, checklist, params, clock=clock, **people(1))

    # Instrument store.append (the SQLAlchemy statements and the COMMIT) to split our time.
    append_ns: list[int] = []
    real_append = store.append

    def timed_append(event: Any) -> None:
        t = time.perf_counter_ns()
        real_append(event)
        append_ns.append(time.perf_counter_ns() - t)

    store.append = timed_append  # type: ignore[method-assign]

    full = Peer(workdir / "peer-full.db", "FULL")
    normal = Peer(workdir / "peer-normal.db", "NORMAL")
    ours: list[int] = []
    payload_bytes: list[int] = []
    actions = action_sequence(n)
    for start in range(0, n, BLOCK):
        rows = []
        for action in actions[start:start + BLOCK]:
            if len(ours) == OPENING_RESULTS:
                clock.advance(11 * 60)
            t0 = time.perf_counter_ns()
            event = recorder.act(action)
            ours.append(time.perf_counter_ns() - t0)
            if isinstance(event, Refused):
                raise RuntimeError(f"the benchmark's action {action} was refused: {event.reason}")
            payload = json.dumps(event.payload, sort_keys=True, ensure_ascii=False)
            payload_bytes.append(len(payload.encode()))
            rows.append((event.assessment_id, event.seq, event.kind, payload, event.wall_us,
                         event.t_us, event.prev_hash, event.hash))
        for row in rows:  # the peers write exactly the rows we just wrote
            full.insert(row)
        for row in rows:
            normal.insert(row)
    full.close()
    normal.close()
    del store.append  # back to the method

    # One committed event per action (plus the start event), and the chain is whole.
    from assessor_app.core.events import verify_chain

    events = store.events(recorder.assessment_id)
    if len(events) != n + 1:
        raise RuntimeError(f"expected {n + 1} events in the store, found {len(events)}")
    verify_chain(events)
    store.close()

    result: dict[str, Any] = {
        "ours": latency_stats(ours),
        "ours_store_append": latency_stats(append_ns),
        "peer_full": latency_stats(full.samples),
        "peer_normal": latency_stats(normal.samples),
        "payload_bytes_mean": statistics.fmean(payload_bytes),
        "events_committed": len(events),
    }
    result["ratio_p95_vs_full"] = result["ours"]["p95_ms"] / result["peer_full"]["p95_ms"]
    result["ratio_p95_vs_normal"] = result["ours"]["p95_ms"] / result["peer_normal"]["p95_ms"]
    result["target_p95_ms"] = ACTION_P95_TARGET_MS
    result["pass"] = result["ours"]["p95_ms"] <= ACTION_P95_TARGET_MS
    return result


# --------------------------------------------------------------------------- 2. open
class _JoinTransaction:
    """Stands in for the Engine inside an AssessmentStore so that each ``engine.begin()`` joins
    one open transaction. The store's own code builds and writes every row (the same INSERTs,
    UPDATEs, triggers and checks as in the app); only where the commits fall differs."""

    def __init__(self, conn: Any):
        self._conn = conn

    @contextmanager
    def begin(self) -> Iterator[Any]:
        yield self._conn

    def execution_options(self, **_options: Any) -> _JoinTransaction:
        return self  # the one open transaction already holds the write lock

    @contextmanager
    def connect(self) -> Iterator[Any]:
        yield self._conn  # reads see what this transaction wrote


def _one_assessment(store: Any, checklist: Any, params: Any, i: int, rng: random.Random,
                    base_wall_us: int) -> str:
    """Record assessment ``i`` through AssessmentRecorder (engine rules and all): ~10 events."""
    from assessor_app.core.clock import ManualClock
    from assessor_app.core.engine import (
        Abandon,
        AddNote,
        Finish,
        RecordConsent,
        RecordIdentityCheck,
        RecordResult,
        Refused,
        SignOff,
    )
    from assessor_app.storage.recorder import AssessmentRecorder

    clock = ManualClock(wall_us=base_wall_us + i * 3_600_000_000, monotonic_us=0)
    aid = str(uuid.UUID(int=rng.getrandbits(128), version=4))
    who = people(i)
    rec = AssessmentRecorder.start(store, checklist, params, clock=clock, assessment_id=aid, **who)
    kind = "in_progress" if i % IN_PROGRESS_EVERY == 0 else (
        "abandoned" if i % IN_PROGRESS_EVERY == 1 else "finished"
    )
    steps: list[Any] = [
        RecordConsent(who["candidate"].id, video=True, statement="agreed to video"),
        RecordResult("ppe", "pass"), RecordResult("sign", "pass"), RecordResult("plug", "pass"),
    ]
    if kind == "finished":
        steps += [
            RecordResult("lock", "pass"), RecordResult("earth", "na", reason="no earthing point"),
            AddNote("Worked calmly; explained each isolation step."),
            RecordIdentityCheck("known_to_assessor"), SignOff("assessor", who["assessor"].name),
            Finish(),
        ]
    elif kind == "abandoned":
        steps += [
            AddNote("Vehicle recalled by the workshop."), RecordResult("lock", "pass"),
            AddNote("Lock returned to the cabinet."), AddNote("Discharge wait interrupted."),
            Abandon("vehicle needed for a customer"),
        ]
    else:
        steps += [
            RecordResult("lock", "pass"), AddNote("Waiting for the discharge time."),
            AddNote("Gloves re-checked."),
            AddNote("Tester proved on source."),
        ]
    for action in steps:
        clock.advance(rng.uniform(5, 90))
        out = rec.act(action)
        if isinstance(out, Refused):
            raise RuntimeError(f"assessment {i}: {action} refused: {out.reason}")
    return kind


def build_store(path: Path, count: int, per_commit: int = 500) -> dict[str, Any]:
    """A store of ``count`` assessments, written by the app's migrations, recorder and store."""
    from sqlalchemy import text

    from assessor_app.core.engine import replay
    from assessor_app.core.events import verify_chain
    from assessor_app.storage.store import AssessmentStore

    checklist, params = load_specs()
    t0 = time.perf_counter()
    store = AssessmentStore.open(path)  # creates the schema through the app's migrations
    rng = random.Random(20261123)
    base_wall_us = 1_735_689_600_000_000  # 2025-01-01, one assessment an hour after it
    for start in range(0, count, per_commit):
        with store.engine.begin() as conn:
            batch = AssessmentStore(_JoinTransaction(conn), path)  # type: ignore[arg-type]
            for i in range(start, min(count, start + per_commit)):
                _one_assessment(batch, checklist, params, i, rng, base_wall_us)
        done = min(count, start + per_commit)
        if done % 2000 == 0 or done == count:
            print(f"  {done} / {count} assessments written", file=sys.stderr, flush=True)
    # Closed assessments move on to sealed and synced as they would in use (older ones first).
    with store.engine.begin() as conn:
        batch = AssessmentStore(_JoinTransaction(conn), path)  # type: ignore[arg-type]
        rows = conn.execute(text(
            "SELECT id FROM assessments WHERE status = 'finished' ORDER BY created_wall_us"
        )).scalars().all()
        n_synced, n_sealed = int(len(rows) * 0.8), int(len(rows) * 0.1)
        for aid in rows[:n_synced]:
            batch.set_status(aid, "synced")
        for aid in rows[n_synced:n_synced + n_sealed]:
            batch.set_status(aid, "sealed")
    build_s = time.perf_counter() - t0

    # Prove the file is what the app would write: every chain whole and matching its summary,
    # a sample replayed through the engine's rules, SQLite's own checks clean.
    t1 = time.perf_counter()
    from assessor_app.core.events import Event

    with store.engine.connect() as conn:
        heads = {r.id: (r.event_count, r.head_hash) for r in conn.execute(
            text("SELECT id, event_count, head_hash FROM assessments"))}
        by_id: dict[str, list[Event]] = {}
        for r in conn.execute(text("SELECT * FROM events ORDER BY assessment_id, seq")):
            by_id.setdefault(r.assessment_id, []).append(Event(
                r.assessment_id, r.seq, r.kind, json.loads(r.payload), r.wall_us, r.t_us,
                r.prev_hash, r.hash))
        integrity = conn.execute(text("PRAGMA integrity_check")).scalar_one()
        fk_problems = conn.execute(text("PRAGMA foreign_key_check")).all()
    if len(heads) != count or set(heads) != set(by_id):
        raise RuntimeError("the built store does not hold the expected assessments")
    for aid, events in by_id.items():
        if verify_chain(events) != heads[aid][1] or len(events) != heads[aid][0]:
            raise RuntimeError(f"assessment {aid}: summary does not match its chain")
    for aid in random.Random(1).sample(sorted(by_id), min(50, len(by_id))):
        replay(checklist.spec, params.params, by_id[aid])
    if integrity != "ok" or fk_problems:
        raise RuntimeError(f"integrity_check: {integrity}; foreign_key_check: {fk_problems}")
    n_events = sum(len(v) for v in by_id.values())
    status_counts = {s: store.count(s) for s in ("in_progress", "finished", "abandoned",
                                                  "sealed", "synced")}
    store.close()  # the last connection closing checkpoints the WAL into the main file
    return {
        "assessments": len(heads), "events": n_events, "status_counts": status_counts,
        "build_s": build_s, "verify_s": time.perf_counter() - t1,
        "db_bytes": path.stat().st_size,
        "wal_left": Path(f"{path}-wal").exists(),
    }


#: Runs in a fresh interpreter: times what the app does on start, with and without imports.
CHILD = r"""
import time
t0 = time.perf_counter_ns()
import sys, json
from pathlib import Path
from assessor_app.storage.store import AssessmentStore
t1 = time.perf_counter_ns()
store = AssessmentStore.open(Path(sys.argv[1]))
resumable = store.in_progress()
total = store.count()
t2 = time.perf_counter_ns()
store.close()
print(json.dumps({"open_ms": (t2 - t1) / 1e6, "with_imports_ms": (t2 - t0) / 1e6,
                  "in_progress": len(resumable), "count": total}))
"""


def child_env(pycache: Path) -> dict[str, str]:
    """The subprocess environment: the project importable, and bytecode cached in ``pycache``.

    An installed app has its modules byte-compiled; a checkout run with
    PYTHONDONTWRITEBYTECODE (or never imported before) would compile them from source on every
    start and measure the compiler instead. So bytecode goes to a private cache (never into
    the source tree) that an unmeasured warm-up run fills.
    """
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join([str(ROOT), *filter(None, [env.get("PYTHONPATH")])])
    env["PYTHONPYCACHEPREFIX"] = str(pycache)
    return env


def open_once(path: Path, env: dict[str, str]) -> dict[str, Any]:
    t = time.perf_counter_ns()
    proc = subprocess.run([sys.executable, "-c", CHILD, str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    process_ms = (time.perf_counter_ns() - t) / 1e6
    if proc.returncode != 0:
        raise RuntimeError(f"the open subprocess failed:\n{proc.stderr}")
    out: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
    out["process_ms"] = process_ms
    return out


def bench_open(count: int, runs: int, workdir: Path) -> dict[str, Any]:
    path = workdir / "open.db"
    built = build_store(path, count)
    env = child_env(workdir / "pycache")
    open_once(path, env)  # warm-up, not counted: fills the bytecode cache
    samples = [open_once(path, env) for _ in range(runs)]
    if any(s["count"] != count for s in samples):
        raise RuntimeError("the opened store did not count every assessment")

    def agg(key: str) -> dict[str, Any]:
        vals = [s[key] for s in samples]
        return {"median_ms": statistics.median(vals), "max_ms": max(vals), "runs_ms": vals}

    result: dict[str, Any] = {
        "build": built,
        "runs": runs,
        "in_progress_listed": samples[0]["in_progress"],
        "open": agg("open_ms"),
        "open_with_imports": agg("with_imports_ms"),
        "process_total": agg("process_ms"),
        "target_ms": OPEN_TARGET_MS,
    }
    result["pass"] = result["open"]["median_ms"] <= OPEN_TARGET_MS
    result["pass_with_imports"] = result["open_with_imports"]["median_ms"] <= OPEN_TARGET_MS
    return result


# --------------------------------------------------------------------------- report
def environment(workdir: Path) -> dict[str, Any]:
    import sqlalchemy

    return {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "platform": platform.platform(),
        "cpus": os.cpu_count(),
        "workdir": str(workdir),
        "loadavg_1min": load_average(),
    }


def render(env: dict[str, Any], act: dict[str, Any] | None, opn: dict[str, Any] | None) -> str:
    lines = [
        f"Store benchmarks: Python {env['python']}, SQLite {env['sqlite']}, "
        f"SQLAlchemy {env['sqlalchemy']}, {env['cpus']} CPUs, {env['platform']}",
        f"Databases in {env['workdir']}; 1-min load average at start "
        f"{load_text(env.get('loadavg_1min'))}, at end {load_text(env.get('loadavg_1min_end'))}",
        "",
    ]
    if machine_was_busy(env):
        lines.insert(-1, BUSY_WARNING)
    if act is not None:
        n = act["ours"]["n"]
        lines += [
            f"1. Action -> durable commit ({n} actions, one event each, "
            f"mean payload {act['payload_bytes_mean']:.0f} B; times in ms)",
            f"   {'':46} {'p50':>7} {'p95':>7} {'p99':>7} {'max':>7}  {'target':>10}  result",
        ]

        def row(label: str, s: dict[str, float], target: str = "", verdict: str = "") -> str:
            return (f"   {label:46} {s['p50_ms']:7.3f} {s['p95_ms']:7.3f} {s['p99_ms']:7.3f} "
                    f"{s['max_ms']:7.3f}  {target:>10}  {verdict}")

        lines += [
            row("ours: AssessmentRecorder.act", act["ours"],
                f"p95<={ACTION_P95_TARGET_MS:g}", verdict(act["pass"])),
            row("  of which store.append (SQL + COMMIT)", act["ours_store_append"]),
            row("peer: sqlite3 INSERT+COMMIT, WAL, sync=FULL", act["peer_full"]),
            row("info: sqlite3 INSERT+COMMIT, WAL, sync=NORMAL", act["peer_normal"]),
            f"   ratio ours p95 / peer (FULL) p95:   {act['ratio_p95_vs_full']:.2f}x   "
            f"(ours adds {act['ours']['p95_ms'] - act['peer_full']['p95_ms']:.3f} ms at p95)",
            f"   ratio ours p95 / sync=NORMAL p95:   {act['ratio_p95_vs_normal']:.2f}x   (info)",
            "",
        ]
    if opn is not None:
        b = opn["build"]
        sc = ", ".join(f"{k} {v}" for k, v in b["status_counts"].items())
        lines += [
            f"2. Open a store of {b['assessments']:,} assessments ({b['events']:,} events, "
            f"{b['db_bytes'] / 1e6:.1f} MB; {sc})",
            f"   built in {b['build_s']:.1f} s and verified in {b['verify_s']:.1f} s; "
            f"{opn['runs']} fresh subprocesses (bytecode cached, OS page cache warm); "
            f"in_progress() listed "
            f"{opn['in_progress_listed']}",
            f"   {'':46} {'median':>7} {'max':>7}  {'target':>10}  result",
        ]

        def orow(label: str, s: dict[str, Any], verdict: str = "") -> str:
            target = f"<={OPEN_TARGET_MS:g}" if verdict else ""
            figures = f"{s['median_ms']:7.1f} {s['max_ms']:7.1f}"
            return f"   {label:46} {figures}  {target:>10}  {verdict}"

        lines += [
            orow("(a) open + in_progress() + count()", opn["open"], verdict(opn["pass"])),
            orow("(b) the same + importing assessor_app.storage", opn["open_with_imports"],
                 verdict(opn["pass_with_imports"])),
            orow("info: whole subprocess (interpreter start..exit)", opn["process_total"]),
            "",
        ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_store", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--actions", type=int, default=2000, help="actions to time (default 2000)")
    ap.add_argument("--assessments", type=int, default=10000,
                    help="assessments in the store to open (default 10000)")
    ap.add_argument("--runs", type=int, default=5, help="open subprocess runs (default 5)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON to this path")
    ap.add_argument("--dir", type=Path, default=None,
                    help="where to create the temporary databases (default: the system temp "
                         "directory); put it on the disk the app's data will live on")
    ap.add_argument("--only", choices=("actions", "open"), help="run one benchmark only")
    args = ap.parse_args(argv)
    if args.actions < 1 or args.assessments < 1 or args.runs < 1:
        ap.error("--actions, --assessments and --runs must be at least 1")

    with tempfile.TemporaryDirectory(prefix="assessor-bench-", dir=args.dir) as tmp:
        workdir = Path(tmp)
        env = environment(workdir)
        act = opn = None
        if args.only in (None, "actions"):
            print(f"timing {args.actions} actions ...", file=sys.stderr, flush=True)
            act = bench_actions(args.actions, workdir)
        if args.only in (None, "open"):
            print(f"building a store of {args.assessments} assessments ...", file=sys.stderr,
                  flush=True)
            opn = bench_open(args.assessments, args.runs, workdir)
        env["loadavg_1min_end"] = load_average()
        print(render(env, act, opn))
    if args.json:
        args.json.write_text(json.dumps(
            {"environment": env, "actions": act, "open": opn,
             "targets": {"action_p95_ms": ACTION_P95_TARGET_MS, "open_ms": OPEN_TARGET_MS}},
            indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
