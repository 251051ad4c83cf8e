"""The small nodes a European Digital Credential (ELM v3 JSON-LD) is built of: concepts from a
controlled vocabulary, language maps, notes, identifiers, the awarding body as an Organisation, and
the workload as an ISO 8601 duration. Every node gets an id, so the same node written in several
places of the document stays one node in the graph (and ``maxCount`` constraints hold)."""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterable, Mapping
from typing import Any

from assessor_app.credentials import edc_vocabularies as cv
from assessor_app.credentials.data import AwardingBody, Texts

Node = dict[str, Any]

#: the subjects of the document's notes: a local scheme, so a reader (and ``annex_i_missing``) knows
#: which note says what; the labels come from the catalogs
NOTE_SCHEME = "urn:epass:conceptScheme:micro-credential-annex-i"
NOTE_SUBJECT = "urn:epass:concept:micro-credential-annex-i:{key}"

#: an ISO 8601 duration of whole hours and minutes only: "PT8H", "PT7H30M", "PT45M"
HOURS_DURATION = re.compile(r"^PT(?:(\d+)H)?(?:(\d+)M)?$")


def when(moment: dt.datetime) -> str:
    """An xsd:dateTime in UTC, whole seconds, with a Z."""
    if moment.tzinfo is None:
        raise ValueError(f"date {moment.isoformat()}: a credential's dates must carry a time zone")
    return moment.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def hours_duration(hours: float, field: str = "workload_hours") -> str:
    """Hours as an ISO 8601 duration in hours and minutes (8 -> "PT8H", 7.5 -> "PT7H30M"); ELM's
    volumeOfLearning. Months or days would be ambiguous ("P60M" is sixty months), so never those."""
    if not isinstance(hours, (int, float)) or isinstance(hours, bool) or not math.isfinite(hours) \
            or hours <= 0:
        raise ValueError(f"{field}: {hours!r} is not a positive number of hours")
    minutes = round(hours * 60)
    whole, rest = divmod(minutes, 60)
    return "PT" + (f"{whole}H" if whole else "") + (f"{rest}M" if rest else "")


def duration_hours(duration: str) -> float | None:
    """The hours an hours-and-minutes duration states ("PT7H30M" -> 7.5); None for anything else."""
    match = HOURS_DURATION.match(duration) if isinstance(duration, str) else None
    if match is None or duration == "PT":
        return None
    return int(match.group(1) or 0) + int(match.group(2) or 0) / 60


def lang_map(texts: Texts, languages: Iterable[str] | None = None) -> dict[str, str]:
    """A text as an ELM language map, every language it has (or those of ``languages`` it has)."""
    keys = list(languages) if languages is not None else list(texts)
    return {key: texts[key] for key in keys if texts.get(key)}


def same_in(value: str, languages: Iterable[str]) -> dict[str, str]:
    """A text that does not change with the language (a name, an address) as a language map."""
    return {language: value for language in languages}


def concept(iri: str, scheme: str, label: Mapping[str, str] | str | None = None,
            notation: str | None = None) -> Node:
    node: Node = {"id": iri, "type": "Concept", "inScheme": {"id": scheme, "type": "ConceptScheme"}}
    if label:
        node["prefLabel"] = {"en": label} if isinstance(label, str) else dict(label)
    if notation:
        node["notation"] = notation
    return node


def known(pair: tuple[str, str], scheme: str) -> Node:
    return concept(pair[0], scheme, pair[1])


def country(iso2: str) -> Node:
    iri, name = cv.country_concept(iso2)
    return concept(iri, cv.COUNTRY_SCHEME, name)


def language(code: str) -> Node:
    iso3, name = cv.LANGUAGES.get(code, (code.upper(), code))
    return concept(cv.LANGUAGE.format(iso3=iso3), cv.LANGUAGE_SCHEME, name)


def note(node_id: str, texts: Mapping[str, str],
         subject: tuple[str, Mapping[str, str]] | None = None) -> Node:
    """An ELM Note; ``subject`` (key, label map) says what the note is about."""
    node: Node = {"id": node_id, "type": "Note", "noteLiteral": dict(texts)}
    if subject is not None:
        node["subject"] = concept(NOTE_SUBJECT.format(key=subject[0]), NOTE_SCHEME, subject[1])
    return node


def identifier(node_id: str, notation: str, scheme_name: str) -> Node:
    return {"id": node_id, "type": "Identifier", "notation": notation, "schemeName": scheme_name}


def eidas_identifier(body: AwardingBody) -> str:
    """The organisation identifier an eIDAS seal certificate carries (ETSI EN 319 412-1: VAT or NTR,
    the country, a hyphen, the number); the EU issuing service takes it from the seal it applies."""
    if body.legal_id_type == "eidas":
        return body.legal_id
    number = body.legal_id.removeprefix(body.country.upper())
    kind = "VAT" if body.legal_id_type == "vat" else "NTR"
    return f"{kind}{body.country.upper()}-{number}"


def organisation(body: AwardingBody, languages: tuple[str, ...]) -> Node:
    """The awarding body as an ELM Organisation: legal name, legal identifier, address and country."""
    if body.legal_id_type not in ("business", "vat", "eidas"):
        raise ValueError(f"awarding body legal_id_type: {body.legal_id_type!r} is not business, vat or eidas")
    if not body.legal_id.strip():
        raise ValueError("awarding body legal_id: empty")
    base = body.issuer_id
    where = country(body.country)

    def legal(kind: str, notation: str) -> Node:
        return {"id": f"{base}#{kind}", "type": "LegalIdentifier", "notation": notation, "spatial": where}

    org: Node = {
        "id": base, "type": "Organisation",
        "legalName": same_in(body.name, languages),
        "location": {"id": f"{base}#location", "type": "Location",
                     "address": {"id": f"{base}#address", "type": "Address", "countryCode": where,
                                 "fullAddress": note(f"{base}#full-address",
                                                     same_in(body.address, languages))}},
        "eIDASIdentifier": legal("eidas", eidas_identifier(body)),
        "homepage": {"id": f"{base}#homepage", "type": "WebResource", "contentURL": body.url},
    }
    if body.legal_id_type == "vat":
        org["vatIdentifier"] = legal("vat", body.legal_id)
    elif body.legal_id_type == "business":
        org["registration"] = legal("registration", body.legal_id)
    if body.email:
        org["contactPoint"] = {"id": f"{base}#contact", "type": "ContactPoint",
                               "emailAddress": {"id": f"mailto:{body.email}", "type": "Mailbox"}}
    return org
