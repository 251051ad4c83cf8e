"""A cycle report as files: the verdicts step by step (CSV), the agreement (JSON), the statistics (CSV).

verdicts.csv and agreement.json are for scripts and panels' own tools: their column and field names
are fixed English words and their numbers plain decimals. The statistics CSV is the report page's
table in the reader's language.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from assessor_app.provider.moderation.agreement import Coefficient, ConfusionMatrix
from assessor_app.provider.moderation.report import GROUPINGS, CycleReport, GroupReport
from assessor_app.provider.moderation.report_view import ReportView

VERDICT_COLUMNS: tuple[str, ...] = (
    "assessment", "checklist", "step", "assessor_result", "moderator_result", "agrees", "critical",
    "reason", "bundle_id", "device", "checklist_version", "workshop", "assessor", "moderator", "decision",
    "recorded", "verdict_sha256",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value: object) -> str:
    """A cell's text, with a leading apostrophe where a spreadsheet would take it for a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def _iso(us: int) -> str:
    return dt.datetime.fromtimestamp(us / 1e6, dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def verdict_rows(report: CycleReport) -> list[list[str]]:
    """One row per moderated step of every moderator's current verdict, in VERDICT_COLUMNS order."""
    rows = []
    for v in report.current:
        d = v.document
        for s in d.steps:
            rows.append([d.assessment_id, d.checklist_id, s.step, s.assessor_result, s.moderator_result,
                         "true" if s.agrees else "false", "true" if s.critical else "false", s.reason,
                         d.bundle_id, d.device, d.checklist_version, d.workshop_id, d.assessor_id,
                         d.moderator, d.decision, _iso(v.recorded_us), v.sha256])
    return rows


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    for row in rows:
        writer.writerow([safe_cell(c) for c in row])
    return out.getvalue()


def verdicts_csv(report: CycleReport) -> str:
    """verdicts.csv: the header, then a row per moderated step (UTF-8, CRLF line ends)."""
    return _csv([list(VERDICT_COLUMNS), *verdict_rows(report)])


def _coefficient(out: dict[str, Any], name: str, c: Coefficient) -> None:
    value = None if c.value is None else round(c.value, 6)
    out[name] = value
    if value is None:
        out[f"{name}_reason"] = c.reason


def _matrix(cm: ConfusionMatrix) -> dict[str, Any]:
    return {"labels": list(cm.labels), "counts": [list(row) for row in cm.counts]}


def group_json(g: GroupReport) -> dict[str, Any]:
    """One group's statistics; an undefined value is null with ``<name>_reason`` saying why."""
    out: dict[str, Any] = {"assessments": g.assessments, "verdicts": g.verdicts, "n": g.steps.n}
    _coefficient(out, "percent_agreement", g.steps.percent_agreement)
    _coefficient(out, "cohen_kappa", g.steps.cohen_kappa)
    _coefficient(out, "gwet_ac1", g.steps.gwet_ac1)
    out["confusion"] = _matrix(g.steps.confusion)
    rubric: dict[str, Any] = {"n": g.rubric.n, "n_missing": g.rubric.n_missing}
    _coefficient(rubric, "percent_agreement", g.rubric.percent_agreement)
    _coefficient(rubric, "quadratic_kappa", g.rubric.quadratic_kappa)
    _coefficient(rubric, "krippendorff_alpha", g.rubric.krippendorff_alpha)
    rubric["confusion"] = _matrix(g.rubric.confusion)
    out["rubric"] = rubric
    out["critical_disagreements"] = len(g.critical)
    out["decisions"] = dict(g.decisions)
    ct = g.cycle_time
    out["cycle_time_days"] = {"n": ct.n, "median": ct.median_days, "mean": ct.mean_days, "max": ct.max_days}
    return out


def agreement_json(report: CycleReport) -> dict[str, Any]:
    """agreement.json: overall and per checklist (and per assessor and workshop), the critical list, KPIs."""
    cov = report.coverage
    coverage: dict[str, Any] = {
        "frame_assessments": cov.frame_assessments, "frame_assessors": cov.frame_assessors,
        "frame_workshops": cov.frame_workshops, "sampled_assessments": cov.sampled_assessments,
        "sampled_assessors": cov.sampled_assessors, "sampled_workshops": cov.sampled_workshops,
        "sampled_with_verdict": cov.sampled_with_verdict}
    _coefficient(coverage, "assessors_share", cov.assessors_share)
    _coefficient(coverage, "workshops_share", cov.workshops_share)
    _coefficient(coverage, "verdict_share", cov.verdict_share)
    plural = {"checklist": "checklists", "assessor": "assessors", "workshop": "workshops"}
    document: dict[str, Any] = {
        "format": 1, "cycle": report.cycle, "period_from": _iso(report.period_from_us),
        "period_to": _iso(report.period_to_us), "rubric_scale": list(report.rubric_scale),
        "overall": group_json(report.overall)}
    for grouping in GROUPINGS:
        document[plural[grouping]] = {g.key: group_json(g) for g in report.groups[grouping]}
    document["critical_disagreements"] = [
        {"assessment": c.assessment_id, "bundle_id": c.bundle_id, "device": c.device,
         "checklist": c.checklist_id, "step": c.step, "assessor_result": c.assessor_result,
         "moderator_result": c.moderator_result, "reason": c.reason, "moderator": c.moderator}
        for c in report.overall.critical]
    document["coverage"] = coverage
    document["unreadable_verdicts"] = [{"id": u.row_id, "reason": u.reason} for u in report.unreadable]
    return document


def statistics_csv(view: ReportView) -> str:
    """The report's tables in the view's language: one row per group, the grouping named first."""
    rows: list[list[str]] = []
    first = view.tables[0]
    rows.append([first.key_header, "", *first.headers])
    for table in view.tables:
        for g in table.groups:
            rows.append([table.title, g.key, *(c.text for c in g.cells)])
    return _csv(rows)
