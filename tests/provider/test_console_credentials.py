"""The console's credential pages over the provider app, with real assessments recorded by the
workstation demo: the assessment page's credential section (every reason in words, a refusal answered
409 with them), issuing, the list and "issue all eligible", a credential's page (name on request,
revocation with a reason and a confirmation, voluntary participation figures), its downloads, CSRF."""

from __future__ import annotations

import io
import json
import re
import shutil
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from console_assessment_support import DEMO_CANDIDATE
from console_support import Clock, client_for, csrf_token, make_service
from credential_console_support import HeldSet, insert_credential, ready, real_documents, shared_held_set
from sqlalchemy import select
from starlette.testclient import TestClient
from verdict_support import add_cycle

from assessor_app.credentials import vc_jwt
from assessor_app.provider.console import credential_list_views
from assessor_app.provider.console.audit import entries
from assessor_app.provider.credentials import documents
from assessor_app.provider.credentials.issuer_key import public_keys
from assessor_app.provider.credentials.models import AwardingBodyRow, CredentialRow, LearnerParticipation
from assessor_app.provider.service import ProviderService

UUID = r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"


@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory) -> HeldSet:
    return shared_held_set(tmp_path_factory)


@pytest.fixture
def service(held: HeldSet, tmp_path: Path, console_clock: Clock) -> Iterator[ProviderService]:
    """A provider of its own for each test (a copy of the held set), rules relaxed, body set."""
    folder = tmp_path / "provider"
    shutil.copytree(held.folder, folder)
    service = make_service(folder, console_clock)
    ready(service)
    yield service
    service.close()


