"""The Alembic migrations build exactly the schema the models describe, and go both ways."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect

from assessor_app.storage.database import MIGRATIONS_DIR, make_engine
from assessor_app.storage.models import SCHEMA_REVISION, Base

TRIGGERS = {
    "events_append_only_update", "events_append_only_delete", "events_closed_assessment",
    "assessments_read_only", "assessments_no_delete_closed",
    "capture_files_append_only_update", "capture_files_append_only_delete", "capture_files_sealed",
    "capture_gaps_end_once", "capture_gaps_no_delete", "capture_gaps_sealed",
    "identities_salt_fixed", "identities_sealed_update", "identities_sealed_delete",
    "identities_sealed_insert",
}


def _config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def _run(engine: Engine, fn, revision: str) -> None:
    cfg = _config()
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        fn(cfg, revision)
        conn.commit()


@pytest.fixture
def engine(tmp_path: Path):
    e = make_engine(tmp_path / "migrations.db")
    yield e
    e.dispose()


def _differences(engine: Engine) -> list:
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        return compare_metadata(ctx, Base.metadata)


def _triggers(engine: Engine) -> set[str]:
    with engine.connect() as conn:
        return set(conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'"
        ).scalars())


def _revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def test_upgrade_head_on_an_empty_database_matches_the_models(engine: Engine):
    _run(engine, command.upgrade, "head")
    assert _differences(engine) == []
    assert _revision(engine) == SCHEMA_REVISION
    assert _triggers(engine) == TRIGGERS  # what autogenerate cannot see


def test_the_comparison_would_notice_a_difference(engine: Engine):
    """compare_metadata sees this schema (guards against a vacuous empty diff)."""
    _run(engine, command.upgrade, "head")
    with engine.begin() as conn:
        conn.exec_driver_sql("ALTER TABLE spec_snapshots ADD COLUMN extra TEXT")
        conn.exec_driver_sql("CREATE INDEX ix_extra ON events (kind)")
    kinds = {d[0] if isinstance(d, tuple) else d[0][0] for d in _differences(engine)}
    assert {"remove_column", "remove_index"} <= kinds


def test_schema_revision_is_the_migrations_head():
    script = ScriptDirectory.from_config(_config())
    assert script.get_heads() == [SCHEMA_REVISION]  # one head, no branches
    assert script.get_current_head() == SCHEMA_REVISION


def test_every_migration_has_a_downgrade_and_the_chain_is_linear():
    script = ScriptDirectory.from_config(_config())
    revisions = list(script.walk_revisions())
    assert revisions[-1].down_revision is None
    for rev in revisions:
        assert callable(getattr(rev.module, "downgrade", None)), rev.revision


def test_downgrade_to_base_and_upgrade_again(engine: Engine):
    _run(engine, command.upgrade, "head")
    _run(engine, command.downgrade, "base")
    assert _revision(engine) is None
    assert set(inspect(engine).get_table_names()) <= {"alembic_version"}
    assert _triggers(engine) == set()
    with engine.connect() as conn:
        assert conn.exec_driver_sql(
            "SELECT count(*) FROM sqlite_master WHERE type = 'index' AND name LIKE 'ix_%'"
        ).scalar() == 0

    _run(engine, command.upgrade, "head")
    assert _revision(engine) == SCHEMA_REVISION
    assert _differences(engine) == []
    assert _triggers(engine) == TRIGGERS


def test_the_store_opens_a_database_the_migrations_made(tmp_path: Path):
    from assessor_app.storage.store import AssessmentStore

    path = tmp_path / "assessor.db"
    e = make_engine(path)
    _run(e, command.upgrade, "head")
    e.dispose()
    store = AssessmentStore.open(path)
    assert store.count() == 0
    store.close()
    assert not (tmp_path / "backups").exists()  # already current: nothing to back up
    con = sqlite3.connect(path)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == (
            SCHEMA_REVISION
        )
    finally:
        con.close()
