"""Import jobs in the database, taken by any provider process: a completed upload is queued where
import workers import (``serve --import-workers external``), a worker claims it under a lease, and
however often a job runs (twice, by two workers at once, again after a worker was killed) its
bundle is held once and every answer is the same receipt. On PostgreSQL two API processes never
write one upload at once (an advisory lock per upload: the second PATCH is answered 423).

Each test runs on SQLite and on a throwaway PostgreSQL server (postgres_support.py).
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
from pathlib import Path
from typing import Any

import httpx
import pytest
from postgres_support import advisory_locks
from sqlalchemy import func, select
from sync_support import Sealed, Workstation, enroll

from assessor_app.provider.models import ReceivedBundle, Upload
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import EXTERNAL, ProviderConfig
from assessor_app.sync.receipts import verify_receipt
from assessor_app.sync.upload import TusUploader

TUS = {"Tus-Resumable": "1.0.0"}
OCTETS = "application/offset+octet-stream"


def _config(folder: Path, database_url: str | None, **extra: object) -> ProviderConfig:
    return ProviderConfig(folder, database_url=database_url, import_workers=EXTERNAL, **extra)  # type: ignore[arg-type]


@pytest.fixture
def api(database_url: str | None, tmp_path: Path) -> Iterator[ProviderServer]:
    """An API process that leaves imports to workers."""
    server = ProviderServer(config=_config(tmp_path / "provider", database_url)).start()
    yield server
    server.close()


@pytest.fixture
def station(api: ProviderServer, tmp_path: Path) -> Iterator[Workstation]:
    ws = enroll(api, tmp_path / "workstation")
    yield ws
    ws.client.close()


def _send(ws: Workstation, sealed: Sealed) -> str:
    """Create the upload and send every byte in one PATCH; the upload's URL (its result not asked)."""
    url = TusUploader(ws.client).create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    body = sealed.archive.read_bytes()
    answer = ws.client.send("PATCH", url, content=body, headers={
        **TUS, "Upload-Offset": "0", "Content-Type": OCTETS})
    assert answer.status_code == 204, answer.text
    assert answer.headers["assessor-import"] == "queued"
    return url


def _count_held(service: ProviderService) -> int:
    with service.store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(ReceivedBundle)).scalar_one())


def _upload(service: ProviderService, url: str) -> Upload:
    upload = service.upload(url.rsplit("/", 1)[1])
    assert upload is not None
    return upload


def test_a_completed_upload_waits_as_a_job_and_a_worker_imports_it(api: ProviderServer, station: Workstation):
    sealed = station.bundle()
    url = _send(station, sealed)
    pending = station.client.send("GET", f"{url}/result")
    assert pending.status_code == 200 and pending.json()["status"] == "importing"
    assert pending.headers["retry-after"] == "1"
    job = _upload(api.service, url)
    assert (job.claimed_by, job.lease_until_us, job.attempts) == (None, None, 0)

    worker = ProviderService(api.service.store.config)  # another process's view: its own engine
    try:
        assert worker.jobs.claim_next() == job.id
        assert worker.jobs.claim_next() is None  # the lease holds it: nobody takes it twice
        assert api.service.jobs.claim(job.id) is False
        result = worker.run_claimed(job.id)
    finally:
        worker.close()
    done = _upload(api.service, url)
    assert result.status == "imported" and done.status == "imported" and done.attempts == 1
    assert done.claimed_by is None and done.lease_until_us is None
    answer = TusUploader(station.client).result(url, sealed.bundle_id)
    assert answer["receipt"] == result.receipt
    verify_receipt(answer["receipt"], api.service.store.key.public_pem(), bundle_id=sealed.bundle_id,
                   manifest_sha256=sealed.manifest_sha256)


def test_one_job_run_by_two_workers_at_once_and_again_is_held_once(api: ProviderServer, station: Workstation):
    sealed = station.bundle(extra_bytes=400_000)
    url = _send(station, sealed)
    upload_id = _upload(api.service, url).id
    workers = [ProviderService(api.service.store.config) for _ in range(2)]
    try:
        assert workers[0].jobs.claim_next() == upload_id
        assert workers[1].jobs.claim(upload_id, steal=True)  # as if the first lease had lapsed
        start = threading.Barrier(2)

        def run(worker: ProviderService) -> dict[str, object] | None:
            start.wait()
            return worker.run_claimed(upload_id).receipt

        with ThreadPoolExecutor(2) as pool:
            receipts = list(pool.map(run, workers))
        assert workers[0].jobs.claim(upload_id, steal=True) is False  # done: nothing to take again
    finally:
        for worker in workers:
            worker.close()
    assert receipts[0] is not None and receipts[0] == receipts[1]
    assert _count_held(api.service) == 1
    assert TusUploader(station.client).result(url, sealed.bundle_id)["receipt"] == receipts[0]


