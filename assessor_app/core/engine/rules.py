"""The ordering and timing rules of a checklist step, checked against the state."""

from __future__ import annotations

from assessor_app.core.clock import format_duration
from assessor_app.core.engine.actions import Refused
from assessor_app.core.engine.state import AssessmentState
from assessor_app.core.specs.models import Amount, ChecklistSpec, ParamRef, Step
from assessor_app.core.specs.parameters import ResolvedParameters
from assessor_app.core.units import convert


def duration_s(value: Amount | ParamRef, params: ResolvedParameters) -> float:
    if isinstance(value, Amount):
        return convert(value.value, value.unit, "s")
    return params.get(value.param, "s")


def _title(spec: ChecklistSpec, step_id: str, language: str) -> str:
    return f"step {step_id} ({spec.step(step_id).title.get_text(language)})"


def ordering_refusal(
    spec: ChecklistSpec, params: ResolvedParameters, state: AssessmentState, step: Step,
    t_us: int, language: str = "en",
) -> Refused | None:
    """Why ``step`` may not be done at ``t_us`` yet (must-come-after and minimum waits).

    The parameter set may give the OEM's own order for a step (it replaces the checklist's).
    """
    for ref in params.after(spec.id, step.id, step.rules.after):
        if state.steps[ref].status not in ("passed", "na"):
            return Refused(f"{_title(spec, ref, language)} must be passed first", rule="after")
    for wait in step.rules.min_wait:
        ref_state = state.steps[wait.after]
        label = wait.label.get_text(language) if wait.label else "Wait"
        if ref_state.status not in ("passed", "na") or ref_state.result_t_us is None:
            return Refused(
                f"{label}: starts when {_title(spec, wait.after, language)} is done", rule="min_wait"
            )
        due_us = ref_state.result_t_us + round(duration_s(wait.wait, params) * 1e6)
        if t_us < due_us:
            left = (due_us - t_us) / 1e6
            return Refused(f"{label}: {format_duration(left)} left", rule="min_wait", wait_s=left)
    return None


def window_refusal(
    spec: ChecklistSpec, params: ResolvedParameters, state: AssessmentState, step: Step,
    t_us: int, language: str = "en",
) -> Refused | None:
    """Why ``step`` is too late (maximum window after another step)."""
    for window in step.rules.max_window:
        ref_state = state.steps[window.start]
        label = window.label.get_text(language) if window.label else "Time window"
        if ref_state.result_t_us is None or ref_state.status not in ("passed", "na"):
            return Refused(
                f"{label}: {_title(spec, window.start, language)} must be done first", rule="max_window"
            )
        limit = duration_s(window.window, params)
        since = (t_us - ref_state.result_t_us) / 1e6
        if since > limit:
            if window.on_lapse == "reopen":
                from assessor_app.core.engine.stepwork import chain_root

                root = chain_root(spec, window.start)
                then = (f"do the sequence again from {_title(spec, root, language)} (every reading is "
                        "kept), or record the step as failed")
            else:
                then = "record the step as failed"
            return Refused(
                f"{label} closed: {format_duration(since)} since {_title(spec, window.start, language)}, "
                f"limit {format_duration(limit)}; {then}",
                rule="max_window",
            )
    return None


def person_refusal(
    spec: ChecklistSpec, state: AssessmentState, step: Step, person: str, language: str = "en"
) -> Refused | None:
    ref = step.rules.same_person_as
    if ref is None:
        return None
    done_by = state.steps[ref].person
    if done_by is None:
        return Refused(f"{_title(spec, ref, language)} must be done first", rule="same_person")
    if done_by != person:
        return Refused(
            f"must be done by the person who did {_title(spec, ref, language)} ({done_by}), "
            f"not {person}",
            rule="same_person",
        )
    return None


def measurement_refusal(
    spec: ChecklistSpec, state: AssessmentState, step: Step, language: str = "en"
) -> Refused | None:
    recorded = state.steps[step.id].measurements
    for m in step.measurements:
        rec = recorded.get(m.id)
        label = m.label.get_text(language)
        if rec is None:
            return Refused(f"measure {label} first", rule="measurement")
        if not rec.in_range:
            return Refused(
                f"{label} {rec.entered_value:g} {rec.entered_unit} is out of range: "
                "measure again or record a fail",
                rule="measurement",
            )
    return None
