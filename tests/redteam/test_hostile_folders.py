"""A bundle folder from outside (a USB stick) holding what no bundle holds: refused before any copy.

Nothing is ever opened or read from a non-regular file: a FIFO below is kept open for writing by
the test, with bytes in it, so a reader would neither block nor go unnoticed (the bytes would be
gone).
"""

from __future__ import annotations

import os
import socket
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from forge import Forge
from redteam_support import Genuine, assert_refused_by_command

from assessor_app.evidence import folder as folder_module
from assessor_app.evidence.bundle import BundleError, BundleLimits
from assessor_app.evidence.folder import copy_bundle_folder, inspect_folder
from assessor_app.evidence.verify import verify_bundle, verify_path

REFUSED = "bundles hold plain files and folders only"


def _refused_everywhere(root: Path, reason: str, tmp_path: Path) -> None:
    """The same reason from verification and from the copy, and the copy never started."""
    assert verify_path(root).problems == [reason]
    target = tmp_path / "copied"
    with pytest.raises(BundleError) as refused:
        copy_bundle_folder(root, target)
    assert str(refused.value) == reason
    assert not target.exists()


@pytest.fixture
def fifo(forge: Forge) -> Iterator[tuple[Path, int]]:
    path = forge.root / "data" / "pipe"
    os.mkfifo(path)
    fd = os.open(path, os.O_RDWR | os.O_NONBLOCK)  # a writer: a reader would not block, but drain it
    os.write(fd, b"still here")
    yield path, fd
    os.close(fd)


def test_a_fifo_is_refused_and_never_read(forge: Forge, fifo: tuple[Path, int], tmp_path: Path):
    _refused_everywhere(forge.root, f"'data/pipe' is a FIFO: {REFUSED}", tmp_path)
    assert_refused_by_command(forge.root, f"'data/pipe' is a FIFO: {REFUSED}")
    assert os.read(fifo[1], 100) == b"still here"


def test_a_unix_socket_is_refused(genuine: Genuine):
    # a socket's path must be short (108 bytes): a bundle copied into a short temporary folder
    with tempfile.TemporaryDirectory(dir="/tmp") as short:
        root = Path(short) / genuine.bundle_id
        os.mkdir(root)
        (root / "bagit.txt").write_bytes((genuine.folder / "bagit.txt").read_bytes())
        server = socket.socket(socket.AF_UNIX)
        try:
            server.bind(str(root / "sock"))
            _refused_everywhere(root, f"'sock' is a socket: {REFUSED}", Path(short))
        finally:
            server.close()


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_character_device_is_refused_and_never_opened(forge: Forge, tmp_path: Path):
    os.mknod(forge.root / "data" / "zero", stat.S_IFCHR | 0o600, os.makedev(1, 5))  # like /dev/zero
    _refused_everywhere(forge.root, f"'data/zero' is a character device: {REFUSED}", tmp_path)


@pytest.mark.skipif(os.geteuid() != 0, reason="making a device node needs root")
def test_a_block_device_is_refused(forge: Forge, tmp_path: Path):
    os.mknod(forge.root / "disk", stat.S_IFBLK | 0o600, os.makedev(7, 0))  # like /dev/loop0
    _refused_everywhere(forge.root, f"'disk' is a block device: {REFUSED}", tmp_path)


def test_links_are_refused(forge: Forge, tmp_path: Path):
    (forge.root / "data" / "link").symlink_to("/etc/passwd")
    _refused_everywhere(forge.root, f"'data/link' is a link: {REFUSED}", tmp_path)


def test_a_linked_folder_is_refused_and_not_followed(forge: Forge, tmp_path: Path):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret").write_text("not the bundle's")
    (forge.root / "data" / "more").symlink_to(outside, target_is_directory=True)
    _refused_everywhere(forge.root, f"'data/more' is a link: {REFUSED}", tmp_path)


def test_a_bundle_folder_given_as_a_link_is_refused_by_the_copy(genuine: Genuine, tmp_path: Path):
    link = tmp_path / genuine.bundle_id
    link.symlink_to(genuine.folder, target_is_directory=True)
    with pytest.raises(BundleError) as refused:
        copy_bundle_folder(link, tmp_path / "copied")
    assert str(refused.value) == f"{link} is a link, not a bundle folder"


def test_names_that_are_not_plain_utf8_or_hold_control_characters_are_refused(forge: Forge, tmp_path: Path):
    os.mkdir(os.fsencode(forge.root / "data") + b"/\xff")
    _refused_everywhere(forge.root, "'data/\\udcff' has a name that is not UTF-8", tmp_path)
    os.rmdir(os.fsencode(forge.root / "data") + b"/\xff")
    (forge.root / "data" / "a\x1b[2Jb").write_bytes(b"")
    _refused_everywhere(forge.root, "'data/a\\x1b[2Jb' has a control character in its name", tmp_path)


