"""Sync: the provider enrollment, the outbox of sealed bundles, and the provider's receipts.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_enrollment",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("provider_url", sa.Text(), nullable=False),
        sa.Column("device_key_id", sa.String(64), nullable=False),
        sa.Column("workshop_id", sa.String(100), nullable=False),
        sa.Column("workshop_name", sa.String(200), nullable=False),
        sa.Column("provider_key_id", sa.String(64), nullable=False),
        sa.Column("provider_public_pem", sa.Text(), nullable=False),
        sa.Column("enrolled_wall_us", sa.Integer(), nullable=False),
    )
    op.create_table(
        "outbox",
        sa.Column("bundle_id", sa.String(64), primary_key=True),
        sa.Column("manifest_sha256", sa.String(64), nullable=False),
        sa.Column("archive_path", sa.Text(), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("added_wall_us", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("upload_url", sa.Text(), nullable=True),
        sa.Column("confirmed_offset", sa.Integer(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("last_attempt_wall_us", sa.Integer(), nullable=True),
        sa.Column("delivered_wall_us", sa.Integer(), nullable=True),
        sa.Column("pruned_wall_us", sa.Integer(), nullable=True),
    )
    op.create_index("ix_outbox_status_added", "outbox", ["status", "added_wall_us"])
    op.create_table(
        "receipts",
        sa.Column("bundle_id", sa.String(64), primary_key=True),
        sa.Column("manifest_sha256", sa.String(64), nullable=False),
        sa.Column("envelope", sa.Text(), nullable=False),
        sa.Column("provider_key_id", sa.String(64), nullable=False),
        sa.Column("received", sa.String(40), nullable=False),
        sa.Column("stored_wall_us", sa.Integer(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("receipts")
    op.drop_index("ix_outbox_status_added", "outbox")
    op.drop_table("outbox")
    op.drop_table("sync_enrollment")
