"""Initial schema: specification snapshots, assessments, the append-only event log.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "spec_snapshots",
        sa.Column("sha256", sa.String(64), primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("spec_id", sa.String(64), nullable=False),
        sa.Column("version", sa.String(64), nullable=False),
        sa.Column("source", sa.Text(), nullable=False),
        sa.Column("loaded_from", sa.Text(), nullable=False),
        sa.Column("stored_wall_us", sa.Integer(), nullable=False),
    )
    op.create_table(
        "assessments",
        sa.Column("id", sa.String(36), primary_key=True),
        sa.Column("created_wall_us", sa.Integer(), nullable=False),
        sa.Column("updated_wall_us", sa.Integer(), nullable=False),
        sa.Column("candidate_id", sa.String(200), nullable=False),
        sa.Column("candidate_name", sa.String(200), nullable=False),
        sa.Column("assessor_name", sa.String(200), nullable=False),
        sa.Column("workshop_name", sa.String(200), nullable=False),
        sa.Column("vehicle_vin", sa.String(32), nullable=False),
        sa.Column("checklist_id", sa.String(64), nullable=False),
        sa.Column("checklist_version", sa.String(64), nullable=False),
        sa.Column(
            "checklist_sha256", sa.String(64), sa.ForeignKey("spec_snapshots.sha256"), nullable=False
        ),
        sa.Column("params_id", sa.String(64), nullable=False),
        sa.Column("params_version", sa.String(64), nullable=False),
        sa.Column(
            "params_sha256", sa.String(64), sa.ForeignKey("spec_snapshots.sha256"), nullable=False
        ),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=True),
        sa.Column("event_count", sa.Integer(), nullable=False),
        sa.Column("head_hash", sa.String(64), nullable=False),
        sa.Column("last_t_us", sa.Integer(), nullable=False),
    )
    op.create_index("ix_assessments_status_updated", "assessments", ["status", "updated_wall_us"])
    op.create_index("ix_assessments_candidate", "assessments", ["candidate_id"])
    op.create_table(
        "events",
        sa.Column(
            "assessment_id", sa.String(36), sa.ForeignKey("assessments.id"), primary_key=True
        ),
        sa.Column("seq", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(40), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("wall_us", sa.Integer(), nullable=False),
        sa.Column("t_us", sa.Integer(), nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False, unique=True),
    )
    # The event log is append-only, and a closed assessment takes no more events.
    op.execute(
        "CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events "
        "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events "
        "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER events_closed_assessment BEFORE INSERT ON events "
        "WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) <> 'in_progress' "
        "BEGIN SELECT RAISE(ABORT, 'the assessment is read-only'); END"
    )
    op.execute(
        "CREATE TRIGGER assessments_read_only BEFORE UPDATE ON assessments "
        "WHEN OLD.status <> 'in_progress' AND ("
        " NEW.status = 'in_progress' OR NEW.event_count <> OLD.event_count"
        " OR NEW.head_hash <> OLD.head_hash OR NEW.outcome IS NOT OLD.outcome"
        " OR NEW.candidate_id <> OLD.candidate_id OR NEW.checklist_sha256 <> OLD.checklist_sha256)"
        " BEGIN SELECT RAISE(ABORT, 'the assessment is read-only'); END"
    )
    op.execute(
        "CREATE TRIGGER assessments_no_delete_closed BEFORE DELETE ON assessments "
        "WHEN OLD.status <> 'in_progress' "
        "BEGIN SELECT RAISE(ABORT, 'a closed assessment cannot be deleted'); END"
    )


def downgrade() -> None:
    for trigger in (
        "assessments_no_delete_closed", "assessments_read_only", "events_closed_assessment",
        "events_append_only_delete", "events_append_only_update",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_table("events")
    op.drop_index("ix_assessments_candidate", "assessments")
    op.drop_index("ix_assessments_status_updated", "assessments")
    op.drop_table("assessments")
    op.drop_table("spec_snapshots")
