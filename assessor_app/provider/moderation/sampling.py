"""A reproducible, risk-weighted moderation sample drawn from a sampling frame.

Pure functions over plain data: the same frame, policy and seed give the same sample and the
same digest, whatever order the frame arrives in, so a panel can re-draw and check it. The frame's
entries are in frame.py, the floors and weights in policy.py (both re-exported here).
"""

from __future__ import annotations

import hashlib
import json
import math
import random
from collections.abc import Iterable
from dataclasses import dataclass

from assessor_app.provider.moderation.frame import (
    BOOLEAN_SIGNALS,
    COUNT_SIGNALS,
    RISK_SIGNALS,
    AssessmentKey,
    FrameEntry,
    Stratum,
)
from assessor_app.provider.moderation.policy import (
    DEFAULT_RISK_WEIGHTS,
    ENHANCED_CONTROL_FLOORS,
    STANDARD_FLOORS,
    FloorTable,
    SamplingPolicy,
)

__all__ = [
    "BOOLEAN_SIGNALS", "COUNT_SIGNALS", "DEFAULT_RISK_WEIGHTS", "ENHANCED_CONTROL_FLOORS",
    "REASON_COVER_ASSESSOR", "REASON_COVER_OUTCOME", "REASON_COVER_WORKSHOP", "REASON_FLOOR", "REASON_RISK",
    "RISK_SIGNALS",
    "STANDARD_FLOORS", "AssessmentKey", "DrawReason", "FloorTable", "FrameEntry", "ModerationSample",
    "SampledAssessment", "SamplingPolicy", "Stratum", "StratumSummary", "canonical_json", "draw_sample",
    "load_canonical", "sample_digest",
]

# Reason codes: the surfaces render them from their catalogs.
REASON_FLOOR = "floor"
REASON_COVER_ASSESSOR = "coverage_assessor"
REASON_COVER_WORKSHOP = "coverage_workshop"
REASON_COVER_OUTCOME = "coverage_outcome"
REASON_RISK = "risk"



_CANONICAL_VERSION = 1


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
