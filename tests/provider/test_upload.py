"""tus uploads of sealed bundles: receipts, idempotence, resume, and every refusal."""

from __future__ import annotations

import base64
import hashlib
import io
import shutil
import stat
import tarfile
from pathlib import Path

import httpx
import pytest
from sync_support import Workstation, enroll, make_bundle, workstation_key

from assessor_app.provider.server import ProviderServer
from assessor_app.provider.store import ProviderConfig
from assessor_app.sync.client import SyncError
from assessor_app.sync.receipts import verify_receipt
from assessor_app.sync.upload import TUS, BundleRefused, TusUploader


def _stored(provider: ProviderServer) -> list[str]:
    """The bundle ids stored, in every workstation's folder (bundles/<workstation>/<bundle id>)."""
    return sorted(p.name for d in provider.service.store.bundles_dir.iterdir() for p in d.iterdir())


def _alive(provider: ProviderServer) -> None:
    assert httpx.get(f"{provider.url}/health").json()["status"] == "ok"


def test_options_announce_tus_and_its_extensions(provider: ProviderServer):
    answer = httpx.options(f"{provider.url}/files")
    assert answer.status_code == 204
    assert answer.headers["tus-version"] == "1.0.0"
    assert set(answer.headers["tus-extension"].split(",")) == {"creation", "checksum", "termination"}
    assert "sha256" in answer.headers["tus-checksum-algorithm"]


def test_an_upload_is_imported_and_receipted_by_the_provider_key(provider: ProviderServer,
                                                                  workstation: Workstation):
    sealed = workstation.bundle(extra_bytes=200_000)
    uploader = TusUploader(workstation.client, chunk_size=50_000)
    seen: list[int] = []
    result = uploader.upload(sealed.archive, bundle_id=sealed.bundle_id,
                             manifest_sha256=sealed.manifest_sha256, on_progress=lambda d, _t: seen.append(d))
    statement = verify_receipt(result["receipt"], provider.service.store.key.public_pem(),
                               bundle_id=sealed.bundle_id, manifest_sha256=sealed.manifest_sha256)
    assert statement["device_key_id"] == workstation.key.fingerprint and statement["received"].endswith("Z")
    assert seen[-1] == sealed.archive.stat().st_size and seen == sorted(seen) and len(seen) > 3
    assert _stored(provider) == [sealed.bundle_id]
    assert uploader.stats.sent == sealed.archive.stat().st_size  # nothing sent twice


def test_the_same_bundle_again_is_acknowledged_with_the_same_receipt(provider: ProviderServer,
                                                                     workstation: Workstation):
    sealed = workstation.bundle()
    first = TusUploader(workstation.client).upload(
        sealed.archive, bundle_id=sealed.bundle_id, manifest_sha256=sealed.manifest_sha256)
    again = TusUploader(workstation.client)
    second = again.upload(sealed.archive, bundle_id=sealed.bundle_id,
                          manifest_sha256=sealed.manifest_sha256)
    assert second["receipt"] == first["receipt"] and again.stats.sent == 0
    assert _stored(provider) == [sealed.bundle_id]
    assert workstation.client.receipt(sealed.bundle_id)["receipt"] == first["receipt"]


def test_a_different_bundle_under_a_held_id_is_refused(provider: ProviderServer, workstation: Workstation):
    sealed = workstation.bundle()
    TusUploader(workstation.client).upload(sealed.archive, bundle_id=sealed.bundle_id,
                                           manifest_sha256=sealed.manifest_sha256)
    other = make_bundle(workstation.folder / "other", workstation.key, bundle_id=sealed.bundle_id,
                        extra_bytes=10)
    with pytest.raises(SyncError) as refused:
        TusUploader(workstation.client).upload(other.archive, bundle_id=other.bundle_id,
                                               manifest_sha256=other.manifest_sha256)
    assert refused.value.status == 409 and "another manifest" in str(refused.value)
    assert _stored(provider) == [sealed.bundle_id]


def test_an_upload_resumes_from_the_confirmed_offset(provider: ProviderServer, workstation: Workstation):
    sealed = workstation.bundle(extra_bytes=300_000)
    size = sealed.archive.stat().st_size
    first = TusUploader(workstation.client, chunk_size=100_000)
    urls: list[str | None] = []

    def stop_after_two(done: int, _total: int) -> None:
        if done >= 200_000:
            first.stop.set()  # the line drops (or the workshop closes) after two chunks

    with pytest.raises(SyncError):
        first.upload(sealed.archive, bundle_id=sealed.bundle_id, manifest_sha256=sealed.manifest_sha256,
                     on_url=urls.append, on_progress=stop_after_two)
    assert first.offset(urls[-1]) == 200_000
    second = TusUploader(workstation.client, chunk_size=100_000)
    second.upload(sealed.archive, bundle_id=sealed.bundle_id, manifest_sha256=sealed.manifest_sha256,
                  url=urls[-1])
    assert second.stats.sent == size - 200_000
    # and without the URL (a lost outbox row): creation hands back the same unfinished upload
    assert _stored(provider) == [sealed.bundle_id]


