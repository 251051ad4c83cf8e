"""Signing in to the console in chromium: home, Finnish, a refused forged form, sign-out, the back button."""

from __future__ import annotations

import browser_support
import pytest
from console_support import PASSWORD

pytestmark = pytest.mark.browser


def sign_in(page, name: str) -> None:
    """By the labels a person reads (browser_support.sign_in does the same by ids)."""
    page.goto("/console/")
    assert "/console/login" in page.url
    page.get_by_label("User name").fill(name)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/console/")


def test_sign_in_switch_to_finnish_and_sign_out(page):
    sign_in(page, "coordinator")
    assert page.locator("h1").inner_text() == "What you can do"
    assert page.locator("[data-section=assessments]").is_visible()
    assert page.locator("[data-section=users]").count() == 0  # not the coordinator's
    page.get_by_role("link", name="Suomi").click()
    page.locator("html[lang=fi]").wait_for(state="attached")  # a locator: no eval, which the CSP forbids
    assert page.url.endswith("/console/")
    assert page.locator("h1").inner_text() == "Mitä voit tehdä"
    assert page.locator("[data-section=assessments]").inner_text() == "Arvioinnit"
    page.get_by_role("button", name="Kirjaudu ulos").click()
    page.wait_for_url("**/console/login?signed_out=1")
    assert page.get_by_text("Olet kirjautunut ulos.").is_visible()
    page.go_back()  # the home page is not shown from a cache: it asks, and is sent to sign in
    page.wait_for_url("**/console/login**")  # through the redirect, however long the machine takes
    assert page.locator("#sign-out").count() == 0 and "Mitä voit tehdä" not in page.content()


def test_a_forged_form_is_refused_and_changes_nothing(page):
    sign_in(page, "administrator")
    page.evaluate("document.querySelector('form.inline input[name=csrf_token]').value = 'forged'")
    with page.expect_response("**/console/logout") as answer:
        page.locator("#sign-out").click()
    assert answer.value.status == 403
    assert "security token is missing or wrong" in page.locator("#error-message").inner_text()
    page.goto("/console/")
    assert page.locator("h1").inner_text() == "What you can do"  # still signed in


def test_roles_are_refused_where_the_rules_say(page):
    browser_support.sign_in(page, "moderator")
    answer = page.goto("/console/users")
    assert answer.status == 403 and "does not allow this" in page.locator("#error-message").inner_text()


def test_no_script_or_style_is_refused_by_the_pages_own_policy(page):
    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    sign_in(page, "administrator")
    page.goto("/console/users")
    page.goto("/console/audit")
    assert not [p for p in problems if "Content Security Policy" in p], problems
    assert page.evaluate("getComputedStyle(document.querySelector('header.top')).display") == "flex"
