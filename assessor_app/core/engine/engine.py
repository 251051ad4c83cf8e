"""The assessment engine: decides whether an action is allowed and folds events into state.

Pure Python: the engine never reads a clock or touches storage. A caller stamps each action
with the timeline position (``t_us``), asks ``decide``, persists the accepted event, then
``apply``s it. Replaying the stored events through the same two calls rebuilds the state and
proves every event was allowed when it was recorded.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from assessor_app.core.engine import diagnostics, rules
from assessor_app.core.engine.actions import (
    Abandon,
    Accepted,
    Action,
    AddNote,
    ConnectDiagnostics,
    Finish,
    MarkDiagnosticsUnavailable,
    Person,
    RecordConsent,
    RecordDiagnostic,
    RecordMeasurement,
    RecordResult,
    Refused,
    ScoreRubric,
    SignOff,
    StartStep,
    Vehicle,
)
from assessor_app.core.engine.state import (
    AssessmentState,
    MeasurementRecord,
    Outcome,
    StepState,
)
from assessor_app.core.events import Event
from assessor_app.core.specs.models import Amount, ChecklistSpec, Measurement, ParamRef
from assessor_app.core.specs.parameters import ParameterSet, ResolvedParameters, resolve
from assessor_app.core.units import UnitError, convert
from assessor_app.errors import AssessorError

STARTED = "assessment_started"
RESUMED = "session_resumed"


class ReplayError(AssessorError, ValueError):
    """Stored events do not rebuild a valid assessment."""


class StartError(AssessorError, ValueError):
    """An assessment cannot start with this checklist, parameter set and vehicle."""


@dataclass(frozen=True)
class StepView:
    """What the window shows for one step."""

    id: str
    title: str
    risk: str
    status: str  # pending | allowed | blocked | passed | failed | na
    reason: str | None
    wait_s: float | None
    attempts: int


class AssessmentEngine:
    def __init__(self, spec: ChecklistSpec, params: ResolvedParameters, started: Event):
        if started.kind != STARTED:
            raise ReplayError("the first event must start the assessment")
        self.spec = spec
        self.params = params
        self.state = AssessmentState(
            assessment_id=started.assessment_id,
            started=dict(started.payload),
            steps={s.id: StepState() for s in spec.steps},
        )
        self._advance(started)

    # ----------------------------------------------------------------- starting
    @staticmethod
    def start_payload(
        *, spec: ChecklistSpec, spec_sha256: str, params: ParameterSet, params_sha256: str,
        candidate: Person, assessor: Person, workshop: Person, vehicle: Vehicle,
        language: str = "en",
    ) -> tuple[dict[str, Any], ResolvedParameters]:
        """The payload of the first event, pinning checklist and parameters by hash."""
        from assessor_app.core.specs.checks import compatibility

        problems = compatibility(spec, params)
        set_voltage = convert(params.working_voltage.value, params.working_voltage.unit, "V")
        if vehicle.working_voltage_v is not None and vehicle.working_voltage_v > set_voltage:
            # e.g. a 400 V set's 500 V insulation test voltage would pass on an 800 V vehicle
            problems.append(
                f"parameter set {params.id} is for vehicles up to {set_voltage:g} V; this vehicle "
                f"works at {vehicle.working_voltage_v:g} V: choose a set for its voltage"
            )
        if problems:
            raise StartError("; ".join(problems))
        resolved = resolve(params, vehicle.working_voltage_v)
        payload = {
            "candidate": candidate.to_dict(),
            "assessor": assessor.to_dict(),
            "workshop": workshop.to_dict(),
            "vehicle": vehicle.to_dict(),
            "checklist": {"id": spec.id, "version": spec.version, "sha256": spec_sha256},
            "parameter_set": {"id": params.id, "version": params.version, "sha256": params_sha256},
            "parameters": {k: {"value": v, "unit": u} for k, (v, u) in resolved.values.items()},
            "derived_parameters": resolved.derived,
            "working_voltage_v": resolved.working_voltage_v,
            "language": language,
        }
        return payload, resolved

    # ----------------------------------------------------------------- deciding
    def decide(self, action: Action, t_us: int, language: str = "en") -> Accepted | Refused:
        """Whether ``action`` is allowed at ``t_us``; if so, the event payload it becomes."""
        st = self.state
        if st.read_only:
            return Refused(f"the assessment is {st.phase} and read-only", rule="read_only")
        if t_us < st.last_t_us:
            return Refused("time went backwards on the assessment timeline", rule="clock")
        if isinstance(action, (StartStep, RecordMeasurement, RecordResult, RecordDiagnostic)):
            if action.step not in st.steps:
                return Refused(f"this checklist has no step {action.step!r}", rule="unknown")
            if st.phase == "stopped":
                return Refused(self.stopped_reason(language), rule="stopped")
        handler = getattr(self, f"_decide_{action.kind}")
        return handler(action, t_us, language)

    def stopped_reason(self, language: str) -> str:
        sid = self.state.stopped_by or ""
        title = self.spec.step(sid).title.get_text(language) if sid else ""
        return f"critical step {sid} ({title}) failed: the task is stopped, not yet competent"

    def _decide_consent_recorded(self, a: RecordConsent, t_us: int, lang: str) -> Accepted | Refused:
        if not a.person.strip():
            return Refused("say who gave or refused consent", rule="input")
        return Accepted(a.kind, {"person": a.person, "video": a.video, "statement": a.statement})

    def _decide_step_started(self, a: StartStep, t_us: int, lang: str) -> Accepted | Refused:
        step = self.spec.step(a.step)
        if self.state.steps[a.step].status in ("passed", "na"):
            return Refused(f"step {a.step} is already done", rule="done")
        refusal = rules.ordering_refusal(self.spec, self.params, self.state, step, t_us, lang)
        return refusal or Accepted(a.kind, {"step": a.step})

    def _decide_measurement_recorded(
        self, a: RecordMeasurement, t_us: int, lang: str
    ) -> Accepted | Refused:
        step = self.spec.step(a.step)
        spec_m = next((m for m in step.measurements if m.id == a.measurement), None)
        if spec_m is None:
            return Refused(f"step {a.step} has no measurement {a.measurement!r}", rule="unknown")
        if self.state.steps[a.step].status in ("passed", "na"):
            return Refused(f"step {a.step} is already done", rule="done")
        # A reading taken before its step is allowed (during the discharge wait, or a re-prove
        # before the dead test) would let the step pass on evidence out of order.
        refusal = rules.ordering_refusal(self.spec, self.params, self.state, step, t_us, lang)
        if refusal:
            return refusal
        if not isinstance(a.value, int | float) or a.value != a.value:
            return Refused("the value is not a number", rule="input")
        try:
            value = convert(float(a.value), a.unit, spec_m.unit)
        except UnitError as exc:
            return Refused(f"{spec_m.label.get_text(lang)}: {exc}", rule="unit")
        low, high = self.bounds(spec_m)
        judged = abs(value) if spec_m.magnitude else value
        in_range = (low is None or judged >= low) and (high is None or judged <= high)
        return Accepted(a.kind, {
            "step": a.step, "measurement": a.measurement,
            "entered_value": float(a.value), "entered_unit": a.unit,
            "value": value, "unit": spec_m.unit,
            "range": {"min": low, "max": high}, "in_range": in_range,
        })

    def _decide_step_result(self, a: RecordResult, t_us: int, lang: str) -> Accepted | Refused:
        step = self.spec.step(a.step)
        ss = self.state.steps[a.step]
        person = a.person or self.state.candidate_id
        if ss.status in ("passed", "na"):
            return Refused(f"step {a.step} is already {ss.status}", rule="done")
        if a.result == "na":
            if not step.na_allowed:
                return Refused(f"step {a.step} cannot be marked N/A", rule="na")
            if not a.reason.strip():
                return Refused("give the reason this step does not apply", rule="na")
        elif a.result == "pass":
            refusal = (
                rules.ordering_refusal(self.spec, self.params, self.state, step, t_us, lang)
                or rules.window_refusal(self.spec, self.params, self.state, step, t_us, lang)
                or rules.person_refusal(self.spec, self.state, step, person, lang)
                or rules.measurement_refusal(self.spec, self.state, step, lang)
                or diagnostics.pass_refusal(self.state, step, lang)
            )
            if refusal:
                return refusal
        elif a.result != "fail":
            return Refused(f"unknown result {a.result!r}", rule="input")
        payload: dict[str, Any] = {
            "step": a.step, "result": a.result, "reason": a.reason, "person": person,
            "risk": step.risk,
        }
        unavailable = diagnostics.unavailable_at_pass(self.state, step) if a.result == "pass" else {}
        if unavailable:  # only then, so results of steps without diagnostics keep their form
            payload["diagnostics_unavailable"] = unavailable
        return Accepted(a.kind, payload)

    def _decide_diagnostics_connected(self, a: ConnectDiagnostics, t_us: int, lang: str
                                      ) -> Accepted | Refused:
        return diagnostics.decide_connected(a)

    def _decide_diagnostic_recorded(self, a: RecordDiagnostic, t_us: int, lang: str
                                    ) -> Accepted | Refused:
        step = self.spec.step(a.step)
        decision = diagnostics.decide_recorded(a, step, self.state.steps[a.step])
        if isinstance(decision, Refused):
            return decision
        # as with readings: evidence taken before its step is allowed would be out of order
        return rules.ordering_refusal(self.spec, self.params, self.state, step, t_us, lang) or decision

    def _decide_diagnostics_unavailable(self, a: MarkDiagnosticsUnavailable, t_us: int, lang: str
                                        ) -> Accepted | Refused:
        return diagnostics.decide_unavailable(a, self.state)

    def _decide_note_added(self, a: AddNote, t_us: int, lang: str) -> Accepted | Refused:
        if not a.text.strip():
            return Refused("the note is empty", rule="input")
        if a.step is not None and a.step not in self.state.steps:
            return Refused(f"this checklist has no step {a.step!r}", rule="unknown")
        return Accepted(a.kind, {"text": a.text, "step": a.step})

    def _decide_rubric_scored(self, a: ScoreRubric, t_us: int, lang: str) -> Accepted | Refused:
        rubric = self.spec.rubric
        if a.criterion not in {c.id for c in rubric.criteria}:
            return Refused(f"the rubric has no criterion {a.criterion!r}", rule="unknown")
        if isinstance(a.score, bool) or not isinstance(a.score, int) or not (
            rubric.scale.min <= a.score <= rubric.scale.max
        ):
            return Refused(
                f"a score is a whole number from {rubric.scale.min} to {rubric.scale.max}",
                rule="input",
            )
        return Accepted(a.kind, {"criterion": a.criterion, "score": a.score, "comment": a.comment})

    def _decide_signed_off(self, a: SignOff, t_us: int, lang: str) -> Accepted | Refused:
        if a.role not in ("assessor", "candidate", "responsible_person"):
            return Refused(f"unknown sign-off role {a.role!r}", rule="input")
        if not a.name.strip():
            return Refused("a sign-off needs the name of the person signing", rule="input")
        return Accepted(a.kind, {"role": a.role, "name": a.name, "statement": a.statement})

    def _decide_assessment_finished(self, a: Finish, t_us: int, lang: str) -> Accepted | Refused:
        if not any(s["role"] == "assessor" for s in self.state.signoffs):
            return Refused("the assessor must sign off before finishing", rule="signoff")
        outcome, reasons = self.derive_outcome()
        return Accepted(a.kind, {"outcome": outcome, "reasons": reasons})

    def _decide_assessment_abandoned(self, a: Abandon, t_us: int, lang: str) -> Accepted | Refused:
        if not a.reason.strip():
            return Refused("give the reason the assessment is abandoned", rule="input")
        # Abandoning after a critical failure does not erase the verdict.
        outcome = "not_yet_competent" if self.state.stopped_by else "abandoned"
        return Accepted(a.kind, {"reason": a.reason, "outcome": outcome})

    # ----------------------------------------------------------------- outcome
    def derive_outcome(self) -> tuple[Outcome, list[str]]:
        """The outcome the rules give now, and why; never typed in by a person."""
        st, spec = self.state, self.spec
        if st.phase == "abandoned" and not st.stopped_by:
            return "abandoned", ["abandoned"]
        if st.stopped_by:
            return "not_yet_competent", [f"critical step {st.stopped_by} failed"]
        reasons: list[str] = []
        for step in spec.steps:
            if st.steps[step.id].status == "failed" and step.risk == "high":
                reasons.append(f"high-risk step {step.id} failed and was not shown again")
        minimum = spec.rubric.minimum
        for c in spec.rubric.criteria:
            score = st.rubric.get(c.id)
            if minimum is not None and score is not None and score < minimum:
                reasons.append(f"rubric {c.id} scored {score}, below {minimum}")
        if reasons:
            return "not_yet_competent", reasons
        # A failed standard-risk step is feedback only: it is done, and does not block competence.
        pending = [s.id for s in spec.steps if st.steps[s.id].status == "pending"]
        if pending:
            reasons.append("steps not done: " + ", ".join(pending))
        unscored = [c.id for c in spec.rubric.criteria if c.id not in st.rubric]
        if unscored:
            reasons.append("rubric not scored: " + ", ".join(unscored))
        if reasons:
            return "incomplete", reasons
        return "competent", []

    def bounds(self, m: Measurement) -> tuple[float | None, float | None]:
        """The pass range of a measurement in its own unit, parameters resolved."""
        if m.range is None:
            return None, None

        def one(bound: float | Amount | ParamRef | None) -> float | None:
            if bound is None:
                return None
            if isinstance(bound, Amount):
                return convert(bound.value, bound.unit, m.unit)
            if isinstance(bound, ParamRef):
                return self.params.get(bound.param, m.unit)
            return float(bound)

        return one(m.range.min), one(m.range.max)

    # ----------------------------------------------------------------- applying
    def apply(self, event: Event) -> None:
        """Fold an accepted, persisted event into the state."""
        if event.seq != self.state.event_count:
            raise ReplayError(f"event {event.seq} applied out of turn")
        self._advance(event)

    def _advance(self, ev: Event) -> None:
        st, p = self.state, ev.payload
        kind = ev.kind
        if kind == "consent_recorded":
            st.consent = dict(p)
        elif kind == "step_started":
            st.steps[p["step"]].started_t_us = ev.t_us
            st.current_step = p["step"]
        elif kind == "measurement_recorded":
            st.steps[p["step"]].measurements[p["measurement"]] = MeasurementRecord(
                p["value"], p["unit"], p["entered_value"], p["entered_unit"], p["in_range"], ev.t_us
            )
        elif kind == "step_result":
            ss = st.steps[p["step"]]
            ss.status = {"pass": "passed", "fail": "failed", "na": "na"}[p["result"]]  # type: ignore[assignment]
            ss.result_t_us, ss.person, ss.reason = ev.t_us, p["person"], p["reason"]
            ss.attempts += 1
            if p["result"] == "fail":
                # Shown again means measured again: readings of a failed attempt do not count.
                ss.measurements.clear()
                ss.diagnostics.clear()
            if ss.started_t_us is None:
                ss.started_t_us = ev.t_us
            if p["result"] == "fail" and p["risk"] == "critical" and st.stopped_by is None:
                st.stopped_by, st.phase = p["step"], "stopped"
        elif kind == "note_added":
            st.notes.append({**p, "t_us": ev.t_us})
        elif kind == "rubric_scored":
            st.rubric[p["criterion"]] = p["score"]
        elif kind == "signed_off":
            st.signoffs.append({**p, "t_us": ev.t_us})
        elif kind == "assessment_finished":
            st.phase, st.outcome = "finished", p["outcome"]
        elif kind == "assessment_abandoned":
            st.phase, st.outcome = "abandoned", p["outcome"]
        elif kind in ("diagnostics_connected", "diagnostic_recorded", "diagnostics_unavailable"):
            diagnostics.apply(st, ev)
        st.event_count = ev.seq + 1
        st.last_t_us, st.last_wall_us, st.head_hash = ev.t_us, ev.wall_us, ev.hash

    # ----------------------------------------------------------------- views
    def step_views(self, t_us: int, language: str = "en") -> list[StepView]:
        views = []
        for step in self.spec.steps:
            ss = self.state.steps[step.id]
            status: str = ss.status
            reason, wait = None, None
            if status == "pending" or status == "failed":
                refusal: Refused | None
                if self.state.phase != "in_progress":
                    refusal = Refused(self.stopped_reason(language)) if self.state.stopped_by else (
                        Refused(f"the assessment is {self.state.phase}")
                    )
                else:
                    refusal = rules.ordering_refusal(
                        self.spec, self.params, self.state, step, t_us, language
                    )
                if status == "pending":
                    status = "blocked" if refusal else "allowed"
                reason = refusal.reason if refusal else None
                wait = refusal.wait_s if refusal else None
            views.append(StepView(
                step.id, step.title.get_text(language), step.risk, status, reason, wait, ss.attempts
            ))
        return views

    def next_step(self, t_us: int) -> str | None:
        """The first step that can be done now, else the first not yet done."""
        views = self.step_views(t_us)
        for v in views:
            if v.status == "allowed":
                return v.id
        for v in views:
            if v.status in ("blocked", "failed"):
                return v.id
        return None
