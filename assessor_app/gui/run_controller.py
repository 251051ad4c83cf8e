"""Decides for the run and review screens; runs on the writer thread, hands out snapshots.

The window never reads the engine directly (it changes on the writer thread): each action
returns an immutable snapshot of everything the screens show.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

from assessor_app.core.engine import Action, RecordPhoto, Refused, stepwork
from assessor_app.core.engine import messages as m_
from assessor_app.core.engine.rules import duration_s
from assessor_app.core.events import Event
from assessor_app.core.specs.models import Step
from assessor_app.devices.photos import Photo, PhotoDesk, PhotoSettings, thumbnail, thumbnails_dir
from assessor_app.devices.video import FrameSource
from assessor_app.errors import AssessorError
from assessor_app.gui.run_views import (
    CorrectionView,
    DiagnosticsView,
    EvidenceView,
    FieldView,
    InterventionView,
    MeasurementView,
    PersonView,
    PhotoView,
    QuestionView,
    ReadingView,
    ReviewData,
    ReviewStep,
    RunSnapshot,
    SignatureView,
    StepWork,
    TimingView,
)
from assessor_app.i18n import format_quantity, render, render_stored
from assessor_app.storage.captures import captures_dir
from assessor_app.storage.recorder import AssessmentRecorder

#: The longer side of a photo's thumbnail in the window, in pixels.
THUMBNAIL_SIDE = 240


class RunController:
    """Runs on the writer thread: acts through the recorder and hands out snapshots.

    ``data_dir`` is the data folder (captures and the thumbnail cache are under it); by default
    the store's folder.
    """

    def __init__(self, recorder: AssessmentRecorder, language: str = "en", data_dir: Path | None = None,
                 *, photo_settings: PhotoSettings | None = None, thumbnail_side: int = THUMBNAIL_SIDE):
        self.recorder = recorder
        self.language = language
        self.data_dir = Path(data_dir) if data_dir is not None else recorder.store.path.parent
        self.photo_settings = photo_settings or PhotoSettings()
        self.thumbnail_side = thumbnail_side
        self._thumbnails: dict[str, bytes] = {}  # sha256 -> JPEG: each photo's thumbnail is made once
        self._identity: dict[str, Any] | None = None
        self._identity_read = False
        self._last_instrument: tuple[int, str, str] | None = None  # (t_us, instrument, range)

    def act(self, action: Action, note: str = "") -> tuple[Event | Refused, RunSnapshot]:
        """Record ``action``; ``note`` goes with an identity check into the identity document."""
        result = self.recorder.act(action, self.language, note=note)
        if isinstance(result, Event):
            self._remember(result)
        return result, self.snapshot()

    def _remember(self, event: Event) -> None:
        if event.kind in ("signed_off", "identity_checked"):
            self._identity_read = False  # the names and the note are in the identity document
        elif event.kind == "measurement_recorded" and event.payload.get("instrument"):
            # kept here too: a failed attempt's readings leave the state, the instrument stays in use
            self._last_instrument = (event.t_us, str(event.payload["instrument"]),
                                     str(event.payload.get("range_label") or ""))

    # ------------------------------------------------------------------ photos
    def take_photo(self, step: str, camera: FrameSource | None = None,
                   recording: Any = None) -> tuple[Event | Refused, RunSnapshot]:
        """A still for ``step`` from ``camera``, or the latest frame of the ``recording`` that holds
        it; stored and indexed as evidence, then recorded."""
        return self._photo(step, camera, lambda desk: desk.take(step, latest_frame=recording))

    def import_photo(self, step: str, path: Path) -> tuple[Event | Refused, RunSnapshot]:
        """A picture copied over (a phone's), stored unchanged as evidence of ``step``, then recorded."""
        return self._photo(step, None, lambda desk: desk.import_file(step, Path(path)))

    def _photo(self, step: str, camera: FrameSource | None,
               capture: Callable[[PhotoDesk], Photo]) -> tuple[Event | Refused, RunSnapshot]:
        recorder = self.recorder
        # asked first, so that no photo is written for a step the rules do not allow now
        probe = RecordPhoto(step, "photos/probe.jpg", "0" * 64, "camera", 1, 1)
        decision = recorder.engine.decide(probe, recorder.timeline.now().t_us, self.language)
        if isinstance(decision, Refused):
            return decision, self.snapshot()
        desk = PhotoDesk(recorder.store, self.data_dir, recorder.assessment_id, camera,
                         timeline_us=lambda: recorder.timeline.now().t_us, settings=self.photo_settings)
        try:
            photo = capture(desk)
        except (AssessorError, OSError) as exc:  # no camera, a file that is no picture, a full disk
            return Refused(str(exc), rule="photo"), self.snapshot()
        result = recorder.act(RecordPhoto(**photo.record_fields()), self.language)
        if isinstance(result, Event):
            self._thumbnail(photo.path, photo.sha256)
        return result, self.snapshot()

    def _thumbnail(self, path: Path, sha256: str) -> tuple[bytes | None, str]:
        """The photo's thumbnail (JPEG bytes), or None and why it cannot be shown."""
        cached = self._thumbnails.get(sha256)
        if cached is not None:
            return cached, ""
        ps = self.photo_settings
        try:
            jpeg = thumbnail(path, self.thumbnail_side, cache_dir=thumbnails_dir(self.data_dir),
                             sha256=sha256, quality=ps.thumbnail_quality,
                             max_bytes=ps.max_thumbnail_source_bytes, max_pixels=ps.max_pixels)
        except (AssessorError, OSError) as exc:  # gone or changed since it was taken: say so
            return None, str(exc)
        self._thumbnails[sha256] = jpeg
        return jpeg, ""

    # ------------------------------------------------------------------ the snapshot
    def snapshot(self) -> RunSnapshot:
        engine, lang = self.recorder.engine, self.language
        st = engine.state
        t_us = self.recorder.timeline.now().t_us
        measurements: dict[str, list[MeasurementView]] = {}
        for step in engine.spec.steps:
            rows = []
            for m in step.measurements:
                low, high = engine.bounds(m)
                span, limit = engine.instrument_span(m)
                rec = st.steps[step.id].measurements.get(m.id)
                rows.append(MeasurementView(
                    m.id, m.label.get_text(lang), m.unit, low, high, m.magnitude,
                    rec.value if rec else None,
                    format_quantity(rec.entered_value, rec.entered_unit, lang) if rec else "",
                    rec.in_range if rec else None,
                    m.instrument, (rec.instrument or "") if rec else "",
                    (rec.range_label or "") if rec else "",
                    instrument_span=span, span_limit=limit,
                ))
            measurements[step.id] = rows
        provisional, reasons = engine.derive_outcome()
        stopped = render(engine.stopped_reason(), lang) if st.stopped_by else None
        document = self._identity_document()
        check = (document or {}).get("identity_check") or {}
        instrument = self._latest_instrument()
        return RunSnapshot(
            assessment_id=st.assessment_id, spec=engine.spec, language=lang,
            views=[replace(v, reason=render(v.reason, lang) if v.reason is not None else None)
                   for v in engine.step_views(t_us, lang)], measurements=measurements, phase=st.phase,
            stopped_reason=stopped, outcome=st.outcome, provisional_outcome=provisional,
            reasons=[render(r, lang) for r in reasons], rubric=dict(st.rubric), signoffs=list(st.signoffs),
            next_step=engine.next_step(t_us), missing_evidence=self._missing_evidence(),
            diagnostics=self._diagnostics(), diagnostics_connected=st.diagnostics_device is not None,
            work=self._work(t_us), people=self._people(document),
            last_instrument=instrument[0], last_range=instrument[1],
            identity_check=st.identity_check, identity_note=str(check.get("note") or ""),
            signatures=self._signatures(document), record_format=st.record_format,
            next_lapse_s=self._next_lapse(t_us), review=self._review(),
            timings=self._timings(t_us), t_us=t_us,
        )

    def _work(self, t_us: int) -> dict[str, StepWork]:
        engine, lang = self.recorder.engine, self.language
        st = engine.state
        redo: dict[str, str] = {}
        for root in sorted(stepwork.lapsed_roots(engine.spec, engine.params, st, t_us)):
            for sid in stepwork.chain(engine.spec, root):
                redo.setdefault(sid, root)
        folder = captures_dir(self.data_dir, st.assessment_id)
        work = {}
        for step in engine.spec.steps:
            ss = st.steps[step.id]
            photos = []
            for p in ss.photos:
                path = folder / str(p["evidence"])
                thumb, problem = self._thumbnail(path, str(p["sha256"]))
                photos.append(PhotoView(str(p["evidence"]), str(path), str(p["sha256"]), str(p["source"]),
                                        int(p["width"]), int(p["height"]), int(p.get("attempt", 1)), thumb,
                                        problem))
            work[step.id] = StepWork(
                fields=self._fields(step, ss.data, ss.data_checks), photos=photos,
                questions=[QuestionView(q.id, q.text.get_text(lang),
                                        str(ss.answers[q.id]["answer"]) if q.id in ss.answers else "",
                                        ss.answers[q.id]["correct"] if q.id in ss.answers else None)
                           for q in step.questions],
                interventions=[InterventionView(str(i["intervention"]), str(i["note"]),
                                                bool(i.get("fails_step")), int(i.get("attempt", 1)))
                               for i in ss.interventions],
                hazard=step.hazard.get_text(lang) if step.hazard else None,
                hazard_lock=render(ss.hazard_lock, lang) if ss.hazard_lock else None,
                redo_from=redo.get(step.id), critical=step.risk == "critical", person=ss.person,
            )
        return work

    def _fields(self, step: Step, data: dict[str, Any], checks: dict[str, dict[str, Any]]) -> list[FieldView]:
        lang = self.language
        policy = self.recorder.engine.plausibility
        views = []
        for f in step.fields:
            verdict = checks.get(f.id)
            span = policy.for_unit(f.unit) if policy is not None and f.type == "number" and f.unit else None
            views.append(FieldView(
                f.id, f.label.get_text(lang), f.type, f.unit or "", f.required,
                tuple((o.value, o.label.get_text(lang)) for o in f.options), data.get(f.id),
                bool(verdict.get("ok")) if verdict is not None else None,
                render_stored(verdict.get("reason"), self.language) if verdict is not None else "",
                span.to(f.unit) if span is not None and f.unit else None,
            ))
        return views

    def _identity_document(self) -> dict[str, Any] | None:
        """The names kept apart from the record (read once, again after a sign-off or identity check)."""
        if not self._identity_read:
            self._identity = self.recorder.store.identity(self.recorder.assessment_id)
            self._identity_read = True
        return self._identity

    def _people(self, document: dict[str, Any] | None) -> list[PersonView]:
        st = self.recorder.engine.state
        source = document if document is not None else st.started  # a first-release record: names inside
        names = {}
        for role in ("candidate", "assessor", "responsible_person"):
            entry = source.get(role)
            if isinstance(entry, dict) and entry.get("id"):
                names[str(entry["id"])] = str(entry.get("name") or "")
        order = {"candidate": 0, "assessor": 1, "responsible_person": 2}
        return sorted((PersonView(pid, role, names.get(pid, "")) for pid, role in st.persons().items()),
                      key=lambda p: order.get(p.role, 3))

    def _signatures(self, document: dict[str, Any] | None) -> list[SignatureView]:
        kept = [s for s in (document or {}).get("signatures") or [] if isinstance(s, dict)]
        views = []
        for s in self.recorder.engine.state.signoffs:
            name = str(s.get("name") or "")
            person = str(s.get("person") or "")
            if not name:  # names live in the identity document, in the order they were signed
                match = next((d for d in kept
                              if d.get("role") == s.get("role") and d.get("person") == person), None)
                if match is not None:
                    kept.remove(match)
                    name = str(match.get("name") or "")
            views.append(SignatureView(str(s.get("role")), person, name, str(s.get("statement") or "")))
        return views

    def _latest_instrument(self) -> tuple[str, str]:
        st = self.recorder.engine.state
        latest = max(((r.t_us, r.instrument, r.range_label or "") for ss in st.steps.values()
                      for r in ss.measurements.values() if r.instrument), default=None)
        remembered = self._last_instrument
        if remembered is not None and (latest is None or remembered[0] >= latest[0]):
            latest = remembered
        return (str(latest[1]), str(latest[2])) if latest is not None else ("", "")

    def _next_lapse(self, t_us: int) -> float | None:
        """Seconds until a reopenable window of a step not yet done lapses (the window then offers a redo)."""
        engine = self.recorder.engine
        st = engine.state
        soonest: float | None = None
        for step in engine.spec.steps:
            if st.steps[step.id].status not in ("pending", "failed"):
                continue
            for window in step.rules.max_window:
                start = st.steps[window.start]
                if window.on_lapse != "reopen" or start.status != "passed" or start.result_t_us is None:
                    continue
                left = duration_s(window.window, engine.params) - (t_us - start.result_t_us) / 1e6
                if left > 0 and (soonest is None or left < soonest):
                    soonest = left
        return soonest

    def _timings(self, t_us: int) -> list[TimingView]:
        """For each step not done: its waits still running, and its time windows once they have started."""
        engine, lang = self.recorder.engine, self.language
        st = engine.state
        timings = []
        for step in engine.spec.steps:
            if st.steps[step.id].status not in ("pending", "failed"):
                continue
            for wait in step.rules.min_wait:
                ref = st.steps[wait.after]
                if ref.status not in ("passed", "na") or ref.result_t_us is None:
                    continue
                due = ref.result_t_us + round(duration_s(wait.wait, engine.params) * 1e6)
                if due > t_us:
                    name = wait.label.get_text(lang) if wait.label else render(m_.WAIT(), lang)
                    timings.append(TimingView(step.id, "wait", name, (due - t_us) / 1e6, due))
            for window in step.rules.max_window:
                ref = st.steps[window.start]
                if ref.status not in ("passed", "na") or ref.result_t_us is None:
                    continue
                due = ref.result_t_us + round(duration_s(window.window, engine.params) * 1e6)
                name = window.label.get_text(lang) if window.label else render(m_.TIME_WINDOW(), lang)
                timings.append(TimingView(step.id, "window", name, (due - t_us) / 1e6, due))
        return timings

    def _diagnostics(self) -> dict[str, DiagnosticsView]:
        from assessor_app.core.engine.diagnostics import condition_inputs, outstanding
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
            inputs = condition_inputs(engine.state, step)
            views[step.id] = DiagnosticsView(
                d.snapshot.get_text(lang) if d.snapshot else None, d.condition,
                condition_title(d.condition, lang) if d.condition else "",
                outstanding(engine.state, step),
                {"records": records, "unavailable": dict(ss.diagnostics_unavailable)},
                dict(inputs.limits), dict(inputs.readings),
            )
        return views

    def _missing_evidence(self) -> list[tuple[str, list[str]]]:
        """Per step, the evidence kinds its checklist asks for that this record does not hold.

        Measurements, observations, photos and sign-offs are recorded here; video and CAN/OBD
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
            if ss.status in ("passed", "failed", "hazard"):
                held.add("observation")
            if ss.photos:
                held.add("photo")
            if any(s["role"] == "assessor" for s in st.signoffs):
                held.add("signoff")
            lacking = [kind for kind in step.evidence if kind not in held]
            if lacking:
                missing.append((step.id, lacking))
        return missing

    # ------------------------------------------------------------------ the review (corrections, the end)
    def _review(self) -> ReviewData:
        """Every step with its result, readings, corrections and evidence; what finishing still needs."""
        from assessor_app.core.engine import people

        engine, lang = self.recorder.engine, self.language
        st = engine.state
        capture = self._capture()
        steps = tuple(self._review_step(step, capture) for step in engine.spec.steps)
        closed = "read_only" if st.read_only else "signed" if st.signoffs else ""
        refusal = None if st.read_only else people.finish_refusal(engine.spec, st)
        sealed_bundle, sealed_pdf = self._sealed() if st.read_only else ("", "")
        return ReviewData(steps, closed, refusal.text(lang) if refusal else None, what_is_left(engine, lang),
                          sealed_bundle, sealed_pdf, st.start_wall_us)

    def _review_step(self, step: Step, capture: dict[str, Any]) -> ReviewStep:
        from assessor_app.core.engine.corrections import RESULT_OF
        from assessor_app.evidence.record_sections import step_evidence

        engine, lang = self.recorder.engine, self.language
        st = engine.state
        ss = st.steps[step.id]
        labels = {m.id: m.label.get_text(lang) for m in step.measurements}
        kept = ss.measurements or (ss.failed_measurements if ss.status == "failed" else {})
        readings = tuple(ReadingView(labels.get(mid, mid),
                                     format_quantity(r.entered_value, r.entered_unit, lang), r.in_range,
                                     ", ".join(x for x in (r.instrument, r.range_label) if x))
                         for mid, r in kept.items())
        corrections = tuple(CorrectionView(
            str(c["replaces"]), str(c["result"]), str(c["reason"]),
            render_stored(c.get("replaced_reason") or "", lang),
            str(c.get("person") or ""), str(c.get("replaced_person") or ""), int(c["t_us"]),
            tuple(c.get("reopened") or ())) for c in ss.corrections)
        found = step_evidence(engine, step, capture)
        evidence = [EvidenceView(kind, tuple(items)) for kind, items in found["present"].items()]
        evidence += [EvidenceView(m["kind"], (), m["why"]) for m in found["missing"]]
        order = {kind: i for i, kind in enumerate(step.evidence)}
        evidence.sort(key=lambda e: order.get(e.kind, len(order)))
        targets: tuple[str, ...] = ()
        if ss.status in RESULT_OF and not ss.by_intervention and not st.read_only and not st.signoffs:
            targets = tuple(r for r in ("pass", "fail", "na", "hazard")
                            if (r != "na" or step.na_allowed) and (r != "hazard" or step.hazard is not None))
        return ReviewStep(
            step.id, step.title.get_text(lang), step.risk, ss.status, render(ss.reason, lang),
            ss.person or "", ss.result_t_us, readings, corrections, tuple(evidence),
            tuple(str(r["step"]) for r in ss.reopened_by), targets)

    def _capture(self) -> dict[str, Any]:
        """The capture files and gaps as the record's capture section names them (for the evidence)."""
        from assessor_app.storage.captures import CaptureIndex

        index = CaptureIndex(self.recorder.store)
        aid = self.recorder.assessment_id
        files = [{"name": f"captures/{f.name}", "kind": f.kind, "step": f.step_id, "meta": f.meta}
                 for f in index.files(aid)]
        gaps = [{"kind": g.kind, "t_start_us": g.t_start_us, "t_end_us": g.t_end_us}
                for g in index.gaps(aid)]
        return {"files": files, "gaps": gaps}

    def _sealed(self) -> tuple[str, str]:
        """The sealed bundle's folder and the PDF record to open in it, once sealed."""
        summary = self.recorder.store.summary(self.recorder.assessment_id)
        if summary.status not in ("sealed", "synced"):
            return "", ""
        folder = self.data_dir / "bundles" / self.recorder.assessment_id
        if not folder.is_dir():
            return "", ""
        return str(folder), str(sealed_record_pdf(folder, self.language) or "")


def sealed_record_pdf(bundle: Path, language: str) -> Path | None:
    """The PDF record to open from a sealed bundle: the full one (names shown) in the window's language,
    else the anonymised one, else English, else any."""
    from assessor_app.evidence.bundle import RECORD_PDF
    from assessor_app.evidence.identity import FULL_RECORD_PDF

    for lang in dict.fromkeys((language, "en")):
        for name in (FULL_RECORD_PDF, RECORD_PDF):
            path = bundle / name.format(language=lang)
            if path.is_file():
                return path
    found = [*sorted(bundle.glob("identity/assessment-record.*.pdf")),
             *sorted(bundle.glob("assessment-record.*.pdf"))]
    return found[0] if found else None


def what_is_left(engine: Any, language: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """What is left before the assessment can be finished: steps still to do (unless the task is
    stopped), rubric criteria not scored, the identity check, and sign-offs not given."""
    st, spec = engine.state, engine.spec
    left: list[tuple[str, tuple[str, ...]]] = []
    if st.phase == "in_progress":
        todo = tuple(s.id for s in spec.steps if st.steps[s.id].status == "pending")
        if todo:
            left.append(("steps", todo))
    unscored = tuple(c.title.get_text(language) for c in spec.rubric.criteria if c.id not in st.rubric)
    if unscored:
        left.append(("rubric", unscored))
    if st.record_format >= 2 and st.identity_check is None:
        left.append(("identity", ()))
    signed = {s["role"] for s in st.signoffs}
    missing = tuple(role for role in spec.signoffs if role not in signed)
    if missing:
        left.append(("signoffs", missing))
    return tuple(left)
