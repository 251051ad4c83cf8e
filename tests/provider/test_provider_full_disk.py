"""The provider on a real full (and a real read-only) file system: every route answers with a
reason, none with a 500, and it serves again as soon as space (or writing) is back."""

from __future__ import annotations

import subprocess
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from small_disk import fill, mount
from sqlalchemy import text
from sync_support import Sealed, Workstation, enroll, provider_code, workstation_key

from assessor_app.provider.server import ProviderServer
from assessor_app.provider.store import ProviderConfig
from assessor_app.sync.client import ProviderClient, TransientError
from assessor_app.sync.upload import TUS, TusUploader

RETRY_S = 7
FAULT = ("The provider cannot {doing} right now because {what}. This is the provider's fault, not the "
         "request's: try again later.")
DB_FULL = "its database cannot grow: the disk is full (database or disk is full)"
DISK_FULL = "its disk is full (No space left on device)"


def _checkpoint(server: ProviderServer) -> None:
    """Fold the write-ahead log into the database and empty it: the next write must grow a file."""
    with server.service.store.engine.connect() as conn:
        conn.execute(text("PRAGMA wal_checkpoint(TRUNCATE)"))


def _auth(ws: Workstation) -> dict[str, str]:
    return {"Authorization": f"Bearer {ws.client.token()}"}


def _provider_fault(answer: httpx.Response, status: int, doing: str = "do this", what: str = DB_FULL) -> None:
    assert answer.status_code == status, answer.text
    assert answer.headers["retry-after"] == str(RETRY_S)
    assert answer.json() == {"error": FAULT.format(doing=doing, what=what), "code": "provider_storage"}


def _recording(client: ProviderClient) -> list[httpx.Response]:
    seen: list[httpx.Response] = []

    def keep(response: httpx.Response) -> None:
        response.read()
        seen.append(response)

    client.http.event_hooks["response"].append(keep)
    return seen


class _Scene:
    """A provider on the small disk, one enrolled workstation, an upload half sent, another to cancel."""

    def __init__(self, disk: Path, tmp_path: Path):
        config = ProviderConfig(disk / "provider", fault_retry_after_s=RETRY_S)
        self.server = ProviderServer(config=config).start()
        self.url = self.server.url
        self.ws = enroll(self.server, tmp_path / "ws")
        self.sealed: Sealed = self.ws.bundle(extra_bytes=300_000)
        self.data = self.sealed.archive.read_bytes()
        uploader = TusUploader(self.ws.client)
        self.upload = uploader.create(self.sealed.archive, self.sealed.bundle_id, self.sealed.manifest_sha256)
        assert self._patch(0, self.data[:1000]).status_code == 204
        other = self.ws.bundle()
        self.cancel = uploader.create(other.archive, other.bundle_id, other.manifest_sha256)
        # a second workstation waits to enroll with its code, while the disk is full
        self.code = provider_code(self.server.service)
        self.newcomer = ProviderClient(self.url, workstation_key(tmp_path / "ws2" / "keys"))
        self.newcomer_answers = _recording(self.newcomer)

    def _patch(self, offset: int, data: bytes) -> httpx.Response:
        return httpx.patch(self.upload, content=data, headers={
            **_auth(self.ws), **TUS, "Upload-Offset": str(offset),
            "Content-Type": "application/offset+octet-stream"})

    def close(self) -> None:
        self.ws.client.close()
        self.newcomer.close()
        self.server.close()


@pytest.fixture
def scene(small_disk: Path, tmp_path: Path, fast_bundles: None) -> Iterator[_Scene]:
    scene = _Scene(small_disk, tmp_path)
    yield scene
    scene.close()


def test_every_route_on_a_full_disk_answers_with_a_reason_and_serves_again_once_freed(
        scene: _Scene, small_disk: Path):
    url, ws = scene.url, scene.ws
    auth = _auth(ws)  # signed in before the disk fills
    _checkpoint(scene.server)
    filler = fill(small_disk)

    # reading needs no space
    assert httpx.get(f"{url}/health").status_code == 200
    assert httpx.get(f"{url}/provider-key").status_code == 200
    assert httpx.get(f"{url}/openapi.json").status_code == 200
    assert httpx.get(f"{url}/bundles", headers=auth).json() == {"bundles": [], "next": None}
    assert httpx.get(f"{url}/bundles/{scene.sealed.bundle_id}/receipt", headers=auth).status_code == 404
    assert httpx.post(f"{url}/reconcile", json={"digest": "x"}, headers=auth).status_code == 200
    assert httpx.options(f"{url}/files").status_code == 204
    head = httpx.head(scene.upload, headers={**auth, **TUS})
    assert head.status_code == 200 and head.headers["upload-offset"] == "1000"
    assert httpx.get(f"{scene.upload}/result", headers=auth).json()["status"] == "receiving"

    # writing is the provider's fault, said so, with a time to come back
    with pytest.raises(TransientError):
        scene.newcomer.enroll(scene.code)
    _provider_fault(scene.newcomer_answers[-1], 503)
    signing_in = ProviderClient(url, ws.key, provider_key_id=ws.client.provider_key_id)
    answers = _recording(signing_in)
    with pytest.raises(TransientError):
        signing_in.token()
    _provider_fault(answers[-1], 503)
    created = httpx.post(f"{url}/files", headers={**auth, **TUS, "Upload-Length": "5000",
                                                  "Upload-Metadata": _metadata("new-bundle")})
    _provider_fault(created, 507)  # tus: the provider cannot store the upload
    _provider_fault(scene._patch(1000, scene.data[1000:]), 507, "store the chunk", DISK_FULL)
    _provider_fault(httpx.delete(scene.cancel, headers={**auth, **TUS}), 503)
    assert httpx.head(scene.upload, headers={**auth, **TUS}).headers["upload-offset"] == "1000"

    # space again: everything that failed now succeeds, nothing was half done
    filler.unlink()
    scene.newcomer.enroll(scene.code)  # the code was not spent by the failed attempt
    assert signing_in.token()
    signing_in.close()
    assert scene._patch(1000, scene.data[1000:]).status_code == 204
    result = TusUploader(ws.client).result(scene.upload, scene.sealed.bundle_id)
    assert result["status"] == "imported" and result["receipt"]["payloadType"]
    assert httpx.delete(scene.cancel, headers={**_auth(ws), **TUS}).status_code == 204
    again = httpx.post(f"{url}/files", headers={**_auth(ws), **TUS, "Upload-Length": "5000",
                                                "Upload-Metadata": _metadata("new-bundle")})
    assert again.status_code == 201


