"""The provider imports a bundle whose identity is kept apart, with its identity folder or without it."""

from __future__ import annotations

from pathlib import Path

from sync_support import Workstation

from assessor_app.evidence.anonymise import anonymise_bundle
from assessor_app.provider.server import ProviderServer


def test_bundles_with_and_without_their_identity_folder_import(
        provider: ProviderServer, workstation: Workstation, tmp_path: Path, fast_bundles: None):
    importer = provider.service.importer
    full = workstation.bundle(apart=True)
    assert (full.folder / "identity/identity.json").is_file()
    result = importer.import_archive(full.archive, source=str(full.archive))
    assert (result.status, result.reason) == ("imported", None)
    assert (Path(str(importer.held(full.bundle_id, workstation.key.fingerprint).stored_path))
            / "identity/identity.json").is_file()

    other = workstation.bundle(apart=True)
    withheld = anonymise_bundle(other.folder, tmp_path / "anonymised", archive=True)
    result = importer.import_folder(withheld.path, source=str(withheld.path))
    assert (result.status, result.reason) == ("imported", None)
    assert not (Path(str(importer.held(other.bundle_id, workstation.key.fingerprint).stored_path))
                / "identity").exists()
    # the same bundle again, now with its identity: the provider holds it already (same manifest)
    again = importer.import_archive(other.archive, source=str(other.archive))
    assert (again.status, again.manifest_sha256) == ("already", other.manifest_sha256)
