"""`assessor bundle anonymise`: the bundle without identity/, read-only, verified as "identity: withheld";
neither the candidate's name nor the VIN in any of its files, the PDFs included."""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path

import pytest
from helpers import ASSESSOR, CANDIDATE, VEHICLE, load_mini
from identity_support import ApartDriver, finish_apart
from pypdf import PdfReader
from pypdf.generic import StreamObject

from assessor_app.cli import main
from assessor_app.core.engine import AddNote
from assessor_app.evidence.anonymise import anonymise_bundle
from assessor_app.evidence.bundle import BundleError, write_bundle
from assessor_app.evidence.verify import verify_bundle, verify_path

sys.path.insert(0, str(Path(__file__).resolve().parent / "provider"))
from sync_support import Sealed, assessor_key, make_bundle, workstation_key  # noqa: E402

#: what must never be in an anonymised copy (and is in the original's identity files)
SECRETS = {"the candidate's name": CANDIDATE.name, "the VIN": VEHICLE.vin}
WITHHELD = ("identity: withheld (kept apart from the record; the seal names 3 identity files, which this "
            "copy does not hold)")


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file())


def _texts_of(path: Path) -> list[bytes]:
    """Everything a file says: its bytes, and for a PDF its extracted text, its metadata and every stream
    decompressed (reportlab compresses page streams, so the raw bytes alone would hide the text)."""
    raw = path.read_bytes()
    texts = [raw]
    if path.suffix == ".pdf":
        reader = PdfReader(path)
        texts.append(" ".join(page.extract_text() for page in reader.pages).encode())
        texts.append(repr(dict(reader.metadata or {})).encode())
        for number in range(1, int(reader.trailer["/Size"])):
            obj = reader.get_object(number)
            if isinstance(obj, StreamObject):
                texts.append(obj.get_data())
    return texts


def _found(root: Path) -> list[tuple[str, str]]:
    """(file, what) for each secret anywhere in any file under ``root``."""
    found = []
    for path in _files(root):
        texts = _texts_of(path)
        flat = [re.sub(rb"\s+", b" ", t) for t in texts]
        for what, secret in SECRETS.items():
            if any(secret.encode() in t for t in texts + flat):
                found.append((path.relative_to(root).as_posix(), what))
    return found


@pytest.fixture(scope="module")
def original(tmp_path_factory: pytest.TempPathFactory) -> Sealed:
    """A sealed bundle (and its .tar) of an assessment that keeps identity apart: never modified."""
    where = tmp_path_factory.mktemp("original")
    return make_bundle(where, workstation_key(where / "keys"), apart=True)


