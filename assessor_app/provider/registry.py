"""Enrollment codes, enrolled devices, revocation, and the device-bound access tokens.

A code is shown once and stored as its SHA-256: it carries ~100 random bits, so a plain hash is
as good as a slow one. A device proves it holds its Ed25519 key when it enrolls and every time
it asks for a token (a signed, timestamped, single-use nonce), and gets a short-lived bearer
token that names it; the key itself never leaves the workstation.
"""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass

from securesystemslib.exceptions import UnverifiedSignatureError, VerificationError
from securesystemslib.signer import Signature
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from assessor_app.evidence.seal import SealError, public_key
from assessor_app.provider.models import AccessToken, Device, EnrollmentCode, SeenNonce
from assessor_app.provider.store import ProviderStore, Refused

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
WORKSHOP_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
NONCE = re.compile(r"[0-9a-f]{32,64}")
KEY_ID = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class DeviceInfo:
    key_id: str
    public_pem: str
    workshop_id: str
    workshop_name: str
    enrolled_us: int
    revoked_us: int | None
    revoked_reason: str | None


def _info(row: Device) -> DeviceInfo:
    return DeviceInfo(row.key_id, row.public_pem, row.workshop_id, row.workshop_name,
                      row.enrolled_us, row.revoked_us, row.revoked_reason)


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def normalize_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isalnum())


def enroll_message(workshop_id: str, code: str, key_id: str) -> bytes:
    """What a workstation signs to enroll: binds its key to this code and workshop."""
    return f"assessor-enroll-v1\n{workshop_id}\n{_sha256(normalize_code(code))}\n{key_id}".encode()


def token_message(provider_key_id: str, key_id: str, timestamp: int, nonce: str) -> bytes:
    """What a workstation signs to get a token: bound to this provider, fresh, used once."""
    return f"assessor-token-v1\n{provider_key_id}\n{key_id}\n{timestamp}\n{nonce}".encode()


