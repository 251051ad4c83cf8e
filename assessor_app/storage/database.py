"""Opening the SQLite database: pragmas for durability, migrations with a backup first."""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError, SQLAlchemyError

from assessor_app.durable import private_data_folder, private_dir, private_file, tighten_tree
from assessor_app.errors import AssessorError
from assessor_app.paths import DATA_FOLDER_ENTRIES
from assessor_app.storage.models import SCHEMA_REVISION

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


class StoreError(AssessorError):
    """The store cannot be opened or written; the message says what to do."""


def _on_connect(dbapi_conn: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy, not the sqlite3 module, decide where transactions begin.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # first: every statement after it (switching to WAL too) waits for a lock instead of failing
    cur.execute("PRAGMA busy_timeout=5000")
    cur.execute("PRAGMA journal_mode=WAL")
    # FULL: a transaction is on disk (WAL fsynced) when COMMIT returns, so an action the
    # window has confirmed survives a power cut, not only a crash.
    cur.execute("PRAGMA synchronous=FULL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.close()


def _on_begin(conn: Any) -> None:
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", pool_pre_ping=False)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


def current_revision(path: Path) -> str | None:
    """The schema revision of an existing database file, without importing Alembic."""
    if not path.exists() or path.stat().st_size == 0:
        return None
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        row = con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name='alembic_version'"
        ).fetchone()
        if row is None:
            tables = con.execute("SELECT count(*) FROM sqlite_master WHERE type='table'").fetchone()
            if tables and tables[0]:
                raise StoreError(f"{path} is not an assessor database (no schema version)")
            return None
        version = con.execute("SELECT version_num FROM alembic_version").fetchone()
        return version[0] if version else None
    except sqlite3.DatabaseError as exc:
        raise StoreError(f"{path} cannot be read as a database: {exc}") from exc
    finally:
        con.close()


def backup(path: Path, revision: str | None) -> Path:
    """Copy the database (consistently, through SQLite's backup API) before migrating it."""
    folder = private_dir(path.parent / "backups")
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = private_file(folder / f"{path.stem}-rev{revision or 'none'}-{stamp}.db")
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    log.info("backed up %s to %s before migrating", path, target)
    return target


def upgrade(engine: Engine, revision: str = "head") -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
        conn.commit()


#: How long opening a new store waits for another process that is creating the same file.
CREATE_WAIT_S = 60.0


def create_fresh(engine: Engine, path: Path) -> str | None:
    """Make an empty database's schema from the models, stamped at the head revision, in one
    transaction (a first start needs no Alembic). Returns the revision the database is at after:
    the head, or what another process that created it meanwhile left there."""
    from assessor_app.storage.schema import create_schema

    deadline = time.monotonic() + CREATE_WAIT_S
    while True:
        try:
            # BEGIN IMMEDIATE: two processes opening one new file create its schema once, in turn
            with engine.execution_options(sqlite_immediate=True).begin() as conn:
                made = conn.exec_driver_sql(
                    "SELECT count(*) FROM sqlite_master WHERE type='table' AND name='alembic_version'"
                ).scalar()
                if made:
                    version = conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
                    return None if version is None else str(version)
                create_schema(conn)
            break
        except OperationalError as exc:
            # another process is creating it (slowly, on a busy machine): wait for it, in turn
            if "locked" in str(exc.orig) and time.monotonic() < deadline:
                continue
            engine.dispose()
            raise StoreError(f"the database {path} cannot be created: {exc.__cause__ or exc}") from exc
        except SQLAlchemyError as exc:
            engine.dispose()
            raise StoreError(f"the database {path} cannot be created: {exc.__cause__ or exc}") from exc
    log.info("created the database %s at schema revision %s", path, SCHEMA_REVISION)
    return SCHEMA_REVISION


def open_engine(path: Path) -> Engine:
    """Open (creating or migrating as needed) the database at ``path``.

    Its folder is made owner-only (an earlier version's folder is tightened), and so is the file
    before SQLite opens it: SQLite gives the -wal and -shm files the database file's mode.
    """
    own = (path.name, f"{path.name}-wal", f"{path.name}-shm")
    try:
        private_data_folder(path.parent, (*own, *DATA_FOLDER_ENTRIES))
        private_file(path)
        for journal in own[1:]:  # left by a crash of an earlier version: SQLite keeps their mode
            tighten_tree(path.parent / journal)
    except OSError as exc:
        raise StoreError(f"the database {path} cannot be created or opened: "
                         f"{exc.strerror or exc} ({exc.filename or path})") from exc
    revision = current_revision(path)
    engine = make_engine(path)
    if revision is None:
        revision = create_fresh(engine, path)
    if revision != SCHEMA_REVISION:
        if revision is not None:
            backup(path, revision)
        try:
            upgrade(engine)
        except Exception as exc:  # Alembic raises several kinds; all mean the same to a person
            engine.dispose()
            raise StoreError(
                f"{path} has schema revision {revision!r}, which this version of the app "
                f"cannot migrate ({exc}); a backup is in {path.parent / 'backups'}"
            ) from exc
    with engine.connect() as conn:
        conn.execute(text("SELECT 1"))
    return engine
