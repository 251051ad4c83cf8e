"""The console in a real browser: Playwright driving Debian's chromium (never a downloaded browser).

``browser`` (tests/conftest.py: one for the whole run) launches /usr/bin/chromium (or
$ASSESSOR_CHROMIUM) headless through ``executable_path``;
without it the tests are skipped with the reason, except under CI=true, where a missing browser fails.
``console_site`` is a real provider on loopback with a console user of each role (named after the role,
password console_support.PASSWORD); ``page`` is a fresh browser context's page (its own cookies).
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "provider"))  # console_support

from console_support import make_service  # noqa: E402

from assessor_app.provider.server import ProviderServer  # noqa: E402


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
