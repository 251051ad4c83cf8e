"""Console staff accounts: add, change a password, disable, list, and check a sign-in.

Passwords are kept only as Argon2id hashes (by default argon2-cffi's parameters, RFC 9106's
low-memory choice; ProviderConfig.console_hash_* set them, and a hash of other parameters is
redone at its next sign-in).
Checking a sign-in costs one Argon2 verification whether or not the name exists (a dummy hash
stands in), so neither the answer nor its time tells a stranger which names are accounts.
"""

from __future__ import annotations

import os
import re
import threading
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from assessor_app.i18n import Message
from assessor_app.provider.console.models import ConsoleSession, ConsoleUser
from assessor_app.provider.console.permissions import ROLES
from assessor_app.provider.store import ProviderError, ProviderStore

NAME = re.compile(r"[a-z0-9][a-z0-9._@-]{0,63}")
MIN_PASSWORD = 12
MAX_PASSWORD = 1024  # Argon2 takes any length; a bound keeps a stranger's megabyte password out

BAD_NAME = Message("console.account.bad_name",
                   "\"{name}\" cannot be a user name: use 1 to 64 lower-case letters, digits, '.', '_', '@' "
                   "or '-', starting with a letter or digit")
BAD_ROLE = Message("console.account.bad_role", "there is no role {role}: use one of {roles}")
DUPLICATE = Message("console.account.duplicate", "there is already a user named {name}")
UNKNOWN = Message("console.account.unknown", "there is no user named {name}")
SHORT = Message("console.account.short_password", "the password must be at least {n} characters long")
LONG = Message("console.account.long_password", "the password must be at most {n} characters long")
SAME_AS_NAME = Message("console.account.password_is_name", "the password must not be the user name")
BLANK = Message("console.account.blank_password", "the password must not be only spaces")


class AccountError(ProviderError):
    """An account cannot be made or changed as asked; the message says why (in any language)."""


@dataclass(frozen=True)
class UserInfo:
    name: str
    role: str
    created_us: int
    password_changed_us: int
    disabled_us: int | None

    @property
    def active(self) -> bool:
        return self.disabled_us is None


_hashers: dict[tuple[int, int, int], tuple[PasswordHasher, str]] = {}
_hashers_lock = threading.Lock()
#: Argon2 runs at most this many at once: each takes its memory cost (64 MiB by default), and a flood
#: of sign-ins from many addresses must queue rather than take the provider's memory
_argon2_slots = threading.BoundedSemaphore(max(2, os.cpu_count() or 2))


def _hasher(store: ProviderStore) -> tuple[PasswordHasher, str]:
    """The Argon2id hasher of the store's configured cost, and a dummy hash made with it."""
    config = store.config
    cost = (config.console_hash_time_cost, config.console_hash_memory_kib, config.console_hash_parallelism)
    with _hashers_lock:
        made = _hashers.get(cost)
        if made is None:
            hasher = PasswordHasher(time_cost=cost[0], memory_cost=cost[1], parallelism=cost[2])
            made = (hasher, hasher.hash("not a password of anyone: stands in for an unknown name"))
            _hashers[cost] = made
        return made


def hash_password(store: ProviderStore, password: str) -> str:
    with _argon2_slots:
        return _hasher(store)[0].hash(password)


def normal_name(name: str) -> str:
    """The name as accounts are kept: trimmed and in lower case."""
    return name.strip().lower()


def check_name(name: str) -> str:
    name = normal_name(name)
    if not NAME.fullmatch(name):
        raise AccountError(BAD_NAME(name=name[:80]))
    return name


def check_password(name: str, password: str) -> str:
    """The password when it is strong enough to keep, else AccountError saying what is wrong."""
    if len(password) < MIN_PASSWORD:
        raise AccountError(SHORT(n=MIN_PASSWORD))
    if len(password) > MAX_PASSWORD:
        raise AccountError(LONG(n=MAX_PASSWORD))
    if not password.strip():
        raise AccountError(BLANK())
    if normal_name(password) == normal_name(name):
        raise AccountError(SAME_AS_NAME())
    return password