@pytest.fixture
def issuing(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issuing writes real documents: the provider's own call to the formats if it is there, else the
    format modules called the same way."""
    source = Path(documents.__file__).read_text(encoding="utf-8")
    if "raise NotImplementedError" in source.split("def issue_documents", 1)[1].split("\ndef ", 1)[0]:
        monkeypatch.setattr(documents, "issue_documents", real_documents)


@pytest.fixture
def as_role(service: ProviderService) -> Callable[[str], TestClient]:
    clients: dict[str, TestClient] = {}

    def client(role: str) -> TestClient:
        if role not in clients:
            clients[role] = client_for(service, role)
        return clients[role]
    return client


def _credentials(service: ProviderService) -> list:
    with service.store.engine.connect() as conn:
        return conn.execute(select(CredentialRow)).all()


def _post(client: TestClient, page: str, action: str, **fields: str):
    return client.post(action, data={"csrf_token": csrf_token(client.get(page)), **fields})


# ---------------------------------------------------------------- the assessment page
def test_the_assessment_page_names_every_reason_and_a_refused_issue_is_a_409_with_them(service, held,
                                                                                     as_role):
    add_cycle(service, "2027-H1", sampled=[held.keys["passed"]])  # sampled, no verdict: pending
    expected = {"failed": ["credentials.refused.not_competent"],
                "hazard": ["credentials.refused.not_competent", "credentials.refused.hazard_stop"],
                "battery": ["credentials.refused.prerequisite"],
                "passed": ["credentials.refused.moderation_pending"]}
    coordinator = as_role("coordinator")
    for name, codes in expected.items():
        page = coordinator.get(held.url(name))
        assert page.status_code == 200
        assert re.findall(r'<li data-code="([\w.]+)">', page.text) == codes, name
        # no button while a reason stands; the form posted anyway is refused with the reasons
        assert 'id="issue-credential"' not in page.text and 'id="credential-moderation"' in page.text
        answer = _post(coordinator, held.url(name), f"{held.url(name)}/credential")
        assert answer.status_code == 409, (name, answer.status_code)
        assert 'id="credential-refused"' in answer.text and "The credential was not issued:" in answer.text
        assert re.findall(r'<li data-code="([\w.]+)">', answer.text) == codes, name
    page = coordinator.get(held.url("hazard")).text
    assert "the outcome is &#39;stopped safely" in page and "stopped_safely" not in page  # in words
    assert "hazard stop (at step 12)" in page
    assert "a credential is issued only for a competent outcome" in page
    assert "holds no valid credential for hv-isolation-series" in coordinator.get(held.url("battery")).text
    assert "no verdict yet" in coordinator.get(held.url("passed")).text
    assert not _credentials(service)
    refused = entries(service.store, action="credentials.issue_refused")
    assert len(refused) == 4 and refused[0].detail["reasons"] == ["credentials.refused.moderation_pending"]
    auditor = as_role("auditor")
    seen = auditor.get(held.url("failed"))
    assert 'id="credential-reasons"' in seen.text and 'id="issue-credential"' not in seen.text
    assert _post(auditor, held.url("failed"), f"{held.url('failed')}/credential").status_code == 403


def test_issuing_from_the_assessment_page_goes_to_the_credential_and_meets_the_next_prerequisite(
        service, held, as_role, issuing):
    coordinator = as_role("coordinator")
    ready_page = coordinator.get(held.url("passed")).text
    assert 'id="credential-may"' in ready_page and 'id="issue-credential"' in ready_page
    answer = _post(coordinator, held.url("passed"), f"{held.url('passed')}/credential")
    assert answer.status_code == 303
    location = answer.headers["location"]
    ident = re.fullmatch(rf"/console/credentials/({UUID})\?issued=1", location).group(1)
    page = coordinator.get(location)
    assert page.status_code == 200 and "The credential was issued." in page.text
    assert 'data-status="valid"' in page.text and "HV isolation" in page.text
    assessment = coordinator.get(held.url("passed")).text
    assert 'id="credential-issued"' in assessment and f"/console/credentials/{ident}" in assessment
    again = _post(coordinator, held.url("passed"), f"{held.url('passed')}/credential")
    assert again.status_code == 303 and ident in again.headers["location"]  # the same credential
    battery = _post(coordinator, held.url("battery"), f"{held.url('battery')}/credential")
    assert battery.status_code == 303  # its prerequisite is now held
    rows = _credentials(service)
    assert len(rows) == 2 and {r.issued_by for r in rows} == {"coordinator"}
    issued = entries(service.store, action="credentials.issue")
    assert len(issued) == 2 and {e.target for e in issued} == {r.id for r in rows}
    token = next(r.ob3_jwt for r in rows if r.id == ident)
    jwks = vc_jwt.issuer_jwks(public_keys(service.store.config.folder / "keys"))
    assert vc_jwt.verify_jwt(token, jwks).credential["id"] == f"urn:uuid:{ident}"


def test_every_form_needs_the_sessions_csrf_token(service, held, as_role):
    row = insert_credential(service, *held.keys["passed"])
    coordinator, other = as_role("coordinator"), as_role("administrator")
    foreign = csrf_token(other.get("/console/"))
    forms = [(f"{held.url('failed')}/credential", {}), ("/console/credentials/issue-eligible", {}),
             (f"/console/credentials/{row.id}/revoke", {"reason": "issued in error", "confirm": "1"}),
             (f"/console/credentials/{row.id}/participation", {"gender": "woman"}),
             (f"/console/credentials/{row.id}/show-name", {})]
    for action, fields in forms:
        for token in (None, foreign, "x" * 64):
            data = dict(fields, **({"csrf_token": token} if token else {}))
            answer = coordinator.post(action, data=data)
            assert answer.status_code == 403 and "form" in answer.text.lower(), (action, token)
    assert service.credentials.get(row.id).revoked_us is None
    with service.store.engine.connect() as conn:
        assert not conn.execute(select(LearnerParticipation)).all()
    assert not entries(service.store, action="credentials.issue_refused")


# ---------------------------------------------------------------- the list
def test_the_list_is_newest_first_by_pseudonym_with_filters_and_pages(service, held, as_role, monkeypatch,
                                                                      console_clock):
    made = []
    for name in ("passed", "failed", "hazard"):
        made.append(insert_credential(service, *held.keys[name], signed=False))
        console_clock.advance(60)
    service.credentials.revoke(made[1].id, reason="issued in error", by="coordinator")
    auditor = as_role("auditor")
    page = auditor.get("/console/credentials")
    assert page.status_code == 200
    assert re.findall(rf'data-credential="({UUID})"', page.text) == [r.id for r in reversed(made)]
    assert "learner-017" in page.text and DEMO_CANDIDATE not in page.text
    assert 'id="issue-all"' not in page.text  # the auditor issues nothing
    assert 'id="issue-all"' in as_role("coordinator").get("/console/credentials").text
    revoked = auditor.get("/console/credentials?state=revoked")
    assert re.findall(rf'data-credential="({UUID})"', revoked.text) == [made[1].id]
    valid = auditor.get("/console/credentials?state=valid&checklist=hv-isolation-series")
    assert re.findall(rf'data-credential="({UUID})"', valid.text) == [made[2].id, made[0].id]
    bad = auditor.get("/console/credentials?checklist=nope&state=lost&workshop=nowhere&after=zz")
    assert bad.status_code == 400 and len(re.findall(r'<li class="error">', bad.text)) == 4
    assert len(re.findall(rf'data-credential="({UUID})"', bad.text)) == 3  # the list is still shown
    monkeypatch.setattr(credential_list_views, "PAGE_SIZE", 2)
    first = auditor.get("/console/credentials")
    nxt = re.search(r'href="([^"]+)" id="next-page"', first.text).group(1).replace("&amp;", "&")
    second = auditor.get(nxt)
    assert re.findall(rf'data-credential="({UUID})"', second.text) == [made[0].id]
    assert 'id="next-page"' not in second.text and 'id="first-page"' in second.text
    assert as_role("moderator").get("/console/credentials").status_code == 403


def test_issue_all_eligible_says_how_many_and_groups_why_the_others_were_not(service, held, as_role,
                                                                             issuing):
    add_cycle(service, "2027-H1", sampled=[held.keys["battery"]])
    coordinator = as_role("coordinator")
    answer = _post(coordinator, "/console/credentials", "/console/credentials/issue-eligible")
    assert answer.status_code == 200
    assert 'data-issued="1"' in answer.text and "1 credential issued." in answer.text
    assert 'data-refused="1"' in answer.text and "no verdict yet" in answer.text
    grouped = r'class="reason">[^<]*cycle 2027-H1[^<]*<span class="muted">\(1 assessment\)'
    assert re.search(grouped, answer.text)
    rows = _credentials(service)
    assert [r.checklist_id for r in rows] == ["hv-isolation-series"]
    again = _post(coordinator, "/console/credentials", "/console/credentials/issue-eligible")
    assert 'data-issued="0"' in again.text and len(_credentials(service)) == 1
    run = entries(service.store, action="credentials.issue_eligible")
    assert [e.detail["issued"] for e in run] == [[], [rows[0].id]]
    unknown = _post(coordinator, "/console/credentials", "/console/credentials/issue-eligible",
                    checklist="no-such-checklist")
    assert unknown.status_code == 400 and 'id="run-error"' in unknown.text


# ---------------------------------------------------------------- one credential
def test_the_credential_page_states_it_and_shows_the_name_only_on_request(service, held, as_role):
    row = insert_credential(service, *held.keys["passed"])
    coordinator = as_role("coordinator")
    page = coordinator.get(f"/console/credentials/{row.id}")
    assert page.status_code == 200 and DEMO_CANDIDATE not in page.text
    for said in ("HV isolation and re-energisation", "EQF 4", "8 hours", "Autoala Koulutus Oy",
                 row.manifest_sha256, f'href="{held.url("passed")}"', "no moderation cycle has covered it",
                 "Supervised throughout by assessor", 'data-status="valid"', "never required"):
        assert said in page.text.replace("&#39;", "'"), said
    base = f"/console/credentials/{row.id}"
    shown = _post(coordinator, base, f"{base}/show-name")
    assert shown.status_code == 303 and shown.headers["location"].endswith("?names=1")
    named = coordinator.get(shown.headers["location"])
    assert f'id="learner">{DEMO_CANDIDATE}<' in named.text
    logged = entries(service.store, action="credentials.learner_name")
    assert len(logged) == 1 and logged[0].detail == {"learner": "learner-017"}
    auditor = as_role("auditor")
    assert auditor.get(f"/console/credentials/{row.id}?names=1").status_code == 403
    seen = auditor.get(f"/console/credentials/{row.id}").text
    ids = set(re.findall(r'id="[\w-]+"', seen))
    assert not {'id="show-name"', 'id="revoke-form"', 'id="downloads"'} & ids
    assert as_role("moderator").get(f"/console/credentials/{row.id}").status_code == 403
    assert coordinator.get("/console/credentials/not-a-uuid").status_code == 404
    missing = coordinator.get("/console/credentials/00000000-0000-4000-8000-000000000000")
    assert missing.status_code == 404 and "there is no credential" in missing.text.lower()


def test_revoking_needs_a_reason_and_the_confirmation_and_is_kept_with_who_and_when(service, held, as_role):
    row = insert_credential(service, *held.keys["passed"])
    coordinator = as_role("coordinator")
    base = f"/console/credentials/{row.id}"
    unconfirmed = _post(coordinator, base, f"{base}/revoke", reason="issued in error")
    assert unconfirmed.status_code == 400 and 'data-for="confirm"' in unconfirmed.text
    assert "issued in error" in unconfirmed.text  # the reason typed stays in the form
    no_reason = _post(coordinator, base, f"{base}/revoke", reason=" ", confirm="1")
    assert no_reason.status_code == 400 and 'data-for="reason"' in no_reason.text
    assert service.credentials.get(row.id).revoked_us is None
    assert _post(as_role("auditor"), base, f"{base}/revoke", reason="x" * 10, confirm="1").status_code == 403
    done = _post(coordinator, base, f"{base}/revoke", reason="identity mixed up at the workshop", confirm="1")
    assert done.status_code == 303
    page = coordinator.get(done.headers["location"])
    assert 'data-status="revoked"' in page.text and "The credential is revoked." in page.text
    assert "by coordinator: identity mixed up at the workshop" in page.text
    assert 'id="revoke-form"' not in page.text
    stored = service.credentials.get(row.id)
    assert (stored.revoked_by, stored.revoked_reason) == ("coordinator", "identity mixed up at the workshop")
    twice = _post(coordinator, base, f"{base}/revoke", reason="again", confirm="1")
    assert twice.status_code == 409 and "already revoked" in twice.text
    assert service.credentials.revoked_indexes(stored.status_list) == [stored.status_index]
    logged = entries(service.store, action="credentials.revoke")
    assert len(logged) == 1 and logged[0].user_name == "coordinator"


def test_participation_figures_are_voluntary_and_checked(service, held, as_role):
    row = insert_credential(service, *held.keys["passed"], signed=False)
    coordinator = as_role("coordinator")
    base = f"/console/credentials/{row.id}"
    saved = _post(coordinator, base, f"{base}/participation", gender="woman", age_band="25-34")
    assert saved.status_code == 303
    page = coordinator.get(saved.headers["location"])
    assert "The participation figures are saved." in page.text
    assert "Given: gender woman, age band 25–34" in page.text
    wrong = _post(coordinator, base, f"{base}/participation", gender="robot", age_band="25-34")
    assert wrong.status_code == 400 and "gender is one of woman, man, other" in wrong.text
    nothing = _post(coordinator, base, f"{base}/participation")  # not giving is an answer
    assert nothing.status_code == 303
    with service.store.engine.connect() as conn:
        rows = conn.execute(select(LearnerParticipation)).all()
    assert [(r.learner_id, r.gender, r.age_band) for r in rows] == [("learner-017", None, None)]
    assert _post(as_role("auditor"), base, f"{base}/participation", gender="man").status_code == 403
    logged = entries(service.store, action="credentials.participation")
    assert len(logged) == 2 and all("woman" not in json.dumps(e.detail) for e in logged)


def test_downloads_have_their_types_names_and_contents(service, held, as_role):
    row = insert_credential(service, *held.keys["passed"])
    coordinator = as_role("coordinator")
    base = f"/console/credentials/{row.id}/download"

    def got(kind: str, media: str, name: str, query: str = "") -> bytes:
        answer = coordinator.get(f"{base}/{kind}{query}")
        assert answer.status_code == 200, (kind, answer.text[:300])
        assert answer.headers["content-type"].split(";")[0] == media, kind
        assert answer.headers["content-disposition"] == f'attachment; filename="{name}"', kind
        return answer.content

    token = got("ob3", "application/jwt", f"{row.id}.ob3.jwt").decode()
    jwks = vc_jwt.issuer_jwks(public_keys(service.store.config.folder / "keys"))
    assert token == row.ob3_jwt and vc_jwt.verify_jwt(token, jwks).credential["id"] == f"urn:uuid:{row.id}"
    edc = json.loads(got("edc", "application/ld+json", f"{row.id}.edc.json"))
    assert "issued" in edc and DEMO_CANDIDATE in json.dumps(edc, ensure_ascii=False)
    upload = json.loads(got("edc-upload", "application/json", f"{row.id}.edc-upload.json"))
    assert set(upload) == {"credential"} and "issued" not in upload["credential"]
    assert "eIDASIdentifier" not in json.dumps(upload)
    assert got("pdf", "application/pdf", f"{row.id}.fi.pdf", "?language=fi").startswith(b"%PDF")
    archive = zipfile.ZipFile(io.BytesIO(got("learner", "application/zip", f"{row.id}.zip")))
    assert sorted(archive.namelist()) == sorted([f"{row.id}.ob3.jwt", f"{row.id}.edc.json",
                                                 f"{row.id}.edc-upload.json", f"{row.id}.en.pdf"])
    assert archive.read(f"{row.id}.ob3.jwt").decode() == token
    assert coordinator.get(f"{base}/nothing").status_code == 404
    assert coordinator.get(f"{base}/pdf?language=xx").status_code == 400
    assert as_role("auditor").get(f"{base}/ob3").status_code == 403
    logged = entries(service.store, action="credentials.download")
    assert sorted(e.detail["what"] for e in logged) == ["edc", "edc-upload", "learner", "ob3", "pdf"]


def test_a_credential_whose_sources_are_gone_still_shows_what_is_stored(service, held, as_role):
    row = insert_credential(service, *held.keys["passed"])
    with service.store.writer.begin() as conn:
        conn.execute(AwardingBodyRow.__table__.delete())
    page = as_role("coordinator").get(f"/console/credentials/{row.id}")
    assert page.status_code == 200 and 'id="cannot-state"' in page.text
    assert row.manifest_sha256 in page.text and 'data-status="valid"' in page.text
    public = client_for(service).get(f"/credentials/{row.id}")
    assert public.status_code == 200 and 'data-result="valid"' in public.text
    assert row.manifest_sha256 in public.text and DEMO_CANDIDATE not in public.text
    pdf = as_role("coordinator").get(f"/console/credentials/{row.id}/download/pdf")
    assert pdf.status_code == 404 and "cannot be read again" in pdf.text
