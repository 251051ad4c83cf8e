"""Enrollment codes, enrolled devices, revocation, and the device-bound access tokens.

A code is shown once and stored as its SHA-256: it carries ~100 random bits, so a plain hash is
as good as a slow one. A code is issued for one workshop and enrolls a device into that workshop
only: the workshop is the provider's record, never what a device says it is. A device proves it
holds its Ed25519 key when it enrolls and every time it asks for a token (a signed, timestamped,
single-use nonce), and gets a short-lived bearer token that names it; the key itself never
leaves the workstation.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import secrets
from dataclasses import dataclass

from securesystemslib.exceptions import UnverifiedSignatureError, VerificationError
from securesystemslib.signer import Key, Signature
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from assessor_app.evidence.seal import SealError, public_key
from assessor_app.provider import directory_messages as say
from assessor_app.provider.models import AccessToken, Device, EnrollmentCode, SeenNonce, Workshop
from assessor_app.provider.store import ProviderStore, Refused

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I
WORKSHOP_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}")
NONCE = re.compile(r"[0-9a-f]{32,64}")
KEY_ID = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class IssuedCode:
    """A one-time code as issued: shown to a person once, with when it stops working."""

    code: str
    expires_us: int
    owner: str  # the workshop (enrollment code) or the assessor (assessor code) it is for


@dataclass(frozen=True)
class DeviceInfo:
    key_id: str
    public_pem: str
    workshop_id: str
    enrolled_us: int
    revoked_us: int | None
    revoked_reason: str | None


def _info(row: Device) -> DeviceInfo:
    return DeviceInfo(row.key_id, row.public_pem, row.workshop_id, row.enrolled_us, row.revoked_us,
                      row.revoked_reason)


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def normalize_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isascii() and c.isalnum())


def new_code() -> tuple[str, str]:
    """A one-time code to show once, grouped for reading aloud, and the hash that is kept."""
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(20))
    return "-".join(raw[i:i + 5] for i in range(0, 20, 5)), sha256_text(raw)


def enroll_message(code: str, key_id: str) -> bytes:
    """What a workstation signs to enroll: binds its key to this code (and so to its workshop)."""
    return f"assessor-enroll-v2\n{sha256_text(normalize_code(code))}\n{key_id}".encode()


def enroll_message_v1(workshop_id: str, code: str, key_id: str) -> bytes:
    """What workstations of the first release sign: it names the workshop they claim."""
    return f"assessor-enroll-v1\n{workshop_id}\n{sha256_text(normalize_code(code))}\n{key_id}".encode()


def token_message(provider_key_id: str, key_id: str, timestamp: int, nonce: str) -> bytes:
    """What a workstation signs to get a token: bound to this provider, fresh, used once."""
    return f"assessor-token-v1\n{provider_key_id}\n{key_id}\n{timestamp}\n{nonce}".encode()


class Registry:
    def __init__(self, store: ProviderStore):
        self.store = store

    # ------------------------------------------------------------ codes
    def create_code(self, workshop_id: str, label: str = "") -> str:
        """A new one-time code that enrolls one device into ``workshop_id``; only its hash is kept."""
        return self.issue_code(workshop_id, label).code

    def issue_code(self, workshop_id: str, label: str = "") -> IssuedCode:
        """The same, with when it expires: the code is shown to a person only now."""
        label = say.checked_text(label, say.LABEL, 200, required=False)
        shown, digest = new_code()
        now = self.store.clock()
        expires = now + self.store.config.code_ttl_s * 10**6
        with self.store.writer.begin() as conn:
            if conn.execute(select(Workshop.id).where(Workshop.id == workshop_id)).first() is None:
                raise Refused(404, say.NO_WORKSHOP_ADD(workshop=workshop_id[:100]))
            conn.execute(insert(EnrollmentCode).values(
                code_sha256=digest, workshop_id=workshop_id, label=label, created_us=now, expires_us=expires,
                used_us=None, used_by=None))
        return IssuedCode(shown, expires, workshop_id)

    # ------------------------------------------------------------ enrollment
    def enroll(self, *, code: str, public_pem: str, signature: str,
               workshop_id: str | None = None) -> DeviceInfo:
        """Register a device key into the workshop its code was issued for, spending the code.

        ``workshop_id`` is what the device believes its workshop is (workstations of the first
        release always send one): a code issued for another workshop is refused, not spent.
        """
        if workshop_id is not None and not WORKSHOP_ID.fullmatch(workshop_id):
            raise Refused(422, "workshop_id must be 1-100 letters, digits, '.', '_' or '-'")
        try:
            key = public_key(public_pem)
        except SealError as exc:
            raise Refused(422, f"device_public_key is not a usable public key: {exc}") from None
        if key.keytype != "ed25519":
            raise Refused(422, "device_public_key must be an Ed25519 key")
        messages = [enroll_message(code, key.keyid)]
        if workshop_id is not None:
            messages.append(enroll_message_v1(workshop_id, code, key.keyid))
        check_signature(key, signature, messages,
                        "the enrollment signature does not verify with device_public_key")
        now = self.store.clock()
        try:
            return self._enroll(key.keyid, public_pem, code, workshop_id, now)
        except IntegrityError:  # PostgreSQL: enrolled a moment ago by a request beside this one
            raise Refused(409, f"device key {key.keyid[:16]} is already enrolled") from None

    def _enroll(self, key_id: str, public_pem: str, code: str, workshop_id: str | None,
                now: int) -> DeviceInfo:
        with self.store.writer.begin() as conn:
            existing = conn.execute(select(Device).where(Device.key_id == key_id)).first()
            if existing is not None:
                raise Refused(409, f"device key {key_id[:16]} is already enrolled"
                                   + (" and was revoked" if existing.revoked_us else ""))
            issued = conn.execute(select(EnrollmentCode).where(
                EnrollmentCode.code_sha256 == sha256_text(normalize_code(code)),
                EnrollmentCode.used_us.is_(None), EnrollmentCode.expires_us > now)).first()
            if issued is None:
                raise Refused(403, "the enrollment code is unknown, expired or already used")
            if issued.workshop_id is None:
                raise Refused(403, "this enrollment code was issued before codes named their workshop: "
                                   "ask the provider for a new one")
            if workshop_id is not None and workshop_id != issued.workshop_id:
                raise Refused(403, f"this enrollment code was not issued for workshop {workshop_id}")
            spent = conn.execute(
                update(EnrollmentCode)
                .where(EnrollmentCode.code_sha256 == issued.code_sha256, EnrollmentCode.used_us.is_(None))
                .values(used_us=now, used_by=key_id))
            if spent.rowcount != 1:
                raise Refused(403, "the enrollment code is unknown, expired or already used")
            conn.execute(insert(Device).values(
                key_id=key_id, public_pem=public_pem, workshop_id=issued.workshop_id, enrolled_us=now,
                revoked_us=None, revoked_reason=None))
        return self.device(key_id)

    def device(self, key_id: str) -> DeviceInfo:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(Device).where(Device.key_id == key_id)).first()
        if row is None:
            raise Refused(403, f"device {key_id[:16]} is not enrolled with this provider")
        return _info(row)  # type: ignore[arg-type]

    def devices(self, workshop_id: str | None = None) -> list[DeviceInfo]:
        query = select(Device).order_by(Device.enrolled_us)
        if workshop_id is not None:
            query = query.where(Device.workshop_id == workshop_id)
        with self.store.engine.connect() as conn:
            rows = conn.execute(query).all()
        return [_info(r) for r in rows]  # type: ignore[arg-type]

    def revoke(self, key_id_prefix: str, reason: str) -> DeviceInfo:
        """Revoke a device (by its key id or an unambiguous prefix of at least 8 characters). A
        revocation stands as made: revoking again is refused, never overwriting its day and reason."""
        reason = say.checked_text(reason, say.REASON, 500)
        prefix = key_id_prefix.strip().lower()
        if len(prefix) < 8:
            raise Refused(422, say.DEVICE_PREFIX())
        matches = [d for d in self.devices() if d.key_id.startswith(prefix)]
        if len(matches) != 1:
            raise Refused(404, say.DEVICE_MATCHES(count=len(matches), prefix=prefix[:64]))
        if matches[0].revoked_us is not None:
            day = dt.datetime.fromtimestamp(matches[0].revoked_us / 1e6, tz=dt.UTC).date().isoformat()
            raise Refused(409, say.DEVICE_REVOKED_ALREADY(key=matches[0].key_id[:16], day=day))
        with self.store.writer.begin() as conn:
            conn.execute(update(Device).where(Device.key_id == matches[0].key_id, Device.revoked_us.is_(None))
                         .values(revoked_us=self.store.clock(), revoked_reason=reason))
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
        check_signature(public_key(device.public_pem), signature,
                        [token_message(self.store.key.fingerprint, key_id, timestamp, nonce)],
                        "the token request's signature does not verify with the enrolled key")
        token = secrets.token_urlsafe(32)
        ttl = self.store.config.token_ttl_s
        try:
            with self.store.writer.begin() as conn:
                conn.execute(delete(SeenNonce).where(SeenNonce.seen_us < now - 2 * window * 10**6))
                conn.execute(delete(AccessToken).where(AccessToken.expires_us < now))
                conn.execute(insert(SeenNonce).values(device=key_id, nonce=nonce, seen_us=now))
                conn.execute(insert(AccessToken).values(
                    token_sha256=sha256_text(token), device=key_id, expires_us=now + ttl * 10**6))
        except IntegrityError:
            raise Refused(401, "this token request was already used (replayed request)") from None
        return token, ttl

    def usable_device(self, key_id: str) -> DeviceInfo:
        device = self.device(key_id)
        if device.revoked_us is not None:
            raise Refused(403, f"this workstation ({key_id[:16]}) was revoked by the provider: "
                               f"{device.revoked_reason}", code="device_revoked")
        return device

    def authenticate(self, authorization: str | None) -> DeviceInfo:
        """The device an ``Authorization: Bearer`` header belongs to, or a 401/403 refusal."""
        scheme, _, token = (authorization or "").partition(" ")
        if scheme.lower() != "bearer" or not token.strip():
            raise Refused(401, "this request needs an Authorization: Bearer token (POST /auth/token)")
        with self.store.engine.connect() as conn:
            row = conn.execute(select(AccessToken.device, AccessToken.expires_us)
                               .where(AccessToken.token_sha256 == sha256_text(token.strip()))).first()
        if row is None or row.expires_us < self.store.clock():
            raise Refused(401, "the access token is unknown or expired: ask for a new one")
        return self.usable_device(row.device)


def check_signature(key: Key, signature_hex: str, messages: list[bytes], failure: str) -> None:
    """Accept a signature by ``key`` over any one of ``messages``; else a 401 with ``failure``."""
    for message in messages:
        try:
            key.verify_signature(Signature(key.keyid, signature_hex), message)
            return
        except (UnverifiedSignatureError, VerificationError, ValueError):
            continue
    raise Refused(401, failure)
