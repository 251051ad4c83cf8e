"""Who is who at the provider: workshops and codes, assessors and their keys, bundles and their sealers.

Each hostile move a workstation could try is here with the exact answer the provider gives.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import httpx
import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from securesystemslib.signer import CryptoSigner, SSlibKey
from sync_support import (
    TEST_ASSESSOR,
    Workstation,
    assessor_key,
    enroll,
    finished,
    make_bundle,
    provider_code,
    workstation_key,
)

from assessor_app.evidence.keys import SigningKey
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.store import Refused
from assessor_app.sync.client import ProviderClient, SyncError
from assessor_app.sync.upload import TusUploader


def _key(owner: str) -> SigningKey:
    private = Ed25519PrivateKey.generate()
    return SigningKey(owner, CryptoSigner(private, SSlibKey.from_crypto(private.public_key())))


def _deliver(ws: Workstation, sealed) -> dict:  # type: ignore[no-untyped-def]
    """Upload a sealed archive and return the provider's import result (status, receipt or reason)."""
    uploader = TusUploader(ws.client)
    url = uploader.create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    data = sealed.archive.read_bytes()
    answer = ws.client.send("PATCH", url, content=data, headers={
        "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert answer.status_code == 204, answer.text
    return dict(ws.client.send("GET", f"{url}/result", params={"wait": 30}).json())


# ---------------------------------------------------------------- workshops and enrollment codes
def test_a_code_enrolls_only_into_the_workshop_it_was_issued_for(provider: ProviderServer, tmp_path: Path):
    code_m = provider_code(provider.service, "garage-m")
    provider_code(provider.service, "garage-a")
    mallory = ProviderClient(provider.url, workstation_key(tmp_path / "m"))
    with pytest.raises(SyncError) as refused:
        mallory.enroll(code_m, "garage-a")
    assert refused.value.status == 403
    assert "this enrollment code was not issued for workshop garage-a" in str(refused.value)
    answer = mallory.enroll(code_m)  # the refusal did not spend it: it enrolls into its own workshop
    assert answer["workshop_id"] == "garage-m" and answer["workshop"]["country"] == "FI"
    assert provider.service.registry.device(mallory.device.fingerprint).workshop_id == "garage-m"


def test_a_device_cannot_name_or_create_its_workshop(provider: ProviderServer, tmp_path: Path):
    code = provider_code(provider.service, "garage-m")
    client = ProviderClient(provider.url, workstation_key(tmp_path / "m"))
    key_id = client.device.fingerprint
    from assessor_app.sync.protocol import enroll_message

    # the first release's body, claiming a workshop that does not exist: neither made nor joined
    answer = httpx.post(f"{provider.url}/enroll", json={
        "code": code, "workshop_id": "brand-new", "workshop_name": "I say so",
        "device_public_key": client.device.public_pem(),
        "signature": client.device.signer.sign(enroll_message(code, key_id)).signature})
    assert answer.status_code == 403
    assert answer.json()["error"] == "this enrollment code was not issued for workshop brand-new"
    assert [w.id for w in provider.service.directory.workshops()] == ["garage-m"]


def test_codes_need_a_workshop_the_provider_made(provider: ProviderServer):
    with pytest.raises(Refused) as missing:
        provider.service.registry.create_code("nowhere")
    assert missing.value.status == 404 and "there is no workshop 'nowhere'" in str(missing.value)
    with pytest.raises(Refused, match="two-letter ISO 3166 code"):
        provider.service.directory.add_workshop("w-1", name="Garage", country="Finland")
    with pytest.raises(Refused, match="already exists"):
        provider.service.directory.add_workshop("w-2", name="Garage", country="ES")
        provider.service.directory.add_workshop("w-2", name="Garage", country="ES")


def test_one_workshop_sees_nothing_of_another(provider: ProviderServer, tmp_path: Path):
    garage_a = enroll(provider, tmp_path / "a", "garage-a")
    garage_m = enroll(provider, tmp_path / "m", "garage-m")
    sealed = garage_a.bundle()
    assert _deliver(garage_a, sealed)["status"] == "imported"
    assert list(garage_a.client.held_bundles()) == [(sealed.bundle_id, sealed.manifest_sha256)]
    assert list(garage_m.client.held_bundles()) == []
    assert garage_m.client.receipt(sealed.bundle_id) is None  # 404: not one of M's bundles
    a_digest = garage_a.client.reconcile("0" * 64)
    m_digest = garage_m.client.reconcile(a_digest["digest"])
    assert a_digest["count"] == 1 and m_digest == {"match": False, "count": 0, "digest": m_digest["digest"]}
    assert m_digest["digest"] != a_digest["digest"]


# ---------------------------------------------------------------- bundles and who sealed them
def test_a_squatter_never_blocks_replaces_or_shadows_another_workstations_bundle(
        provider: ProviderServer, tmp_path: Path):
    genuine = enroll(provider, tmp_path / "genuine", "garage-a")
    squatter = enroll(provider, tmp_path / "squatter", "garage-a")  # even in the same workshop
    theirs = genuine.bundle()
    # the squatter learns the id (it is printed on the record) and seals its own assessment under it first
    mine = squatter.bundle(bundle_id=theirs.bundle_id)
    assert _deliver(squatter, mine)["status"] == "imported"
    result = _deliver(genuine, theirs)
    assert result["status"] == "imported", result
    from assessor_app.sync.receipts import verify_receipt

    statement = verify_receipt(genuine.client.receipt(theirs.bundle_id)["receipt"],
                               provider.service.store.key.public_pem(), bundle_id=theirs.bundle_id,
                               manifest_sha256=theirs.manifest_sha256, device_key_id=genuine.key.fingerprint)
    assert statement["device_key_id"] == genuine.key.fingerprint
    # each sees only its own; the provider holds both, each under its sealer
    assert list(genuine.client.held_bundles()) == [(theirs.bundle_id, theirs.manifest_sha256)]
    assert list(squatter.client.held_bundles()) == [(mine.bundle_id, mine.manifest_sha256)]
    held = provider.service.importer.bundles()
    assert sorted((b.bundle_id, b.device) for b in held) == sorted(
        [(theirs.bundle_id, genuine.key.fingerprint), (mine.bundle_id, squatter.key.fingerprint)])
    # the squatter's receipt is no proof for the genuine workstation
    from assessor_app.sync.receipts import ReceiptError

    with pytest.raises(ReceiptError, match="sealed by workstation"):
        verify_receipt(squatter.client.receipt(mine.bundle_id)["receipt"],
                       provider.service.store.key.public_pem(), bundle_id=theirs.bundle_id,
                       manifest_sha256=mine.manifest_sha256, device_key_id=genuine.key.fingerprint)


def test_replaying_another_workstations_archive_is_quarantined_and_blocks_nothing(
        provider: ProviderServer, tmp_path: Path):
    genuine = enroll(provider, tmp_path / "genuine", "garage-a")
    thief = enroll(provider, tmp_path / "thief", "garage-m")
    sealed = genuine.bundle()  # copied off a USB stick, say
    stolen = _deliver(thief, sealed)
    assert stolen["status"] == "quarantined"
    assert stolen["reason"] == (f"sealed by workstation {genuine.key.fingerprint[:16]}, not by the uploading "
                                f"workstation {thief.key.fingerprint[:16]}")
    assert _deliver(genuine, sealed)["status"] == "imported"


# ---------------------------------------------------------------- assessors and their keys
def test_a_bundle_co_signed_by_a_fresh_key_is_quarantined(provider: ProviderServer, workstation: Workstation):
    fresh = _key(TEST_ASSESSOR)
    sealed = make_bundle(workstation.folder, workstation.key, assessor=fresh)
    result = _deliver(workstation, sealed)
    assert result["status"] == "quarantined"
    assert result["reason"] == (f"the assessor key {fresh.fingerprint[:16]} is not registered with this "
                                "provider: an assessor binds their key to their record once, with an "
                                "assessor code")


def test_a_seal_naming_another_assessor_than_the_key_owner_is_quarantined(
        provider: ProviderServer, workstation: Workstation):
    impostor = SigningKey("assr-2", assessor_key().signer)  # assr-1's key, labelled as someone else
    provider.service.directory.add_assessor("assr-2", name="Other", qualification="IMI Level 4",
                                            expires="2099-01-01", workshops=["ws-1"])
    result = _deliver(workstation, make_bundle(workstation.folder, workstation.key, assessor=impostor))
    assert result["status"] == "quarantined"
    assert result["reason"] == (f"the seal names assessor 'assr-2', but key {impostor.fingerprint[:16]} is "
                                f"registered to assessor {TEST_ASSESSOR}")


@pytest.mark.parametrize("change, reason", [
    ("revoke", "assessor assr-1 was revoked on {today}: left the provider"),
    ("revoke-key", "assessor assr-1's key {key} was revoked on {today}: laptop lost"),
    ("workshop", "assessor assr-1 does not assess for workshop ws-1"),
    ("expired", "assessor assr-1's qualification (DGUV 209-093 level 3S) expired on 2020-01-31, before the "
                "assessment on {assessed}"),
])
def test_a_co_signature_that_no_longer_stands_is_quarantined(
        provider: ProviderServer, workstation: Workstation, change: str, reason: str):
    directory = provider.service.directory
    key = assessor_key()
    if change == "revoke":
        directory.revoke_assessor(TEST_ASSESSOR, "left the provider")
    elif change == "revoke-key":
        directory.revoke_assessor_key(key.fingerprint[:12], "laptop lost")
    elif change == "workshop":
        provider_code(provider.service, "ws-2")
        directory.update_assessor(TEST_ASSESSOR, remove_workshops=["ws-1"])
    else:
        directory.update_assessor(TEST_ASSESSOR, expires="2020-01-31")
    result = _deliver(workstation, workstation.bundle())
    assert result["status"] == "quarantined"
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assessed = dt.datetime.fromtimestamp(finished()[1][-1].wall_us / 1e6, tz=dt.UTC).date().isoformat()
    assert result["reason"] == reason.format(today=today, assessed=assessed, key=key.fingerprint[:16])


def test_binding_an_assessor_key_with_its_one_time_code(provider: ProviderServer, tmp_path: Path):
    ws = enroll(provider, tmp_path / "ws", "ws-1")
    directory = provider.service.directory
    directory.add_assessor("a-7", name="Sanna Virtanen", qualification="SFS 6002 card",
                           qualification_ref="FI-6002-77", expires="2030-06-30", workshops=["ws-1"])
    key = _key("a-7")
    code = directory.create_assessor_code("a-7")
    with pytest.raises(SyncError) as wrong:
        ws.client.bind_assessor(key, "a-7", "AAAAA-BBBBB-CCCCC-DDDDD")
    assert wrong.value.status == 403 and "unknown, expired or already used" in str(wrong.value)
    record = ws.client.bind_assessor(key, "a-7", code)
    assert record["name"] == "Sanna Virtanen" and record["qualification_expires"] == "2030-06-30"
    assert [k["key_id"] for k in record["keys"]] == [key.fingerprint]
    assert ws.client.bind_assessor(key, "a-7", code) == record  # a retry after a lost answer
    with pytest.raises(SyncError) as spent:
        ws.client.bind_assessor(_key("a-7"), "a-7", code)  # the code is spent on the first key
    assert spent.value.status == 403
    status = ws.client.status()
    assert status["workshop"]["id"] == "ws-1"
    assert {a["id"] for a in status["assessors"]} == {TEST_ASSESSOR, "a-7"}


def test_binding_refusals(provider: ProviderServer, tmp_path: Path):
    ws = enroll(provider, tmp_path / "ws", "ws-1")
    other = enroll(provider, tmp_path / "other", "ws-2")
    directory = provider.service.directory
    directory.add_assessor("a-8", name="Pablo", qualification="DGUV 209-093 level 2S", expires="2030-01-01",
                           workshops=["ws-1"])

    def refused(client: ProviderClient, key: SigningKey, assessor: str, code: str) -> SyncError:
        with pytest.raises(SyncError) as caught:
            client.bind_assessor(key, assessor, code)
        return caught.value

    from_elsewhere = refused(other.client, _key("a-8"), "a-8", directory.create_assessor_code("a-8"))
    assert from_elsewhere.status == 403
    assert "assessor a-8 does not assess for workshop ws-2" in str(from_elsewhere)
    someone_elses = refused(ws.client, _key("a-8"), "a-8", directory.create_assessor_code(TEST_ASSESSOR))
    assert someone_elses.status == 403 and "unknown, expired or already used" in str(someone_elses)
    taken = refused(ws.client, assessor_key(), "a-8", directory.create_assessor_code("a-8"))
    assert taken.status == 409 and f"already bound to assessor {TEST_ASSESSOR}" in str(taken)
    device_as_assessor = refused(ws.client, ws.key, "a-8", directory.create_assessor_code("a-8"))
    assert device_as_assessor.status == 409 and "a workstation's key" in str(device_as_assessor)
    code = directory.create_assessor_code("a-8")
    directory.revoke_assessor("a-8", "suspended")
    gone = refused(ws.client, _key("a-8"), "a-8", code)
    assert gone.status == 403 and "assessor a-8 was revoked: suspended" in str(gone)
    unknown = refused(ws.client, _key("zz"), "nobody", code)
    assert unknown.status == 403 and "unknown, expired or already used" in str(unknown)
