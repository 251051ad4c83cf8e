"""Folding an accepted, persisted event into the assessment's state."""

from __future__ import annotations

from assessor_app.core.engine import corrections, diagnostics
from assessor_app.core.engine import messages as m_
from assessor_app.core.engine.state import AssessmentState, MeasurementRecord, StepState
from assessor_app.core.events import Event
from assessor_app.core.specs.models import ChecklistSpec
from assessor_app.core.terms import term

_STATUS = {"pass": "passed", "fail": "failed", "na": "na", "hazard": "hazard"}


def fold(spec: ChecklistSpec, st: AssessmentState, ev: Event) -> None:
    p, kind = ev.payload, ev.kind
    if kind == "consent_recorded":
        st.consent = dict(p)
    elif kind == "step_started":
        st.steps[p["step"]].started_t_us = ev.t_us
        st.current_step = p["step"]
    elif kind == "measurement_recorded":
        ss = st.steps[p["step"]]
        ss.measurements[p["measurement"]] = MeasurementRecord(
            p["value"], p["unit"], p["entered_value"], p["entered_unit"], p["in_range"], ev.t_us,
            p.get("instrument"), p.get("range_label"))
        measurement = next(m for m in spec.step(p["step"]).measurements if m.id == p["measurement"])
        if measurement.out_of_range == "hazard" and not p["in_range"] and ss.hazard_lock is None:
            ss.hazard_lock = m_.HAZARD_LOCK(label=measurement.label, value=p["entered_value"],
                                            unit=p["entered_unit"])
    elif kind == "step_result":
        _result(st, ev)
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
    elif kind == "photo_recorded":
        ss = st.steps[p["step"]]
        ss.photos.append({**p, "t_us": ev.t_us, "attempt": ss.attempts + 1})
    elif kind == "step_data_recorded":
        ss = st.steps[p["step"]]
        ss.data.update(p["values"])
        ss.data_checks.update(p["checks"])
    elif kind == "answer_recorded":
        st.steps[p["step"]].answers[p["question"]] = {"answer": p["answer"], "correct": p["correct"],
                                                      "t_us": ev.t_us}
    elif kind == "intervention_recorded":
        _intervention(st, ev)
    elif kind == "steps_reopened":
        for step_id in p["reopened"]:
            _reopen(st.steps[step_id])
        st.steps[p["step"]].reopened += 1
    elif kind == "identity_checked":
        st.identity_check = p["method"]
    elif kind == "result_corrected":
        corrections.apply(st, ev, reopen=_reopen)
    st.event_count = ev.seq + 1
    st.last_t_us, st.last_wall_us, st.head_hash = ev.t_us, ev.wall_us, ev.hash


def _result(st: AssessmentState, ev: Event) -> None:
    p = ev.payload
    ss = st.steps[p["step"]]
    ss.status = _STATUS[p["result"]]  # type: ignore[assignment]
    ss.result_t_us, ss.person, ss.reason = ev.t_us, p["person"], p["reason"]
    ss.attempts += 1
    ss.result_seq, ss.by_intervention = ev.seq, False
    ss.stop = corrections.stop_kind(p["result"], p["risk"])
    if p["result"] == "fail":
        # Shown again means measured again: readings of a failed attempt do not count.
        corrections.set_aside(ss)
    if ss.started_t_us is None:
        ss.started_t_us = ev.t_us
    if st.stopped_by is None:
        if p["result"] == "fail" and p["risk"] == "critical":
            st.stopped_by, st.phase, st.stop_kind = p["step"], "stopped", "critical"
        elif p["result"] == "hazard":
            st.stopped_by, st.phase, st.stop_kind = p["step"], "stopped", "hazard"


def _intervention(st: AssessmentState, ev: Event) -> None:
    p = ev.payload
    ss = st.steps[p["step"]]
    ss.interventions.append({**p, "t_us": ev.t_us, "attempt": ss.attempts + 1})
    if p.get("fails_step"):  # on a critical step: a prompted step is not the candidate's competence
        said = m_.INTERVENTION_REASON(intervention=term(p["intervention"]) or p["intervention"],
                                      note=p["note"])
        ss.status, ss.result_t_us, ss.reason = "failed", ev.t_us, said
        ss.attempts += 1
        ss.result_seq, ss.by_intervention, ss.stop = ev.seq, True, "critical"
        corrections.set_aside(ss)
        if st.stopped_by is None:
            st.stopped_by, st.phase, st.stop_kind = p["step"], "stopped", "critical"


def _reopen(ss: StepState) -> None:
    """The step is to be done again: its readings and result go (the events keep every attempt)."""
    ss.status, ss.result_t_us, ss.person, ss.reason = "pending", None, None, ""
    ss.measurements.clear()
    ss.diagnostics.clear()
    ss.result_seq, ss.by_intervention, ss.stop = None, False, None
    ss.failed_measurements, ss.failed_diagnostics = {}, []