@pytest.fixture(scope="module")
def copied(original: Sealed, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("anonymised")
    done = anonymise_bundle(original.folder, out, archive=True)
    assert done.path == out / original.bundle_id and done.archive == out / f"{original.bundle_id}.tar"
    assert done.source_identity == "present" and done.verification.identity == "withheld"
    return done.path


def test_the_search_finds_the_names_where_they_are(original: Sealed):
    """Not vacuous: in the original, the identity file and every full PDF record name them, and the
    compressed PDF streams hide them from a search of the raw bytes."""
    found = _found(original.folder)
    for name in ("identity/identity.json", "identity/assessment-record.en.pdf",
                 "identity/assessment-record.fi.pdf"):
        assert (name, "the candidate's name") in found and (name, "the VIN") in found
    full = (original.folder / "identity/assessment-record.en.pdf").read_bytes()
    assert b"/FlateDecode" in full and CANDIDATE.name.encode() not in full
    assert not [f for f in found if not f[0].startswith("identity/")]


def test_the_copy_holds_everything_but_identity_and_names_no_one(original: Sealed, copied: Path):
    source = {p.relative_to(original.folder).as_posix() for p in _files(original.folder)}
    assert {p.relative_to(copied).as_posix() for p in _files(copied)} == {
        n for n in source if not n.startswith("identity/")}
    assert not (copied / "identity").exists()
    for path in _files(copied):
        if not path.is_relative_to(copied / "identity"):
            assert path.read_bytes() == (original.folder / path.relative_to(copied)).read_bytes()
    assert _found(copied) == []
    assert {p.suffix for p in _files(copied)} >= {".pdf", ".json", ".txt"}  # the PDFs were searched too


def test_the_copy_and_its_archive_verify_as_withheld_and_the_original_as_present(original: Sealed,
                                                                                 copied: Path):
    for path in (copied, copied.with_name(f"{copied.name}.tar")):
        result = verify_path(path)
        assert result.ok, result.problems
        assert result.identity == "withheld" and result.proved[-1] == WITHHELD
    assert verify_bundle(original.folder).identity == "present"


def test_the_copy_is_read_only_like_the_original(copied: Path):
    if os.name == "posix":
        for path in [copied, *copied.rglob("*")]:
            assert stat.S_IMODE(path.lstat().st_mode) == (0o400 if path.is_file() else 0o700), path
        assert stat.S_IMODE(copied.with_name(f"{copied.name}.tar").stat().st_mode) == 0o400


def test_the_command_copies_an_archive_and_verify_says_which_is_which(original: Sealed, tmp_path: Path,
                                                                      capsys):
    assert main(["bundle", "anonymise", str(original.archive), "--out", str(tmp_path / "out")]) == 0
    out = capsys.readouterr().out.splitlines()
    copy = tmp_path / "out" / original.bundle_id
    assert out[0] == f"Anonymised copy: {copy}  (identity/ left out)"
    assert f"ok   {WITHHELD}" in out and out[-1] == "VERIFIED"
    assert not (tmp_path / "out" / f"{original.bundle_id}.tar").exists()  # no --archive
    assert main(["verify", str(copy)]) == 0
    assert f"ok   {WITHHELD}" in capsys.readouterr().out.splitlines()
    assert main(["verify", str(original.folder)]) == 0
    present = [line for line in capsys.readouterr().out.splitlines() if line.startswith("ok   identity:")]
    assert present == ["ok   identity: present (identity/identity.json and 2 full PDF records, as sealed; "
                       "the record's commitments to the candidate and the VIN are made from it)"]
    # anonymising the anonymised copy gives the same again
    assert main(["bundle", "anonymise", str(copy), "--out", str(tmp_path / "again")]) == 0
    assert capsys.readouterr().out.splitlines()[0] == (
        f"Anonymised copy: {tmp_path / 'again' / original.bundle_id}  (identity/ left out; the source had "
        f"none already)")


def test_a_bundle_whose_record_holds_the_names_is_refused(tmp_path: Path, capsys):
    embedded = make_bundle(tmp_path, workstation_key(tmp_path / "keys"))
    assert main(["bundle", "anonymise", str(embedded.folder), "--out", str(tmp_path / "out")]) == 1
    assert capsys.readouterr().err.splitlines() == [
        f"assessor: bundle {embedded.bundle_id} cannot be anonymised: the names and the VIN are in its "
        f"record's events (it was sealed before identity was kept apart)"]
    assert not (tmp_path / "out").exists()


def test_a_name_outside_the_identity_file_refuses_the_copy(tmp_path: Path):
    d = ApartDriver(load_mini())
    d.ok(AddNote(f"{CANDIDATE.name.upper()} asked for a break"))
    identity = finish_apart(d)
    mini = load_mini()
    sealed = write_bundle(tmp_path / "bundles", bundle_id="noted", engine=d.engine, events=d.events,
                          checklist_source=mini.checklist.source, parameters_source=mini.params.source,
                          keys=[workstation_key(tmp_path / "keys"), assessor_key()], identity=identity)
    with pytest.raises(BundleError) as info:
        anonymise_bundle(sealed.path, tmp_path / "out", archive=True)
    assert str(info.value) == ("the bundle cannot be anonymised: the candidate's name is in data/record.json "
                               "(outside the identity file, so a copy without it would still name them)")
    assert not (tmp_path / "out").exists()


def test_a_bundle_that_does_not_verify_is_not_copied(original: Sealed, tmp_path: Path):
    import shutil

    broken = tmp_path / "broken" / original.bundle_id
    shutil.copytree(original.folder, broken)
    (broken / "data/record.json").chmod(0o600)
    (broken / "data/record.json").write_bytes(b"{}")
    with pytest.raises(BundleError) as info:
        anonymise_bundle(broken, tmp_path / "out")
    assert str(info.value) == (f"{original.bundle_id} does not verify, so it is not copied: payload file "
                               f"data/record.json was modified (SHA-256 differs)")
    link = tmp_path / "linked" / original.bundle_id
    shutil.copytree(original.folder, link)
    (link / "data").chmod(0o700)
    (link / "data/extra").symlink_to(original.folder / "identity/identity.json")
    with pytest.raises(BundleError) as info:
        anonymise_bundle(link, tmp_path / "out")
    assert str(info.value) == (f"{original.bundle_id} does not verify, so it is not copied: 'data/extra' is "
                               f"a link: bundles hold plain files and folders only")
    assert not (tmp_path / "out").exists()


def test_an_existing_copy_is_never_overwritten(original: Sealed, tmp_path: Path):
    (tmp_path / "out" / original.bundle_id).mkdir(parents=True)
    with pytest.raises(BundleError) as info:
        anonymise_bundle(original.folder, tmp_path / "out")
    assert str(info.value) == f"{tmp_path / 'out' / original.bundle_id} already exists"
    assert list((tmp_path / "out" / original.bundle_id).iterdir()) == []


def test_the_signoff_names_are_not_in_the_copy_either(copied: Path):
    record = (copied / "data/record.json").read_text(encoding="utf-8")
    assert ASSESSOR.name not in record and f'"person": "{ASSESSOR.id}"' in record


def test_the_copy_cannot_go_inside_the_bundle(original: Sealed, tmp_path: Path):
    inside = original.folder / "data" / "out"
    with pytest.raises(BundleError) as info:
        anonymise_bundle(original.folder, inside)
    assert str(info.value) == f"{inside} is inside the bundle it would copy"
    assert not inside.exists()
