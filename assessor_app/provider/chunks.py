"""Receiving one tus PATCH body: written, hashed and synced on a worker thread.

The event loop only receives. Pieces go to the worker in batches of two megabytes, and while
one batch is hashed and written (both release the GIL) the loop already receives the next, so
receiving, hashing and writing overlap. The file is synced every few megabytes as it grows, so
the fsync that must come before the offset is confirmed has little left to do.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import os
from collections.abc import AsyncIterator, Callable
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import Any

from starlette.requests import ClientDisconnect

from assessor_app.provider.limits import RetryLater, fault_sentence, storage_fault
from assessor_app.provider.store import Refused

# sha1 for tus clients fixed on it (tuspy)
CHECKSUMS: dict[str, Callable[[], Any]] = {"sha256": hashlib.sha256, "sha1": hashlib.sha1}
BATCH_BYTES = 2 * 1024 * 1024
SYNC_EVERY = 4 * 1024 * 1024


class ChunkFile:
    """The upload's file from the confirmed offset on; opened and used only on worker threads."""

    def __init__(self, path: Path, offset: int, algorithm: str | None):
        self.path = path
        self.offset = offset
        self.written = 0
        self._hasher = CHECKSUMS[algorithm]() if algorithm else None
        self._unsynced = 0
        self._fd: int | None = None

    def _file(self) -> int:
        if self._fd is None:  # opened with the first batch: no thread hop of its own
            fd = os.open(self.path, os.O_RDWR | getattr(os, "O_BINARY", 0))
            try:
                os.ftruncate(fd, self.offset)  # bytes past the confirmed offset were never confirmed
                os.lseek(fd, self.offset, os.SEEK_SET)
            except OSError:
                os.close(fd)
                raise
            self._fd = fd
        return self._fd

    def write(self, pieces: list[bytes]) -> None:
        fd = self._file()
        for piece in pieces:
            if self._hasher is not None:
                self._hasher.update(piece)
            view = memoryview(piece)
            while view:  # a write may take less than it was given
                view = view[os.write(fd, view):]
            self.written += len(piece)
            self._unsynced += len(piece)
        if self._unsynced >= SYNC_EVERY:
            _datasync(fd)
            self._unsynced = 0

    def digest(self) -> bytes | None:
        return None if self._hasher is None else self._hasher.digest()

    def sync(self) -> None:
        os.fsync(self._file())

    def discard(self) -> None:
        """Back to the confirmed offset: a checksummed chunk counts whole or not at all."""
        os.ftruncate(self._file(), self.offset)
        self.written = 0

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def _datasync(fd: int) -> None:
    sync = getattr(os, "fdatasync", os.fsync)  # Windows has no fdatasync
    sync(fd)


class _Jobs:
    """Jobs on one file, on the pool, strictly one after another."""

    def __init__(self, pool: ThreadPoolExecutor):
        self.pool = pool
        self.loop = asyncio.get_running_loop()
        self.last: Future[Any] | None = None

    async def settle(self) -> None:
        if self.last is not None:
            await asyncio.wrap_future(self.last, loop=self.loop)
            self.last = None

    async def start(self, fn: Callable[..., Any], *args: Any) -> None:
        """Start ``fn`` once the job before it is done; the loop goes on receiving meanwhile."""
        if self.last is not None and self.last.done():
            self.last.result()  # usually the case: no wake-up of the loop is needed to go on
            self.last = None
        await self.settle()
        self.last = self.pool.submit(fn, *args)

    async def run(self, fn: Callable[..., Any], *args: Any) -> Any:
        await self.start(fn, *args)
        job = self.last
        assert job is not None
        result = await asyncio.wrap_future(job, loop=self.loop)
        self.last = None
        return result

    def wait(self) -> None:
        """Block until the last job is over (a cancelled request must not close a file in use)."""
        if self.last is not None:
            concurrent.futures.wait([self.last])


async def receive_chunk(stream: AsyncIterator[bytes], path: Path, *, offset: int, room: int,
                        checksum: tuple[str, bytes] | None, pool: ThreadPoolExecutor,
                        confirm: Callable[[int], None], retry_after_s: int = 60) -> int:
    """Append a PATCH body at ``offset``, check it, sync it and ``confirm`` it; the new offset.

    A chunk the provider's disk cannot take is 507 (tus: the server cannot store it) with
    Retry-After: the bytes before it stay confirmed, and the client sends it again later.
    """
    jobs = _Jobs(pool)
    file = ChunkFile(path, offset, checksum[0] if checksum else None)
    try:
        try:
            return await _receive(stream, file, jobs, room, checksum, confirm)
        except Refused as exc:
            if exc.status == 413:
                await jobs.run(file.discard)
            raise
        except OSError as exc:
            fault = storage_fault(exc)
            what = fault[0] if fault else f"its file system failed ({exc.strerror})"
            raise RetryLater(507, fault_sentence(what, "store the chunk"), retry_after_s,
                             "provider_storage") from exc
    finally:
        jobs.wait()
        file.close()


async def _receive(stream: AsyncIterator[bytes], file: ChunkFile, jobs: _Jobs, room: int,
                   checksum: tuple[str, bytes] | None, confirm: Callable[[int], None]) -> int:
    batch: list[bytes] = []
    size = received = 0
    try:
        async for piece in stream:
            received += len(piece)
            if received > room:
                raise Refused(413, f"the chunk takes the upload past its length of "
                                   f"{file.offset + room} bytes")
            batch.append(piece)
            size += len(piece)
            if size >= BATCH_BYTES:
                await jobs.start(file.write, batch)
                batch, size = [], 0
    except ClientDisconnect:
        if checksum is not None:  # without a checksum, tus keeps what arrived
            await jobs.run(file.discard)
            raise Refused(400, "the connection closed before the chunk was complete") from None

    def finish() -> int:
        file.write(batch)
        if checksum is not None and file.digest() != checksum[1]:
            file.discard()
            raise Refused(460, f"Checksum Mismatch: the chunk at offset {file.offset} does not match its "
                               f"{checksum[0]} Upload-Checksum")
        file.sync()  # the offset is confirmed only for bytes on disk
        new_offset = file.offset + file.written
        confirm(new_offset)
        return new_offset

    new_offset: int = await jobs.run(finish)
    return new_offset
