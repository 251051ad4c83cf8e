"""The identity folder: whole and as sealed (present), left out (withheld), never partial, changed or
added to; a record that holds the names is "embedded" and cannot pretend otherwise.

Forgeries are signed with the workshop's genuine keys, so only the verifier's checks stand between
them and an "identity: present" or "identity: withheld".
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from forge import Forge, sha256
from identity_support import ADDRESS
from redteam_support import Genuine, assert_refused_by_command, run_verify, stub_pdf
from sync_support import assessor_key, make_bundle, workstation_key

from assessor_app.core.events import canonical_json
from assessor_app.evidence.archive import write_archive
from assessor_app.evidence.verify import verify_bundle, verify_path

IDENTITY_FILES = ["identity/assessment-record.en.pdf", "identity/assessment-record.fi.pdf",
                  "identity/identity.json"]
WITHHELD = ("identity: withheld (kept apart from the record; the seal names 3 identity files, which this "
            "copy does not hold)")
PRESENT = ("identity: present (identity/identity.json and 2 full PDF records, as sealed; the record's "
           "commitments to the candidate and the VIN are made from it)")
EMBEDDED = "identity: embedded in the record (sealed before identity was kept apart)"


@pytest.fixture(scope="module")
def apart(tmp_path_factory: pytest.TempPathFactory) -> Genuine:
    """A sealed bundle of an assessment that keeps identity apart (PDF records stubbed): never modified."""
    where = tmp_path_factory.mktemp("apart")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("assessor_app.evidence.bundle.render_record", stub_pdf)
        device = workstation_key(where / "keys")
        sealed = make_bundle(where, device, apart=True)
    return Genuine(sealed.folder, sealed.archive, device, assessor_key())


@pytest.fixture
def forged(apart: Genuine, tmp_path: Path) -> Forge:
    root = tmp_path / "bundles" / apart.bundle_id
    shutil.copytree(apart.folder, root)
    for path in [root, *root.rglob("*")]:
        path.chmod(0o700 if path.is_dir() else 0o600)
    return Forge(root, apart.device, apart.assessor)


def _problems(forge: Forge, tmp_path: Path) -> list[str]:
    """The folder's problems, after checking that its archive gives the very same ones."""
    result = verify_bundle(forge.root)
    archive = tmp_path / f"forged-{len(list(tmp_path.glob('forged-*.tar')))}.tar"
    assert verify_path(write_archive(forge.root, archive)).problems == result.problems
    return result.problems


def _withhold(forge: Forge) -> None:
    shutil.rmtree(forge.root / "identity")


# ---------------------------------------------------------------- what a sound bundle proves


def test_the_identity_files_are_sealed_by_hash_outside_the_bag(apart: Genuine):
    statement = Forge(apart.folder, apart.device, apart.assessor).statement()  # read only
    identity = statement["predicate"]["identity"]
    assert sorted(identity) == IDENTITY_FILES
    for name, digest in identity.items():
        assert sha256((apart.folder / name).read_bytes()) == digest
    assert not any(s["name"].startswith("identity/") for s in statement["subject"])
    assert "identity/" not in (apart.folder / "tagmanifest-sha256.txt").read_text()
    assert "identity/" not in (apart.folder / "manifest-sha256.txt").read_text()
    document = json.loads((apart.folder / "identity/identity.json").read_bytes())
    assert (apart.folder / "identity/identity.json").read_bytes() == canonical_json(document)
    assert document["workshop"]["address"] == ADDRESS


def test_present_and_withheld_both_verify_and_say_which(apart: Genuine, forged: Forge, tmp_path: Path):
    for path in (apart.folder, apart.archive):
        result = verify_path(path)
        assert result.ok, result.problems
        assert (result.identity, result.proved[-1]) == ("present", PRESENT)
    _withhold(forged)
    result = verify_bundle(forged.root)
    assert result.ok, result.problems
    assert (result.identity, result.proved[-1], result.warnings) == ("withheld", WITHHELD, [])
    assert verify_path(write_archive(forged.root, tmp_path / "withheld.tar")).identity == "withheld"
    done = run_verify(forged.root)
    assert done.returncode == 0 and f"ok   {WITHHELD}" in done.stdout.splitlines(), done.stdout
    done = run_verify(apart.folder)
    assert done.returncode == 0 and f"ok   {PRESENT}" in done.stdout.splitlines(), done.stdout


def test_a_bag_without_the_identity_folder_is_still_a_valid_bagit_bag(apart: Genuine, forged: Forge):
    import bagit

    bagit.Bag(str(apart.folder)).validate()
    _withhold(forged)
    bagit.Bag(str(forged.root)).validate()


def test_a_record_with_the_names_in_its_events_says_its_identity_is_embedded(genuine: Genuine):
    result = verify_bundle(genuine.folder)
    assert result.ok and (result.identity, result.proved[-1]) == ("embedded", EMBEDDED)


# ---------------------------------------------------------------- a partial, changed or added identity


@pytest.mark.parametrize("name", IDENTITY_FILES)
def test_a_partial_identity_folder_is_refused(forged: Forge, tmp_path: Path, name: str):
    (forged.root / name).unlink()
    assert _problems(forged, tmp_path) == [
        f"identity file {name} is missing (the seal names it: the identity folder must be whole, or left out "
        f"altogether)"]


@pytest.mark.parametrize("name", IDENTITY_FILES)
def test_a_changed_identity_file_is_refused(forged: Forge, tmp_path: Path, name: str):
    forged.write(name, forged.read(name) + b" ")
    assert _problems(forged, tmp_path) == [
        f"identity file {name} was modified (SHA-256 differs from the one the seal names)"]
    assert verify_bundle(forged.root).identity is None


