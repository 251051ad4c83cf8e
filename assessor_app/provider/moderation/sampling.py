"""A reproducible, risk-weighted moderation sample drawn from a sampling frame.

Pure functions over plain data: the same frame, policy and seed give the same sample and the
same digest, whatever order the frame arrives in, so a panel can re-draw and check it.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import math
import random
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

# Every signal a frame entry carries that may raise its chance of being drawn.
BOOLEAN_SIGNALS: tuple[str, ...] = (
    "critical_step_failed_or_stopped",
    "no_video",
    "diagnostics_unavailable",
    "generic_parameter_set",
    "short_duration",
    "first_bundle_of_workshop",
    "first_bundle_of_assessor",
)
COUNT_SIGNALS: tuple[str, ...] = (
    "critical_corrections",
    "capture_gaps",
    "not_applicable_steps",
)
RISK_SIGNALS: tuple[str, ...] = BOOLEAN_SIGNALS + COUNT_SIGNALS

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

# Reason codes: the surfaces render them from their catalogs.
REASON_FLOOR = "floor"
REASON_COVER_ASSESSOR = "coverage_assessor"
REASON_COVER_WORKSHOP = "coverage_workshop"
REASON_COVER_OUTCOME = "coverage_outcome"
REASON_RISK = "risk"

_CANONICAL_VERSION = 1


def _require_text(owner: str, name: str, value: object) -> None:
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{owner}.{name} must be a non-empty string, got {value!r}")


@dataclass(frozen=True, order=True)
class AssessmentKey:
    """Identifies an assessment across the provider: the workstation and its bundle."""

    device: str
    bundle_id: str

    def __post_init__(self) -> None:
        _require_text("AssessmentKey", "device", self.device)
        _require_text("AssessmentKey", "bundle_id", self.bundle_id)

    def __str__(self) -> str:
        return f"{self.device}/{self.bundle_id}"


@dataclass(frozen=True, order=True)
class Stratum:
    """A checklist at one version: floors apply per stratum."""

    checklist_id: str
    checklist_version: str

    def __str__(self) -> str:
        return f"{self.checklist_id}@{self.checklist_version}"


@dataclass(frozen=True)
class FrameEntry:
    """One imported assessment of the period with the signals the sampler needs."""

    key: AssessmentKey
    checklist_id: str
    checklist_version: str
    workshop: str
    assessor: str
    outcome: str
    critical_step_failed_or_stopped: bool = False
    critical_corrections: int = 0
    no_video: bool = False
    capture_gaps: int = 0
    diagnostics_unavailable: bool = False
    generic_parameter_set: bool = False
    short_duration: bool = False
    first_bundle_of_workshop: bool = False
    first_bundle_of_assessor: bool = False
    not_applicable_steps: int = 0

    def __post_init__(self) -> None:
        if not isinstance(self.key, AssessmentKey):
            raise ValueError(f"FrameEntry.key must be an AssessmentKey, got {self.key!r}")
        for name in ("checklist_id", "checklist_version", "workshop", "assessor", "outcome"):
            _require_text("FrameEntry", name, getattr(self, name))
        for name in BOOLEAN_SIGNALS:
            if not isinstance(getattr(self, name), bool):
                raise ValueError(f"FrameEntry.{name} must be a bool, got {getattr(self, name)!r}")
        for name in COUNT_SIGNALS:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"FrameEntry.{name} must be a non-negative integer, got {value!r}")

    @property
    def stratum(self) -> Stratum:
        return Stratum(self.checklist_id, self.checklist_version)

    def present_signals(self) -> tuple[str, ...]:
        """The risk signals this entry shows, in the fixed signal order."""
        # A count counts as present once: one correction on a critical step is worth a look,
        # five are not worth five looks, and weights stay bounded.
        return tuple(name for name in RISK_SIGNALS if getattr(self, name))

    def canonical(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "device": self.key.device,
            "bundle_id": self.key.bundle_id,
            "checklist_id": self.checklist_id,
            "checklist_version": self.checklist_version,
            "workshop": self.workshop,
            "assessor": self.assessor,
            "outcome": self.outcome,
        }
        for name in RISK_SIGNALS:
            data[name] = getattr(self, name)
        return data

    @classmethod
    def from_canonical(cls, data: Mapping[str, Any]) -> FrameEntry:
        """The entry back from its canonical form (as stored with a sample)."""
        values = dict(data)
        key = AssessmentKey(values.pop("device", ""), values.pop("bundle_id", ""))
        unknown = sorted(set(values) - {f.name for f in dataclasses.fields(cls)})
        if unknown:
            raise ValueError(f"frame entry has unknown fields: {', '.join(unknown)}")
        return cls(key=key, **values)


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


@dataclass(frozen=True)
class DrawReason:
    """Why an assessment is in the sample: a message code with its value and, for risk, its weight."""

    code: str
    value: str
    weight: float | None = None


@dataclass(frozen=True)
class SampledAssessment:
    entry: FrameEntry
    weight: float
    reasons: tuple[DrawReason, ...]

    @property
    def key(self) -> AssessmentKey:
        return self.entry.key


@dataclass(frozen=True)
class StratumSummary:
    stratum: Stratum
    size: int
    floor: int
    drawn: int


@dataclass(frozen=True)
class ModerationSample:
    """The drawn assessments (ordered by key), the strata with their floors, and the digest."""

    drawn: tuple[SampledAssessment, ...]
    strata: tuple[StratumSummary, ...]
    seed: int
    policy: SamplingPolicy
    digest: str

    def keys(self) -> tuple[AssessmentKey, ...]:
        return tuple(item.key for item in self.drawn)


def canonical_json(frame: Iterable[FrameEntry], policy: SamplingPolicy, seed: int) -> str:
    """The frame (ordered by key), the policy and the seed as one canonical JSON text."""
    entries = sorted(frame, key=lambda e: e.key)
    document = {
        "version": _CANONICAL_VERSION,
        "frame": [entry.canonical() for entry in entries],
        "policy": policy.canonical(),
        "seed": seed,
    }
    return json.dumps(document, sort_keys=True, separators=(",", ":"), ensure_ascii=False, allow_nan=False)


def sample_digest(frame: Iterable[FrameEntry], policy: SamplingPolicy, seed: int) -> str:
    """SHA-256 of the canonical JSON of frame, policy and seed."""
    return hashlib.sha256(canonical_json(frame, policy, seed).encode("utf-8")).hexdigest()


def load_canonical(text: str) -> tuple[list[FrameEntry], SamplingPolicy, int]:
    """Frame, policy and seed back from their canonical JSON, so a panel can re-draw the sample."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ValueError(f"the stored frame is not JSON: {error}") from error
    if not isinstance(document, dict) or document.get("version") != _CANONICAL_VERSION:
        raise ValueError(f"the stored frame must be an object with version {_CANONICAL_VERSION}")
    try:
        frame = [FrameEntry.from_canonical(row) for row in document["frame"]]
        policy = SamplingPolicy.from_canonical(document["policy"])
        seed = document["seed"]
    except (KeyError, TypeError) as error:
        raise ValueError(f"the stored frame lacks or misshapes a field: {error}") from error
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"the stored seed must be an integer, got {seed!r}")
    return frame, policy, seed


