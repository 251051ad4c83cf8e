"""Revocation as a W3C Bitstring Status List v1.0: one bit per issued credential (index 0 the
left-most bit of the first byte), GZIP-compressed and multibase base64url-encoded (prefix ``u``) in a
BitstringStatusListCredential the provider publishes at ``<url>/credentials/status/<n>``, signed as a
VC-JWT with the same key and functions as the credentials."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import gzip
import zlib
from collections.abc import Iterable, Mapping
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from assessor_app.credentials import verify_messages as vm
from assessor_app.credentials.ob3 import VC_CONTEXT
from assessor_app.credentials.vc_jwt import CredentialInvalid, sign_credential, verify_jwt
from assessor_app.errors import AssessorError

#: the specification's minimum length: 16 KB uncompressed
MIN_BITS = 131_072
#: a list this big decompressed is refused (a GZIP bomb, not a status list)
MAX_BYTES = 16 * 1024 * 1024


class StatusUnknown(AssessorError):
    """The credential's status could not be read from the list: the message says why."""


def bitstring(revoked: Iterable[int], size: int = MIN_BITS) -> bytes:
    """``size`` bits (at least the minimum, a whole number of bytes) with the ``revoked`` indexes set."""
    size = max(size, MIN_BITS)
    bits = bytearray((size + 7) // 8)
    for index in revoked:
        if not 0 <= index < len(bits) * 8:
            raise ValueError(f"status list index {index} is outside the list (0..{len(bits) * 8 - 1})")
        bits[index // 8] |= 0x80 >> (index % 8)
    return bytes(bits)


def is_set(bits: bytes, index: int) -> bool:
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def encode_list(bits: bytes) -> str:
    """The ``encodedList``: multibase ``u`` + base64url (no padding) of the GZIP-compressed bits."""
    compressed = gzip.compress(bits, mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decode_list(encoded: str) -> bytes:
    """The bits of an ``encodedList``; :class:`StatusUnknown` names what is wrong with a bad one."""
    if not isinstance(encoded, str) or not encoded.startswith("u"):
        raise StatusUnknown(vm.LIST_NOT_MULTIBASE())
    body = encoded[1:]
    try:
        compressed = base64.b64decode(body + "=" * (-len(body) % 4), altchars=b"-_", validate=True)
        inflater = zlib.decompressobj(wbits=16 + zlib.MAX_WBITS)  # GZIP framing
        bits = inflater.decompress(compressed, MAX_BYTES)
    except (binascii.Error, ValueError, zlib.error) as exc:
        raise StatusUnknown(vm.LIST_NOT_GZIP()) from exc
    if inflater.unconsumed_tail:
        raise StatusUnknown(vm.LIST_TOO_LONG())
    if not inflater.eof:  # a truncated stream
        raise StatusUnknown(vm.LIST_NOT_GZIP())
    if len(bits) * 8 < MIN_BITS:
        raise StatusUnknown(vm.LIST_TOO_SHORT(bits=len(bits) * 8, minimum=MIN_BITS))
    return bits


def status_list_credential(list_url: str, issuer_id: str, revoked: Iterable[int],
                           valid_from: dt.datetime, size: int = MIN_BITS) -> dict[str, Any]:
    """The BitstringStatusListCredential (purpose revocation) of the list at ``list_url``."""
    return {
        "@context": [VC_CONTEXT],
        "id": list_url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": issuer_id,
        "validFrom": valid_from.astimezone(dt.UTC).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "credentialSubject": {
            "id": f"{list_url}#list", "type": "BitstringStatusList", "statusPurpose": "revocation",
            "encodedList": encode_list(bitstring(revoked, size)),
        },
    }


def signed_status_list(list_url: str, issuer_id: str, revoked: Iterable[int], valid_from: dt.datetime,
                       private_key: Ed25519PrivateKey, jwks_url: str) -> str:
    """The status list credential as the VC-JWT the provider serves at ``list_url``."""
    return sign_credential(status_list_credential(list_url, issuer_id, revoked, valid_from),
                           private_key, jwks_url)


def revoked_in(entry: Mapping[str, Any], list_token: str, jwks: Mapping[str, Any], issuer_id: str,
               now: dt.datetime | None = None) -> bool:
    """Whether the credential with status ``entry`` (its ``credentialStatus``) is revoked according to
    ``list_token``, the status list VC-JWT: the list's signature (by the same issuer's keys) and its
    claims are verified first. :class:`StatusUnknown` says why the answer cannot be given."""
    try:
        index = int(str(entry.get("statusListIndex")))
    except ValueError as exc:
        raise StatusUnknown(vm.BAD_STATUS_ENTRY(field="statusListIndex")) from exc
    try:
        listed = verify_jwt(list_token, jwks, now=now, issuer=issuer_id).credential
    except CredentialInvalid as exc:
        raise StatusUnknown(vm.LIST_INVALID(reason=exc.messages[0])) from exc
    if listed.get("id") != entry.get("statusListCredential"):
        raise StatusUnknown(vm.LIST_OTHER_ID(url=str(listed.get("id"))))
    if "BitstringStatusListCredential" not in (listed.get("type") or []):
        raise StatusUnknown(vm.LIST_WRONG_TYPE())
    subject = listed.get("credentialSubject")
    if not isinstance(subject, Mapping):
        raise StatusUnknown(vm.LIST_WRONG_TYPE())
    if subject.get("statusPurpose") != entry.get("statusPurpose"):
        raise StatusUnknown(vm.LIST_OTHER_PURPOSE(purpose=str(subject.get("statusPurpose"))))
    bits = decode_list(subject.get("encodedList", ""))
    if not 0 <= index < len(bits) * 8:
        raise StatusUnknown(vm.BAD_STATUS_ENTRY(field="statusListIndex"))
    return is_set(bits, index)
