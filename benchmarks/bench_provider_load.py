"""The provider under many workstations at once, on 1, 2 and 4 API + import workers.

    python -m benchmarks.bench_provider_load [--workstations 50] [--workers 1,2,4] [--sizes 1,4,16]
                                             [--database-url URL] [--object-store seaweed] [--json PATH]

Each run is a fresh provider on PostgreSQL (a throwaway server started from Debian's binaries unless
``--database-url`` names an empty database; several API processes need PostgreSQL) with N API
processes (``assessor provider serve --import-workers external``, one port each) and N import
workers (``assessor provider worker``), all sharing the provider folder; or, with ``--object-store
seaweed``, every process on a folder of its own (as on machines apart: only the signing key copied)
with the bundles and the uploads as they arrive in a SeaweedFS bucket (the tests' own throwaway
store, access keys configured; a fresh bucket per run). Every simulated workstation
is real: its own Ed25519 key, enrolled with its own code, its assessor's key bound, and its own
sealed bundle (the mini checklist, a capture payload of one of ``--sizes`` MB, cycled), delivered at
the same moment as all the others with the product's tus uploader (8 MiB chunks) to the API
processes in turn (what a proxy in front of them does), then its result asked for until the
receipt, which is verified against the provider's key.

Reported per run: bundles per second and MB per second (the first upload's start to the last
receipt), the time from a bundle's last byte confirmed to its receipt (p50, p95, max), errors, and
the ratio of each run's throughput to the one-worker run's. On a 2-core machine the workstations'
uploads, the API processes and the import workers share the same two cores: more workers than
cores only add switching, which the figures show.
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import importlib.util
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

from benchmarks.bench_store import latency_stats
from benchmarks.bench_sync import free_port, wait_ready
from benchmarks.common import BUSY_WARNING, load_average, load_text, machine_was_busy

ROOT = Path(__file__).resolve().parents[1]
MiB = 1024 * 1024


def _support(name: str) -> Any:
    """One of the tests' support modules (tests/provider/NAME.py)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tests" / "provider" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # its dataclasses look their module up
    spec.loader.exec_module(module)
    return module


class Bucket:
    """A fresh bucket of a throwaway SeaweedFS for one run, and the environment that reaches it."""

    def __init__(self, store: Any, name: str):
        store.client().create_bucket(Bucket=name)
        self.url, self.endpoint = f"s3://{name}", store.endpoint
        self.env = {"AWS_ACCESS_KEY_ID": store.access_key, "AWS_SECRET_ACCESS_KEY": store.secret_key}

    def options(self) -> list[str]:
        return ["--object-store", self.url, "--s3-endpoint", self.endpoint]


def postgres_cluster() -> Any:
    """A throwaway PostgreSQL server (the tests' own, tests/provider/postgres_support.py)."""
    module = _support("postgres_support")
    bin_dir = module._binaries()
    if bin_dir is None:
        raise SystemExit("bench_provider_load: no PostgreSQL here (apt install postgresql) "
                         "and no --database-url")
    return module.PostgresCluster(bin_dir).start()


class Workstation:
    """One enrolled workstation with its sealed bundle."""

    def __init__(self, index: int, keys_dir: Path, assessor: Any, archive: Path, bundle_id: str,
                 manifest: str):
        from assessor_app.evidence.keys import device_key

        self.index = index
        self.key = device_key(keys_dir)
        self.assessor, self.archive, self.bundle_id, self.manifest = assessor, archive, bundle_id, manifest


