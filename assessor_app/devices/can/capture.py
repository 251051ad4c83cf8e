"""The CAN logger: a Notifier listener that only enqueues, and one writer thread that owns the files.

The writer drains the queue in batches every ``poll_s``, writes BLF segments (blf.py), starts a new
segment at each ``mark_step`` and when a segment reaches ``max_segment_bytes``, hands a container
to the OS at least every ``flush_interval_s`` (so a killed process loses at most that much plus
one poll), and on close fsyncs, hashes and journals the segment before calling ``on_segment``.
If the adapter fails, the writer closes the segment, reports a gap, and reopens the adapter
every ``retry_interval_s`` until it answers again or the capture is stopped.
"""

from __future__ import annotations

import re
import threading
import time
from collections import deque
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import can

from assessor_app.devices.can.blf import BlfSegmentFile
from assessor_app.devices.can.config import (
    BusFactory,
    CanConfig,
    CanDeviceError,
    DeviceIdentity,
    identify,
    open_bus,
)
from assessor_app.devices.can.records import (
    BusLoad,
    CanSegmentInfo,
    CaptureCounters,
    CaptureStats,
    append_journal,
)
from assessor_app.durable import private_dir
from assessor_app.errors import AssessorError

GapCallback = Callable[[DeviceIdentity, int, str], None]
# SocketCAN error-frame encoding (linux/can/error.h): the only adapter family python-can passes
# controller problems through for.
_ERR_CRTL, _ERR_BUSOFF, _ERR_RESTARTED = 0x04, 0x40, 0x100
_CRTL_OVERFLOW, _CRTL_STATE = 0x03, 0x7C


class CanCaptureError(AssessorError):
    """The capture could not write its log (disk full, folder gone, a segment failed its check)."""


class _EnqueueListener(can.Listener):
    """Runs on the Notifier thread: stamps the host clock and enqueues; nothing else."""

    def __init__(
        self, queue: deque[Any], capacity: int, on_fault: Callable[[Exception], None],
        halted: threading.Event, clock_ns: Callable[[], int] = time.monotonic_ns,
    ):
        self.queue, self.capacity, self.overflows = queue, capacity, 0
        self._on_fault, self._halted, self._clock_ns = on_fault, halted, clock_ns

    def on_message_received(self, msg: can.Message) -> None:
        if len(self.queue) >= self.capacity:
            self.overflows += 1
            return
        self.queue.append((msg, self._clock_ns()))

    def on_message_received_at(self, msg: can.Message, host_ns: int) -> None:
        if len(self.queue) >= self.capacity:
            self.overflows += 1
            return
        self.queue.append((msg, host_ns))

    def on_error(self, exc: Exception) -> None:
        self._on_fault(exc)
        # The Notifier calls recv again at once after a handled error: pause so a dead adapter
        # is not polled in a busy loop while the writer thread stops this Notifier.
        self._halted.wait(0.1)

    def stop(self) -> None:
        """Nothing to release: the writer thread owns the files."""


