"""Moderators' verdicts: who is on which cycle, what is in its sample, and adding a signed verdict.

A verdict is accepted only for an assessment in the cycle's sample, from a moderator on the
cycle's panel, while the cycle is open. It is signed with the moderator's key and stored with
the hash of the moderator's previous verdict on the same assessment in the cycle (a chain per
moderator and assessment), together with what the sealing workstation is told at its next
sync. Nothing here updates or deletes a verdict: a newer one supersedes.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from assessor_app.evidence.keys import SigningKeyError
from assessor_app.i18n import Msg
from assessor_app.provider.database import for_update
from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.moderation import verdict_messages as V
from assessor_app.provider.moderation.models import (
    ModerationCycle,
    ModerationCycleModerator,
    ModerationFeedback,
    ModerationVerdictRow,
    SampledAssessmentRow,
)
from assessor_app.provider.moderation.signing import moderator_signer
from assessor_app.provider.moderation.verdict_document import (
    RubricVerdict,
    StepVerdict,
    VerdictDocument,
    VerdictError,
    feedback_document,
)
from assessor_app.provider.store import ProviderStore


class VerdictRefused(Exception):
    """A verdict that is not taken; ``message`` says why, for a person."""

    def __init__(self, message: Msg):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class CycleSummary:
    name: str
    period_from_us: int
    period_to_us: int
    closed_us: int | None
    sampled: int
    verdicts: int
    assessed: int  # sampled assessments with at least one verdict
    moderators: tuple[str, ...]


@dataclass(frozen=True)
class SampledAssessment:
    """One assessment of a cycle's sample, as its page lists it (never a name or a VIN)."""

    device: str
    bundle_id: str
    assessment_id: str
    checklist: str  # id and version
    ended_us: int | None
    workshop_id: str
    candidate: str  # the pseudonymous id
    reasons: tuple[dict[str, Any], ...]  # why it was drawn: {"code", "value", "weight"}
    verdicts: int  # all moderators'
    latest_decision: str | None  # the newest verdict's (of the asker, for a moderator)


@dataclass(frozen=True)
class VerdictDraft:
    """What a moderator gives: the rest of the verdict is taken from the provider's index."""

    cycle: str
    device: str
    bundle_id: str
    moderator: str
    steps: tuple[StepVerdict, ...]
    rubric: tuple[RubricVerdict, ...]
    decision: str
    comment: str = ""


@dataclass(frozen=True)
class StoredVerdict:
    id: int
    sha256: str
    previous_sha256: str | None
    key_id: str
    document: VerdictDocument


def cycle_row(store: ProviderStore, name: str) -> Any | None:
    with store.engine.connect() as conn:
        return conn.execute(select(ModerationCycle).where(ModerationCycle.name == name)).first()


def panel_cycles(store: ProviderStore, user_name: str) -> set[str]:
    """The cycles whose panel ``user_name`` is on."""
    with store.engine.connect() as conn:
        return set(conn.execute(select(ModerationCycleModerator.cycle)
                                .where(ModerationCycleModerator.user_name == user_name)).scalars())


def on_panel(store: ProviderStore, cycle: str, user_name: str) -> bool:
    return cycle in panel_cycles(store, user_name)


def is_sampled(store: ProviderStore, cycle: str, device: str, bundle_id: str) -> bool:
    with store.engine.connect() as conn:
        return _sampled(conn, cycle, device, bundle_id)


def _sampled(conn: Connection, cycle: str, device: str, bundle_id: str) -> bool:
    return conn.execute(select(SampledAssessmentRow.bundle_id).where(
        SampledAssessmentRow.cycle == cycle, SampledAssessmentRow.device == device,
        SampledAssessmentRow.bundle_id == bundle_id)).first() is not None


