"""The learner's PDF certificate of a micro-credential: one A4 page in the learner's language with every
Annex I element, the evidence hash, the credential's id and a QR code to the provider's public page
that checks it. Fonts as the PDF records (Vera, which covers Finnish, Swedish, Spanish and Portuguese)."""

from __future__ import annotations

import html
import io

from babel import Locale
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepInFrame, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from assessor_app.credentials.data import OUTCOME_COMPETENT, CredentialData, text_in
from assessor_app.credentials.wording import ECTS, EQF, EVIDENCE, HOURS, NQF, words
from assessor_app.i18n import babel_locale, check_language, format_date, render
from assessor_app.reports.pdf_layout import BOLD, FONT, MONO, register_fonts

QR_SIZE = 34 * mm
BOTTOM = 14 * mm + QR_SIZE + 8 * mm  # the room the check code takes at the foot
ACCENT = colors.HexColor("#0d47a1")
LEGAL_ID_TYPES = {"vat": "VAT", "business": "NTR", "eidas": "eIDAS"}


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=FONT, fontSize=9, leading=11.5)
    return {
        "body": base,
        "kicker": ParagraphStyle("kicker", parent=base, fontName=BOLD, fontSize=10, textColor=ACCENT,
                                 leading=13),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=18, leading=22),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "name": ParagraphStyle("name", parent=base, fontName=BOLD, fontSize=16, leading=20),
        "label": ParagraphStyle("label", parent=base, fontName=BOLD, fontSize=8.5, leading=11),
        "hash": ParagraphStyle("hash", parent=base, fontName=MONO, fontSize=7, leading=9),
    }


def _esc(text: str) -> str:
    return html.escape(text, quote=False)


def _country(code: str, language: str) -> str:
    name = Locale.parse(babel_locale(language)).territories.get(code.upper())
    return f"{name} ({code.upper()})" if name else code.upper()


def qr_drawing(url: str, size: float = QR_SIZE) -> Drawing:
    """A QR code of ``url`` as a drawing ``size`` points square."""
    widget = QrCodeWidget(url, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    drawing = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    drawing.add(widget)
    return drawing


def certificate_pdf(data: CredentialData, language: str) -> bytes:
    """The certificate as PDF bytes, in ``language`` (one of the product's five)."""
    check_language(language)
    register_fonts()
    w, st = words(language), _styles()

    def p(text: str, style: str = "body") -> Paragraph:
        return Paragraph(_esc(text), st[style])

    body = data.awarding_body
    level = [render(EQF(level=data.eqf_level), language)] + [
        render(NQF(level=n.level, country=n.country), language) for n in data.nqf_levels]
    workload = [render(HOURS(hours=data.workload_hours), language)]
    if data.ects:
        workload.append(render(ECTS(ects=data.ects), language))
    legal = f"{body.legal_id} ({LEGAL_ID_TYPES.get(body.legal_id_type, body.legal_id_type)})"
    grade = w["competent"] if data.grade == OUTCOME_COMPETENT else data.grade
    rows: list[tuple[str, str]] = [
        (w["awarding_body"], body.name), (w["legal_id"], legal), (w["address"], body.address),
        (w["country"], _country(body.country, language)),
        (w["date_of_issue"], format_date(data.issued.date(), language)),
        (w["level"], "; ".join(level)), (w["workload"], "; ".join(workload)),
        (w["assessment_type"], text_in(data.assessment_type, language)),
        (w["participation"], text_in(data.participation, language)),
        (w["quality_assurance"], text_in(data.quality_assurance, language)),
        (w["grade"], grade),
    ]
    for key, texts in (("supervision", data.supervision), ("moderation", data.moderation),
                       ("stackability", data.stackability),
                       ("further_information", data.further_information)):
        if texts:
            rows.append((w[key], text_in(texts, language)))
    if data.prerequisites:
        rows.append((w["prerequisites"], " ".join(text_in(t, language) for t in data.prerequisites)))
    facts = Table([[p(label, "label"), p(value)] for label, value in rows], colWidths=[48 * mm, 122 * mm],
                  hAlign="LEFT")
    facts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1.5),
                               ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                               ("LINEBELOW", (0, 0), (-1, -2), 0.25, colors.HexColor("#cfd8dc"))]))
    story = [
        p(w["micro_credential"].upper(), "kicker"), Spacer(1, 2 * mm),
        p(text_in(data.title, language), "title"),
        Spacer(1, 4 * mm), p(w["awarded_to"]), p(data.learner_name or data.learner_id, "name"),
        p(f"{w['learner_id']}: {data.learner_id}", "small"), Spacer(1, 5 * mm), facts, Spacer(1, 4 * mm),
        p(w["learning_outcomes"], "label"),
    ]
    story += [Paragraph("• " + _esc(text_in(o.text, language)), st["body"]) for o in data.outcomes]
    if data.evidence is not None:
        story += [Spacer(1, 3 * mm), p(w["evidence"], "label"),
                  p(render(EVIDENCE(bundle=data.evidence.bundle_id), language), "small"),
                  p(data.evidence.manifest_sha256, "hash")]
    story += [Spacer(1, 3 * mm), p(w["credential_id"], "label"), p(data.urn, "hash")]
    check = Table([[qr_drawing(data.public_url), [p(w["verify_at"], "small"), p(data.public_url, "hash")]]],
                  colWidths=[QR_SIZE + 4 * mm, 130 * mm])
    check.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm, topMargin=18 * mm,
                            bottomMargin=BOTTOM, title=text_in(data.title, language), author=body.name,
                            subject=data.urn, lang=language, invariant=1)

    def page(canvas, _doc) -> None:  # type: ignore[no-untyped-def]
        canvas.saveState()
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(2)
        canvas.rect(10 * mm, 8 * mm, A4[0] - 20 * mm, A4[1] - 18 * mm)
        check.wrapOn(canvas, doc.width, QR_SIZE)  # the check code sits at the foot of the page
        check.drawOn(canvas, doc.leftMargin, 14 * mm)
        canvas.restoreState()

    # everything else shrinks, if it must, to keep the certificate on one page
    doc.build([KeepInFrame(doc.width, doc.height, story, mode="shrink")], onFirstPage=page)
    return out.getvalue()
