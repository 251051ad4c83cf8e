"""File locks in the provider folder, seen by every process that shares the folder whatever the
database: the imports lock (imports hold it shared while they stage and store a bundle; the recovery
at start and ``assessor provider move`` take it exclusive without waiting) and, on SQLite, the lock
under which one import at a time stores a given bundle. Where the system has no ``flock`` (Windows:
one provider process per folder there) every lock is granted at once."""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

IMPORTS_LOCK = "imports.lock"
STORE_LOCK = "store.lock"


@contextmanager
def folder_lock(path: Path, *, exclusive: bool = True, wait: bool = True) -> Iterator[bool]:
    """``flock`` on ``path`` (made if missing, owner-only), held until the block ends; yields False
    only when ``wait`` is off and another process holds it."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        yield True
        return
    mode = fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        try:
            fcntl.flock(fd, mode if wait else mode | fcntl.LOCK_NB)
        except BlockingIOError:
            yield False
            return
        yield True
    finally:
        os.close(fd)  # closing the descriptor releases the lock


@contextmanager
def imports_lock(folder: Path, *, exclusive: bool = False) -> Iterator[bool]:
    """The folder's imports lock: shared (waiting) for an import, exclusive without waiting for the
    recovery at start and a move (False when another process holds it)."""
    with folder_lock(folder / IMPORTS_LOCK, exclusive=exclusive, wait=not exclusive) as alone:
        yield alone
