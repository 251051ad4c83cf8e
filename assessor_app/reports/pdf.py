"""The PDF assessment record (reportlab): one document a person can read, file and check.

Rendered from the same assessment record that goes into the bundle, in one language. The
fonts are the Bitstream Vera faces that ship with reportlab (they cover every language the
checklists use, and Ω, µ, ≤, ≥), so the record looks the same on every workstation. Output is
reproducible: the same record gives the same bytes.
"""

from __future__ import annotations

import functools
import io
import itertools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)
from reportlab.platypus.flowables import Flowable

from assessor_app.core.specs.models import ChecklistSpec
from assessor_app.i18n import format_quantity, render_stored
from assessor_app.reports.pdf_diagnostics import diagnostic_lines
from assessor_app.reports.pdf_identity import commitment_lines, identity_block
from assessor_app.reports.pdf_identity import identity_lines as identity_lines  # the full record's lines
from assessor_app.reports.pdf_layout import FAILED_ROW, FONT, OUTCOME_COLOURS
from assessor_app.reports.pdf_layout import clock as _clock
from assessor_app.reports.pdf_layout import esc as _esc
from assessor_app.reports.pdf_layout import register_fonts as _register_fonts
from assessor_app.reports.pdf_layout import size as _size
from assessor_app.reports.pdf_layout import styles as _styles
from assessor_app.reports.pdf_layout import table as _table
from assessor_app.reports.pdf_layout import value_range as _range
from assessor_app.reports.pdf_layout import when as _when
from assessor_app.reports.pdf_step import annex_i_block, correction_lines, step_extra_lines
from assessor_app.reports.wording import wording


@dataclass(frozen=True)
class EvidenceItem:
    """A file of the bundle as the evidence index lists it."""

    name: str
    size: int
    sha256: str
    seconds: float | None = None  # recording length, for video and logs


@dataclass(frozen=True)
class SealFacts:
    """What the seal fixes; known before signing, so the record can carry it."""

    bundle_id: str
    manifest_sha256: str
    chain_head: str
    fingerprints: Mapping[str, str] = field(default_factory=dict)  # "device" / assessor id -> key id

    @property
    def device_key_id(self) -> str:
        """The sealing workstation's key id: with the bundle id, what names the bundle unambiguously."""
        return self.fingerprints.get("device", "")

    @property
    def qr_text(self) -> str:
        return (f"assessor-bundle:v2:{self.bundle_id}:{self.device_key_id}"
                f":sha256:{self.manifest_sha256}")


