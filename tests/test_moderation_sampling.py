"""The moderation sampler: floors, coverage, reproducibility, risk over-sampling, refused input."""

from __future__ import annotations

import dataclasses
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from assessor_app.provider.moderation.sampling import (
    ENHANCED_CONTROL_FLOORS,
    REASON_COVER_ASSESSOR,
    REASON_COVER_OUTCOME,
    REASON_COVER_WORKSHOP,
    REASON_FLOOR,
    REASON_RISK,
    STANDARD_FLOORS,
    AssessmentKey,
    FloorTable,
    FrameEntry,
    SamplingPolicy,
    canonical_json,
    draw_sample,
    load_canonical,
    sample_digest,
)


def entry(i: int, *, checklist: str = "hv-isolation", version: str = "1", workshop: str = "W1",
          assessor: str = "A1", outcome: str = "pass", **signals: object) -> FrameEntry:
    return FrameEntry(
        AssessmentKey(f"dev-{i % 7}", f"bundle-{i:04d}"), checklist, version, workshop, assessor, outcome,
        **signals,  # type: ignore[arg-type]
    )


@pytest.mark.parametrize(
    ("size", "standard", "enhanced"),
    [
        (0, 0, 0), (1, 1, 1), (5, 5, 5), (6, 6, 6), (7, 6, 7), (9, 6, 9), (25, 6, 9), (26, 9, 12),
        (100, 9, 12), (101, 12, 15), (200, 12, 15), (201, 24, 30), (300, 24, 30), (301, 36, 45),
    ],
)
def test_floor_table_at_its_boundaries(size: int, standard: int, enhanced: int) -> None:
    assert STANDARD_FLOORS.floor(size) == standard
    assert ENHANCED_CONTROL_FLOORS.floor(size) == enhanced


def test_floor_table_is_a_parameter() -> None:
    table = FloorTable(every_learner_up_to=3, bands=((10, 4),), further_step=10, further_increment=2)
    assert [table.floor(n) for n in (3, 4, 10, 11, 20, 21)] == [3, 4, 4, 6, 6, 8]


@pytest.mark.parametrize("size", [5, 6, 25, 26, 100, 101, 200, 201, 301])
def test_each_stratum_meets_its_floor(size: int) -> None:
    frame = [entry(i) for i in range(size)] + [entry(10_000 + i, checklist="hv-ppe") for i in range(3)]
    sample = draw_sample(frame, SamplingPolicy(), seed=7)
    by_stratum = {str(s.stratum): s for s in sample.strata}
    assert by_stratum["hv-isolation@1"].size == size
    assert by_stratum["hv-isolation@1"].floor == STANDARD_FLOORS.floor(size)
    assert by_stratum["hv-isolation@1"].drawn == STANDARD_FLOORS.floor(size)
    assert by_stratum["hv-ppe@1"].drawn == 3
    drawn_isolation = [d for d in sample.drawn if d.entry.checklist_id == "hv-isolation"]
    assert len(drawn_isolation) == STANDARD_FLOORS.floor(size)


def test_checklist_versions_are_separate_strata() -> None:
    frame = [entry(i, version="1") for i in range(30)] + [entry(100 + i, version="2") for i in range(30)]
    sample = draw_sample(frame, SamplingPolicy(), seed=1)
    assert [(str(s.stratum), s.floor, s.drawn) for s in sample.strata] == [
        ("hv-isolation@1", 9, 9), ("hv-isolation@2", 9, 9),
    ]


def test_every_assessor_and_workshop_is_covered() -> None:
    # 40 assessors and 13 workshops in one stratum of 300: the floor alone (24) could not cover them.
    frame = [entry(i, assessor=f"A{i % 40}", workshop=f"W{i % 13}") for i in range(300)]
    for seed in range(20):
        sample = draw_sample(frame, SamplingPolicy(), seed=seed)
        assert {d.entry.assessor for d in sample.drawn} == {f"A{i}" for i in range(40)}
        assert {d.entry.workshop for d in sample.drawn} == {f"W{i}" for i in range(13)}
        covered = {(r.code, r.value) for d in sample.drawn for r in d.reasons}
        assert {(REASON_COVER_ASSESSOR, f"A{i}") for i in range(40)} <= covered
        assert {(REASON_COVER_WORKSHOP, f"W{i}") for i in range(13)} <= covered
        assert sample.strata[0].drawn == len(sample.drawn) >= sample.strata[0].floor


def test_reasons_say_why_each_was_drawn() -> None:
    frame = [entry(0, no_video=True, critical_corrections=2)] + [entry(i) for i in range(1, 4)]
    sample = draw_sample(frame, SamplingPolicy(), seed=3)
    assert len(sample.drawn) == 4  # five or fewer: every learner
    risky = next(d for d in sample.drawn if d.key.bundle_id == "bundle-0000")
    assert (REASON_RISK, "no_video", 2.0) in {(r.code, r.value, r.weight) for r in risky.reasons}
    assert (REASON_RISK, "critical_corrections", 2.0) in {(r.code, r.value, r.weight) for r in risky.reasons}
    assert risky.weight == 5.0
    for drawn in sample.drawn:
        assert drawn.reasons[0].code in {REASON_FLOOR, REASON_COVER_ASSESSOR, REASON_COVER_WORKSHOP}


