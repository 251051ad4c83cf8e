"""A coordinator sets up a moderation cycle in Debian's chromium, over the workstation demo's delivered
assessment: opens the new-cycle form from the cycles' list, types the name, ticks the checklist with the
mouse and the moderator with the keyboard, creates the cycle, draws its sample by typing a seed and
pressing Enter, downloads the stored frame (its SHA-256 is the digest shown) and checks the draw."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_support import sign_in
from console_assessment_support import HeldDemo, held_demo
from console_support import PASSWORD, make_service
from sqlalchemy import select

from assessor_app.provider.console.accounts import add_user
from assessor_app.provider.console.audit import entries
from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.moderation.cycles import Cycles
from assessor_app.provider.server import ProviderServer

pytestmark = pytest.mark.browser


@dataclass(frozen=True)
class Site:
    server: ProviderServer
    demo: HeldDemo
    checklist: str
    day: str  # the day the demo's assessment ended (UTC)


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    demo = held_demo(tmp_path_factory.mktemp("cycle-admin") / "demo")
    service = make_service(demo.folder)
    service.derivations.stop()  # no web proxies made behind the test's back
    add_user(service.store, "mona", "moderator", PASSWORD)
    with service.store.engine.connect() as conn:
        row = conn.execute(select(AssessmentIndexRow)).one()
    day = dt.datetime.fromtimestamp(row.ended_us / 1e6, dt.UTC).date().isoformat()
    server = ProviderServer(service=service).start()
    yield Site(server, demo, row.checklist_id, day)
    server.close()
    service.close()


@pytest.fixture
def page(browser, site: Site) -> Iterator[object]:
    context = browser.new_context(base_url=site.server.url, locale="en-GB", accept_downloads=True)
    context.set_default_timeout(20_000)
    opened = context.new_page()
    yield opened
    context.close()


def test_a_coordinator_creates_a_cycle_and_draws_its_sample(page, site: Site, tmp_path: Path):
    sign_in(page, "coordinator")
    page.get_by_role("navigation", name="Provider console").get_by_role(
        "link", name="Moderation", exact=True).click()
    page.wait_for_url("**/console/moderation")
    page.get_by_role("link", name="New moderation cycle").click()
    page.wait_for_url("**/console/moderation/new")

    page.get_by_label("Name").focus()
    page.keyboard.type("2026-demo")
    page.get_by_label("First day").fill(site.day)
    page.get_by_label("Last day").fill(site.day)
    page.get_by_label(site.checklist).click()  # the mouse
    page.get_by_label("mona").focus()  # the keyboard
    page.keyboard.press("Space")
    assert page.get_by_label("mona").is_checked() and page.get_by_label(site.checklist).is_checked()
    with page.expect_navigation():
        page.get_by_role("button", name="Create the cycle").click()
    assert page.url.endswith("/console/moderation/2026-demo/manage?done=created")
    assert page.locator("#manage-notice").inner_text() == "Moderation cycle 2026-demo created."
    assert page.locator("#not-drawn").count() == 1
    assert page.locator('#panel li[data-moderator="mona"]').count() == 1
    cycle = Cycles(site.server.service.store).get("2026-demo")
    assert cycle.checklists == (site.checklist,) and cycle.moderators == ("mona",)

    page.get_by_label("Seed").focus()
    page.keyboard.type("4711")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.url.endswith("done=drawn")
    assert page.locator("#manage-notice").inner_text() == "Sample drawn with seed 4711."
    stored = Cycles(site.server.service.store).sample_row("2026-demo")
    assert stored is not None and stored.seed == 4711
    assert page.locator("#sample-seed").inner_text() == "4711"
    assert page.locator("#sample-digest").inner_text() == stored.digest
    assert page.locator("#sample-count").inner_text() == "1 assessment sampled"
    strata = page.locator("#strata tbody tr")
    assert strata.count() == 1 and site.checklist in strata.inner_text()

    with page.expect_download() as started:
        page.locator("#sample-download").click()
    target = tmp_path / started.value.suggested_filename
    started.value.save_as(target)
    assert target.name == "moderation-2026-demo-sample-seed-4711.json"
    assert hashlib.sha256(target.read_bytes()).hexdigest() == stored.digest

    with page.expect_navigation():
        page.get_by_role("button", name="Check the sample").click()
    result = page.locator("#check-result").inner_text()
    assert "Checked: drawn again from the stored file, the sample is the same" in result
    assert "still give the same frame" in result

    page.get_by_role("link", name="The cycle's sample").click()
    page.wait_for_url("**/console/moderation/2026-demo")
    assert page.locator(f'#sample tr[data-bundle="{site.demo.bundle_id}"]').count() == 1
    done = [e.action for e in entries(site.server.service.store, user="coordinator", limit=20)]
    assert {"moderation.cycle_create", "moderation.sample_draw", "moderation.sample_download",
            "moderation.sample_check"} <= set(done)
