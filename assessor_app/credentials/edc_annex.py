"""Which Annex I elements (EU Council Recommendation on micro-credentials, 2022) a European Digital
Credential leaves out, by the names ``data.annex_i_elements`` gives them. Read from the JSON-LD as the
EU's micro-credential sample writes it (nested nodes, single values or lists)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

from assessor_app.credentials.edc_parts import NOTE_SUBJECT

ISO_DURATION = re.compile(r"^P(?!$)(\d+Y)?(\d+M)?(\d+W)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d+)?S)?)?$")
EQF = re.compile(r"^http://data\.europa\.eu/snb/eqf/[1-8]$")
COUNTRY = re.compile(r"^http://publications\.europa\.eu/resource/authority/country/[A-Z]{3}$")
LEGAL_IDS = ("eIDASIdentifier", "registration", "vatIdentifier", "taxIdentifier")


def _all(value: Any) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _nodes(node: Any, *keys: str) -> list[dict[str, Any]]:
    """The nodes reached from ``node`` by following ``keys``, through lists at every step."""
    current = [n for n in _all(node) if isinstance(n, dict)]
    for key in keys:
        current = [n for c in current for n in _all(c.get(key)) if isinstance(n, dict)]
    return current


def _text(value: Any) -> bool:
    """A non-empty language map or string."""
    if isinstance(value, dict):
        return any(isinstance(v, str) and v.strip() for v in value.values())
    return isinstance(value, str) and bool(value.strip())


def walk(node: Any) -> Iterator[dict[str, Any]]:
    for item in _all(node):
        if isinstance(item, dict):
            yield item
            for value in item.values():
                yield from walk(value)


def _noted(achievement: dict[str, Any], key: str) -> bool:
    subject = NOTE_SUBJECT.format(key=key)
    return any(n.get("type") == "Note" and _text(n.get("noteLiteral"))
               and any(s.get("id") == subject for s in _nodes(n, "subject")) for n in walk(achievement))


def _bodies(achievement: dict[str, Any]) -> list[dict[str, Any]]:
    return _nodes(achievement, "awardedBy", "awardingBody")


def _checks() -> dict[str, Callable[[dict[str, Any], dict[str, Any], dict[str, Any]], bool]]:
    """Annex I element -> whether (document, learner, achievement) states it."""
    def specs(a: dict[str, Any]) -> list[dict[str, Any]]:
        return _nodes(a, "specifiedBy")

    def assessments(a: dict[str, Any]) -> list[dict[str, Any]]:
        return _nodes(a, "provenBy")

    return {
        "learner": lambda d, p, a: _text(p.get("fullName")) or any(
            _text(i.get("notation")) for i in _nodes(p, "identifier")),
        "title": lambda d, p, a: _text(a.get("title")) or any(_text(s.get("title")) for s in specs(a)),
        "country": lambda d, p, a: any(COUNTRY.match(str(c.get("id", ""))) for b in _bodies(a)
                                       for c in _nodes(b, "location", "address", "countryCode")),
        "awarding_body": lambda d, p, a: any(_text(b.get("legalName")) and any(
            _text(i.get("notation")) for k in LEGAL_IDS for i in _nodes(b, k)) for b in _bodies(a)),
        "date_of_issue": lambda d, p, a: any(_text(d.get(k)) for k in ("issued", "issuanceDate")),
        "learning_outcomes": lambda d, p, a: any(_text(o.get("title")) for s in specs(a)
                                                 for o in _nodes(s, "learningOutcome")),
        "workload": lambda d, p, a: any(ISO_DURATION.match(str(s.get("volumeOfLearning", "")))
                                        or _nodes(s, "creditPoint") for s in specs(a)),
        "level": lambda d, p, a: any(any(EQF.match(str(e.get("id", ""))) for e in _nodes(s, "eqfLevel"))
                                     or _nodes(s, "nqfLevel") for s in specs(a)),
        "assessment_type": lambda d, p, a: any(_text(x.get("title")) or _nodes(x, "specifiedBy", "dcType")
                                               for x in assessments(a)),
        "participation": lambda d, p, a: _noted(a, "participation") or any(
            _nodes(s, "mode") for s in specs(a)),
        "quality_assurance": lambda d, p, a: _noted(a, "quality_assurance") or any(
            _nodes(x, "accreditation") for x in specs(a) + _bodies(a)),
    }


def annex_i_missing(document: dict[str, Any]) -> list[str]:
    """The Annex I elements the document does not state (empty when it states them all)."""
    if not isinstance(document, dict):
        return list(_checks())
    learner = (_nodes(document, "credentialSubject") or [{}])[0]
    claims = [c for c in _nodes(learner, "hasClaim") if c.get("type") == "LearningAchievement"] \
        or _nodes(learner, "hasClaim") or [{}]
    missing = []
    for name, states in _checks().items():
        if not any(states(document, learner, claim) for claim in claims):
            missing.append(name)
    return missing
