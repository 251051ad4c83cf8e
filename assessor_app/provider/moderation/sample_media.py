"""The face-blurred media of every sampled assessment, made in the background while the provider serves.

A moderator opens a package expecting to see its video: waiting for the first view to make it would
leave them on "being prepared" for minutes. So as soon as a sample is stored (by the console, or by the
command line in another process: found by polling), the worker makes the anonymised derivatives of its
assessments, one at a time and at a lower CPU priority, like the web proxies. A bundle whose derivatives
are all made or failed is remembered and not looked at again until the next start.
"""

from __future__ import annotations

import logging
import threading

from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from assessor_app.provider.media.anonymised import AnonymisedMedia, AnonymisedMediaError
from assessor_app.provider.media.derivatives import lower_priority
from assessor_app.provider.moderation.models import ModerationCycle, SampledAssessmentRow
from assessor_app.provider.store import ProviderStore

log = logging.getLogger(__name__)


class SampleMediaWorker:
    """``start``/``stop`` the background maker; ``wake`` after storing a sample; ``run_once`` in tests."""

    def __init__(self, store: ProviderStore, media: AnonymisedMedia):
        self.store = store
        self.media = media
        self._settled: set[tuple[str, str]] = set()  # bundles with every derivative made or failed
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._idle = threading.Event()
        self._thread: threading.Thread | None = None

    def _sampled(self) -> list[tuple[str, str]]:
        """The bundles sampled in cycles still open, in a stable order."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(
                select(SampledAssessmentRow.bundle_id, SampledAssessmentRow.device)
                .join(ModerationCycle, ModerationCycle.name == SampledAssessmentRow.cycle)
                .where(ModerationCycle.closed_us.is_(None))
                .order_by(SampledAssessmentRow.cycle, SampledAssessmentRow.bundle_id)).all()
        seen: dict[tuple[str, str], None] = {}
        for r in rows:
            seen.setdefault((r.bundle_id, r.device), None)
        return list(seen)

    def run_once(self) -> int:
        """Make what is owed for the sampled bundles not yet settled; returns how many bundles settled."""
        settled = 0
        for key in self._sampled():
            if self._stop.is_set():
                break
            if key in self._settled:
                continue
            try:
                made = self.media.bundle(*key, should_stop=self._stop.is_set)
            except AnonymisedMediaError as exc:  # the bundle is not held as sealed: nothing to make
                log.warning("no anonymised media for sampled bundle %s: %s", key[0], exc)
                made = []
            if all(d.status in ("done", "failed") for d in made):
                self._settled.add(key)
                settled += 1
        return settled

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._loop, name="provider-sample-media", daemon=True)
            self._thread.start()

    def wake(self) -> None:
        """Look for newly sampled assessments now (another process's sample is found by polling)."""
        self._idle.clear()
        self._wake.set()

    def wait_idle(self, timeout: float) -> bool:
        """Whether the worker has gone through every sampled bundle within ``timeout`` seconds."""
        return self._idle.wait(timeout)

    def stop(self, timeout: float = 30.0) -> None:
        """Stop now: a video being made is abandoned and stays pending (made again at the next start)."""
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        lower_priority()
        while not self._stop.is_set():
            try:
                self.run_once()
                if not self._wake.is_set():
                    self._idle.set()
            except (OSError, SQLAlchemyError) as exc:  # the provider's own disk or database
                log.warning("the sampled assessments' anonymised media could not be made now (%s); "
                            "trying again in %s s", exc, self.store.config.derive_poll_s)
            self._wake.wait(self.store.config.derive_poll_s)
            self._wake.clear()
