"""The awarding body's fields and the issuance rules: what is accepted, and what each refusal names."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor_app.core.specs.library import load_library
from assessor_app.credentials.data import AwardingBody
from assessor_app.i18n import render
from assessor_app.paths import checklists_dir
from assessor_app.provider.credentials.awarding import awarding_body, checked, set_awarding_body
from assessor_app.provider.credentials.rules import IssuanceRules, RulesError
from assessor_app.provider.store import ProviderConfig, ProviderStore, Refused

BODY = AwardingBody(name="  Ammattiopisto   Esimerkki Oy ", legal_id="fi 1234 5678", legal_id_type="VAT",
                    address="Teollisuuskatu 1, 00510 Helsinki", country="fi", url="https://provider.example.fi",
                    email="credentials@provider.example.fi")


def _refusal(body: AwardingBody) -> str:
    with pytest.raises(Refused) as caught:
        checked(body)
    assert caught.value.msg is not None
    return render(caught.value.msg, "en")


def test_the_awarding_body_is_tidied_and_a_vat_number_checked_against_the_country():
    body = checked(BODY)
    assert (body.name, body.legal_id, body.legal_id_type, body.country) == (
        "Ammattiopisto Esimerkki Oy", "FI12345678", "vat", "FI")
    assert body.issuer_id == "https://provider.example.fi/credentials/issuer"
    assert "(ES)" in _refusal(AwardingBody(**{**BODY.__dict__, "country": "ES"}))
    greek = checked(AwardingBody(**{**BODY.__dict__, "country": "GR", "legal_id": "EL123456789"}))
    assert greek.legal_id == "EL123456789"


@pytest.mark.parametrize(("field", "value", "says"), [
    ("name", "", "name"),
    ("country", "XX", "ISO 3166"),
    ("legal_id_type", "passport", "business, vat, eidas"),
    ("legal_id", "!", "legal identifier"),
    ("address", "x", "postal address"),
    ("url", "http://provider.example.fi", "https://"),
    ("url", "https://provider.example.fi/", "trailing"),
    ("url", "https://provider.example.fi/?a=1", "query"),
    ("email", "not an address", "e-mail"),
])
def test_each_wrong_field_is_named(field: str, value: str, says: str):
    assert says in _refusal(AwardingBody(**{**BODY.__dict__, field: value}))


def test_plain_http_is_accepted_for_this_machine_only():
    assert checked(AwardingBody(**{**BODY.__dict__, "url": "http://127.0.0.1:8750"})).url == "http://127.0.0.1:8750"


def test_the_awarding_body_is_stored_once_and_replaced(tmp_path: Path):
    store = ProviderStore(ProviderConfig(tmp_path / "provider"))
    try:
        assert awarding_body(store) is None
        set_awarding_body(store, BODY, by="cli")
        set_awarding_body(store, AwardingBody(**{**BODY.__dict__, "name": "Uusi Nimi Oy"}), by="cli")
        assert awarding_body(store).name == "Uusi Nimi Oy"
    finally:
        store.close()


def _specs():
    library = load_library(checklists_dir())
    return {i: library.checklist(i).spec for i in library.checklists}


def test_the_shipped_rules_name_every_shipped_checklist_with_their_defaults():
    rules = IssuanceRules.load()
    specs = _specs()
    assert set(rules.names()) == set(specs)
    isolation = rules.rule_for(specs["hv-isolation-series"])
    assert isolation.moderation == "drawn"  # a gateway's credential waits for moderation
    assert not isolation.requires_oem_data  # only generic parameter sets ship
    assert isolation.ects == round(specs["hv-isolation-series"].credential.workload_hours / 25, 2)
    assert {n.country for n in isolation.nqf_levels} == {"FI", "SE", "ES", "PT"}
    assert all(set(t) == {"en", "fi", "sv", "es", "pt"} for t in (isolation.title, isolation.stackability,
                                                               isolation.quality_assurance))
    assert rules.rule_for(specs["can-bus-physical-layer"]).moderation == "none"


def test_a_providers_file_replaces_the_rules_and_may_name_one_version(tmp_path: Path):
    spec = _specs()["can-bus-physical-layer"]
    (tmp_path / "issuance-rules.yaml").write_text(f"""
assessment_type: practical
participation: in person
quality_assurance: moderated
checklists:
  can-bus-physical-layer:
    moderation: confirmed
    nqf: {{ES: {{level: "2", framework: MECU}}}}
    ects: 0.5
  can-bus-physical-layer@{spec.version}:
    issue: false
""", encoding="utf-8")
    rules = IssuanceRules.load(tmp_path)
    assert rules.rule_for(spec) is None  # this version gives none
    older = spec.model_copy(update={"version": "0.9.0"})
    rule = rules.rule_for(older)
    assert (rule.moderation, rule.ects, [(n.country, n.level) for n in rule.nqf_levels]) == (
        "confirmed", 0.5, [("ES", "2")])
    assert rules.rule_for(_specs()["hv-isolation-series"]) is None  # not named: no credential


@pytest.mark.parametrize(("text", "says"), [
    ("checklists: [", "line"),
    ("- a list", "mapping"),
    ("assessment_type: x\nparticipation: y\nquality_assurance: z\nchecklists: {a: {moderation: often}}",
     "checklists.a.moderation"),
    ("participation: y\nquality_assurance: z\nchecklists: {}", "assessment_type"),
])
def test_a_broken_rules_file_is_refused_naming_the_file_and_field(tmp_path: Path, text: str, says: str):
    (tmp_path / "issuance-rules.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RulesError) as caught:
        IssuanceRules.load(tmp_path)
    assert "issuance-rules.yaml" in str(caught.value) and says in str(caught.value)
