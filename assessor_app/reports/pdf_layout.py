"""Layout pieces shared by the PDF record's sections: fonts, styles, tables, and how values read."""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import reportlab
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Table, TableStyle

from assessor_app.i18n import format_datetime, format_number, format_quantity

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
    prefix = "|x| " if magnitude else ""
    if low is not None and high is not None:
        return f"{prefix}{format_number(low, language)} – {format_quantity(high, unit, language)}"
    if high is not None:
        return f"{prefix}≤ {format_quantity(high, unit, language)}"
    if low is not None:
        return f"{prefix}≥ {format_quantity(low, unit, language)}"
    return ""


def table(rows: list[list[Any]], widths: Sequence[float], *, header: bool = True,
           extra: Sequence[tuple[Any, ...]] = ()) -> Table:
    table = Table(rows, colWidths=list(widths), repeatRows=1 if header else 0)
    style: list[tuple[Any, ...]] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 3), ("RIGHTPADDING", (0, 0), (-1, -1), 3),
        ("TOPPADDING", (0, 0), (-1, -1), 2), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e0e0e0")))
    table.setStyle(TableStyle(style + list(extra)))
    return table
