"""What one issued micro-credential says, as plain data: the single source both of its formats
(Open Badges 3.0 and the European Digital Credential) and its PDF certificate are written from.

Every element of Annex I of the EU Council Recommendation on micro-credentials (2022) has a field
here; ``annex_i_elements`` names them, so a test can check each one reaches every format.
Texts a person reads are given per language (``Texts``: language code -> text, English always
present); codes and identifiers are plain strings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

#: a text in several languages: language code ("en", "fi", "sv", "es", "pt") -> text; "en" always there
Texts = Mapping[str, str]

#: how each result of a step or the outcome is named in the credential's results
OUTCOME_COMPETENT = "competent"


def text_in(texts: Texts, language: str) -> str:
    """The text in ``language``, else English, else any."""
    return texts.get(language) or texts.get("en") or next(iter(texts.values()), "")


@dataclass(frozen=True)
class AwardingBody:
    """The provider as a legal entity: who awards the credential (Annex I: awarding body, country)."""

    name: str
    legal_id: str  # business registration number, VAT number or eIDAS identifier
    legal_id_type: str  # "business", "vat" or "eidas"
    address: str  # postal address, one line or several joined by ", "
    country: str  # ISO 3166-1 alpha-2 (FI, SE, ES, PT...)
    url: str  # the provider's public base URL, no trailing slash: the issuer profile lives under it
    email: str = ""

    @property
    def issuer_id(self) -> str:
        """The issuer's id: the URL where its Open Badges Profile is published."""
        return f"{self.url}/credentials/issuer"

    @property
    def jwks_url(self) -> str:
        return f"{self.url}/credentials/issuer/jwks.json"


@dataclass(frozen=True)
class LearningOutcome:
    text: Texts
    esco_skills: tuple[str, ...] = ()  # ESCO skill URIs (http://data.europa.eu/esco/skill/<uuid>)


@dataclass(frozen=True)
class RubricResult:
    """One behavioural criterion as the assessor scored it."""

    criterion: str  # the criterion's id in the checklist
    title: Texts
    score: int
    scale_min: int
    scale_max: int
    label: Texts = field(default_factory=lambda: MappingProxyType({}))  # the score's meaning, if given


@dataclass(frozen=True)
class Evidence:
    """The sealed evidence bundle the credential rests on, pinned by its manifest's hash."""

    bundle_id: str
    workstation: str  # the workstation's key id that sealed it
    assessment_id: str
    manifest_sha256: str  # SHA-256 hex of the bundle's manifest (which hashes every file in it)
    url: str = ""  # where an authorised reviewer finds it at the provider (never public)


@dataclass(frozen=True)
class StatusEntry:
    """Where the credential's revocation bit lives: a Bitstring Status List and an index in it."""

    list_url: str  # the URL of the status list credential
    index: int

    @property
    def id(self) -> str:
        return f"{self.list_url}#{self.index}"


@dataclass(frozen=True)
class NqfLevel:
    """A national qualifications framework's level, for one country."""

    country: str  # ISO 3166-1 alpha-2
    level: str  # as the country writes it ("4", "2", "QNQ 4")
    framework: str = ""  # the framework's name (e.g. "Suomen tutkintojen ja muun osaamisen viitekehys")


@dataclass(frozen=True)
class CredentialData:
    """Everything an issued credential states (Annex I elements marked)."""

    id: str  # a UUID; the credential's id is urn:uuid:<id>
    issued: dt.datetime  # UTC, whole seconds (Annex I: date of issue)
    awarding_body: AwardingBody  # Annex I: awarding body; its country is the country of the issuer
    # Annex I: identification of the learner. The pseudonymous id the record keeps, the name from the
    # bundle's identity file (written in the EDC and the PDF the learner downloads, never in the
    # Open Badge, which names the learner only by a salted hash of their id)
    learner_id: str
    learner_name: str
    subject_salt: str  # hex; the Open Badge's identityHash is sha256(learner_id + salt)
    title: Texts  # Annex I: title of the micro-credential
    description: Texts
    criteria: Texts  # what a learner must do to earn it, in words
    checklist_id: str
    checklist_version: str
    checklist_sha256: str
    outcomes: tuple[LearningOutcome, ...]  # Annex I: learning outcomes
    eqf_level: int  # Annex I: level (EQF)
    nqf_levels: tuple[NqfLevel, ...]  # Annex I: level (NQF), per country where the provider set one
    workload_hours: float  # Annex I: notional workload
    ects: float | None  # Annex I: ECTS credits, where the awarding body gives them
    assessment_type: Texts  # Annex I: type of assessment
    participation: Texts  # Annex I: form of participation
    quality_assurance: Texts  # Annex I: type of quality assurance
    # optional elements of Annex I
    prerequisites: tuple[Texts, ...] = ()
    prerequisite_credentials: tuple[str, ...] = ()  # urn:uuid ids of the credentials that met them
    # supervision and identity verification
    supervision: Texts = field(default_factory=lambda: MappingProxyType({}))
    # how the identity was checked: photo_id, known_to_assessor, provider_record, not_checked
    id_verification: str = ""
    grade: str = OUTCOME_COMPETENT  # the outcome
    rubric: tuple[RubricResult, ...] = ()
    stackability: Texts = field(default_factory=lambda: MappingProxyType({}))  # integration / stackability
    further_information: Texts = field(default_factory=lambda: MappingProxyType({}))
    gateway: str | None = None  # the progression gateway (foundational, hv-maintenance, ev-hybrid, live-work)
    standards: tuple[str, ...] = ()  # e.g. "SFS 6002", "DGUV 209-093"
    unit_codes: tuple[str, ...] = ()  # national unit codes (qualification units, Grade A/B, UFCD)
    assessed: dt.datetime | None = None  # when the assessment ended (UTC)
    assessor_id: str = ""  # the assessor's id in the provider's directory (no name)
    workshop_id: str = ""
    workshop_country: str = ""
    # the moderation state it was issued from, e.g. "sampled in cycle 2026-H2 and confirmed"
    moderation: Texts = field(default_factory=lambda: MappingProxyType({}))
    evidence: Evidence | None = None
    status: StatusEntry | None = None
    language: str = "en"  # the learner's language: the PDF's, and the first of the texts

    @property
    def urn(self) -> str:
        return f"urn:uuid:{self.id}"

    @property
    def public_url(self) -> str:
        """The public page where anyone holding the id can check the credential (the PDF's QR code)."""
        return f"{self.awarding_body.url}/credentials/{self.id}"


def annex_i_elements(data: CredentialData) -> dict[str, object]:
    """Annex I's mandatory elements (and the optional ones the credential carries) by name, with the
    value each one has here; a format is complete when each has a place in it."""
    return {
        "learner": data.learner_name or data.learner_id,
        "title": data.title.get("en"),
        "country": data.awarding_body.country,
        "awarding_body": data.awarding_body.name,
        "date_of_issue": data.issued,
        "learning_outcomes": data.outcomes,
        "workload": data.workload_hours,
        "level": data.eqf_level,
        "assessment_type": data.assessment_type.get("en"),
        "participation": data.participation.get("en"),
        "quality_assurance": data.quality_assurance.get("en"),
    }
