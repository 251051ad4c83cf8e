"""Server-side console sessions, and the wait imposed on an account name after failed sign-ins.

The browser holds a random token in an HttpOnly cookie; the database keeps its SHA-256, the
user, when it began and was last used, and the session's CSRF token. A session ends after
``console_idle_s`` without use or ``console_absolute_s`` after sign-in, whichever comes first,
measured with the store's clock (tests inject one).
"""

from __future__ import annotations

import hashlib
import math
import secrets
import threading
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select, update

from assessor_app.provider.console.models import ConsoleSession, ConsoleUser
from assessor_app.provider.store import ProviderStore

#: a session's last use is written at most this often (a page view is not a write every time)
TOUCH_EVERY_US = 60 * 10**6


@dataclass(frozen=True)
class SessionInfo:
    token_sha256: str
    user_name: str
    role: str
    csrf_token: str
    created_us: int
    seen_us: int


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogateescape")).hexdigest()


def open_session(store: ProviderStore, user_name: str, address: str) -> tuple[str, SessionInfo]:
    """A new session for the user: the cookie's token (shown only now) and the session."""
    token = secrets.token_urlsafe(32)
    csrf = secrets.token_hex(32)
    now = store.clock()
    digest = token_digest(token)
    with store.writer.begin() as conn:
        role = conn.execute(select(ConsoleUser.role).where(ConsoleUser.name == user_name)).scalar_one()
        conn.execute(insert(ConsoleSession).values(token_sha256=digest, user_name=user_name, created_us=now,
                                                   seen_us=now, csrf_secret=csrf, address=address[:64]))
    return token, SessionInfo(digest, user_name, role, csrf, now, now)


def current_session(store: ProviderStore, token: str | None) -> SessionInfo | None:
    """The live session this cookie names, its use recorded; None if none, ended, expired or disabled."""
    if not token or len(token) > 200:
        return None
    digest = token_digest(token)
    with store.engine.connect() as conn:
        row = conn.execute(
            select(ConsoleSession.user_name, ConsoleSession.created_us, ConsoleSession.seen_us,
                   ConsoleSession.csrf_secret, ConsoleUser.role, ConsoleUser.disabled_us)
            .join(ConsoleUser, ConsoleUser.name == ConsoleSession.user_name)
            .where(ConsoleSession.token_sha256 == digest)).first()
    if row is None:
        return None
    session, role, disabled = row, row.role, row.disabled_us
    now = store.clock()
    config = store.config
    expired = (now - session.seen_us > config.console_idle_s * 10**6
               or now - session.created_us > config.console_absolute_s * 10**6)
    if expired or disabled is not None:
        end_session(store, token)
        return None
    if now - session.seen_us >= TOUCH_EVERY_US:
        with store.writer.begin() as conn:
            conn.execute(update(ConsoleSession).where(ConsoleSession.token_sha256 == digest)
                         .values(seen_us=now))
    return SessionInfo(digest, session.user_name, role, session.csrf_secret, session.created_us, now)


def end_session(store: ProviderStore, token: str | None) -> None:
    if token and len(token) <= 200:
        with store.writer.begin() as conn:
            conn.execute(delete(ConsoleSession).where(ConsoleSession.token_sha256 == token_digest(token)))


def end_expired_sessions(store: ProviderStore) -> int:
    """Remove the rows of sessions that have expired; returns how many."""
    now = store.clock()
    config = store.config
    with store.writer.begin() as conn:
        gone = conn.execute(delete(ConsoleSession).where(
            (ConsoleSession.seen_us < now - config.console_idle_s * 10**6)
            | (ConsoleSession.created_us < now - config.console_absolute_s * 10**6)))
    return int(gone.rowcount or 0)


class AccountThrottle:
    """Failed sign-ins per account name, kept in memory for known and unknown names alike.

    After ``failures`` failures in a row, each further attempt must wait: ``wait_s`` after the
    last failure, doubling with every failure past the limit, at most an hour. A success clears
    the name. At most ``max_names`` names are tracked (the least recent goes first).
    """

    MAX_WAIT_S = 3600

    def __init__(self, *, failures: int, wait_s: int, clock: Callable[[], int], max_names: int = 10_000):
        self.failures = failures
        self.wait_s = wait_s
        self.clock = clock  # microseconds, the store's clock
        self.max_names = max_names
        self._names: OrderedDict[str, tuple[int, int]] = OrderedDict()  # name: (failures, last failure)
        self._lock = threading.Lock()

    def wait(self, name: str) -> int:
        """0 if a sign-in to this name may be tried now, else the whole seconds to wait."""
        if self.failures <= 0:
            return 0
        with self._lock:
            count, last = self._names.get(name, (0, 0))
        if count < self.failures:
            return 0
        wait_us = min(self.MAX_WAIT_S, self.wait_s * 2 ** min(20, count - self.failures)) * 10**6
        left_us = last + wait_us - self.clock()
        return max(0, math.ceil(left_us / 10**6))

    def failed(self, name: str) -> None:
        with self._lock:
            count, _ = self._names.get(name, (0, 0))
            self._names[name] = (count + 1, self.clock())
            self._names.move_to_end(name)
            while len(self._names) > self.max_names:
                self._names.popitem(last=False)

    def succeeded(self, name: str) -> None:
        with self._lock:
            self._names.pop(name, None)
