"""The VC-JWT: verified by an independent library (PyJWT) from the published JWKS; every changed
claim, header field or signature byte fails verification, with the reason named."""

from __future__ import annotations

import copy
import datetime as dt
import warnings
from collections.abc import Iterator
from typing import Any

import jwt as pyjwt
import pytest
from credential_support import BODY, sample_data
from joserfc import jwt as joserfc_jwt
from joserfc.jwk import OKPKey
from signing_support import ISSUED, NOW, OTHER_KEY, PROVIDER_KEY, jwks, signed, unb64, with_parts

from assessor_app.credentials.ob3 import achievement_credential
from assessor_app.credentials.vc_jwt import (
    CredentialInvalid,
    NotAJwt,
    issuer_profile,
    jwt_claims,
    public_jwk,
    sign_credential,
    signed_credential,
    thumbprint,
    verify_jwt,
)


def _reason(token: str, keys: dict | None = None) -> str:
    with pytest.raises(CredentialInvalid) as caught:
        verify_jwt(token, keys or jwks(), now=NOW)
    return caught.value.messages[0].code


def test_pyjwt_verifies_the_token_from_the_published_jwks():
    token = signed()
    header = pyjwt.get_unverified_header(token)
    assert header == {"alg": "EdDSA", "typ": "JWT",
                      "kid": f"{BODY.jwks_url}#{thumbprint(PROVIDER_KEY.public_key())}"}
    # the header's kid dereferences: the JWKS at its URL, the key named by its fragment
    url, fragment = header["kid"].split("#")
    assert url == BODY.jwks_url
    key = pyjwt.PyJWKSet.from_dict(jwks(OTHER_KEY, PROVIDER_KEY))[fragment]
    claims = pyjwt.decode(token, key=key, algorithms=["EdDSA"], options={"verify_aud": False})
    credential = achievement_credential(sample_data(issued=ISSUED))
    assert claims["iss"] == credential["issuer"]["id"] == BODY.issuer_id
    assert claims["jti"] == credential["id"]
    assert claims["sub"] == credential["credentialSubject"]["id"]
    assert claims["nbf"] == int(ISSUED.timestamp())
    assert "vc" not in claims  # OB 3.0: the credential is the payload itself
    assert {k: v for k, v in claims.items() if k not in ("iss", "jti", "sub", "nbf")} == credential
    with pytest.raises(pyjwt.InvalidSignatureError):
        pyjwt.decode(token, key=pyjwt.PyJWKSet.from_dict(jwks(OTHER_KEY)).keys[0], algorithms=["EdDSA"])


def test_our_verifier_accepts_it_and_names_the_key():
    verified = verify_jwt(signed(), jwks(OTHER_KEY, PROVIDER_KEY), now=NOW)
    assert verified.thumbprint == thumbprint(PROVIDER_KEY.public_key())
    assert verified.credential["credentialSubject"]["achievement"]["achievementType"] == "MicroCredential"


def test_the_jwks_kid_is_the_rfc7638_thumbprint_and_holds_no_private_part():
    # RFC 8037 appendix A.3: the thumbprint of its Ed25519 example key
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

    x = bytes.fromhex("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a")
    assert thumbprint(Ed25519PublicKey.from_public_bytes(x)) == "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k"
    (jwk,) = jwks()["keys"]
    assert "d" not in jwk and jwk["kid"] == thumbprint(PROVIDER_KEY.public_key())
    assert jwk == public_jwk(PROVIDER_KEY.public_key())
    assert {jwk["kty"], jwk["crv"], jwk["alg"], jwk["use"]} == {"OKP", "Ed25519", "EdDSA", "sig"}


def test_the_issuer_profile_document():
    found = issuer_profile(BODY)
    assert found["id"] == BODY.issuer_id and found["type"] == ["Profile"] and found["name"] == BODY.name
    assert found["@context"][0] == "https://www.w3.org/ns/credentials/v2"
    assert found["address"]["addressCountryCode"] == "FI"


def _leaves(obj: Any, path: tuple = ()) -> Iterator[tuple]:
    if isinstance(obj, dict):
        for key, value in obj.items():
            yield from _leaves(value, (*path, key))
    elif isinstance(obj, list):
        for index, value in enumerate(obj):
            yield from _leaves(value, (*path, index))
    else:
        yield path


def _changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float)):
        return value + 1
    return str(value) + "x"


def test_changing_any_claim_of_the_payload_fails():
    token = signed()
    payload = unb64(token.split(".")[1])
    paths = list(_leaves(payload))
    assert len(paths) > 100
    for path in paths:
        tampered = copy.deepcopy(payload)
        target = tampered
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = _changed(target[path[-1]])
        assert _reason(with_parts(token, payload=tampered)) == "credential.bad_signature", path
    for claim in payload:  # and removing any claim
        smaller = {k: v for k, v in payload.items() if k != claim}
        assert _reason(with_parts(token, payload=smaller)) == "credential.bad_signature", claim
        with pytest.raises(pyjwt.InvalidSignatureError):
            pyjwt.decode(with_parts(token, payload=smaller),
                         key=pyjwt.PyJWKSet.from_dict(jwks()).keys[0], algorithms=["EdDSA"])


