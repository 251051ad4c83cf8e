"""A step's CAN data as a picture: its BLF segments decoded with the shipped DBC into the HV bus and
pack voltages and the contactor and service-plug states, drawn as a server-side SVG on the
assessment clock with the step's marks (no script, no library in the browser).

A long segment stays small: each voltage series is cut to at most ``max_points`` by keeping the
lowest and highest value of each time slice (a decay or a spike survives), and each state keeps
only its changes. Decoding is cached by the segment's SHA-256 (a sealed file never changes).
"""

from __future__ import annotations

import bisect
import html
import os
import struct
import zlib
from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from assessor_app.i18n import Msg, format_number, render
from assessor_app.provider.console import assessment_messages as m_
from assessor_app.provider.console.bundle_files import HeldBundle, NotHeld

VOLTAGES = ("HvBusVoltage", "PackVoltage")
STATES = ("ContactorPositive", "ContactorNegative", "ServicePlug")
_COLOURS = {"HvBusVoltage": "#b3261e", "PackVoltage": "#1f5fa8"}
#: frames decoded from one segment at most (an 8 MiB segment holds about 300,000)
MAX_FRAMES = 2_000_000
_CACHE_SEGMENTS = 64


@dataclass(frozen=True)
class Mark:
    t_us: int
    label: str  # rendered


@dataclass
class Signals:
    """Decoded series: ``name -> ([t_us...], [value...])`` on the assessment clock."""

    series: dict[str, tuple[list[int], list[float]]] = field(default_factory=dict)
    frames: int = 0
    problems: list[Msg] = field(default_factory=list)

    def add(self, other: Signals) -> None:
        for name, (ts, vs) in other.series.items():
            mine = self.series.setdefault(name, ([], []))
            mine[0].extend(ts)
            mine[1].extend(vs)
        self.frames += other.frames
        self.problems += other.problems


@lru_cache(maxsize=1)
def _database() -> Any:
    from assessor_app.devices.can.signals import load_dbc
    from assessor_app.devices.can.simulator import default_dbc

    return load_dbc(default_dbc())


_decoded: OrderedDict[str, Signals] = OrderedDict()


def decode_segment(bundle: HeldBundle, name: str, t_start_us: int, first_host_ns: int | None) -> Signals:
    """The signals of one BLF segment (``name``: a manifest name, ``data/...``) on the assessment clock.

    A frame's time is the segment's start on the assessment clock plus the host time since its
    first frame (the ``.host-ns`` file beside it); without that file, the bus time since the first.
    A segment that cannot be read gives its problem, never an exception.
    """
    key = f"{bundle.manifest.get(name, '')}:{t_start_us}:{first_host_ns}"
    if key in _decoded:
        _decoded.move_to_end(key)
        return _decoded[key]
    out = _decode(bundle, name, t_start_us, first_host_ns)
    if bundle.manifest.get(name):
        _decoded[key] = out
        while len(_decoded) > _CACHE_SEGMENTS:
            _decoded.popitem(last=False)
    return out


