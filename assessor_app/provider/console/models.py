"""The console's tables: staff accounts, server-side sessions, and the audit log.

They share the provider's metadata (provider/models.py imports this module), so the provider's
Alembic revisions and its schema test cover them. Times are integer microseconds since the epoch.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assessor_app.provider.models import ProviderBase


class ConsoleUser(ProviderBase):
    """A member of the provider's staff who signs in to the console (password as Argon2id only)."""

    __tablename__ = "console_users"

    name: Mapped[str] = mapped_column(String(64), primary_key=True)
    role: Mapped[str] = mapped_column(String(20))  # administrator, coordinator, moderator, auditor
    password_hash: Mapped[str] = mapped_column(Text)
    created_us: Mapped[int] = mapped_column(BigInteger)
    password_changed_us: Mapped[int] = mapped_column(BigInteger)
    disabled_us: Mapped[int | None] = mapped_column(BigInteger)  # None while the account may sign in


class ConsoleSession(ProviderBase):
    """A signed-in browser: the cookie's token is kept only as its SHA-256."""

    __tablename__ = "console_sessions"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_name: Mapped[str] = mapped_column(ForeignKey("console_users.name"))
    created_us: Mapped[int] = mapped_column(BigInteger)
    seen_us: Mapped[int] = mapped_column(BigInteger)
    csrf_secret: Mapped[str] = mapped_column(String(64))  # the token every form of this session carries
    address: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_console_sessions_user", "user_name"),)


class AuditEntry(ProviderBase):
    """Who looked at or changed what, when, from where: rows are only ever added."""

    __tablename__ = "console_audit"

    # SQLite autoincrements only an INTEGER primary key; PostgreSQL gets a BIGINT identity
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True,
                                    autoincrement=True)
    when_us: Mapped[int] = mapped_column(BigInteger)
    user_name: Mapped[str] = mapped_column(String(64))  # "" when nobody is signed in (a failed sign-in)
    role: Mapped[str] = mapped_column(String(20))
    action: Mapped[str] = mapped_column(String(64))
    target: Mapped[str] = mapped_column(String(200))
    detail: Mapped[str] = mapped_column(Text)  # JSON object
    address: Mapped[str] = mapped_column(String(64))

    __table_args__ = (Index("ix_console_audit_when", "when_us"),
                      Index("ix_console_audit_user", "user_name", "when_us"),
                      Index("ix_console_audit_action", "action", "when_us"))
