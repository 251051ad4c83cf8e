"""One BLF segment file, written front to back, with the host receive times beside it.

Why not ``can.BLFWriter`` as is: its ``stop()`` seeks back to offset 0 and rewrites the 144-byte
file header (file size, object count, stop time), so a SHA-256 taken over the bytes as they were
written would not be the hash of the finished file, and SHA-256 cannot be updated for bytes that
change at the start of a stream. So this writer:

* writes the header at open with the measurement start already in it (the segment is opened on
  its first frame), so even a file never closed (SIGKILL) reads back with correct timestamps;
* hashes every byte after the header as it is written (the *body* digest);
* at close writes the last container, patches the header (as Vector's and python-can's writers
  do, so third-party tools see the right statistics), fsyncs, then reads the file back once:
  the SHA-256 of the whole file is taken from that read, and the body read back must hash to the
  body digest taken while writing — so the reported hash is of exactly the bytes written, now on
  disk (a mismatch raises). Reading back a closed segment of a few MB costs milliseconds.

The objects are byte-for-byte those of python-can's BLFWriter (CAN_MESSAGE, CAN_FD_MESSAGE,
CAN_ERROR_EXT with V1 headers and nanosecond timestamps), so ``can.BLFReader`` and Vector tools
read them. BLF keeps one timestamp per frame (the bus's); the host monotonic time of receipt
(``time.monotonic_ns()``, the video recorder's clock) goes to ``<segment>.host-ns``: one
little-endian int64 per BLF object, in the same order. That file is only ever appended to, so
its hash is taken while writing.

Containers are written when 128 KiB of objects are buffered or when ``flush()`` is called (the
capture calls it at least every half second), so a killed process loses at most that much.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import struct
import sys
import zlib
from array import array
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from can.util import len2dlc

from assessor_app.durable import open_private
from assessor_app.errors import AssessorError

FILE_HEADER = struct.Struct("<4sLBBBBBBBBQQLL8H8H")
FILE_HEADER_SIZE = 144
CONTAINER_HEADER = struct.Struct("<4sHHLLH6xL4x")  # object base header + LOG_CONTAINER header
MAX_CONTAINER = 128 * 1024
# LOBJ base header (16) + V1 object header (16) + CAN_MESSAGE body (16), in one pack call
CAN_OBJECT = struct.Struct("<4sHHLLLHHQHBBL8s")
ERROR_OBJECT = struct.Struct("<4sHHLLLHHQHHLBBBxLLH2x8s")
FD_OBJECT = struct.Struct("<4sHHLLLHHQHBBLLBBB5x64s")
CAN_MESSAGE, LOG_CONTAINER, CAN_ERROR_EXT, CAN_FD_MESSAGE = 1, 10, 73, 100
CAN_MSG_EXT, REMOTE_FLAG, DIR = 0x80000000, 0x80, 0x1
EDL, BRS, ESI = 0x1, 0x2, 0x4
TIME_ONE_NANS = 2
_UNIX_1990 = 631152000  # below this a timestamp is a device's uptime, not Unix time
_READ_CHUNK = 1 << 20


class SegmentIntegrityError(AssessorError):
    """A closed segment read back differs from the bytes written to it."""


@dataclass(frozen=True)
class SegmentDigest:
    """What closing a segment proved: hashes and sizes of the BLF and its host-time file."""

    sha256: str
    size: int
    objects: int
    host_times_sha256: str
    host_times_size: int


def _systemtime(timestamp: float | None) -> tuple[int, ...]:
    if timestamp is None or timestamp < _UNIX_1990:
        return (0,) * 8
    t = dt.datetime.fromtimestamp(round(timestamp, 3), tz=dt.UTC)
    return (t.year, t.month, t.isoweekday() % 7, t.day, t.hour, t.minute, t.second, t.microsecond // 1000)


def host_times_path(blf_path: Path) -> Path:
    return blf_path.with_name(blf_path.name + ".host-ns")


def read_host_times(blf_path: Path) -> list[int]:
    """The host monotonic receive times (ns) of a segment's objects, in order."""
    times = array("q")
    times.frombytes(host_times_path(blf_path).read_bytes())
    if sys.byteorder != "little":
        times.byteswap()
    return times.tolist()