def test_a_lost_upload_url_is_found_again_by_bundle_id(provider: ProviderServer, workstation: Workstation):
    sealed = workstation.bundle(extra_bytes=100_000)
    uploader = TusUploader(workstation.client, chunk_size=50_000)
    url = uploader.create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    assert uploader.create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256) == url


def _patch(ws: Workstation, url: str, offset: int, data: bytes, checksum: str | None) -> httpx.Response:
    headers = {**TUS, "Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"}
    if checksum:
        headers["Upload-Checksum"] = checksum
    return ws.client.send("PATCH", url, content=data, headers=headers)


def test_a_wrong_chunk_checksum_is_460_and_nothing_is_kept(provider: ProviderServer,
                                                           workstation: Workstation):
    sealed = workstation.bundle()
    uploader = TusUploader(workstation.client)
    url = uploader.create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    data = sealed.archive.read_bytes()[:4096]
    wrong = base64.b64encode(hashlib.sha256(b"something else").digest()).decode()
    answer = _patch(workstation, url, 0, data, f"sha256 {wrong}")
    assert answer.status_code == 460 and "Checksum Mismatch" in answer.json()["error"]
    assert uploader.offset(url) == 0
    unknown = _patch(workstation, url, 0, data, "md5 AAAA")
    assert unknown.status_code == 400 and "not supported" in unknown.json()["error"]
    right = base64.b64encode(hashlib.sha256(data).digest()).decode()
    assert _patch(workstation, url, 0, data, f"sha256 {right}").status_code == 204
    assert _patch(workstation, url, 0, data, None).status_code == 409  # offset moved on
    _alive(provider)


def test_oversize_uploads_are_refused(tmp_path: Path):
    key = workstation_key(tmp_path / "w" / "keys")
    tiny = make_bundle(tmp_path / "w", key)
    big = make_bundle(tmp_path / "w", key, extra_bytes=100_000)
    limit = tiny.archive.stat().st_size + 5
    with ProviderServer(config=ProviderConfig(tmp_path / "p", max_upload_bytes=limit)) as small:
        ws = enroll(small, tmp_path / "w")
        with pytest.raises(SyncError) as refused:
            TusUploader(ws.client).upload(big.archive, bundle_id=big.bundle_id,
                                          manifest_sha256=big.manifest_sha256)
        assert refused.value.status == 413 and f"limit of {limit} bytes" in str(refused.value)
        url = TusUploader(ws.client).create(tiny.archive, tiny.bundle_id, tiny.manifest_sha256)
        too_much = tiny.archive.read_bytes() + b"x" * 10
        assert _patch(ws, url, 0, too_much, None).status_code == 413
        assert _stored(small) == []
        _alive(small)


def _quarantined(provider: ProviderServer, ws: Workstation, archive: Path, bundle_id: str,
                 manifest: str) -> str:
    with pytest.raises(BundleRefused) as refused:
        TusUploader(ws.client, chunk_size=64 * 1024).upload(archive, bundle_id=bundle_id,
                                                            manifest_sha256=manifest)
    assert refused.value.status == 422
    assert _stored(provider) == []
    rows = provider.service.importer.quarantined()
    assert rows and rows[0].reason in str(refused.value)
    _alive(provider)
    return str(refused.value)


def _writable_copy(folder: Path, where: Path) -> Path:
    target = where / folder.name
    shutil.copytree(folder, target)
    for p in target.rglob("*"):
        p.chmod(p.stat().st_mode | stat.S_IWUSR)
    return target


