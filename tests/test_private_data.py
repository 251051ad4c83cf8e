"""Candidate data is private on a shared PC: owner-only folders and files, workstation and provider.

Every test here runs with a permissive umask (0o022, what most desktops use), so the modes seen
are the ones the code sets explicitly. The headless demo runs in a subprocess whose umask stays
0o022 even where the program narrows it at its entry points (a sitecustomize shim), so the
entry points' defence in depth hides nothing.
"""

from __future__ import annotations

import logging
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from assessor_app.durable import (
    PrivateDataError,
    private_dir,
    private_file,
    private_umask,
    tighten_tree,
)

pytestmark = pytest.mark.skipif(os.name == "nt", reason="owner-only modes are POSIX permissions")

PERMISSIVE = 0o022
SHARED = 0o077  # group and other bits

#: Put first on PYTHONPATH, this keeps a process and its Python children at a 0o022 umask, whatever
#: the program asks for: the files the demo leaves behind show the modes set explicitly.
UMASK_SHIM = '''
import os

_real_umask = os.umask
_real_umask(0o022)


def _permissive_umask(_mask):
    return _real_umask(0o022)


os.umask = _permissive_umask
'''


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    previous = os.umask(PERMISSIVE)
    try:
        yield
    finally:
        os.umask(previous)


def _open_to_others(root: Path) -> list[str]:
    """Every folder or file under ``root`` (itself included) with a group or other bit, and its mode."""
    found = []
    paths = [root]
    for top, folders, files in os.walk(root, followlinks=False):
        paths += [Path(top, name) for name in (*folders, *files)]
    for path in paths:
        st = os.lstat(path)
        if stat.S_ISLNK(st.st_mode):
            found.append(f"{path} (a symbolic link)")
        elif stat.S_IMODE(st.st_mode) & SHARED:
            found.append(f"{path} {stat.S_IMODE(st.st_mode):#o}")
    return sorted(found)


def _assert_owner_only(root: Path) -> None:
    loose = _open_to_others(root)
    assert not loose, f"open to other users under {root}:\n" + "\n".join(loose)


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def _loosen(root: Path) -> None:
    """What an earlier version left: folders 0o755, files 0o644."""
    for top, folders, files in os.walk(root):
        for name in folders:
            os.chmod(Path(top, name), 0o755)
        for name in files:
            os.chmod(Path(top, name), 0o644)
    os.chmod(root, 0o755)


