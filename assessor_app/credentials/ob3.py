"""The Open Badges 3.0 credential (an OpenBadgeCredential, the spec's AchievementCredential) of one
micro-credential, as the JSON a VC-JWT signs (``vc_jwt.sign_credential``).

Where each Annex I element of the EU Recommendation on micro-credentials lives:

- learner: ``credentialSubject.identifier`` (an IdentityObject: the salted SHA-256 of the provider's
  learner id, never the id or the name in clear)
- title: ``name`` and ``credentialSubject.achievement.name``
- country of the awarding body: ``issuer.address.addressCountryCode``
- awarding body: ``issuer`` (a Profile: name, url, email, address, the legal id in ``otherIdentifier``)
- date of issue: ``validFrom`` (and ``awardedDate``)
- learning outcomes: ``achievement.resultDescription`` / ``result`` (the outcome and each rubric
  criterion); each outcome's text and ESCO skills in ``achievement.alignment`` (targetFramework ESCO)
- level: ``achievement.alignment`` to http://data.europa.eu/snb/eqf/<n>, and the extension property
  ``achievement.eqfLevel`` (ELM's term); national levels in ``achievement.nqfLevel``
- workload: ``achievement.creditsAvailable`` (ECTS, where given) and ``achievement.volumeOfLearning``
  (hours as an ISO 8601 duration, ELM's term)
- type of assessment, form of participation, type of quality assurance, supervision and identity
  verification, prerequisites, integration/stackability, gateway, moderation, further information:
  extension properties of the achievement (``assessmentType``, ``participationForm``,
  ``qualityAssurance``, ``supervision`` and ``idVerification``, ``entryRequirement``, ``stackability``,
  ``gateway``, ``moderation``, ``furtherInformation``), and the same facts in words in
  ``achievement.criteria.narrative`` for displayers that show no extension
- grade: ``credentialSubject.result`` (the outcome, each rubric score)

Open Badges 3.0 has no field for these extensions; their terms are defined by the credential's own
``@context`` (ELM's IRIs where the European Learning Model has the element, the issuer-dependent
vocabulary of VC 2.0 otherwise), so the credential stays valid against the 1EdTech JSON Schema.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import uuid
from typing import Any

from assessor_app.credentials import ob3_messages as m
from assessor_app.credentials.data import AwardingBody, CredentialData, Texts, text_in
from assessor_app.i18n import Msg, format_list, render

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
OB_SCHEMA = "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
ELM = "http://data.europa.eu/snb/model/elm/"
EQF_URI = "http://data.europa.eu/snb/eqf/{level}"
#: the extension terms that have an element in the European Learning Model, by their ELM IRI; the
#: other extension properties expand through VC 2.0's issuer-dependent vocabulary
EXTENSION_CONTEXT: dict[str, Any] = {
    "elm": ELM,
    "volumeOfLearning": "elm:volumeOfLearning",
    "eqfLevel": {"@id": "elm:eqfLevel", "@type": "@id"},
    "nqfLevel": "elm:nqfLevel",
    "entryRequirement": "elm:entryRequirement",
}
#: the legal identifier's kind as an IdentifierEntry type, named after the ELM property for it
LEGAL_ID_TYPES = {"vat": "ext:vatIdentifier", "business": "ext:legalIdentifier",
                  "eidas": "ext:eidasIdentifier"}
#: how the learner is identified: the provider's own id for them in its learner records
LEARNER_ID_TYPE = "sourcedId"
IDENTITY_HASH_PREFIX = "sha256$"


def identity_hash(identity: str, salt: str) -> str:
    """OB 3.0's IdentityHash: "sha256$" and the hex SHA-256 of the UTF-8 identity with the salt appended."""
    return IDENTITY_HASH_PREFIX + hashlib.sha256((identity + salt).encode("utf-8")).hexdigest()


def credential_language(data: CredentialData) -> str:
    """The language the badge is written in: the learner's, when its title, description and criteria
    all have it (a badge never mixes languages), else English."""
    texts = (data.title, data.description, data.criteria)
    return data.language if all(t.get(data.language) for t in texts) else "en"


def profile(body: AwardingBody) -> dict[str, Any]:
    """The awarding body as an OB 3.0 issuer Profile (without ``@context``)."""
    found: dict[str, Any] = {"id": body.issuer_id, "type": ["Profile"], "name": body.name, "url": body.url}
    if body.email:
        found["email"] = body.email
    found["address"] = {"type": ["Address"], "addressCountryCode": body.country,
                        "streetAddress": body.address}
    found["otherIdentifier"] = [{
        "type": "IdentifierEntry", "identifier": body.legal_id,
        "identifierType": LEGAL_ID_TYPES.get(body.legal_id_type, "identifier"),
    }]
    return found


