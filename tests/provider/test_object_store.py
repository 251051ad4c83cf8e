"""Held bundles and derived media in the provider folder (the default) and in an S3 bucket (a real
SeaweedFS on loopback, keys configured): a bundle delivered over tus is held with its sealed hashes,
the console serves its page, its video with Range and its web proxy, a store out of reach loses
nothing, and the read cache keeps to its bound."""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from console_assessment_support import HeldDemo, held_demo
from console_support import client_for, make_service
from seaweed_support import Seaweed
from sync_support import Workstation, enroll

from assessor_app.provider.objects import S3Store
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig, ProviderError
from assessor_app.sync.client import TransientError
from assessor_app.sync.receipts import verify_receipt
from assessor_app.sync.upload import TusUploader

STORES = ("folder", "s3")


def _config(folder: Path, kind: str, request: pytest.FixtureRequest, **more: Any) -> ProviderConfig:
    if kind == "folder":
        return ProviderConfig(folder, **more)
    store: Seaweed = request.getfixturevalue("seaweed")
    return ProviderConfig(folder, object_store=f"s3://{store.bucket}", s3_endpoint=store.endpoint, **more)


@pytest.fixture
def s3_keys(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Seaweed:
    store: Seaweed = request.getfixturevalue("seaweed")
    store.environ(monkeypatch)
    return store


@pytest.fixture(params=STORES)
def provider(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
             ) -> Iterator[ProviderServer]:
    """A provider on loopback holding its bundles in the folder or in the bucket (large files in
    parts of 5 MiB, S3's smallest, so that a test bundle goes up in several)."""
    if request.param == "s3":
        request.getfixturevalue("s3_keys")
        monkeypatch.setattr("assessor_app.provider.objects.PART_BYTES", 5 * 1024 * 1024)
    server = ProviderServer(config=_config(tmp_path / "provider", request.param, request)).start()
    yield server
    server.close()


def _stored(service: ProviderService, device: str, bundle_id: str) -> dict[str, str]:
    """``relative path -> SHA-256`` of what the store holds for a bundle, read back from the store."""
    objects, prefix = service.store.objects, service.store.bundle_key(device, bundle_id)
    out = {}
    for key, _size in objects.keys(prefix):
        digest = hashlib.sha256()
        for chunk in objects.iter_range(key, 0, max(0, objects.size(key) - 1)):
            digest.update(chunk)
        out[key[len(prefix) + 1:]] = digest.hexdigest()
    return out


def _sealed(folder: Path) -> dict[str, str]:
    lines = (folder / "manifest-sha256.txt").read_text().splitlines()
    return {name: digest for digest, _, name in (line.partition("  ") for line in lines)}


def test_a_bundle_delivered_over_tus_is_held_with_its_sealed_hashes(provider: ProviderServer,
                                                                     workstation: Workstation):
    sealed = workstation.bundle(extra_bytes=11 * 1024 * 1024)  # several parts of 5 MiB
    uploader = TusUploader(workstation.client, chunk_size=4 * 1024 * 1024)
    answer = uploader.upload(sealed.archive, bundle_id=sealed.bundle_id,
                             manifest_sha256=sealed.manifest_sha256)
    assert answer["status"] == "imported"
    service = provider.service
    statement = verify_receipt(answer["receipt"], service.store.key.public_pem(),
                               bundle_id=sealed.bundle_id, manifest_sha256=sealed.manifest_sha256,
                               device_key_id=workstation.key.fingerprint)
    assert statement["manifest_sha256"] == sealed.manifest_sha256
    held = _stored(service, workstation.key.fingerprint, sealed.bundle_id)
    assert _sealed(sealed.folder).items() <= held.items()  # every payload file, with its sealed hash
    assert held["manifest-sha256.txt"] == hashlib.sha256((sealed.folder / "manifest-sha256.txt")
                                                         .read_bytes()).hexdigest()
    if service.store.objects.remote:
        assert not (service.store.bundles_dir / workstation.key.fingerprint).exists()  # not kept twice
        assert not any(service.store.outgoing_dir.iterdir())  # the store has it: nothing left to put
    row = service.importer.held(sealed.bundle_id, workstation.key.fingerprint)
    assert row is not None and service.importer.bundles(device=workstation.key.fingerprint)[0].bundle_id == \
        sealed.bundle_id


def test_a_request_without_the_keys_or_with_a_wrong_secret_is_refused(seaweed: Seaweed):
    from botocore.exceptions import ClientError

    key = "bundles/refused/probe"
    for client in (seaweed.client(secret_key="not-the-secret"), seaweed.client(access_key="AKNOBODY")):
        with pytest.raises(ClientError) as refused:
            client.put_object(Bucket=seaweed.bucket, Key=key, Body=b"x")  # type: ignore[attr-defined]
        assert refused.value.response["ResponseMetadata"]["HTTPStatusCode"] == 403
    import httpx

    anonymous = httpx.put(f"{seaweed.endpoint}/{seaweed.bucket}/{key}", content=b"x")
    assert anonymous.status_code == 403
    assert httpx.get(f"{seaweed.endpoint}/{seaweed.bucket}/{key}").status_code in (403, 404)


@pytest.mark.parametrize("case", ["no bucket", "bad secret", "unreachable"])
def test_a_store_the_provider_cannot_use_is_refused_in_one_sentence(
        case: str, seaweed: Seaweed, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    seaweed.environ(monkeypatch)
    bucket, endpoint = seaweed.bucket, seaweed.endpoint
    if case == "no bucket":
        bucket = "no-such-bucket"
    elif case == "bad secret":
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "a-wrong-secret-key")
    else:
        endpoint = "http://127.0.0.1:9"  # discard: nothing listens
    with pytest.raises(ProviderError) as refused:
        ProviderService(ProviderConfig(tmp_path, object_store=f"s3://{bucket}", s3_endpoint=endpoint))
    said = str(refused.value)
    assert endpoint in said and bucket in said and "\n" not in said
    assert seaweed.secret_key not in said and "a-wrong-secret-key" not in said
    expected = {"no bucket": "does not exist", "bad secret": "refused the provider's keys",
                "unreachable": "cannot be reached"}[case]
    assert expected in said


def test_the_store_out_of_reach_mid_import_is_a_503_with_retry_after_and_loses_nothing(
        s3_keys: Seaweed, tmp_path: Path, workstation_s3: Workstation, s3_provider: ProviderServer):
    service = s3_provider.service
    working = service.store.objects
    assert isinstance(working, S3Store)
    service.store.objects = S3Store(working.bucket, "http://127.0.0.1:9")  # the store goes away
    sealed = workstation_s3.bundle(extra_bytes=100_000)
    uploader, urls = TusUploader(workstation_s3.client), []
    with pytest.raises(TransientError, match="503"):
        uploader.upload(sealed.archive, bundle_id=sealed.bundle_id, manifest_sha256=sealed.manifest_sha256,
                        on_url=urls.append)
    url = urls[-1]
    refused = workstation_s3.client.send("GET", f"{url}/result", params={"wait": 30})
    assert refused.status_code == 503 and int(refused.headers["retry-after"]) > 0
    assert "object store" in refused.json()["error"] and "127.0.0.1:9" in refused.json()["error"]
    device = workstation_s3.key.fingerprint
    assert (service.store.outgoing_dir / device / sealed.bundle_id).is_dir()  # the verified copy waits
    service.store.objects = working  # back: the workstation's next ask finishes the import
    answer = uploader.result(url, sealed.bundle_id, timeout_s=60)
    assert answer["status"] == "imported"
    assert _sealed(sealed.folder).items() <= _stored(service, device, sealed.bundle_id).items()
    assert len(service.importer.bundles(device=device)) == 1  # recorded once
    assert not (service.store.outgoing_dir / device / sealed.bundle_id).exists()


def test_a_bundle_left_unput_by_a_crash_is_put_at_the_next_start(
        s3_keys: Seaweed, workstation_s3: Workstation, s3_provider: ProviderServer):
    service = s3_provider.service
    working = service.store.objects
    assert isinstance(working, S3Store)
    service.store.objects = S3Store(working.bucket, "http://127.0.0.1:9")
    sealed = workstation_s3.bundle()
    results = service.import_path(sealed.archive)
    assert results[0].status == "retry" and "object store" in str(results[0].reason)
    service.store.objects = working
    config = service.store.config
    s3_provider.close()  # "the crash": the row is committed, the files are only on the local disk
    again = ProviderService(config)
    try:
        device = workstation_s3.key.fingerprint
        assert _sealed(sealed.folder).items() <= _stored(again, device, sealed.bundle_id).items()
        assert not (again.store.outgoing_dir / device).exists() or not any(
            (again.store.outgoing_dir / device).iterdir())
        assert [r.status for r in again.import_path(sealed.archive)] == ["already"]
    finally:
        again.close()


def test_the_read_cache_evicts_past_its_bound_and_fetches_again(
        s3_keys: Seaweed, workstation_s3: Workstation, s3_provider: ProviderServer):
    service = s3_provider.service
    cache = service.store.cache
    cache.bound = 1  # only the bundle just asked for stays
    device = workstation_s3.key.fingerprint
    first, second = workstation_s3.bundle(), workstation_s3.bundle()
    for sealed in (first, second):
        assert [r.status for r in service.import_path(sealed.archive)] == ["imported"]
    assert not cache.path(device, first.bundle_id).exists()  # the second one pushed it out
    row = service.importer.held(first.bundle_id, device)
    fetched = cache.fetches
    root = service.store.held_root(row)
    assert root == cache.path(device, first.bundle_id) and cache.fetches == fetched + 1
    assert (root / "manifest-sha256.txt").read_bytes() == (first.folder / "manifest-sha256.txt").read_bytes()
    assert not cache.path(device, second.bundle_id).exists()
    service.store.held_root(row)
    assert cache.fetches == fetched + 1  # still there: not fetched again
    # an object that is not what the bundle seals is never handed to a reader
    shutil.rmtree(root)
    name = next(iter(_sealed(first.folder)))
    service.store.objects.put_file(service.store.bundle_key(device, first.bundle_id, name),
                                   first.folder / "manifest-sha256.txt")
    with pytest.raises(OSError, match="is not what the bundle seals"):
        service.store.held_root(row)
    assert not cache.path(device, first.bundle_id).exists()


@pytest.fixture
def s3_provider(s3_keys: Seaweed, tmp_path: Path) -> Iterator[ProviderServer]:
    server = ProviderServer(config=ProviderConfig(tmp_path / "provider-s3", object_store=f"s3://{s3_keys.bucket}",
                                                  s3_endpoint=s3_keys.endpoint)).start()
    yield server
    server.close()


@pytest.fixture
def workstation_s3(s3_provider: ProviderServer, tmp_path: Path) -> Iterator[Workstation]:
    ws = enroll(s3_provider, tmp_path / "workstation-s3")
    yield ws
    ws.client.close()


# ---------------------------------------------------------------- the console over both stores
@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> HeldDemo:
    return held_demo(tmp_path_factory.mktemp("demo-objects"))


@pytest.fixture(scope="module", params=STORES)
def console(request: pytest.FixtureRequest, demo: HeldDemo, tmp_path_factory: pytest.TempPathFactory,
            ) -> Iterator[ProviderService]:
    """The demo's provider (its bundle with video held), in its folder or moved to the bucket."""
    folder = tmp_path_factory.mktemp(f"console-{request.param}") / "provider"
    shutil.copytree(demo.folder, folder)
    more: dict[str, Any] = {}
    keys = pytest.MonkeyPatch()
    if request.param == "s3":
        store: Seaweed = request.getfixturevalue("seaweed")
        store.environ(keys)
        bundle = folder / "bundles" / demo.device / demo.bundle_id
        S3Store(store.bucket, store.endpoint).put_tree(f"bundles/{demo.device}/{demo.bundle_id}", bundle)
        shutil.rmtree(folder / "bundles" / demo.device)  # the bucket holds it now, nothing else
        more = {"object_store": f"s3://{store.bucket}", "s3_endpoint": store.endpoint}
    service = make_service(folder, **more)
    service.derivations.stop()
    yield service
    service.close()
    keys.undo()


def test_the_assessment_page_video_with_range_and_web_proxy_on_either_store(console: ProviderService,
                                                                            demo: HeldDemo):
    client = client_for(console, "auditor")
    page = f"/console/assessments/{demo.device}/{demo.bundle_id}"
    answer = client.get(page)
    assert answer.status_code == 200 and "seg-000001.ts" in answer.text
    cache = console.store.cache
    if console.store.objects.remote:  # the page fetched the bundle (to verify and read it): forget it
        assert cache.path(demo.device, demo.bundle_id).is_dir()
        shutil.rmtree(cache.path(demo.device, demo.bundle_id))
    fetched = cache.fetches
    segment = f"{page}/download/video/seg-000001.ts"
    whole = client.get(segment)
    assert whole.status_code == 200 and whole.headers["content-type"] == "video/mp2t"
    part = client.get(segment, headers={"Range": "bytes=100-1099"})
    assert part.status_code == 206 and part.content == whole.content[100:1100]
    assert part.headers["content-range"] == f"bytes 100-1099/{len(whole.content)}"
    assert client.get(segment, headers={"Range": f"bytes={len(whole.content)}-"}).status_code == 416
    assert cache.fetches == fetched  # streamed from the store, never fetched whole into the cache
    assert hashlib.sha256(whole.content).hexdigest() in _segment_hashes(console, demo)
    # a web proxy made and served, with Range
    console.derivations.enqueue_bundle(demo.bundle_id, demo.device)
    made: list[object] = []
    console.derivations.run_pending(on_item=made.append, should_stop=lambda: len(made) >= 1)
    assert [getattr(m, "status", None) for m in made] == ["done"]
    proxy = f"{page}/proxy/seg-000001.ts"
    full = client.get(proxy)
    assert full.status_code == 200 and full.headers["content-type"].startswith("video/webm")
    ranged = client.get(proxy, headers={"Range": "bytes=0-99"})
    assert ranged.status_code == 206 and ranged.content == full.content[:100]
    row = console.derivations.proxies([s for s in _segment_hashes(console, demo)])
    kept = [r.path for r in row.values() if r.status == "done"]
    assert kept and kept[0].startswith("derivatives/web-proxy/")
    local = console.store.config.folder / kept[0]
    if console.store.objects.remote:
        assert not local.exists() and console.store.objects.size(kept[0]) == len(full.content)
    else:
        assert local.stat().st_size == len(full.content)


def _segment_hashes(service: ProviderService, demo: HeldDemo) -> list[str]:
    from assessor_app.provider.media.segments import segments_of

    row = service.importer.held(demo.bundle_id, demo.device)
    return [s.sha256 for s in segments_of(service, row)]



def test_the_flag_wins_over_the_variable_and_a_wrong_value_is_named(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch,
                                                                    capsys: pytest.CaptureFixture[str]):
    import argparse

    from assessor_app.cli import main
    from assessor_app.provider.commands import _object_store

    monkeypatch.setenv("ASSESSOR_OBJECT_STORE", "s3://from-the-variable")
    monkeypatch.setenv("ASSESSOR_S3_ENDPOINT", "http://127.0.0.1:1")
    flags = argparse.Namespace(object_store="s3://from-the-flag", s3_endpoint=None, s3_region=None)
    assert _object_store(flags) == {"object_store": "s3://from-the-flag", "s3_endpoint": "http://127.0.0.1:1",
                                    "s3_region": None}
    for value, named in (("gs://bucket", "'gs://bucket'"), ("s3://Not_A_Bucket", "'Not_A_Bucket'")):
        assert main(["provider", "list", "--folder", str(tmp_path / "p"), "--object-store", value]) == 1
        said = capsys.readouterr().err
        assert said.startswith("assessor: ") and named in said and "Traceback" not in said
    monkeypatch.delenv("ASSESSOR_OBJECT_STORE")
    assert main(["provider", "list", "--folder", str(tmp_path / "p")]) == 1  # an endpoint, no store
    assert "--object-store s3://BUCKET" in capsys.readouterr().err
