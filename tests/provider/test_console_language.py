"""The console's language: a link in the header sets it, the browser's choice is the default, and the
link's ``next`` goes nowhere but into the console."""

from __future__ import annotations

import pytest

from assessor_app.provider.console.auth_views import safe_next
from assessor_app.provider.console.rendering import accepted_language


def test_the_language_link_sets_a_cookie_and_returns_to_the_page(console_as):
    client = console_as("auditor")
    answer = client.get("/console/language", params={"to": "fi", "next": "/console/?a=1"})
    assert answer.status_code == 303 and answer.headers["location"] == "/console/?a=1"
    cookie = answer.headers["set-cookie"]
    assert cookie.startswith("lang=fi;") and "Path=/console" in cookie
    home = client.get("/console/")
    assert '<html lang="fi">' in home.text and "Mitä voit tehdä" in home.text and "Kirjaudu ulos" in home.text
    assert client.get("/console/language", params={"to": "sv"}).headers["location"] == "/console/"
    assert '<html lang="sv">' in client.get("/console/").text


def test_an_unknown_language_is_refused_on_the_error_page(console_as):
    answer = console_as(None).get("/console/language", params={"to": "de", "next": "/console/"})
    assert answer.status_code == 400 and "There is no language de" in answer.text
    assert "set-cookie" not in answer.headers or "lang=" not in answer.headers["set-cookie"]


@pytest.mark.parametrize("target", [
    "https://evil.example/", "//evil.example/console/", "/\\evil.example", "\\\\evil.example",
    "/console@evil.example", "/consolex", "/console/../health", "/console/%2e%2e/health",
    "/console/%2F%2Fevil.example", "/console//evil.example", "javascript:alert(1)", "/console/\r\nX: y",
    "", "/", "/health", "http:/console/", "/console/\x00",
])
def test_next_never_leaves_the_console(console_as, target):
    answer = console_as(None).get("/console/language", params={"to": "es", "next": target})
    assert answer.status_code == 303
    assert answer.headers["location"] == "/console/"


def test_next_keeps_a_console_path_with_its_query():
    assert safe_next("/console/assessments?page=2&q=a%20b") == "/console/assessments?page=2&q=a%20b"
    assert safe_next("/console") == "/console"


def test_the_browsers_language_is_the_default_and_english_the_last_resort(console_as):
    client = console_as(None)
    page = client.get("/console/login", headers={"accept-language": "de-DE,pt-PT;q=0.8,en;q=0.5"})
    assert '<html lang="pt">' in page.text
    assert '<html lang="en">' in client.get("/console/login", headers={"accept-language": "de"}).text
    assert '<html lang="en">' in client.get("/console/login").text
    assert accepted_language("fi-FI, fi;q=0.9, sv;q=0.8") == "fi"
    assert accepted_language("sv;q=0.2, es;q=0.7") == "es"
    assert accepted_language("es;q=abc, ;;;, *") == "en"
    client.cookies.set("lang", "sv", path="/console")
    assert '<html lang="sv">' in client.get("/console/login", headers={"accept-language": "fi"}).text


@pytest.mark.parametrize("language", ["en", "fi", "sv", "es", "pt"])
def test_every_page_of_the_frame_renders_in_each_language(console_as, language):
    client = console_as("administrator")
    client.cookies.set("lang", language, path="/console")
    pages = [client.get(p) for p in ("/console/", "/console/users", "/console/audit", "/console/missing")]
    pages.append(console_as(None).get("/console/login", headers={"accept-language": language}))
    for page in pages:
        assert f'<html lang="{language}">' in page.text and page.status_code in (200, 404)
    if language != "en":  # translated, not the English fallback
        assert "What you can do" not in pages[0].text and "Console users" not in pages[1].text