def achievement_id(data: CredentialData) -> str:
    return f"{data.awarding_body.url}/credentials/achievements/{data.checklist_id}/{data.checklist_version}"


def subject_id(data: CredentialData) -> str:
    """The credential subject's id (the VC-JWT's ``sub``): a name for "the holder of this credential"
    derived from the credential's id alone, so it says nothing of who the learner is."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, data.urn + '#subject')}"


def evidence_id(manifest_sha256: str) -> str:
    """The evidence named by its content: an RFC 6920 ``ni`` URI of the bundle manifest's SHA-256."""
    digest = base64.urlsafe_b64encode(bytes.fromhex(manifest_sha256)).rstrip(b"=").decode("ascii")
    return f"ni:///sha-256;{digest}"


def _when(moment: dt.datetime) -> str:
    return moment.astimezone(dt.UTC).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _duration(hours: float) -> str:
    minutes = round(hours * 60)
    whole, rest = divmod(minutes, 60)
    return "PT" + (f"{whole}H" if whole else "") + (f"{rest}M" if rest or not whole else "")


def achievement_credential(data: CredentialData) -> dict[str, Any]:
    """The unsigned OpenBadgeCredential of ``data`` (the JSON the VC-JWT carries)."""
    lang = credential_language(data)
    achievement = _achievement(data, lang)
    subject: dict[str, Any] = {
        "id": subject_id(data),
        "type": ["AchievementSubject"],
        "identifier": [{
            "type": "IdentityObject", "hashed": True,
            "identityHash": identity_hash(data.learner_id, data.subject_salt),
            "identityType": LEARNER_ID_TYPE, "salt": data.subject_salt,
        }],
        "achievement": achievement,
        "result": _results(data, achievement["id"]),
    }
    if data.assessed is not None:
        subject["activityEndDate"] = _when(data.assessed)
    if data.ects is not None:
        subject["creditsEarned"] = data.ects
    if data.prerequisite_credentials:
        subject["prerequisiteCredential"] = list(data.prerequisite_credentials)
    credential: dict[str, Any] = {
        "@context": [VC_CONTEXT, OB_CONTEXT, EXTENSION_CONTEXT],
        "id": data.urn,
        "type": ["VerifiableCredential", "OpenBadgeCredential"],
        "name": text_in(data.title, lang),
        "description": text_in(data.description, lang),
        "issuer": profile(data.awarding_body),
        "validFrom": _when(data.issued),
        "awardedDate": _when(data.issued),
        "credentialSubject": subject,
    }
    if data.evidence is not None:
        ev = data.evidence
        credential["evidence"] = [{
            "id": evidence_id(ev.manifest_sha256), "type": ["Evidence"],
            "name": render(m.EVIDENCE_NAME(bundle=ev.bundle_id), lang),
            "narrative": render(m.EVIDENCE_NARRATIVE(workstation=ev.workstation, sha256=ev.manifest_sha256),
                                lang),
            "bundleId": ev.bundle_id, "manifestSha256": ev.manifest_sha256,
            "assessmentId": ev.assessment_id, "workstation": ev.workstation,
        }]
    if data.status is not None:
        credential["credentialStatus"] = {
            "id": data.status.id, "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
            "statusListIndex": str(data.status.index), "statusListCredential": data.status.list_url,
        }
    credential["credentialSchema"] = [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}]
    return credential


def _achievement(data: CredentialData, lang: str) -> dict[str, Any]:
    found: dict[str, Any] = {
        "id": achievement_id(data),
        "type": ["Achievement"],
        "achievementType": "MicroCredential",
        "name": text_in(data.title, lang),
        "description": text_in(data.description, lang),
        "criteria": {"narrative": _criteria(data, lang)},
        "inLanguage": lang,
        "humanCode": data.checklist_id,
        "version": data.checklist_version,
        "alignment": _alignments(data, lang),
    }
    if data.ects is not None:
        found["creditsAvailable"] = data.ects
    found["resultDescription"] = _result_descriptions(data, found["id"], lang)
    found["otherIdentifier"] = [
        {"type": "IdentifierEntry", "identifier": data.checklist_sha256,
         "identifierType": "ext:checklistSha256"},
        *({"type": "IdentifierEntry", "identifier": code, "identifierType": "ext:nationalUnitCode"}
          for code in data.unit_codes),
    ]
    tags = ["micro-credential", f"EQF {data.eqf_level}", *data.standards]
    found["tag"] = tags + ([data.gateway] if data.gateway else [])
    # the Annex I elements OB 3.0 has no field for, as extension properties
    found["volumeOfLearning"] = _duration(data.workload_hours)
    found["eqfLevel"] = EQF_URI.format(level=data.eqf_level)
    if data.nqf_levels:
        found["nqfLevel"] = [{"country": n.country, "level": n.level, "framework": n.framework}
                             for n in data.nqf_levels]
    optional: dict[str, Texts] = {
        "assessmentType": data.assessment_type, "participationForm": data.participation,
        "qualityAssurance": data.quality_assurance, "supervision": data.supervision,
        "stackability": data.stackability, "moderation": data.moderation,
        "furtherInformation": data.further_information,
    }
    for name, texts in optional.items():
        if texts:
            found[name] = text_in(texts, lang)
    if data.id_verification:
        found["idVerification"] = data.id_verification
    if data.prerequisites:
        found["entryRequirement"] = [text_in(p, lang) for p in data.prerequisites]
    if data.gateway:
        found["gateway"] = data.gateway
    return found


