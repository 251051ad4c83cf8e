"""What every benchmark report shares: the machine's load, the verdict word, the busy warning."""

from __future__ import annotations

import argparse
import json
import os
import platform
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any


def load_average() -> float | None:
    """The 1-minute load average, where the platform has one."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def load_text(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def machine_was_busy(env: dict[str, Any]) -> bool:
    """Load above half the CPUs at the start or the end: the figures are pessimistic."""
    cpus = env["cpus"] or 1
    return max(env["loadavg_1min"] or 0, env.get("loadavg_1min_end") or 0) > 0.5 * cpus


BUSY_WARNING = ("WARNING: the machine was busy with other work; the figures are noisy "
                "and pessimistic. Run again on a quiet machine before judging.")


def video_bench_main(argv: list[str] | None, description: str, quick_help: str, prefix: str,
                     run: Callable[[argparse.Namespace, Path], dict[str, Any]],
                     render: Callable[[argparse.Namespace, dict[str, Any], dict[str, Any]], str]) -> int:
    """The command line of a benchmark that derives video from recorded sources: its options, the
    machine's facts, a temporary folder for the files, the report printed and, if asked, the JSON."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--seconds", type=float, default=20.0, help="length of each source segment")
    parser.add_argument("--fps", type=float, default=30.0, help="the source's frame rate (camera default 30)")
    parser.add_argument("--quick", action="store_true", help=quick_help)
    parser.add_argument("--dir", help="where to put the files (default: a temporary folder)")
    parser.add_argument("--json", help="also write the results as JSON here")
    args = parser.parse_args(argv)
    import cv2

    env = {"cpus": os.cpu_count(), "loadavg_1min": load_average(), "python": sys.version.split()[0],
           "platform": platform.platform(), "opencv": cv2.__version__}
    with tempfile.TemporaryDirectory(prefix=prefix, dir=args.dir) as tmp:
        res = run(args, Path(tmp))
    env["loadavg_1min_end"] = load_average()
    print(render(args, env, res))
    if args.json:
        Path(args.json).write_text(json.dumps({"env": env, **res}, indent=1))
    return 0
