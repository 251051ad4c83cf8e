"""Exactly once, whatever the line does: 200+ randomized runs through a misbehaving proxy."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from fault_proxy import FaultProxy
from sync_support import bind_test_assessor, make_bundle, provider_code

from assessor_app.evidence.keys import device_key
from assessor_app.provider.server import ProviderServer
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.client import ProviderClient
from assessor_app.sync.enrollment import enroll, open_outbox
from assessor_app.sync.receipts import verify_receipt
from assessor_app.sync.worker import SyncSettings, SyncWorker

RUNS = int(os.environ.get("ASSESSOR_FAULT_RUNS", "200"))
SEED = int(os.environ.get("ASSESSOR_FAULT_SEED", "7"))


@pytest.mark.slow
def test_every_bundle_arrives_exactly_once_and_receipted(provider: ProviderServer, tmp_path: Path,
                                                        fast_bundles: None):
    site = tmp_path / "site"
    store = AssessmentStore.open(site / "assessor.db")
    outbox = open_outbox(store, site)
    enrollment = enroll(outbox, provider_url=provider.url, code=provider_code(provider.service),
                        workshop_id="ws-1", keys_dir=site / "keys")
    key = device_key(site / "keys")
    bind_test_assessor(provider.service, key.fingerprint)
    proxy = FaultProxy(int(provider.url.rsplit(":", 1)[1]), fault_rate=0.2, seed=SEED).start()
    client = ProviderClient(proxy.url, key, provider_key_id=enrollment.provider_key_id, timeout=10)
    worker = SyncWorker(outbox, client, settings=SyncSettings(chunk_size=32 * 1024))
    sealed = []
    attempts = 0
    try:
        for run in range(RUNS):
            bundle = make_bundle(site, key, archive=False, extra_bytes=(run % 4) * 16_000)
            sealed.append(bundle)
            outbox.add_bundle(bundle.folder)
            for _ in range(200):  # the backoff delay is not waited for here: faults are the point
                attempts += 1
                worker.run_once()
                if outbox.get(bundle.bundle_id).status != "pending":
                    break
            entry = outbox.get(bundle.bundle_id)
            assert entry.status == "delivered", (f"run {run} (seed {SEED}): {entry.status}: "
                                                 f"{entry.last_error}")
    finally:
        client.close()
        proxy.stop()
    # 0 lost, 0 stored twice, every delivered bundle receipted by the provider key
    stored = sorted(p.name for d in provider.service.store.bundles_dir.iterdir() for p in d.iterdir())
    assert stored == sorted(b.bundle_id for b in sealed)
    assert len(provider.service.importer.bundles(limit=1000)) == RUNS
    assert provider.service.importer.quarantined() == []
    for b in sealed:
        receipt = outbox.receipt(b.bundle_id)
        assert receipt is not None
        verify_receipt(receipt["envelope"], provider.service.store.key.public_pem(), bundle_id=b.bundle_id,
                       manifest_sha256=b.manifest_sha256)
    faults = {k: v for k, v in proxy.counts.items() if k != "pass"}
    assert set(faults) == {"cut_request", "cut_response", "error_503", "duplicate", "delay"}, faults
    print(f"\n{RUNS} runs, {attempts} sync attempts, {sum(proxy.counts.values())} requests, faults {faults}")
    store.close()
