"""Agreement statistics checked by hand, against the figures in the moderation brief, and against
maintained libraries (scikit-learn's cohen_kappa_score, the krippendorff package)."""

from __future__ import annotations

import dataclasses
import math
import warnings

import krippendorff
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sklearn.metrics import cohen_kappa_score

from assessor_app.provider.moderation.agreement import (
    STEP_RESULTS,
    Coefficient,
    cohen_kappa,
    confusion_matrix,
    gwet_ac1,
    krippendorff_alpha,
    percent_agreement,
    rubric_score_agreement,
    step_result_agreement,
)

RUBRIC = (1, 2, 3, 4)


def _pairs(cells: dict[tuple[str, str], int]) -> tuple[list[str], list[str]]:
    assessor: list[str] = []
    moderator: list[str] = []
    for (a, m), count in cells.items():
        assessor += [a] * count
        moderator += [m] * count
    return assessor, moderator


def _sk_kappa(a: list, m: list, labels: tuple, weights: str | None = None) -> float:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return float(cohen_kappa_score(a, m, labels=list(labels), weights=weights))


def _kr_alpha(a: list, m: list, scale: tuple, level: str) -> float:
    data = np.array(
        [[np.nan if v is None else float(v) for v in a], [np.nan if v is None else float(v) for v in m]]
    )
    return float(
        krippendorff.alpha(reliability_data=data, value_domain=list(scale), level_of_measurement=level)
    )


# --- hand-computed -------------------------------------------------------------------------------


def test_a_small_pass_fail_case_computed_by_hand():
    # 10 steps: 5 both pass, 3 both fail, 1 each way. po = 0.8.
    a, m = _pairs({("pass", "pass"): 5, ("pass", "fail"): 1, ("fail", "pass"): 1, ("fail", "fail"): 3})
    result = step_result_agreement(a, m)
    assert result.n == 10
    assert result.percent_agreement.value == pytest.approx(0.8)
    # kappa: pe = 0.6*0.6 + 0.4*0.4 = 0.52, (0.8 - 0.52) / 0.48 = 7/12
    assert result.cohen_kappa.value == pytest.approx(7 / 12)
    # AC1: pi = 0.6 / 0.4, pe = (0.6*0.4 + 0.4*0.6) / (2 - 1) = 0.48, (0.8 - 0.48) / 0.52 = 8/13
    assert result.gwet_ac1.value == pytest.approx(8 / 13)
    assert result.confusion.labels == STEP_RESULTS
    assert result.confusion.counts[:2] == ((5, 1, 0, 0), (1, 3, 0, 0))


def test_ac1_with_three_categories_computed_by_hand():
    # 6 steps, categories used: pass, fail, na (q = 3).
    a = ["pass", "pass", "pass", "fail", "na", "na"]
    m = ["pass", "pass", "fail", "fail", "na", "pass"]
    # po = 4/6. pi: pass 6/12, fail 3/12, na 3/12. pe = (0.25 + 0.1875 + 0.1875) / 2 = 0.3125
    expected = (4 / 6 - 0.3125) / (1 - 0.3125)
    assert gwet_ac1(a, m).value == pytest.approx(expected)


# --- the brief's figures ---------------------------------------------------------------------------


def test_prevalence_paradox_95_percent_agreement_at_95_percent_pass_rate():
    a, m = _pairs({("pass", "pass"): 185, ("pass", "fail"): 5, ("fail", "pass"): 5, ("fail", "fail"): 5})
    result = step_result_agreement(a, m)
    assert result.percent_agreement.value == pytest.approx(0.95)
    assert result.cohen_kappa.value == pytest.approx(0.47, abs=0.005)
    # The brief rounds to 0.95; exact value on these data is 0.855 / 0.905 = 0.9448.
    assert result.gwet_ac1.value == pytest.approx(0.95, abs=0.01)
    assert result.gwet_ac1.value == pytest.approx(0.855 / 0.905)


def test_pass_fail_at_90_percent_raw_agreement_gives_kappa_and_nominal_alpha_near_0_61():
    a, m = _pairs({("pass", "pass"): 160, ("pass", "fail"): 10, ("fail", "pass"): 10, ("fail", "fail"): 20})
    assert percent_agreement(a, m).value == pytest.approx(0.9)
    assert cohen_kappa(a, m).value == pytest.approx(0.61, abs=0.005)
    alpha = krippendorff_alpha(a, m, STEP_RESULTS, "nominal").value
    assert alpha == pytest.approx(0.61, abs=0.005)
    coded = {"pass": 0, "fail": 1}
    assert alpha == pytest.approx(_kr_alpha([coded[x] for x in a], [coded[x] for x in m], (0, 1), "nominal"))