def seal_bundles(work: Path, count: int, sizes_mb: list[float]) -> list[Workstation]:
    """``count`` workstations, each with a bundle sealed by its own key: the mini checklist done,
    signed, and a capture payload of random bytes."""
    sys.path.insert(0, str(ROOT / "tests"))
    from helpers import Driver, do_all_steps, load_mini, sign_and_finish

    from assessor_app.evidence.archive import write_archive
    from assessor_app.evidence.bundle import PayloadFile, write_bundle
    from assessor_app.evidence.keys import create_assessor_key, device_key

    mini = load_mini()
    d = Driver(mini)
    do_all_steps(d)
    sign_and_finish(d)
    assessor = create_assessor_key(work / "assessor", "a1", "2468")
    captures: dict[float, tuple[Path, str, int]] = {}
    for mb in sorted(set(sizes_mb)):
        path, size, h = work / f"capture-{mb:g}.bin", int(mb * 1e6), hashlib.sha256()
        with open(path, "wb") as f:
            for i in range(0, size, MiB):
                piece = os.urandom(min(MiB, size - i))
                f.write(piece)
                h.update(piece)
        captures[mb] = (path, h.hexdigest(), size)
    stations = []
    for i in range(count):
        keys_dir = work / f"ws-{i:03d}" / "keys"
        capture, digest, size = captures[sizes_mb[i % len(sizes_mb)]]
        bundle_id = f"load-{i:03d}"
        sealed = write_bundle(work / f"ws-{i:03d}" / "bundles", bundle_id=bundle_id, engine=d.engine,
                              events=d.events, checklist_source=mini.checklist.source,
                              parameters_source=mini.params.source, keys=[device_key(keys_dir), assessor],
                              payload=[PayloadFile(capture, "video/seg-0001.mp4", digest, size)])
        archive = write_archive(sealed.path, work / "archives" / f"{bundle_id}.tar")
        shutil.rmtree(sealed.path)
        stations.append(Workstation(i, keys_dir, assessor, archive, bundle_id, sealed.manifest_sha256))
    return stations


def provider_process(log: Path, *args: str) -> subprocess.Popen[bytes]:
    """A provider process whose output goes to ``log`` (read after the run for its warnings)."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    with open(log, "ab") as out:
        return subprocess.Popen([sys.executable, "-m", "assessor_app.cli", "provider", *args], cwd=ROOT,
                                env=env, stdout=out, stderr=subprocess.STDOUT)


def log_faults(logs: Path) -> list[str]:
    """The provider processes' warnings and errors, as ``process: line``."""
    found = []
    for log in sorted(logs.glob("*.log")):
        for line in log.read_text(errors="replace").splitlines():
            if " WARNING " in line or " ERROR " in line or line.startswith("Traceback"):
                found.append(f"{log.stem}: {line[:1500]}")
    return found


