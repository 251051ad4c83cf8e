"""One coordinator's journey through the console in Debian's chromium, over real delivered bundles.

The provider holds the workstation demo's assessment (real engine, seals, video, photos, CAN; delivered
by the real upload) and a second workstation's bundle, and has quarantined a bundle co-signed by an
assessor key nobody bound; the first video segments' web proxies are derived before browsing. The
coordinator signs in, searches the list, opens the assessment, plays a step's video to loadedmetadata,
seeks another step's video with its button, opens a photo, downloads the PDF record, sees the
quarantined bundle with its reason and signs out. Refusals: a form posted without or with a wrong CSRF
token is refused (403, nothing changed); an auditor sees no candidate's name and is refused a manage
action (403, nothing changed)."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_support import sign_in
from console_assessment_support import DEMO_CANDIDATE, HeldDemo, held_demo
from console_support import make_service
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from securesystemslib.signer import CryptoSigner, SSlibKey
from sqlalchemy import select

from assessor_app.evidence.keys import SigningKey
from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.server import ProviderServer

pytestmark = pytest.mark.browser

PROXIES = 3  # web proxies made before browsing: each minute of the demo's video costs seconds to derive


@dataclass(frozen=True)
class Journey:
    server: ProviderServer
    demo: HeldDemo
    other_bundle: str  # held too, from another workstation: the search must leave it out
    quarantined: str  # its bundle id
    quarantine_id: int
    unbound_key: str  # the key id the quarantine reason names


def _key(owner: str) -> SigningKey:
    private = Ed25519PrivateKey.generate()
    return SigningKey(owner, CryptoSigner(private, SSlibKey.from_crypto(private.public_key())))


@pytest.fixture(scope="module")
def journey(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Journey]:
    from sync_support import enroll, make_bundle

    from assessor_app.sync.upload import BundleRefused, TusUploader

    where = tmp_path_factory.mktemp("journey")
    demo = held_demo(where / "demo")
    server = ProviderServer(service=make_service(demo.folder)).start()
    try:
        service = server.service
        service.derivations.stop()  # the proxies are made here, now, not by the background worker
        ws = enroll(server, where / "ws")
        try:
            uploader = TusUploader(ws.client)
            held = ws.bundle()
            assert uploader.upload(held.archive, bundle_id=held.bundle_id,
                                   manifest_sha256=held.manifest_sha256)["status"] == "imported"
            stranger = _key("assr-1")
            refused = make_bundle(where / "ws", ws.key, assessor=stranger)
            with pytest.raises(BundleRefused):
                uploader.upload(refused.archive, bundle_id=refused.bundle_id,
                                manifest_sha256=refused.manifest_sha256)
        finally:
            ws.client.close()
        [entry] = service.quarantine.entries()
        service.derivations.enqueue_bundle(demo.bundle_id, demo.device)
        made: list[object] = []
        summary = service.derivations.run_pending(on_item=made.append,
                                                  should_stop=lambda: len(made) >= PROXIES)
        assert summary.done == PROXIES and not summary.failed, summary
        yield Journey(server, demo, held.bundle_id, refused.bundle_id, entry.id, stranger.fingerprint)
    finally:
        server.close()


@pytest.fixture
def site(browser, journey: Journey) -> Iterator[object]:
    """A fresh browser context on the journey's provider; records script/CSP errors and failed requests."""
    context = browser.new_context(base_url=journey.server.url, locale="en-GB", accept_downloads=True)
    context.set_default_timeout(20_000)
    opened = context.new_page()
    opened.problems = []  # type: ignore[attr-defined]
    opened.on("console", lambda m: opened.problems.append(m.text) if m.type == "error" else None)
    yield opened
    context.close()


def _assessment_path(demo: HeldDemo) -> str:
    return f"/console/assessments/{demo.device}/{demo.bundle_id}"


def _wait_metadata(page, video_id: str) -> None:
    page.wait_for_function(
        """id => { const v = document.getElementById(id);
                   if (v.error) throw new Error('media error ' + v.error.code);
                   return v.readyState >= 1; }""", arg=video_id, timeout=60_000)


def _seek_and_wait(page, video_id: str, to: float) -> None:
    page.evaluate("""([id, to]) => new Promise((resolve, reject) => {
        const v = document.getElementById(id);
        v.addEventListener('seeked', () => resolve(v.currentTime), {once: true});
        v.addEventListener('error', () => reject(new Error('media error ' + v.error.code)), {once: true});
        v.currentTime = to;
    })""", [video_id, to])


