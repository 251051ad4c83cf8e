"""The red-team corpus: one genuine sealed bundle, and the hostile workshop that forges from it.

A hostile workshop holds an enrolled workstation's key and an assessor's key: it can rewrite
any file and sign anything. So the forgeries below are signed with the genuine keys, and the
tests show that the verifier refuses them for what they are, not merely for a bad signature.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "provider"))

from forge import Forge  # noqa: E402
from redteam_support import Genuine, stub_pdf  # noqa: E402
from sync_support import assessor_key, fast_bundles, make_bundle, workstation_key  # noqa: E402,F401


@pytest.fixture(scope="session")
def genuine(tmp_path_factory: pytest.TempPathFactory) -> Genuine:
    """One sealed bundle of the mini checklist (PDF records stubbed), and its archive: never modified."""
    where = tmp_path_factory.mktemp("genuine")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("assessor_app.evidence.bundle.render_record", stub_pdf)
        device = workstation_key(where / "keys")
        sealed = make_bundle(where, device, extra_bytes=2048)
    return Genuine(sealed.folder, sealed.archive, device, assessor_key())


@pytest.fixture
def forge(genuine: Genuine, tmp_path: Path) -> Forge:
    """A writable copy of the genuine bundle, in a folder named by its bundle id, ready to forge."""
    root = tmp_path / "bundles" / genuine.bundle_id
    shutil.copytree(genuine.folder, root)
    for path in [root, *root.rglob("*")]:
        path.chmod(0o700 if path.is_dir() else 0o600)
    return Forge(root, genuine.device, genuine.assessor)


@pytest.fixture
def small_fs(tmp_path: Path) -> Iterator[object]:
    """Mount real small file systems (tmpfs) for faults of the machine itself: full, read-only."""
    mounted: list[Path] = []

    def mount(name: str, size: str, *, read_only: bool = False) -> Path:
        if shutil.which("mount") is None or os.geteuid() != 0:
            pytest.skip("mounting a tmpfs needs root and mount(8)")
        point = tmp_path / name
        point.mkdir()
        options = f"size={size},mode=0700" + (",ro" if read_only else "")
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(point)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here (needs root): {done.stderr.strip()}")
        mounted.append(point)
        return point

    yield mount
    for point in reversed(mounted):
        subprocess.run(["umount", str(point)], check=True)
