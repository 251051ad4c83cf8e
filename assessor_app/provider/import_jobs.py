"""Import jobs: a complete upload waits in the database until a provider process takes it.

The last PATCH of an upload marks it ``importing`` with no claimant: a queued job. A process
claims a job by writing its name in ``claimed_by`` and a lease in ``lease_until_us``, which it
renews while it imports; a process that dies leaves a lease that lapses, and another process
takes the job again. On PostgreSQL the claim reads the next job with ``SELECT ... FOR UPDATE
SKIP LOCKED``, so claimers running side by side never wait for each other nor take the same row;
SQLite renders no such clause, its single writer serialising the claims instead.

A job run twice (a lease that lapsed under a slow but living importer, a crash after the bundle
was stored but before the job was marked done) stores its bundle once all the same: the bundles
table's key holds one row per bundle, and the second import answers the first one's receipt.
"""

from __future__ import annotations

import logging
import os
import secrets
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager

from sqlalchemy import or_, select, update
from sqlalchemy.exc import SQLAlchemyError

from assessor_app.provider.import_worker import DEFAULT_LEASE_S
from assessor_app.provider.models import Upload
from assessor_app.provider.store import ProviderStore

log = logging.getLogger(__name__)
#: the statuses of a complete upload not yet imported: ``receiving`` is one whose import failed on
#: the provider's side (or a database from before the queue), ``importing`` a queued or claimed job
WAITING = ("receiving", "importing")


def worker_name() -> str:
    """This process, as ``claimed_by`` names it: the host, the process id and a random tag."""
    return f"{socket.gethostname()[:60]}:{os.getpid()}:{secrets.token_hex(3)}"


class ImportJobs:
    """Claiming, renewing and settling import jobs for one provider process."""

    def __init__(self, store: ProviderStore, name: str | None = None, lease_s: float = DEFAULT_LEASE_S,
                 clock: Callable[[], int] | None = None):
        self.store = store
        self.name = name or worker_name()
        self.lease_s = lease_s
        self._clock = clock or store.clock

    def _lease_end(self) -> int:
        return self._clock() + int(self.lease_s * 10**6)

    def _takeable(self) -> object:
        return (Upload.status.in_(WAITING), Upload.offset == Upload.length, Upload.length > 0)

    def claim_next(self) -> str | None:
        """Take the oldest job nobody holds a live lease on; its upload id, or None when none waits."""
        now = self._clock()
        with self.store.writer.begin() as conn:
            row = conn.execute(
                select(Upload.id).where(*self._takeable(),  # type: ignore[misc]
                                        or_(Upload.lease_until_us.is_(None), Upload.lease_until_us < now))
                .order_by(Upload.updated_us).limit(1).with_for_update(skip_locked=True)).first()
            if row is None:
                return None
            conn.execute(update(Upload).where(Upload.id == row.id).values(
                status="importing", claimed_by=self.name, lease_until_us=self._lease_end(),
                attempts=Upload.attempts + 1))
        return str(row.id)

    def claim(self, upload_id: str, *, steal: bool = False) -> bool:
        """Take this job; ``steal``: even from a live lease (one process importing for itself, where
        a lease left by its own previous run must not hold the job back). False when the job is
        done (imported or quarantined) or another process holds it."""
        now = self._clock()
        live = [] if steal else [or_(Upload.lease_until_us.is_(None), Upload.lease_until_us < now,
                                     Upload.claimed_by.is_(None))]
        with self.store.writer.begin() as conn:
            row = conn.execute(select(Upload.id).where(
                Upload.id == upload_id, *self._takeable(), *live,  # type: ignore[misc]
            ).with_for_update(skip_locked=True)).first()
            if row is None:
                return False
            conn.execute(update(Upload).where(Upload.id == upload_id).values(
                status="importing", claimed_by=self.name, lease_until_us=self._lease_end(),
                attempts=Upload.attempts + 1))
        return True

    def renew(self, upload_id: str) -> bool:
        """Push the lease on; False when the job is no longer this process's."""
        with self.store.writer.begin() as conn:
            done = conn.execute(update(Upload).where(
                Upload.id == upload_id, Upload.claimed_by == self.name, Upload.status == "importing",
            ).values(lease_until_us=self._lease_end()))
        return done.rowcount == 1

    def finish(self, upload_id: str, status: str, reason: str | None) -> None:
        """Record the import's outcome (imported or quarantined): the job is done, whoever holds it."""
        with self.store.writer.begin() as conn:
            conn.execute(update(Upload).where(Upload.id == upload_id, Upload.status.in_(WAITING)).values(
                status=status, reason=reason, claimed_by=None, lease_until_us=None, last_error=None,
                updated_us=self._clock()))

    def release(self, upload_id: str, error: str, retry_after_s: float) -> None:
        """Give the job back after a fault of the provider's own (its disk, its database): it waits
        ``retry_after_s`` before a worker takes it again (a workstation asking for the result of it
        retries it at once where imports run in the serving process)."""
        with self.store.writer.begin() as conn:
            conn.execute(update(Upload).where(
                Upload.id == upload_id, Upload.claimed_by == self.name, Upload.status == "importing",
            ).values(status="receiving", claimed_by=None, last_error=error[:2000],
                     lease_until_us=self._clock() + int(retry_after_s * 10**6)))

    @contextmanager
    def leased(self, upload_id: str) -> Iterator[None]:
        """Renew the job's lease on a thread while the body imports it."""
        stop = threading.Event()

        def keep() -> None:
            while not stop.wait(self.lease_s / 3):
                try:
                    if not self.renew(upload_id):
                        log.warning("import job %s: the lease was lost (another process took the job); "
                                    "this import still answers the same receipt", upload_id)
                        return
                except (OSError, SQLAlchemyError) as exc:
                    log.warning("import job %s: the lease could not be renewed now (%s)", upload_id, exc)

        thread = threading.Thread(target=keep, name=f"lease-{upload_id[:8]}", daemon=True)
        thread.start()
        try:
            yield
        finally:
            stop.set()
            thread.join()
