"""A moderation cycle's report: agreement, critical disagreements, decisions and KPIs, from its verdicts.

Pure: the stored verdicts (already read, see report_store.py), the cycle's sampling frame and its sample
go in, plain data comes out. Each moderator's current verdict on an assessment pairs every step's
result (and every rubric score) with the assessor's: two moderators on one assessment give two pairs
per step. Statistics are grouped overall, per checklist, per assessor and per workshop; one that is
undefined for its data is None with the reason (agreement.Coefficient), never NaN.
"""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field

from assessor_app.provider.moderation.agreement import (
    Coefficient,
    ConfusionMatrix,
    RubricScoreAgreement,
    StepResultAgreement,
    rubric_score_agreement,
    step_result_agreement,
)
from assessor_app.provider.moderation.sampling import FrameEntry
from assessor_app.provider.moderation.verdict_document import DECISIONS, STEP_RESULTS, VerdictDocument

DAY_US = 86_400 * 10**6
#: the groupings of a report, in the order the surfaces show them
GROUPINGS: tuple[str, ...] = ("checklist", "assessor", "workshop")


@dataclass(frozen=True)
class StoredVerdict:
    """One row of moderation_verdicts, its document read back."""

    row_id: int
    recorded_us: int
    sha256: str
    document: VerdictDocument

    @property
    def assessment(self) -> tuple[str, str]:
        """(device, bundle_id): the assessment the verdict is on."""
        return (self.document.device, self.document.bundle_id)


@dataclass(frozen=True)
class CriticalDisagreement:
    """A moderator's result that differs from the assessor's on a step the checklist marks critical."""

    assessment_id: str
    bundle_id: str
    device: str
    checklist_id: str
    step: str
    assessor_result: str
    moderator_result: str
    reason: str
    moderator: str


@dataclass(frozen=True)
class CycleTime:
    """Days from an assessment's end to the first verdict on it: over the assessments moderated."""

    n: int
    median_days: float | None
    mean_days: float | None
    max_days: float | None


@dataclass(frozen=True)
class GroupReport:
    """The statistics of one group of verdicts (the whole cycle, one checklist, assessor or workshop)."""

    key: str
    assessments: int
    verdicts: int
    steps: StepResultAgreement
    rubric: RubricScoreAgreement
    critical: tuple[CriticalDisagreement, ...]
    decisions: dict[str, int]
    cycle_time: CycleTime


@dataclass(frozen=True)
class Coverage:
    """How much of the cycle's frame the sample reached, and how much of the sample has a verdict."""

    frame_assessments: int
    frame_assessors: int
    frame_workshops: int
    sampled_assessments: int
    sampled_assessors: int
    sampled_workshops: int
    sampled_with_verdict: int
    assessors_share: Coefficient
    workshops_share: Coefficient
    verdict_share: Coefficient


@dataclass(frozen=True)
class UnreadableVerdict:
    """A stored verdict whose document cannot be read back: left out of the statistics, and listed."""

    row_id: int
    reason: str


@dataclass(frozen=True)
class CycleReport:
    cycle: str
    period_from_us: int
    period_to_us: int
    closed_us: int | None
    overall: GroupReport
    groups: dict[str, tuple[GroupReport, ...]]  # grouping -> groups ordered by key
    coverage: Coverage
    current: tuple[StoredVerdict, ...]  # every moderator's current verdict, oldest first
    rubric_scale: tuple[int, ...]
    unreadable: tuple[UnreadableVerdict, ...] = field(default=())


def current_verdicts(rows: Iterable[StoredVerdict]) -> tuple[StoredVerdict, ...]:
    """The newest row per (assessment, moderator): later rows supersede earlier ones, the ids rise."""
    newest: dict[tuple[str, str, str], StoredVerdict] = {}
    for row in rows:
        key = (*row.assessment, row.document.moderator)
        if key not in newest or row.row_id > newest[key].row_id:
            newest[key] = row
    return tuple(sorted(newest.values(), key=lambda r: r.row_id))


def rubric_scale(verdicts: Iterable[StoredVerdict]) -> tuple[int, ...]:
    """Every score from the lowest to the highest given by either side (distances are score steps)."""
    scores = [s for v in verdicts for r in v.document.rubric for s in (r.assessor_score, r.moderator_score)
              if s is not None]
    return tuple(range(min(scores), max(scores) + 1)) if scores else ()


def _used(cm: ConfusionMatrix) -> ConfusionMatrix:
    """The matrix over the categories that occur (the scale's other rows and columns are all zero)."""
    keep = [i for i in range(len(cm.labels))
            if sum(cm.counts[i]) + sum(row[i] for row in cm.counts) > 0]
    return ConfusionMatrix(tuple(cm.labels[i] for i in keep),
                           tuple(tuple(cm.counts[i][j] for j in keep) for i in keep))


def step_agreement(verdicts: Sequence[StoredVerdict]) -> StepResultAgreement:
    """Assessor against moderator over every step of every verdict given."""
    steps = [s for v in verdicts for s in v.document.steps]
    found = step_result_agreement([s.assessor_result for s in steps], [s.moderator_result for s in steps],
                                  STEP_RESULTS)
    return StepResultAgreement(found.n, found.percent_agreement, found.cohen_kappa, found.gwet_ac1,
                               _used(found.confusion))


