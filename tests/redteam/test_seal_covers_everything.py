"""The seal covers everything that speaks about the assessment, and every key plays its signed role."""

from __future__ import annotations

import hashlib
import os
import shutil
import stat
from pathlib import Path

from forge import Forge
from redteam_support import Genuine, assert_refused_by_command, run_verify
from sync_support import workstation_key

from assessor_app.evidence.archive import open_archive, write_archive
from assessor_app.evidence.verify import Verification, verify_bundle, verify_path


def _verified_both_ways(forge: Forge, tmp_path: Path) -> Verification:
    """The folder's verification, after checking that its archive gives the very same problems."""
    result = verify_bundle(forge.root)
    archive = tmp_path / f"forged-{len(list(tmp_path.glob('forged-*.tar')))}.tar"
    assert verify_path(write_archive(forge.root, archive)).problems == result.problems
    return result


def test_a_genuine_bundle_is_named_by_its_id_and_sealing_workstation(genuine: Genuine):
    for path in (genuine.folder, genuine.archive):
        result = verify_path(path)
        assert result.ok, result.problems
        assert result.proved[0] == (f"bundle {genuine.bundle_id} sealed by workstation "
                                    f"{genuine.device.fingerprint}")
        assert "bag-info.txt is covered by the seal: its fields are as sealed" in result.proved
        assert result.warnings == []
        assert (result.bundle_id, result.device_key_id, result.assessor_id, result.assessor_key_id) == (
            genuine.bundle_id, genuine.device.fingerprint, "assr-1", genuine.assessor.fingerprint)
        manifest = hashlib.sha256((genuine.folder / "manifest-sha256.txt").read_bytes()).hexdigest()
        assert (result.manifest_sha256, result.outcome) == (manifest, "incomplete")
        assert result.assessment_id == "00000000-0000-4000-8000-000000000001"
        assert result.first_event_wall_us is not None and result.last_event_wall_us is not None
        assert result.first_event_wall_us <= result.last_event_wall_us


def test_bag_info_changed_after_sealing_is_refused(forge: Forge, tmp_path: Path):
    forge.write("bag-info.txt", forge.read("bag-info.txt").replace(b"assessor-app", b"Garage Forged"))
    forge.rehash_tags()
    result = _verified_both_ways(forge, tmp_path)
    assert result.problems == ["bag-info.txt was changed after sealing (its SHA-256 is not the one the seal "
                               "names)"]
    assert result.manifest_sha256 is not None  # the rest is established; the bundle still fails


def test_a_bundle_sealed_before_bag_info_was_covered_verifies_with_a_warning(forge: Forge, tmp_path: Path):
    forge.reseal(lambda s: s["predicate"].pop("bag_info_sha256"))
    warning = ("bag-info.txt is not covered by the seal (a bundle sealed before it was): its fields are NOT "
               "trusted")
    result = _verified_both_ways(forge, tmp_path)
    assert result.ok, result.problems
    assert result.warnings == [warning]
    done = run_verify(forge.root)
    assert done.returncode == 0 and f"WARN {warning}" in done.stdout.splitlines(), done.stdout
    assert "VERIFIED" in done.stdout.splitlines()


def test_tag_files_outside_the_signed_set_are_refused_even_when_the_tag_manifest_lists_them(
        forge: Forge, tmp_path: Path):
    for name in ("notes.txt", "manifest-md5.txt", "seal/extra.pub.pem", "more/bag-info.txt"):
        forge.write(name, b"added by the workshop\n")
    forge.rehash_tags(["notes.txt", "manifest-md5.txt", "seal/extra.pub.pem", "more/bag-info.txt"])
    assert _verified_both_ways(forge, tmp_path).problems == [
        "file manifest-md5.txt is not part of the bundle's layout",
        "file more/bag-info.txt is not part of the bundle's layout",
        "file notes.txt is not part of the bundle's layout",
        "file seal/extra.pub.pem is not part of the bundle's layout",
    ]


def test_a_pdf_record_the_seal_does_not_name_is_refused_even_when_listed(forge: Forge, tmp_path: Path):
    forge.write("assessment-record.sv.pdf", b"%PDF-1.4\n% not sealed\n%%EOF\n")
    forge.rehash_tags(["assessment-record.sv.pdf"])
    assert _verified_both_ways(forge, tmp_path).problems == [
        "the PDF record assessment-record.sv.pdf is not named by the seal"]


def test_the_folder_or_top_folder_must_be_named_by_the_bundle_id(forge: Forge, tmp_path: Path):
    renamed = forge.root.rename(forge.root.with_name("someone-elses-bundle"))
    reason = f"the seal names bundle {forge.root.name} but the bundle folder is named 'someone-elses-bundle'"
    assert verify_bundle(renamed).problems == [reason]
    archive = write_archive(renamed, tmp_path / "renamed.tar")
    assert verify_path(archive).problems == [reason]
    assert_refused_by_command(archive, reason)


