"""A cycle's sampling frame from the assessment index, its drawn sample stored, and the check of it.

The frame is every held assessment of the cycle's checklists that ended in its period. "First bundle
of a workshop" (of an assessor) is the workshop's (assessor's) earliest ended assessment over all
held bundles, whatever its checklist or period, ties broken by bundle id and workstation: the first
work a provider has from them, which is what the risk is about.

Drawing is idempotent: the same seed on the same frame gives the same sample and changes nothing. A
different seed, or a frame that changed (bundles imported since), replaces the stored sample only
while the cycle has no verdict; after the first verdict the sample stays as it was drawn.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, delete, func, insert, select, update

from assessor_app.provider.assessment_index import INDEX_FORMAT
from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.moderation import messages as m_
from assessor_app.provider.moderation.cycles import CycleInfo, Cycles, lock_cycle
from assessor_app.provider.moderation.models import (
    ModerationSampleRow,
    ModerationVerdictRow,
    SampledAssessmentRow,
)
from assessor_app.provider.moderation.sampling import (
    AssessmentKey,
    FrameEntry,
    ModerationSample,
    SamplingPolicy,
    canonical_json,
    draw_sample,
    load_canonical,
)
from assessor_app.provider.store import ProviderStore, Refused

MAX_SEED = 2**63 - 1  # the stored seed is a BigInteger
NO_ASSESSOR = "-"  # bundles from before assessors co-signed
NO_OUTCOME = "none"  # a record with no outcome (abandoned before one was derived)


@dataclass(frozen=True)
class FrameRow:
    """A frame entry with what a person needs to find the assessment (not part of the draw)."""

    entry: FrameEntry
    assessment_id: str


@dataclass(frozen=True)
class Drawn:
    cycle: CycleInfo
    sample: ModerationSample
    frame: tuple[FrameRow, ...]
    status: str  # drawn, same (nothing changed), replaced
    replaced: tuple[int, str] | None = None  # (seed, digest) of the sample it replaced

    def assessment_id(self, key: AssessmentKey) -> str:
        return next((r.assessment_id for r in self.frame if r.entry.key == key), "")


@dataclass(frozen=True)
class Checked:
    cycle: CycleInfo
    seed: int
    stored_digest: str
    computed_digest: str
    rows_match: bool
    detail: str  # what differs, when the rows do not match
    frame_current: bool  # the index still gives the same frame
    drawn: int

    @property
    def ok(self) -> bool:
        return self.stored_digest == self.computed_digest and self.rows_match


@dataclass(frozen=True)
class SampleSummary:
    seed: int
    digest: str
    drawn_us: int
    drawn_by: str
    drawn: int  # assessments in the sample


def sample_summary(store: ProviderStore, cycle_name: str) -> SampleSummary | None:
    """The cycle's stored sample in brief (None when none is drawn)."""
    with store.engine.connect() as conn:
        row = conn.execute(select(ModerationSampleRow).where(ModerationSampleRow.cycle == cycle_name)).first()
        if row is None:
            return None
        n = conn.execute(select(func.count()).select_from(SampledAssessmentRow).where(
            SampledAssessmentRow.cycle == cycle_name)).scalar_one()
    return SampleSummary(int(row.seed), str(row.digest), int(row.drawn_us), str(row.drawn_by), int(n))


def policy_for(cycle: CycleInfo) -> SamplingPolicy:
    return SamplingPolicy.enhanced_control() if cycle.enhanced_control else SamplingPolicy()


def _firsts(conn: Connection, column: Any) -> set[tuple[str, str]]:
    """(bundle id, workstation) of the earliest ended assessment per value of ``column``."""
    ranked = select(AssessmentIndexRow.bundle_id, AssessmentIndexRow.device, func.row_number().over(
        partition_by=column, order_by=(AssessmentIndexRow.ended_us, AssessmentIndexRow.bundle_id,
                                       AssessmentIndexRow.device)).label("n")).subquery()
    return {(r.bundle_id, r.device) for r in conn.execute(select(ranked).where(ranked.c.n == 1))}


