"""The assessment engine: decides whether an action is allowed and folds events into state.

Pure Python: the engine never reads a clock or touches storage. A caller stamps each action
with the timeline position (``t_us``), asks ``decide``, persists the accepted event, then
``apply``s it. Replaying the stored events through the same two calls rebuilds the state and
proves every event was allowed when it was recorded.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from assessor_app.core.engine import corrections, diagnostics, people, rules, stepwork
from assessor_app.core.engine import messages as m_
from assessor_app.core.engine.actions import (
    Abandon,
    Accepted,
    Action,
    AddNote,
    ConnectDiagnostics,
    CorrectResult,
    Finish,
    MarkDiagnosticsUnavailable,
    Person,
    RecordAnswer,
    RecordConsent,
    RecordDiagnostic,
    RecordIdentityCheck,
    RecordIntervention,
    RecordMeasurement,
    RecordPhoto,
    RecordResult,
    RecordStepData,
    Refused,
    ReopenSteps,
    ScoreRubric,
    SignOff,
    StartStep,
    Vehicle,
)
from assessor_app.core.engine.fold import fold
from assessor_app.core.engine.people import Participant, Place, VehicleInfo
from assessor_app.core.engine.state import AssessmentState, Outcome, StepState
from assessor_app.core.events import Event
from assessor_app.core.plausibility import (
    DEFAULT_PLAUSIBILITY,
    Limit,
    Plausibility,
    Span,
    as_float,
    value_problem,
)
from assessor_app.core.specs.models import Amount, ChecklistSpec, Measurement, ParamRef
from assessor_app.core.specs.parameters import ParameterSet, ResolvedParameters, resolve
from assessor_app.core.terms import term
from assessor_app.core.units import UnitError, convert
from assessor_app.core.vin import vin_problem
from assessor_app.errors import AssessorError
from assessor_app.i18n import Msg

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
    reason: Msg | str | None  # the engine's message; a window puts its rendered text here
    wait_s: float | None
    attempts: int


class AssessmentEngine:
    def __init__(self, spec: ChecklistSpec, params: ResolvedParameters, started: Event):
        if started.kind != STARTED:
            raise ReplayError(m_.FIRST_EVENT())
        self.spec = spec
        self.params = params
        self.plausibility = plausibility_of(started.payload)
        self.state = AssessmentState(
            assessment_id=started.assessment_id,
            started=dict(started.payload),
            steps={s.id: StepState() for s in spec.steps},
            start_wall_us=started.wall_us - started.t_us,
        )
        self._advance(started)

    # ----------------------------------------------------------------- starting
    @staticmethod
    def start_payload(
        *, spec: ChecklistSpec, spec_sha256: str, params: ParameterSet, params_sha256: str,
        candidate: Person, assessor: Person, workshop: Person, vehicle: Vehicle,
        language: str = "en", plausibility: Plausibility = DEFAULT_PLAUSIBILITY,
    ) -> tuple[dict[str, Any], ResolvedParameters]:
        """The payload of the first event, pinning checklist, parameters and the plausibility policy
        (by which readings are refused as mistyped) for the whole assessment."""
        from assessor_app.core.specs.checks import compatibility

        problems = compatibility(spec, params)
        set_voltage = convert(params.working_voltage.value, params.working_voltage.unit, "V")
        wv = vehicle.working_voltage_v
        implausible: Msg | None = None
        if isinstance(wv, bool) or not isinstance(wv, int | float | None):
            implausible = m_.WORKING_VOLTAGE_NOT_A_NUMBER()
        elif wv is not None:
            problem = plausibility.working_voltage_problem(wv)
            implausible = problem.message if problem is not None else None
        if implausible is not None:
            problems.append(implausible)  # not compared with the set: the number itself is wrong
        elif wv is not None and wv > set_voltage:
            # e.g. a 400 V set's 500 V insulation test voltage would pass on an 800 V vehicle
            problems.append(m_.SET_TOO_LOW(parameter_set=params.id, set_voltage=set_voltage,
                                           vehicle_voltage=vehicle.working_voltage_v))
        if problems:
            raise StartError(problems)
        resolved = resolve(params, vehicle.working_voltage_v)
        payload = {
            "candidate": candidate.to_dict(),
            "assessor": assessor.to_dict(),
            "workshop": workshop.to_dict(),
            "vehicle": vehicle.to_dict(),
            "checklist": {"id": spec.id, "version": spec.version, "sha256": spec_sha256},
            "parameter_set": {"id": params.id, "version": params.version, "sha256": params_sha256},
            "parameters": {k: {"value": v, "unit": u} for k, (v, u) in resolved.values.items()},
            "derived_parameters": {name: said.to_dict() for name, said in resolved.derived.items()},
            "working_voltage_v": resolved.working_voltage_v,
            "language": language,
            "plausibility": plausibility.to_payload(),
        }
        return payload, resolved

    @staticmethod
    def start_payload_v2(
        *, spec: ChecklistSpec, spec_sha256: str, params: ParameterSet, params_sha256: str,
        candidate: Participant, assessor: Participant, workshop: Place, vehicle: VehicleInfo,
        responsible: Participant | None = None, awarding_body: str = "",
        eligibility: Mapping[str, str | Msg] | None = None, language: str = "en", vin: str | None = None,
        plausibility: Plausibility = DEFAULT_PLAUSIBILITY,
    ) -> tuple[dict[str, Any], ResolvedParameters]:
        """The first event of a record that keeps identity apart: ids and commitments, no names.

        ``eligibility``: prerequisite checklist id -> why the candidate meets it (a message, stored
        as code, values and English text; or a plain text).

        ``vin``: the VIN as recorded in the identity file, checked here (ISO 3779) and never put in
        the record; empty when the vehicle has none (a training rig), None when the caller keeps none.
        """
        if vin:
            problem = vin_problem(vin)
            if problem is not None:
                raise StartError(problem.message)
        legacy_vehicle = Vehicle("", vehicle.description, vehicle.working_voltage_v)
        payload, resolved = AssessmentEngine.start_payload(
            spec=spec, spec_sha256=spec_sha256, params=params, params_sha256=params_sha256,
            candidate=Person(candidate.id), assessor=Person(assessor.id), workshop=Person(workshop.id),
            vehicle=legacy_vehicle, language=language, plausibility=plausibility)
        problems = people.start_problems(spec, candidate, assessor, responsible, eligibility or {})
        if problems:
            raise StartError(problems)
        payload.update(people.people_payload(
            candidate=candidate, assessor=assessor, responsible=responsible, workshop=workshop,
            vehicle=vehicle, awarding_body=awarding_body))
        payload["parameter_set"]["source"] = params.source
        payload["eligibility"] = {k: v.to_dict() if isinstance(v, Msg) else v
                                  for k, v in sorted((eligibility or {}).items())}
        return payload, resolved

    # ----------------------------------------------------------------- deciding
    def decide(self, action: Action, t_us: int, language: str = "en") -> Accepted | Refused:
        """Whether ``action`` is allowed at ``t_us``; if so, the event payload it becomes."""
        st = self.state
        if st.read_only:
            return Refused(m_.READ_ONLY(phase=term(st.phase) or st.phase), rule="read_only")
        if t_us < st.last_t_us:
            return Refused(m_.CLOCK_BACKWARDS(), rule="clock")
        if isinstance(action, (StartStep, RecordMeasurement, RecordResult, RecordDiagnostic, RecordPhoto,
                               RecordStepData, RecordAnswer, RecordIntervention, ReopenSteps)):
            if action.step not in st.steps:
                return Refused(m_.NO_SUCH_STEP(step=repr(action.step)), rule="unknown")
            if st.phase == "stopped":
                return Refused(self.stopped_reason(), rule="stopped")
        handler = getattr(self, f"_decide_{action.kind}")
        return handler(action, t_us, language)

    def stopped_reason(self, language: str = "en") -> Msg:
        sid = self.state.stopped_by or ""
        step = m_.STEP(step=sid, title=self.spec.step(sid).title if sid else "")
        if self.state.stop_kind == "hazard":
            return m_.STOPPED_HAZARD(step=step)
        return m_.STOPPED_CRITICAL(step=step)

    def _decide_consent_recorded(self, a: RecordConsent, t_us: int, lang: str) -> Accepted | Refused:
        if not a.person.strip():
            return Refused(m_.CONSENT_PERSON(), rule="input")
        return Accepted(a.kind, {"person": a.person, "video": a.video, "statement": a.statement})

    def _decide_step_started(self, a: StartStep, t_us: int, lang: str) -> Accepted | Refused:
        step = self.spec.step(a.step)
        if self.state.steps[a.step].status in ("passed", "na"):
            return Refused(m_.ALREADY_DONE(step=a.step), rule="done")
        refusal = rules.ordering_refusal(self.spec, self.params, self.state, step, t_us, lang)
        return refusal or Accepted(a.kind, {"step": a.step})

    def _decide_measurement_recorded(
        self, a: RecordMeasurement, t_us: int, lang: str
    ) -> Accepted | Refused:
        step = self.spec.step(a.step)
        spec_m = next((m for m in step.measurements if m.id == a.measurement), None)
        if spec_m is None:
            return Refused(m_.NO_SUCH_MEASUREMENT(step=a.step, measurement=repr(a.measurement)),
                           rule="unknown")
        if self.state.steps[a.step].status in ("passed", "na"):
            return Refused(m_.ALREADY_DONE(step=a.step), rule="done")
        # A reading taken before its step is allowed (during the discharge wait, or a re-prove
        # before the dead test) would let the step pass on evidence out of order.
        refusal = rules.ordering_refusal(self.spec, self.params, self.state, step, t_us, lang)
        if refusal:
            return refusal
        if isinstance(a.value, bool) or not isinstance(a.value, int | float):
            return Refused(m_.NOT_A_NUMBER(label=spec_m.label), rule="input")
        entered = as_float(a.value)
        if not math.isfinite(entered):
            return Refused(m_.NOT_FINITE(label=spec_m.label, value=str(entered)), rule="input")
        if spec_m.instrument and not (a.instrument or "").strip():
            return Refused(m_.SAY_INSTRUMENT(label=spec_m.label), rule="instrument")
        try:
            value = convert(entered, a.unit, spec_m.unit)
        except UnitError as exc:
            return Refused(m_.UNIT_PROBLEM(label=spec_m.label, problem=exc.message), rule="unit")
        span, limit = self.instrument_span(spec_m)
        problem = value_problem(spec_m.label, value, spec_m.unit, span, limit)
        if problem is not None:  # a slip of the finger, not a reading: nothing is judged or recorded
            return Refused(problem.message, rule="implausible")
        low, high = self.bounds(spec_m)
        judged = abs(value) if spec_m.magnitude else value
        in_range = (low is None or judged >= low) and (high is None or judged <= high)
        payload: dict[str, Any] = {
            "step": a.step, "measurement": a.measurement,
            "entered_value": float(a.value), "entered_unit": a.unit,
            "value": value, "unit": spec_m.unit,
            "range": {"min": low, "max": high}, "in_range": in_range,
        }
        for name in ("instrument", "range_label"):  # only when given: older records have neither
            if getattr(a, name) is not None:
                payload[name] = str(getattr(a, name)).strip()[:100]
        return Accepted(a.kind, payload)

    def _decide_step_result(self, a: RecordResult, t_us: int, lang: str) -> Accepted | Refused:
        step = self.spec.step(a.step)
        ss = self.state.steps[a.step]
        person = a.person or self.state.candidate_id
        if ss.status in ("passed", "na"):
            return Refused(m_.ALREADY_RESULT(step=a.step, result=term(ss.status) or ss.status), rule="done")
        if a.result not in ("na", "pass", "fail", "hazard"):
            return Refused(m_.UNKNOWN_RESULT(result=repr(a.result)), rule="input")
        if a.result != "na":
            refusal = people.person_refusal(self.state, step, person, a.result)
            if refusal:
                return refusal
        if a.result == "na":
            if not step.na_allowed:
                return Refused(m_.NO_NA(step=a.step), rule="na")
            if not a.reason.strip():
                return Refused(m_.NA_REASON(), rule="na")
        elif a.result == "hazard":
            if step.hazard is None:
                return Refused(m_.NO_HAZARD_STOP(step=a.step), rule="hazard")
            if not a.reason.strip():
                return Refused(m_.HAZARD_REASON(), rule="hazard")
            refusal = rules.ordering_refusal(self.spec, self.params, self.state, step, t_us, lang)
            if refusal:
                return refusal
        elif a.result == "pass":
            refusal = (
                rules.ordering_refusal(self.spec, self.params, self.state, step, t_us, lang)
                or rules.window_refusal(self.spec, self.params, self.state, step, t_us, lang)
                or rules.person_refusal(self.spec, self.state, step, person, lang)
                or stepwork.pass_refusal(self.spec, self.state, step, lang)
                or rules.measurement_refusal(self.spec, self.state, step, lang)
                or diagnostics.pass_refusal(self.state, step, lang)
            )
            if refusal:
                return refusal
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
            return Refused(m_.NOTE_EMPTY(), rule="input")
        if a.step is not None and a.step not in self.state.steps:
            return Refused(m_.NO_SUCH_STEP(step=repr(a.step)), rule="unknown")
        return Accepted(a.kind, {"text": a.text, "step": a.step})

    def _decide_rubric_scored(self, a: ScoreRubric, t_us: int, lang: str) -> Accepted | Refused:
        rubric = self.spec.rubric
        if a.criterion not in {c.id for c in rubric.criteria}:
            return Refused(m_.NO_SUCH_CRITERION(criterion=repr(a.criterion)), rule="unknown")
        if isinstance(a.score, bool) or not isinstance(a.score, int) or not (
            rubric.scale.min <= a.score <= rubric.scale.max
        ):
            return Refused(m_.SCORE_RANGE(low=rubric.scale.min, high=rubric.scale.max), rule="input")
        return Accepted(a.kind, {"criterion": a.criterion, "score": a.score, "comment": a.comment})

    def _decide_signed_off(self, a: SignOff, t_us: int, lang: str) -> Accepted | Refused:
        return people.decide_signoff(self.state, a)

    def _decide_identity_checked(self, a: RecordIdentityCheck, t_us: int, lang: str) -> Accepted | Refused:
        return people.decide_identity_check(a)

    def _decide_photo_recorded(self, a: RecordPhoto, t_us: int, lang: str) -> Accepted | Refused:
        step = self.spec.step(a.step)
        return (rules.ordering_refusal(self.spec, self.params, self.state, step, t_us, lang)
                or stepwork.decide_photo(step, a))

    def _decide_step_data_recorded(self, a: RecordStepData, t_us: int, lang: str) -> Accepted | Refused:
        step = self.spec.step(a.step)
        if self.state.steps[a.step].status in ("passed", "na", "hazard"):
            return Refused(m_.ALREADY_DONE(step=a.step), rule="done")
        return (rules.ordering_refusal(self.spec, self.params, self.state, step, t_us, lang)
                or stepwork.decide_data(step, self.state, self.params, a, t_us, lang,
                                        plausibility=self.plausibility))

    def _decide_answer_recorded(self, a: RecordAnswer, t_us: int, lang: str) -> Accepted | Refused:
        step = self.spec.step(a.step)
        if self.state.steps[a.step].status in ("passed", "na", "hazard"):
            return Refused(m_.ALREADY_DONE(step=a.step), rule="done")
        return (rules.ordering_refusal(self.spec, self.params, self.state, step, t_us, lang)
                or stepwork.decide_answer(step, a))

    def _decide_intervention_recorded(self, a: RecordIntervention, t_us: int, lang: str
                                      ) -> Accepted | Refused:
        return stepwork.decide_intervention(self.spec.step(a.step), self.state, a)

    def _decide_steps_reopened(self, a: ReopenSteps, t_us: int, lang: str) -> Accepted | Refused:
        return stepwork.decide_reopen(self.spec, self.params, self.state, a, t_us)

    def _decide_result_corrected(self, a: CorrectResult, t_us: int, lang: str) -> Accepted | Refused:
        return corrections.decide(self.spec, self.params, self.state, a, lang)

    def _decide_assessment_finished(self, a: Finish, t_us: int, lang: str) -> Accepted | Refused:
        refusal = people.finish_refusal(self.spec, self.state)
        if refusal:
            return refusal
        outcome, reasons = self.derive_outcome()
        return Accepted(a.kind, {"outcome": outcome, "reasons": [r.to_dict() for r in reasons]})

    def _decide_assessment_abandoned(self, a: Abandon, t_us: int, lang: str) -> Accepted | Refused:
        if not a.reason.strip():
            return Refused(m_.ABANDON_REASON(), rule="input")
        # Abandoning after a stop does not erase its verdict.
        outcome = "abandoned"
        if self.state.stopped_by:
            outcome = "stopped_safely" if self.state.stop_kind == "hazard" else "not_yet_competent"
        return Accepted(a.kind, {"reason": a.reason, "outcome": outcome})

    # ----------------------------------------------------------------- outcome
    def derive_outcome(self) -> tuple[Outcome, list[Msg]]:
        """The outcome the rules give now, and why; never typed in by a person."""
        st, spec = self.state, self.spec
        if st.phase == "abandoned" and not st.stopped_by:
            return "abandoned", [m_.OUTCOME_ABANDONED()]
        if st.stopped_by and st.stop_kind == "hazard":
            return "stopped_safely", [m_.OUTCOME_HAZARD(step=st.stopped_by)]
        if st.stopped_by:
            return "not_yet_competent", [m_.OUTCOME_CRITICAL(step=st.stopped_by)]
        reasons: list[Msg] = []
        for step in spec.steps:
            if st.steps[step.id].status == "failed" and step.risk == "high":
                reasons.append(m_.OUTCOME_HIGH_RISK(step=step.id))
            if step.gates_outcome:
                wrong = [q for q, ans in st.steps[step.id].answers.items() if not ans["correct"]]
                if wrong:
                    reasons.append(m_.OUTCOME_ORAL(step=step.id, questions=wrong, n=len(wrong)))
        for c in spec.rubric.criteria:
            minimum = c.minimum if c.minimum is not None else spec.rubric.minimum
            score = st.rubric.get(c.id)
            if minimum is not None and score is not None and score < minimum:
                reasons.append(m_.OUTCOME_RUBRIC_LOW(criterion=c.id, score=score, minimum=minimum))
        if reasons:
            return "not_yet_competent", reasons
        # A failed standard-risk step is feedback only: it is done, and does not block competence.
        pending = [s.id for s in spec.steps if st.steps[s.id].status == "pending"]
        if pending:
            reasons.append(m_.OUTCOME_NOT_DONE(steps=pending, n=len(pending)))
        unscored = [c.id for c in spec.rubric.criteria if c.id not in st.rubric]
        if unscored:
            reasons.append(m_.OUTCOME_UNSCORED(criteria=unscored))
        if reasons:
            return "incomplete", reasons
        return "competent", []

    def instrument_span(self, m: Measurement) -> tuple[Span | None, Limit]:
        """What a reading of ``m`` can be, in its own unit: the checklist's instrument range, else
        the pinned policy's range for its quantity (none in records made before the policy)."""
        rng = m.instrument_range
        if rng is not None:
            def one(bound: float | Amount | None) -> float | None:
                if bound is None:
                    return None
                if isinstance(bound, Amount):
                    return convert(bound.value, bound.unit, m.unit)
                return float(bound)

            return Span(one(rng.min), one(rng.max), m.unit), "instrument"
        policy = self.plausibility.for_unit(m.unit) if self.plausibility is not None else None
        return (policy.to(m.unit) if policy is not None else None), "plausible"

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
            raise ReplayError(m_.OUT_OF_TURN(seq=event.seq))
        self._advance(event)

    def _advance(self, ev: Event) -> None:
        fold(self.spec, self.state, ev)

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
                        Refused(m_.ASSESSMENT_IS(phase=term(self.state.phase) or self.state.phase))
                    )
                else:
                    refusal = rules.ordering_refusal(
                        self.spec, self.params, self.state, step, t_us, language
                    )
                if status == "pending":
                    status = "blocked" if refusal else "allowed"
                reason = refusal.message if refusal else None
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


def plausibility_of(started: Mapping[str, Any]) -> Plausibility | None:
    """The plausibility policy a record pinned at its start; None in records made before there was one."""
    if "plausibility" not in started:
        return None
    try:
        return Plausibility.from_payload(started["plausibility"])
    except ValueError as exc:  # PolicyError, saying what is malformed
        raise ReplayError(m_.FIRST_EVENT_POLICY(problem=getattr(exc, "message", str(exc)))) from None
