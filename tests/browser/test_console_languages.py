"""Every console page in each of its five languages, in chromium at 1366x768, with real data: a provider
holding the workstation demo's delivered bundle (steps, video, photos, CAN plot) and a quarantined one.

A page fails when text is cut or spills out of its box or the page scrolls sideways, when a page in
fi/sv/es/pt shows the English source of a catalog message, or when ``<html lang>`` is not its language.
Screenshots of every page go to $ASSESSOR_SHOTS/<language>/ when that is set.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from console_assessment_support import HeldDemo, held_demo
from console_support import PASSWORD, TEST_CONFIG
from screen_checks import MEASURE, TEXTS, english_leftovers

from assessor_app.provider.console.accounts import add_user
from assessor_app.provider.console.permissions import ROLES
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig

pytestmark = pytest.mark.browser

LANGUAGES = ("en", "fi", "sv", "es", "pt")
SIZE = {"width": 1366, "height": 768}
#: console users of each role
USERS = {"administrator": "aino.lindqvist", "coordinator": "joao.pereira", "moderator": "marta.ruiz",
         "auditor": "erik.nyberg"}
#: the browser's own locale (a date field shows its format): a person's browser is in their language
LOCALES = {"en": "en-GB", "fi": "fi-FI", "sv": "sv-SE", "es": "es-ES", "pt": "pt-PT"}
SHOTS = os.environ.get("ASSESSOR_SHOTS", "")


class Site:
    def __init__(self, server: ProviderServer, demo: HeldDemo, quarantined: str):
        self.server, self.demo, self.quarantined = server, demo, quarantined

    def pages(self) -> dict[str, str]:
        """The pages an administrator sees: name -> path."""
        return {"home": "/console/", "list": "/console/assessments",
                "assessment": f"/console/assessments/{self.demo.device}/{self.demo.bundle_id}",
                "quarantine": "/console/quarantine?state=all", "workshops": "/console/workshops",
                "assessors": "/console/assessors", "users": "/console/users", "audit": "/console/audit",
                "moderation-new": "/console/moderation/new",
                "moderation-manage": "/console/moderation/2026-H2/manage?done=checked",
                "error-404": "/console/assessments/no-such-device/no-such-bundle",
                "error-400": "/console/assessments?size=7&sort=nonsense"}


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Site]:
    from sync_support import enroll, make_bundle

    from assessor_app.sync.upload import TusUploader

    where = tmp_path_factory.mktemp("languages")
    demo = held_demo(where / "demo")
    service = ProviderService(ProviderConfig(demo.folder, **TEST_CONFIG))
    for role in ROLES:  # named as people are (a user named after a role would read as the role's word)
        add_user(service.store, USERS[role], role, PASSWORD)
    from verdict_support import add_cycle

    add_cycle(service, "2027-H1", moderators=[USERS["moderator"]], sampled=[(demo.device, demo.bundle_id)])
    _drawn_cycle(service)
    server = ProviderServer(service=service)
    server.start()
    # the web proxies of the first two video segments made (a video plays), the others still owed
    service.derivations.stop()
    made: list[object] = []
    service.derivations.run_pending(on_item=made.append, should_stop=lambda: len(made) >= 2)
    # a bundle sealed with an assessor key the provider does not know: quarantined, retry offered
    ws = enroll(server, where / "ws")
    sealed = make_bundle(where / "ws", ws.key, assessor=_unknown_key())
    url = TusUploader(ws.client).create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    ws.client.send("PATCH", url, content=sealed.archive.read_bytes(), headers={
        "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert ws.client.send("GET", f"{url}/result", params={"wait": 30}).json()["status"] == "quarantined"
    ws.client.close()
    yield Site(server, demo, sealed.bundle_id)
    server.close()
    service.close()


def _drawn_cycle(service: ProviderService) -> None:
    """Cycle 2026-H2 of the demo's checklist over its day, with its sample drawn (the management page)."""
    import datetime as dt

    from sqlalchemy import select

    from assessor_app.provider.models import AssessmentIndexRow
    from assessor_app.provider.moderation.cycles import Cycles
    from assessor_app.provider.moderation.draws import draw

    with service.store.engine.connect() as conn:
        row = conn.execute(select(AssessmentIndexRow)).one()
    day = dt.datetime.fromtimestamp(row.ended_us / 1e6, dt.UTC).date()
    Cycles(service.store).create("2026-H2", first_day=day, last_day=day, checklists=[row.checklist_id],
                                 moderators=[USERS["moderator"]])
    draw(service.store, "2026-H2", 4711)


