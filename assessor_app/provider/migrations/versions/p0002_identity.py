"""Identity: workshops and assessors as provider records; codes per workshop; assessor keys;
a bundle known by its id and the workstation that sealed it.

Existing devices keep their workshop: a workshop record is made from the id and name each
device declared (country and address left blank for the provider to fill in). Codes issued
before this revision name no workshop and no longer enroll.

Revision ID: p0002
Revises: p0001
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "p0002"
down_revision = "p0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "workshops",
        sa.Column("id", sa.String(100), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("country", sa.String(2), nullable=False),
        sa.Column("address", sa.Text(), nullable=False),
        sa.Column("created_us", sa.BigInteger(), nullable=False),
    )
    op.execute(
        "INSERT INTO workshops (id, name, country, address, created_us) "
        "SELECT workshop_id, MIN(workshop_name), '', '', MIN(enrolled_us) FROM devices GROUP BY workshop_id")
    with op.batch_alter_table("enrollment_codes") as batch:
        batch.add_column(sa.Column("workshop_id", sa.String(100), nullable=True))
        batch.create_foreign_key("fk_enrollment_codes_workshop", "workshops", ["workshop_id"], ["id"])
    with op.batch_alter_table("devices") as batch:
        batch.drop_column("workshop_name")
        batch.create_foreign_key("fk_devices_workshop", "workshops", ["workshop_id"], ["id"])

    op.create_table(
        "assessors",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("qualification", sa.String(200), nullable=False),
        sa.Column("qualification_ref", sa.String(100), nullable=False),
        sa.Column("qualification_expires", sa.String(10), nullable=False),
        sa.Column("created_us", sa.BigInteger(), nullable=False),
        sa.Column("revoked_us", sa.BigInteger(), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=True),
    )
    op.create_table(
        "assessor_workshops",
        sa.Column("assessor_id", sa.String(64), sa.ForeignKey("assessors.id"), primary_key=True),
        sa.Column("workshop_id", sa.String(100), sa.ForeignKey("workshops.id"), primary_key=True),
    )
    op.create_table(
        "assessor_codes",
        sa.Column("code_sha256", sa.String(64), primary_key=True),
        sa.Column("assessor_id", sa.String(64), sa.ForeignKey("assessors.id"), nullable=False),
        sa.Column("created_us", sa.BigInteger(), nullable=False),
        sa.Column("expires_us", sa.BigInteger(), nullable=False),
        sa.Column("used_us", sa.BigInteger(), nullable=True),
        sa.Column("used_by", sa.String(64), nullable=True),
    )
    op.create_table(
        "assessor_keys",
        sa.Column("key_id", sa.String(64), primary_key=True),
        sa.Column("assessor_id", sa.String(64), sa.ForeignKey("assessors.id"), nullable=False),
        sa.Column("public_pem", sa.Text(), nullable=False),
        sa.Column("bound_us", sa.BigInteger(), nullable=False),
        sa.Column("bound_by_device", sa.String(64), sa.ForeignKey("devices.key_id"), nullable=False),
        sa.Column("revoked_us", sa.BigInteger(), nullable=True),
        sa.Column("revoked_reason", sa.Text(), nullable=True),
    )
    op.create_index("ix_assessor_keys_assessor", "assessor_keys", ["assessor_id"])

    # a bundle's identity becomes (bundle id, sealing workstation): a new table, rows copied over
    op.create_table(
        "bundles_p0002",
        sa.Column("bundle_id", sa.String(64), primary_key=True),
        sa.Column("device", sa.String(64), sa.ForeignKey("devices.key_id"), primary_key=True),
        sa.Column("manifest_sha256", sa.String(64), nullable=False),
        sa.Column("workshop_id", sa.String(100), nullable=False),
        sa.Column("assessor_id", sa.String(64), nullable=True),
        sa.Column("assessor_key", sa.String(64), nullable=True),
        sa.Column("assessment_id", sa.String(64), nullable=False),
        sa.Column("outcome", sa.String(32), nullable=True),
        sa.Column("payload_bytes", sa.BigInteger(), nullable=False),
        sa.Column("stored_path", sa.Text(), nullable=False),
        sa.Column("source", sa.String(20), nullable=False),
        sa.Column("received_us", sa.BigInteger(), nullable=False),
        sa.Column("receipt", sa.Text(), nullable=False),
    )
    columns = ("bundle_id, device, manifest_sha256, workshop_id, assessment_id, outcome, payload_bytes, "
               "stored_path, source, received_us, receipt")
    op.execute(f"INSERT INTO bundles_p0002 ({columns}) SELECT {columns} FROM bundles")
    op.drop_index("ix_bundles_workshop", table_name="bundles")
    op.drop_table("bundles")
    op.rename_table("bundles_p0002", "bundles")
    op.create_index("ix_bundles_workshop", "bundles", ["workshop_id", "bundle_id"])
    op.create_index("ix_bundles_device", "bundles", ["device", "bundle_id"])


def downgrade() -> None:
    raise NotImplementedError("the provider's identity records cannot be undone: restore the backup "
                              "taken before the upgrade")
