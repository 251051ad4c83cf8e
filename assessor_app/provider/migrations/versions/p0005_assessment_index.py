"""The assessment index: one row per held bundle with what the console's list filters and sorts by.

The rows are derived from the held bundles' sealed records; this revision makes the table empty,
and the provider fills it (``assessor provider reindex``, or in the background when it serves).

Revision ID: p0005_assessment_index
Revises: p0004_derivatives
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "p0005_assessment_index"
down_revision = "p0004_derivatives"
branch_labels = None
depends_on = None

ORDER = ("ended_us", "bundle_id", "device")


def upgrade() -> None:
    op.create_table(
        "assessment_index",
        sa.Column("bundle_id", sa.String(64), primary_key=True),
        sa.Column("device", sa.String(64), primary_key=True),
        sa.Column("assessment_id", sa.String(64), nullable=False),
        sa.Column("workshop_id", sa.String(100), nullable=False),
        sa.Column("assessor_id", sa.String(64), nullable=False),
        sa.Column("candidate", sa.String(200), nullable=False),
        sa.Column("vehicle", sa.String(200), nullable=False),
        sa.Column("checklist_id", sa.String(100), nullable=False),
        sa.Column("checklist_version", sa.String(50), nullable=False),
        sa.Column("parameter_set_id", sa.String(100), nullable=False),
        sa.Column("parameter_set_version", sa.String(50), nullable=False),
        sa.Column("parameters_generic", sa.Boolean(), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=False),
        sa.Column("outcome_reasons", sa.Text(), nullable=False),
        sa.Column("abandon_reason", sa.Text(), nullable=True),
        sa.Column("stopped_by", sa.String(100), nullable=True),
        sa.Column("hazard_stop", sa.Boolean(), nullable=False),
        sa.Column("started_us", sa.BigInteger(), nullable=False),
        sa.Column("ended_us", sa.BigInteger(), nullable=False),
        sa.Column("received_us", sa.BigInteger(), nullable=False),
        sa.Column("steps_total", sa.Integer(), nullable=False),
        sa.Column("steps_passed", sa.Integer(), nullable=False),
        sa.Column("steps_failed", sa.Integer(), nullable=False),
        sa.Column("steps_na", sa.Integer(), nullable=False),
        sa.Column("steps_pending", sa.Integer(), nullable=False),
        sa.Column("corrections", sa.Integer(), nullable=False),
        sa.Column("capture_gaps", sa.Integer(), nullable=False),
        sa.Column("dropped_frames", sa.Integer(), nullable=False),
        sa.Column("identity", sa.String(10), nullable=False),
        sa.Column("language", sa.String(10), nullable=False),
        sa.Column("index_format", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["bundle_id", "device"], ["bundles.bundle_id", "bundles.device"],
                                name="fk_assessment_index_bundle"),
    )
    op.create_index("ix_assessment_index_ended", "assessment_index", list(ORDER))
    op.create_index("ix_assessment_index_workshop", "assessment_index", ["workshop_id", *ORDER])
    op.create_index("ix_assessment_index_assessor", "assessment_index", ["assessor_id", *ORDER])
    op.create_index("ix_assessment_index_checklist", "assessment_index",
                    ["checklist_id", "checklist_version", *ORDER])
    op.create_index("ix_assessment_index_outcome", "assessment_index", ["outcome", *ORDER])
    op.create_index("ix_assessment_index_candidate", "assessment_index", ["candidate", "ended_us"])
    op.create_index("ix_assessment_index_vehicle", "assessment_index", ["vehicle", "bundle_id", "device"])


def downgrade() -> None:
    op.drop_table("assessment_index")
