"""A cycle report in one language: every cell as the text a person reads (page, PDF and CSV alike).

Numbers are written in the language's format; a statistic without a value says "undefined" and why.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from babel import numbers

from assessor_app.i18n import Message, babel_locale, format_date, format_datetime, format_number, render
from assessor_app.provider.moderation import report_messages as R
from assessor_app.provider.moderation.agreement import Coefficient, ConfusionMatrix
from assessor_app.provider.moderation.report import GROUPINGS, CycleReport, GroupReport
from assessor_app.reports.wording import wording

DAY_US = 86_400_000_000  # a cycle's period ends at the start of the day after its last

#: the summary table's statistics, in column order
SUMMARY_COLUMNS: tuple[Message, ...] = (
    R.COL_ASSESSMENTS, R.COL_VERDICTS, R.COL_STEPS_N, R.COL_PERCENT, R.COL_KAPPA, R.COL_AC1, R.COL_RUBRIC_N,
    R.COL_RUBRIC_MISSING, R.COL_QWK, R.COL_ALPHA, R.COL_CRITICAL, R.COL_CONFIRM, R.COL_OVERTURN,
    R.COL_REFER_BACK, R.COL_DAYS_MEDIAN, R.COL_DAYS_MEAN, R.COL_DAYS_MAX,
)
#: the summary is shown as two tables: agreement, then critical steps, decisions and cycle time
AGREEMENT_PART = slice(0, 10)
OUTCOME_PART = slice(10, len(SUMMARY_COLUMNS))


@dataclass(frozen=True)
class Cell:
    """A cell's text; ``undefined`` marks a statistic without a value (the text says why)."""

    text: str
    undefined: bool = False


@dataclass(frozen=True)
class MatrixView:
    title: str
    labels: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class GroupView:
    key: str
    cells: tuple[Cell, ...]  # in SUMMARY_COLUMNS order
    steps: MatrixView
    rubric: MatrixView


@dataclass(frozen=True)
class TableView:
    grouping: str  # overall, checklist, assessor, workshop
    title: str
    key_header: str
    headers: tuple[str, ...]
    groups: tuple[GroupView, ...]


@dataclass(frozen=True)
class ReportView:
    language: str
    cycle: str
    title: str
    period: str
    state: str
    made: str
    kpis: tuple[str, ...]
    tables: tuple[TableView, ...]  # the whole cycle first, then per checklist, assessor, workshop
    critical_headers: tuple[str, ...]
    critical: tuple[tuple[str, ...], ...]
    unreadable: str
    has_verdicts: bool


class Words:
    """Numbers and messages in one language."""

    def __init__(self, language: str):
        self.language = language
        self._record = wording(language)

    def t(self, message: Message, **values: object) -> str:
        return render(message(**values), self.language)

    def number(self, value: float, decimals: int | None = None) -> str:
        return format_number(value, self.language, decimals)

    def share(self, value: float) -> str:
        return numbers.format_percent(round(value, 3), locale=babel_locale(self.language),
                                      decimal_quantization=False)

    def undefined(self, reason: str | None) -> str:
        message = R.UNDEFINED.get(reason or "")
        return self.t(message) if message is not None else self.t(R.UNDEFINED_SHORT)

    def coefficient(self, c: Coefficient) -> Cell:
        if c.value is None:
            return Cell(self.undefined(c.reason), True)
        return Cell(self.number(round(c.value, 3), 3))

    def percent(self, c: Coefficient) -> Cell:
        if c.value is None:
            return Cell(self.undefined(c.reason), True)
        return Cell(self.share(c.value))

    def days(self, value: float | None) -> Cell:
        if value is None:
            return Cell(self.undefined("no_pairs"), True)
        return Cell(self.number(round(value, 1), 1))

    def result(self, code: str) -> str:
        """A step result in the record's words (passed, failed...)."""
        return self._record.get(code, code)

    def when(self, us: int) -> str:
        return format_datetime(dt.datetime.fromtimestamp(us / 1e6, dt.UTC), self.language)

    def day(self, us: int) -> str:
        return format_date(dt.datetime.fromtimestamp(us / 1e6, dt.UTC), self.language)


def _matrix(words: Words, title: Message, cm: ConfusionMatrix, results: bool) -> MatrixView:
    labels = tuple(words.result(str(x)) if results else words.number(int(str(x))) for x in cm.labels)
    return MatrixView(words.t(title), labels,
                      tuple(tuple(words.number(c) for c in row) for row in cm.counts))