def _alignments(data: CredentialData, lang: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = []
    for outcome in data.outcomes:
        for skill in outcome.esco_skills:
            found.append({
                "type": ["Alignment"], "targetType": "ceasn:Competency", "targetFramework": "ESCO",
                "targetName": text_in(outcome.text, lang), "targetUrl": skill,
                "targetCode": skill.rsplit("/", 1)[-1],
            })
    found.append({
        "type": ["Alignment"], "targetType": "ext:EQFLevel",
        "targetFramework": "European Qualifications Framework",
        "targetName": render(m.EQF_NAME(level=data.eqf_level), lang),
        "targetUrl": EQF_URI.format(level=data.eqf_level), "targetCode": str(data.eqf_level),
    })
    return found


def _result_descriptions(data: CredentialData, achievement: str, lang: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = [{
        "id": f"{achievement}#outcome", "type": ["ResultDescription"],
        "name": render(m.OUTCOME_NAME(), lang), "resultType": "PerformanceLevel",
        "requiredValue": "competent",
    }]
    for criterion in data.rubric:
        found.append({
            "id": f"{achievement}#rubric-{criterion.criterion}", "type": ["ResultDescription"],
            "name": text_in(criterion.title, lang), "resultType": "RubricScore",
            "valueMin": str(criterion.scale_min), "valueMax": str(criterion.scale_max),
        })
    return found


def _results(data: CredentialData, achievement: str) -> list[dict[str, Any]]:
    found: list[dict[str, Any]] = [{"type": ["Result"], "resultDescription": f"{achievement}#outcome",
                                    "value": data.grade}]
    for criterion in data.rubric:
        found.append({"type": ["Result"], "resultDescription": f"{achievement}#rubric-{criterion.criterion}",
                      "value": str(criterion.score)})
    return found


def _criteria(data: CredentialData, lang: str) -> str:
    """The criteria in words, then every Annex I fact OB 3.0 has no field for, as a Markdown list."""
    facts: list[Msg] = [
        m.WORKLOAD_ECTS(hours=data.workload_hours, ects=data.ects) if data.ects is not None
        else m.WORKLOAD(hours=data.workload_hours),
        m.LEVEL(eqf=data.eqf_level),
        *(m.NQF_LEVEL(country=n.country, level=n.level, framework=f"({n.framework})" if n.framework else "")
          for n in data.nqf_levels),
        m.ASSESSMENT_TYPE(text=text_in(data.assessment_type, lang)),
        m.PARTICIPATION(text=text_in(data.participation, lang)),
        m.QUALITY_ASSURANCE(text=text_in(data.quality_assurance, lang)),
    ]
    if data.prerequisites:
        facts.append(m.PREREQUISITES(text=" ".join(text_in(p, lang) for p in data.prerequisites)))
    if data.supervision:
        facts.append(m.SUPERVISION(text=text_in(data.supervision, lang)))
    if data.stackability:
        facts.append(m.STACKABILITY(text=text_in(data.stackability, lang)))
    if data.gateway:
        facts.append(m.GATEWAY(gateway=data.gateway))
    if data.moderation:
        facts.append(m.MODERATION(text=text_in(data.moderation, lang)))
    if data.standards:
        facts.append(m.STANDARDS(standards=format_list(list(data.standards), lang)))
    if data.unit_codes:
        facts.append(m.UNIT_CODES(codes=format_list(list(data.unit_codes), lang)))
    if data.further_information:
        facts.append(m.FURTHER_INFORMATION(text=text_in(data.further_information, lang)))
    lines = [text_in(data.criteria, lang), "", render(m.FACTS_HEADING(), lang), ""]
    lines += ["- " + render(fact, lang).strip() for fact in facts]
    return "\n".join(lines)
