"""The database half of moving a provider: every row of its SQLite database into an empty PostgreSQL one.

The SQLite database is opened in SQLite's exclusive locking mode and its write lock taken at once.
In WAL mode that lock is refused while any other connection has the file open, and a provider
process keeps its pooled connections open for as long as it runs: so a provider that is running
(``serve``, a ``worker``, any provider command) is found, and refused, rather than left writing
into a database that is being copied. Once taken, no other process can read or write the file
until the move ends, and the file is renamed under that lock after a successful copy.

The target's schema is made by the provider's own Alembic revisions; then, in one transaction,
every table is copied parents first, in batches (a large provider is never held in memory), each
identity sequence set after the copied ids, and each table's row count compared with the
source's. Any failure rolls the transaction back: the target holds no rows, the SQLite database
is as it was, and the command can simply be run again.
"""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, create_engine, func, insert, select, text, tuple_
from sqlalchemy.exc import DBAPIError, OperationalError, SQLAlchemyError
from sqlalchemy.pool import StaticPool

from assessor_app.provider import move_messages as M
from assessor_app.provider.database import CANNOT_OPEN, open_failure, safe_url
from assessor_app.provider.models import SCHEMA_REVISION, Derivative, ProviderBase, ReceivedBundle
from assessor_app.provider.schema import MIGRATIONS_DIR, SchemaError, current_revision, migrate
from assessor_app.provider.store import ProviderError

DATABASE = "provider.db"
#: rows read and inserted at a time
BATCH = 1000
#: how long to wait for SQLite's lock before saying another process has the database open
LOCK_WAIT_S = 2.0


def known_revisions() -> set[str]:
    """Every revision this version's migrations know."""
    from alembic.script import ScriptDirectory

    return {script.revision for script in ScriptDirectory(str(MIGRATIONS_DIR)).walk_revisions()}


def tables() -> list[Table]:
    """The provider's tables, parents before the rows that name them."""
    return list(ProviderBase.metadata.sorted_tables)


class SourceDatabase:
    """The provider's SQLite database, held exclusively (no other process reads or writes it) until
    :meth:`close`."""

    def __init__(self, folder: Path, *, dry_run: bool = False):
        self.folder = folder
        self.path = folder / DATABASE
        if not self.path.is_file():
            moved = sorted(folder.glob(f"{DATABASE}.moved-*")) if folder.is_dir() else []
            if moved:
                raise ProviderError(M.ALREADY_MOVED(folder=str(folder), moved=str(moved[-1])))
            raise ProviderError(M.NO_DATABASE(folder=str(folder)))
        try:
            self.raw = sqlite3.connect(f"{self.path.absolute().as_uri()}?mode=rw", uri=True,
                                       isolation_level=None, timeout=LOCK_WAIT_S, check_same_thread=False)
        except sqlite3.Error as exc:
            raise ProviderError(M.UNREADABLE(path=str(self.path), detail=str(exc))) from None
        try:
            self.raw.execute("PRAGMA locking_mode=EXCLUSIVE")
            self.raw.execute("BEGIN IMMEDIATE")  # refused while another connection has the file open
            self.raw.execute("COMMIT")  # in exclusive mode the lock stays until the connection closes
            if not dry_run:  # every committed page into the file itself: the WAL stays empty from here
                self.raw.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.OperationalError as exc:
            self.raw.close()
            if "locked" in str(exc) or "busy" in str(exc):
                raise ProviderError(M.RUNNING(path=str(self.path))) from None
            raise ProviderError(M.UNREADABLE(path=str(self.path), detail=str(exc))) from None
        except sqlite3.Error as exc:
            self.raw.close()
            raise ProviderError(M.UNREADABLE(path=str(self.path), detail=str(exc))) from None
        self.engine = create_engine("sqlite://", creator=lambda: self.raw, poolclass=StaticPool)
        self.conn = self.engine.connect()

    def check_revision(self) -> None:
        """Refused unless the database is at this version's schema revision."""
        try:
            revision = current_revision(self.engine)
        except SQLAlchemyError as exc:
            raise ProviderError(M.UNREADABLE(path=str(self.path), detail=str(exc).splitlines()[0])) from None
        if revision == SCHEMA_REVISION:
            return
        if revision is None or revision in known_revisions():
            raise ProviderError(M.OLD_REVISION(folder=str(self.folder), revision=revision or "-",
                                               current=SCHEMA_REVISION))
        raise ProviderError(M.UNKNOWN_REVISION(where=str(self.path), revision=revision))

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t.name: int(self.conn.execute(select(func.count()).select_from(t)).scalar_one())
                for t in tables()}

    def rows(self, table: Table) -> Iterator[list[dict[str, Any]]]:
        """The table's rows in batches of BATCH, in primary key order."""
        result = self.conn.execute(select(table).order_by(*table.primary_key.columns),
                                   execution_options={"yield_per": BATCH})
        for part in result.partitions():
            yield [dict(row._mapping) for row in part]

    def held_bundles(self) -> Iterator[tuple[str, str, str]]:
        """``(workstation key id, bundle id, stored path)`` of every held bundle, a page at a time."""
        last: tuple[str, str] | None = None
        while True:
            query = select(ReceivedBundle.device, ReceivedBundle.bundle_id, ReceivedBundle.stored_path)
            if last is not None:
                query = query.where(tuple_(ReceivedBundle.device, ReceivedBundle.bundle_id) > last)
            page = self.conn.execute(query.order_by(ReceivedBundle.device, ReceivedBundle.bundle_id)
                                     .limit(BATCH)).all()
            yield from ((r.device, r.bundle_id, r.stored_path) for r in page)
            if len(page) < BATCH:
                return
            last = (page[-1].device, page[-1].bundle_id)

    def web_proxies(self) -> Iterator[tuple[str, str | None]]:
        """``(path relative to the folder, SHA-256)`` of every web proxy made, a page at a time."""
        last: str | None = None
        made = (Derivative.status == "done", Derivative.kind == "web-proxy", Derivative.path.is_not(None))
        while True:
            query = select(Derivative.path, Derivative.sha256).where(*made)
            if last is not None:
                query = query.where(Derivative.path > last)
            page = self.conn.execute(query.order_by(Derivative.path).limit(BATCH)).all()
            yield from ((str(r.path), r.sha256) for r in page)
            if len(page) < BATCH:
                return
            last = str(page[-1].path)

    def web_proxy_count(self) -> int:
        return int(self.conn.execute(select(func.count()).select_from(Derivative).where(
            Derivative.status == "done", Derivative.kind == "web-proxy", Derivative.path.is_not(None)))
            .scalar_one())

    def set_aside(self, now: dt.datetime) -> Path:
        """Rename the database (under the lock still held) so that nothing reads it by mistake."""
        target = self.folder / f"{DATABASE}.moved-{now.strftime('%Y%m%d-%H%M%S')}"
        os.replace(self.path, target)
        return target

    def close(self) -> None:
        self.conn.close()
        self.engine.dispose()
        self.raw.close()
        if not self.path.exists():  # moved: what SQLite left beside the old name goes too (the WAL is empty)
            for name in (f"{DATABASE}-wal", f"{DATABASE}-shm"):
                leftover = self.folder / name
                if leftover.exists() and (name.endswith("-shm") or leftover.stat().st_size == 0):
                    leftover.unlink()


