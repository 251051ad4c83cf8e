"""What a learner chose to tell for the participation figures: gender and age band, each never required.

A learner is known by the pseudonymous id the records use. Not giving a figure is an answer of its
own (None); saving both as not given keeps the row, so the learner counts as having given none.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from assessor_app.provider.credentials import kpi_messages as m_
from assessor_app.provider.credentials.models import LearnerParticipation
from assessor_app.provider.database import upsert
from assessor_app.provider.store import ProviderStore, Refused

GENDERS = ("woman", "man", "other")
AGE_BANDS = ("under-25", "25-34", "35-44", "45-54", "55+")


@dataclass(frozen=True)
class Participation:
    learner_id: str
    gender: str | None  # one of GENDERS, None: not given
    age_band: str | None  # one of AGE_BANDS, None: not given
    updated_us: int | None = None


def participation_of(store: ProviderStore, learner_id: str) -> Participation:
    """What the learner gave (both None when nothing was recorded)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(LearnerParticipation).where(
            LearnerParticipation.learner_id == learner_id)).first()
    if row is None:
        return Participation(learner_id, None, None)
    return Participation(learner_id, row.gender, row.age_band, row.updated_us)


def set_participation(store: ProviderStore, learner_id: str, *, gender: str | None, age_band: str | None,
                      by: str) -> Participation:
    """Record what the learner chose to give ("" or None: not given); Refused (400) for anything else."""
    gender = gender or None
    age_band = age_band or None
    if gender is not None and gender not in GENDERS:
        raise Refused(400, m_.PARTICIPATION_GENDER(value=str(gender)[:20], choices=", ".join(GENDERS)))
    if age_band is not None and age_band not in AGE_BANDS:
        raise Refused(400, m_.PARTICIPATION_AGE(value=str(age_band)[:20], choices=", ".join(AGE_BANDS)))
    now = store.clock()
    with store.writer.begin() as conn:  # an upsert: two staff saving at once both succeed, the later stands
        upsert(conn, LearnerParticipation, dict(learner_id=learner_id, gender=gender, age_band=age_band,
                                                updated_us=now, updated_by=by[:64]), ("learner_id",))
    return Participation(learner_id, gender, age_band, now)
