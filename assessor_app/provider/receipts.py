"""Receipts: what the provider signs when a bundle is stored (a DSSE envelope, like the seal)."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from securesystemslib.dsse import Envelope

from assessor_app.evidence.keys import SigningKey

RECEIPT_PAYLOAD_TYPE = "application/vnd.assessor.receipt+json"
RECEIPT_TYPE = "https://assessor.invalid/receipt/v1"


def receipt_statement(*, bundle_id: str, manifest_sha256: str, received_us: int, device_key_id: str,
                      workshop_id: str, provider_key_id: str) -> dict[str, Any]:
    received = dt.datetime.fromtimestamp(received_us / 1e6, tz=dt.UTC)
    return {
        "_type": RECEIPT_TYPE,
        "bundle_id": bundle_id,
        "manifest_sha256": manifest_sha256,
        "received": received.isoformat(timespec="microseconds").replace("+00:00", "Z"),
        "received_us": received_us,
        "device_key_id": device_key_id,
        "workshop_id": workshop_id,
        "provider_key_id": provider_key_id,
    }


def sign_receipt(statement: dict[str, Any], key: SigningKey) -> dict[str, Any]:
    payload = json.dumps(statement, sort_keys=True, separators=(",", ":")).encode()
    envelope = Envelope(payload=payload, payload_type=RECEIPT_PAYLOAD_TYPE, signatures={})
    envelope.sign(key.signer)
    return envelope.to_dict()
