"""The console served by the real provider (uvicorn on loopback), next to the provider's API."""

from __future__ import annotations

import httpx
from console_support import PASSWORD, csrf_token, make_service, sign_in, signed_in_http

from assessor_app.provider.server import ProviderServer


def test_sign_in_browse_refuse_and_sign_out_over_http(console_server):
    with signed_in_http(console_server, "coordinator") as http:
        home = http.get("/console/")
        assert home.status_code == 200 and "Signed in as coordinator" in home.text
        assert home.headers["x-frame-options"] == "DENY" and home.headers["cache-control"] == "no-store"
        assert http.get("/console/users").status_code == 403  # not the coordinator's
        refused = http.post("/console/logout", data={"csrf_token": "forged"})
        assert refused.status_code == 403 and http.get("/console/").status_code == 200
        out = http.post("/console/logout", data={"csrf_token": csrf_token(home)})
        assert out.status_code == 303
        assert http.get("/console/").status_code == 303
    assert httpx.get(f"{console_server.url}/health").json()["status"] == "ok"


def test_cookies_are_secure_behind_a_trusted_tls_proxy(tmp_path):
    service = make_service(tmp_path, trusted_proxies=("127.0.0.1",))
    with ProviderServer(service=service) as server, httpx.Client(
            base_url=server.url, headers={"x-forwarded-proto": "https"}, follow_redirects=False) as http:
        form = http.get("/console/login")
        assert "Secure" in form.headers["set-cookie"]
        http.cookies.set("console_login", form.cookies["console_login"])  # httpx keeps Secure ones for https
        answer = http.post("/console/login", data={"name": "auditor", "password": PASSWORD,
                                                   "csrf_token": csrf_token(form)})
        assert answer.status_code == 303 and "Secure" in answer.headers["set-cookie"]


def test_many_wrong_passwords_over_http_meet_the_limit(tmp_path):
    service = make_service(tmp_path, console_login_burst=2, console_login_per_minute=1.0)
    with ProviderServer(service=service) as server, httpx.Client(base_url=server.url) as http:
        statuses = [sign_in(http, "moderator", "wrong wrong wrong").status_code for _ in range(3)]
        assert statuses == [401, 401, 429]
