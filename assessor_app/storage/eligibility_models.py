"""Workstation tables for the provider's eligibility list: who holds which checklist's credential.

One list is held at a time (``eligibility_list``, row id 1) with its signed envelope, so it can be
verified again; its entries (``eligibility_entries``) are what a start looks up. A new list replaces
both in one transaction.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from assessor_app.storage.models import Base


class EligibilityListRow(Base):
    """The eligibility list last received from the provider, as it was signed."""

    __tablename__ = "eligibility_list"

    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    provider_key_id: Mapped[str] = mapped_column(String(64))  # the key that signed it
    issued_us: Mapped[int]  # when the provider made this copy (the provider's clock)
    as_of_us: Mapped[int]  # the newest issue or revocation it reflects (the provider's clock)
    received_us: Mapped[int]  # when this workstation stored it (its own clock)
    learners: Mapped[int]
    envelope: Mapped[str] = mapped_column(Text)  # the DSSE envelope, JSON, as received

    __table_args__ = (CheckConstraint("id = 1", name="ck_eligibility_list_one"),)


class EligibilityEntryRow(Base):
    """A learner holds a checklist's credential (not revoked when the list was made)."""

    __tablename__ = "eligibility_entries"

    learner_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    checklist_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    credential: Mapped[str] = mapped_column(String(45))  # urn:uuid:<uuid>
    issued: Mapped[str] = mapped_column(String(10))  # YYYY-MM-DD