def rubric_agreement(verdicts: Sequence[StoredVerdict], scale: Sequence[int]) -> RubricScoreAgreement:
    """Assessor against moderator over every rubric criterion; a score missing on either side is counted."""
    items = [r for v in verdicts for r in v.document.rubric]
    if not scale:  # nobody scored anything: nothing to compare
        none = Coefficient(None, "no_pairs")
        return RubricScoreAgreement(0, len(items), none, none, none, ConfusionMatrix((), ()))
    return rubric_score_agreement([r.assessor_score for r in items], [r.moderator_score for r in items],
                                  tuple(scale))


def critical_disagreements(verdicts: Iterable[StoredVerdict]) -> tuple[CriticalDisagreement, ...]:
    """Every critical step on which a moderator's result differs from the assessor's, one by one."""
    return tuple(
        CriticalDisagreement(v.document.assessment_id, v.document.bundle_id, v.document.device,
                             v.document.checklist_id, s.step, s.assessor_result, s.moderator_result,
                             s.reason, v.document.moderator)
        for v in verdicts for s in v.document.critical_disagreements)


def cycle_time(verdicts: Sequence[StoredVerdict], first_verdict_us: dict[tuple[str, str], int]) -> CycleTime:
    """Median, mean and longest days from the assessment's end to the first verdict on it."""
    ended = {v.assessment: v.document.assessment_ended_us for v in verdicts}
    days = [max(0, first_verdict_us.get(key, 0) - end) / DAY_US for key, end in sorted(ended.items())
            if key in first_verdict_us]
    if not days:
        return CycleTime(0, None, None, None)
    return CycleTime(len(days), statistics.median(days), statistics.fmean(days), max(days))


def group_report(key: str, verdicts: Sequence[StoredVerdict], scale: Sequence[int],
                 first_verdict_us: dict[tuple[str, str], int]) -> GroupReport:
    decisions = dict.fromkeys(DECISIONS, 0)
    for v in verdicts:
        decisions[v.document.decision] += 1
    return GroupReport(
        key=key, assessments=len({v.assessment for v in verdicts}), verdicts=len(verdicts),
        steps=step_agreement(verdicts), rubric=rubric_agreement(verdicts, scale),
        critical=critical_disagreements(verdicts), decisions=decisions,
        cycle_time=cycle_time(verdicts, first_verdict_us))


_GROUP_KEY: dict[str, Callable[[VerdictDocument], str]] = {
    "checklist": lambda d: d.checklist_id,
    "assessor": lambda d: d.assessor_id,
    "workshop": lambda d: d.workshop_id,
}


def _share(part: int, whole: int, reason: str) -> Coefficient:
    return Coefficient(part / whole) if whole else Coefficient(None, reason)  # type: ignore[arg-type]


def coverage(frame: Sequence[FrameEntry] | None, sampled: Iterable[tuple[str, str]],
             verdicts: Iterable[StoredVerdict]) -> Coverage:
    """Shares of the frame's assessors and workshops that the sample reached, and of the sample judged.

    ``frame`` is None when no sample was drawn for the cycle; ``sampled`` holds (device, bundle_id).
    """
    entries = list(frame or ())
    by_key = {(e.key.device, e.key.bundle_id): e for e in entries}
    picked = set(sampled)
    in_frame = [by_key[k] for k in sorted(picked) if k in by_key]
    judged = {v.assessment for v in verdicts}
    assessors, workshops = {e.assessor for e in entries}, {e.workshop for e in entries}
    s_assessors, s_workshops = {e.assessor for e in in_frame}, {e.workshop for e in in_frame}
    no_frame = "no_sample" if frame is None else "empty_frame"
    return Coverage(
        frame_assessments=len(entries), frame_assessors=len(assessors), frame_workshops=len(workshops),
        sampled_assessments=len(picked), sampled_assessors=len(s_assessors),
        sampled_workshops=len(s_workshops), sampled_with_verdict=len(picked & judged),
        assessors_share=_share(len(s_assessors), len(assessors), no_frame),
        workshops_share=_share(len(s_workshops), len(workshops), no_frame),
        verdict_share=_share(len(picked & judged), len(picked),
                             "no_sample" if frame is None else "empty_sample"))


def build_report(cycle: str, period: tuple[int, int], closed_us: int | None, rows: Sequence[StoredVerdict],
                 frame: Sequence[FrameEntry] | None, sampled: Iterable[tuple[str, str]],
                 unreadable: Sequence[UnreadableVerdict] = ()) -> CycleReport:
    """The report of a cycle from every stored verdict row (history included) and its frame and sample."""
    first: dict[tuple[str, str], int] = {}
    for row in rows:
        first[row.assessment] = min(first.get(row.assessment, row.recorded_us), row.recorded_us)
    current = current_verdicts(rows)
    scale = rubric_scale(current)
    groups: dict[str, tuple[GroupReport, ...]] = {}
    for grouping in GROUPINGS:
        keyed: dict[str, list[StoredVerdict]] = {}
        for v in current:
            keyed.setdefault(_GROUP_KEY[grouping](v.document), []).append(v)
        groups[grouping] = tuple(group_report(k, keyed[k], scale, first) for k in sorted(keyed))
    return CycleReport(cycle=cycle, period_from_us=period[0], period_to_us=period[1], closed_us=closed_us,
                       overall=group_report("", current, scale, first), groups=groups,
                       coverage=coverage(frame, sampled, current), current=current, rubric_scale=scale,
                       unreadable=tuple(unreadable))