def _remount(where: Path, mode: str) -> None:
    remounted = mount("-o", f"remount,{mode}", str(where))
    if remounted.returncode != 0:
        pytest.skip(f"the tmpfs cannot be remounted {mode} here: {remounted.stderr.strip()}")


def test_a_read_only_provider_folder_is_the_providers_fault_and_it_serves_again_after(
        scene: _Scene, small_disk: Path):
    url, ws = scene.url, scene.ws
    auth = _auth(ws)
    scene.server.service.store.engine.dispose()  # no file open for writing: the mount can go read-only
    _remount(small_disk, "ro")
    try:
        health = httpx.get(f"{url}/health")
        answers = {
            "bundles": httpx.get(f"{url}/bundles", headers=auth),
            "reconcile": httpx.post(f"{url}/reconcile", json={"digest": "x"}, headers=auth),
            "create": httpx.post(f"{url}/files", headers={**auth, **TUS, "Upload-Length": "5000",
                                                          "Upload-Metadata": _metadata("ro-bundle")}),
            "head": httpx.head(scene.upload, headers={**auth, **TUS}),
            "patch": scene._patch(1000, scene.data[1000:]),
            "delete": httpx.delete(scene.cancel, headers={**auth, **TUS}),
            "result": httpx.get(f"{scene.upload}/result", headers=auth),
        }
    finally:
        _remount(small_disk, "rw")
    assert health.status_code == 200
    # SQLite cannot open its write-ahead log on a read-only folder: no request reaches further
    unavailable = FAULT.format(doing="do this", what="its database is not available (unable to open database "
                                                     "file)")
    for route, answer in answers.items():
        assert answer.status_code == 503, (route, answer.text)
        assert answer.headers["retry-after"] == str(RETRY_S)
        if route == "head":
            assert answer.headers["assessor-error"] == unavailable
        else:
            assert answer.json() == {"error": unavailable, "code": "provider_storage"}, route

    # writable again: the same requests succeed
    assert scene._patch(1000, scene.data[1000:]).status_code == 204
    assert TusUploader(ws.client).result(scene.upload, scene.sealed.bundle_id)["status"] == "imported"
    assert httpx.delete(scene.cancel, headers={**_auth(ws), **TUS}).status_code == 204


def test_a_read_only_uploads_folder_is_the_providers_fault_and_uploads_resume_after(
        small_disk: Path, tmp_path: Path, fast_bundles: None):
    uploads = small_disk / "provider" / "uploads"  # a file system of its own; the database stays writable
    uploads.mkdir(parents=True)
    mounted = mount("-t", "tmpfs", "-o", "size=4m,mode=0700", "tmpfs", str(uploads))
    assert mounted.returncode == 0, mounted.stderr
    scene = _Scene(small_disk, tmp_path)
    try:
        url, ws = scene.url, scene.ws
        auth = _auth(ws)
        _remount(uploads, "ro")
        try:
            created = httpx.post(f"{url}/files", headers={**auth, **TUS, "Upload-Length": "5000",
                                                          "Upload-Metadata": _metadata("ro-bundle")})
            patched = scene._patch(1000, scene.data[1000:])
            head = httpx.head(scene.upload, headers={**auth, **TUS})
            result = httpx.get(f"{scene.upload}/result", headers=auth)
        finally:
            _remount(uploads, "rw")
        read_only = "its storage is read-only (Read-only file system)"
        _provider_fault(created, 503, what=read_only)
        _provider_fault(patched, 507, "store the chunk", read_only)
        assert head.status_code == 200 and head.headers["upload-offset"] == "1000"
        assert result.status_code == 200 and result.json()["status"] == "receiving"

        assert scene._patch(1000, scene.data[1000:]).status_code == 204
        assert TusUploader(ws.client).result(scene.upload, scene.sealed.bundle_id)["status"] == "imported"
    finally:
        scene.close()
        subprocess.run(["umount", "-l", str(uploads)], capture_output=True, timeout=30)


def _metadata(bundle_id: str) -> str:
    import base64

    return ",".join(f"{k} {base64.b64encode(v.encode()).decode()}"
                    for k, v in (("bundle_id", bundle_id), ("manifest_sha256", "b" * 64)))
