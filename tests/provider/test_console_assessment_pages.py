"""The assessment page and its downloads over the provider app, signed in as each role: who sees
the candidate's name, who may re-verify, what each download holds, and refusals for paths that are
not the bundle's."""

from __future__ import annotations

import io
import re
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from console_assessment_support import DEMO_CANDIDATE, HeldDemo, held_demo
from console_support import client_for, csrf_token, make_service
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from starlette.testclient import TestClient

from assessor_app.provider.console.audit import entries
from assessor_app.provider.service import ProviderService

#: the roles that see the general assessment pages (a moderator sees only their cycles' packages)
ROLES = ("administrator", "coordinator", "auditor")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> HeldDemo:
    return held_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def service(demo: HeldDemo) -> Iterator[ProviderService]:
    service = make_service(demo.folder)
    yield service
    service.close()


@pytest.fixture(scope="module")
def as_role(service: ProviderService) -> Callable[[str | None], TestClient]:
    clients: dict[str | None, TestClient] = {}

    def client(role: str | None) -> TestClient:
        if role not in clients:
            clients[role] = client_for(service, role)
        return clients[role]
    return client


@pytest.fixture(scope="module")
def page(demo: HeldDemo) -> str:
    return f"/console/assessments/{demo.device}/{demo.bundle_id}"


def _root(service: ProviderService, demo: HeldDemo) -> Path:
    return service.store.bundle_path(demo.device, demo.bundle_id)


@pytest.mark.parametrize("role", ROLES)
def test_every_role_sees_the_page_with_the_pseudonym_and_never_the_name(as_role, page, demo, role, service):
    answer = as_role(role).get(page)
    assert answer.status_code == 200, answer.text
    text = answer.text
    assert 'id="candidate">learner-017<' in text
    assert DEMO_CANDIDATE not in text and demo.vin not in text
    assert 'id="step-13"' in text and "<svg" in text and "<script>" not in text
    assert ('id="show-name"' in text) == (role in ("administrator", "coordinator"))
    # the identity line says whether this reader may ask for the name
    may_ask = role in ("administrator", "coordinator")
    assert ("held apart; shown when you ask for the candidate" in text) == may_ask
    assert ("held apart; not shown to your role" in text) == (role == "auditor")
    assert ('id="reverify"' in text) == (role != "auditor")
    assert any(e.target == f"{demo.device}/{demo.bundle_id}" for e in
               entries(service.store, user=role, action="assessment.view"))


def test_a_moderator_does_not_get_the_general_assessment_page_or_its_downloads(as_role, page, service):
    client = as_role("moderator")
    for path in (page, f"{page}/download/pdf", f"{page}/download/archive", f"{page}/download/steps.csv"):
        answer = client.get(path)
        assert answer.status_code == 403 and DEMO_CANDIDATE not in answer.text, path
    assert not entries(service.store, user="moderator", action="assessment.view")


def test_showing_the_name_is_a_post_with_csrf_and_is_audited(as_role, page, service):
    client = as_role("coordinator")
    token = csrf_token(client.get(page))
    refused = client.post(f"{page}/show-name", data={})
    assert refused.status_code == 403 and DEMO_CANDIDATE not in refused.text
    assert not entries(service.store, user="coordinator", action="assessment.candidate_name")
    posted = client.post(f"{page}/show-name", data={"csrf_token": token})
    # answered by a redirect (Back and reload never post again) to the page that shows the name
    assert posted.status_code == 303 and posted.headers["location"] == f"{page}?names=1"
    assert DEMO_CANDIDATE not in posted.text
    shown = client.get(posted.headers["location"])
    assert shown.status_code == 200 and f'id="candidate">{DEMO_CANDIDATE}<' in shown.text
    assert "?names=1" in shown.text  # the downloads with the identity are offered now
    logged = entries(service.store, user="coordinator", action="assessment.candidate_name")
    assert logged and logged[0].detail == {"candidate": "learner-017", "shown": True}
    # auditors read the audit log: the name is not in it
    assert not [e for e in entries(service.store, limit=1000) if DEMO_CANDIDATE in repr(e)]
    for role in ("auditor",):
        other = as_role(role)
        answer = other.post(f"{page}/show-name", data={"csrf_token": csrf_token(other.get(page))})
        assert answer.status_code == 403 and DEMO_CANDIDATE not in answer.text
        asked = other.get(f"{page}?names=1")
        assert asked.status_code == 403 and DEMO_CANDIDATE not in asked.text


