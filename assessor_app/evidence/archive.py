"""A bundle as one file: an uncompressed POSIX (pax) tar, and opening one without trusting it.

The archive stores every file as it is (video is neither re-encoded nor re-compressed), in
sorted order with normalized owners, modes and times, so the same bundle gives the same bytes.

An archive is opened only after every header has been read and checked by the strict reader of
``tar_reader`` (not by ``tarfile``, whose reader tolerates what a hostile archive needs): ustar
headers with valid checksums, PAX extended headers of well-formed records, and plain files and
folders under one top-level folder, each with its data inside the file, the end-of-archive marker
and nothing after it. Anything else is refused with the member or byte offset named, before a
single byte is extracted. Extraction then writes each file itself: owner-read-only files (0o400)
in owner-only folders (0o700), whatever modes the members claim.
An OSError while extracting (full disk, read-only folder, I/O error) is the machine's, not the
archive's, and is raised as it is.
"""

from __future__ import annotations

import dataclasses
import os
import stat
import tarfile
import tempfile
from pathlib import Path

from assessor_app.durable import fsync_dir
from assessor_app.evidence.bundle import BundleError, BundleLimits
from assessor_app.evidence.folder import remove_tree
from assessor_app.evidence.strict_json import shown
from assessor_app.evidence.tar_reader import BLOCK as BLOCK  # importable from here, as it always was
from assessor_app.evidence.tar_reader import CHUNK, Member, Reader, inspect_members

_OPEN = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
_WRITE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


def _entries(bundle_dir: Path) -> list[tuple[str, Path]]:
    """``(name in the archive, path)`` for the bundle folder and everything in it, sorted."""
    top = bundle_dir.name
    found: list[tuple[tuple[str, ...], Path]] = [((top,), bundle_dir)]
    for dirpath, dirnames, filenames in os.walk(bundle_dir):
        for name in dirnames + filenames:
            path = Path(dirpath) / name
            if path.is_symlink():
                raise BundleError(f"{path} is a link: bundles hold plain files only")
            found.append(((top, *path.relative_to(bundle_dir).parts), path))
    return [("/".join(parts), path) for parts, path in sorted(found)]


def write_archive(bundle_dir: Path, out: Path) -> Path:
    """Write ``bundle_dir`` as the tar ``out`` (members ``<bundle_id>/...``), fsynced; returns ``out``."""
    if not bundle_dir.is_dir():
        raise BundleError(f"{bundle_dir} is not a bundle folder")
    if out.exists():
        raise BundleError(f"{out} already exists")
    if out.resolve().is_relative_to(bundle_dir.resolve()):
        raise BundleError(f"{out} would be inside the bundle it archives")
    entries = _entries(bundle_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{out.name}.", dir=out.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            with tarfile.open(fileobj=f, mode="w", format=tarfile.PAX_FORMAT) as tar:
                for name, path in entries:
                    st = path.stat()
                    info = tarfile.TarInfo(name)
                    info.uid = info.gid = 0
                    info.uname = info.gname = ""
                    info.mtime = int(st.st_mtime)
                    if stat.S_ISDIR(st.st_mode):
                        info.type, info.mode = tarfile.DIRTYPE, 0o555
                        tar.addfile(info)
                    elif stat.S_ISREG(st.st_mode):
                        info.type, info.mode, info.size = tarfile.REGTYPE, 0o444, st.st_size
                        with open(path, "rb") as src:
                            tar.addfile(info, src)
                    else:
                        raise BundleError(f"{path} is not a plain file or folder")
            f.flush()
            os.fsync(f.fileno())
        tmp.chmod(0o400)  # sealed evidence, like the bundle's files
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(out.parent)
    return out


def _folders(stage: Path, name: str, made: set[str]) -> None:
    """Create the folder ``name`` under ``stage`` and its missing parents, owner-only."""
    parts = name.split("/")
    for i in range(1, len(parts) + 1):
        rel = "/".join(parts[:i])
        if rel not in made:
            os.mkdir(stage / rel, 0o700)
            made.add(rel)


def _extract(fd: int, members: list[Member], stage: Path, archive: str, durable: bool) -> None:
    made: set[str] = set()
    for member in members:
        if member.folder:
            _folders(stage, member.name, made)
            continue
        _folders(stage, member.name.rpartition("/")[0], made)
        out = os.open(stage / member.name, _WRITE, 0o600)
        try:
            offset, remaining = member.data, member.size
            while remaining:
                chunk = os.pread(fd, min(CHUNK, remaining), offset)
                if not chunk:
                    raise BundleError(f"{archive} changed while it was being opened: member "
                                      f"{shown(member.name)} ends early")
                view = memoryview(chunk)
                while view:
                    view = view[os.write(out, view):]
                offset += len(chunk)
                remaining -= len(chunk)
            if durable:
                os.fsync(out)
            os.fchmod(out, 0o400)
        finally:
            os.close(out)
    for rel in sorted(made, reverse=True):
        os.chmod(stage / rel, 0o700)  # whatever the umask
        if durable:
            fsync_dir(stage / rel)


def _open(archive: Path) -> int:
    try:
        mode = os.stat(archive).st_mode
    except FileNotFoundError:
        raise BundleError(f"{archive} does not exist") from None
    if not stat.S_ISREG(mode):
        raise BundleError(f"{archive} is not a file")
    fd = os.open(archive, _OPEN)
    if not stat.S_ISREG(os.fstat(fd).st_mode):  # replaced since: never read from anything else
        os.close(fd)
        raise BundleError(f"{archive} is not a file")
    return fd


def open_archive(archive: Path, into: Path, *, max_bytes: int | None = None,
                 limits: BundleLimits | None = None, durable: bool = True) -> Path:
    """Inspect every member of ``archive``, then extract it into ``into``; returns the bundle folder.

    BundleError: the archive is refused (nothing is left in ``into``). OSError: this machine could
    not read the archive or write the extraction (full disk, read-only folder, I/O error); that is
    no fault of the archive, and is raised unchanged. ``max_bytes`` overrides ``limits.max_bytes``;
    ``durable=False`` skips the fsyncs, for a copy that is only looked at and thrown away.
    """
    limits = limits or BundleLimits()
    if max_bytes is not None:
        limits = dataclasses.replace(limits, max_bytes=max_bytes)
    fd = _open(archive)
    try:
        members = Reader(fd, os.fstat(fd).st_size, archive.name, limits).members()
        top = inspect_members(members, archive.name)
        into.mkdir(parents=True, exist_ok=True)
        target = into / top
        if target.exists() or target.is_symlink():
            raise BundleError(f"{target} already exists")
        stage = Path(tempfile.mkdtemp(prefix=".opening-", dir=into))
        try:
            _extract(fd, members, stage, archive.name, durable)
            os.replace(stage / top, target)
        finally:
            remove_tree(stage)
        if durable:
            fsync_dir(into)
    finally:
        os.close(fd)
    return target
