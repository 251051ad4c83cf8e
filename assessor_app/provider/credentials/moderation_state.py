"""Where an assessment stands in moderation, the one thing a credential's issuance depends on.

Moderation states trigger nothing by themselves; issuance reads them. Only verdicts that pass their
hash, signature and chain check count; the newest verdict of each moderator is theirs.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from sqlalchemy import select

from assessor_app.i18n import Msg
from assessor_app.provider.credentials import messages as m_
from assessor_app.provider.moderation.models import (
    ModerationCycle,
    ModerationCycleChecklist,
    ModerationSampleRow,
    SampledAssessmentRow,
)
from assessor_app.provider.moderation.sampling import load_canonical
from assessor_app.provider.moderation.verdict_check import verify_cycle
from assessor_app.provider.moderation.verdicts import verdict_rows
from assessor_app.provider.store import ProviderStore

Kind = Literal["confirmed", "overturned", "referred", "unchecked", "pending", "not_sampled", "no_cycle"]
_WORST: tuple[Kind, ...] = ("unchecked", "overturned", "referred", "pending", "confirmed")
#: frames read from their canonical JSON, by the sample's digest (a frame never changes under a digest)
_FRAMES: dict[str, frozenset[tuple[str, str]]] = {}


@dataclass(frozen=True)
class ModerationState:
    kind: Kind
    cycle: str | None = None

    def message(self) -> Msg:
        if self.kind == "confirmed":
            return m_.STATE_CONFIRMED(cycle=self.cycle)
        if self.kind == "not_sampled":
            return m_.STATE_NOT_SAMPLED(cycle=self.cycle)
        if self.kind == "no_cycle":
            return m_.STATE_NO_CYCLE()
        if self.kind == "pending":
            return m_.MODERATION_PENDING(cycle=self.cycle)
        if self.kind == "overturned":
            return m_.MODERATION_OVERTURNED(cycle=self.cycle)
        if self.kind == "referred":
            return m_.MODERATION_REFERRED(cycle=self.cycle)
        return m_.MODERATION_UNCHECKED(cycle=self.cycle)

    def to_json(self) -> dict[str, str | None]:
        return {"state": self.kind, "cycle": self.cycle}


def _sampled_state(store: ProviderStore, cycle: str, device: str, bundle_id: str) -> Kind:
    check = verify_cycle(store, cycle, device, bundle_id)
    if not check.ok:
        return "unchecked"
    newest: dict[str, str] = {}
    for row in verdict_rows(store, cycle, device, bundle_id):  # oldest first: the last one stays
        newest[row.moderator] = row.decision
    decisions = set(newest.values())
    if not decisions:
        return "pending"
    if "overturn" in decisions:
        return "overturned"
    if "refer_back" in decisions:
        return "referred"
    return "confirmed"


def _frame_keys(sample: Any) -> frozenset[tuple[str, str]]:
    keys = _FRAMES.get(sample.digest)
    if keys is None:
        try:
            frame, _policy, _seed = load_canonical(sample.canonical)
        except ValueError:
            frame = []  # an unreadable stored frame covers nothing; the sample's own check says why
        keys = frozenset((e.key.device, e.key.bundle_id) for e in frame)
        if len(_FRAMES) > 64:
            _FRAMES.pop(next(iter(_FRAMES)))
        _FRAMES[sample.digest] = keys
    return keys


def moderation_state(store: ProviderStore, device: str, bundle_id: str, checklist_id: str) -> ModerationState:
    """The assessment's moderation state over every cycle: the worst of the cycles that sampled it;
    if none did, whether a drawn cycle had it in its frame."""
    with store.engine.connect() as conn:
        sampled_in = [r.cycle for r in conn.execute(
            select(SampledAssessmentRow.cycle).where(SampledAssessmentRow.device == device,
                                                     SampledAssessmentRow.bundle_id == bundle_id)
            .order_by(SampledAssessmentRow.cycle)).all()]
        covering = list(conn.execute(
            select(ModerationSampleRow.cycle, ModerationSampleRow.digest, ModerationSampleRow.canonical)
            .join(ModerationCycleChecklist, ModerationCycleChecklist.cycle == ModerationSampleRow.cycle)
            .join(ModerationCycle, ModerationCycle.name == ModerationSampleRow.cycle)
            .where(ModerationCycleChecklist.checklist_id == checklist_id)
            .order_by(ModerationSampleRow.drawn_us)).all())
    if sampled_in:
        states = [(_sampled_state(store, cycle, device, bundle_id), cycle) for cycle in sampled_in]
        kind, cycle = min(states, key=lambda s: _WORST.index(s[0]))
        return ModerationState(kind, cycle)
    for sample in covering:
        if (device, bundle_id) in _frame_keys(sample):
            return ModerationState("not_sampled", sample.cycle)
    return ModerationState("no_cycle")


def allows(state: ModerationState, rule: str, gateway: str | None) -> Msg | None:
    """Why ``state`` does not allow issuing under the rule's moderation setting (None: it does)."""
    if state.kind in ("unchecked", "overturned", "referred", "pending"):
        return state.message()
    if rule == "confirmed" and state.kind != "confirmed":
        return m_.MODERATION_NEEDS_CONFIRM(state=state.message())
    if rule == "drawn" and state.kind == "no_cycle":
        return m_.MODERATION_WAIT(gateway=gateway or "-")
    return None
