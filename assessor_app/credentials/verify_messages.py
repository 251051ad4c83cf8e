"""What verifying a micro-credential says: why a file is not a credential, why a signature does not
verify, why the revocation status could not be read, and the lines of ``assessor credential verify``."""

from __future__ import annotations

from assessor_app.i18n import Message

# ---------------------------------------------------------------- the file is no credential (exit 2)
NO_SUCH_FILE = Message("credential.no_such_file", "{path}: no such file")
NOT_A_FILE = Message("credential.not_a_file", "{path}: not a file")
UNREADABLE = Message("credential.unreadable", "{path}: cannot be read ({reason})")
TOO_BIG = Message("credential.too_big", "{path}: {size} bytes is too big for a credential")
NOT_TEXT = Message("credential.not_text", "{path}: not a text file (a credential file is a JWT: text)")
NOT_A_JWT = Message(
    "credential.not_a_jwt",
    "not a JWT: a signed credential is three base64url parts joined by dots, this has {parts}")
NOT_JSON_PART = Message(
    "credential.not_json_part", "not a JWT: its {part} is not a base64url-encoded JSON object")
NOT_A_CREDENTIAL = Message(
    "credential.not_a_credential",
    "the JWT holds no Open Badges credential (no issuer, id, validFrom or "
    "credentialSubject)")
UNSIGNED_JSON = Message(
    "credential.unsigned_json",
    "{path}: an unsigned credential (JSON without a proof); give the signed .ob3.jwt file")
JSON_NOT_JWT = Message(
    "credential.json_not_jwt",
    "{path}: the JSON holds no credential as a JWT string")
JWKS_UNREADABLE = Message(
    "credential.jwks_unreadable", "{path}: not the issuer's keys (a JWKS JSON file): {reason}")

# ---------------------------------------------------------------- why a signature does not verify
WRONG_ALG = Message("credential.wrong_alg", "signed with algorithm {alg}; only {wanted} is accepted")
EXTRA_HEADER = Message(
    "credential.extra_header", "the JWT header has fields Open Badges 3.0 does not allow: {names}")
WRONG_TYP = Message("credential.wrong_typ", "the JWT header's typ is {typ}, not JWT")
NO_KID = Message("credential.no_kid", "the JWT header names no key (kid)")
UNKNOWN_KID = Message("credential.unknown_kid", "the key {kid} is not among the issuer's published keys")
BAD_SIGNATURE = Message(
    "credential.bad_signature",
    "the signature does not match the content: the credential was changed after signing, or "
    "another key signed it")
CLAIM_MISSING = Message("credential.claim_missing", "the JWT claim {claim} is missing")
CLAIM_MISMATCH = Message("credential.claim_mismatch", "the JWT claim {claim} does not match the credential")
EXPIRED = Message("credential.expired", "the credential has expired")
NOT_YET_VALID = Message("credential.not_yet_valid", "the credential is not valid yet")
OTHER_ISSUER = Message("credential.other_issuer", "issued by {issuer}, not by {wanted}")
NO_KEYS = Message(
    "credential.no_keys",
    "the issuer's published keys are needed: give them with --jwks FILE, or check online with --online")
KEYS_UNREACHABLE = Message(
    "credential.keys_unreachable",
    "the issuer's keys at {url} could not be fetched ({reason})")
KEYS_NOT_JWKS = Message("credential.keys_not_jwks", "{url} did not return a JWKS")

# ---------------------------------------------------------------- why the status could not be read
OFFLINE = Message("credential.offline", "offline (check online with --online)")
SIGNATURE_FIRST = Message("credential.signature_first", "the signature did not verify")
SIGNATURE_UNKNOWN_FIRST = Message("credential.signature_unknown_first", "the signature could not be checked")
LIST_UNREACHABLE = Message(
    "credential.list_unreachable",
    "the status list {url} could not be fetched ({reason})")
BAD_STATUS_ENTRY = Message(
    "credential.bad_status_entry", "the credential's credentialStatus has a bad {field}")
LIST_INVALID = Message("credential.list_invalid", "the status list does not verify: {reason}")
LIST_OTHER_ID = Message("credential.list_other_id", "the status list fetched is another list ({url})")
LIST_WRONG_TYPE = Message(
    "credential.list_wrong_type", "the status list is not a BitstringStatusListCredential")
LIST_OTHER_PURPOSE = Message(
    "credential.list_other_purpose", "the status list is for {purpose}, not revocation")
LIST_NOT_MULTIBASE = Message(
    "credential.list_not_multibase",
    "the status list's encodedList is not multibase base64url (prefix u)")
LIST_NOT_GZIP = Message(
    "credential.list_not_gzip", "the status list's encodedList is not GZIP-compressed base64url")
LIST_TOO_LONG = Message("credential.list_too_long", "the status list's encodedList expands beyond 16 MB")
LIST_TOO_SHORT = Message(
    "credential.list_too_short",
    "the status list has {bits} bits; the minimum is {minimum}")
HTTP_STATUS = Message("credential.http_status", "HTTP status {status}")
NOT_HTTP = Message("credential.not_http", "not an http(s) address: {url}")
TOO_LARGE = Message("credential.fetch_too_large", "{url} answers more than {limit} bytes")

# ---------------------------------------------------------------- assessor credential verify
CREDENTIAL = Message("credential.line_credential", "Credential {id}")
ISSUED_BY = Message("credential.line_issued_by", "Issued by: {issuer} ({issuer_id})")
ACHIEVEMENT = Message("credential.line_achievement", "Micro-credential: {title} ({achievement})")
LEARNER = Message("credential.line_learner", "To: the learner whose identifier hashes to {hash} ({type})")
LEARNER_MATCHES = Message(
    "credential.line_learner_matches", "Learner id {id}: matches the credential's identifier")
LEARNER_DIFFERS = Message(
    "credential.line_learner_differs",
    "Learner id {id}: does NOT match the credential's identifier")
EVIDENCE = Message("credential.line_evidence", "Evidence: bundle {bundle}, manifest SHA-256 {sha256}")
NO_EVIDENCE = Message("credential.line_no_evidence", "Evidence: none named")
ISSUED_ON = Message("credential.line_issued_on", "Issued: {when}")
SIGNATURE_VALID = Message("credential.line_signature_valid", "Signature: valid (issuer key {kid})")
SIGNATURE_INVALID = Message("credential.line_signature_invalid", "Signature: INVALID: {reason}")
SIGNATURE_UNCHECKED = Message(
    "credential.line_signature_unchecked", "Signature: could not be checked: {reason}")
NOT_REVOKED = Message("credential.line_not_revoked", "Revocation: not revoked (status list {url})")
REVOKED = Message("credential.line_revoked", "Revocation: REVOKED by the issuer (status list {url})")
STATUS_UNKNOWN = Message("credential.line_status_unknown", "Revocation: could not be checked: {reason}")
NO_STATUS = Message("credential.line_no_status", "Revocation: the credential names no status list")
VALID = Message("credential.valid", "VALID")
NOT_VALID = Message("credential.not_valid", "NOT VALID")
