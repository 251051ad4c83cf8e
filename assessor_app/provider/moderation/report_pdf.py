"""A cycle report as a PDF (A4 landscape), in the words and number format of the report view's language."""

from __future__ import annotations

import io
from typing import Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from assessor_app.i18n import render
from assessor_app.provider.moderation import report_messages as R
from assessor_app.provider.moderation.report_view import (
    AGREEMENT_PART,
    OUTCOME_PART,
    Cell,
    MatrixView,
    ReportView,
    TableView,
)
from assessor_app.reports.pdf_layout import FONT, esc, register_fonts, styles, table

PAGE = landscape(A4)
WIDTH = PAGE[0] - 30 * mm
UNDEFINED = "#6d4c41"
CRITICAL = colors.HexColor("#ffcdd2")
AGREED = colors.HexColor("#e8f5e9")


def _cell(cell: Cell, st: dict[str, Any]) -> Paragraph:
    if cell.undefined:
        return Paragraph(f"<i><font color='{UNDEFINED}'>{esc(cell.text)}</font></i>", st["small"])
    return Paragraph(esc(cell.text), st["cell"])


def _summary(t: TableView, part: slice, st: dict[str, Any]) -> Flowable:
    headers = t.headers[part]
    rows: list[list[Any]] = [[Paragraph(esc(h), st["bold"]) for h in (t.key_header, *headers)]]
    for g in t.groups:
        rows.append([Paragraph(esc(g.key), st["cell"]), *(_cell(c, st) for c in g.cells[part])])
    key = 45 * mm
    return table(rows, [key, *([(WIDTH - key) / len(headers)] * len(headers))])


def _matrix(m: MatrixView, st: dict[str, Any]) -> list[Flowable]:
    if not m.labels:
        return []
    rows: list[list[Any]] = [[Paragraph("", st["cell"]),
                              *(Paragraph(esc(x), st["bold"]) for x in m.labels)]]
    for label, counts in zip(m.labels, m.rows, strict=True):
        rows.append([Paragraph(esc(label), st["bold"]), *(Paragraph(esc(c), st["cell"]) for c in counts)])
    width = min(WIDTH, 30 * mm * (len(m.labels) + 1))
    diagonal = [("BACKGROUND", (i + 1, i + 1), (i + 1, i + 1), AGREED) for i in range(len(m.labels))]
    grid = table(rows, [width / (len(m.labels) + 1)] * (len(m.labels) + 1), extra=diagonal)
    grid.hAlign = "LEFT"
    return [KeepTogether([Paragraph(esc(m.title), st["body"]), Spacer(1, 1 * mm), grid, Spacer(1, 3 * mm)])]


def render_report_pdf(view: ReportView) -> bytes:
    """The report as PDF bytes."""
    register_fonts()
    st = styles()
    story: list[Flowable] = [Paragraph(esc(view.title), st["title"]), Spacer(1, 2 * mm),
                             Paragraph(esc(view.period), st["body"]), Paragraph(esc(view.state), st["body"]),
                             Spacer(1, 3 * mm), Paragraph(esc(render(R.KPI(), view.language)), st["h2"])]
    story += [Paragraph(esc(line), st["body"]) for line in view.kpis]
    if view.unreadable:
        story.append(Paragraph(f"<font color='#b71c1c'>{esc(view.unreadable)}</font>", st["body"]))
    overall = view.tables[0]
    story += [Paragraph(esc(overall.title), st["h2"])]
    if not view.has_verdicts:
        story.append(Paragraph(esc(render(R.NO_VERDICTS(), view.language)), st["body"]))
    story += [_summary(overall, AGREEMENT_PART, st), Spacer(1, 2 * mm), _summary(overall, OUTCOME_PART, st),
              Spacer(1, 3 * mm)]
    story += _matrix(overall.groups[0].steps, st) + _matrix(overall.groups[0].rubric, st)
    story.append(Paragraph(esc(render(R.CRITICAL_TITLE(), view.language)), st["h2"]))
    if view.critical:
        rows: list[list[Any]] = [[Paragraph(esc(h), st["bold"]) for h in view.critical_headers]]
        rows += [[Paragraph(esc(c), st["cell"]) for c in row] for row in view.critical]
        shares = (0.13, 0.12, 0.12, 0.1, 0.1, 0.33, 0.1)
        story.append(table(rows, [WIDTH * s for s in shares],
                           extra=[("BACKGROUND", (0, 1), (-1, -1), CRITICAL)]))
    else:
        story.append(Paragraph(esc(render(R.CRITICAL_NONE(), view.language)), st["body"]))
    for t in view.tables[1:]:
        if not t.groups:
            continue
        story += [Paragraph(esc(t.title), st["h2"]), _summary(t, AGREEMENT_PART, st), Spacer(1, 2 * mm),
                  _summary(t, OUTCOME_PART, st), Spacer(1, 3 * mm)]
        if t.grouping == "checklist":  # a checklist's matrices tell which steps' results are confused
            for g in t.groups:
                story.append(Paragraph(esc(render(R.GROUP_MATRICES(group=g.key), view.language)), st["bold"]))
                story += _matrix(g.steps, st) + _matrix(g.rubric, st)

    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=PAGE, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
                            bottomMargin=18 * mm, title=view.title, author="", subject=view.cycle)

    def on_page(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.drawString(15 * mm, 10 * mm, f"{view.title} · {view.made}")
        canvas.drawRightString(PAGE[0] - 15 * mm, 10 * mm,
                               render(R.PDF_PAGE(page=document.page), view.language))
        canvas.restoreState()

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return out.getvalue()
