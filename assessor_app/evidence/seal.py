"""The seal: an in-toto Statement naming every payload file, in a DSSE envelope.

Both are open standards: anyone can check a seal with securesystemslib, the in-toto tools, or
by hand (DSSE signs ``PAE(payloadType, payload)`` with Ed25519), without this app.
"""

from __future__ import annotations

import base64
import binascii
import json
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from securesystemslib.dsse import Envelope
from securesystemslib.exceptions import VerificationError
from securesystemslib.signer import Key, Signature, SSlibKey

from assessor_app.errors import AssessorError
from assessor_app.evidence.keys import SigningKey
from assessor_app.evidence.strict_json import (
    JsonError,
    JsonLimits,
    kind_of,
    loads,
    need_field,
    need_list,
    need_object,
    need_sha256,
    need_str,
    only_fields,
    shown,
)

STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PAYLOAD_TYPE = "application/vnd.in-toto+json"
PREDICATE_TYPE = "urn:assessor-app:assessment-seal:v1"
#: The seal's own file name inside a bundle, for messages.
SEAL_NAME = "seal/statement.dsse.json"
#: Bundle ids and assessor ids: safe as file names, in URLs and on a terminal.
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
#: The files a seal may name under identity/ (kept apart from the payload, so they can be withheld).
IDENTITY_FILE = re.compile(r"identity/(identity\.json|assessment-record\.[a-z]{2}\.pdf)")
#: The predicate's ``identity`` for a record whose first event holds the names (format 1).
IDENTITY_EMBEDDED = "embedded"
MAX_SIGNATURES = 16


class SealError(AssessorError):
    """A seal is missing, malformed, or its signatures do not verify; the message says which."""


def statement(
    files: Mapping[str, str], *, bundle_id: str, chain_head: str, assessment: Mapping[str, Any],
) -> dict[str, Any]:
    """The statement: every payload file by path and SHA-256, plus the event chain's head."""
    return {
        "_type": STATEMENT_TYPE,
        "subject": [{"name": name, "digest": {"sha256": files[name]}} for name in sorted(files)],
        "predicateType": PREDICATE_TYPE,
        "predicate": {"bundle_id": bundle_id, "event_chain_head": chain_head, **assessment},
    }


def seal(statement_: Mapping[str, Any], keys: Iterable[SigningKey]) -> dict[str, Any]:
    """A DSSE envelope over the statement, signed by each key (device, then assessor)."""
    payload = json.dumps(statement_, sort_keys=True, separators=(",", ":")).encode()
    envelope = Envelope(payload=payload, payload_type=PAYLOAD_TYPE, signatures={})
    for key in keys:
        envelope.sign(key.signer)
    return envelope.to_dict()


@dataclass(frozen=True)
class VerifiedSeal:
    statement: dict[str, Any]  # checked: _type, predicateType, subject and predicate are well formed
    signed_by: list[str]  # key ids that verified

    @property
    def files(self) -> dict[str, str]:
        return {s["name"]: s["digest"]["sha256"] for s in self.statement["subject"]}


@dataclass(frozen=True)
class SealPredicate:
    """The fields of a verified statement's predicate that verification relies on, type-checked."""

    bundle_id: str
    assessment_id: str
    outcome: str | None
    event_chain_head: str
    manifest_sha256: str
    device_key_id: str  # keys["device"]
    assessor_id: str  # the one other entry of keys
    assessor_key_id: str
    bag_info_sha256: str | None  # None: sealed before bag-info.txt was covered
    #: the identity files by name and SHA-256; None: the identity is embedded in the record (the
    #: predicate says "embedded", or the bundle was sealed before identity was kept apart)
    identity: dict[str, str] | None = None


def seal_predicate(statement_: Mapping[str, Any]) -> SealPredicate:
    """The checked predicate of a verified statement, or SealError naming the field that is wrong."""
    where = "the sealed statement's predicate"
    try:
        p = need_object(statement_.get("predicate"), where)
        bundle_id = need_str(need_field(p, "bundle_id", where), f"{where}.bundle_id")
        if not SAFE_ID.fullmatch(bundle_id):
            raise JsonError(f"{where}.bundle_id {shown(bundle_id)} is not a bundle id "
                            f"(letters, digits, '.', '_' or '-', at most 64)")
        assessment_id = need_str(need_field(p, "assessment_id", where), f"{where}.assessment_id")
        outcome = need_field(p, "outcome", where)
        if outcome is not None:
            need_str(outcome, f"{where}.outcome")
        head = need_sha256(need_field(p, "event_chain_head", where), f"{where}.event_chain_head")
        manifest = need_sha256(need_field(p, "manifest_sha256", where), f"{where}.manifest_sha256")
        bag_info = p.get("bag_info_sha256")
        if bag_info is not None:
            need_sha256(bag_info, f"{where}.bag_info_sha256")
        keys = need_object(need_field(p, "keys", where), f"{where}.keys")
        for owner, key_id in keys.items():
            need_sha256(key_id, f"{where}.keys[{shown(owner)}]")
        assessors = sorted(k for k in keys if k != "device")
        if "device" not in keys or len(assessors) != 1:
            names = [shown(k) for k in sorted(keys)[:5]]
            names += [f"{len(keys) - 5} more"] if len(keys) > 5 else []
            raise JsonError(f"{where}.keys must name the workstation (\"device\") and exactly one "
                            f"assessor; it names {', '.join(names) or 'none'}")
        if not SAFE_ID.fullmatch(assessors[0]):
            raise JsonError(f"{where}.keys names the assessor {shown(assessors[0])}, which is not "
                            f"an assessor id")
        identity = _identity_files(p.get("identity", IDENTITY_EMBEDDED), f"{where}.identity")
    except JsonError as exc:
        raise SealError(str(exc)) from None
    return SealPredicate(bundle_id, assessment_id, outcome, head, manifest, keys["device"],
                         assessors[0], keys[assessors[0]], bag_info, identity)


