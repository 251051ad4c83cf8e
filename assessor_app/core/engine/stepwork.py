"""What happens inside a step besides its result: photos, structured data, oral answers, the
assessor's interventions, the hazard lock of a live dead test, and redoing a live-dead-live
sequence whose window lapsed. Decisions are pure functions over the spec and the state.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from assessor_app.core.engine import fields
from assessor_app.core.engine import messages as m_
from assessor_app.core.engine.actions import (
    Accepted,
    RecordAnswer,
    RecordIntervention,
    RecordPhoto,
    RecordStepData,
    Refused,
    ReopenSteps,
)
from assessor_app.core.engine.rules import duration_s
from assessor_app.core.engine.state import AssessmentState
from assessor_app.core.plausibility import Plausibility
from assessor_app.core.specs.models import ChecklistSpec, Step
from assessor_app.core.specs.parameters import ResolvedParameters

HEX64 = re.compile(r"[0-9a-f]{64}")
EVIDENCE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,99}(/[A-Za-z0-9][A-Za-z0-9._-]{0,99}){0,3}")
MAX_NOTE = 2000


def wall_date(state: AssessmentState, t_us: int) -> dt.date:
    """The wall-clock date of a moment on the assessment timeline (as the record will show it)."""
    return dt.datetime.fromtimestamp((state.start_wall_us + t_us) / 1e6, tz=dt.UTC).date()


# ----------------------------------------------------------------- deciding
def decide_photo(step: Step, a: RecordPhoto) -> Accepted | Refused:
    if ".." in a.evidence.split("/") or not EVIDENCE_NAME.fullmatch(a.evidence):
        return Refused(m_.PHOTO_NAME(name=repr(a.evidence[:60])), rule="input")
    if not isinstance(a.sha256, str) or not HEX64.fullmatch(a.sha256):
        return Refused(m_.PHOTO_SHA256(), rule="input")
    if a.source not in ("camera", "file"):
        return Refused(m_.PHOTO_SOURCE(), rule="input")
    for value, said in ((a.width, m_.PHOTO_WIDTH), (a.height, m_.PHOTO_HEIGHT)):
        if isinstance(value, bool) or not isinstance(value, int) or not 0 < value <= 100_000:
            return Refused(said(), rule="input")
    return Accepted(a.kind, {"step": step.id, "evidence": a.evidence, "sha256": a.sha256,
                             "source": a.source, "width": a.width, "height": a.height})


def decide_data(step: Step, state: AssessmentState, params: ResolvedParameters, a: RecordStepData,
                t_us: int, language: str, *, plausibility: Plausibility | None = None) -> Accepted | Refused:
    if not isinstance(a.values, dict) or not a.values:
        return Refused(m_.DATA_NONE(), rule="input")
    by_id = {f.id: f for f in step.fields}
    values: dict[str, Any] = {}
    checks: dict[str, dict[str, Any]] = {}
    today = wall_date(state, t_us)
    for key, raw in a.values.items():
        field = by_id.get(key)
        if field is None:
            return Refused(m_.NO_SUCH_FIELD(step=step.id, field=repr(str(key)[:40])), rule="unknown")
        try:
            value = fields.parse(field, raw, language, plausibility=plausibility)
        except fields.FieldValueError as exc:
            return Refused(exc.message, rule="input")
        reason = fields.check(field, value, params, today, language)
        # the reason as the store keeps a message (older records hold its English text)
        values[key] = value
        checks[key] = {"ok": reason is None, "reason": reason.to_dict() if reason is not None else ""}
    return Accepted(a.kind, {"step": step.id, "values": values, "checks": checks})


def decide_answer(step: Step, a: RecordAnswer) -> Accepted | Refused:
    if a.question not in {q.id for q in step.questions}:
        return Refused(m_.NO_SUCH_QUESTION(step=step.id, question=repr(a.question[:40])), rule="unknown")
    if not isinstance(a.answer, str) or not a.answer.strip() or len(a.answer) > MAX_NOTE:
        return Refused(m_.ANSWER_NOTE(most=MAX_NOTE), rule="input")
    if not isinstance(a.correct, bool):
        return Refused(m_.ANSWER_CORRECT(), rule="input")
    return Accepted(a.kind, {"step": step.id, "question": a.question, "answer": a.answer.strip(),
                             "correct": a.correct})


def decide_intervention(step: Step, state: AssessmentState, a: RecordIntervention) -> Accepted | Refused:
    if a.intervention not in ("prompt", "intervention"):
        return Refused(m_.INTERVENTION_KIND(), rule="input")
    if not isinstance(a.note, str) or not a.note.strip() or len(a.note) > MAX_NOTE:
        return Refused(m_.INTERVENTION_NOTE(), rule="input")
    if state.steps[step.id].status in ("passed", "na", "hazard"):
        return Refused(m_.ALREADY_DONE(step=step.id), rule="done")
    return Accepted(a.kind, {"step": step.id, "intervention": a.intervention, "note": a.note.strip(),
                             "fails_step": step.risk == "critical"})


def lapsed_roots(spec: ChecklistSpec, params: ResolvedParameters, state: AssessmentState,
                 t_us: int) -> set[str]:
    """Steps whose sequence may be done again: the first step of a chain of reopenable windows,
    one of which has lapsed for a step not yet done."""
    roots = set()
    for step in spec.steps:
        if state.steps[step.id].status not in ("pending", "failed"):
            continue
        for window in step.rules.max_window:
            start = state.steps[window.start]
            if window.on_lapse != "reopen" or start.status != "passed" or start.result_t_us is None:
                continue
            if (t_us - start.result_t_us) / 1e6 > duration_s(window.window, params):
                roots.add(chain_root(spec, window.start))
    return roots


def chain_root(spec: ChecklistSpec, step_id: str) -> str:
    """Follow reopenable windows back to the step that starts the sequence (the first proving)."""
    seen = {step_id}
    while True:
        back = [w.start for w in spec.step(step_id).rules.max_window if w.on_lapse == "reopen"]
        if not back or back[0] in seen:
            return step_id
        step_id = back[0]
        seen.add(step_id)


def chain(spec: ChecklistSpec, root: str) -> list[str]:
    """The root and every step whose reopenable window starts inside the chain, in checklist order."""
    members = {root}
    grew = True
    while grew:
        grew = False
        for step in spec.steps:
            if step.id not in members and any(
                    w.on_lapse == "reopen" and w.start in members for w in step.rules.max_window):
                members.add(step.id)
                grew = True
    return [s.id for s in spec.steps if s.id in members]


def decide_reopen(spec: ChecklistSpec, params: ResolvedParameters, state: AssessmentState, a: ReopenSteps,
                  t_us: int) -> Accepted | Refused:
    roots = lapsed_roots(spec, params, state, t_us)
    if a.step not in roots:
        if roots:
            return Refused(m_.REOPEN_NOT_LAPSED_FROM(step=a.step, root=sorted(roots)[0]), rule="reopen")
        return Refused(m_.REOPEN_NOT_LAPSED(step=a.step), rule="reopen")
    reopened = [s for s in chain(spec, a.step) if state.steps[s].status in ("passed", "pending", "failed")]
    return Accepted(a.kind, {"step": a.step, "reopened": reopened, "reason": a.reason})


# ----------------------------------------------------------------- passing
def pass_refusal(spec: ChecklistSpec, state: AssessmentState, step: Step, language: str) -> Refused | None:
    """What this step's data, answers, instrument and hazard lock still stand in the way of a pass."""
    ss = state.steps[step.id]
    if ss.hazard_lock is not None:
        return Refused(m_.HAZARD_LOCKED(lock=ss.hazard_lock), rule="hazard_lock")
    for field in step.fields:
        if field.id not in ss.data:
            if field.required:
                return Refused(m_.RECORD_FIELD_FIRST(label=field.label), rule="data")
            continue
        verdict = ss.data_checks.get(field.id, {})
        if not verdict.get("ok", True):
            # the check's reason as recorded: a stored message, or an older record's English text
            reason: object = verdict.get("reason") or field.label
            return Refused(m_.DATA_CHECK_FAILED(reason=reason), rule="data")
    for q in step.questions:
        if q.id not in ss.answers:
            return Refused(m_.ANSWER_FIRST(question=q.text), rule="answer")
    return instrument_refusal(spec, state, step)


def instrument_refusal(spec: ChecklistSpec, state: AssessmentState, step: Step) -> Refused | None:
    ss = state.steps[step.id]
    for m in step.measurements:
        rec = ss.measurements.get(m.id)
        if m.instrument and rec is not None and not rec.instrument:
            return Refused(m_.SAY_INSTRUMENT_AND_RANGE(label=m.label), rule="instrument")
    ref = step.rules.same_instrument_as
    if ref is None:
        return None
    theirs = {r.instrument for r in state.steps[ref].measurements.values() if r.instrument}
    ours = {r.instrument for r in ss.measurements.values() if r.instrument}
    if theirs and ours and ours != theirs:
        return Refused(m_.SAME_INSTRUMENT(ours=m_.side_by_side(sorted(ours)), step=ref,
                                          theirs=m_.side_by_side(sorted(theirs))),
                       rule="instrument")
    return None
