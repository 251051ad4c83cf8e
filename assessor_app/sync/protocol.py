"""What the workstation and the provider must agree on, byte for byte (kept in step by a test).

The provider side has its own copy: the two packages are siblings and do not import each other.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

RECEIPT_PAYLOAD_TYPE = "application/vnd.assessor.receipt+json"
RECEIPT_TYPE = "https://assessor.invalid/receipt/v1"
TUS_VERSION = "1.0.0"
FEEDBACK_PAYLOAD_TYPE = "application/vnd.assessor.moderation-feedback+json"
FEEDBACK_TYPE = "https://assessor.invalid/moderation-feedback/v1"
#: the decisions a moderation panel takes on an assessment
FEEDBACK_DECISIONS = ("confirm", "overturn", "refer_back")
ELIGIBILITY_PAYLOAD_TYPE = "application/vnd.assessor.eligibility+json"
ELIGIBILITY_TYPE = "assessor-app/eligibility/1"


def _sha256(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()


def normalize_code(code: str) -> str:
    return "".join(c for c in code.upper() if c.isascii() and c.isalnum())


def enroll_message(code: str, key_id: str) -> bytes:
    """Enrollment binds the device key to a code; the code names the workshop at the provider."""
    return f"assessor-enroll-v2\n{_sha256(normalize_code(code))}\n{key_id}".encode()


def bind_message(provider_key_id: str, assessor_id: str, code: str, assessor_key_id: str,
                 device_key_id: str) -> bytes:
    """What an assessor's key signs to be bound to their record at the provider."""
    return (f"assessor-bind-v1\n{provider_key_id}\n{assessor_id}\n{_sha256(normalize_code(code))}\n"
            f"{assessor_key_id}\n{device_key_id}").encode()


def token_message(provider_key_id: str, key_id: str, timestamp: int, nonce: str) -> bytes:
    return f"assessor-token-v1\n{provider_key_id}\n{key_id}\n{timestamp}\n{nonce}".encode()


def set_digest(items: Iterable[tuple[str, str]]) -> str:
    """SHA-256 over sorted ``"<bundle id> <manifest sha256>\\n"`` lines."""
    h = hashlib.sha256()
    for bundle_id, manifest in sorted(items):
        h.update(f"{bundle_id} {manifest}\n".encode())
    return h.hexdigest()
