"""Handing moderation feedback to the workstation that sealed the assessment, and its acknowledgement.

A workstation asks for its undelivered feedback (rows of ``moderation_feedback`` for its own device
key, oldest first, a page at a time); the provider signs the batch with its key (a DSSE envelope,
as it signs receipts), so the workstation checks it with the key it pinned at enrollment. Once the
workstation has stored the items durably it acknowledges their ids, and they are not sent again.
An id that is not this workstation's (another's, or none at all) is never revealed nor
acknowledged: it is answered as unknown, whichever it is.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from securesystemslib.dsse import Envelope
from sqlalchemy import select, update

from assessor_app.provider.moderation.models import ModerationFeedback
from assessor_app.provider.store import ProviderStore, Refused

log = logging.getLogger(__name__)

FEEDBACK_PAYLOAD_TYPE = "application/vnd.assessor.moderation-feedback+json"
FEEDBACK_TYPE = "https://assessor.invalid/moderation-feedback/v1"
#: the most items in one answer, and the most ids in one acknowledgement
PAGE_MAX = 100
ACK_MAX = 1000
_ID_MAX = 2**63 - 1


@dataclass(frozen=True)
class FeedbackPage:
    statement: dict[str, Any]
    more: bool


class FeedbackBook:
    """The feedback rows of the ``moderation_feedback`` table, as workstations fetch and acknowledge them."""

    def __init__(self, store: ProviderStore):
        self.store = store

    def pending(self, device: str, *, limit: int = PAGE_MAX) -> FeedbackPage:
        """The device's undelivered feedback, oldest first: the statement the provider signs."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(ModerationFeedback.id, ModerationFeedback.created_us, ModerationFeedback.document)
                .where(ModerationFeedback.device == device, ModerationFeedback.delivered_us.is_(None))
                .order_by(ModerationFeedback.id).limit(limit + 1)).all()
        items = []
        for row in rows[:limit]:
            try:
                document = json.loads(row.document)
            except ValueError:
                # the provider's own fault: logged, and the item waits rather than reaching anyone broken
                log.error("moderation feedback %s holds no JSON document; it is not sent", row.id)
                continue
            items.append({"id": row.id, "created_us": row.created_us, "document": document})
        statement = {"_type": FEEDBACK_TYPE, "device_key_id": device,
                     "provider_key_id": self.store.key.fingerprint, "issued_us": self.store.clock(),
                     "items": items}
        return FeedbackPage(statement, more=len(rows) > limit)

    def signed(self, statement: dict[str, Any]) -> dict[str, Any]:
        """The statement as a DSSE envelope signed by the provider key (as receipts are)."""
        payload = json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
        envelope = Envelope(payload=payload, payload_type=FEEDBACK_PAYLOAD_TYPE, signatures={})
        envelope.sign(self.store.key.signer)
        return envelope.to_dict()

    def acknowledge(self, device: str, ids: Sequence[int]) -> tuple[list[int], list[int]]:
        """Mark the device's own items delivered; (acknowledged, unknown) ids.

        Acknowledging an item twice is no error (the first time stands). Ids of other workstations'
        feedback are answered as unknown, as ids that do not exist are, and are left untouched.
        """
        wanted = sorted(set(ids))
        if not wanted:
            return [], []
        now = self.store.clock()
        with self.store.writer.begin() as conn:
            own = set(conn.execute(select(ModerationFeedback.id).where(
                ModerationFeedback.device == device, ModerationFeedback.id.in_(wanted))).scalars())
            if own:
                conn.execute(update(ModerationFeedback).where(
                    ModerationFeedback.device == device, ModerationFeedback.id.in_(sorted(own)),
                    ModerationFeedback.delivered_us.is_(None)).values(delivered_us=now))
        return [i for i in wanted if i in own], [i for i in wanted if i not in own]


def acknowledged_ids(data: dict[str, Any]) -> list[int]:
    """The ``ids`` of an acknowledgement body: a list of 1 to ACK_MAX whole numbers, else a 422."""
    ids = data.get("ids")
    if not isinstance(ids, list) or not ids:
        raise Refused(422, "field 'ids' must be a non-empty list of feedback ids", "invalid_ids")
    if len(ids) > ACK_MAX:
        raise Refused(422, f"field 'ids' may hold at most {ACK_MAX} feedback ids, not {len(ids)}",
                      "too_many_ids")
    for value in ids:
        if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= _ID_MAX:
            shown = json.dumps(value)[:40]
            raise Refused(422, f"field 'ids' holds {shown}, which is not a feedback id (a whole number "
                               f"from 1 to {_ID_MAX})", "invalid_ids")
    return list(ids)
