"""The benchmarks still run (tiny sizes, no timing judged): a broken benchmark is caught here."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

# about 3 minutes in all: run with the slow suites (`pytest`, `pytest -m slow`), not in CI's budget
pytestmark = pytest.mark.slow


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


def test_video_benchmark_runs_end_to_end(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_video", "--quick", "--seconds", "1.5",
         "--dir", str(tmp_path), "--json", str(tmp_path / "out.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "dropped frames:" in result.stdout and ("PASS" in result.stdout or "FAIL" in result.stdout)
    ours = json.loads((tmp_path / "out.json").read_text())["results"]["ours"]
    assert ours["frames_expected"] == 45 and ours["frames_written"] > 0
    assert ours["frames_missed_by_capture"] >= 0  # never more frames than the camera's slots
    assert ours["segments"] >= 1


def test_sync_benchmark_runs_end_to_end(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_sync", "--mb", "4", "--chunk-mb", "1", "--small", "2",
         "--dir", str(tmp_path), "--json", str(tmp_path / "out.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = json.loads((tmp_path / "out.json").read_text())
    assert out["sync"]["cut_happened"] and out["sync"]["small_bundles"] == 2


def test_can_benchmark_runs_end_to_end(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_can", "--seconds", "1", "--fps", "500", "--snapshots", "1",
         "--dir", str(tmp_path), "--json", str(tmp_path / "out.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    out = json.loads((tmp_path / "out.json").read_text())
    assert out["logging"]["sent"] == 1000 and out["logging"]["ours"]["frames"] == 1000
    assert out["snapshot"]["not_ok"] == []


def test_console_benchmark_runs_end_to_end(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_console", "--rows", "300", "--rounds", "2",
         "--dir", str(tmp_path), "--json", str(tmp_path / "out.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    out = json.loads((tmp_path / "out.json").read_text())["console"]
    assert out["rows"] == 300 and out["page_timed"]
    assert len(out["scenarios"]) == 8
    assert all(s["page"]["n"] == 2 and s["peer"]["n"] == 2 for s in out["scenarios"].values())


def test_proxy_benchmark_runs_end_to_end(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_proxies", "--quick", "--seconds", "1",
         "--dir", str(tmp_path), "--json", str(tmp_path / "out.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    rows = json.loads((tmp_path / "out.json").read_text())["results"]["320x240"]["rows"]
    ours = rows["ours vp9 (default settings)"]
    assert ours["frames"] == 10 and ours["size"] == "320x240"  # 30 fps thinned to the 10 fps cap
    assert ours["rt_per_core"] > 0 and ("PASS" in result.stdout or "FAIL" in result.stdout)


def test_face_blur_benchmark_runs_end_to_end(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_face_blur", "--quick", "--seconds", "1",
         "--dir", str(tmp_path), "--json", str(tmp_path / "out.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    rows = json.loads((tmp_path / "out.json").read_text())["results"]["320x240"]
    plain, anonymised = rows["plain web proxy"], rows["anonymised (every frame)"]
    assert plain["frames"] == anonymised["frames"] == 10  # 30 fps thinned to the 10 fps cap
    assert plain["faces_found_in"] == 10 and anonymised["faces_found_in"] == 0
    assert anonymised["fps_per_core"] > 0 and "frames/s" in result.stdout


def test_assessment_page_benchmark_runs_end_to_end(tmp_path: Path):
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_assessment_page", "--rows", "20", "--runs", "2",
         "--dir", str(tmp_path), "--json", str(tmp_path / "out.json")],
        cwd=ROOT, capture_output=True, text=True, timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    out = json.loads((tmp_path / "out.json").read_text())
    assert out["rows"] == 20 and out["page"]["n"] == 2 and out["page"]["bytes"] > 10_000


@pytest.mark.parametrize("layout", [[], ["--object-store", "seaweed", "--sizes", "0.2,12"]],
                         ids=["one-folder", "seaweed-folders-apart"])
def test_provider_load_benchmark_runs_end_to_end(tmp_path: Path, layout: list[str]):
    """Three workstations delivering at once to one and to two API + import workers on PostgreSQL
    (sharing a folder; or each on its own with SeaweedFS, a bundle large enough to go up in parts)."""
    pytest.importorskip("psycopg")
    import glob

    if not glob.glob("/usr/lib/postgresql/*/bin/initdb"):
        pytest.skip("no PostgreSQL server binaries here (apt install postgresql)")
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.bench_provider_load", "--workstations", "3", "--workers", "1,2",
         "--sizes", "0.2,1", "--dir", str(tmp_path), "--json", str(tmp_path / "out.json"), *layout],
        cwd=ROOT, capture_output=True, text=True, timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    runs = json.loads((tmp_path / "out.json").read_text())["load"]["runs"]
    assert [r["workers"] for r in runs] == [1, 2]
    assert all(r["delivered"] == 3 and r["held"] == 3 and r["errors"] == [] for r in runs)
    assert [r["provider_log_faults"] for r in runs] == [[], []]
