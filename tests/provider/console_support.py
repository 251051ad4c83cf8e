"""The console in tests: a provider with console users of each role, and clients signed in as them.

In a test module under tests/provider (the fixtures are imported by tests/provider/conftest.py):

    def test_something(console_as):
        client = console_as("coordinator")          # a Starlette TestClient, signed in by the real form
        page = client.get("/console/assessments")
        token = csrf_token(page)                      # the page's hidden csrf_token
        client.post("/console/...", data={"csrf_token": token, ...})

    def test_served(console_server):                  # a real ProviderServer on loopback
        with signed_in_http(console_server, "auditor") as http:   # an httpx.Client, signed in
            http.get("/console/")

``console_service`` is the ProviderService behind ``console_as`` (its clock is ``console_clock``,
which a test moves with ``console_clock.advance(seconds)``). Every user's password is PASSWORD;
the user of a role is named after it ("administrator", "coordinator", "moderator", "auditor").
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from starlette.testclient import TestClient

from assessor_app.provider.api import create_app
from assessor_app.provider.console.accounts import add_user
from assessor_app.provider.console.permissions import ROLES
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig

PASSWORD = "correct horse battery staple"
_TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')


class Clock:
    """The service's clock in microseconds, moved by the test (starts at the real time)."""

    def __init__(self) -> None:
        self.us = time.time_ns() // 1000

    def __call__(self) -> int:
        return self.us

    def advance(self, seconds: float) -> None:
        self.us += int(seconds * 10**6)


#: real Argon2id at a lower cost than the product's default, so that a test signs in in milliseconds;
#: and room for a test's many sign-ins from one address (the rate limit tests set their own)
TEST_CONFIG = {"console_hash_time_cost": 1, "console_hash_memory_kib": 1024, "console_hash_parallelism": 1,
               "console_login_burst": 200}


def make_service(folder: Path, clock: Callable[[], int] | None = None, **config: object) -> ProviderService:
    """A provider service in ``folder`` with a console user of each role (named after the role)."""
    config = {**TEST_CONFIG, **config}
    service = ProviderService(ProviderConfig(folder, **config), **({"clock": clock} if clock else {}))
    for role in ROLES:
        add_user(service.store, role, role, PASSWORD)
    return service


def csrf_token(page: httpx.Response | str) -> str:
    """The csrf_token hidden field of a page (the first form's; they are all the same)."""
    text = page if isinstance(page, str) else page.text
    found = _TOKEN.search(text)
    assert found, "the page has no form with a csrf_token"
    return found.group(1)


def sign_in(client: httpx.Client | TestClient, name: str, password: str = PASSWORD) -> httpx.Response:
    """Sign in through the real form (GET the form for its token, POST it); the POST's answer."""
    form = client.get("/console/login")
    return client.post("/console/login", data={"name": name, "password": password,
                                               "csrf_token": csrf_token(form)})


def client_for(service: ProviderService, role: str | None = None) -> TestClient:
    """A TestClient of the whole provider app (redirects not followed), signed in as ``role`` if given."""
    client = TestClient(create_app(service), follow_redirects=False)
    if role is not None:
        answer = sign_in(client, role)
        assert answer.status_code == 303, answer.text
    return client


@pytest.fixture
def console_clock() -> Clock:
    return Clock()


@pytest.fixture
def console_service(tmp_path: Path, console_clock: Clock) -> Iterator[ProviderService]:
    service = make_service(tmp_path / "provider", console_clock)
    yield service
    service.close()


@pytest.fixture
def console_as(console_service: ProviderService) -> Callable[[str | None], TestClient]:
    """``console_as(role)``: a new client signed in as the user of that role (None: not signed in)."""
    return lambda role=None: client_for(console_service, role)


@pytest.fixture
def console_server(tmp_path: Path) -> Iterator[ProviderServer]:
    """A real provider on a free loopback port, with a console user of each role."""
    server = ProviderServer(service=make_service(tmp_path / "served"))
    server.start()
    yield server
    server.close()


@contextmanager
def signed_in_http(server: ProviderServer, role: str) -> Iterator[httpx.Client]:
    """An httpx client of the served provider, signed in as the user of ``role``."""
    with httpx.Client(base_url=server.url, follow_redirects=False, timeout=30) as http:
        answer = sign_in(http, role)
        assert answer.status_code == 303, answer.text
        yield http
