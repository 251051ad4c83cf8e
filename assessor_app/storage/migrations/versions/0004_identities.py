"""Identity apart from the evidence: names, the VIN and the salt of the record's commitments.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_SEALED = "(SELECT status FROM assessments WHERE id = {row}.assessment_id) IN ('sealed', 'synced')"


def upgrade() -> None:
    op.create_table(
        "identities",
        sa.Column("assessment_id", sa.String(36), sa.ForeignKey("assessments.id"), primary_key=True),
        sa.Column("salt", sa.String(64), nullable=False),
        sa.Column("document", sa.Text(), nullable=False),
        sa.Column("updated_wall_us", sa.Integer(), nullable=False),
    )
    # The record's commitments are made with the salt: it never changes, and the identity is
    # sealed with the assessment (like its events): no change, removal or late addition after that.
    op.execute(
        "CREATE TRIGGER identities_salt_fixed BEFORE UPDATE ON identities "
        "WHEN NEW.salt <> OLD.salt OR NEW.assessment_id <> OLD.assessment_id "
        "BEGIN SELECT RAISE(ABORT, 'an identity''s salt and assessment cannot change'); END"
    )
    op.execute(
        "CREATE TRIGGER identities_sealed_update BEFORE UPDATE ON identities "
        f"WHEN {_SEALED.format(row='OLD')} "
        "BEGIN SELECT RAISE(ABORT, 'the assessment is sealed: its identity cannot change'); END"
    )
    op.execute(
        "CREATE TRIGGER identities_sealed_delete BEFORE DELETE ON identities "
        f"WHEN {_SEALED.format(row='OLD')} "
        "BEGIN SELECT RAISE(ABORT, 'the assessment is sealed: its identity cannot change'); END"
    )
    op.execute(
        "CREATE TRIGGER identities_sealed_insert BEFORE INSERT ON identities "
        f"WHEN {_SEALED.format(row='NEW')} "
        "BEGIN SELECT RAISE(ABORT, 'the assessment is sealed: its identity cannot change'); END"
    )


def downgrade() -> None:
    for trigger in ("identities_sealed_insert", "identities_sealed_delete", "identities_sealed_update",
                    "identities_salt_fixed"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_table("identities")
