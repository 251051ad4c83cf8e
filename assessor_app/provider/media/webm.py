"""A small reader of WebM (Matroska/EBML) files: enough to check a proxy before it is kept.

Reads the EBML header's DocType, the segment's Info (timecode scale, duration), the first
video track (codec, pixel size), counts the blocks in the clusters and the cue points. Sizes
are checked against the file; anything malformed is a :class:`WebmError` naming the problem.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

EBML, DOCTYPE = 0x1A45DFA3, 0x4282
SEGMENT, INFO, TRACKS, CLUSTER, CUES = 0x18538067, 0x1549A966, 0x1654AE6B, 0x1F43B675, 0x1C53BB6B
TIMECODE_SCALE, DURATION = 0x2AD7B1, 0x4489
TRACK_ENTRY, TRACK_TYPE, CODEC_ID, VIDEO, PIXEL_WIDTH, PIXEL_HEIGHT = 0xAE, 0x83, 0x86, 0xE0, 0xB0, 0xBA
SIMPLE_BLOCK, BLOCK_GROUP, CUE_POINT = 0xA3, 0xA0, 0xBB
_MASTER_LIMIT = 16 * 1024 * 1024  # Info, Tracks and Cues are small; larger is not a proxy of ours


class WebmError(Exception):
    """The file is not a WebM file this reader accepts; the message says why."""


@dataclass(frozen=True)
class WebmInfo:
    doctype: str
    codec_id: str
    width: int
    height: int
    duration_s: float
    blocks: int  # frames of all tracks (a proxy has one track: its frames)
    cue_points: int


def _vint(f: BinaryIO, *, keep_marker: bool) -> tuple[int, int]:
    """``(value, length)`` of an EBML variable-length integer; value -1 for an unknown size."""
    first = f.read(1)
    if not first:
        raise EOFError
    b = first[0]
    length = next((n for n in range(8) if b & (0x80 >> n)), None)
    if length is None:
        raise WebmError("an EBML number longer than 8 bytes")
    rest = f.read(length)
    if len(rest) != length:
        raise WebmError("the file ends inside an element header")
    value = b if keep_marker else b & (0xFF >> (length + 1))
    for c in rest:
        value = (value << 8) | c
    if not keep_marker and value == (1 << (7 * (length + 1))) - 1:
        return -1, length + 1
    return value, length + 1


def _children(data: bytes) -> list[tuple[int, bytes]]:
    import io

    f, out = io.BytesIO(data), []
    while f.tell() < len(data):
        element, _ = _vint(f, keep_marker=True)
        size, _ = _vint(f, keep_marker=False)
        if size < 0 or f.tell() + size > len(data):
            raise WebmError(f"element {element:#x} runs past its parent")
        out.append((element, f.read(size)))
    return out


def _uint(data: bytes) -> int:
    return int.from_bytes(data, "big") if data else 0


def _float(data: bytes) -> float:
    if len(data) == 4:
        return float(struct.unpack(">f", data)[0])
    if len(data) == 8:
        return float(struct.unpack(">d", data)[0])
    raise WebmError(f"a float of {len(data)} bytes")


def read_webm(path: Path) -> WebmInfo:
    """What a WebM file holds (see the module's docstring); :class:`WebmError` if it is malformed."""
    try:
        with path.open("rb") as f:
            return _read(f, path.stat().st_size)
    except EOFError:
        raise WebmError("the file ends early") from None


def _read(f: BinaryIO, file_size: int) -> WebmInfo:
    element, _ = _vint(f, keep_marker=True)
    if element != EBML:
        raise WebmError("no EBML header: not a WebM file")
    size, _ = _vint(f, keep_marker=False)
    header = dict(_children(f.read(size)))
    doctype = header.get(DOCTYPE, b"").decode("ascii", "replace")
    if doctype != "webm":
        raise WebmError(f"the document type is {doctype!r}, not webm")
    element, _ = _vint(f, keep_marker=True)
    if element != SEGMENT:
        raise WebmError("no segment after the EBML header")
    size, _ = _vint(f, keep_marker=False)
    end = file_size if size < 0 else f.tell() + size
    if end > file_size:
        raise WebmError(f"the segment declares {size} bytes but the file is shorter")
    scale, duration, codec, width, height, blocks, cues = 1_000_000, 0.0, "", 0, 0, 0, 0
    while f.tell() < end:
        element, _ = _vint(f, keep_marker=True)
        size, _ = _vint(f, keep_marker=False)
        if size < 0 or f.tell() + size > end:
            raise WebmError(f"element {element:#x} has an unknown size or runs past the segment")
        if element == CLUSTER:
            blocks += _count_blocks(f, f.tell() + size)
            continue
        if element not in (INFO, TRACKS, CUES):
            f.seek(size, 1)
            continue
        if size > _MASTER_LIMIT:
            raise WebmError(f"element {element:#x} of {size} bytes is too large")
        body = _children(f.read(size))
        if element == INFO:
            fields = dict(body)
            scale = _uint(fields.get(TIMECODE_SCALE, b"")) or 1_000_000
            duration = _float(fields[DURATION]) if DURATION in fields else 0.0
        elif element == TRACKS and not codec:
            codec, width, height = _video_track(body)
        elif element == CUES:
            cues += sum(1 for child, _ in body if child == CUE_POINT)
    return WebmInfo(doctype, codec, width, height, duration * scale / 1e9, blocks, cues)


def _count_blocks(f: BinaryIO, end: int) -> int:
    n = 0
    while f.tell() < end:
        element, _ = _vint(f, keep_marker=True)
        size, _ = _vint(f, keep_marker=False)
        if size < 0 or f.tell() + size > end:
            raise WebmError("a block runs past its cluster")
        n += element in (SIMPLE_BLOCK, BLOCK_GROUP)
        f.seek(size, 1)
    return n


def _video_track(tracks: list[tuple[int, bytes]]) -> tuple[str, int, int]:
    for element, body in tracks:
        if element != TRACK_ENTRY:
            continue
        fields = dict(_children(body))
        if _uint(fields.get(TRACK_TYPE, b"")) != 1:  # 1: video
            continue
        video = dict(_children(fields.get(VIDEO, b"")))
        return (fields.get(CODEC_ID, b"").decode("ascii", "replace"),
                _uint(video.get(PIXEL_WIDTH, b"")), _uint(video.get(PIXEL_HEIGHT, b"")))
    raise WebmError("no video track")
