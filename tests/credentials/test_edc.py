"""The European Digital Credential (ELM v3 JSON-LD) of a micro-credential: what it says, where, in which
languages, and that the ELM shapes accept it offline."""

from __future__ import annotations

import copy
import json
import math

import pytest
from credential_support import ESCO_MEASUREMENTS, sample_data

from assessor_app.credentials.data import NqfLevel, annex_i_elements
from assessor_app.credentials.edc import edc_credential, uploadable
from assessor_app.credentials.edc_parts import duration_hours, hours_duration
from assessor_app.credentials.edc_validate import annex_i_missing, validate_edc


@pytest.fixture(scope="module")
def doc() -> dict:
    return edc_credential(sample_data())


def achievement(doc: dict) -> dict:
    return doc["credentialSubject"]["hasClaim"]


def spec(doc: dict) -> dict:
    return achievement(doc)["specifiedBy"]


def notes(node: dict) -> dict[str, dict]:
    return {n["subject"]["id"].rsplit(":", 1)[-1]: n["noteLiteral"] for n in node.get("additionalNote", [])
            if "subject" in n}


def test_the_sample_credential_conforms_to_the_elm_shapes(doc: dict, no_network: list) -> None:
    report = validate_edc(doc)
    assert report.conforms, str(report)
    assert report.problems == () and report.warnings == ()
    assert no_network == []


def test_the_document_is_plain_json_and_the_same_each_time(doc: dict) -> None:
    assert json.loads(json.dumps(doc)) == doc == edc_credential(sample_data())
    assert doc["@context"] == ["https://www.w3.org/2018/credentials/v1",
                               "http://data.europa.eu/snb/model/context/edc-ap"]
    assert doc["type"] == ["VerifiableCredential", "EuropeanDigitalCredential"]


def test_the_uploadable_form_leaves_to_the_sealing_service_what_it_adds(doc: dict, no_network: list) -> None:
    upload = uploadable(sample_data())
    assert list(upload) == ["credential"]
    credential = upload["credential"]
    assert "issued" not in credential and "eIDASIdentifier" not in json.dumps(credential)
    assert set(doc) - set(credential) == {"issued"}
    assert validate_edc(credential, before_sealing=True).conforms
    assert {p.path for p in validate_edc(credential).problems} == {
        "cred:issued", "cred:issuer", "elm:eidasLegalIdentifier"}  # as the EU's own unsigned sample
    assert annex_i_missing(credential) == []


# Each Annex I element, where it lives and the value it has there
ANNEX_I_VALUES = {
    "learner": lambda d: (d["credentialSubject"]["fullName"]["fi"],
                          d["credentialSubject"]["identifier"]["notation"]),
    "title": lambda d: achievement(d)["title"]["en"],
    "country": lambda d: achievement(d)["awardedBy"]["awardingBody"]["location"]["address"]["countryCode"][
        "id"],
    "awarding_body": lambda d: (achievement(d)["awardedBy"]["awardingBody"]["legalName"]["en"],
                                achievement(d)["awardedBy"]["awardingBody"]["vatIdentifier"]["notation"]),
    "date_of_issue": lambda d: (d["issued"], d["issuanceDate"], achievement(d)["awardedBy"]["awardingDate"]),
    "learning_outcomes": lambda d: [o["title"]["en"] for o in spec(d)["learningOutcome"]],
    "workload": lambda d: (spec(d)["volumeOfLearning"], spec(d)["creditPoint"][0]["point"]),
    "level": lambda d: (spec(d)["eqfLevel"]["id"], [n["id"] for n in spec(d)["nqfLevel"]]),
    "assessment_type": lambda d: (achievement(d)["provenBy"]["title"]["en"],
                                  achievement(d)["provenBy"]["specifiedBy"]["dcType"]["id"]),
    "participation": lambda d: (notes(spec(d))["participation"]["en"], [m["id"] for m in spec(d)["mode"]]),
    "quality_assurance": lambda d: notes(spec(d))["quality_assurance"]["en"],
}
EXPECTED = {
    "learner": ("Aino Virtanen", "L-0042"),
    "title": "HV isolation and re-energisation (series vehicle)",
    "country": "http://publications.europa.eu/resource/authority/country/FIN",
    "awarding_body": ("Ammattiopisto Esimerkki Oy", "FI12345678"),
    "date_of_issue": ("2026-11-30T09:15:00Z",) * 3,
    "learning_outcomes": ["Isolate a series-production HV vehicle following the OEM procedure.",
                          "Verify the absence of voltage with the live-dead-live method."],
    "workload": ("PT8H", "0.3"),
    "level": ("http://data.europa.eu/snb/eqf/4", ["http://data.europa.eu/snb/qdr/c_cbf250da"]),
    "assessment_type": ("Supervised practical on a vehicle, recorded", "http://data.europa.eu/snb/assessment/6a4db9f11d"),
    "participation": ("In person, at the workshop", ["http://data.europa.eu/snb/learning-assessment/9191af2ed9",
                                                     "http://data.europa.eu/snb/learning-assessment/729f3bed4b"]),
    "quality_assurance": "Assessed by a qualified assessor; external moderation of a risk-weighted sample "
                         "by a sector panel",
}


