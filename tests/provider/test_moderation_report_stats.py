"""A cycle report's statistics, checked against scikit-learn and the krippendorff package.

The verdicts are real VerdictDocuments; random sets and the edge cases the panels meet (everyone
agrees, everything passes, a single category, missing rubric scores, two moderators on one assessment).
"""

from __future__ import annotations

import json
import math
import random

import krippendorff
import numpy as np
import pytest
from console_support import make_service
from hypothesis import given, settings
from hypothesis import strategies as st
from moderation_report_support import DAY_US, T0, Assessment, Verdict, document, seed_cycle
from sklearn.metrics import cohen_kappa_score

from assessor_app.provider.moderation.report import StoredVerdict, build_report
from assessor_app.provider.moderation.report_files import agreement_json
from assessor_app.provider.moderation.report_store import UnknownCycle, cycle_report
from assessor_app.provider.moderation.report_view import report_view
from assessor_app.provider.moderation.sampling import AssessmentKey, FrameEntry

RESULTS = ("passed", "failed", "na", "hazard")
PERIOD = (T0, T0 + 180 * DAY_US)


def stored(verdicts: list[Verdict], cycle: str = "c") -> list[StoredVerdict]:
    out, previous = [], {}
    for i, v in enumerate(verdicts, start=1):
        doc = document(cycle, v, previous.get((v.assessment.bundle_id, v.moderator)))
        previous[(v.assessment.bundle_id, v.moderator)] = doc.sha256
        out.append(StoredVerdict(i, v.recorded_us, doc.sha256, doc))
    return out


def report_of(verdicts: list[Verdict], frame=None, sampled=()):
    return build_report("c", PERIOD, None, stored(verdicts), frame, sampled)


def random_verdicts(rng: random.Random, n_assessments: int, *, agree: float, rubric_missing: float = 0.0,
                    moderators: tuple[str, ...] = ("moderator",)) -> list[Verdict]:
    verdicts = []
    for i in range(n_assessments):
        a = Assessment(f"b{i:03d}", checklist=rng.choice(["hv-isolation", "battery"]),
                       workshop=rng.choice(["ws-north", "ws-south"]), assessor=rng.choice(["as-1", "as-2"]),
                       ended_us=T0 + rng.randrange(30) * DAY_US)
        for who in moderators:
            steps = []
            for s in range(rng.randint(3, 8)):
                mine = rng.choices(RESULTS, weights=(70, 15, 10, 5))[0]
                theirs = mine if rng.random() < agree else rng.choice(RESULTS)
                steps.append((f"s{s}", s == 0, mine, theirs))
            rubric = []
            for c in range(3):
                x = rng.randint(1, 4)
                y = min(4, max(1, x + rng.choice((-1, 0, 0, 1))))
                rubric.append((f"r{c}", None if rng.random() < rubric_missing else x,
                               None if rng.random() < rubric_missing else y))
            decision = "confirm" if all(m == t for _, _, m, t in steps) else rng.choice(
                ("overturn", "refer_back", "confirm"))
            verdicts.append(Verdict(a, steps, rubric, moderator=who, decision=decision,
                                    recorded_us=a.ended_us + rng.randrange(1, 60) * DAY_US))
    return verdicts


def pairs(verdicts: list[Verdict], pick=lambda v: True):
    steps = [s for v in verdicts if pick(v) for s in v.steps]
    return [s[2] for s in steps], [s[3] for s in steps]


def rubric_pairs(verdicts: list[Verdict]):
    items = [r for v in verdicts for r in v.rubric]
    return [r[1] for r in items], [r[2] for r in items]


def close(ours, theirs) -> None:
    assert ours.value is not None and math.isclose(ours.value, theirs, abs_tol=1e-9), (ours, theirs)


def check_against_libraries(verdicts: list[Verdict], group) -> None:
    a, m = pairs(verdicts)
    assert group.steps.n == len(a)
    close(group.steps.percent_agreement, sum(x == y for x, y in zip(a, m, strict=True)) / len(a))
    if len(set(a) | set(m)) > 1:
        close(group.steps.cohen_kappa, cohen_kappa_score(a, m))
    ra, rm = rubric_pairs(verdicts)
    complete = [(x, y) for x, y in zip(ra, rm, strict=True) if x is not None and y is not None]
    assert group.rubric.n == len(complete) and group.rubric.n_missing == len(ra) - len(complete)
    if len({v for p in complete for v in p}) > 1:
        theirs = cohen_kappa_score([x for x, _ in complete], [y for _, y in complete], labels=[1, 2, 3, 4],
                                   weights="quadratic")
        close(group.rubric.quadratic_kappa, theirs)
    data = np.array([[np.nan if x is None else x for x in ra], [np.nan if y is None else y for y in rm]],
                    dtype=float)
    close(group.rubric.krippendorff_alpha,
          krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal",
                             value_domain=[1, 2, 3, 4]))


