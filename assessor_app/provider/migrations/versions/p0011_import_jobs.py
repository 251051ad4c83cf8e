"""Import jobs: a complete upload is a job any provider process may take, under a lease.

Revision ID: p0011_import_jobs
Revises: p0010_credentials
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "p0011_import_jobs"
down_revision = "p0010_credentials"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("uploads") as batch:
        batch.add_column(sa.Column("claimed_by", sa.String(100), nullable=True))
        batch.add_column(sa.Column("lease_until_us", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch.add_column(sa.Column("last_error", sa.Text(), nullable=True))
        batch.create_index("ix_uploads_status", ["status", "lease_until_us"])


def downgrade() -> None:
    with op.batch_alter_table("uploads") as batch:
        batch.drop_index("ix_uploads_status")
        batch.drop_column("last_error")
        batch.drop_column("attempts")
        batch.drop_column("lease_until_us")
        batch.drop_column("claimed_by")
