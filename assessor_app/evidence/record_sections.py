"""Sections of the sealed record a moderator and an issuer read: the evidence each step has and
what is missing (and why), the people (ids and commitments only), and the facts Annex I of the EU
micro-credentials recommendation asks for, so a credential can be issued without asking anyone.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from assessor_app.core.engine import AssessmentEngine
from assessor_app.core.events import Event
from assessor_app.core.specs.models import Step

#: Why declared evidence is missing: the words a moderator reads (and the PDF translates).
WHY = ("no consent to video", "no camera", "camera lost (gap)", "no vehicle adapter", "not taken",
       "not recorded", "step not done", "not applicable")


def _span(engine: AssessmentEngine, step: Step) -> tuple[int, int] | None:
    ss = engine.state.steps[step.id]
    end = ss.result_t_us
    start = ss.started_t_us if ss.started_t_us is not None else end
    return None if start is None or end is None else (start, end)


def step_evidence(engine: AssessmentEngine, step: Step, capture: Mapping[str, Any]) -> dict[str, Any]:
    """Which of the step's declared evidence exists (files, readings, records) and which is missing."""
    st = engine.state
    ss = st.steps[step.id]
    files = [f for f in capture.get("files", []) if isinstance(f, Mapping)]
    present: dict[str, list[str]] = {}
    missing: list[dict[str, str]] = []

    def have(kind: str, items: list[str], why: str) -> None:
        if items:
            present[kind] = items
        else:
            missing.append({"kind": kind, "why": why})

    done = ss.status in ("passed", "failed", "hazard")
    for kind in step.evidence:
        if ss.status == "na":
            missing.append({"kind": kind, "why": "not applicable"})
        elif kind == "video":
            seen = [f["name"] for f in files if f.get("kind") == "video"
                    and step.id in ((f.get("meta") or {}).get("steps") or [f.get("step")])]
            have(kind, seen, _video_why(st.consent, files, capture, _span(engine, step)) if done
                 else "step not done")
        elif kind == "photo":
            have(kind, [p["evidence"] for p in ss.photos]
                 or [f["name"] for f in files if f.get("kind") == "photo" and f.get("step") == step.id],
                 "not taken" if done else "step not done")
        elif kind == "measurement":
            have(kind, [f"{m} {r.entered_value:g} {r.entered_unit}" for m, r in ss.measurements.items()],
                 "not recorded" if done else "step not done")
        elif kind == "can_log":
            logs = [f["name"] for f in files
                    if f.get("kind") in ("can_log", "snapshot") and f.get("step") == step.id]
            logs += [d.evidence for d in ss.diagnostics]
            why = "step not done"
            if done:
                why = ("no vehicle adapter" if st.diagnostics_device is None
                       else ss.diagnostics_unavailable.get("snapshot")
                       or st.diagnostics_unavailable.get("snapshot") or "not recorded")
            have(kind, sorted(set(logs)), why)
        elif kind == "observation":
            have(kind, [f"result {ss.status}"] if done else [], "step not done")
        elif kind == "signoff":
            have(kind, [s["role"] for s in st.signoffs] if done else [], "step not done")
    return {"declared": list(step.evidence), "present": present, "missing": missing}


def _video_why(consent: Mapping[str, Any] | None, files: list[Mapping[str, Any]],
               capture: Mapping[str, Any], span: tuple[int, int] | None) -> str:
    if not consent or not consent.get("video"):
        return "no consent to video"
    if not any(f.get("kind") == "video" for f in files):
        return "no camera"
    for gap in capture.get("gaps", []):
        if span is not None and gap.get("kind") == "video" and gap.get("t_start_us", 0) <= span[1] and (
                gap.get("t_end_us") is None or gap["t_end_us"] >= span[0]):
            return "camera lost (gap)"
    return "not recorded"


def people(engine: AssessmentEngine) -> dict[str, Any]:
    """The people of the assessment as the record names them: ids, and the candidate's commitment."""
    started = engine.state.started
    rp = started.get("responsible_person")
    return {
        "candidate": {k: v for k, v in started["candidate"].items() if k in ("id", "commitment")},
        "assessor": {"id": started["assessor"]["id"]},
        "responsible_person": {"id": rp["id"]} if isinstance(rp, Mapping) and rp.get("id") else None,
    }


def annex_i(engine: AssessmentEngine, events: list[Event]) -> dict[str, Any]:
    """EU Council Recommendation on micro-credentials (2022), Annex I: what the record can say."""
    st = engine.state
    started = st.started
    info = started.get("assessment") or {}
    workshop = started.get("workshop") or {}
    last = events[-1].wall_us if events else st.last_wall_us
    return {
        "country": info.get("country") or workshop.get("country") or "",
        "awarding_body": info.get("awarding_body") or "",
        "assessment_date": dt.datetime.fromtimestamp(last / 1e6, tz=dt.UTC).date().isoformat(),
        "place": {"workshop": workshop.get("id", ""), "country": workshop.get("country", "")},
        "type_of_assessment": info.get("type") or "supervised practical on a vehicle, recorded",
        "form_of_participation": info.get("participation") or "in person, at the workshop",
        "supervision": f"assessor {started['assessor']['id']} present throughout",
        "identity_verification": st.identity_check or "not recorded",
    }


def parameter_set(engine: AssessmentEngine) -> dict[str, Any]:
    """Which parameter set, and whether its values are generic (not OEM data)."""
    pinned = engine.state.started.get("parameter_set") or {}
    generic = bool(engine.params.generic) or pinned.get("source") == "generic"
    return {**pinned, "generic": generic,
            "note": "generic values: not OEM data" if generic else "OEM procedure values"}
