"""A fault of the verifying or importing machine is never the bundle's: it is raised as the OSError it is.

Real small file systems (tmpfs mounts), not injected exceptions: the provider tells a full or
read-only disk from a bad bundle by the exception's type, and tries the import again later.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest
from redteam_support import run_verify
from sync_support import make_bundle, workstation_key

from assessor_app.evidence.archive import open_archive
from assessor_app.evidence.folder import copy_bundle_folder, remove_tree
from assessor_app.evidence.verify import verify_bundle, verify_path

MIB = 1 << 20


@pytest.fixture
def big(fast_bundles: None, tmp_path: Path):  # type: ignore[no-untyped-def]
    """A genuine bundle with a capture of 1 MiB, and its archive."""
    return make_bundle(tmp_path / "workstation", workstation_key(tmp_path / "keys"), extra_bytes=MIB)


def _fill(folder: Path, leave: int) -> Path:
    """Take the file system's free space down to ``leave`` bytes with a ballast file."""
    st = os.statvfs(folder)
    ballast = folder / "ballast"
    ballast.write_bytes(b"\0" * (st.f_bavail * st.f_frsize - leave))
    return ballast


def test_a_full_disk_while_opening_an_archive_is_raised_and_the_retry_succeeds(big, small_fs):  # type: ignore[no-untyped-def]
    disk = small_fs("disk", "4m")
    ballast = _fill(disk, MIB // 2)
    (disk / "import").mkdir()
    with pytest.raises(OSError) as fault:
        open_archive(big.archive, disk / "import")
    assert fault.value.errno == errno.ENOSPC
    assert list((disk / "import").iterdir()) == []  # nothing half-extracted is left behind
    ballast.unlink()  # space freed: the same archive now opens, and verifies
    assert verify_bundle(open_archive(big.archive, disk / "import")).ok


def test_a_read_only_folder_while_opening_an_archive_is_raised(big, small_fs):  # type: ignore[no-untyped-def]
    read_only = small_fs("ro", "1m", read_only=True)
    with pytest.raises(OSError) as fault:
        open_archive(big.archive, read_only)
    assert fault.value.errno == errno.EROFS


def test_a_full_disk_while_copying_a_folder_is_raised_and_the_retry_succeeds(big, small_fs):  # type: ignore[no-untyped-def]
    disk = small_fs("disk", "4m")
    ballast = _fill(disk, MIB // 2)
    with pytest.raises(OSError) as fault:
        copy_bundle_folder(big.folder, disk / big.bundle_id)
    assert fault.value.errno == errno.ENOSPC
    remove_tree(disk / big.bundle_id)  # the caller clears what the copy left
    ballast.unlink()
    assert verify_bundle(copy_bundle_folder(big.folder, disk / big.bundle_id)).ok


def test_verify_reports_a_full_temporary_folder_as_this_machines_fault(big, small_fs, monkeypatch):  # type: ignore[no-untyped-def]
    disk = small_fs("tmp", "4m")
    _fill(disk, MIB // 2)
    monkeypatch.setattr("tempfile.tempdir", str(disk))
    problems = verify_path(big.archive).problems
    assert len(problems) == 1
    assert problems[0].startswith(f"this machine could not read {big.archive}: [Errno 28] No space left on "
                                  f"device"), problems
    done = run_verify(big.archive, env={**os.environ, "TMPDIR": str(disk)})
    assert done.returncode == 1 and "Traceback" not in done.stdout + done.stderr
    assert f"FAIL this machine could not read {big.archive}: [Errno 28] No space left on device" in (
        done.stderr)
