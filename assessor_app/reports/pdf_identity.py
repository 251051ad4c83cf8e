"""The identity part of the PDF record: the commitments an anonymised record shows, and the names,
VIN and address a full record adds from the identity document."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer

from assessor_app.reports.pdf_layout import esc, table
from assessor_app.reports.wording import wording


def _identity_words(language: str) -> dict[str, str]:
    return wording(language)


def commitment_lines(started: Mapping[str, Any], language: str = "en") -> list[tuple[str, str]]:
    """The record's commitments to the candidate and the VIN, for the heading (none in a record whose
    first event holds the names)."""
    w = _identity_words(language)
    candidate, vehicle = started.get("candidate") or {}, started.get("vehicle") or {}
    lines = []
    if candidate.get("commitment"):
        lines.append((w["candidate_commitment"], str(candidate["commitment"])))
    if vehicle.get("vin_commitment"):
        lines.append((w["vin_commitment"], str(vehicle["vin_commitment"])))
    return lines


def identity_lines(identity: Mapping[str, Any], language: str = "en") -> list[tuple[str, str]]:
    """What the full record adds from the identity document: names, the VIN, the workshop's name and
    address, who signed off by name, and how the candidate's identity was checked."""
    w = _identity_words(language)

    def named(who: Mapping[str, Any] | None) -> str:
        who = who or {}
        name, pid = str(who.get("name") or ""), str(who.get("id") or "")
        return f"{name} ({pid})" if name and pid and name != pid else name or pid

    workshop = identity.get("workshop") or {}
    lines = [(w["candidate"], named(identity.get("candidate"))),
             (w["assessor"], named(identity.get("assessor")))]
    if identity.get("responsible_person"):
        lines.append((w["responsible_person"], named(identity["responsible_person"])))
    lines.append((w["workshop"], named(workshop)))
    if workshop.get("address"):
        lines.append((w["address"], str(workshop["address"])))
    lines.append((w["vin"], str((identity.get("vehicle") or {}).get("vin") or "")))
    for signed in identity.get("signatures") or []:
        role = w.get(f"role_{signed.get('role')}", str(signed.get("role", "")))
        who = named({"name": signed.get("name"), "id": signed.get("person")})
        lines.append((f"{w['signoffs']}: {role}", who))
    check = identity.get("identity_check")
    if check:
        method = w.get(f"id_{check.get('method')}", str(check.get("method") or ""))
        note = str(check.get("note") or "")
        lines.append((w["identity_check"], " – ".join(x for x in (method, note) if x)))
    return lines


def identity_block(started: Mapping[str, Any], identity: Mapping[str, Any] | None, language: str,
                    st: Mapping[str, ParagraphStyle], p: Any) -> list[Flowable]:
    """The full record's identity table, or the anonymised record's notice (nothing for a record
    whose events hold the names)."""
    w = _identity_words(language)
    if identity is None:
        if not commitment_lines(started, language):
            return []
        return [Spacer(1, 2 * mm), p(w["anonymised"], "body")]
    rows = [[p(k, "bold"), p(v)] for k, v in identity_lines(identity, language)]
    return [Paragraph(esc(w["identity"]), st["h2"]), p(w["full"], "body"), Spacer(1, 1 * mm),
            table(rows, (45 * mm, 135 * mm), header=False)]


