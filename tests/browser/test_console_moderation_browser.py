"""A moderator's session in Debian's chromium, over the workstation demo's delivered assessment.

The provider holds the demo's bundle, sampled in two cycles: the moderator is on the first one's
panel only. The moderator signs in, sees only their cycle and its package (the general list and the
other cycle's package are refused), finds no candidate's name and no VIN in the page or in its
downloads, records a verdict that disagrees with the assessor on a step using the labelled form and
the keyboard, and sees it in the history with its signature checked."""

from __future__ import annotations

import io
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_support import sign_in
from console_assessment_support import DEMO_CANDIDATE, HeldDemo, held_demo
from console_support import PASSWORD, make_service
from verdict_support import add_cycle

from assessor_app.provider.console.accounts import add_user
from assessor_app.provider.server import ProviderServer

pytestmark = pytest.mark.browser

MINE, THEIRS = "2027-H1", "2027-H2"


@dataclass(frozen=True)
class Site:
    server: ProviderServer
    demo: HeldDemo


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    demo = held_demo(tmp_path_factory.mktemp("moderation") / "demo")
    service = make_service(demo.folder)
    add_user(service.store, "moderator2", "moderator", PASSWORD)
    sample = [(demo.device, demo.bundle_id)]
    add_cycle(service, MINE, moderators=["moderator"], sampled=sample)
    add_cycle(service, THEIRS, moderators=["moderator2"], sampled=sample)
    server = ProviderServer(service=service).start()
    yield Site(server, demo)
    server.close()
    service.close()


@pytest.fixture
def page(browser, site: Site) -> Iterator[object]:
    context = browser.new_context(base_url=site.server.url, locale="en-GB", accept_downloads=True)
    context.set_default_timeout(20_000)
    opened = context.new_page()
    yield opened
    context.close()


def _download(page, link: str, folder: Path) -> bytes:
    with page.expect_download() as started:
        page.locator(link).click()
    target = folder / started.value.suggested_filename
    started.value.save_as(target)
    return target.read_bytes()


def test_a_moderator_judges_only_their_cycles_anonymised_package(page, site: Site, tmp_path: Path):
    demo = site.demo
    sign_in(page, "moderator")
    assert page.locator("nav.sections a", has_text="Assessments").count() == 0
    sections = page.get_by_role("navigation", name="Provider console")
    sections.get_by_role("link", name="Moderation", exact=True).click()
    page.wait_for_url("**/console/moderation")
    assert page.locator("#cycles tbody tr").count() == 1
    assert page.locator(f'tr[data-cycle="{MINE}"]').count() == 1
    other_package = f"/console/moderation/{THEIRS}/{demo.device}/{demo.bundle_id}"
    for refused in ("/console/assessments", f"/console/assessments/{demo.device}/{demo.bundle_id}",
                    f"/console/moderation/{THEIRS}", other_package):
        answer = page.goto(refused)
        assert answer is not None and answer.status in (403, 404), refused
        assert DEMO_CANDIDATE not in page.content()

    page.goto("/console/moderation")
    page.locator(f'tr[data-cycle="{MINE}"] a').click()
    row = page.locator(f'#sample tr[data-bundle="{demo.bundle_id}"]')
    assert "learner-017" in row.inner_text() and "awaiting a verdict" in row.inner_text()
    row.locator("a").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("#candidate").inner_text() == "learner-017"
    html = page.content()
    assert DEMO_CANDIDATE not in html and demo.vin not in html
    assert page.locator("a.download-video").count() == 0 and page.locator("video").count() == 0
    root = site.server.service.store.bundle_path(demo.device, demo.bundle_id)
    pdf = _download(page, "#download-pdf", tmp_path)
    assert pdf == (root / "assessment-record.en.pdf").read_bytes()  # the record without names
    archive = _download(page, "#download-archive", tmp_path)
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        for member in tar.getmembers():
            assert "/identity/" not in member.name
            if member.isfile():
                body = tar.extractfile(member).read()  # type: ignore[union-attr]
                assert DEMO_CANDIDATE.encode() not in body and demo.vin.encode() not in body, member.name

    page.get_by_label("Your result for step 12").select_option("failed")
    with page.expect_navigation():  # no reason yet: the form comes back naming the step, nothing recorded
        page.locator("#verdict-submit").click()
    problems = page.locator("#verdict-problems")
    assert "Step 12: a result other than the assessor's needs a reason." in problems.inner_text()
    assert page.get_by_label("Your result for step 12").input_value() == "failed"  # kept as entered
    assert page.locator("#no-verdicts").count() == 1
    page.get_by_label("Reason for step 12").fill("The meter was not zeroed before the reading.")
    page.get_by_label("refer back to the assessor").check()
    page.get_by_label("Comment for the assessor").fill("Repeat step 12 with a zeroed meter.")
    page.locator("#verdict-submit").focus()
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("?recorded=1#history")
    assert page.locator("#verdict-recorded").inner_text() == "Your verdict was signed and recorded."
    history = page.locator("#verdict-history tbody tr")
    assert history.count() == 1
    assert history.locator(".decision").inner_text() == "refer back to the assessor"
    assert history.locator(".disagreements").inner_text() == "12"
    assert history.locator(".check").inner_text() == "signature valid"
    html = page.content()
    assert DEMO_CANDIDATE not in html and demo.vin not in html
