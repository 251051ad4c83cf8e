"""The packaging tools themselves, without a build: the smoke test catches a broken build, the
licence check refuses GPL, the .deb's Depends come from what the binaries load."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def load(relative: str):
    spec = importlib.util.spec_from_file_location(Path(relative).stem, ROOT / relative)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def fake_build(folder: Path, demo_output: str) -> Path:
    """A folder whose `assessor` behaves like a build that forgot a module in one command."""
    folder.mkdir()
    exe = folder / "assessor"
    exe.write_text(f"#!/bin/sh\nif [ \"$1\" = demo ]; then printf '%s\\n' \"{demo_output}\"; fi\nexit 0\n")
    exe.chmod(0o755)
    return folder


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for the executable")
def test_smoke_test_fails_on_a_traceback_and_names_the_step(tmp_path):
    folder = fake_build(tmp_path / "broken", "Traceback (most recent call last):\\n"
                                            "ModuleNotFoundError: No module named 'reportlab.graphics.x'")
    proc = subprocess.run([sys.executable, str(ROOT / "packaging" / "smoke_test.py"), str(folder)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "demo --headless --no-sync" in proc.stderr
    assert "ModuleNotFoundError" in proc.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for the executable")
def test_smoke_test_fails_when_the_demo_names_no_bundle(tmp_path):
    folder = fake_build(tmp_path / "quiet", "all good")
    proc = subprocess.run([sys.executable, str(ROOT / "packaging" / "smoke_test.py"), str(folder)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 1
    assert "no sealed bundle named" in proc.stderr


def test_smoke_test_without_a_build_says_how_to_make_one(tmp_path):
    proc = subprocess.run([sys.executable, str(ROOT / "packaging" / "smoke_test.py"), str(tmp_path)],
                          capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert "packaging/build-desktop.sh" in proc.stderr


@pytest.mark.parametrize(("licence", "gpl"), [
    ("GPL-2.0-only", True),
    ("GNU General Public License v3 (GPLv3)", True),
    ("GPL-3.0-or-later", True),
    ("LGPL-3.0-only", False),
    ("GNU Lesser General Public License v3 (LGPLv3)", False),
    ("LGPL-3.0-only OR GPL-2.0-only OR GPL-3.0-only", False),  # Qt for Python: LGPL is chosen
    ("GPL-2.0-or-later WITH Classpath-exception-2.0", False),
    ("MIT", False),
    ("Apache-2.0 OR BSD-3-Clause", False),
])
def test_licence_check_refuses_gpl_only(licence, gpl):
    assert load("packaging/third_party.py").is_gpl(licence) is gpl


def test_nothing_gpl_among_the_apps_runtime_dependencies():
    """What `pip install .` brings (and so what the desktop build ships), read from the installed
    metadata: every runtime requirement, recursively, without the test and scale extras."""
    from importlib import metadata

    from packaging.requirements import Requirement

    third_party = load("packaging/third_party.py")
    seen: dict[str, str] = {}
    queue = ["assessor-app"]
    while queue:
        name = queue.pop()
        dist = metadata.distribution(name)
        key = dist.metadata["Name"].lower().replace("_", "-")
        if key in seen:
            continue
        seen[key] = third_party.licence_of(dist)
        for text in dist.requires or []:
            requirement = Requirement(text)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                queue.append(requirement.name)
    assert len(seen) > 20  # the app's real dependency tree, not an empty walk
    refused = {name: licence for name, licence in seen.items() if third_party.is_gpl(licence)}
    assert refused == {}


@pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("ldd") is None
                    or shutil.which("dpkg") is None, reason="Debian tools (ldd, dpkg) needed")
def test_deb_depends_come_from_what_the_binaries_load(tmp_path):
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    folder = tmp_path / "assessor"
    folder.mkdir()
    shutil.copy(plugin, folder)  # Qt's libraries are outside the folder now: found in the venv or not
    depends = load("packaging/linux/deb_depends.py").depends(folder)
    assert depends[0] == "libc6 (>= 2.28)"
    # Qt's X11 platform plugin: each of its system libraries declared by its package
    for package in ("libxcb-cursor0", "libxkbcommon-x11-0", "libx11-xcb1", "libegl1", "libfontconfig1"):
        assert package in depends
    assert all(" " not in p or p.startswith("libc6 ") for p in depends)