def _identity_files(value: Any, where: str) -> dict[str, str] | None:
    """The identity files a predicate names (None: embedded); JsonError if it is neither."""
    if value == IDENTITY_EMBEDDED:
        return None
    if not isinstance(value, dict):
        raise JsonError(f"{where} must be {IDENTITY_EMBEDDED!r} or an object naming the identity files, "
                        f"not {shown(value) if isinstance(value, str) else kind_of(value)}")
    for name, digest in value.items():
        if not IDENTITY_FILE.fullmatch(name):
            raise JsonError(f"{where} names {shown(name)}, which is not an identity file (identity/"
                            f"identity.json or identity/assessment-record.<language>.pdf)")
        need_sha256(digest, f"{where}[{shown(name)}]")
    if "identity/identity.json" not in value:
        raise JsonError(f"{where} does not name identity/identity.json")
    return dict(value)


def public_key(pem: str) -> Key:
    """A verifying key from its PEM text (as stored in a bundle or a provider's registry)."""
    from cryptography.exceptions import UnsupportedAlgorithm
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    try:
        return SSlibKey.from_crypto(load_pem_public_key(pem.encode()))
    except (ValueError, TypeError, UnsupportedAlgorithm) as exc:
        raise SealError(f"not a public key: {exc}") from exc


def _base64(value: Any, where: str) -> bytes:
    text = need_str(value, where)
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (UnicodeEncodeError, binascii.Error):
        raise JsonError(f"{where} is not base64") from None


def envelope_from(data: Any) -> Envelope:
    """A DSSE envelope from its parsed JSON, every field checked; JsonError names the one that is not."""
    where = "the seal envelope"
    env = need_object(data, where)
    only_fields(env, {"payload", "payloadType", "signatures"}, where)
    payload = _base64(need_field(env, "payload", where), f"{where}.payload")
    payload_type = need_str(need_field(env, "payloadType", where), f"{where}.payloadType")
    items = need_list(need_field(env, "signatures", where), f"{where}.signatures")
    if len(items) > MAX_SIGNATURES:
        raise JsonError(f"{where} has more than {MAX_SIGNATURES} signatures")
    signatures: dict[str, Signature] = {}
    for i, item in enumerate(items):
        at = f"{where}.signatures[{i}]"
        sig = need_object(item, at)
        only_fields(sig, {"keyid", "sig"}, at)
        keyid = need_str(need_field(sig, "keyid", at), f"{at}.keyid")
        raw = _base64(need_field(sig, "sig", at), f"{at}.sig")
        if keyid in signatures:
            raise JsonError(f"{where} has two signatures by key {shown(keyid)}")
        signatures[keyid] = Signature(keyid, raw.hex())
    return Envelope(payload, payload_type, signatures)


def _statement(payload: bytes, limits: JsonLimits | None) -> dict[str, Any]:
    where = "the sealed statement"
    body = need_object(loads(payload, where, limits), where)
    if body.get("_type") != STATEMENT_TYPE or body.get("predicateType") != PREDICATE_TYPE:
        raise JsonError(f"{where} is not an assessment seal (_type and predicateType)")
    subjects = need_list(need_field(body, "subject", where), f"{where}.subject")
    names: set[str] = set()
    for i, item in enumerate(subjects):
        at = f"{where}.subject[{i}]"
        subject = need_object(item, at)
        name = need_str(need_field(subject, "name", at), f"{at}.name")
        digest = need_object(need_field(subject, "digest", at), f"{at}.digest")
        need_sha256(need_field(digest, "sha256", f"{at}.digest"), f"{at}.digest.sha256")
        if name in names:
            raise JsonError(f"{where} names {shown(name)} twice")
        names.add(name)
    need_object(need_field(body, "predicate", where), f"{where}.predicate")
    return body


def verify_seal(envelope: Any, keys: list[Key], threshold: int, *,
                limits: JsonLimits | None = None) -> VerifiedSeal:
    """Check ``threshold`` distinct signatures by ``keys``; return the signed statement, shape-checked.

    ``envelope`` is the parsed JSON of the envelope: anything at all, checked here.
    """
    try:
        env = envelope_from(envelope)
    except JsonError as exc:
        raise SealError(f"the seal is not a DSSE envelope: {exc}") from None
    if env.payload_type != PAYLOAD_TYPE:
        raise SealError(f"the seal's payload type is {shown(env.payload_type)}, not {PAYLOAD_TYPE}")
    try:
        verified = env.verify(keys, threshold)
    except (VerificationError, ValueError) as exc:  # ValueError: fewer keys than the threshold
        raise SealError(f"the seal's signatures do not verify: {exc}") from exc
    try:
        body = _statement(env.payload, limits)
    except JsonError as exc:
        raise SealError(str(exc)) from None
    return VerifiedSeal(body, sorted(verified))


def read_seal(data: bytes, keys: list[Key], threshold: int, *,
              limits: JsonLimits | None = None) -> VerifiedSeal:
    """``verify_seal`` over the bytes of a seal file, parsed strictly."""
    try:
        envelope = loads(data, SEAL_NAME, limits)
    except JsonError as exc:
        raise SealError(str(exc)) from None
    return verify_seal(envelope, keys, threshold, limits=limits)
