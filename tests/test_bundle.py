"""Sealed bundles: a standard BagIt bag, a standard DSSE seal, and every tampering caught."""

import json
import os
import shutil
import stat
from pathlib import Path

import bagit
import pytest

from assessor_app.cli import main
from assessor_app.evidence.verify import verify_bundle


@pytest.fixture(scope="module")
def sealed(demo_with_video) -> Path:
    return demo_with_video.bundle


@pytest.fixture
def copy(sealed: Path, tmp_path: Path) -> Path:
    target = tmp_path / sealed.name
    shutil.copytree(sealed, target)
    for path in target.rglob("*"):
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    return target


def test_an_untouched_bundle_verifies_and_says_what_it_proved(sealed: Path, capsys):
    result = verify_bundle(sealed)
    assert result.ok, result.problems
    assert result.proved[0] == f"bundle {sealed.name} sealed by workstation {result.device_key_id}"
    text = "\n".join(result.proved)
    assert "every SHA-256 correct" in text and "each key file holds the key of the role" in text
    assert "bag-info.txt is covered by the seal" in text and result.warnings == []
    assert "hv-isolation-series 1.2.1" in text and "outcome competent" in text
    assert main(["verify", str(sealed)]) == 0
    assert "VERIFIED" in capsys.readouterr().out


def test_the_bag_validates_with_the_library_of_congress_bagit_package(sealed: Path):
    bag = bagit.Bag(str(sealed))
    bag.validate()  # raises BagValidationError on any problem
    assert bag.info["External-Identifier"] == sealed.name


def test_sealed_files_are_owner_read_only_in_owner_only_folders(sealed: Path):
    if os.name == "posix":
        for path in [sealed, *sealed.rglob("*")]:
            assert stat.S_IMODE(path.stat().st_mode) == (0o400 if path.is_file() else 0o700), path


def _flip(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x01
    path.write_bytes(bytes(data))


CORRUPTIONS = {
    "byte flipped in the record": (lambda b: _flip(b / "data/record.json"), "data/record.json was modified"),
    "byte flipped in the checklist": (lambda b: _flip(b / "data/checklist.yaml"), "was modified"),
    "payload file deleted": (lambda b: (b / "data/parameters.yaml").unlink(), "is missing"),
    "payload file added": (lambda b: (b / "data/extra.txt").write_text("x"), "not in the manifest"),
    "payload file renamed": (
        lambda b: (b / "data/parameters.yaml").rename(b / "data/params.yaml"), "not in the manifest"),
    "manifest edited": (lambda b: _flip(b / "manifest-sha256.txt"), ""),
    "seal replaced": (lambda b: (b / "seal/statement.dsse.json").write_text("{}"), "was modified"),
    "stray tag file": (lambda b: (b / "notes.txt").write_text("x"), "not part of the bundle's layout"),
    "file linked": (lambda b: (b / "data/link").symlink_to(b / "data/record.json"), "is a link"),
}


@pytest.mark.parametrize("name", sorted(CORRUPTIONS))
def test_each_corruption_is_refused_with_its_reason(copy: Path, name: str, capsys):
    corrupt, reason = CORRUPTIONS[name]
    corrupt(copy)
    result = verify_bundle(copy)
    assert not result.ok
    assert any(reason in p for p in result.problems), result.problems
    assert main(["verify", str(copy)]) == 1
    assert "NOT VERIFIED" in capsys.readouterr().out


def test_a_consistently_rehashed_forgery_still_fails_on_the_seal(copy: Path):
    """Change the record and rewrite both manifests: only the signatures can catch it."""
    import hashlib

    record = copy / "data/record.json"
    body = json.loads(record.read_text(encoding="utf-8"))
    body["outcome"] = "competent" if body["outcome"] != "competent" else "incomplete"
    record.write_text(json.dumps(body), encoding="utf-8")

    def rehash(manifest: Path) -> None:
        lines = []
        for line in manifest.read_text(encoding="utf-8").splitlines():
            _digest, name = line.split("  ", 1)
            lines.append(f"{hashlib.sha256((copy / name).read_bytes()).hexdigest()}  {name}")
        manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")

    rehash(copy / "manifest-sha256.txt")
    rehash(copy / "tagmanifest-sha256.txt")
    result = verify_bundle(copy)
    assert not result.ok
    assert any("seal" in p for p in result.problems), result.problems
