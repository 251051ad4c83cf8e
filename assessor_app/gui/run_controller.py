"""Decides for the run and review screens; runs on the writer thread, hands out snapshots.

The window never reads the engine directly (it changes on the writer thread): each action
returns an immutable snapshot of everything the screens show.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field

from assessor_app.core.engine import Action, Refused, StepView
from assessor_app.core.events import Event
from assessor_app.core.specs.models import ChecklistSpec
from assessor_app.storage.recorder import AssessmentRecorder


@dataclass(frozen=True)
class MeasurementView:
    id: str
    label: str
    unit: str
    low: float | None
    high: float | None
    magnitude: bool
    value: float | None = None  # last reading, in the step's unit
    entered: str = ""
    in_range: bool | None = None


@dataclass(frozen=True)
class DiagnosticsView:
    """What a step asks of the vehicle's diagnostic bus, and what was recorded for it."""

    snapshot: str | None  # the snapshot's purpose, e.g. "DTCs before the task"
    condition: str | None  # the condition's name, e.g. contactors_open
    condition_title: str
    outstanding: list[str]  # declared diagnostics neither recorded nor marked unavailable
    records: dict[str, object]  # as in the record: {"records": [...], "unavailable": {...}}


@dataclass(frozen=True)
class RunSnapshot:
    assessment_id: str
    spec: ChecklistSpec
    language: str
    views: list[StepView]
    measurements: dict[str, list[MeasurementView]]
    phase: str
    stopped_reason: str | None
    outcome: str | None
    provisional_outcome: str
    reasons: list[str]
    rubric: dict[str, int]
    signoffs: list[dict[str, object]]
    next_step: str | None
    missing_evidence: list[tuple[str, list[str]]] = field(default_factory=list)
    diagnostics: dict[str, DiagnosticsView] = field(default_factory=dict)
    diagnostics_connected: bool = False
    taken_monotonic: float = field(default_factory=time.monotonic)

    @property
    def read_only(self) -> bool:
        return self.phase in ("finished", "abandoned")

    def view(self, step_id: str) -> StepView:
        return next(v for v in self.views if v.id == step_id)


class RunController:
    def __init__(self, recorder: AssessmentRecorder, language: str = "en"):
        self.recorder = recorder
        self.language = language

    def act(self, action: Action) -> tuple[Event | Refused, RunSnapshot]:
        result = self.recorder.act(action, self.language)
        return result, self.snapshot()

    def snapshot(self) -> RunSnapshot:
        engine, lang = self.recorder.engine, self.language
        st = engine.state
        t_us = self.recorder.timeline.now().t_us
        measurements: dict[str, list[MeasurementView]] = {}
        for step in engine.spec.steps:
            rows = []
            for m in step.measurements:
                low, high = engine.bounds(m)
                rec = st.steps[step.id].measurements.get(m.id)
                rows.append(MeasurementView(
                    m.id, m.label.get_text(lang), m.unit, low, high, m.magnitude,
                    rec.value if rec else None,
                    f"{rec.entered_value:g} {rec.entered_unit}" if rec else "",
                    rec.in_range if rec else None,
                ))
            measurements[step.id] = rows
        provisional, reasons = engine.derive_outcome()
        stopped = engine.stopped_reason(lang) if st.stopped_by else None
        return RunSnapshot(
            assessment_id=st.assessment_id, spec=engine.spec, language=lang,
            views=engine.step_views(t_us, lang), measurements=measurements, phase=st.phase,
            stopped_reason=stopped, outcome=st.outcome, provisional_outcome=provisional,
            reasons=reasons, rubric=dict(st.rubric), signoffs=list(st.signoffs),
            next_step=engine.next_step(t_us), missing_evidence=self._missing_evidence(),
            diagnostics=self._diagnostics(), diagnostics_connected=st.diagnostics_device is not None,
        )

    def _diagnostics(self) -> dict[str, DiagnosticsView]:
        from assessor_app.core.engine.diagnostics import outstanding
        from assessor_app.core.specs.conditions import condition_title

        engine, lang = self.recorder.engine, self.language
        views = {}
        for step in engine.spec.steps:
            d = step.diagnostics
            if d is None:
                continue
            ss = engine.state.steps[step.id]
            records = [{"diagnostic": r.diagnostic, "summary": r.summary, "met": r.met, "attempt": 1}
                       for r in ss.diagnostics]
            views[step.id] = DiagnosticsView(
                d.snapshot.get_text(lang) if d.snapshot else None, d.condition,
                condition_title(d.condition, lang) if d.condition else "",
                outstanding(engine.state, step),
                {"records": records, "unavailable": dict(ss.diagnostics_unavailable)},
            )
        return views

    def _missing_evidence(self) -> list[tuple[str, list[str]]]:
        """Per step, the evidence kinds its checklist asks for that this record does not hold.

        Measurements, observations and sign-offs are recorded here; photo, video and CAN/OBD
        logs come from capture devices, so until those are attached they show as missing.
        """
        st = self.recorder.engine.state
        missing = []
        for step in self.recorder.engine.spec.steps:
            ss = st.steps[step.id]
            if ss.status == "na":
                continue
            held = set()
            if step.measurements and all(m.id in ss.measurements for m in step.measurements):
                held.add("measurement")
            if ss.status in ("passed", "failed"):
                held.add("observation")
            if any(s["role"] == "assessor" for s in st.signoffs):
                held.add("signoff")
            lacking = [kind for kind in step.evidence if kind not in held]
            if lacking:
                missing.append((step.id, lacking))
        return missing