def cycles(store: ProviderStore, only: set[str] | None = None) -> list[CycleSummary]:
    """Every cycle (or those named in ``only``), newest period first, with its counts."""
    with store.engine.connect() as conn:
        query = select(ModerationCycle).order_by(ModerationCycle.period_from_us.desc(), ModerationCycle.name)
        if only is not None:
            query = query.where(ModerationCycle.name.in_(sorted(only)))
        rows = conn.execute(query).all()
        out = []
        for r in rows:
            sampled = conn.execute(select(func.count()).select_from(SampledAssessmentRow)
                                   .where(SampledAssessmentRow.cycle == r.name)).scalar_one()
            verdicts, assessed = conn.execute(
                select(func.count(), func.count(func.distinct(ModerationVerdictRow.device + "/"
                                                              + ModerationVerdictRow.bundle_id)))
                .where(ModerationVerdictRow.cycle == r.name)).one()
            panel = tuple(conn.execute(select(ModerationCycleModerator.user_name).where(
                ModerationCycleModerator.cycle == r.name).order_by(ModerationCycleModerator.user_name))
                .scalars())
            out.append(CycleSummary(r.name, r.period_from_us, r.period_to_us, r.closed_us, int(sampled),
                                    int(verdicts), int(assessed), panel))
    return out


def sample_of(store: ProviderStore, cycle: str, *, moderator: str | None = None) -> list[SampledAssessment]:
    """The cycle's sampled assessments; ``moderator``: the decision shown is that moderator's own."""
    with store.engine.connect() as conn:
        rows = conn.execute(
            select(SampledAssessmentRow.device, SampledAssessmentRow.bundle_id, SampledAssessmentRow.reasons,
                   AssessmentIndexRow.assessment_id, AssessmentIndexRow.checklist_id,
                   AssessmentIndexRow.checklist_version, AssessmentIndexRow.ended_us,
                   AssessmentIndexRow.workshop_id, AssessmentIndexRow.candidate)
            .join(AssessmentIndexRow, (AssessmentIndexRow.bundle_id == SampledAssessmentRow.bundle_id)
                  & (AssessmentIndexRow.device == SampledAssessmentRow.device), isouter=True)
            .where(SampledAssessmentRow.cycle == cycle)
            .order_by(AssessmentIndexRow.ended_us, SampledAssessmentRow.bundle_id)).all()
        verdicts = conn.execute(
            select(ModerationVerdictRow.device, ModerationVerdictRow.bundle_id,
                   ModerationVerdictRow.moderator, ModerationVerdictRow.decision)
            .where(ModerationVerdictRow.cycle == cycle).order_by(ModerationVerdictRow.id)).all()
    counts: dict[tuple[str, str], int] = {}
    latest: dict[tuple[str, str], str] = {}
    for v in verdicts:
        key = (v.device, v.bundle_id)
        counts[key] = counts.get(key, 0) + 1
        if moderator is None or v.moderator == moderator:
            latest[key] = v.decision
    out = []
    for r in rows:
        key = (r.device, r.bundle_id)
        try:
            reasons = tuple(x for x in json.loads(r.reasons) if isinstance(x, dict))
        except (ValueError, TypeError):
            reasons = ()
        indexed = r.assessment_id is not None  # not yet indexed: the sample still lists it
        out.append(SampledAssessment(
            r.device, r.bundle_id, r.assessment_id or "",
            f"{r.checklist_id} {r.checklist_version}" if indexed else "", r.ended_us,
            r.workshop_id or "", r.candidate or "", reasons, counts.get(key, 0), latest.get(key)))
    return out


def verdict_rows(store: ProviderStore, cycle: str, device: str | None = None,
                 bundle_id: str | None = None) -> list[Any]:
    """The stored verdicts of a cycle (of one assessment when named), oldest first."""
    query = select(ModerationVerdictRow).where(ModerationVerdictRow.cycle == cycle)
    if device is not None and bundle_id is not None:
        query = query.where(ModerationVerdictRow.device == device,
                            ModerationVerdictRow.bundle_id == bundle_id)
    with store.engine.connect() as conn:
        return list(conn.execute(query.order_by(ModerationVerdictRow.id)).all())


