"""Layout pieces shared by the PDF record's sections: fonts, styles, tables, and how values read.

Tables break their cells' text between words in every language: each column is at least as wide
as its longest word (a Spanish or Portuguese header is often longer than the English).
"""

from __future__ import annotations

import html
import os
import re
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

import reportlab
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, Table, TableStyle

from assessor_app.i18n import format_datetime, format_quantity, format_range

FONT, BOLD, MONO = "AssessorVera", "AssessorVera-Bold", "Courier"
OUTCOME_COLOURS = {
    "competent": colors.HexColor("#1b5e20"), "not_yet_competent": colors.HexColor("#b71c1c"),
    "incomplete": colors.HexColor("#e65100"), "abandoned": colors.HexColor("#424242"),
    "stopped_safely": colors.HexColor("#0d47a1"),
}
FAILED_ROW = colors.HexColor("#ffcdd2")
GRID = colors.HexColor("#9e9e9e")


def register_fonts() -> None:
    if FONT in pdfmetrics.getRegisteredFontNames():
        return
    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    pdfmetrics.registerFont(TTFont(FONT, os.path.join(folder, "Vera.ttf")))
    pdfmetrics.registerFont(TTFont(BOLD, os.path.join(folder, "VeraBd.ttf")))


def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9),
        "mono": ParagraphStyle("mono", parent=base, fontName=MONO, fontSize=7, leading=8.5),
        # a SHA-256 in hex has no break points: small enough to fit its column whole
        "hash": ParagraphStyle("hash", parent=base, fontName=MONO, fontSize=5.8, leading=8),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=16, leading=20),
        "h2": ParagraphStyle("h2", parent=base, fontName=BOLD, fontSize=11.5, leading=14,
                             spaceBefore=8, spaceAfter=4, keepWithNext=1),  # never alone at a page foot
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10),
        "bold": ParagraphStyle("bold", parent=base, fontName=BOLD),
    }


