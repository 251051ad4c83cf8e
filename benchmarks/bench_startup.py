"""Start-up of the desktop build against the source install, measured in the same run.

    python -m benchmarks.bench_startup [--frozen dist/assessor] [--runs 5] [--json PATH]

For each install (the frozen folder from packaging/build-desktop.sh, and the source install: this
Python running ``assessor_app.cli``, as `pip install -e .` gives), every run starts from an empty home
(a first start on an empty machine: no data folder, no settings) and times two things:

- the window: process start until its first frame is painted (its "painted" log line; the target
  is 2 s for the frozen build), and until it is ready (the store open and the home list shown: its
  "ready" log line), offscreen;
- the command: ``assessor --help``, the floor of every command-line use.

Cold runs drop the page cache first (``/proc/sys/vm/drop_caches``: root on Linux), so the files are
read from the disk as after a reboot; warm runs follow a run of the same kind. Where the cache
cannot be dropped the report says so and shows warm runs only. Reported: median and worst per
kind, and the ratio frozen / source (below 1: the frozen build starts faster).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import BUSY_WARNING, load_average, machine_was_busy, verdict

ROOT = Path(__file__).resolve().parents[1]
TARGET_WINDOW_S = 2.0


def _smoke_module():
    spec = importlib.util.spec_from_file_location("smoke_test", ROOT / "packaging" / "smoke_test.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["smoke_test"] = module
    spec.loader.exec_module(module)
    return module


def drop_caches() -> bool:
    try:
        os.sync()
        Path("/proc/sys/vm/drop_caches").write_text("3\n")
        return True
    except OSError:
        return False


def window_seconds(smoke_mod, command: list[str]) -> tuple[float, float]:
    """Seconds to the first painted frame and to ready."""
    with tempfile.TemporaryDirectory(prefix="assessor-start-") as tmp:
        smoke = smoke_mod.Smoke(Path(tmp), Path(tmp))
        smoke.command = command
        smoke.window()
        return smoke.figures["window painted (s)"], smoke.figures["window ready (s)"]


def help_seconds(command: list[str]) -> float:
    with tempfile.TemporaryDirectory(prefix="assessor-start-") as tmp:
        env = {"PATH": os.defpath, "HOME": tmp, "LANG": "C.UTF-8"}
        started = time.monotonic()
        subprocess.run([*command, "--help"], env=env, capture_output=True, check=True, cwd=tmp)
        return time.monotonic() - started


def measure(smoke_mod, command: list[str], runs: int, cold: bool) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"painted": [], "ready": [], "help": []}
    for _ in range(runs):
        if cold:
            drop_caches()
        painted, ready = window_seconds(smoke_mod, command)
        out["painted"].append(painted)
        out["ready"].append(ready)
        if cold:
            drop_caches()
        out["help"].append(help_seconds(command))
    return out


def summary(values: list[float]) -> dict[str, float]:
    return {"median": round(statistics.median(values), 3), "worst": round(max(values), 3), "n": len(values)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--frozen", default=str(ROOT / "dist" / "assessor"), help="the built folder")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--json", help="also write the results as JSON here")
    args = parser.parse_args(argv)
    frozen_exe = Path(args.frozen) / ("assessor.exe" if os.name == "nt" else "assessor")
    if not frozen_exe.is_file():
        print(f"bench_startup: no frozen build at {args.frozen} (build it: packaging/build-desktop.sh)")
        return 2
    smoke_mod = _smoke_module()
    installs = {"frozen": [str(frozen_exe)], "source": [sys.executable, "-m", "assessor_app.cli"]}
    env = {"cpus": os.cpu_count(), "loadavg_1min": load_average(), "python": sys.version.split()[0],
           "platform": platform.platform()}
    can_drop = drop_caches()
    results: dict[str, dict[str, dict[str, dict[str, float]]]] = {}
    for kind in (["cold", "warm"] if can_drop else ["warm"]):
        results[kind] = {}
        for name, command in installs.items():
            measure(smoke_mod, command, 1, cold=False)  # the first, uncounted: imports compiled
            raw = measure(smoke_mod, command, args.runs, cold=kind == "cold")
            results[kind][name] = {what: summary(values) for what, values in raw.items()}
    env["loadavg_1min_end"] = load_average()

    lines = [f"Start-up, {args.runs} runs each, from an empty home; {env['platform']}, {env['cpus']} CPUs, "
             f"load {env['loadavg_1min']:.2f} -> {env['loadavg_1min_end']:.2f}"]
    if not can_drop:
        lines.append("The page cache cannot be dropped here (not root): warm runs only.")
    for kind, by_install in results.items():
        for what, label in (("painted", "window painted"), ("ready", "window ready"),
                            ("help", "assessor --help")):
            frozen, source = by_install["frozen"][what], by_install["source"][what]
            ratio = frozen["median"] / source["median"]
            lines.append(f"{kind:4} {label:15} frozen {frozen['median']:.2f} s (worst {frozen['worst']:.2f})"
                         f"  source {source['median']:.2f} s (worst {source['worst']:.2f})"
                         f"  frozen/source {ratio:.2f}")
    worst_kind = "cold" if "cold" in results else "warm"
    frozen_window = results[worst_kind]["frozen"]["painted"]["median"]
    lines.append(f"target: the frozen window painted within {TARGET_WINDOW_S:.0f} s ({worst_kind} median "
                 f"{frozen_window:.2f} s): {verdict(frozen_window <= TARGET_WINDOW_S)}")
    if machine_was_busy(env):
        lines.append(BUSY_WARNING)
    print("\n".join(lines))
    if args.json:
        Path(args.json).write_text(json.dumps({"env": env, "results": results}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