# ---------------------------------------------------------------------------------- the demo, whole


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One headless demo (video, CAN, seal, delivery to a provider) run with a permissive umask."""
    base = tmp_path_factory.mktemp("private-demo")
    shim = base / "shim"
    shim.mkdir()
    (shim / "sitecustomize.py").write_text(UMASK_SHIM, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(
        p for p in (str(shim), os.environ.get("PYTHONPATH", "")) if p)}
    # the shim is in force: a child's own umask call changes nothing
    probe = subprocess.run([sys.executable, "-c", "import os; print(os.umask(0o077), os.umask(0o077))"],
                           env=env, capture_output=True, text=True, timeout=60, check=True)
    assert probe.stdout.split() == [str(PERMISSIVE), str(PERMISSIVE)]
    data = base / "data"
    result = subprocess.run(
        [sys.executable, "-m", "assessor_app.cli", "demo", "--headless", "--data-dir", str(data)],
        env=env, capture_output=True, text=True, timeout=300, preexec_fn=lambda: os.umask(PERMISSIVE),
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert "Provider's import result: imported" in result.stdout, result.stdout[-3000:]
    return data


def test_the_workstation_data_folder_is_owner_only(demo_folder: Path):
    # what the demo made, so the walk below covers every kind of candidate data
    assert (demo_folder / "assessor.db").is_file()
    captures = demo_folder / "captures"
    assert list(captures.glob("*/video/seg-*.ts")) and list(captures.glob("*/video/seg-*.ts.frames.csv"))
    assert list(captures.glob("*/can/*.blf")) and list(captures.glob("*/can/snapshots/*.json"))
    assert list((demo_folder / "bundles").glob("*/seal/statement.dsse.json"))
    assert list((demo_folder / "keys").rglob("*.pem"))
    _assert_owner_only(demo_folder)
    assert _mode(demo_folder) == 0o700


def test_the_outbox_folder_and_its_archives_are_owner_only(demo_folder: Path, tmp_path: Path,
                                                          permissive_umask: None):
    from assessor_app.storage.store import AssessmentStore
    from assessor_app.sync.enrollment import open_outbox

    [bundle] = [p for p in (demo_folder / "bundles").iterdir() if p.is_dir()]
    data = tmp_path / "data"
    store = AssessmentStore.open(data / "assessor.db")
    try:
        entry = open_outbox(store, data).add_bundle(bundle)
    finally:
        store.close()
    assert entry.archive_path == data / "outbox" / f"{bundle.name}.tar" and entry.archive_path.is_file()
    _assert_owner_only(data)


def test_the_provider_folder_is_owner_only(demo_folder: Path):
    provider = demo_folder / "provider"
    assert (provider / "provider.db").is_file()
    assert [p for p in (provider / "bundles").rglob("record.json")]  # the delivered bundle, imported
    _assert_owner_only(provider)
    for name in ("", "bundles", "uploads", "quarantine", "staging", "keys"):
        assert _mode(provider / name) == 0o700, name


# ---------------------------------------------------------------------------------- an earlier version's


def test_a_data_folder_of_an_earlier_version_is_tightened_when_opened(tmp_path: Path, permissive_umask: None):
    from assessor_app.storage.store import AssessmentStore

    data = tmp_path / "data"
    AssessmentStore.open(data / "assessor.db").close()
    for name, text in {
        "captures/a1/video/seg-000001.ts": "video", "captures/a1/can/capture.jsonl": "{}\n",
        "bundles/b1/data/record.json": "{}", "outbox/b1.tar": "tar", "keys/assessors/x.pem": "key",
        "logs/assessor.log": "log", "assessor.db-wal": "",
    }.items():
        (data / name).parent.mkdir(parents=True, exist_ok=True)
        (data / name).write_text(text, encoding="utf-8")
    mine = data / "my-notes.txt"  # the person's own file in their folder: not the app's to change
    mine.write_text("notes", encoding="utf-8")
    outside = tmp_path / "elsewhere.txt"  # a link out of the folder is never followed
    outside.write_text("elsewhere", encoding="utf-8")
    (data / "captures" / "link").symlink_to(outside)
    _loosen(data)
    os.chmod(outside, 0o644)

    AssessmentStore.open(data / "assessor.db").close()

    assert _open_to_others(data) == [f"{data / 'captures' / 'link'} (a symbolic link)", f"{mine} 0o644"]
    assert _mode(data) == 0o700 and _mode(data / "captures" / "a1" / "video") == 0o700
    assert _mode(data / "assessor.db") == 0o600 and _mode(data / "outbox" / "b1.tar") == 0o600
    assert _mode(outside) == 0o644


def test_a_provider_folder_of_an_earlier_version_is_tightened_when_opened(tmp_path: Path,
                                                                          permissive_umask: None):
    from assessor_app.provider.store import ProviderConfig, ProviderStore

    folder = tmp_path / "provider"
    ProviderStore(ProviderConfig(folder)).close()
    (folder / "uploads" / "u1.part").write_bytes(b"partial")
    (folder / "quarantine" / "q1").mkdir()
    (folder / "quarantine" / "q1" / "reason.txt").write_text("why", encoding="utf-8")
    _loosen(folder)

    ProviderStore(ProviderConfig(folder)).close()

    _assert_owner_only(folder)
    assert _mode(folder / "provider.db") == 0o600 and _mode(folder / "uploads" / "u1.part") == 0o600


def test_the_database_and_its_backup_before_a_migration_are_owner_only(tmp_path: Path,
                                                                        permissive_umask: None):
    from alembic import command
    from alembic.config import Config

    from assessor_app.storage.database import MIGRATIONS_DIR, make_engine
    from assessor_app.storage.store import AssessmentStore

    db = tmp_path / "data" / "assessor.db"
    db.parent.mkdir()
    engine = make_engine(db)  # an earlier revision, made with the permissive umask
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.commit()
    engine.dispose()
    assert _mode(db) == 0o644

    store = AssessmentStore.open(db)  # migrates, after a backup
    with store.engine.connect() as conn:  # -wal and -shm exist while a connection is open
        conn.exec_driver_sql("SELECT count(*) FROM assessments").fetchone()
        assert (tmp_path / "data" / "assessor.db-wal").exists()
        _assert_owner_only(tmp_path / "data")
    store.close()
    [backup] = (db.parent / "backups").glob("assessor-rev0001-*.db")
    assert _mode(backup) == 0o600 and _mode(backup.parent) == 0o700
    con = sqlite3.connect(backup)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    finally:
        con.close()


# ---------------------------------------------------------------------------------- captures
# (sealing makes capture files read-only later, so the demo alone would not show the modes the
# capture writers set while recording)


def test_video_segments_sidecars_and_clips_are_owner_only(tmp_path: Path, permissive_umask: None):
    from assessor_app.devices.video import SimulatedClock, SyntheticCamera, VideoRecorder, export_clip

    clock = SimulatedClock(start_ns=1_000_000_000)
    segments: list = []
    recorder = VideoRecorder(SyntheticCamera(160, 120, 10.0, clock=clock, duration_s=1.5),
                             tmp_path / "data" / "captures" / "a1" / "video", clock=clock,
                             segment_seconds=1.0, timeline_us=lambda: clock.monotonic_ns() // 1000,
                             on_segment=segments.append)
    recorder.start(consent_given=True)
    assert recorder.wait(timeout=60), "the recording did not finish"
    assert len(segments) == 2
    clip = export_clip(segments, segments[0].t_start_us, segments[-1].t_end_us,
                       tmp_path / "data" / "clips" / "step.ts")
    assert clip.frames == 15 and clip.sidecar_path.exists()
    _assert_owner_only(tmp_path / "data")


def test_can_logs_and_their_journal_are_owner_only(tmp_path: Path, permissive_umask: None):
    import time
    import uuid

    import can

    from assessor_app.devices.can import CanConfig, CanLogger

    channel = f"private-{uuid.uuid4().hex[:8]}"
    folder = tmp_path / "data" / "captures" / "a1" / "can"
    logger = CanLogger(CanConfig("virtual", channel), folder, timeline_us=lambda: time.monotonic_ns() // 1000)
    logger.start()
    tx = can.Bus(interface="virtual", channel=channel)
    try:
        for i in range(5):
            tx.send(can.Message(arbitration_id=0x100 + i, data=b"\x01", is_extended_id=False))
        deadline = time.monotonic() + 10
        while logger.stats().counters.frames < 5:
            assert time.monotonic() < deadline, "the logger did not write the frames"
            time.sleep(0.005)
    finally:
        tx.shutdown()
        segments = logger.stop()
    assert segments and list(folder.glob("*.blf")) and list(folder.glob("*.blf.host-ns"))
    assert (folder / "capture.jsonl").exists()
    _assert_owner_only(tmp_path / "data")


# ---------------------------------------------------------------------------------- settings and logs


def test_settings_are_saved_owner_only(tmp_path: Path, permissive_umask: None):
    from assessor_app.settings import Settings, load_settings, save_settings

    path = tmp_path / "config" / "assessor" / "settings.json"
    (path.with_suffix(".tmp")).parent.mkdir(parents=True)
    path.with_suffix(".tmp").write_text("left by a crash", encoding="utf-8")  # 0o644
    save_settings(Settings(language="fi"), path)
    assert _mode(path) == 0o600 and _mode(path.parent) == 0o700  # an existing folder is tightened
    assert load_settings(path).language == "fi"


def test_the_rotating_log_is_owner_only_after_a_rollover(tmp_path: Path, permissive_umask: None):
    from assessor_app.app import PrivateRotatingFileHandler, setup_logging

    folder = tmp_path / "logs"
    folder.mkdir(mode=0o755)
    (folder / "faults.log").write_text("an earlier version's", encoding="utf-8")
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        path = setup_logging(folder)
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
    _assert_owner_only(folder)
    assert path.is_file()

    handler = PrivateRotatingFileHandler(folder / "small.log", maxBytes=10, backupCount=2, encoding="utf-8")
    try:
        for n in range(3):
            record = logging.LogRecord("t", logging.INFO, __file__, 1, f"line {n} of the log", None, None)
            handler.emit(record)
    finally:
        handler.close()
    assert (folder / "small.log.1").exists() and (folder / "small.log").exists()
    _assert_owner_only(folder)


# ---------------------------------------------------------------------------------- entry points


def test_the_command_line_narrows_the_umask_while_it_runs(tmp_path: Path, permissive_umask: None):
    from assessor_app.cli import main

    out = tmp_path / "schemas"
    assert main(["checklist", "schema", "--output", str(out)]) == 0
    written = sorted(out.iterdir())
    assert written  # files written with no explicit mode: the umask made them owner-only
    assert [p.name for p in written if _mode(p) != 0o600] == []
    assert _mode(out) == 0o700
    assert _umask() == PERMISSIVE  # and the caller's umask is back


def test_the_window_bootstrap_narrows_the_umask(tmp_path: Path, permissive_umask: None,
                                                monkeypatch: pytest.MonkeyPatch):
    from assessor_app import app
    from assessor_app.gui import window
    from assessor_app.paths import DATA_DIR_ENV

    seen: list[int] = []
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path / "data"))
    monkeypatch.setattr(window, "run", lambda demo, log_file: seen.append(_umask()) or 0)
    root = logging.getLogger()
    before = list(root.handlers)
    try:
        assert app.main() == 0
    finally:
        for handler in [h for h in root.handlers if h not in before]:
            root.removeHandler(handler)
            handler.close()
    assert seen == [PERMISSIVE | SHARED]
    assert _umask() == PERMISSIVE
    _assert_owner_only(tmp_path / "data")


def test_a_stricter_umask_is_kept():
    previous = os.umask(0o277)
    try:
        with private_umask():
            assert _umask() == 0o277
        assert _umask() == 0o277
    finally:
        os.umask(previous)


# ---------------------------------------------------------------------------------- the helpers


def test_private_dir_makes_missing_parents_owner_only_and_leaves_existing_parents(
        tmp_path: Path, permissive_umask: None):
    os.chmod(tmp_path, 0o755)
    assert private_dir(tmp_path / "a" / "b" / "c") == tmp_path / "a" / "b" / "c"
    assert [_mode(tmp_path / p) for p in ("a", "a/b", "a/b/c")] == [0o700] * 3
    assert _mode(tmp_path) == 0o755


def test_private_dir_leaves_a_chosen_export_folder_as_it_is(tmp_path: Path, permissive_umask: None):
    desktop = tmp_path / "Desktop"
    desktop.mkdir(mode=0o755)
    private_dir(desktop, tighten_existing=False)
    assert _mode(desktop) == 0o755
    private_dir(desktop)
    assert _mode(desktop) == 0o700


def test_private_dir_and_private_file_name_what_is_in_the_way(tmp_path: Path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(PrivateDataError) as info:
        private_dir(tmp_path / "file" / "sub")
    assert str(info.value) == f"{tmp_path / 'file'} exists and is not a folder"
    with pytest.raises(PrivateDataError) as info:
        private_file(tmp_path)
    assert str(info.value) == f"{tmp_path} is not a regular file"


def test_a_folder_that_cannot_be_tightened_is_named(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    folder = tmp_path / "shared"
    folder.mkdir()
    os.chmod(folder, 0o775)

    def refuse(path: object, mode: int) -> None:
        raise PermissionError(1, "Operation not permitted", str(path))

    monkeypatch.setattr(os, "chmod", refuse)
    with pytest.raises(PrivateDataError) as info:
        private_dir(folder)
    assert str(info.value) == (
        f"{folder} is open to other users (mode 0o775) and cannot be made owner-only "
        "(Operation not permitted): it belongs to another account; use a folder of your own")


def test_the_store_names_a_data_folder_it_cannot_create(tmp_path: Path, permissive_umask: None):
    from assessor_app.storage.database import StoreError
    from assessor_app.storage.store import AssessmentStore

    folder = tmp_path / ("x" * 300)  # longer than any file system allows a name to be
    with pytest.raises(StoreError) as info:
        AssessmentStore.open(folder / "assessor.db")
    assert str(info.value) == (f"the database {folder / 'assessor.db'} cannot be created or opened: "
                               f"File name too long ({folder})")


def test_private_file_creates_owner_only_and_tightens_an_existing_file(tmp_path: Path,
                                                                      permissive_umask: None):
    new = private_file(tmp_path / "new.db")
    assert _mode(new) == 0o600 and new.stat().st_size == 0
    old = tmp_path / "old.db"
    old.write_bytes(b"data")
    os.chmod(old, 0o640)
    private_file(old)
    assert _mode(old) == 0o600 and old.read_bytes() == b"data"


def test_tighten_tree_never_adds_a_bit(tmp_path: Path):
    sealed = tmp_path / "sealed"
    sealed.mkdir()
    (sealed / "record.json").write_text("{}", encoding="utf-8")
    os.chmod(sealed / "record.json", 0o444)
    os.chmod(sealed, 0o555)
    try:
        tighten_tree(sealed)
        assert (_mode(sealed), _mode(sealed / "record.json")) == (0o500, 0o400)
    finally:
        os.chmod(sealed, 0o700)
