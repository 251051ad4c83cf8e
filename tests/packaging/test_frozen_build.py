"""The frozen desktop build, run from its own files (skipped until `packaging/build-desktop.sh` has
built dist/assessor; the README says how to build it and run these)."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FOLDER = ROOT / "dist" / "assessor"
EXE = FOLDER / ("assessor.exe" if os.name == "nt" else "assessor")
INTERNAL = FOLDER / "_internal"

pytestmark = [
    pytest.mark.frozen,
    pytest.mark.skipif(not EXE.is_file(), reason="no frozen build in dist/assessor "
                                                  "(build it: bash packaging/build-desktop.sh)"),
]


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_the_frozen_build_runs_every_step_from_its_own_files():
    proc = subprocess.run([sys.executable, str(ROOT / "packaging" / "smoke_test.py"), str(FOLDER), "--json"],
                          capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-4000:]
    result = json.loads(proc.stdout)
    assert {"demo --headless --no-sync", "verify bundle", "verify archive", "window ready",
            "provider serve"} <= set(result["passed"])
    assert 0 < result["figures"]["window painted (s)"] <= result["figures"]["window ready (s)"]


def test_the_folder_carries_every_file_the_app_reads():
    app = INTERNAL / "assessor_app"
    shipped = sorted(p.name for p in (ROOT / "checklists").glob("*.yaml"))
    assert sorted(p.name for p in (app / "_shipped" / "checklists").glob("*.yaml")) == shipped
    assert (app / "_shipped" / "resources" / "checklist.schema.json").is_file()
    for language in ("fi", "sv", "es", "pt"):
        assert (app / "locale" / language / "LC_MESSAGES" / "assessor.mo").is_file()
    model = Path("assessor_app/provider/media/models/centerface.onnx")
    assert sha256(INTERNAL / model) == sha256(ROOT / model)
    for data in ("assessor_app/credentials/elm/EDC-generic-full.ttl",
                 "assessor_app/provider/credentials/issuance_rules.yaml",
                 "assessor_app/provider/migrations/env.py",
                 "assessor_app/storage/migrations/env.py",
                 "assessor_app/provider/console/templates/base.html",
                 "reportlab/fonts/Vera.ttf"):
        assert (INTERNAL / data).is_file(), data
    revisions = sorted(p.name for p in (ROOT / "assessor_app/provider/migrations/versions").glob("p*.py"))
    assert sorted(p.name for p in (app / "provider/migrations/versions").glob("p*.py")) == revisions


def test_the_folder_lists_the_licences_it_ships_and_no_gpl_only_one():
    notices = (INTERNAL / "THIRD-PARTY.txt").read_text(encoding="utf-8")
    listed = notices.split("\n\n")[1]
    assert "PySide6_Essentials" in listed and "opencv-python-headless" in listed
    assert "pyinstaller" not in listed.lower()
    assert not any(line.endswith(": GPL-2.0-only") or line.endswith(": GPL-3.0-only")
                   for line in listed.splitlines())


def test_the_start_up_benchmark_compares_the_build_with_the_source_install(tmp_path):
    out = tmp_path / "startup.json"
    proc = subprocess.run([sys.executable, "-m", "benchmarks.bench_startup", "--runs", "1",
                           "--json", str(out)], cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "frozen/source" in proc.stdout
    results = json.loads(out.read_text())["results"]
    for by_install in results.values():
        assert by_install["frozen"]["painted"]["n"] == 1 and by_install["source"]["ready"]["median"] > 0
