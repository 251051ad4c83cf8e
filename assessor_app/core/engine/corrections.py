"""Correcting a recorded result: the assessor says a step's result was recorded wrongly, and why.

A correction is an event of its own (``result_corrected``): the result it corrects stays in the
hash chain, and the correction names it (the event, the attempt, the result it replaces). The
state takes the corrected result; the outcome is derived again from it.

Rules (each refusal says which):

- No correction once anyone has signed off (they signed what the record said), and none once the
  assessment is finished or abandoned (read-only; the engine refuses those first).
- Only the latest result of a step can be corrected, and not a fail the assessor's intervention on
  a critical step caused (a prompted step is not the candidate's competence).
- Corrected to a pass, the attempt must meet every rule a pass meets, judged at the moment the
  result was recorded (ordering, waits, the time window) and on that attempt's own readings and
  diagnostics: data, answers, instruments, the person who may do it, readings in range. A reading
  that locked the step into its hazard stop (a live dead test) is never corrected away.
- Corrected to a fail: always possible; to N/A: with the N/A rules; to the hazard stop: where the
  step has one and its order was met.

Steps that depended on the corrected one (their order, wait, time window, same person or same
instrument refer to it, directly or through another such step) and were passed on that basis
are reopened when the corrected step no longer counts as done (a fail, a hazard stop) or was done
by someone else: they must be done again once it is shown again. A moderator reads an order
rule as "this was done after that was done properly"; keeping those passes would claim an order
that, as corrected, was not met. The events keep every attempt and its readings.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from typing import Any

from assessor_app.core.engine import diagnostics, people, rules, stepwork
from assessor_app.core.engine import messages as m_
from assessor_app.core.engine.actions import Accepted, CorrectResult, Refused
from assessor_app.core.engine.state import AssessmentState, StepState, StopKind
from assessor_app.core.events import Event
from assessor_app.core.specs.models import ChecklistSpec, Step
from assessor_app.core.specs.parameters import ResolvedParameters
from assessor_app.core.terms import term
from assessor_app.i18n import Msg

RESULTS = ("pass", "fail", "na", "hazard")
#: A step's status as the result that gave it.
RESULT_OF = {"passed": "pass", "failed": "fail", "na": "na", "hazard": "hazard"}
MAX_REASON = 2000


def stop_kind(result: str, risk: str) -> StopKind | None:
    """Whether a result stops the task: a failed critical step, or a hazard found."""
    if result == "hazard":
        return "hazard"
    if result == "fail" and risk == "critical":
        return "critical"
    return None


def set_aside(ss: StepState) -> None:
    """A failed attempt's readings and diagnostics no longer count; they are kept aside in case the
    fail is corrected to a pass (the events keep them whatever happens)."""
    ss.failed_measurements, ss.failed_diagnostics = dict(ss.measurements), list(ss.diagnostics)
    ss.measurements.clear()
    ss.diagnostics.clear()


# ----------------------------------------------------------------- deciding
def decide(spec: ChecklistSpec, params: ResolvedParameters, state: AssessmentState, a: CorrectResult,
           language: str = "en") -> Accepted | Refused:
    """Whether the correction is allowed; if so, its event payload (the caller checked read-only)."""
    if a.step not in state.steps:
        return Refused(m_.NO_SUCH_STEP(step=repr(a.step)), rule="unknown")
    if state.signoffs:
        roles = sorted({str(s.get("role", "")) for s in state.signoffs})
        return Refused(m_.CORRECTION_SIGNED(roles=[term(r) or r.replace("_", " ") for r in roles]),
                       rule="signed")
    if not isinstance(a.reason, str) or not a.reason.strip():
        return Refused(m_.CORRECTION_REASON(), rule="input")
    if len(a.reason) > MAX_REASON:
        return Refused(m_.REASON_TOO_LONG(most=MAX_REASON), rule="input")
    if a.result not in RESULTS:
        return Refused(m_.UNKNOWN_RESULT(result=repr(a.result)), rule="input")
    step = spec.step(a.step)
    ss = state.steps[a.step]
    old = RESULT_OF.get(ss.status)
    if old is None or ss.result_t_us is None:
        return Refused(m_.NOTHING_RECORDED(step=a.step), rule="correction")
    if ss.by_intervention:
        return Refused(m_.INTERVENTION_FAIL(step=a.step), rule="intervention")
    person = a.person if a.person is not None else (ss.person or state.candidate_id)
    if old == a.result and person == ss.person:
        return Refused(m_.ALREADY_RECORDED(step=a.step, result=term(a.result)), rule="correction")
    refusal = _refusal(spec, params, state, step, ss, a, person, language)
    if refusal is not None:
        return refusal
    was_done = old in ("pass", "na")
    still_done = a.result in ("pass", "na") and person == ss.person
    reopened = dependents(spec, params, state, a.step) if was_done and not still_done else []
    payload: dict[str, Any] = {
        "step": a.step, "result": a.result, "reason": a.reason.strip(), "person": person,
        "replaces": old, "replaced_person": ss.person, "attempt": ss.attempts, "corrects": ss.result_seq,
        "risk": step.risk, "reopened": reopened,
    }
    if a.result == "pass":
        unavailable = diagnostics.unavailable_at_pass(_as_attempt(state, ss, a.step), step)
        if unavailable:
            payload["diagnostics_unavailable"] = unavailable
    return Accepted(a.kind, payload)


def _refusal(spec: ChecklistSpec, params: ResolvedParameters, state: AssessmentState, step: Step,
             ss: StepState, a: CorrectResult, person: str, language: str) -> Refused | None:
    at = ss.result_t_us
    assert at is not None  # the caller said there is a result
    if a.result != "na":
        refusal = people.person_refusal(state, step, person, a.result)
        if refusal:
            return refusal
    if ss.hazard_lock is not None and a.result in ("pass", "na"):
        return Refused(m_.HAZARD_LOCK_STAYS(lock=ss.hazard_lock), rule="hazard_lock")
    if a.result == "na":
        if not step.na_allowed:
            return Refused(m_.NO_NA(step=a.step), rule="na")
        return None
    if a.result == "hazard":
        if step.hazard is None:
            return Refused(m_.NO_HAZARD_STOP_CORRECTION(step=a.step), rule="hazard")
        return _then(rules.ordering_refusal(spec, params, state, step, at, language))
    if a.result == "fail":
        return None
    if ss.status == "failed" and (ss.measurements or ss.diagnostics):
        return Refused(m_.MEASURED_AGAIN(step=a.step), rule="correction")
    attempt = _as_attempt(state, ss, a.step)
    return (
        _then(rules.ordering_refusal(spec, params, attempt, step, at, language)
              or rules.window_refusal(spec, params, attempt, step, at, language))
        or rules.person_refusal(spec, attempt, step, person, language)
        or stepwork.pass_refusal(spec, attempt, step, language)
        or rules.measurement_refusal(spec, attempt, step, language)
        or diagnostics.pass_refusal(attempt, step, language)
    )


def _then(timing: Refused | None) -> Refused | None:
    """An order or time refusal judged when the result was recorded: said so, and no countdown."""
    if timing is None:
        return None
    return Refused(m_.WHEN_RECORDED(reason=timing.message), rule=timing.rule)


def _as_attempt(state: AssessmentState, ss: StepState, step_id: str) -> AssessmentState:
    """The state as the corrected attempt left it: a failed attempt's readings counting again."""
    if ss.status != "failed":
        return state
    restored = dataclasses.replace(ss, measurements=dict(ss.failed_measurements),
                                   diagnostics=list(ss.failed_diagnostics))
    return dataclasses.replace(state, steps={**state.steps, step_id: restored})