def test_a_fault_gives_the_job_back_to_wait_and_a_worker_retries_it(api: ProviderServer, station: Workstation,
                                                                    monkeypatch: pytest.MonkeyPatch):
    sealed = station.bundle()
    url = _send(station, sealed)
    upload_id = _upload(api.service, url).id
    clock = [api.service.store.clock()]
    worker = ProviderService(api.service.store.config, clock=lambda: clock[0])
    try:
        def full(*_args: object, **_kwargs: object) -> None:
            raise OSError(28, "No space left on device")

        with monkeypatch.context() as patched:
            patched.setattr(worker.importer, "import_archive", full)
            assert worker.jobs.claim_next() == upload_id
            with pytest.raises(OSError):
                worker.run_claimed(upload_id)
        waiting = _upload(api.service, url)
        assert waiting.status == "receiving" and waiting.claimed_by is None
        assert "No space left on device" in (waiting.last_error or "")
        pending = station.client.send("GET", f"{url}/result")
        assert pending.json()["status"] == "receiving" and int(pending.headers["retry-after"]) >= 1
        assert worker.jobs.claim_next() is None  # it waits the provider's retry time first
        clock[0] += (api.service.store.config.fault_retry_after_s + 1) * 10**6
        assert worker.jobs.claim_next() == upload_id
        assert worker.run_claimed(upload_id).status == "imported"
    finally:
        worker.close()
    assert _upload(api.service, url).attempts == 2
    assert TusUploader(station.client).result(url, sealed.bundle_id)["status"] == "imported"


# ---------------------------------------------------------------- a worker killed mid-import
def _worker(folder: Path, database_url: str | None, log: Path,
            extra: tuple[str, ...] = ()) -> subprocess.Popen[bytes]:
    argv = [sys.executable, "-c", "import sys; from assessor_app.cli import main; sys.exit(main())",
            "provider", "worker", "--folder", str(folder), "--lease-seconds", "1", "--poll-seconds", "0.1",
            *extra]
    if database_url:
        argv += ["--database-url", database_url]
    return subprocess.Popen(argv, stdout=log.open("ab"), stderr=subprocess.STDOUT)


def _until(what: str, check: object, timeout_s: float = 60.0) -> None:
    deadline = time.monotonic() + timeout_s
    while not check():  # type: ignore[operator]
        if time.monotonic() > deadline:
            raise AssertionError(f"not reached within {timeout_s} s: {what}")
        time.sleep(0.02)


