"""Our tus 1.0 client: create, resume from the provider's confirmed offset, sha256 per chunk.

Each chunk is hashed before it is sent (the Upload-Checksum header goes first), so the provider
keeps a chunk whole or not at all; after a cut at most that one chunk is sent again. The next
chunk is read and hashed on a helper thread while the current one is on the wire. The provider
imports the bundle after the last chunk; its result is then asked for with a long poll.
"""

from __future__ import annotations

import base64
import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from assessor_app.sync.client import ProviderClient, SyncError, TransientError, raise_for
from assessor_app.sync.protocol import TUS_VERSION

MiB = 1024 * 1024
TUS = {"Tus-Resumable": TUS_VERSION}
RESULT_WAIT_S = 10  # one long poll for the import's result; well inside the client's read timeout


class BundleRefused(SyncError):
    """The provider checked the bundle and quarantined it; the reason is the provider's."""


class Stopped(TransientError):
    """The upload was paused or stopped between (or inside) chunks."""


READ_PIECE = 1024 * 1024  # read, hashed while still in the CPU cache, and sent as it is


@dataclass(frozen=True)
class Chunk:
    offset: int
    pieces: list[bytes]
    size: int
    checksum: str  # the Upload-Checksum header value


def read_chunk(path: Path, offset: int, size: int) -> Chunk:
    """Read and hash ``size`` bytes of the archive at ``offset`` (on any thread: its own handle)."""
    hasher = hashlib.sha256()
    pieces = []
    try:
        with open(path, "rb") as f:
            f.seek(offset)
            for start in range(0, size, READ_PIECE):
                piece = f.read(min(READ_PIECE, size - start))
                if not piece:
                    break
                hasher.update(piece)
                pieces.append(piece)
    except OSError as exc:
        raise SyncError(f"the archive {path} cannot be read: {exc.strerror}") from exc
    if sum(len(p) for p in pieces) != size:
        raise SyncError(f"the archive {path} is shorter than when its upload started")
    return Chunk(offset, pieces, size, "sha256 " + base64.b64encode(hasher.digest()).decode())


@dataclass
class UploadStats:
    sent: int = 0  # bytes put on the wire in PATCH bodies (including any sent again)
    chunks: int = 0
    largest_chunk: int = 0
    checksum_retries: int = 0


class RateLimit:
    """A token bucket in bytes per second, shared by every upload of one worker."""

    def __init__(self, bytes_per_second: int | None, clock: Callable[[], float] = time.monotonic):
        self.rate = bytes_per_second
        self._clock = clock
        self._allowance = float(bytes_per_second or 0)  # a burst of one second
        self._last = clock()
        self._lock = threading.Lock()

    def take(self, n: int, stop: threading.Event | None = None) -> None:
        """Wait (interruptibly, on ``stop``) until ``n`` more bytes fit under the limit."""
        if not self.rate:
            return
        with self._lock:
            now = self._clock()
            self._allowance = min(float(self.rate), self._allowance + (now - self._last) * self.rate)
            self._last = now
            self._allowance -= n
            wait = -self._allowance / self.rate if self._allowance < 0 else 0.0
        if wait > 0 and stop is not None and stop.wait(wait):
            raise Stopped("the upload was stopped")
        if wait > 0 and stop is None:
            time.sleep(wait)  # a bandwidth limit is a wait by definition


class ChunkSizer:
    """Chunks that take about ``seconds`` on this line: small on a slow one, large on a fast one.

    A chunk is kept whole or not at all, so a cut costs up to one chunk: on a shop's slow uplink
    a chunk must go through between two drop-outs, while on a fast line every chunk's fixed cost
    (a round trip, an fsync, a commit) is spread over more bytes.
    """

    def __init__(self, smallest: int, largest: int, *, seconds: float = 5.0, first: int = MiB):
        self.smallest, self.largest, self.seconds = smallest, largest, seconds
        self.size = self._bounded(first)

    def _bounded(self, size: float) -> int:
        return int(min(self.largest, max(self.smallest, size)))

    def measured(self, nbytes: int, elapsed_s: float) -> None:
        if elapsed_s > 0:  # grow at most fourfold at a time: one quick chunk is no trend
            self.size = self._bounded(min(nbytes / elapsed_s * self.seconds, self.size * 4))


