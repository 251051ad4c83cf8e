"""The object half of moving a provider: its held bundles and web proxies from the folder into a bucket.

What is put is what the provider on an object store reads there (``objects.py``): every file of each
held bundle at ``bundles/<workstation key id>/<bundle id>/<path>`` (a bundle kept in the folder's
oldest layout, ``bundles/<name>``, goes to the same key as any other), and each web proxy a
``derivatives`` row records as made, at its recorded path. The anonymised media of moderation stay
in the folder, where that provider reads them.

Each object is checked after the put: its size in the bucket, and for files up to
:data:`READ_BACK_BYTES` (a single PUT) the SHA-256 of the bytes read back against the file's. A
bundle's file is first hashed in the folder and compared with the SHA-256 its manifests seal; one
that differs was damaged in the folder already, and is put as it is and reported (the provider
says the same of it wherever it is read). Objects already in the bucket with the right size are
left as they are, so an interrupted move runs again from where it stopped. Files go up a few at a
time; memory holds one page of bundles and the files of the bundles in flight.
"""

from __future__ import annotations

import os
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_EXCEPTION, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path

from assessor_app.provider import move_messages as M
from assessor_app.provider.objects import (
    PART_BYTES,
    ObjectStoreUnavailable,
    S3Store,
    check_key,
    sha256_of,
)
from assessor_app.provider.store import ProviderError

#: objects up to this size go up in one PUT and are read back whole to be checked
READ_BACK_BYTES = PART_BYTES
#: puts under way at once
CONCURRENT_PUTS = 8
_LINE = re.compile(r"([0-9a-f]{64})  (\S.*)")
_MANIFESTS = ("manifest-sha256.txt", "tagmanifest-sha256.txt")


@dataclass(frozen=True)
class Item:
    """One file to put: its key, where it is, and the SHA-256 sealed for it (None if none is)."""

    key: str
    path: Path
    size: int
    sealed: str | None = None


@dataclass(frozen=True)
class Group:
    """The files under one key prefix (a bundle, or one web proxy); ``missing`` names what is
    recorded but not in the folder."""

    prefix: str
    items: tuple[Item, ...]
    missing: str | None = None


@dataclass
class Tally:
    groups: int = 0
    put: int = 0
    put_bytes: int = 0
    skipped: int = 0
    skipped_bytes: int = 0
    damaged: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)


# ---------------------------------------------------------------- what the folder holds
def _sealed_hashes(folder: Path) -> dict[str, str]:
    hashes: dict[str, str] = {}
    for manifest in _MANIFESTS:
        path = folder / manifest
        if path.is_file():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                match = _LINE.fullmatch(line.strip())
                if match:
                    hashes[match.group(2)] = match.group(1)
    return hashes


def bundle_group(root: Path, device: str, bundle_id: str, stored_path: str) -> Group:
    """A held bundle's files: its folder in the current layout, else the oldest layout's."""
    prefix = f"bundles/{device}/{bundle_id}"
    folder = root / "bundles" / device / bundle_id
    if not folder.is_dir():
        folder = root / "bundles" / Path(stored_path).name
    if not folder.is_dir() or folder.is_symlink():
        return Group(prefix, (), missing=prefix)
    sealed = _sealed_hashes(folder)
    items = []
    for dirpath, dirs, files in os.walk(folder):
        dirs.sort()
        for name in sorted(files):
            path = Path(dirpath) / name
            if path.is_symlink() or not path.is_file():
                continue
            relative = path.relative_to(folder).as_posix()
            items.append(Item(check_key(f"{prefix}/{relative}"), path, path.stat().st_size,
                              sealed.get(relative)))
    return Group(prefix, tuple(items))


def proxy_group(root: Path, relative: str, sha256: str | None) -> Group:
    """A web proxy a ``derivatives`` row records as made (its path is relative to the folder)."""
    try:
        key = check_key(relative)
    except ValueError:
        return Group(relative, (), missing=relative[:200])
    path = root / key
    if not path.is_file() or path.is_symlink():
        return Group(key, (), missing=key)
    return Group(key, (Item(key, path, path.stat().st_size, sha256),))


# ---------------------------------------------------------------- into the bucket
def _there(store: S3Store, group: Group) -> dict[str, int]:
    """What the bucket already holds under the group's prefix: key -> size."""
    if len(group.items) == 1 and group.items[0].key == group.prefix:  # one object: its own HEAD
        try:
            return {group.prefix: store.size(group.prefix)}
        except FileNotFoundError:
            return {}
    return dict(store.keys(group.prefix))


