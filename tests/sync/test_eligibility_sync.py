"""The provider's eligibility list reaches the workstation at each sync, verified, and gates a start
offline."""

from __future__ import annotations

import base64
import json
import logging
from collections.abc import Iterator
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

import httpx
import pytest
from eligibility_support import DAY_US, ISSUED_US, add_credential, revoke
from securesystemslib.dsse import Envelope
from sync_support import EnrolledSite, provider_code

from assessor_app.cli import main
from assessor_app.core.engine import Person, Vehicle
from assessor_app.core.specs.library import Library, load_library
from assessor_app.evidence.keys import device_key
from assessor_app.i18n import render_stored
from assessor_app.paths import checklists_dir
from assessor_app.provider.credentials.eligibility import eligibility_statement, signed_eligibility
from assessor_app.provider.server import ProviderServer
from assessor_app.storage.eligibility import EligibilityStore, GateRefused, gate_for, start_eligibility
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.sync import enrollment as sync_enrollment
from assessor_app.sync.client import ProviderClient, SyncError
from assessor_app.sync.eligibility import EligibilityError, verify_held, verify_list
from assessor_app.sync.worker import SyncWorker

GATED, PREREQUISITE = "hv-battery-diagnostics", "hv-isolation-series"
UUID = "urn:uuid:0f9c2d3e-4b5a-4c6d-8e7f-101112131415"


@lru_cache(maxsize=1)
def library() -> Library:
    return load_library(checklists_dir())


class Site(EnrolledSite):
    def __init__(self, folder: Path, provider: ProviderServer):
        super().__init__(folder, provider)
        self.book = EligibilityStore(self.store)

    def start(self, candidate: str) -> AssessmentRecorder:
        """Start the gated checklist for ``candidate`` as the window does."""
        eligibility = start_eligibility(self.store, library(), GATED, candidate)
        return AssessmentRecorder.start(
            self.store, library().checklist(GATED), library().parameter_set("generic-400v"),
            candidate=Person(candidate), assessor=Person("assessor-03"), workshop=Person("ws-1"),
            vehicle=Vehicle("", "test EV", 400.0), workshop_country="FI", eligibility=eligibility)


@pytest.fixture
def site(tmp_path: Path, provider: ProviderServer) -> Iterator[Site]:
    s = Site(tmp_path / "site", provider)
    yield s
    s.close()


def _signed(provider: ProviderServer, statement: dict[str, Any]) -> dict[str, Any]:
    return signed_eligibility(provider.service.store, statement)


def _answer(envelope: dict[str, Any]) -> bytes:
    return json.dumps({"eligibility": envelope, "learners": 0, "as_of_us": 0}).encode()


def test_a_sync_holds_the_list_and_offline_the_gated_checklist_starts_only_for_a_holder(
        site: Site, provider: ProviderServer):
    credential = add_credential(provider.service, site.device, "L-017", PREREQUISITE)
    assert site.book.held() is None
    assert site.worker.run_once() is None
    held = site.book.held()
    assert held is not None and (held.learners, held.entries, held.as_of_us) == (1, 1, ISSUED_US)
    assert site.worker.status.eligibility_received_us == held.received_us
    assert site.book.learner("L-017")[PREREQUISITE].credential == f"urn:uuid:{credential}"
    checked = verify_held(site.book, site.outbox.enrollment())  # the envelope is kept: it verifies again
    assert checked is not None and list(checked.learners) == ["L-017"]

    provider.stop()  # offline from here: the list last received decides
    assert site.worker.run_once() is not None and site.worker.status.state == "offline"
    assert site.book.held() == held

    decision = gate_for(site.store, library(), GATED, "L-017")
    assert decision.met and [s.credential.issued for s in decision.standings] == ["2026-11-30"]
    started = site.start("L-017").engine.state.started["eligibility"]
    assert started[PREREQUISITE]["code"] == "gateway.met_by_credential"
    said = render_stored(started[PREREQUISITE], "en")
    assert said.startswith(f"credential urn:uuid:{credential} issued 2026-11-30 (provider's list received ")

    with pytest.raises(GateRefused) as refused:
        site.start("L-018")
    text = refused.value.text("en")
    assert text.startswith(f"checklist {GATED} needs the prerequisite HV isolation")
    assert f"({PREREQUISITE}): candidate L-018 has no competent result" in text
    assert f"(last received {decision.received()})" in text
    assert "kokelaalla L-018" in refused.value.text("fi") and "kelpoisuuslistassa" in refused.value.text("fi")


