"""One PATCH of an upload at a time across every API process that shares a PostgreSQL database.

A PATCH holds an advisory lock keyed by its upload for as long as its body streams in. The lock is
a *session* lock taken on one connection of the process's own, kept apart from the request pool:
a PATCH holds no pooled connection while its body arrives, so a process receives as many uploads
at once as its clients send, not as many as its pool has connections. A process that dies takes
its connection, and with it every lock it held, down with it; the next process resumes from the
offset the database confirmed.

Should the lock connection itself drop while a PATCH streams, that PATCH's lock is gone too: it
is refused before it confirms anything (:meth:`UploadLocks.still_held`), and the client asks the
offset again. SQLite's provider is one process, whose own per-upload lock already does this.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import Connection, Engine, create_engine, func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.pool import NullPool

from assessor_app.provider.database import CONNECT_TIMEOUT_S, lock_key

log = logging.getLogger(__name__)


class UploadLocks:
    """Session advisory locks on a dedicated connection (created on first use, again after a drop)."""

    def __init__(self, engine: Engine):
        # same URL and credentials, its own single connection: never one of the request pool's
        self._engine = create_engine(
            engine.url, poolclass=NullPool, isolation_level="AUTOCOMMIT",
            connect_args={"connect_timeout": CONNECT_TIMEOUT_S,
                          "application_name": "assessor-provider-upload-locks"})
        self._conn: Connection | None = None
        self._generation = 0  # the number of the current connection: locks die with theirs
        self._held: dict[int, int] = {}  # key -> generation it was taken on
        self._mutex = threading.Lock()

    def _connection(self) -> Connection:
        if self._conn is None or self._conn.closed or self._conn.invalidated:
            if self._conn is not None:
                self._close_quietly()
            self._conn = self._engine.connect()
            self._generation += 1
        return self._conn

    def _close_quietly(self) -> None:
        conn, self._conn = self._conn, None
        if self._held:
            log.warning("the upload lock connection dropped: %d PATCH(es) under way lose their lock and "
                        "are refused before they confirm", len(self._held))
        self._held.clear()
        if conn is not None:
            try:
                conn.close()
            except SQLAlchemyError as exc:  # it is already gone: nothing held on it survives
                log.info("closing the dropped upload lock connection: %s", exc)

    def _run(self, fn_name: str, key: int) -> bool:
        """``pg_try_advisory_lock`` or ``pg_advisory_unlock`` on the lock connection; one reconnect
        for a connection found dead (a server restart), which loses the locks it held."""
        for attempt in (1, 2):
            try:  # connecting may fail too: the server dropped the new connection while it came up
                conn = self._connection()
                return bool(conn.execute(select(getattr(func, fn_name)(key))).scalar())
            except SQLAlchemyError:
                self._close_quietly()
                if attempt == 2:
                    raise
        raise AssertionError("unreachable")

    def acquire(self, upload_id: str) -> int | None:
        """The lock's key if this process now holds the upload's lock, None if another process does."""
        key = lock_key(f"upload:{upload_id}")
        with self._mutex:
            if key in self._held:  # this process already writes it (its own per-upload lock says 423)
                return None
            if not self._run("pg_try_advisory_lock", key):
                return None
            self._held[key] = self._generation
            return key

    def still_held(self, key: int) -> bool:
        """True if the lock taken as ``key`` is still held: its connection is the one it was taken on
        and answers. Asked before an offset is confirmed."""
        with self._mutex:
            if self._held.get(key) != self._generation or self._conn is None:
                return False
            try:
                self._conn.execute(select(1))
            except SQLAlchemyError:
                self._close_quietly()
                return False
            return True

    def release(self, key: int) -> None:
        with self._mutex:
            taken_on = self._held.pop(key, None)
            if taken_on is None or taken_on != self._generation:
                return  # went with a dropped connection
            try:
                self._run("pg_advisory_unlock", key)
            except SQLAlchemyError as exc:  # the connection went: the lock with it
                log.warning("releasing an upload lock failed (%s); it went with its connection", exc)

    def close(self) -> None:
        with self._mutex:
            self._held.clear()  # closing the session releases them all
            if self._conn is not None:
                try:
                    self._conn.close()
                except SQLAlchemyError as exc:
                    log.info("closing the upload lock connection: %s", exc)
                self._conn = None
            self._engine.dispose()
