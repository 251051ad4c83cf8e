"""Step marks on the recording: which frames cover a timeline range, and a clip of just those.

A step's start and end are positions on the assessment timeline; every recorded frame has its
timeline position in its segment's sidecar, so the frames of a step are those whose position
lies in ``[t0_us, t1_us]``. A clip is made by decoding those frames from the segments with
OpenCV and encoding them again into a new file (a clip is derived evidence: the segments stay
the original).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import cv2

from assessor_app.durable import fsync_dir, private_dir, private_opener

from .errors import ClipEmptyError, SegmentIntegrityError, VideoWriteError
from .segments import (
    SIDECAR_SUFFIX,
    FrameTime,
    SegmentInfo,
    fsync_file,
    open_video_writer,
    read_sidecar,
    sha256_file,
)

#: Container (by the clip's suffix) -> fourcc. ``.mp4`` plays in more players; ``.ts`` is the
#: segments' own format.
CLIP_FOURCC = {".ts": "mp4v", ".mp4": "mp4v", ".avi": "MJPG"}
CLIP_SIDECAR_HEADER = "frame,segment,segment_frame,monotonic_ns,timeline_us\n"


@dataclass(frozen=True)
class SegmentSpan:
    """The frames ``first..last`` (inclusive, 0-based) of one segment that fall in a range."""

    segment: SegmentInfo
    first: int
    last: int
    times: tuple[FrameTime, ...]  # the sidecar lines of those frames

    @property
    def frames(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class ClipInfo:
    path: Path
    sha256: str
    size: int
    sidecar_path: Path
    frames: int
    t_first_us: int
    t_last_us: int
    spans: tuple[tuple[str, int, int], ...]  # (segment file name, first frame, last frame)


def frames_covering(segments: Iterable[SegmentInfo], t0_us: int, t1_us: int) -> list[SegmentSpan]:
    """The segments and frame ranges whose frames lie in ``[t0_us, t1_us]``, in timeline order."""
    if t1_us < t0_us:
        raise ValueError(f"the range ends ({t1_us} us) before it starts ({t0_us} us)")
    spans = []
    for seg in sorted(segments, key=lambda s: (s.t_start_us, s.index)):
        if seg.t_end_us < t0_us or seg.t_start_us > t1_us:
            continue  # the segment's own range says no frame of it can be in the step
        inside = [t for t in read_sidecar(seg.sidecar_path) if t0_us <= t.timeline_us <= t1_us]
        if inside:
            spans.append(SegmentSpan(seg, inside[0].frame, inside[-1].frame, tuple(inside)))
    return spans


def _check(seg: SegmentInfo) -> None:
    for path, want in ((seg.path, seg.sha256), (seg.sidecar_path, seg.sidecar_sha256)):
        if sha256_file(path) != want:
            raise SegmentIntegrityError(f"{path} does not match the hash recorded when it was written.")


def export_clip(segments: Iterable[SegmentInfo], t0_us: int, t1_us: int, out_path: Path, *,
                verify: bool = True) -> ClipInfo:
    """Write the frames in ``[t0_us, t1_us]`` to ``out_path`` (.ts, .mp4 or .avi) and its sidecar.

    The source segments are checked against their recorded hashes first (``verify``). Frames
    are decoded and re-encoded at the first segment's fps and size (a segment recorded after
    the camera came back in another mode is scaled to it).
    """
    out_path = Path(out_path)
    fourcc = CLIP_FOURCC.get(out_path.suffix.lower())
    if fourcc is None:
        raise VideoWriteError(f"A clip is written as .ts, .mp4 or .avi, not {out_path.name}.")
    spans = frames_covering(segments, t0_us, t1_us)
    if not spans:
        raise ClipEmptyError(f"No video was recorded between {t0_us / 1e6:.3f} s and "
                             f"{t1_us / 1e6:.3f} s on the assessment timeline.")
    if out_path.exists():
        raise VideoWriteError(f"The clip {out_path} already exists; it is not overwritten.")
    if verify:
        for span in spans:
            _check(span.segment)
    first = spans[0].segment
    size = (first.width, first.height)
    sidecar_path = out_path.with_name(out_path.name + SIDECAR_SUFFIX)
    # a missing folder is made owner-only; one the person chose (their desktop) is left as it is
    private_dir(out_path.parent, tighten_existing=False)
    writer = open_video_writer(out_path, first.fps, size, fourcc)
    n = 0
    try:
        with open(sidecar_path, "x", encoding="ascii", newline="\n", opener=private_opener) as side:
            side.write(CLIP_SIDECAR_HEADER)
            for span in spans:
                cap = cv2.VideoCapture(str(span.segment.path), cv2.CAP_FFMPEG)
                try:
                    for _ in range(span.first):
                        if not cap.grab():
                            raise SegmentIntegrityError(
                                f"{span.segment.path} ended before frame {span.first}.")
                    for t in span.times:
                        ok, frame = cap.read()
                        if not ok:
                            raise SegmentIntegrityError(
                                f"{span.segment.path} ended after {t.frame} frames; its sidecar "
                                f"lists {span.segment.frames}.")
                        if (frame.shape[1], frame.shape[0]) != size:
                            frame = cv2.resize(frame, size, interpolation=cv2.INTER_AREA)
                        writer.write(frame)
                        side.write(f"{n},{span.segment.path.name},{t.frame},{t.monotonic_ns},"
                                   f"{t.timeline_us}\n")
                        n += 1
                finally:
                    cap.release()
    finally:
        writer.release()
    fsync_file(out_path)
    fsync_file(sidecar_path)
    fsync_dir(out_path.parent)
    # The clip's muxer may seek back (.mp4, .avi), so it is hashed once it is complete.
    return ClipInfo(out_path, sha256_file(out_path), out_path.stat().st_size, sidecar_path, n,
                    spans[0].times[0].timeline_us, spans[-1].times[-1].timeline_us,
                    tuple((s.segment.path.name, s.first, s.last) for s in spans))
