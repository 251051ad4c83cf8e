"""Runs one assessment: the engine decides, the store makes it durable, then it counts.

An action is acknowledged (returned as an Event) only after its event is committed.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Mapping
from dataclasses import replace

from assessor_app.core.clock import Clock, SystemClock, Timeline
from assessor_app.core.engine import (
    RESUMED,
    STARTED,
    Action,
    AssessmentEngine,
    Participant,
    Person,
    Place,
    Refused,
    SignOff,
    StepView,
    Vehicle,
    VehicleInfo,
    replay,
)
from assessor_app.core.engine.people import commitment
from assessor_app.core.events import GENESIS, Event, make_event
from assessor_app.core.plausibility import DEFAULT_PLAUSIBILITY, Plausibility
from assessor_app.core.specs import LoadedChecklist, LoadedParameterSet
from assessor_app.core.specs.loader import (
    checklist_from_source,
    content_hash,
    parameter_set_from_source,
)
from assessor_app.core.terms import term
from assessor_app.core.vin import normalise
from assessor_app.i18n import Message, Msg
from assessor_app.storage.database import StoreError
from assessor_app.storage.identity import identity_document
from assessor_app.storage.store import AssessmentStore

# ----------------------------------------------------------------- messages
SIGNER_NAME = Message("recorder.signer_name", "type the name of the person signing")
NO_ONE_IN_ROLE = Message("recorder.no_one_in_role", "this assessment names no {role}")


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
        responsible_person: Person | None = None, workshop_country: str = "", workshop_address: str = "",
        awarding_body: str = "", eligibility: Mapping[str, str | Msg] | None = None,
        plausibility: Plausibility = DEFAULT_PLAUSIBILITY,
    ) -> AssessmentRecorder:
        """Start a new assessment; it is in the store when this returns.

        The record names people by id only: names, the VIN and the workshop's address go to the
        assessment's identity document (kept apart, sealed into ``identity/``), and the record holds
        salted commitments to them. A checklist with prerequisites starts only for a candidate who
        passed them on this workstation (or ``eligibility`` the provider signed, checked by the caller:
        see :func:`assessor_app.storage.eligibility.start_eligibility`).
        A VIN that is not one (ISO 3779) and an implausible working voltage are refused (StartError);
        ``plausibility`` is the policy pinned for the assessment's readings.
        """
        vehicle = replace(vehicle, vin=normalise(vehicle.vin))
        timeline = Timeline(clock or SystemClock())
        salt = os.urandom(32).hex()
        granted: dict[str, str | Msg] = {**store.passes(candidate.id), **(eligibility or {})}
        payload, resolved = AssessmentEngine.start_payload_v2(
            spec=checklist.spec, spec_sha256=checklist.sha256, params=params.params,
            params_sha256=params.sha256,
            candidate=Participant(candidate.id,
                                  commitment(salt, {"id": candidate.id, "name": candidate.name})),
            assessor=Participant(assessor.id),
            responsible=Participant(responsible_person.id) if responsible_person else None,
            workshop=Place(workshop.id, workshop_country.strip().upper()),
            vehicle=VehicleInfo(vehicle.description, vehicle.working_voltage_v,
                                commitment(salt, {"vin": vehicle.vin})),
            awarding_body=awarding_body, eligibility=granted, language=language, vin=vehicle.vin,
            plausibility=plausibility,
        )
        identity = identity_document(salt, candidate=candidate, assessor=assessor,
                                     responsible=responsible_person, workshop=workshop,
                                     workshop_address=workshop_address, vehicle=vehicle)
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
        with store.transaction() as conn:  # the record and its identity exist together or not at all
            store.create(first, stamp.wall_us, connection=conn)
            store.add_identity(first.assessment_id, identity["salt"], identity, connection=conn,
                               wall_us=stamp.wall_us)
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

    def act(self, action: Action, language: str = "en", *, note: str = "") -> Event | Refused:
        """Apply a trainer's action: a durable event, or the reason it is refused.

        In a record that keeps identity apart, a sign-off given with a name is recorded by the
        signer's id, and the name (with an identity check's ``note``) goes to the identity document
        in the same transaction.
        """
        signer_name = ""
        if isinstance(action, SignOff) and action.person is None and self.engine.state.record_format >= 2:
            signer_name = action.name.strip()
            if not signer_name:
                return Refused(SIGNER_NAME(), rule="input")
            person = next((pid for pid, role in self.engine.state.persons().items() if role == action.role),
                          None)
            if person is None:
                return Refused(NO_ONE_IN_ROLE(role=term(action.role) or action.role.replace("_", " ")),
                               rule="signoff")
            action = SignOff(action.role, statement=action.statement, person=person)
        stamp = self.timeline.now()
        decision = self.engine.decide(action, stamp.t_us, language)
        if isinstance(decision, Refused):
            return decision
        update = None
        if signer_name or (decision.kind == "identity_checked" and self.engine.state.record_format >= 2):
            update = self._identity_with(decision.kind, decision.payload, signer_name, note, stamp.t_us)
        return self._record(decision.kind, decision.payload, stamp.wall_us, stamp.t_us, identity=update)

    def _identity_with(self, kind: str, payload: dict[str, object], name: str, note: str,
                       t_us: int) -> dict[str, object]:
        document = self.store.identity(self.assessment_id)
        if document is None:
            raise StoreError(f"assessment {self.assessment_id} keeps no identity document")
        if kind == "signed_off":
            document.setdefault("signatures", []).append(
                {"role": payload["role"], "person": payload["person"], "name": name, "t_us": t_us})
        else:
            document["identity_check"] = {"method": payload["method"], "note": note.strip()[:500]}
        return document

    def _record(
        self, kind: str, payload: dict[str, object], wall_us: int | None = None,
        t_us: int | None = None, identity: dict[str, object] | None = None,
    ) -> Event:
        if wall_us is None or t_us is None:
            stamp = self.timeline.now()
            wall_us, t_us = stamp.wall_us, stamp.t_us
        st = self.engine.state
        event = make_event(
            st.assessment_id, st.event_count, kind, payload, wall_us, max(t_us, st.last_t_us),
            st.head_hash,
        )
        if identity is None:
            self.store.append(event)
        else:
            with self.store.transaction() as conn:
                self.store.append(event, connection=conn)
                self.store.update_identity(self.assessment_id, identity, connection=conn, wall_us=wall_us)
        self.engine.apply(event)
        return event

    def views(self, language: str = "en") -> list[StepView]:
        return self.engine.step_views(self.timeline.now().t_us, language)
