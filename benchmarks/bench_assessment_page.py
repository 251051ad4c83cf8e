"""Benchmark of the console's page of one assessment among many held bundles (issue 15's figure).

    python -m benchmarks.bench_assessment_page [--rows 100000] [--runs 50] [--dir DIR] [--json PATH]

The workstation demo (simulated clock and EV, video on) makes one real sealed bundle and delivers
it through the real upload to a provider. ``--rows`` more ``bundles`` rows are then written in SQL
(copies of that row under other bundle ids; their folders do not exist, as if held on another
disk), so the page's lookup runs in a table of that size. Then, signed in as a coordinator through
the real form, each URL is fetched ``--runs`` times through the app (Starlette's TestClient, in
process: the time is the server's, from the request to the last byte): the page (its CAN plots
decoded once and then cached by the segments' hashes; the first fetch is reported apart), the CSV
of the steps and the PDF record. Nothing is asserted: it prints the figures, the target (p95 <=
150 ms for the page) and PASS/FAIL, and exits 0 either way.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
import uuid
from pathlib import Path
from typing import Any

from benchmarks.bench_store import latency_stats
from benchmarks.common import BUSY_WARNING, load_average, load_text, machine_was_busy, verdict

P95_TARGET_MS = 150.0


def build(folder: Path, rows: int) -> tuple[Any, str]:
    """A provider holding the demo's bundle and ``rows`` more rows; its service and the page's path."""
    from sqlalchemy import insert, select

    from assessor_app.core.specs.library import load_library
    from assessor_app.demo import run_demo
    from assessor_app.evidence.keys import device_key
    from assessor_app.paths import checklists_dir
    from assessor_app.provider.console.accounts import add_user
    from assessor_app.provider.models import ReceivedBundle
    from assessor_app.provider.service import ProviderService
    from assessor_app.provider.store import ProviderConfig

    print("running the workstation demo and delivering its bundle ...", file=sys.stderr, flush=True)
    result = run_demo(load_library(checklists_dir()), folder, say=lambda _line: None, video=True, sync=True)
    device = device_key(folder / "keys").fingerprint
    service = ProviderService(ProviderConfig(folder / "provider", console_hash_time_cost=1,
                                             console_hash_memory_kib=1024, console_hash_parallelism=1))
    add_user(service.store, "bench", "coordinator", "benchmark password 1")
    with service.store.engine.connect() as conn:
        row = conn.execute(select(ReceivedBundle).where(
            ReceivedBundle.bundle_id == result.assessment_id)).one()
    values = {c.name: getattr(row, c.name) for c in ReceivedBundle.__table__.columns}
    print(f"writing {rows:,} more bundle rows ...", file=sys.stderr, flush=True)
    for start in range(0, rows, 5000):
        batch = [{**values, "bundle_id": str(uuid.UUID(int=start + i + 1))}
                 for i in range(min(5000, rows - start))]
        with service.store.writer.begin() as conn:
            conn.execute(insert(ReceivedBundle), batch)
    return service, f"/console/assessments/{device}/{result.assessment_id}"


def timed(client: Any, url: str, runs: int) -> tuple[list[int], int]:
    samples, size = [], 0
    for _ in range(runs):
        t0 = time.perf_counter_ns()
        answer = client.get(url)
        samples.append(time.perf_counter_ns() - t0)
        if answer.status_code != 200:
            raise SystemExit(f"{url} answered {answer.status_code}: {answer.text[:300]}")
        size = len(answer.content)
    return samples, size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--dir", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    from starlette.testclient import TestClient

    from assessor_app.provider.api import create_app

    env: dict[str, Any] = {"loadavg_1min": load_average(), "cpus": os.cpu_count()}
    with tempfile.TemporaryDirectory(prefix="bench-assessment-", dir=args.dir) as tmp:
        service, page = build(Path(tmp), args.rows)
        try:
            client = TestClient(create_app(service), follow_redirects=False)
            form = client.get("/console/login")
            token = form.text.split('name="csrf_token" value="', 1)[1].split('"', 1)[0]
            signed = client.post("/console/login", data={
                "name": "bench", "password": "benchmark password 1", "csrf_token": token})
            if signed.status_code != 303:
                raise SystemExit(f"signing in failed: {signed.status_code}")
            first, page_bytes = timed(client, page, 1)
            results: dict[str, Any] = {"first_page_ms": first[0] / 1e6, "page_bytes": page_bytes}
            for name, url in (("page", page), ("steps_csv", f"{page}/download/steps.csv"),
                              ("pdf", f"{page}/download/pdf")):
                samples, size = timed(client, url, args.runs)
                results[name] = {**latency_stats(samples), "bytes": size}
        finally:
            service.close()
    env["loadavg_1min_end"] = load_average()
    ok = results["page"]["p95_ms"] <= P95_TARGET_MS
    print(f"Assessment page among {args.rows + 1:,} held bundles; load {load_text(env['loadavg_1min'])} -> "
          f"{load_text(env['loadavg_1min_end'])} on {env['cpus']} CPUs")
    print(f"  first fetch (CAN segments decoded): {results['first_page_ms']:.1f} ms, "
          f"{results['page_bytes']:,} bytes")
    for name in ("page", "steps_csv", "pdf"):
        r = results[name]
        print(f"  {name:9s} p50 {r['p50_ms']:7.1f} ms  p95 {r['p95_ms']:7.1f} ms  max {r['max_ms']:7.1f} ms  "
              f"({r['n']} runs, {r['bytes']:,} bytes)")
    print(f"  target: page p95 <= {P95_TARGET_MS:.0f} ms: {verdict(ok)}")
    if machine_was_busy(env):
        print(BUSY_WARNING)
    if args.json:
        args.json.write_text(json.dumps({"env": env, "rows": args.rows, **results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
