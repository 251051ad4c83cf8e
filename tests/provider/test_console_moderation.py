"""The moderation pages over the provider app, signed in as each role: who reaches which cycle, the
anonymised package (no name, no VIN, media only from anonymised copies), the verdict form's
refusals, and verdicts that are only ever added."""

from __future__ import annotations

import base64
import hashlib
import io
import re
import tarfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from console_assessment_support import DEMO_CANDIDATE, HeldDemo, held_demo
from console_support import PASSWORD, client_for, csrf_token, make_service
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import insert, select, update
from starlette.testclient import TestClient
from test_console_routes import console_routes
from verdict_support import add_cycle, close_cycle

from assessor_app.provider.api import create_app
from assessor_app.provider.console.accounts import add_user
from assessor_app.provider.console.audit import entries
from assessor_app.provider.console.permissions import ROLES, allowed
from assessor_app.provider.models import Derivative
from assessor_app.provider.moderation.models import ModerationVerdictRow
from assessor_app.provider.moderation.verdict_check import verify_cycle
from assessor_app.provider.service import ProviderService

CYCLE, OTHER, CLOSED = "2027-H1", "2027-H2", "2026-H2"
#: the pages that set a cycle up, as an empty form or a walk finds them (the cycles here have a sample
#: written straight into the tables, without a stored draw)
SETTING_UP = {"POST new": 400, "POST panel-add": 400, "POST draw": 400, "POST panel-remove": 404,
              "POST check": 404, "GET sample.json": 404}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> HeldDemo:
    return held_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def service(demo: HeldDemo) -> Iterator[ProviderService]:
    service = make_service(demo.folder)
    service.derivations.stop()  # no web proxies made behind the test's back
    add_user(service.store, "moderator2", "moderator", PASSWORD)
    sample = [(demo.device, demo.bundle_id)]
    add_cycle(service, CYCLE, moderators=["moderator"], sampled=sample)
    add_cycle(service, OTHER, moderators=["moderator2"], sampled=sample)
    add_cycle(service, CLOSED, moderators=["moderator"], sampled=sample)
    close_cycle(service, CLOSED)
    yield service
    service.close()


@pytest.fixture(scope="module")
def as_user(service: ProviderService) -> Callable[[str], TestClient]:
    clients: dict[str, TestClient] = {}

    def client(name: str) -> TestClient:
        if name not in clients:
            clients[name] = client_for(service, name)
        return clients[name]
    return client


def _package(demo: HeldDemo, cycle: str = CYCLE) -> str:
    return f"/console/moderation/{cycle}/{demo.device}/{demo.bundle_id}"


def _files(service: ProviderService, demo: HeldDemo) -> tuple[Path, str, str]:
    """The held bundle's folder, a photo (relative to data/) and a video segment's name."""
    root = service.store.bundle_path(demo.device, demo.bundle_id)
    photo = next(p for p in (root / "data").rglob("*.jpg"))
    segment = next((root / "data/captures/video").glob("*.ts"))
    return root, photo.relative_to(root / "data").as_posix(), segment.name


def _verdicts(service: ProviderService) -> list:
    with service.store.engine.connect() as conn:
        return conn.execute(select(ModerationVerdictRow).order_by(ModerationVerdictRow.id)).all()


def _post(client: TestClient, page: str, **fields: str):
    return client.post(f"{page}/verdict", data={"csrf_token": csrf_token(client.get(page)), **fields})


