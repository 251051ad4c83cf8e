"""The provider's first schema: enrollment codes, devices, tokens, uploads, bundles, quarantine.

Databases made before the provider had migrations hold exactly this; they are stamped with it.

Revision ID: p0001
Revises:
Create Date: 2026-11-25
"""

import sqlalchemy as sa
from alembic import op

revision = "p0001"
down_revision = None
branch_labels = None
depends_on = None

BIGINT_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "enrollment_codes",
        sa.Column("code_sha256", sa.String(64), primary_key=True),
        sa.Column("label", sa.String(200), nullable=False),
        sa.Column("created_us", sa.BigInteger(), nullable=False),
        sa.Column("expires_us", sa.BigInteger(), nullable=False),
        sa.Column("used_us", sa.BigInteger(), nullable=True),
        sa.Column("used_by", sa.String(64), nullable=True),
    )
    op.create_table(
        "devices",
        sa.Column("key_id", sa.String(64), primary_key=True),
        sa.Column("public_pem", sa.Text(), nullable=False),
        sa.Column("workshop_id", sa.String(100), nullable=False),
        sa.Column("workshop_name", sa.String(200), nullable=False),
        sa.Column("enrolled_us", sa.BigInteger(), nullable=False),
        sa.Column("revoked_us", sa.BigInteger(), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=True),
    )
    op.create_index("ix_devices_workshop", "devices", ["workshop_id"])
    op.create_table(
        "access_tokens",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("device", sa.String(64), sa.ForeignKey("devices.key_id"), nullable=False),
        sa.Column("expires_us", sa.BigInteger(), nullable=False),
    )
    op.create_table(
        "seen_nonces",
        sa.Column("device", sa.String(64), primary_key=True),
        sa.Column("nonce", sa.String(64), primary_key=True),
        sa.Column("seen_us", sa.BigInteger(), nullable=False),
    )
    op.create_table(
        "uploads",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("device", sa.String(64), sa.ForeignKey("devices.key_id"), nullable=False),
        sa.Column("bundle_id", sa.String(64), nullable=False),
        sa.Column("manifest_sha256", sa.String(64), nullable=False),
        sa.Column("archive_sha256", sa.String(64), nullable=True),
        sa.Column("length", sa.BigInteger(), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("reason", sa.Text(), nullable=True),
        sa.Column("created_us", sa.BigInteger(), nullable=False),
        sa.Column("updated_us", sa.BigInteger(), nullable=False),
    )
    op.create_index("ix_uploads_bundle", "uploads", ["bundle_id", "device"])
    op.create_table(
        "bundles",
        sa.Column("bundle_id", sa.String(64), primary_key=True),
        sa.Column("manifest_sha256", sa.String(64), nullable=False),
        sa.Column("device", sa.String(64), sa.ForeignKey("devices.key_id"), nullable=False),
        sa.Column("workshop_id", sa.String(100), nullable=False),
        sa.Column("assessment_id", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=True),
        sa.Column("payload_bytes", sa.BigInteger(), nullable=False),
        sa.Column("stored_path", sa.Text(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("received_us", sa.BigInteger(), nullable=False),
        sa.Column("receipt", sa.Text(), nullable=False),
    )
    op.create_index("ix_bundles_workshop", "bundles", ["workshop_id", "bundle_id"])
    op.create_table(
        "quarantine",
        sa.Column("id", BIGINT_ID, primary_key=True, autoincrement=True),
        sa.Column("bundle_id", sa.String(64), nullable=True),
        sa.Column("device", sa.String(64), nullable=True),
        sa.Column("source", sa.String(300), nullable=False),
        sa.Column("kept_at", sa.Text(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("received_us", sa.BigInteger(), nullable=False),
    )


def downgrade() -> None:
    for table in ("quarantine", "bundles", "uploads", "seen_nonces", "access_tokens", "devices",
                  "enrollment_codes"):
        op.drop_table(table)
