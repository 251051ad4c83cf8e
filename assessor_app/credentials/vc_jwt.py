"""Open Badges 3.0 credentials as VC-JWTs (OB 3.0 section 8.2, "JSON Web Token Proof Format"): the
credential itself is the JWT payload, with ``iss`` (issuer.id), ``jti`` (id), ``sub``
(credentialSubject.id), ``nbf`` (validFrom) and ``exp`` (validUntil, when it has one); signed with
the provider's Ed25519 key (``alg`` EdDSA).

The JOSE header is ``alg``, ``kid`` and ``typ`` only (OB 3.0 allows no other). ``kid`` is a URI that
dereferences to the key, as the spec requires: the issuer's JWKS URL with the key's RFC 7638
thumbprint as fragment (``<url>/credentials/issuer/jwks.json#<thumbprint>``), the thumbprint being
the key's ``kid`` in that JWKS. Verification pins the algorithm to EdDSA, takes the key only from
the JWKS it is given (never from the token) and checks every claim against the credential it carries.
"""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import json
import warnings
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from joserfc import jwt
from joserfc.errors import JoseError
from joserfc.jwk import OKPKey

from assessor_app.credentials import verify_messages as vm
from assessor_app.credentials.data import AwardingBody, CredentialData
from assessor_app.credentials.ob3 import OB_CONTEXT, VC_CONTEXT, achievement_credential, profile
from assessor_app.errors import AssessorError

ALGORITHM = "EdDSA"
HEADER_NAMES = {"alg", "kid", "typ", "jwk"}


class NotAJwt(AssessorError):
    """The text is not a compact JWS of a JSON credential (bad input, not a forgery)."""


class CredentialInvalid(AssessorError):
    """The JWT is well formed but does not verify: the first message says exactly why."""


@dataclass(frozen=True)
class VerifiedJwt:
    header: dict[str, Any]
    credential: dict[str, Any]  # the payload: the credential with its JWT claims
    thumbprint: str  # the kid (RFC 7638 thumbprint) of the key that signed it


def thumbprint(public_key: Ed25519PublicKey) -> str:
    """The key's RFC 7638 JWK thumbprint (SHA-256, base64url): its ``kid``."""
    return OKPKey.import_key(public_key).thumbprint()


def public_jwk(public_key: Ed25519PublicKey) -> dict[str, Any]:
    """The public key as a JWK (never ``d``), with its kid, use and algorithm."""
    key = OKPKey.import_key(public_key)
    return {**key.as_dict(private=False), "kid": key.thumbprint(), "use": "sig", "alg": ALGORITHM}


def issuer_jwks(public_keys: Iterable[Ed25519PublicKey]) -> dict[str, Any]:
    """The JWKS the provider publishes at ``<url>/credentials/issuer/jwks.json``."""
    return {"keys": [public_jwk(key) for key in public_keys]}


def issuer_profile(body: AwardingBody, description: str = "") -> dict[str, Any]:
    """The OB 3.0 issuer Profile the provider publishes at ``<url>/credentials/issuer``."""
    found = {"@context": [VC_CONTEXT, OB_CONTEXT], **profile(body)}
    if description:
        found["description"] = description
    return found


def key_id(jwks_url: str, public_key: Ed25519PublicKey) -> str:
    """The header ``kid``: the JWKS URL and the key's thumbprint as fragment."""
    return f"{jwks_url}#{thumbprint(public_key)}"


def _numeric(moment: str) -> int:
    return int(dt.datetime.fromisoformat(moment.replace("Z", "+00:00")).timestamp())


def jwt_claims(credential: Mapping[str, Any]) -> dict[str, Any]:
    """The registered claims OB 3.0 derives from the credential."""
    issuer = credential["issuer"]
    claims: dict[str, Any] = {
        "iss": issuer["id"] if isinstance(issuer, Mapping) else issuer,
        "jti": credential["id"],
        "nbf": _numeric(credential["validFrom"]),
    }
    subject = credential.get("credentialSubject")
    if isinstance(subject, Mapping) and subject.get("id"):
        claims["sub"] = subject["id"]
    if credential.get("validUntil"):
        claims["exp"] = _numeric(credential["validUntil"])
    return claims


def sign_credential(credential: Mapping[str, Any], private_key: Ed25519PrivateKey, jwks_url: str) -> str:
    """The credential as a compact JWS (a ``.ob3.jwt`` file's content), signed with ``private_key``."""
    header = {"alg": ALGORITHM, "kid": key_id(jwks_url, private_key.public_key()), "typ": "JWT"}
    payload = {**credential, **jwt_claims(credential)}
    with warnings.catch_warnings():
        # RFC 9864 prefers "Ed25519" to "EdDSA"; Open Badges verifiers and JOSE libraries know EdDSA
        warnings.filterwarnings("ignore", message="EdDSA is deprecated")
        return jwt.encode(header, payload, OKPKey.import_key(private_key), algorithms=[ALGORITHM])


