"""Sync benchmark: a large bundle over loopback against curl, resume after a cut, import rate.

    python -m benchmarks.bench_sync                 # 500 MB bundle, 3 rounds
    python -m benchmarks.bench_sync --mb 20 --small 3 --rounds 1   # quick

The provider and the raw-upload peer each run in their own process (uvicorn), as in production;
the workstation's client runs here. Figures, targets and PASS/FAIL are printed; exit 0 either way.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
THROUGHPUT_TARGET = 0.7  # ours / curl
IMPORT_RATE_TARGET = 20.0  # small bundles per second
MiB = 1024 * 1024

RAW_SINK = r"""
import os, sys, uvicorn
target = sys.argv[2]
async def app(scope, receive, send):
    if scope["type"] != "http":
        return
    with open(target, "wb") as f:
        while True:
            message = await receive()
            f.write(message.get("body", b""))
            if not message.get("more_body"):
                break
        f.flush(); os.fsync(f.fileno())
    await send({"type": "http.response.start", "status": 204, "headers": []})
    await send({"type": "http.response.body", "body": b""})
uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), log_level="warning", http="auto")
"""

PROVIDER = r"""
import sys, uvicorn
from pathlib import Path
from assessor_app.provider.server import bind, uvicorn_config
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig
service = ProviderService(ProviderConfig(Path(sys.argv[2])))
uvicorn.Server(uvicorn_config(service)).run(sockets=[bind("127.0.0.1", int(sys.argv[1]))])
"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(code: str, *args: str) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")])}
    return subprocess.Popen([sys.executable, "-c", code, *args], cwd=ROOT, env=env)


