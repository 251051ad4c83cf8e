"""The enrollment keeps the workshop's country and the awarding body the provider names.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("sync_enrollment") as batch:
        batch.add_column(sa.Column("workshop_country", sa.String(2), nullable=False, server_default=""))
        batch.add_column(sa.Column("awarding_body", sa.String(200), nullable=False, server_default=""))


def downgrade() -> None:
    with op.batch_alter_table("sync_enrollment") as batch:
        batch.drop_column("awarding_body")
        batch.drop_column("workshop_country")
