"""The step timeline of one held assessment: each step's result, person, times, readings against
their ranges, corrections, notes, photos, DTC snapshots, signal checks, video and CAN data.

Files are named as the bundle's manifest names them (``data/...``); a file the record names but
the manifest does not list is left out, never guessed at.
"""

from __future__ import annotations

import bisect
import datetime as dt
from dataclasses import dataclass
from typing import Any

from assessor_app.core.specs.conditions import condition_title
from assessor_app.core.specs.models import ChecklistSpec
from assessor_app.core.terms import term
from assessor_app.i18n import format_number, format_quantity, format_range, format_time, render, render_stored
from assessor_app.provider.console import assessment_messages as m_
from assessor_app.provider.console import screens_messages as SM
from assessor_app.provider.console.bundle_files import HeldBundle
from assessor_app.provider.console.can_plot import Mark, Plot, Signals, decode_segment, render_plot
from assessor_app.reports.wording import wording


@dataclass(frozen=True)
class WallClock:
    """The assessment clock (µs since its start) to the wall clock, from the events' own pairs."""

    t_us: tuple[int, ...]
    wall_us: tuple[int, ...]

    @classmethod
    def of(cls, events: list[Any]) -> WallClock:
        pairs = sorted((e["t_us"], e["wall_us"]) for e in events if isinstance(e, dict)
                       and isinstance(e.get("t_us"), int) and isinstance(e.get("wall_us"), int))
        return cls(tuple(p[0] for p in pairs), tuple(p[1] for p in pairs))

    @property
    def first_wall_us(self) -> int | None:
        return self.wall_us[0] if self.wall_us else None

    @property
    def last_wall_us(self) -> int | None:
        return self.wall_us[-1] if self.wall_us else None

    def wall(self, t_us: int) -> int | None:
        i = bisect.bisect_right(self.t_us, t_us) - 1
        if i < 0:
            return (self.wall_us[0] - (self.t_us[0] - t_us)) if self.t_us else None
        return self.wall_us[i] + (t_us - self.t_us[i])


