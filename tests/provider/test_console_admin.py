"""The console's quarantine, workshops and assessors pages, over a real provider on loopback: a bundle
quarantined for an unbound key is retried from the page once the key is bound, and held; workshops,
workstations and assessors are registered, coded and revoked by a coordinator; an auditor only looks;
a moderator neither changes nor retries. Every change is a POST with the page's CSRF token and is audited."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path

import httpx
from console_support import csrf_token, signed_in_http
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from securesystemslib.signer import CryptoSigner, SSlibKey
from sync_support import TEST_ASSESSOR, Workstation, bind_test_assessor, enroll, make_bundle, workstation_key

from assessor_app.evidence.keys import SigningKey
from assessor_app.provider.console import audit
from assessor_app.provider.server import ProviderServer
from assessor_app.sync.client import ProviderClient
from assessor_app.sync.upload import TusUploader

CODE = re.compile(r'<code class="code" id="the-code">([A-Z0-9-]+)</code>')


def _key(owner: str) -> SigningKey:
    private = Ed25519PrivateKey.generate()
    return SigningKey(owner, CryptoSigner(private, SSlibKey.from_crypto(private.public_key())))


def _deliver(ws: Workstation, sealed) -> dict:  # type: ignore[no-untyped-def]
    url = TusUploader(ws.client).create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    answer = ws.client.send("PATCH", url, content=sealed.archive.read_bytes(), headers={
        "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert answer.status_code == 204, _seen(answer)
    return dict(ws.client.send("GET", f"{url}/result", params={"wait": 30}).json())


def _seen(answer: httpx.Response) -> str:
    """A page's text as a person reads it (entities such as &#39; decoded)."""
    return html.unescape(answer.text)


def _post(http: httpx.Client, page: str, action: str, **fields: object) -> httpx.Response:
    token = csrf_token(http.get(page))
    return http.post(action, data={"csrf_token": token, **fields})


def _audited(server: ProviderServer, action: str) -> list:  # type: ignore[type-arg]
    return [e for e in audit.entries(server.service.store, action=action, limit=50)]


# ---------------------------------------------------------------- quarantine
def test_a_coordinator_retries_a_bundle_once_its_key_is_bound(console_server: ProviderServer, tmp_path: Path):
    ws = enroll(console_server, tmp_path / "ws")
    fresh = _key(TEST_ASSESSOR)
    sealed = make_bundle(tmp_path / "ws", ws.key, assessor=fresh)
    assert _deliver(ws, sealed)["status"] == "quarantined"
    [entry] = console_server.service.quarantine.entries()
    with signed_in_http(console_server, "coordinator") as http:
        page = http.get("/console/quarantine")
        assert page.status_code == 200
        assert sealed.bundle_id in _seen(page)
        assert f"the assessor key {fresh.fingerprint[:16]} is not" in _seen(page)
        assert f'action="/console/quarantine/{entry.id}/retry"' in _seen(page)
        # in Finnish, the reason is the catalog's
        http.get("/console/language", params={"to": "fi", "next": "/console/quarantine"})
        finnish = _seen(http.get("/console/quarantine"))
        assert f"arvioijan avainta {fresh.fingerprint[:16]} ei ole rekisteröity" in finnish
        http.get("/console/language", params={"to": "en", "next": "/console/quarantine"})
        # without a token the retry is refused before it runs
        assert http.post(f"/console/quarantine/{entry.id}/retry", data={}).status_code == 403
        bind_test_assessor(console_server.service, ws.key.fingerprint, key=fresh)
        answer = _post(http, "/console/quarantine", f"/console/quarantine/{entry.id}/retry")
        assert answer.status_code == 303
        shown = http.get(answer.headers["location"])
        assert shown.status_code == 200
        assert f"bundle {sealed.bundle_id} was verified and is held now" in _seen(shown)
        assert "resolved: imported on" in _seen(shown) and "(coordinator)" in _seen(shown)
        again = _post(http, "/console/quarantine", f"/console/quarantine/{entry.id}/retry")
        assert again.status_code == 409 and "is resolved already: nothing to retry" in _seen(again)
    held = console_server.service.importer.held(sealed.bundle_id, ws.key.fingerprint)
    assert held is not None and held.manifest_sha256 == sealed.manifest_sha256
    assert ws.client.receipt(sealed.bundle_id) is not None  # the workstation finds it held
    retries = _audited(console_server, "quarantine.retry")
    assert [(r.user_name, r.target) for r in retries][:2] == [("coordinator", str(entry.id))] * 2
    ws.client.close()


