"""The workstation side: enrollment, the outbox, the background worker, receipts, reconciliation."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from sync_support import Sealed, bind_test_assessor, make_bundle, provider_code

from assessor_app.evidence.keys import device_key
from assessor_app.provider.server import ProviderServer
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.client import SyncError
from assessor_app.sync.enrollment import enroll, open_outbox, provider_client, queue_sealed_bundles
from assessor_app.sync.outbox import Outbox
from assessor_app.sync.receipts import verify_receipt
from assessor_app.sync.upload import RateLimit, TusUploader
from assessor_app.sync.worker import SyncSettings, SyncStatus, SyncWorker, reconcile


class Site:
    """A workstation: its store, outbox and keys in one data folder."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.store = AssessmentStore.open(folder / "assessor.db")
        self.outbox: Outbox = open_outbox(self.store, folder)
        self.keys = folder / "keys"

    def sealed(self, **kwargs: object) -> Sealed:
        return make_bundle(self.folder, device_key(self.keys), archive=False, **kwargs)  # type: ignore[arg-type]


@pytest.fixture
def site(tmp_path: Path, provider: ProviderServer) -> Iterator[Site]:
    s = Site(tmp_path / "site")
    enroll(s.outbox, provider_url=provider.url, code=provider_code(provider.service),
           workshop_id="ws-1", keys_dir=s.keys,
           expected_fingerprint=provider.service.store.key.fingerprint[:16])
    bind_test_assessor(provider.service, device_key(s.keys).fingerprint)
    yield s
    s.store.close()


def _worker(site: Site, **settings: object) -> tuple[SyncWorker, list[SyncStatus]]:
    seen: list[SyncStatus] = []
    worker = SyncWorker(site.outbox, provider_client(site.outbox, site.keys),
                        settings=SyncSettings(**settings), on_status=seen.append)  # type: ignore[arg-type]
    return worker, seen


def test_enrollment_pins_the_provider_key_and_checks_the_fingerprint(provider: ProviderServer,
                                                                     tmp_path: Path):
    other = Site(tmp_path / "other")
    with pytest.raises(SyncError, match="not the fingerprint"):
        enroll(other.outbox, provider_url=provider.url, code=provider_code(provider.service),
               workshop_id="ws-1", keys_dir=other.keys, expected_fingerprint="00ff00ff")
    assert other.outbox.enrollment() is None
    with pytest.raises(SyncError, match="not enrolled"):
        provider_client(other.outbox, other.keys)
    other.store.close()


def test_the_worker_delivers_the_outbox_and_stores_verified_receipts(site: Site, provider: ProviderServer):
    bundles = [site.sealed(extra_bytes=20_000) for _ in range(3)]
    assert queue_sealed_bundles(site.outbox, site.folder / "bundles") == 3
    done = threading.Event()
    worker, seen = _worker(site, chunk_size=8192)
    worker.on_status = lambda s: (seen.append(s), s.pending == 0 and s.state == "idle" and done.set())
    worker.start()
    try:
        assert done.wait(60), seen[-1:]
    finally:
        worker.stop()
    assert site.outbox.counts() == {"pending": 0, "delivered": 3, "refused": 0}
    for b in bundles:
        stored = site.outbox.receipt(b.bundle_id)
        assert stored is not None
        verify_receipt(stored["envelope"], provider.service.store.key.public_pem(), bundle_id=b.bundle_id,
                       manifest_sha256=b.manifest_sha256)
        assert site.outbox.get(b.bundle_id).archive_path.exists()  # kept: pruning is opt-in
    uploading = [s for s in seen if s.state == "uploading" and s.total_bytes]
    assert uploading and all(s.done_bytes <= s.total_bytes for s in uploading)
    assert worker.status.state == "stopped" and worker.status.last_success_wall_us


