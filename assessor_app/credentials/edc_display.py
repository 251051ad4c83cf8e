"""The picture of a European Digital Credential in one language: ELM requires each display language
to show an image of the credential (``DisplayParameter/individualDisplay/displayDetail/image``). A plain
A4 page at 72 dpi, drawn with Pillow in the Vera faces the PDF records use."""

from __future__ import annotations

import base64
import io
import os
import textwrap
from functools import cache

import reportlab
from PIL import Image, ImageDraw, ImageFont

from assessor_app.credentials.data import CredentialData, text_in
from assessor_app.credentials.edc_parts import Node, concept
from assessor_app.credentials.wording import EQF, HOURS, words
from assessor_app.i18n import render
from assessor_app.i18n.formatting import format_date

WIDTH, HEIGHT, MARGIN = 595, 842, 48
PNG = ("http://publications.europa.eu/resource/authority/file-type/PNG",
       "http://publications.europa.eu/resource/authority/file-type")
BASE64 = ("http://data.europa.eu/snb/encoding/6146cde7dd", "http://data.europa.eu/snb/encoding/25831c2")


@cache
def _font(bold: bool, size: int) -> ImageFont.FreeTypeFont:
    folder = os.path.join(os.path.dirname(reportlab.__file__), "fonts")
    return ImageFont.truetype(os.path.join(folder, "VeraBd.ttf" if bold else "Vera.ttf"), size)


def display_png(data: CredentialData, language: str) -> bytes:
    """The credential's face in ``language`` as a PNG."""
    w = words(language)
    image = Image.new("L", (WIDTH, HEIGHT), 255)
    draw = ImageDraw.Draw(image)
    y = MARGIN
    draw.rectangle((18, 18, WIDTH - 18, HEIGHT - 18), outline=90, width=3)

    def line(text: str, size: int = 12, bold: bool = False, gap: int = 6, width: int = 70) -> None:
        nonlocal y
        for piece in textwrap.wrap(text, width=width) or [""]:
            draw.text((MARGIN, y), piece, font=_font(bold, size), fill=0)
            y += size + 4
        y += gap

    line(w["micro_credential"].upper(), 14, True, 14)
    line(text_in(data.title, language), 20, True, 18, width=40)
    line(w["awarded_to"], 11)
    line(data.learner_name or data.learner_id, 22, True, 18, width=36)
    line(f"{w['awarding_body']}: {data.awarding_body.name} ({data.awarding_body.country})", 11)
    line(f"{w['date_of_issue']}: {format_date(data.issued.date(), language)}", 11)
    line(f"{w['level']}: {render(EQF(level=data.eqf_level), language)}", 11)
    line(f"{w['workload']}: {render(HOURS(hours=data.workload_hours), language)}", 11, gap=14)
    line(w["learning_outcomes"], 12, True)
    for outcome in data.outcomes:
        line("• " + text_in(outcome.text, language), 10, gap=2, width=84)
    y = HEIGHT - MARGIN - 40
    line(f"{w['credential_id']}: {data.urn}", 9, gap=2)
    line(data.public_url, 9)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()


def display_image(data: CredentialData, language: str, node_id: str) -> Node:
    """The ELM MediaObject of the credential's face in ``language``."""
    return {"id": node_id, "type": "MediaObject",
            "content": base64.b64encode(display_png(data, language)).decode("ascii"),
            "contentType": concept(PNG[0], PNG[1], "PNG"),
            "contentEncoding": concept(BASE64[0], BASE64[1], "base64")}
