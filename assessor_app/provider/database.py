"""The provider's database engine: SQLite in its folder by default, or PostgreSQL named by a URL.

Both run the same Alembic revisions and the same queries. Where they differ, this module says how:

* SQLite serializes writers: ``store.writer`` begins ``BEGIN IMMEDIATE``, so a writer's reads
  inside its transaction cannot change under it. PostgreSQL runs writers side by side, each in an
  ordinary READ COMMITTED transaction; a writer that decides from what it read takes a lock for
  that decision: a row lock (``SELECT ... FOR UPDATE``, :func:`for_update`), a named advisory
  lock held to its commit (:func:`exclusive`), or lets a unique key decide
  (:func:`insert_ignoring`, :func:`upsert`). On SQLite each of these is what it already is.
* A connection failure says which of the usual mistakes it is, naming the URL without its
  password (:func:`open_failure`); the password is never logged.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, Engine, Select, create_engine, event, func, select, text
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError

from assessor_app.i18n import Message, Msg

#: the environment variable naming the provider's database (a --database-url flag wins over it)
DATABASE_URL_ENV = "ASSESSOR_DATABASE_URL"
POSTGRESQL_DRIVER = "postgresql+psycopg"
CONNECT_TIMEOUT_S = 10

UNPARSEABLE = Message("provider.database.unparseable",
                      "the database URL {url} cannot be read: give sqlite:///PATH or "
                      "postgresql+psycopg://USER:PASSWORD@HOST:PORT/DATABASE")
UNSUPPORTED = Message("provider.database.unsupported",
                      "the database URL {url} names {engine}: the provider runs on SQLite or PostgreSQL "
                      "(postgresql+psycopg://USER:PASSWORD@HOST:PORT/DATABASE)")
NO_DRIVER = Message("provider.database.no_driver",
                    "the database {url} needs the psycopg driver, which is not installed: "
                    "pip install 'assessor-app[provider-scale]'")
UNREACHABLE = Message("provider.database.unreachable",
                      "the database server of {url} cannot be reached: is it running, and are the host "
                      "and port right? ({detail})")
NO_DATABASE = Message("provider.database.missing",
                      "the database server of {url} has no database {database}: create it first (the "
                      "provider makes its tables, not the database)")
REFUSED_LOGIN = Message("provider.database.login",
                        "the database server of {url} refused the user {user}: check the user name and "
                        "password")
CANNOT_OPEN = Message("provider.database.cannot_open",
                      "the provider database {url} cannot be opened: {detail}")


class DatabaseUrlError(ValueError):
    """A database URL the provider cannot use; ``msg`` says why in any language."""

    def __init__(self, msg: Msg):
        super().__init__(str(msg))
        self.msg = msg


def safe_url(url: str | URL) -> str:
    """The URL without its password, for messages and logs."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ArgumentError, ValueError):
        return "(unreadable URL)"


def database_url(url: str) -> URL:
    """The URL checked and normalised: ``postgres://`` and ``postgresql://`` mean psycopg (3)."""
    try:
        parsed = make_url(url.strip())
    except (ArgumentError, ValueError):
        raise DatabaseUrlError(UNPARSEABLE(url=_shown(url))) from None
    backend = parsed.get_backend_name()
    if backend == "postgres":
        parsed = parsed.set(drivername=POSTGRESQL_DRIVER)
    elif backend == "postgresql" and "+" not in parsed.drivername:
        parsed = parsed.set(drivername=POSTGRESQL_DRIVER)
    if parsed.get_backend_name() not in ("sqlite", "postgresql") or (
            parsed.get_backend_name() == "postgresql" and parsed.drivername != POSTGRESQL_DRIVER):
        raise DatabaseUrlError(UNSUPPORTED(url=safe_url(parsed), engine=parsed.drivername))
    if parsed.get_backend_name() == "postgresql":
        try:
            import psycopg  # noqa: F401
        except ImportError:
            raise DatabaseUrlError(NO_DRIVER(url=safe_url(parsed))) from None
    return parsed


def _shown(url: str) -> str:
    """An unparseable URL as far as it can be shown: anything between ``//`` and ``@`` is hidden."""
    return re.sub(r"//[^/@]*@", "//***@", url.strip())[:200]


# ---------------------------------------------------------------------------- engines
def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    dbapi_conn.isolation_level = None  # SQLAlchemy, not sqlite3, begins transactions
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=FULL")  # a receipt is only sent for a committed bundle
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def _sqlite_begin(conn: Any) -> None:
    # writers take the lock up front, so two writers queue instead of failing on upgrade
    immediate = conn.get_execution_options().get("sqlite_immediate", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str | URL) -> Engine:
    """An engine for the provider's database (see :func:`database_url` for the URLs it takes)."""
    parsed = database_url(str(url) if isinstance(url, str) else url.render_as_string(hide_password=False))
    if parsed.get_backend_name() == "sqlite":
        engine = create_engine(parsed)
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # several threads (the API, imports, derivations) share the pool; a server restarted under a
    # running provider costs one failed ping per pooled connection, not a failed request
    return create_engine(parsed, pool_pre_ping=True, isolation_level="READ COMMITTED", pool_size=10,
                         max_overflow=20, connect_args={"connect_timeout": CONNECT_TIMEOUT_S,
                                                        "application_name": "assessor-provider"})


