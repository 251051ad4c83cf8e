"""The assessment record (``data/record.json``): everything a moderator needs, derived from the events.

It names people by id (and the candidate by a salted commitment) in records that keep identity
apart; every step says what was done, by whom, with which readings, data, answers and photos,
and which declared evidence exists and which is missing, and why.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assessor_app.core.engine import AssessmentEngine
from assessor_app.core.events import Event
from assessor_app.evidence.record_sections import annex_i, parameter_set, people, step_evidence
from assessor_app.i18n import Msg


def assessment_record(
    engine: AssessmentEngine, events: list[Event], capture: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """Everything a moderator needs to read the assessment, derived from its events."""
    st = engine.state
    readings = _reading_history(engine, events)
    diagnostics = _diagnostic_history(events)
    steps = {}
    for step in engine.spec.steps:
        ss = st.steps[step.id]
        ranges = {m.id: (engine.bounds(m), m.magnitude) for m in step.measurements}
        steps[step.id] = {
            "title": step.title.get_text("en"), "risk": step.risk, "status": ss.status,
            "person": ss.person, "reason": _stored(ss.reason), "attempts": ss.attempts,
            "started_t_us": ss.started_t_us, "result_t_us": ss.result_t_us,
            "measurements": {
                mid: {"value": m.value, "unit": m.unit, "entered": f"{m.entered_value:g} {m.entered_unit}",
                      "in_range": m.in_range, "t_us": m.t_us,
                      "range": {"min": ranges[mid][0][0], "max": ranges[mid][0][1],
                                "magnitude": ranges[mid][1]}}
                for mid, m in ss.measurements.items()
            },
            "readings": readings.get(step.id, []),
            "diagnostics": {
                "declared": {
                    "snapshot": step.diagnostics.snapshot.get_text("en") if step.diagnostics
                    and step.diagnostics.snapshot else None,
                    "condition": step.diagnostics.condition if step.diagnostics else None,
                },
                "records": diagnostics["records"].get(step.id, []),
                # why the step went ahead without a declared diagnostic (its passing result says)
                "unavailable": diagnostics["unavailable"].get(step.id, {}),
            },
        }
    for step in engine.spec.steps:  # what the credible record adds to each step
        ss = st.steps[step.id]
        steps[step.id].update({
            "data": {fid: {"value": value, **ss.data_checks.get(fid, {})} for fid, value in ss.data.items()},
            "answers": {qid: {"answer": a["answer"], "correct": a["correct"]}
                        for qid, a in ss.answers.items()},
            "photos": list(ss.photos), "interventions": list(ss.interventions),
            "hazard_lock": _stored(ss.hazard_lock), "reopened": ss.reopened,
            "evidence": step_evidence(engine, step, capture or {}),
            # the result as first recorded stays in the events; each correction says what it replaced
            "corrections": [dict(c) for c in ss.corrections],
            "reopened_by": [dict(r) for r in ss.reopened_by],
        })
    second = st.record_format >= 2
    return {
        "format": "assessor-app/assessment-record/2" if second else "assessor-app/assessment-record/1",
        "assessment_id": st.assessment_id,
        "persons": people(engine) if second else None,
        "annex_i": annex_i(engine, events),
        "parameter_set": parameter_set(engine),
        "stop_kind": st.stop_kind,
        "identity_check": st.identity_check,
        "started": st.started,
        "outcome": st.outcome,
        "phase": st.phase,
        "stopped_by": st.stopped_by,
        "steps": steps,
        "rubric": st.rubric,
        "signoffs": st.signoffs,
        "consent": st.consent,
        "notes": st.notes,
        "event_chain_head": st.head_hash,
        "events": [e.to_dict() for e in events],
        "capture": dict(capture) if capture else {"devices": [], "gaps": [], "dropped_frames": 0},
        "diagnostics_adapter": st.diagnostics_device,
    }


def _stored(value: Any) -> Any:
    """A message the engine gave, as the store keeps one; anything else as it is."""
    return value.to_dict() if isinstance(value, Msg) else value


def _diagnostic_history(events: list[Event]) -> dict[str, dict[str, Any]]:
    """Every diagnostic recorded, per step and in order with its attempt; and why any went missing."""
    attempts: dict[str, int] = {}
    records: dict[str, list[dict[str, Any]]] = {}
    unavailable: dict[str, dict[str, str]] = {}
    for e in events:
        p = e.payload
        if e.kind == "step_result":
            attempts[p["step"]] = attempts.get(p["step"], 0) + 1
        if e.kind in ("step_result", "result_corrected"):
            if p["result"] == "pass" and p.get("diagnostics_unavailable"):
                unavailable[p["step"]] = dict(p["diagnostics_unavailable"])
        elif e.kind == "diagnostic_recorded":
            records.setdefault(p["step"], []).append({
                "diagnostic": p["diagnostic"], "evidence": f"captures/{p['evidence']}",
                "sha256": p["sha256"], "summary": p["summary"], "met": p["met"], "t_us": e.t_us,
                "attempt": attempts.get(p["step"], 0) + 1,
            })
    return {"records": records, "unavailable": unavailable}


def _reading_history(engine: AssessmentEngine, events: list[Event]) -> dict[str, list[dict[str, Any]]]:
    """Every reading taken, per step and in order, with the attempt it belonged to.

    The state keeps only the readings that count; a moderator also sees those of failed attempts.
    """
    magnitude = {(s.id, m.id): m.magnitude for s in engine.spec.steps for m in s.measurements}
    attempts: dict[str, int] = {}
    history: dict[str, list[dict[str, Any]]] = {}
    for e in events:
        p = e.payload
        if e.kind == "step_result":
            attempts[p["step"]] = attempts.get(p["step"], 0) + 1
        elif e.kind == "measurement_recorded":
            history.setdefault(p["step"], []).append({
                "measurement": p["measurement"], "value": p["value"], "unit": p["unit"],
                "entered": f"{p['entered_value']:g} {p['entered_unit']}", "in_range": p["in_range"],
                "range": {**p["range"], "magnitude": magnitude.get((p["step"], p["measurement"]), False)},
                "t_us": e.t_us, "attempt": attempts.get(p["step"], 0) + 1,
                **{k: p[k] for k in ("instrument", "range_label") if k in p},
            })
    return history
