"""The quarantine and directory pages in chromium: a coordinator sees a quarantined bundle with its reason,
retries it (confirming the question) once its key is bound and sees it held; issues an enrollment code
that is shown once; the pages raise no policy or script error."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from securesystemslib.signer import CryptoSigner, SSlibKey
from test_console_login import sign_in

from assessor_app.evidence.keys import SigningKey

pytestmark = pytest.mark.browser


def _key(owner: str) -> SigningKey:
    private = Ed25519PrivateKey.generate()
    return SigningKey(owner, CryptoSigner(private, SSlibKey.from_crypto(private.public_key())))


def test_a_quarantined_bundle_is_seen_and_retried_in_the_browser(page, console_site, tmp_path: Path):
    from sync_support import TEST_ASSESSOR, bind_test_assessor, enroll, make_bundle

    from assessor_app.sync.upload import TusUploader

    problems: list[str] = []
    page.on("console", lambda message: problems.append(message.text) if message.type == "error" else None)
    failed: list[str] = []
    page.on("response", lambda r: failed.append(r.url) if r.status >= 400 and "favicon" not in r.url
            else None)
    ws = enroll(console_site, tmp_path / "ws")
    fresh = _key(TEST_ASSESSOR)
    sealed = make_bundle(tmp_path / "ws", ws.key, assessor=fresh)
    url = TusUploader(ws.client).create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    ws.client.send("PATCH", url, content=sealed.archive.read_bytes(), headers={
        "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert ws.client.send("GET", f"{url}/result", params={"wait": 30}).json()["status"] == "quarantined"
    [entry] = console_site.service.quarantine.entries()

    sign_in(page, "coordinator")
    page.get_by_role("link", name="Quarantine").first.click()
    page.wait_for_url("**/console/quarantine")
    row = page.locator(f"tr[data-quarantine='{entry.id}']")
    assert sealed.bundle_id in row.inner_text()
    assert f"the assessor key {fresh.fingerprint[:16]} is not registered" in row.inner_text()
    bind_test_assessor(console_site.service, ws.key.fingerprint, key=fresh)
    questions: list[str] = []

    def accept(dialog) -> None:  # type: ignore[no-untyped-def]
        questions.append(dialog.message)
        dialog.accept()

    page.on("dialog", accept)
    page.get_by_role("button", name=f"Retry the import of quarantined bundle number {entry.id}").click()
    page.wait_for_url(re.compile(r".*/console/quarantine\?state=all&retried=\d+"))
    assert questions == [f"Import bundle {sealed.bundle_id} again, with every check of a first delivery?"]
    assert page.locator("#quarantine-outcome").inner_text() == (
        f"bundle {sealed.bundle_id} was verified and is held now")
    assert console_site.service.importer.held(sealed.bundle_id, ws.key.fingerprint) is not None
    assert not [p for p in problems if "Content Security Policy" in p], problems
    assert failed == []  # every script, style and page it asked for was there
    ws.client.close()


def test_an_enrollment_code_is_shown_once(page, console_site):
    console_site.service.directory.add_workshop("ws-7", name="Verkstad Malmö", country="SE")
    sign_in(page, "coordinator")
    page.goto("/console/workshops")
    page.locator("#workshop-ws-7").get_by_role("button", name="Issue a code for ws-7").click()
    page.wait_for_load_state()
    code = page.locator("#the-code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{5}(-[A-Z0-9]{5}){3}", code)
    assert "It works once, until" in page.locator("#issued-code").inner_text()
    page.goto("/console/workshops")
    assert page.locator("#the-code").count() == 0 and code not in page.content()