def test_pruning_after_the_receipt_is_opt_in(site: Site):
    b = site.sealed()
    entry = site.outbox.add_bundle(b.folder)
    worker, _ = _worker(site, prune_after_receipt=True)
    assert worker.run_once() is None
    assert site.outbox.get(b.bundle_id).status == "delivered" and not entry.archive_path.exists()
    assert site.outbox.receipt(b.bundle_id) is not None


def test_a_refused_bundle_is_reported_and_the_rest_still_goes(site: Site, tmp_path: Path):
    stranger = make_bundle(tmp_path / "stranger", device_key(tmp_path / "stranger-keys"), archive=False)
    site.outbox.add_bundle(stranger.folder)
    good = site.sealed()
    site.outbox.add_bundle(good.folder)
    worker, _ = _worker(site)
    assert worker.run_once() is None
    assert site.outbox.get(good.bundle_id).status == "delivered"
    refused = site.outbox.get(stranger.bundle_id)
    assert refused.status == "refused" and "quarantined" in refused.last_error
    assert "not enrolled" in refused.last_error


def test_an_unreachable_provider_backs_off_and_a_restart_resumes_mid_upload(site: Site,
                                                                            provider: ProviderServer):
    b = site.sealed(extra_bytes=200_000)
    entry = site.outbox.add_bundle(b.folder)
    client = provider_client(site.outbox, site.keys)
    first = TusUploader(client, chunk_size=50_000)
    urls: list[str | None] = []

    def cut(done: int, _total: int) -> None:
        if done >= 100_000:
            first.stop.set()

    with pytest.raises(SyncError):
        first.upload(entry.archive_path, bundle_id=b.bundle_id, manifest_sha256=b.manifest_sha256,
                     on_url=lambda u: (urls.append(u), site.outbox.set_upload(b.bundle_id, u)),
                     on_progress=cut)
    provider.stop()  # the provider goes down in the middle of the upload
    worker, seen = _worker(site, chunk_size=50_000, backoff_base_s=1.0)
    delay = worker.run_once()
    assert delay is not None and 0 <= delay <= 2.0 and worker.status.state == "offline"
    assert site.outbox.get(b.bundle_id).status == "pending"
    provider.start()  # back on the same port, same data
    assert worker.run_once() is None
    assert site.outbox.get(b.bundle_id).status == "delivered"
    assert seen[-1].last_error is None
    first_offset_seen = next(s.done_bytes for s in seen if s.state == "uploading" and s.done_bytes)
    assert first_offset_seen == 100_000  # resumed from the confirmed offset, not from zero


def test_backoff_grows_with_full_jitter_up_to_the_cap(site: Site, tmp_path: Path):
    worker, _ = _worker(site, backoff_base_s=1.0, backoff_max_s=8.0)
    caps = []
    for _ in range(6):
        worker._rng.seed(1)
        caps.append(worker._backoff("offline", "down"))
    assert all(0 <= d <= 8.0 for d in caps) and caps[0] < caps[2]


def test_pause_stops_between_chunks_and_resume_finishes(site: Site):
    b = site.sealed(extra_bytes=120_000)
    site.outbox.add_bundle(b.folder)
    paused, delivered = threading.Event(), threading.Event()
    worker, seen = _worker(site, chunk_size=20_000, idle_check_s=60)

    def watch(s: SyncStatus) -> None:
        seen.append(s)
        if s.state == "uploading" and s.done_bytes >= 40_000 and not paused.is_set():
            paused.set()
            worker.pause()
        if s.state == "idle" and s.pending == 0:
            delivered.set()

    worker.on_status = watch
    worker.start()
    try:
        assert paused.wait(30)
        assert _wait_for(lambda: worker.status.state == "paused")
        held = site.outbox.get(b.bundle_id)
        assert held.status == "pending" and 40_000 <= held.confirmed_offset < held.size
        worker.resume()
        assert delivered.wait(30)
    finally:
        worker.stop()
    assert site.outbox.get(b.bundle_id).status == "delivered"