def signed_credential(data: CredentialData, private_key: Ed25519PrivateKey) -> str:
    """The Open Badge of ``data`` as the VC-JWT its ``<id>.ob3.jwt`` file holds."""
    return sign_credential(achievement_credential(data), private_key, data.awarding_body.jwks_url)


def _b64json(segment: str, part: str) -> dict[str, Any]:
    try:
        raw = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
        found = json.loads(raw.decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError, ValueError) as exc:
        raise NotAJwt(vm.NOT_JSON_PART(part=part)) from exc
    if not isinstance(found, dict):
        raise NotAJwt(vm.NOT_JSON_PART(part=part))
    return found


def read_unverified(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """The header and payload of a compact JWS, unverified (what the file says, to report it)."""
    parts = token.strip().split(".")
    if len(parts) != 3 or not all(parts):
        raise NotAJwt(vm.NOT_A_JWT(parts=len(parts)))
    return _b64json(parts[0], "header"), _b64json(parts[1], "payload")


def _key_for(header: Mapping[str, Any], jwks: Mapping[str, Any]) -> tuple[OKPKey, str]:
    kid = header.get("kid")
    if not isinstance(kid, str) or not kid:
        raise CredentialInvalid(vm.NO_KID())
    wanted = kid.rsplit("#", 1)[-1]
    keys = jwks.get("keys") if isinstance(jwks, Mapping) else None
    for entry in keys if isinstance(keys, list) else []:
        if not isinstance(entry, Mapping) or entry.get("kty") != "OKP" or entry.get("crv") != "Ed25519":
            continue
        try:
            key = OKPKey.import_key({k: v for k, v in entry.items() if k != "d"})
        except (JoseError, ValueError, TypeError):
            continue
        # the kid must be the key's own thumbprint: a JWKS entry cannot lend its name to another key
        if key.thumbprint() == wanted and entry.get("kid", wanted) == wanted:
            return key, wanted
    raise CredentialInvalid(vm.UNKNOWN_KID(kid=kid))


def _expect(payload: Mapping[str, Any], claim: str, wanted: Any) -> None:
    if claim not in payload:
        raise CredentialInvalid(vm.CLAIM_MISSING(claim=claim))
    if payload[claim] != wanted:
        raise CredentialInvalid(vm.CLAIM_MISMATCH(claim=claim))


def verify_jwt(token: str, jwks: Mapping[str, Any], now: dt.datetime | None = None,
               issuer: str | None = None) -> VerifiedJwt:
    """Verify a VC-JWT against the issuer's JWKS: EdDSA only, the key by ``kid`` from ``jwks``, the
    signature, and the claims against the credential. Raises :class:`NotAJwt` for text that is no
    JWT, :class:`CredentialInvalid` (naming the reason) for one that does not verify."""
    header, payload = read_unverified(token)
    if header.get("alg") != ALGORITHM:
        raise CredentialInvalid(vm.WRONG_ALG(alg=str(header.get("alg")), wanted=ALGORITHM))
    extra = sorted(set(header) - HEADER_NAMES)
    if extra:
        raise CredentialInvalid(vm.EXTRA_HEADER(names=", ".join(extra)))
    if header.get("typ", "JWT") != "JWT":
        raise CredentialInvalid(vm.WRONG_TYP(typ=str(header.get("typ"))))
    key, kid = _key_for(header, jwks)
    try:
        with warnings.catch_warnings():
            warnings.filterwarnings("ignore", message="EdDSA is deprecated")
            jwt.decode(token.strip(), key, algorithms=[ALGORITHM])
    except JoseError as exc:
        raise CredentialInvalid(vm.BAD_SIGNATURE()) from exc
    _check_claims(payload, now or dt.datetime.now(dt.UTC), issuer)
    return VerifiedJwt(header, payload, kid)


def _check_claims(payload: Mapping[str, Any], now: dt.datetime, issuer: str | None) -> None:
    try:
        wanted = jwt_claims(payload)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        raise CredentialInvalid(vm.NOT_A_CREDENTIAL()) from exc
    for claim in ("iss", "jti", "nbf", "sub"):
        if claim == "sub" and "sub" not in wanted and "sub" not in payload:
            continue
        _expect(payload, claim, wanted.get(claim))
    if "exp" in wanted or "exp" in payload:
        _expect(payload, "exp", wanted.get("exp"))
        if now.timestamp() >= payload["exp"]:
            raise CredentialInvalid(vm.EXPIRED())
    if now.timestamp() < payload["nbf"]:
        raise CredentialInvalid(vm.NOT_YET_VALID())
    if issuer is not None and payload["iss"] != issuer:
        raise CredentialInvalid(vm.OTHER_ISSUER(issuer=str(payload["iss"]), wanted=issuer))

