"""The headless demo delivers its sealed bundle: receipt, import, and a provider stopped mid-upload."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor_app.cli import main
from assessor_app.core.specs.library import Library, load_library
from assessor_app.demo import run_demo
from assessor_app.evidence.keys import device_key
from assessor_app.paths import checklists_dir
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.enrollment import enroll, open_outbox
from assessor_app.sync.receipts import verify_receipt


def _quiet(_line: str) -> None:
    """The demo's narration is not what these tests read."""


@pytest.fixture(scope="module")
def library() -> Library:
    return load_library(checklists_dir())


def test_the_demo_delivers_through_a_stop_and_a_resume(tmp_path: Path, library: Library):
    result = run_demo(library, tmp_path, say=_quiet, video=False, sync=True)
    d = result.delivery
    assert d is not None and d.enrolled_now
    # stopped after at least one confirmed chunk and before the last; resumed from that offset
    assert d.stopped_at is not None and d.chunk_size <= d.stopped_at < d.size - d.chunk_size
    assert d.resumed_from == d.stopped_at
    assert 0 < d.resent_bytes <= d.chunk_size
    # the stored receipt verifies with the provider's own key, for exactly this bundle
    provider = ProviderService(ProviderConfig(tmp_path / "provider"))
    try:
        held = provider.importer.held(result.assessment_id, device_key(tmp_path / "keys").fingerprint)
        provider_pem, provider_key_id = provider.store.key.public_pem(), provider.store.key.fingerprint
    finally:
        provider.close()
    assert held is not None and held.source == "upload" and Path(held.stored_path).is_dir()
    assert d.provider_key_id == provider_key_id and d.import_status == "imported"
    store = AssessmentStore.open(tmp_path / "assessor.db")
    try:
        outbox = open_outbox(store, tmp_path)
        stored = outbox.receipt(result.assessment_id)
        assert stored is not None and outbox.get(result.assessment_id).status == "delivered"
        statement = verify_receipt(stored["envelope"], provider_pem, bundle_id=result.assessment_id,
                                   manifest_sha256=held.manifest_sha256)
        assert statement == d.receipt and statement["received"].endswith("Z")
        assert store.summary(result.assessment_id).status == "synced"
    finally:
        store.close()
    assert not list((tmp_path / "provider" / "uploads").iterdir())  # nothing left half-received


def test_a_second_demo_run_uses_the_enrollment_it_already_has(tmp_path: Path, library: Library):
    first = run_demo(library, tmp_path, say=_quiet, video=False, sync=True)
    second = run_demo(library, tmp_path, say=_quiet, video=False, sync=True)
    assert second.delivery is not None and not second.delivery.enrolled_now
    assert first.delivery is not None and second.delivery.provider_key_id == first.delivery.provider_key_id
    provider = ProviderService(ProviderConfig(tmp_path / "provider"))
    try:
        assert [b.bundle_id for b in provider.importer.bundles()] == sorted(
            [first.assessment_id, second.assessment_id])
        assert len(provider.registry.devices()) == 1
    finally:
        provider.close()


def test_the_demo_leaves_another_providers_enrollment_alone(tmp_path: Path, capsys):
    data = tmp_path / "data"
    with ProviderServer(tmp_path / "real-provider") as real:
        store = AssessmentStore.open(data / "assessor.db")
        try:
            outbox = open_outbox(store, data)
            real.service.directory.add_workshop("ws-1", name="Main Workshop", country="FI")
            enroll(outbox, provider_url=real.url, code=real.service.registry.create_code("ws-1"),
                   workshop_id="ws-1", keys_dir=data / "keys")
        finally:
            store.close()
        assert main(["demo", "--headless", "--no-video", "--data-dir", str(data)]) == 1
        assert f"enrolled with the provider at {real.url}" in capsys.readouterr().err
        store = AssessmentStore.open(data / "assessor.db")
        try:
            assert open_outbox(store, data).enrollment().provider_url == real.url
        finally:
            store.close()
    assert not (data / "provider").exists()  # refused before a demo provider was made
