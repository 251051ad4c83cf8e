"""Every console route, walked: who gets in is exactly what permissions.RULES says, never a 500.

The routes are read from the app itself, so pages added later are walked without a change here:
each must be a console_view, which declares its action.
"""

from __future__ import annotations

import errno
import logging
import re

import pytest
from console_support import client_for, csrf_token, make_service
from starlette.routing import Mount, Route

from assessor_app.provider.api import create_app
from assessor_app.provider.console import auth_views
from assessor_app.provider.console.permissions import ROLES, RULES, allowed


def console_routes(app) -> list[tuple[str, str, str | None]]:
    """(method, path with placeholders filled, action) of every console route of ``app``."""
    mount = next(r for r in app.routes if isinstance(r, Mount) and r.path == "/console")
    found = []
    for route in mount.routes:
        if isinstance(route, Mount):
            assert route.path == "/static", f"unexpected mount {route.path} in the console"
            continue
        assert isinstance(route, Route), route
        assert hasattr(route.endpoint, "console_action"), \
            f"{route.path} is not a console_view: it must declare its action"
        action = route.endpoint.console_action
        assert action is None or action in RULES, f"{route.path}: action {action!r} is not in RULES"
        path = "/console" + re.sub(r"\{(\w+)(:int)?\}", lambda m: "0" if m.group(2) else "x", route.path)
        for method in sorted(route.methods or ()):
            if method != "HEAD":
                found.append((method, path, action))
    return found


@pytest.fixture(scope="module")
def walked(tmp_path_factory):
    service = make_service(tmp_path_factory.mktemp("walk"))
    yield service, console_routes(create_app(service))
    service.close()


def test_the_walk_finds_the_console_pages(walked):
    _, routes = walked
    paths = {(m, p) for m, p, _ in routes}
    assert {("GET", "/console/"), ("GET", "/console/login"), ("POST", "/console/login"),
            ("POST", "/console/logout"), ("GET", "/console/language")} <= paths


def _ask(client, method: str, path: str, action: str | None):
    """The request with a valid CSRF token when it is a POST: the session's, or on a public page the
    sign-in form's double-submit token."""
    if method == "POST":
        if action is None:
            token = client.cookies.get("console_login") or csrf_token(client.get("/console/login"))
        else:
            token = csrf_token(client.get("/console/")) if client.cookies.get("console_session") else "x"
        return client.post(path, data={"csrf_token": token})
    return client.request(method, path)


def test_without_a_session_only_public_pages_answer(walked):
    service, routes = walked
    for method, path, action in routes:
        answer = _ask(client_for(service), method, path, action)
        assert answer.status_code < 500, (method, path, answer.status_code)
        if action is None:  # public: answered itself (a failed sign-in is 401), never sent to sign in
            assert answer.status_code != 403, (method, path)
            assert not answer.headers.get("location", "").startswith("/console/login?next="), (method, path)
        elif method in ("GET", "HEAD"):
            assert answer.status_code == 303, (method, path)
            assert answer.headers["location"].startswith("/console/login?next=")
        else:
            assert answer.status_code == 401, (method, path, answer.status_code)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_gets_in_exactly_where_the_rules_say(walked, role):
    service, routes = walked
    for method, path, action in routes:
        answer = _ask(client_for(service, role), method, path, action)  # a fresh session: a POST may end it
        assert answer.status_code < 500, (role, method, path, answer.status_code)
        if action is not None and not allowed(role, action):
            assert answer.status_code == 403, (role, method, path, answer.status_code)
            assert "does not allow this" in answer.text
        elif action is None:  # public (a sign-in without a password is 401, as for anyone)
            assert answer.status_code != 403, (role, method, path)
        else:
            assert answer.status_code not in (401, 403), (role, method, path, answer.status_code)