def test_one_level_noise_on_a_rubric_ranks_unweighted_below_linear_below_quadratic():
    rng = np.random.default_rng(7)
    truth = rng.integers(1, 5, size=400)
    noisy = np.clip(truth + rng.choice([-1, 0, 0, 1], size=400), 1, 4)
    a, m = [int(x) for x in truth], [int(x) for x in noisy]
    plain = cohen_kappa(a, m, RUBRIC).value
    linear = cohen_kappa(a, m, RUBRIC, weights="linear").value
    quadratic = cohen_kappa(a, m, RUBRIC, weights="quadratic").value
    assert plain is not None and linear is not None and quadratic is not None
    assert plain < linear < quadratic
    assert plain == pytest.approx(_sk_kappa(a, m, RUBRIC))
    assert linear == pytest.approx(_sk_kappa(a, m, RUBRIC, "linear"))
    assert quadratic == pytest.approx(_sk_kappa(a, m, RUBRIC, "quadratic"))
    alpha_full = krippendorff_alpha(a, m, RUBRIC).value
    assert alpha_full == pytest.approx(_kr_alpha(a, m, RUBRIC, "ordinal"))
    # A quarter of the moderator's verdicts missing: alpha still computes from what is pairable.
    m_missing: list[int | None] = [None if i % 4 == 0 else v for i, v in enumerate(m)]
    result = rubric_score_agreement(a, m_missing, RUBRIC)
    assert result.n == 300 and result.n_missing == 100
    assert result.krippendorff_alpha.value == pytest.approx(_kr_alpha(a, m_missing, RUBRIC, "ordinal"))


# --- against the libraries -------------------------------------------------------------------------


def test_rubric_scores_match_scikit_learn_and_krippendorff_with_missing_values():
    a: list[int | None] = [1, 2, 3, 4, 4, 2, None, 3, 1, 2, 3, 4]
    m: list[int | None] = [1, 3, 3, 4, 3, 2, 2, None, 2, 2, 4, 4]
    result = rubric_score_agreement(a, m, RUBRIC)
    complete = [(x, y) for x, y in zip(a, m, strict=True) if x is not None and y is not None]
    ca, cm = [x for x, _ in complete], [y for _, y in complete]
    assert result.n == 10 and result.n_missing == 2
    assert result.quadratic_kappa.value == pytest.approx(_sk_kappa(ca, cm, RUBRIC, "quadratic"))
    assert result.krippendorff_alpha.value == pytest.approx(_kr_alpha(a, m, RUBRIC, "ordinal"))
    nominal = krippendorff_alpha(a, m, RUBRIC, "nominal").value
    assert nominal == pytest.approx(_kr_alpha(a, m, RUBRIC, "nominal"))


def test_a_scale_level_nobody_used_still_counts_in_the_distances():
    # 3 is never used: 2 vs 4 is two levels apart, not one.
    a, m = [1, 2, 4, 4, 1], [1, 4, 4, 2, 2]
    assert cohen_kappa(a, m, RUBRIC, "quadratic").value == pytest.approx(_sk_kappa(a, m, RUBRIC, "quadratic"))
    assert krippendorff_alpha(a, m, RUBRIC).value == pytest.approx(_kr_alpha(a, m, RUBRIC, "ordinal"))


step_results = st.sampled_from(STEP_RESULTS)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(step_results, step_results), min_size=1, max_size=60))
def test_kappa_matches_scikit_learn_on_random_step_results(pairs):
    a, m = [x for x, _ in pairs], [y for _, y in pairs]
    ours = cohen_kappa(a, m)
    theirs = _sk_kappa(a, m, STEP_RESULTS)
    if ours.value is None:
        assert ours.reason == "single_category"
        assert len(set(a) | set(m)) == 1
    else:
        assert ours.value == pytest.approx(theirs, abs=1e-9)
    ac1 = gwet_ac1(a, m)
    assert (ac1.value is None) == (len(set(a) | set(m)) == 1)
    if ac1.value is not None:
        assert -1.0 - 1e-9 <= ac1.value <= 1.0 + 1e-9


