"""A bundle as one tar file: it verifies, it is reproducible, and hostile archives are refused."""

from __future__ import annotations

import io
import shutil
import tarfile
import tempfile
from collections.abc import Callable
from pathlib import Path

import pytest

from assessor_app.cli import main
from assessor_app.core.specs.library import load_library
from assessor_app.demo import run_demo
from assessor_app.evidence.archive import open_archive, write_archive
from assessor_app.evidence.bundle import BundleError, BundleLimits
from assessor_app.evidence.verify import verify_path
from assessor_app.paths import checklists_dir
from assessor_app.storage.store import AssessmentStore


@pytest.fixture(scope="module")
def demo(demo_with_video) -> tuple[Path, Path]:
    return demo_with_video.bundle, demo_with_video.archive


def test_the_demo_writes_an_archive_that_verifies(demo, capsys):
    bundle, archive = demo
    assert archive == bundle.parent / f"{bundle.name}.tar"
    assert main(["verify", str(archive)]) == 0
    out = capsys.readouterr().out
    assert "VERIFIED" in out and "NOT VERIFIED" not in out and "every SHA-256 correct" in out


def test_members_are_the_bundle_folder_sorted_with_normalized_metadata(demo):
    bundle, archive = demo
    with tarfile.open(archive, "r:") as tar:
        members = tar.getmembers()
    names = [m.name for m in members]
    assert names[0] == bundle.name and all(n.startswith(f"{bundle.name}/") for n in names[1:])
    assert names == sorted(names, key=lambda n: n.split("/"))
    for m in members:
        assert (m.uid, m.gid, m.uname, m.gname) == (0, 0, "", "")
        assert m.mode == (0o555 if m.isdir() else 0o444) and (m.isdir() or m.isreg())
    files = sorted(p.relative_to(bundle.parent).as_posix() for p in bundle.rglob("*") if p.is_file())
    assert sorted(m.name for m in members if m.isreg()) == files
    assert archive.read_bytes()[:512].count(b"\0") > 0  # uncompressed: a plain tar header


def test_the_same_bundle_gives_the_same_bytes(demo, tmp_path):
    bundle, archive = demo
    first = write_archive(bundle, tmp_path / "one.tar")
    second = write_archive(bundle, tmp_path / "two.tar")
    assert first.read_bytes() == second.read_bytes() == archive.read_bytes()
    with pytest.raises(BundleError, match="already exists"):
        write_archive(bundle, first)


def test_an_archive_opens_into_a_folder_that_verifies(demo, tmp_path):
    bundle, archive = demo
    root = open_archive(archive, tmp_path / "into")
    assert root == tmp_path / "into" / bundle.name
    assert verify_path(root).ok
    with pytest.raises(BundleError, match="already exists"):
        open_archive(archive, tmp_path / "into")