def _info(row: ConsoleUser) -> UserInfo:
    return UserInfo(row.name, row.role, row.created_us, row.password_changed_us, row.disabled_us)


def user(store: ProviderStore, name: str) -> UserInfo | None:
    with store.engine.connect() as conn:
        row = conn.execute(select(ConsoleUser).where(ConsoleUser.name == normal_name(name))).first()
    return None if row is None else _info(row)  # type: ignore[arg-type]


def users(store: ProviderStore) -> list[UserInfo]:
    with store.engine.connect() as conn:
        rows = conn.execute(select(ConsoleUser).order_by(ConsoleUser.name)).all()
    return [_info(r) for r in rows]  # type: ignore[arg-type]


def add_user(store: ProviderStore, name: str, role: str, password: str) -> UserInfo:
    """Add a console user; AccountError for a bad or taken name, an unknown role, a weak password."""
    name = check_name(name)
    if role not in ROLES:
        raise AccountError(BAD_ROLE(role=role[:40], roles=list(ROLES)))
    check_password(name, password)
    digest = hash_password(store, password)
    now = store.clock()
    try:
        with store.writer.begin() as conn:
            if conn.execute(select(ConsoleUser.name).where(ConsoleUser.name == name)).first() is not None:
                raise AccountError(DUPLICATE(name=name))
            conn.execute(insert(ConsoleUser).values(name=name, role=role, password_hash=digest,
                                                    created_us=now, password_changed_us=now,
                                                    disabled_us=None))
    except IntegrityError:  # PostgreSQL: added a moment ago by a writer beside this one
        raise AccountError(DUPLICATE(name=name)) from None
    found = user(store, name)
    assert found is not None
    return found


def set_password(store: ProviderStore, name: str, password: str) -> UserInfo:
    """A new password; the user's open sessions end (whoever held them signs in again)."""
    name = normal_name(name)
    check_password(name, password)
    digest = hash_password(store, password)
    with store.writer.begin() as conn:
        done = conn.execute(update(ConsoleUser).where(ConsoleUser.name == name).values(
            password_hash=digest, password_changed_us=store.clock()))
        if done.rowcount != 1:
            raise AccountError(UNKNOWN(name=name[:80]))
        conn.execute(delete(ConsoleSession).where(ConsoleSession.user_name == name))
    found = user(store, name)
    assert found is not None
    return found


def disable_user(store: ProviderStore, name: str) -> UserInfo:
    """The account signs in no more and its sessions end now; it stays in the audit log."""
    name = normal_name(name)
    with store.writer.begin() as conn:
        row = conn.execute(select(ConsoleUser.disabled_us).where(ConsoleUser.name == name)).first()
        if row is None:
            raise AccountError(UNKNOWN(name=name[:80]))
        if row.disabled_us is None:
            conn.execute(update(ConsoleUser).where(ConsoleUser.name == name)
                         .values(disabled_us=store.clock()))
        conn.execute(delete(ConsoleSession).where(ConsoleSession.user_name == name))
    found = user(store, name)
    assert found is not None
    return found


def verify(store: ProviderStore, name: str, password: str) -> UserInfo | None:
    """The user whose name and password these are (disabled or not), else None; always one Argon2 check."""
    name = normal_name(name)
    row = None
    if NAME.fullmatch(name):
        with store.engine.connect() as conn:
            row = conn.execute(select(ConsoleUser).where(ConsoleUser.name == name)).first()
    hasher, dummy = _hasher(store)
    digest = row.password_hash if row is not None else dummy
    try:
        with _argon2_slots:
            hasher.verify(digest, password[:MAX_PASSWORD])
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return None
    if row is None or len(password) > MAX_PASSWORD:  # no password is longer: its start matched by chance
        return None
    if hasher.check_needs_rehash(digest):  # the configured cost changed since it was hashed
        fresh = hash_password(store, password)  # before the write transaction, not inside it
        with store.writer.begin() as conn:
            conn.execute(update(ConsoleUser).values(password_hash=fresh).where(
                ConsoleUser.name == name, ConsoleUser.password_hash == digest))  # unless changed meanwhile
    return _info(row)  # type: ignore[arg-type]
