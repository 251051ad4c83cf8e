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

_IDENTITY_WORDS: dict[str, dict[str, str]] = {
    "en": {"identity": "Identity (kept apart from the record)", "address": "Address", "vin": "VIN",
           "candidate_commitment": "Candidate commitment (SHA-256)",
           "vin_commitment": "VIN commitment (SHA-256)", "responsible_person": "Responsible person",
           "identity_check": "Identity checked",
           "anonymised": "Anonymised record: the candidate is named by a pseudonymous id; names and the VIN "
                         "are in the identity file, kept apart.",
           "full": "Full record: with the names and the VIN from the identity file, for the learner and "
                   "the provider."},
    "fi": {"identity": "Henkilötiedot (erillään pöytäkirjasta)", "address": "Osoite", "vin": "VIN",
           "candidate_commitment": "Arvioitavan sitoumus (SHA-256)",
           "vin_commitment": "VIN-sitoumus (SHA-256)", "responsible_person": "Vastuuhenkilö",
           "identity_check": "Henkilöllisyyden tarkastus",
           "anonymised": "Nimetön pöytäkirja: arvioitava yksilöidään pseudonyymillä tunnisteella; nimet ja "
                         "VIN ovat erillisessä henkilötietotiedostossa.",
           "full": "Täydellinen pöytäkirja: henkilötietotiedoston nimet ja VIN mukana, arvioitavalle ja "
                   "koulutuksen järjestäjälle."},
    "sv": {"identity": "Identitet (hålls åtskild från protokollet)", "address": "Adress", "vin": "VIN",
           "candidate_commitment": "Kandidatens åtagande (SHA-256)",
           "vin_commitment": "VIN-åtagande (SHA-256)", "responsible_person": "Ansvarig person",
           "identity_check": "Identitetskontroll",
           "anonymised": "Anonymiserat protokoll: kandidaten anges med ett pseudonymt id; namn och VIN finns "
                         "i den separata identitetsfilen.",
           "full": "Fullständigt protokoll: med namn och VIN ur identitetsfilen, för kandidaten och "
                   "utbildningsanordnaren."},
    "es": {"identity": "Identidad (separada del acta)", "address": "Dirección", "vin": "VIN",
           "candidate_commitment": "Compromiso del candidato/a (SHA-256)",
           "vin_commitment": "Compromiso del VIN (SHA-256)", "responsible_person": "Persona responsable",
           "identity_check": "Verificación de identidad",
           "anonymised": "Acta anonimizada: el candidato/a figura con un identificador seudónimo; los "
                         "nombres y el VIN están en el archivo de identidad, aparte.",
           "full": "Acta completa: con los nombres y el VIN del archivo de identidad, para el candidato/a y "
                   "el proveedor."},
    "pt": {"identity": "Identidade (separada do registo)", "address": "Morada", "vin": "VIN",
           "candidate_commitment": "Compromisso do formando/a (SHA-256)",
           "vin_commitment": "Compromisso do VIN (SHA-256)", "responsible_person": "Pessoa responsável",
           "identity_check": "Verificação de identidade",
           "anonymised": "Registo anonimizado: o formando/a é identificado por um identificador pseudónimo; "
                         "os nomes e o VIN estão no ficheiro de identidade, à parte.",
           "full": "Registo completo: com os nomes e o VIN do ficheiro de identidade, para o formando/a e o "
                   "prestador."},
}


def _identity_words(language: str) -> dict[str, str]:
    return {**wording(language), **_IDENTITY_WORDS.get(language, _IDENTITY_WORDS["en"])}


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


