"""The console in a real browser: Playwright driving Debian's chromium (never a downloaded browser).

``browser`` launches /usr/bin/chromium (or $ASSESSOR_CHROMIUM) headless through ``executable_path``;
without it the tests are skipped with the reason, except under CI=true, where a missing browser fails.
``console_site`` is a real provider on loopback with a console user of each role (named after the role,
password console_support.PASSWORD); ``page`` is a fresh browser context's page (its own cookies).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "provider"))  # console_support

from console_support import make_service  # noqa: E402

from assessor_app.provider.server import ProviderServer  # noqa: E402

CHROMIUM = os.environ.get("ASSESSOR_CHROMIUM", "/usr/bin/chromium")


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).is_file():
        reason = f"no chromium at {CHROMIUM} (apt install chromium; .ci/run does)"
        if os.environ.get("CI") == "true":
            pytest.fail(f"the browser tests must run in CI: {reason}")
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, headless=True)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture
def console_site(tmp_path: Path) -> Iterator[ProviderServer]:
    server = ProviderServer(service=make_service(tmp_path / "provider"))
    server.start()
    yield server
    server.close()


@pytest.fixture
def page(browser, console_site: ProviderServer) -> Iterator[object]:
    context = browser.new_context(base_url=console_site.url, locale="en-GB")
    context.set_default_timeout(15_000)
    opened = context.new_page()
    yield opened
    context.close()