def test_each_role_reaches_the_moderation_pages_exactly_as_the_rules_and_the_panel_say(service, demo):
    _root, photo, segment = _files(service, demo)
    # closing the cycle changes every later answer: its walk is in test_console_routes
    routes = [r for r in console_routes(create_app(service))
              if r[1].startswith("/console/moderation") and r[1] != "/console/moderation/x/close"]
    assert {p for _m, p, _a in routes} >= {"/console/moderation", "/console/moderation/x",
                                           "/console/moderation/x/x/x", "/console/moderation/x/x/x/verdict"}
    for user, role in [*((r, r) for r in ROLES), ("moderator2", "moderator")]:
        client = client_for(service, user)
        for method, walked, action in routes:
            path = walked.replace("/console/moderation/x/x/x", _package(demo))
            path = path.replace("/console/moderation/x", f"/console/moderation/{CYCLE}")
            path = path.replace("/photo/{name:path}", f"/photo/{photo}")
            path = path.replace("/proxy/x", f"/proxy/{segment}")
            answer = (client.post(path, data={"csrf_token": csrf_token(client.get("/console/"))})
                      if method == "POST" else client.get(path))
            assert answer.status_code < 500, (user, method, path, answer.status_code)
            # moderator2 is on OTHER; the lists of cycles and of reports show each moderator only theirs
            off_panel = user == "moderator2" and path not in ("/console/moderation",
                                                              "/console/moderation/reports")
            if not allowed(role, action) or off_panel:
                assert answer.status_code == 403, (user, method, path, answer.status_code)
            elif f"{method} {path.rsplit('/', 1)[-1]}" in SETTING_UP:  # an empty form, or no draw yet
                assert answer.status_code == SETTING_UP[f"{method} {path.rsplit('/', 1)[-1]}"], (user, path)
            elif method == "POST":  # an empty form: refused with what is missing, nothing recorded
                assert answer.status_code == 400 and "Decision: choose" in answer.text, (user, path)
            elif "/photo/" in path or "/proxy/" in path:  # no anonymised copy yet: never the original
                assert answer.status_code == 404 and "being prepared" in answer.text, (user, path)
            else:
                assert answer.status_code == 200, (user, method, path, answer.status_code)
    assert not _verdicts(service)


def test_a_moderator_sees_only_their_cycles_and_never_a_name_or_a_vin(service, demo, as_user):
    moderator = as_user("moderator")
    cycles = moderator.get("/console/moderation")
    assert f'data-cycle="{CYCLE}"' in cycles.text and f'data-cycle="{OTHER}"' not in cycles.text
    coordinator = as_user("coordinator").get("/console/moderation").text
    assert f'data-cycle="{CYCLE}"' in coordinator and f'data-cycle="{OTHER}"' in coordinator
    sample = moderator.get(f"/console/moderation/{CYCLE}")
    assert f'data-bundle="{demo.bundle_id}"' in sample.text and "learner-017" in sample.text
    assert "risk signal: critical_failed" in sample.text and "awaiting a verdict" in sample.text
    assert moderator.get(f"/console/moderation/{OTHER}").status_code == 403
    assert moderator.get(_package(demo, OTHER)).status_code == 403
    assert moderator.get("/console/assessments").status_code == 403
    assert moderator.get(f"/console/assessments/{demo.device}/{demo.bundle_id}").status_code == 403
    # credentials name the learner and the assessment: a moderator never sees one, nor their figures
    for path in ("/console/credentials", "/console/credentials/kpis",
                 "/console/credentials/7c9e6679-7425-40de-944b-e07fc1f90ae7"):
        assert moderator.get(path).status_code == 403, path
    page = moderator.get(_package(demo))
    assert page.status_code == 200 and 'id="candidate">learner-017<' in page.text
    for text in (cycles.text, sample.text, page.text):
        assert DEMO_CANDIDATE not in text and demo.vin not in text
    assert "/download/video/" not in page.text and "/download/can/" not in page.text  # no sealed media
    assert 'id="show-name"' not in page.text and 'id="reverify"' not in page.text
    assert "being prepared" in page.text and "<video" not in page.text and "<img src" not in page.text
    root = service.store.bundle_path(demo.device, demo.bundle_id)
    pdf = moderator.get(f"{_package(demo)}/download/pdf")
    assert pdf.status_code == 200 and pdf.content == (root / "assessment-record.en.pdf").read_bytes()
    assert moderator.get(f"{_package(demo)}/download/pdf?names=1").content == pdf.content  # names ignored
    archive = moderator.get(f"{_package(demo)}/download/archive")
    assert archive.status_code == 200
    with tarfile.open(fileobj=io.BytesIO(archive.content)) as tar:
        assert not [n for n in tar.getnames() if "/identity/" in n]
        for member in tar.getmembers():
            if member.isfile():
                body = tar.extractfile(member).read()  # type: ignore[union-attr]
                assert DEMO_CANDIDATE.encode() not in body and demo.vin.encode() not in body, member.name
    logged = entries(service.store, user="moderator", action="moderation.download")
    assert {e.detail["what"] for e in logged} == {"pdf", "archive"}
    assert entries(service.store, user="moderator", action="moderation.view")


