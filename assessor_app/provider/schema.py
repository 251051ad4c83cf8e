"""The provider's schema: created and upgraded by its Alembic revisions, with a backup first.

A database made before the provider had migrations holds exactly revision p0001 and no version
table: it is stamped p0001 and upgraded from there. An SQLite database is copied (through
SQLite's backup API) before any upgrade; a PostgreSQL database is the operator's to back up.

On PostgreSQL several workers may start at once: each upgrades under one advisory lock, in one
transaction (PostgreSQL's DDL is transactional), so the first builds or upgrades the schema and the
others, once it has committed, find nothing left to do.
"""

from __future__ import annotations

import logging
import sqlite3
import time
from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import SQLAlchemyError

from assessor_app.durable import private_dir
from assessor_app.provider.database import exclusive
from assessor_app.provider.models import SCHEMA_REVISION

log = logging.getLogger(__name__)
MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "provider_schema_version"
FIRST_REVISION = "p0001"
MIGRATION_LOCK = "schema.migrate"


def _alembic_config(connection: object) -> object:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    cfg.attributes["connection"] = connection
    return cfg


def current_revision(engine: Engine) -> str | None:
    """The revision the database is at; p0001 for a database from before migrations; None if empty."""
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
        if VERSION_TABLE in tables:
            row = conn.exec_driver_sql(f"SELECT version_num FROM {VERSION_TABLE}").first()
            return None if row is None else str(row[0])
    if "devices" in tables and "bundles" in tables:
        return FIRST_REVISION
    if tables:
        raise SQLAlchemyError(f"it holds tables ({', '.join(sorted(tables)[:5])}) but is not a provider "
                              "database")
    return None


def backup_sqlite(path: Path, revision: str) -> Path:
    folder = path.parent / "backups"
    private_dir(folder)
    target = folder / f"{path.stem}-{revision}-{time.strftime('%Y%m%d-%H%M%S')}.db"
    src, dst = sqlite3.connect(path), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    target.chmod(0o600)
    log.info("backed up %s to %s before upgrading its schema", path, target)
    return target


class SchemaError(Exception):
    """The database's schema cannot be brought to this version's."""


def migrate(engine: Engine) -> str | None:
    """Bring the database to SCHEMA_REVISION; returns the revision it was at (None: new)."""
    from alembic import command
    from alembic.util.exc import CommandError

    revision = current_revision(engine)
    if revision == SCHEMA_REVISION:
        return revision
    if revision is not None and engine.dialect.name == "sqlite" and engine.url.database:
        backup_sqlite(Path(engine.url.database), revision)
    with engine.connect() as conn:
        sqlite = engine.dialect.name == "sqlite"
        if sqlite:
            # SQLite rebuilds a table to alter it: with foreign keys enforced, dropping the old copy
            # would fail for the rows that point at it. Off (outside any transaction) while upgrading,
            # then checked once.
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")  # type: ignore[union-attr]
        else:
            exclusive(conn, MIGRATION_LOCK)  # Alembic reads the version table after this: the newest
        cfg = _alembic_config(conn)
        try:
            if revision == FIRST_REVISION and not inspect(conn).has_table(VERSION_TABLE):
                command.stamp(cfg, FIRST_REVISION)  # type: ignore[arg-type]
            command.upgrade(cfg, "head")  # type: ignore[arg-type]
        except CommandError as exc:
            raise SchemaError(f"it is at schema revision {revision!r}, which this version cannot "
                              f"upgrade: {exc}") from exc
        if sqlite:
            broken = conn.exec_driver_sql("PRAGMA foreign_key_check").all()
            if broken:
                conn.rollback()
                raise SchemaError(f"the upgrade would leave {len(broken)} row(s) pointing nowhere "
                                  f"(first: table {broken[0][0]}); nothing was changed")
        conn.commit()
        if sqlite:
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")  # type: ignore[union-attr]
    log.info("provider database upgraded from %s to %s", revision or "nothing", SCHEMA_REVISION)
    return revision
