"""A moderator reads their cycle's report in chromium: from the home page to the statistics and the PDF."""

from __future__ import annotations

import io
from pathlib import Path

import browser_support
import pypdf
import pytest
from moderation_report_support import Assessment, Verdict, seed_cycle

pytestmark = pytest.mark.browser

A1 = Assessment("b1", checklist="hv-isolation")
A2 = Assessment("b2", checklist="battery", assessor="as-2", workshop="ws-south")
VERDICTS = [
    Verdict(A1, [("isolation", True, "passed", "failed"), ("ppe", False, "passed", "passed"),
                 ("lockout", False, "failed", "failed")], [("r1", 3, 2)], decision="overturn"),
    Verdict(A2, [("cells", False, "passed", "passed"), ("torque", False, "failed", "failed")],
            [("r1", 2, 2)]),
]


def test_a_moderator_opens_their_cycle_s_report_and_its_pdf(page, console_site):
    store = console_site.service.store
    seed_cycle(store, "2027-H1", frame=[A1, A2], sampled=[A1, A2], verdicts=VERDICTS, panel=("moderator",))
    seed_cycle(store, "2027-H2", frame=[A2], sampled=[A2], panel=("someone-else",))
    browser_support.sign_in(page, "moderator")
    page.locator("[data-section=moderation_reports]").click()
    page.wait_for_url("**/console/moderation/reports")
    assert page.locator("[data-cycle]").count() == 1  # not the other panel's cycle
    page.get_by_role("link", name="Report of cycle 2027-H1").click()
    page.wait_for_url("**/console/moderation/2027-H1/report")
    assert page.locator("h1").inner_text() == "Moderation report: 2027-H1"
    overall = page.locator("#overall-agreement tbody tr").first
    assert overall.locator("td").nth(2).inner_text() == "5"  # steps compared
    assert overall.locator("td").nth(3).inner_text() == "80%"
    assert page.locator("#critical tbody tr").count() == 1
    assert "isolation" in page.locator("#critical").inner_text()
    page.locator("details[data-group=battery] summary").first.click()
    assert page.locator("#checklist-1-steps").is_visible()
    with page.expect_download() as pending:
        page.locator("#report-pdf").click()
    pdf = pending.value
    assert pdf.suggested_filename == "moderation-2027-H1-en.pdf"
    reader = pypdf.PdfReader(io.BytesIO(Path(pdf.path()).read_bytes()))
    text = " ".join(p.extract_text() for p in reader.pages)
    assert "Moderation report: 2027-H1" in " ".join(text.split())
