"""The risk signals of one assessment that a moderation sample is weighted by, read from its replayed record.

Each is a fact the sealed events (or, for video, the sealed capture section) prove; the assessment
index keeps them so a cycle's sampling frame is a query, not a re-read of every bundle.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from assessor_app.core.engine import AssessmentEngine
from assessor_app.core.engine.rules import duration_s
from assessor_app.core.events import Event

#: A step that ended the task or was failed: a critical step's fail, or its hazard stop.
_STOPPED_OR_FAILED = ("failed", "hazard")
#: A step with a result recorded at a time the rules checked (N/A and pending have none).
_DONE = ("passed", "failed", "hazard")


def rules_minimum_us(engine: AssessmentEngine) -> int:
    """The least time the checklist's timing rules let the steps this record shows done take.

    Every minimum wait ("dead test at least discharge_wait after the plug came out") holds on the
    assessment's timeline; waits that follow one another add up and waits that run side by side do
    not. So the bound is the longest chain of waits ending at a step with a result: for each such
    step, the latest of (earliest time of the step its wait follows + the wait), over its waits.
    Parameters (a wait given as ``{param: ...}``) are those the assessment resolved.
    """
    spec, state = engine.spec, engine.state
    earliest: dict[str, int] = {}

    def at(step_id: str, seen: frozenset[str]) -> int:
        if step_id in earliest:
            return earliest[step_id]
        if step_id in seen:  # a cycle of waits cannot be satisfied; the rules never allow one
            return 0
        best = 0
        for wait in spec.step(step_id).rules.min_wait:
            before = state.steps.get(wait.after)
            if before is None or before.result_t_us is None:
                continue
            wait_us = round(duration_s(wait.wait, engine.params) * 1e6)
            best = max(best, at(wait.after, seen | {step_id}) + wait_us)
        earliest[step_id] = best
        return best

    done = [sid for sid, ss in state.steps.items() if ss.status in _DONE and ss.result_t_us is not None]
    return max((at(sid, frozenset()) for sid in done), default=0)


def risk_signals(engine: AssessmentEngine, events: list[Event], capture: Mapping[str, Any]) -> dict[str, Any]:
    """The index's signal columns for a replayed assessment and its sealed capture section.

    - ``critical_failed``: a step the checklist rates critical ended failed, or in a hazard stop,
      or stopped the task.
    - ``critical_corrections``: corrections of results of critical steps.
    - ``diagnostics_unavailable``: the record says diagnostics (a snapshot, a signal condition)
      could not be taken, at any step or for the whole assessment.
    - ``video_present``: the bundle holds video evidence; ``video_consent``: the candidate agreed
      to video (no video without consent is expected, no video with it is a gap).
    - ``short_duration``: the record's wall-clock span (first to last event) is shorter than
      :func:`rules_minimum_us` allows. The rules are checked on the assessment's own timeline, so a
      record that passes replay and still spans less on the wall clock has a clock (or a story)
      that deserves a look.
    """
    spec, st = engine.spec, engine.state
    critical = {step.id for step in spec.steps if step.risk == "critical"}
    failed = any(st.steps[sid].status in _STOPPED_OR_FAILED for sid in critical if sid in st.steps)
    files = capture.get("files", [])
    video = any(isinstance(f, Mapping) and f.get("kind") == "video" for f in files) \
        if isinstance(files, list) else False
    span_us = events[-1].wall_us - events[0].wall_us if events else 0
    return {
        "critical_failed": failed or (st.stopped_by in critical),
        "critical_corrections": sum(len(st.steps[sid].corrections) for sid in critical if sid in st.steps),
        "diagnostics_unavailable": bool(st.diagnostics_unavailable)
        or any(ss.diagnostics_unavailable for ss in st.steps.values()),
        "video_present": video,
        "video_consent": bool(st.consent and st.consent.get("video")),
        "short_duration": span_us < rules_minimum_us(engine),
    }
