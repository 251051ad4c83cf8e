"""Tables of the embedded store (SQLAlchemy 2 typed models)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: The Alembic revision these models correspond to; a test proves it is the migrations' head.
SCHEMA_REVISION = "0001"

STATUSES = ("in_progress", "finished", "abandoned", "sealed", "synced")


class Base(DeclarativeBase):
    pass


class SpecSnapshot(Base):
    """The exact text of a checklist or parameter set an assessment used, kept by hash."""

    __tablename__ = "spec_snapshots"

    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    spec_id: Mapped[str] = mapped_column(String(64))
    version: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)
    loaded_from: Mapped[str] = mapped_column(Text)
    stored_wall_us: Mapped[int]


class AssessmentRow(Base):
    """One assessment's identity and a summary kept in step with its events."""

    __tablename__ = "assessments"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)
    created_wall_us: Mapped[int]
    updated_wall_us: Mapped[int]
    candidate_id: Mapped[str] = mapped_column(String(200))
    candidate_name: Mapped[str] = mapped_column(String(200))
    assessor_name: Mapped[str] = mapped_column(String(200))
    workshop_name: Mapped[str] = mapped_column(String(200))
    vehicle_vin: Mapped[str] = mapped_column(String(32))
    checklist_id: Mapped[str] = mapped_column(String(64))
    checklist_version: Mapped[str] = mapped_column(String(64))
    checklist_sha256: Mapped[str] = mapped_column(ForeignKey("spec_snapshots.sha256"))
    params_id: Mapped[str] = mapped_column(String(64))
    params_version: Mapped[str] = mapped_column(String(64))
    params_sha256: Mapped[str] = mapped_column(ForeignKey("spec_snapshots.sha256"))
    status: Mapped[str] = mapped_column(String(20))
    outcome: Mapped[str | None] = mapped_column(String(32))
    event_count: Mapped[int]
    head_hash: Mapped[str] = mapped_column(String(64))
    last_t_us: Mapped[int]

    __table_args__ = (
        Index("ix_assessments_status_updated", "status", "updated_wall_us"),
        Index("ix_assessments_candidate", "candidate_id"),
    )


class EventRow(Base):
    """The append-only event log; each row links to the previous one by hash."""

    __tablename__ = "events"

    assessment_id: Mapped[str] = mapped_column(
        ForeignKey("assessments.id"), primary_key=True
    )
    seq: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    payload: Mapped[str] = mapped_column(Text)
    wall_us: Mapped[int]
    t_us: Mapped[int]
    prev_hash: Mapped[str] = mapped_column(String(64))
    hash: Mapped[str] = mapped_column(String(64), unique=True)