def test_the_moderation_pages_ask_whether_the_user_is_on_the_cycles_panel(tmp_path):
    """The walk again over a real cycle: a moderator reaches only the cycles whose panel they are on."""
    from console_support import PASSWORD
    from verdict_support import add_cycle

    from assessor_app.provider.console.accounts import add_user

    # the cycle's report and its downloads: there for a cycle with nothing sampled yet
    REPORT_FILES = {"report", "report.pdf", "report.csv", "verdicts.csv"}
    # setting the cycle up, with an empty form: the page; what is missing (400); nobody to take off the
    # panel, no sample to check or download (404)
    MANAGE = {"manage": 200, "panel-add": 400, "draw": 400, "panel-remove": 404, "check": 404,
              "sample.json": 404}
    service = make_service(tmp_path / "provider")
    try:
        add_user(service.store, "moderator2", "moderator", PASSWORD)
        add_cycle(service, "2027-H1", moderators=["moderator"])  # nothing sampled yet
        routes = [r for r in console_routes(create_app(service)) if r[1].startswith("/console/moderation/x")]
        # closing changes every later answer: walked on its own, after the others
        closing = [r for r in routes if r[1] == "/console/moderation/x/close"]
        routes = [r for r in routes if r not in closing]
        assert routes and len(closing) == 1
        for user, role in [*((r, r) for r in ROLES), ("moderator2", "moderator")]:
            for method, walked, action in routes:
                path = walked.replace("/console/moderation/x", "/console/moderation/2027-H1", 1)
                answer = _ask(client_for(service, user), method, path, action)
                if not allowed(role, action):
                    assert answer.status_code == 403 and "does not allow this" in answer.text, (user, path)
                elif user == "moderator2":  # the role may, this cycle is not theirs
                    assert answer.status_code == 403 and "not on the panel of cycle 2027-H1" in answer.text
                elif path == "/console/moderation/2027-H1" or path.rsplit("/", 1)[-1] in REPORT_FILES:
                    assert answer.status_code == 200, (user, path, answer.status_code)
                elif path.rsplit("/", 1)[-1] in MANAGE:
                    assert answer.status_code == MANAGE[path.rsplit("/", 1)[-1]], (user, path)
                else:  # an assessment that is not in the cycle's sample
                    assert answer.status_code == 404, (user, method, path, answer.status_code)
        method, _walked, action = closing[0]
        for user, role in [*((r, r) for r in ROLES if r != "administrator"), ("moderator2", "moderator"),
                           ("administrator", "administrator")]:
            answer = _ask(client_for(service, user), method, "/console/moderation/2027-H1/close", action)
            if not allowed(role, action):
                assert answer.status_code == 403, (user, answer.status_code)
            elif user == "administrator":  # the coordinator closed it already
                assert answer.status_code == 409 and "cycle 2027-H1 is closed" in answer.text
            else:
                assert answer.status_code == 303, (user, answer.status_code)
    finally:
        service.close()


def test_a_missing_page_and_a_wrong_method_get_the_error_page(console_as):
    client = console_as("auditor")
    missing = client.get("/console/no/such/page")
    assert missing.status_code == 404 and "There is no page at this address." in missing.text
    assert 'lang="en"' in missing.text and "content-security-policy" in missing.headers
    wrong = client.get("/console/logout")
    assert wrong.status_code == 405 and "GET method" in wrong.text and wrong.headers["allow"] == "POST"


def test_an_unexpected_failure_is_a_503_naming_an_incident_never_a_traceback(console_as, monkeypatch,
                                                                             caplog):
    client = console_as("moderator")

    def broken(role):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(auth_views, "entries_for", broken)
    with caplog.at_level(logging.ERROR):
        answer = client.get("/console/")
    assert answer.status_code == 503 and answer.headers["retry-after"]
    incident = re.search(r'data-incident="([0-9a-f]{12})"', answer.text).group(1)
    assert "secret internals" not in answer.text and "Traceback" not in answer.text
    logged = [r for r in caplog.records if incident in r.getMessage()]
    assert logged and logged[0].exc_info is not None  # the log has the traceback


def test_the_providers_full_disk_is_a_503_saying_it_is_the_providers_fault(console_as, monkeypatch):
    client = console_as("moderator")

    def full(role):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(auth_views, "entries_for", full)
    answer = client.get("/console/")
    assert answer.status_code == 503 and "the provider's fault" in answer.text.replace("&#39;", "'")
    assert answer.headers["retry-after"] == "60"
