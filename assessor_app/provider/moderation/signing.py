"""Moderators' verdict-signing keys: one Ed25519 key per moderator, made at their first verdict.

The private key is a PEM file (PKCS#8) in the provider's folder, ``keys/moderators/``, readable by
the provider's owner only and never in the database; the public key is in ``moderator_keys``, named
by its key id, the SHA-256 of the raw 32-byte public key. A key whose file is gone (a folder
restored without its keys) is retired and a new one made: the verdicts it signed still verify
against the public key kept in the database.
"""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from sqlalchemy import select, update

from assessor_app.durable import private_dir
from assessor_app.evidence.keys import SigningKeyError
from assessor_app.provider.database import insert_ignoring
from assessor_app.provider.moderation.models import ModeratorKey
from assessor_app.provider.store import ProviderStore

KEYS_FOLDER = "moderators"


@dataclass(frozen=True)
class ModeratorSigner:
    """A moderator's private key, ready to sign, with its key id."""

    user_name: str
    key_id: str
    private: Ed25519PrivateKey

    def sign(self, data: bytes) -> str:
        """The Ed25519 signature of ``data``, base64."""
        return base64.b64encode(self.private.sign(data)).decode("ascii")


def key_id_of(public: Ed25519PublicKey) -> str:
    """The key id: SHA-256 (hex) of the raw public key."""
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()


def public_pem(public: Ed25519PublicKey) -> str:
    return public.public_bytes(serialization.Encoding.PEM,
                               serialization.PublicFormat.SubjectPublicKeyInfo).decode("ascii")


def key_path(store: ProviderStore, user_name: str) -> Path:
    """Where a moderator's private key lives: named by a hash of the user name (any name is safe)."""
    digest = hashlib.sha256(user_name.encode("utf-8")).hexdigest()[:32]
    return store.config.folder / "keys" / KEYS_FOLDER / f"{digest}.pem"


def _write_new(path: Path) -> None:
    private_dir(path.parent)
    pem = Ed25519PrivateKey.generate().private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    # owner-only from the first byte; O_EXCL: a second process making it at once keeps the first's
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
        f.flush()
        os.fsync(f.fileno())


def _read(path: Path) -> Ed25519PrivateKey:
    try:
        private = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except (OSError, ValueError, TypeError) as exc:
        raise SigningKeyError(f"the moderator key {path} cannot be read: {exc}") from exc
    if not isinstance(private, Ed25519PrivateKey):
        raise SigningKeyError(f"the moderator key {path} is not an Ed25519 key")
    return private


def moderator_signer(store: ProviderStore, user_name: str) -> ModeratorSigner:
    """The moderator's key, made (file and ``moderator_keys`` row) when they have none yet."""
    path = key_path(store, user_name)
    if not path.exists():
        try:
            _write_new(path)
        except FileExistsError:
            pass  # made by another request a moment ago: use that one
        except OSError as exc:
            raise SigningKeyError(f"the moderator key {path} cannot be made: {exc.strerror or exc}") from exc
    private = _read(path)
    key_id = key_id_of(private.public_key())
    with store.writer.begin() as conn:
        known = conn.execute(select(ModeratorKey).where(ModeratorKey.key_id == key_id)).first()
        if known is None:
            now = store.clock()
            conn.execute(update(ModeratorKey).where(ModeratorKey.user_name == user_name,
                                                    ModeratorKey.retired_us.is_(None))
                         .values(retired_us=now))
            # on conflict nothing: the same key recorded a moment ago by a request beside this one
            insert_ignoring(conn, ModeratorKey, dict(key_id=key_id, user_name=user_name,
                                                     public_pem=public_pem(private.public_key()),
                                                     created_us=now, retired_us=None), ("key_id",))
        elif known.user_name != user_name:
            raise SigningKeyError(f"the moderator key {path} belongs to {known.user_name}, not {user_name}")
    return ModeratorSigner(user_name, key_id, private)


def signature_valid(public_pem_text: str, key_id: str, data: bytes, signature_b64: str) -> bool:
    """Whether ``signature_b64`` is the key's signature of ``data`` and the PEM is the key ``key_id``."""
    try:
        public = serialization.load_pem_public_key(public_pem_text.encode("ascii"))
        signature = base64.b64decode(signature_b64.encode("ascii"), validate=True)
    except (ValueError, TypeError, UnicodeEncodeError):
        return False
    if not isinstance(public, Ed25519PublicKey) or key_id_of(public) != key_id:
        return False
    try:
        public.verify(signature, data)
    except InvalidSignature:
        return False
    return True