@functools.lru_cache(maxsize=8)
def _qr_modules(text: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's dark modules, encoded once per text (every language shares one seal)."""
    code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    code.addData(text)
    code.make()
    return tuple(tuple(bool(m) for m in row) for row in code.modules)


class _Qr(Flowable):
    """A QR code drawn as one filled path of horizontal runs (a quiet zone of 4 modules)."""

    def __init__(self, text: str, size: float):
        super().__init__()
        self.text, self.size = text, size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        modules = _qr_modules(self.text)
        box = self.size / (len(modules) + 8)
        path = self.canv.beginPath()
        for r, row in enumerate(modules):
            c = 0
            for dark, run in itertools.groupby(row):
                count = len(list(run))
                if dark:
                    path.rect((c + 4) * box, self.size - (r + 5) * box, count * box, box)
                c += count
        self.canv.drawPath(path, stroke=0, fill=1)


def render_record(
    record: Mapping[str, Any], spec: ChecklistSpec, language: str = "en", *,
    evidence: Sequence[EvidenceItem] = (), seal: SealFacts | None = None,
    identity: Mapping[str, Any] | None = None,
) -> bytes:
    """The record as PDF bytes; without ``seal`` it is marked as a draft.

    With ``identity`` (the identity document of an assessment that keeps identity apart) it is the
    full record, names and VIN shown; without, such a record is anonymised (pseudonymous ids and
    commitments only).
    """
    _register_fonts()
    w, st = wording(language), _styles()
    started = record["started"]
    events = record.get("events", [])
    t0 = events[0]["t_us"] if events else 0
    wall0 = events[0]["wall_us"] if events else 0
    t_end = events[-1]["t_us"] if events else 0

    def p(text: object, style: str = "cell") -> Paragraph:
        return Paragraph(_esc(text), st[style])

    story: list[Flowable] = [
        Paragraph(_esc(f"{w['title']}: {spec.title.get_text(language)}"), st["title"]),
        Spacer(1, 3 * mm),
    ]
    if seal is None:
        story += [Paragraph(f"<font color='#b71c1c'>{_esc(w['draft'])}</font>", st["bold"]),
                  Spacer(1, 2 * mm)]
    vehicle = started.get("vehicle", {})
    vehicle_text = " · ".join(str(x) for x in (
        vehicle.get("description"), vehicle.get("vin"),
        format_quantity(vehicle["working_voltage_v"], "V", language) if vehicle.get("working_voltage_v")
        else None) if x)
    checklist, params = started["checklist"], started["parameter_set"]

    def person(key: str) -> str:
        who = started.get(key, {})
        name, pid = who.get("name", ""), who.get("id", "")
        return f"{name} ({pid})" if name and pid and name != pid else name or pid

    heading = [
        (w["workshop"], person("workshop")), (w["candidate"], person("candidate")),
        (w["assessor"], person("assessor")), (w["vehicle"], vehicle_text),
        (w["checklist"], f"{checklist['id']} {checklist['version']} (sha256 {checklist['sha256'][:16]}…)"),
        (w["parameters"], f"{params['id']} {params['version']}"
         + (f" ({w['generic_params']})" if (record.get("parameter_set") or {}).get("generic") else "")),
        (w["date"], _when(wall0, language) if events else ""),
        (w["duration"], _clock(t_end, t0)),
        (w["assessment_id"], record["assessment_id"]),
    ]
    heading += commitment_lines(started, language)
    story.append(_table([[p(k, "bold"), p(v)] for k, v in heading], (45 * mm, 135 * mm),
                        header=False))
    story += identity_block(started, identity, language, st, p)

    outcome = record.get("outcome") or record.get("phase", "in_progress")
    colour = OUTCOME_COLOURS.get(outcome, colors.black)
    story += [Spacer(1, 4 * mm), Paragraph(
        f"{_esc(w['outcome'])}: <font color='{colour.hexval()}'>{_esc(w.get(outcome, outcome))}</font>",
        ParagraphStyle("outcome", parent=st["title"], fontSize=14))]
    stopped = record.get("stopped_by")
    if stopped:
        hazard = record.get("stop_kind") == "hazard"  # a correct stop, not a candidate failure
        said, tint = (w["stopped_hazard"], "#0d47a1") if hazard else (w["stopped_by"], "#b71c1c")
        story.append(Paragraph(
            f"<font color='{tint}'>{_esc(said)}: {_esc(stopped)} "
            f"{_esc(spec.step(stopped).title.get_text(language))}</font>", st["bold"]))
    reasons = [e["payload"].get("reasons", []) for e in events
               if e["kind"] in ("assessment_finished", "assessment_abandoned")]
    for reason in (reasons[-1] if reasons else []):  # messages (an older record: English text)
        story.append(Paragraph(f"• {_esc(render_stored(reason, language))}", st["body"]))

    story.append(Paragraph(_esc(w["steps"]), st["h2"]))
    rows: list[list[Any]] = [[p(w["step"], "bold"), p(w["risk"], "bold"), p(w["result"], "bold"),
                              p(w["person"], "bold"), p(w["time"], "bold"), p(w["readings"], "bold")]]
    extra: list[tuple[Any, ...]] = []
    for step in spec.steps:
        s = record["steps"][step.id]
        labels = {m.id: m.label.get_text(language) for m in step.measurements}
        history = s.get("readings", [])
        retried = len({r["attempt"] for r in history}) > 1
        readings: list[Paragraph] = []
        for got in history:
            rng = got.get("range") or {}
            verdict = w["in_range"] if got["in_range"] else w["out_of_range"]
            bounds = _range(rng.get("min"), rng.get("max"), got["unit"], bool(rng.get("magnitude")),
                            language)
            attempt = f"[{w['attempt']} {got['attempt']}] " if retried else ""
            tool = ", ".join(str(got[k]) for k in ("instrument", "range_label") if got.get(k))
            readings.append(p(f"{attempt}{labels.get(got['measurement'], got['measurement'])}: "
                              f"{format_quantity(got['value'], got['unit'], language)}"
                              + (f" ({w['range']} {bounds}; {verdict})" if bounds else "")
                              + (f" [{w['instrument']} {tool}]" if tool else "")))
        diagnostics = diagnostic_lines(step, s.get("diagnostics") or {}, w, language)
        diagnostics += step_extra_lines(step, s, w, language)
        readings += [Paragraph(text, st["cell"]) for text, _alert in diagnostics]
        result = w.get(s["status"], s["status"])
        readings[:0] = [Paragraph(text, st["cell"]) for text in correction_lines(s, w, t0, language)]
        if s.get("corrections"):  # the reason now standing is the correction's, said with it
            result += f" ({w['corrected']})"
        elif s.get("reason"):
            result += f" ({w['reason']}: {render_stored(s['reason'], language)})"
        rows.append([p(f"{step.id} {step.title.get_text(language)}"), p(w.get(step.risk, step.risk)),
                     p(result), p(s.get("person") or ""), p(_clock(s.get("result_t_us"), t0)),
                     readings])
        if s["status"] == "failed" or any(not r["in_range"] for r in history) or any(
                alert for _text, alert in diagnostics):
            extra.append(("BACKGROUND", (0, len(rows) - 1), (-1, len(rows) - 1), FAILED_ROW))
    story.append(_table(rows, (58 * mm, 18 * mm, 24 * mm, 20 * mm, 15 * mm, 45 * mm), extra=extra))

    rubric = spec.rubric
    story.append(Paragraph(_esc(w["rubric"]), st["h2"]))
    rrows: list[list[Any]] = [[p(w["criterion"], "bold"), p(w["score"], "bold")]]
    for c in rubric.criteria:
        score = record.get("rubric", {}).get(c.id)
        label = rubric.scale.labels.get(str(score)) if score is not None else None
        text = "" if score is None else f"{score} / {rubric.scale.max}" + (
            f" – {label.get_text(language)}" if label else "")
        rrows.append([p(c.title.get_text(language)), p(text)])
    story.append(_table(rrows, (110 * mm, 70 * mm)))
    if rubric.minimum is not None:
        story.append(p(f"{w['minimum']}: {rubric.minimum}", "small"))

    story.append(Paragraph(_esc(w["signoffs"]), st["h2"]))
    srows: list[list[Any]] = [[p(w["role"], "bold"), p(w["name"], "bold"), p(w["time"], "bold")]]
    for s in record.get("signoffs", []):
        srows.append([p(w.get(f"role_{s['role']}", s["role"])), p(s.get("name") or s.get("person", "")),
                      p(_clock(s.get("t_us"), t0))])
    story.append(_table(srows, (50 * mm, 95 * mm, 35 * mm)))
    consent = record.get("consent")
    if consent:
        agreed = w["video_agreed"] if consent.get("video") else w["video_refused"]
        story.append(p(f"{w['consent']}: {agreed}, {w['given_by']} {consent.get('person', '')}", "body"))
    if record.get("notes"):
        story.append(Paragraph(_esc(w["notes"]), st["h2"]))
        for note in record["notes"]:
            where = f"[{note['step']}] " if note.get("step") else ""
            story.append(p(f"{_clock(note.get('t_us'), t0)} {where}{note.get('text', '')}", "body"))

    story += annex_i_block(record, w, st, p)
    story += _evidence(record, evidence, w, st, p, t0,
                       diagnostics=any(step.diagnostics for step in spec.steps), language=language)
    if seal is not None:
        story.append(KeepTogether(_seal(seal, w, st, p)))
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out, pagesize=A4, leftMargin=15 * mm, rightMargin=15 * mm, topMargin=15 * mm,
        bottomMargin=18 * mm, title=f"{w['title']} {record['assessment_id']}",
        author=person("assessor"), subject=spec.title.get_text(language), creator="assessor-app",
        lang=language, invariant=1,
    )
    footer = f"{record['assessment_id']} · {spec.id} {spec.version}"

    def on_page(canvas: Any, document: Any) -> None:
        canvas.saveState()
        canvas.setFont(FONT, 7)
        canvas.drawString(15 * mm, 10 * mm, footer)
        canvas.drawRightString(A4[0] - 15 * mm, 10 * mm, f"{w['page']} {document.page}")
        canvas.restoreState()

    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return out.getvalue()