def clock_text(t_us: int | None) -> str:
    """A time on the assessment clock, ``0:02:05``."""
    if t_us is None:
        return ""
    s = max(0, t_us // 1_000_000)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


@dataclass(frozen=True)
class Moment:
    clock: str  # assessment clock
    wall: str  # time of day, UTC
    t_us: int | None


@dataclass(frozen=True)
class Reading:
    label: str
    value: str
    entered: str
    range: str
    in_range: bool | None
    attempt: int
    at: Moment
    instrument: str


@dataclass(frozen=True)
class FileRef:
    name: str  # the manifest name, data/...
    label: str
    at: Moment | None = None


@dataclass(frozen=True)
class Snapshot:
    label: str
    dtcs: str  # every code found, or "none"
    hv_dtcs: str
    vin: str
    problems: str
    at: Moment
    file: FileRef | None


@dataclass(frozen=True)
class SignalCheck:
    condition: str
    expression: str
    met: bool | None
    said: str  # met / not met / not available: reason
    values: str
    at: Moment
    file: FileRef | None


@dataclass(frozen=True)
class VideoCover:
    segment: str  # the sealed segment, data/captures/video/...
    offset_s: float  # where the step starts in it
    until_s: float
    label: str  # "seg-000004.ts from 0:01:15"
    continued: bool = False  # the step began in an earlier segment: this one opens in its middle


@dataclass(frozen=True)
class StepView:
    id: str
    title: str
    risk: str
    status: str  # a word
    status_code: str
    reason: str
    person: str
    attempts: int
    started: Moment | None
    result: Moment | None
    readings: tuple[Reading, ...]
    data: tuple[str, ...]  # "label: value"
    corrections: tuple[str, ...]
    interventions: tuple[str, ...]
    notes: tuple[str, ...]
    photos: tuple[FileRef, ...]
    snapshots: tuple[Snapshot, ...]
    checks: tuple[SignalCheck, ...]
    unavailable: tuple[str, ...]
    missing: tuple[str, ...]  # declared evidence that is missing, and why
    video: tuple[VideoCover, ...]
    can_segments: tuple[FileRef, ...]
    plot: Plot | None


def _moment(clock: WallClock, t_us: Any, language: str) -> Moment | None:
    if not isinstance(t_us, int) or isinstance(t_us, bool):
        return None
    wall = clock.wall(t_us)
    when = format_time(dt.datetime.fromtimestamp(wall / 1e6, tz=dt.UTC), language) if wall else ""
    return Moment(clock_text(t_us), when, t_us)


def _need_moment(clock: WallClock, t_us: Any, language: str) -> Moment:
    return _moment(clock, t_us, language) or Moment("", "", None)


def _file(bundle: HeldBundle, name: str, label: str, at: Moment | None = None) -> FileRef | None:
    """A file the record names, if the manifest lists it (names relative to data/ or data/captures/)."""
    for candidate in (name, f"data/{name}", f"data/captures/{name}"):
        if candidate in bundle.manifest:
            return FileRef(candidate, label, at)
    return None


def build_steps(bundle: HeldBundle, record: dict[str, Any], spec: ChecklistSpec | None, clock: WallClock, *,
                names: dict[str, str], language: str, plots: bool) -> tuple[StepView, ...]:
    files = [f for f in (record.get("capture") or {}).get("files") or [] if isinstance(f, dict)]
    specs = {s.id: s for s in spec.steps} if spec is not None else {}
    notes = [n for n in record.get("notes") or [] if isinstance(n, dict) and n.get("step")]
    out = []
    for step_id, s in record["steps"].items():
        if not isinstance(s, dict):
            continue
        out.append(_step(bundle, step_id, s, specs.get(step_id), files, notes, clock, names, language, plots))
    return tuple(out)


def _step(bundle: HeldBundle, step_id: str, s: dict[str, Any], step_spec: Any, files: list[dict[str, Any]],
          notes: list[dict[str, Any]], clock: WallClock, names: dict[str, str], language: str,
          plots: bool) -> StepView:
    def word(code: Any) -> str:
        return render(term(str(code)) or str(code or ""), language)

    def who(person: Any) -> str:
        return names.get(str(person), str(person or ""))

    title = step_spec.title.get_text(language) if step_spec is not None else str(s.get("title", ""))
    labels = {m.id: m.label.get_text(language) for m in step_spec.measurements} if step_spec else {}
    fields = {f.id: f for f in step_spec.fields} if step_spec else {}
    readings = tuple(_reading(r, labels, clock, language) for r in s.get("readings") or []
                     if isinstance(r, dict))
    start, end = s.get("started_t_us"), s.get("result_t_us")
    span = (start if isinstance(start, int) else end, end if isinstance(end, int) else start)
    diagnostics = (s.get("diagnostics") or {}).get("records") or []
    # a snapshot's purpose in the page's language, from the checklist (the record keeps the words the
    # workstation showed, in its own language)
    purpose = getattr(getattr(step_spec, "diagnostics", None), "snapshot", None)
    snapshots = tuple(_snapshot(bundle, d, clock, language, purpose) for d in diagnostics
                      if isinstance(d, dict) and d.get("diagnostic") == "snapshot")
    checks = tuple(_check(bundle, d, clock, language) for d in diagnostics
                   if isinstance(d, dict) and d.get("diagnostic") == "condition")
    photos = tuple(p for p in (_file(bundle, str(ph.get("evidence", "")), str(ph.get("evidence", "")),
                                     _moment(clock, ph.get("t_us"), language))
                               for ph in s.get("photos") or [] if isinstance(ph, dict)) if p is not None)
    can_files = [f for f in files if f.get("kind") == "can_log" and f.get("step") == step_id]
    can_refs = tuple(r for r in (_file(bundle, str(f.get("name", "")), _short(f.get("name")))
                                 for f in can_files) if r is not None)
    plot = None
    if plots and can_refs:
        marks = [Mark(t, render(label, language)) for t, label in (
            (span[0], m_.MARK_STARTED(step=step_id)), (span[1], m_.MARK_RESULT(step=step_id)))
            if isinstance(t, int)]
        marks += [Mark(r.at.t_us, r.label) for r in readings if r.at.t_us is not None]
        plot = _plot(bundle, step_id, can_files, marks, span, language)
    evidence = s.get("evidence") or {}
    why_words = wording(language)  # why evidence is missing: the record's words, as the PDF says them
    return StepView(
        id=step_id, title=title, risk=word(s.get("risk")), status=word(s.get("status")),
        status_code=str(s.get("status") or ""), reason=render_stored(s.get("reason"), language),
        person=who(s.get("person")), attempts=int(s.get("attempts") or 0),
        started=_moment(clock, start, language), result=_moment(clock, end, language), readings=readings,
        data=tuple(_datum(fields.get(k), k, v.get("value") if isinstance(v, dict) else v, language)
                   for k, v in (s.get("data") or {}).items()),
        corrections=tuple(_correction(c, who, word, clock, language) for c in s.get("corrections") or []
                          if isinstance(c, dict)),
        interventions=tuple(render(m_.INTERVENTION(
            kind=word(i.get("intervention")), note=str(i.get("note") or ""),
            clock=clock_text(i.get("t_us") if isinstance(i.get("t_us"), int) else None)), language)
            for i in s.get("interventions") or [] if isinstance(i, dict)),
        notes=tuple(render(m_.NOTE(clock=clock_text(_int(n.get("t_us"))), text=str(n.get("text", ""))),
                           language)
                    for n in notes if n.get("step") == step_id),
        photos=photos, snapshots=snapshots, checks=checks,
        unavailable=tuple(render(m_.UNAVAILABLE(what=_diagnostic(str(k), language),
                                                why=SM.recorded_reason(v, language)), language)
                          for k, v in ((s.get("diagnostics") or {}).get("unavailable") or {}).items()),
        missing=tuple(render(m_.MISSING(kind=word(x.get("kind")), why=why_words.get(
                          f"why:{x.get('why', '')}", str(x.get("why", "")))), language)
                      for x in evidence.get("missing") or [] if isinstance(x, dict)),
        video=_video(bundle, files, span), can_segments=can_refs, plot=plot)


def _diagnostic(kind: str, language: str) -> str:
    """A kind of diagnostic the record names ("snapshot", "condition") in words of the language."""
    return render(SM.DIAGNOSTICS[kind](), language) if kind in SM.DIAGNOSTICS else kind


def _short(name: Any) -> str:
    return str(name or "").rsplit("/", 1)[-1]


def _int(value: Any) -> int | None:
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def _datum(field: Any, field_id: str, value: Any, language: str) -> str:
    """A structured field's label and value in the language (a choice by its option's words)."""
    if field is None:
        return f"{field_id}: {_value(value, language)}"
    shown = field.choice_label(value, language) or _value(value, language)
    return f"{field.label.get_text(language)}: {shown}"


def _value(value: Any, language: str) -> str:
    if isinstance(value, bool):
        return render(m_.YES() if value else m_.NO(), language)
    if isinstance(value, (int, float)):
        return format_number(value, language)
    return str(value)


def _reading(r: dict[str, Any], labels: dict[str, str], clock: WallClock, language: str) -> Reading:
    unit = str(r.get("unit") or "")
    shown_unit = "" if unit == "count" else unit
    rng = r.get("range") or {}
    value = r.get("value")
    return Reading(
        label=labels.get(str(r.get("measurement")), str(r.get("measurement", ""))),
        value=format_quantity(value, shown_unit, language) if isinstance(value, (int, float)) else str(value),
        entered=str(r.get("entered", "")),
        range=format_range(rng.get("min"), rng.get("max"), shown_unit, bool(rng.get("magnitude")), language),
        in_range=r.get("in_range") if isinstance(r.get("in_range"), bool) else None,
        attempt=int(r.get("attempt") or 1), at=_need_moment(clock, r.get("t_us"), language),
        instrument=str(r.get("instrument") or ""))


def _correction(c: dict[str, Any], who: Any, word: Any, clock: WallClock, language: str) -> str:
    t = c.get("t_us") if isinstance(c.get("t_us"), int) else None
    return render(m_.CORRECTION(
        old=word(c.get("replaces")), new=word(c.get("result")), person=who(c.get("person")),
        clock=clock_text(t), reason=render_stored(c.get("reason"), language)), language)


def _snapshot(bundle: HeldBundle, d: dict[str, Any], clock: WallClock, language: str,
              purpose: Any = None) -> Snapshot:
    s = d.get("summary") or {}
    codes = sorted({c for group in (s.get("dtcs") or {}).values() if isinstance(group, list) for c in group
                    if isinstance(c, str)})
    none = render(m_.NONE(), language)
    kept = s.get("vin_read") or {}
    vin = (m_.VIN_MATCHES() if kept.get("matches_recorded_vin") else m_.VIN_DIFFERS() if kept
           else m_.VIN_NOT_READ())
    at = _need_moment(clock, d.get("t_us"), language)
    label = purpose.get_text(language) if purpose is not None else str(s.get("label", ""))
    return Snapshot(label, ", ".join(codes) or none,
                    ", ".join(str(c) for c in s.get("hv_dtcs") or []) or none, render(vin, language),
                    "; ".join(str(e) for e in s.get("errors") or []), at,
                    _file(bundle, str(d.get("evidence", "")), _short(d.get("evidence"))))


def _check(bundle: HeldBundle, d: dict[str, Any], clock: WallClock, language: str) -> SignalCheck:
    s = d.get("summary") or {}
    met = d.get("met") if isinstance(d.get("met"), bool) else None
    said = (m_.CHECK_MET() if met else m_.CHECK_NOT_MET() if met is False
            else m_.CHECK_NOT_AVAILABLE(reason=SM.recorded_reason(s.get("reason") or "", language)))
    values = []
    for name, v in (s.get("values") or {}).items():
        if isinstance(v, dict):
            shown = v.get("label") or (format_quantity(v["value"], str(v.get("unit") or ""), language)
                                       if isinstance(v.get("value"), (int, float)) else "")
            values.append(f"{name} = {shown}")
    return SignalCheck(condition_title(str(s.get("condition", "")), language), str(s.get("expression", "")),
                       met, render(said, language),
                       ", ".join(values), _need_moment(clock, d.get("t_us"), language),
                       _file(bundle, str(d.get("evidence", "")), _short(d.get("evidence"))))


def _video(bundle: HeldBundle, files: list[dict[str, Any]], span: tuple[Any, Any]) -> tuple[VideoCover, ...]:
    """The sealed video segments that cover the step, each with where the step starts and ends in it."""
    start, end = span
    if not isinstance(start, int) or not isinstance(end, int):
        return ()
    covers = []
    for f in files:
        a, b = f.get("t_start_us"), f.get("t_end_us")
        if f.get("kind") != "video" or not isinstance(a, int) or not isinstance(b, int):
            continue
        if a > end or b < start:
            continue
        ref = _file(bundle, str(f.get("name", "")), "")
        if ref is None:
            continue
        offset, until = max(0, start - a) / 1e6, (min(b, end) - a) / 1e6
        covers.append(VideoCover(ref.name, offset, until,
                                 f"{ref.name.rsplit('/', 1)[-1]} {clock_text(max(a, start))}", start < a))
    return tuple(sorted(covers, key=lambda c: c.segment))


def _plot(bundle: HeldBundle, step_id: str, can_files: list[dict[str, Any]], marks: list[Mark],
          span: tuple[Any, Any], language: str) -> Plot:
    signals = Signals()
    for f in can_files:
        name = f"data/{f.get('name', '')}"
        meta = f.get("meta") or {}
        first = meta.get("first_host_ns") if isinstance(meta.get("first_host_ns"), int) else None
        if name in bundle.manifest and isinstance(f.get("t_start_us"), int):
            signals.add(decode_segment(bundle, name, f["t_start_us"], first))
    for series in signals.series.values():  # segments in any order: one time line
        order = sorted(range(len(series[0])), key=series[0].__getitem__)
        series[0][:] = [series[0][i] for i in order]
        series[1][:] = [series[1][i] for i in order]
    whole = (span[0], span[1]) if isinstance(span[0], int) and isinstance(span[1], int) else None
    return render_plot(signals, marks, plot_id=f"can-{step_id}", language=language, span=whole,
                       title=render(m_.PLOT_TITLE(step=step_id), language))
