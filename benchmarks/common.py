"""What every benchmark report shares: the machine's load, the verdict word, the busy warning."""

from __future__ import annotations

import os
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