def test_changing_the_header_or_signature_fails():
    token = signed()
    header = unb64(token.split(".")[0])
    assert _reason(with_parts(token, header={**header, "alg": "none"})) == "credential.wrong_alg"
    assert _reason(with_parts(token, header={**header, "alg": "HS256"})) == "credential.wrong_alg"
    assert _reason(with_parts(token, header={**header, "alg": "Ed25519"})) == "credential.wrong_alg"
    other_kid = f"{BODY.jwks_url}#{thumbprint(OTHER_KEY.public_key())}"
    assert _reason(with_parts(token, header={**header, "kid": other_kid}), jwks(OTHER_KEY, PROVIDER_KEY)) == (
        "credential.bad_signature")
    assert _reason(with_parts(token, header={**header, "kid": "nobody"})) == "credential.unknown_kid"
    no_kid = {k: v for k, v in header.items() if k != "kid"}
    assert _reason(with_parts(token, header=no_kid)) == "credential.no_kid"
    assert _reason(with_parts(token, header={**header, "typ": "vc+jwt"})) == "credential.wrong_typ"
    assert _reason(with_parts(token, header={**header, "cty": "x"})) == "credential.extra_header"
    # a key in the header is never trusted: only the issuer's JWKS counts
    embedded = {**header, "kid": other_kid, "jwk": public_jwk(OTHER_KEY.public_key())}
    assert _reason(_resigned(key=OTHER_KEY, header=embedded)) == "credential.unknown_kid"
    h, p, s = token.split(".")
    flipped = s[:10] + ("A" if s[10] != "A" else "B") + s[11:]
    assert _reason(f"{h}.{p}.{flipped}") == "credential.bad_signature"


def test_a_token_signed_by_another_key_fails():
    assert _reason(signed(key=OTHER_KEY)) == "credential.unknown_kid"
    # a JWKS entry cannot lend the provider's kid to another key
    forged = jwks(OTHER_KEY)
    forged["keys"][0]["kid"] = thumbprint(PROVIDER_KEY.public_key())
    assert _reason(signed(), forged) == "credential.unknown_kid"


def _resigned(key: Any = PROVIDER_KEY, header: dict | None = None, **changes: Any) -> str:
    """A token properly signed (by the provider, unless told) whose claims may disagree with its
    credential."""
    credential = achievement_credential(sample_data(issued=ISSUED))
    claims = {k: v for k, v in {**jwt_claims(credential), **changes}.items() if v is not None}
    header = header or {"alg": "EdDSA", "typ": "JWT",
                        "kid": f"{BODY.jwks_url}#{thumbprint(key.public_key())}"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # joserfc's note that RFC 9864 prefers "Ed25519" to "EdDSA"
        return joserfc_jwt.encode(header, {**credential, **claims}, OKPKey.import_key(key),
                                  algorithms=["EdDSA"])


@pytest.mark.parametrize(("changes", "reason"), [
    ({"iss": "https://elsewhere.example/issuer"}, "credential.claim_mismatch"),
    ({"jti": "urn:uuid:00000000-0000-0000-0000-000000000000"}, "credential.claim_mismatch"),
    ({"sub": "urn:uuid:00000000-0000-0000-0000-000000000000"}, "credential.claim_mismatch"),
    ({"nbf": 0}, "credential.claim_mismatch"),
    ({"iss": None}, "credential.claim_missing"),
    ({"nbf": None}, "credential.claim_missing"),
    ({"exp": 2_000_000_000}, "credential.claim_mismatch"),
])
def test_claims_that_disagree_with_the_credential_fail(changes, reason):
    assert _reason(_resigned(**changes)) == reason


def test_validity_period_and_issuer():
    token = signed()
    with pytest.raises(CredentialInvalid) as caught:
        verify_jwt(token, jwks(), now=ISSUED - dt.timedelta(days=1))
    assert caught.value.messages[0].code == "credential.not_yet_valid"
    credential = {**achievement_credential(sample_data(issued=ISSUED)), "validUntil": "2024-12-01T00:00:00Z"}
    expiring = sign_credential(credential, PROVIDER_KEY, BODY.jwks_url)
    assert unb64(expiring.split(".")[1])["exp"] == int(dt.datetime(2024, 12, 1, tzinfo=dt.UTC).timestamp())
    assert _reason(expiring) == "credential.expired"
    with pytest.raises(CredentialInvalid) as caught:
        verify_jwt(token, jwks(), now=NOW, issuer="https://other.example/credentials/issuer")
    assert caught.value.messages[0].code == "credential.other_issuer"


@pytest.mark.parametrize("text", ["", "garbage", "a.b", "a.b.c.d", "!!!.???.***", "e30.e30", "W10.e30.c2ln"])
def test_text_that_is_no_jwt_is_bad_input(text):
    with pytest.raises(NotAJwt):
        verify_jwt(text, jwks(), now=NOW)


def test_one_call_signs_a_credentials_data():
    data = sample_data(issued=ISSUED)
    token = signed_credential(data, PROVIDER_KEY)
    assert verify_jwt(token, jwks(), now=NOW).credential["id"] == data.urn
    assert token == signed(data)  # EdDSA signatures are deterministic


def test_pyjwt_verifies_the_status_list_too():
    from assessor_app.credentials.status_list import signed_status_list

    url = f"{BODY.url}/credentials/status/1"
    token = signed_status_list(url, BODY.issuer_id, [5], NOW, PROVIDER_KEY, BODY.jwks_url)
    key = pyjwt.PyJWKSet.from_dict(jwks())[pyjwt.get_unverified_header(token)["kid"].split("#")[1]]
    claims = pyjwt.decode(token, key=key, algorithms=["EdDSA"])
    assert claims["iss"] == BODY.issuer_id and claims["jti"] == url and claims["sub"] == f"{url}#list"
