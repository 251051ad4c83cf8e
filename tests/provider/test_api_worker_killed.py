"""An API process killed in the middle of a PATCH, on PostgreSQL with several API processes: the
workstation resumes on another API process from the offset the database confirmed, the dead
process's lock on the upload is gone with its connection, and the bundle is imported exactly once
with a receipt that verifies.

Two trials in the default run; fifty at random moments with ASSESSOR_LONG_TESTS=1 (marked slow).
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from sync_support import Workstation, enroll

from assessor_app.provider.models import ReceivedBundle
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.store import ProviderConfig
from assessor_app.sync.receipts import verify_receipt
from assessor_app.sync.upload import TusUploader

TUS = {"Tus-Resumable": "1.0.0"}
OCTETS = "application/offset+octet-stream"


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ApiProcess:
    """``assessor provider serve`` in its own process, to be killed with SIGKILL."""

    def __init__(self, folder: Path, database_url: str, log: Path):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        argv = [sys.executable, "-c", "import sys; from assessor_app.cli import main; sys.exit(main())",
                "provider", "serve", "--folder", str(folder), "--database-url", database_url,
                "--port", str(self.port), "--import-workers", "external"]
        self.log = log
        self.proc = subprocess.Popen(argv, stdout=log.open("ab"), stderr=subprocess.STDOUT)
        deadline = time.monotonic() + 60
        while True:
            try:
                if httpx.get(f"{self.url}/health", timeout=2).status_code == 200:
                    return
            except httpx.TransportError:
                pass  # not listening yet
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise AssertionError(f"the API process did not start:\n{log.read_text()}")
            time.sleep(0.05)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(30)


@pytest.fixture
def provider(postgres_url: str, tmp_path: Path) -> Iterator[ProviderServer]:
    """The API process that stays (it imports in-process), on the shared database and folder."""
    server = ProviderServer(config=ProviderConfig(tmp_path / "provider", database_url=postgres_url)).start()
    yield server
    server.close()


def _held(server: ProviderServer) -> int:
    with server.service.store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(ReceivedBundle)).scalar_one())


def _trial(provider: ProviderServer, ws: Workstation, postgres_url: str, tmp_path: Path, n: int,
           chance: random.Random) -> int:
    """One upload whose PATCH dies with its API process; returns the offset the database had confirmed."""
    sealed = ws.bundle(extra_bytes=chance.choice((300_000, 2_000_000)))
    uploader = TusUploader(ws.client)
    url = uploader.create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    upload_id = url.rsplit("/", 1)[1]
    body = sealed.archive.read_bytes()
    first = chance.randrange(0, len(body) - 1)  # what a PATCH of the doomed process had confirmed
    cut = chance.randrange(first + 1, len(body))  # where its next PATCH is when the process dies
    doomed = ApiProcess(provider.service.store.config.folder, postgres_url, tmp_path / f"api-{n}.log")
    token = {"Authorization": f"Bearer {ws.client.token()}"}
    if first:
        done = httpx.patch(f"{doomed.url}/files/{upload_id}", content=body[:first], timeout=60, headers={
            **TUS, **token, "Upload-Offset": "0", "Content-Type": OCTETS})
        assert done.status_code == 204, done.text
    sent, killed = threading.Event(), threading.Event()

    def dying_body() -> Iterator[bytes]:
        yield body[first:cut]
        sent.set()
        killed.wait(60)  # the rest goes to a process that is no more
        yield body[cut:]

    headers = {**TUS, **token, "Upload-Offset": str(first), "Content-Type": OCTETS,
               "Content-Length": str(len(body) - first)}
    with ThreadPoolExecutor(1) as pool:
        writing = pool.submit(httpx.patch, f"{doomed.url}/files/{upload_id}", content=dying_body(),
                              headers=headers, timeout=90)
        assert sent.wait(30)
        time.sleep(chance.uniform(0, 0.3))  # somewhere while the process writes what it was sent
        doomed.kill()
        killed.set()
        with pytest.raises(httpx.TransportError):
            writing.result(90)
    confirmed = provider.service.upload(upload_id).offset
    assert first <= confirmed <= cut
    # the workstation goes on through the other API process, from the offset the database holds
    answer = uploader.upload(sealed.archive, bundle_id=sealed.bundle_id,
                             manifest_sha256=sealed.manifest_sha256, url=url)
    assert answer["status"] == "imported"
    verify_receipt(answer["receipt"], provider.service.store.key.public_pem(), bundle_id=sealed.bundle_id,
                   manifest_sha256=sealed.manifest_sha256, device_key_id=ws.key.fingerprint)
    assert _held(provider) == n + 1  # exactly once
    assert provider.service.importer.quarantined() == []
    return confirmed


def _trials(provider: ProviderServer, postgres_url: str, tmp_path: Path, count: int) -> None:
    ws = enroll(provider, tmp_path / "workstation")
    chance = random.Random()
    try:
        resumed = [_trial(provider, ws, postgres_url, tmp_path, n, chance) for n in range(count)]
    finally:
        ws.client.close()
    print(f"{count} API processes killed mid-PATCH; resumed from offsets {resumed}")


def test_an_api_process_killed_mid_patch_loses_nothing_and_stores_the_bundle_once(
        provider: ProviderServer, postgres_url: str, tmp_path: Path):
    _trials(provider, postgres_url, tmp_path, count=2)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("ASSESSOR_LONG_TESTS") != "1",
                    reason="fifty trials take minutes: ASSESSOR_LONG_TESTS=1 runs them")
def test_fifty_api_processes_killed_mid_patch_each_bundle_once(
        provider: ProviderServer, postgres_url: str, tmp_path: Path):
    _trials(provider, postgres_url, tmp_path, count=50)
