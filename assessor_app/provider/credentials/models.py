"""The provider's credential tables: the awarding body, issued credentials, learners' voluntary
participation figures, and the eligibility lists sent to workstations."""

from __future__ import annotations

from sqlalchemy import BigInteger, ForeignKeyConstraint, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assessor_app.provider.models import ProviderBase


class AwardingBodyRow(ProviderBase):
    """The provider as a legal entity, set once (``assessor provider awarding-body set``); one row, id 1."""

    __tablename__ = "awarding_body"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    legal_id: Mapped[str] = mapped_column(String(100))
    legal_id_type: Mapped[str] = mapped_column(String(20))  # business, vat, eidas
    address: Mapped[str] = mapped_column(Text)
    country: Mapped[str] = mapped_column(String(2))
    url: Mapped[str] = mapped_column(String(300))  # the public base URL the issuer profile lives under
    email: Mapped[str] = mapped_column(String(200))
    updated_us: Mapped[int] = mapped_column(BigInteger)
    updated_by: Mapped[str] = mapped_column(String(64))


class CredentialRow(ProviderBase):
    """An issued credential: its two signed/validated documents as issued, and its revocation.

    One per assessment (the bundle): issuing again gives the same credential. ``status_index`` is the
    credential's bit in the revocation status list ``status_list``; it is never reused.
    """

    __tablename__ = "credentials"

    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # a UUID; urn:uuid:<id>
    bundle_id: Mapped[str] = mapped_column(String(64))
    device: Mapped[str] = mapped_column(String(64))
    assessment_id: Mapped[str] = mapped_column(String(64))
    learner_id: Mapped[str] = mapped_column(String(200))  # the pseudonymous candidate id
    checklist_id: Mapped[str] = mapped_column(String(100))
    checklist_version: Mapped[str] = mapped_column(String(50))
    workshop_id: Mapped[str] = mapped_column(String(100))
    assessor_id: Mapped[str] = mapped_column(String(64))
    region: Mapped[str] = mapped_column(String(2))  # the workshop's country
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    completed_us: Mapped[int] = mapped_column(BigInteger)  # when the assessment ended
    issued_us: Mapped[int] = mapped_column(BigInteger)
    issued_by: Mapped[str] = mapped_column(String(64))  # console user, or "cli"
    moderation_basis: Mapped[str] = mapped_column(Text)  # JSON: the moderation state it was issued from
    status_list: Mapped[int] = mapped_column(Integer)
    status_index: Mapped[int] = mapped_column(Integer)
    ob3_jwt: Mapped[str] = mapped_column(Text)
    edc_json: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(10))
    revoked_us: Mapped[int | None] = mapped_column(BigInteger)
    revoked_by: Mapped[str | None] = mapped_column(String(64))
    revoked_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (
        ForeignKeyConstraint(["bundle_id", "device"], ["bundles.bundle_id", "bundles.device"],
                             name="fk_credentials_bundle"),
        Index("ux_credentials_bundle", "bundle_id", "device", unique=True),
        Index("ux_credentials_status", "status_list", "status_index", unique=True),
        Index("ix_credentials_learner", "learner_id", "checklist_id"),
        Index("ix_credentials_issued", "issued_us", "id"),
    )


class LearnerParticipation(ProviderBase):
    """What a learner chose to tell for the participation figures (gender, age band); never required."""

    __tablename__ = "learner_participation"

    learner_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    gender: Mapped[str | None] = mapped_column(String(20))  # woman, man, other; None: not given
    age_band: Mapped[str | None] = mapped_column(String(10))  # under-25, 25-34, 35-44, 45-54, 55+
    updated_us: Mapped[int] = mapped_column(BigInteger)
    updated_by: Mapped[str] = mapped_column(String(64))


class VerificationLog(ProviderBase):
    """One check of a credential on the provider's public page (the verification-success KPI)."""

    __tablename__ = "credential_verifications"

    id: Mapped[int] = mapped_column(BigInteger().with_variant(Integer(), "sqlite"), primary_key=True,
                                    autoincrement=True)
    credential_id: Mapped[str] = mapped_column(String(36))  # as asked; may name no credential
    checked_us: Mapped[int] = mapped_column(BigInteger)
    result: Mapped[str] = mapped_column(String(20))  # valid, revoked, invalid, unknown

    __table_args__ = (Index("ix_credential_verifications_checked", "checked_us"),)
