"""``assessor provider worker``: a process that takes import jobs from the database and imports them.

Run one or more beside ``assessor provider serve --import-workers external``, on the same
database and provider folder; or, on other machines, the same database and object store (a job's
bytes are the completed upload the API processes received into the bucket) and a copy of the
provider's ``keys/``. SIGTERM or Ctrl-C lets
the job under way finish, then the worker exits 0; a worker killed outright leaves a lease that
lapses, and another worker takes the job again.
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import signal
import threading
from typing import Any

log = logging.getLogger("assessor_app.provider.worker")

#: How long a claimed job stays its worker's without renewal. This module stays light (no SQLAlchemy,
#: no store at import): the command line registers its options while the window starts.
DEFAULT_LEASE_S = 60.0


class ImportWorker:
    """Takes jobs one at a time until stopped."""

    def __init__(self, service: Any, poll_s: float = 1.0):
        self.service = service
        self.poll_s = poll_s
        self.done = 0

    def run(self, stop: threading.Event) -> int:
        """Import jobs until ``stop`` is set (a job under way finishes first); the number imported."""
        from sqlalchemy.exc import SQLAlchemyError

        log.info("import worker %s waiting for jobs", self.service.jobs.name)
        while not stop.is_set():
            try:
                upload_id = self.service.jobs.claim_next()
            except (OSError, SQLAlchemyError) as exc:  # the database is away: try again in a while
                log.warning("import jobs cannot be read now (%s); trying again in %s s", exc, self.poll_s)
                stop.wait(self.poll_s)
                continue
            if upload_id is None:
                stop.wait(self.poll_s)
                continue
            self.run_job(upload_id)
        log.info("import worker %s stopped after %d job(s)", self.service.jobs.name, self.done)
        return self.done

    def run_job(self, upload_id: str) -> None:
        upload = self.service.upload(upload_id)
        log.info("import job %s taken: bundle %s, attempt %d", upload_id, upload.bundle_id if upload else "?",
                 upload.attempts if upload else 0)
        try:
            result = self.service.run_claimed(upload_id)
        except Exception as exc:  # noqa: BLE001 - logged with its traceback where it failed; retried later
            log.warning("import job %s failed on the provider's side (%s: %s); it is tried again later",
                        upload_id, type(exc).__name__, exc)
            return
        self.done += 1
        if result.ok:
            log.info("import job %s done: bundle %s %s", upload_id, result.bundle_id, result.status)
        else:
            log.info("import job %s done: quarantined (%s)", upload_id, result.reason)


def cmd_worker(args: argparse.Namespace) -> int:
    from assessor_app.provider.commands import service_config
    from assessor_app.provider.service import ProviderService
    from assessor_app.provider.store import EXTERNAL

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    stop = threading.Event()

    def stopping(signum: int, _frame: object) -> None:
        log.info("import worker stopping (%s): the job under way finishes first", signal.Signals(signum).name)
        stop.set()

    # from the start: a worker stopped while it opens the store exits 0 all the same
    previous = {sig: signal.signal(sig, stopping) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        config = dataclasses.replace(service_config(args), import_workers=EXTERNAL,
                                     import_lease_s=args.lease_seconds)
        service = ProviderService(config)
        try:
            ImportWorker(service, poll_s=args.poll_seconds).run(stop)
        finally:
            service.close()
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    return 0


def _seconds(value: str) -> float:
    try:
        seconds = float(value)
    except ValueError:
        seconds = -1.0
    if not 0.05 <= seconds <= 3600:
        raise argparse.ArgumentTypeError(f"give a number of seconds from 0.05 to 3600, not {value[:20]!r}")
    return seconds


def register(sub: Any, common: Any) -> None:
    worker = common(sub.add_parser(
        "worker", help="import the uploads that workstations completed, taking the jobs from the database "
                       "(beside `serve --import-workers external`); stops on SIGTERM or Ctrl-C"))
    worker.add_argument("--poll-seconds", type=_seconds, default=1.0, metavar="S",
                        help="how often to look for a job while none waits (default 1)")
    worker.add_argument("--lease-seconds", type=_seconds, default=DEFAULT_LEASE_S, metavar="S",
                        help="how long a job stays this worker's without renewal; a worker that dies "
                             f"holds its job this long at most (default {DEFAULT_LEASE_S:g})")
    worker.set_defaults(func=cmd_worker)
