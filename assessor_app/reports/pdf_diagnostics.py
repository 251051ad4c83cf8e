"""The diagnostics of a step in the PDF record: snapshots, signal checks, and why any are missing."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape

from assessor_app.core.engine.diagnostics import contradiction_text, is_not_connected
from assessor_app.core.specs.conditions import condition_title
from assessor_app.core.specs.models import Step
from assessor_app.i18n import format_quantity, render_stored


def _red(text: str) -> str:
    return f"<font color='#b71c1c'>{text}</font>"


def _signal(name: str, v: Mapping[str, Any], language: str = "en") -> str:
    value = v.get("value")
    if v.get("label") or not isinstance(value, int | float):
        return f"{name} = {v.get('label') or value}"
    return f"{name} = {format_quantity(value, v.get('unit') or '', language)}"


def _snapshot_line(summary: Mapping[str, Any], label: str, w: Mapping[str, str]) -> tuple[str, bool]:
    dtcs = summary.get("dtcs") or {}
    order = ["stored", "pending", "permanent", "uds"]  # the record's JSON keeps keys sorted
    found = "; ".join(
        f"{w.get(f'dtc_{kind}', kind)}: "
        + (w["not_read"] if dtcs[kind] is None else ", ".join(dtcs[kind]) or w["none"])
        for kind in sorted(dtcs, key=lambda k: order.index(k) if k in order else len(order)))
    hv = summary.get("hv_dtcs") or []
    kept = summary.get("vin_read")  # identity kept apart: only whether it matches the recorded VIN
    if isinstance(kept, Mapping):
        vin = w["vin_matches"] if kept.get("matches_recorded_vin") else w["vin_differs"]
    else:
        vin = summary.get("vin") or w["not_read"]
    text = escape(f"{w['diag_snapshot']} {label}: VIN {vin}; {w['dtcs']} ({found}); ")
    text += _red(escape(f"{w['hv_dtcs']}: {', '.join(hv)}")) if hv else escape(f"{w['hv_dtcs']}: {w['none']}")
    if summary.get("errors"):
        text += escape(f"; {w['diag_errors']}: {', '.join(summary['errors'])}")
    return text, bool(hv)


def diagnostic_lines(step: Step, diagnostics: Mapping[str, Any], w: Mapping[str, str],
                     language: str) -> list[tuple[str, bool]]:
    """The step's snapshots and signal checks as markup, each with whether it calls for attention."""
    records = diagnostics.get("records", [])
    retried = len({r["attempt"] for r in records}) > 1
    declared = step.diagnostics.snapshot if step.diagnostics else None
    lines: list[tuple[str, bool]] = []
    said: set[tuple[str, str]] = set()  # (kind, reason) a record already showed as not available
    for r in records:
        attempt = escape(f"[{w['attempt']} {r['attempt']}] ") if retried else ""
        summary = r.get("summary") or {}
        if r["diagnostic"] == "snapshot":
            label = declared.get_text(language) if declared else str(summary.get("label", ""))
            text, alert = _snapshot_line(summary, label, w)
            lines.append((attempt + text, alert))
            continue
        title = condition_title(str(summary.get("condition", "")), language)
        head = f"{attempt}{escape(w['diag_condition'])} {escape(title)}: "
        if r.get("met") is None:  # the bus could not answer (12 V off, signals unheard): not "met"
            said.add((str(r["diagnostic"]), str(summary.get("reason") or "")))
            lines.append((head + escape(f"{w['not_available']}: {summary.get('reason') or ''}"), False))
            continue
        shown = ", ".join(_signal(name, v, language) for name, v in (summary.get("values") or {}).items())
        verdict = escape(w["met"]) if r.get("met") else _red(escape(w["not_met"]))
        text = f"{head}{verdict} ({escape(shown)})"
        found = summary.get("contradiction")
        if isinstance(found, Mapping):
            text += " " + _red(escape(f"{w['contradicts']}: {contradiction_text(found, step, language)}"))
        lines.append((text, r.get("met") is False or isinstance(found, Mapping)))
    for kind, reason in (diagnostics.get("unavailable") or {}).items():
        why = w["no_adapter"] if is_not_connected(reason) else render_stored(reason, language)
        if (kind, why) in said:  # the record above already says so, with the same reason
            continue
        what = w["diag_snapshot"] if kind == "snapshot" else w["diag_condition"]
        lines.append((escape(f"{w['diag_unavailable']} ({what}): {why}"), False))
    return lines
