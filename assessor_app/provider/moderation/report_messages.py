"""The texts of a moderation cycle's report: the console page, its PDF and its CSV."""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

UNKNOWN_CYCLE = Message("moderation.report.unknown_cycle", "There is no moderation cycle named {cycle}.")
SAMPLE_UNREADABLE = Message("moderation.report.sample_unreadable",
                            "The stored sample of cycle {cycle} cannot be read; the provider's log has the "
                            "details.")
NOT_ON_PANEL = Message("moderation.report.not_on_panel",
                       "You are not on the panel of cycle {cycle}: its report is not yours to read.")

SECTION = Message("moderation.report.section", "Moderation reports")
SECTION_HINT = Message("moderation.report.section_hint",
                       "Agreement between assessors and moderators, per moderation cycle.")
LIST_TITLE = Message("moderation.report.list_title", "Moderation reports")
LIST_REPORT = Message("moderation.report.list_report", "Report of cycle {cycle}")
LIST_NONE = Message("moderation.report.list_none", "No moderation cycle that you may read.")
TITLE = Message("moderation.report.title", "Moderation report: {cycle}")
PERIOD = Message("moderation.report.period", "Assessments ended from {start} until {end}")
OPEN = Message("moderation.report.open", "Open: verdicts may still be added.")
CLOSED = Message("moderation.report.closed", "Closed on {when}.")
MADE = Message("moderation.report.made", "Report made {when} UTC")
DOWNLOAD_PDF = Message("moderation.report.download_pdf", "Report as PDF")
DOWNLOAD_CSV = Message("moderation.report.download_csv", "Statistics as CSV")
DOWNLOAD_VERDICTS = Message("moderation.report.download_verdicts", "Verdicts, step by step, as CSV")
NO_VERDICTS = Message("moderation.report.no_verdicts", "No verdicts yet.")
UNREADABLE = Plural("moderation.report.unreadable",
                    "{n} stored verdict cannot be read and is left out of the statistics.",
                    "{n} stored verdicts cannot be read and are left out of the statistics.")

# sections
OVERALL = Message("moderation.report.overall", "The whole cycle")
KPI = Message("moderation.report.kpi", "Key figures")
GROUPINGS = {
    "checklist": Message("moderation.report.by_checklist", "Per checklist"),
    "assessor": Message("moderation.report.by_assessor", "Per assessor"),
    "workshop": Message("moderation.report.by_workshop", "Per workshop"),
}
GROUP_COLUMN = {
    "overall": Message("moderation.report.col.scope", "Scope"),
    "checklist": Message("moderation.report.col.checklist", "Checklist"),
    "assessor": Message("moderation.report.col.assessor", "Assessor"),
    "workshop": Message("moderation.report.col.workshop", "Workshop"),
}
ALL = Message("moderation.report.all", "all")
NO_ID = Message("moderation.report.no_id", "(none recorded)")
CONFUSION_STEPS = Message("moderation.report.confusion_steps",
                          "Step results: the assessor's (rows) against the moderator's (columns)")
CONFUSION_RUBRIC = Message("moderation.report.confusion_rubric",
                           "Rubric scores: the assessor's (rows) against the moderator's (columns)")
GROUP_MATRICES = Message("moderation.report.group_matrices", "Confusion matrices: {group}")
CRITICAL_TITLE = Message("moderation.report.critical_title",
                         "Disagreements on critical steps (zero tolerance)")
CRITICAL_NONE = Message("moderation.report.critical_none", "None: no moderator differs on a critical step.")

# columns
COL_ASSESSMENTS = Message("moderation.report.col.assessments", "Assessments")
COL_VERDICTS = Message("moderation.report.col.verdicts", "Verdicts")
COL_STEPS_N = Message("moderation.report.col.steps_n", "Steps compared (n)")
COL_PERCENT = Message("moderation.report.col.percent", "Percent agreement")
COL_KAPPA = Message("moderation.report.col.kappa", "Cohen's kappa")
COL_AC1 = Message("moderation.report.col.ac1", "Gwet's AC1")
COL_RUBRIC_N = Message("moderation.report.col.rubric_n", "Rubric scores compared (n)")
COL_RUBRIC_MISSING = Message("moderation.report.col.rubric_missing", "Rubric scores missing")
COL_QWK = Message("moderation.report.col.qwk", "Quadratic-weighted kappa")
COL_ALPHA = Message("moderation.report.col.alpha", "Krippendorff's alpha (ordinal)")
COL_CRITICAL = Message("moderation.report.col.critical", "Critical disagreements")
COL_CONFIRM = Message("moderation.report.col.confirm", "Confirmed")
COL_OVERTURN = Message("moderation.report.col.overturn", "Overturned")
COL_REFER_BACK = Message("moderation.report.col.refer_back", "Referred back")
COL_DAYS_MEDIAN = Message("moderation.report.col.days_median", "Days to audit, median")
COL_DAYS_MEAN = Message("moderation.report.col.days_mean", "Days to audit, mean")
COL_DAYS_MAX = Message("moderation.report.col.days_max", "Days to audit, longest")
COL_ASSESSMENT = Message("moderation.report.col.assessment", "Assessment")
COL_STEP = Message("moderation.report.col.step", "Step")
COL_ASSESSOR_RESULT = Message("moderation.report.col.assessor_result", "Assessor's result")
COL_MODERATOR_RESULT = Message("moderation.report.col.moderator_result", "Moderator's result")
COL_REASON = Message("moderation.report.col.reason", "Moderator's reason")
COL_MODERATOR = Message("moderation.report.col.moderator", "Moderator")
DECISION_COLUMNS = {"confirm": COL_CONFIRM, "overturn": COL_OVERTURN, "refer_back": COL_REFER_BACK}

# key figures
CYCLE_TIME = Message("moderation.report.cycle_time",
                     "Moderation cycle time (days from the assessment to the first verdict on it), over "
                     "{n} assessments: median {median}, mean {mean}, longest {max}")
CYCLE_TIME_NONE = Message("moderation.report.cycle_time_none",
                          "Moderation cycle time: undefined, no assessment has a verdict yet")
COVER_ASSESSORS = Message("moderation.report.cover_assessors",
                          "Assessors of the frame sampled: {sampled} of {total} ({share})")
COVER_WORKSHOPS = Message("moderation.report.cover_workshops",
                          "Workshops of the frame sampled: {sampled} of {total} ({share})")
COVER_VERDICTS = Message("moderation.report.cover_verdicts",
                         "Sampled assessments with a verdict: {done} of {total} ({share})")

# why a statistic has no value
UNDEFINED = {
    "no_pairs": Message("moderation.report.undefined.no_pairs", "undefined: nothing to compare"),
    "single_category": Message("moderation.report.undefined.single_category",
                               "undefined: one single category only, so chance explains all agreement"),
    "no_sample": Message("moderation.report.undefined.no_sample", "undefined: no sample drawn yet"),
    "empty_frame": Message("moderation.report.undefined.empty_frame", "undefined: the frame is empty"),
    "empty_sample": Message("moderation.report.undefined.empty_sample", "undefined: nothing was sampled"),
}
UNDEFINED_SHORT = Message("moderation.report.undefined", "undefined")

# the PDF
PDF_PAGE = Message("moderation.report.pdf_page", "Page {page}")
