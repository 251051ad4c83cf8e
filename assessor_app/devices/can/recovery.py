"""After a crash: finish the segment that was being written, so it can be hashed and kept as evidence.

The journal says which segments were opened and never closed. Such a file holds a valid header
(written at open) and the containers flushed before the process died; a torn last container is
cut off, the header patched with the real statistics, the host-time file cut to the same number
of frames, both fsynced and hashed. Nothing in it is altered; only an incomplete tail is dropped.
"""

from __future__ import annotations

import hashlib
import os
import struct
import zlib
from pathlib import Path
from typing import Any

import can

from assessor_app.devices.can.blf import (
    CONTAINER_HEADER,
    FILE_HEADER,
    FILE_HEADER_SIZE,
    LOG_CONTAINER,
    host_times_path,
)
from assessor_app.devices.can.records import append_journal, read_journal

_BASE = struct.Struct("<4sHHLL")


def _complete_containers(data: bytes) -> tuple[int, int]:
    """(end offset of the last whole container, uncompressed bytes in all whole containers)."""
    pos, end, raw = FILE_HEADER_SIZE, FILE_HEADER_SIZE, 0
    while pos + CONTAINER_HEADER.size <= len(data):
        signature, _hs, _hv, obj_size, obj_type = _BASE.unpack_from(data, pos)
        if signature != b"LOBJ" or obj_type != LOG_CONTAINER or pos + obj_size > len(data):
            break
        method, size = struct.unpack_from("<H6xL", data, pos + _BASE.size)
        body = data[pos + CONTAINER_HEADER.size : pos + obj_size]
        try:
            if method == 2 and len(zlib.decompress(body)) != size:
                break
        except zlib.error:
            break
        raw += CONTAINER_HEADER.size + size
        pos += obj_size + obj_size % 4
        end = pos
    return end, raw


def finish_unclosed_segment(path: Path) -> dict[str, Any]:
    """Cut a crashed segment to its whole containers, patch its header, fsync, and hash it."""
    data = path.read_bytes()
    end, raw = _complete_containers(data)
    with open(path, "r+b") as f:
        f.truncate(end)
    frames = list(can.BLFReader(str(path)))
    header = list(FILE_HEADER.unpack_from(data, 0))
    header[10], header[11], header[12] = end, FILE_HEADER_SIZE + raw, len(frames)
    with open(path, "r+b") as f:
        f.write(FILE_HEADER.pack(*header))
        f.flush()
        os.fsync(f.fileno())
    host = host_times_path(path)
    with open(host, "r+b") as f:
        f.truncate(8 * len(frames))
        f.flush()
        os.fsync(f.fileno())
    return {
        "path": str(path),
        "sha256": hashlib.sha256(path.read_bytes()).hexdigest(),
        "size": end,
        "frames": len(frames),
        "first_bus_ts": frames[0].timestamp if frames else None,
        "last_bus_ts": frames[-1].timestamp if frames else None,
        "host_times_path": str(host),
        "host_times_sha256": hashlib.sha256(host.read_bytes()).hexdigest(),
        "host_times_size": 8 * len(frames),
    }


def recover_capture(folder: Path) -> list[dict[str, Any]]:
    """Finish every segment the journal shows opened but not closed; journal and return them."""
    journal = read_journal(folder)
    closed = {Path(r["path"]).name for r in journal if r["event"] in ("segment_closed", "segment_recovered")}
    out = []
    for record in journal:
        if record["event"] != "segment_opened" or record["path"] in closed:
            continue
        path = folder / record["path"]
        if not path.exists():
            continue
        info = {
            **finish_unclosed_segment(path),
            "index": record["index"],
            "step_id": record["step_id"],
            "closed_because": "recovered",
        }
        append_journal(folder, {"event": "segment_recovered", **info})
        out.append(info)
    return out
