"""The provider's eligibility list as this workstation holds it, and the gateway question asked of it.

The list (verified by the sync before it gets here) replaces the one held in one transaction; a list
older than the held one (``as_of_us``) from the same provider key is refused and the held one stays.
A start asks :func:`gate_for`: which prerequisites the candidate meets, by a competent result recorded
here or by a credential in the last list received.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from dataclasses import dataclass

from sqlalchemy import delete, func, insert, select

from assessor_app.core.gateways import GateDecision, HeldCredential, decide_gate
from assessor_app.core.specs.library import Library
from assessor_app.errors import AssessorError
from assessor_app.i18n import Msg
from assessor_app.storage.eligibility_models import EligibilityEntryRow, EligibilityListRow
from assessor_app.storage.store import AssessmentStore

log = logging.getLogger(__name__)


class StaleList(AssessorError):
    """A list older than the one held: refused, the held one stays."""


class GateRefused(AssessorError):
    """A gated checklist cannot start for this candidate: a prerequisite is not met (the messages say
    which)."""


@dataclass(frozen=True)
class HeldList:
    """The facts of the list held (not its entries)."""

    provider_key_id: str
    issued_us: int
    as_of_us: int
    received_us: int
    learners: int
    entries: int


class EligibilityStore:
    """The eligibility list in the workstation's database."""

    def __init__(self, store: AssessmentStore):
        self.store = store
        self._writer = store.engine.execution_options(sqlite_immediate=True)

    def replace(self, *, provider_key_id: str, issued_us: int, as_of_us: int, received_us: int,
                learners: Mapping[str, Mapping[str, HeldCredential]], envelope: str) -> HeldList:
        """Hold this list instead of the one held, whole, in one transaction; StaleList when it is
        older than the held one from the same provider key (the held one stays)."""
        rows = [{"learner_id": learner, "checklist_id": checklist, "credential": held.credential,
                 "issued": held.issued}
                for learner, checklists in learners.items() for checklist, held in checklists.items()]
        with self._writer.begin() as conn:
            current = conn.execute(select(EligibilityListRow.provider_key_id, EligibilityListRow.as_of_us)
                                   .where(EligibilityListRow.id == 1)).first()
            if current is not None and current.provider_key_id == provider_key_id \
                    and as_of_us < current.as_of_us:
                raise StaleList(f"the provider's eligibility list as of {as_of_us} is older than the one "
                                f"held here (as of {current.as_of_us}): it is not stored")
            conn.execute(delete(EligibilityEntryRow))
            conn.execute(delete(EligibilityListRow))
            conn.execute(insert(EligibilityListRow).values(
                id=1, provider_key_id=provider_key_id, issued_us=issued_us, as_of_us=as_of_us,
                received_us=received_us, learners=len(learners), envelope=envelope))
            if rows:
                conn.execute(insert(EligibilityEntryRow), rows)
        return HeldList(provider_key_id, issued_us, as_of_us, received_us, len(learners), len(rows))

    def keep_only_from(self, provider_key_id: str) -> bool:
        """Forget a list signed by another provider key (the workstation enrolled elsewhere): its
        credentials say nothing about the new provider's learners. True when one was forgotten."""
        with self._writer.begin() as conn:
            held = conn.execute(select(EligibilityListRow.provider_key_id)
                                .where(EligibilityListRow.id == 1)).scalar_one_or_none()
            if held is None or held == provider_key_id:
                return False
            conn.execute(delete(EligibilityEntryRow))
            conn.execute(delete(EligibilityListRow))
        log.info("the eligibility list signed by provider key %s is forgotten: enrolled with key %s",
                 held[:16], provider_key_id[:16])
        return True

    def held(self) -> HeldList | None:
        """The list held, or None when none has been received."""
        with self.store.engine.connect() as conn:
            row = conn.execute(select(EligibilityListRow).where(EligibilityListRow.id == 1)).first()
            if row is None:
                return None
            entries = int(conn.execute(select(func.count()).select_from(EligibilityEntryRow)).scalar_one())
            return HeldList(row.provider_key_id, row.issued_us, row.as_of_us, row.received_us, row.learners,
                            entries)

    def envelope(self) -> str | None:
        """The held list's signed envelope (JSON), to verify it again."""
        with self.store.engine.connect() as conn:
            return conn.execute(select(EligibilityListRow.envelope)
                                .where(EligibilityListRow.id == 1)).scalar_one_or_none()

    def learner(self, learner_id: str) -> dict[str, HeldCredential]:
        """The credentials the held list says ``learner_id`` holds: checklist id -> credential."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(EligibilityEntryRow)
                                .where(EligibilityEntryRow.learner_id == learner_id)
                                .order_by(EligibilityEntryRow.checklist_id)).all()
        return {r.checklist_id: HeldCredential(r.checklist_id, r.credential, r.issued) for r in rows}


def gate_for(store: AssessmentStore, library: Library, checklist_id: str, candidate_id: str) -> GateDecision:
    """Which prerequisites of the checklist ``candidate_id`` meets here, and by what."""
    spec = library.checklist(checklist_id).spec
    book = EligibilityStore(store)
    held = book.held()
    titles = {c: loaded.spec.title for c, loaded in library.checklists.items()}
    return decide_gate(spec, candidate_id, passed_here=store.competent_here(candidate_id),
                       held=book.learner(candidate_id) if held is not None else {},
                       list_received_us=held.received_us if held is not None else None, titles=titles)


def start_eligibility(store: AssessmentStore, library: Library, checklist_id: str,
                      candidate_id: str) -> dict[str, Msg]:
    """What a start records for the checklist's prerequisites (id -> why met); GateRefused, naming
    each missing prerequisite, the candidate and when the provider's list was received, when one is not."""
    decision = gate_for(store, library, checklist_id, candidate_id)
    if not decision.met:
        raise GateRefused(decision.refusals())
    return decision.eligibility()
