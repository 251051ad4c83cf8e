"""The ordering and timing rules of a checklist step, checked against the state."""

from __future__ import annotations

from assessor_app.core.engine import messages as m_
from assessor_app.core.engine.actions import Refused
from assessor_app.core.engine.state import AssessmentState
from assessor_app.core.specs.models import Amount, ChecklistSpec, ParamRef, Step
from assessor_app.core.specs.parameters import ResolvedParameters
from assessor_app.core.units import convert
from assessor_app.i18n import Msg


def duration_s(value: Amount | ParamRef, params: ResolvedParameters) -> float:
    if isinstance(value, Amount):
        return convert(value.value, value.unit, "s")
    return params.get(value.param, "s")


def _title(spec: ChecklistSpec, step_id: str, language: str = "en") -> Msg:
    """The step named in a message: its number and its title (in every language of the checklist)."""
    return m_.STEP(step=step_id, title=spec.step(step_id).title)


def ordering_refusal(
    spec: ChecklistSpec, params: ResolvedParameters, state: AssessmentState, step: Step,
    t_us: int, language: str = "en",
) -> Refused | None:
    """Why ``step`` may not be done at ``t_us`` yet (must-come-after and minimum waits).

    The parameter set may give the OEM's own order for a step (it replaces the checklist's).
    """
    for ref in params.after(spec.id, step.id, step.rules.after):
        if state.steps[ref].status not in ("passed", "na"):
            return Refused(m_.MUST_PASS_FIRST(step=_title(spec, ref)), rule="after")
    for wait in step.rules.min_wait:
        ref_state = state.steps[wait.after]
        label = wait.label if wait.label else m_.WAIT()
        if ref_state.status not in ("passed", "na") or ref_state.result_t_us is None:
            return Refused(m_.WAIT_STARTS_WHEN(label=label, step=_title(spec, wait.after)), rule="min_wait")
        due_us = ref_state.result_t_us + round(duration_s(wait.wait, params) * 1e6)
        if t_us < due_us:
            left = (due_us - t_us) / 1e6
            return Refused(m_.WAIT_LEFT(label=label, left_s=left), rule="min_wait", wait_s=left)
    return None


def window_refusal(
    spec: ChecklistSpec, params: ResolvedParameters, state: AssessmentState, step: Step,
    t_us: int, language: str = "en",
) -> Refused | None:
    """Why ``step`` is too late (maximum window after another step)."""
    for window in step.rules.max_window:
        ref_state = state.steps[window.start]
        label = window.label if window.label else m_.TIME_WINDOW()
        if ref_state.result_t_us is None or ref_state.status not in ("passed", "na"):
            return Refused(m_.WINDOW_NEEDS_START(label=label, step=_title(spec, window.start)),
                           rule="max_window")
        limit = duration_s(window.window, params)
        since = (t_us - ref_state.result_t_us) / 1e6
        if since > limit:
            values = {"label": label, "since_s": since, "step": _title(spec, window.start), "limit_s": limit}
            if window.on_lapse == "reopen":
                from assessor_app.core.engine.stepwork import chain_root

                root = chain_root(spec, window.start)
                return Refused(m_.WINDOW_CLOSED_REOPEN(root=_title(spec, root), **values), rule="max_window")
            return Refused(m_.WINDOW_CLOSED(**values), rule="max_window")
    return None


def person_refusal(
    spec: ChecklistSpec, state: AssessmentState, step: Step, person: str, language: str = "en"
) -> Refused | None:
    ref = step.rules.same_person_as
    if ref is None:
        return None
    done_by = state.steps[ref].person
    if done_by is None:
        return Refused(m_.MUST_BE_DONE_FIRST(step=_title(spec, ref)), rule="same_person")
    if done_by != person:
        return Refused(m_.SAME_PERSON(step=_title(spec, ref), done_by=done_by, person=person),
                       rule="same_person")
    return None


def measurement_refusal(
    spec: ChecklistSpec, state: AssessmentState, step: Step, language: str = "en"
) -> Refused | None:
    recorded = state.steps[step.id].measurements
    for m in step.measurements:
        rec = recorded.get(m.id)
        if rec is None:
            return Refused(m_.MEASURE_FIRST(label=m.label), rule="measurement")
        if not rec.in_range:
            return Refused(m_.OUT_OF_RANGE(label=m.label, value=rec.entered_value, unit=rec.entered_unit),
                           rule="measurement")
    return None
