"""What the PDF record shows of a step beyond its readings: the data recorded and its checks, oral
answers, the assessor's prompts and interventions, corrections of its result, photos, and the
declared evidence that is missing and why; and the Annex I facts a credential is issued from."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph

from assessor_app.core.specs.models import Step
from assessor_app.i18n import format_quantity, render_stored
from assessor_app.reports.pdf_layout import clock, esc, table


def _red(text: str) -> str:
    return f"<font color='#b71c1c'>{text}</font>"


def _value(value: Any, unit: str | None, w: Mapping[str, str], language: str = "en") -> str:
    if value is True:
        return w["yes"]
    if value is False:
        return w["no"]
    if isinstance(value, float):
        return format_quantity(value, unit or "", language)
    return str(value)


def step_extra_lines(step: Step, s: Mapping[str, Any], w: Mapping[str, str],
                     language: str) -> list[tuple[str, bool]]:
    """Markup lines for the step's cell, each with whether it calls for attention."""
    lines: list[tuple[str, bool]] = []
    data = s.get("data") or {}
    for field in step.fields:  # in the checklist's order
        entry = data.get(field.id)
        if not isinstance(entry, Mapping):
            continue
        value = entry.get("value")
        shown = field.choice_label(value, language) or _value(value, field.unit, w, language)
        text = escape(f"{field.label.get_text(language)}: {shown}")
        if entry.get("ok") is False:
            reason = render_stored(entry.get("reason", ""), language)
            lines.append((text + " " + _red(escape(f"{w['check_failed']}: {reason}")), True))
        else:
            lines.append((text, False))
    questions = {q.id: q.text.get_text(language) for q in step.questions}
    for qid, answer in (s.get("answers") or {}).items():
        verdict = escape(w["correct"]) if answer.get("correct") else _red(escape(w["incorrect"]))
        lines.append((escape(f"{questions.get(qid, qid)} – {answer.get('answer', '')} – ") + verdict,
                      not answer.get("correct")))
    for i in s.get("interventions") or []:
        kind = w["intervention"] if i.get("intervention") == "intervention" else w["prompt"]
        lines.append((_red(escape(f"{kind}: {i.get('note', '')}")), True))
    if s.get("hazard_lock"):
        lines.append((_red(escape(f"{render_stored(s['hazard_lock'], language)}: {w['locked']}")), True))
    if s.get("reopened"):
        lines.append((escape(f"{w['reopened']} ×{s['reopened']}"), False))
    photos = s.get("photos") or []
    if photos:
        shown = ", ".join(str(ph.get("evidence")) for ph in photos)
        lines.append((escape(f"{w['photos']}: {shown}"), False))
    evidence = s.get("evidence") or {}
    missing = [m for m in evidence.get("missing") or [] if m.get("why") not in ("step not done",
                                                                                 "not applicable")]
    if missing:
        said = "; ".join(f"{w.get('ev_' + m['kind'], m['kind'])}: {w.get('why:' + m['why'], m['why'])}"
                         for m in missing)
        lines.append((_red(escape(f"{w['missing']}: {said}")), False))
    return lines


_STATUS_WORD = {"pass": "passed", "fail": "failed", "na": "na", "hazard": "hazard"}


def correction_lines(s: Mapping[str, Any], w: Mapping[str, str], t0: int, language: str = "en") -> list[str]:
    """Markup lines for each correction of the step's result (the result it replaced, the new one,
    when, who did the step if that changed, and why), and for a reopening by another's correction."""
    def result(r: object) -> str:
        return w.get(_STATUS_WORD.get(str(r), str(r)), str(r))

    lines = []
    for c in s.get("corrections") or []:
        old = result(c.get("replaces"))
        if c.get("replaced_reason"):
            old += f" ({w['reason']}: {render_stored(c['replaced_reason'], language)})"
        text = (f"{w['correction']} {clock(c.get('t_us'), t0)}: {w['recorded_as']} {old}; "
                f"{w['corrected_to']} {result(c.get('result'))}")
        if c.get("replaced_person") != c.get("person"):
            was = c.get("replaced_person") or "-"
            text += f" ({w['person']}: {c.get('person') or '-'}, {w['recorded_as']} {was})"
        text += f"; {w['reason']}: {c.get('reason', '')}"
        lines.append(f"<font color='#e65100'>{escape(text)}</font>")
    for r in s.get("reopened_by") or []:
        lines.append(escape(f"{w['reopened_by']}: {r.get('step')} ({clock(r.get('t_us'), t0)})"))
    return lines


def annex_i_block(record: Mapping[str, Any], w: Mapping[str, str], st: Mapping[str, ParagraphStyle],
                  p: Any) -> list[Flowable]:
    """The facts of Annex I of the EU micro-credentials recommendation that the record establishes."""
    facts = record.get("annex_i")
    if not isinstance(facts, Mapping):
        return []
    place = facts.get("place") or {}
    given = {"type_of_assessment": w["type_practical"]
             if facts.get("type_of_assessment") == "supervised practical on a vehicle, recorded"
             else facts.get("type_of_assessment"),
             "form_of_participation": w["participation_in_person"]
             if facts.get("form_of_participation") == "in person, at the workshop"
             else facts.get("form_of_participation")}
    supervision = str(facts.get("supervision") or "")
    if supervision.startswith("assessor ") and supervision.endswith(" present throughout"):
        supervision = f"{w['supervised_by']} {supervision[len('assessor '):-len(' present throughout')]}"
    rows = [
        (w["country"], facts.get("country") or w["not_given"]),
        (w["awarding_body"], facts.get("awarding_body") or w["not_given"]),
        (w["assessment_date"], facts.get("assessment_date") or ""),
        (w["place"], " · ".join(str(x) for x in (place.get("workshop"), place.get("country")) if x)),
        (w["type_of_assessment"], given["type_of_assessment"]),
        (w["form_of_participation"], given["form_of_participation"]),
        (w["supervision"], supervision),
        (w["identity_verification"], w.get(f"id_{facts.get('identity_verification')}",
                                           str(facts.get("identity_verification") or ""))),
    ]
    return [Paragraph(esc(w["annex_i"]), st["h2"]),
            table([[p(k, "bold"), p(v)] for k, v in rows], (55 * mm, 125 * mm), header=False)]
