"""Moderation: cycles, their stored sample, moderators' keys, signed verdicts and feedback.

Revision ID: p0008_moderation
Revises: p0007_assessment_vehicles
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "p0008_moderation"
down_revision = "p0007_assessment_vehicles"
branch_labels = None
depends_on = None

_AUTO_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "moderation_cycles",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("period_from_us", sa.BigInteger(), nullable=False),
        sa.Column("period_to_us", sa.BigInteger(), nullable=False),
        sa.Column("enhanced_control", sa.Boolean(), nullable=False),
        sa.Column("created_us", sa.BigInteger(), nullable=False),
        sa.Column("created_by", sa.String(64), nullable=False),
        sa.Column("closed_us", sa.BigInteger(), nullable=True),
    )
    op.create_table(
        "moderation_cycle_checklists",
        sa.Column("cycle", sa.String(64), sa.ForeignKey("moderation_cycles.name"), primary_key=True),
        sa.Column("checklist_id", sa.String(100), primary_key=True),
    )
    op.create_table(
        "moderation_cycle_moderators",
        sa.Column("cycle", sa.String(64), sa.ForeignKey("moderation_cycles.name"), primary_key=True),
        sa.Column("user_name", sa.String(64), sa.ForeignKey("console_users.name"), primary_key=True),
    )
    op.create_table(
        "moderation_samples",
        sa.Column("cycle", sa.String(64), sa.ForeignKey("moderation_cycles.name"), primary_key=True),
        sa.Column("seed", sa.BigInteger(), nullable=False),
        sa.Column("digest", sa.String(64), nullable=False),
        sa.Column("canonical", sa.Text(), nullable=False),
        sa.Column("drawn_us", sa.BigInteger(), nullable=False),
        sa.Column("drawn_by", sa.String(64), nullable=False),
    )
    op.create_table(
        "moderation_sampled",
        sa.Column("cycle", sa.String(64), sa.ForeignKey("moderation_cycles.name"), primary_key=True),
        sa.Column("bundle_id", sa.String(64), primary_key=True),
        sa.Column("device", sa.String(64), primary_key=True),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("reasons", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["bundle_id", "device"], ["bundles.bundle_id", "bundles.device"],
                                name="fk_moderation_sampled_bundle"),
    )
    op.create_index("ix_moderation_sampled_bundle", "moderation_sampled", ["bundle_id", "device"])
    op.create_table(
        "moderator_keys",
        sa.Column("key_id", sa.String(64), primary_key=True),
        sa.Column("user_name", sa.String(64), sa.ForeignKey("console_users.name"), nullable=False),
        sa.Column("public_pem", sa.Text(), nullable=False),
        sa.Column("created_us", sa.BigInteger(), nullable=False),
        sa.Column("retired_us", sa.BigInteger(), nullable=True),
    )
    op.create_index("ix_moderator_keys_user", "moderator_keys", ["user_name"])
    op.create_table(
        "moderation_verdicts",
        sa.Column("id", _AUTO_ID, primary_key=True, autoincrement=True),
        sa.Column("cycle", sa.String(64), sa.ForeignKey("moderation_cycles.name"), nullable=False),
        sa.Column("bundle_id", sa.String(64), nullable=False),
        sa.Column("device", sa.String(64), nullable=False),
        sa.Column("moderator", sa.String(64), nullable=False),
        sa.Column("recorded_us", sa.BigInteger(), nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False, unique=True),
        sa.Column("previous_sha256", sa.String(64), nullable=True),
        sa.Column("key_id", sa.String(64), sa.ForeignKey("moderator_keys.key_id"), nullable=False),
        sa.Column("signature", sa.Text(), nullable=False),
    )
    op.create_index("ix_moderation_verdicts_assessment", "moderation_verdicts",
                    ["cycle", "bundle_id", "device", "moderator", "id"])
    op.create_index("ix_moderation_verdicts_cycle", "moderation_verdicts", ["cycle", "id"])
    op.create_table(
        "moderation_feedback",
        sa.Column("id", _AUTO_ID, primary_key=True, autoincrement=True),
        sa.Column("device", sa.String(64), nullable=False),
        sa.Column("bundle_id", sa.String(64), nullable=False),
        sa.Column("cycle", sa.String(64), sa.ForeignKey("moderation_cycles.name"), nullable=False),
        sa.Column("verdict_sha256", sa.String(64), nullable=False),
        sa.Column("created_us", sa.BigInteger(), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("delivered_us", sa.BigInteger(), nullable=True),
    )
    op.create_index("ix_moderation_feedback_device", "moderation_feedback", ["device", "id"])


def downgrade() -> None:
    for table in ("moderation_feedback", "moderation_verdicts", "moderator_keys", "moderation_sampled",
                  "moderation_samples", "moderation_cycle_moderators", "moderation_cycle_checklists",
                  "moderation_cycles"):
        op.drop_table(table)
