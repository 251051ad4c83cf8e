"""Runs one assessment: the engine decides, the store makes it durable, then it counts.

An action is acknowledged (returned as an Event) only after its event is committed.
"""

from __future__ import annotations

import uuid

from assessor_app.core.clock import Clock, SystemClock, Timeline
from assessor_app.core.engine import (
    RESUMED,
    STARTED,
    Action,
    AssessmentEngine,
    Person,
    Refused,
    StepView,
    Vehicle,
    replay,
)
from assessor_app.core.events import GENESIS, Event, make_event
from assessor_app.core.specs import LoadedChecklist, LoadedParameterSet
from assessor_app.core.specs.loader import (
    checklist_from_source,
    content_hash,
    parameter_set_from_source,
)
from assessor_app.storage.database import StoreError
from assessor_app.storage.store import AssessmentStore


class AssessmentRecorder:
    def __init__(self, store: AssessmentStore, engine: AssessmentEngine, timeline: Timeline):
        self.store = store
        self.engine = engine
        self.timeline = timeline

    @property
    def assessment_id(self) -> str:
        return self.engine.state.assessment_id

    @classmethod
    def start(
        cls, store: AssessmentStore, checklist: LoadedChecklist, params: LoadedParameterSet, *,
        candidate: Person, assessor: Person, workshop: Person, vehicle: Vehicle,
        clock: Clock | None = None, language: str = "en", assessment_id: str | None = None,
    ) -> AssessmentRecorder:
        """Start a new assessment; it is in the store when this returns."""
        timeline = Timeline(clock or SystemClock())
        payload, resolved = AssessmentEngine.start_payload(
            spec=checklist.spec, spec_sha256=checklist.sha256, params=params.params,
            params_sha256=params.sha256, candidate=candidate, assessor=assessor,
            workshop=workshop, vehicle=vehicle, language=language,
        )
        stamp = timeline.now()
        for loaded, kind, spec_id, version in (
            (checklist, "checklist", checklist.spec.id, checklist.spec.version),
            (params, "parameter-set", params.params.id, params.params.version),
        ):
            store.save_snapshot(
                sha256=loaded.sha256, kind=kind, spec_id=spec_id, version=version,
                source=loaded.source, loaded_from=loaded.path, wall_us=stamp.wall_us,
            )
        first = make_event(
            assessment_id or str(uuid.uuid4()), 0, STARTED, payload, stamp.wall_us, stamp.t_us,
            GENESIS,
        )
        store.create(first, stamp.wall_us)
        return cls(store, AssessmentEngine(checklist.spec, resolved, first), timeline)

    @classmethod
    def open(
        cls, store: AssessmentStore, assessment_id: str, clock: Clock | None = None,
        read_only: bool = False,
    ) -> AssessmentRecorder:
        """Rebuild an assessment from its events; if in progress, continue its timeline.

        With ``read_only`` (inspection), nothing is written, not even the resume event.
        """
        summary = store.summary(assessment_id)
        checklist_src = store.snapshot_source(summary.checklist_sha256)
        params_src = store.snapshot_source(summary.params_sha256)
        for src, digest in ((checklist_src, summary.checklist_sha256), (params_src, summary.params_sha256)):
            if content_hash(src) != digest:
                raise StoreError(f"the stored specification {digest[:12]} does not match its hash")
        engine = replay(
            checklist_from_source(checklist_src), parameter_set_from_source(params_src),
            store.events(assessment_id),
        )
        st = engine.state
        timeline, gap = Timeline.resume(clock or SystemClock(), st.last_t_us, st.last_wall_us)
        recorder = cls(store, engine, timeline)
        if not st.read_only and not read_only:
            recorder._record(RESUMED, {"gap_us": gap, "previous_wall_us": st.last_wall_us})
        return recorder

    def act(self, action: Action, language: str = "en") -> Event | Refused:
        """Apply a trainer's action: a durable event, or the reason it is refused."""
        stamp = self.timeline.now()
        decision = self.engine.decide(action, stamp.t_us, language)
        if isinstance(decision, Refused):
            return decision
        return self._record(decision.kind, decision.payload, stamp.wall_us, stamp.t_us)

    def _record(
        self, kind: str, payload: dict[str, object], wall_us: int | None = None,
        t_us: int | None = None,
    ) -> Event:
        if wall_us is None or t_us is None:
            stamp = self.timeline.now()
            wall_us, t_us = stamp.wall_us, stamp.t_us
        st = self.engine.state
        event = make_event(
            st.assessment_id, st.event_count, kind, payload, wall_us, max(t_us, st.last_t_us),
            st.head_hash,
        )
        self.store.append(event)
        self.engine.apply(event)
        return event

    def views(self, language: str = "en") -> list[StepView]:
        return self.engine.step_views(self.timeline.now().t_us, language)
