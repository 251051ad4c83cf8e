"""The offline validator itself: the EU's own micro-credential sample passes it (the setup is sound),
contexts come from the vendored copies and never the network, and bad input is a readable problem."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from credential_support import sample_data

from assessor_app.credentials.edc import edc_credential
from assessor_app.credentials.edc_validate import CONTEXTS, SHAPE_FILES, validate_edc

SAMPLES = Path(__file__).parent / "elm_samples"


def _sealed_sample() -> dict:
    """The payload of the EU's sealed micro-credential sample (a JWS in JSON serialisation)."""
    return json.loads(json.loads((SAMPLES / "Sample-MC-Annex1-signed.jsonld").read_text("utf-8"))["payload"])


def _unsigned_sample() -> dict:
    return json.loads((SAMPLES / "Sample-MC-Annex1-unsigned.jsonld").read_text("utf-8"))


def test_the_eu_sealed_micro_credential_sample_conforms(no_network: list) -> None:
    report = validate_edc(_sealed_sample())
    assert report.conforms, str(report)
    assert no_network == []


def test_the_eu_unsigned_sample_lacks_only_what_sealing_adds(no_network: list) -> None:
    report = validate_edc(_unsigned_sample())
    assert not report.conforms
    assert {p.path for p in report.problems} == {"cred:issued", "cred:issuer", "elm:eidasLegalIdentifier"}
    assert validate_edc(_unsigned_sample(), before_sealing=True).conforms
    assert no_network == []


def test_the_sample_workload_in_months_is_warned() -> None:
    """The EU sample's learning activity states "P60M": sixty months as ISO 8601 reads it."""
    warnings = validate_edc(_unsigned_sample(), before_sealing=True).warnings
    assert [(w.focus, w.path) for w in warnings] == [
        ("urn:epass:learningActivitySpec:1", "elm:volumeOfLearning")]
    assert "'P60M'" in warnings[0].message


def test_an_unknown_context_is_a_problem_and_never_fetched(no_network: list) -> None:
    doc = edc_credential(sample_data())
    doc["@context"] = [*doc["@context"], "https://example.org/other-context.jsonld"]
    report = validate_edc(doc)
    assert not report.conforms
    assert "https://example.org/other-context.jsonld" in report.problems[0].message
    assert "never fetched" in report.problems[0].message
    assert no_network == []


@pytest.mark.parametrize(("document", "said"), [
    ([1, 2], "JSON object"),
    ({"id": "urn:x"}, "no @context"),
])
def test_a_document_that_is_no_json_ld_is_a_readable_problem(document: object, said: str) -> None:
    report = validate_edc(document)  # type: ignore[arg-type]
    assert not report.conforms
    assert said in str(report)


def test_the_vendored_files_are_shipped_with_their_licences() -> None:
    folder = Path(__file__).parents[2] / "assessor_app" / "credentials" / "elm"
    names = {p.name for p in folder.iterdir()}
    assert set(SHAPE_FILES) | set(CONTEXTS.values()) | {"LICENCE-EUPL-1.2.txt", "LICENSE-W3C.txt",
                                                        "README.md"} <= names
    readme = (folder / "README.md").read_text("utf-8")
    for name in [*SHAPE_FILES, *CONTEXTS.values()]:
        assert name in readme
    assert "European Union Public Licence" in (folder / "LICENCE-EUPL-1.2.txt").read_text("utf-8")
