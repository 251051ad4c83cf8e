"""Derivatives: products made from sealed files (web proxies of video segments), keyed by hash.

Revision ID: p0004_derivatives
Revises: p0003_console
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "p0004_derivatives"
down_revision = "p0003_console"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "derivatives",
        sa.Column("source_sha256", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(20), primary_key=True),
        sa.Column("settings", sa.String(64), primary_key=True),
        sa.Column("bundle_id", sa.String(64), nullable=False),
        sa.Column("device", sa.String(64), nullable=False),
        sa.Column("source_name", sa.Text(), nullable=False),
        sa.Column("status", sa.String(10), nullable=False),
        sa.Column("path", sa.Text(), nullable=True),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("size", sa.BigInteger(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_us", sa.BigInteger(), nullable=False),
        sa.Column("updated_us", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_derivatives_status", "derivatives", ["status"])
    op.create_index("ix_derivatives_bundle", "derivatives", ["bundle_id", "device"])


def downgrade() -> None:
    op.drop_index("ix_derivatives_bundle", table_name="derivatives")
    op.drop_index("ix_derivatives_status", table_name="derivatives")
    op.drop_table("derivatives")