def test_every_annex_i_element_has_a_place() -> None:
    assert set(ANNEX_I_VALUES) == set(annex_i_elements(sample_data())) == set(EXPECTED)


@pytest.mark.parametrize("element", sorted(EXPECTED))
def test_annex_i_element_is_present(doc: dict, element: str) -> None:
    assert ANNEX_I_VALUES[element](doc) == EXPECTED[element]
    assert element not in annex_i_missing(doc)


def _drop(path: str):
    def remove(d: dict) -> None:
        *parents, last = path.split("/")
        node = d
        for key in parents:
            node = node[int(key)] if isinstance(node, list) else node[key]
        del node[last]
    return remove


def _drop_note(key: str):
    def remove(d: dict) -> None:
        s = spec(d)
        s["additionalNote"] = [n for n in s["additionalNote"] if not n["subject"]["id"].endswith(":" + key)]
        if key == "participation":
            del s["mode"]
    return remove


def _drop_all(*removers):
    def remove(d: dict) -> None:
        for r in removers:
            r(d)
    return remove


AWARDING = "credentialSubject/hasClaim/awardedBy/awardingBody"
REMOVALS = {
    "learner": _drop_all(_drop("credentialSubject/fullName"), _drop("credentialSubject/identifier")),
    "title": _drop_all(_drop("credentialSubject/hasClaim/title"),
                       _drop("credentialSubject/hasClaim/specifiedBy/title")),
    "country": _drop(f"{AWARDING}/location/address/countryCode"),
    "awarding_body": _drop(f"{AWARDING}/legalName"),
    "date_of_issue": _drop_all(_drop("issued"), _drop("issuanceDate")),
    "learning_outcomes": _drop("credentialSubject/hasClaim/specifiedBy/learningOutcome"),
    "workload": _drop_all(_drop("credentialSubject/hasClaim/specifiedBy/volumeOfLearning"),
                          _drop("credentialSubject/hasClaim/specifiedBy/creditPoint")),
    "level": _drop_all(_drop("credentialSubject/hasClaim/specifiedBy/eqfLevel"),
                       _drop("credentialSubject/hasClaim/specifiedBy/nqfLevel")),
    "assessment_type": _drop_all(_drop("credentialSubject/hasClaim/provenBy/title"),
                                 _drop("credentialSubject/hasClaim/provenBy/specifiedBy/dcType")),
    "participation": _drop_note("participation"),
    "quality_assurance": _drop_note("quality_assurance"),
}