def build_frame(store: ProviderStore, cycle: CycleInfo) -> list[FrameRow]:
    """The cycle's sampling frame from the index; Refused when rows in scope predate the signals."""
    index = AssessmentIndexRow
    scope = (index.ended_us >= cycle.period_from_us, index.ended_us < cycle.period_to_us,
             index.checklist_id.in_(cycle.checklists))
    with store.engine.connect() as conn:
        stale = conn.execute(select(func.count()).select_from(index).where(
            *scope, index.index_format < INDEX_FORMAT)).scalar_one()
        if stale:
            raise Refused(409, m_.INDEX_STALE(n=stale))
        rows = conn.execute(select(index).where(*scope).order_by(index.bundle_id, index.device)).all()
        first_of_workshop = _firsts(conn, index.workshop_id)
        first_of_assessor = _firsts(conn, index.assessor_id)
    frame = []
    for r in rows:
        key = (r.bundle_id, r.device)
        entry = FrameEntry(
            key=AssessmentKey(r.device, r.bundle_id), checklist_id=r.checklist_id,
            checklist_version=r.checklist_version, workshop=r.workshop_id,
            assessor=r.assessor_id or NO_ASSESSOR, outcome=r.outcome or NO_OUTCOME,
            critical_step_failed_or_stopped=bool(r.critical_failed),
            critical_corrections=int(r.critical_corrections), no_video=not r.video_present,
            capture_gaps=int(r.capture_gaps), diagnostics_unavailable=bool(r.diagnostics_unavailable),
            generic_parameter_set=bool(r.parameters_generic), short_duration=bool(r.short_duration),
            first_bundle_of_workshop=key in first_of_workshop,
            first_bundle_of_assessor=bool(r.assessor_id) and key in first_of_assessor,
            not_applicable_steps=int(r.steps_na), gateway=r.gateway or "", stop_step=r.stopped_by or "",
            corrections=int(r.corrections), video_consent=bool(r.video_consent),
            duration_s=max(0, (int(r.ended_us) - int(r.started_us)) // 1_000_000))
        frame.append(FrameRow(entry, r.assessment_id))
    return frame


def _reasons_json(item: Any) -> str:
    return json.dumps([{"code": r.code, "value": r.value, "weight": r.weight} for r in item.reasons],
                      ensure_ascii=False, separators=(",", ":"))


def verdict_count(store: ProviderStore, cycle_name: str) -> int:
    """How many verdicts the cycle's sample has (once there is one, the sample stays as drawn)."""
    with store.engine.connect() as conn:
        return _verdicts(conn, cycle_name)


def _verdicts(conn: Connection, cycle: str) -> int:
    return int(conn.execute(select(func.count()).select_from(ModerationVerdictRow).where(
        ModerationVerdictRow.cycle == cycle)).scalar_one())


def draw(store: ProviderStore, cycle_name: str, seed: int, *, by: str = "cli") -> Drawn:
    """Draw the cycle's sample with ``seed`` and store it (see the module's note on drawing again)."""
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise Refused(400, m_.BAD_SEED(high=str(MAX_SEED), value=str(seed)[:30]))
    cycle = Cycles(store).open_cycle(cycle_name)
    frame = build_frame(store, cycle)
    if not frame:
        raise Refused(409, m_.EMPTY_FRAME(cycle=cycle.name, checklists=list(cycle.checklists),
                                          start=cycle.first_day.isoformat(), to=cycle.last_day.isoformat()))
    sample = draw_sample([r.entry for r in frame], policy_for(cycle), seed)
    canonical_text = _canonical(sample, frame)
    with store.writer.begin() as conn:
        # the cycle's row lock: a verdict recorded meanwhile (PostgreSQL) is counted below, and a cycle
        # closed meanwhile keeps its sample
        locked = lock_cycle(conn, cycle.name)
        if locked is None or locked.closed_us is not None:
            raise Refused(409, m_.CYCLE_CLOSED(cycle=cycle.name))
        old = conn.execute(select(ModerationSampleRow).where(ModerationSampleRow.cycle == cycle.name)).first()
        if old is not None and old.digest == sample.digest:
            return Drawn(cycle, sample, tuple(frame), "same")
        if old is not None:
            verdicts = _verdicts(conn, cycle.name)
            if verdicts:
                raise Refused(409, m_.HAS_VERDICTS(cycle=cycle.name, n=verdicts, seed=str(old.seed)))
            conn.execute(delete(SampledAssessmentRow).where(SampledAssessmentRow.cycle == cycle.name))
            conn.execute(update(ModerationSampleRow).where(ModerationSampleRow.cycle == cycle.name).values(
                seed=seed, digest=sample.digest, canonical=canonical_text, drawn_us=store.clock(),
                drawn_by=by[:64]))
        else:
            conn.execute(insert(ModerationSampleRow).values(
                cycle=cycle.name, seed=seed, digest=sample.digest, canonical=canonical_text,
                drawn_us=store.clock(), drawn_by=by[:64]))
        for item in sample.drawn:
            conn.execute(insert(SampledAssessmentRow).values(
                cycle=cycle.name, bundle_id=item.key.bundle_id, device=item.key.device, weight=item.weight,
                reasons=_reasons_json(item)))
    replaced = None if old is None else (int(old.seed), str(old.digest))
    return Drawn(cycle, sample, tuple(frame), "drawn" if old is None else "replaced", replaced)


def _canonical(sample: ModerationSample, frame: list[FrameRow] | tuple[FrameRow, ...]) -> str:
    return canonical_json([r.entry for r in frame], sample.policy, sample.seed)


def stored(store: ProviderStore, cycle_name: str) -> Drawn:
    """The cycle's stored sample, re-drawn from its stored frame (Refused when it has none)."""
    cycle = Cycles(store).get(cycle_name)
    row = Cycles(store).sample_row(cycle.name)
    if row is None:
        raise Refused(404, m_.NO_SAMPLE(cycle=cycle.name))
    try:
        frame, policy, seed = load_canonical(row.canonical)
    except ValueError as exc:
        raise Refused(409, m_.STORED_UNREADABLE(cycle=cycle.name, detail=str(exc)[:300])) from None
    ids = {r.entry.key: r.assessment_id for r in _current(store, cycle)}
    rows = tuple(FrameRow(e, ids.get(e.key, "")) for e in frame)
    return Drawn(cycle, draw_sample(frame, policy, seed), rows, "stored")


def _current(store: ProviderStore, cycle: CycleInfo) -> list[FrameRow]:
    try:
        return build_frame(store, cycle)
    except Refused:  # an index being remade: the ids are shown once it is done
        return []


def check(store: ProviderStore, cycle_name: str) -> Checked:
    """Re-draw the stored sample from its stored canonical frame, policy and seed, and compare."""
    again = stored(store, cycle_name)
    row = Cycles(store).sample_row(again.cycle.name)
    assert row is not None  # stored() refused otherwise
    with store.engine.connect() as conn:
        kept = {(r.device, r.bundle_id): (float(r.weight), r.reasons) for r in conn.execute(
            select(SampledAssessmentRow).where(SampledAssessmentRow.cycle == again.cycle.name))}
    redrawn = {(i.key.device, i.key.bundle_id): (float(i.weight), _reasons_json(i))
               for i in again.sample.drawn}
    missing = sorted(f"{d[:16]}/{b}" for d, b in set(redrawn) - set(kept))
    extra = sorted(f"{d[:16]}/{b}" for d, b in set(kept) - set(redrawn))
    changed = sorted(f"{d[:16]}/{b}" for d, b in set(kept) & set(redrawn) if kept[d, b] != redrawn[d, b])
    detail = "; ".join(part for part in (
        f"not stored: {', '.join(missing)}" if missing else "",
        f"stored but not drawn: {', '.join(extra)}" if extra else "",
        f"other weight or reasons: {', '.join(changed)}" if changed else "") if part)
    current = _current(store, again.cycle)
    frame_current = bool(current) and _canonical(again.sample, current) == _canonical(again.sample,
                                                                                       again.frame)
    return Checked(again.cycle, again.sample.seed, str(row.digest), again.sample.digest, not detail, detail,
                   frame_current, len(again.sample.drawn))
