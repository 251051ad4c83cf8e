"""The provider's own tables (separate from the workstation store), portable SQL only.

Times are integer microseconds since the epoch in BigInteger columns and there are no SQLite
pragmas, triggers or JSON types here, so the same models run on SQLite (the embedded default)
and on PostgreSQL. The schema is changed only by the Alembic revisions in provider/migrations.

Who is who: workshops and assessors are records the provider creates; a device joins one
workshop with a code issued for it, and an assessor binds a personal key to their record with
a code issued to them. A bundle is known by its id together with the workstation that sealed it,
so no workstation can take another's bundle id.
"""

from __future__ import annotations

from sqlalchemy import (
    BigInteger,
    Boolean,
    ForeignKey,
    ForeignKeyConstraint,
    Index,
    Integer,
    String,
    Text,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class ProviderBase(DeclarativeBase):
    pass


#: the schema these models describe (the newest revision in provider/migrations/versions)
SCHEMA_REVISION = "p0012_upload_parts"


class Workshop(ProviderBase):
    """A workshop the provider works with: created by the provider, never by a device."""

    __tablename__ = "workshops"

    id: Mapped[str] = mapped_column(String(100), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    country: Mapped[str] = mapped_column(String(2))  # ISO 3166-1 alpha-2; "" for records from before
    address: Mapped[str] = mapped_column(Text)
    created_us: Mapped[int] = mapped_column(BigInteger)


class EnrollmentCode(ProviderBase):
    """A one-time enrollment code for one workshop, kept only as its SHA-256 (shown once)."""

    __tablename__ = "enrollment_codes"

    code_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    # None only for codes issued before codes named their workshop: those no longer enroll
    workshop_id: Mapped[str | None] = mapped_column(ForeignKey("workshops.id"))
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
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"))
    enrolled_us: Mapped[int] = mapped_column(BigInteger)
    revoked_us: Mapped[int | None] = mapped_column(BigInteger)
    revoked_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_devices_workshop", "workshop_id"),)


class Assessor(ProviderBase):
    """An assessor registered by the provider, with the qualification that lets them assess."""

    __tablename__ = "assessors"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    qualification: Mapped[str] = mapped_column(String(200))  # e.g. "DGUV 209-093 level 3S"
    qualification_ref: Mapped[str] = mapped_column(String(100))  # card or certificate number, or ""
    qualification_expires: Mapped[str] = mapped_column(String(10))  # ISO date, valid through that day
    created_us: Mapped[int] = mapped_column(BigInteger)
    revoked_us: Mapped[int | None] = mapped_column(BigInteger)
    revoked_reason: Mapped[str | None] = mapped_column(Text)


class AssessorWorkshop(ProviderBase):
    """The workshops an assessor assesses for."""

    __tablename__ = "assessor_workshops"

    assessor_id: Mapped[str] = mapped_column(ForeignKey("assessors.id"), primary_key=True)
    workshop_id: Mapped[str] = mapped_column(ForeignKey("workshops.id"), primary_key=True)


class AssessorCode(ProviderBase):
    """A one-time code with which an assessor binds a personal key to their record (hash only)."""

    __tablename__ = "assessor_codes"

    code_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    assessor_id: Mapped[str] = mapped_column(ForeignKey("assessors.id"))
    created_us: Mapped[int] = mapped_column(BigInteger)
    expires_us: Mapped[int] = mapped_column(BigInteger)
    used_us: Mapped[int | None] = mapped_column(BigInteger)
    used_by: Mapped[str | None] = mapped_column(String(64))  # the key id bound with it


class AssessorKey(ProviderBase):
    """An assessor's personal (PIN-protected) key, bound once from a workstation of theirs."""

    __tablename__ = "assessor_keys"

    key_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    assessor_id: Mapped[str] = mapped_column(ForeignKey("assessors.id"))
    public_pem: Mapped[str] = mapped_column(Text)
    bound_us: Mapped[int] = mapped_column(BigInteger)
    bound_by_device: Mapped[str] = mapped_column(ForeignKey("devices.key_id"))
    revoked_us: Mapped[int | None] = mapped_column(BigInteger)
    revoked_reason: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_assessor_keys_assessor", "assessor_id"),)


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
    # a complete upload is an import job (import_jobs.py): the process importing it and until when
    # its lease runs (renewed while it imports; a lapsed lease lets another process take the job)
    claimed_by: Mapped[str | None] = mapped_column(String(100))
    lease_until_us: Mapped[int | None] = mapped_column(BigInteger)
    attempts: Mapped[int] = mapped_column(Integer, server_default="0")
    last_error: Mapped[str | None] = mapped_column(Text)
    # received into an object store's multipart upload (upload_parts.py): its id, once it has a
    # part, and the size of every part but the last, fixed for the upload when it is created
    parts_id: Mapped[str | None] = mapped_column(Text)
    part_bytes: Mapped[int | None] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_uploads_bundle", "bundle_id", "device"),
                      Index("ix_uploads_status", "status", "lease_until_us"))


class ReceivedBundle(ProviderBase):
    """A bundle verified and stored, with the receipt the provider signed for it.

    Its identity is the bundle id together with the workstation that sealed it.
    """

    __tablename__ = "bundles"

    bundle_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    device: Mapped[str] = mapped_column(ForeignKey("devices.key_id"), primary_key=True)
    manifest_sha256: Mapped[str] = mapped_column(String(64))
    workshop_id: Mapped[str] = mapped_column(String(100))
    # None only for bundles imported before assessors were registered at the provider
    assessor_id: Mapped[str | None] = mapped_column(String(64))
    assessor_key: Mapped[str | None] = mapped_column(String(64))
    assessment_id: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str | None] = mapped_column(String(32))
    payload_bytes: Mapped[int] = mapped_column(BigInteger)
    stored_path: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))  # upload, import
    received_us: Mapped[int] = mapped_column(BigInteger)
    receipt: Mapped[str] = mapped_column(Text)  # the DSSE envelope, JSON

    __table_args__ = (Index("ix_bundles_workshop", "workshop_id", "bundle_id"),
                      Index("ix_bundles_device", "device", "bundle_id"))


