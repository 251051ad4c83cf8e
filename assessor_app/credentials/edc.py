"""The European Digital Credential of a micro-credential: its ELM v3 JSON-LD, unsigned, modelled on the
European Learning Model's micro-credential sample (``Sample-MC-Annex1-unsigned.jsonld``), and the
"uploadable" form the EU's issuing service takes (``{"credential": ...}``). The issuing service seals it
with the provider's eIDAS seal; nothing here signs.

Where each Annex I element lives (``edc_annex.annex_i_missing`` reads the same places): the learner
is the ``credentialSubject`` (a Person: ``fullName``, ``identifier``); the achievement (``hasClaim``,
a LearningAchievement) is ``awardedBy`` the awarding body (an Organisation with its
legal name, legal identifiers and address with country), ``provenBy`` the practical assessment (grade,
date, supervision and identity verification, the sealed evidence bundle) and ``specifiedBy`` a
Qualification (ELM's LearningAchievementSpecification that carries EQF/NQF levels) with the title,
learning outcomes and their ESCO skills, levels, workload, credits, mode, prerequisites and notes.
"""

from __future__ import annotations

import base64
from typing import Any

from assessor_app.credentials import edc_vocabularies as cv
from assessor_app.credentials.data import OUTCOME_COMPETENT, CredentialData, Texts
from assessor_app.credentials.edc_display import display_image
from assessor_app.credentials.edc_parts import (
    Node,
    concept,
    country,
    hours_duration,
    identifier,
    known,
    lang_map,
    language,
    note,
    organisation,
    when,
)
from assessor_app.credentials.wording import word_in_languages, words

CONTEXT = ["https://www.w3.org/2018/credentials/v1", "http://data.europa.eu/snb/model/context/edc-ap"]
SHAPES = "http://data.europa.eu/snb/model/ap/edc-generic-full"
PRODUCT_LANGUAGES = ("en", "fi", "sv", "es", "pt")


def edc_credential(data: CredentialData) -> dict[str, Any]:
    """The credential as ELM v3 JSON-LD (unsigned), every text in each language the data has."""
    languages = _languages(data)
    body = organisation(data.awarding_body, languages)
    key = data.id
    awarding = {"id": f"urn:epass:awardingProcess:{key}", "type": "AwardingProcess",
                "awardingBody": body, "awardingDate": when(data.issued)}
    achievement: Node = {
        "id": f"urn:epass:learningAchievement:{key}", "type": "LearningAchievement",
        "title": lang_map(data.title), "awardedBy": awarding,
        "provenBy": _assessment(data, languages, body, awarding),
        "specifiedBy": _qualification(data, languages),
    }
    if data.description:
        achievement["description"] = lang_map(data.description)
    if data.ects:
        achievement["creditReceived"] = _credits(f"urn:epass:creditReceived:{key}", data.ects)
    subject: Node = {
        "id": f"urn:epass:person:{key}", "type": "Person",
        "fullName": {languages[0]: data.learner_name or data.learner_id},
        "identifier": identifier(f"urn:epass:learner:{key}", data.learner_id,
                                 f"{data.awarding_body.name}: learner"),
        "hasClaim": achievement,
    }
    return {
        "@context": list(CONTEXT),
        "id": data.urn,
        "type": ["VerifiableCredential", "EuropeanDigitalCredential"],
        "credentialProfiles": [known(cv.PROFILE_GENERIC, cv.CREDENTIAL_SCHEME)],
        "credentialSchema": [{"id": SHAPES, "type": "ShaclValidator2017"}],
        "identifier": identifier(f"urn:epass:identifier:{key}", data.id,
                                 f"{data.awarding_body.name}: credential"),
        "displayParameter": _display(data, languages),
        "issuer": body,
        "credentialSubject": subject,
        "issuanceDate": when(data.issued),
        "issued": when(data.issued),
        "validFrom": when(data.issued),
    }


def uploadable(data: CredentialData) -> dict[str, Any]:
    """The form the EU's issuing service accepts: ``{"credential": <unsigned EDC JSON-LD>}``, as its
    sample has it: without what the service itself adds when it seals (``issued``, and the issuer's
    eIDAS identifier, which it takes from the seal's certificate: a second one would make two).
    Validate it with ``validate_edc(..., before_sealing=True)``."""
    credential = edc_credential(data)
    del credential["issued"]
    return {"credential": _without(credential, "eIDASIdentifier")}


