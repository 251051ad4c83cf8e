"""Every console page and form, found from the app's routes, with random queries and fields: 0 server errors.

Pages added later are fuzzed without a change here. Forms are sent with a valid CSRF token by an
administrator (who may do everything), so the random fields reach the views themselves.
"""

from __future__ import annotations

import pytest
from console_support import client_for, csrf_token, make_service
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from test_console_routes import console_routes

from assessor_app.provider.api import create_app

COMMON = ["name", "role", "password", "password_again", "reason", "note", "q", "page", "before", "user",
          "action", "sort", "workshop", "assessor", "code", "id", "next", "to", "limit", "after"]
KEYS = st.one_of(st.sampled_from(COMMON), st.text(max_size=12))
VALUES = st.one_of(st.text(max_size=200), st.sampled_from(["", "0", "-1", "9" * 25, "administrator", "²",
                                                          "../../etc/passwd", "<script>x</script>"]))
FUZZ = settings(max_examples=25, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("forms")
    service = make_service(folder, console_login_burst=0, console_account_failures=0)
    routes = console_routes(create_app(service))
    yield service, routes
    service.close()


def _check(answer) -> None:
    assert answer.status_code < 500, (answer.request.method, answer.request.url, answer.status_code)
    assert "Traceback" not in answer.text and "<script>x</script>" not in answer.text


def test_every_page_with_random_queries(site):
    service, routes = site
    pages = [(path, action) for method, path, action in routes if method == "GET"]

    @FUZZ
    @given(query=st.dictionaries(KEYS, VALUES, max_size=5))
    def fuzz(query):
        client = client_for(service, "administrator")
        for path, _ in pages:
            _check(client.get(path, params=query))

    fuzz()


def test_every_form_with_random_fields(site):
    service, routes = site
    forms = [(path, action) for method, path, action in routes if method == "POST"]
    assert len(forms) >= 3

    @FUZZ
    @given(fields=st.dictionaries(KEYS, VALUES, max_size=6))
    def fuzz(fields):
        for path, action in forms:
            client = client_for(service, "administrator")  # a fresh session: a form may end it
            token = csrf_token(client.get("/console/")) if action else client.cookies.get("console_login")
            _check(client.post(path, data={**fields, "csrf_token": token}))

    fuzz()
