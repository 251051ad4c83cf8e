"""The assessment index's moderation signals: a critical step failed or stopped, corrections on critical
steps, diagnostics unavailable, video present and consent to it, a duration shorter than the rules allow,
and the checklist's progression gateway.

Rows already held get false and 0 here; they were made by an older extraction (index_format 1), so the
background backfill makes them again from their bundles with the real values.

Revision ID: p0009_index_signals
Revises: p0008_moderation
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "p0009_index_signals"
down_revision = "p0008_moderation"
branch_labels = None
depends_on = None

_FLAGS = ("critical_failed", "diagnostics_unavailable", "video_present", "video_consent", "short_duration")


def upgrade() -> None:
    with op.batch_alter_table("assessment_index") as batch:
        for name in _FLAGS[:1]:
            batch.add_column(sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("critical_corrections", sa.Integer(), nullable=False, server_default="0"))
        for name in _FLAGS[1:]:
            batch.add_column(sa.Column(name, sa.Boolean(), nullable=False, server_default=sa.false()))
        batch.add_column(sa.Column("gateway", sa.String(40), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("assessment_index") as batch:
        for name in ("gateway", "short_duration", "video_consent", "video_present", "diagnostics_unavailable",
                     "critical_corrections", "critical_failed"):
            batch.drop_column(name)