def run(stations: list[Workstation], workers: int, database_url: str, folder: Path,
        bucket: Bucket | None = None) -> dict[str, Any]:
    """One provider with ``workers`` API processes and as many import workers; every workstation
    delivers at once. With a bucket, each process has a folder of its own."""
    from assessor_app.provider.service import ProviderService
    from assessor_app.provider.store import ProviderConfig
    from assessor_app.sync.client import ProviderClient
    from assessor_app.sync.receipts import verify_receipt
    from assessor_app.sync.upload import TusUploader

    s3 = {"object_store": bucket.url, "s3_endpoint": bucket.endpoint} if bucket else {}
    if bucket:
        os.environ.update(bucket.env)  # for boto3 here and in the processes started below
    service = ProviderService(ProviderConfig(folder, database_url=database_url, **s3))  # type: ignore[arg-type]
    service.directory.add_workshop("load", name="Load Workshop", country="FI")
    service.directory.add_assessor("a1", name="Load Assessor", qualification="SFS 6002",
                                   expires=dt.date.today() + dt.timedelta(days=365), workshops=["load"])
    codes = [service.registry.create_code("load") for _ in stations]
    assessor_code = service.directory.create_assessor_code("a1")
    provider_pem = service.store.key.public_pem()
    service.close()
    def options(role: str) -> list[str]:
        if bucket is None:
            return ["--folder", str(folder), "--database-url", database_url]
        own = folder.with_name(f"{folder.name}-{role}")  # a machine of its own: only the key copied
        own.mkdir(mode=0o700)
        shutil.copytree(folder / "keys", own / "keys")
        return ["--folder", str(own), "--database-url", database_url, *bucket.options()]

    ports = [free_port() for _ in range(workers)]
    # as behind the deployment's proxy: each workstation is its own address (X-Forwarded-For), so the
    # per-address limits on enrollment and token requests count each workstation alone
    logs = folder.with_name(f"{folder.name}-logs")
    logs.mkdir()
    procs = [provider_process(logs / f"api-{p}.log", "serve", *options(f"api-{p}"), "--port", str(p),
                              "--import-workers", "external", "--trusted-proxy", "127.0.0.1") for p in ports]
    procs += [provider_process(logs / f"worker-{i}.log", "worker", *options(f"worker-{i}"), "--poll-seconds",
                               "0.2") for i in range(workers)]
    try:
        for port, proc in zip(ports, procs, strict=False):
            wait_ready(port, proc, timeout=120)
        clients = []
        for station, code in zip(stations, codes, strict=True):
            url = f"http://127.0.0.1:{ports[station.index % workers]}"
            client = ProviderClient(url, station.key, timeout=600)
            client.http.headers["X-Forwarded-For"] = f"10.1.{station.index // 250}.{station.index % 250 + 1}"
            client.provider_key_id = client.enroll(code)["provider_key_id"]
            if not clients:  # the assessor's key, bound once at the provider, counts for every workstation
                client.bind_assessor(station.assessor, "a1", assessor_code)
            clients.append(client)
        confirmed: dict[int, float] = {}
        received: dict[int, float] = {}
        errors: list[str] = []
        start = threading.Barrier(len(stations))

        def deliver(station: Workstation, client: Any) -> None:
            size = station.archive.stat().st_size

            def progress(done: int, _total: int) -> None:
                if done == size:
                    confirmed[station.index] = time.perf_counter()

            try:
                start.wait()
                body = TusUploader(client).upload(station.archive, bundle_id=station.bundle_id,
                                                  manifest_sha256=station.manifest, on_progress=progress)
                received[station.index] = time.perf_counter()
                receipt = body["receipt"]
                verify_receipt(receipt.get("envelope", receipt), provider_pem, bundle_id=station.bundle_id,
                               manifest_sha256=station.manifest, device_key_id=station.key.fingerprint)
            except Exception as exc:  # noqa: BLE001 - every failure is counted and named in the report
                errors.append(f"{station.bundle_id}: {type(exc).__name__}: {exc}")

        machine0, self0 = machine_cpu(), own_cpu_s()
        api0 = sum(process_cpu_s(p.pid) for p in procs[:workers])
        worker0 = sum(process_cpu_s(p.pid) for p in procs[workers:])
        t0 = time.perf_counter()
        with ThreadPoolExecutor(len(stations)) as pool:
            list(pool.map(deliver, stations, clients))
        elapsed = time.perf_counter() - t0
        machine1, self1 = machine_cpu(), own_cpu_s()
        api_s = sum(process_cpu_s(p.pid) for p in procs[:workers]) - api0
        worker_s = sum(process_cpu_s(p.pid) for p in procs[workers:]) - worker0
        for client in clients:
            client.close()
    finally:
        for proc in procs:
            proc.terminate()
        for proc in procs:
            try:
                proc.wait(60)
            except subprocess.TimeoutExpired:
                proc.kill()
    service = ProviderService(ProviderConfig(folder, database_url=database_url, **s3))  # type: ignore[arg-type]
    held = len(service.importer.bundles(limit=100_000))
    quarantined = len(service.importer.quarantined())
    service.close()
    done = [i for i in received if i in confirmed]
    megabytes = sum(stations[i].archive.stat().st_size for i in done) / 1e6
    lag = [int((received[i] - confirmed[i]) * 1e9) for i in done]
    if held != len(stations) or quarantined:
        errors.append(f"the provider holds {held} bundles of {len(stations)} and quarantined {quarantined}")
    return {"workers": workers, "delivered": len(done), "errors": errors, "held": held,
            "provider_log_faults": log_faults(logs),
            "elapsed_s": round(elapsed, 2), "bundles_per_s": round(len(done) / elapsed, 3),
            "mb_per_s": round(megabytes / elapsed, 2),
            "last_byte_to_receipt": latency_stats(lag) if lag else None,
            "cpu": cpu_shares(machine0, machine1, elapsed, api_s, worker_s, self1 - self0)}


