"""A bounded local copy of held bundles, for readers that need a path (verification, the PDF,
OpenCV and FFmpeg on video) when the bundles live in an object store.

A bundle is fetched whole on first use into ``cache/<workstation key id>/<bundle id>``: every
object under its key prefix is downloaded into a folder of its own, each file the bundle's
manifests list (``manifest-sha256.txt`` for the payload, ``tagmanifest-sha256.txt`` for the tag
files) is checked against its sealed SHA-256, and only then is the folder renamed into place, so a
reader never sees half a bundle or bytes other than the sealed ones. Past ``bound`` bytes the
least recently used bundles are removed (never the one just asked for); a removed bundle is
fetched again when next asked for. A bundle just imported is adopted from its verified local copy
rather than fetched.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path

from assessor_app.provider import object_messages as m_
from assessor_app.provider.objects import ObjectStore, ObjectStoreUnavailable, S3Store, sha256_of

log = logging.getLogger(__name__)
_LINE = re.compile(r"([0-9a-f]{64})  (\S.*)")
_MANIFESTS = ("manifest-sha256.txt", "tagmanifest-sha256.txt")


class ReadCache:
    """Whole bundles fetched from ``objects`` on demand, verified, at most ``bound`` bytes kept."""

    def __init__(self, folder: Path, objects: ObjectStore, bound: int):
        self.folder, self.objects, self.bound = folder, objects, bound
        self._lock = threading.Lock()
        self.fetches = 0  # how many bundles were fetched from the store (for tests and logs)

    def path(self, device: str, bundle_id: str) -> Path:
        return self.folder / device / bundle_id

    def bundle(self, device: str, bundle_id: str) -> Path:
        """The local folder of a held bundle, fetched (and verified) if it is not here.

        A bundle with no objects gives a folder that does not exist (the readers say it is
        missing); a fault of the store is ObjectStoreUnavailable; an object that is not what the
        manifest seals is ObjectStoreUnavailable naming it (nothing of it is kept).
        """
        target = self.path(device, bundle_id)
        if target.is_dir():
            _touch(target)
            return target
        prefix = f"bundles/{device}/{bundle_id}"
        self.folder.mkdir(mode=0o700, exist_ok=True)
        work = Path(tempfile.mkdtemp(prefix=".fetch-", dir=self.folder))
        try:
            local = work / bundle_id
            count = 0
            for key, _size in self.objects.keys(prefix):
                relative = key[len(prefix) + 1:]
                destination = local / relative
                destination.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                self.objects.get_file(key, destination)
                count += 1
            if count == 0:
                return target
            self._verify(local, prefix)
            target.parent.mkdir(mode=0o700, exist_ok=True)
            with self._lock:
                if target.is_dir():  # fetched meanwhile by another reader
                    return target
                os.rename(local, target)
                self.fetches += 1
        finally:
            shutil.rmtree(work, ignore_errors=True)
        log.info("bundle %s fetched from %s into the read cache", bundle_id, self.objects.describe())
        self.evict(keep=target)
        return target

    def adopt(self, device: str, bundle_id: str, folder: Path) -> None:
        """Keep a verified local copy (a bundle just put into the store) as the cached one."""
        target = self.path(device, bundle_id)
        target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        with self._lock:
            if target.is_dir():
                shutil.rmtree(folder, ignore_errors=True)
            else:
                os.rename(folder, target)
        _touch(target)
        self.evict(keep=target)

    def evict(self, keep: Path | None = None) -> int:
        """Remove the least recently used bundles until at most ``bound`` bytes are kept; returns how
        many were removed."""
        with self._lock:
            held = []
            for device in _dirs(self.folder):
                if device.name.startswith("."):
                    continue
                for bundle in _dirs(device):
                    held.append((bundle.stat().st_mtime, bundle, _size(bundle)))
            total = sum(size for _t, _b, size in held)
            removed = 0
            for _mtime, bundle, size in sorted(held, key=lambda item: item[0]):
                if total <= self.bound:
                    break
                if keep is not None and bundle == keep:
                    continue
                shutil.rmtree(bundle, ignore_errors=True)
                total -= size
                removed += 1
            return removed

    def _verify(self, local: Path, prefix: str) -> None:
        """Every file a manifest lists is there and has its sealed SHA-256."""
        for manifest in _MANIFESTS:
            path = local / manifest
            if not path.is_file():
                continue
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                match = _LINE.fullmatch(line.strip())
                if match is None:
                    continue
                digest, name = match.groups()
                if ".." in name.split("/"):
                    continue
                file = local / name
                actual = sha256_of(file) if file.is_file() else "missing"
                if actual != digest:
                    where = ({"endpoint": self.objects.endpoint or "AWS", "bucket": self.objects.bucket}
                             if isinstance(self.objects, S3Store) else
                             {"endpoint": self.objects.describe(), "bucket": "-"})
                    raise ObjectStoreUnavailable(m_.DAMAGED(key=f"{prefix}/{name}", actual=actual[:16],
                                                            sealed=digest[:16], **where))


def _touch(path: Path) -> None:
    try:
        now = time.time()
        os.utime(path, (now, now))
    except OSError as exc:  # evicted meanwhile: the reader has its files open or asks again
        log.debug("%s was not marked used: %s", path, exc)


def _dirs(folder: Path) -> list[Path]:
    try:
        return [p for p in folder.iterdir() if p.is_dir() and not p.is_symlink()]
    except FileNotFoundError:
        return []


def _size(folder: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(folder):
        for name in files:
            try:
                total += os.lstat(os.path.join(dirpath, name)).st_size
            except OSError:
                continue
    return total