def _decode(bundle: HeldBundle, name: str, t_start_us: int, first_host_ns: int | None) -> Signals:
    import can

    out = Signals()
    short = name.rsplit("/", 1)[-1]
    host: list[int] | None = None
    if f"{name}.host-ns" in bundle.manifest and first_host_ns is not None:
        try:
            raw = bundle.read(f"{name}.host-ns", show_names=False, limit=8 * (MAX_FRAMES + 1))
            host = list(struct.unpack(f"<{len(raw) // 8}q", raw[: len(raw) // 8 * 8]))
        except NotHeld:
            host = None
    db = _database()
    wanted = set(VOLTAGES) | set(STATES)
    try:
        fd, _size = bundle.open(name, show_names=False)
    except NotHeld:
        out.problems.append(m_.PLOT_SEGMENT_UNREADABLE(segment=short))
        return out
    first_ts: float | None = None
    with os.fdopen(fd, "rb") as f:
        try:
            for i, msg in enumerate(can.BLFReader(f)):
                if i >= MAX_FRAMES:
                    out.problems.append(m_.PLOT_SEGMENT_CUT(segment=short, frames=MAX_FRAMES))
                    break
                if msg.is_error_frame or msg.is_remote_frame:
                    continue
                if first_ts is None:
                    first_ts = msg.timestamp
                try:
                    message = db.get_message_by_frame_id(msg.arbitration_id)
                except KeyError:
                    continue
                try:
                    values = message.decode(bytes(msg.data), decode_choices=False)
                except Exception:  # noqa: BLE001 (cantools raises several kinds for a short or bad frame)
                    continue
                if host is not None and i < len(host):
                    t = t_start_us + (host[i] - first_host_ns) // 1000  # type: ignore[operator]
                else:
                    t = t_start_us + round((msg.timestamp - first_ts) * 1e6)
                out.frames += 1
                for signal, value in values.items():
                    if signal in wanted and isinstance(value, (int, float)):
                        series = out.series.setdefault(signal, ([], []))
                        series[0].append(int(t))
                        series[1].append(float(value))
        except (struct.error, zlib.error, ValueError, EOFError, OSError) as exc:
            out.problems.append(m_.PLOT_SEGMENT_DAMAGED(segment=short, reason=type(exc).__name__))
    return out


def decimate(ts: Sequence[int], vs: Sequence[float], max_points: int) -> tuple[list[int], list[float]]:
    """At most ``max_points`` points: the lowest and highest of each time slice, in time order."""
    n = len(ts)
    if n <= max_points:
        return list(ts), list(vs)
    buckets = max(1, max_points // 2)
    t0, t1 = ts[0], ts[-1]
    span = max(1, t1 - t0)
    out_t: list[int] = []
    out_v: list[float] = []
    start = 0
    for b in range(buckets):
        edge = t0 + span * (b + 1) // buckets
        end = n if b == buckets - 1 else bisect.bisect_right(ts, edge, lo=start)
        if end <= start:
            continue
        chunk = range(start, end)
        lo = min(chunk, key=lambda i: vs[i])
        hi = max(chunk, key=lambda i: vs[i])
        for i in sorted({lo, hi}):
            out_t.append(ts[i])
            out_v.append(vs[i])
        start = end
    return out_t, out_v


def changes(ts: Sequence[int], vs: Sequence[float]) -> tuple[list[int], list[float]]:
    """A state series as its changes (and its last value, to draw it to the end)."""
    out_t: list[int] = []
    out_v: list[float] = []
    for t, v in zip(ts, vs, strict=True):
        if not out_v or v != out_v[-1]:
            out_t.append(t)
            out_v.append(v)
    if ts and out_t[-1] != ts[-1]:
        out_t.append(ts[-1])
        out_v.append(vs[-1])
    return out_t, out_v


@dataclass(frozen=True)
class Plot:
    svg: str  # the markup, every text escaped
    points: int  # drawn
    frames: int  # decoded
    problems: tuple[str, ...]


def _clock(t_us: int) -> str:
    s = max(0, t_us // 1_000_000)
    return f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"


def _nice_max(value: float) -> float:
    for step in (1, 2, 5, 10, 20, 50, 100, 200, 500, 1000):
        if value <= step * 5:
            return step * 5.0 if value > step * 4 else step * max(1, int(-(-value // step)))
    return float(int(-(-value // 1000)) * 1000)


def render_plot(signals: Signals, marks: Sequence[Mark], *, plot_id: str, title: str, language: str,
                span: tuple[int, int] | None = None, max_points: int = 600) -> Plot:
    """The SVG of one step's signals; ``span`` (assessment clock, µs) widens the time axis to the step."""
    w, h, left, right, top = 720, 300, 64, 16, 24
    volt_bottom, lane_top, lane_h = 180, 200, 22
    times = [t for ts, _ in signals.series.values() for t in ts]
    t0 = min(times + ([span[0]] if span else []), default=0)
    t1 = max(times + ([span[1]] if span else []), default=t0 + 1_000_000)
    t1 = max(t1, t0 + 1_000_000)

    def x(t: int) -> float:
        return left + (w - left - right) * (t - t0) / (t1 - t0)

    vmax = _nice_max(max((max(vs) for name, (_, vs) in signals.series.items() if name in VOLTAGES and vs),
                         default=1.0))

    def y(v: float) -> float:
        return volt_bottom - (volt_bottom - top) * max(0.0, v) / vmax

    esc = html.escape
    desc = render(m_.PLOT_DESC(start=_clock(t0), end=_clock(t1), frames=signals.frames), language)
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {w} {h}" width="{w}" height="{h}" '
             f'role="img" class="can-plot" aria-labelledby="{esc(plot_id)}-t {esc(plot_id)}-d">',
             f'<title id="{esc(plot_id)}-t">{esc(title)}</title>',
             f'<desc id="{esc(plot_id)}-d">{esc(desc)}</desc>',
             f'<rect x="{left}" y="{top}" width="{w - left - right}" height="{volt_bottom - top}" '
             'fill="none" stroke="#888"/>']
    for i in range(6):  # voltage axis
        v = vmax * i / 5
        parts.append(f'<line x1="{left - 4}" x2="{left}" y1="{y(v):.1f}" y2="{y(v):.1f}" stroke="#888"/>'
                     f'<text x="{left - 6}" y="{y(v) + 4:.1f}" text-anchor="end" font-size="11">'
                     f'{esc(format_number(v, language))}</text>')
    parts.append(f'<text x="12" y="{(top + volt_bottom) / 2:.0f}" font-size="11" '
                 f'transform="rotate(-90 12 {(top + volt_bottom) / 2:.0f})" text-anchor="middle">'
                 f'{esc(render(m_.PLOT_VOLTS(), language))}</text>')
    for i in range(5):  # time axis
        t = t0 + (t1 - t0) * i // 4
        parts.append(f'<text x="{x(t):.1f}" y="{h - 6}" text-anchor="middle" font-size="11">'
                     f'{esc(_clock(t))}</text>')
    points = 0
    legend_x = left + 6
    for name in VOLTAGES:
        ts, vs = signals.series.get(name, ([], []))
        if not ts:
            continue
        dt, dv = decimate(ts, vs, max_points)
        points += len(dt)
        path = " ".join(f"{x(t):.1f},{y(v):.1f}" for t, v in zip(dt, dv, strict=True))
        parts.append(f'<polyline fill="none" stroke="{_COLOURS[name]}" stroke-width="1.5" points="{path}">'
                     f'<title>{esc(_signal_label(name, language))}</title></polyline>')
        parts.append(f'<text x="{legend_x}" y="{top + 14}" font-size="11" fill="{_COLOURS[name]}">'
                     f'{esc(_signal_label(name, language))}</text>')
        legend_x += 170
    for lane, name in enumerate(STATES):
        base = lane_top + lane * lane_h + lane_h - 6
        parts.append(f'<text x="{left - 6}" y="{base}" text-anchor="end" font-size="10">'
                     f'{esc(_signal_label(name, language))}</text>')
        ts, vs = signals.series.get(name, ([], []))
        if not ts:
            continue
        ct, cv = changes(ts, vs)
        points += len(ct)
        coords = []
        prev = 0.0
        for i, (t, v) in enumerate(zip(ct, cv, strict=True)):
            level = base - (lane_h - 10) * (1 if v else 0)
            if i:
                coords.append(f"{x(t):.1f},{prev:.1f}")
            coords.append(f"{x(t):.1f},{level:.1f}")
            prev = level
        parts.append(f'<polyline fill="none" stroke="#333" stroke-width="1.5" points="{" ".join(coords)}"/>')
        # the state in words where it starts and after each change (a few changes; more would be noise)
        shown = [(t, v) for i, (t, v) in enumerate(zip(ct, cv, strict=True)) if i == 0 or v != cv[i - 1]]
        if len(shown) <= 6:
            for t, v in shown:
                level = base - (lane_h - 10) * (1 if v else 0)
                parts.append(f'<text x="{x(t) + 3:.1f}" y="{level - 2:.1f}" font-size="9" fill="#555">'
                             f'{esc(_state_word(name, v, language))}</text>')
    for mark in marks:
        if t0 <= mark.t_us <= t1:
            parts.append(f'<line x1="{x(mark.t_us):.1f}" x2="{x(mark.t_us):.1f}" y1="{top}" '
                         f'y2="{lane_top + 3 * lane_h}" stroke="#6a1b9a" stroke-dasharray="4 3">'
                         f'<title>{esc(mark.label)}</title></line>')
    if not signals.series:
        parts.append(f'<text x="{w / 2}" y="{(top + volt_bottom) / 2}" text-anchor="middle" font-size="13">'
                     f'{esc(render(m_.PLOT_NO_SIGNALS(), language))}</text>')
    parts.append("</svg>")
    problems = tuple(render(p, language) for p in signals.problems)
    return Plot("".join(parts), points, signals.frames, problems)


def _state_word(name: str, value: float, language: str) -> str:
    if name == "ServicePlug":
        return render((m_.STATE_FITTED if value else m_.STATE_PULLED)(), language)
    return render((m_.STATE_CLOSED if value else m_.STATE_OPEN)(), language)


def _signal_label(name: str, language: str) -> str:
    labels = {"HvBusVoltage": m_.SIGNAL_HV_BUS, "PackVoltage": m_.SIGNAL_PACK,
              "ContactorPositive": m_.SIGNAL_CONTACTOR_POS, "ContactorNegative": m_.SIGNAL_CONTACTOR_NEG,
              "ServicePlug": m_.SIGNAL_SERVICE_PLUG}
    return render(labels[name](), language)
