"""PDF tables: every word of a cell fits its column whole, in any language; the design's widths
change only as much as the words need."""

from __future__ import annotations

import pytest
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph

from assessor_app.reports.pdf_layout import BOLD, PADDING, fit_widths, register_fonts, styles, table


@pytest.fixture(scope="module")
def st():
    register_fonts()
    return styles()


def _width(word: str, style) -> float:
    return stringWidth(word, style.fontName, style.fontSize)


def test_widths_that_fit_their_words_are_kept(st):
    rows = [[Paragraph("Step", st["bold"]), Paragraph("Time", st["bold"])],
            [Paragraph("01 Identify the vehicle", st["cell"]), Paragraph("0:01:15", st["cell"])]]
    assert fit_widths(rows, [150.0, 50.0]) == [150.0, 50.0]


def test_a_column_too_narrow_for_its_longest_word_takes_room_from_the_others(st):
    rows = [[Paragraph("Ficheiro", st["bold"]), Paragraph("Tamanho", st["bold"]),
             Paragraph("Duração", st["bold"])],
            [Paragraph("data/record.json", st["cell"]), Paragraph("81.5 KB", st["cell"]),
             Paragraph("0.0 s", st["cell"])]]
    design = [175.0, 51.0, 30.0]  # "Duração" in bold needs more than 30 pt
    widths = fit_widths(rows, design)
    assert widths is not None
    assert sum(widths) == pytest.approx(sum(design))
    assert widths[2] >= _width("Duração", st["bold"]) + 2 * PADDING
    assert widths[1] >= _width("Tamanho", st["bold"]) + 2 * PADDING
    assert widths[0] < design[0]  # the room came from the column with the most to spare


def test_no_widths_when_the_table_cannot_hold_its_words(st):
    rows = [[Paragraph("Korkeajännitejärjestelmän", st["bold"]), Paragraph("jännitteettömäksi", st["bold"])]]
    assert fit_widths(rows, [40.0, 40.0]) is None


def test_headers_too_long_for_the_table_are_set_smaller_and_kept_whole(st):
    words = ["Realizado", "Duración", "Resultado", "Mediciones"]
    bold = st["bold"]
    need = [_width(w, bold) + 2 * PADDING for w in words]
    design = [n - 4 for n in need]  # a little short of every header: no room to take from
    made = table([[Paragraph(w, bold) for w in words], [Paragraph("x", st["cell"])] * 4], design)
    header = made._cellvalues[0]
    assert all(cell.style.fontName == BOLD and cell.style.fontSize < bold.fontSize for cell in header)
    for cell, width in zip(header, made._colWidths, strict=True):
        assert _width(cell.text, cell.style) + 2 * PADDING <= width
    assert sum(made._colWidths) == pytest.approx(sum(design))


def test_a_path_wider_than_its_column_breaks_after_a_slash(st):
    path = "data/captures/can/can01-00001-nostep.blf.host-ns"
    made = table([[Paragraph("File", st["bold"])], [Paragraph(path, st["cell"])]], [150.0])
    cell = made._cellvalues[1][0]
    assert cell.text == "data/captures/can/<br/>can01-00001-nostep.blf.host-ns"
    short = table([[Paragraph("File", st["bold"])], [Paragraph("data/record.json", st["cell"])]], [150.0])
    assert short._cellvalues[1][0].text == "data/record.json"


def test_a_row_taller_than_a_page_goes_on_over_the_page_break_and_shorter_rows_stay_whole(st, tmp_path):
    """A step with many readings (HV battery diagnostics: ten readings and their checks) made the
    record fail to build; such a row now goes on over the page; a row that fits a page is not cut."""
    from pypdf import PdfReader
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate

    readings = "<br/>".join(f"Reading {n}: {n}.5 V (pass range 1 V to 20 V)" for n in range(90))
    rows = [[Paragraph("Step", st["bold"]), Paragraph("Readings", st["bold"])],
            [Paragraph("04 Read BMS live data", st["cell"]), Paragraph(readings, st["cell"])],
            [Paragraph("05 Next step", st["cell"]), Paragraph("kept whole", st["cell"])]]
    out = tmp_path / "tall.pdf"
    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm,
                            topMargin=15 * mm, bottomMargin=18 * mm)
    doc.build([table(rows, [200.0, 300.0])])
    pages = [page.extract_text() for page in PdfReader(out).pages]
    assert len(pages) >= 2
    text = "\n".join(pages)
    assert all(f"Reading {n}: {n}.5" in text for n in range(90))
    assert sum("05 Next step" in page for page in pages) == 1