def test_re_verification_is_shown_and_audited_and_refused_to_the_auditor(as_role, page, service):
    client = as_role("coordinator")
    answer = client.post(f"{page}/reverify", data={"csrf_token": csrf_token(client.get(page))})
    assert answer.status_code == 200 and "Verified again now: every file" in answer.text
    assert entries(service.store, user="coordinator", action="assessment.reverify")[0].detail["ok"] is True
    auditor = as_role("auditor")
    token = csrf_token(auditor.get(page))
    assert auditor.post(f"{page}/reverify", data={"csrf_token": token}).status_code == 403


def test_the_pdf_record_is_the_anonymised_one_unless_names_are_asked_for_by_a_role_that_may(
        as_role, page, service, demo):
    root = _root(service, demo)
    plain = as_role("auditor").get(f"{page}/download/pdf")
    assert plain.status_code == 200 and plain.headers["content-type"] == "application/pdf"
    assert plain.headers["content-disposition"] == (
        f'attachment; filename="{demo.bundle_id}-assessment-record.en.pdf"')
    assert plain.content == (root / "assessment-record.en.pdf").read_bytes()
    assert as_role("auditor").get(f"{page}/download/pdf?names=1").status_code == 403
    named = as_role("coordinator").get(f"{page}/download/pdf?names=1")
    assert named.content == (root / "identity/assessment-record.en.pdf").read_bytes()
    rows = entries(service.store, user="coordinator", action="assessment.download")
    assert rows[0].detail == {"what": "pdf", "file": "identity/assessment-record.en.pdf", "names": True}


def test_the_archive_for_a_role_without_names_is_the_anonymised_copy(as_role, page, demo):
    anonymised = as_role("auditor").get(f"{page}/download/archive")
    assert anonymised.status_code == 200, anonymised.text
    assert anonymised.headers["content-disposition"].endswith(f'{demo.bundle_id}-anonymised.tar"')
    names = tarfile.open(fileobj=io.BytesIO(anonymised.content)).getnames()
    assert f"{demo.bundle_id}/data/record.json" in names
    assert not [n for n in names if "/identity" in n]
    assert DEMO_CANDIDATE.encode() not in anonymised.content
    whole = as_role("administrator").get(f"{page}/download/archive?names=1")
    names = tarfile.open(fileobj=io.BytesIO(whole.content)).getnames()
    assert f"{demo.bundle_id}/identity/identity.json" in names


def test_the_csv_can_video_and_photo_downloads_are_the_bundles_files(as_role, page, service, demo):
    root = _root(service, demo)
    client = as_role("auditor")
    csv = client.get(f"{page}/download/steps.csv")
    assert csv.status_code == 200 and csv.headers["content-type"].startswith("text/csv")
    assert csv.content.startswith("\ufeff".encode()) and csv.text.count("\r\n") == 23
    blf = next((root / "data/captures/can").glob("*.blf"))
    can = client.get(f"{page}/download/can/{blf.name}")
    assert can.content == blf.read_bytes() and "attachment" in can.headers["content-disposition"]
    ts = next((root / "data/captures/video").glob("*.ts"))
    part = client.get(f"{page}/download/video/{ts.name}", headers={"Range": "bytes=0-187"})
    assert part.status_code == 206 and part.content == ts.read_bytes()[:188]
    photo = re.search(r'<img src="([^"]+)"', client.get(page).text)
    assert photo is not None
    image = client.get(photo.group(1))
    # opened by itself, the browser's image viewer may style it, and nothing may run in it
    assert image.headers["content-security-policy"] == (
        "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox")
    assert image.status_code == 200 and image.headers["content-type"] == "image/jpeg"
    assert image.content == (root / "data" / photo.group(1).split("/photo/", 1)[1]).read_bytes()


