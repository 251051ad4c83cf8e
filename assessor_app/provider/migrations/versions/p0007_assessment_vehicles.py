"""The vehicle descriptions of the assessment index, each once: the list's search matches inside these
and then seeks the index by the ones that match (instead of reading every row's description).

Filled from the index rows a database already holds. A database made while this table was still
part of p0005 (briefly, during development) has it already: it is kept, and completed.

Revision ID: p0007_assessment_vehicles
Revises: p0006_quarantine_retry
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "p0007_assessment_vehicles"
down_revision = "p0006_quarantine_retry"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if not sa.inspect(op.get_bind()).has_table("assessment_vehicles"):
        op.create_table("assessment_vehicles", sa.Column("vehicle", sa.String(200), primary_key=True))
    op.execute("INSERT INTO assessment_vehicles (vehicle) SELECT DISTINCT i.vehicle FROM assessment_index i "
               "WHERE NOT EXISTS (SELECT 1 FROM assessment_vehicles v WHERE v.vehicle = i.vehicle)")


def downgrade() -> None:
    op.drop_table("assessment_vehicles")