def _check_open(conn: Connection, draft: VerdictDraft, *, lock: bool = False) -> Any:
    """The assessment's index row, if a verdict on it may be recorded; ``lock``: inside the writer's
    transaction, the cycle's row is locked to its end (see cycles.lock_cycle)."""
    query = select(ModerationCycle).where(ModerationCycle.name == draft.cycle)
    cycle = conn.execute(for_update(query) if lock else query).first()
    if cycle is None:
        raise VerdictRefused(V.CYCLE_UNKNOWN(cycle=draft.cycle))
    if cycle.closed_us is not None:
        raise VerdictRefused(V.CYCLE_CLOSED(cycle=draft.cycle))
    panel = conn.execute(select(ModerationCycleModerator.user_name).where(
        ModerationCycleModerator.cycle == draft.cycle, ModerationCycleModerator.user_name == draft.moderator)
    ).first()
    if panel is None:
        raise VerdictRefused(V.NOT_ON_PANEL(user=draft.moderator, cycle=draft.cycle))
    if not _sampled(conn, draft.cycle, draft.device, draft.bundle_id):
        raise VerdictRefused(V.NOT_SAMPLED(bundle=draft.bundle_id, cycle=draft.cycle))
    index = conn.execute(select(AssessmentIndexRow).where(
        AssessmentIndexRow.device == draft.device, AssessmentIndexRow.bundle_id == draft.bundle_id)).first()
    if index is None:
        raise VerdictRefused(V.NOT_INDEXED(bundle=draft.bundle_id))
    return index


def check_draft(store: ProviderStore, draft: VerdictDraft) -> None:
    """VerdictRefused unless the cycle is open, the moderator on its panel and the assessment sampled."""
    with store.engine.connect() as conn:
        _check_open(conn, draft)


def record_verdict(store: ProviderStore, draft: VerdictDraft) -> StoredVerdict:
    """Sign and add the verdict (and the workstation's feedback); VerdictRefused when it is not taken."""
    check_draft(store, draft)  # before a key is made for someone who may not give verdicts
    try:
        signer = moderator_signer(store, draft.moderator)
    except SigningKeyError as exc:
        raise VerdictRefused(V.KEY_UNUSABLE(problem=str(exc))) from None
    with store.writer.begin() as conn:
        # one writer per cycle (SQLite: one writer at all; PostgreSQL: the cycle's row lock): the chain's
        # previous verdict cannot change under us, nor the cycle close, nor its sample be drawn again
        index = _check_open(conn, draft, lock=True)
        previous = conn.execute(
            select(ModerationVerdictRow.sha256).where(
                ModerationVerdictRow.cycle == draft.cycle, ModerationVerdictRow.device == draft.device,
                ModerationVerdictRow.bundle_id == draft.bundle_id,
                ModerationVerdictRow.moderator == draft.moderator)
            .order_by(ModerationVerdictRow.id.desc()).limit(1)).scalar()
        try:
            document = VerdictDocument(
                cycle=draft.cycle, device=draft.device, bundle_id=draft.bundle_id,
                assessment_id=index.assessment_id, checklist_id=index.checklist_id,
                checklist_version=index.checklist_version, workshop_id=index.workshop_id,
                assessor_id=index.assessor_id, assessment_ended_us=max(0, int(index.ended_us)),
                moderator=draft.moderator, recorded_us=store.clock(), steps=draft.steps, rubric=draft.rubric,
                decision=draft.decision, comment=draft.comment, previous_sha256=previous)
        except VerdictError as exc:
            raise VerdictRefused(V.INVALID(problem=str(exc))) from None
        body = document.canonical_bytes()
        sha = document.sha256
        result = conn.execute(insert(ModerationVerdictRow).values(
            cycle=draft.cycle, bundle_id=draft.bundle_id, device=draft.device, moderator=draft.moderator,
            recorded_us=document.recorded_us, decision=document.decision, document=body.decode("utf-8"),
            sha256=sha, previous_sha256=previous, key_id=signer.key_id, signature=signer.sign(body)))
        conn.execute(insert(ModerationFeedback).values(
            device=draft.device, bundle_id=draft.bundle_id, cycle=draft.cycle, verdict_sha256=sha,
            created_us=document.recorded_us, delivered_us=None,
            document=json.dumps(feedback_document(document, sha), sort_keys=True, separators=(",", ":"),
                                ensure_ascii=False)))
        new_id = int(result.inserted_primary_key[0])
    return StoredVerdict(new_id, sha, previous, signer.key_id, document)