class CanLogger:
    """Log one CAN channel to BLF segments in ``folder``; see the package docstring for the contract."""

    def __init__(
        self,
        config: CanConfig,
        folder: Path,
        *,
        timeline_us: Callable[[], int],
        on_segment: Callable[[CanSegmentInfo], None] | None = None,
        on_gap_start: GapCallback | None = None,
        on_gap_end: GapCallback | None = None,
        bus_factory: BusFactory = open_bus,
        max_segment_bytes: int = 8 << 20,
        queue_size: int = 65_536,
        flush_interval_s: float = 0.5,
        retry_interval_s: float = 1.0,
        poll_s: float = 0.05,
        blf_channel: int = 1,
        name: str = "can",
        compression_level: int = 1,
        clock_ns: Callable[[], int] = time.monotonic_ns,
    ):
        self.config, self.folder, self.name = config, Path(folder), name
        self._timeline_us, self._bus_factory = timeline_us, bus_factory
        self._on_segment, self._on_gap_start, self._on_gap_end = on_segment, on_gap_start, on_gap_end
        self.max_segment_bytes, self.flush_interval_s = max_segment_bytes, flush_interval_s
        self.retry_interval_s, self.poll_s = retry_interval_s, poll_s
        self.blf_channel, self.compression_level = blf_channel, compression_level
        self.counters = CaptureCounters()
        self.segments: list[CanSegmentInfo] = []
        self.bus: can.BusABC | None = None
        self.notifier: can.Notifier | None = None
        self.device = DeviceIdentity(config.interface, config.channel)
        self._queue: deque[Any] = deque()
        self._halted = threading.Event()
        self._stop = threading.Event()
        self._clock_ns = clock_ns  # the host clock frames are stamped on (a simulated one in the demo)
        self._listener = _EnqueueListener(
            self._queue, queue_size, self._adapter_failed, self._halted, clock_ns)
        self._extra_listeners: list[Any] = []
        self._fault: Exception | None = None
        self._thread: threading.Thread | None = None
        self._segment: BlfSegmentFile | None = None
        self._seg_meta: dict[str, Any] = {}
        self._index = 0
        self._step_id: str | None = None
        self._bus_state = "unknown"
        self._in_gap = False
        self._load: dict[int, list[int]] = {}
        self.failure: CanCaptureError | None = None

    # -- control (any thread) -------------------------------------------------------------------
    def start(self) -> None:
        """Open the adapter and start logging; raises CanDeviceError if the adapter cannot be opened."""
        private_dir(self.folder)
        self._open()
        append_journal(
            self.folder,
            {
                "event": "capture_started",
                "config": self.config.to_dict(),
                "device": self.device.to_dict(),
                "t_us": self._timeline_us(),
                "host_ns": self._clock_ns(),  # with t_us: places a recovered segment on the timeline
            },
        )
        self._thread = threading.Thread(
            target=self._run, name=f"can-writer {self.config.describe()}", daemon=True
        )
        self._thread.start()

    def add_listener(self, listener: Callable[[can.Message], None]) -> None:
        """Another reader of this bus (a SignalMonitor, an ISO-TP stack); kept across reconnects."""
        self._extra_listeners.append(listener)
        if self.notifier is not None:
            self.notifier.add_listener(listener)

    def remove_listener(self, listener: Callable[[can.Message], None]) -> None:
        self._extra_listeners.remove(listener)
        if self.notifier is not None and listener in self.notifier.listeners:
            self.notifier.remove_listener(listener)

    def mark_step(self, step_id: str | None) -> None:
        """The checklist moved to ``step_id``: frames from now on go to a new segment."""
        self._queue.append((step_id, None))  # in-band, so the split is exact in frame order

    def inject(self, frames: list[can.Message]) -> None:
        """Frames of a simulated vehicle on the capture's clock: each is logged as received at its own
        timestamp (seconds on ``clock_ns``), in order, before any step mark made after this call, and
        handed to the other readers (a SignalMonitor) as the bus would hand it."""
        for msg in frames:
            self._listener.on_message_received_at(msg, int(round(msg.timestamp * 1e9)))
            for listener in self._extra_listeners:
                listener(msg)

    def stats(self) -> CaptureStats:
        now_s = self._clock_ns() // 1_000_000_000
        frames, bits = self._load.get(now_s - 1, (0, 0))
        counters = replace(self.counters, queue_overflows=self._listener.overflows)
        return CaptureStats(
            counters=counters,
            load=BusLoad(float(frames), float(bits), 100.0 * bits / self.config.bitrate),
            queue_depth=len(self._queue),
            segment_index=self._index,
            step_id=self._step_id,
            bus_state=self._bus_state,
            in_gap=self._in_gap,
        )

    def stop(self, timeout: float = 10.0) -> list[CanSegmentInfo]:
        """Stop, close and report the last segment; return every segment of this capture."""
        self._stop_notifier()
        self._stop.set()
        self._halted.set()
        if self._thread is not None:
            self._thread.join(timeout)
        self._close_bus()
        if self.failure is not None:
            raise self.failure
        return list(self.segments)

    # -- adapter ---------------------------------------------------------------------------------
    def _open(self) -> None:
        self.bus = self._bus_factory(self.config)
        self.device = identify(self.bus, self.config)
        self.notifier = can.Notifier(self.bus, [self._listener, *self._extra_listeners], timeout=0.2)
        self._bus_state = self._read_state()

    def _adapter_failed(self, exc: Exception) -> None:
        if self._fault is None:
            self._fault = exc

    def _stop_notifier(self) -> None:
        if self.notifier is not None:
            self.notifier.stop(timeout=2.0)
            self.notifier = None

    def _close_bus(self) -> None:
        if self.bus is not None:
            try:
                self.bus.shutdown()
            except (can.CanError, OSError) as exc:  # an unplugged adapter may fail to close
                self._journal("adapter_close_failed", reason=str(exc))
            self.bus = None

    def _read_state(self) -> str:
        try:
            return self.bus.state.name.lower() if self.bus is not None else "closed"
        except (NotImplementedError, can.CanError, OSError):
            return "unknown"

    # -- writer thread ---------------------------------------------------------------------------
    def _run(self) -> None:
        try:
            self._loop()
        except (OSError, AssessorError) as exc:
            self.failure = CanCaptureError(f"Writing the CAN log to {self.folder} failed: {exc}")
            if self._segment is not None:
                self._segment.abandon()
            self._journal("capture_failed", reason=str(self.failure))

    def _loop(self) -> None:
        last_flush = last_state = time.monotonic()
        while True:
            stopping = self._stop.is_set()
            self._drain()
            now = time.monotonic()
            if self._fault is not None and not stopping:
                self._gap()
                last_flush = last_state = time.monotonic()
                continue
            if now - last_flush >= self.flush_interval_s:
                if self._segment is not None:
                    self._segment.flush()
                last_flush = now
            if now - last_state >= 1.0:
                self._poll_state()
                last_state = now
            if stopping:
                self._drain()
                self._close_segment("stop")
                self._journal("capture_stopped", counters=self.counters.to_dict())
                return
            self._stop.wait(self.poll_s)

    def _poll_state(self) -> None:
        state = self._read_state()
        if state != self._bus_state:
            self.counters.bus_state_changes += 1
            self._journal("bus_state", state=state, was=self._bus_state)
            self._bus_state = state

    def _drain(self) -> None:
        queue = self._queue
        while queue:
            batch: list[tuple[can.Message, int]] = []
            while queue and len(batch) < 4096:
                item = queue.popleft()
                if item[1] is None:  # a step mark
                    self._write(batch)
                    batch = []
                    self._close_segment("step")
                    self._step_id = item[0]
                    continue
                batch.append(item)
            self._write(batch)

    def _write(self, batch: list[tuple[can.Message, int]]) -> None:
        # in chunks, so a segment ends within ~512 frames of its size limit
        for start in range(0, len(batch), 512):
            self._write_chunk(batch[start : start + 512])

    def _write_chunk(self, batch: list[tuple[can.Message, int]]) -> None:
        if self._segment is None:
            self._open_segment(batch[0][0].timestamp)
        assert self._segment is not None
        bits = errors = 0
        for msg, _ns in batch:
            if msg.is_error_frame:
                errors += 1
                self._error_frame(msg)
            bits += (67 if msg.is_extended_id else 47) + 8 * len(msg.data)
        self._segment.write_many(batch)
        self.counters.frames += len(batch)
        self.counters.error_frames += errors
        self._count_load(batch[-1][1] // 1_000_000_000, len(batch), bits)
        meta = self._seg_meta
        if meta["first_bus_ts"] is None:
            meta["first_bus_ts"], meta["first_host_ns"] = batch[0][0].timestamp, batch[0][1]
        meta["last_bus_ts"], meta["last_host_ns"] = batch[-1][0].timestamp, batch[-1][1]
        if self._segment.size_estimate >= self.max_segment_bytes:
            self._close_segment("size")

    def _count_load(self, second: int, frames: int, bits: int) -> None:
        bucket = self._load.get(second)
        if bucket is None:
            self._load = {s: b for s, b in self._load.items() if s >= second - 2}
            self._load[second] = [frames, bits]
        else:
            bucket[0] += frames
            bucket[1] += bits

    def _error_frame(self, msg: can.Message) -> None:
        if self.config.interface != "socketcan":
            return
        arb, data = msg.arbitration_id, bytes(msg.data) + b"\x00\x00"
        if arb & _ERR_CRTL and data[1] & _CRTL_OVERFLOW:
            self.counters.adapter_overruns += 1
        if arb & (_ERR_BUSOFF | _ERR_RESTARTED) or (arb & _ERR_CRTL and data[1] & _CRTL_STATE):
            self.counters.bus_state_changes += 1

    def _open_segment(self, first_ts: float) -> None:
        self._index += 1
        step = re.sub(r"[^A-Za-z0-9_.-]+", "_", self._step_id) if self._step_id else "nostep"
        path = self.folder / f"{self.name}-{self._index:05d}-{step}.blf"
        self._segment = BlfSegmentFile(path, self.blf_channel, first_ts, self.compression_level)
        self._seg_meta = {
            "first_bus_ts": None,
            "first_host_ns": None,
            "last_bus_ts": None,
            "last_host_ns": None,
            "counters": replace(self.counters, queue_overflows=self._listener.overflows),
        }
        self._journal("segment_opened", path=path.name, index=self._index, step_id=self._step_id)

    def _close_segment(self, because: str) -> None:
        segment, self._segment = self._segment, None
        if segment is None:
            return
        digest = segment.close()
        meta = self._seg_meta
        self.counters.queue_overflows = self._listener.overflows
        at_open: CaptureCounters = meta["counters"]
        during = CaptureCounters(**{k: v - getattr(at_open, k) for k, v in self.counters.to_dict().items()})
        offset_us = self._timeline_us() - self._clock_ns() // 1000

        def timeline(ns: int | None) -> int | None:
            return None if ns is None else ns // 1000 + offset_us

        info = CanSegmentInfo(
            path=segment.path,
            sha256=digest.sha256,
            size=digest.size,
            frames=digest.objects,
            index=self._index,
            step_id=self._step_id,
            first_bus_ts=meta["first_bus_ts"],
            last_bus_ts=meta["last_bus_ts"],
            first_host_ns=meta["first_host_ns"],
            last_host_ns=meta["last_host_ns"],
            first_timeline_us=timeline(meta["first_host_ns"]),
            last_timeline_us=timeline(meta["last_host_ns"]),
            host_times_path=segment.path.with_name(segment.path.name + ".host-ns"),
            host_times_sha256=digest.host_times_sha256,
            host_times_size=digest.host_times_size,
            closed_because=because,
            config=self.config,
            device=self.device,
            counters=replace(self.counters),
            segment_counters=during,
        )
        self.segments.append(info)
        self._journal("segment_closed", **info.to_dict())
        if self._on_segment is not None:
            self._on_segment(info)

    def _gap(self) -> None:
        exc, self._fault = self._fault, None
        reason = f"The CAN adapter {self.config.describe()} stopped answering: {exc}"
        self._in_gap = True
        self.counters.gaps += 1
        self._stop_notifier()
        self._close_bus()
        self._drain()
        self._close_segment("gap")
        t_us = self._timeline_us()
        self._journal("gap_start", t_us=t_us, reason=reason)
        if self._on_gap_start is not None:
            self._on_gap_start(self.device, t_us, reason)
        while not self._stop.wait(self.retry_interval_s):
            self._fault = None
            try:
                self._open()
            except CanDeviceError as retry_exc:
                self._journal("reconnect_failed", reason=str(retry_exc))
                continue
            return self._gap_over("The CAN adapter answers again.")
        self._gap_over("The capture was stopped while the CAN adapter was missing.")

    def _gap_over(self, reason: str) -> None:
        self._in_gap = False
        t_us = self._timeline_us()
        self._journal("gap_end", t_us=t_us, reason=reason)
        if self._on_gap_end is not None:
            self._on_gap_end(self.device, t_us, reason)

    def _journal(self, event: str, **fields: Any) -> None:
        append_journal(self.folder, {"event": event, "host_ns": self._clock_ns(), **fields})