@pytest.mark.parametrize("withheld", [False, True], ids=["present", "withheld"])
def test_a_file_under_identity_the_seal_does_not_name_is_refused(forged: Forge, tmp_path: Path,
                                                                   withheld: bool):
    if withheld:
        _withhold(forged)
    forged.write("identity/assessment-record.sv.pdf", stub_pdf())
    forged.write("identity/notes/names.txt", b"Casey Candidate\n")
    assert _problems(forged, tmp_path) == [
        "identity file identity/assessment-record.sv.pdf is not named by the seal",
        "identity file identity/notes/names.txt is not named by the seal"]


def test_the_tag_manifest_may_not_list_identity_files(forged: Forge, tmp_path: Path):
    forged.rehash_tags(["identity/identity.json"])
    assert _problems(forged, tmp_path) == [
        "tagmanifest-sha256.txt lists the identity file identity/identity.json: identity files are outside "
        "the bag, so that a copy without them is still a complete bag"]


def test_an_identity_folder_in_a_bundle_whose_record_holds_the_names_is_refused(forge: Forge, tmp_path: Path):
    forge.write("identity/identity.json", b"{}")
    reason = ("file identity/identity.json is not named by the seal (the seal says the identity is embedded "
              "in the record)")
    assert _problems(forge, tmp_path) == [reason]
    assert_refused_by_command(forge.root, reason)


# ---------------------------------------------------------------- re-signed by a hostile workshop


def test_a_record_with_the_names_cannot_be_sealed_as_keeping_them_apart(forge: Forge, tmp_path: Path):
    """Re-signed to say "kept apart", a copy without identity/ would pass for anonymised: refused."""
    forge.reseal(lambda s: s["predicate"].update(identity={"identity/identity.json": "a" * 64}))
    assert _problems(forge, tmp_path) == [
        "the seal says the identity is kept apart, but the record's first event holds the names and the VIN"]


def test_an_identity_file_of_someone_else_is_refused_even_when_re_signed(forged: Forge, tmp_path: Path):
    document = json.loads(forged.read("identity/identity.json"))
    document["candidate"]["name"] = "Somebody Else"
    forged.write("identity/identity.json", canonical_json(document))
    forged.reseal(lambda s: s["predicate"]["identity"].update(
        {"identity/identity.json": sha256(forged.read("identity/identity.json"))}))
    reason = ("the identity file does not fit the record: identity/identity.json is not this record's "
              "identity: the candidate's commitment made from it is not the one the record's first event "
              "holds")
    assert _problems(forged, tmp_path) == [reason]
    assert_refused_by_command(forged.root, reason)


IDENTITY_JSON_FORGERIES = {
    "not JSON": (b"{", "the identity file cannot be read: identity/identity.json is not valid JSON: "
                       "Expecting property name enclosed in double quotes: line 1 column 2 (char 1)"),
    "a list": (b"[]", "the identity file does not fit the record: identity/identity.json must be an object, "
                      "not a list"),
    "no salt": (b'{"format": 1}', "the identity file does not fit the record: identity/identity.json has no "
                                  "field 'salt'"),
    "name a number": (None, "the identity file does not fit the record: identity/identity.json: "
                            "candidate.name must be a string, not a number"),
}


@pytest.mark.parametrize("case", sorted(IDENTITY_JSON_FORGERIES))
def test_a_malformed_identity_file_gives_a_reason(forged: Forge, tmp_path: Path, case: str):
    data, reason = IDENTITY_JSON_FORGERIES[case]
    if data is None:
        document = json.loads(forged.read("identity/identity.json"))
        document["candidate"]["name"] = 7
        data = canonical_json(document)
    forged.write("identity/identity.json", data)
    forged.reseal(lambda s: s["predicate"]["identity"].update({"identity/identity.json": sha256(data)}))
    assert _problems(forged, tmp_path) == [reason]


PREDICATES = {
    "null": (None, "the sealed statement's predicate.identity must be 'embedded' or an object naming the "
                   "identity files, not null"),
    "another word": ("withheld", "the sealed statement's predicate.identity must be 'embedded' or an object "
                                 "naming the identity files, not 'withheld'"),
    "a path outside": ({"identity/identity.json": "a" * 64, "data/record.json": "b" * 64},
                       "the sealed statement's predicate.identity names 'data/record.json', which is not an "
                       "identity file (identity/identity.json or identity/assessment-record.<language>.pdf)"),
    "no identity.json": ({"identity/assessment-record.en.pdf": "a" * 64},
                         "the sealed statement's predicate.identity does not name identity/identity.json"),
    "not a hash": ({"identity/identity.json": "x"},
                   "the sealed statement's predicate.identity['identity/identity.json'] must be a SHA-256 "
                   "(64 lowercase hex digits), not 'x'"),
}


@pytest.mark.parametrize("case", sorted(PREDICATES))
def test_a_malformed_identity_in_the_predicate_gives_a_reason(forged: Forge, tmp_path: Path, case: str):
    value, reason = PREDICATES[case]
    forged.reseal(lambda s: s["predicate"].update(identity=value))
    assert _problems(forged, tmp_path) == [f"seal: {reason}"]


def test_a_record_that_keeps_identity_apart_cannot_be_sealed_as_embedded(forged: Forge, tmp_path: Path):
    """Re-signed as "embedded" and stripped of identity/, it would pass for a record holding the names."""
    _withhold(forged)
    forged.reseal(lambda s: s["predicate"].update(identity="embedded"))
    assert _problems(forged, tmp_path) == [
        "the seal says the identity is embedded in the record, but the record's first event keeps it apart "
        "(it holds no names)"]
    assert verify_bundle(forged.root).identity is None