class TusUploader:
    """Uploads one archive; ``on_sending(position, total)`` follows the bytes inside a chunk.

    Chunks are ``chunk_size`` bytes, or with ``min_chunk_size`` sized to the line between the two.
    """

    def __init__(self, client: ProviderClient, *, chunk_size: int = 8 * MiB,
                 min_chunk_size: int | None = None, rate: RateLimit | None = None,
                 stop: threading.Event | None = None,
                 on_sending: Callable[[int, int], None] | None = None):
        if chunk_size < 1 or (min_chunk_size is not None and min_chunk_size < 1):
            raise ValueError("chunk sizes must be positive")
        self.client = client
        self.chunk_size = chunk_size
        self.sizer = ChunkSizer(min(min_chunk_size or chunk_size, chunk_size), chunk_size)
        self.rate = rate or RateLimit(None)
        self.stop = stop or threading.Event()
        self.on_sending = on_sending
        self.stats = UploadStats()
        # pieces of a streamed chunk: small enough that a limit or a listener sees it move
        self._piece = max(1024, min(64 * 1024, chunk_size // 4))

    def create(self, path: Path, bundle_id: str, manifest_sha256: str) -> str:
        meta = ",".join(f"{k} {base64.b64encode(v.encode()).decode()}" for k, v in (
            ("bundle_id", bundle_id), ("manifest_sha256", manifest_sha256), ("filename", path.name)))
        response = self.client.send("POST", "/files", headers={
            **TUS, "Upload-Length": str(path.stat().st_size), "Upload-Metadata": meta})
        raise_for(response, f"starting the upload of bundle {bundle_id}")
        location = response.headers.get("location")
        if not location:
            raise SyncError(f"the provider started an upload of bundle {bundle_id} but gave no Location")
        return location

    def offset(self, url: str) -> int | None:
        """The provider's confirmed offset, or None if the upload is gone."""
        response = self.client.send("HEAD", url, headers=TUS)
        if response.status_code in (404, 410):
            return None
        raise_for(response, "asking the upload's offset")
        return int(response.headers["upload-offset"])

    def upload(self, path: Path, *, bundle_id: str, manifest_sha256: str, url: str | None = None,
               on_url: Callable[[str | None], None] = lambda _u: None,
               on_progress: Callable[[int, int], None] = lambda _d, _t: None) -> dict[str, Any]:
        """Send the file from wherever the provider's confirmed offset is; returns the result body."""
        total = path.stat().st_size
        offset = self.offset(url) if url else None
        if offset is None:
            url = self.create(path, bundle_id, manifest_sha256)
            on_url(url)
            offset = self.offset(url)
            if offset is None:
                raise TransientError(f"the new upload of bundle {bundle_id} vanished")
        assert url is not None
        on_progress(offset, total)
        with ThreadPoolExecutor(1, thread_name_prefix="tus-read") as reader:
            self._send_chunks(path, url, bundle_id, offset, total, reader, on_url, on_progress)
        return self.result(url, bundle_id)

    def _send_chunks(self, path: Path, url: str, bundle_id: str, offset: int, total: int,
                     reader: ThreadPoolExecutor, on_url: Callable[[str | None], None],
                     on_progress: Callable[[int, int], None]) -> None:
        mismatches = 0
        current: Chunk | None = None
        ahead: tuple[int, Future[Chunk]] | None = None
        while offset < total:
            if self.stop.is_set():
                raise Stopped(f"the upload of bundle {bundle_id} was paused at {offset} bytes")
            if current is None or current.offset != offset:
                if ahead is not None and ahead[0] == offset:
                    current, ahead = ahead[1].result(), None
                else:
                    current = read_chunk(path, offset, min(self.sizer.size, total - offset))
            end = offset + current.size
            if end < total and (ahead is None or ahead[0] != end):
                # read and hash the next chunk while this one is on the wire
                ahead = (end, reader.submit(read_chunk, path, end, min(self.sizer.size, total - end)))
            self.stats.sent += current.size  # counted when it starts: a cut chunk was sent too
            self.stats.chunks += 1
            self.stats.largest_chunk = max(self.stats.largest_chunk, current.size)
            started = time.perf_counter()
            response = self._patch(url, current, total)
            if response.status_code == 401:  # the token ran out: a streamed body is sent again
                self.client.token(refresh=True)
                response = self._patch(url, current, total)
            if response.status_code == 204:
                self.sizer.measured(current.size, time.perf_counter() - started)
            if response.status_code == 460 and mismatches < 3:
                mismatches += 1  # damaged on the way: send the same chunk again
                self.stats.checksum_retries += 1
                continue
            if response.status_code == 409:
                confirmed = self.offset(url)  # someone (a duplicate request) moved it on
                if confirmed is None:
                    on_url(None)
                    raise TransientError(f"the upload of bundle {bundle_id} is gone; starting over")
                offset = confirmed
                continue
            if response.status_code == 404:
                on_url(None)
                raise TransientError(f"the upload of bundle {bundle_id} is gone; starting over")
            raise_for(response, f"sending bundle {bundle_id} at offset {offset}")
            offset = int(response.headers["upload-offset"])
            mismatches = 0
            on_progress(offset, total)

    def _patch(self, url: str, chunk: Chunk, total: int) -> httpx.Response:
        return self.client.send("PATCH", url, content=self._body(chunk, total), headers={
            **TUS, "Upload-Offset": str(chunk.offset), "Upload-Checksum": chunk.checksum,
            "Content-Type": "application/offset+octet-stream", "Content-Length": str(chunk.size)})

    def _body(self, chunk: Chunk, total: int) -> Iterator[bytes]:
        if not self.rate.rate and self.on_sending is None:
            return iter(chunk.pieces)  # as read: no copy on the way to the socket
        return self._pieces(chunk, total)

    def _pieces(self, chunk: Chunk, total: int) -> Iterator[bytes]:
        position = chunk.offset
        for read in chunk.pieces:
            view = memoryview(read)
            for i in range(0, len(view), self._piece):
                piece = view[i:i + self._piece]
                self.rate.take(len(piece), self.stop)
                yield bytes(piece)
                position += len(piece)
                if self.on_sending is not None:  # runs once the piece went to the connection
                    self.on_sending(position, total)

    def result(self, url: str, bundle_id: str, timeout_s: float = 900.0) -> dict[str, Any]:
        """The provider's import result: waits (long polls) while the import runs."""
        deadline = time.monotonic() + timeout_s
        while True:
            response = self.client.send("GET", f"{url}/result", params={"wait": RESULT_WAIT_S})
            if response.status_code == 422:
                body = response.json()
                raise BundleRefused(f"the provider quarantined bundle {bundle_id}: {body.get('reason')}", 422)
            raise_for(response, f"the result of bundle {bundle_id}")
            body = dict(response.json())
            status = body.get("status")
            if status == "imported":
                return body
            complete = status == "importing" or (status == "receiving"
                                                 and body.get("offset") == body.get("length"))
            if not complete or time.monotonic() > deadline:
                raise TransientError(f"bundle {bundle_id} is {status} at the provider, not imported")
            retry_after = response.headers.get("retry-after", "1")
            if self.stop.wait(float(retry_after) if retry_after.isdigit() else 1.0):
                raise Stopped(f"stopped while the provider imports bundle {bundle_id}")
