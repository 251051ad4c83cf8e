"""The benchmarks still run (tiny sizes, no timing judged): a broken benchmark is caught here."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_store_benchmark_runs_end_to_end(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_store", "--actions", "30", "--assessments", "40",
         "--runs", "1", "--dir", str(tmp_path), "--json", str(tmp_path / "out.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert (tmp_path / "out.json").exists()


def test_gui_benchmark_runs_end_to_end(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_gui", "--runs", "1", "--actions", "20",
         "--assessments", "40", "--dir", str(tmp_path), "--json", str(tmp_path / "out.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    out = json.loads((tmp_path / "out.json").read_text())
    assert out["actions"]["ours"]["n"] == 20
    assert out["start"]["full"]["listed_rows"] == 40


def test_evidence_benchmark_runs_end_to_end(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_evidence", "--gib", "0.01", "--files", "2",
         "--rounds", "1", "--dir", str(tmp_path), "--json", str(tmp_path / "out.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "bundle verified: True" in result.stdout