def dependents(spec: ChecklistSpec, params: ResolvedParameters, state: AssessmentState,
               step_id: str) -> list[str]:
    """Steps done (or with readings taken) on the basis of ``step_id``, directly or through one
    another, in checklist order."""
    basis = {step_id}
    grew = True
    while grew:
        grew = False
        for step in spec.steps:
            ss = state.steps[step.id]
            if step.id in basis or not (ss.status == "passed" or (
                    ss.status == "pending" and (ss.measurements or ss.diagnostics))):
                continue
            if _refers_to(spec, params, step) & basis:
                basis.add(step.id)
                grew = True
    return [s.id for s in spec.steps if s.id in basis and s.id != step_id]


def _refers_to(spec: ChecklistSpec, params: ResolvedParameters, step: Step) -> set[str]:
    r = step.rules
    refs = set(params.after(spec.id, step.id, r.after))
    refs |= {w.after for w in r.min_wait} | {w.start for w in r.max_window}
    refs |= {x for x in (r.same_person_as, r.same_instrument_as) if x is not None}
    return refs


# ----------------------------------------------------------------- applying
def apply(state: AssessmentState, ev: Event, *, reopen: Callable[[StepState], None]) -> None:
    """Fold a correction: the step takes the corrected result, its dependents are reopened and the
    stop of the task follows the results as they now stand."""
    p = ev.payload
    ss = state.steps[p["step"]]
    ss.corrections.append({
        "replaces": p["replaces"], "result": p["result"], "reason": p["reason"], "person": p["person"],
        "replaced_person": p["replaced_person"], "attempt": p["attempt"],
        # a reason the engine gave (an assessor's intervention) as the store keeps a message
        "replaced_reason": ss.reason.to_dict() if isinstance(ss.reason, Msg) else ss.reason,
        "corrects": p["corrects"],
        "reopened": list(p["reopened"]), "t_us": ev.t_us, "seq": ev.seq,
    })
    if p["replaces"] == "fail" and p["result"] != "fail":
        ss.measurements, ss.diagnostics = dict(ss.failed_measurements), list(ss.failed_diagnostics)
    ss.status = {"pass": "passed", "fail": "failed", "na": "na", "hazard": "hazard"}[p["result"]]  # type: ignore[assignment]
    ss.person, ss.reason, ss.result_seq = p["person"], p["reason"], ev.seq
    ss.stop = stop_kind(p["result"], p["risk"])
    if p["result"] == "fail" and p["replaces"] != "fail":
        set_aside(ss)
    for sid in p["reopened"]:
        reopen(state.steps[sid])
        state.steps[sid].reopened_by.append({"step": p["step"], "t_us": ev.t_us, "seq": ev.seq})
    _restop(state)


def _restop(state: AssessmentState) -> None:
    """The step that stops the task as the results now stand: a failed critical step before a hazard
    found (the candidate's own fail decides), the earliest recorded first."""
    if state.phase not in ("in_progress", "stopped"):
        return
    stops = [(ss.stop != "critical", ss.result_t_us or 0, i, sid)
             for i, (sid, ss) in enumerate(state.steps.items()) if ss.stop is not None]
    if not stops:
        state.stopped_by, state.stop_kind, state.phase = None, None, "in_progress"
        return
    sid = min(stops)[3]
    state.stopped_by, state.stop_kind, state.phase = sid, state.steps[sid].stop, "stopped"
