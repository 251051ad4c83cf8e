"""The Open Badges 3.0 credential: valid against 1EdTech's JSON Schema, every Annex I element in its
place, the learner named only by a salted hash."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
from credential_support import sample_data
from signing_support import signed, unb64

from assessor_app.credentials.data import NqfLevel
from assessor_app.credentials.ob3 import (
    OB_SCHEMA,
    achievement_credential,
    credential_language,
    evidence_id,
    identity_hash,
)

SCHEMA = json.loads((Path(__file__).parents[1] / "data" / "ob3" / "ob_v3p0_achievementcredential_schema.json")
                    .read_text(encoding="utf-8"))


def _validate(document: dict) -> None:
    validator = jsonschema.validators.validator_for(SCHEMA)(SCHEMA)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert not errors, [f"{list(e.absolute_path)}: {e.message}" for e in errors]


def test_the_signed_payload_is_valid_against_the_official_schema():
    payload = unb64(signed().split(".")[1])
    assert jsonschema.validators.validator_for(SCHEMA).__name__ == "Draft201909Validator"
    _validate(payload)
    assert payload["credentialSchema"][0]["id"] == OB_SCHEMA


@pytest.mark.parametrize("changes", [
    {"ects": None}, {"status": None}, {"evidence": None}, {"rubric": ()}, {"gateway": None},
    {"prerequisites": (), "supervision": {}, "stackability": {}, "moderation": {}},
    {"nqf_levels": (NqfLevel("PT", "QNQ 4"), NqfLevel("ES", "2", "Catálogo"))},
])
def test_credentials_with_fewer_or_other_elements_stay_valid(changes):
    _validate(achievement_credential(sample_data(**changes)))


def test_the_schema_catches_a_broken_credential():
    broken = achievement_credential(sample_data())
    del broken["credentialSubject"]["achievement"]["criteria"]
    with pytest.raises(AssertionError, match="criteria"):
        _validate(broken)


def test_identity_hash_follows_the_spec_example():
    # OB 3.0, IdentityHash: 'a@example.com' salted with 'Kosher'
    assert identity_hash("a@example.com", "Kosher") == (
        "sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399")


def test_the_learner_is_named_only_by_a_salted_hash():
    data = sample_data()
    token = signed(data)
    payload_text = json.dumps(unb64(token.split(".")[1]), ensure_ascii=False)
    assert data.learner_id not in payload_text
    assert data.learner_name not in payload_text
    assert "Aino" not in payload_text and "Virtanen" not in payload_text
    identifier = unb64(token.split(".")[1])["credentialSubject"]["identifier"]
    assert identifier == [{"type": "IdentityObject", "hashed": True, "identityType": "sourcedId",
                           "identityHash": identity_hash(data.learner_id, data.subject_salt),
                           "salt": data.subject_salt}]


def test_every_annex_i_element_has_its_place():
    data = sample_data()
    c = achievement_credential(data)
    subject, achievement = c["credentialSubject"], c["credentialSubject"]["achievement"]
    lang = credential_language(data)
    assert subject["identifier"][0]["identityHash"].startswith("sha256$")  # learner
    assert c["name"] == achievement["name"] == data.title[lang]  # title
    assert c["issuer"]["address"]["addressCountryCode"] == "FI"  # country
    assert c["issuer"]["name"] == data.awarding_body.name  # awarding body
    assert c["issuer"]["otherIdentifier"] == [{"type": "IdentifierEntry", "identifier": "FI12345678",
                                               "identifierType": "ext:vatIdentifier"}]
    assert c["validFrom"] == c["awardedDate"] == "2026-11-30T09:15:00Z"  # date of issue
    esco = [a for a in achievement["alignment"] if a["targetFramework"] == "ESCO"]  # learning outcomes
    assert [a["targetUrl"] for a in esco] == list(data.outcomes[0].esco_skills)
    assert esco[0]["targetName"] == data.outcomes[0].text["en"]
    assert achievement["creditsAvailable"] == 0.3 and achievement["volumeOfLearning"] == "PT8H"  # workload
    eqf = [a for a in achievement["alignment"] if a["targetType"] == "ext:EQFLevel"]  # level
    assert eqf[0]["targetUrl"] == achievement["eqfLevel"] == "http://data.europa.eu/snb/eqf/4"
    assert achievement["nqfLevel"] == [{"country": "FI", "level": "4",
                                        "framework": "Finnish National Qualifications Framework"}]
    assert achievement["assessmentType"] == data.assessment_type["en"]  # type of assessment
    assert achievement["participationForm"] == data.participation["en"]  # form of participation
    assert achievement["qualityAssurance"] == data.quality_assurance["en"]  # type of quality assurance
    assert achievement["entryRequirement"] == [data.prerequisites[0]["en"]]  # prerequisites
    assert achievement["supervision"] == data.supervision["en"]
    assert achievement["idVerification"] == "photo_id"
    assert achievement["stackability"] == data.stackability["en"] and achievement["gateway"] == "ev-hybrid"
    assert achievement["achievementType"] == "MicroCredential"
    # grade: the outcome and each rubric score, each tied to its result description
    described = {d["id"] for d in achievement["resultDescription"]}
    assert [r["value"] for r in subject["result"]] == ["competent", "4", "3"]
    assert {r["resultDescription"] for r in subject["result"]} == described
    # the same facts in words, for displayers that show no extension property
    narrative = achievement["criteria"]["narrative"]
    for words in ("8 hours (0.3 ECTS credits)", "EQF 4", "In person, at the workshop", "photo ID",
                  "moderation cycle 2026-H2", "SFS 6002", "Gateway 3"):
        assert words in narrative


def test_the_evidence_pins_the_sealed_bundle():
    data = sample_data()
    (evidence,) = achievement_credential(data)["evidence"]
    assert evidence["bundleId"] == "b-20261120-0001" and evidence["manifestSha256"] == "e" * 64
    assert evidence["id"] == evidence_id("e" * 64) == "ni:///sha-256;" + "7u" * 21 + "4"
    assert data.evidence is not None and data.evidence.url not in json.dumps(evidence)  # never public
    assert "e" * 64 in evidence["narrative"]


def test_revocation_entry_names_the_list_and_index():
    status = achievement_credential(sample_data())["credentialStatus"]
    assert status == {"id": "https://provider.example.fi/credentials/status/1#17",
                      "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
                      "statusListIndex": "17",
                      "statusListCredential": "https://provider.example.fi/credentials/status/1"}
    assert "credentialStatus" not in achievement_credential(sample_data(status=None))


def test_written_in_the_learners_language_when_every_main_text_has_it():
    data = sample_data()
    assert credential_language(data) == "en"  # the description and criteria lack Finnish
    finnish = replace(data, description={**data.description, "fi": "Kuvaus."},
                      criteria={**data.criteria, "fi": "Kriteerit."})
    c = achievement_credential(finnish)
    assert credential_language(finnish) == "fi"
    assert c["credentialSubject"]["achievement"]["inLanguage"] == "fi"
    assert c["name"] == data.title["fi"]
    assert c["credentialSubject"]["achievement"]["criteria"]["narrative"].startswith("Kriteerit.")
