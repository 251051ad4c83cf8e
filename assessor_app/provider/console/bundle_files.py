"""The files of a held bundle as the console may hand them out: by the bundle's own lists only.

A name asked for in a request is never joined to a path as it is: it must be one of the names the
bundle lists (its payload manifest, its PDF records, and its identity files for a role that sees
names), and the file is opened without following a link, and must still be a plain file. A
download's name is made from safe characters only.
"""

from __future__ import annotations

import os
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from sqlalchemy import select

from assessor_app.evidence.bundle import RECORD_PDF, BundleError
from assessor_app.evidence.folder import open_regular
from assessor_app.evidence.identity import FULL_RECORD_PDF, IDENTITY_DIR, IDENTITY_JSON
from assessor_app.i18n import Msg
from assessor_app.provider.console import assessment_messages as m_
from assessor_app.provider.models import ReceivedBundle
from assessor_app.provider.objects import ObjectMissing

_HEX64 = re.compile(r"[0-9a-f]{64}")
_KEY_ID = re.compile(r"[0-9a-f]{1,64}")
_BUNDLE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,63}")
#: the largest manifest read (a bundle holds at most 100,000 files)
_MAX_MANIFEST = 16 * 1024**2
_TYPES = {".pdf": "application/pdf", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png",
          ".json": "application/json", ".csv": "text/csv; charset=utf-8", ".ts": "video/mp2t",
          ".blf": "application/octet-stream", ".yaml": "text/plain; charset=utf-8",
          ".webm": "video/webm", ".tar": "application/x-tar"}


class NotHeld(LookupError):
    """The bundle, or a file of it, is not there for the asker; ``message`` says which, for a person."""

    def __init__(self, message: Msg):
        super().__init__(str(message))
        self.message = message


@dataclass(frozen=True)
class HeldBundle:
    """A bundle the provider holds: its row, its folder and the payload manifest (name -> SHA-256).

    ``local`` is its folder when that is at hand; else (an object store, the bundle not in the read
    cache) ``fetch`` brings it there the first time ``root`` is asked for, so that a response that
    streams from the store (a video segment, a proxy) never fetches the whole bundle.
    """

    row: ReceivedBundle
    local: Path | None
    manifest: dict[str, str]
    fetch: Callable[[], Path] | None = field(default=None, compare=False, repr=False)

    @cached_property
    def root(self) -> Path:
        if self.local is not None:
            return self.local
        assert self.fetch is not None, "a held bundle has a folder or a way to fetch it"
        return self.fetch()

    @property
    def key(self) -> str:
        """How the console names the bundle: ``<workstation key id>/<bundle id>``."""
        return f"{self.row.device}/{self.row.bundle_id}"

    def has_identity(self) -> bool:
        return (self.root / IDENTITY_DIR).is_dir()

    def record_pdf(self, language: str, *, show_names: bool) -> str | None:
        """The PDF record to hand out: with names (identity/) only for ``show_names``; in
        ``language`` if the checklist has it, else English."""
        for lang in dict.fromkeys((language, "en")):
            names = ([FULL_RECORD_PDF.format(language=lang)] if show_names else []) + [
                RECORD_PDF.format(language=lang)]
            for name in names:
                if _plain_file(self.root / name):
                    return name
        return None

    def allowed(self, name: str, *, show_names: bool) -> bool:
        """Whether ``name`` (a path inside the bundle) is a file the bundle lists for this asker."""
        if name in self.manifest:
            return True
        if re.fullmatch(r"assessment-record\.[a-z]{2}\.pdf", name):
            return True
        return show_names and (name == IDENTITY_JSON or re.fullmatch(
            r"identity/assessment-record\.[a-z]{2}\.pdf", name) is not None)

    def open(self, name: str, *, show_names: bool) -> tuple[int, int]:
        """``(fd, size)`` of a file the bundle lists, opened without following a link; NotHeld if it
        is not listed for this asker or not a plain file any more."""
        if not self.allowed(name, show_names=show_names):
            raise NotHeld(m_.FILE_NOT_LISTED(name=name[:200]))
        try:
            fd = open_regular(self.root / name, name)
        except (BundleError, FileNotFoundError):
            raise NotHeld(m_.FILE_NOT_LISTED(name=name[:200])) from None
        return fd, os.fstat(fd).st_size

    def read(self, name: str, *, show_names: bool, limit: int) -> bytes:
        fd, size = self.open(name, show_names=show_names)
        with os.fdopen(fd, "rb") as f:
            if size > limit:
                raise NotHeld(m_.FILE_TOO_LARGE(name=name))
            return f.read(limit)


def _plain_file(path: Path) -> bool:
    try:
        return path.is_file() and not path.is_symlink()
    except OSError:
        return False


def held_bundle(service: object, device_key_id: str, bundle_id: str) -> HeldBundle:
    """The held bundle ``bundle_id`` sealed by workstation ``device_key_id``; NotHeld if there is none.

    The ids are checked for their form before the database is asked, and the folder is the one the
    store names (never a path made from the request).
    """
    if not _KEY_ID.fullmatch(device_key_id) or not _BUNDLE_ID.fullmatch(bundle_id):
        raise NotHeld(m_.NO_SUCH_BUNDLE())
    store = service.store  # type: ignore[attr-defined]
    with store.engine.connect() as conn:
        row = conn.execute(select(ReceivedBundle).where(ReceivedBundle.bundle_id == bundle_id,
                                                        ReceivedBundle.device == device_key_id)).first()
    if row is None:
        raise NotHeld(m_.NO_SUCH_BUNDLE())
    root: Path | None = store.bundle_path(device_key_id, bundle_id)
    if store.objects.remote and not root.is_dir():
        cached = store.cache.path(device_key_id, bundle_id)
        root = cached if cached.is_dir() else None
    if root is None:  # in the object store only: the manifest is read from there
        try:
            data = store.objects.read(store.bundle_key(device_key_id, bundle_id, "manifest-sha256.txt"),
                                      _MAX_MANIFEST)
        except ObjectMissing:
            raise NotHeld(m_.BUNDLE_FOLDER_MISSING(bundle=bundle_id)) from None
        text = data.decode("utf-8", errors="replace")
    else:
        try:
            fd = open_regular(root / "manifest-sha256.txt", "manifest-sha256.txt")
        except (BundleError, FileNotFoundError):
            raise NotHeld(m_.BUNDLE_FOLDER_MISSING(bundle=bundle_id)) from None
        with os.fdopen(fd, "rb") as f:
            text = f.read(_MAX_MANIFEST).decode("utf-8", errors="replace")
    manifest = {}
    for line in text.split("\n"):
        digest, sep, name = line.partition("  ")
        if sep and _HEX64.fullmatch(digest) and name.startswith("data/") and ".." not in name.split("/"):
            manifest[name] = digest
    return HeldBundle(row, root, manifest, fetch=lambda: store.held_root(row))


def content_type(name: str) -> str:
    return _TYPES.get(os.path.splitext(name)[1].lower(), "application/octet-stream")


def safe_filename(name: str, fallback: str = "download") -> str:
    """A file name safe in any header and any file system: ASCII letters, digits, ``.-_`` only."""
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._")[:120]
    return text or fallback


def content_disposition(name: str) -> str:
    """``attachment; filename="..."`` with a safe name (no quotes, no line breaks, no path)."""
    return f'attachment; filename="{safe_filename(name)}"'
