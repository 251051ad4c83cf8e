"""OpenCV's chatter kept out of the user's terminal, without losing anything it says."""

from __future__ import annotations

import logging
import os
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager

import cv2

log = logging.getLogger(__name__)

# The FFmpeg writer prints this line straight to the C stderr whenever the container (MPEG-TS)
# has no codec-tag table, which is always the case for .ts, whatever the fourcc: it is
# expected, not a fault, so it goes to the debug log instead of the terminal.
_EXPECTED = ("is not supported with codec id", "fallback to use tag")
_fd_lock = threading.Lock()
_level_lock = threading.Lock()


@contextmanager
def stderr_to_log() -> Iterator[None]:
    """Route whatever native code writes to file descriptor 2 meanwhile into the log.

    OpenCV's FFmpeg backend writes with ``fprintf(stderr, ...)``, which no Python setting
    reaches, so the descriptor itself is pointed at a temporary file for the (short) call and
    restored after; the captured text is logged line by line, at debug level for the known
    harmless warning and at warning level for anything else. Anything another thread writes to
    stderr in that window is logged too, not lost.
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
        if any(marker in line for marker in _EXPECTED):
            log.debug("opencv: %s", line)
        else:
            log.warning("opencv: %s", line)


@contextmanager
def quiet_probing() -> Iterator[None]:
    """Lower OpenCV's own log level while probing devices that are expected to be absent."""
    with _level_lock:
        old = cv2.utils.logging.getLogLevel()
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
        try:
            yield
        finally:
            cv2.utils.logging.setLogLevel(old)
