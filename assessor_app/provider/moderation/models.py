"""The moderation tables: cycles, their stored sample, the moderators' keys, verdicts and feedback.

They share the provider's metadata (provider/models.py imports this module), so the provider's
Alembic revisions and its schema test cover them. Times are integer microseconds since the epoch.

Verdicts are only ever added: a moderator who changes their mind adds a newer verdict that names
the one it follows (``previous_sha256``); the assessment itself is never changed.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    Float,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from assessor_app.provider.models import ProviderBase

_AUTO_ID = BigInteger().with_variant(Integer(), "sqlite")  # SQLite autoincrements only INTEGER keys


class ModerationCycle(ProviderBase):
    """A moderation cycle ("2027-H1"): the assessments that ended in its period, of its checklists."""

    __tablename__ = "moderation_cycles"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    period_from_us: Mapped[int] = mapped_column(BigInteger)  # assessments ended at or after this
    period_to_us: Mapped[int] = mapped_column(BigInteger)  # ... and before this
    enhanced_control: Mapped[bool] = mapped_column(Boolean)  # the higher floors of enhanced control
    created_us: Mapped[int] = mapped_column(BigInteger)
    created_by: Mapped[str] = mapped_column(String(64))  # console user, or "cli"
    closed_us: Mapped[int | None] = mapped_column(BigInteger)  # None while verdicts may be added


class ModerationCycleChecklist(ProviderBase):
    """A checklist (every version of it) in a cycle's scope."""

    __tablename__ = "moderation_cycle_checklists"

    cycle: Mapped[str] = mapped_column(ForeignKey("moderation_cycles.name"), primary_key=True)
    checklist_id: Mapped[str] = mapped_column(String(100), primary_key=True)


class ModerationCycleModerator(ProviderBase):
    """A console user on a cycle's panel: a moderator sees the anonymised packages of their cycles only."""

    __tablename__ = "moderation_cycle_moderators"

    cycle: Mapped[str] = mapped_column(ForeignKey("moderation_cycles.name"), primary_key=True)
    user_name: Mapped[str] = mapped_column(ForeignKey("console_users.name"), primary_key=True)


class ModerationSampleRow(ProviderBase):
    """A cycle's drawn sample: the canonical frame, policy and seed it was drawn from, and its digest.

    ``canonical`` is sampling.canonical_json(frame, policy, seed): load_canonical gives the inputs back,
    so anyone can re-draw the sample and compare the digest.
    """

    __tablename__ = "moderation_samples"

    cycle: Mapped[str] = mapped_column(ForeignKey("moderation_cycles.name"), primary_key=True)
    seed: Mapped[int] = mapped_column(BigInteger)
    digest: Mapped[str] = mapped_column(String(64))  # SHA-256 of canonical
    canonical: Mapped[str] = mapped_column(Text)
    drawn_us: Mapped[int] = mapped_column(BigInteger)
    drawn_by: Mapped[str] = mapped_column(String(64))


class SampledAssessmentRow(ProviderBase):
    """One assessment in a cycle's sample, with its draw weight and why it was drawn."""

    __tablename__ = "moderation_sampled"

    cycle: Mapped[str] = mapped_column(ForeignKey("moderation_cycles.name"), primary_key=True)
    bundle_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    device: Mapped[str] = mapped_column(String(64), primary_key=True)
    weight: Mapped[float] = mapped_column(Float)
    reasons: Mapped[str] = mapped_column(Text)  # JSON list of {"code", "value", "weight"}

    __table_args__ = (
        ForeignKeyConstraint(["bundle_id", "device"], ["bundles.bundle_id", "bundles.device"],
                             name="fk_moderation_sampled_bundle"),
        Index("ix_moderation_sampled_bundle", "bundle_id", "device"),
    )


class ModeratorKey(ProviderBase):
    """A moderator's Ed25519 verdict-signing key (public part; the key id is its SHA-256)."""

    __tablename__ = "moderator_keys"

    key_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_name: Mapped[str] = mapped_column(ForeignKey("console_users.name"))
    public_pem: Mapped[str] = mapped_column(Text)
    created_us: Mapped[int] = mapped_column(BigInteger)
    retired_us: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_moderator_keys_user", "user_name"),)


class ModerationVerdictRow(ProviderBase):
    """A moderator's signed verdict on one sampled assessment: only ever added, never changed.

    ``document`` is the verdict's canonical JSON (verdict_document.VerdictDocument), ``sha256`` its
    hash, ``signature`` the moderator key's Ed25519 signature of that JSON (base64). The newest row
    per (cycle, assessment, moderator) is that moderator's verdict; older ones stay as history.
    """

    __tablename__ = "moderation_verdicts"

    id: Mapped[int] = mapped_column(_AUTO_ID, primary_key=True, autoincrement=True)
    cycle: Mapped[str] = mapped_column(ForeignKey("moderation_cycles.name"))
    bundle_id: Mapped[str] = mapped_column(String(64))
    device: Mapped[str] = mapped_column(String(64))
    moderator: Mapped[str] = mapped_column(String(64))
    recorded_us: Mapped[int] = mapped_column(BigInteger)
    decision: Mapped[str] = mapped_column(String(20))  # confirm, overturn, refer_back (also in document)
    document: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), unique=True)
    previous_sha256: Mapped[str | None] = mapped_column(String(64))
    key_id: Mapped[str] = mapped_column(ForeignKey("moderator_keys.key_id"))
    signature: Mapped[str] = mapped_column(Text)

    __table_args__ = (
        Index("ix_moderation_verdicts_assessment", "cycle", "bundle_id", "device", "moderator", "id"),
        Index("ix_moderation_verdicts_cycle", "cycle", "id"),
    )


class ModerationFeedback(ProviderBase):
    """What a verdict tells the workstation that sealed the assessment, handed over at its next sync."""

    __tablename__ = "moderation_feedback"

    id: Mapped[int] = mapped_column(_AUTO_ID, primary_key=True, autoincrement=True)
    device: Mapped[str] = mapped_column(String(64))
    bundle_id: Mapped[str] = mapped_column(String(64))
    cycle: Mapped[str] = mapped_column(ForeignKey("moderation_cycles.name"))
    verdict_sha256: Mapped[str] = mapped_column(String(64))
    created_us: Mapped[int] = mapped_column(BigInteger)
    document: Mapped[str] = mapped_column(Text)  # JSON: what the workstation receives
    delivered_us: Mapped[int | None] = mapped_column(BigInteger)  # when the workstation acknowledged it

    __table_args__ = (Index("ix_moderation_feedback_device", "device", "id"),)
