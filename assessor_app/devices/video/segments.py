"""One recorded segment: the video file, its frame-time sidecar, both hashed as they are written.

The container is MPEG-TS (``.ts``) with MPEG-4 Part 2 video (fourcc ``mp4v``) through OpenCV's
FFmpeg backend. Of what the opencv-python-headless wheels can write on Linux and Windows, it is
the one whose muxer only ever appends (AVI, MP4 and Matroska seek back to patch headers and
indexes), so the file is hashed by following it as it grows, and a segment cut short by a power
cut still plays up to its last complete packet.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Protocol

import cv2
import numpy as np

from assessor_app.durable import fsync_dir, open_private, private_file

from ._opencv import stderr_to_log
from .errors import SegmentIntegrityError, VideoWriteError

CONTAINER = "mpegts"
SUFFIX = ".ts"
FOURCC = "mp4v"
CODEC = "mpeg4"  # FFmpeg's name for MPEG-4 Part 2, what fourcc mp4v selects
SIDECAR_SUFFIX = ".frames.csv"
SIDECAR_HEADER = "frame,capture_seq,monotonic_ns,timeline_us\n"
#: The first bytes are kept while hashing and compared again at close: muxers that seek back
#: patch sizes in their headers there, so a rewrite is caught without re-reading the file.
HEAD_BYTES = 64 * 1024
_CHUNK = 1 << 20


class VideoSink(Protocol):
    """What frames are written to (an OpenCV ``VideoWriter`` or a test's wrapper of one)."""

    def write(self, frame: np.ndarray, /) -> object: ...

    def release(self) -> object: ...


WriterFactory = Callable[[Path, float, tuple[int, int]], VideoSink]


def open_video_writer(path: Path, fps: float, size: tuple[int, int], fourcc: str = FOURCC) -> VideoSink:
    """An OpenCV FFmpeg writer for ``path`` (the container follows the suffix); the file is owner-only."""
    created = not path.exists()
    # FFmpeg creates the file with the process's umask; made owner-only first, it keeps that mode
    private_file(path)
    with stderr_to_log():
        writer = cv2.VideoWriter(str(path), cv2.CAP_FFMPEG, cv2.VideoWriter.fourcc(*fourcc), fps, size)
    if not writer.isOpened():
        writer.release()
        if created:
            path.unlink(missing_ok=True)
        raise VideoWriteError(f"The video file {path} could not be opened for writing "
                              f"({fourcc} at {size[0]}x{size[1]}, {fps:g} fps).")
    return writer


def fsync_file(path: Path) -> None:
    """Flush a closed file's data to the disk (opened for writing: Windows needs that to flush)."""
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def sha256_file(path: Path) -> str:
    """The SHA-256 of a file read from disk (for checks, not for recording)."""
    h = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


class GrowingFileHasher:
    """SHA-256 of a file that another writer appends to, read as it grows (no FIFO needed).

    ``catch_up()`` hashes whatever has been appended since the last call. ``finish()``, after
    the writer has closed the file, hashes the rest and proves that the file on disk is the
    one hashed: same file (inode), same size as the bytes hashed, and the same first
    :data:`HEAD_BYTES` as were read while it grew.
    """

    def __init__(self, path: Path):
        self.path = path
        self._f = path.open("rb")
        self._h = hashlib.sha256()
        self._head = bytearray()
        self.size = 0

    def catch_up(self) -> int:
        """Hash newly appended bytes; the number of bytes hashed so far."""
        if os.fstat(self._f.fileno()).st_size <= self.size:
            return self.size
        while chunk := self._f.read(_CHUNK):
            self._h.update(chunk)
            if len(self._head) < HEAD_BYTES:
                self._head += chunk[: HEAD_BYTES - len(self._head)]
            self.size += len(chunk)
        return self.size

    def finish(self) -> tuple[str, int]:
        """``(sha256, size)`` of the closed file; :class:`SegmentIntegrityError` if it was rewritten."""
        try:
            self.catch_up()
            ours = os.fstat(self._f.fileno())
            try:
                on_disk = os.stat(self.path)
            except FileNotFoundError:
                raise SegmentIntegrityError(f"The video file {self.path} disappeared while it was "
                                            f"being recorded.") from None
            if (ours.st_ino, ours.st_dev) != (on_disk.st_ino, on_disk.st_dev) and ours.st_ino:
                raise SegmentIntegrityError(f"The video file {self.path} was replaced while it was "
                                            f"being recorded.")
            if on_disk.st_size != self.size:
                raise SegmentIntegrityError(
                    f"The video file {self.path} is {on_disk.st_size} bytes but {self.size} were "
                    f"hashed while it was written.")
            self._f.seek(0)
            if self._f.read(len(self._head)) != bytes(self._head):
                raise SegmentIntegrityError(
                    f"The video file {self.path} was rewritten after its first bytes were hashed "
                    f"(the muxer seeked back); its hash would not match its content.")
            return self._h.hexdigest(), self.size
        finally:
            self._f.close()

    def abandon(self) -> None:
        self._f.close()


@dataclass(frozen=True)
class FrameTime:
    """One line of a sidecar: a frame and when it was captured on both clocks."""

    frame: int  # index in the segment (0-based), the n-th decoded frame
    capture_seq: int  # the recorder's capture counter: a jump here that is not a pause is a drop
    monotonic_ns: int  # host monotonic clock when the frame arrived
    timeline_us: int  # position on the assessment timeline when the frame arrived


class SidecarWriter:
    """The frame-time sidecar (CSV), hashed as each line is written, fsynced at close."""

    def __init__(self, path: Path):
        self.path = path
        self._f = open_private(path, "xb")
        self._h = hashlib.sha256()
        self.size = 0
        self._write(SIDECAR_HEADER.encode())

    def _write(self, data: bytes) -> None:
        self._f.write(data)
        self._h.update(data)
        self.size += len(data)

    def add(self, t: FrameTime) -> None:
        self._write(f"{t.frame},{t.capture_seq},{t.monotonic_ns},{t.timeline_us}\n".encode())

    def close(self) -> tuple[str, int]:
        self._f.flush()
        os.fsync(self._f.fileno())
        self._f.close()
        return self._h.hexdigest(), self.size

    def abandon(self) -> None:
        self._f.close()


def read_sidecar(path: Path) -> list[FrameTime]:
    """The frame times of a sidecar; a torn last line (power cut) is left out."""
    lines = path.read_text(encoding="ascii").split("\n")
    if not lines or lines[0] + "\n" != SIDECAR_HEADER:
        raise SegmentIntegrityError(f"{path} is not a frame-time sidecar (unexpected header).")
    out = []
    for line in lines[1:-1]:  # the text after the last newline is empty or a torn line
        a, b, c, d = line.split(",")
        out.append(FrameTime(int(a), int(b), int(c), int(d)))
    return out


@dataclass(frozen=True)
class SegmentInfo:
    """A closed, fsynced segment: what the store indexes and the bundle carries."""

    index: int
    path: Path
    sidecar_path: Path
    sha256: str
    size: int
    sidecar_sha256: str
    sidecar_size: int
    frames: int
    dropped: int  # frames captured for this segment but lost because the encoder was behind
    t_start_us: int  # timeline position of the first frame
    t_end_us: int  # timeline position of the last frame
    mono_start_ns: int
    mono_end_ns: int
    width: int
    height: int
    fps: float  # nominal rate written into the container; real times are in the sidecar
    codec: str = CODEC
    container: str = CONTAINER
    device: dict[str, Any] = field(default_factory=dict)

    @property
    def duration_s(self) -> float:
        """From the first frame's arrival to the end of the last frame's slot."""
        return (self.mono_end_ns - self.mono_start_ns) / 1e9 + 1 / self.fps

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready (paths as strings)."""
        d = asdict(self)
        d["path"], d["sidecar_path"] = str(self.path), str(self.sidecar_path)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SegmentInfo:
        return cls(**{**d, "path": Path(d["path"]), "sidecar_path": Path(d["sidecar_path"])})


def segment_name(index: int) -> str:
    return f"seg-{index:06d}{SUFFIX}"


def next_free_index(directory: Path) -> int:
    """One past the highest segment number in ``directory`` (a resumed recording never overwrites)."""
    numbers = [int(p.name[4:10]) for p in directory.glob(f"seg-[0-9][0-9][0-9][0-9][0-9][0-9]{SUFFIX}*")]
    return max(numbers, default=0) + 1


class SegmentWriter:
    """Writes one segment; ``close()`` returns its :class:`SegmentInfo` once it is durable."""

    def __init__(self, directory: Path, index: int, fps: float, size: tuple[int, int],
                 device: dict[str, Any], writer_factory: WriterFactory = open_video_writer):
        self.index, self.fps, self.size, self.device = index, fps, size, device
        self.directory = directory
        self.path = directory / segment_name(index)
        self.sidecar_path = directory / (self.path.name + SIDECAR_SUFFIX)
        if self.path.exists() or self.sidecar_path.exists():
            raise VideoWriteError(f"The segment {self.path} already exists; it is never overwritten.")
        self.sidecar = SidecarWriter(self.sidecar_path)
        try:
            self.sink = writer_factory(self.path, fps, size)
            self.hasher = GrowingFileHasher(self.path)
        except BaseException:
            self.sidecar.abandon()
            raise
        self.frames = 0
        self.dropped = 0
        self.first: FrameTime | None = None
        self.last: FrameTime | None = None

    @property
    def start_ns(self) -> int:
        """Monotonic time of the first frame (segments are opened by their first frame)."""
        return self.first.monotonic_ns if self.first else 0

    @property
    def bytes_written(self) -> int:
        return self.hasher.size + self.sidecar.size

    def write(self, frame: np.ndarray, capture_seq: int, monotonic_ns: int, timeline_us: int) -> None:
        self.sink.write(frame)
        t = FrameTime(self.frames, capture_seq, monotonic_ns, timeline_us)
        self.sidecar.add(t)
        self.first = self.first or t
        self.last = t
        self.frames += 1
        self.hasher.catch_up()

    def close(self) -> SegmentInfo:
        """Finish the file, check it is what was hashed, fsync file, sidecar and directory."""
        self.sink.release()
        sha, size = self.hasher.finish()
        side_sha, side_size = self.sidecar.close()
        fsync_file(self.path)
        fsync_dir(self.directory)
        assert self.first is not None and self.last is not None, "a segment is opened by its first frame"
        return SegmentInfo(
            index=self.index, path=self.path, sidecar_path=self.sidecar_path, sha256=sha, size=size,
            sidecar_sha256=side_sha, sidecar_size=side_size, frames=self.frames, dropped=self.dropped,
            t_start_us=self.first.timeline_us, t_end_us=self.last.timeline_us,
            mono_start_ns=self.first.monotonic_ns, mono_end_ns=self.last.monotonic_ns,
            width=self.size[0], height=self.size[1], fps=self.fps, device=dict(self.device))

    def abandon(self) -> None:
        """Give up after a failure: release handles, leave the files for inspection."""
        try:
            self.sink.release()
        finally:
            self.hasher.abandon()
            self.sidecar.abandon()