def test_a_bundle_refused_by_verification_is_shown_with_the_id_its_upload_gave(console_server: ProviderServer,
                                                                               tmp_path: Path):
    from assessor_app.evidence.archive import write_archive

    ws = enroll(console_server, tmp_path / "ws")
    sealed = make_bundle(tmp_path / "ws", ws.key, archive=False, extra_bytes=64)
    payload = sealed.folder / "data" / "capture" / "can.bin"
    payload.chmod(0o600)
    payload.write_bytes(bytes(64))  # changed after sealing
    sealed.archive = write_archive(sealed.folder, tmp_path / "changed.tar")
    assert _deliver(ws, sealed)["status"] == "quarantined"
    [entry] = console_server.service.quarantine.entries()
    assert entry.bundle_id is None and entry.source.startswith("upload ")  # its id was not trusted
    with signed_in_http(console_server, "auditor") as http:
        row = _seen(http.get("/console/quarantine")).split(f'data-quarantine="{entry.id}"', 1)[1]
        assert f"<code>{sealed.bundle_id}</code>" in row.split("</tr>", 1)[0]
        assert "(as the workstation named it: not verified)" in row
    ws.client.close()


def test_who_may_see_and_retry(console_server: ProviderServer, tmp_path: Path):
    genuine = enroll(console_server, tmp_path / "genuine", "ws-1")
    thief = enroll(console_server, tmp_path / "thief", "ws-2")
    assert _deliver(genuine, genuine.bundle(assessor=_key(TEST_ASSESSOR)))["status"] == "quarantined"
    assert _deliver(thief, genuine.bundle())["status"] == "quarantined"
    provider_side, own_fault = sorted(console_server.service.quarantine.entries(), key=lambda e: e.kind,
                                      reverse=True)
    assert (provider_side.kind, own_fault.kind) == ("provider", "bundle")
    for role in ("auditor", "moderator"):
        with signed_in_http(console_server, role) as http:
            page = http.get("/console/quarantine")
            assert page.status_code == 200 and "/retry" not in _seen(page)  # they see, no button
            refused = _post(http, "/console/quarantine", f"/console/quarantine/{provider_side.id}/retry")
            assert refused.status_code == 403
    with signed_in_http(console_server, "coordinator") as http:
        page = http.get("/console/quarantine")
        assert f"/console/quarantine/{provider_side.id}/retry" in _seen(page)
        assert f"/console/quarantine/{own_fault.id}/retry" not in _seen(page)
        assert "not retried: the bundle's own fault" in _seen(page)
        refused = _post(http, "/console/quarantine", f"/console/quarantine/{own_fault.id}/retry")
        assert refused.status_code == 409 and "importing it again cannot change that" in _seen(refused)
        assert _post(http, "/console/quarantine", "/console/quarantine/424242/retry").status_code == 404
        assert _post(http, "/console/quarantine", "/console/quarantine/x/retry").status_code == 404
        # filters
        only = http.get("/console/quarantine", params={"kind": "bundle", "workshop": "ws-2"})
        assert f'data-quarantine="{own_fault.id}"' in _seen(only)
        assert f'data-quarantine="{provider_side.id}"' not in _seen(only)
        bad = http.get("/console/quarantine", params={"from": "yesterday"})
        assert bad.status_code == 400 and "a day is written YYYY-MM-DD, not 'yesterday'" in _seen(bad)
        unknown = http.get("/console/quarantine", params={"workshop": "ws-none"})
        assert unknown.status_code == 400 and "'ws-none' is not one of the choices" in _seen(unknown)
    assert console_server.service.quarantine.entry(provider_side.id).is_open
    genuine.client.close()
    thief.client.close()