@pytest.mark.parametrize("element", sorted(REMOVALS))
def test_a_removed_annex_i_element_is_named(doc: dict, element: str) -> None:
    changed = copy.deepcopy(doc)
    REMOVALS[element](changed)
    assert annex_i_missing(changed) == [element]


def test_a_document_that_is_no_credential_misses_every_element() -> None:
    assert annex_i_missing({}) == annex_i_missing([]) == list(EXPECTED)  # type: ignore[arg-type]


@pytest.mark.parametrize(("path", "named"), [
    ("credentialSubject/hasClaim/specifiedBy/title", "dc:title"),
    ("issuer/legalName", "rov:legalName"),
    ("issuer/location/address/countryCode", "elm:countryCode"),
    ("credentialSubject/hasClaim", "elm:hasClaim"),
    ("credentialSubject/hasClaim/provenBy/grade", "elm:grade"),
    ("issued", "cred:issued"),
])
def test_a_removed_required_element_fails_validation_naming_it(doc: dict, path: str, named: str) -> None:
    changed = copy.deepcopy(doc)
    _drop(path)(changed)
    report = validate_edc(changed)
    assert not report.conforms
    assert any(named in (p.path + " " + p.message) for p in report.problems), str(report)


@pytest.mark.parametrize("iri", ["http://data.europa.eu/snb/eqf/9", "http://data.europa.eu/snb/eqf/level4",
                                 "https://example.org/eqf/4"])
def test_a_wrong_eqf_iri_fails_naming_the_eqf_level(doc: dict, iri: str) -> None:
    changed = copy.deepcopy(doc)
    spec(changed)["eqfLevel"]["id"] = iri
    report = validate_edc(changed)
    assert not report.conforms
    assert [p.path for p in report.problems] == ["elm:EQFLevel"]
    assert "EQF level" in report.problems[0].message


@pytest.mark.parametrize("bad", ["8 hours", "PT", "P8", 8])
def test_a_bad_duration_fails_naming_the_volume_of_learning(doc: dict, bad: object) -> None:
    changed = copy.deepcopy(doc)
    spec(changed)["volumeOfLearning"] = bad
    report = validate_edc(changed)
    assert not report.conforms
    assert [p.path for p in report.problems] == ["elm:volumeOfLearning"], str(report)
    assert repr(str(bad)) in report.problems[0].message or repr(bad) in report.problems[0].message


def test_a_workload_in_months_is_valid_but_warned(doc: dict) -> None:
    changed = copy.deepcopy(doc)
    spec(changed)["volumeOfLearning"] = "P60M"
    report = validate_edc(changed)
    assert report.conforms
    assert [w.path for w in report.warnings] == ["elm:volumeOfLearning"]
    assert "sixty months" in report.warnings[0].message


def test_a_wrong_esco_skill_fails(doc: dict) -> None:
    changed = copy.deepcopy(doc)
    spec(changed)["learningOutcome"][0]["relatedESCOSkill"][0]["id"] = "http://data.europa.eu/esco/skill/measure"
    report = validate_edc(changed)
    assert [p.path for p in report.problems] == ["elm:relatedESCOSkill"]


def test_outcomes_carry_their_esco_skills(doc: dict) -> None:
    first = spec(doc)["learningOutcome"][0]["relatedESCOSkill"]
    assert [s["id"] for s in first] == [ESCO_MEASUREMENTS]
    assert first[0]["inScheme"]["id"] == "http://data.europa.eu/esco/concept-scheme/skills"