def mixed_frame(size: int = 120) -> list[FrameEntry]:
    rng = random.Random(99)
    return [
        entry(
            i, checklist=rng.choice(["hv-isolation", "hv-ppe"]), version=rng.choice(["1", "2"]),
            workshop=f"W{rng.randrange(5)}", assessor=f"A{rng.randrange(9)}",
            no_video=rng.random() < 0.2, capture_gaps=rng.choice([0, 0, 0, 2]),
            critical_step_failed_or_stopped=rng.random() < 0.1,
        )
        for i in range(size)
    ]


def test_same_inputs_in_any_order_give_the_same_sample_and_digest() -> None:
    frame = mixed_frame()
    first = draw_sample(frame, SamplingPolicy(), seed=2027)
    for shuffle_seed in range(5):
        shuffled = list(frame)
        random.Random(shuffle_seed).shuffle(shuffled)
        again = draw_sample(shuffled, SamplingPolicy(), seed=2027)
        assert again == first
        assert again.digest == first.digest == sample_digest(frame, SamplingPolicy(), 2027)
    assert len(first.digest) == 64


def test_another_seed_gives_another_sample_and_digest() -> None:
    frame = mixed_frame()
    first = draw_sample(frame, SamplingPolicy(), seed=1)
    second = draw_sample(frame, SamplingPolicy(), seed=2)
    assert first.keys() != second.keys()
    assert first.digest != second.digest


def test_digest_covers_the_policy_and_the_frame() -> None:
    frame = mixed_frame(30)
    base = sample_digest(frame, SamplingPolicy(), 5)
    assert sample_digest(frame, SamplingPolicy.enhanced_control(), 5) != base
    assert sample_digest(frame, SamplingPolicy(risk_weights={"no_video": 9.0}), 5) != base
    changed = [dataclasses.replace(frame[0], no_video=not frame[0].no_video), *frame[1:]]
    assert sample_digest(changed, SamplingPolicy(), 5) != base


def test_risky_assessments_are_drawn_more_often() -> None:
    # 60 assessments, one assessor and workshop, floor 9; ten of them stopped on a critical step.
    frame = [entry(i, critical_step_failed_or_stopped=i < 10) for i in range(60)]
    counts = {True: 0, False: 0}
    seeds = 400
    for seed in range(seeds):
        for drawn in draw_sample(frame, SamplingPolicy(), seed=seed).drawn:
            counts[drawn.entry.critical_step_failed_or_stopped] += 1
    risky_rate = counts[True] / (10 * seeds)
    plain_rate = counts[False] / (50 * seeds)
    # Uniform sampling would give 9/60 = 0.15 to both; weight 5 against 1 gives roughly 0.43 and 0.09.
    assert risky_rate > 0.35
    assert plain_rate < 0.12
    assert risky_rate > 3 * plain_rate


def test_zero_weights_sample_uniformly() -> None:
    frame = [entry(i, no_video=i < 10) for i in range(60)]
    policy = SamplingPolicy(risk_weights={})
    counts = {True: 0, False: 0}
    for seed in range(400):
        for drawn in draw_sample(frame, policy, seed=seed).drawn:
            counts[drawn.entry.no_video] += 1
    risky_rate, plain_rate = counts[True] / 4000, counts[False] / 20000
    assert abs(risky_rate - 0.15) < 0.03 and abs(plain_rate - 0.15) < 0.03


@st.composite
def cohorts(draw: st.DrawFn) -> list[FrameEntry]:
    size = draw(st.integers(min_value=0, max_value=80))
    rows = []
    for i in range(size):
        rows.append(entry(
            i,
            checklist=draw(st.sampled_from(["c1", "c2", "c3"])),
            version=draw(st.sampled_from(["1", "2"])),
            workshop=draw(st.sampled_from([f"W{n}" for n in range(6)])),
            assessor=draw(st.sampled_from([f"A{n}" for n in range(10)])),
            outcome=draw(st.sampled_from(["pass", "fail", "stopped"])),
            no_video=draw(st.booleans()),
            short_duration=draw(st.booleans()),
            critical_corrections=draw(st.integers(min_value=0, max_value=3)),
        ))
    return rows


@settings(max_examples=60, deadline=None)
@given(frame=cohorts(), seed=st.integers(min_value=-(2**63), max_value=2**63))
def test_sample_properties_hold_for_any_cohort(frame: list[FrameEntry], seed: int) -> None:
    sample = draw_sample(frame, SamplingPolicy(), seed=seed)
    keys = sample.keys()
    assert len(keys) == len(set(keys))
    assert set(keys) <= {e.key for e in frame}
    assert list(keys) == sorted(keys)
    for summary in sample.strata:
        in_stratum = [e for e in frame if e.stratum == summary.stratum]
        assert summary.size == len(in_stratum)
        assert summary.floor == STANDARD_FLOORS.floor(summary.size)
        drawn = [d for d in sample.drawn if d.entry.stratum == summary.stratum]
        assert summary.drawn == len(drawn) >= min(summary.floor, summary.size)
    assert {d.entry.assessor for d in sample.drawn} == {e.assessor for e in frame}
    assert {d.entry.workshop for d in sample.drawn} == {e.workshop for e in frame}
    outcomes = {(e.stratum, e.outcome) for e in frame}
    assert {(d.entry.stratum, d.entry.outcome) for d in sample.drawn} == outcomes
    assert all(d.reasons for d in sample.drawn)


