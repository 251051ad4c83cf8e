"""The provider demo's moderation cycle in Debian's chromium (the session's provider_cohort, served again).

The demo's moderator signs in with the login the demo printed, opens the moderation section and
sees only the cycle ``demo``, its sample and a package by pseudonym (no candidate's name, no VIN
in the HTML), opens the cycle's report from the sample page and notes n and the percent agreement,
goes back, records a verdict disagreeing on a step of an assessment that has none yet, and finds
the report's n and agreement changed by it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from browser_support import sign_in

from assessor_app.demo.cohort import CANDIDATES, cohort
from assessor_app.demo.moderation_cycle import CYCLE
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.store import ProviderConfig

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture(scope="module")
def demo_server(provider_cohort: dict[str, Any]) -> Iterator[ProviderServer]:
    server = ProviderServer(config=ProviderConfig(provider_cohort["folder"] / "provider"), port=0).start()
    server.service.derivations.stop()  # no web video is needed here: the CPU is left to the browser
    yield server
    server.close()


@pytest.fixture
def page(browser, demo_server: ProviderServer) -> Iterator[object]:
    context = browser.new_context(base_url=demo_server.url, locale="en-GB")
    context.set_default_timeout(30_000)
    opened = context.new_page()
    yield opened
    context.close()


def _no_identity(html: str) -> None:
    for name in (n for names in CANDIDATES.values() for n in names):
        assert name not in html, name
    for plan in cohort():
        assert plan.vin not in html, plan.vin


def _numbers(page) -> tuple[int, str]:
    """The report's whole-cycle step comparisons (n) and percent agreement, as shown."""
    overall = page.locator("#overall-agreement tbody tr").first
    cells = overall.locator("td")
    return int("".join(c for c in cells.nth(2).inner_text() if c.isdigit())), cells.nth(3).inner_text()


def test_the_demo_moderator_judges_an_assessment_and_the_report_counts_it(page, provider_cohort):
    result = provider_cohort["result"]
    sign_in(page, result.moderator, result.moderator_password)
    sections = page.get_by_role("navigation", name="Provider console")
    sections.get_by_role("link", name="Moderation", exact=True).click()
    page.wait_for_url("**/console/moderation")
    assert page.locator("#cycles tbody tr").count() == 1
    page.locator(f'tr[data-cycle="{CYCLE}"] a').click()
    page.wait_for_url(f"**/console/moderation/{CYCLE}")
    rows = page.locator("#sample tbody tr")
    assert rows.count() == result.cycle.sampled
    _no_identity(page.content())

    page.locator("#cycle-report").click()
    page.wait_for_url(f"**/console/moderation/{CYCLE}/report")
    n_before, agreement_before = _numbers(page)
    assert n_before > 0 and agreement_before.endswith("%") and agreement_before != "100%"
    assert page.locator("#critical tbody tr").count() >= 1
    page.go_back()
    page.wait_for_url(f"**/console/moderation/{CYCLE}")

    waiting = rows.filter(has_text="awaiting a verdict").first
    bundle = waiting.get_attribute("data-bundle")
    waiting.locator("a").click()
    page.wait_for_url(f"**/{bundle}")
    _no_identity(page.content())
    selects = page.locator("#verdict-steps select")
    disagreed = []
    for i in range(min(5, selects.count())):  # enough steps for the agreement to move visibly
        step = selects.nth(i)
        step_id = (step.get_attribute("name") or "").removeprefix("step-")
        step.select_option(index=1)  # the first result other than the assessor's
        page.get_by_label(f"Reason for step {step_id}").fill("The video does not show this step.")
        disagreed.append(step_id)
    page.get_by_label("refer back to the assessor").check()
    page.get_by_label("Comment for the assessor").fill(f"Please show steps {', '.join(disagreed)} on video.")
    with page.expect_navigation():
        page.locator("#verdict-submit").click()
    assert page.url.endswith("?recorded=1#history")
    history = page.locator("#verdict-history tbody tr")
    assert history.count() == 1 and history.locator(".disagreements").inner_text() == ", ".join(disagreed)
    assert history.locator(".check").inner_text() == "signature valid"
    _no_identity(page.content())

    page.goto(f"/console/moderation/{CYCLE}/report")
    n_after, agreement_after = _numbers(page)
    assert n_after > n_before and agreement_after != agreement_before