class Registry:
    def __init__(self, store: ProviderStore):
        self.store = store

    # ------------------------------------------------------------ codes
    def create_code(self, label: str = "") -> str:
        """A new one-time code; only its hash is kept, so this is the one chance to show it."""
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(20))
        now = self.store.clock()
        with self.store.writer.begin() as conn:
            conn.execute(insert(EnrollmentCode).values(
                code_sha256=_sha256(raw), label=label[:200], created_us=now,
                expires_us=now + self.store.config.code_ttl_s * 10**6, used_us=None, used_by=None))
        return "-".join(raw[i:i + 5] for i in range(0, 20, 5))

    # ------------------------------------------------------------ enrollment
    def enroll(self, *, code: str, workshop_id: str, workshop_name: str, public_pem: str,
               signature: str) -> DeviceInfo:
        """Register a device key and its workshop, spending the code; refusals say why."""
        if not WORKSHOP_ID.fullmatch(workshop_id):
            raise Refused(422, "workshop_id must be 1-100 letters, digits, '.', '_' or '-'")
        if not workshop_name.strip() or len(workshop_name) > 200 or not workshop_name.isprintable():
            raise Refused(422, "workshop_name must be 1-200 printable characters")
        try:
            key = public_key(public_pem)
        except SealError as exc:
            raise Refused(422, f"device_public_key is not a usable public key: {exc}") from None
        if key.keytype != "ed25519":
            raise Refused(422, "device_public_key must be an Ed25519 key")
        _check_signature(key, signature, enroll_message(workshop_id, code, key.keyid),
                         "the enrollment signature does not verify with device_public_key")
        now = self.store.clock()
        with self.store.writer.begin() as conn:
            existing = conn.execute(select(Device).where(Device.key_id == key.keyid)).first()
            if existing is not None:
                raise Refused(409, f"device key {key.keyid[:16]} is already enrolled"
                                   + (" and was revoked" if existing.revoked_us else ""))
            spent = conn.execute(
                update(EnrollmentCode)
                .where(EnrollmentCode.code_sha256 == _sha256(normalize_code(code)),
                       EnrollmentCode.used_us.is_(None), EnrollmentCode.expires_us > now)
                .values(used_us=now, used_by=key.keyid))
            if spent.rowcount != 1:
                raise Refused(403, "the enrollment code is unknown, expired or already used")
            conn.execute(insert(Device).values(
                key_id=key.keyid, public_pem=public_pem, workshop_id=workshop_id,
                workshop_name=workshop_name.strip(), enrolled_us=now, revoked_us=None,
                revoked_reason=None))
        return self.device(key.keyid)

    def device(self, key_id: str) -> DeviceInfo:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(Device).where(Device.key_id == key_id)).first()
        if row is None:
            raise Refused(403, f"device {key_id[:16]} is not enrolled with this provider")
        return _info(row)  # type: ignore[arg-type]

    def devices(self) -> list[DeviceInfo]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(Device).order_by(Device.enrolled_us)).all()
        return [_info(r) for r in rows]  # type: ignore[arg-type]

    def revoke(self, key_id_prefix: str, reason: str) -> DeviceInfo:
        """Revoke a device (by its key id or an unambiguous prefix of at least 8 characters)."""
        prefix = key_id_prefix.strip().lower()
        if len(prefix) < 8:
            raise Refused(422, "give at least 8 characters of the device's key id")
        matches = [d for d in self.devices() if d.key_id.startswith(prefix)]
        if len(matches) != 1:
            raise Refused(404, f"{len(matches)} enrolled devices have a key id starting {prefix}")
        with self.store.writer.begin() as conn:
            conn.execute(update(Device).where(Device.key_id == matches[0].key_id)
                         .values(revoked_us=self.store.clock(), revoked_reason=reason or "revoked"))
            conn.execute(delete(AccessToken).where(AccessToken.device == matches[0].key_id))
        return self.device(matches[0].key_id)

    # ------------------------------------------------------------ tokens
    def issue_token(self, *, key_id: str, timestamp: int, nonce: str, signature: str) -> tuple[str, int]:
        """A bearer token for a device that signed a fresh, unused nonce; ``(token, ttl_s)``."""
        if not KEY_ID.fullmatch(key_id) or not NONCE.fullmatch(nonce):
            raise Refused(422, "key_id must be 64 and nonce 32-64 lowercase hex digits")
        device = self.usable_device(key_id)
        now = self.store.clock()
        window = self.store.config.clock_window_s
        if abs(now // 10**6 - timestamp) > window:
            raise Refused(401, f"the token request's timestamp is more than {window} s from the "
                               "provider's clock: check the workstation's clock")
        _check_signature(public_key(device.public_pem),
                         signature, token_message(self.store.key.fingerprint, key_id, timestamp, nonce),
                         "the token request's signature does not verify with the enrolled key")
        token = secrets.token_urlsafe(32)
        ttl = self.store.config.token_ttl_s
        try:
            with self.store.writer.begin() as conn:
                conn.execute(delete(SeenNonce).where(SeenNonce.seen_us < now - 2 * window * 10**6))
                conn.execute(delete(AccessToken).where(AccessToken.expires_us < now))
                conn.execute(insert(SeenNonce).values(device=key_id, nonce=nonce, seen_us=now))
                conn.execute(insert(AccessToken).values(
                    token_sha256=_sha256(token), device=key_id, expires_us=now + ttl * 10**6))
        except IntegrityError:
            raise Refused(401, "this token request was already used (replayed request)") from None
        return token, ttl

    def usable_device(self, key_id: str) -> DeviceInfo:
        device = self.device(key_id)
        if device.revoked_us is not None:
            raise Refused(403, f"device {key_id[:16]} was revoked: {device.revoked_reason}")
        return device

    def authenticate(self, authorization: str | None) -> DeviceInfo:
        """The device an ``Authorization: Bearer`` header belongs to, or a 401/403 refusal."""
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Refused(401, "this request needs an Authorization: Bearer token (POST /auth/token)")
        with self.store.engine.connect() as conn:
            row = conn.execute(select(AccessToken.device, AccessToken.expires_us)
                               .where(AccessToken.token_sha256 == _sha256(token.strip()))).first()
        if row is None or row.expires_us < self.store.clock():
            raise Refused(401, "the access token is unknown or expired: ask for a new one")
        return self.usable_device(row.device)


def _check_signature(key: object, signature_hex: str, message: bytes, failure: str) -> None:
    try:
        sig = Signature(key.keyid, signature_hex)  # type: ignore[attr-defined]
        key.verify_signature(sig, message)  # type: ignore[attr-defined]
    except (UnverifiedSignatureError, VerificationError, ValueError):
        raise Refused(401, failure) from None
