"""Progression gateways at the start: which of a checklist's prerequisites a candidate meets, and by what.

A checklist whose credential names prerequisite checklists starts only for a candidate who holds
each: a competent result recorded on this workstation, or a credential in the eligibility list the
provider last sent (signed, kept by the workstation; offline, the last one received counts). The
decision is a plain function over plain data, so the window, the command line and tests ask the
same question; what it says (why a prerequisite is met, why the start is refused) are messages the
record stores by code, values and English text.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass

from assessor_app.core.specs.models import ChecklistSpec
from assessor_app.i18n import Message, Msg

MET_HERE = Message("gateway.met_here", "assessment {assessment} (competent, recorded on this workstation)")
# TRANSLATORS: {received} is a date and time, e.g. 2026-12-07 10:15
MET_BY_CREDENTIAL = Message("gateway.met_by_credential",
                            "credential {credential} issued {issued} (provider's list received {received})")
NEVER_RECEIVED = Message("gateway.never_received", "never received")
# TRANSLATORS: a checklist named by its title and its id, e.g. "HV isolation (hv-isolation-series)"
NAMED = Message("gateway.named", "{title} ({checklist})")
MISSING = Message(
    "gateway.missing",
    "checklist {checklist} needs the prerequisite {prerequisite}: candidate {candidate} has no competent "
    "result of it on this workstation and no credential for it in the provider's eligibility list (last "
    "received {received})")
MISSING_NEVER = Message(
    "gateway.missing_never",
    "checklist {checklist} needs the prerequisite {prerequisite}: candidate {candidate} has no competent "
    "result of it on this workstation, and no eligibility list has been received from the provider yet "
    "(never received: only this workstation's own records count)")


@dataclass(frozen=True)
class HeldCredential:
    """One entry of the provider's eligibility list: a learner holds a checklist's credential."""

    checklist_id: str
    credential: str  # urn:uuid:...
    issued: str  # YYYY-MM-DD


@dataclass(frozen=True)
class PrerequisiteStanding:
    """One prerequisite checklist, and what (if anything) meets it for the candidate."""

    checklist_id: str
    #: the prerequisite checklist's title in its languages (None when this workstation lacks it)
    title: Mapping[str, str] | None
    assessment_id: str | None  # a competent result recorded on this workstation
    credential: HeldCredential | None  # in the provider's last eligibility list

    @property
    def met(self) -> bool:
        return self.assessment_id is not None or self.credential is not None

    def name(self) -> Msg | str:
        """The prerequisite checklist by title and id (its id alone when its title is unknown here)."""
        return NAMED(title=dict(self.title), checklist=self.checklist_id) if self.title else self.checklist_id


@dataclass(frozen=True)
class GateDecision:
    """Which prerequisites of ``checklist_id`` the candidate meets, and by what."""

    checklist_id: str
    candidate_id: str
    standings: tuple[PrerequisiteStanding, ...]
    list_received_us: int | None  # when the provider's list was last received here; None: never

    @property
    def gated(self) -> bool:
        return bool(self.standings)

    @property
    def met(self) -> bool:
        return all(s.met for s in self.standings)

    @property
    def missing(self) -> tuple[PrerequisiteStanding, ...]:
        return tuple(s for s in self.standings if not s.met)

    def received(self) -> str | Msg:
        """When the provider's list was received (local time), or the words for never."""
        return NEVER_RECEIVED() if self.list_received_us is None else when_text(self.list_received_us)

    def reason(self, standing: PrerequisiteStanding) -> Msg | None:
        """Why ``standing`` is met: the provider's credential when the list holds one (issued after
        moderation), else the competent result recorded here; None when not met."""
        if standing.credential is not None:
            return MET_BY_CREDENTIAL(credential=standing.credential.credential,
                                     issued=standing.credential.issued, received=self.received(),
                                     received_us=self.list_received_us)
        if standing.assessment_id is not None:
            return MET_HERE(assessment=standing.assessment_id)
        return None

    def eligibility(self) -> dict[str, Msg]:
        """What the start event records: prerequisite checklist id -> why it is met."""
        out = {}
        for standing in self.standings:
            why = self.reason(standing)
            if why is not None:
                out[standing.checklist_id] = why
        return out

    def refusals(self) -> list[Msg]:
        """Why the start is refused, one message per missing prerequisite (empty when it may start)."""
        return [refusal(self.checklist_id, self.candidate_id, s.name(), self.list_received_us,
                        self.received()) for s in self.missing]


def refusal(checklist: str, candidate: str, prerequisite: str | Msg, received_us: int | None,
            received: str | Msg) -> Msg:
    if received_us is None:
        return MISSING_NEVER(checklist=checklist, candidate=candidate, prerequisite=prerequisite)
    return MISSING(checklist=checklist, candidate=candidate, prerequisite=prerequisite, received=received)


def when_text(wall_us: int) -> str:
    """A workstation time as the trainer reads it: local date and time to the minute."""
    return dt.datetime.fromtimestamp(wall_us / 1e6).strftime("%Y-%m-%d %H:%M")


def decide_gate(spec: ChecklistSpec, candidate_id: str, *, passed_here: Mapping[str, str],
                held: Mapping[str, HeldCredential], list_received_us: int | None,
                titles: Mapping[str, Mapping[str, str]] | None = None) -> GateDecision:
    """Which of ``spec``'s prerequisite checklists ``candidate_id`` meets, and by what.

    ``passed_here``: checklist id -> a competent assessment recorded on this workstation for the
    candidate; ``held``: checklist id -> the candidate's credential in the provider's last eligibility
    list (empty when none was received); ``titles``: the prerequisite checklists' titles in their
    languages, where this workstation has them. A checklist without prerequisite checklists is not
    gated (no standings).
    """
    titles = titles or {}
    seen: list[str] = []
    for pre in spec.credential.prerequisites:
        if pre.checklist is not None and pre.checklist not in seen:
            seen.append(pre.checklist)
    standings = tuple(PrerequisiteStanding(c, titles.get(c), passed_here.get(c), held.get(c)) for c in seen)
    return GateDecision(spec.id, candidate_id, standings, list_received_us)
