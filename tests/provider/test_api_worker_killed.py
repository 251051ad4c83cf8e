"""An API process killed in the middle of a PATCH, on PostgreSQL with several API processes: the
workstation resumes on another API process from the offset the database confirmed, the dead
process's lock on the upload is gone with its connection, and the bundle is imported exactly once
with a receipt that verifies.

Two layouts: API processes sharing one folder (one machine), and API processes on machines of their
own (folders apart) with the upload received as multipart parts in a SeaweedFS bucket, imported by
an import worker: the process that resumes has none of the dead one's bytes but the store's.

Two trials in the default run; fifty at random moments with ASSESSOR_LONG_TESTS=1 (marked slow).
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from sqlalchemy import func, select
from sync_support import Workstation, enroll

from assessor_app.provider.import_worker import ImportWorker
from assessor_app.provider.models import ReceivedBundle
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.store import EXTERNAL, ProviderConfig
from assessor_app.provider.upload_parts import MIN_PART_BYTES
from assessor_app.sync.receipts import verify_receipt
from assessor_app.sync.upload import TusUploader

TUS = {"Tus-Resumable": "1.0.0"}
OCTETS = "application/offset+octet-stream"
PART = MIN_PART_BYTES


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class ApiProcess:
    """``assessor provider serve`` in its own process, to be killed with SIGKILL."""

    def __init__(self, folder: Path, database_url: str, log: Path, extra: tuple[str, ...] = ()):
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        argv = [sys.executable, "-c", "import sys; from assessor_app.cli import main; sys.exit(main())",
                "provider", "serve", "--folder", str(folder), "--database-url", database_url,
                "--port", str(self.port), "--import-workers", "external", *extra]
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


@dataclass
class Setup:
    """The API process that stays, and how a doomed one is started beside it."""

    server: ProviderServer
    database_url: str
    doomed_args: tuple[str, ...] = ()
    own_folders: bool = False  # each doomed process on a machine of its own

    def doomed_folder(self, tmp_path: Path, n: int) -> Path:
        folder = self.server.service.store.config.folder
        if not self.own_folders:
            return folder
        own = tmp_path / f"machine-{n}"
        own.mkdir(mode=0o700)
        shutil.copytree(folder / "keys", own / "keys")  # the provider's signing key, as deployed
        return own


@pytest.fixture(params=["one-machine", "machines-apart-s3-parts"])
def setup(request: pytest.FixtureRequest, postgres_url: str, tmp_path: Path,
          monkeypatch: pytest.MonkeyPatch) -> Iterator[Setup]:
    if request.param == "one-machine":  # the API that stays imports in process
        server = ProviderServer(config=ProviderConfig(tmp_path / "provider",
                                                      database_url=postgres_url)).start()
        yield Setup(server, postgres_url)
        server.close()
        return
    s3 = request.getfixturevalue("seaweed")
    s3.environ(monkeypatch)  # the doomed processes inherit the keys
    server = ProviderServer(config=ProviderConfig(
        tmp_path / "provider", database_url=postgres_url, import_workers=EXTERNAL,
        object_store=f"s3://{s3.bucket}", s3_endpoint=s3.endpoint, upload_part_bytes=PART)).start()
    stop = threading.Event()
    worker = threading.Thread(target=ImportWorker(server.service, poll_s=0.1).run, args=(stop,))
    worker.start()
    try:
        yield Setup(server, postgres_url, own_folders=True, doomed_args=(
            "--object-store", f"s3://{s3.bucket}", "--s3-endpoint", s3.endpoint))
    finally:
        stop.set()
        worker.join(60)
        server.close()


def _held(server: ProviderServer) -> int:
    with server.service.store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(ReceivedBundle)).scalar_one())


def _trial(setup: Setup, ws: Workstation, tmp_path: Path, n: int,
           chance: random.Random) -> tuple[int, int]:
    """One upload whose PATCH dies with its API process; the offset the database had confirmed, and
    the upload's length."""
    provider = setup.server
    sizes = (300_000, 2 * PART + 100_000) if setup.own_folders else (300_000, 2_000_000)
    sealed = ws.bundle(extra_bytes=chance.choice(sizes))
    uploader = TusUploader(ws.client)
    url = uploader.create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    upload_id = url.rsplit("/", 1)[1]
    body = sealed.archive.read_bytes()
    first = chance.randrange(0, len(body) - 1)  # what a PATCH of the doomed process had confirmed
    # where its next PATCH is when the process dies: inside the body, or past its last byte (then
    # the process dies while it keeps and confirms the chunk, or just after)
    cut = chance.choice((chance.randrange(first + 1, len(body)), len(body)))
    doomed = ApiProcess(setup.doomed_folder(tmp_path, n), setup.database_url, tmp_path / f"api-{n}.log",
                        setup.doomed_args)
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
        try:
            answered = writing.result(90)
        except httpx.TransportError:
            answered = None
        # an answer can only be the whole chunk confirmed before the process died
        assert answered is None or (cut == len(body) and answered.status_code == 204), answered
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
    return confirmed, len(body)


def _trials(setup: Setup, tmp_path: Path, count: int) -> None:
    ws = enroll(setup.server, tmp_path / "workstation")
    chance = random.Random()
    try:
        resumed = [_trial(setup, ws, tmp_path, n, chance) for n in range(count)]
    finally:
        ws.client.close()
    whole = sum(1 for offset, length in resumed if offset == length)
    print(f"{count} API processes killed mid-PATCH; {whole} had confirmed the whole upload; the rest "
          f"resumed from offsets {sorted(offset for offset, length in resumed if offset < length)}")


def test_an_api_process_killed_mid_patch_loses_nothing_and_stores_the_bundle_once(setup: Setup,
                                                                                   tmp_path: Path):
    _trials(setup, tmp_path, count=2)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("ASSESSOR_LONG_TESTS") != "1",
                    reason="fifty trials take minutes: ASSESSOR_LONG_TESTS=1 runs them")
def test_fifty_api_processes_killed_mid_patch_each_bundle_once(setup: Setup, tmp_path: Path):
    _trials(setup, tmp_path, count=50)
