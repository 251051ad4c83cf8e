"""Exotic, malformed and oversized tar archives: each refused at inspection, naming member or byte.

The archives are built byte by byte (tarbytes.py) wherever ``tarfile`` would not write them.
Nothing of a refused archive is ever extracted.
"""

from __future__ import annotations

import tarfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from redteam_support import Genuine, assert_refused_by_command
from tarbytes import GNU, archive, end, file, folder, header, pax, record

from assessor_app.evidence.archive import open_archive
from assessor_app.evidence.bundle import BundleError
from assessor_app.evidence.verify import verify_path

B = folder(b"b")
SPARSE_MAP = b"1\n0\n1\n" + bytes(506) + b"x"
NEVER = "which a bundle archive never holds"
ONLY = "bundles hold plain files only"
AT = "hostile.tar: the header at byte 512"
PAX_AT = "hostile.tar: the PAX header at byte 512"
MALFORMED = f"{PAX_AT} has a malformed record at offset 0"
SPARSE_00 = pax(record(b"GNU.sparse.size", b"4096"), record(b"GNU.sparse.numblocks", b"1"),
                record(b"GNU.sparse.offset", b"0"), record(b"GNU.sparse.numbytes", b"1"))
SPARSE_01 = pax(record(b"GNU.sparse.size", b"4096"), record(b"GNU.sparse.map", b"0,1"))
SPARSE_10 = pax(record(b"GNU.sparse.major", b"1"), record(b"GNU.sparse.minor", b"0"),
                record(b"GNU.sparse.name", b"b/real-name"), record(b"GNU.sparse.realsize", b"4096"))
LONG_LINK = b"b/x\0" + bytes(508)
BIG_PAX = record(b"comment", b"x" * 70_000)
E_ACUTE = "b/\u00e9".encode()
E_COMBINING = "b/e\u0301".encode()