def test_a_revoked_credential_leaves_the_list_at_the_next_sync(site: Site, provider: ProviderServer):
    credential = add_credential(provider.service, site.device, "L-017", PREREQUISITE)
    add_credential(provider.service, site.device, "L-020", PREREQUISITE)
    assert site.worker.run_once() is None and site.book.held().learners == 2
    revoke(provider.service, credential, ISSUED_US + DAY_US)
    assert site.worker.run_once() is None
    held = site.book.held()
    assert (held.learners, held.as_of_us) == (1, ISSUED_US + DAY_US)
    assert site.book.learner("L-017") == {} and PREREQUISITE in site.book.learner("L-020")
    assert not gate_for(site.store, library(), GATED, "L-017").met


def test_without_a_list_only_this_workstations_records_count_and_the_refusal_says_never_received(
        site: Site):
    decision = gate_for(site.store, library(), GATED, "L-017")
    assert decision.list_received_us is None and not decision.met
    text = GateRefused(decision.refusals()).text("en")
    assert "no eligibility list has been received from the provider yet" in text
    assert "candidate L-017" in text and "HV isolation" in text and f"({PREREQUISITE})" in text


def test_a_tampered_list_is_refused_and_the_held_list_stays(site: Site, provider: ProviderServer):
    add_credential(provider.service, site.device, "L-017", PREREQUISITE)
    assert site.worker.run_once() is None
    held = site.book.held()
    envelope = json.loads(site.worker.client.eligibility(1 << 20))["eligibility"]
    payload = json.loads(base64.b64decode(envelope["payload"]))
    payload["learners"]["L-666"] = payload["learners"]["L-017"]
    tampered = {**envelope, "payload": base64.b64encode(json.dumps(payload).encode()).decode()}
    with pytest.raises(EligibilityError, match="not signed by the enrolled provider key"):
        verify_list(tampered, site.outbox.enrollment())

    site.worker.client.eligibility = lambda _limit: _answer(tampered)  # type: ignore[method-assign]
    assert site.worker.run_once() is None  # said, not a crash; the deliveries go on
    assert "not signed by the enrolled provider key" in site.worker.status.last_error
    assert site.book.held() == held and site.book.learner("L-666") == {}


def test_a_list_signed_by_another_key_or_with_another_payload_type_is_refused(
        site: Site, provider: ProviderServer, tmp_path: Path):
    statement = eligibility_statement(provider.service.store)
    good = _signed(provider, statement)
    enrollment = site.outbox.enrollment()
    assert verify_list(good, enrollment).learners == {}
    impostor = device_key(tmp_path / "impostor")
    with pytest.raises(EligibilityError, match="not signed by the enrolled provider key"):
        verify_list(good, replace(enrollment, provider_public_pem=impostor.public_pem()))
    payload = json.dumps(statement).encode()
    other = Envelope(payload=payload, payload_type="application/vnd.assessor.receipt+json", signatures={})
    other.sign(provider.service.store.key.signer)
    with pytest.raises(EligibilityError, match="payload type 'application/vnd.assessor.receipt"):
        verify_list(other.to_dict(), enrollment)
    with pytest.raises(EligibilityError, match="not a DSSE envelope"):
        verify_list({"payload": 5}, enrollment)


