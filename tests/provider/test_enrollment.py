"""Enrollment codes, device tokens, revocation and replay: each refusal with a clear status."""

from __future__ import annotations

import json
import logging
import secrets
import sqlite3
import time
from pathlib import Path

import httpx
import pytest
from sqlalchemy.dialects import postgresql
from sqlalchemy.schema import CreateIndex, CreateTable
from sync_support import Workstation, enroll, provider_code, workstation_key

from assessor_app.provider import directory as provider_directory
from assessor_app.provider import registry as provider_registry
from assessor_app.provider.importer import set_digest as provider_set_digest
from assessor_app.provider.models import ProviderBase
from assessor_app.provider.receipts import RECEIPT_PAYLOAD_TYPE, RECEIPT_TYPE
from assessor_app.provider.server import ProviderServer
from assessor_app.sync import protocol
from assessor_app.sync.client import DeviceRevoked, ProviderClient, SyncError


def test_a_code_enrolls_one_workstation_once(provider: ProviderServer, tmp_path: Path):
    code = provider_code(provider.service)
    first = ProviderClient(provider.url, workstation_key(tmp_path / "a"))
    answer = first.enroll(code, "ws-1")
    assert answer["device_id"] == first.device.fingerprint
    assert answer["provider_key_id"] == provider.service.store.key.fingerprint
    second = ProviderClient(provider.url, workstation_key(tmp_path / "b"))
    with pytest.raises(SyncError) as refused:
        second.enroll(code, "ws-1")
    assert refused.value.status == 403 and "already used" in str(refused.value)
    with pytest.raises(SyncError) as again:
        first.enroll(provider_code(provider.service), "ws-1")
    assert again.value.status == 409 and "already enrolled" in str(again.value)


def test_codes_are_stored_only_as_hashes(provider: ProviderServer):
    code = provider_code(provider.service)
    raw = provider_registry.normalize_code(code)
    db = Path(provider.service.store.config.folder) / "provider.db"
    provider.service.store.engine.dispose()  # checkpoint nothing hidden in a connection
    blob = b"".join(p.read_bytes() for p in db.parent.glob("provider.db*"))
    assert raw.encode() not in blob and code.encode() not in blob
    stored = sqlite3.connect(db).execute("SELECT code_sha256 FROM enrollment_codes").fetchall()
    assert len(stored) == 1 and len(stored[0][0]) == 64


def test_an_unknown_code_and_a_forged_enrollment_are_refused(provider: ProviderServer, tmp_path: Path):
    client = ProviderClient(provider.url, workstation_key(tmp_path / "a"))
    with pytest.raises(SyncError) as unknown:
        client.enroll("AAAAA-BBBBB-CCCCC-DDDDD")
    assert unknown.value.status == 403
    other = workstation_key(tmp_path / "other")
    code = provider_code(provider.service)
    forged = httpx.post(f"{provider.url}/enroll", json={
        "code": code, "device_public_key": client.device.public_pem(),
        "signature": other.signer.sign(protocol.enroll_message(code, client.device.fingerprint)).signature})
    assert forged.status_code == 401 and "does not verify" in forged.json()["error"]
    # the forged attempt did not spend the code
    assert client.enroll(code, "ws-1")["device_id"] == client.device.fingerprint


def _token_request(ws: Workstation, provider: ProviderServer, **override: object) -> dict[str, object]:
    key_id = ws.key.fingerprint
    body: dict[str, object] = {"key_id": key_id, "timestamp": int(time.time()),
                               "nonce": secrets.token_hex(16)}
    body.update(override)
    body["signature"] = ws.key.signer.sign(protocol.token_message(
        provider.service.store.key.fingerprint, key_id, int(body["timestamp"]),  # type: ignore[call-overload]
        str(body["nonce"]))).signature
    return body


def test_a_replayed_token_request_is_refused(provider: ProviderServer, workstation: Workstation):
    body = _token_request(workstation, provider)
    assert httpx.post(f"{provider.url}/auth/token", json=body).status_code == 200
    replay = httpx.post(f"{provider.url}/auth/token", json=body)
    assert replay.status_code == 401 and "replayed" in replay.json()["error"]


