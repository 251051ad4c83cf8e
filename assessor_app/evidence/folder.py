"""A bundle folder from outside (a USB stick): inspected without opening anything, then copied safely.

Every entry is looked at with lstat only, iteratively (no recursion, whatever the depth): a link,
device, FIFO or socket, a name that is not plain UTF-8, or a path too deep or too long refuses the
whole folder before a single byte is copied. The copy then opens each file without following
links and checks it is still a plain file before reading it, since it may have been swapped in
the meantime. A fault of the copying machine (full disk, read-only or unreadable folder, I/O
error) is raised as the OSError it is: it is not the bundle's fault.
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Sequence
from pathlib import Path

from assessor_app.durable import fsync_dir
from assessor_app.evidence.bundle import BundleError, BundleLimits
from assessor_app.evidence.strict_json import shown

CHUNK = 1 << 20
#: Errors opening a source entry that mean it changed since inspection (the bundle's doing).
_CHANGED = {errno.ENOENT, errno.ELOOP, errno.ENOTDIR, errno.EMLINK, errno.ENXIO, errno.ENODEV}
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
_READ = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_NONBLOCK", 0)
_DIR = os.O_RDONLY | _NOFOLLOW | getattr(os, "O_DIRECTORY", 0)
_WRITE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _NOFOLLOW


def name_problem(parts: Sequence[str], limits: BundleLimits) -> str | None:
    """What is wrong with a path inside a bundle folder (its components), or None.

    The same rules hold for folders and archives, so a bundle that passes can be written on
    any file system without a name error.
    """
    size = len(parts) - 1  # the slashes
    for part in parts:
        if part in ("", ".", ".."):
            return "has an empty, '.' or '..' component"
        if "\\" in part:
            return "has a backslash in its path"
        if any(ord(c) < 32 or ord(c) == 127 for c in part):
            return "has a control character in its name"
        try:
            length = len(part.encode("utf-8"))
        except UnicodeEncodeError:
            return "has a name that is not UTF-8"
        if length > limits.max_component_bytes:
            return f"has a name longer than {limits.max_component_bytes} bytes"
        size += length
    if len(parts) > limits.max_depth:
        return f"is more than {limits.max_depth} levels deep"
    if size > limits.max_path_bytes:
        return f"has a path longer than {limits.max_path_bytes} bytes"
    return None


def kind_of_mode(mode: int) -> str:
    """What a file system entry is, in words, for a message."""
    if stat.S_ISLNK(mode):
        return "a link"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISREG(mode):
        return "a plain file"
    return "not a plain file"


def _root(root: Path) -> None:
    try:
        mode = os.lstat(root).st_mode
    except FileNotFoundError:
        raise BundleError(f"{root} does not exist") from None
    if not stat.S_ISDIR(mode):
        raise BundleError(f"{root} is {kind_of_mode(mode)}, not a bundle folder")


def _walk(root: Path, limits: BundleLimits) -> tuple[list[str], dict[str, int]]:
    """The folders and the plain files (with sizes) under ``root``, relative, after lstat of each."""
    _root(root)
    folders: list[str] = []
    files: dict[str, int] = {}
    count = total = 0
    pending: list[tuple[str, ...]] = [()]
    while pending:
        rel = pending.pop()
        with os.scandir(os.path.join(root, *rel)) as listing:
            entries = sorted(listing, key=lambda e: e.name)
        for entry in entries:
            parts = (*rel, entry.name)
            name = "/".join(parts)
            count += 1
            if count > limits.max_members:
                raise BundleError(f"the folder holds more than {limits.max_members} files and folders")
            problem = name_problem(parts, limits)
            if problem:
                raise BundleError(f"{shown(name)} {problem}")
            st = entry.stat(follow_symlinks=False)
            if stat.S_ISDIR(st.st_mode):
                folders.append(name)
                pending.append(parts)
            elif stat.S_ISREG(st.st_mode):
                files[name] = st.st_size
                total += st.st_size
                if total > limits.max_bytes:
                    raise BundleError(f"{shown(name)} takes the folder over its limit of "
                                      f"{limits.max_bytes} bytes")
            else:
                raise BundleError(f"{shown(name)} is {kind_of_mode(st.st_mode)}: bundles hold plain files "
                                  f"and folders only")
    return sorted(folders), dict(sorted(files.items()))


def inspect_folder(root: Path, limits: BundleLimits | None = None) -> list[str]:
    """The plain files under ``root`` (relative POSIX names, sorted), nothing opened.

    BundleError names the first entry that is a link, device, FIFO or socket, or breaks a limit.
    """
    return list(_walk(root, limits or BundleLimits())[1])


def open_regular(path: Path, name: str) -> int:
    """A read-only descriptor of the plain file ``path`` (``name`` in messages), never of anything else.

    Opened without following a link and without blocking (a FIFO put in its place cannot hang the
    reader), then checked to be a plain file before a byte is read.
    """
    try:
        fd = os.open(path, _READ)
    except OSError as exc:
        if exc.errno in _CHANGED:
            raise BundleError(f"{shown(name)} is not a plain file any more ({exc.strerror})") from None
        raise
    mode = os.fstat(fd).st_mode
    if not stat.S_ISREG(mode):
        os.close(fd)
        raise BundleError(f"{shown(name)} is {kind_of_mode(mode)}, not a plain file")
    return fd


def _open_dir(root_fd: int, rel: str) -> int:
    """The folder ``rel`` under ``root_fd``, each component opened without following links."""
    fd = os.dup(root_fd)
    for part in rel.split("/") if rel else ():
        try:
            child = os.open(part, _DIR, dir_fd=fd)
        except OSError as exc:
            if exc.errno in _CHANGED:
                raise BundleError(f"{shown(rel)} is not a folder any more ({exc.strerror})") from None
            raise
        finally:
            os.close(fd)
        fd = child
    return fd


def _copy_file(dir_fd: int, base: str, name: str, size: int, target: Path) -> None:
    try:
        src = os.open(base, _READ, dir_fd=dir_fd)
    except OSError as exc:
        if exc.errno in _CHANGED:
            raise BundleError(f"{shown(name)} changed while the folder was being copied "
                              f"({exc.strerror})") from None
        raise
    try:
        mode = os.fstat(src).st_mode
        if not stat.S_ISREG(mode):
            raise BundleError(f"{shown(name)} changed while the folder was being copied: it is now "
                              f"{kind_of_mode(mode)}")
        out = os.open(target, _WRITE, 0o600)
        try:
            copied = 0
            while chunk := os.read(src, min(CHUNK, size + 1 - copied)):
                copied += len(chunk)
                if copied > size:
                    break
                view = memoryview(chunk)
                while view:
                    view = view[os.write(out, view):]
            if copied != size:
                raise BundleError(f"{shown(name)} changed while the folder was being copied: it was "
                                  f"{size} bytes")
            os.fsync(out)
            os.fchmod(out, 0o400)
        finally:
            os.close(out)
    finally:
        os.close(src)


def copy_bundle_folder(src: Path, dst: Path, limits: BundleLimits | None = None) -> Path:
    """Copy the bundle folder ``src`` to the new folder ``dst`` after inspecting all of it; returns ``dst``.

    Files end owner-read-only (0o400) and folders owner-only (0o700). BundleError: the folder is
    refused (nothing copied) or changed while being copied (``dst`` is left for the caller to
    remove). OSError: the machine could not do it.
    """
    folders, files = _walk(src, limits or BundleLimits())
    dst.mkdir(mode=0o700)
    os.chmod(dst, 0o700)
    for name in folders:
        os.mkdir(dst / name, 0o700)
        os.chmod(dst / name, 0o700)
    root_fd = os.open(src, _DIR)
    parent, parent_fd = "", os.dup(root_fd)
    try:
        for name, size in files.items():
            folder, _, base = name.rpartition("/")
            if folder != parent:
                opened = _open_dir(root_fd, folder)
                os.close(parent_fd)
                parent, parent_fd = folder, opened
            _copy_file(parent_fd, base, name, size, dst / name)
    finally:
        os.close(parent_fd)
        os.close(root_fd)
    for name in [*reversed(folders), ""]:
        fsync_dir(dst / name if name else dst)
    return dst


def remove_tree(path: Path) -> None:
    """Remove ``path`` and everything in it, read-only evidence included, never following a link.

    Iterative, so no depth of folders can exhaust the stack.
    """
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    if not stat.S_ISDIR(mode):
        os.unlink(path)
        return
    pending: list[tuple[str, bool]] = [(str(path), False)]
    while pending:
        folder, emptied = pending.pop()
        if emptied:
            os.rmdir(folder)
            continue
        os.chmod(folder, 0o700)  # sealed folders may be read-only: their entries cannot go otherwise
        pending.append((folder, True))
        with os.scandir(folder) as listing:
            for entry in listing:
                if entry.is_dir(follow_symlinks=False):
                    pending.append((entry.path, False))
                else:
                    os.unlink(entry.path)
