"""The Bitstring Status List: the specification's own example decodes, lists round-trip, a revoked
credential is found, and a list that is not the issuer's (or not a list) gives no answer."""

from __future__ import annotations

import base64
import gzip

import pytest
from credential_support import BODY
from hypothesis import given
from hypothesis import strategies as st
from signing_support import NOW, OTHER_KEY, PROVIDER_KEY, jwks

from assessor_app.credentials.status_list import (
    MIN_BITS,
    StatusUnknown,
    bitstring,
    decode_list,
    encode_list,
    is_set,
    revoked_in,
    signed_status_list,
    status_list_credential,
)

#: W3C Bitstring Status List v1.0, "Example BitstringStatusListCredential": an empty 16 KB list
SPEC_EXAMPLE = "uH4sIAAAAAAAAA-3BMQEAAADCoPVPbQwfoAAAAAAAAAAAAAAAAAAAAIC3AYbSVKsAQAAA"
LIST_URL = f"{BODY.url}/credentials/status/1"
ENTRY = {"id": f"{LIST_URL}#17", "type": "BitstringStatusListEntry", "statusPurpose": "revocation",
         "statusListIndex": "17", "statusListCredential": LIST_URL}


def test_the_specifications_example_is_an_empty_list_of_the_minimum_length():
    bits = decode_list(SPEC_EXAMPLE)
    assert len(bits) * 8 == MIN_BITS == 131_072
    assert not any(bits)
    assert decode_list(encode_list(bits)) == bits


def test_index_zero_is_the_left_most_bit():
    bits = bitstring([0, 9, MIN_BITS - 1])
    assert bits[0] == 0x80 and bits[1] == 0x40 and bits[-1] == 0x01
    assert [i for i in range(16) if is_set(bits, i)] == [0, 9]


@given(st.sets(st.integers(0, MIN_BITS - 1), max_size=50))
def test_round_trip(revoked):
    encoded = encode_list(bitstring(revoked))
    assert encoded.startswith("u") and "=" not in encoded
    bits = decode_list(encoded)
    assert {i for i in range(MIN_BITS) if is_set(bits, i)} == revoked


def test_an_index_outside_the_list_is_refused():
    with pytest.raises(ValueError, match="outside"):
        bitstring([MIN_BITS])


def _multibase(raw: bytes) -> str:
    return "u" + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


@pytest.mark.parametrize(("encoded", "code"), [
    ("zH4sI", "credential.list_not_multibase"),
    ("u!!!!", "credential.list_not_gzip"),
    (_multibase(b"not gzip at all"), "credential.list_not_gzip"),
    (_multibase(gzip.compress(bytes(100))), "credential.list_too_short"),
    (_multibase(gzip.compress(bytes(17 * 1024 * 1024))), "credential.list_too_long"),
])
def test_bad_lists_name_their_problem(encoded, code):
    with pytest.raises(StatusUnknown) as caught:
        decode_list(encoded)
    assert caught.value.messages[0].code == code


def test_the_list_credential():
    found = status_list_credential(LIST_URL, BODY.issuer_id, [3], NOW)
    assert found["type"] == ["VerifiableCredential", "BitstringStatusListCredential"]
    assert found["credentialSubject"]["id"] == f"{LIST_URL}#list"
    assert found["credentialSubject"]["statusPurpose"] == "revocation"
    assert is_set(decode_list(found["credentialSubject"]["encodedList"]), 3)


def _list(revoked=(), key=PROVIDER_KEY, url=LIST_URL):
    return signed_status_list(url, BODY.issuer_id, revoked, NOW, key, BODY.jwks_url)


def test_revocation_is_found_in_a_signed_list():
    assert revoked_in(ENTRY, _list([17]), jwks(), BODY.issuer_id, now=NOW) is True
    assert revoked_in(ENTRY, _list([16, 18]), jwks(), BODY.issuer_id, now=NOW) is False


@pytest.mark.parametrize(("token", "issuer", "entry", "code"), [
    (_list([17], key=OTHER_KEY), BODY.issuer_id, ENTRY, "credential.list_invalid"),
    (_list([17]), "https://other.example/credentials/issuer", ENTRY, "credential.list_invalid"),
    (_list([17], url=f"{BODY.url}/credentials/status/2"), BODY.issuer_id, ENTRY, "credential.list_other_id"),
    (_list([17]), BODY.issuer_id, {**ENTRY, "statusPurpose": "suspension"}, "credential.list_other_purpose"),
    (_list([17]), BODY.issuer_id, {**ENTRY, "statusListIndex": "seventeen"}, "credential.bad_status_entry"),
    (_list([17]), BODY.issuer_id, {**ENTRY, "statusListIndex": str(MIN_BITS)}, "credential.bad_status_entry"),
])
def test_no_answer_from_a_list_that_is_not_the_issuers(token, issuer, entry, code):
    with pytest.raises(StatusUnknown) as caught:
        revoked_in(entry, token, jwks(), issuer, now=NOW)
    assert caught.value.messages[0].code == code
