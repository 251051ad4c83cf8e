"""The rules of a draw: an awarding body's floors per stratum and the weight of each risk signal."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from assessor_app.provider.moderation.frame import RISK_SIGNALS, FrameEntry

DEFAULT_RISK_WEIGHTS: dict[str, float] = {
    "critical_step_failed_or_stopped": 4.0,
    "critical_corrections": 2.0,
    "no_video": 2.0,
    "capture_gaps": 1.5,
    "diagnostics_unavailable": 1.0,
    "generic_parameter_set": 1.0,
    "short_duration": 2.0,
    "first_bundle_of_workshop": 1.5,
    "first_bundle_of_assessor": 1.5,
    "not_applicable_steps": 0.5,
}


@dataclass(frozen=True)
class FloorTable:
    """An awarding body's minimum sample per stratum, by stratum size.

    Every learner when the stratum has `every_learner_up_to` or fewer; otherwise the size of the
    first band whose upper limit holds the stratum; above the last band, `further_increment` more
    per started `further_step` beyond it.
    """

    every_learner_up_to: int
    bands: tuple[tuple[int, int], ...]
    further_step: int
    further_increment: int

    def __post_init__(self) -> None:
        if isinstance(self.every_learner_up_to, bool) or not isinstance(self.every_learner_up_to, int) \
                or self.every_learner_up_to < 0:
            raise ValueError("FloorTable.every_learner_up_to must be a non-negative integer")
        if not self.bands:
            raise ValueError("FloorTable.bands must hold at least one (upper limit, sample size) band")
        previous_limit, previous_size = self.every_learner_up_to, 0
        for band in self.bands:
            if len(band) != 2 or not all(isinstance(v, int) and not isinstance(v, bool) for v in band):
                raise ValueError(f"FloorTable.bands: each band is (upper limit, sample size), got {band!r}")
            limit, size = band
            if limit <= previous_limit or size < previous_size or size < 1:
                raise ValueError(
                    "FloorTable.bands must have rising upper limits and non-decreasing positive sizes"
                )
            previous_limit, previous_size = limit, size
        for name in ("further_step", "further_increment"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 1:
                raise ValueError(f"FloorTable.{name} must be a positive integer, got {value!r}")

    def floor(self, stratum_size: int) -> int:
        """The minimum sample for a stratum of this size (never more than the stratum)."""
        if isinstance(stratum_size, bool) or not isinstance(stratum_size, int) or stratum_size < 0:
            raise ValueError(f"stratum_size must be a non-negative integer, got {stratum_size!r}")
        if stratum_size <= self.every_learner_up_to:
            return stratum_size
        for limit, size in self.bands:
            if stratum_size <= limit:
                return min(size, stratum_size)
        top_limit, top_size = self.bands[-1]
        further = -(-(stratum_size - top_limit) // self.further_step)
        return min(stratum_size, top_size + further * self.further_increment)

    def canonical(self) -> dict[str, Any]:
        return {
            "every_learner_up_to": self.every_learner_up_to,
            "bands": [list(band) for band in self.bands],
            "further_step": self.further_step,
            "further_increment": self.further_increment,
        }


STANDARD_FLOORS = FloorTable(5, ((25, 6), (100, 9), (200, 12)), 100, 12)
ENHANCED_CONTROL_FLOORS = FloorTable(5, ((25, 9), (100, 12), (200, 15)), 100, 15)


@dataclass(frozen=True)
class SamplingPolicy:
    """The floors and the risk weights of a draw; stored with the sample so it can be re-drawn."""

    floors: FloorTable = STANDARD_FLOORS
    risk_weights: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_RISK_WEIGHTS))
    base_weight: float = 1.0
    # Awarding bodies ask for "all available grades": every outcome of a stratum at least once.
    cover_outcomes: bool = True

    def __post_init__(self) -> None:
        if not isinstance(self.cover_outcomes, bool):
            raise ValueError(f"SamplingPolicy.cover_outcomes must be a bool, got {self.cover_outcomes!r}")
        if not isinstance(self.floors, FloorTable):
            raise ValueError(f"SamplingPolicy.floors must be a FloorTable, got {self.floors!r}")
        if not _is_finite_number(self.base_weight) or self.base_weight <= 0:
            raise ValueError(
                f"SamplingPolicy.base_weight must be a positive number, got {self.base_weight!r}"
            )
        unknown = sorted(set(self.risk_weights) - set(RISK_SIGNALS))
        if unknown:
            names = ", ".join(map(str, unknown))
            raise ValueError(f"SamplingPolicy.risk_weights names unknown signals: {names}")
        for name, weight in self.risk_weights.items():
            if not _is_finite_number(weight) or weight < 0:
                raise ValueError(
                    f"SamplingPolicy.risk_weights[{name!r}] must be a non-negative number, got {weight!r}"
                )
        # A frozen copy: a caller changing its dict later must not change a stored policy.
        object.__setattr__(self, "risk_weights", dict(sorted(self.risk_weights.items())))

    @classmethod
    def enhanced_control(cls, risk_weights: Mapping[str, float] | None = None) -> SamplingPolicy:
        """The policy for a centre under enhanced control (higher floors)."""
        weights = dict(DEFAULT_RISK_WEIGHTS if risk_weights is None else risk_weights)
        return cls(floors=ENHANCED_CONTROL_FLOORS, risk_weights=weights)

    def weight_of(self, entry: FrameEntry) -> float:
        """The draw weight: the base plus the weight of every signal the entry shows."""
        return self.base_weight + sum(self.risk_weights.get(name, 0.0) for name in entry.present_signals())

    def canonical(self) -> dict[str, Any]:
        return {
            "floors": self.floors.canonical(),
            "risk_weights": {name: float(w) for name, w in self.risk_weights.items()},
            "base_weight": float(self.base_weight),
            "cover_outcomes": self.cover_outcomes,
        }

    @classmethod
    def from_canonical(cls, data: Mapping[str, Any]) -> SamplingPolicy:
        """The policy back from its canonical form (as stored with a sample)."""
        floors = data["floors"]
        table = FloorTable(
            floors["every_learner_up_to"], tuple((int(a), int(b)) for a, b in floors["bands"]),
            floors["further_step"], floors["further_increment"],
        )
        return cls(table, dict(data["risk_weights"]), data["base_weight"], data["cover_outcomes"])


def _is_finite_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and math.isfinite(value)
