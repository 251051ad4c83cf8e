"""Every console answer carries the security headers; pages are not kept in caches; cookies are
Secure when the console is reached over https (a TLS proxy's X-Forwarded-Proto, or TLS itself)."""

from __future__ import annotations

from console_support import PASSWORD, csrf_token
from starlette.testclient import TestClient

from assessor_app.provider.api import create_app

EXPECTED = {
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
}


def _check(answer, *, page: bool = True) -> None:
    for name, value in EXPECTED.items():
        assert answer.headers.get(name) == value, (answer.request.url, name)
    csp = answer.headers["content-security-policy"]
    assert "default-src 'self'" in csp and "script-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
    if page:
        assert answer.headers["cache-control"] == "no-store", answer.request.url


def test_pages_redirects_errors_and_static_files_carry_the_headers(console_as):
    anon = console_as(None)
    _check(anon.get("/console/"))  # a redirect
    _check(anon.get("/console/login"))
    _check(anon.get("/console/nothing-here"))
    _check(anon.post("/console/logout", data={}))  # 401
    static = anon.get("/console/static/console.css")
    assert static.status_code == 200 and "text/css" in static.headers["content-type"]
    _check(static, page=False)
    assert anon.get("/console/static/console.js").status_code == 200
    assert anon.get("/console/static/../routes.py").status_code == 404
    client = console_as("auditor")
    page = client.get("/console/")
    _check(page)
    assert "<script>" not in page.text and " style=" not in page.text and "onclick" not in page.text
    assert "/console/static/console.css" in page.text


def test_the_provider_api_is_not_changed_by_the_console(console_as):
    health = console_as(None).get("/health")
    assert health.status_code == 200 and health.json()["status"] == "ok"
    assert "content-security-policy" not in health.headers


def test_cookies_are_secure_over_https(console_service):
    client = TestClient(create_app(console_service), base_url="https://provider.example",
                        follow_redirects=False)
    form = client.get("/console/login")
    assert "Secure" in form.headers["set-cookie"] and "SameSite=strict" in form.headers["set-cookie"]
    signed = client.post("/console/login", data={"name": "auditor", "password": PASSWORD,
                                                 "csrf_token": csrf_token(form)})
    cookie = signed.headers["set-cookie"]
    assert signed.status_code == 303
    assert "console_session=" in cookie and "Secure" in cookie and "HttpOnly" in cookie
    assert client.get("/console/language?to=fi").headers["set-cookie"].count("Secure") == 1