scores = st.one_of(st.none(), st.sampled_from(RUBRIC))


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(scores, scores), min_size=1, max_size=60))
def test_rubric_statistics_match_the_libraries_on_random_scores(pairs):
    a, m = [x for x, _ in pairs], [y for _, y in pairs]
    result = rubric_score_agreement(a, m, RUBRIC)
    complete = [(x, y) for x, y in pairs if x is not None and y is not None]
    if result.quadratic_kappa.value is not None:
        ca, cm = [x for x, _ in complete], [y for _, y in complete]
        assert result.quadratic_kappa.value == pytest.approx(_sk_kappa(ca, cm, RUBRIC, "quadratic"), abs=1e-9)
    else:
        assert len({v for pair in complete for v in pair}) <= 1
    if result.krippendorff_alpha.value is not None:
        assert result.krippendorff_alpha.value == pytest.approx(_kr_alpha(a, m, RUBRIC, "ordinal"), abs=1e-9)
    else:
        assert len({v for pair in complete for v in pair}) <= 1


# --- degenerate and bad input ---------------------------------------------------------------------


def test_no_pairs_gives_none_with_a_reason_not_an_error():
    result = step_result_agreement([], [])
    assert result.n == 0
    for c in (result.percent_agreement, result.cohen_kappa, result.gwet_ac1):
        assert c == Coefficient(None, "no_pairs")
    rubric = rubric_score_agreement([None, 2], [3, None], RUBRIC)
    assert rubric.n == 0 and rubric.n_missing == 2
    assert rubric.quadratic_kappa.reason == "no_pairs"
    assert rubric.krippendorff_alpha.reason == "no_pairs"


def test_a_single_category_leaves_kappa_and_ac1_undefined():
    result = step_result_agreement(["pass"] * 20, ["pass"] * 20)
    assert result.percent_agreement.value == 1.0
    assert result.cohen_kappa == Coefficient(None, "single_category")
    assert result.gwet_ac1 == Coefficient(None, "single_category")
    rubric = rubric_score_agreement([3, 3, 3], [3, 3, 3], RUBRIC)
    assert rubric.quadratic_kappa.reason == "single_category"
    assert rubric.krippendorff_alpha.reason == "single_category"
    assert not rubric.krippendorff_alpha.defined


def test_no_statistic_is_ever_nan():
    for a, m in ((["pass"], ["fail"]), (["fail"] * 3, ["pass"] * 3), (["na"], ["na"])):
        result = step_result_agreement(a, m)
        for c in (result.percent_agreement, result.cohen_kappa, result.gwet_ac1):
            assert c.value is None or not math.isnan(c.value)


def test_mismatched_lengths_are_refused_by_name():
    with pytest.raises(ValueError, match="differ in length: 2 from the assessor, 1 from the moderator"):
        step_result_agreement(["pass", "fail"], ["pass"])
    with pytest.raises(ValueError, match="differ in length"):
        rubric_score_agreement([1], [1, 2], RUBRIC)


def test_unknown_categories_are_refused_by_name():
    with pytest.raises(ValueError, match="unknown category 'passed' at position 1 of the moderator"):
        step_result_agreement(["pass", "fail"], ["pass", "passed"])
    with pytest.raises(ValueError, match="unknown category 5 at position 0 of the assessor"):
        rubric_score_agreement([5], [4], RUBRIC)
    with pytest.raises(ValueError, match="missing"):
        confusion_matrix(["pass", None], ["pass", "fail"], STEP_RESULTS)
    with pytest.raises(ValueError, match="twice"):
        cohen_kappa(["pass"], ["pass"], ("pass", "pass"))


def test_results_are_frozen():
    result = step_result_agreement(["pass", "fail"], ["pass", "pass"])
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.n = 3  # type: ignore[misc]


def test_the_product_never_imports_the_reference_libraries():
    # They are test-only references; krippendorff is GPL-3.0-or-later and must not ship in the runtime.
    import ast
    from pathlib import Path

    import assessor_app

    root = Path(assessor_app.__file__).parent
    offenders = []
    for path in root.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            offenders += [f"{path}: {n}" for n in names if n.split(".")[0] in {"sklearn", "krippendorff"}]
    assert offenders == []