def _group(words: Words, g: GroupReport) -> GroupView:
    w = words
    cells = (
        Cell(w.number(g.assessments)), Cell(w.number(g.verdicts)), Cell(w.number(g.steps.n)),
        w.percent(g.steps.percent_agreement), w.coefficient(g.steps.cohen_kappa),
        w.coefficient(g.steps.gwet_ac1), Cell(w.number(g.rubric.n)), Cell(w.number(g.rubric.n_missing)),
        w.coefficient(g.rubric.quadratic_kappa), w.coefficient(g.rubric.krippendorff_alpha),
        Cell(w.number(len(g.critical))), Cell(w.number(g.decisions["confirm"])),
        Cell(w.number(g.decisions["overturn"])), Cell(w.number(g.decisions["refer_back"])),
        w.days(g.cycle_time.median_days), w.days(g.cycle_time.mean_days), w.days(g.cycle_time.max_days),
    )
    key = g.key if g.key else words.t(R.NO_ID)
    return GroupView(key, cells, _matrix(w, R.CONFUSION_STEPS, g.steps.confusion, True),
                     _matrix(w, R.CONFUSION_RUBRIC, g.rubric.confusion, False))


def _kpis(words: Words, report: CycleReport) -> tuple[str, ...]:
    w, ct, cov = words, report.overall.cycle_time, report.coverage
    lines = []
    if ct.n:
        lines.append(w.t(R.CYCLE_TIME, n=w.number(ct.n), median=w.days(ct.median_days).text,
                         mean=w.days(ct.mean_days).text, max=w.days(ct.max_days).text))
    else:
        lines.append(w.t(R.CYCLE_TIME_NONE))
    lines.append(w.t(R.COVER_ASSESSORS, sampled=w.number(cov.sampled_assessors),
                     total=w.number(cov.frame_assessors), share=w.percent(cov.assessors_share).text))
    lines.append(w.t(R.COVER_WORKSHOPS, sampled=w.number(cov.sampled_workshops),
                     total=w.number(cov.frame_workshops), share=w.percent(cov.workshops_share).text))
    lines.append(w.t(R.COVER_VERDICTS, done=w.number(cov.sampled_with_verdict),
                     total=w.number(cov.sampled_assessments), share=w.percent(cov.verdict_share).text))
    return tuple(lines)


def report_view(report: CycleReport, language: str, made_us: int) -> ReportView:
    """Every text of ``report`` in ``language``; ``made_us`` is when the report is made."""
    w = Words(language)
    headers = tuple(w.t(c) for c in SUMMARY_COLUMNS)
    overall = replace(_group(w, report.overall), key=w.t(R.ALL))
    tables = [TableView("overall", w.t(R.OVERALL), w.t(R.GROUP_COLUMN["overall"]), headers, (overall,))]
    for grouping in GROUPINGS:
        tables.append(TableView(grouping, w.t(R.GROUPINGS[grouping]), w.t(R.GROUP_COLUMN[grouping]),
                                headers, tuple(_group(w, g) for g in report.groups[grouping])))
    critical = tuple(
        (c.assessment_id, c.checklist_id, c.step, w.result(c.assessor_result), w.result(c.moderator_result),
         c.reason, c.moderator) for c in report.overall.critical)
    critical_headers = (w.t(R.COL_ASSESSMENT), w.t(R.GROUP_COLUMN["checklist"]), w.t(R.COL_STEP),
                        w.t(R.COL_ASSESSOR_RESULT), w.t(R.COL_MODERATOR_RESULT), w.t(R.COL_REASON),
                        w.t(R.COL_MODERATOR))
    state = w.t(R.CLOSED, when=w.day(report.closed_us)) if report.closed_us else w.t(R.OPEN)
    return ReportView(
        language=language, cycle=report.cycle, title=w.t(R.TITLE, cycle=report.cycle),
        period=w.t(R.PERIOD, start=w.day(report.period_from_us), end=w.day(report.period_to_us - DAY_US)),
        state=state, made=w.t(R.MADE, when=w.when(made_us)), kpis=_kpis(w, report), tables=tuple(tables),
        critical_headers=critical_headers, critical=critical,
        unreadable=w.t(R.UNREADABLE, n=len(report.unreadable)) if report.unreadable else "",
        has_verdicts=bool(report.current))
