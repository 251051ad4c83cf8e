"""tus uploads at scale: chunks received as an object store's multipart parts, so any API process,
on any machine, resumes an upload; and a PATCH holds no pooled database connection while its body
streams (its lock on the upload is on a connection of the process's own).

On PostgreSQL (a throwaway cluster) with a real SeaweedFS S3 gateway, access keys configured.
"""

from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest
from postgres_support import advisory_locks
from seaweed_support import Seaweed
from sqlalchemy import text
from sqlalchemy.exc import OperationalError
from sync_support import Workstation, enroll

from assessor_app.provider.database import make_engine
from assessor_app.provider.import_worker import ImportWorker
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import EXTERNAL, ProviderConfig, ProviderError
from assessor_app.provider.upload_locks import UploadLocks
from assessor_app.provider.upload_parts import MIN_PART_BYTES, piece_prefix, upload_key
from assessor_app.sync.receipts import verify_receipt
from assessor_app.sync.upload import TusUploader

TUS = {"Tus-Resumable": "1.0.0"}
OCTETS = "application/offset+octet-stream"
PART = MIN_PART_BYTES


def _config(folder: Path, postgres_url: str, store: Seaweed, part: int = PART) -> ProviderConfig:
    return ProviderConfig(folder, database_url=postgres_url, import_workers=EXTERNAL,
                          object_store=f"s3://{store.bucket}", s3_endpoint=store.endpoint,
                          upload_part_bytes=part)


