"""A bundle as one file: an uncompressed POSIX (pax) tar, and opening one without trusting it.

The archive stores every file as it is (video is neither re-encoded nor re-compressed), in
sorted order with normalized owners, modes and times, so the same bundle gives the same bytes.
An archive is opened only after every member has been inspected: anything but plain files and
folders under one top-level folder is refused before a single byte is extracted.
"""

from __future__ import annotations

import os
import shutil
import stat
import tarfile
import tempfile
from pathlib import Path

from assessor_app.durable import fsync_dir
from assessor_app.evidence.bundle import BundleError

MAX_MEMBERS = 100_000
MAX_BYTES = 64 * 1024**3  # 64 GiB


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
        tmp.chmod(0o444)  # sealed evidence, like the bundle's files
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(out.parent)
    return out


def _check_member(member: tarfile.TarInfo) -> tuple[str, ...]:
    """The member's path parts, or BundleError naming it and what is wrong with it."""
    name = member.name
    if not name:
        raise BundleError("archive member with an empty name")
    if "\\" in name:
        raise BundleError(f"archive member {name!r} has a backslash in its path")
    if name.startswith("/"):
        raise BundleError(f"archive member {name!r} has an absolute path")
    parts = tuple(name.split("/"))
    if ".." in parts:
        raise BundleError(f"archive member {name!r} has a '..' component")
    if any(p in ("", ".") for p in parts) or any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise BundleError(f"archive member {name!r} has an unusual path")
    if member.issym() or member.islnk():
        raise BundleError(f"archive member {name!r} is a link ({member.linkname!r}): "
                          f"bundles hold plain files only")
    if member.ischr() or member.isblk() or member.isfifo():
        raise BundleError(f"archive member {name!r} is a device or fifo")
    if member.issparse() or not (member.isreg() or member.isdir()):
        raise BundleError(f"archive member {name!r} is not a plain file or folder")
    return parts


def _inspect(tar: tarfile.TarFile, name: str, max_bytes: int) -> tuple[str, list[tarfile.TarInfo]]:
    members: list[tarfile.TarInfo] = []
    top: str | None = None
    seen: set[str] = set()
    folded: set[str] = set()
    files: set[str] = set()
    total = 0
    for member in tar:
        if len(members) >= MAX_MEMBERS:
            raise BundleError(f"{name} has more than {MAX_MEMBERS} members")
        parts = _check_member(member)
        if top is None:
            top = parts[0]
        if parts[0] != top or (len(parts) == 1 and not member.isdir()):
            raise BundleError(f"archive member {member.name!r} is outside the single top-level "
                              f"folder {top!r}")
        if member.name in seen:
            raise BundleError(f"archive member {member.name!r} appears twice")
        if member.name.casefold() in folded:
            raise BundleError(f"archive member {member.name!r} differs from another only in case")
        seen.add(member.name)
        folded.add(member.name.casefold())
        if member.isreg():
            files.add(member.name)
        total += member.size
        if total > max_bytes:
            raise BundleError(f"archive member {member.name!r} takes the archive over its limit of "
                              f"{max_bytes} bytes")
        members.append(member)
    if top is None:
        raise BundleError(f"{name} is empty")
    for member in members:
        names = member.name.split("/")
        for i in range(1, len(names)):
            if "/".join(names[:i]) in files:
                raise BundleError(f"archive member {member.name!r} is inside a file")
    return top, members


def open_archive(archive: Path, into: Path, *, max_bytes: int = MAX_BYTES) -> Path:
    """Inspect every member of ``archive``, then extract it into ``into``; returns the bundle folder."""
    if not archive.is_file():
        raise BundleError(f"{archive} is not a file")
    try:
        tar = tarfile.open(archive, mode="r:")
    except (tarfile.TarError, OSError) as exc:
        raise BundleError(f"{archive.name} is not an uncompressed tar archive: {exc}") from exc
    with tar:
        try:
            top, members = _inspect(tar, archive.name, max_bytes)
        except (tarfile.TarError, OSError, UnicodeError) as exc:
            raise BundleError(f"{archive.name} cannot be read as a tar archive: {exc}") from exc
        into.mkdir(parents=True, exist_ok=True)
        target = into / top
        if target.exists() or target.is_symlink():
            raise BundleError(f"{target} already exists")
        stage = Path(tempfile.mkdtemp(prefix=".opening-", dir=into))
        try:
            tar.extractall(stage, members=members, filter="data")
            for path in (stage / top).rglob("*"):
                if path.is_file():
                    path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
            os.replace(stage / top, target)
        except (tarfile.TarError, OSError) as exc:
            raise BundleError(f"{archive.name} cannot be extracted: {exc}") from exc
        finally:
            shutil.rmtree(stage, ignore_errors=True)
    return target