def test_a_stale_or_unsigned_token_request_is_refused(provider: ProviderServer, workstation: Workstation):
    stale = httpx.post(f"{provider.url}/auth/token",
                       json=_token_request(workstation, provider, timestamp=int(time.time()) - 3600))
    assert stale.status_code == 401 and "clock" in stale.json()["error"]
    body = _token_request(workstation, provider)
    body["signature"] = "00" * 64
    bad = httpx.post(f"{provider.url}/auth/token", json=body)
    assert bad.status_code == 401 and "does not verify" in bad.json()["error"]
    missing = dict(body)
    del missing["signature"]
    assert httpx.post(f"{provider.url}/auth/token", json=missing).status_code == 422


def test_requests_without_a_valid_token_are_refused(provider: ProviderServer, workstation: Workstation):
    for headers in ({}, {"Authorization": "Bearer not-a-token"}, {"Authorization": "Basic x"}):
        answer = httpx.get(f"{provider.url}/bundles", headers=headers)
        assert answer.status_code == 401 and "token" in answer.json()["error"]
    assert workstation.client.send("GET", "/bundles").status_code == 200


def test_an_unenrolled_device_gets_no_token(provider: ProviderServer, tmp_path: Path):
    stranger = ProviderClient(provider.url, workstation_key(tmp_path / "s"),
                              provider_key_id=provider.service.store.key.fingerprint)
    with pytest.raises(SyncError) as refused:
        stranger.token()
    assert refused.value.status == 403 and "not enrolled" in str(refused.value)


def test_a_revoked_device_is_refused_at_once(provider: ProviderServer, workstation: Workstation):
    old = workstation.client.token()  # a token issued before the revocation
    provider.service.registry.revoke(workstation.key.fingerprint[:12], "laptop stolen")
    answer = httpx.get(f"{provider.url}/bundles", headers={"Authorization": f"Bearer {old}"})
    assert answer.status_code == 401  # its tokens went with it
    with pytest.raises(SyncError) as no_token:
        workstation.client.send("GET", "/bundles")  # asks for a new token: refused
    assert isinstance(no_token.value, DeviceRevoked) and no_token.value.status == 403
    assert "revoked by the provider: laptop stolen" in str(no_token.value)
    assert httpx.get(f"{provider.url}/health").json()["status"] == "ok"


def test_codes_and_tokens_never_reach_the_logs(provider: ProviderServer, tmp_path: Path,
                                                caplog: pytest.LogCaptureFixture):
    caplog.set_level(logging.DEBUG)
    code = provider_code(provider.service)
    ws = enroll(provider, tmp_path / "w")  # a second code, used
    client = ProviderClient(provider.url, workstation_key(tmp_path / "x"))
    client.enroll(code)
    token = ws.client.token()
    ws.client.send("GET", "/bundles")
    text = caplog.text + "\n".join(str(r.args) for r in caplog.records)
    assert caplog.records, "nothing was logged: the check would be vacuous"
    for secret in (code, provider_registry.normalize_code(code), token):
        assert secret not in text


def test_both_sides_agree_on_the_signed_messages_and_the_receipt_format():
    key_id, code = "ab" * 32, "abcde-FGHIJ-klmno-PQRST"
    assert protocol.enroll_message(code, key_id) == provider_registry.enroll_message(code, key_id)
    assert protocol.bind_message("p", "a-1", code, key_id, "cd" * 32) == provider_directory.bind_message(
        "p", "a-1", code, key_id, "cd" * 32)
    assert protocol.token_message("p", key_id, 5, "n") == provider_registry.token_message("p", key_id, 5, "n")
    items = [("b", "2" * 64), ("a", "1" * 64)]
    assert protocol.set_digest(items) == provider_set_digest(items)
    assert (protocol.RECEIPT_PAYLOAD_TYPE, protocol.RECEIPT_TYPE) == (RECEIPT_PAYLOAD_TYPE, RECEIPT_TYPE)


def test_the_provider_schema_is_portable_to_postgresql():
    """The same models render as PostgreSQL DDL (PostgreSQL itself cannot run here)."""
    dialect = postgresql.dialect()
    ddl = [str(CreateTable(t).compile(dialect=dialect)) for t in ProviderBase.metadata.sorted_tables]
    ddl += [str(CreateIndex(i).compile(dialect=dialect)) for t in ProviderBase.metadata.sorted_tables
            for i in t.indexes]
    text = "\n".join(ddl)
    assert "BIGSERIAL" in text and "BIGINT" in text and "PRAGMA" not in text


def test_openapi_is_served(provider: ProviderServer):
    doc = httpx.get(f"{provider.url}/openapi.json").json()
    assert doc["openapi"].startswith("3.") and "/files/{upload_id}" in doc["paths"]
    assert json.dumps(doc)  # plain JSON