def wait_ready(port: int, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"the server on port {port} exited with {proc.returncode}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.05)  # readiness poll of another process, bounded by the deadline
    raise RuntimeError(f"the server on port {port} did not start")


def make_bundles(work: Path, mb: float, small: int) -> dict[str, Any]:
    """One large bundle (capture payload of ``mb`` MB), its twin for the cut, and small ones."""
    sys.path.insert(0, str(ROOT / "tests"))
    from helpers import Driver, do_all_steps, load_mini, sign_and_finish

    from assessor_app.evidence.archive import write_archive
    from assessor_app.evidence.bundle import PayloadFile, write_bundle
    from assessor_app.evidence.keys import create_assessor_key, device_key

    d = Driver(load_mini())
    do_all_steps(d)
    sign_and_finish(d)
    mini = load_mini()
    keys = [device_key(work / "keys"), create_assessor_key(work / "keys", "a1", "2468")]
    capture = work / "capture.bin"
    size = int(mb * 1e6)
    block, h = os.urandom(MiB), hashlib.sha256()
    with open(capture, "wb") as f:
        for i in range(0, size, MiB):
            piece = block[: min(MiB, size - i)]
            f.write(piece)
            h.update(piece)
    payload = [PayloadFile(capture, "video/seg-0001.mp4", h.hexdigest(), size)]

    def one(bundle_id: str, files: list[Any]) -> tuple[Path, str, str]:
        sealed = write_bundle(work / "bundles", bundle_id=bundle_id, engine=d.engine, events=d.events,
                              checklist_source=mini.checklist.source, parameters_source=mini.params.source,
                              keys=keys, payload=files)
        archive = write_archive(sealed.path, work / "archives" / f"{bundle_id}.tar")
        return archive, bundle_id, sealed.manifest_sha256

    return {"key": keys[0], "assessor": keys[1], "large": one("large-1", payload),
            "cut": one("large-2", payload), "small": [one(f"small-{i:04d}", []) for i in range(small)]}


def curl_upload(archive: Path, work: Path) -> tuple[float, float]:
    """Seconds for ``curl -T`` into the raw sink, and the CPU seconds curl and the sink spent on it."""
    port = free_port()
    received = work / "raw-received"
    sink = start(RAW_SINK, str(port), str(received))
    try:
        wait_ready(port, sink)
        sink_before, curl_before = _process_cpu(sink.pid), _children_cpu()  # the sink is not reaped yet
        t0 = time.perf_counter()
        subprocess.run(["curl", "-sS", "-o", "/dev/null", "-T", str(archive), "-H", "Expect:",
                        f"http://127.0.0.1:{port}/raw"], check=True, timeout=600)
        elapsed = time.perf_counter() - t0
        sink_after, curl_cpu = _process_cpu(sink.pid), _children_cpu() - curl_before
    finally:
        sink.terminate()
        sink.wait(30)
    if received.stat().st_size != archive.stat().st_size:
        raise RuntimeError("curl's upload arrived incomplete")
    received.unlink()
    if sink_after is None or sink_before is None:
        return elapsed, float("nan")
    return elapsed, curl_cpu + sink_after - sink_before


def _children_cpu() -> float:
    try:
        import resource
    except ImportError:  # Windows: no figure
        return float("nan")
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _process_cpu(pid: int) -> float | None:
    """CPU seconds of a running process (Linux /proc), or None where that cannot be read."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Provider:
    """The provider in its own process on a fixed port and folder; started again after a kill."""

    def __init__(self, folder: Path, port: int | None = None):
        from assessor_app.provider.service import ProviderService
        from assessor_app.provider.store import ProviderConfig

        self.folder, self.port = folder, port or free_port()
        service = ProviderService(ProviderConfig(folder))
        self.code, self.assessor_code = provider_records(service)
        service.close()
        self.proc = self.start()

    def start(self) -> subprocess.Popen[bytes]:
        self.proc = start(PROVIDER, str(self.port), str(self.folder))
        wait_ready(self.port, self.proc)
        return self.proc

    def client(self, key: Any, assessor: Any) -> Any:
        """The workstation enrolled, and its assessor's key bound, as a workshop does it once."""
        from assessor_app.sync.client import ProviderClient

        client = ProviderClient(f"http://127.0.0.1:{self.port}", key, timeout=600)
        client.provider_key_id = client.enroll(self.code)["provider_key_id"]
        client.bind_assessor(assessor, "a1", self.assessor_code)
        return client

    def stop(self) -> None:
        self.proc.terminate()
        self.proc.wait(30)


def ours_upload(archive: Path, bundle_id: str, manifest: str, key: Any, assessor: Any, folder: Path,
                chunk: int) -> dict[str, float]:
    """One upload to a fresh provider: seconds to the last byte confirmed, to the receipt, CPU."""
    from assessor_app.sync.upload import TusUploader
    from assessor_app.sync.worker import SyncSettings

    provider = Provider(folder)
    client = provider.client(key, assessor)
    size = archive.stat().st_size
    cpu: dict[str, float | None] = {}
    confirmed: list[float] = []

    def progress(done: int, _total: int) -> None:
        if done == size:  # the last byte is on the provider's disk and confirmed
            confirmed.append(time.perf_counter())
            cpu["provider"], cpu["client"] = _process_cpu(provider.proc.pid), time.process_time()

    try:
        start_cpu = _process_cpu(provider.proc.pid), time.process_time()
        t0 = time.perf_counter()
        uploader = TusUploader(client, chunk_size=chunk, min_chunk_size=SyncSettings().min_chunk_size)
        uploader.upload(archive, bundle_id=bundle_id, manifest_sha256=manifest, on_progress=progress)
        total_s = time.perf_counter() - t0
    finally:
        client.close()
        provider.stop()
    shutil.rmtree(folder, ignore_errors=True)
    provider_cpu = (cpu["provider"] - start_cpu[0]) if cpu["provider"] is not None and start_cpu[0] \
        is not None else float("nan")
    return {"stream_s": confirmed[0] - t0, "total_s": total_s,
            "cpu_s": provider_cpu + (cpu["client"] or 0.0) - start_cpu[1], "chunks": uploader.stats.chunks}


def bench(args: argparse.Namespace, work: Path) -> dict[str, Any]:
    from assessor_app.sync.client import TransientError
    from assessor_app.sync.upload import TusUploader
    from assessor_app.sync.worker import SyncSettings

    made = make_bundles(work, args.mb, args.small)
    archive, bundle_id, manifest = made["large"]
    size = archive.stat().st_size
    chunk = args.chunk_mb * MiB
    result: dict[str, Any] = {"bytes": size, "chunk_bytes": chunk, "rounds": []}
    # interleaved rounds, the order swapped each time: load from other work falls on both alike
    for i in range(args.rounds):
        runs: dict[str, Any] = {}
        for who in (("curl", "ours") if i % 2 == 0 else ("ours", "curl")):
            if who == "curl":
                runs["curl_s"], runs["curl_cpu_s"] = curl_upload(archive, work)
            else:
                runs.update(ours_upload(archive, bundle_id, manifest, made["key"], made["assessor"],
                                    work / f"provider-{i}",
                                        chunk))
        runs["ratio"] = runs["curl_s"] / runs["stream_s"]
        result["rounds"].append(runs)
        print(f"  round {i + 1}: curl {size / runs['curl_s'] / 1e6:.1f} MB/s, "
              f"ours {size / runs['stream_s'] / 1e6:.1f} MB/s ({runs['ratio']:.2f}x)",
              file=sys.stderr, flush=True)
    rounds = result["rounds"]
    med = {k: statistics.median(r[k] for r in rounds) for k in rounds[0]}
    result.update({
        "curl_mb_s": size / med["curl_s"] / 1e6, "ours_stream_mb_s": size / med["stream_s"] / 1e6,
        "ours_end_to_end_mb_s": size / med["total_s"] / 1e6, "ratio": med["ratio"],
        "import_wait_s": med["total_s"] - med["stream_s"],
        "curl_cpu_s_per_gb": med["curl_cpu_s"] / size * 1e9, "ours_cpu_s_per_gb": med["cpu_s"] / size * 1e9})
    result["pass_throughput"] = result["ratio"] >= THROUGHPUT_TARGET

    # a cut at about half: the provider process is killed mid-chunk, started again, resumed
    archive2, bundle2, manifest2 = made["cut"]
    provider = Provider(work / "provider-cut")
    client = provider.client(made["key"], made["assessor"])
    try:
        cutter = TusUploader(client, chunk_size=chunk, min_chunk_size=SyncSettings().min_chunk_size)
        urls: list[str | None] = []
        killed = threading.Event()

        def kill_at_half(done: int, _total: int) -> None:
            if done >= size // 2 and not killed.is_set():
                killed.set()  # shortly after the next chunk has started
                threading.Timer(0.05, lambda: provider.proc.send_signal(signal.SIGKILL)).start()

        try:
            cutter.upload(archive2, bundle_id=bundle2, manifest_sha256=manifest2, on_url=urls.append,
                          on_progress=kill_at_half)
        except TransientError:
            pass  # the cut: expected
        provider.proc.wait(30)
        provider.start()
        confirmed_at_cut = cutter.offset(urls[-1]) or 0
        cutter.upload(archive2, bundle_id=bundle2, manifest_sha256=manifest2, url=urls[-1])
        result.update({"cut_confirmed_offset": confirmed_at_cut, "cut_sent": cutter.stats.sent,
                       "resent_bytes": cutter.stats.sent - size, "cut_happened": killed.is_set(),
                       "cut_largest_chunk": cutter.stats.largest_chunk})
        result["pass_resend"] = result["resent_bytes"] <= cutter.stats.largest_chunk
    finally:
        client.close()
        provider.stop()

    # import rate: small bundles through the provider's importer (what `provider import` runs)
    from assessor_app.provider.service import ProviderService
    from assessor_app.provider.store import ProviderConfig

    service = ProviderService(ProviderConfig(work / "provider-import"))
    code, assessor_code = provider_records(service)
    device = service.registry.enroll(**_enroll_args(made["key"], code))
    service.directory.bind_key(device, **_bind_args(service, made["assessor"], assessor_code, device.key_id))
    t0 = time.perf_counter()
    imported = [service.importer.import_archive(a, source=str(a)) for a, _b, _m in made["small"]]
    import_s = time.perf_counter() - t0
    service.close()
    if not all(r.status == "imported" for r in imported):
        raise RuntimeError(f"small bundles failed to import: {[r.reason for r in imported if not r.ok]}")
    rate = len(imported) / import_s if import_s > 0 else float("inf")
    result.update({"small_bundles": len(imported), "import_s": import_s, "imports_per_s": rate,
                   "pass_import": rate >= IMPORT_RATE_TARGET})
    return result


def provider_records(service: Any) -> tuple[str, str]:
    """The benchmark's workshop and assessor at the provider: an enrollment and an assessor code."""
    import datetime as dt

    service.directory.add_workshop("bench", name="Benchmark Workshop", country="FI")
    service.directory.add_assessor("a1", name="Benchmark Assessor", qualification="SFS 6002",
                                   expires=dt.date.today() + dt.timedelta(days=365), workshops=["bench"])
    return service.registry.create_code("bench"), service.directory.create_assessor_code("a1")


def _enroll_args(key: Any, code: str) -> dict[str, str]:
    from assessor_app.sync.protocol import enroll_message

    return {"code": code, "public_pem": key.public_pem(),
            "signature": key.signer.sign(enroll_message(code, key.fingerprint)).signature}


def _bind_args(service: Any, assessor: Any, code: str, device_key_id: str) -> dict[str, str]:
    from assessor_app.sync.protocol import bind_message

    message = bind_message(service.store.key.fingerprint, "a1", code, assessor.fingerprint, device_key_id)
    return {"assessor_id": "a1", "code": code, "public_pem": assessor.public_pem(),
            "signature": assessor.signer.sign(message).signature}


def render(env: dict[str, Any], r: dict[str, Any]) -> str:
    verdict = {True: "PASS", False: "FAIL"}
    mb = r["bytes"] / 1e6
    ratios = ", ".join(f"{x['ratio']:.2f}" for x in r["rounds"])
    return "\n".join([
        f"Sync benchmarks: Python {env['python']}, {env['cpus']} CPUs, {env['platform']}",
        f"1-min load average at start {env['load_start']:.2f}, at end {env['load_end']:.2f}",
        "",
        f"1. A {mb:.0f} MB bundle over loopback (chunks sized to the line, at most "
        f"{r['chunk_bytes'] // MiB} MiB: {r['rounds'][0]['chunks']} chunks), median of {len(r['rounds'])} "
        "interleaved rounds",
        f"   curl raw HTTP PUT (no checks):        {r['curl_mb_s']:8.1f} MB/s",
        f"   ours, tus + sha256 per chunk + fsync: {r['ours_stream_mb_s']:8.1f} MB/s to the last byte "
        f"confirmed",
        f"   ratio {r['ratio']:.2f}x (rounds: {ratios}; target >= {THROUGHPUT_TARGET}x)  "
        f"{verdict[r['pass_throughput']]}",
        f"   ours end to end, to the stored receipt: {r['ours_end_to_end_mb_s']:6.1f} MB/s "
        f"(import after the last byte {r['import_wait_s']:.2f} s)",
        f"   CPU per GB (all processes): curl + sink {r['curl_cpu_s_per_gb']:.2f} s, "
        f"ours provider + client {r['ours_cpu_s_per_gb']:.2f} s",
        "",
        f"2. Provider killed mid-chunk at about half, restarted, upload resumed "
        f"(cut happened: {r['cut_happened']})",
        f"   confirmed before the cut {r['cut_confirmed_offset']:,} B; bytes sent {r['cut_sent']:,} for "
        f"{r['bytes']:,}; re-sent {r['resent_bytes']:,} B (target <= one chunk, "
        f"{r['cut_largest_chunk']:,} B)  {verdict[r['pass_resend']]}",
        "",
        f"3. Import of {r['small_bundles']} small bundles: {r['imports_per_s']:.1f} per second "
        f"(target >= {IMPORT_RATE_TARGET:g})  {verdict[r['pass_import']]}",
    ])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.bench_sync", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=float, default=500, help="size of the large bundle's capture (MB)")
    ap.add_argument("--chunk-mb", type=int, default=32,
                    help="largest tus chunk in MiB (default 32, the sync worker's); chunks start at 1 MiB")
    ap.add_argument("--small", type=int, default=50, help="small bundles for the import rate")
    ap.add_argument("--rounds", type=int, default=3, help="interleaved curl/ours rounds (median judged)")
    ap.add_argument("--dir", type=Path, help="where to work (default: the system temp directory)")
    ap.add_argument("--json", type=Path, help="also write the results as JSON here")
    args = ap.parse_args(argv)
    if args.mb <= 0 or args.chunk_mb < 1 or args.small < 1 or args.rounds < 1:
        ap.error("--mb, --chunk-mb, --small and --rounds must be positive")
    with tempfile.TemporaryDirectory(prefix="assessor-bench-sync-", dir=args.dir) as tmp:
        env = {"python": platform.python_version(), "cpus": os.cpu_count(), "platform": platform.platform(),
               "load_start": os.getloadavg()[0]}
        print(f"building a {args.mb:g} MB bundle and {args.small} small ones ...", file=sys.stderr,
              flush=True)
        result = bench(args, Path(tmp))
        env["load_end"] = os.getloadavg()[0]
    print(render(env, result))
    if args.json:
        args.json.write_text(json.dumps({"environment": env, "sync": result}, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
