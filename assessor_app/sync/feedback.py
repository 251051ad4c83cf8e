"""Moderation feedback at the workstation: fetched at each sync, checked, stored, then acknowledged.

The provider signs each batch with its key (a DSSE envelope, as its receipts); the batch must
verify with the key pinned at enrollment and name this workstation. Each item is stored in the
workstation's database first, in one transaction; only then are its ids acknowledged. An item
received again (the acknowledgement was lost) is stored once: its key is the provider's id for it.
"""

from __future__ import annotations

import binascii
import copy
import json
import logging
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from securesystemslib.dsse import Envelope
from securesystemslib.exceptions import VerificationError
from sqlalchemy import func, select, update
from sqlalchemy.dialects.sqlite import insert

from assessor_app.errors import AssessorError
from assessor_app.evidence.seal import SealError, public_key
from assessor_app.storage.feedback_models import FeedbackRow
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.client import ProviderClient
from assessor_app.sync.outbox import Enrollment, now_us
from assessor_app.sync.protocol import FEEDBACK_DECISIONS, FEEDBACK_PAYLOAD_TYPE, FEEDBACK_TYPE

log = logging.getLogger(__name__)
STEP_RESULTS = ("passed", "failed", "na", "hazard", "pending")
#: pages asked for in one sync at most (100 items each); the rest comes at the next sync
MAX_PAGES = 20


class FeedbackError(AssessorError):
    """A feedback batch that cannot be accepted; the message says why."""


@dataclass(frozen=True)
class StepDifference:
    """A step where the moderator's result differs from the assessor's, and why."""

    step: str
    critical: bool
    assessor_result: str
    moderator_result: str
    reason: str


@dataclass(frozen=True)
class FeedbackItem:
    """One item of moderation feedback as stored here."""

    feedback_id: int
    provider_key_id: str
    cycle: str
    bundle_id: str
    assessment_id: str
    checklist_id: str
    checklist_version: str
    decision: str
    comment: str
    recorded_us: int
    steps: tuple[StepDifference, ...]
    received_wall_us: int
    read_wall_us: int | None

    @property
    def read(self) -> bool:
        return self.read_wall_us is not None


def _text(where: str, value: Any, limit: int = 4000) -> str:
    if not isinstance(value, str) or len(value) > limit:
        raise FeedbackError(f"moderation feedback: {where} must be text of at most {limit} characters")
    return value


def check_document(document: Any) -> dict[str, Any]:
    """The feedback document if it has the shape a workstation can show, else FeedbackError."""
    if not isinstance(document, Mapping):
        raise FeedbackError("moderation feedback: the document is not a JSON object")
    for name in ("cycle", "bundle_id", "assessment_id", "checklist_id", "checklist_version"):
        _text(name, document.get(name), 200)
    _text("comment", document.get("comment"))
    if document.get("decision") not in FEEDBACK_DECISIONS:
        raise FeedbackError(f"moderation feedback: unknown decision {str(document.get('decision'))[:40]!r}")
    recorded = document.get("recorded_us")
    if isinstance(recorded, bool) or not isinstance(recorded, int) or recorded < 0:
        raise FeedbackError("moderation feedback: recorded_us must be a non-negative whole number")
    steps = document.get("steps")
    if not isinstance(steps, list):
        raise FeedbackError("moderation feedback: steps must be a list")
    for step in steps:
        if not isinstance(step, Mapping) or not isinstance(step.get("critical"), bool):
            raise FeedbackError("moderation feedback: a step is misshapen")
        _text("step", step.get("step"), 100)
        _text("reason", step.get("reason"))
        for name in ("assessor_result", "moderator_result"):
            if step.get(name) not in STEP_RESULTS:
                raise FeedbackError(f"moderation feedback: step {step.get('step')}: unknown {name}")
    return dict(document)


