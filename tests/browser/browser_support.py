"""Helpers for console pages in chromium (the fixtures are in tests/browser/conftest.py)."""

from __future__ import annotations

from console_support import PASSWORD


def sign_in(page, name: str, password: str = PASSWORD) -> None:
    """Sign in through the form (in English: the context's locale is en-GB) and land on the home page."""
    page.goto("/console/login")
    page.locator("#name").fill(name)
    page.locator("#password").fill(password)
    page.locator("form.login button[type=submit]").click()
    page.wait_for_url("**/console/")
