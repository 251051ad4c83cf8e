"""Random forms, bodies, links and headers at the console's public doors and its sign-out: 0 server errors."""

from __future__ import annotations

from urllib.parse import quote

import pytest
from console_support import client_for, csrf_token, make_service
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

FIELDS = st.one_of(st.sampled_from(["name", "password", "csrf_token", "next"]), st.text(max_size=20))
VALUES = st.one_of(st.text(max_size=300), st.sampled_from(["auditor", "/console/", "//evil", "a.b", ""]))
HEADER_TEXT = st.text(alphabet=st.characters(min_codepoint=32, max_codepoint=126), max_size=200)
FUZZ = settings(max_examples=60, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    service = make_service(tmp_path_factory.mktemp("fuzz"), console_login_burst=0, console_account_failures=0)
    yield service
    service.close()


def _fine(answer) -> None:
    assert answer.status_code < 500, (answer.status_code, answer.text[:500])
    if answer.headers.get("content-type", "").startswith("text/html"):
        assert "<html lang=" in answer.text and "Traceback" not in answer.text
    assert answer.headers["x-frame-options"] == "DENY"


@FUZZ
@given(fields=st.dictionaries(FIELDS, VALUES, max_size=6), with_token=st.booleans())
def test_the_sign_in_form_with_random_fields(service, fields, with_token):
    client = client_for(service)
    if with_token:
        fields = {**fields, "csrf_token": csrf_token(client.get("/console/login"))}
    _fine(client.post("/console/login", data=fields))


@FUZZ
@given(body=st.binary(max_size=2000), kind=st.sampled_from([
    "application/x-www-form-urlencoded", "multipart/form-data", "multipart/form-data; boundary=x",
    "text/plain", "application/json", "", "multipart/form-data; boundary=" + "b" * 80]))
def test_the_sign_in_and_sign_out_with_random_bodies(service, body, kind):
    headers = {"content-type": kind} if kind else {}
    _fine(client_for(service).post("/console/login", content=body, headers=headers))
    signed = client_for(service, "moderator")
    _fine(signed.post("/console/logout", content=body, headers=headers))
    assert signed.get("/console/").status_code == 200  # not signed out by a body without the token


@FUZZ
@given(fields=st.dictionaries(FIELDS, VALUES, max_size=6))
def test_the_sign_out_form_with_random_fields(service, fields):
    fields.pop("csrf_token", None) if fields.get("csrf_token") else None
    signed = client_for(service, "auditor")
    _fine(signed.post("/console/logout", data=fields))
    _fine(client_for(service).post("/console/logout", data=fields))


@FUZZ
@given(query=st.dictionaries(st.sampled_from(["to", "next", "x"]), VALUES, max_size=3),
       raw=st.binary(max_size=200), language=HEADER_TEXT, cookie=HEADER_TEXT)
def test_the_language_link_with_random_queries_and_headers(service, query, raw, language, cookie):
    client = client_for(service)
    headers = {"accept-language": language, "cookie": f"lang={cookie}"}
    _fine(client.get("/console/language", params=query, headers=headers))
    answer = client.get("/console/language?" + quote(raw, safe="=&%/?:;+@\\"), headers=headers)
    _fine(answer)
    if answer.status_code == 303:
        assert answer.headers["location"].startswith("/console")
        assert not answer.headers["location"].startswith("/console//")
    _fine(client.get("/console/login", params=query, headers=headers))
