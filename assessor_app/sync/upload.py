"""Our tus 1.0 client: create, resume from the provider's confirmed offset, sha256 per chunk.

Each chunk is read and hashed before it is sent (the Upload-Checksum header goes first), so the
provider keeps a chunk whole or not at all; after a cut at most that one chunk is sent again.
"""

from __future__ import annotations

import base64
import hashlib
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessor_app.sync.client import ProviderClient, SyncError, TransientError, raise_for
from assessor_app.sync.protocol import TUS_VERSION

MiB = 1024 * 1024
TUS = {"Tus-Resumable": TUS_VERSION}


class BundleRefused(SyncError):
    """The provider checked the bundle and quarantined it; the reason is the provider's."""


class Stopped(TransientError):
    """The upload was paused or stopped between (or inside) chunks."""


@dataclass
class UploadStats:
    sent: int = 0  # bytes put on the wire in PATCH bodies (including any sent again)
    chunks: int = 0
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


class TusUploader:
    def __init__(self, client: ProviderClient, *, chunk_size: int = 8 * MiB,
                 rate: RateLimit | None = None, stop: threading.Event | None = None):
        if chunk_size < 1:
            raise ValueError("chunk_size must be positive")
        self.client = client
        self.chunk_size = chunk_size
        self.rate = rate or RateLimit(None)
        self.stop = stop or threading.Event()
        self.stats = UploadStats()

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
        mismatches = 0
        with open(path, "rb") as f:
            while offset < total:
                if self.stop.is_set():
                    raise Stopped(f"the upload of bundle {bundle_id} was paused at {offset} bytes")
                f.seek(offset)
                chunk = f.read(min(self.chunk_size, total - offset))
                digest = base64.b64encode(hashlib.sha256(chunk).digest()).decode()
                self.stats.sent += len(chunk)  # counted when it starts: a cut chunk was sent too
                self.stats.chunks += 1
                response = self.client.send("PATCH", url, content=self._body(chunk), headers={
                    **TUS, "Upload-Offset": str(offset), "Upload-Checksum": f"sha256 {digest}",
                    "Content-Type": "application/offset+octet-stream",
                    "Content-Length": str(len(chunk))})
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
        return self.result(url, bundle_id)

    def _body(self, chunk: bytes) -> bytes | Iterator[bytes]:
        if not self.rate.rate:
            return chunk
        return self._throttled(chunk)

    def _throttled(self, chunk: bytes) -> Iterator[bytes]:
        view = memoryview(chunk)
        step = 64 * 1024
        for i in range(0, len(chunk), step):
            self.rate.take(min(step, len(chunk) - i), self.stop)
            yield bytes(view[i:i + step])

    def result(self, url: str, bundle_id: str) -> dict[str, Any]:
        response = self.client.send("GET", f"{url}/result")
        if response.status_code == 422:
            body = response.json()
            raise BundleRefused(f"the provider quarantined bundle {bundle_id}: {body.get('reason')}", 422)
        raise_for(response, f"the result of bundle {bundle_id}")
        body = dict(response.json())
        if body.get("status") != "imported":
            raise TransientError(f"bundle {bundle_id} is {body.get('status')} at the provider, not imported")
        return body
