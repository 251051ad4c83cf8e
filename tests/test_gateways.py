"""The gateway decision at the start, as a plain function: which prerequisites a candidate meets, by what."""

from __future__ import annotations

import hashlib
from functools import lru_cache

from assessor_app.core.engine import AssessmentEngine, Participant, Place, VehicleInfo
from assessor_app.core.gateways import HeldCredential, decide_gate, when_text
from assessor_app.core.specs.library import Library, load_library
from assessor_app.i18n import render, render_stored
from assessor_app.paths import checklists_dir
from assessor_app.sync import protocol

GATED, PREREQUISITE = "hv-battery-diagnostics", "hv-isolation-series"
CREDENTIAL = HeldCredential(PREREQUISITE, "urn:uuid:0f9c2d3e-4b5a-4c6d-8e7f-101112131415", "2026-11-30")
RECEIVED_US = 1_796_638_500_000_000


@lru_cache(maxsize=1)
def library() -> Library:
    return load_library(checklists_dir())


def _decide(spec_id: str = GATED, *, here: dict | None = None, held: dict | None = None,
            received: int | None = RECEIVED_US):
    titles = {c: loaded.spec.title for c, loaded in library().checklists.items()}
    return decide_gate(library().checklist(spec_id).spec, "L-017", passed_here=here or {}, held=held or {},
                       list_received_us=received, titles=titles)


def test_a_checklist_without_prerequisite_checklists_is_not_gated():
    decision = _decide(PREREQUISITE)
    assert not decision.gated and decision.met and decision.eligibility() == {} and decision.refusals() == []


def test_a_competent_result_recorded_here_meets_the_prerequisite_without_any_list():
    decision = _decide(here={PREREQUISITE: "a-1"}, received=None)
    assert decision.gated and decision.met and decision.refusals() == []
    why = decision.eligibility()[PREREQUISITE]
    assert why.code == "gateway.met_here"
    assert render(why, "en") == "assessment a-1 (competent, recorded on this workstation)"


def test_a_credential_in_the_last_list_meets_it_and_says_when_the_list_was_received():
    decision = _decide(held={PREREQUISITE: CREDENTIAL})
    assert decision.met
    why = decision.eligibility()[PREREQUISITE]
    assert render(why, "en") == (f"credential {CREDENTIAL.credential} issued 2026-11-30 (provider's list "
                                 f"received {when_text(RECEIVED_US)})")
    assert why.args["received_us"] == RECEIVED_US
    assert "mikrotutkinto" in render(why, "fi")


def test_with_both_the_providers_credential_is_what_the_record_names():
    decision = _decide(here={PREREQUISITE: "a-1"}, held={PREREQUISITE: CREDENTIAL})
    (standing,) = decision.standings
    assert standing.assessment_id == "a-1" and standing.credential == CREDENTIAL
    assert decision.eligibility()[PREREQUISITE].code == "gateway.met_by_credential"


def test_a_missing_prerequisite_is_refused_naming_it_the_candidate_and_the_lists_age():
    decision = _decide(held={"other-checklist": CREDENTIAL})  # a credential for something else counts not
    assert not decision.met and [s.checklist_id for s in decision.missing] == [PREREQUISITE]
    (refusal,) = decision.refusals()
    text = render(refusal, "en")
    assert text.startswith(f"checklist {GATED} needs the prerequisite HV isolation")
    assert f"({PREREQUISITE}): candidate L-017" in text
    assert f"(last received {when_text(RECEIVED_US)})" in text
    for language in ("fi", "sv", "es", "pt"):
        assert "L-017" in render(refusal, language) and render(refusal, language) != text
    never = render(_decide(received=None).refusals()[0], "en")
    assert "never received: only this workstation's own records count" in never


def test_an_unknown_prerequisite_checklist_is_named_by_its_id():
    decision = _decide()
    titled = decision.standings[0]
    assert render(titled.name(), "en").endswith(f"({PREREQUISITE})")
    untitled = decide_gate(library().checklist(GATED).spec, "L-017", passed_here={}, held={},
                           list_received_us=None)
    assert untitled.standings[0].name() == PREREQUISITE


def test_the_start_event_stores_each_reason_as_a_catalog_message():
    loaded, params = library().checklist(GATED), library().parameter_set("generic-400v")
    eligibility = _decide(held={PREREQUISITE: CREDENTIAL}).eligibility()
    payload, _ = AssessmentEngine.start_payload_v2(
        spec=loaded.spec, spec_sha256=loaded.sha256, params=params.params, params_sha256=params.sha256,
        candidate=Participant("L-017", hashlib.sha256(b"c").hexdigest()), assessor=Participant("assessor-03"),
        workshop=Place("ws-1", "FI"), vehicle=VehicleInfo("test EV", 400.0, hashlib.sha256(b"v").hexdigest()),
        eligibility=eligibility)
    stored = payload["eligibility"][PREREQUISITE]
    assert set(stored) == {"code", "args", "text"} and stored["code"] == "gateway.met_by_credential"
    assert render_stored(stored, "sv").startswith(f"mikromerit {CREDENTIAL.credential} utfärdad 2026-11-30")


def test_the_workstation_and_the_provider_agree_on_the_lists_types():
    from assessor_app.provider.credentials import eligibility

    assert (protocol.ELIGIBILITY_PAYLOAD_TYPE, protocol.ELIGIBILITY_TYPE) == (
        eligibility.ELIGIBILITY_PAYLOAD_TYPE, eligibility.ELIGIBILITY_TYPE)
