"""Workstation tables for sync: the enrollment, the outbox of sealed bundles, and receipts."""

from __future__ import annotations

from sqlalchemy import Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assessor_app.storage.models import Base


class SyncEnrollment(Base):
    """The provider this workstation is enrolled with, and the provider key it pinned then."""

    __tablename__ = "sync_enrollment"

    id: Mapped[int] = mapped_column(primary_key=True)  # one row: 1
    provider_url: Mapped[str] = mapped_column(Text)
    device_key_id: Mapped[str] = mapped_column(String(64))
    workshop_id: Mapped[str] = mapped_column(String(100))
    workshop_name: Mapped[str] = mapped_column(String(200))
    provider_key_id: Mapped[str] = mapped_column(String(64))
    provider_public_pem: Mapped[str] = mapped_column(Text)
    enrolled_wall_us: Mapped[int]
    # from the provider's answer: the workshop's country and the awarding body (Annex I of the
    # EU micro-credentials recommendation); empty for enrollments made before they were kept
    workshop_country: Mapped[str] = mapped_column(String(2), server_default="")
    awarding_body: Mapped[str] = mapped_column(String(200), server_default="")


class OutboxEntry(Base):
    """A sealed bundle (as its archive) waiting for, or done with, delivery to the provider."""

    __tablename__ = "outbox"

    bundle_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    archive_path: Mapped[str] = mapped_column(Text)
    size: Mapped[int]
    added_wall_us: Mapped[int]
    status: Mapped[str] = mapped_column(String(20))  # pending, delivered, refused
    upload_url: Mapped[str | None] = mapped_column(Text)
    confirmed_offset: Mapped[int]
    attempts: Mapped[int]
    last_error: Mapped[str | None] = mapped_column(Text)
    last_attempt_wall_us: Mapped[int | None]
    delivered_wall_us: Mapped[int | None]
    pruned_wall_us: Mapped[int | None]

    __table_args__ = (Index("ix_outbox_status_added", "status", "added_wall_us"),)


class ReceiptRow(Base):
    """A receipt the provider signed for a bundle, checked against the pinned provider key."""

    __tablename__ = "receipts"

    bundle_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    envelope: Mapped[str] = mapped_column(Text)  # the DSSE envelope, JSON
    provider_key_id: Mapped[str] = mapped_column(String(64))
    received: Mapped[str] = mapped_column(String(40))  # the provider's time, ISO 8601 UTC
    stored_wall_us: Mapped[int]