@pytest.mark.parametrize("seed", range(6))
def test_random_verdict_sets_agree_with_scikit_learn_and_krippendorff(seed):
    rng = random.Random(seed)
    verdicts = random_verdicts(rng, rng.randint(5, 30), agree=rng.uniform(0.6, 0.95),
                               rubric_missing=0.2 if seed % 2 else 0.0,
                               moderators=("moderator", "second") if seed % 3 == 0 else ("moderator",))
    report = report_of(verdicts)
    check_against_libraries(verdicts, report.overall)
    for grouping, attr in (("checklist", "checklist"), ("assessor", "assessor"), ("workshop", "workshop")):
        for group in report.groups[grouping]:
            mine = [v for v in verdicts if getattr(v.assessment, attr) == group.key]
            a, m = pairs(mine)
            assert group.steps.n == len(a)
            if len(set(a) | set(m)) > 1:
                close(group.steps.cohen_kappa, cohen_kappa_score(a, m))
    assert sum(report.overall.decisions.values()) == len(verdicts)


def test_everyone_agreeing_on_mixed_results_is_perfect_agreement():
    a = Assessment("b1")
    steps = [("s1", True, "passed", "passed"), ("s2", False, "failed", "failed"), ("s3", False, "na", "na")]
    group = report_of([Verdict(a, steps, [("r1", 3, 3), ("r2", 1, 1)])]).overall
    assert group.steps.percent_agreement.value == 1.0
    assert group.steps.cohen_kappa.value == pytest.approx(1.0)
    assert group.steps.gwet_ac1.value == pytest.approx(1.0)
    assert group.rubric.quadratic_kappa.value == pytest.approx(1.0)
    assert group.critical == ()


def test_everything_passing_leaves_kappa_and_ac1_undefined_with_the_reason():
    verdicts = [Verdict(Assessment(f"b{i}"), [("s1", True, "passed", "passed"), ("s2", False, "passed",
                                                                                  "passed")])
                for i in range(4)]
    group = report_of(verdicts).overall
    assert group.steps.percent_agreement.value == 1.0
    assert group.steps.cohen_kappa.value is None and group.steps.cohen_kappa.reason == "single_category"
    assert group.steps.gwet_ac1.value is None and group.steps.gwet_ac1.reason == "single_category"
    assert group.steps.confusion.labels == ("passed",) and group.steps.confusion.counts == ((8,),)
    assert group.rubric.n == 0 and group.rubric.quadratic_kappa.reason == "no_pairs"
    text = report_view(report_of(verdicts), "en", T0)
    cells = {h: c for h, c in zip(text.tables[0].headers, text.tables[0].groups[0].cells, strict=True)}
    assert cells["Cohen's kappa"].undefined and "one single category" in cells["Cohen's kappa"].text
    assert cells["Percent agreement"].text == "100%" and not cells["Percent agreement"].undefined


def test_one_category_on_one_side_only_matches_scikit_learn():
    steps = [("s1", False, "passed", "passed"), ("s2", False, "passed", "failed"),
             ("s3", False, "passed", "passed"), ("s4", False, "passed", "hazard")]
    verdicts = [Verdict(Assessment("b1"), steps)]
    group = report_of(verdicts).overall
    close(group.steps.cohen_kappa, cohen_kappa_score(*pairs(verdicts)))
    assert group.steps.gwet_ac1.defined


def test_missing_rubric_scores_are_counted_and_alpha_matches_krippendorff():
    rubric = [("r1", 1, 2), ("r2", None, 3), ("r3", 4, None), ("r4", 2, 2), ("r5", 3, 4), ("r6", None, None),
              ("r7", 4, 4), ("r8", 1, 1)]
    verdicts = [Verdict(Assessment("b1"), [("s1", False, "passed", "passed")], rubric)]
    report = report_of(verdicts)
    assert report.rubric_scale == (1, 2, 3, 4)
    group = report.overall
    assert (group.rubric.n, group.rubric.n_missing) == (5, 3)
    check_against_libraries(verdicts, group)