def _current_time(page, video_id: str) -> float:
    return float(page.evaluate("id => document.getElementById(id).currentTime", video_id))


def test_a_coordinators_journey(site, journey: Journey, tmp_path: Path):
    import pypdf

    page, service, demo = site, journey.server.service, journey.demo
    failed: list[str] = []
    page.on("response", lambda r: failed.append(f"{r.status} {r.url}") if r.status >= 400 else None)

    # sign in, then the list: a search by the candidate's pseudonym finds the assessment, not the other
    sign_in(page, "coordinator")
    page.get_by_role("link", name="Assessments").first.click()
    page.wait_for_url("**/console/assessments")
    titles = "l => l.map(a => a.title)"
    links = page.locator("#assessments tbody tr td:nth-child(2) a")
    assert set(links.evaluate_all(titles)) == {demo.bundle_id, journey.other_bundle}
    with service.store.engine.connect() as conn:
        pseudonym = conn.execute(select(AssessmentIndexRow.candidate).where(
            AssessmentIndexRow.bundle_id == demo.bundle_id)).scalar_one()
    page.get_by_label("Search").fill(pseudonym)
    page.get_by_label("Search").press("Enter")
    page.wait_for_url("**q=*")
    assert links.evaluate_all(titles) == [demo.bundle_id]

    # the assessment, opened from the list
    links.first.click()
    page.wait_for_url("**" + _assessment_path(demo))
    assert demo.bundle_id in page.locator("h1").inner_text()
    assert page.locator("#candidate").inner_text() == pseudonym
    assert DEMO_CANDIDATE not in page.content()  # a name is shown on request only (and audited)
    page.locator("#show-name").click()
    page.wait_for_url("**" + _assessment_path(demo) + "?names=1")
    assert page.locator("#candidate").inner_text() == DEMO_CANDIDATE

    # a step's video reaches loadedmetadata; another step's button moves its video to that step's start
    buttons = page.locator("button.seek[data-seek]")
    buttons.first.wait_for(state="visible")  # the page's own script ran under the CSP
    seekers = [(b.get_attribute("data-video"), float(b.get_attribute("data-seek"))) for b in buttons.all()]
    assert len(seekers) >= 2, "the derived segments cover at least two steps"
    (first_video, first_at), (other_video, other_at) = seekers[0], seekers[-1]
    assert first_video != other_video
    _wait_metadata(page, first_video)
    assert page.evaluate("id => document.getElementById(id).duration", first_video) > first_at
    assert _current_time(page, first_video) == pytest.approx(first_at, abs=0.5)  # the #t= fragment
    page.locator(f"#{other_video}").scroll_into_view_if_needed()
    _wait_metadata(page, other_video)
    away = 0.0 if other_at > 1.0 else 2.0
    _seek_and_wait(page, other_video, away)
    assert _current_time(page, other_video) == pytest.approx(away, abs=0.5)
    page.locator(f"button[data-video='{other_video}']").click()
    page.wait_for_function("([id, at]) => Math.abs(document.getElementById(id).currentTime - at) < 0.5",
                           arg=[other_video, other_at], timeout=15_000)
    assert page.evaluate("() => document.activeElement.id") == other_video

    # every name and time of the CAN plots is inside its picture (none cut off at an edge)
    outside = page.evaluate("""() => [...document.querySelectorAll('svg.can-plot')].flatMap(svg => {
        const width = svg.viewBox.baseVal.width;
        return [...svg.querySelectorAll('text:not([transform])')].filter(text => {
            const box = text.getBBox();
            return box.x < 0 || box.x + box.width > width;
        }).map(text => text.textContent);
    })""")
    assert page.locator("svg.can-plot").count() >= 1 and outside == [], outside

    # a photo, opened from its thumbnail
    photo = page.locator(".photos a").first
    with page.expect_navigation() as opened:
        photo.click()
    answer = opened.value
    assert answer is not None and answer.status == 200
    assert answer.headers["content-type"] in {"image/jpeg", "image/png"}
    assert page.evaluate("() => document.images[0].naturalWidth") > 0
    page.go_back()  # to the page showing the name: no form is sent again
    page.wait_for_url("**" + _assessment_path(demo) + "?names=1")
    assert page.locator("#candidate").inner_text() == DEMO_CANDIDATE

    # the PDF record: a real PDF with pages
    with page.expect_download() as download:
        page.locator("#download-pdf").click()
    saved = tmp_path / "record.pdf"
    download.value.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")
    assert len(pypdf.PdfReader(saved).pages) >= 1

    # the quarantine page names the refused bundle and why
    page.get_by_role("link", name="Quarantine").first.click()
    page.wait_for_url("**/console/quarantine")
    row = page.locator(f"tr[data-quarantine='{journey.quarantine_id}']")
    assert journey.quarantined in row.inner_text()
    assert f"the assessor key {journey.unbound_key[:16]} is not registered" in row.inner_text()

    # sign out: the console asks for a sign-in again
    page.locator("#sign-out").click()
    page.wait_for_url("**/console/login**")
    page.goto("/console/assessments")
    assert "/console/login" in page.url

    assert failed == [], failed  # every page, script, style, icon, photo and video it asked for was there
    assert page.problems == [], page.problems  # no script error, no policy violation


