"""The web console: staff accounts, server-side sessions, the audit log.

Revision ID: p0003_console
Revises: p0002
Create Date: 2026-12-06
"""

import sqlalchemy as sa
from alembic import op

revision = "p0003_console"
down_revision = "p0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "console_users",
        sa.Column("name", sa.String(64), primary_key=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("password_hash", sa.Text(), nullable=False),
        sa.Column("created_us", sa.BigInteger(), nullable=False),
        sa.Column("password_changed_us", sa.BigInteger(), nullable=False),
        sa.Column("disabled_us", sa.BigInteger(), nullable=True),
    )
    op.create_table(
        "console_sessions",
        sa.Column("token_sha256", sa.String(64), primary_key=True),
        sa.Column("user_name", sa.String(64), sa.ForeignKey("console_users.name"), nullable=False),
        sa.Column("created_us", sa.BigInteger(), nullable=False),
        sa.Column("seen_us", sa.BigInteger(), nullable=False),
        sa.Column("csrf_secret", sa.String(64), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
    )
    op.create_index("ix_console_sessions_user", "console_sessions", ["user_name"])
    op.create_table(
        "console_audit",
        sa.Column("id", sa.BigInteger().with_variant(sa.Integer(), "sqlite"), primary_key=True,
                  autoincrement=True),
        sa.Column("when_us", sa.BigInteger(), nullable=False),
        sa.Column("user_name", sa.String(64), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("target", sa.String(200), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
    )
    op.create_index("ix_console_audit_when", "console_audit", ["when_us"])
    op.create_index("ix_console_audit_user", "console_audit", ["user_name", "when_us"])
    op.create_index("ix_console_audit_action", "console_audit", ["action", "when_us"])


def downgrade() -> None:
    op.drop_table("console_audit")
    op.drop_table("console_sessions")
    op.drop_table("console_users")