def _killed_mid_import(api: ProviderServer, station: Workstation, database_url: str | None, tmp_path: Path,
                       trials: int, s3: Any = None) -> None:
    """Workers killed at random moments of an import; with ``s3``, each worker on a machine of its
    own (a folder with only the signing key), the upload and the bundles in the bucket."""
    config = api.service.store.config
    extra = ("--object-store", config.object_store, "--s3-endpoint", config.s3_endpoint or "") if s3 else ()

    def machine(name: str) -> Path:
        if not s3:
            return config.folder
        own = tmp_path / name
        own.mkdir(mode=0o700)
        shutil.copytree(config.folder / "keys", own / "keys")
        return own

    chance = random.Random()
    taken_again = 0  # trials where the kill came before the job was done (the figure -s prints)
    for trial in range(trials):
        sealed = station.bundle(extra_bytes=chance.choice((500_000, 4_000_000)))
        url = _send(station, sealed)
        log = tmp_path / f"worker-{trial}.log"
        first = _worker(machine(f"machine-{trial}"), database_url, log, extra)
        try:
            _until("the first worker claims the job",
                   lambda url=url: _upload(api.service, url).claimed_by is not None)
            time.sleep(chance.uniform(0, 0.1))  # somewhere in the import: staging, storing or recording
        finally:
            first.kill()
            first.wait(30)
        log = tmp_path / f"worker-{trial}-again.log"
        second = _worker(machine(f"machine-{trial}-again"), database_url, log, extra)
        try:
            _until("the job is imported", lambda url=url: _upload(api.service, url).status == "imported")
            _until("the second worker is ready", lambda log=log: "waiting for jobs" in log.read_text())
            second.terminate()  # SIGTERM: it stops after the job under way, with 0
            assert second.wait(60) == 0, log.read_text()
        finally:
            if second.poll() is None:
                second.kill()
                second.wait(30)
        answer = TusUploader(station.client).result(url, sealed.bundle_id)
        verify_receipt(answer["receipt"], api.service.store.key.public_pem(), bundle_id=sealed.bundle_id,
                       manifest_sha256=sealed.manifest_sha256)
        assert _count_held(api.service) == trial + 1, log.read_text()
        held = api.service.importer.held(sealed.bundle_id, station.key.fingerprint)
        assert held is not None
        if s3:
            prefix = api.service.store.bundle_key(station.key.fingerprint, sealed.bundle_id)
            assert any(k.endswith("manifest-sha256.txt") for k, _ in api.service.store.objects.keys(prefix))
        else:
            assert api.service.store.bundle_path(station.key.fingerprint, sealed.bundle_id).is_dir()
        taken_again += _upload(api.service, url).attempts > 1
    print(f"{trials} workers killed; {taken_again} of their jobs were taken again by another worker")


def test_a_worker_killed_mid_import_leaves_the_job_to_another_which_imports_it_once(
        api: ProviderServer, station: Workstation, database_url: str | None, tmp_path: Path):
    _killed_mid_import(api, station, database_url, tmp_path, trials=2 if database_url is None else 1)


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("ASSESSOR_LONG_TESTS") != "1",
                    reason="fifty trials take minutes: ASSESSOR_LONG_TESTS=1 runs them")
def test_fifty_workers_killed_at_random_moments_each_job_imported_once(
        api: ProviderServer, station: Workstation, database_url: str | None, tmp_path: Path):
    _killed_mid_import(api, station, database_url, tmp_path, trials=50)


@pytest.fixture
def api_s3(postgres_url: str, tmp_path: Path, request: pytest.FixtureRequest,
           monkeypatch: pytest.MonkeyPatch) -> Iterator[ProviderServer]:
    """An API process receiving into a SeaweedFS bucket in parts, its workers on machines apart."""
    store = request.getfixturevalue("seaweed")
    store.environ(monkeypatch)  # the worker processes inherit the keys
    server = ProviderServer(config=_config(tmp_path / "api", postgres_url, object_store=f"s3://{store.bucket}",
                                           s3_endpoint=store.endpoint)).start()
    yield server
    server.close()


def test_a_worker_on_a_machine_of_its_own_killed_mid_import_leaves_the_job_to_another(
        api_s3: ProviderServer, postgres_url: str, tmp_path: Path):
    ws = enroll(api_s3, tmp_path / "workstation")
    try:
        _killed_mid_import(api_s3, ws, postgres_url, tmp_path, trials=1, s3=True)
    finally:
        ws.client.close()


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("ASSESSOR_LONG_TESTS") != "1",
                    reason="fifty trials take minutes: ASSESSOR_LONG_TESTS=1 runs them")
def test_fifty_workers_on_machines_of_their_own_killed_each_job_imported_once(
        api_s3: ProviderServer, postgres_url: str, tmp_path: Path):
    ws = enroll(api_s3, tmp_path / "workstation")
    try:
        _killed_mid_import(api_s3, ws, postgres_url, tmp_path, trials=50, s3=True)
    finally:
        ws.client.close()


