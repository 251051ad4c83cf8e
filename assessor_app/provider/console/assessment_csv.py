"""The steps of one assessment as CSV, safe to open in a spreadsheet.

A cell that a spreadsheet would take for a formula (starting with ``= + - @``, a tab or a carriage
return) is written with a leading apostrophe, so a note typed as ``=HYPERLINK(...)`` stays text.
"""

from __future__ import annotations

import csv
import io

from assessor_app.i18n import Message, render
from assessor_app.provider.console.assessment_view import AssessmentView

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
COLUMNS = (
    Message("console.csv.step", "step"), Message("console.csv.title", "title"),
    Message("console.csv.risk", "risk"), Message("console.csv.result", "result"),
    Message("console.csv.reason", "reason"), Message("console.csv.person", "person"),
    Message("console.csv.started_clock", "started (assessment clock)"),
    Message("console.csv.started_wall", "started (UTC)"),
    Message("console.csv.result_clock", "result (assessment clock)"),
    Message("console.csv.result_wall", "result (UTC)"),
    Message("console.csv.readings", "readings (value; range; in range)"),
    Message("console.csv.corrections", "corrections"), Message("console.csv.notes", "notes"),
    Message("console.csv.photos", "photos"), Message("console.csv.video", "video segments"),
    Message("console.csv.can", "CAN segments"),
)
IN_RANGE = Message("console.csv.in_range", "in range")
OUT_OF_RANGE = Message("console.csv.out_of_range", "OUT OF RANGE")


def safe_cell(value: object) -> str:
    """The text of a cell, with a leading apostrophe if a spreadsheet would run it as a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def steps_csv(view: AssessmentView) -> str:
    """One row per step, the header in the view's language; UTF-8 with a byte-order mark on encoding."""
    lang = view.language
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow([safe_cell(render(c(), lang)) for c in COLUMNS])
    for s in view.steps:
        readings = " | ".join(
            f"{r.label}: {r.value}; {r.range}; "
            + render((IN_RANGE if r.in_range else OUT_OF_RANGE)() if r.in_range is not None else "", lang)
            for r in s.readings)
        writer.writerow([safe_cell(v) for v in (
            s.id, s.title, s.risk, s.status, s.reason, s.person,
            s.started.clock if s.started else "", s.started.wall if s.started else "",
            s.result.clock if s.result else "", s.result.wall if s.result else "",
            readings, " | ".join(s.corrections), " | ".join(s.notes),
            " ".join(p.name for p in s.photos), " ".join(v.segment for v in s.video),
            " ".join(c.name for c in s.can_segments))])
    return out.getvalue()
