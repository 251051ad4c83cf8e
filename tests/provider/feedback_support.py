"""Moderation feedback rows put straight into the provider's tables, as a recorded verdict leaves them."""

from __future__ import annotations

import json

from sqlalchemy import insert, select

from assessor_app.provider.moderation.models import ModerationCycle, ModerationFeedback
from assessor_app.provider.moderation.verdict_document import (
    StepVerdict,
    VerdictDocument,
    feedback_document,
)
from assessor_app.provider.service import ProviderService

CYCLE = "2027-H1"


def verdict(device: str, bundle_id: str, assessment_id: str, *, decision: str = "overturn",
            comment: str = "The dead test was read on the wrong range; the lock was not the learner's.",
            checklist_id: str = "mini-isolation", version: str = "1.2.0",
            recorded_us: int = 1_800_000_000_000_000,
            steps: tuple[StepVerdict, ...] | None = None) -> VerdictDocument:
    """A moderator's verdict (by default on the mini checklist) that disagrees on two steps."""
    steps = steps or (
        StepVerdict("ppe", True, "passed", "passed"),
        StepVerdict("dead", True, "passed", "failed", "The meter was on the 1000 V AC range, not DC."),
        StepVerdict("oral", False, "passed", "na", "No questions were asked on the video."),
    )
    return VerdictDocument(
        cycle=CYCLE, device=device, bundle_id=bundle_id, assessment_id=assessment_id,
        checklist_id=checklist_id, checklist_version=version, workshop_id="ws-1", assessor_id="assr-1",
        assessment_ended_us=recorded_us - 86_400_000_000 * 30, moderator="mod-1", recorded_us=recorded_us,
        steps=steps, rubric=(), decision=decision, comment=comment)


def add_feedback(service: ProviderService, device: str, bundle_id: str, assessment_id: str,
                 **kwargs: object) -> int:
    """One moderation_feedback row (and its cycle, once) for ``device``; returns its id."""
    document = verdict(device, bundle_id, assessment_id, **kwargs)  # type: ignore[arg-type]
    with service.store.writer.begin() as conn:
        if conn.execute(select(ModerationCycle.name).where(ModerationCycle.name == CYCLE)).first() is None:
            conn.execute(insert(ModerationCycle).values(
                name=CYCLE, period_from_us=0, period_to_us=2**62, enhanced_control=False,
                created_us=1, created_by="cli", closed_us=None))
        result = conn.execute(insert(ModerationFeedback).values(
            device=device, bundle_id=bundle_id, cycle=CYCLE, verdict_sha256=document.sha256,
            created_us=document.recorded_us,
            document=json.dumps(feedback_document(document, document.sha256)), delivered_us=None))
        return int(result.inserted_primary_key[0])


def delivered(service: ProviderService, feedback_id: int) -> int | None:
    with service.store.engine.connect() as conn:
        return conn.execute(select(ModerationFeedback.delivered_us)
                            .where(ModerationFeedback.id == feedback_id)).scalar_one()
