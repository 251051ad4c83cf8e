"""Moderation feedback received from the provider, kept until the trainer has read it (and after).

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "moderation_feedback",
        sa.Column("provider_key_id", sa.String(64), nullable=False),
        sa.Column("feedback_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("verdict_sha256", sa.String(64), nullable=False),
        sa.Column("bundle_id", sa.String(64), nullable=False),
        sa.Column("assessment_id", sa.String(200), nullable=False),
        sa.Column("cycle", sa.String(64), nullable=False),
        sa.Column("decision", sa.String(20), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("created_us", sa.Integer(), nullable=False),
        sa.Column("received_wall_us", sa.Integer(), nullable=False),
        sa.Column("read_wall_us", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("provider_key_id", "feedback_id"),
    )
    op.create_index("ix_moderation_feedback_received", "moderation_feedback", ["received_wall_us"])


def downgrade() -> None:
    op.drop_index("ix_moderation_feedback_received", table_name="moderation_feedback")
    op.drop_table("moderation_feedback")
