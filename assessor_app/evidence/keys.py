"""Signing keys: one Ed25519 key per workstation, and a personal key per assessor (PIN-protected).

Keys are standard PEM files (PKCS#8), so a third party can use them with any tool. The
workstation key is created on first use and readable by its owner only.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass
from pathlib import Path

from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from securesystemslib.signer import CryptoSigner, SSlibKey

from assessor_app.durable import private_dir
from assessor_app.errors import AssessorError

DEVICE_KEY_FILE = "device-ed25519.pem"
MIN_PASSPHRASE = 4


class SigningKeyError(AssessorError):
    """A key cannot be created or opened; the message says why."""


@dataclass(frozen=True)
class SigningKey:
    """A private key ready to sign, with the public part others verify against."""

    owner: str  # "device" or the assessor's id
    signer: CryptoSigner

    @property
    def public(self) -> SSlibKey:
        key = self.signer.public_key
        assert isinstance(key, SSlibKey)
        return key

    @property
    def fingerprint(self) -> str:
        """The key id: SHA-256 over the public key, as securesystemslib and DSSE name it."""
        return self.public.keyid

    def public_pem(self) -> str:
        """The public key as standard PEM (SubjectPublicKeyInfo), for any verifier."""
        raw = bytes.fromhex(str(self.public.keyval["public"]))
        return Ed25519PublicKey.from_public_bytes(raw).public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo,
        ).decode()


def _write_private(path: Path, data: bytes) -> None:
    private_dir(path.parent)
    # created with owner-only permissions from the first byte (no window where others can read)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())


def _signer(private: Ed25519PrivateKey) -> CryptoSigner:
    return CryptoSigner(private, SSlibKey.from_crypto(private.public_key()))


def device_key(folder: Path) -> SigningKey:
    """The workstation's key, created on first use in ``folder``."""
    path = folder / DEVICE_KEY_FILE
    if not path.exists():
        pem = Ed25519PrivateKey.generate().private_bytes(
            serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        try:
            _write_private(path, pem)
        except FileExistsError:
            pass  # another process created it first: use theirs
    try:
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise SigningKeyError(f"the workstation key {path} cannot be read: {exc}") from exc
    if not isinstance(private, Ed25519PrivateKey):
        raise SigningKeyError(f"the workstation key {path} is not an Ed25519 key")
    return SigningKey("device", _signer(private))


def assessor_key_path(folder: Path, assessor_id: str) -> Path:
    """Where an assessor's PIN-protected key is kept on this workstation."""
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]{0,63}", assessor_id):
        raise SigningKeyError(f"assessor id {assessor_id!r}: use letters, digits, '.', '_' or '-'")
    return folder / "assessors" / f"{assessor_id}.pem"


def create_assessor_key(folder: Path, assessor_id: str, passphrase: str) -> SigningKey:
    """Create an assessor's personal key, encrypted with their PIN or passphrase."""
    if len(passphrase) < MIN_PASSPHRASE:
        raise SigningKeyError(f"a PIN or passphrase needs at least {MIN_PASSPHRASE} characters")
    path = assessor_key_path(folder, assessor_id)
    if path.exists():
        raise SigningKeyError(f"assessor {assessor_id} already has a key")
    private = Ed25519PrivateKey.generate()
    _write_private(path, private.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(passphrase.encode()),
    ))
    return SigningKey(assessor_id, _signer(private))


def open_assessor_key(folder: Path, assessor_id: str, passphrase: str) -> SigningKey:
    path = assessor_key_path(folder, assessor_id)
    if not path.exists():
        raise SigningKeyError(f"assessor {assessor_id} has no key on this workstation")
    try:
        private = serialization.load_pem_private_key(path.read_bytes(), password=passphrase.encode())
    except ValueError:
        raise SigningKeyError(f"wrong PIN or passphrase for assessor {assessor_id}") from None
    except (OSError, TypeError) as exc:
        raise SigningKeyError(f"the key of assessor {assessor_id} cannot be read: {exc}") from exc
    if not isinstance(private, Ed25519PrivateKey):
        raise SigningKeyError(f"the key of assessor {assessor_id} is not an Ed25519 key")
    return SigningKey(assessor_id, _signer(private))
