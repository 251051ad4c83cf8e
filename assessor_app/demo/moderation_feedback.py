"""A moderation panel's feedback on a demo assessment, stored as a sync stores what the provider sends."""

from __future__ import annotations

from assessor_app.demo import messages as m
from assessor_app.i18n import render
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.feedback import FeedbackInbox

DEMO_PROVIDER_KEY = "93a221ada28091ee" * 4


def store_demo_feedback(store: AssessmentStore, assessment_id: str, language: str, *, feedback_id: int = 1,
                        recorded_us: int = 1_796_000_000_000_000) -> int:
    """The panel overturned ``assessment_id`` (an HV isolation assessment), disagreeing on two steps."""
    document = {
        "format": 1, "cycle": "2027-H1", "bundle_id": assessment_id, "assessment_id": assessment_id,
        "checklist_id": "hv-isolation-series", "checklist_version": "1.2.1", "decision": "overturn",
        "comment": render(m.MODERATION_COMMENT(), language), "recorded_us": recorded_us,
        "verdict_sha256": f"{feedback_id:064x}",
        "steps": [
            {"step": "05", "critical": True, "assessor_result": "passed", "moderator_result": "failed",
             "reason": render(m.MODERATION_REASON_METER(), language)},
            {"step": "22", "critical": False, "assessor_result": "passed", "moderator_result": "na",
             "reason": render(m.MODERATION_REASON_HANDOVER(), language)},
        ],
        "rubric": [],
    }
    return FeedbackInbox(store).store_items(DEMO_PROVIDER_KEY, [
        {"id": feedback_id, "created_us": recorded_us, "document": document}])