# ---------------------------------------------------------------- workshops and workstations
def test_workshops_register_code_and_revoke(console_server: ProviderServer, tmp_path: Path):
    with signed_in_http(console_server, "coordinator") as http:
        made = _post(http, "/console/workshops", "/console/workshops", id="ws-bcn", name="Taller Barcelona",
                     country="es", address="Carrer de Pallars 1")
        assert made.status_code == 303
        page = http.get(made.headers["location"])
        assert "Workshop ws-bcn is registered." in _seen(page) and "Taller Barcelona" in _seen(page)
        twice = _post(http, "/console/workshops", "/console/workshops", id="ws-bcn", name="x", country="ES")
        assert twice.status_code == 409 and "workshop ws-bcn already exists" in _seen(twice)
        issued = _post(http, "/console/workshops", "/console/workshops/ws-bcn/code", label="bench 3")
        assert issued.status_code == 200 and "It works once, until" in _seen(issued)
        assert "It is shown only now" in _seen(issued)
        code = CODE.search(_seen(issued))
        assert code is not None
        assert code.group(1) not in _seen(http.get("/console/workshops"))  # shown once
    # the code enrolls a real workstation into that workshop
    client = ProviderClient(console_server.url, workstation_key(tmp_path / "bcn"))
    answer = client.enroll(code.group(1))
    assert answer["workshop_id"] == "ws-bcn"
    key_id = client.device.fingerprint
    logged = _audited(console_server, "directory.enrollment_code")
    assert logged and logged[0].target == "ws-bcn" and code.group(1) not in str(logged[0].detail)
    with signed_in_http(console_server, "coordinator") as http:
        page = http.get("/console/workshops")
        assert f'data-workstation="{key_id}"' in _seen(page)
        empty = _post(http, "/console/workshops", f"/console/workstations/{key_id}/revoke", reason="  ")
        assert empty.status_code == 422 and "the reason must be 1-500 printable characters" in _seen(empty)
        done = _post(http, "/console/workshops", f"/console/workstations/{key_id}/revoke", reason="sold")
        assert done.status_code == 303
        assert f"Workstation {key_id[:16]} is revoked." in _seen(http.get(done.headers["location"]))
        again = _post(http, "/console/workshops", f"/console/workstations/{key_id}/revoke", reason="x")
        assert again.status_code == 409 and "was revoked already" in _seen(again)
        assert _post(http, "/console/workshops", f"/console/workstations/{'0' * 64}/revoke",
                     reason="x").status_code == 404
    assert console_server.service.registry.device(key_id).revoked_reason == "sold"
    assert [e.target for e in _audited(console_server, "directory.workstation_revoke")] == [key_id]
    client.close()