CASES: dict[str, tuple[bytes, str]] = {
    # GNU sparse files, all three PAX forms, and the old GNU header
    "GNU sparse 0.0": (archive(B, SPARSE_00, file(b"b/sparse")),
                       f"archive member 'b/sparse' is a GNU sparse file (format 0.0): {ONLY}"),
    "GNU sparse 0.1": (archive(B, SPARSE_01, file(b"b/sparse")),
                       f"archive member 'b/sparse' is a GNU sparse file (format 0.1): {ONLY}"),
    "GNU sparse 1.0": (archive(B, SPARSE_10, file(b"b/GNUSparseFile.0/real-name", SPARSE_MAP)),
                       f"archive member 'b/real-name' is a GNU sparse file (format 1.0): {ONLY}"),
    "old GNU sparse header": (archive(B, header(b"b/s", kind=b"S")),
                              f"{AT} is an old GNU sparse file header, {NEVER}"),
    "GNU format header": (archive(B, header(b"b/s", kind=b"S", magic=GNU)),
                          f"{AT} is not a POSIX ustar header (a bundle archive is POSIX pax)"),
    "GNU long name": (archive(B, header(b"././@LongLink", kind=b"L", size=4), LONG_LINK, file(b"b/x")),
                      f"{AT} is a GNU long-name header, {NEVER}"),
    "GNU long link": (archive(B, header(b"././@LongLink", kind=b"K", size=4), LONG_LINK, file(b"b/x")),
                      f"{AT} is a GNU long-link header, {NEVER}"),
    # PAX oddities
    "PAX path with ..": (archive(B, pax(record(b"path", b"b/../../escape.txt")), file(b"b/harmless")),
                         "archive member 'b/../../escape.txt' has an empty, '.' or '..' component"),
    "PAX absolute path": (archive(B, pax(record(b"path", b"/etc/escape.txt")), file(b"b/harmless")),
                          "archive member '/etc/escape.txt' has an absolute path"),
    "PAX path with NUL": (archive(B, pax(record(b"path", b"b/a\0b")), file(b"b/harmless")),
                          "archive member 'b/a\\x00b' has a control character in its name"),
    "PAX link path": (archive(B, pax(record(b"linkpath", b"/etc/shadow")), file(b"b/x")),
                      f"archive member 'b/x' has a PAX link target: {ONLY}"),
    "PAX size negative": (archive(B, pax(record(b"size", b"-1")), file(b"b/x")),
                          "archive member 'b/x' has a PAX size record '-1' that is not a size in bytes"),
    "PAX size not a number": (archive(B, pax(record(b"size", b"12abc")), file(b"b/x")),
                              "archive member 'b/x' has a PAX size record '12abc' that is not a size in "
                              "bytes"),
    "PAX size of 40 digits": (archive(B, pax(record(b"size", b"9" * 40)), file(b"b/x")),
                              f"archive member 'b/x' has a PAX size record '{'9' * 40}' that is not a size "
                              f"in bytes"),
    "PAX size huge": (archive(B, pax(record(b"size", b"9" * 25)), file(b"b/x")),
                      "archive member 'b/x' takes the archive over its limit of 68719476736 bytes"),
    "PAX size past the end": (archive(B, pax(record(b"size", b"5000")), file(b"b/x")),
                              "archive member 'b/x' runs past the end of the archive (it claims 5000 bytes; "
                              "1536 are there)"),
    "PAX hdrcharset BINARY": (archive(B, pax(record(b"hdrcharset", b"BINARY"),
                                             record(b"path", b"b/\xff\xfe")), file(b"b/x")),
                              "archive member 'b/\\\\xff\\\\xfe' declares the header charset 'BINARY': "
                              "names in a bundle archive are UTF-8"),
    "PAX path not UTF-8": (archive(B, pax(record(b"path", b"b/\xff")), file(b"b/x")),
                           "archive member at byte 1536 has a name that is not UTF-8 ('b/\\\\xff')"),
    "ustar name not UTF-8": (archive(B, file(b"b/\xff")),
                             "archive member at byte 512 has a name that is not UTF-8 ('b/\\\\xff')"),
    "PAX global header": (archive(B, pax(record(b"path", b"b/evil"), kind=b"g"), file(b"b/x")),
                          f"{AT} is a global PAX header, {NEVER}"),
    "PAX record of the wrong length": (archive(B, pax(b"99 path=b/x\n"), file(b"b/x")), MALFORMED),
    "PAX record without =": (archive(B, pax(b"10 pathbx\n"), file(b"b/x")), MALFORMED),
    "PAX record of length 0": (archive(B, pax(b"0 path=b/x\n"), file(b"b/x")), MALFORMED),
    "PAX record length not a number": (archive(B, pax(b"1a path=b/x\n"), file(b"b/x")), MALFORMED),
    "PAX record without keyword": (archive(B, pax(b"7 =b/x\n"), file(b"b/x")), MALFORMED),
    "PAX trailing junk": (archive(B, pax(record(b"path", b"b/x") + b"junk"), file(b"b/x")),
                          f"{PAX_AT} has a malformed record at offset 12"),
    "PAX record twice": (archive(B, pax(record(b"path", b"b/x"), record(b"path", b"b/y")), file(b"b/x")),
                         f"{PAX_AT} has the record 'path' twice"),
    "PAX header after PAX header": (
        archive(B, pax(record(b"path", b"b/x")), pax(record(b"path", b"b/y")), file(b"b/x")),
        f"{PAX_AT} is followed by another PAX header"),
    "PAX header at the end": (archive(B, pax(record(b"path", b"b/x"))),
                              f"{PAX_AT} is followed by the end of the archive, not by a member"),
    "PAX header too large": (archive(B, pax(BIG_PAX), file(b"b/x")),
                             f"{PAX_AT} is {len(BIG_PAX)} bytes, over the limit of 65536"),
    # what is not a plain file or folder
    "symbolic link": (archive(B, header(b"b/link", kind=b"2", link=b"/etc/passwd")),
                      f"archive member 'b/link' is a symbolic link ('/etc/passwd'): {ONLY}"),
    "hard link": (archive(B, pax(record(b"linkpath", b"/etc/shadow")), header(b"b/hard", kind=b"1")),
                  f"archive member 'b/hard' is a hard link ('/etc/shadow'): {ONLY}"),
    "character device": (archive(B, header(b"b/null", kind=b"3")),
                         f"archive member 'b/null' is a character device: {ONLY}"),
    "block device": (archive(B, header(b"b/sda", kind=b"4")),
                     f"archive member 'b/sda' is a block device: {ONLY}"),
    "FIFO": (archive(B, header(b"b/pipe", kind=b"6")), f"archive member 'b/pipe' is a FIFO: {ONLY}"),
    "contiguous file": (archive(B, file(b"b/c", kind=b"7")),
                        f"archive member 'b/c' is a contiguous file: {ONLY}"),
    "unknown type": (archive(B, header(b"b/z", kind=b"Z")),
                     f"archive member 'b/z' has the header type b'Z', {NEVER}"),
    "folder with data": (archive(B, header(b"b/d/", kind=b"5", size=512), bytes(512)),
                         "archive member 'b/d' is a folder with 512 bytes of data"),
    # damaged headers and framing
    "not a tar": (b"PK\x03\x04" + bytes(2000),
                  "hostile.tar is not an uncompressed tar archive (no valid tar header at its start)"),
    "empty file": (b"", "hostile.tar is empty"),
    "only the end marker": (end(), "hostile.tar holds no bundle folder: it has no members"),
    "bad checksum": (archive(B, header(b"b/x", bad_checksum=True)),
                     f"{AT} is damaged (its checksum does not match)"),
    "binary size field": (archive(B, header(b"b/x", size_field=b"\x80" + bytes(11))),
                          f"{AT} has a size field that is not an octal number"),
    "size field not octal": (archive(B, header(b"b/x", size_field=b"0000000009\0 ")),
                             f"{AT} has a size field that is not an octal number"),
    "data past the end": (archive(B, header(b"b/x", size=1_000_000), b"x" * 512),
                          "archive member 'b/x' runs past the end of the archive (it claims 1000000 bytes; "
                          "1536 are there)"),
    "truncated in a header": ((B + file(b"b/x"))[:612],
                              "hostile.tar is truncated: the block at byte 512 is incomplete"),
    "no end marker": (B + file(b"b/x"),
                      "hostile.tar is truncated: it ends at byte 1536 without the end-of-archive marker"),
    "half an end marker": (B + file(b"b/x") + bytes(512),
                           "hostile.tar is truncated: its end-of-archive marker at byte 1536 is incomplete"),
    "a zero block in the middle": (
        archive(B, file(b"b/x"), bytes(512), file(b"b/y")),
        "hostile.tar has an empty block at byte 1536 in the middle of its members"),
    "members hidden after the end marker": (
        archive(B, file(b"b/x"), end(), file(b"b/hidden")),
        "hostile.tar holds data after its end-of-archive marker (at byte 2560)"),
    "junk after the end marker": (archive(B, file(b"b/x")) + b"junk",
                                  "hostile.tar holds data after its end-of-archive marker (at byte 2560)"),
    # names against each other
    "two top folders": (archive(B, file(b"b/x"), file(b"c/y")),
                        "archive member 'c/y' is outside the single top-level folder 'b'"),
    "names differing in case": (
        archive(B, file(b"b/X"), file(b"b/x")),
        "archive member 'b/x' differs from another only in case or Unicode normalization"),
    "names differing in normalization": (
        archive(B, file(E_ACUTE), file(E_COMBINING)),
        "archive member 'b/e\u0301' differs from another only in case or Unicode normalization"),
    "a file inside a file": (archive(B, file(b"b/x"), file(b"b/x/y")),
                             "archive member 'b/x/y' is inside a file"),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_an_exotic_or_malformed_archive_is_refused_before_anything_is_extracted(case: str, tmp_path: Path):
    data, reason = CASES[case]
    hostile = tmp_path / "hostile.tar"
    hostile.write_bytes(data)
    into = tmp_path / "into"
    into.mkdir()
    with pytest.raises(BundleError) as refused:
        open_archive(hostile, into)
    assert str(refused.value) == reason
    assert list(into.iterdir()) == []
    assert verify_path(hostile).problems == [f"archive: {reason}"]


def test_the_command_refuses_a_sparse_archive_without_a_traceback(tmp_path: Path):
    hostile = tmp_path / "hostile.tar"
    hostile.write_bytes(CASES["GNU sparse 1.0"][0])
    assert_refused_by_command(hostile, f"archive: {CASES['GNU sparse 1.0'][1]}")


# ---------------------------------------------------------------- depth and length


def _tar(path: Path, names: list[str]) -> Path:
    import io

    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        for name in names:
            info = tarfile.TarInfo(name)
            info.size = 1
            tar.addfile(info, io.BytesIO(b"1"))
    return path


def _shown(name: str) -> str:
    return repr(name) if len(name) <= 200 else f"{name[:200]!r}... ({len(name.encode())} bytes)"


DEEP = "b/" + "d/" * 3000 + "f.txt"
LONG_NAME = "b/" + "n" * 300
LONG_PATH = "b/" + "/".join(["p" * 200] * 6) + "/f"
LIMITS = {
    "thousands of folders deep": (DEEP, f"archive member {_shown(DEEP)} is more than 16 levels deep"),
    "a name of 300 bytes": (LONG_NAME,
                            f"archive member {_shown(LONG_NAME)} has a name longer than 255 bytes"),
    "a path of 1213 bytes": (LONG_PATH,
                             f"archive member {_shown(LONG_PATH)} has a path longer than 1024 bytes"),
    "17 levels": ("b/" + "d/" * 16 + "f", f"archive member {_shown('b/' + 'd/' * 16 + 'f')} is more than 16 "
                                          f"levels deep"),
}


@pytest.mark.parametrize("case", sorted(LIMITS))
def test_paths_too_deep_or_too_long_are_refused_at_inspection(case: str, tmp_path: Path):
    name, reason = LIMITS[case]
    hostile = _tar(tmp_path / "hostile.tar", [name])
    with pytest.raises(BundleError) as refused:
        open_archive(hostile, tmp_path / "into")
    assert str(refused.value) == reason
    assert verify_path(hostile).problems == [f"archive: {reason}"]


def test_the_command_refuses_an_archive_thousands_of_folders_deep(tmp_path: Path):
    hostile = _tar(tmp_path / "hostile.tar", [DEEP])
    assert_refused_by_command(hostile, f"archive: {LIMITS['thousands of folders deep'][1]}")


def test_paths_at_the_limits_are_extracted(tmp_path: Path):
    names = ["b/" + "d/" * 15 + "f", "b/" + "n" * 255, "b/" + "/".join(["p" * 200] * 5)]
    assert len(names[2].encode()) - 2 <= 1024
    root = open_archive(_tar(tmp_path / "edge.tar", names), tmp_path / "into")
    extracted = sorted(p.relative_to(root.parent).as_posix() for p in root.rglob("*") if p.is_file())
    assert extracted == sorted(names)


def test_a_truncated_genuine_archive_names_the_member_cut_short(genuine: Genuine, tmp_path: Path):
    with tarfile.open(genuine.archive) as tar:
        member = tar.getmember(f"{genuine.bundle_id}/data/capture/can.bin")
    cut = tmp_path / "cut.tar"
    cut.write_bytes(genuine.archive.read_bytes()[:member.offset_data + 100])
    reason = (f"archive member '{genuine.bundle_id}/data/capture/can.bin' runs past the end of the archive "
              f"(it claims 2048 bytes; 100 are there)")
    assert verify_path(cut).problems == [f"archive: {reason}"]
    cut.write_bytes(genuine.archive.read_bytes()[:member.offset])
    assert verify_path(cut).problems == [
        f"archive: cut.tar is truncated: it ends at byte {member.offset} without the end-of-archive marker"]


def test_zero_blocks_in_a_genuine_archive_cannot_hide_members(genuine: Genuine, tmp_path: Path):
    with tarfile.open(genuine.archive) as tar:
        member = tar.getmember(f"{genuine.bundle_id}/data/record.json")
    data = genuine.archive.read_bytes()
    hidden = tmp_path / "hidden.tar"
    hidden.write_bytes(data[:member.offset] + end() + data[member.offset:])
    assert verify_path(hidden).problems == [
        f"archive: hidden.tar holds data after its end-of-archive marker (at byte {member.offset + 1024})"]


# ---------------------------------------------------------------- any damage at all

@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_any_damage_to_a_genuine_archive_gives_a_reason_or_a_bundle_never_an_exception(
        genuine: Genuine, tmp_path_factory: pytest.TempPathFactory, data: st.DataObject):
    original = genuine.archive.read_bytes()
    damaged = bytearray(original)
    for _ in range(data.draw(st.integers(1, 4))):
        where = data.draw(st.integers(0, len(damaged) - 1))
        how = data.draw(st.sampled_from(["flip", "cut", "insert", "header"]))
        if how == "flip":
            damaged[where] ^= data.draw(st.integers(1, 255))
        elif how == "cut":
            del damaged[where:where + data.draw(st.integers(1, 1024))]
        elif how == "insert":
            damaged[where:where] = data.draw(st.binary(min_size=1, max_size=1024))
        else:  # a byte of some header's fields, where the reader's decisions are
            block = data.draw(st.integers(0, len(damaged) // 512 - 1)) * 512
            damaged[block + data.draw(st.integers(0, 499))] = data.draw(st.integers(0, 255))
    folder = tmp_path_factory.mktemp("damaged")
    path = folder / "damaged.tar"
    path.write_bytes(bytes(damaged))
    try:
        root = open_archive(path, folder / "into")
    except BundleError as exc:
        assert str(exc)
        return
    result = verify_path(root)  # opened: whatever it holds, verification gives a verdict
    assert result.ok or result.problems