class Quarantined(ProviderBase):
    """A bundle that failed its checks, kept aside with the reason (never half-imported).

    The reason is kept as its English text and as a message (code and values) the console renders
    in any language. A row is never deleted: a retry that holds the bundle marks it resolved, and a
    retry refused again marks it so and records a new row naming it in ``retry_of``.
    """

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
    manifest_sha256: Mapped[str | None] = mapped_column(String(64))  # when verification established it
    reason_code: Mapped[str | None] = mapped_column(String(64))  # None: recorded before reasons had codes
    reason_args: Mapped[str | None] = mapped_column(Text)  # the message's values, a JSON object
    retry_of: Mapped[int | None] = mapped_column(BigInteger)  # the quarantine this one retried
    resolved_us: Mapped[int | None] = mapped_column(BigInteger)
    resolution: Mapped[str | None] = mapped_column(String(20))  # imported, already, again
    resolved_by: Mapped[str | None] = mapped_column(String(200))  # who asked for the retry, or "delivery"

    __table_args__ = (Index("ix_quarantine_bundle", "bundle_id", "device"),)


class AssessmentIndexRow(ProviderBase):
    """What the console's list needs of one held bundle, read from its sealed record at import.

    Derived data: ``assessor provider reindex`` rebuilds it from the held bundles. The candidate is
    named by their pseudonymous id only (identity is kept apart). Every filter and sort of the list
    has an index ending in (date, bundle id, workstation), the order its keyset pages follow.
    """

    __tablename__ = "assessment_index"

    bundle_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    device: Mapped[str] = mapped_column(String(64), primary_key=True)
    assessment_id: Mapped[str] = mapped_column(String(64))
    workshop_id: Mapped[str] = mapped_column(String(100))
    assessor_id: Mapped[str] = mapped_column(String(64))  # "" for bundles from before assessors
    candidate: Mapped[str] = mapped_column(String(200))  # the pseudonymous id, never a name
    vehicle: Mapped[str] = mapped_column(String(200))  # the vehicle's description (no VIN)
    checklist_id: Mapped[str] = mapped_column(String(100))
    checklist_version: Mapped[str] = mapped_column(String(50))
    parameter_set_id: Mapped[str] = mapped_column(String(100))
    parameter_set_version: Mapped[str] = mapped_column(String(50))
    parameters_generic: Mapped[bool] = mapped_column(Boolean)
    outcome: Mapped[str] = mapped_column(String(32))  # "" when the record has none
    outcome_reasons: Mapped[str] = mapped_column(Text)  # JSON list of stored messages (why)
    abandon_reason: Mapped[str | None] = mapped_column(Text)
    stopped_by: Mapped[str | None] = mapped_column(String(100))  # the step that stopped it
    hazard_stop: Mapped[bool] = mapped_column(Boolean)
    started_us: Mapped[int] = mapped_column(BigInteger)  # first event, wall clock
    ended_us: Mapped[int] = mapped_column(BigInteger)  # last event: the assessment date
    received_us: Mapped[int] = mapped_column(BigInteger)
    steps_total: Mapped[int] = mapped_column(Integer)
    steps_passed: Mapped[int] = mapped_column(Integer)
    steps_failed: Mapped[int] = mapped_column(Integer)
    steps_na: Mapped[int] = mapped_column(Integer)
    steps_pending: Mapped[int] = mapped_column(Integer)
    corrections: Mapped[int] = mapped_column(Integer)
    capture_gaps: Mapped[int] = mapped_column(Integer)
    dropped_frames: Mapped[int] = mapped_column(Integer)
    identity: Mapped[str] = mapped_column(String(10))  # present, withheld, embedded
    language: Mapped[str] = mapped_column(String(10))  # the record's language
    index_format: Mapped[int] = mapped_column(Integer)  # the extraction that made the row
    # what a moderation sample is weighted by (provider/index_signals.py says how each is decided)
    critical_failed: Mapped[bool] = mapped_column(Boolean, server_default=false())
    critical_corrections: Mapped[int] = mapped_column(Integer, server_default="0")
    diagnostics_unavailable: Mapped[bool] = mapped_column(Boolean, server_default=false())
    video_present: Mapped[bool] = mapped_column(Boolean, server_default=false())
    video_consent: Mapped[bool] = mapped_column(Boolean, server_default=false())
    short_duration: Mapped[bool] = mapped_column(Boolean, server_default=false())
    gateway: Mapped[str] = mapped_column(String(40), server_default="")  # the checklist's; "" for none

    __table_args__ = (
        ForeignKeyConstraint(["bundle_id", "device"], ["bundles.bundle_id", "bundles.device"],
                             name="fk_assessment_index_bundle"),
        Index("ix_assessment_index_ended", "ended_us", "bundle_id", "device"),
        Index("ix_assessment_index_workshop", "workshop_id", "ended_us", "bundle_id", "device"),
        Index("ix_assessment_index_assessor", "assessor_id", "ended_us", "bundle_id", "device"),
        Index("ix_assessment_index_checklist", "checklist_id", "checklist_version", "ended_us",
              "bundle_id", "device"),
        Index("ix_assessment_index_outcome", "outcome", "ended_us", "bundle_id", "device"),
        Index("ix_assessment_index_candidate", "candidate", "ended_us"),
        # a search scans this (small) index for a vehicle, not the table
        Index("ix_assessment_index_vehicle", "vehicle", "bundle_id", "device"),
    )