def verify_batch(envelope: Mapping[str, Any], enrollment: Enrollment) -> list[dict[str, Any]]:
    """The batch's items, if the pinned provider key signed it for this workstation; else FeedbackError."""
    try:
        env = Envelope.from_dict(copy.deepcopy(dict(envelope)))  # from_dict changes what it is given
        key = public_key(enrollment.provider_public_pem)
    except (AttributeError, KeyError, TypeError, ValueError, binascii.Error, SealError) as exc:
        raise FeedbackError(f"the moderation feedback is not a DSSE envelope: {exc}") from exc
    if env.payload_type != FEEDBACK_PAYLOAD_TYPE:
        raise FeedbackError(f"the moderation feedback has payload type {env.payload_type[:80]!r}")
    try:
        env.verify([key], 1)
    except VerificationError:
        raise FeedbackError(f"the moderation feedback is not signed by the enrolled provider key "
                            f"{key.keyid[:16]}") from None
    try:
        statement = json.loads(env.payload)
    except ValueError:
        raise FeedbackError("the moderation feedback is not JSON") from None
    if not isinstance(statement, dict) or statement.get("_type") != FEEDBACK_TYPE:
        raise FeedbackError("the moderation feedback is not an assessor feedback statement")
    if statement.get("device_key_id") != enrollment.device_key_id:
        raise FeedbackError(f"the moderation feedback is for workstation "
                            f"{str(statement.get('device_key_id'))[:16]}, not this one "
                            f"({enrollment.device_key_id[:16]})")
    items = statement.get("items")
    if not isinstance(items, list):
        raise FeedbackError("the moderation feedback has no list of items")
    usable = []
    for item in items:
        whole = isinstance(item, dict) and all(
            isinstance(item.get(n), int) and not isinstance(item.get(n), bool) for n in ("id", "created_us"))
        if not whole:
            raise FeedbackError("the moderation feedback holds a misshapen item")
        try:
            item["document"] = check_document(item.get("document"))
        except FeedbackError as exc:
            # one broken item does not hold back the others; it stays unacknowledged at the provider
            log.warning("moderation feedback item %s is not stored: %s", item["id"], exc)
            continue
        usable.append(item)
    return usable


def _item(row: Any) -> FeedbackItem:
    document = json.loads(row.document)
    steps = tuple(StepDifference(s["step"], s["critical"], s["assessor_result"], s["moderator_result"],
                                 s["reason"]) for s in document.get("steps", []))
    return FeedbackItem(row.feedback_id, row.provider_key_id, row.cycle, row.bundle_id, row.assessment_id,
                        document.get("checklist_id", ""), document.get("checklist_version", ""),
                        row.decision, document.get("comment", ""), document.get("recorded_us", 0), steps,
                        row.received_wall_us, row.read_wall_us)


class FeedbackInbox:
    """The moderation feedback this workstation has received, in its database."""

    def __init__(self, store: AssessmentStore):
        self.store = store
        self._writer = store.engine.execution_options(sqlite_immediate=True)

    def store_items(self, provider_key_id: str, items: list[dict[str, Any]]) -> int:
        """Store the items in one durable transaction; returns how many were new here."""
        if not items:
            return 0
        received = now_us()
        new = 0
        with self._writer.begin() as conn:
            for item in items:
                document = item["document"]
                done = conn.execute(insert(FeedbackRow).values(
                    provider_key_id=provider_key_id, feedback_id=item["id"],
                    verdict_sha256=str(document.get("verdict_sha256", ""))[:64],
                    bundle_id=document["bundle_id"][:64], assessment_id=document["assessment_id"],
                    cycle=document["cycle"][:64], decision=document["decision"],
                    document=json.dumps(document, sort_keys=True, ensure_ascii=False),
                    created_us=item["created_us"], received_wall_us=received, read_wall_us=None,
                ).on_conflict_do_nothing())
                new += done.rowcount
        return new

    def items(self) -> list[FeedbackItem]:
        """Every item received, unread first, newest first."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(FeedbackRow).order_by(
                FeedbackRow.read_wall_us.is_not(None), FeedbackRow.created_us.desc(),
                FeedbackRow.feedback_id.desc())).all()
        return [_item(r) for r in rows]

    def unread(self) -> int:
        with self.store.engine.connect() as conn:
            return int(conn.execute(select(func.count()).select_from(FeedbackRow)
                                    .where(FeedbackRow.read_wall_us.is_(None))).scalar_one())

    def mark_read(self, provider_key_id: str, feedback_id: int) -> None:
        with self._writer.begin() as conn:
            conn.execute(update(FeedbackRow).where(
                FeedbackRow.provider_key_id == provider_key_id, FeedbackRow.feedback_id == feedback_id,
                FeedbackRow.read_wall_us.is_(None)).values(read_wall_us=now_us()))


def fetch_feedback(client: ProviderClient, inbox: FeedbackInbox, enrollment: Enrollment) -> int | None:
    """Fetch, store, then acknowledge this workstation's feedback; the number of new items.

    None when the provider has no feedback endpoint (a provider from before moderation).
    """
    new = 0
    for _page in range(MAX_PAGES):
        answer = client.feedback()
        if answer is None:
            return None
        items = verify_batch(answer["feedback"], enrollment)
        if not items:
            break
        new += inbox.store_items(enrollment.provider_key_id, items)  # durable before the acknowledgement
        client.acknowledge_feedback([item["id"] for item in items])
        if not answer.get("more"):
            break
    if new:
        log.info("sync: %d new item(s) of moderation feedback", new)
    return new

