"""The list of assessments in chromium, with JavaScript turned off: search, filter, sort, page, open."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from console_support import PASSWORD
from sqlalchemy import select

from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.server import ProviderServer
from benchmarks.console_data import fill

pytestmark = pytest.mark.browser


@pytest.fixture
def plain_page(browser, console_site: ProviderServer) -> Iterator[object]:
    """A page of a browser context that runs no script at all (the list must not need any)."""
    fill(console_site.service.store, 120, seed=21)
    context = browser.new_context(base_url=console_site.url, locale="en-GB", java_script_enabled=False)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.goto("/console/assessments")
    page.get_by_label("User name").fill("auditor")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/console/assessments")
    yield page
    context.close()


def _rows(server: ProviderServer) -> list:
    with server.service.store.engine.connect() as conn:
        return list(conn.execute(select(AssessmentIndexRow)).all())


def test_search_filter_sort_page_and_open_without_javascript(plain_page, console_site: ProviderServer):
    page = plain_page
    rows = _rows(console_site)
    assert page.locator("h1").inner_text() == "Assessments"
    assert page.locator("#assessments tbody tr").count() == 50
    # a search by a candidate's pseudonym, sent with Enter
    wanted = rows[7].candidate
    page.get_by_label("Search").fill(wanted)
    page.get_by_label("Search").press("Enter")
    page.wait_for_url("**q=*")
    expected = {r.bundle_id for r in rows if r.candidate.startswith(wanted)}
    shown = page.locator("#assessments tbody tr td:nth-child(2) a").evaluate_all("l => l.map(a => a.title)")
    assert set(shown) == expected
    # a filter chosen in its list, the search cleared
    page.get_by_role("link", name="Clear the search and filters").click()
    page.get_by_label("Outcome").select_option("stopped_safely")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url("**outcome=stopped_safely*")
    outcomes = page.locator("#assessments .outcome").all_inner_texts()
    assert outcomes and set(outcomes) == {"stopped safely"}
    assert len(outcomes) == sum(r.outcome == "stopped_safely" for r in rows)
    # sorted by workshop with its header, then the next page by its link
    page.get_by_role("link", name="Clear the search and filters").click()
    page.get_by_role("link", name="Workshop", exact=True).click()
    page.wait_for_url("**sort=workshop*")
    assert page.locator("th[aria-sort=descending]").inner_text().startswith("Workshop")
    first = page.locator("#assessments tbody tr td:nth-child(2) a").evaluate_all("l => l.map(a => a.title)")
    page.locator("#page-next").click()
    page.wait_for_url("**after=*")
    second = page.locator("#assessments tbody tr td:nth-child(2) a").evaluate_all("l => l.map(a => a.title)")
    by_workshop = sorted(rows, key=lambda r: (r.workshop_id, r.ended_us, r.bundle_id, r.device), reverse=True)
    assert first + second == [r.bundle_id for r in by_workshop[:100]]
    # a row's link goes to the assessment's own page
    link = page.locator("#assessments tbody tr td:nth-child(2) a").first
    top = by_workshop[50]
    assert link.get_attribute("href") == f"/console/assessments/{top.device}/{top.bundle_id}"
