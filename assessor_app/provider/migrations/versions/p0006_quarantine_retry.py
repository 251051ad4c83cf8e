"""Quarantine: each reason kept as a message (code and values), the manifest when it was established,
and the retry history (resolved when, how and by whom; a retry refused again names its predecessor).

Rows from before keep their English reason; those whose reason the provider can cure (a key not
yet bound, a workshop missing from the assessor's record, an expiry since renewed, a workstation not
yet enrolled) get its code and values from the text, so they can be retried; the others keep no code.
Nothing is deleted.

Revision ID: p0006_quarantine_retry
Revises: p0005_assessment_index
Create Date: 2026-12-06
"""

import json
import re

import sqlalchemy as sa
from alembic import op

revision = "p0006_quarantine_retry"
down_revision = "p0005_assessment_index"
branch_labels = None
depends_on = None

# the texts earlier versions wrote for the reasons a retry can cure, and the values in them
_LEGACY = (
    ("quarantine.assessor_key_unknown", ("key",), re.compile(
        r"the assessor key (\S+) is not registered with this provider: an assessor binds their key to "
        r"their record once, with an assessor code")),
    ("quarantine.assessor_not_in_workshop", ("assessor", "workshop"), re.compile(
        r"assessor (\S+) does not assess for workshop (\S+)")),
    ("quarantine.qualification_expired", ("assessor", "qualification", "expired", "assessed"), re.compile(
        r"assessor (\S+)'s qualification \((.*)\) expired on (\S+), before the assessment on (\S+)")),
    ("quarantine.workstation_unknown", ("key",), re.compile(
        r"sealed by workstation key (\S+): device \S+ is not enrolled with this provider")),
)


def upgrade() -> None:
    with op.batch_alter_table("quarantine") as batch:
        batch.add_column(sa.Column("manifest_sha256", sa.String(64), nullable=True))
        batch.add_column(sa.Column("reason_code", sa.String(64), nullable=True))
        batch.add_column(sa.Column("reason_args", sa.Text(), nullable=True))
        batch.add_column(sa.Column("retry_of", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("resolved_us", sa.BigInteger(), nullable=True))
        batch.add_column(sa.Column("resolution", sa.String(20), nullable=True))
        batch.add_column(sa.Column("resolved_by", sa.String(200), nullable=True))
    op.create_index("ix_quarantine_bundle", "quarantine", ["bundle_id", "device"])
    quarantine = sa.table("quarantine", sa.column("id", sa.BigInteger()), sa.column("reason", sa.Text()),
                          sa.column("reason_code", sa.String()), sa.column("reason_args", sa.Text()))
    conn = op.get_bind()
    for row in conn.execute(sa.select(quarantine.c.id, quarantine.c.reason)).all():
        for code, names, pattern in _LEGACY:
            found = pattern.fullmatch(row.reason or "")
            if found:
                conn.execute(sa.update(quarantine).where(quarantine.c.id == row.id).values(
                    reason_code=code, reason_args=json.dumps(dict(zip(names, found.groups(), strict=True)))))
                break


def downgrade() -> None:
    op.drop_index("ix_quarantine_bundle", table_name="quarantine")
    with op.batch_alter_table("quarantine") as batch:
        for column in ("resolved_by", "resolution", "resolved_us", "retry_of", "reason_args", "reason_code",
                       "manifest_sha256"):
            batch.drop_column(column)
