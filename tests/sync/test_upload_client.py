"""The workstation's uploader: chunks sized to the line, a lapsed token, a provider that moved."""

from __future__ import annotations

from pathlib import Path

import pytest
from sync_support import Workstation, bind_test_assessor, make_bundle, provider_code

from assessor_app.evidence.keys import device_key
from assessor_app.provider.server import ProviderServer
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.client import SyncError
from assessor_app.sync.enrollment import enroll, move_provider, open_outbox, provider_client
from assessor_app.sync.upload import ChunkSizer, MiB, TusUploader


def test_chunks_grow_on_a_fast_line_and_shrink_on_a_slow_one():
    sizer = ChunkSizer(256 * 1024, 32 * MiB, seconds=5.0)
    assert sizer.size == MiB  # a first chunk that any line carries in reasonable time
    sizer.measured(MiB, 0.01)  # 100 MB/s: at most fourfold at a time, then up to the largest
    assert sizer.size == 4 * MiB
    sizer.measured(4 * MiB, 0.04)
    sizer.measured(16 * MiB, 0.16)
    assert sizer.size == 32 * MiB
    sizer.measured(32 * MiB, 268.0)  # a shop's 1 Mbit/s uplink: about five seconds a chunk
    assert 600_000 <= sizer.size <= 700_000
    sizer.measured(256 * 1024, 60.0)  # slower still: never below the smallest
    assert sizer.size == 256 * 1024
    fixed = ChunkSizer(50_000, 50_000)
    fixed.measured(50_000, 0.001)
    assert fixed.size == 50_000


def test_an_adaptive_upload_sends_growing_chunks(provider: ProviderServer, workstation: Workstation):
    sealed = workstation.bundle(extra_bytes=3 * MiB)
    uploader = TusUploader(workstation.client, chunk_size=2 * MiB, min_chunk_size=64 * 1024)
    uploader.sizer.size = 64 * 1024  # start small, as a slow first measurement would
    seen: list[int] = []
    result = uploader.upload(sealed.archive, bundle_id=sealed.bundle_id,
                             manifest_sha256=sealed.manifest_sha256,
                             on_progress=lambda done, _total: seen.append(done))
    steps = [b - a for a, b in zip(seen, seen[1:], strict=False)]
    assert result["status"] == "imported" and uploader.stats.sent == sealed.archive.stat().st_size
    # grew fourfold a step on loopback (the chunk read ahead keeps the size it was read with)
    assert steps[:4] == [64 * 1024, 64 * 1024, 256 * 1024, MiB] and max(steps) <= 2 * MiB


def test_a_lapsed_token_mid_upload_is_renewed_and_the_chunk_sent_again(provider: ProviderServer,
                                                                       workstation: Workstation):
    sealed = workstation.bundle(extra_bytes=200_000)
    uploader = TusUploader(workstation.client, chunk_size=64 * 1024)
    expired = {"done": False}

    def lapse(done: int, _total: int) -> None:
        if done and not expired["done"]:  # the provider forgets the token (e.g. it ran out)
            expired["done"] = True
            with provider.service.store.writer.begin() as conn:
                conn.exec_driver_sql("DELETE FROM access_tokens")

    result = uploader.upload(sealed.archive, bundle_id=sealed.bundle_id,
                             manifest_sha256=sealed.manifest_sha256, on_progress=lapse)
    assert expired["done"] and result["status"] == "imported"


def test_a_provider_at_a_new_address_is_used_only_with_the_pinned_key(provider: ProviderServer,
                                                                      tmp_path: Path):
    site = tmp_path / "site"
    store = AssessmentStore.open(site / "assessor.db")
    try:
        outbox = open_outbox(store, site)
        enroll(outbox, provider_url=provider.url, code=provider_code(provider.service),
               workshop_id="ws-1", keys_dir=site / "keys")
        bind_test_assessor(provider.service, device_key(site / "keys").fingerprint)
        with ProviderServer(tmp_path / "impostor") as impostor:
            with pytest.raises(SyncError, match="not the enrolled provider's"):
                move_provider(outbox, site / "keys", impostor.url)
        assert outbox.enrollment().provider_url == provider.url
        provider.stop()
        provider.start()  # same port; a move to an address of the same provider is taken
        moved = move_provider(outbox, site / "keys", provider.url.replace("127.0.0.1", "localhost"))
        assert moved.provider_url.startswith("http://localhost:")
        client = provider_client(outbox, site / "keys")
        try:
            assert client.url == moved.provider_url and client.reachable()
            sealed = make_bundle(site, device_key(site / "keys"))
            assert TusUploader(client).upload(sealed.archive, bundle_id=sealed.bundle_id,
                                              manifest_sha256=sealed.manifest_sha256)["status"] == "imported"
        finally:
            client.close()
    finally:
        store.close()
