"""Workstation table for moderation feedback: what the provider's moderators said about an assessment."""

from __future__ import annotations

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assessor_app.storage.models import Base


class FeedbackRow(Base):
    """One item of moderation feedback, stored before it is acknowledged to the provider.

    Keyed by the provider's key and its id for the item, so an item received twice (the
    acknowledgement was lost) is stored once. ``document`` is the provider's feedback document.
    """

    __tablename__ = "moderation_feedback"

    provider_key_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    feedback_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    verdict_sha256: Mapped[str] = mapped_column(String(64))
    bundle_id: Mapped[str] = mapped_column(String(64))
    assessment_id: Mapped[str] = mapped_column(String(200))
    cycle: Mapped[str] = mapped_column(String(64))
    decision: Mapped[str] = mapped_column(String(20))  # confirm, overturn, refer_back
    document: Mapped[str] = mapped_column(Text)  # JSON, as the provider signed it
    created_us: Mapped[int]  # when the provider recorded it
    received_wall_us: Mapped[int]
    read_wall_us: Mapped[int | None]  # when the trainer marked it read

    __table_args__ = (Index("ix_moderation_feedback_received", "received_wall_us"),)
