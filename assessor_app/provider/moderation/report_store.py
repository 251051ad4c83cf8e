"""Reads what a cycle's report needs from the provider's database: the cycle, its verdicts, frame, sample."""

from __future__ import annotations

import logging

from sqlalchemy import select

from assessor_app.provider.moderation.models import (
    ModerationCycle,
    ModerationCycleModerator,
    ModerationSampleRow,
    ModerationVerdictRow,
    SampledAssessmentRow,
)
from assessor_app.provider.moderation.report import (
    CycleReport,
    StoredVerdict,
    UnreadableVerdict,
    build_report,
)
from assessor_app.provider.moderation.sampling import FrameEntry, load_canonical
from assessor_app.provider.moderation.verdict_document import VerdictDocument, VerdictError
from assessor_app.provider.store import ProviderStore, Refused

log = logging.getLogger(__name__)


class UnknownCycle(Refused):
    """There is no moderation cycle of that name."""

    def __init__(self, cycle: str):
        from assessor_app.provider.moderation.report_messages import UNKNOWN_CYCLE

        super().__init__(404, UNKNOWN_CYCLE(cycle=cycle[:64]), "unknown_cycle")
        self.cycle = cycle


def cycle_names(store: ProviderStore) -> list[str]:
    with store.engine.connect() as conn:
        return list(conn.execute(select(ModerationCycle.name).order_by(ModerationCycle.name)).scalars())


def on_panel(store: ProviderStore, cycle: str, user_name: str) -> bool:
    """Whether the console user is one of the cycle's moderators."""
    with store.engine.connect() as conn:
        return conn.execute(select(ModerationCycleModerator.user_name).where(
            ModerationCycleModerator.cycle == cycle,
            ModerationCycleModerator.user_name == user_name)).first() is not None


def _verdicts(store: ProviderStore, cycle: str) -> tuple[list[StoredVerdict], list[UnreadableVerdict]]:
    read: list[StoredVerdict] = []
    unreadable: list[UnreadableVerdict] = []
    query = select(ModerationVerdictRow).where(ModerationVerdictRow.cycle == cycle).order_by(
        ModerationVerdictRow.id)
    with store.engine.connect() as conn:
        for row in conn.execute(query).all():
            try:
                document = VerdictDocument.from_canonical(row.document)
            except VerdictError as exc:
                unreadable.append(UnreadableVerdict(row.id, str(exc)))
                continue
            named = (document.cycle, document.device, document.bundle_id, document.moderator)
            if named != (cycle, row.device, row.bundle_id, row.moderator):
                unreadable.append(UnreadableVerdict(
                    row.id, "the document names another cycle, assessment or moderator than its row"))
                continue
            read.append(StoredVerdict(row.id, row.recorded_us, row.sha256, document))
    return read, unreadable


def _frame(store: ProviderStore, cycle: str) -> tuple[list[FrameEntry] | None, list[tuple[str, str]]]:
    with store.engine.connect() as conn:
        sample = conn.execute(select(ModerationSampleRow.canonical).where(
            ModerationSampleRow.cycle == cycle)).scalar_one_or_none()
        sampled = [(r.device, r.bundle_id) for r in conn.execute(
            select(SampledAssessmentRow.device, SampledAssessmentRow.bundle_id).where(
                SampledAssessmentRow.cycle == cycle)).all()]
    if sample is None:
        return None, sampled
    try:
        frame, _policy, _seed = load_canonical(sample)
    except ValueError as exc:
        from assessor_app.provider.moderation.report_messages import SAMPLE_UNREADABLE

        log.error("the stored sample of moderation cycle %s cannot be read: %s", cycle, exc)
        raise Refused(503, SAMPLE_UNREADABLE(cycle=cycle[:64]), "sample_unreadable") from None
    return frame, sampled


def cycle_report(store: ProviderStore, cycle: str) -> CycleReport:
    """The report of ``cycle`` from what is stored now; UnknownCycle if there is none of that name."""
    with store.engine.connect() as conn:
        row = conn.execute(select(ModerationCycle).where(ModerationCycle.name == cycle)).first()
    if row is None:
        raise UnknownCycle(cycle)
    verdicts, unreadable = _verdicts(store, cycle)
    frame, sampled = _frame(store, cycle)
    return build_report(cycle, (row.period_from_us, row.period_to_us), row.closed_us, verdicts, frame,
                        sampled, unreadable)