def _unknown_key():
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from securesystemslib.signer import CryptoSigner, SSlibKey
    from sync_support import TEST_ASSESSOR

    from assessor_app.evidence.keys import SigningKey

    private = Ed25519PrivateKey.generate()
    return SigningKey(TEST_ASSESSOR, CryptoSigner(private, SSlibKey.from_crypto(private.public_key())))


def _context(browser, site: Site, language: str, who: str | None):
    context = browser.new_context(base_url=site.server.url, viewport=SIZE, locale=LOCALES[language])
    context.set_default_timeout(20_000)
    context.add_cookies([{"name": "lang", "value": language, "url": site.server.url}])
    page = context.new_page()
    if who is not None:
        page.goto("/console/login")
        page.locator("#name").fill(USERS[who])
        page.locator("#password").fill(PASSWORD)
        page.locator("form.login button[type=submit]").click()
        page.wait_for_url("**/console/")
    return context, page


def _check(page, language: str, name: str) -> list[str]:
    page.wait_for_load_state("load")
    if SHOTS:
        folder = Path(SHOTS) / language
        folder.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(folder / f"{name}.png"), full_page=True)
    found = [f"{language} {name}: {p}" for p in page.evaluate(MEASURE)]
    lang = page.evaluate("document.documentElement.lang")
    if lang != language:
        found.append(f"{language} {name}: <html lang={lang!r}>")
    if language != "en":
        found += [f"{language} {name}: {p}" for p in english_leftovers(page.evaluate(TEXTS), language)]
    return found


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_page_fits_and_speaks_its_language(browser, site: Site, language: str):
    problems: list[str] = []
    context, page = _context(browser, site, language, None)
    page.goto("/console/login")
    problems += _check(page, language, "login")
    context.close()

    context, page = _context(browser, site, language, "administrator")
    for name, path in site.pages().items():
        answer = page.goto(path)
        assert answer is not None
        assert answer.status == (int(name[6:]) if name.startswith("error") else 200), (name, answer.status)
        if name == "assessment":
            assert page.locator("video").count() and page.locator("svg.can-plot").count()
            assert page.locator(".photos img").count()
        if name == "quarantine":
            table = page.inner_text("#quarantine")
            assert site.quarantined in table
            # where it came from, in words of the page's language (the store keeps "upload <id>")
            assert language == "en" or "upload " not in table, table
        if name == "list":
            assert page.locator("#assessments tbody tr").count() >= 1
        problems += _check(page, language, name)
        if name == "assessment":  # verified again now: what the check found, in words
            with page.expect_navigation():
                page.locator("#reverify").click()
            assert page.locator(".verification").count()
            problems += _check(page, language, "assessment-reverified")
    context.close()

    context, page = _context(browser, site, language, "moderator")
    answer = page.goto("/console/users")
    assert answer is not None and answer.status == 403
    problems += _check(page, language, "error-403")
    cycle = "/console/moderation/2027-H1"
    for name, path in {"moderation": "/console/moderation", "moderation-sample": cycle,
                       "moderation-package": f"{cycle}/{site.demo.device}/{site.demo.bundle_id}"}.items():
        answer = page.goto(path)
        assert answer is not None and answer.status == 200, (name, answer.status)
        problems += _check(page, language, name)
    with page.expect_navigation():  # the form refused: its problems in words of the page's language
        page.locator("#decision-overturn").check()
        page.locator("#verdict-submit").click()
    assert page.locator("#verdict-problems").count() == 1
    problems += _check(page, language, "moderation-verdict-refused")
    context.close()
    assert not problems, "\n".join(problems)
