"""Writers side by side on PostgreSQL keep the rules SQLite's single writer kept by itself: issuers take
distinct status-list indexes (an advisory lock), a moderation cycle is changed by one writer at a time
(its row lock). Each test sees the second writer waiting on the lock in PostgreSQL's own views, so the
two really overlap; without the lock each test fails.
"""

from __future__ import annotations

import threading
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from console_support import PASSWORD, make_service
from sqlalchemy import insert, text

from assessor_app.provider.console.accounts import add_user
from assessor_app.provider.credentials.book import STATUS_INDEX_LOCK, CredentialBook
from assessor_app.provider.database import lock_key, make_engine
from assessor_app.provider.models import Device, ReceivedBundle, Workshop
from assessor_app.provider.moderation.cycles import Cycles
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig


def test_issuers_side_by_side_take_distinct_status_indexes(postgres_url: str, tmp_path: Path):
    """Two issuers at once: the second waits for the first's status index (seen waiting on its advisory
    lock in pg_locks), then takes the next; with a third, a fourth... none is given twice."""
    service = ProviderService(ProviderConfig(tmp_path / "provider", database_url=postgres_url))
    with service.store.writer.begin() as conn:
        conn.execute(insert(Workshop).values(id="ws-1", name="W", country="FI", address="", created_us=1))
        conn.execute(insert(Device).values(key_id=DEVICE, public_pem="PEM", workshop_id="ws-1", enrolled_us=1,
                                           revoked_us=None, revoked_reason=None))
    book = CredentialBook(service.store)
    first_inside, waiting = threading.Event(), threading.Event()
    watcher = make_engine(postgres_url)

    def waiter_seen() -> bool:
        with watcher.connect() as conn:
            return bool(conn.execute(text(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
                "AND ((classid::bigint << 32) | objid::bigint) = :key"),
                {"key": lock_key(STATUS_INDEX_LOCK) & 0xFFFFFFFFFFFFFFFF}).scalar_one())

    def issue(n: int, hold: bool = False) -> tuple[int, int]:
        bundle = _bundle_row(service, n)
        taken: list[tuple[int, int]] = []

        def make(status: tuple[int, int]) -> tuple[object, dict[str, object]]:
            taken.append(status)
            if hold:  # the first issuer keeps its index open until another is seen waiting
                first_inside.set()
                for _ in range(2000):
                    if waiter_seen():
                        waiting.set()
                        break
                    waiting.wait(0.01)
            return _Data(str(uuid.uuid4())), _credential_values(bundle, status)

        book._store_new(make)  # type: ignore[arg-type]
        return taken[-1]

    try:
        with ThreadPoolExecutor(2) as pool:
            first = pool.submit(issue, 0, True)
            assert first_inside.wait(60)
            second = pool.submit(issue, 1)
            assert first.result(60) == (1, 0) and waiting.is_set()
            assert second.result(60) == (1, 1)
        with ThreadPoolExecutor(6) as pool:
            rest = list(pool.map(issue, range(2, 14)))
        assert sorted(rest) == [(1, i) for i in range(2, 14)]
    finally:
        watcher.dispose()
        service.close()


class _Data:
    def __init__(self, ident: str):
        self.id = ident


DEVICE = "d" * 64


def _bundle_row(service: ProviderService, n: int) -> tuple[str, str]:
    """A held bundle's row (the credential's foreign key), of the test's one workstation."""
    bundle, device = f"b-{n}-{uuid.uuid4()}", DEVICE
    with service.store.writer.begin() as conn:
        conn.execute(insert(ReceivedBundle).values(
            bundle_id=bundle, device=device, manifest_sha256="0" * 64, workshop_id="ws-1", assessor_id="a",
            assessor_key=None, assessment_id=bundle, outcome="competent", payload_bytes=0, stored_path="",
            source="upload", received_us=1, receipt="{}"))
    return bundle, device


def _credential_values(bundle: tuple[str, str], status: tuple[int, int]) -> dict[str, object]:
    return dict(
        id=str(uuid.uuid4()), bundle_id=bundle[0], device=bundle[1], assessment_id=bundle[0], learner_id="l",
        checklist_id="c", checklist_version="1", workshop_id="ws-1", assessor_id="a", region="FI",
        manifest_sha256="0" * 64, completed_us=1, issued_us=2, issued_by="test", moderation_basis="{}",
        status_list=status[0], status_index=status[1], ob3_jwt="", edc_json="{}", language="en")


def test_a_cycle_is_changed_by_one_writer_at_a_time(postgres_url: str, tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch):
    """Adding a moderator holds the cycle's row lock: a close asked meanwhile waits (seen waiting in
    pg_stat_activity) and happens after it, never between its check and its write."""
    service = make_service(tmp_path / "provider", database_url=postgres_url)
    cycles = Cycles(service.store)
    cycles.create("2027-H1", first_day="2027-01-01", last_day="2027-06-30",
                  checklists=["hv-isolation-series"], moderators=["moderator"])
    add_user(service.store, "second", "moderator", PASSWORD)
    inside, go = threading.Event(), threading.Event()
    real = Cycles._moderator

    def slow_moderator(self: Cycles, conn: object, user: str) -> str:
        inside.set()  # the cycle's row is locked by now
        assert go.wait(60)
        return real(self, conn, user)  # type: ignore[arg-type]

    monkeypatch.setattr(Cycles, "_moderator", slow_moderator)
    watcher = make_engine(postgres_url)

    def close_waits() -> bool:
        with watcher.connect() as conn:
            return bool(conn.execute(text(
                "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' "
                "AND query LIKE 'SELECT moderation_cycles.%FOR UPDATE'")).scalar_one())

    try:
        with ThreadPoolExecutor(2) as pool:
            adding = pool.submit(cycles.add_moderator, "2027-H1", "second")
            assert inside.wait(60)
            closing = pool.submit(cycles.close, "2027-H1")
            seen = False
            for _ in range(2000):
                seen = close_waits()
                if seen or closing.done():
                    break
                go.wait(0.01)
            go.set()
            assert seen and not closing.exception(60)
            assert "second" in adding.result(60).moderators
        final = cycles.get("2027-H1")
        assert final.closed_us is not None and final.moderators == ("moderator", "second")
    finally:
        go.set()
        watcher.dispose()
        service.close()
