"""The pilot's credential figures, from the provider's tables: completion-to-credential lag, verification
success, credentials by checklist, workshop and region, revocations, and the learners' voluntary
participation figures. Plain data; the console's page and the command line render it.

A figure that cannot be computed has no value and says why (``Figure.why``); never NaN. Counts of
credentials include revoked ones (the revoked count is given beside them); the lag is of every
credential issued. Participation counts the learners who hold at least one credential, by what each
chose to give; the share of women is of those who gave a gender.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass, field

from babel.numbers import format_percent
from sqlalchemy import func, select

from assessor_app.i18n import Msg, babel_locale, format_number, render
from assessor_app.provider.credentials import kpi_messages as m_
from assessor_app.provider.credentials.models import CredentialRow, LearnerParticipation, VerificationLog
from assessor_app.provider.store import ProviderStore

DAY_US = 86_400 * 1_000_000
#: the pilot's target: at least this share of women among learners who gave a gender
WOMEN_TARGET = 0.10


@dataclass(frozen=True)
class Figure:
    """A number, or None with the reason it has none."""

    value: float | None
    why: Msg | None = None

    @classmethod
    def undefined(cls, why: Msg) -> Figure:
        return cls(None, why)


@dataclass(frozen=True)
class Lag:
    """Days from the assessment's end to the credential's issue."""

    n: int
    median: Figure
    mean: Figure
    longest: Figure


@dataclass(frozen=True)
class Verification:
    checks: int
    valid: int
    share: Figure  # valid / checks
    results: dict[str, int] = field(default_factory=dict)  # valid, revoked, invalid, unknown


@dataclass(frozen=True)
class ParticipationFigures:
    learners: int  # learners holding at least one credential
    by_gender: dict[str | None, int]  # None: not given
    by_age: dict[str | None, int]
    gave_none: int  # neither gender nor age band
    gave_gender: int
    women_share: Figure
    women_target_met: bool | None  # None when undefined


@dataclass(frozen=True)
class CredentialKpis:
    as_of_us: int
    issued: int
    revoked: int
    lag: Lag
    lag_by_checklist: dict[str, Lag]
    verification: Verification
    by_checklist: dict[str, int]
    by_workshop: dict[str, int]
    by_region: dict[str, int]  # "" when the workshop's country is not known
    participation: ParticipationFigures


def _lag(days: list[float]) -> Lag:
    if not days:
        why = m_.NO_CREDENTIALS()
        return Lag(0, Figure.undefined(why), Figure.undefined(why), Figure.undefined(why))
    return Lag(len(days), Figure(statistics.median(days)), Figure(statistics.fmean(days)), Figure(max(days)))


def _sorted(counter: Counter[str]) -> dict[str, int]:
    return dict(sorted(counter.items(), key=lambda p: (-p[1], p[0])))


def credential_kpis(store: ProviderStore) -> CredentialKpis:
    """Every figure as the provider's tables stand now."""
    with store.engine.connect() as conn:
        rows = conn.execute(select(CredentialRow.checklist_id, CredentialRow.workshop_id,
                                   CredentialRow.region, CredentialRow.learner_id, CredentialRow.completed_us,
                                   CredentialRow.issued_us, CredentialRow.revoked_us)).all()
        results = dict(conn.execute(select(VerificationLog.result, func.count())
                                    .group_by(VerificationLog.result)).all())
        given = {r.learner_id: r for r in conn.execute(select(LearnerParticipation)).all()}
    days = [max(0, r.issued_us - r.completed_us) / DAY_US for r in rows]
    per_checklist: dict[str, list[float]] = {}
    for r, d in zip(rows, days, strict=True):
        per_checklist.setdefault(r.checklist_id, []).append(d)
    checks = sum(results.values())
    valid = int(results.get("valid", 0))
    share = Figure(valid / checks) if checks else Figure.undefined(m_.NO_CHECKS())
    return CredentialKpis(
        as_of_us=store.clock(), issued=len(rows), revoked=sum(1 for r in rows if r.revoked_us is not None),
        lag=_lag(days), lag_by_checklist={c: _lag(d) for c, d in sorted(per_checklist.items())},
        verification=Verification(checks, valid, share, {k: int(v) for k, v in sorted(results.items())}),
        by_checklist=_sorted(Counter(r.checklist_id for r in rows)),
        by_workshop=_sorted(Counter(r.workshop_id for r in rows)),
        by_region=_sorted(Counter(r.region or "" for r in rows)),
        participation=_participation(sorted({r.learner_id for r in rows}), given),
    )


