"""Checking a provider's receipt: a DSSE envelope signed by the provider key pinned at enrollment."""

from __future__ import annotations

import binascii
import copy
import json
from collections.abc import Mapping
from typing import Any

from securesystemslib.dsse import Envelope
from securesystemslib.exceptions import VerificationError

from assessor_app.errors import AssessorError
from assessor_app.evidence.seal import SealError, public_key
from assessor_app.sync.protocol import RECEIPT_PAYLOAD_TYPE, RECEIPT_TYPE


class ReceiptError(AssessorError):
    """A receipt does not prove delivery; the message says why."""


def verify_receipt(envelope: Mapping[str, Any], provider_pem: str, *, bundle_id: str,
                   manifest_sha256: str, device_key_id: str | None = None) -> dict[str, Any]:
    """The receipt's statement, if the pinned provider key signed it for exactly this bundle.

    With ``device_key_id``, the receipt must also name this workstation as the bundle's sealer:
    a receipt for another workstation's bundle of the same id proves nothing about ours.
    """
    try:
        # from_dict pops fields out of the signature dicts it is given: hand it a deep copy
        env = Envelope.from_dict(copy.deepcopy(dict(envelope)))
        key = public_key(provider_pem)
    except (AttributeError, KeyError, TypeError, ValueError, binascii.Error, SealError) as exc:
        raise ReceiptError(f"the receipt for bundle {bundle_id} is not a DSSE envelope: {exc}") from exc
    if env.payload_type != RECEIPT_PAYLOAD_TYPE:
        raise ReceiptError(f"the receipt for bundle {bundle_id} has payload type {env.payload_type!r}")
    try:
        env.verify([key], 1)
    except VerificationError:
        raise ReceiptError(f"the receipt for bundle {bundle_id} is not signed by the enrolled provider "
                           f"key {key.keyid[:16]}") from None
    try:
        statement = json.loads(env.payload)
    except ValueError:
        raise ReceiptError(f"the receipt for bundle {bundle_id} is not JSON") from None
    if not isinstance(statement, dict) or statement.get("_type") != RECEIPT_TYPE:
        raise ReceiptError(f"the receipt for bundle {bundle_id} is not an assessor receipt")
    if statement.get("bundle_id") != bundle_id or statement.get("manifest_sha256") != manifest_sha256:
        raise ReceiptError(f"the receipt names bundle {statement.get('bundle_id')} with manifest "
                           f"{str(statement.get('manifest_sha256'))[:16]}, not bundle {bundle_id} with "
                           f"manifest {manifest_sha256[:16]}")
    if device_key_id is not None and statement.get("device_key_id") != device_key_id:
        raise ReceiptError(f"the receipt for bundle {bundle_id} is for a bundle sealed by workstation "
                           f"{str(statement.get('device_key_id'))[:16]}, not by this one "
                           f"({device_key_id[:16]})")
    return statement
