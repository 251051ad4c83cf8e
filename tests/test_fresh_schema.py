"""A new database made from the models (the first start) has exactly the schema the migrations build.

The store creates a database that does not exist yet with ``metadata.create_all`` plus the
current triggers, stamped at the head revision, in one transaction; Alembic only upgrades
existing databases. These tests compare the two schemas in full, as SQLite itself describes
them, so that the two ways can never drift apart.
"""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys
import threading
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from assessor_app.storage.database import MIGRATIONS_DIR, StoreError, make_engine, open_engine
from assessor_app.storage.models import SCHEMA_REVISION
from assessor_app.storage.schema import TRIGGERS


def _migrated(path: Path) -> Path:
    """An empty database brought to the head revision by the Alembic migrations."""
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            conn.commit()
    finally:
        engine.dispose()
    return path


def _created(path: Path) -> Path:
    """A database the store made on an empty folder (the first-start path)."""
    open_engine(path).dispose()
    return path


def _normal_sql(sql: str | None) -> str:
    return re.sub(r"\s+", " ", sql or "").strip()


def schema(path: Path) -> dict[str, object]:
    """Everything SQLite says about a database's schema, in comparable form."""
    con = sqlite3.connect(path)
    try:
        out: dict[str, object] = {}
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        out["tables"] = tables
        for table in tables:
            # cid, name, declared type, not null, default, primary-key position, hidden
            out[f"{table}.columns"] = con.execute(f"PRAGMA table_xinfo('{table}')").fetchall()
            out[f"{table}.foreign_keys"] = sorted(
                con.execute(f"PRAGMA foreign_key_list('{table}')").fetchall())
            indexes = {}
            for _seq, name, unique, origin, partial in con.execute(f"PRAGMA index_list('{table}')"):
                columns = [(r[2], r[3], r[4]) for r in con.execute(f"PRAGMA index_xinfo('{name}')")]
                # SQLite names the indexes of UNIQUE and PRIMARY KEY constraints itself, by position
                key = f"{origin}:{columns}" if name.startswith("sqlite_autoindex") else name
                indexes[key] = (unique, origin, partial, columns)
            out[f"{table}.indexes"] = indexes
            # CHECK and UNIQUE constraints live only in the CREATE TABLE text
            create = con.execute("SELECT sql FROM sqlite_master WHERE type='table' AND name=?",
                                 (table,)).fetchone()[0]
            out[f"{table}.checks"] = sorted(_normal_sql(c) for c in re.findall(
                r"CHECK\s*\((?:[^()]|\([^()]*\))*\)", create, flags=re.IGNORECASE))
            out[f"{table}.without_rowid"] = "WITHOUT ROWID" in create.upper()
        out["triggers"] = {name: _normal_sql(sql) for name, sql in con.execute(
            "SELECT name, sql FROM sqlite_master WHERE type='trigger'")}
        out["views"] = sorted(r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='view'"))
        out["revision"] = con.execute("SELECT version_num FROM alembic_version").fetchall()
        return out
    finally:
        con.close()


def test_a_created_fresh_schema_equals_a_migrated_from_empty_schema(tmp_path: Path):
    fresh = schema(_created(tmp_path / "fresh" / "assessor.db"))
    migrated = schema(_migrated(tmp_path / "migrated.db"))
    assert fresh.keys() == migrated.keys()
    for key in migrated:
        assert fresh[key] == migrated[key], key
    assert fresh["revision"] == [(SCHEMA_REVISION,)]
    assert set(fresh["triggers"]) == set(TRIGGERS)  # type: ignore[arg-type]
    assert "events" in fresh["tables"]  # type: ignore[operator]  # not a vacuous comparison


def test_the_comparison_notices_a_difference(tmp_path: Path):
    """A column, an index, a trigger, a table: each shows (the comparison is not blind)."""
    base = schema(_migrated(tmp_path / "migrated.db"))
    for i, change in enumerate((
        "ALTER TABLE spec_snapshots ADD COLUMN extra TEXT",
        "CREATE INDEX ix_extra ON events (kind)",
        "DROP TRIGGER capture_gaps_no_delete",
        "CREATE TABLE other (id INTEGER PRIMARY KEY, n INTEGER CHECK (n > 0))",
    )):
        path = _migrated(tmp_path / f"changed-{i}.db")
        con = sqlite3.connect(path)
        con.execute(change)
        con.commit()
        con.close()
        assert schema(path) != base, change


def test_the_first_start_needs_no_alembic_and_the_store_works(tmp_path: Path):
    """In a process of its own (this one has imported Alembic): a new store is made without it,
    and its triggers hold (the event log is append-only)."""
    probe = (
        "import sys; from pathlib import Path\n"
        "from assessor_app.storage.store import AssessmentStore\n"
        f"store = AssessmentStore.open(Path({str(tmp_path / 'data' / 'assessor.db')!r}))\n"
        "print(store.count(), 'alembic' in sys.modules)\n"
        "store.close()\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["0", "False"]
    assert not (tmp_path / "data" / "backups").exists()  # nothing existed to back up
    con = sqlite3.connect(tmp_path / "data" / "assessor.db")
    try:
        names = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'")}
        assert names == set(TRIGGERS)
        con.execute("INSERT INTO capture_gaps (assessment_id, device, kind, t_start_us, reason) "
                    "VALUES ('a', 'camera', 'video', 0, 'unplugged')")
        with pytest.raises(sqlite3.IntegrityError, match="append-only"):
            con.execute("DELETE FROM capture_gaps")
    finally:
        con.close()


def test_an_existing_database_is_opened_not_created_again(tmp_path: Path):
    path = tmp_path / "assessor.db"
    _created(path)
    con = sqlite3.connect(path)
    con.execute("INSERT INTO spec_snapshots VALUES ('a' , 'checklist', 'x', '1', '', '', 1)")
    con.commit()
    con.close()
    _created(path)  # opened again: the row is still there, the revision unchanged
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT count(*) FROM spec_snapshots").fetchone()[0] == 1
        assert con.execute("SELECT version_num FROM alembic_version").fetchall() == [(SCHEMA_REVISION,)]
    finally:
        con.close()


def test_two_processes_creating_one_new_database_create_it_once(tmp_path: Path):
    """Two openers of the same new file at once (a command next to the window): one creates, the
    other finds it made; neither fails."""
    path = tmp_path / "assessor.db"
    start = threading.Barrier(2)

    def opener() -> None:
        start.wait()
        open_engine(path).dispose()

    with ThreadPoolExecutor(2) as pool:
        for future in [pool.submit(opener) for _ in range(2)]:
            future.result(timeout=60)  # re-raises what either opener raised
    assert schema(path)["revision"] == [(SCHEMA_REVISION,)]


def test_a_database_that_cannot_be_created_says_so(tmp_path: Path):
    """A file that is not a database is refused with its path, not overwritten."""
    path = tmp_path / "assessor.db"
    path.write_bytes(b"not a database, but not empty either" * 200)
    with pytest.raises(StoreError, match="assessor.db"):
        open_engine(path)
    assert path.read_bytes().startswith(b"not a database")