def test_no_rubric_score_at_all_is_undefined_not_a_crash():
    verdicts = [Verdict(Assessment("b1"), [("s1", False, "passed", "failed")], [("r1", None, None)])]
    group = report_of(verdicts).overall
    assert group.rubric.n == 0 and group.rubric.n_missing == 1
    assert group.rubric.krippendorff_alpha.reason == "no_pairs"
    for language in ("en", "fi", "sv", "es", "pt"):
        view = report_view(report_of(verdicts), language, T0)
        assert all("nan" not in c.text.lower() for t in view.tables for g in t.groups for c in g.cells)


def test_two_moderators_give_two_pairs_per_step_and_only_current_verdicts_count():
    a = Assessment("b1", ended_us=T0)
    steps = [("s1", True, "passed", "passed"), ("s2", False, "failed", "failed")]
    verdicts = [
        Verdict(a, [("s1", True, "passed", "failed"), ("s2", False, "failed", "failed")],
                moderator="moderator", decision="overturn", recorded_us=T0 + 2 * DAY_US),
        Verdict(a, steps, moderator="second", recorded_us=T0 + 5 * DAY_US),
        Verdict(a, steps, moderator="moderator", recorded_us=T0 + 7 * DAY_US),  # changes their mind
    ]
    report = report_of(verdicts)
    assert [v.document.moderator for v in report.current] == ["second", "moderator"]
    group = report.overall
    assert group.steps.n == 4 and group.verdicts == 2 and group.assessments == 1
    assert group.decisions == {"confirm": 2, "overturn": 0, "refer_back": 0}
    assert group.critical == ()
    # the cycle time runs to the first verdict on the assessment, superseded or not
    assert group.cycle_time.n == 1 and group.cycle_time.median_days == pytest.approx(2.0)


def test_critical_disagreements_are_listed_one_by_one():
    a, b = Assessment("b1"), Assessment("b2", assessor="as-2")
    verdicts = [Verdict(a, [("isolation", True, "passed", "failed"), ("ppe", False, "passed", "failed")],
                        decision="overturn"),
                Verdict(b, [("isolation", True, "passed", "hazard")], decision="refer_back")]
    report = report_of(verdicts)
    listed = [(c.assessment_id, c.step, c.assessor_result, c.moderator_result)
              for c in report.overall.critical]
    assert listed == [("A-b1", "isolation", "passed", "failed"), ("A-b2", "isolation", "passed", "hazard")]
    assert all(c.reason for c in report.overall.critical)
    by_assessor = {g.key: len(g.critical) for g in report.groups["assessor"]}
    assert by_assessor == {"as-1": 1, "as-2": 1}
    assert report.overall.decisions == {"confirm": 0, "overturn": 1, "refer_back": 1}


def test_cycle_time_median_mean_and_longest_per_cycle_and_workshop():
    one = Assessment("b1", workshop="ws-north", ended_us=T0)
    two = Assessment("b2", workshop="ws-north", ended_us=T0)
    three = Assessment("b3", workshop="ws-south", ended_us=T0 + DAY_US)
    step = [("s1", False, "passed", "passed")]
    verdicts = [Verdict(one, step, recorded_us=T0 + 2 * DAY_US),
                Verdict(two, step, recorded_us=T0 + 4 * DAY_US),
                Verdict(three, step, recorded_us=T0 + 13 * DAY_US)]
    report = report_of(verdicts)
    ct = report.overall.cycle_time
    assert (ct.n, ct.median_days, ct.mean_days, ct.max_days) == (3, 4.0, pytest.approx(6.0), 12.0)
    north = next(g for g in report.groups["workshop"] if g.key == "ws-north").cycle_time
    assert (north.median_days, north.max_days) == (3.0, 4.0)