@pytest.fixture
def s3(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Seaweed:
    store: Seaweed = request.getfixturevalue("seaweed")
    store.environ(monkeypatch)
    return store


@pytest.fixture
def two_machines(postgres_url: str, s3: Seaweed, tmp_path: Path) -> Iterator[tuple[ProviderServer, ...]]:
    """Two API processes with folders of their own (no shared uploads/), one database, one bucket."""
    first = ProviderServer(config=_config(tmp_path / "api-1", postgres_url, s3)).start()
    (tmp_path / "api-2").mkdir(mode=0o700)
    shutil.copytree(tmp_path / "api-1" / "keys", tmp_path / "api-2" / "keys")
    second = ProviderServer(config=_config(tmp_path / "api-2", postgres_url, s3)).start()
    yield first, second
    second.close()
    first.close()


def _patch(server: ProviderServer, ws: Workstation, upload_id: str, offset: int,
           chunk: bytes) -> httpx.Response:
    return httpx.patch(f"{server.url}/files/{upload_id}", content=chunk, timeout=60, headers={
        **TUS, "Upload-Offset": str(offset), "Content-Type": OCTETS,
        "Authorization": f"Bearer {ws.client.token()}"})


def _parts(s3: Seaweed, upload_id: str) -> list[int]:
    client: Any = s3.client()
    listed = client.list_multipart_uploads(Bucket=s3.bucket, Prefix=upload_key(upload_id))
    uploads = [u for u in listed.get("Uploads", ()) if u["Key"] == upload_key(upload_id)]
    if not uploads:
        return []
    parts = client.list_parts(Bucket=s3.bucket, Key=upload_key(upload_id), UploadId=uploads[0]["UploadId"])
    return [int(p["Size"]) for p in sorted(parts.get("Parts", ()), key=lambda p: p["PartNumber"])]


def _pieces(server: ProviderServer, upload_id: str) -> dict[str, int]:
    return dict(server.service.store.objects.keys(piece_prefix(upload_id)))


def test_chunks_go_up_as_parts_and_another_machine_resumes_the_upload(
        two_machines: tuple[ProviderServer, ProviderServer], s3: Seaweed, postgres_url: str, tmp_path: Path):
    first, second = two_machines
    ws = enroll(first, tmp_path / "workstation")
    try:
        sealed = ws.bundle(extra_bytes=2 * PART + PART // 2)
        uploader = TusUploader(ws.client)
        url = uploader.create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
        upload_id = url.rsplit("/", 1)[1]
        body = sealed.archive.read_bytes()
        # chunks of all kinds, alternating machines: inside a part, across one, across two
        cuts = [0, 1_000_000, PART - 10, PART + 200_000, (2 * PART + len(body)) // 2, len(body)]
        for n, (at, end) in enumerate(zip(cuts, cuts[1:], strict=False)):
            server = (first, second)[n % 2]
            answer = _patch(server, ws, upload_id, at, body[at:end])
            assert answer.status_code == 204, answer.text
            assert answer.headers["upload-offset"] == str(end)
            if end == len(body):
                break
            whole = end // PART
            assert _parts(s3, upload_id)[:whole] == [PART] * whole  # confirmed bytes are in the store
            tail = end - whole * PART
            assert sum(size for key, size in _pieces(server, upload_id).items()
                       if int(key.rsplit("/", 1)[1]) >= whole * PART) >= tail
        objects = first.service.store.objects
        assert objects.read(upload_key(upload_id), len(body) + 1) == body  # joined, byte for byte
        assert _pieces(first, upload_id) == {}  # folded into the object, then removed
        assert _parts(s3, upload_id) == []  # no multipart upload left open
        assert not first.service.store.upload_path(upload_id).exists()  # it received the last chunk
        # an import worker on the second machine imports it: the spool that machine kept is not the
        # archive, which comes from the object store
        assert second.service.store.upload_path(upload_id).stat().st_size < len(body)
        worker = ProviderService(_config(tmp_path / "api-2", postgres_url, s3))
        try:
            assert worker.jobs.claim_next() == upload_id
            assert worker.run_claimed(upload_id).status == "imported"
        finally:
            worker.close()
        answer = uploader.result(url, sealed.bundle_id)
        verify_receipt(answer["receipt"], first.service.store.key.public_pem(), bundle_id=sealed.bundle_id,
                       manifest_sha256=sealed.manifest_sha256)
    finally:
        ws.client.close()


def _begun(server: ProviderServer, ws: Workstation, first_chunk: int) -> tuple[str, bytes]:
    """An upload of a bundle of one and a half parts, its first chunk received; its id and bytes."""
    sealed = ws.bundle(extra_bytes=PART + PART // 2)
    url = TusUploader(ws.client).create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    upload_id = url.rsplit("/", 1)[1]
    body = sealed.archive.read_bytes()
    assert _patch(server, ws, upload_id, 0, body[:first_chunk]).status_code == 204
    return upload_id, body


def test_a_retried_chunk_overwrites_what_an_unconfirmed_attempt_left(
        two_machines: tuple[ProviderServer, ProviderServer], s3: Seaweed, tmp_path: Path):
    """An attempt whose parts and piece went up but whose offset was never confirmed (its process
    died before the database heard of it) leaves them behind; the retry from the confirmed offset
    on another machine reads only confirmed bytes and the joined archive is exact."""
    first, second = two_machines
    ws = enroll(first, tmp_path / "workstation")
    try:
        upload_id, body = _begun(first, ws, 700_000)
        # what an attempt from 700,000 that died before its confirmation would have left: the
        # multipart upload begun, part 1 and a piece past it (junk here, to tell them apart)
        objects: Any = first.service.store.objects
        row = first.service.upload(upload_id)
        assert row is not None
        parts_id = first.service.shared._start_parts(row)
        objects.put_part(upload_key(upload_id), parts_id, 1, b"\0" * PART)
        objects.put_bytes(f"{piece_prefix(upload_id)}/{PART:015d}", b"\0" * 1000)
        answer = _patch(second, ws, upload_id, 700_000, body[700_000:])
        assert answer.status_code == 204, answer.text
        assert objects.read(upload_key(upload_id), len(body) + 1) == body
        # the first machine's spool of it is left over: its cleanup removes it at the next pass
        assert first.service.store.upload_path(upload_id).exists()
        assert first.service.expire_abandoned_uploads() == 1
        assert not first.service.store.upload_path(upload_id).exists()
    finally:
        ws.client.close()


def test_the_last_chunk_again_after_its_confirmation_failed(
        two_machines: tuple[ProviderServer, ProviderServer], s3: Seaweed, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch):
    """The parts were joined but the database went away before the offset was confirmed: the
    workstation sends the last chunk again (here to the other machine), which finds the archive
    joined and confirms it."""
    first, second = two_machines
    ws = enroll(first, tmp_path / "workstation")
    try:
        upload_id, body = _begun(first, ws, 700_000)
        confirm = first.service.confirm_offset

        def database_gone(upload_id: str, old: int, new: int, *, complete: bool = False) -> None:
            if complete:
                raise OperationalError("UPDATE uploads", {}, Exception("server closed the connection"))
            confirm(upload_id, old, new, complete=complete)

        monkeypatch.setattr(first.service, "confirm_offset", database_gone)
        failed = _patch(first, ws, upload_id, 700_000, body[700_000:])
        assert failed.status_code == 503 and "Retry-After" in failed.headers, failed.text
        objects: Any = first.service.store.objects
        assert objects.size(upload_key(upload_id)) == len(body)  # joined, not confirmed
        row = first.service.upload(upload_id)
        assert row is not None and row.offset == 700_000 and row.status == "receiving"
        again = _patch(second, ws, upload_id, 700_000, body[700_000:])
        assert again.status_code == 204, again.text
        assert objects.read(upload_key(upload_id), len(body) + 1) == body
        assert _pieces(second, upload_id) == {}
    finally:
        ws.client.close()


def test_a_terminated_upload_leaves_no_parts_or_pieces(
        two_machines: tuple[ProviderServer, ProviderServer], s3: Seaweed, tmp_path: Path):
    first, _ = two_machines
    ws = enroll(first, tmp_path / "workstation")
    try:
        sealed = ws.bundle(extra_bytes=2 * PART)
        url = TusUploader(ws.client).create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
        upload_id = url.rsplit("/", 1)[1]
        body = sealed.archive.read_bytes()
        assert _patch(first, ws, upload_id, 0, body[:PART + 5000]).status_code == 204
        assert _parts(s3, upload_id) == [PART] and _pieces(first, upload_id)
        gone = ws.client.send("DELETE", url, headers=TUS)
        assert gone.status_code == 204, gone.text
        assert _parts(s3, upload_id) == [] and _pieces(first, upload_id) == {}
        assert not first.service.store.upload_path(upload_id).exists()
    finally:
        ws.client.close()


def test_a_part_size_s3_refuses_is_named_at_start(postgres_url: str, s3: Seaweed, tmp_path: Path):
    with pytest.raises(ProviderError, match="--upload-part-mib"):
        ProviderService(_config(tmp_path / "p", postgres_url, s3, part=1024 * 1024))


# ---------------------------------------------------------------- the lock on its own connection
def _paused_patch(server: ProviderServer, ws: Workstation, upload_id: str, body: bytes,
                  go_on: threading.Event, sent: threading.Event, pool: ThreadPoolExecutor) -> Any:
    half = len(body) // 2

    def paused() -> Iterator[bytes]:
        yield body[:half]
        sent.set()
        go_on.wait(60)
        yield body[half:]

    return pool.submit(httpx.patch, f"{server.url}/files/{upload_id}", content=paused(), timeout=90, headers={
        **TUS, "Upload-Offset": "0", "Content-Type": OCTETS, "Content-Length": str(len(body)),
        "Authorization": f"Bearer {ws.client.token()}"})


def test_patches_streaming_in_hold_no_pooled_connection(postgres_url: str, tmp_path: Path):
    """More PATCHes at once than the request pool has connections (pool_size + max_overflow) all
    stream in, and none holds a pooled connection while its body arrives."""
    server = ProviderServer(config=ProviderConfig(
        tmp_path / "provider", database_url=postgres_url, import_workers=EXTERNAL,
        max_open_uploads_per_device=100)).start()
    engine = server.service.store.engine
    at_once = engine.pool.size() + engine.pool._max_overflow + 4  # type: ignore[attr-defined]
    ws = enroll(server, tmp_path / "workstation")
    go_on = threading.Event()
    try:
        sealed = [ws.bundle(extra_bytes=50_000) for _ in range(at_once)]
        uploads = [TusUploader(ws.client).create(s.archive, s.bundle_id, s.manifest_sha256).rsplit("/", 1)[1]
                   for s in sealed]
        events = [threading.Event() for _ in sealed]
        with ThreadPoolExecutor(at_once) as pool:
            writing = [_paused_patch(server, ws, u, s.archive.read_bytes(), go_on, e, pool)
                       for u, s, e in zip(uploads, sealed, events, strict=True)]
            assert all(e.wait(60) for e in events)
            _until_locked(postgres_url, at_once)  # every PATCH holds its upload: all are streaming
            samples = []
            for _ in range(20):  # the provider's own background threads may take one now and then
                samples.append(engine.pool.checkedout())  # type: ignore[attr-defined]
                time.sleep(0.05)
            go_on.set()
            answers = [w.result(90) for w in writing]
        assert [a.status_code for a in answers] == [204] * at_once, [a.text for a in answers
                                                                     if a.status_code != 204]
        assert min(samples) == 0, samples
    finally:
        go_on.set()
        ws.client.close()
        server.close()


def _until_locked(postgres_url: str, count: int) -> None:
    deadline = time.monotonic() + 60
    while (held := advisory_locks(postgres_url)) < count:
        assert time.monotonic() < deadline, f"{held} of {count} PATCHes hold their upload"
        time.sleep(0.05)


def test_a_patch_that_lost_its_lock_confirms_nothing_and_the_next_one_goes_on(postgres_url: str,
                                                                               tmp_path: Path):
    server = ProviderServer(config=ProviderConfig(tmp_path / "provider", database_url=postgres_url,
                                                  import_workers=EXTERNAL)).start()
    ws = enroll(server, tmp_path / "workstation")
    go_on, sent = threading.Event(), threading.Event()
    try:
        sealed = ws.bundle(extra_bytes=400_000)
        url = TusUploader(ws.client).create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
        upload_id = url.rsplit("/", 1)[1]
        body = sealed.archive.read_bytes()
        with ThreadPoolExecutor(1) as pool:
            writing = _paused_patch(server, ws, upload_id, body, go_on, sent, pool)
            assert sent.wait(60)
            _until_locked(postgres_url, 1)  # the PATCH holds its upload's lock
            admin = make_engine(postgres_url)
            try:
                with admin.connect() as conn:  # the lock connection dies (a network fault, a restart)
                    ended = conn.execute(text(
                        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                        "WHERE application_name = 'assessor-provider-upload-locks'")).scalars().all()
            finally:
                admin.dispose()
            assert ended == [True]
            go_on.set()
            refused = writing.result(90)
        assert refused.status_code == 503, refused.text
        assert "Retry-After" in refused.headers and "HEAD" in refused.text
        row = server.service.upload(upload_id)
        assert row is not None and row.offset == 0  # nothing of the chunk was confirmed
        again = _patch(server, ws, upload_id, 0, body)  # a new lock connection
        assert again.status_code == 204, again.text
        stop = threading.Event()
        worker = threading.Thread(target=ImportWorker(server.service, poll_s=0.1).run, args=(stop,))
        worker.start()
        try:
            answer = TusUploader(ws.client).result(url, sealed.bundle_id)
        finally:
            stop.set()
            worker.join(60)
        assert answer["status"] == "imported"
    finally:
        go_on.set()
        ws.client.close()
        server.close()


def test_a_lock_connection_dropped_while_it_comes_up_is_opened_again(postgres_url: str,
                                                                     monkeypatch: pytest.MonkeyPatch):
    engine = make_engine(postgres_url)
    here, there = UploadLocks(engine), UploadLocks(engine)  # two API processes
    connect, dropped = here._engine.connect, []

    def drops_once() -> Any:
        if not dropped:
            dropped.append(True)
            raise OperationalError("connect", {}, Exception("server closed the connection unexpectedly"))
        return connect()

    monkeypatch.setattr(here._engine, "connect", drops_once)
    try:
        key = here.acquire("upload-1")
        assert dropped == [True] and key is not None  # the second connection holds the lock
        assert here.still_held(key)
        assert there.acquire("upload-1") is None  # the other process is kept out
        here.release(key)
        again = there.acquire("upload-1")
        assert again is not None
        there.release(again)
    finally:
        here.close()
        there.close()
        engine.dispose()
