"""Durability and privacy on disk, shared by every layer that writes evidence or candidate data.

Candidate data (databases, captures, bundles, keys, logs) may sit on a PC that several people
log on to, so it is owner-only: folders 0o700, files without group or other bits. The modes are
set explicitly where things are created; the program's entry points also narrow the umask
(:func:`private_umask`) so that files made by libraries (SQLite, FFmpeg) are covered as well.
On Windows, chmod only toggles the read-only flag and the user profile's ACLs decide who reads
what, so the helpers create things but do not try to change modes there.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from assessor_app.errors import AssessorError

#: Folders of candidate data: the owner lists and enters them, nobody else.
PRIVATE_DIR_MODE = 0o700
#: Files of candidate data: the owner reads and writes them, nobody else.
PRIVATE_FILE_MODE = 0o600
#: The group and other bits that candidate data never carries (also the umask at entry points).
SHARED_BITS = 0o077


class PrivateDataError(AssessorError):
    """A folder or file of candidate data cannot be made owner-only; the message names it."""


def fsync_dir(folder: Path) -> None:
    """Make the directory entries of new or renamed files durable (POSIX; NTFS journals them itself)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _modes_apply() -> bool:
    return os.name != "nt"


@contextmanager
def private_umask() -> Iterator[None]:
    """Inside, whatever the process creates is owner-only at least (the entry points' defence in depth).

    A stricter umask already set is kept; the previous umask is restored on the way out.
    """
    if not _modes_apply():
        yield
        return
    previous = os.umask(SHARED_BITS)
    os.umask(previous | SHARED_BITS)
    try:
        yield
    finally:
        os.umask(previous)


def tighten(path: Path) -> None:
    """Take the group and other bits off ``path`` (never adds a bit); a no-op on Windows."""
    if not _modes_apply():
        return
    mode = stat.S_IMODE(os.stat(path).st_mode)
    if mode & SHARED_BITS:
        _chmod(path, mode & ~SHARED_BITS, mode)


def _chmod(path: Path, mode: int, was: int) -> None:
    try:
        os.chmod(path, mode)
    except PermissionError as exc:
        raise PrivateDataError(
            f"{path} is open to other users (mode {was:#o}) and cannot be made owner-only "
            f"({exc.strerror}): it belongs to another account; use a folder of your own"
        ) from exc


def private_dir(folder: Path, *, tighten_existing: bool = True) -> Path:
    """Create ``folder`` and any missing parents owner-only (0o700); returns ``folder``.

    An existing ``folder`` loses its group and other bits unless ``tighten_existing`` is false
    (a folder the person chose for an export, such as their desktop, is not the app's to change).
    Existing parents are never changed.
    """
    missing: list[Path] = []
    here = folder
    while not here.is_dir():
        missing.append(here)
        if here.parent == here:
            break
        here = here.parent
    for new in reversed(missing):
        try:
            new.mkdir(mode=PRIVATE_DIR_MODE)
        except FileExistsError:
            if not new.is_dir():
                raise PrivateDataError(f"{new} exists and is not a folder") from None
            # made meanwhile by another thread or process: the folder itself is tightened below
    if tighten_existing:
        tighten(folder)
    return folder


def private_opener(path: str, flags: int) -> int:
    """An ``opener`` for :func:`open` that creates a missing file owner-only (0o600)."""
    return os.open(path, flags, PRIVATE_FILE_MODE)


def open_private(path: Path, mode: str = "xb", **kwargs: Any) -> IO[Any]:
    """:func:`open`, but a file it creates is owner-only (an existing one keeps its mode)."""
    return open(path, mode, opener=private_opener, **kwargs)  # noqa: SIM115 (the caller closes it)


def private_file(path: Path) -> Path:
    """Make ``path`` an owner-only file before another library writes it (SQLite, FFmpeg).

    A missing file is created empty with mode 0o600; an existing one loses group and other bits.
    """
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE_MODE)
    except FileExistsError:
        if not path.is_file():
            raise PrivateDataError(f"{path} is not a regular file") from None
        tighten(path)
    else:
        os.close(fd)
    return path


def tighten_tree(path: Path) -> None:
    """Take group and other bits off ``path`` and everything below it (data of an earlier version).

    Symbolic links are neither followed nor changed; the top is tightened last, so a run cut
    short is finished by the next one.
    """
    if not _modes_apply() or not path.exists() or path.is_symlink():
        return
    if path.is_dir():
        for top, folders, files in os.walk(path, topdown=False, followlinks=False):
            for name in (*files, *folders):
                entry = os.path.join(top, name)
                st = os.lstat(entry)
                if stat.S_ISLNK(st.st_mode):
                    continue
                mode = stat.S_IMODE(st.st_mode)
                if mode & SHARED_BITS:
                    _chmod(Path(entry), mode & ~SHARED_BITS, mode)
    tighten(path)


def private_data_folder(folder: Path, entries: Iterable[str]) -> Path:
    """Create ``folder`` owner-only; one left open to others by an earlier version is tightened.

    Then its named ``entries`` (recursively: databases, captures, keys...) and the folder itself
    lose their group and other bits. Only the named entries: a person's data folder may hold
    files of their own that are not the app's to change. The walk runs only while the folder
    is open to others, so opening a private folder costs one ``stat``.
    """
    was_open = _modes_apply() and folder.is_dir() and bool(os.stat(folder).st_mode & SHARED_BITS)
    if was_open:
        for name in entries:
            tighten_tree(folder / name)
    return private_dir(folder)
