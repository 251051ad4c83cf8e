"""Payload files moved or missing, with and without the manifests made consistent: each for its reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from forge import Forge

from assessor_app.evidence.archive import write_archive
from assessor_app.evidence.verify import verify_bundle, verify_path


def _move(forge: Forge, old: str, new: str) -> None:
    (forge.root / new).parent.mkdir(parents=True, exist_ok=True)
    (forge.root / old).rename(forge.root / new)


def _moved(forge: Forge) -> None:
    _move(forge, "data/checklist.yaml", "data/old/checklist.yaml")


def _moved_rehashed(forge: Forge) -> None:
    _moved(forge)
    forge.rehash_manifest()
    forge.rehash_tags()


def _moved_resealed(forge: Forge) -> None:
    """The workshop's own keys sign the new layout: the record no longer finds its checklist."""
    _moved_rehashed(forge)
    forge.reseal_for_contents()


def _deleted(forge: Forge) -> None:
    (forge.root / "data/parameters.yaml").unlink()


def _deleted_rehashed(forge: Forge) -> None:
    _deleted(forge)
    forge.rehash_manifest()
    forge.rehash_tags()


def _capture_moved_out_of_data(forge: Forge) -> None:
    _move(forge, "data/capture/can.bin", "can.bin")


def _tag_file_moved_into_data(forge: Forge) -> None:
    _move(forge, "bag-info.txt", "data/bag-info.txt")


CASES = {
    "moved into another folder": (_moved, [
        "payload file data/checklist.yaml is missing",
        "payload file data/old/checklist.yaml is not in the manifest (added or renamed)"]),
    "moved, manifests rehashed": (_moved_rehashed, [
        "the seal names other files or hashes than the manifest",
        "the seal was made for another manifest",
        "the assessment record cannot be read: data/checklist.yaml is missing"]),
    "moved, manifests rehashed and re-signed": (_moved_resealed, [
        "the assessment record cannot be read: data/checklist.yaml is missing"]),
    "deleted": (_deleted, ["payload file data/parameters.yaml is missing"]),
    "deleted, manifests rehashed": (_deleted_rehashed, [
        "the seal names other files or hashes than the manifest",
        "the seal was made for another manifest",
        "the assessment record cannot be read: data/parameters.yaml is missing"]),
    "capture moved out of data/": (_capture_moved_out_of_data, [
        "file can.bin is not part of the bundle's layout",
        "payload file data/capture/can.bin is missing"]),
    "tag file moved into data/": (_tag_file_moved_into_data, [
        "bag-info.txt is missing: not a complete BagIt bag"]),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_moved_or_missing_payload_is_refused_for_its_reason(forge: Forge, case: str, tmp_path: Path):
    change, reasons = CASES[case]
    change(forge)
    assert verify_bundle(forge.root).problems == reasons
    assert verify_path(write_archive(forge.root, tmp_path / "moved.tar")).problems == reasons


def _manifest_line(forge: Forge, manifest: str, line: str) -> None:
    forge.write(manifest, forge.read(manifest) + line.encode())


MANIFEST_LINES = {
    "a path out of the bundle": (
        "manifest-sha256.txt", f"{'0' * 64}  ../../etc/passwd\n",
        "manifest-sha256.txt line 5 names the path '../../etc/passwd', which has an empty, '.' or '..' "
        "component"),
    "an absolute path": (
        "manifest-sha256.txt", f"{'0' * 64}  /etc/passwd\n",
        "manifest-sha256.txt line 5 names the path '/etc/passwd', which has an empty, '.' or '..' component"),
    "a control character": (
        "manifest-sha256.txt", f"{'0' * 64}  data/a\x1b[2Jb\n",
        "manifest-sha256.txt line 5 names the path 'data/a\\x1b[2Jb', which has a control character in its "
        "name"),
    "a payload file in the tag manifest": (
        "tagmanifest-sha256.txt", f"{'0' * 64}  data/record.json\n",
        "tagmanifest-sha256.txt lists the payload file data/record.json"),
    "a line without its two spaces": (
        "tagmanifest-sha256.txt", f"{'0' * 64} bagit.txt\n", "tagmanifest-sha256.txt line 9 is malformed"),
}


@pytest.mark.parametrize("case", sorted(MANIFEST_LINES))
def test_a_manifest_naming_what_no_bundle_holds_is_refused(forge: Forge, case: str):
    manifest, line, reason = MANIFEST_LINES[case]
    _manifest_line(forge, manifest, line)
    if manifest == "manifest-sha256.txt":
        forge.rehash_tags()  # only the manifest itself can tell (the tag manifest is hashed by nothing)
    assert verify_bundle(forge.root).problems == [reason]
