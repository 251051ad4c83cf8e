"""The last chunk is answered at once and the import runs on; a chunk cut off leaves nothing behind."""

from __future__ import annotations

import base64
import hashlib
import socket
import threading
import time
from typing import Any
from urllib.parse import urlsplit

import pytest
from sync_support import Workstation

from assessor_app.provider.server import ProviderServer
from assessor_app.sync.upload import TUS, TusUploader


def _patch(ws: Workstation, url: str, offset: int, data: bytes) -> Any:
    digest = base64.b64encode(hashlib.sha256(data).digest()).decode()
    return ws.client.send("PATCH", url, content=data, headers={
        **TUS, "Upload-Offset": str(offset), "Upload-Checksum": f"sha256 {digest}",
        "Content-Type": "application/offset+octet-stream"})


def _result(ws: Workstation, url: str, wait: int) -> Any:
    return ws.client.send("GET", f"{url}/result", params={"wait": wait})


@pytest.fixture
def held_import(provider: ProviderServer, monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """Imports wait until the returned event is set (the provider's importer, held at its door)."""
    release = threading.Event()
    real = provider.service.importer.import_archive

    def held(*args: object, **kwargs: object) -> Any:
        assert release.wait(30), "the test never released the import"
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(provider.service.importer, "import_archive", held)
    return release


def test_the_last_chunk_is_answered_before_the_import_and_the_result_is_polled(
        provider: ProviderServer, workstation: Workstation, held_import: threading.Event):
    sealed = workstation.bundle(extra_bytes=50_000)
    data = sealed.archive.read_bytes()
    url = TusUploader(workstation.client).create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    last = _patch(workstation, url, 0, data)
    # 204 while the import cannot even have started: tus answers the last PATCH like any other
    assert last.status_code == 204 and last.headers["assessor-import"] == "started"
    assert last.headers["upload-offset"] == str(len(data))
    waiting = _result(workstation, url, 0)
    assert waiting.status_code == 200 and waiting.json()["status"] == "importing"
    assert waiting.headers["retry-after"] == "1"
    assert _patch(workstation, url, len(data), b"").status_code == 409  # complete: nothing to add
    held_import.set()
    done = _result(workstation, url, 30)
    assert done.json()["status"] == "imported" and done.json()["receipt"]["payloadType"]
    assert provider.service.importer.held(sealed.bundle_id, workstation.key.fingerprint) is not None


def test_the_uploader_waits_for_a_long_import(provider: ProviderServer, workstation: Workstation,
                                              held_import: threading.Event):
    sealed = workstation.bundle()
    release = threading.Timer(1.5, held_import.set)  # an import longer than one long poll's answer
    uploader = TusUploader(workstation.client)
    release.start()
    try:
        result = uploader.upload(sealed.archive, bundle_id=sealed.bundle_id,
                                 manifest_sha256=sealed.manifest_sha256)
    finally:
        release.cancel()
    assert result["status"] == "imported"


def test_a_failed_import_is_a_503_and_asking_again_retries_it(provider: ProviderServer,
                                                              workstation: Workstation,
                                                              monkeypatch: pytest.MonkeyPatch):
    sealed = workstation.bundle()
    real = provider.service.importer.import_archive
    disk_full = threading.Event()
    disk_full.set()  # every import fails until the disk is "freed", however many are tried meanwhile

    def flaky(*args: object, **kwargs: object) -> Any:
        if disk_full.is_set():
            raise OSError(28, "No space left on device")
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(provider.service.importer, "import_archive", flaky)
    url = TusUploader(workstation.client).create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    assert _patch(workstation, url, 0, sealed.archive.read_bytes()).status_code == 204
    failed = _result(workstation, url, 30)
    assert failed.status_code == 503 and "No space left on device" in failed.json()["error"]
    disk_full.clear()
    answer = _result(workstation, url, 30)  # asking again retries the import
    assert answer.status_code == 200 and answer.json()["status"] == "imported"
    assert provider.service.importer.quarantined() == []  # a failing disk is not the bundle's fault


def test_a_chunk_cut_off_midway_is_not_kept_and_the_upload_goes_on(provider: ProviderServer,
                                                                    workstation: Workstation):
    sealed = workstation.bundle(extra_bytes=3_000_000)  # several of the receiver's batches
    data = sealed.archive.read_bytes()
    uploader = TusUploader(workstation.client)
    url = uploader.create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    digest = base64.b64encode(hashlib.sha256(data).digest()).decode()
    address = urlsplit(url)
    head = (f"PATCH {address.path} HTTP/1.1\r\nHost: {address.netloc}\r\nTus-Resumable: 1.0.0\r\n"
            f"Authorization: Bearer {workstation.client.token()}\r\nUpload-Offset: 0\r\n"
            f"Upload-Checksum: sha256 {digest}\r\nContent-Type: application/offset+octet-stream\r\n"
            f"Content-Length: {len(data)}\r\n\r\n").encode()
    with socket.create_connection((address.hostname, address.port)) as raw:
        raw.sendall(head + data[: len(data) * 2 // 3])  # two thirds, then the line drops
    part = provider.service.store.upload_path(url.rsplit("/", 1)[1])
    deadline = time.monotonic() + 20
    while True:  # the provider notices the cut on its own time: the upload is busy (423) until then
        answer = _patch(workstation, url, 0, data)
        if answer.status_code != 423 or time.monotonic() > deadline:
            break
        time.sleep(0.02)
    assert answer.status_code == 204, answer.text  # from offset 0: the cut-off part was never confirmed
    assert uploader.result(url, sealed.bundle_id)["status"] == "imported"
    assert not part.exists()  # received whole, imported, and the upload's file removed