def _derivative(service: ProviderService, demo: HeldDemo, kind: str, source: Path, name: str,
                body: bytes, suffix: str) -> None:
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    rel = Path("derivatives") / kind / f"{digest}{suffix}"
    (service.store.config.folder / rel).parent.mkdir(parents=True, exist_ok=True)
    (service.store.config.folder / rel).write_bytes(body)
    now = service.store.clock()
    with service.store.writer.begin() as conn:
        conn.execute(insert(Derivative).values(
            source_sha256=digest, kind=kind, settings="test", bundle_id=demo.bundle_id, device=demo.device,
            source_name=name, status="done", path=rel.as_posix(), sha256=hashlib.sha256(body).hexdigest(),
            size=len(body), error=None, created_us=now, updated_us=now))


def test_photos_and_video_are_served_only_from_their_anonymised_copies(service, demo, as_user):
    root, photo, _segment = _files(service, demo)
    blurred_photo, blurred_video = b"\xff\xd8 blurred photo", b"\x1aE\xdf\xa3 blurred video"
    _derivative(service, demo, "anon-photo", root / "data" / photo, f"data/{photo}", blurred_photo, ".jpg")
    for ts in (root / "data/captures/video").glob("*.ts"):
        _derivative(service, demo, "anon-proxy", ts, f"data/captures/video/{ts.name}", blurred_video, ".webm")
    moderator = as_user("moderator")
    page = moderator.get(_package(demo)).text
    assert f'src="{_package(demo)}/photo/{photo}"' in page
    base = re.escape(_package(demo))
    played_at = re.findall(rf'<video [^>]*\n?\s*src="{base}/proxy/(seg-\d+\.ts)#t=', page)
    assert played_at and "proxy-pending" not in page  # every segment's blurred copy is ready
    segment = played_at[0]
    shown = moderator.get(f"{_package(demo)}/photo/{photo}")
    assert shown.status_code == 200 and shown.content == blurred_photo
    played = moderator.get(f"{_package(demo)}/proxy/{segment}", headers={"Range": "bytes=0-3"})
    assert played.status_code == 206 and played.content == blurred_video[:4]
    assert played.headers["content-type"] == "video/webm"


def test_the_form_names_each_problem_and_records_nothing(service, demo, as_user):
    moderator = as_user("moderator")
    page = _package(demo)
    cases = [
        ({"decision": "confirm", "step-12": "failed"}, "Step 12: a result other than the assessor"),
        ({"decision": "confirm", "step-12": "great"}, "Step 12: choose agree or one of the results"),
        ({"decision": "overturn"}, "Comment: a decision to overturn or refer back needs a comment"),
        ({"decision": "confirm", "score-teamwork": "9"},
         "Criterion teamwork: the score must be a whole number"),
        ({"decision": "maybe"}, "Decision: choose confirm, overturn or refer back."),
    ]
    for fields, says in cases:
        answer = _post(moderator, page, **fields)
        assert answer.status_code == 400 and says in answer.text.replace("&#39;", "'"), (fields, answer.text)
        assert 'role="alert" id="verdict-problems"' in answer.text
    kept = _post(moderator, page, decision="overturn", comment="My own words", **{"step-12": "failed"})
    assert 'value="failed" selected' in kept.text and "My own words" in kept.text  # what was entered, kept
    forged = moderator.post(f"{page}/verdict", data={"csrf_token": "forged", "decision": "confirm"})
    assert forged.status_code == 403
    assert as_user("coordinator").post(f"{page}/verdict", data={
        "csrf_token": csrf_token(as_user("coordinator").get(page)), "decision": "confirm"}).status_code == 403
    assert not _verdicts(service)