def test_an_auditor_and_a_moderator_change_nothing_in_the_directory(console_server: ProviderServer,
                                                                    tmp_path: Path):
    ws = enroll(console_server, tmp_path / "ws", "ws-1")
    key = ws.key.fingerprint
    with signed_in_http(console_server, "moderator") as http:  # a moderator does not see the directory
        assert http.get("/console/workshops").status_code == 403
        assert http.get("/console/assessors").status_code == 403
    for role in ("auditor", "moderator"):
        with signed_in_http(console_server, role) as http:
            if role == "moderator":
                for action, fields in [("/console/workshops", {"id": "w-9", "name": "N", "country": "FI"}),
                                       (f"/console/workstations/{key}/revoke", {"reason": "r"})]:
                    assert _post(http, "/console/", action, **fields).status_code == 403, (role, action)
                continue
            workshops = http.get("/console/workshops")
            assessors = http.get("/console/assessors")
            assert workshops.status_code == 200 and assessors.status_code == 200
            assert f'data-workstation="{key}"' in _seen(workshops) and 'method="post" action="/console/work' \
                not in _seen(workshops)
            assert TEST_ASSESSOR in _seen(assessors) and "/console/assessors/" not in _seen(assessors)
            for action, fields in [("/console/workshops", {"id": "w-9", "name": "N", "country": "FI"}),
                                   ("/console/workshops/ws-1/code", {}),
                                   (f"/console/workstations/{key}/revoke", {"reason": "r"}),
                                   ("/console/assessors", {"id": "a-9"}),
                                   (f"/console/assessors/{TEST_ASSESSOR}/code", {}),
                                   (f"/console/assessors/{TEST_ASSESSOR}/revoke", {"reason": "r"})]:
                assert _post(http, "/console/workshops", action, **fields).status_code == 403, (role, action)
    assert console_server.service.registry.device(key).revoked_us is None
    assert [w.id for w in console_server.service.directory.workshops()] == ["ws-1"]
    ws.client.close()


# ---------------------------------------------------------------- assessors
def test_assessors_with_expiry_in_words(console_server: ProviderServer):
    directory = console_server.service.directory
    directory.add_workshop("ws-1", name="Garage", country="FI")
    today = dt.datetime.now(dt.UTC).date()
    with signed_in_http(console_server, "coordinator") as http:
        soon = (today + dt.timedelta(days=10)).isoformat()
        added = _post(http, "/console/assessors", "/console/assessors", id="a-soon", name="Sanna Virtanen",
                      qualification="SFS 6002", qualification_ref="FI-77", expires=soon, workshops="ws-1")
        assert added.status_code == 303
        assert "Assessor a-soon is added." in _seen(http.get(added.headers["location"]))
        directory.add_assessor("a-late", name="Pablo", qualification="IMI Level 4",
                               expires=today - dt.timedelta(days=3), workshops=["ws-1"])
        directory.add_assessor("a-fine", name="Ana", qualification="IMI Level 4",
                               expires=today + dt.timedelta(days=400), workshops=["ws-1"])
        page = _seen(http.get("/console/assessors"))
        assert re.search(r'data-assessor="a-soon" data-validity="expiring"', page)
        assert "Expires soon: valid through" in page and "10 days left" in page
        assert re.search(r'data-assessor="a-late" data-validity="expired"', page)
        assert "Expired: valid through" in page
        assert re.search(r'data-assessor="a-fine" data-validity="valid"', page)
        assert "2 active assessors' qualifications expire within 60 days or have expired" in page
        narrow = _seen(http.get("/console/assessors", params={"within": "5"}))
        assert re.search(r'data-assessor="a-soon" data-validity="valid"', narrow)
        bad = http.get("/console/assessors", params={"within": "-1"})
        assert bad.status_code == 400 and "give a whole number from 0 to 3650" in _seen(bad)
        renewed = _post(http, "/console/assessors", "/console/assessors/a-late/qualification",
                        qualification="IMI Level 4", qualification_ref="", expires="2031-01-31")
        assert renewed.status_code == 303
        assert directory.assessor("a-late").qualification_expires == "2031-01-31"
        # a wrong date in Finnish
        http.get("/console/language", params={"to": "fi", "next": "/console/assessors"})
        wrong = _post(http, "/console/assessors", "/console/assessors", id="a-x", name="X", qualification="Q",
                      expires="31.12.2030", workshops="ws-1")
        assert wrong.status_code == 422
        assert "anna päivämäärä muodossa VVVV-KK-PP, ei '31.12.2030'" in _seen(wrong)
        assert 'value="31.12.2030"' in _seen(wrong)  # what was typed stays in the form
        http.get("/console/language", params={"to": "en", "next": "/console/assessors"})
        issued = _post(http, "/console/assessors", "/console/assessors/a-soon/code")
        assert issued.status_code == 200 and CODE.search(_seen(issued))
        assert "Assessor code for a-soon" in _seen(issued)
        revoked = _post(http, "/console/assessors", "/console/assessors/a-soon/revoke", reason="left")
        assert revoked.status_code == 303
        assert directory.assessor("a-soon").revoked_reason == "left"
        no_code = _post(http, "/console/assessors", "/console/assessors/a-soon/code")
        assert no_code.status_code == 409 and "no code can be issued" in _seen(no_code)
        assert _post(http, "/console/assessors", "/console/assessors/nobody/code").status_code == 404
    actions = {e.action for e in audit.entries(console_server.service.store, limit=50)}
    assert {"directory.assessor_add", "directory.qualification", "directory.assessor_code",
            "directory.assessor_revoke"} <= actions