# ---------------------------------------------------------------------------- where the cores went
def machine_cpu() -> tuple[float, float]:
    """All cores' busy and total seconds since boot (Linux /proc/stat)."""
    fields = [float(x) for x in Path("/proc/stat").read_text().splitlines()[0].split()[1:]]
    tick = os.sysconf("SC_CLK_TCK")
    idle = fields[3] + (fields[4] if len(fields) > 4 else 0.0)  # idle + iowait
    return (sum(fields[:8]) - idle) / tick, sum(fields[:8]) / tick


def process_cpu_s(pid: int) -> float:
    """User + system CPU seconds of a running process and its finished children (Linux)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return 0.0
    fields = stat[stat.rindex(")") + 2:].split()
    return sum(float(fields[i]) for i in (11, 12, 13, 14)) / os.sysconf("SC_CLK_TCK")


def own_cpu_s() -> float:
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def cpu_shares(before: tuple[float, float], after: tuple[float, float], elapsed: float, api_s: float,
               worker_s: float, clients_s: float) -> dict[str, float]:
    """Where the machine's CPU time went during the deliveries: the API processes, the import
    workers, the simulated workstations (this process), and the rest (PostgreSQL, SeaweedFS, other)."""
    busy = after[0] - before[0]
    cores = os.cpu_count() or 1
    return {"busy_of_all_cores": round(busy / (elapsed * cores), 3), "busy_s": round(busy, 1),
            "api_s": round(api_s, 1), "import_workers_s": round(worker_s, 1),
            "workstations_s": round(clients_s, 1),
            "rest_s": round(max(0.0, busy - api_s - worker_s - clients_s), 1)}


def render(env: dict[str, Any], r: dict[str, Any]) -> str:
    lines = [f"Provider load: {r['workstations']} workstations at once, bundles of {r['sizes_mb']} MB "
             f"(cycled; {r['total_mb']:.0f} MB in all), PostgreSQL{r.get('layout', '')}; "
             f"Python {env['python']}, "
             f"{env['cpus']} CPUs",
             f"1-min load average at start {load_text(env['loadavg_1min'])}, at end "
             f"{load_text(env['loadavg_1min_end'])} (mostly the benchmark's own processes)", "",
             f"{'API + import workers':22} {'bundles/s':>10} {'MB/s':>8} {'receipt after last byte':>34} "
             f"{'errors':>7} {'vs 1':>6}"]
    base = r["runs"][0]["bundles_per_s"] or None
    for run_ in r["runs"]:
        lag = run_["last_byte_to_receipt"]
        lag_text = (f"p50 {lag['p50_ms'] / 1000:.2f} s, p95 {lag['p95_ms'] / 1000:.2f} s, "
                    f"max {lag['max_ms'] / 1000:.2f} s") if lag else "-"
        ratio = f"{run_['bundles_per_s'] / base:.2f}x" if base else "-"
        lines.append(f"{run_['workers']:>2} + {run_['workers']:<17} {run_['bundles_per_s']:10.2f} "
                     f"{run_['mb_per_s']:8.1f} {lag_text:>34} {len(run_['errors']):7d} {ratio:>6}")
        cpu = run_.get("cpu")
        if cpu:
            lines.append(f"      CPU: all cores {cpu['busy_of_all_cores']:.0%} busy; of {cpu['busy_s']:.1f} "
                         f"CPU-s, API {cpu['api_s']:.1f}, import workers {cpu['import_workers_s']:.1f}, "
                         f"workstations {cpu['workstations_s']:.1f}, PostgreSQL/S3 store/other "
                         f"{cpu['rest_s']:.1f}")
        lines += [f"      {e}" for e in run_["errors"][:5]]
        faults = run_.get("provider_log_faults") or []
        if faults:
            lines.append(f"      the provider logged {len(faults)} warnings or errors, the first:")
            lines += [f"        {line}" for line in faults[:3]]
    lines += ["", f"the target: 4 workers >= 3x one where the cores allow; this machine has {env['cpus']}"]
    # the load at the end is this benchmark's own: only other work before it started says busy
    if machine_was_busy({**env, "loadavg_1min_end": None}):
        lines += ["", BUSY_WARNING]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_provider_load", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workstations", type=int, default=50)
    ap.add_argument("--workers", default="1,2,4", help="API + import worker counts to run (default 1,2,4)")
    ap.add_argument("--sizes", default="1,4,16", help="capture payloads in MB, cycled over the workstations")
    ap.add_argument("--database-url", help="an empty PostgreSQL database per run is made in this server "
                                           "(its user must be allowed CREATE DATABASE)")
    ap.add_argument("--object-store", choices=["seaweed"],
                    help="bundles and uploads in a throwaway SeaweedFS, each process on a folder of its own")
    ap.add_argument("--dir", type=Path, help="where to work (default: the system temp directory)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)
    workers = [int(w) for w in args.workers.split(",")]
    sizes = [float(s) for s in args.sizes.split(",")]
    if args.workstations < 1 or min(workers) < 1 or min(sizes) <= 0:
        ap.error("--workstations, --workers and --sizes must be positive")
    env: dict[str, Any] = {"python": platform.python_version(), "cpus": os.cpu_count(),
                           "platform": platform.platform(), "loadavg_1min": load_average()}
    cluster = None if args.database_url else postgres_cluster()
    try:
        with tempfile.TemporaryDirectory(prefix="assessor-bench-load-", dir=args.dir) as tmp:
            work = Path(tmp)
            print(f"sealing {args.workstations} bundles ...", file=sys.stderr, flush=True)
            stations = seal_bundles(work / "stations", args.workstations, sizes)
            runs = []
            for n in workers:
                url = cluster.new_database() if cluster else new_database(args.database_url, f"load_{n}")
                print(f"{n} API + {n} import workers ...", file=sys.stderr, flush=True)
                if not args.object_store:
                    runs.append(run(stations, n, url, work / f"provider-{n}", None))
                    continue
                # a SeaweedFS of its own per run: each run starts on an empty store, as the first did
                # (the tests' store has room for one run's volumes, not three)
                (work / f"seaweed-{n}").mkdir()
                store, stop_store = _support("seaweed_support").start_seaweed(work / f"seaweed-{n}")
                try:
                    runs.append(run(stations, n, url, work / f"provider-{n}", Bucket(store, f"load-{n}")))
                finally:
                    stop_store()
            total_mb = sum(s.archive.stat().st_size for s in stations) / 1e6
    finally:
        if cluster is not None:
            cluster.stop()
    env["loadavg_1min_end"] = load_average()
    layout = ", SeaweedFS S3, each process on a folder of its own" if args.object_store else ""
    result = {"workstations": args.workstations, "sizes_mb": args.sizes, "total_mb": total_mb, "runs": runs,
              "layout": layout}
    print(render(env, result))
    if args.json:
        args.json.write_text(json.dumps({"environment": env, "load": result}, indent=2) + "\n")
    return 0


def new_database(url: str, name: str) -> str:
    """An empty database ``name`` on the server of ``url`` (dropped first if a run left it)."""
    from sqlalchemy import create_engine
    from sqlalchemy.engine import make_url

    server = make_url(url)
    engine = create_engine(server.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}"')
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE template0 LC_COLLATE "C" LC_CTYPE "C"')
    engine.dispose()
    return server.set(database=name).render_as_string(hide_password=False)


if __name__ == "__main__":
    raise SystemExit(main())