def _deep(root: Path, levels: int) -> None:
    """``levels`` nested folders, made through folder descriptors (the full path is too long to name)."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    for _ in range(levels):
        os.mkdir("d", dir_fd=fd)
        child = os.open("d", os.O_RDONLY | os.O_DIRECTORY, dir_fd=fd)
        os.close(fd)
        fd = child
    os.close(fd)


def _remove_deep(root: Path) -> None:
    """Take the chain apart from the top, moving each next level up: no path is ever long."""
    fd = os.open(root, os.O_RDONLY | os.O_DIRECTORY)
    try:
        while os.path.lexists(root / "d"):
            if os.path.lexists(root / "d" / "d"):
                os.rename("d/d", "next", src_dir_fd=fd, dst_dir_fd=fd)
            os.rmdir("d", dir_fd=fd)
            if os.path.lexists(root / "next"):
                os.rename("next", "d", src_dir_fd=fd, dst_dir_fd=fd)
    finally:
        os.close(fd)


def test_a_folder_thousands_of_levels_deep_is_refused_at_inspection(forge: Forge, tmp_path: Path):
    base = forge.root / "data"
    _deep(base, 3000)
    try:
        reason = f"{'data/' + '/'.join(['d'] * 16)!r} is more than 16 levels deep"
        _refused_everywhere(forge.root, reason, tmp_path)
    finally:
        _remove_deep(base)
    assert not (base / "d").exists()


def test_a_path_longer_than_the_limit_is_refused(forge: Forge, tmp_path: Path):
    folder = forge.root / "data" / ("p" * 250) / ("q" * 250) / ("r" * 250) / ("s" * 250)
    folder.mkdir(parents=True)
    (folder / ("t" * 250)).write_bytes(b"")
    name = f"data/{'p' * 250}/{'q' * 250}/{'r' * 250}/{'s' * 250}/{'t' * 250}"
    reason = f"{name[:200]!r}... ({len(name)} bytes) has a path longer than 1024 bytes"
    _refused_everywhere(forge.root, reason, tmp_path)


def test_the_member_limit_holds_for_folders(forge: Forge, tmp_path: Path):
    with pytest.raises(BundleError) as refused:
        inspect_folder(forge.root, BundleLimits(max_members=5))
    assert str(refused.value) == "the folder holds more than 5 files and folders"


def test_a_genuine_folder_is_copied_owner_only_and_verifies(genuine: Genuine, tmp_path: Path):
    copied = copy_bundle_folder(genuine.folder, tmp_path / genuine.bundle_id)
    assert verify_bundle(copied).ok
    modes = {stat.S_IMODE(p.lstat().st_mode) for p in [copied, *copied.rglob("*")] if p.is_dir()}
    assert modes == {0o700}
    assert {stat.S_IMODE(p.lstat().st_mode) for p in copied.rglob("*") if p.is_file()} == {0o400}
    assert sorted(inspect_folder(copied)) == sorted(inspect_folder(genuine.folder))


def _swapped_after_inspection(monkeypatch: pytest.MonkeyPatch, swap) -> None:  # type: ignore[no-untyped-def]
    """Inspection sees the folder as it was; then ``swap`` changes it before the copy reads it."""
    real = folder_module._walk

    def walk_then_swap(root, limits):  # type: ignore[no-untyped-def]
        seen = real(root, limits)
        swap(root)
        return seen

    monkeypatch.setattr(folder_module, "_walk", walk_then_swap)


def test_a_file_swapped_for_a_fifo_after_inspection_is_never_read(forge: Forge, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch):
    def swap(root: Path) -> None:
        (root / "data/record.json").unlink()
        os.mkfifo(root / "data/record.json")  # no writer: a blocking open or read would hang here

    _swapped_after_inspection(monkeypatch, swap)
    with pytest.raises(BundleError) as refused:
        copy_bundle_folder(forge.root, tmp_path / "copied")
    assert str(refused.value) == ("'data/record.json' changed while the folder was being copied: it is now "
                                  "a FIFO")


def test_a_file_swapped_for_a_link_after_inspection_is_not_followed(forge: Forge, tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch):
    def swap(root: Path) -> None:
        (root / "data/record.json").unlink()
        (root / "data/record.json").symlink_to("/etc/passwd")

    _swapped_after_inspection(monkeypatch, swap)
    with pytest.raises(BundleError) as refused:
        copy_bundle_folder(forge.root, tmp_path / "copied")
    assert str(refused.value) == ("'data/record.json' changed while the folder was being copied (Too many "
                                  "levels of symbolic links)")


def test_a_folder_swapped_for_a_link_after_inspection_is_not_followed(forge: Forge, tmp_path: Path,
                                                                      monkeypatch: pytest.MonkeyPatch):
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "can.bin").write_bytes(b"not the bundle's")

    def swap(root: Path) -> None:
        (root / "data/capture").rename(tmp_path / "moved-away")
        (root / "data/capture").symlink_to(outside, target_is_directory=True)

    _swapped_after_inspection(monkeypatch, swap)
    with pytest.raises(BundleError) as refused:
        copy_bundle_folder(forge.root, tmp_path / "copied")
    assert str(refused.value) == "'data/capture' is not a folder any more (Not a directory)"


def test_a_file_that_grew_after_inspection_is_refused(forge: Forge, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch):
    def grow(root: Path) -> None:
        (root / "data/capture/can.bin").write_bytes(b"x" * 4096)

    _swapped_after_inspection(monkeypatch, grow)
    with pytest.raises(BundleError) as refused:
        copy_bundle_folder(forge.root, tmp_path / "copied")
    assert str(refused.value) == ("'data/capture/can.bin' changed while the folder was being copied: it was "
                                  "2048 bytes")