def _wait_for(condition, timeout: float = 20.0) -> bool:  # type: ignore[no-untyped-def]
    done = threading.Event()
    deadline = threading.Timer(timeout, done.set)
    deadline.start()
    try:
        while not done.is_set():
            if condition():
                return True
            done.wait(0.01)
        return bool(condition())
    finally:
        deadline.cancel()


def test_reconciliation_after_a_lost_database(site: Site, provider: ProviderServer, tmp_path: Path):
    bundles = [site.sealed() for _ in range(3)]
    queue_sealed_bundles(site.outbox, site.folder / "bundles")
    worker, _ = _worker(site)
    assert worker.run_once() is None
    client = provider_client(site.outbox, site.keys)
    assert reconcile(site.outbox, client)["matched"] == 1  # one request: the sets agree
    site.store.close()
    (site.folder / "assessor.db").unlink()
    for suffix in ("-wal", "-shm"):
        (site.folder / f"assessor.db{suffix}").unlink(missing_ok=True)
    fresh = Site(site.folder)  # a reinstall: empty store, the bundles and keys are still there
    extra = fresh.sealed()
    assert queue_sealed_bundles(fresh.outbox, fresh.folder / "bundles") == 4
    client = provider_client(fresh.outbox, fresh.keys)  # enrollment restored from the key folder
    found = reconcile(fresh.outbox, client)
    assert found == {"matched": 0, "receipted": 3, "requeued": 0}
    assert [e.bundle_id for e in fresh.outbox.pending()] == [extra.bundle_id]
    assert all(fresh.outbox.receipt(b.bundle_id) for b in bundles)
    fresh.store.close()


def test_the_bandwidth_limit_spaces_the_bytes():
    now = [0.0]
    waits: list[float] = []

    class Clock:
        def wait(self, seconds: float) -> bool:
            waits.append(seconds)
            now[0] += seconds
            return False

    limit = RateLimit(100_000, clock=lambda: now[0])
    for _ in range(30):
        limit.take(10_000, Clock())  # type: ignore[arg-type]
    # 300 kB at 100 kB/s with a one-second burst: two seconds of waiting, in the limiter's clock
    assert sum(waits) == pytest.approx(2.0)


def test_a_receipt_counts_only_from_the_pinned_key_and_for_this_bundle(site: Site, provider: ProviderServer,
                                                                       tmp_path: Path):
    import copy
    import json

    from assessor_app.provider.receipts import receipt_statement, sign_receipt
    from assessor_app.sync.receipts import ReceiptError

    b = site.sealed()
    site.outbox.add_bundle(b.folder)
    statement = receipt_statement(bundle_id=b.bundle_id, manifest_sha256=b.manifest_sha256, received_us=1,
                                  device_key_id=device_key(site.keys).fingerprint, workshop_id="ws-1",
                                  provider_key_id="p")
    impostor = sign_receipt(statement, device_key(tmp_path / "impostor"))
    with pytest.raises(ReceiptError, match="not signed by the enrolled provider key"):
        site.outbox.deliver(b.bundle_id, impostor)
    genuine = sign_receipt({**statement, "bundle_id": "another"}, provider.service.store.key)
    with pytest.raises(ReceiptError, match="not bundle"):
        site.outbox.deliver(b.bundle_id, genuine)
    someone_elses = sign_receipt({**statement, "device_key_id": "d" * 64}, provider.service.store.key)
    with pytest.raises(ReceiptError, match="sealed by workstation dddddddddddddddd, not by this one"):
        site.outbox.deliver(b.bundle_id, someone_elses)
    assert site.outbox.get(b.bundle_id).status == "pending" and site.outbox.receipt(b.bundle_id) is None
    right = sign_receipt(statement, provider.service.store.key)
    before = copy.deepcopy(right)
    site.outbox.deliver(b.bundle_id, right)
    assert right == before  # checking a receipt does not consume it
    assert json.loads(json.dumps(site.outbox.receipt(b.bundle_id)["envelope"])) == before
