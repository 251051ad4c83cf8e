"""The `assessor` command: the demo, listing, and that people never see a traceback."""

import os
import subprocess
import sys
from pathlib import Path

from assessor_app.cli import main
from assessor_app.core.events import verify_chain
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore


def test_headless_demo_runs_a_competent_hv_isolation(tmp_path: Path, capsys):
    assert main(["demo", "--headless", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "Outcome: competent" in out
    assert "Discharge wait:" in out  # the rule refused the dead test until the wait was over
    assert str(tmp_path / "assessor.db") in out
    # delivered (video and all) through a provider stopped mid-upload and started again
    assert "Delivered to the provider at http://127.0.0.1:" in out and "signed by provider key" in out
    assert "Provider's import result: imported" in out and "the upload resumed from offset" in out
    store = AssessmentStore.open(tmp_path / "assessor.db")
    [summary] = store.list()
    assert (summary.status, summary.outcome) == ("synced", "competent")
    events = store.events(summary.id)
    assert verify_chain(events) == summary.head_hash
    assert summary.checklist_id == "hv-isolation-series"
    assert {e.payload["step"] for e in events if e.kind == "step_result"} == {
        f"{i:02d}" for i in range(1, 23)
    }
    reopened = AssessmentRecorder.open(store, summary.id)
    assert reopened.engine.state.read_only
    store.close()


def test_demo_with_a_live_dead_test_is_a_hazard_stopped_safely(tmp_path: Path, capsys):
    args = ["demo", "--headless", "--data-dir", str(tmp_path), "--fail-step", "12", "--no-video", "--no-sync"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Outcome: stopped safely" in out and "not yet competent" not in out
    assert "hazard found at step 12, correctly stopped: re-assess on a sound vehicle" in out


def test_demo_with_a_failed_critical_step_is_not_yet_competent(tmp_path: Path, capsys):
    args = ["demo", "--headless", "--data-dir", str(tmp_path), "--fail-step", "08", "--no-video", "--no-sync"]
    assert main(args) == 0
    out = capsys.readouterr().out
    assert "Outcome: not yet competent" in out and "critical step 08 failed" in out


def test_demo_runs_on_the_800v_parameter_set(tmp_path: Path, capsys):
    args = ["demo", "--headless", "--data-dir", str(tmp_path), "--parameters", "generic-800v", "--no-video",
            "--no-sync"]
    assert main(args) == 0
    assert "Outcome: competent" in capsys.readouterr().out


def test_demo_names_an_unknown_checklist(tmp_path: Path, capsys):
    args = ["demo", "--headless", "--data-dir", str(tmp_path), "--checklist", "nope"]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "no checklist 'nope'" in err and "hv-isolation-series" in err


def test_checklist_list_shows_versions_gateways_and_parameter_sets(capsys):
    assert main(["checklist", "list"]) == 0
    out = capsys.readouterr().out
    assert "hv-isolation-series 1.2.1" in out
    assert "gateway ev-hybrid" in out and "no gateway" in out
    assert "generic-800v" in out


def test_console_script_demo_in_a_fresh_process(tmp_path: Path):
    env = {**os.environ, "ASSESSOR_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        [sys.executable, "-m", "assessor_app.cli", "demo", "--headless", "--no-video"],
        capture_output=True, text=True, env=env, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stdout + result.stderr
    assert (tmp_path / "demo" / "assessor.db").exists()
    assert "Delivered to the provider" in result.stdout


def test_unreadable_store_is_a_message_not_a_traceback(tmp_path: Path):
    (tmp_path / "assessor.db").write_text("this is not a database")
    result = subprocess.run(
        [sys.executable, "-m", "assessor_app.cli", "demo", "--headless", "--data-dir", str(tmp_path),
         "--no-video"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "assessor.db" in result.stderr


def test_assessments_list_and_show_after_the_demo(tmp_path: Path, capsys):
    assert main(["demo", "--headless", "--data-dir", str(tmp_path), "--no-video", "--no-sync"]) == 0
    capsys.readouterr()
    assert main(["assessments", "list", "--data-dir", str(tmp_path)]) == 0
    line = capsys.readouterr().out.splitlines()[0]
    assessment_id = line.split()[0]
    assert "sealed" in line and "competent" in line and "hv-isolation-series" in line
    assert main(["assessments", "show", assessment_id, "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "hash chain and every rule decision verified by replay" in out
    assert "  12 passed   critical" in out


def test_show_names_an_unknown_assessment(tmp_path: Path, capsys):
    assert main(["assessments", "show", "nope", "--data-dir", str(tmp_path)]) == 1
    assert "no assessment with id nope" in capsys.readouterr().err