def _without(node: Any, key: str) -> Any:
    if isinstance(node, dict):
        return {k: _without(v, key) for k, v in node.items() if k != key}
    if isinstance(node, list):
        return [_without(v, key) for v in node]
    return node


def _languages(data: CredentialData) -> tuple[str, ...]:
    """The display languages: the learner's first, then every product language the title has."""
    ordered = [data.language] + [code for code in PRODUCT_LANGUAGES if code != data.language]
    chosen = tuple(code for code in ordered if data.title.get(code))
    if not chosen:
        raise ValueError("title: no text in any language")
    return chosen


def _about(key: str, texts: Texts, data: CredentialData, languages: tuple[str, ...]) -> Node:
    """A note that states one Annex I element in words, its subject naming the element."""
    return note(f"urn:epass:note:{data.id}:{key}", lang_map(texts),
                (key, word_in_languages(key, languages)))


def _credits(node_id: str, ects: float) -> Node:
    return {"id": node_id, "type": "CreditPoint", "framework": known(cv.CREDIT_ECTS, cv.CREDIT_SCHEME),
            "point": f"{ects:g}"}


def _grade(data: CredentialData, languages: tuple[str, ...]) -> dict[str, str]:
    if data.grade == OUTCOME_COMPETENT:
        return word_in_languages("competent", languages)
    return {"en": data.grade}


def _assessment(data: CredentialData, languages: tuple[str, ...], body: Node, awarding: Node) -> Node:
    key = data.id
    spec: Node = {
        "id": f"urn:epass:learningAssessmentSpec:{data.checklist_id}:{data.checklist_version}",
        "type": "LearningAssessmentSpecification",
        "title": lang_map(data.assessment_type),
        "dcType": known(cv.ASSESSMENT_PRACTICAL, cv.ASSESSMENT_SCHEME),
        "mode": [known(cv.MODE_PRESENTIAL, cv.MODE_SCHEME), known(cv.MODE_WORKBASED, cv.MODE_SCHEME)],
        "language": [language(code) for code in languages],
    }
    if data.criteria:
        spec["gradingScheme"] = {"id": f"urn:epass:gradingScheme:{data.checklist_id}:"
                                       f"{data.checklist_version}", "type": "GradingScheme",
                                 "title": word_in_languages("grade", languages),
                                 "description": lang_map(data.criteria)}
    assessment: Node = {
        "id": f"urn:epass:learningAssessment:{key}", "type": "LearningAssessment",
        "title": lang_map(data.assessment_type),
        "grade": note(f"urn:epass:note:{key}:grade", _grade(data, languages)),
        "assessedBy": body, "awardedBy": awarding, "specifiedBy": spec,
    }
    if data.assessed is not None:
        assessment["dateIssued"] = when(data.assessed)
    if data.id_verification in cv.ID_CHECKED:
        assessment["idVerification"] = known(cv.SUPERVISED_WITH_ID, cv.SUPERVISION_SCHEME)
    notes = [_about(k, t, data, languages) for k, t in (("supervision", data.supervision),
                                                        ("moderation", data.moderation)) if t]
    if data.rubric:
        lines = {code: "; ".join(f"{r.title.get(code) or r.title.get('en', r.criterion)}: "
                                 f"{r.score}/{r.scale_max}" for r in data.rubric) for code in languages}
        notes.append(_about("rubric", lines, data, languages))
    if notes:
        assessment["additionalNote"] = notes
    if data.workshop_country:
        assessment["location"] = {"id": f"urn:epass:location:{key}:workshop", "type": "Location",
                                  "address": {"id": f"urn:epass:address:{key}:workshop", "type": "Address",
                                              "countryCode": country(data.workshop_country)}}
    if data.evidence is not None:
        assessment.update(_evidence(data, languages))
    return assessment


def _evidence(data: CredentialData, languages: tuple[str, ...]) -> Node:
    """The sealed evidence bundle, pinned by its manifest's SHA-256: identifiers a machine finds by
    scheme name, and the hash as an RFC 6920 ``ni:`` URI any holder of the bundle can check."""
    evidence = data.evidence
    assert evidence is not None
    digest = base64.urlsafe_b64encode(bytes.fromhex(evidence.manifest_sha256)).decode("ascii").rstrip("=")
    label = {code: f"{words(code)['evidence']}: {evidence.bundle_id}" for code in languages}
    return {
        "identifier": [
            identifier(f"urn:epass:identifier:{data.id}:bundle", evidence.bundle_id, "evidence bundle"),
            identifier(f"urn:epass:identifier:{data.id}:manifest", evidence.manifest_sha256,
                       "evidence bundle manifest SHA-256"),
            identifier(f"urn:epass:identifier:{data.id}:assessment", evidence.assessment_id, "assessment"),
        ],
        "supplementaryDocument": {"id": f"urn:epass:webResource:{data.id}:evidence", "type": "WebResource",
                                  "title": label, "contentURL": f"ni:///sha-256;{digest}"},
    }