class BlfSegmentFile:
    """A BLF file for one segment: objects go in order; ``close()`` returns its digest."""

    def __init__(self, path: Path, channel: int, first_timestamp: float, compression_level: int = 1):
        self.path = path
        self.channel = channel  # BLF channels count from 1
        self.compression_level = compression_level
        # Unix-time timestamps are stored relative to the header's start (ms precision, as
        # BLFWriter does); device-uptime timestamps are stored as they are, with a zero start.
        self.start = int(first_timestamp * 1000) / 1000 if first_timestamp >= _UNIX_1990 else 0.0
        self.stop_timestamp = first_timestamp
        self.objects = 0
        self.uncompressed_size = FILE_HEADER_SIZE
        self._buf: list[bytes] = []
        self._buf_size = 0
        self._times = array("q")
        # never over an existing file: a segment is evidence once it exists
        self._file = open_private(path, "xb")
        self._host = open_private(host_times_path(path), "xb")
        self._body = hashlib.sha256()
        self._host_hash = hashlib.sha256()
        self._written = 0
        self._host_size = 0
        self._file.write(self._header(FILE_HEADER_SIZE))
        self._file.flush()  # a file that exists is a readable BLF, even if the process dies now
        self._written = FILE_HEADER_SIZE

    def _header(self, file_size: int) -> bytes:
        fields = FILE_HEADER.pack(
            b"LOGG",
            FILE_HEADER_SIZE,
            5,
            0,
            0,
            0,
            2,
            6,
            8,
            1,
            file_size,
            self.uncompressed_size,
            self.objects,
            0,
            *_systemtime(self.start or None),
            *_systemtime(self.stop_timestamp),
        )
        return fields + b"\x00" * (FILE_HEADER_SIZE - FILE_HEADER.size)

    @property
    def size_estimate(self) -> int:
        """Bytes on disk so far plus the buffered objects at a typical 4:1 compression."""
        return self._written + self._buf_size // 4

    def write_many(self, items: list[tuple[Any, int]]) -> None:
        """Append ``(can.Message, host_monotonic_ns)`` pairs."""
        pack = CAN_OBJECT.pack
        append = self._buf.append
        start, channel = self.start, self.channel
        size = 0
        for msg, host_ns in items:
            if msg.is_error_frame or msg.is_fd:
                self._buf_size += size
                size = 0
                self._write_special(msg)
            else:
                ts = int((msg.timestamp - start) * 1e9)
                arb = msg.arbitration_id | CAN_MSG_EXT if msg.is_extended_id else msg.arbitration_id
                flags = REMOTE_FLAG if msg.is_remote_frame else 0
                if not msg.is_rx:
                    flags |= DIR
                append(
                    pack(
                        b"LOBJ",
                        32,
                        1,
                        48,
                        CAN_MESSAGE,
                        TIME_ONE_NANS,
                        0,
                        0,
                        ts if ts > 0 else 0,
                        channel,
                        flags,
                        msg.dlc,
                        arb,
                        bytes(msg.data),
                    )
                )
                size += 48
            self._times.append(host_ns)
        if items:
            self.stop_timestamp = items[-1][0].timestamp
        self.objects += len(items)
        self._buf_size += size
        if self._buf_size >= MAX_CONTAINER:
            self._write_containers(final=False)

    def _write_special(self, msg: Any) -> None:
        ts = max(int((msg.timestamp - self.start) * 1e9), 0)
        arb = msg.arbitration_id | CAN_MSG_EXT if msg.is_extended_id else msg.arbitration_id
        data = bytes(msg.data)
        if msg.is_error_frame:
            obj = ERROR_OBJECT.pack(
                b"LOBJ",
                32,
                1,
                ERROR_OBJECT.size,
                CAN_ERROR_EXT,
                TIME_ONE_NANS,
                0,
                0,
                ts,
                self.channel,
                0,
                0,
                0,
                0,
                min(msg.dlc, 8),
                0,
                arb,
                0,
                data,
            )
        else:
            flags = (REMOTE_FLAG if msg.is_remote_frame else 0) | (0 if msg.is_rx else DIR)
            fd_flags = EDL | (BRS if msg.bitrate_switch else 0) | (ESI if msg.error_state_indicator else 0)
            dlc = len2dlc(msg.dlc)
            obj = FD_OBJECT.pack(
                b"LOBJ",
                32,
                1,
                FD_OBJECT.size,
                CAN_FD_MESSAGE,
                TIME_ONE_NANS,
                0,
                0,
                ts,
                self.channel,
                flags,
                dlc,
                arb,
                0,
                0,
                fd_flags,
                len(data),
                data,
            )
        self._buf.append(obj)
        self._buf_size += len(obj)

    def _write_containers(self, final: bool) -> None:
        """Compress buffered objects into containers of at most 128 KiB (objects may span two)."""
        data = b"".join(self._buf)
        while len(data) >= MAX_CONTAINER or (final and data):
            chunk, data = data[:MAX_CONTAINER], data[MAX_CONTAINER:]
            packed = zlib.compress(chunk, self.compression_level)
            obj_size = CONTAINER_HEADER.size + len(packed)
            out = b"".join(
                (
                    CONTAINER_HEADER.pack(b"LOBJ", 16, 1, obj_size, LOG_CONTAINER, 2, len(chunk)),
                    packed,
                    b"\x00" * (obj_size % 4),
                )
            )
            self._file.write(out)
            self._body.update(out)
            self._written += len(out)
            self.uncompressed_size += CONTAINER_HEADER.size + len(chunk)
        self._buf = [data] if data else []
        self._buf_size = len(data)
        if self._times:
            raw = self._times.tobytes() if sys.byteorder == "little" else self._byteswapped()
            self._host.write(raw)
            self._host_hash.update(raw)
            self._host_size += len(raw)
            self._times = array("q")

    def _byteswapped(self) -> bytes:
        swapped = array("q", self._times)
        swapped.byteswap()
        return swapped.tobytes()

    def flush(self) -> None:
        """Write everything buffered as a container and hand it to the OS (survives a killed process)."""
        self._write_containers(final=True)
        self._file.flush()
        self._host.flush()

    def close(self) -> SegmentDigest:
        """Finish the file (header patched), fsync both files, and return the verified digest."""
        self.flush()
        size = self._written
        self._file.seek(0)
        self._file.write(self._header(size))
        self._file.flush()
        os.fsync(self._file.fileno())
        self._file.close()
        os.fsync(self._host.fileno())
        self._host.close()
        whole, body = hashlib.sha256(), hashlib.sha256()
        with open(self.path, "rb") as f:
            head = f.read(FILE_HEADER_SIZE)
            whole.update(head)
            while chunk := f.read(_READ_CHUNK):
                whole.update(chunk)
                body.update(chunk)
        if body.digest() != self._body.digest() or len(head) != FILE_HEADER_SIZE:
            raise SegmentIntegrityError(
                f"The CAN log segment {self.path} read back differs from what was written to it."
            )
        return SegmentDigest(
            whole.hexdigest(), size, self.objects, self._host_hash.hexdigest(), self._host_size
        )

    def abandon(self) -> None:
        """Close the files without finishing them (the capture is failing anyway)."""
        for f in (self._file, self._host):
            if not f.closed:
                f.close()
