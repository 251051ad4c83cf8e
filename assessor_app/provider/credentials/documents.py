"""The two documents of an issued credential: the Open Badge signed as a VC-JWT, and the European
Digital Credential in the uploadable form the EU's issuing service seals, validated against the ELM
shapes before anything is stored; and what the provider publishes for verifiers (its Profile, its
keys, its status lists)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from assessor_app.credentials import vc_jwt
from assessor_app.credentials.data import AwardingBody, CredentialData
from assessor_app.credentials.edc import uploadable
from assessor_app.credentials.edc_validate import validate_edc
from assessor_app.credentials.status_list import signed_status_list
from assessor_app.provider.credentials import messages as m_
from assessor_app.provider.store import Refused


def issue_documents(data: CredentialData, key: Ed25519PrivateKey) -> tuple[str, dict[str, Any]]:
    """(the OB 3.0 VC-JWT, the EDC's uploadable JSON-LD); Refused when the EDC would not validate."""
    try:
        edc = uploadable(data)
    except ValueError as error:
        raise Refused(409, m_.EDC_INVALID(problem=str(error))) from None
    report = validate_edc(edc["credential"], before_sealing=True)
    if not report.conforms:
        raise Refused(409, m_.EDC_INVALID(problem=str(report.problems[0])))
    return vc_jwt.signed_credential(data, key), edc


def issuer_jwks(keys: Iterable[Ed25519PublicKey]) -> dict[str, Any]:
    """The issuer's public keys as a JWK Set (kid: each key's RFC 7638 thumbprint)."""
    return vc_jwt.issuer_jwks(keys)


def issuer_profile(body: AwardingBody) -> dict[str, Any]:
    return vc_jwt.issuer_profile(body)


def status_list_jwt(body: AwardingBody, number: int, revoked: Iterable[int], key: Ed25519PrivateKey,
                    now_us: int) -> str:
    """Status list ``number`` as the signed VC-JWT served at ``<url>/credentials/status/<number>``."""
    moment = dt.datetime.fromtimestamp(now_us // 1_000_000, tz=dt.UTC)
    return signed_status_list(f"{body.url}/credentials/status/{number}", body.issuer_id, sorted(revoked),
                              moment, key, body.jwks_url)