def test_seal_archive_flag_writes_the_tar_next_to_the_bundle(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "data"
    result = run_demo(load_library(checklists_dir()), folder, say=lambda _line: None, video=False)
    # the demo sealed it already: unseal it in the store and remove its bundle, then seal again
    assert result.bundle is not None
    store = AssessmentStore.open(folder / "assessor.db")
    store.set_status(result.assessment_id, "finished")
    store.close()
    shutil.rmtree(folder / "bundles")
    monkeypatch.setenv("ASSESSOR_PIN", "2468")
    code = main(["seal", result.assessment_id, "--assessor", "assessor-03", "--data-dir", str(folder),
                 "--archive"])
    assert code == 0
    archive = folder / "bundles" / f"{result.assessment_id}.tar"
    assert f"Archive: {archive}" in capsys.readouterr().out
    assert main(["verify", str(archive)]) == 0


# ---------------------------------------------------------------- hostile archives


def _file(name: str, data: bytes = b"x") -> tuple[tarfile.TarInfo, bytes | None]:
    info = tarfile.TarInfo(name)
    info.size = len(data)
    return info, data


def _special(name: str, kind: bytes, linkname: str = "") -> tuple[tarfile.TarInfo, bytes | None]:
    info = tarfile.TarInfo(name)
    info.type = kind
    info.linkname = linkname
    return info, None


def _dir(name: str) -> tuple[tarfile.TarInfo, bytes | None]:
    info = tarfile.TarInfo(name)
    info.type = tarfile.DIRTYPE
    return info, None


def _tar(path: Path, members: list[tuple[tarfile.TarInfo, bytes | None]]) -> Path:
    with tarfile.open(path, "w", format=tarfile.PAX_FORMAT) as tar:
        for info, data in members:
            tar.addfile(info, io.BytesIO(data) if data is not None else None)
    return path


HOSTILE: dict[str, Callable[[Path], tuple[list, str]]] = {
    "absolute path": lambda t: ([_dir("b"), _file(f"{t}/escape-abs.txt")], f"{t}/escape-abs.txt"),
    "dot-dot": lambda _t: ([_dir("b"), _file("b/../../escape-dotdot.txt")], "b/../../escape-dotdot.txt"),
    "backslash": lambda _t: ([_dir("b"), _file("b/..\\..\\escape.txt")], "b/..\\\\..\\\\escape.txt"),
    "symlink": lambda t: ([_dir("b"), _special("b/link", tarfile.SYMTYPE, str(t / "victim"))], "b/link"),
    "hardlink": lambda t: ([_dir("b"), _special("b/hard", tarfile.LNKTYPE, str(t / "victim"))], "b/hard"),
    "fifo": lambda _t: ([_dir("b"), _special("b/pipe", tarfile.FIFOTYPE)], "b/pipe"),
    "device": lambda _t: ([_dir("b"), _special("b/null", tarfile.CHRTYPE)], "b/null"),
    "two top folders": lambda _t: ([_dir("b"), _file("b/x"), _file("c/y")], "c/y"),
    "file at the top": lambda _t: ([_file("loose.txt")], "loose.txt"),
    "duplicate": lambda _t: ([_dir("b"), _file("b/x", b"1"), _file("b/x", b"2")], "b/x"),
    "too big": lambda _t: ([_dir("b"), _file("b/small"), _file("b/huge", b"y" * 2048)], "b/huge"),
}


@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_a_hostile_archive_is_refused_before_anything_is_written(kind, tmp_path, monkeypatch, capsys):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    (tmp_path / "victim").write_text("keep")
    members, named = HOSTILE[kind](tmp_path)
    archive = _tar(tmp_path / "hostile.tar", members)
    before = sorted(p.name for p in tmp_path.rglob("*"))

    if kind == "too big":
        with pytest.raises(BundleError, match="b/huge"):
            open_archive(archive, tmp_path / "into", max_bytes=1024)
        assert not (tmp_path / "into").exists()
        archive = _tar(tmp_path / "huge.tar", members)
        before = sorted(p.name for p in tmp_path.rglob("*"))
        monkeypatch.setattr(open_archive, "__kwdefaults__", {"max_bytes": 1024})
    assert main(["verify", str(archive)]) == 1
    captured = capsys.readouterr()
    assert "NOT VERIFIED" in captured.out
    assert "FAIL archive:" in captured.err and named in captured.err, captured.err
    assert sorted(p.name for p in tmp_path.rglob("*")) == before
    assert not list(scratch.iterdir())
    assert (tmp_path / "victim").read_text() == "keep"
    assert not list(tmp_path.parent.glob("escape*")) and not list(Path("/").glob("escape*"))


def test_a_file_that_is_not_a_tar_is_refused(tmp_path, capsys):
    junk = tmp_path / "junk.tar"
    junk.write_bytes(b"PK\x03\x04 this is not a tar archive" * 40)
    assert main(["verify", str(junk)]) == 1
    assert "archive: junk.tar is not an uncompressed tar archive" in capsys.readouterr().err
    with pytest.raises(BundleError, match="junk.tar"):
        open_archive(junk, tmp_path / "into")
    assert not (tmp_path / "into").exists()


def test_a_member_count_above_the_limit_is_refused(tmp_path):
    archive = _tar(tmp_path / "many.tar", [_dir("b"), *(_file(f"b/{i}") for i in range(4))])
    with pytest.raises(BundleError, match="more than 3 members"):
        open_archive(archive, tmp_path / "into", limits=BundleLimits(max_members=3))


def test_a_missing_path_is_neither_folder_nor_archive(tmp_path):
    result = verify_path(tmp_path / "nothing")
    assert not result.ok and "neither a bundle folder nor a bundle archive" in result.problems[0]