# ---------------------------------------------------------------- the target
def check_target(target: Engine, url: str) -> None:
    """Refused unless the PostgreSQL database holds no provider rows (it may be empty, or hold the
    schema alone); writes nothing."""
    try:
        revision = current_revision(target)
        if revision is None:
            return
        if revision != SCHEMA_REVISION and revision not in known_revisions():
            raise ProviderError(M.UNKNOWN_REVISION(where=safe_url(url), revision=revision))
        with target.connect() as conn:
            table = _first_with_rows(conn)
    except SQLAlchemyError as exc:
        raise ProviderError(open_failure(url, exc)) from None
    if table is not None:
        raise ProviderError(M.TARGET_NOT_EMPTY(url=safe_url(url), table=table))


def _first_with_rows(conn: Connection) -> str | None:
    from sqlalchemy import inspect

    present = set(inspect(conn).get_table_names())
    for table in tables():
        if table.name in present and conn.execute(select(text("1")).select_from(table).limit(1)).first():
            return table.name
    return None


Progress = Callable[[str, int, int], None]


def copy_rows(source: SourceDatabase, target: Engine, url: str, counts: dict[str, int],
              progress: Progress | None = None) -> dict[str, int]:
    """Make the target's schema, then copy every row in one transaction; the rows per table, each
    checked by a count in the target before the commit. ProviderError (and nothing written) on any
    failure."""
    try:
        migrate(target)
    except SQLAlchemyError as exc:
        raise ProviderError(open_failure(url, exc)) from None
    except SchemaError as exc:
        raise ProviderError(CANNOT_OPEN(url=safe_url(url), detail=str(exc))) from None
    current = "-"
    try:
        with target.begin() as dst:
            names = ", ".join(dst.dialect.identifier_preparer.quote(t.name) for t in tables())
            dst.execute(text(f"LOCK TABLE {names} IN SHARE ROW EXCLUSIVE MODE"))  # no writer beside us
            busy = _first_with_rows(dst)
            if busy is not None:
                raise ProviderError(M.TARGET_NOT_EMPTY(url=safe_url(url), table=busy))
            for table in tables():
                current = table.name
                done = 0
                for batch in source.rows(table):
                    dst.execute(insert(table), batch)
                    done += len(batch)
                    if progress is not None:
                        progress(table.name, done, counts[table.name])
                _continue_ids(dst, table)
            for table in tables():
                current = table.name
                copied = int(dst.execute(select(func.count()).select_from(table)).scalar_one())
                if copied != counts[table.name]:
                    raise ProviderError(M.COUNT_MISMATCH(table=table.name, copied=copied,
                                                         expected=counts[table.name], url=safe_url(url)))
    except (OperationalError, DBAPIError) as exc:
        if isinstance(exc, OperationalError) or exc.connection_invalidated:
            raise ProviderError(open_failure(url, exc)) from None
        detail = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0][:300]
        raise ProviderError(M.COPY_FAILED(table=current, url=safe_url(url), detail=detail)) from None
    except SQLAlchemyError as exc:
        raise ProviderError(M.COPY_FAILED(table=current, url=safe_url(url),
                                          detail=str(exc).splitlines()[0][:300])) from None
    return dict(counts)


def _continue_ids(conn: Connection, table: Table) -> None:
    """The table's identity sequence goes on after the highest id copied."""
    column = table.autoincrement_column
    if column is None:
        return
    top = conn.execute(select(func.max(column))).scalar()
    if top is not None:
        conn.execute(select(func.setval(func.pg_get_serial_sequence(table.name, column.name), int(top)))
                     .where(func.pg_get_serial_sequence(table.name, column.name).is_not(None)))
