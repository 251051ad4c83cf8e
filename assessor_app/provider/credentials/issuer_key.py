"""The provider's credential-issuing key: Ed25519, apart from the key that signs receipts, so either can
be replaced without the other. A PEM file readable by its owner only, created on first use."""

from __future__ import annotations

from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from assessor_app.evidence.keys import DEVICE_KEY_FILE, device_key
from assessor_app.provider.store import ProviderError

ISSUER_KEY_DIR = "credential-issuer"


def issuer_key(keys_dir: Path) -> Ed25519PrivateKey:
    """The issuing key in ``keys_dir/credential-issuer/`` (made the first time)."""
    folder = keys_dir / ISSUER_KEY_DIR
    device_key(folder)  # creates it owner-only if there is none yet
    data = (folder / DEVICE_KEY_FILE).read_bytes()
    key = serialization.load_pem_private_key(data, password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ProviderError(f"{folder / DEVICE_KEY_FILE} holds no Ed25519 private key")
    return key


def public_keys(keys_dir: Path) -> list[Ed25519PublicKey]:
    """The issuer's public keys a verifier may meet (today one; a replaced key would stay listed)."""
    return [issuer_key(keys_dir).public_key()]