def open_failure(url: str | URL, exc: BaseException) -> Msg:
    """One sentence for a database that cannot be opened: unreachable, missing, login refused."""
    if isinstance(exc, DatabaseUrlError):
        return exc.msg
    shown = safe_url(url)
    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError):
        return UNPARSEABLE(url=_shown(str(url)))
    detail = str(getattr(exc, "orig", None) or exc).strip()
    if "password authentication failed" in detail or "no pg_hba.conf entry" in detail or (
            re.search(r'role "[^"]*" does not exist', detail)):
        return REFUSED_LOGIN(url=shown, user=parsed.username or "")
    if re.search(r'database "[^"]*" does not exist', detail):
        return NO_DATABASE(url=shown, database=parsed.database or "")
    for sign in ("Connection refused", "timeout expired", "could not connect", "failed to resolve host",
                 "Name or service not known", "No route to host", "Network is unreachable",
                 "the database system is starting up", "the database system is shutting down"):
        if sign in detail:
            return UNREACHABLE(url=shown, detail=_first_line(detail))
    return CANNOT_OPEN(url=shown, detail=_first_line(detail))


def _first_line(detail: str) -> str:
    line = next((part.strip() for part in detail.splitlines() if part.strip()), detail)
    line = re.sub(r"^connection failed: ", "", line)
    line = re.sub(r"\s*\(Background on this error at: [^)]*\)", "", line)
    return line[:300]


#: collations that order text by its characters, as SQLite does
BYTE_ORDER_COLLATIONS = frozenset({"C", "POSIX", "C.UTF-8", "C.utf8"})


def collation_note(engine: Engine) -> str | None:
    """What the operator should know when a PostgreSQL database orders text by a language's rules (the
    console's prefix searches and page-by-page lists assume the characters' order); None if it does not."""
    if engine.dialect.name != "postgresql":
        return None
    with engine.connect() as conn:
        row = conn.execute(select(text("datcollate"), text("datlocprovider")).select_from(
            text("pg_database")).where(text("datname = current_database()"))).first()
    if row is None or (row[0] in BYTE_ORDER_COLLATIONS and row[1] != "i"):
        return None
    return (f"the provider database orders text by the collation {row[0]!r}"
            f"{' (ICU)' if row[1] == 'i' else ''}, not by characters as SQLite does: ids may sort and "
            "prefix-match differently in the console; create it with --locale C.UTF-8 --template template0")


# ---------------------------------------------------------------------------- writers side by side
def is_postgresql(conn: Connection | Engine) -> bool:
    return conn.dialect.name == "postgresql"


def lock_key(name: str) -> int:
    """A stable signed 64-bit key for PostgreSQL's advisory locks, from a name."""
    return int.from_bytes(hashlib.blake2b(f"assessor-provider:{name}".encode(), digest_size=8).digest(),
                          "big", signed=True)


def exclusive(conn: Connection, name: str) -> None:
    """Hold the lock ``name`` until the caller's transaction ends, so writers that decide from the
    same reads take turns. PostgreSQL: ``pg_advisory_xact_lock``; SQLite: its writers already do."""
    if is_postgresql(conn):
        conn.execute(select(func.pg_advisory_xact_lock(lock_key(name))))


def for_update(query: Select[Any]) -> Select[Any]:
    """The query's rows locked until the transaction ends (SELECT ... FOR UPDATE on PostgreSQL;
    SQLite renders no clause: its writer holds the whole database already)."""
    return query.with_for_update()


def _insert(conn: Connection, table: Any) -> Any:
    if is_postgresql(conn):
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table)


def insert_ignoring(conn: Connection, table: Any, values: Mapping[str, Any] | list[dict[str, Any]],
                    keys: Iterable[str]) -> int:
    """INSERT ... ON CONFLICT (keys) DO NOTHING: a row another writer put there first stays; returns
    how many rows were inserted."""
    statement = _insert(conn, table).values(values).on_conflict_do_nothing(index_elements=list(keys))
    return int(conn.execute(statement).rowcount or 0)


def upsert(conn: Connection, table: Any, values: Mapping[str, Any], keys: Iterable[str]) -> None:
    """INSERT ... ON CONFLICT (keys) DO UPDATE: the row is these values, whoever wrote it before."""
    keys = list(keys)
    statement = _insert(conn, table).values(dict(values))
    changed = {name: statement.excluded[name] for name in values if name not in keys}
    conn.execute(statement.on_conflict_do_update(index_elements=keys, set_=changed))

