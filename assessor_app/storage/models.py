"""Tables of the embedded store (SQLAlchemy 2 typed models)."""

from __future__ import annotations

from sqlalchemy import ForeignKey, Index, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

#: The Alembic revision these models correspond to; a test proves it is the migrations' head.
SCHEMA_REVISION = "0007"

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


class CaptureFile(Base):
    """A closed capture file (video segment, its frame times, a CAN log, a snapshot), hashed on write."""

    __tablename__ = "capture_files"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"))
    kind: Mapped[str] = mapped_column(String(20))  # video, frame_times, can_log, can_times, snapshot
    name: Mapped[str] = mapped_column(String(300))  # path under the assessment's capture folder
    sha256: Mapped[str] = mapped_column(String(64))
    size: Mapped[int]
    device: Mapped[str] = mapped_column(String(200))
    step_id: Mapped[str | None] = mapped_column(String(64))
    t_start_us: Mapped[int]
    t_end_us: Mapped[int]
    items: Mapped[int]  # frames, CAN frames, or snapshot entries
    dropped: Mapped[int]
    meta: Mapped[str] = mapped_column(Text)  # JSON: codec, resolution, bitrate, counters
    closed_wall_us: Mapped[int]

    __table_args__ = (Index("ux_capture_files_name", "assessment_id", "name", unique=True),)


class CaptureGap(Base):
    """A stretch of an assessment with no capture from a device (unplugged, failing), and why."""

    __tablename__ = "capture_gaps"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"))
    device: Mapped[str] = mapped_column(String(200))
    kind: Mapped[str] = mapped_column(String(20))  # video, can
    t_start_us: Mapped[int]
    t_end_us: Mapped[int | None]
    reason: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_capture_gaps_assessment", "assessment_id"),)


class IdentityRow(Base):
    """Who took part, kept apart from the event log: names, the VIN, and the salt of the record's
    commitments (a JSON document). Fixed once the assessment is sealed."""

    __tablename__ = "identities"

    assessment_id: Mapped[str] = mapped_column(ForeignKey("assessments.id"), primary_key=True)
    salt: Mapped[str] = mapped_column(String(64))  # hex of 32 random bytes
    document: Mapped[str] = mapped_column(Text)  # JSON: the identity document
    updated_wall_us: Mapped[int]


# Sync tables live in their own module; importing it here puts them on the same metadata.
from assessor_app.storage import eligibility_models, feedback_models, outbox_models  # noqa: E402,F401
