"""Sealing and verifying evidence bundles.

    python -m benchmarks.bench_evidence [--gib 1.0] [--files 10] [--json PATH]

1. Sealing an assessment that carries N GiB of capture files (their SHA-256 computed while they
   were written, as the capture does): target under 1 s and independent of the evidence size
   (the same seal is also timed with no capture files).
2. Verifying the bundle: throughput of `verify_bundle` against, in the same run, plain hashlib
   SHA-256 over the same files (target >= 0.8x) and the Library of Congress `bagit` validation
   (target: not slower).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import Any

CHUNK = 1 << 20


def make_capture(folder: Path, total_bytes: int, files: int) -> list[Any]:
    """Write capture-like files, hashing while writing (as the recorder does)."""
    from assessor_app.evidence.bundle import PayloadFile

    folder.mkdir(parents=True, exist_ok=True)
    per_file = total_bytes // files
    block = os.urandom(CHUNK)
    out = []
    for i in range(files):
        path = folder / f"seg-{i:04d}.mp4"
        h = hashlib.sha256()
        with open(path, "wb") as f:
            written = 0
            while written < per_file:
                piece = block[: min(CHUNK, per_file - written)]
                f.write(piece)
                h.update(piece)
                written += len(piece)
        out.append(PayloadFile(path, f"video/{path.name}", h.hexdigest(), per_file))
    return out


def seal_once(work: Path, name: str, payload: list[Any]) -> tuple[float, Path]:
    from assessor_app.core.specs.library import load_library
    from assessor_app.demo import run_demo
    from assessor_app.evidence.bundle import write_bundle
    from assessor_app.evidence.keys import create_assessor_key, device_key
    from assessor_app.paths import checklists_dir
    from assessor_app.storage.recorder import AssessmentRecorder
    from assessor_app.storage.store import AssessmentStore

    data = work / name
    result = run_demo(load_library(checklists_dir()), data, say=lambda _l: None)
    store = AssessmentStore.open(result.database)
    summary = store.summary(result.assessment_id)
    engine = AssessmentRecorder.open(store, result.assessment_id, read_only=True).engine
    events = store.events(result.assessment_id)
    keys = [device_key(data / "bench-keys"), create_assessor_key(data / "bench-keys", "a1", "2468")]
    sources = (store.snapshot_source(summary.checklist_sha256),
               store.snapshot_source(summary.params_sha256))
    identity = store.identity(result.assessment_id)
    t0 = time.perf_counter()
    bundle = write_bundle(data / "bench-bundles", bundle_id="b", engine=engine, events=events,
                          checklist_source=sources[0], parameters_source=sources[1], keys=keys,
                          payload=payload, identity=identity)
    elapsed = time.perf_counter() - t0
    store.close()
    return elapsed, bundle.path


def hashlib_pass(files: list[Path]) -> float:
    t0 = time.perf_counter()
    for path in files:
        h = hashlib.sha256()
        with open(path, "rb") as f:
            while chunk := f.read(CHUNK):
                h.update(chunk)
    return time.perf_counter() - t0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gib", type=float, default=1.0)
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--json")
    parser.add_argument("--dir", help="where to write (default: system temp)")
    args = parser.parse_args(argv)

    import bagit

    from assessor_app.evidence.verify import verify_bundle

    work = Path(tempfile.mkdtemp(prefix="assessor-bench-evidence-", dir=args.dir))
    try:
        total = int(args.gib * (1 << 30))
        payload = make_capture(work / "capture", total, args.files)
        empty_s, _ = seal_once(work, "small", [])
        big_s, bundle = seal_once(work, "big", payload)
        files = sorted(p for p in bundle.rglob("*") if p.is_file())
        size = sum(p.stat().st_size for p in files)
        # each reader once to warm the page cache alike, then measured
        hashlib_pass(files)

        def timed(fn: Any) -> float:
            t0 = time.perf_counter()
            fn()
            return time.perf_counter() - t0

        # interleaved rounds, best of each: the page cache and the machine treat all three alike
        plain = ours = bag_s = float("inf")
        ok = False
        for _ in range(args.rounds):
            plain = min(plain, timed(lambda: hashlib_pass(files)))
            ours = min(ours, timed(lambda: verify_bundle(bundle)))
            bag_s = min(bag_s, timed(lambda: bagit.Bag(str(bundle)).validate(processes=1)))
        ok = verify_bundle(bundle).ok
        mb = size / 1e6
        res = {
            "gib": args.gib, "seal_s": big_s, "seal_without_capture_s": empty_s, "verified": ok,
            "verify_mb_s": mb / ours, "hashlib_mb_s": mb / plain, "bagit_mb_s": mb / bag_s,
        }
        ratio_h = res["verify_mb_s"] / res["hashlib_mb_s"]
        ratio_b = res["verify_mb_s"] / res["bagit_mb_s"]
        print(f"Evidence benchmarks ({args.gib:g} GiB in {args.files} capture files, {os.cpu_count()} CPUs)")
        print(f"1. seal with {args.gib:g} GiB: {big_s * 1000:.0f} ms; with no capture files: "
              f"{empty_s * 1000:.0f} ms   target < 1000 ms, size-independent: "
              f"{'PASS' if big_s < 1 else 'FAIL'}")
        print(f"2. verify: {res['verify_mb_s']:.0f} MB/s (bundle verified: {ok}); peers in this run: "
              f"hashlib {res['hashlib_mb_s']:.0f} MB/s, bagit {res['bagit_mb_s']:.0f} MB/s")
        print(f"   ours / hashlib = {ratio_h:.2f}x (target >= 0.8: {'PASS' if ratio_h >= 0.8 else 'FAIL'}); "
              f"ours / bagit = {ratio_b:.2f}x (target >= 1: {'PASS' if ratio_b >= 1 else 'FAIL'})")
        if args.json:
            Path(args.json).write_text(json.dumps(res, indent=2))
    finally:
        for path in work.rglob("*"):
            if path.is_file():
                path.chmod(0o644)
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
