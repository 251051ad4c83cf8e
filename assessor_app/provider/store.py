"""The provider's storage: its database (SQLite by default, any SQLAlchemy URL), folders and key."""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event, select, update
from sqlalchemy.exc import SQLAlchemyError

from assessor_app.errors import AssessorError
from assessor_app.evidence.keys import SigningKey, device_key
from assessor_app.provider.models import ProviderBase, ReceivedBundle, Upload

log = logging.getLogger(__name__)

GiB = 1024**3


class ProviderError(AssessorError):
    """The provider cannot do what was asked; the message says why."""


class Refused(ProviderError):
    """A request refused with an HTTP status and one sentence for the person who sent it."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass(frozen=True)
class ProviderConfig:
    """Where the provider keeps things and what it accepts."""

    folder: Path
    database_url: str | None = None  # default: SQLite in ``folder``
    max_upload_bytes: int = 8 * GiB
    token_ttl_s: int = 600
    clock_window_s: int = 300  # signed token requests must be this fresh
    code_ttl_s: int = 7 * 24 * 3600


def now_us() -> int:
    return time.time_ns() // 1000


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


def make_engine(url: str) -> Engine:
    engine = create_engine(url, pool_pre_ping=not url.startswith("sqlite"))
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
        event.listen(engine, "begin", _sqlite_begin)
    return engine


class ProviderStore:
    """Database, folders (bundles, uploads, quarantine, staging) and the provider's signing key."""

    def __init__(self, config: ProviderConfig, clock: Callable[[], int] = now_us):
        self.config = config
        self.clock = clock
        folder = config.folder
        self.bundles_dir = folder / "bundles"
        self.uploads_dir = folder / "uploads"
        self.quarantine_dir = folder / "quarantine"
        self.staging_dir = folder / "staging"
        for d in (self.bundles_dir, self.uploads_dir, self.quarantine_dir, self.staging_dir):
            d.mkdir(parents=True, exist_ok=True)
        url = config.database_url or f"sqlite:///{folder / 'provider.db'}"
        try:
            self.engine = make_engine(url)
            # Tables are created from the models (create_all): the provider's schema is new and
            # has one version; a migration set comes with its first change.
            ProviderBase.metadata.create_all(self.engine)
        except SQLAlchemyError as exc:
            raise ProviderError(f"the provider database {_safe_url(url)} cannot be opened: {exc}") from exc
        self.writer = self.engine.execution_options(sqlite_immediate=True)
        self.key: SigningKey = device_key(folder / "keys")  # the provider's own Ed25519 key
        self._recover()

    def close(self) -> None:
        self.engine.dispose()

    def _recover(self) -> None:
        """After a crash: clear staging, and move bundle folders no row names out of the way."""
        for leftover in self.staging_dir.iterdir():
            shutil.rmtree(leftover, ignore_errors=True) if leftover.is_dir() else leftover.unlink()
        with self.engine.connect() as conn:
            stored = set(conn.execute(select(ReceivedBundle.stored_path)).scalars())
        for path in self.bundles_dir.iterdir():
            if str(path) not in stored:
                target = self.quarantine_dir / f"orphan-{path.name}-{self.clock()}"
                log.warning("bundle folder %s has no record (interrupted import); moved to %s",
                            path.name, target)
                os.replace(path, target)
        with self.writer.begin() as conn:
            # an upload interrupted mid-import is received again: its bytes are still there
            # (the import runs again when its result is asked for)
            conn.execute(update(Upload).where(Upload.status == "importing").values(status="receiving"))

    def upload_path(self, upload_id: str) -> Path:
        return self.uploads_dir / f"{upload_id}.part"


def _safe_url(url: str) -> str:
    """The URL without its password, for messages and logs."""
    from sqlalchemy.engine import make_url

    try:
        return make_url(url).render_as_string(hide_password=True)
    except (ValueError, SQLAlchemyError):
        return "(unparseable URL)"
