"""The provider's eligibility list (who holds which checklist's credential), as last received.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-07
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "eligibility_list",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("provider_key_id", sa.String(64), nullable=False),
        sa.Column("issued_us", sa.Integer(), nullable=False),
        sa.Column("as_of_us", sa.Integer(), nullable=False),
        sa.Column("received_us", sa.Integer(), nullable=False),
        sa.Column("learners", sa.Integer(), nullable=False),
        sa.Column("envelope", sa.Text(), nullable=False),
        sa.CheckConstraint("id = 1", name="ck_eligibility_list_one"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "eligibility_entries",
        sa.Column("learner_id", sa.String(200), nullable=False),
        sa.Column("checklist_id", sa.String(64), nullable=False),
        sa.Column("credential", sa.String(45), nullable=False),
        sa.Column("issued", sa.String(10), nullable=False),
        sa.PrimaryKeyConstraint("learner_id", "checklist_id"),
    )


def downgrade() -> None:
    op.drop_table("eligibility_entries")
    op.drop_table("eligibility_list")