def esc(text: object) -> str:
    return (str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;"))


def when(wall_us: int, language: str = "en") -> str:
    """The moment in the record's language (day and time, UTC)."""
    return format_datetime(datetime.fromtimestamp(wall_us / 1e6, UTC), language) + " UTC"


def clock(t_us: int | None, t0_us: int) -> str:
    if t_us is None:
        return ""
    seconds = max(0, (t_us - t0_us) // 1_000_000)
    return f"{seconds // 3600:d}:{seconds // 60 % 60:02d}:{seconds % 60:02d}"


def size(n: int, language: str = "en") -> str:
    value = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return format_quantity(value, unit, language, 0 if unit == "B" else 1)
        value /= 1024
    return str(n)


def value_range(low: float | None, high: float | None, unit: str, magnitude: bool,
                language: str = "en") -> str:
    return format_range(low, high, unit, magnitude, language)


#: The room left and right of a cell's text, in points.
PADDING = 3


def _cell_words(cell: Any) -> Iterator[tuple[str, ParagraphStyle]]:
    """Each word a cell shows (a paragraph, or a list of them), with its paragraph's style."""
    if isinstance(cell, Paragraph):
        for word in html.unescape(re.sub(r"<[^>]*>", " ", cell.text)).split():
            yield word, cell.style
    elif isinstance(cell, list | tuple):
        for part in cell:
            yield from _cell_words(part)


def _pieces(word: str) -> list[str]:
    """Where a word may break: a path (``data/captures/can/…``) after each slash, nowhere else."""
    return re.findall(r"[^/]*/|[^/]+$", word) if "/" in word.strip("/") else [word]


def _word_width(word: str, style: ParagraphStyle) -> float:
    return max(stringWidth(piece, style.fontName, style.fontSize) for piece in _pieces(word))


def _needs(rows: Sequence[Sequence[Any]], columns: int) -> list[float]:
    """Each column's narrowest width that shows all its words whole: its longest word and padding."""
    needs = [0.0] * columns
    for row in rows:
        for column, cell in enumerate(row):
            for word, style in _cell_words(cell):
                needs[column] = max(needs[column], _word_width(word, style) + 2 * PADDING + 0.5)
    return needs


def fit_widths(rows: Sequence[Sequence[Any]], widths: Sequence[float]) -> list[float] | None:
    """``widths`` (in points) changed as little as needed for every word of every cell to fit its
    column whole: a column too narrow for its longest word takes the room from the others, in
    proportion to what each has to spare; the total stays. None when the total is too narrow."""
    needs = _needs(rows, len(widths))
    if sum(needs) > sum(widths):
        return None
    short = sum(max(0.0, need - width) for need, width in zip(needs, widths, strict=True))
    spare = [max(0.0, width - need) for need, width in zip(needs, widths, strict=True)]
    if short == 0:
        return list(widths)
    return [max(width, need) - (free / sum(spare) * short if free else 0.0)
            for width, need, free in zip(widths, needs, spare, strict=True)]


def _break_paths(rows: list[list[Any]], widths: Sequence[float]) -> None:
    """A path wider than its column is shown in lines that each end at a slash (reportlab would
    break it anywhere)."""
    for row in rows:
        for column, cell in enumerate(row):
            if not isinstance(cell, Paragraph) or "<" in cell.text:
                continue
            room = widths[column] - 2 * PADDING
            style = cell.style
            words = cell.text.split(" ")
            if all(stringWidth(word, style.fontName, style.fontSize) <= room for word in words):
                continue
            shown = []
            for word in words:
                lines = [""]
                for piece in _pieces(word):
                    if lines[-1] and stringWidth(lines[-1] + piece, style.fontName, style.fontSize) > room:
                        lines.append("")
                    lines[-1] += piece
                shown.append("<br/>".join(lines))
            row[column] = Paragraph(" ".join(shown), style)


def _smaller(cell: Any) -> Any:
    """A header cell in a smaller face, for a table too narrow for its headers' words."""
    if not isinstance(cell, Paragraph):
        return cell
    style = cell.style
    return Paragraph(cell.text, ParagraphStyle(f"{style.name}-small", parent=style,
                                               fontSize=style.fontSize * 0.8, leading=style.leading * 0.8))


#: the height of a page's body: A4 less the record's margins (15 mm top, 18 mm bottom) and the frame's padding
PAGE_BODY_HEIGHT = A4[1] - 33 * mm - 12


class _Table(Table):
    """A table that keeps a row on one page, except a row taller than a page (a step with many readings
    and checks), which goes on over the page break rather than stopping the record."""

    def split(self, availWidth: float, availHeight: float) -> list[Any]:  # noqa: N803 (reportlab's names)
        parts: list[Any] = super().split(availWidth, availHeight)
        heights = [h for h in (getattr(self, "_rowHeights", None) or []) if h is not None]
        if parts or not heights or max(heights) <= PAGE_BODY_HEIGHT:
            return parts
        self.splitInRow = 1
        try:
            return list(super().split(availWidth, availHeight))
        finally:
            self.splitInRow = 0


def table(rows: list[list[Any]], widths: Sequence[float], *, header: bool = True,
           extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    """A table whose cells break between words, never inside one: the columns are widened to their
    longest word (``widths`` is the design, in points), and, if that is not enough, the headers set
    smaller; a path breaks after a slash."""
    fitted = fit_widths(rows, widths)
    if fitted is None and header and rows:
        smaller = [[_smaller(cell) for cell in rows[0]], *rows[1:]]
        fitted = fit_widths(smaller, widths)
        if fitted is not None:
            rows = smaller
    if fitted is None:  # no room for every word: each column short by the same share
        needs = _needs(rows, len(widths))
        fitted = [need * sum(widths) / sum(needs) for need in needs]
    rows = [list(row) for row in rows]
    _break_paths(rows, fitted)
    table = _Table(rows, colWidths=fitted, repeatRows=1 if header else 0)
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING), ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")))
    table.setStyle(TableStyle(style + list(extra)))
    return table