def _workshops(journey: Journey) -> set[str]:
    return {w.id for w in journey.server.service.directory.workshops()}


def _post_register(page, token: str | None) -> int:
    """Fill the workshop form and send it with the hidden token removed (None) or changed."""
    page.goto("/console/workshops")
    page.locator("#w-id").fill("ws-forged")
    page.locator("#w-name").fill("Forged Workshop")
    page.locator("#w-country").fill("FI")
    page.evaluate("""token => { const field = document.querySelector(
                                  '#register-workshop input[name=csrf_token]');
                                if (token === null) field.remove(); else field.value = token; }""", token)
    with page.expect_response(lambda r: r.request.method == "POST" and r.url.endswith("/console/workshops")
                              ) as sent:
        page.locator("#register-workshop button[type=submit]").click()
    page.wait_for_load_state()
    return sent.value.status


def test_a_form_without_or_with_a_wrong_csrf_token_is_refused(site, journey: Journey):
    page = site
    before = _workshops(journey)
    sign_in(page, "coordinator")
    for token in (None, "forged-" + "0" * 40):
        assert _post_register(page, token) == 403
        assert page.locator("h1").inner_text() != "Workshops"  # the error page, not the form's answer
        assert _workshops(journey) == before
    # the same form with its own token goes through: the refusals were about the token alone
    page.goto("/console/workshops")
    page.locator("#w-id").fill("ws-real")
    page.locator("#w-name").fill("Real Workshop")
    page.locator("#w-country").fill("FI")
    page.locator("#register-workshop button[type=submit]").click()
    page.wait_for_load_state()
    assert _workshops(journey) == before | {"ws-real"}


def test_an_auditor_sees_no_name_and_is_refused_a_manage_action(site, journey: Journey):
    page, demo = site, journey.demo
    sign_in(page, "auditor")
    page.goto(_assessment_path(demo))
    assert page.locator("#candidate").inner_text() != DEMO_CANDIDATE
    assert DEMO_CANDIDATE not in page.content() and page.locator("#show-name").count() == 0
    token = page.locator("input[name=csrf_token]").first.get_attribute("value")
    assert token
    shown = page.request.post(_assessment_path(demo) + "/show-name", form={"csrf_token": token},
                              max_redirects=0)
    assert shown.status == 403 and DEMO_CANDIDATE not in shown.text()
    before = _workshops(journey)
    page.goto("/console/workshops")
    assert page.locator("#register-workshop").count() == 0  # no form for what the role may not do
    registered = page.request.post("/console/workshops", max_redirects=0, form={
        "csrf_token": token, "id": "ws-auditor", "name": "Auditor's Workshop", "country": "FI"})
    assert registered.status == 403
    assert _workshops(journey) == before
    quarantine = page.request.post(f"/console/quarantine/{journey.quarantine_id}/retry", max_redirects=0,
                                   form={"csrf_token": token})
    assert quarantine.status == 403
    assert [e.id for e in journey.server.service.quarantine.entries()] == [journey.quarantine_id]
    page.goto(_assessment_path(demo))
    assert DEMO_CANDIDATE not in page.content()  # nobody's earlier request showed it to this role
    assert re.search(r"\bauditor\b", page.locator(".who").inner_text())