def _evidence(record: Mapping[str, Any], evidence: Sequence[EvidenceItem], w: Mapping[str, str],
              st: Mapping[str, ParagraphStyle], p: Any, t0: int, *, diagnostics: bool,
              language: str = "en") -> list[Flowable]:
    story: list[Flowable] = [Paragraph(_esc(w["evidence"]), st["h2"])]
    rows: list[list[Any]] = [[p(w["file"], "bold"), p(w["size"], "bold"), p(w["length"], "bold"),
                              p(w["sha256"], "bold")]]
    for item in evidence:
        length = "" if item.seconds is None else format_quantity(item.seconds, "s", language, 1)
        rows.append([p(item.name), p(_size(item.size, language)), p(length), p(item.sha256, "hash")])
    story.append(_table(rows, (62 * mm, 18 * mm, 16 * mm, 84 * mm)))
    capture = record.get("capture", {})
    gaps = capture.get("gaps", [])
    story.append(Paragraph(_esc(w["gaps"]), st["h2"]))
    if not gaps:
        story.append(p(w["no_gaps"], "body"))
    else:
        grows: list[list[Any]] = [[p(w["device"], "bold"), p(w["from"], "bold"), p(w["to"], "bold"),
                                   p(w["reason"], "bold")]]
        for g in gaps:
            end = _clock(g["t_end_us"], t0) if g.get("t_end_us") is not None else w["open"]
            grows.append([p(g["device"]), p(_clock(g["t_start_us"], t0)), p(end), p(g["reason"])])
        story.append(_table(grows, (50 * mm, 20 * mm, 20 * mm, 90 * mm)))
    story.append(p(f"{w['dropped']}: {capture.get('dropped_frames', 0)}", "body"))
    if capture.get("dropped_can_frames"):
        story.append(p(f"{w['dropped_can']}: {capture['dropped_can_frames']}", "body"))
    adapter = record.get("diagnostics_adapter")
    if adapter:
        story.append(p(f"{w['diag_adapter']}: {adapter['device']}", "body"))
    elif diagnostics:  # the checklist asks for diagnostics: say why there are none
        story.append(p(w["diag_no_adapter"], "body"))
    return story


def _seal(seal: SealFacts, w: Mapping[str, str], st: Mapping[str, ParagraphStyle],
          p: Any) -> list[Flowable]:
    # the bundle is named by its id together with the workstation that sealed it (as in the QR code)
    facts = [(w["bundle_id"], seal.bundle_id)]
    for owner, fp in sorted(seal.fingerprints.items(), key=lambda item: item[0] != "device"):
        facts.append((w["device_key"] if owner == "device" else f"{w['assessor_key']} ({owner})", fp))
    facts += [(w["manifest"], seal.manifest_sha256), (w["chain_head"], seal.chain_head)]
    rows = [[p(k, "bold"), p(v, "mono")] for k, v in facts]
    side = Table([[_table(rows, (38 * mm, 102 * mm), header=False), _Qr(seal.qr_text, 36 * mm)]],
                 colWidths=[142 * mm, 38 * mm])
    side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    return [Paragraph(_esc(w["seal"]), st["h2"]), side, Spacer(1, 2 * mm), p(w["qr"], "small")]
