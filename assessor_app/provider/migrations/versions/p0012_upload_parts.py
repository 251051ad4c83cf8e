"""Uploads received in an object store's parts: the multipart upload's id and its part size.

Revision ID: p0012_upload_parts
Revises: p0011_import_jobs
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "p0012_upload_parts"
down_revision = "p0011_import_jobs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("uploads") as batch:
        batch.add_column(sa.Column("parts_id", sa.Text(), nullable=True))
        batch.add_column(sa.Column("part_bytes", sa.BigInteger(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("uploads") as batch:
        batch.drop_column("part_bytes")
        batch.drop_column("parts_id")