@pytest.mark.parametrize(
    ("make", "field"),
    [
        (lambda: AssessmentKey("", "b"), "device"),
        (lambda: AssessmentKey("d", "  "), "bundle_id"),
        (lambda: entry(1, workshop=""), "workshop"),
        (lambda: entry(1, assessor=None), "assessor"),  # type: ignore[arg-type]
        (lambda: entry(1, checklist=""), "checklist_id"),
        (lambda: entry(1, version=""), "checklist_version"),
        (lambda: entry(1, no_video="yes"), "no_video"),
        (lambda: entry(1, capture_gaps=-1), "capture_gaps"),
        (lambda: entry(1, critical_corrections=True), "critical_corrections"),
        (lambda: SamplingPolicy(risk_weights={"colour_of_van": 1.0}), "colour_of_van"),
        (lambda: SamplingPolicy(risk_weights={"no_video": -1.0}), "no_video"),
        (lambda: SamplingPolicy(risk_weights={"no_video": float("nan")}), "no_video"),
        (lambda: SamplingPolicy(base_weight=0), "base_weight"),
        (lambda: FloorTable(5, (), 100, 12), "bands"),
        (lambda: FloorTable(5, ((25, 6), (20, 9)), 100, 12), "bands"),
        (lambda: FloorTable(5, ((25, 6),), 0, 12), "further_step"),
        (lambda: FloorTable(-1, ((25, 6),), 100, 12), "every_learner_up_to"),
        (lambda: draw_sample([entry(1)], SamplingPolicy(), seed="7"), "seed"),  # type: ignore[arg-type]
        (lambda: draw_sample([entry(1)], SamplingPolicy(), seed=True), "seed"),
        (lambda: draw_sample([entry(1), entry(1)], SamplingPolicy(), seed=1), "bundle-0001"),
        (lambda: draw_sample([{"device": "d"}], SamplingPolicy(), seed=1), "FrameEntry"),  # type: ignore[list-item]
        (lambda: draw_sample([entry(1)], {"floors": None}, seed=1), "policy"),  # type: ignore[arg-type]
    ],
)
def test_bad_input_is_refused_naming_the_field(make, field: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=field):
        make()


def test_a_stored_policy_does_not_follow_the_callers_dict() -> None:
    weights = {"no_video": 2.0}
    policy = SamplingPolicy(risk_weights=weights)
    weights["no_video"] = 50.0
    assert policy.risk_weights["no_video"] == 2.0


def test_an_empty_frame_gives_an_empty_sample() -> None:
    sample = draw_sample([], SamplingPolicy(), seed=1)
    assert sample.drawn == () and sample.strata == ()


def test_every_outcome_of_a_stratum_is_drawn_unless_the_policy_says_otherwise() -> None:
    frame = [entry(i, outcome="fail" if i == 42 else "pass") for i in range(100)]
    for seed in range(10):
        sample = draw_sample(frame, SamplingPolicy(), seed=seed)
        failed = [d for d in sample.drawn if d.entry.outcome == "fail"]
        assert len(failed) == 1
        assert (REASON_COVER_OUTCOME, "fail") in {(r.code, r.value) for r in failed[0].reasons}
    without = SamplingPolicy(cover_outcomes=False)
    drawn_fail = sum(
        any(d.entry.outcome == "fail" for d in draw_sample(frame, without, seed=seed).drawn)
        for seed in range(50)
    )
    assert drawn_fail < 20


def test_a_panel_redraws_the_sample_from_the_stored_frame() -> None:
    frame = mixed_frame(60)
    policy = SamplingPolicy.enhanced_control({"no_video": 3.0, "capture_gaps": 1.25})
    sample = draw_sample(frame, policy, seed=404)
    stored = canonical_json(frame, policy, 404)
    frame_again, policy_again, seed_again = load_canonical(stored)
    again = draw_sample(frame_again, policy_again, seed_again)
    assert again == sample
    assert again.digest == sample.digest
    assert canonical_json(frame_again, policy_again, seed_again) == stored


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("not json", "not JSON"),
        ('{"version": 99}', "version"),
        ('{"version": 1, "policy": {}, "seed": 1}', "frame"),
        ('{"version": 1, "frame": [{"device": "d", "bundle_id": "b", "colour": "red"}], '
         '"policy": {}, "seed": 1}', "colour"),
    ],
)
def test_a_damaged_stored_frame_is_refused(text: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        load_canonical(text)
