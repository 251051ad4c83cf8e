"""Make a browser-playable proxy of a recorded segment: VP9 (or VP8) in WebM through OpenCV.

opencv-python-headless bundles libvpx, so no GPL encoder is shipped. The source is decoded
with OpenCV's FFmpeg backend, scaled down to the settings' height, thinned to their frame rate
(skipped frames are only grabbed, not converted), and written to a temporary file next to the
target. The result is checked (a WebM file of the codec and size asked for, frames > 0, a
duration), hashed, fsynced and renamed into place: a proxy on disk is always a whole one.
"""

from __future__ import annotations

import hashlib
import logging
import math
import os
import secrets
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from assessor_app.durable import fsync_dir, private_dir, private_file
from assessor_app.provider.media.settings import ProxySettings
from assessor_app.provider.media.webm import WebmError, read_webm

_CHUNK = 1 << 20
log = logging.getLogger(__name__)
#: what OpenCV's FFmpeg writer always prints for WebM (no codec-tag table): expected, not a fault
_EXPECTED = ("is not supported with codec id", "fallback to use tag")
_fd_lock = threading.Lock()


class ProxyError(Exception):
    """The source cannot be made into a proxy (it is not decodable video); the message says why."""


class ProxyCancelled(Exception):
    """Stopped on request (the provider is shutting down); nothing was kept."""


@dataclass(frozen=True)
class ProxyResult:
    path: Path
    sha256: str
    size: int
    frames: int  # frames written to the proxy
    source_frames: int  # frames decoded from the source
    width: int
    height: int
    fps: float
    duration_s: float


def proxy_size(width: int, height: int, max_height: int) -> tuple[int, int]:
    """The proxy's size: scaled down to ``max_height`` (never up), aspect kept, both even."""
    scale = min(1.0, max_height / height)
    return max(2, round(width * scale / 2) * 2), max(2, round(height * scale / 2) * 2)


def derive_proxy(source: Path, target: Path, settings: ProxySettings, *, source_fps: float | None = None,
                 should_stop: Callable[[], bool] = lambda: False,
                 frame_filter: Callable[[np.ndarray], np.ndarray] | None = None) -> ProxyResult:
    """Write the proxy of ``source`` to ``target`` (made whole or not at all).

    ``source_fps`` is the recorded rate, used when the container does not say it. ``frame_filter``
    is given every frame the proxy keeps, at the proxy's size, in order, and returns what is written
    (the anonymised proxy blurs faces there).
    :class:`ProxyError` when the source is not decodable video, :class:`ProxyCancelled` when
    ``should_stop`` turned true, OSError for the provider's own disk.
    """
    private_dir(target.parent)  # and its parents (web-proxy/, xx/): owner-only like the rest
    temp = target.with_name(f".{secrets.token_hex(8)}.tmp{target.suffix}")
    try:
        result = _encode(source, temp, settings, source_fps, should_stop, frame_filter)
        size, digest = _hash_and_sync(temp)
        os.replace(temp, target)
        fsync_dir(target.parent)
    finally:
        temp.unlink(missing_ok=True)
    return ProxyResult(target, digest, size, *result)