def _participation(learners: list[str], given: dict[str, object]) -> ParticipationFigures:
    genders: Counter[str | None] = Counter()
    ages: Counter[str | None] = Counter()
    none = 0
    for learner in learners:
        row = given.get(learner)
        gender = getattr(row, "gender", None)
        age = getattr(row, "age_band", None)
        genders[gender] += 1
        ages[age] += 1
        none += gender is None and age is None
    gave_gender = sum(n for g, n in genders.items() if g is not None)
    if gave_gender:
        women = Figure(genders["woman"] / gave_gender)
        met: bool | None = women.value is not None and women.value >= WOMEN_TARGET
    else:
        women, met = Figure.undefined(m_.NO_GENDER()), None
    from assessor_app.provider.credentials.participation import AGE_BANDS, GENDERS

    return ParticipationFigures(
        learners=len(learners),
        by_gender={g: genders.get(g, 0) for g in (*GENDERS, None)},
        by_age={a: ages.get(a, 0) for a in (*AGE_BANDS, None)},
        gave_none=none, gave_gender=gave_gender, women_share=women, women_target_met=met)


# ---------------------------------------------------------------- in words (the command line)
def figure_text(figure: Figure, language: str, *, percent: bool = False, decimals: int = 1) -> str:
    """The value in ``language`` (a share as a percentage), or the reason it has none."""
    if figure.value is None:
        return render(figure.why, language) if figure.why is not None else "–"
    if percent:
        return format_percent(figure.value, "#,##0.0 %", locale=babel_locale(language))
    return format_number(round(figure.value, decimals), language, decimals)


def _lag_values(lag: Lag, language: str) -> dict[str, str]:
    return {"median": figure_text(lag.median, language), "mean": figure_text(lag.mean, language),
            "longest": figure_text(lag.longest, language), "n": str(lag.n)}


def kpi_lines(k: CredentialKpis, language: str, when: str) -> list[str]:
    """The figures as lines of text in ``language`` (``assessor provider credentials kpis``)."""
    def say(msg: Msg) -> str:
        return render(msg, language)

    lines = [say(m_.TITLE(when=when)), say(m_.ISSUED(n=k.issued, revoked=k.revoked))]
    if k.lag.n:
        lines.append(say(m_.LAG(**_lag_values(k.lag, language))))
        lines += [say(m_.LAG_OF(checklist=c, **_lag_values(lag, language)))
                  for c, lag in k.lag_by_checklist.items()]
    else:
        lines.append(say(m_.LABELLED(label=m_.LAG_LABEL(), value=figure_text(k.lag.median, language))))
    if k.verification.checks:
        lines.append(say(m_.VERIFIED(share=figure_text(k.verification.share, language, percent=True),
                                     n=k.verification.checks)))
    else:
        lines.append(say(m_.LABELLED(label=m_.VERIFIED_LABEL(),
                                     value=figure_text(k.verification.share, language))))
    for title, counts in ((m_.BY_CHECKLIST, k.by_checklist), (m_.BY_WORKSHOP, k.by_workshop),
                          (m_.BY_REGION, k.by_region)):
        if counts:
            lines.append(say(title()))
            lines += [say(m_.COUNT_LINE(name=name or say(m_.UNKNOWN_REGION()), n=n))
                      for name, n in counts.items()]
    p = k.participation
    lines.append(say(m_.PARTICIPATION(n=p.learners)))
    lines += [say(m_.COUNT_LINE(name=say(m_.GENDER_NAMES[g]()), n=n)) for g, n in p.by_gender.items()]
    lines += [say(m_.COUNT_LINE(name=say(m_.AGE_NAMES[a]()), n=n)) for a, n in p.by_age.items()]
    lines.append(say(m_.GAVE_NONE(n=p.gave_none)))
    if p.gave_gender:
        lines.append(say(m_.WOMEN(share=figure_text(p.women_share, language, percent=True), n=p.gave_gender)))
    else:
        women = m_.LABELLED(label=m_.WOMEN_LABEL(), value=figure_text(p.women_share, language))
        lines.append("  " + say(women))
    return lines