class AssessmentVehicle(ProviderBase):
    """Every vehicle description the index holds, once: a search matches inside these few texts and
    then seeks the index by the ones that match, instead of reading every row's description."""

    __tablename__ = "assessment_vehicles"

    vehicle: Mapped[str] = mapped_column(String(200), primary_key=True)

# the console's tables share this metadata, so the revisions and the schema test cover them
from assessor_app.provider.console import models as _console_models  # noqa: E402,F401
from assessor_app.provider.credentials import models as _credential_models  # noqa: E402,F401
from assessor_app.provider.moderation import models as _moderation_models  # noqa: E402,F401


class Derivative(ProviderBase):
    """A product derived from a sealed file (a web proxy of a video segment), keyed by its hash.

    The sealed file is never changed: the derivative lives in the provider's own folder and
    records what it was made from (the source's SHA-256, as the bundle's manifest names it) and
    how (the settings' fingerprint). ``bundle_id``, ``device`` and ``source_name`` say where the
    source was found, so pending work can be resumed after a restart.
    """

    __tablename__ = "derivatives"

    source_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)  # web-proxy
    settings: Mapped[str] = mapped_column(String(64), primary_key=True)  # the settings' fingerprint
    bundle_id: Mapped[str] = mapped_column(String(64))
    device: Mapped[str] = mapped_column(String(64))
    source_name: Mapped[str] = mapped_column(Text)  # the payload path in the bundle, data/...
    status: Mapped[str] = mapped_column(String(10))  # pending, done, failed
    path: Mapped[str | None] = mapped_column(Text)  # relative to the provider folder
    sha256: Mapped[str | None] = mapped_column(String(64))
    size: Mapped[int | None] = mapped_column(BigInteger)
    error: Mapped[str | None] = mapped_column(Text)
    created_us: Mapped[int] = mapped_column(BigInteger)
    updated_us: Mapped[int] = mapped_column(BigInteger)

    __table_args__ = (Index("ix_derivatives_status", "status"),
                      Index("ix_derivatives_bundle", "bundle_id", "device"))