def test_revoking_an_assessor_key(console_server: ProviderServer, tmp_path: Path):
    ws = enroll(console_server, tmp_path / "ws")
    key = console_server.service.directory.assessor(TEST_ASSESSOR).keys[0].key_id
    with signed_in_http(console_server, "administrator") as http:
        page = _seen(http.get("/console/assessors"))
        assert f"/console/assessor-keys/{key}/revoke" in page
        done = _post(http, "/console/assessors", f"/console/assessor-keys/{key}/revoke", reason="laptop lost")
        assert done.status_code == 303
        assert f"Key {key[:16]} is revoked." in _seen(http.get(done.headers["location"]))
        assert _post(http, "/console/assessors", f"/console/assessor-keys/{'f' * 64}/revoke",
                     reason="x").status_code == 404
    record = console_server.service.directory.assessor(TEST_ASSESSOR)
    assert record.keys[0].revoked_reason == "laptop lost"
    assert _deliver(ws, ws.bundle())["status"] == "quarantined"  # its bundles are refused from now on
    ws.client.close()


def test_an_upload_left_waiting_by_a_full_disk_is_imported_from_the_page(small_disk: Path,
                                                                        tmp_path: Path):
    import os

    from console_support import make_service
    from small_disk import fill

    server = ProviderServer(service=make_service(small_disk / "provider")).start()
    ws = enroll(server, tmp_path / "ws")
    try:
        sealed = make_bundle(tmp_path / "ws", ws.key, extra_bytes=3 * 1024 * 1024)
        url = TusUploader(ws.client).create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
        filler = fill(small_disk)
        os.truncate(filler, max(0, filler.stat().st_size - 4 * 1024 * 1024))  # room to receive, not unpack
        ws.client.send("PATCH", url, content=sealed.archive.read_bytes(), headers={
            "Tus-Resumable": "1.0.0", "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream"})
        assert ws.client.send("GET", f"{url}/result", params={"wait": 30}).status_code == 503
        [waiting] = server.service.waiting_uploads()
        with signed_in_http(server, "auditor") as http:
            page = _seen(http.get("/console/quarantine"))
            assert f'data-upload="{waiting.id}"' in page
            assert f"/console/uploads/{waiting.id}/import" not in page
            refused = _post(http, "/console/quarantine", f"/console/uploads/{waiting.id}/import")
            assert refused.status_code == 403
        filler.unlink()
        with signed_in_http(server, "coordinator") as http:
            page = _seen(http.get("/console/quarantine"))
            assert "Uploads waiting for their import" in page
            done = _post(http, "/console/quarantine", f"/console/uploads/{waiting.id}/import")
            assert done.status_code == 200
            assert f"bundle {sealed.bundle_id} was verified and is held now" in _seen(done)
            assert f'data-upload="{waiting.id}"' not in _seen(done)
            gone = _post(http, "/console/quarantine", f"/console/uploads/{waiting.id}/import")
            assert gone.status_code == 409 and "is not waiting for an import" in _seen(gone)
        assert server.service.importer.held(sealed.bundle_id, ws.key.fingerprint) is not None
        assert [e.target for e in _audited(server, "quarantine.import_upload")] == [waiting.id]
    finally:
        ws.client.close()
        server.close()
