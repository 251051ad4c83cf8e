"""The anonymised copy of a bundle: everything but identity/, for a moderator; it still verifies.

The source (a folder or its archive) must verify first and keep its identity apart: a bundle whose
record's events hold the names (sealed before identity was kept apart) is refused. Before a byte
is written, every file that would go into the copy is searched for the candidate's name and the
VIN from the identity file, so a name that slipped into the record or a capture is found, and the
copy refused, rather than handed on. The copy is made like any bundle copy: every entry looked at
(lstat only) first, nothing followed through a link, files owner-read-only in owner-only folders;
then the copy itself is verified, and must say "identity: withheld".
"""

from __future__ import annotations

import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from assessor_app.durable import fsync_dir, private_dir
from assessor_app.evidence.archive import open_archive, write_archive
from assessor_app.evidence.bundle import BundleError, BundleLimits
from assessor_app.evidence.folder import copy_bundle_folder, inspect_folder, open_regular, remove_tree
from assessor_app.evidence.identity import (
    IDENTITY_DIR,
    IDENTITY_JSON,
    identifying_texts,
    read_identity_document,
)
from assessor_app.evidence.strict_json import JsonError
from assessor_app.evidence.verify import Verification, verify_bundle

CHUNK = 1 << 20
_WRITE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)


@dataclass(frozen=True)
class AnonymiseOptions:
    """How the copy is made and checked."""

    limits: BundleLimits = BundleLimits()
    #: a name or VIN shorter than this is not searched for: it would be found by chance
    min_search_chars: int = 4


@dataclass(frozen=True)
class AnonymisedBundle:
    path: Path  # the copy: <out>/<bundle id>
    archive: Path | None  # <out>/<bundle id>.tar, if asked for
    verification: Verification  # of the copy: identity withheld
    source_identity: str  # "present", or "withheld" (the source was anonymised already)


def anonymise_bundle(source: Path, out: Path, *, archive: bool = False,
                     options: AnonymiseOptions | None = None) -> AnonymisedBundle:
    """Copy the bundle ``source`` (folder or .tar) without identity/ to ``out/<bundle id>``, verified.

    BundleError says why the bundle is refused (it does not verify, its identity is embedded in
    the record, or a name or the VIN is outside the identity file); nothing is left in ``out``
    then. An OSError is this machine's (full disk, unreadable source) and is raised as it is.
    """
    options = options or AnonymiseOptions()
    if source.is_dir():
        return _anonymise(source.resolve(), out, archive, options)
    if not source.is_file():
        raise BundleError(f"{source} is neither a bundle folder nor a bundle archive")
    with tempfile.TemporaryDirectory(prefix="assessor-anonymise-") as tmp:
        try:
            root = open_archive(source, Path(tmp), limits=options.limits, durable=False)
        except BundleError as exc:
            raise BundleError(f"archive: {exc}") from None
        return _anonymise(root, out, archive, options)


def _anonymise(src: Path, out: Path, archive: bool, options: AnonymiseOptions) -> AnonymisedBundle:
    checked = verify_bundle(src, options.limits)
    if not checked.ok:
        raise BundleError(f"{src.name} does not verify, so it is not copied: "
                          + "; ".join(checked.problems[:5]))
    if checked.identity == "embedded":
        raise BundleError(f"bundle {checked.bundle_id} cannot be anonymised: the names and the VIN are in "
                          f"its record's events (it was sealed before identity was kept apart)")
    files = inspect_folder(src, options.limits)
    kept = [name for name in files if not name.startswith(f"{IDENTITY_DIR}/")]
    if checked.identity == "present":
        _search(src, kept, options)
    target = out / src.name
    tar = out / f"{src.name}.tar" if archive else None
    if out.resolve().is_relative_to(src):
        raise BundleError(f"{out} is inside the bundle it would copy")
    for path in (target, tar):
        if path is not None and (path.exists() or path.is_symlink()):
            raise BundleError(f"{path} already exists")
    private_dir(out)
    target.mkdir(mode=0o700)  # made here, so a failure below removes only what this call made
    try:
        _copy(src, target, kept, options.limits)
        result = verify_bundle(target, options.limits)
        if not result.ok or result.identity != "withheld":
            raise BundleError("the anonymised copy does not verify: "
                              + "; ".join(result.problems[:5] or [f"its identity is {result.identity}"]))
        if tar is not None:
            write_archive(target, tar)
    except BaseException:
        remove_tree(target)
        raise
    return AnonymisedBundle(target, tar, result, str(checked.identity))


def _search(src: Path, names: list[str], options: AnonymiseOptions) -> None:
    """Refuse the bundle if the candidate's name or the VIN is in any file that would be handed on.

    Case is ignored for ASCII letters; the search runs over raw bytes, in chunks that overlap.
    """
    with os.fdopen(open_regular(src / IDENTITY_JSON, IDENTITY_JSON), "rb") as f:
        data = f.read(options.limits.max_tag_file_bytes + 1)
    try:
        document = read_identity_document(data, options.limits.json)
    except JsonError as exc:  # verified a moment ago: changed since
        raise BundleError(f"the identity file changed while the bundle was being anonymised: {exc}") from None
    needles = {what: text.encode("utf-8").lower()
               for what, text in identifying_texts(document, options.min_search_chars).items()}
    if not needles:
        return
    overlap = max(len(n) for n in needles.values()) - 1
    found: list[str] = []
    for name in names:
        with os.fdopen(open_regular(src / name, name), "rb") as f:
            tail = b""
            while chunk := f.read(CHUNK):
                window = tail + chunk.lower()
                found += [f"{what} is in {name}" for what, needle in needles.items()
                          if needle in window and f"{what} is in {name}" not in found]
                tail = window[-overlap:] if overlap else b""
    if found:
        raise BundleError("the bundle cannot be anonymised: " + "; ".join(found)
                          + " (outside the identity file, so a copy without it would still name them)")


def _copy(src: Path, target: Path, names: list[str], limits: BundleLimits) -> None:
    """Copy ``names`` (relative, the identity files left out) of the bundle ``src`` into the empty ``target``.

    Whole top-level folders go through ``copy_bundle_folder`` (no link followed at any depth); the
    top-level files are opened without following a link and must still be plain files.
    """
    folders = sorted({name.split("/", 1)[0] for name in names if "/" in name})
    os.chmod(target, 0o700)  # whatever the umask
    for folder in folders:
        copy_bundle_folder(src / folder, target / folder, limits)
    for name in (n for n in names if "/" not in n):
        with os.fdopen(open_regular(src / name, name), "rb") as f:
            fd = os.open(target / name, _WRITE, 0o600)
            try:
                while chunk := f.read(CHUNK):
                    view = memoryview(chunk)
                    while view:
                        view = view[os.write(fd, view):]
                os.fsync(fd)
                os.fchmod(fd, 0o400)
            finally:
                os.close(fd)
    fsync_dir(target)
    fsync_dir(target.parent)