def _qualification(data: CredentialData, languages: tuple[str, ...]) -> Node:
    if not 1 <= data.eqf_level <= 8:
        raise ValueError(f"eqf_level: {data.eqf_level!r} is not an EQF level (1 to 8)")
    if not data.outcomes:
        raise ValueError("outcomes: a micro-credential states at least one learning outcome")
    spec = f"{data.checklist_id}:{data.checklist_version}"
    nqf, unlisted = [], []
    for level in data.nqf_levels:
        found = cv.nqf_concept(level.country, level.level)
        if found is None:
            unlisted.append(f"{level.country} {level.framework or 'NQF'}: {level.level}")
        else:
            nqf.append(concept(found[0], cv.QDR_SCHEME, found[1]))
    qualification: Node = {
        "id": f"urn:epass:qualification:{spec}", "type": "Qualification",
        "title": lang_map(data.title),
        "dcType": known(cv.OPPORTUNITY_SHORT, cv.OPPORTUNITY_SCHEME),
        "eqfLevel": concept(cv.EQF_LEVEL.format(level=data.eqf_level), cv.EQF_SCHEME,
                            f"Level {data.eqf_level}"),
        "volumeOfLearning": hours_duration(data.workload_hours),
        "learningOutcome": [_outcome(f"urn:epass:learningOutcome:{spec}:{n}", outcome.text,
                                     outcome.esco_skills) for n, outcome in enumerate(data.outcomes, 1)],
        "learningSetting": known(cv.SETTING_NON_FORMAL, cv.SETTING_SCHEME),
        "mode": [known(cv.MODE_PRESENTIAL, cv.MODE_SCHEME), known(cv.MODE_WORKBASED, cv.MODE_SCHEME)],
        "language": [language(code) for code in languages],
        "isPartialQualification": False,
    }
    if data.description:
        qualification["description"] = lang_map(data.description)
    if nqf:
        qualification["nqfLevel"] = nqf
    if data.ects:
        qualification["creditPoint"] = [_credits(f"urn:epass:creditPoint:{spec}", data.ects)]
    if data.prerequisites:
        joined = {code: " ".join(t.get(code) or t.get("en", "") for t in data.prerequisites)
                  for code in languages if any(t.get(code) for t in data.prerequisites)}
        qualification["entryRequirement"] = note(f"urn:epass:note:{data.id}:prerequisites", joined)
    notes = [_about(k, t, data, languages) for k, t in (
        ("participation", data.participation), ("quality_assurance", data.quality_assurance),
        ("stackability", data.stackability), ("further_information", data.further_information)) if t]
    for k, values in (("standards", data.standards), ("unit_codes", data.unit_codes),
                      ("national_level", tuple(unlisted))):
        if values:
            notes.append(_about(k, {"en": "; ".join(values)}, data, languages))
    qualification["additionalNote"] = notes
    return qualification


def _outcome(node_id: str, text: Texts, skills: tuple[str, ...]) -> Node:
    outcome: Node = {"id": node_id, "type": "LearningOutcome", "title": lang_map(text)}
    if skills:
        outcome["relatedESCOSkill"] = [concept(skill, cv.ESCO_SKILL_SCHEME) for skill in skills]
    return outcome


def _display(data: CredentialData, languages: tuple[str, ...]) -> Node:
    key = data.id
    return {
        "id": f"urn:epass:displayParameter:{key}", "type": "DisplayParameter",
        "title": lang_map(data.title), "description": lang_map(data.description),
        "language": [language(code) for code in languages],
        "primaryLanguage": language(languages[0]),
        "individualDisplay": [
            {"id": f"urn:epass:individualDisplay:{key}:{code}", "type": "IndividualDisplay",
             "language": language(code),
             "displayDetail": {"id": f"urn:epass:displayDetail:{key}:{code}", "type": "DisplayDetail",
                               "page": 1,
                               "image": display_image(data, code, f"urn:epass:mediaObject:{key}:{code}")}}
            for code in languages],
    }