def _put_checked(store: S3Store, item: Item, tally: Tally) -> None:
    try:
        local = sha256_of(item.path)
    except OSError as exc:
        raise ProviderError(M.UNREADABLE(path=str(item.path), detail=exc.strerror or str(exc))) from None
    if item.sealed is not None and local != item.sealed:
        with tally.lock:
            tally.damaged.append(item.key)
    store.put_file(item.key, item.path)
    problem = None
    size = store.size(item.key)
    if size != item.size:
        problem = f"{size} bytes, not {item.size}"
    elif item.size and item.size <= READ_BACK_BYTES:
        import hashlib

        digest = hashlib.sha256()
        for chunk in store.iter_range(item.key, 0, item.size - 1):
            digest.update(chunk)
        if digest.hexdigest() != local:
            problem = f"SHA-256 {digest.hexdigest()[:16]} read back, {local[:16]} put"
    if problem is not None:
        store.delete(item.key)  # so that the next run puts it again
        raise ProviderError(M.NOT_VERIFIED(key=item.key, bucket=store.bucket, detail=problem))
    with tally.lock:
        tally.put += 1
        tally.put_bytes += item.size


def copy_groups(groups: Iterable[Group], store: S3Store, *, dry_run: bool = False,
                progress: Callable[[Tally], None] | None = None) -> Tally:
    """Put every group's files that the bucket lacks (or holds at another size), each checked; with
    ``dry_run`` only count them. ProviderError on the first failure, after the puts under way end:
    what is in the bucket by then stays, and the next run skips it."""
    tally = Tally()
    try:
        with ThreadPoolExecutor(CONCURRENT_PUTS, thread_name_prefix="move-put") as pool:
            _copy(groups, store, pool, tally, dry_run, progress)
    except (ObjectStoreUnavailable, ProviderError) as exc:  # the puts under way have ended
        raise stopped(exc, tally) from None
    return tally


def _copy(groups: Iterable[Group], store: S3Store, pool: ThreadPoolExecutor, tally: Tally, dry_run: bool,
          progress: Callable[[Tally], None] | None) -> None:
    in_flight: set[Future[None]] = set()
    try:
        for group in groups:
            _raise_first(in_flight)
            if group.missing is not None:
                tally.missing.append(group.missing)
            there = _there(store, group) if group.items else {}
            for item in group.items:
                if there.get(item.key) == item.size:
                    with tally.lock:
                        tally.skipped += 1
                        tally.skipped_bytes += item.size
                elif dry_run:
                    tally.put += 1
                    tally.put_bytes += item.size
                else:
                    while len(in_flight) >= 2 * CONCURRENT_PUTS:
                        done, _ = wait(in_flight, return_when=FIRST_EXCEPTION)
                        in_flight -= _checked(done)
                    in_flight.add(pool.submit(_put_checked, store, item, tally))
            tally.groups += 1
            if progress is not None:
                progress(tally)
        done, _ = wait(in_flight)
        _checked(done)
        in_flight.clear()
    finally:
        for future in in_flight:
            future.cancel()


def _checked(done: set[Future[None]]) -> set[Future[None]]:
    for future in done:
        future.result()  # raises the put's failure
    return done


def _raise_first(in_flight: set[Future[None]]) -> None:
    finished = {f for f in in_flight if f.done()}
    in_flight -= _checked(finished)


def held_groups(root: Path, bundles: Iterator[tuple[str, str, str]],
                proxies: Iterable[tuple[str, str | None]]) -> Iterator[Group]:
    """Every held bundle, then every web proxy made."""
    for device, bundle_id, stored_path in bundles:
        yield bundle_group(root, device, bundle_id, stored_path)
    for relative, sha256 in proxies:
        yield proxy_group(root, relative, sha256)


def stopped(exc: ObjectStoreUnavailable | ProviderError, tally: Tally) -> ProviderError:
    """The failure that stopped the puts, with how far they got."""
    if isinstance(exc, ObjectStoreUnavailable):
        reason: object = exc.msg
    else:
        reason = exc.messages[0] if exc.messages else str(exc)
    return ProviderError(M.OBJECTS_STOPPED(reason=reason, n=tally.put + tally.skipped))