def test_a_list_older_than_the_held_one_is_refused_and_logged(site: Site, provider: ProviderServer,
                                                              caplog: pytest.LogCaptureFixture):
    add_credential(provider.service, site.device, "L-017", PREREQUISITE)
    assert site.worker.run_once() is None
    held = site.book.held()
    older = {"type": "assessor-app/eligibility/1", "issued_us": ISSUED_US + 5, "as_of_us": ISSUED_US - 1,
             "learners": {}}
    answer = _answer(_signed(provider, older))
    site.worker.client.eligibility = lambda _limit: answer  # type: ignore[method-assign]
    with caplog.at_level(logging.WARNING, logger="assessor_app.sync"):
        assert site.worker.run_once() is None
    assert "older than the one held here" in caplog.text
    assert "older than the one held here" in site.worker.status.last_error
    assert site.book.held() == held and PREREQUISITE in site.book.learner("L-017")


@pytest.mark.parametrize("change, field", [
    ({"type": "assessor-app/eligibility/2"}, "type must be"),
    ({"as_of_us": -1}, "as_of_us must be microseconds"),
    ({"issued_us": True}, "issued_us must be an integer"),
    ({"learners": []}, "learners must be an object"),
    ({"extra": 1}, "unexpected field 'extra'"),
    ({"learners": {" L-1": {PREREQUISITE: {"credential": UUID, "issued": "2026-11-30"}}}},
     "learner id ' L-1'"),
    ({"learners": {"L-1": {"../x": {}}}}, "checklist id '../x'"),
    ({"learners": {"L-1": {PREREQUISITE: {"credential": "urn:uuid:nope", "issued": "2026-11-30"}}}},
     f"learners['L-1']['{PREREQUISITE}'].credential must be urn:uuid"),
    ({"learners": {"L-1": {PREREQUISITE: {"credential": UUID, "issued": "2026-02-30"}}}},
     ".issued must be a date YYYY-MM-DD"),
    ({"learners": {"L-1": {}}}, "must hold 1 to 500 checklists"),
])
def test_a_misshapen_list_is_refused_naming_the_field(site: Site, provider: ProviderServer, change: dict,
                                                      field: str):
    statement = {"type": "assessor-app/eligibility/1", "issued_us": 2, "as_of_us": 1, "learners": {},
                 **change}
    answer = _answer(_signed(provider, statement))
    site.worker.client.eligibility = lambda _limit: answer  # type: ignore[method-assign]
    assert site.worker.run_once() is None
    assert field in site.worker.status.last_error
    assert site.book.held() is None


def test_a_failed_fetch_leaves_the_held_list_and_is_said(site: Site, provider: ProviderServer):
    add_credential(provider.service, site.device, "L-017", PREREQUISITE)
    assert site.worker.run_once() is None
    held = site.book.held()
    with pytest.raises(SyncError, match="larger than 10 bytes"):
        site.worker.client.eligibility(10)

    def refused(_limit: int) -> bytes:
        raise SyncError("fetching the eligibility list: the provider answered 403: forbidden", 403)

    site.worker.client.eligibility = refused  # type: ignore[method-assign]
    assert site.worker.run_once() is None
    assert "answered 403" in site.worker.status.last_error and site.book.held() == held