@pytest.mark.parametrize("path", [
    "/download/can/..%2F..%2F..%2Fprovider.db", "/download/can/record.json", "/download/video/seg.ts",
    "/photo/../../provider.db", "/photo/record.json", "/photo/captures/photos/nope.jpg",
    "/photo/%2e%2e/%2e%2e/bag-info.txt", "/download/video/..%2Frecord.json", "/proxy/seg-000001.ts",
])
def test_paths_that_are_not_the_bundles_listed_files_are_not_found(as_role, page, path):
    answer = as_role("administrator").get(page + path)
    assert answer.status_code == 404, (path, answer.status_code)
    assert "Traceback" not in answer.text


def test_an_unknown_assessment_is_not_found_and_a_visitor_is_sent_to_sign_in(as_role, demo, page):
    for path in (f"/console/assessments/{demo.device}/nope",
                 f"/console/assessments/{'0' * 64}/{demo.bundle_id}", "/console/assessments/x/y"):
        answer = as_role("auditor").get(path)
        assert answer.status_code == 404 and "no such assessment" in answer.text
    visitor = as_role(None)
    assert visitor.get(page).status_code == 303
    assert visitor.get(f"{page}/download/pdf").status_code == 303
    assert visitor.post(f"{page}/reverify").status_code == 401


def test_a_bundle_with_the_names_in_its_record_hides_them_and_has_no_archive_without_them(tmp_path: Path):
    from helpers import CANDIDATE, VEHICLE
    from sync_support import bind_test_assessor, make_bundle, provider_code, workstation_key

    from assessor_app.provider.registry import enroll_message

    service = make_service(tmp_path / "provider")
    try:
        key = workstation_key(tmp_path / "keys")
        code = provider_code(service)
        service.registry.enroll(code=code, public_pem=key.public_pem(),
                                signature=key.signer.sign(enroll_message(code, key.fingerprint)).signature)
        bind_test_assessor(service, key.fingerprint)
        sealed = make_bundle(tmp_path / "ws", key, archive=False)  # identity embedded in the record
        assert service.importer.import_folder(sealed.folder, source="test").status == "imported"
        page = f"/console/assessments/{key.fingerprint}/{sealed.bundle_id}"
        moderator = client_for(service, "auditor")
        shown = moderator.get(page)
        assert shown.status_code == 200 and f'id="candidate">{CANDIDATE.id}<' in shown.text
        assert CANDIDATE.name not in shown.text and VEHICLE.vin not in shown.text
        refused = moderator.get(f"{page}/download/archive")
        assert refused.status_code == 403 and "sealed with the names in its record" in refused.text
        coordinator = client_for(service, "coordinator")
        posted = coordinator.post(f"{page}/show-name", data={"csrf_token": csrf_token(coordinator.get(page))})
        named = coordinator.get(posted.headers["location"])
        assert f'id="candidate">{CANDIDATE.name}<' in named.text and VEHICLE.vin in named.text
        assert coordinator.get(f"{page}/download/archive?names=1").status_code == 200
        folder = service.store.bundle_path(key.fingerprint, sealed.bundle_id)
        folder.rename(folder.with_name("moved-away"))  # the row is held, its files are not
        gone = moderator.get(page)
        assert gone.status_code == 404 and "are not in the provider&#39;s folder" in gone.text
    finally:
        service.close()


_NAMES = st.one_of(st.text(max_size=80), st.sampled_from(
    ["..", ".", "%00", "..%2f..%2fprovider.db", "seg-000001.ts/..", "a" * 300, "\\..\\x", "~", "%2e%2e"]))


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(kind=st.sampled_from(["download/can", "download/video", "proxy", "photo"]), name=_NAMES)
def test_any_file_name_in_a_request_is_a_page_never_a_server_error(as_role, page, kind, name):
    assume(name not in (".", ".."))  # the client itself resolves those (to the page)
    path = f"{page}/{kind}/{quote(name, safe='')}"
    client = as_role("coordinator")
    answer = client.get(path)
    if answer.status_code == 307:  # a name ending in an encoded "/": the router drops the slash first
        answer = client.get(answer.headers["location"])
    assert answer.status_code == 404, (path, answer.status_code)
    assert answer.status_code < 500 and "Traceback" not in answer.text
