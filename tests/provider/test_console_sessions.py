"""Signing in and out of the console, sessions that end, and forms without their CSRF token."""

from __future__ import annotations

from console_support import PASSWORD, client_for, csrf_token, sign_in
from sqlalchemy import func, select

from assessor_app.provider.console import accounts, audit
from assessor_app.provider.console.models import ConsoleSession
from assessor_app.provider.console.state import SESSION_COOKIE


def _sessions(service) -> int:
    with service.store.engine.connect() as conn:
        return conn.execute(select(func.count()).select_from(ConsoleSession)).scalar_one()


def test_without_a_session_a_page_goes_to_the_sign_in_form_and_back_after_it(console_as):
    client = console_as(None)
    answer = client.get("/console/?x=1")
    assert answer.status_code == 303
    assert answer.headers["location"] == "/console/login?next=/console/%3Fx%3D1"
    form = client.get(answer.headers["location"])
    assert form.status_code == 200 and 'name="next" value="/console/?x=1"' in form.text
    signed = client.post("/console/login", data={"name": "moderator", "password": PASSWORD,
                                                 "csrf_token": csrf_token(form), "next": "/console/?x=1"})
    assert signed.status_code == 303 and signed.headers["location"] == "/console/?x=1"
    cookie = signed.headers["set-cookie"]
    assert "HttpOnly" in cookie and "Path=/console" in cookie and "SameSite=lax" in cookie
    assert "Secure" not in cookie  # plain http here; https gets Secure (test_console_headers)
    home = client.get("/console/")
    assert home.status_code == 200 and "Signed in as moderator" in home.text


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(console_as, console_service):
    client = console_as(None)
    wrong = sign_in(client, "coordinator", "not the password at all")
    unknown = sign_in(client, "nobody-here", "not the password at all")
    assert wrong.status_code == unknown.status_code == 401
    for answer in (wrong, unknown):
        assert "The user name or the password is wrong." in answer.text
        assert SESSION_COOKIE not in answer.headers.get("set-cookie", "")
    assert _sessions(console_service) == 0
    failed = audit.entries(console_service.store, action="session.login_failed")
    assert {row.target for row in failed} == {"coordinator", "nobody-here"}


def test_a_disabled_user_cannot_sign_in_and_loses_the_open_session(console_as, console_service):
    client = console_as("auditor")
    assert client.get("/console/").status_code == 200
    accounts.disable_user(console_service.store, "auditor")
    assert client.get("/console/").status_code == 303  # the session ended with the account
    answer = sign_in(console_as(None), "auditor")
    assert answer.status_code == 401 and "This account is disabled" in answer.text
    assert _sessions(console_service) == 0


def test_a_new_password_ends_the_open_sessions(console_as, console_service):
    client = console_as("moderator")
    accounts.set_password(console_service.store, "moderator", "another long password")
    assert client.get("/console/").status_code == 303
    assert sign_in(console_as(None), "moderator").status_code == 401
    assert sign_in(console_as(None), "moderator", "another long password").status_code == 303


def test_sign_out_ends_the_session_on_the_server(console_as, console_service):
    client = console_as("coordinator")
    token = client.cookies.get(SESSION_COOKIE)
    home = client.get("/console/")
    out = client.post("/console/logout", data={"csrf_token": csrf_token(home)})
    assert out.status_code == 303 and out.headers["location"] == "/console/login?signed_out=1"
    assert "Max-Age=0" in out.headers["set-cookie"]
    assert "You are signed out." in client.get(out.headers["location"]).text
    assert _sessions(console_service) == 0
    replay = client_for(console_service)  # the old cookie, replayed, opens nothing
    replay.cookies.set(SESSION_COOKIE, token, path="/console")
    assert replay.get("/console/").status_code == 303
    assert [r.action for r in audit.entries(console_service.store, user="coordinator")][:2] == [
        "session.logout", "session.login"]


def test_a_session_unused_for_the_idle_time_ends(console_as, console_service, console_clock):
    client = console_as("auditor")
    idle = console_service.store.config.console_idle_s
    console_clock.advance(idle - 5)
    assert client.get("/console/").status_code == 200  # used: the idle time starts again
    console_clock.advance(idle - 5)
    assert client.get("/console/").status_code == 200
    console_clock.advance(idle + 1)
    ended = client.get("/console/")
    assert ended.status_code == 303 and "ended=1" in ended.headers["location"]
    assert "Your session has ended" in client.get(ended.headers["location"]).text
    assert _sessions(console_service) == 0


def test_every_session_ends_after_the_absolute_time_however_busy(console_as, console_service, console_clock):
    client = console_as("auditor")
    config = console_service.store.config
    step = config.console_idle_s // 2
    for _ in range(config.console_absolute_s // step):
        assert client.get("/console/").status_code == 200
        console_clock.advance(step)
    console_clock.advance(1)
    assert client.get("/console/").status_code == 303


def test_a_form_without_its_csrf_token_is_refused_and_changes_nothing(console_as, console_service):
    client = console_as("administrator")
    home = client.get("/console/")
    for data in ({}, {"csrf_token": ""}, {"csrf_token": "x" * 64}, {"csrf_token": csrf_token(home) + "0"}):
        refused = client.post("/console/logout", data=data)
        assert refused.status_code == 403, data
        assert "security token is missing or wrong" in refused.text
        assert _sessions(console_service) == 1
    other = console_as("auditor")  # another session's token is not this session's
    refused = client.post("/console/logout", data={"csrf_token": csrf_token(other.get("/console/"))})
    assert refused.status_code == 403 and _sessions(console_service) == 2
    assert client.get("/console/").status_code == 200


def test_the_sign_in_form_needs_its_double_submit_cookie(console_as, console_service):
    client = console_as(None)
    form = client.get("/console/login")
    token = csrf_token(form)
    assert client.cookies.get("console_login") == token
    data = {"name": "administrator", "password": PASSWORD}
    assert client.post("/console/login", data=data).status_code == 403  # no token
    assert client.post("/console/login", data={**data, "csrf_token": "abc.def"}).status_code == 403
    stranger = console_as(None)  # a token without its cookie (a forged cross-site form)
    assert stranger.post("/console/login", data={**data, "csrf_token": token}).status_code == 403
    forged = console_as(None)  # a cookie and field that agree but were not signed by this console
    forged.cookies.set("console_login", "00.11", path="/console")
    assert forged.post("/console/login", data={**data, "csrf_token": "00.11"}).status_code == 403
    assert _sessions(console_service) == 0
    assert client.post("/console/login", data={**data, "csrf_token": token}).status_code == 303