def _encode(source: Path, temp: Path, settings: ProxySettings, source_fps: float | None,
            should_stop: Callable[[], bool], frame_filter: Callable[[np.ndarray], np.ndarray] | None,
            ) -> tuple[int, int, int, int, float, float]:
    cap = cv2.VideoCapture(str(source), cv2.CAP_FFMPEG)
    writer = None
    try:
        if not cap.isOpened():
            raise ProxyError("the segment cannot be opened as video (not a stream FFmpeg can read)")
        ok, frame = cap.read()
        if not ok or frame is None:
            raise ProxyError("the segment holds no decodable video frame")
        fps = cap.get(cv2.CAP_PROP_FPS)
        fps = fps if math.isfinite(fps) and 0 < fps <= 1000 else (source_fps or 0.0)
        if fps <= 0:
            raise ProxyError("the segment does not say its frame rate and none was recorded for it")
        out_fps = min(fps, settings.max_fps)
        width, height = proxy_size(frame.shape[1], frame.shape[0], settings.max_height)
        private_file(temp)  # FFmpeg opens it with the umask; owner-only first, it keeps that
        writer = _writer(temp, settings, out_fps, (width, height))
        written, decoded, next_slot = 0, 0, 0.0
        while True:
            if should_stop():
                raise ProxyCancelled("stopped before the proxy was finished")
            if decoded / fps + 1e-9 >= next_slot / out_fps:  # this frame fills the next output slot
                if frame.shape[1] != width or frame.shape[0] != height:
                    frame = cv2.resize(frame, (width, height), interpolation=cv2.INTER_AREA)
                writer.write(frame if frame_filter is None else frame_filter(frame))
                written += 1
                next_slot += 1
            decoded += 1
            if decoded / fps + 1e-9 >= next_slot / out_fps:
                ok, frame = cap.read()
            else:
                ok = cap.grab()  # skipped: decoded (later frames need it) but not converted
            if not ok:
                break
        writer.release()
        writer = None
    finally:
        cap.release()
        if writer is not None:
            writer.release()
    return _checked(temp, settings, written, decoded, width, height, out_fps)


def _writer(path: Path, settings: ProxySettings, fps: float, size: tuple[int, int]) -> cv2.VideoWriter:
    quality = getattr(cv2, "VIDEOWRITER_PROP_CRF", None)
    params = [quality, settings.crf] if quality is not None else []
    with _stderr_to_log():
        writer = cv2.VideoWriter(str(path), cv2.CAP_FFMPEG, cv2.VideoWriter.fourcc(*settings.fourcc), fps,
                                 size, params)
    if not writer.isOpened():
        writer.release()
        # the provider's own installation, not the segment: raised as an OSError-like fault
        raise RuntimeError(f"this OpenCV cannot write {settings.codec} in WebM ({settings.fourcc} at "
                           f"{size[0]}x{size[1]}, {fps:g} fps, CRF {settings.crf})")
    return writer


def _checked(temp: Path, settings: ProxySettings, written: int, decoded: int, width: int, height: int,
             fps: float) -> tuple[int, int, int, int, float, float]:
    if written == 0:
        raise ProxyError("no frame of the segment could be encoded")
    try:
        info = read_webm(temp)
    except (WebmError, OSError) as exc:
        raise RuntimeError(f"the encoder wrote no readable WebM file: {exc}") from exc
    if (info.codec_id, info.width, info.height) != (settings.codec_id, width, height):
        raise RuntimeError(f"the encoder wrote {info.codec_id} {info.width}x{info.height}, not "
                           f"{settings.codec_id} {width}x{height}")
    if info.blocks != written or info.duration_s <= 0:
        raise RuntimeError(f"the proxy holds {info.blocks} frames lasting {info.duration_s:g} s; "
                           f"{written} frames were written")
    return written, decoded, width, height, fps, info.duration_s


def _hash_and_sync(path: Path) -> tuple[int, str]:
    h, size = hashlib.sha256(), 0
    with path.open("rb+") as f:  # opened for writing: Windows needs that to flush
        while chunk := f.read(_CHUNK):
            h.update(chunk)
            size += len(chunk)
        os.fsync(f.fileno())
    return size, h.hexdigest()


@contextmanager
def _stderr_to_log() -> Iterator[None]:
    """What native code writes to descriptor 2 meanwhile goes to the log, not the terminal.

    OpenCV's FFmpeg backend prints with ``fprintf(stderr, ...)``, which no Python setting
    reaches; for the short call the descriptor points at a temporary file, and every line is
    logged (debug for the known harmless one). Another thread's stderr in that window is logged too.
    """
    with _fd_lock:
        sys.stderr.flush()
        saved = os.dup(2)
        with tempfile.TemporaryFile() as capture:
            os.dup2(capture.fileno(), 2)
            try:
                yield
            finally:
                sys.stderr.flush()
                os.dup2(saved, 2)
                os.close(saved)
                capture.seek(0)
                text = capture.read().decode("utf-8", "replace")
    for line in filter(None, (raw.strip() for raw in text.splitlines())):
        log.log(logging.DEBUG if any(m in line for m in _EXPECTED) else logging.WARNING, "opencv: %s", line)
