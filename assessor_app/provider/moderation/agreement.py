"""How far an assessor and a moderator agree on the same steps: pure functions over paired ratings.

Step results are nominal (pass, fail, na, hazard): percent agreement, Cohen's kappa and Gwet's AC1 are
reported together, because kappa alone misleads when nearly every step passes (the prevalence paradox).
Rubric scores are ordinal: quadratic-weighted kappa and Krippendorff's alpha (ordinal), the latter
tolerating missing verdicts. Every result carries n and the confusion matrix.

A coefficient that is undefined for the data (no pairs, or both raters used one single category, so
chance agreement is total) is None with a reason code, never NaN or a division error. Bad input
(lengths that differ, a category outside the scale) is refused with a ValueError naming the problem.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from typing import Literal

# The engine's result codes (core/engine/actions.py), in the order the matrix shows them.
STEP_RESULTS: tuple[str, ...] = ("pass", "fail", "na", "hazard")

Reason = Literal["no_pairs", "single_category"]
Weights = Literal["none", "linear", "quadratic"]
Level = Literal["nominal", "ordinal"]


@dataclass(frozen=True)
class Coefficient:
    """A statistic's value, or None with the reason it is undefined for these data."""

    value: float | None
    reason: Reason | None = None

    @property
    def defined(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class ConfusionMatrix:
    """Counts of paired ratings: rows are the assessor's, columns the moderator's, both in `labels` order."""

    labels: tuple[Hashable, ...]
    counts: tuple[tuple[int, ...], ...]

    @property
    def n(self) -> int:
        return sum(sum(row) for row in self.counts)


@dataclass(frozen=True)
class StepResultAgreement:
    """Agreement on nominal step results; percent_agreement is a proportion (0..1)."""

    n: int
    percent_agreement: Coefficient
    cohen_kappa: Coefficient
    gwet_ac1: Coefficient
    confusion: ConfusionMatrix


@dataclass(frozen=True)
class RubricScoreAgreement:
    """Agreement on ordinal rubric scores; n counts complete pairs, n_missing pairs with a verdict missing."""

    n: int
    n_missing: int
    percent_agreement: Coefficient
    quadratic_kappa: Coefficient
    krippendorff_alpha: Coefficient
    confusion: ConfusionMatrix


def _check_lengths(assessor: Sequence[object], moderator: Sequence[object]) -> None:
    if len(assessor) != len(moderator):
        raise ValueError(
            f"paired ratings differ in length: {len(assessor)} from the assessor, "
            f"{len(moderator)} from the moderator"
        )


def _check_known(ratings: Sequence[Hashable | None], scale: Sequence[Hashable], who: str) -> None:
    known = set(scale)
    for i, r in enumerate(ratings):
        if r is not None and r not in known:
            raise ValueError(
                f"unknown category {r!r} at position {i} of the {who}'s ratings (scale: {list(scale)})"
            )


def _check_scale(scale: Sequence[Hashable]) -> None:
    if len(set(scale)) != len(scale):
        raise ValueError(f"the scale lists a category twice: {list(scale)}")
    if not scale:
        raise ValueError("the scale has no categories")


def _complete_pairs(
    assessor: Sequence[Hashable | None], moderator: Sequence[Hashable | None]
) -> list[tuple[Hashable, Hashable]]:
    return [(a, m) for a, m in zip(assessor, moderator, strict=True) if a is not None and m is not None]


def _matrix(pairs: Sequence[tuple[Hashable, Hashable]], labels: Sequence[Hashable]) -> ConfusionMatrix:
    index = {label: i for i, label in enumerate(labels)}
    counts = [[0] * len(labels) for _ in labels]
    for a, m in pairs:
        counts[index[a]][index[m]] += 1
    return ConfusionMatrix(tuple(labels), tuple(tuple(row) for row in counts))


def confusion_matrix(
    assessor: Sequence[Hashable], moderator: Sequence[Hashable], labels: Sequence[Hashable]
) -> ConfusionMatrix:
    """The confusion matrix over `labels` (every category of the scale, used or not)."""
    _check_scale(labels)
    _check_lengths(assessor, moderator)
    _check_known(assessor, labels, "assessor")
    _check_known(moderator, labels, "moderator")
    if any(r is None for r in assessor) or any(r is None for r in moderator):
        raise ValueError("a rating is missing (None); drop the pair or use the ordinal statistics")
    return _matrix(list(zip(assessor, moderator, strict=True)), labels)


def _percent(cm: ConfusionMatrix) -> Coefficient:
    n = cm.n
    if n == 0:
        return Coefficient(None, "no_pairs")
    return Coefficient(sum(cm.counts[i][i] for i in range(len(cm.labels))) / n)


def _weight_matrix(k: int, weights: Weights) -> list[list[float]]:
    """Disagreement weights between scale positions i and j (0 on the diagonal)."""

    def w(i: int, j: int) -> float:
        if weights == "none":
            return 0.0 if i == j else 1.0
        if weights == "linear":
            return float(abs(i - j))
        return float((i - j) ** 2)

    return [[w(i, j) for j in range(k)] for i in range(k)]


def _kappa(cm: ConfusionMatrix, weights: Weights) -> Coefficient:
    n = cm.n
    if n == 0:
        return Coefficient(None, "no_pairs")
    k = len(cm.labels)
    w = _weight_matrix(k, weights)
    rows = [sum(cm.counts[i]) / n for i in range(k)]
    cols = [sum(cm.counts[i][j] for i in range(k)) / n for j in range(k)]
    observed = sum(w[i][j] * cm.counts[i][j] / n for i in range(k) for j in range(k))
    expected = sum(w[i][j] * rows[i] * cols[j] for i in range(k) for j in range(k))
    if expected <= 0.0:
        # Both raters used one and the same category: chance explains all agreement.
        return Coefficient(None, "single_category")
    return Coefficient(1.0 - observed / expected)


def _ac1(cm: ConfusionMatrix) -> Coefficient:
    n = cm.n
    if n == 0:
        return Coefficient(None, "no_pairs")
    k = len(cm.labels)
    used = [i for i in range(k) if sum(cm.counts[i]) + sum(cm.counts[j][i] for j in range(k)) > 0]
    q = len(used)
    if q < 2:
        return Coefficient(None, "single_category")
    observed = sum(cm.counts[i][i] for i in range(k)) / n
    pi = [(sum(cm.counts[i]) + sum(cm.counts[j][i] for j in range(k))) / (2 * n) for i in used]
    expected = sum(p * (1.0 - p) for p in pi) / (q - 1)
    # expected <= 1/q < 1 whenever q >= 2, so the denominator is never zero.
    return Coefficient((observed - expected) / (1.0 - expected))


def percent_agreement(
    assessor: Sequence[Hashable], moderator: Sequence[Hashable], labels: Sequence[Hashable] = STEP_RESULTS
) -> Coefficient:
    """The share (0..1) of pairs on which both gave the same rating."""
    return _percent(confusion_matrix(assessor, moderator, labels))


def cohen_kappa(
    assessor: Sequence[Hashable],
    moderator: Sequence[Hashable],
    labels: Sequence[Hashable] = STEP_RESULTS,
    weights: Weights = "none",
) -> Coefficient:
    """Cohen's kappa; with weights, `labels` is the ordered scale and distances are scale positions."""
    return _kappa(confusion_matrix(assessor, moderator, labels), weights)


def gwet_ac1(
    assessor: Sequence[Hashable], moderator: Sequence[Hashable], labels: Sequence[Hashable] = STEP_RESULTS
) -> Coefficient:
    """Gwet's AC1 over the categories either rater used (robust when one category dominates)."""
    return _ac1(confusion_matrix(assessor, moderator, labels))


def krippendorff_alpha(
    assessor: Sequence[Hashable | None],
    moderator: Sequence[Hashable | None],
    scale: Sequence[Hashable],
    level: Level = "ordinal",
) -> Coefficient:
    """Krippendorff's alpha for two raters; None marks a missing verdict (its unit is not pairable)."""
    _check_scale(scale)
    _check_lengths(assessor, moderator)
    _check_known(assessor, scale, "assessor")
    _check_known(moderator, scale, "moderator")
    k = len(scale)
    index = {v: i for i, v in enumerate(scale)}
    # Coincidence matrix: with two raters each pairable unit adds one c-k and one k-c coincidence.
    o = [[0.0] * k for _ in range(k)]
    for a, m in _complete_pairs(assessor, moderator):
        i, j = index[a], index[m]
        o[i][j] += 1.0
        o[j][i] += 1.0
    n_c = [sum(row) for row in o]
    n = sum(n_c)
    if n == 0:
        return Coefficient(None, "no_pairs")
    if level == "nominal":
        delta = [[0.0 if c == d else 1.0 for d in range(k)] for c in range(k)]
    else:
        delta = [[0.0] * k for _ in range(k)]
        for c in range(k):
            for d in range(k):
                lo, hi = min(c, d), max(c, d)
                delta[c][d] = (sum(n_c[lo : hi + 1]) - (n_c[c] + n_c[d]) / 2.0) ** 2
    observed = sum(o[c][d] * delta[c][d] for c in range(k) for d in range(k))
    expected = sum(n_c[c] * n_c[d] * delta[c][d] for c in range(k) for d in range(k))
    if expected <= 0.0:
        return Coefficient(None, "single_category")
    return Coefficient(1.0 - (n - 1.0) * observed / expected)


def step_result_agreement(
    assessor: Sequence[Hashable], moderator: Sequence[Hashable], labels: Sequence[Hashable] = STEP_RESULTS
) -> StepResultAgreement:
    """Percent agreement, Cohen's kappa, Gwet's AC1, the confusion matrix and n for step results."""
    cm = confusion_matrix(assessor, moderator, labels)
    return StepResultAgreement(cm.n, _percent(cm), _kappa(cm, "none"), _ac1(cm), cm)


def rubric_score_agreement(
    assessor: Sequence[Hashable | None], moderator: Sequence[Hashable | None], scale: Sequence[Hashable]
) -> RubricScoreAgreement:
    """Quadratic-weighted kappa (complete pairs) and ordinal alpha (all pairable values) for rubric scores.

    `scale` is the rubric's levels in order, e.g. (1, 2, 3, 4); None marks a missing verdict.
    """
    _check_scale(scale)
    _check_lengths(assessor, moderator)
    _check_known(assessor, scale, "assessor")
    _check_known(moderator, scale, "moderator")
    pairs = _complete_pairs(assessor, moderator)
    cm = _matrix(pairs, scale)
    return RubricScoreAgreement(
        n=cm.n,
        n_missing=len(assessor) - cm.n,
        percent_agreement=_percent(cm),
        quadratic_kappa=_kappa(cm, "quadratic"),
        krippendorff_alpha=krippendorff_alpha(assessor, moderator, scale, "ordinal"),
        confusion=cm,
    )