def test_a_provider_without_an_eligibility_list_is_no_error(site: Site, caplog: pytest.LogCaptureFixture):
    def older_provider(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/auth/token":
            return httpx.Response(200, json={"token": "t", "token_type": "Bearer", "expires_in": 3600})
        if request.url.path == "/health":
            return httpx.Response(200, json={"status": "ok"})
        return httpx.Response(404, json={"error": "Not Found"})

    enrollment = site.outbox.enrollment()
    client = ProviderClient("http://older.invalid", device_key(site.keys),
                            provider_key_id=enrollment.provider_key_id,
                            transport=httpx.MockTransport(older_provider))
    worker = SyncWorker(site.outbox, client)
    with caplog.at_level(logging.INFO, logger="assessor_app.sync.worker"):
        assert worker.run_once() is None
    assert worker.status.last_error is None and "no eligibility list" in caplog.text
    assert site.book.held() is None
    client.close()


def test_the_command_prints_the_list_held_verified_and_what_a_learner_holds(
        site: Site, provider: ProviderServer, capsys: pytest.CaptureFixture[str]):
    folder = str(site.folder)
    assert main(["eligibility", "--data-dir", folder, "--language", "en"]) == 0
    assert capsys.readouterr().out.startswith("No eligibility list has been received from the provider yet")
    credential = add_credential(provider.service, site.device, "L-017", PREREQUISITE)
    add_credential(provider.service, site.device, "L-020", PREREQUISITE)
    assert site.worker.run_once() is None
    assert main(["eligibility", "--data-dir", folder, "--language", "en"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("Eligibility list received ")
    assert "as of 30 Nov 2026, 12:00:00 UTC (made" in lines[0]
    assert lines[1] == "It names 2 learners holding 2 credentials."
    assert lines[2].startswith("Its signature verifies with the provider key ")
    assert main(["eligibility", "--data-dir", folder, "--learner", "L-017", "--language", "fi"]) == 0
    shown = capsys.readouterr().out
    assert "Oppijalla L-017 on listassa 1 mikrotutkinto:" in shown
    assert f"({PREREQUISITE}): mikrotutkinto urn:uuid:{credential}, myönnetty 30.11.2026" in shown
    assert main(["eligibility", "--data-dir", folder, "--learner", "L-404", "--language", "en"]) == 0
    assert "Learner L-404 holds no credential in the list." in capsys.readouterr().out


def test_enrolling_with_another_provider_forgets_the_list_the_first_one_signed(
        site: Site, provider: ProviderServer, tmp_path: Path):
    add_credential(provider.service, site.device, "L-017", PREREQUISITE)
    assert site.worker.run_once() is None and site.book.held() is not None
    assert not site.book.keep_only_from(site.outbox.enrollment().provider_key_id)  # its own: kept
    with ProviderServer(tmp_path / "other-provider") as other:
        sync_enrollment.enroll(site.outbox, provider_url=other.url, code=provider_code(other.service),
                               keys_dir=site.keys)
    assert site.book.held() is None and site.book.learner("L-017") == {}
    assert not gate_for(site.store, library(), GATED, "L-017").met


def test_hostile_sizes_and_json_are_refused_before_anything_is_held(
        site: Site, provider: ProviderServer, monkeypatch: pytest.MonkeyPatch):
    import assessor_app.sync.eligibility as eligibility

    enrollment = site.outbox.enrollment()
    entry = {PREREQUISITE: {"credential": UUID, "issued": "2026-11-30"}}
    statement = {"type": "assessor-app/eligibility/1", "issued_us": 2, "as_of_us": 1,
                 "learners": {"L-1": entry, "L-2": entry}}
    monkeypatch.setattr(eligibility, "MAX_LEARNERS", 1)
    with pytest.raises(EligibilityError, match="holds 2 learners, more than 1"):
        verify_list(_signed(provider, statement), enrollment)
    monkeypatch.undo()
    with pytest.raises(EligibilityError, match="learner id 'LLLL"):
        eligibility.check_statement({**statement, "learners": {"L" * 201: entry}})
    for raw, said in ((b'{"type": "x", "type": "y"}', "twice in one object"),
                      (b'{"learners": ' + b"[" * 20 + b"]" * 20 + b"}", "nested more than 8 levels"),
                      (b'{"issued_us": 1' + b"0" * 40 + b"}", "number longer than 20 characters"),
                      (b"\xff", "not UTF-8")):
        envelope = Envelope(payload=raw, payload_type="application/vnd.assessor.eligibility+json",
                            signatures={})
        envelope.sign(provider.service.store.key.signer)
        with pytest.raises(EligibilityError, match=said):
            verify_list(envelope.to_dict(), enrollment)
    with pytest.raises(EligibilityError, match="has no field 'eligibility'"):
        eligibility.read_answer(b'{"learners": 0}')
    assert site.book.held() is None