def test_a_verdict_is_signed_and_a_second_one_is_added_after_it(service, demo, as_user):
    moderator = as_user("moderator")
    page = _package(demo)
    first = _post(moderator, page, decision="refer_back", comment="Step 12 needs a zeroed meter.",
                  **{"step-12": "failed", "reason-12": "meter not zeroed", "score-teamwork": "2"})
    assert first.status_code == 303 and first.headers["location"] == f"{page}?recorded=1#history"
    shown = moderator.get(first.headers["location"]).text
    assert "Your verdict was signed and recorded." in shown and shown.count("signature valid") == 1
    [row] = _verdicts(service)
    assert row.decision == "refer_back" and row.moderator == "moderator" and row.previous_sha256 is None
    second = _post(moderator, page, decision="confirm")
    assert second.status_code == 303
    rows = _verdicts(service)
    assert len(rows) == 2 and rows[0] == row and rows[1].previous_sha256 == row.sha256
    history = moderator.get(page).text
    assert history.count("signature valid") == 2 and "superseded by a later verdict" in history
    assert f'data-verdict="{row.sha256}"' in history and rows[0].key_id[:16] in history
    audited = entries(service.store, user="moderator", action="moderation.verdict")
    assert [e.detail["sha256"] for e in audited] == [rows[1].sha256, rows[0].sha256]
    assert audited[1].detail["steps_not_agreed"] == ["12"]
    reader = as_user("auditor").get(page).text  # the auditor reads the verdicts, with no form
    assert reader.count("signature valid") == 2 and 'id="verdict-form"' not in reader
    sample = as_user("coordinator").get(f"/console/moderation/{CYCLE}").text
    assert "2 verdicts" in sample and "1 verdict" not in sample
    assert "The cycle&#39;s 2 verdicts were checked: their signatures, hashes and chains are valid." in sample


def test_a_closed_cycle_shows_its_package_but_takes_no_verdict(service, demo, as_user):
    moderator = as_user("moderator")
    page = _package(demo, CLOSED)
    shown = moderator.get(page)
    assert shown.status_code == 200 and 'id="cycle-closed"' in shown.text
    assert 'id="verdict-form"' not in shown.text
    count = len(_verdicts(service))
    refused = _post(moderator, page, decision="confirm")
    assert refused.status_code == 409 and "is closed: it takes no more verdicts" in refused.text
    assert len(_verdicts(service)) == count


def test_random_verdict_forms_are_answered_without_a_server_error_and_recorded_only_when_whole(
        service, demo, as_user):
    moderator = as_user("moderator")
    page = _package(demo)
    token = csrf_token(moderator.get(page))
    keys = st.one_of(st.sampled_from(["decision", "comment", "step-12", "reason-12", "step-13",
                                      "score-teamwork", "score-nothing", "step-99"]), st.text(max_size=12))
    values = st.one_of(st.text(max_size=120), st.sampled_from(
        ["confirm", "overturn", "refer_back", "agree", "failed", "passed", "na", "", "0", "4", "-1", "9" * 25,
         "<script>x</script>"]))

    @settings(max_examples=20, deadline=None, derandomize=True, database=None,
              suppress_health_check=list(HealthCheck))
    @given(fields=st.dictionaries(keys, values, max_size=6))
    def fuzz(fields):
        before = len(_verdicts(service))
        answer = moderator.post(f"{page}/verdict", data={**fields, "csrf_token": token})
        assert answer.status_code in (303, 400), (fields, answer.status_code)
        assert "Traceback" not in answer.text and "<script>x</script>" not in answer.text
        assert len(_verdicts(service)) == before + (answer.status_code == 303)

    fuzz()
    assert verify_cycle(service.store, CYCLE).ok


def test_a_verdict_changed_in_the_database_is_shown_as_failing_its_check(service, demo, as_user):
    first = _verdicts(service)[0]
    forged = base64.b64encode(bytes(64)).decode()
    with service.store.writer.begin() as conn:  # what someone with the database alone could do
        conn.execute(update(ModerationVerdictRow).where(ModerationVerdictRow.id == first.id)
                     .values(signature=forged))
    sample = as_user("coordinator").get(f"/console/moderation/{CYCLE}").text
    assert 'role="alert" id="verdicts-checked"' in sample and f"#{first.id} ({first.sha256[:12]})" in sample
    history = as_user("moderator").get(_package(demo)).text
    assert "the signature does not match the verdict" in history
    assert not verify_cycle(service.store, CYCLE).ok