def test_a_tampered_bundle_is_quarantined_with_the_reason(provider: ProviderServer, workstation: Workstation,
                                                         tmp_path: Path):
    from assessor_app.evidence.archive import write_archive

    sealed = workstation.bundle()
    copy = _writable_copy(sealed.folder, tmp_path / "tampered")
    record = copy / "data/record.json"
    data = bytearray(record.read_bytes())
    data[len(data) // 2] ^= 0x01
    record.write_bytes(bytes(data))
    archive = write_archive(copy, tmp_path / "tampered.tar")
    reason = _quarantined(provider, workstation, archive, sealed.bundle_id, sealed.manifest_sha256)
    assert "data/record.json was modified" in reason


def test_a_truncated_bundle_is_quarantined(provider: ProviderServer, workstation: Workstation,
                                           tmp_path: Path):
    sealed = workstation.bundle(extra_bytes=50_000)
    cut = tmp_path / "cut.tar"
    cut.write_bytes(sealed.archive.read_bytes()[:30_000])
    reason = _quarantined(provider, workstation, cut, sealed.bundle_id, sealed.manifest_sha256)
    assert "archive" in reason


def test_an_archive_with_unsafe_paths_is_quarantined(provider: ProviderServer, workstation: Workstation,
                                                     tmp_path: Path):
    evil = tmp_path / "evil.tar"
    with tarfile.open(evil, "w") as tar:
        info = tarfile.TarInfo("../../etc/cron.d/evil")
        payload = b"* * * * * root true\n"
        info.size = len(payload)
        tar.addfile(info, io.BytesIO(payload))
    reason = _quarantined(provider, workstation, evil, "evil", "0" * 64)
    assert "'..'" in reason
    assert not (provider.service.store.config.folder.parent / "etc").exists()


def test_a_bundle_sealed_by_another_workstation_is_quarantined(provider: ProviderServer,
                                                               workstation: Workstation, tmp_path: Path):
    stranger = workstation_key(tmp_path / "stranger")
    sealed = make_bundle(tmp_path / "s", stranger)
    reason = _quarantined(provider, workstation, sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    assert "not enrolled" in reason


def test_a_false_declaration_is_quarantined(provider: ProviderServer, workstation: Workstation):
    sealed = workstation.bundle()
    reason = _quarantined(provider, workstation, sealed.archive, sealed.bundle_id, "f" * 64)
    assert "declared" in reason


def test_protocol_errors_are_refused_clearly(provider: ProviderServer, workstation: Workstation):
    token = workstation.client.token()
    auth = {"Authorization": f"Bearer {token}"}
    no_version = httpx.post(f"{provider.url}/files", headers={**auth, "Upload-Length": "10"})
    assert no_version.status_code == 412 and "Tus-Resumable" in no_version.json()["error"]
    no_meta = httpx.post(f"{provider.url}/files", headers={**auth, **TUS, "Upload-Length": "10"})
    assert no_meta.status_code == 400 and "bundle_id" in no_meta.json()["error"]
    unauth = httpx.post(f"{provider.url}/files", headers={**TUS, "Upload-Length": "10"})
    assert unauth.status_code == 401
    head = httpx.head(f"{provider.url}/files/0123456789abcdef", headers={**auth, **TUS})
    assert head.status_code == 404 and head.headers["assessor-error"]
    _alive(provider)


def test_another_workstation_cannot_touch_an_upload(provider: ProviderServer, workstation: Workstation,
                                                    tmp_path: Path):
    sealed = workstation.bundle()
    url = TusUploader(workstation.client).create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    other = enroll(provider, tmp_path / "other")
    assert other.client.send("HEAD", url, headers=TUS).status_code == 404
    assert other.client.send("DELETE", url, headers=TUS).status_code == 404
    assert workstation.client.send("DELETE", url, headers=TUS).status_code == 204
    assert workstation.client.send("HEAD", url, headers=TUS).status_code == 404


def test_the_independent_tuspy_client_uploads_to_our_service(provider: ProviderServer,
                                                             workstation: Workstation):
    from tusclient.client import TusClient

    sealed = workstation.bundle(extra_bytes=150_000)
    client = TusClient(f"{provider.url}/files",
                       headers={"Authorization": f"Bearer {workstation.client.token()}"})
    uploader = client.uploader(str(sealed.archive), chunk_size=64 * 1024, upload_checksum=True, metadata={
        "bundle_id": sealed.bundle_id, "manifest_sha256": sealed.manifest_sha256})
    uploader.upload()
    assert uploader.offset == sealed.archive.stat().st_size
    # the last PATCH is answered before the import; the result is asked for once, with a long poll
    result = workstation.client.send("GET", f"{uploader.url}/result", params={"wait": 30}).json()
    assert result["status"] == "imported"
    assert _stored(provider) == [sealed.bundle_id]
    held = workstation.client.receipt(sealed.bundle_id)
    assert held["receipt"] == result["receipt"]
    verify_receipt(held["receipt"], provider.service.store.key.public_pem(), bundle_id=sealed.bundle_id,
                   manifest_sha256=sealed.manifest_sha256)
