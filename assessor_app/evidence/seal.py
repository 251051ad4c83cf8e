"""The seal: an in-toto Statement naming every payload file, in a DSSE envelope.

Both are open standards: anyone can check a seal with securesystemslib, the in-toto tools, or
by hand (DSSE signs ``PAE(payloadType, payload)`` with Ed25519), without this app.
"""

from __future__ import annotations

import binascii
import copy
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from securesystemslib.dsse import Envelope
from securesystemslib.exceptions import VerificationError
from securesystemslib.signer import Key, SSlibKey

from assessor_app.errors import AssessorError
from assessor_app.evidence.keys import SigningKey

STATEMENT_TYPE = "https://in-toto.io/Statement/v1"
PAYLOAD_TYPE = "application/vnd.in-toto+json"
PREDICATE_TYPE = "urn:assessor-app:assessment-seal:v1"


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
    statement: dict[str, Any]
    signed_by: list[str]  # key ids that verified

    @property
    def files(self) -> dict[str, str]:
        return {s["name"]: s["digest"]["sha256"] for s in self.statement["subject"]}


def public_key(pem: str) -> Key:
    """A verifying key from its PEM text (as stored in a bundle or a provider's registry)."""
    from cryptography.hazmat.primitives.serialization import load_pem_public_key

    try:
        return SSlibKey.from_crypto(load_pem_public_key(pem.encode()))
    except (ValueError, TypeError) as exc:
        raise SealError(f"not a public key: {exc}") from exc


def verify_seal(envelope: Mapping[str, Any], keys: list[Key], threshold: int) -> VerifiedSeal:
    """Check ``threshold`` distinct signatures by ``keys``; return the signed statement."""
    try:
        # from_dict takes the signatures out of the mapping it is given: hand it a copy
        env = Envelope.from_dict(copy.deepcopy(dict(envelope)))
    except (AttributeError, KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise SealError(f"the seal is not a DSSE envelope: {exc}") from exc
    if env.payload_type != PAYLOAD_TYPE:
        raise SealError(f"the seal's payload type is {env.payload_type!r}, not {PAYLOAD_TYPE}")
    try:
        verified = env.verify(keys, threshold)
    except VerificationError as exc:
        raise SealError(f"the seal's signatures do not verify: {exc}") from exc
    try:
        body = json.loads(env.payload)
    except ValueError as exc:
        raise SealError("the sealed statement is not JSON") from exc
    if body.get("_type") != STATEMENT_TYPE or body.get("predicateType") != PREDICATE_TYPE:
        raise SealError("the sealed statement is not an assessment seal")
    return VerifiedSeal(body, sorted(verified))