def test_swapped_key_files_fail_naming_the_roles(forge: Forge, tmp_path: Path):
    device, assessor = forge.read("seal/device.pub.pem"), forge.read("seal/assessor.pub.pem")
    forge.write("seal/device.pub.pem", assessor)
    forge.write("seal/assessor.pub.pem", device)
    forge.rehash_tags()
    reason = ("the key files are swapped: seal/device.pub.pem holds the key of assessor assr-1 and "
              "seal/assessor.pub.pem the workstation's, but the seal gives each file its role")
    result = _verified_both_ways(forge, tmp_path)
    assert result.problems == [reason]
    assert result.device_key_id is None and result.assessor_key_id is None
    assert_refused_by_command(forge.root, reason)


def test_another_workstation_cannot_stand_in_for_the_one_the_seal_names(forge: Forge, genuine: Genuine,
                                                                        tmp_path: Path):
    """A second device re-signs the genuine statement (which names the first device) with its own key."""
    other = workstation_key(tmp_path / "other-keys")
    forge.write("seal/device.pub.pem", other.public_pem().encode())
    forge.reseal(lambda _s: None, keys=[other, genuine.assessor])
    assert _verified_both_ways(forge, tmp_path).problems == [
        f"seal/device.pub.pem holds key {other.fingerprint}, not the workstation key "
        f"{genuine.device.fingerprint} the seal names"]


def test_the_seal_must_name_one_workstation_and_exactly_one_assessor(forge: Forge, tmp_path: Path,
                                                                     genuine: Genuine):
    forge.reseal(lambda s: s["predicate"]["keys"].update({"assr-2": genuine.assessor.fingerprint}))
    assert _verified_both_ways(forge, tmp_path).problems == [
        "seal: the sealed statement's predicate.keys must name the workstation (\"device\") and exactly "
        "one assessor; it names 'assr-1', 'assr-2', 'device'"]
    forge.reseal(lambda s: s["predicate"]["keys"].pop("device"))
    assert _verified_both_ways(forge, tmp_path).problems == [
        "seal: the sealed statement's predicate.keys must name the workstation (\"device\") and exactly "
        "one assessor; it names 'assr-1', 'assr-2'"]


def test_one_key_in_both_roles_is_refused(forge: Forge, tmp_path: Path):
    forge.write("seal/assessor.pub.pem", forge.read("seal/device.pub.pem"))
    forge.rehash_tags()
    assert _verified_both_ways(forge, tmp_path).problems == [
        "seal: seal/device.pub.pem and seal/assessor.pub.pem hold the same key: the seal needs the "
        "workstation's and the assessor's"]


def test_the_assessment_named_by_the_seal_must_be_the_recorded_one(forge: Forge, tmp_path: Path):
    forge.reseal(lambda s: s["predicate"].update(assessment_id="another-assessment"))
    result = _verified_both_ways(forge, tmp_path)
    assert result.problems == ["the seal names assessment 'another-assessment' but the record is of "
                               "assessment '00000000-0000-4000-8000-000000000001'"]
    assert result.assessment_id is None


# ---------------------------------------------------------------- permissions


def _modes(root: Path) -> set[tuple[str, int]]:
    paths = [root, *root.rglob("*")]
    return {("dir" if p.is_dir() else "file", stat.S_IMODE(p.lstat().st_mode)) for p in paths}


def test_sealed_bundles_and_archives_are_owner_only(genuine: Genuine):
    assert _modes(genuine.folder) == {("dir", 0o700), ("file", 0o400)}
    assert stat.S_IMODE(genuine.archive.stat().st_mode) == 0o400


def test_an_opened_archive_is_owner_only_whatever_modes_its_members_claim(tmp_path: Path):
    import io
    import tarfile

    archive = tmp_path / "modes.tar"
    with tarfile.open(archive, "w", format=tarfile.PAX_FORMAT) as tar:
        for name, mode in (("b", 0o777), ("b/data", 0o1777), ("b/data/x", 0o6777), ("b/y", 0o644)):
            info = tarfile.TarInfo(name)
            info.mode = mode
            if name.endswith(("x", "y")):
                info.size = 1
                tar.addfile(info, io.BytesIO(b"1"))
            else:
                info.type = tarfile.DIRTYPE
                tar.addfile(info)
    old = os.umask(0)  # the most permissive umask: the modes come from the extraction alone
    try:
        root = open_archive(archive, tmp_path / "into")
    finally:
        os.umask(old)
    assert _modes(root) == {("dir", 0o700), ("file", 0o400)}
    shutil.rmtree(tmp_path / "into")


def test_a_checklist_other_than_the_pinned_one_is_refused_even_when_re_signed(forge: Forge, tmp_path: Path):
    """Same rules, other text: the first event pins the checklist by hash, and so does verification."""
    forge.write("data/checklist.yaml", forge.read("data/checklist.yaml") + b"# relaxed by the workshop\n")
    forge.rehash_manifest()
    forge.rehash_tags()
    forge.reseal_for_contents()
    assert _verified_both_ways(forge, tmp_path).problems == [
        "data/checklist.yaml is not the version the assessment started with (its SHA-256 is not the one the "
        "first event pins)"]
