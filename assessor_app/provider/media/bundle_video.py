"""The video segments a stored bundle holds, as its own record and manifest describe them.

The record's capture section lists every capture file: a video segment has kind ``video``,
its payload name (``captures/video/seg-000001.ts``), the assessment-clock times of its first
and last frame, the step it began in and the steps it spans (``meta.steps``), and its frame
rate. The manifest (``manifest-sha256.txt``) gives the hash each payload file was sealed with:
that hash, not the record's copy, is what a derivative is recorded against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assessor_app.evidence.record_shape import RECORD_JSON
from assessor_app.evidence.strict_json import JsonError, loads, need_list, need_object

MANIFEST = "manifest-sha256.txt"
_LINE = re.compile(r"([0-9a-f]{64}) +(data/\S.*)")
_MAX_RECORD_BYTES = 64 * 1024 * 1024


class BundleVideoError(Exception):
    """The stored bundle's record or manifest cannot be read; the message says why."""


@dataclass(frozen=True)
class BundleVideo:
    """One sealed video segment of a bundle."""

    name: str  # the payload path in the bundle, e.g. data/captures/video/seg-000001.ts
    sha256: str  # as the bundle's manifest seals it
    start_us: int  # assessment clock: the first frame
    end_us: int  # assessment clock: the last frame
    step: str | None  # the step it began in
    steps: tuple[str, ...]  # the steps it spans
    fps: float | None  # the recorded rate (the sidecar holds each frame's real time)
    size: int | None


def read_manifest(root: Path) -> dict[str, str]:
    """Payload name -> SHA-256 from the bundle's manifest."""
    try:
        text = (root / MANIFEST).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise BundleVideoError(f"the manifest of {root.name} cannot be read: {exc}") from exc
    out = {}
    for line in text.splitlines():
        m = _LINE.fullmatch(line)
        if m:
            out[m.group(2)] = m.group(1)
    return out


def bundle_videos(root: Path) -> list[BundleVideo]:
    """The bundle's video segments in recording order; :class:`BundleVideoError` if unreadable.

    A stored bundle never changes, so the answer is kept for the bundles asked about lately
    (an assessment page asks on every view; reading its record takes milliseconds).
    """
    return list(_cached_videos(str(root)))


@lru_cache(maxsize=256)
def _cached_videos(root_text: str) -> tuple[BundleVideo, ...]:
    root = Path(root_text)
    manifest = read_manifest(root)
    try:
        with (root / RECORD_JSON).open("rb") as f:
            data = f.read(_MAX_RECORD_BYTES + 1)
    except OSError as exc:
        raise BundleVideoError(f"the record of {root.name} cannot be read: {exc.strerror}") from exc
    if len(data) > _MAX_RECORD_BYTES:
        raise BundleVideoError(f"the record of {root.name} is larger than {_MAX_RECORD_BYTES} bytes")
    try:
        record = need_object(loads(data, RECORD_JSON), RECORD_JSON)
        capture = record.get("capture") or {}
        files = need_list(need_object(capture, "capture").get("files", []), "capture.files")
        return tuple(sorted((v for v in (_video(f, manifest) for f in files) if v is not None),
                            key=lambda v: (v.start_us, v.name)))
    except JsonError as exc:
        raise BundleVideoError(f"the record of {root.name} cannot be read: {exc}") from exc


def _video(item: object, manifest: dict[str, str]) -> BundleVideo | None:
    if not isinstance(item, dict) or item.get("kind") != "video" or not isinstance(item.get("name"), str):
        return None
    name = f"data/{item['name']}"
    sha = manifest.get(name)
    if sha is None:  # the seal covers the manifest: a file it does not name is not evidence
        return None
    meta = item.get("meta")
    meta = meta if isinstance(meta, dict) else {}
    steps = meta.get("steps")
    steps = steps if isinstance(steps, list) else []
    fps = meta.get("fps")
    size = meta.get("size")
    return BundleVideo(
        name=name, sha256=sha, start_us=_int(item.get("t_start_us")), end_us=_int(item.get("t_end_us")),
        step=item["step"] if isinstance(item.get("step"), str) else None,
        steps=tuple(s for s in steps if isinstance(s, str)),
        fps=float(fps) if isinstance(fps, (int, float)) and not isinstance(fps, bool) and fps > 0 else None,
        size=size if isinstance(size, int) and not isinstance(size, bool) else None)


def _int(value: object) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else 0
