"""Capture evidence: closed capture files (video, CAN, snapshots) and capture gaps.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "capture_files",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("assessment_id", sa.String(36), sa.ForeignKey("assessments.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("name", sa.String(300), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("size", sa.Integer(), nullable=False),
        sa.Column("device", sa.String(200), nullable=False),
        sa.Column("step_id", sa.String(64), nullable=True),
        sa.Column("t_start_us", sa.Integer(), nullable=False),
        sa.Column("t_end_us", sa.Integer(), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("dropped", sa.Integer(), nullable=False),
        sa.Column("meta", sa.Text(), nullable=False),
        sa.Column("closed_wall_us", sa.Integer(), nullable=False),
    )
    op.create_index("ux_capture_files_name", "capture_files", ["assessment_id", "name"], unique=True)
    op.create_table(
        "capture_gaps",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("assessment_id", sa.String(36), sa.ForeignKey("assessments.id"), nullable=False),
        sa.Column("device", sa.String(200), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("t_start_us", sa.Integer(), nullable=False),
        sa.Column("t_end_us", sa.Integer(), nullable=True),
        sa.Column("reason", sa.Text(), nullable=False),
    )
    op.create_index("ix_capture_gaps_assessment", "capture_gaps", ["assessment_id"])
    # A closed capture file is evidence: never changed or removed, and none is added once sealed.
    op.execute(
        "CREATE TRIGGER capture_files_append_only_update BEFORE UPDATE ON capture_files "
        "BEGIN SELECT RAISE(ABORT, 'capture files are append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER capture_files_append_only_delete BEFORE DELETE ON capture_files "
        "BEGIN SELECT RAISE(ABORT, 'capture files are append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER capture_files_sealed BEFORE INSERT ON capture_files "
        "WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) IN ('sealed', 'synced') "
        "BEGIN SELECT RAISE(ABORT, 'the assessment is sealed'); END"
    )
    # A gap is recorded when it opens; only its end may be filled in later, once.
    op.execute(
        "CREATE TRIGGER capture_gaps_end_once BEFORE UPDATE ON capture_gaps "
        "WHEN OLD.t_end_us IS NOT NULL OR NEW.t_start_us <> OLD.t_start_us OR NEW.device <> OLD.device"
        " OR NEW.reason <> OLD.reason OR NEW.assessment_id <> OLD.assessment_id "
        "BEGIN SELECT RAISE(ABORT, 'a closed capture gap cannot change'); END"
    )
    op.execute(
        "CREATE TRIGGER capture_gaps_no_delete BEFORE DELETE ON capture_gaps "
        "BEGIN SELECT RAISE(ABORT, 'capture gaps are append-only'); END"
    )
    op.execute(
        "CREATE TRIGGER capture_gaps_sealed BEFORE INSERT ON capture_gaps "
        "WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) IN ('sealed', 'synced') "
        "BEGIN SELECT RAISE(ABORT, 'the assessment is sealed'); END"
    )


def downgrade() -> None:
    for trigger in (
        "capture_gaps_sealed", "capture_gaps_no_delete", "capture_gaps_end_once",
        "capture_files_sealed", "capture_files_append_only_delete", "capture_files_append_only_update",
    ):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.drop_index("ix_capture_gaps_assessment", "capture_gaps")
    op.drop_table("capture_gaps")
    op.drop_index("ux_capture_files_name", "capture_files")
    op.drop_table("capture_files")