# ---------------------------------------------------------------- two API processes, one upload
def test_two_api_processes_never_write_one_upload_at_once(postgres_url: str, tmp_path: Path):
    folder = tmp_path / "provider"
    first = ProviderServer(config=_config(folder, postgres_url)).start()
    second = ProviderServer(config=_config(folder, postgres_url)).start()
    ws = enroll(first, tmp_path / "workstation")
    try:
        sealed = ws.bundle(extra_bytes=300_000)
        url = TusUploader(ws.client).create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
        upload_id = url.rsplit("/", 1)[1]
        body = sealed.archive.read_bytes()
        half = len(body) // 2
        go_on = threading.Event()

        def slow_body() -> Iterator[bytes]:
            yield body[:half]
            go_on.wait(60)  # the first PATCH holds the upload until the second has been answered
            yield body[half:]

        headers = {**TUS, "Upload-Offset": "0", "Content-Type": OCTETS, "Content-Length": str(len(body)),
                   "Authorization": f"Bearer {ws.client.token()}"}
        with ThreadPoolExecutor(1) as pool:
            writing = pool.submit(httpx.patch, f"{first.url}/files/{upload_id}", content=slow_body(),
                                  headers=headers, timeout=60)
            _until("the first process holds the upload",  # read from pg_locks, taking nothing
                   lambda: advisory_locks(postgres_url, name=f"upload:{upload_id}") == 1)
            other = httpx.patch(f"{second.url}/files/{upload_id}", content=body, headers=headers, timeout=60)
            go_on.set()
            won = writing.result(60)
        assert other.status_code == 423, other.text
        assert won.status_code == 204 and won.headers["upload-offset"] == str(len(body))
        assert _upload(second.service, url).offset == len(body)
        assert second.service.jobs.claim_next() == upload_id
        assert second.service.run_claimed(upload_id).status == "imported"  # the bytes are intact
        answer = TusUploader(ws.client).result(url.replace(first.url, second.url), sealed.bundle_id)
        verify_receipt(answer["receipt"], first.service.store.key.public_pem(), bundle_id=sealed.bundle_id,
                       manifest_sha256=sealed.manifest_sha256)
    finally:
        ws.client.close()
        second.close()
        first.close()


# ---------------------------------------------------------------- a worker on another machine
def test_a_worker_on_another_machine_fetches_the_completed_upload_from_the_object_store(
        postgres_url: str, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """The API's folder and the worker's are apart (only the signing key shared); the database is
    PostgreSQL and the bundles and completed uploads live in a SeaweedFS bucket."""
    store = request.getfixturevalue("seaweed")
    store.environ(monkeypatch)
    s3 = {"object_store": f"s3://{store.bucket}", "s3_endpoint": store.endpoint}
    api = ProviderServer(config=_config(tmp_path / "api", postgres_url, **s3)).start()
    ws = enroll(api, tmp_path / "workstation")
    try:
        sealed = ws.bundle(extra_bytes=200_000)
        url = _send(ws, sealed)
        upload_id = url.rsplit("/", 1)[1]
        objects = api.service.store.objects
        assert dict(objects.keys("uploads"))[f"uploads/{upload_id}"] == sealed.archive.stat().st_size
        (tmp_path / "worker").mkdir(mode=0o700)
        shutil.copytree(tmp_path / "api" / "keys", tmp_path / "worker" / "keys")  # the shared signing key
        worker = ProviderService(_config(tmp_path / "worker", postgres_url, **s3))
        try:
            assert not worker.store.upload_path(upload_id).exists()
            assert worker.jobs.claim_next() == upload_id
            assert worker.run_claimed(upload_id).status == "imported"
        finally:
            worker.close()
        assert f"uploads/{upload_id}" not in dict(objects.keys("uploads"))  # the copy is gone once done
        answer = TusUploader(ws.client).result(url, sealed.bundle_id)
        verify_receipt(answer["receipt"], api.service.store.key.public_pem(), bundle_id=sealed.bundle_id,
                       manifest_sha256=sealed.manifest_sha256)
        prefix = api.service.store.bundle_key(ws.key.fingerprint, sealed.bundle_id)
        assert any(key.endswith("manifest-sha256.txt") for key, _size in objects.keys(prefix))
    finally:
        ws.client.close()
        api.close()


def test_serve_imports_in_process_unless_told_to_leave_it_to_workers(tmp_path: Path):
    from assessor_app.cli import build_parser
    from assessor_app.provider.commands import service_config

    parser = build_parser()
    plain = service_config(parser.parse_args(["provider", "serve", "--folder", str(tmp_path)]))
    apart = service_config(parser.parse_args(["provider", "serve", "--folder", str(tmp_path),
                                              "--import-workers", "external"]))
    assert (plain.import_workers, apart.import_workers) == ("in-process", "external")
    with pytest.raises(SystemExit):
        parser.parse_args(["provider", "worker", "--lease-seconds", "never"])