def test_texts_appear_in_every_language_the_data_has(doc: dict) -> None:
    data = sample_data()
    assert achievement(doc)["title"] == {"en": data.title["en"], "fi": data.title["fi"]}
    assert spec(doc)["learningOutcome"][0]["title"]["fi"].startswith("Tekee sarjavalmisteisen")
    assert spec(doc)["learningOutcome"][1]["title"] == {"en": data.outcomes[1].text["en"]}
    display = doc["displayParameter"]
    assert display["primaryLanguage"]["id"].endswith("/language/FIN")
    assert [lang["id"].rsplit("/", 1)[-1] for lang in display["language"]] == ["FIN", "ENG"]
    assert [d["language"]["id"].rsplit("/", 1)[-1] for d in display["individualDisplay"]] == ["FIN", "ENG"]
    # the notes' subjects are named in each display language, from the catalogs
    subject = spec(doc)["additionalNote"][1]["subject"]["prefLabel"]
    assert subject == {"fi": "Laadunvarmistus", "en": "Quality assurance"}


def test_a_credential_in_three_languages_keeps_them_all() -> None:
    data = sample_data(language="sv",
                       title={"en": "HV isolation", "sv": "HV-frånkoppling", "pt": "Isolamento AT"})
    doc = edc_credential(data)
    assert achievement(doc)["title"] == {"en": "HV isolation", "sv": "HV-frånkoppling", "pt": "Isolamento AT"}
    assert [lang["id"][-3:] for lang in doc["displayParameter"]["language"]] == ["SWE", "ENG", "POR"]
    assert validate_edc(doc).conforms


def test_the_evidence_bundle_is_pinned_by_its_manifest_hash(doc: dict) -> None:
    assessment = achievement(doc)["provenBy"]
    ids = {i["schemeName"]: i["notation"] for i in assessment["identifier"]}
    assert ids == {"evidence bundle": "b-20261120-0001", "evidence bundle manifest SHA-256": "e" * 64,
                   "assessment": "9d2e4f60-1111-4a4a-8b8b-123456789abc"}
    document = assessment["supplementaryDocument"]
    assert document["contentURL"] == "ni:///sha-256;" + "7u7u" * 10 + "7u4"  # RFC 6920: base64url of 0xee...
    assert assessment["idVerification"]["id"] == "http://data.europa.eu/snb/supervision-verification/70be69aaf9"
    assert assessment["dateIssued"] == "2026-11-20T13:40:00Z"


def test_the_awarding_body_is_the_issuer_with_an_eidas_identifier(doc: dict) -> None:
    issuer = doc["issuer"]
    assert issuer["id"] == "https://provider.example.fi/credentials/issuer"
    assert issuer["eIDASIdentifier"]["notation"] == "VATFI-12345678"
    assert achievement(doc)["awardedBy"]["awardingBody"] == issuer


def test_an_nqf_level_without_a_register_concept_is_kept_as_a_note() -> None:
    doc = edc_credential(sample_data(nqf_levels=(NqfLevel("FI", "4"), NqfLevel("DE", "4", "DQR"))))
    assert [n["id"] for n in spec(doc)["nqfLevel"]] == ["http://data.europa.eu/snb/qdr/c_cbf250da"]
    assert notes(spec(doc))["national_level"] == {"en": "DE DQR: 4"}
    assert validate_edc(doc).conforms


@pytest.mark.parametrize(("hours", "duration"),
                         [(8, "PT8H"), (7.5, "PT7H30M"), (0.25, "PT15M"), (60, "PT60H")])
def test_workload_hours_as_an_iso_8601_duration(hours: float, duration: str) -> None:
    assert hours_duration(hours) == duration
    assert duration_hours(duration) == hours


@pytest.mark.parametrize("hours", [0, -1, math.nan, math.inf, True])
def test_a_workload_that_is_not_a_positive_number_of_hours_is_refused(hours: float) -> None:
    with pytest.raises(ValueError, match="workload_hours"):
        edc_credential(sample_data(workload_hours=hours))


@pytest.mark.parametrize(("change", "field"),
                         [({"eqf_level": 9}, "eqf_level"), ({"outcomes": ()}, "outcomes"),
                          ({"title": {}}, "title")])
def test_bad_data_is_refused_naming_the_field(change: dict, field: str) -> None:
    with pytest.raises(ValueError, match=field):
        edc_credential(sample_data(**change))
