"""Micro-credentials: the awarding body, issued credentials, participation figures, verifications.

Revision ID: p0010_credentials
Revises: p0009_index_signals
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "p0010_credentials"
down_revision = "p0009_index_signals"
branch_labels = None
depends_on = None

_AUTO_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "awarding_body",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("legal_id", sa.String(100), nullable=False),
        sa.Column("legal_id_type", sa.String(20), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("url", sa.String(300), nullable=False),
        sa.Column("email", sa.String(200), nullable=False),
        sa.Column("updated_us", sa.BigInteger(), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
    )
    op.create_table(
        "credentials",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("bundle_id", sa.String(64), nullable=False),
        sa.Column("device", sa.String(64), nullable=False),
        sa.Column("assessment_id", sa.String(64), nullable=False),
        sa.Column("learner_id", sa.String(200), nullable=False),
        sa.Column("checklist_id", sa.String(100), nullable=False),
        sa.Column("checklist_version", sa.String(50), nullable=False),
        sa.Column("workshop_id", sa.String(100), nullable=False),
        sa.Column("assessor_id", sa.String(64), nullable=False),
        sa.Column("region", sa.String(2), nullable=False),
        sa.Column("manifest_sha256", sa.String(64), nullable=False),
        sa.Column("completed_us", sa.BigInteger(), nullable=False),
        sa.Column("issued_us", sa.BigInteger(), nullable=False),
        sa.Column("issued_by", sa.String(64), nullable=False),
        sa.Column("moderation_basis", sa.Text(), nullable=False),
        sa.Column("status_list", sa.Integer(), nullable=False),
        sa.Column("status_index", sa.Integer(), nullable=False),
        sa.Column("ob3_jwt", sa.Text(), nullable=False),
        sa.Column("edc_json", sa.Text(), nullable=False),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("revoked_us", sa.BigInteger(), nullable=True),
        sa.Column("revoked_by", sa.String(64), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["bundle_id", "device"], ["bundles.bundle_id", "bundles.device"],
                                name="fk_credentials_bundle"),
    )
    op.create_index("ux_credentials_bundle", "credentials", ["bundle_id", "device"], unique=True)
    op.create_index("ux_credentials_status", "credentials", ["status_list", "status_index"], unique=True)
    op.create_index("ix_credentials_learner", "credentials", ["learner_id", "checklist_id"])
    op.create_index("ix_credentials_issued", "credentials", ["issued_us", "id"])
    op.create_table(
        "learner_participation",
        sa.Column("learner_id", sa.String(200), primary_key=True),
        sa.Column("gender", sa.String(20), nullable=True),
        sa.Column("age_band", sa.String(10), nullable=True),
        sa.Column("updated_us", sa.BigInteger(), nullable=False),
        sa.Column("updated_by", sa.String(64), nullable=False),
    )
    op.create_table(
        "credential_verifications",
        sa.Column("id", _AUTO_ID, primary_key=True, autoincrement=True),
        sa.Column("credential_id", sa.String(36), nullable=False),
        sa.Column("checked_us", sa.BigInteger(), nullable=False),
        sa.Column("result", sa.String(20), nullable=False),
    )
    op.create_index("ix_credential_verifications_checked", "credential_verifications", ["checked_us"])


def downgrade() -> None:
    for table in ("credential_verifications", "learner_participation", "credentials", "awarding_body"):
        op.drop_table(table)
