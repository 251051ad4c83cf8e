"""The provider's own tables (separate from the workstation store), portable SQL only.

Times are integer microseconds since the epoch in BigInteger columns and there are no SQLite
pragmas, triggers or JSON types here, so the same models run on SQLite (the embedded default)
and on PostgreSQL.
"""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class ProviderBase(DeclarativeBase):
    pass


class EnrollmentCode(ProviderBase):
    """A one-time enrollment code, kept only as its SHA-256 (the code itself is shown once)."""

    __tablename__ = "enrollment_codes"

    code_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    label: Mapped[str] = mapped_column(String(200))
    created_us: Mapped[int] = mapped_column(BigInteger)
    expires_us: Mapped[int] = mapped_column(BigInteger)
    used_us: Mapped[int | None] = mapped_column(BigInteger)
    used_by: Mapped[str | None] = mapped_column(String(64))


class Device(ProviderBase):
    """An enrolled workstation: its public key (the key id is the device id) and its workshop."""

    __tablename__ = "devices"

    key_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    public_pem: Mapped[str] = mapped_column(Text)
    workshop_id: Mapped[str] = mapped_column(String(100))
    workshop_name: Mapped[str] = mapped_column(String(200))
    enrolled_us: Mapped[int] = mapped_column(BigInteger)
    revoked_us: Mapped[int | None] = mapped_column(BigInteger)
    revoked_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_devices_workshop", "workshop_id"),)


class AccessToken(ProviderBase):
    """A short-lived bearer token issued to a device that proved it holds its key (hash only)."""

    __tablename__ = "access_tokens"

    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    device: Mapped[str] = mapped_column(ForeignKey("devices.key_id"))
    expires_us: Mapped[int] = mapped_column(BigInteger)


class SeenNonce(ProviderBase):
    """Nonces of signed token requests inside the clock window: a second use is a replay."""

    __tablename__ = "seen_nonces"

    device: Mapped[str] = mapped_column(String(64), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), primary_key=True)
    seen_us: Mapped[int] = mapped_column(BigInteger)


class Upload(ProviderBase):
    """One tus upload: where its bytes are and how many the provider has confirmed."""

    __tablename__ = "uploads"

    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    device: Mapped[str] = mapped_column(ForeignKey("devices.key_id"))
    bundle_id: Mapped[str] = mapped_column(String(64))
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    archive_sha256: Mapped[str | None] = mapped_column(String(64))
    length: Mapped[int] = mapped_column(BigInteger)
    offset: Mapped[int] = mapped_column(BigInteger)
    status: Mapped[str] = mapped_column(String(20))  # receiving, importing, imported, quarantined
    reason: Mapped[str | None] = mapped_column(Text)
    created_us: Mapped[int] = mapped_column(BigInteger)
    updated_us: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_uploads_bundle", "bundle_id", "device"),)


class ReceivedBundle(ProviderBase):
    """A bundle verified and stored, with the receipt the provider signed for it."""

    __tablename__ = "bundles"

    bundle_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    device: Mapped[str] = mapped_column(ForeignKey("devices.key_id"))
    workshop_id: Mapped[str] = mapped_column(String(100))
    assessment_id: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str | None] = mapped_column(String(32))
    payload_bytes: Mapped[int] = mapped_column(BigInteger)
    stored_path: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))  # upload, import
    received_us: Mapped[int] = mapped_column(BigInteger)
    receipt: Mapped[str] = mapped_column(Text)  # the DSSE envelope, JSON

    __table_args__ = (Index("ix_bundles_workshop", "workshop_id", "bundle_id"),)


class Quarantined(ProviderBase):
    """A bundle that failed its checks, kept aside with the reason (never half-imported)."""

    __tablename__ = "quarantine"

    # SQLite autoincrements only an INTEGER primary key; PostgreSQL gets a BIGINT identity
    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True,
                                    autoincrement=True)
    bundle_id: Mapped[str | None] = mapped_column(String(64))
    device: Mapped[str | None] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(String(300))
    kept_at: Mapped[str | None] = mapped_column(Text)
    reason: Mapped[str] = mapped_column(Text)
    received_us: Mapped[int] = mapped_column(BigInteger)
