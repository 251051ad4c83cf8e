"""Keys and the DSSE seal: signed by device and assessor, checked by standard means."""

import base64
import json
import os
import stat
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from cryptography.hazmat.primitives.serialization import load_pem_public_key

from assessor_app.evidence.keys import (
    DEVICE_KEY_FILE,
    SigningKeyError,
    create_assessor_key,
    device_key,
    open_assessor_key,
)
from assessor_app.evidence.seal import SealError, public_key, seal, statement, verify_seal

FILES = {"data/record.json": "a" * 64, "data/video/seg-0001.mp4": "b" * 64}


def _sealed(tmp_path: Path):
    device = device_key(tmp_path)
    assessor = create_assessor_key(tmp_path, "assr-1", "2468")
    st = statement(FILES, bundle_id="b-1", chain_head="c" * 64, assessment={"outcome": "competent"})
    return device, assessor, seal(st, [device, assessor])


def test_device_key_is_created_once_owner_only_and_stable(tmp_path: Path):
    first = device_key(tmp_path)
    again = device_key(tmp_path)
    assert first.fingerprint == again.fingerprint and len(first.fingerprint) == 64
    if os.name == "posix":
        mode = stat.S_IMODE((tmp_path / DEVICE_KEY_FILE).stat().st_mode)
        assert mode == 0o600


def test_assessor_key_needs_the_right_pin(tmp_path: Path):
    created = create_assessor_key(tmp_path, "assr-1", "2468")
    assert open_assessor_key(tmp_path, "assr-1", "2468").fingerprint == created.fingerprint
    with pytest.raises(SigningKeyError, match="wrong PIN or passphrase"):
        open_assessor_key(tmp_path, "assr-1", "1357")
    with pytest.raises(SigningKeyError, match="at least 4"):
        create_assessor_key(tmp_path, "assr-2", "12")
    with pytest.raises(SigningKeyError, match="no key"):
        open_assessor_key(tmp_path, "assr-9", "2468")
    with pytest.raises(SigningKeyError, match="use letters"):
        create_assessor_key(tmp_path, "../evil", "2468")


def test_seal_verifies_with_both_keys_and_names_every_file(tmp_path: Path):
    device, assessor, envelope = _sealed(tmp_path)
    result = verify_seal(envelope, [device.public, assessor.public], threshold=2)
    assert result.files == FILES
    assert result.signed_by == sorted([device.fingerprint, assessor.fingerprint])
    assert result.statement["predicate"]["event_chain_head"] == "c" * 64


def test_a_missing_co_signature_or_a_stranger_key_fails(tmp_path: Path):
    device, assessor, _ = _sealed(tmp_path)
    only_device = seal(statement(FILES, bundle_id="b", chain_head="c" * 64, assessment={}), [device])
    with pytest.raises(SealError, match="do not verify"):
        verify_seal(only_device, [device.public, assessor.public], threshold=2)
    stranger = device_key(tmp_path / "other")
    _, _, envelope = _sealed(tmp_path / "third")
    with pytest.raises(SealError, match="do not verify"):
        verify_seal(envelope, [stranger.public], threshold=1)


def test_a_changed_statement_fails(tmp_path: Path):
    device, assessor, envelope = _sealed(tmp_path)
    body = json.loads(base64.b64decode(envelope["payload"]))
    body["subject"][0]["digest"]["sha256"] = "d" * 64
    forged = {**envelope, "payload": base64.b64encode(json.dumps(body).encode()).decode()}
    with pytest.raises(SealError, match="do not verify"):
        verify_seal(forged, [device.public, assessor.public], threshold=2)
    with pytest.raises(SealError, match="not a DSSE envelope"):
        verify_seal({"payload": 5}, [device.public], threshold=1)


def test_the_seal_checks_out_with_plain_cryptography_and_the_dsse_spec(tmp_path: Path):
    """No project code: PAE per the DSSE v1 spec, Ed25519 verify with `cryptography`."""
    device, _, envelope = _sealed(tmp_path)
    payload = base64.b64decode(envelope["payload"])
    ptype = envelope["payloadType"].encode()
    pae = b"DSSEv1 %d %s %d %s" % (len(ptype), ptype, len(payload), payload)
    pem = device.public_pem()
    key = load_pem_public_key(pem.encode())
    assert isinstance(key, Ed25519PublicKey)
    sig = next(s for s in envelope["signatures"] if s["keyid"] == device.fingerprint)
    key.verify(base64.b64decode(sig["sig"]), pae)  # raises if wrong
    assert public_key(pem).keyid == device.fingerprint
