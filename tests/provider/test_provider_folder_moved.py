"""A provider folder moved or restored elsewhere keeps every bundle it holds: rows find their
folders by the workstation and bundle ids, not by the path written at import."""

from __future__ import annotations

import os
from pathlib import Path

from sync_support import Workstation

from assessor_app.provider.assessment_index import reindex
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig


def test_a_moved_provider_folder_keeps_its_bundles_and_sets_nothing_aside(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None, tmp_path: Path):
    sealed = workstation.bundle(apart=True)
    result = provider.service.importer.import_archive(sealed.archive, source=str(sealed.archive))
    assert result.status == "imported"
    old = provider.service.store.config.folder
    device = workstation.key.fingerprint
    provider.close()

    moved = tmp_path / "restored" / "provider"
    moved.parent.mkdir()
    os.rename(old, moved)
    service = ProviderService(ProviderConfig(folder=moved))
    try:
        held = service.importer.held(sealed.bundle_id, device)
        assert held is not None
        root = service.store.held_root(held)
        assert root == moved / "bundles" / device / sealed.bundle_id and (root / "bagit.txt").is_file()
        assert not any(p.name.startswith("orphan-") for p in service.store.quarantine_dir.iterdir())
        assert reindex(service.store).failed == []
    finally:
        service.close()