def _priority(entry: FrameEntry, weight: float, seed: int) -> float:
    # Efraimidis-Spirakis: key u**(1/w), kept as log(u)/w. Each entry's u comes from its own
    # Random seeded by the seed and its key, so it does not depend on the frame's order or on
    # the other entries. JSON keeps the seed text unambiguous whatever the device or bundle names hold.
    per_entry = json.dumps([seed, entry.key.device, entry.key.bundle_id], ensure_ascii=False)
    u = 1.0 - random.Random(per_entry).random()  # in (0, 1]
    return math.log(u) / weight


def _validated_frame(frame: Iterable[FrameEntry]) -> list[FrameEntry]:
    entries = list(frame)
    seen: set[AssessmentKey] = set()
    for entry in entries:
        if not isinstance(entry, FrameEntry):
            raise ValueError(f"frame must hold FrameEntry items, got {type(entry).__name__}")
        if entry.key in seen:
            raise ValueError(f"frame holds the assessment key {entry.key} twice")
        seen.add(entry.key)
    return entries


def draw_sample(frame: Iterable[FrameEntry], policy: SamplingPolicy, seed: int) -> ModerationSample:
    """Draw the moderation sample: coverage first, then each stratum's floor.

    Coverage takes every assessor and workshop of the frame (and, if the policy says so, every
    outcome of each stratum) at least once.

    Both steps take entries in one order, weighted at random without replacement (Efraimidis-
    Spirakis keys, ties broken by the assessment key), so risky assessments come first more often.
    """
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise ValueError(f"seed must be an integer, got {seed!r}")
    if not isinstance(policy, SamplingPolicy):
        raise ValueError(f"policy must be a SamplingPolicy, got {policy!r}")
    entries = _validated_frame(frame)

    weights = {entry.key: policy.weight_of(entry) for entry in entries}
    ordered = sorted(entries, key=lambda e: (-_priority(e, weights[e.key], seed), e.key))

    reasons: dict[AssessmentKey, list[DrawReason]] = {}
    covered_assessors: set[str] = set()
    covered_workshops: set[str] = set()
    for entry in ordered:
        new: list[DrawReason] = []
        if entry.assessor not in covered_assessors:
            new.append(DrawReason(REASON_COVER_ASSESSOR, entry.assessor))
        if entry.workshop not in covered_workshops:
            new.append(DrawReason(REASON_COVER_WORKSHOP, entry.workshop))
        if new:
            reasons[entry.key] = new
            covered_assessors.add(entry.assessor)
            covered_workshops.add(entry.workshop)

    if policy.cover_outcomes:
        covered_outcomes = {(e.stratum, e.outcome) for e in entries if e.key in reasons}
        for entry in ordered:
            if (entry.stratum, entry.outcome) not in covered_outcomes:
                reasons.setdefault(entry.key, []).append(DrawReason(REASON_COVER_OUTCOME, entry.outcome))
                covered_outcomes.add((entry.stratum, entry.outcome))

    sizes: dict[Stratum, int] = {}
    for entry in entries:
        sizes[entry.stratum] = sizes.get(entry.stratum, 0) + 1
    floors = {stratum: policy.floors.floor(size) for stratum, size in sizes.items()}
    drawn_per_stratum: dict[Stratum, int] = dict.fromkeys(sizes, 0)
    for entry in ordered:
        if entry.key in reasons:
            drawn_per_stratum[entry.stratum] += 1
    for entry in ordered:
        if entry.key in reasons or drawn_per_stratum[entry.stratum] >= floors[entry.stratum]:
            continue
        reasons[entry.key] = [DrawReason(REASON_FLOOR, str(entry.stratum))]
        drawn_per_stratum[entry.stratum] += 1

    drawn: list[SampledAssessment] = []
    for entry in sorted((e for e in entries if e.key in reasons), key=lambda e: e.key):
        risk = [
            DrawReason(REASON_RISK, name, float(policy.risk_weights[name]))
            for name in entry.present_signals()
            if policy.risk_weights.get(name, 0.0) > 0
        ]
        drawn.append(SampledAssessment(entry, weights[entry.key], tuple(reasons[entry.key] + risk)))

    strata = tuple(
        StratumSummary(stratum, sizes[stratum], floors[stratum], drawn_per_stratum[stratum])
        for stratum in sorted(sizes)
    )
    return ModerationSample(tuple(drawn), strata, seed, policy, sample_digest(entries, policy, seed))
