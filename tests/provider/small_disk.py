"""A small file system of its own for a test (a tmpfs): full, or read-only, when the test says so."""

from __future__ import annotations

import errno
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest


def mount(*args: str) -> subprocess.CompletedProcess[str]:
    mount = shutil.which("mount")
    if mount is None:
        pytest.skip("there is no mount command here to make a small file system with")
    return subprocess.run([mount, *args], capture_output=True, text=True, timeout=30)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A 16 MiB tmpfs of its own: full when the test fills it, whatever the machine's disk holds."""
    where = tmp_path / "disk"
    where.mkdir()
    mounted = mount("-t", "tmpfs", "-o", "size=16m,mode=0700", "tmpfs", str(where))
    if mounted.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not permitted here (needs root): {mounted.stderr.strip()}")
    yield where
    subprocess.run(["umount", "-l", str(where)], capture_output=True, timeout=30)


def fill(folder: Path) -> Path:
    """Write until the file system refuses another byte."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        for size in (1 << 20, 4096, 1):
            while True:
                try:
                    os.write(fd, b"\0" * size)
                except OSError as exc:
                    assert exc.errno == errno.ENOSPC
                    break
    finally:
        os.close(fd)
    return filler