def test_coverage_of_the_frame_and_of_the_sample():
    frame_assessments = [Assessment("b1", assessor="as-1", workshop="ws-north"),
                         Assessment("b2", assessor="as-2", workshop="ws-north"),
                         Assessment("b3", assessor="as-3", workshop="ws-south"),
                         Assessment("b4", assessor="as-4", workshop="ws-east")]
    frame = [FrameEntry(AssessmentKey("d" * 64, a.bundle_id), a.checklist, "1.0", a.workshop, a.assessor,
                        "competent") for a in frame_assessments]
    sampled = [("d" * 64, "b1"), ("d" * 64, "b3")]
    verdicts = [Verdict(frame_assessments[0], [("s1", False, "passed", "passed")])]
    cov = report_of(verdicts, frame, sampled).coverage
    assert (cov.sampled_assessors, cov.frame_assessors) == (2, 4) and cov.assessors_share.value == 0.5
    assert (cov.sampled_workshops, cov.frame_workshops) == (2, 3)
    assert cov.workshops_share.value == pytest.approx(2 / 3)
    assert (cov.sampled_with_verdict, cov.sampled_assessments) == (1, 2) and cov.verdict_share.value == 0.5
    none = report_of(verdicts, None, ()).coverage
    assert none.assessors_share.value is None and none.assessors_share.reason == "no_sample"


def test_the_report_read_from_the_database_matches_the_libraries(database_url, tmp_path):
    """On the embedded SQLite and on PostgreSQL alike."""
    service = make_service(tmp_path / "provider", database_url=database_url)
    try:
        rng = random.Random(99)
        verdicts = random_verdicts(rng, 12, agree=0.85, rubric_missing=0.1,
                                   moderators=("moderator", "second"))
        assessments = sorted({v.assessment for v in verdicts}, key=lambda a: a.bundle_id)
        seed_cycle(service.store, "2027-H1", frame=assessments, sampled=assessments[:10],
                   verdicts=verdicts, panel=("moderator", "second"))
        report = cycle_report(service.store, "2027-H1")
        check_against_libraries(verdicts, report.overall)
        assert report.coverage.sampled_assessments == 10 and report.unreadable == ()
    finally:
        service.close()


def test_an_unknown_cycle_is_refused_by_name(console_service):
    with pytest.raises(UnknownCycle) as raised:
        cycle_report(console_service.store, "2099-H9")
    assert str(raised.value) == "There is no moderation cycle named 2099-H9." and raised.value.status == 404


step_pairs = st.lists(st.tuples(st.booleans(), st.sampled_from(RESULTS), st.sampled_from(RESULTS)),
                      min_size=1, max_size=6)
scores = st.one_of(st.none(), st.integers(1, 4))
verdict_sets = st.lists(st.tuples(st.sampled_from(["hv-isolation", "battery"]), step_pairs,
                                  st.lists(st.tuples(scores, scores), max_size=3),
                                  st.sampled_from(["moderator", "second"])), min_size=0, max_size=8)


@settings(max_examples=60, deadline=None)
@given(verdict_sets)
def test_any_verdict_set_gives_defined_or_explained_statistics_that_match_the_libraries(drawn):
    verdicts = []
    for i, (checklist, steps, rubric, who) in enumerate(drawn):
        verdicts.append(Verdict(Assessment(f"b{i}", checklist=checklist),
                                [(f"s{j}", c, a, m) for j, (c, a, m) in enumerate(steps)],
                                [(f"r{j}", x, y) for j, (x, y) in enumerate(rubric)], moderator=who))
    report = report_of(verdicts)
    text = json.dumps(agreement_json(report), allow_nan=False)  # no NaN anywhere
    assert "NaN" not in text
    group = report.overall
    for c in (group.steps.percent_agreement, group.steps.cohen_kappa, group.steps.gwet_ac1,
              group.rubric.quadratic_kappa, group.rubric.krippendorff_alpha):
        assert (c.value is None) == (c.reason is not None)
        assert c.value is None or -1.0 - 1e-9 <= c.value <= 1.0 + 1e-9
    a, m = pairs(verdicts)
    if group.steps.cohen_kappa.defined:
        close(group.steps.cohen_kappa, cohen_kappa_score(a, m))
    ra, rm = rubric_pairs(verdicts)
    if group.rubric.krippendorff_alpha.defined:
        data = np.array([[np.nan if x is None else x for x in ra], [np.nan if y is None else y for y in rm]],
                        dtype=float)
        close(group.rubric.krippendorff_alpha,
              krippendorff.alpha(reliability_data=data, level_of_measurement="ordinal",
                                 value_domain=list(report.rubric_scale)))
    assert len(group.critical) == sum(1 for v in verdicts for s in v.steps if s[1] and s[2] != s[3])
