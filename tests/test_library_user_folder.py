"""The checklist library over the shipped folder and the data folder's own: every version kept and
the newest offered, a second file with an id and version already loaded is a problem naming both
files, a file that fails to load is reported exactly as ``assessor checklist validate`` reports
it, and an assessment in progress always resumes with the exact checklist it pinned."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest
from helpers import ASSESSOR, CANDIDATE, MINI_CHECKLIST, MINI_PARAMS, VEHICLE, WORKSHOP

from assessor_app.cli import main
from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import RecordResult
from assessor_app.core.events import Event
from assessor_app.core.specs.library import load_library, version_key
from assessor_app.core.specs.loader import content_hash, problem_lines
from assessor_app.paths import user_checklists_dir
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

MINI_ID = "mini-isolation"


@pytest.fixture
def shipped(tmp_path: Path) -> Path:
    folder = tmp_path / "shipped"
    (folder / "parameters").mkdir(parents=True)
    shutil.copy(MINI_CHECKLIST, folder / "mini-checklist.yaml")
    shutil.copy(MINI_PARAMS, folder / "parameters" / "mini-params.yaml")
    return folder


@pytest.fixture
def user(tmp_path: Path) -> Path:
    folder = user_checklists_dir(tmp_path / "data")
    folder.mkdir(parents=True)
    return folder


def mini_version(version: str, title: str = "Mini isolation") -> str:
    text = MINI_CHECKLIST.read_text(encoding="utf-8")
    assert "version: 1.2.0\n" in text and "title: {en: Mini isolation," in text
    return (text.replace("version: 1.2.0\n", f"version: {version}\n")
            .replace("title: {en: Mini isolation,", f"title: {{en: {title},"))


def test_the_user_folder_is_the_data_folders_checklists_folder(tmp_path: Path):
    assert user_checklists_dir(tmp_path) == tmp_path / "checklists"


def test_a_provider_checklist_in_the_user_folder_is_loaded_besides_the_shipped_ones(shipped, user):
    (user / "provider-mini.yaml").write_text(mini_version("1.2.0").replace(
        f"id: {MINI_ID}\n", "id: provider-mini\n"), encoding="utf-8")
    lib = load_library(shipped, user)
    assert sorted(lib.checklists) == [MINI_ID, "provider-mini"]
    assert lib.problems == []
    shipped_report, user_report = lib.folders
    assert (shipped_report.checklists, shipped_report.parameter_sets) == ([(MINI_ID, "1.2.0")],
                                                                          [("mini-400v", "1.0.0")])
    assert (user_report.folder, user_report.exists, user_report.files) == (str(user), True, 1)
    assert user_report.checklists == [("provider-mini", "1.2.0")] and user_report.problems == []
    assert lib.report(user) is user_report


def test_a_user_folder_that_does_not_exist_gives_nothing_and_is_no_problem(shipped, tmp_path: Path):
    missing = tmp_path / "nowhere" / "checklists"
    lib = load_library(shipped, missing)
    assert lib.problems == [] and list(lib.checklists) == [MINI_ID]
    report = lib.report(missing)
    assert report is not None and not report.exists and report.files == 0


def test_two_versions_are_both_kept_and_the_newest_is_offered(shipped, user):
    (user / "mini-1.10.0.yaml").write_text(mini_version("1.10.0", "Mini isolation revised"), encoding="utf-8")
    (user / "mini-1.9.0-rc.1.yaml").write_text(mini_version("1.9.0-rc.1"), encoding="utf-8")
    lib = load_library(shipped, user)
    assert lib.problems == []
    assert sorted(lib.versions[MINI_ID], key=version_key) == ["1.2.0", "1.9.0-rc.1", "1.10.0"]
    assert lib.checklist(MINI_ID).spec.version == "1.10.0"  # newest by precedence, not by text
    assert lib.checklist(MINI_ID, "1.2.0").path == str(shipped / "mini-checklist.yaml")
    with pytest.raises(KeyError, match="no checklist 'mini-isolation 9.9.9'"):
        lib.checklist(MINI_ID, "9.9.9")


@pytest.mark.parametrize(("title", "same"), [("Mini isolation", "the same content"),
                                             ("Mini isolation edited", "different content")])
def test_a_second_file_with_the_same_id_and_version_is_a_problem_naming_both(shipped, user, caplog, title,
                                                                             same):
    copy = user / "mini-copy.yaml"
    copy.write_text(mini_version("1.2.0", title), encoding="utf-8")
    with caplog.at_level(logging.WARNING, logger="assessor_app.core.specs.library"):
        lib = load_library(shipped, user)
    first = shipped / "mini-checklist.yaml"
    expected = (f"{copy}:1: version: checklist {MINI_ID} 1.2.0 is also in {first} ({same}): this file is "
                "not loaded; a changed checklist or parameter set needs a new version")
    assert problem_lines(lib.problems) == [expected]
    assert lib.checklist(MINI_ID).path == str(first)  # the first found is kept, never overridden
    assert lib.report(user).problems == lib.problems and lib.report(user).checklists == []
    assert [r.getMessage() for r in caplog.records] == [f"checklist not loaded: {expected}"]


def test_a_parameter_set_twice_is_a_problem_too(shipped, user):
    (user / "params-again.yaml").write_text(MINI_PARAMS.read_text(encoding="utf-8"), encoding="utf-8")
    lib = load_library(shipped, user)
    [problem] = lib.problems
    assert problem.file == str(user / "params-again.yaml")
    assert problem.message.startswith(
        f"parameter set mini-400v 1.0.0 is also in {shipped / 'parameters' / 'mini-params.yaml'} (the same "
        "content)")


def test_a_file_that_fails_is_reported_as_checklist_validate_reports_it(shipped, user, capsys):
    broken = user / "broken.yaml"
    broken.write_text(mini_version("1.3.0").replace("risk: critical", "risk: deadly", 1), encoding="utf-8")
    lib = load_library(shipped, user)
    assert main(["checklist", "validate", str(broken)]) == 1
    printed = [line for line in capsys.readouterr().err.splitlines() if line]
    assert problem_lines(lib.problems) == printed
    assert printed and printed[0].startswith(f"{broken}:")
    assert lib.checklist(MINI_ID).spec.version == "1.2.0"  # the broken newer file is not offered


def test_checklist_list_reads_the_data_folders_checklists_too(user, tmp_path: Path, capsys):
    (user / "mini-2.yaml").write_text(mini_version("2.0.0"), encoding="utf-8")
    (user / "mini-2-again.yaml").write_text(mini_version("2.0.0"), encoding="utf-8")
    code = main(["checklist", "list", "--data-dir", str(tmp_path / "data")])
    out, err = capsys.readouterr()
    assert code == 1  # a problem was found
    assert f"{user}: 1 checklist(s), 0 parameter set(s), 1 problem(s)" in out
    assert f"  {MINI_ID} 2.0.0  Mini isolation\n" in out
    assert f"is also in {user / 'mini-2-again.yaml'} (the same content)" in err


# ---------------------------------------------------------------- resuming with the pinned checklist
def test_a_newer_version_in_the_user_folder_never_replaces_what_an_open_assessment_pinned(shipped, user,
                                                                                          tmp_path: Path):
    lib = load_library(shipped, user)
    store = AssessmentStore.open(tmp_path / "data" / "assessor.db")
    try:
        pinned = lib.checklist(MINI_ID)
        rec = AssessmentRecorder.start(store, pinned, lib.parameter_set("mini-400v"), candidate=CANDIDATE,
                                       assessor=ASSESSOR, workshop=WORKSHOP, vehicle=VEHICLE,
                                       clock=ManualClock())
        assert isinstance(rec.act(RecordResult("ppe", "pass")), Event)
        # the provider distributes a newer version, with a step renamed, while the assessment is open
        newer = mini_version("1.3.0", "Mini isolation revised").replace("title: PPE checked",
                                                                         "title: PPE and insulated tools")
        (user / "mini-1.3.0.yaml").write_text(newer, encoding="utf-8")
        restarted = load_library(shipped, user)
        assert restarted.checklist(MINI_ID).spec.version == "1.3.0"  # offered for new assessments

        resumed = AssessmentRecorder.open(store, rec.assessment_id, clock=ManualClock())
        spec = resumed.engine.spec
        assert (spec.version, spec.step("ppe").title.get_text("en")) == ("1.2.0", "PPE checked")
        summary = store.summary(rec.assessment_id)
        assert summary.checklist_sha256 == pinned.sha256 == content_hash(store.snapshot_source(pinned.sha256))
        assert resumed.engine.state.steps["ppe"].status == "passed"
        assert store.events(rec.assessment_id)[0].payload["checklist"] == {
            "id": MINI_ID, "version": "1.2.0", "sha256": pinned.sha256}
    finally:
        store.close()
