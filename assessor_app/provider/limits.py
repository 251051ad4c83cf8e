"""What a request from a stranger may cost the provider, and how a refusal says so.

Numbers in headers and query parameters are ASCII digits and nothing else: ``str.isdigit``
accepts '²' and '٣', and ``int()`` accepts '٣', '+5', ' 5' and '1_000', none of which is a
number a client of this provider sends. Attempts at enrollment, sign-in and assessor binding
are counted per client address in token buckets. The provider's own faults (a full disk, a
read-only folder, a database that cannot write) are told apart from anything a request did,
and answered "try again later", never as the request's fault.
"""

from __future__ import annotations

import errno
import ipaddress
import math
import threading
import time
from collections import OrderedDict
from collections.abc import Callable

from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from starlette.requests import Request

from assessor_app.provider.objects import ObjectStoreUnavailable
from assessor_app.provider.store import Refused

#: 19 digits hold any length or offset a 64-bit database column can (and a few more)
MAX_DIGITS = 19


class RetryLater(Refused):
    """A refusal that time (or the provider's operator) will lift: answered with Retry-After."""

    def __init__(self, status: int, message: str, retry_after_s: int, code: str | None = None):
        super().__init__(status, message, code)
        self.retry_after_s = max(1, int(retry_after_s))


# ---------------------------------------------------------------- strict numbers
def parse_count(text: str | None, what: str, *, max_digits: int = MAX_DIGITS) -> int:
    """``text`` as a non-negative integer written in ASCII digits only, or a 400 naming ``what``."""
    if text is None or not (0 < len(text) <= max_digits and text.isascii() and text.isdigit()):
        raise Refused(400, f"{what} must be a whole number written with the digits 0-9 only "
                           f"(at most {max_digits} of them)", "malformed_number")
    return int(text)


def header_count(request: Request, name: str) -> int:
    """A numeric header that must be there, parsed strictly."""
    value = optional_header_count(request, name)
    if value is None:
        raise Refused(400, f"the {name} header is missing", "missing_header")
    return value


def optional_header_count(request: Request, name: str) -> int | None:
    """A numeric header if given, parsed strictly; a header given twice is refused, not guessed at."""
    values = request.headers.getlist(name)
    if len(values) > 1:
        raise Refused(400, f"the {name} header is given {len(values)} times: send it once",
                      "duplicate_header")
    return parse_count(values[0], f"the {name} header") if values else None


def query_count(request: Request, name: str, *, default: int, low: int, high: int) -> int:
    """A numeric query parameter from ``low`` to ``high``, parsed strictly; ``default`` if absent."""
    values = request.query_params.getlist(name)
    if len(values) > 1:
        raise Refused(400, f"the {name} query parameter is given {len(values)} times: send it once",
                      "duplicate_parameter")
    if not values:
        return default
    value = parse_count(values[0], f"the {name} query parameter")
    if not low <= value <= high:
        raise Refused(400, f"the {name} query parameter must be from {low} to {high}", "out_of_range")
    return value


# ---------------------------------------------------------------- attempts per address
def address_key(host: str | None) -> str:
    """The key an address is counted under: IPv6 by its /64 (one site holds a whole /64)."""
    if not host:
        return "unknown"
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return host[:64]  # not an IP address (a test client, a unix socket): counted as given
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return str(address.ipv4_mapped)
        return str(ipaddress.IPv6Network((address, 64), strict=False))
    return str(address)


class AttemptLimiter:
    """Token buckets per client address: ``burst`` attempts at once, then ``per_minute`` more.

    At most ``max_addresses`` buckets are kept (the address heard from least recently goes
    first), so a stranger with many addresses costs bounded memory. ``burst`` 0 turns it off.
    """

    def __init__(self, *, burst: int, per_minute: float, max_addresses: int,
                 clock: Callable[[], float] = time.monotonic):
        self.burst = burst
        self.rate = per_minute / 60.0
        self.max_addresses = max(1, max_addresses)
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()  # key: (tokens, when)
        self._lock = threading.Lock()

    def attempt(self, host: str | None) -> int:
        """0 if this attempt may go ahead (it is counted), else the whole seconds until one may."""
        if self.burst <= 0:
            return 0
        key = address_key(host)
        now = self.clock()
        with self._lock:
            tokens = self._tokens(key, now)
            if tokens >= 1.0:
                self._buckets[key] = (tokens - 1.0, now)
                self._buckets.move_to_end(key)
                self._bound()
                return 0
            self._buckets[key] = (tokens, now)
            self._buckets.move_to_end(key)
            if self.rate <= 0:
                return 3600  # no refill configured: an hour is as good a hint as any
            return max(1, math.ceil((1.0 - tokens) / self.rate))

    def _tokens(self, key: str, now: float) -> float:
        held = self._buckets.get(key)
        if held is None:
            return float(self.burst)
        tokens, when = held
        return min(float(self.burst), tokens + max(0.0, now - when) * self.rate)

    def _bound(self) -> None:
        while len(self._buckets) > self.max_addresses:
            self._buckets.popitem(last=False)  # the address heard from least recently

    def __len__(self) -> int:
        return len(self._buckets)


# ---------------------------------------------------------------- the provider's own faults
#: errno values that mean "the provider's storage cannot take this now", with what to say
STORAGE_ERRNOS = {
    errno.ENOSPC: "its disk is full",
    errno.EDQUOT: "its disk quota is used up",
    errno.EROFS: "its storage is read-only",
    errno.EACCES: "it is not allowed to write its own folder",
    errno.EPERM: "it is not allowed to write its own folder",
    errno.EIO: "its disk reported an input/output error",
    errno.EMFILE: "it has too many files open",
    errno.ENFILE: "it has too many files open",
    errno.ENOMEM: "it is out of memory",
}
FULL_ERRNOS = frozenset({errno.ENOSPC, errno.EDQUOT})


def storage_fault(exc: BaseException) -> tuple[str, bool] | None:
    """What is wrong with the provider's own storage, and whether it is out of space; else None.

    Database errors are told by the DB-API driver's message (SQLite says "database or disk is
    full", "database is locked", "attempt to write a readonly database"); the SQL statement and
    its parameters are never repeated to the client.
    """
    if isinstance(exc, ObjectStoreUnavailable):
        return f"its object store is not available ({exc.strerror})", False
    if isinstance(exc, OSError):
        known = STORAGE_ERRNOS.get(exc.errno or -1)
        detail = exc.strerror or type(exc).__name__
        if known is None:
            return f"its file system failed ({detail})", False
        return f"{known} ({detail})", exc.errno in FULL_ERRNOS
    if isinstance(exc, DBAPIError):
        said = str(exc.orig).strip()
        first = said.splitlines()[0][:160] if said else type(exc.orig).__name__
        lowered = first.lower()
        if "full" in lowered or "no space" in lowered:
            return f"its database cannot grow: the disk is full ({first})", True
        if "readonly" in lowered or "read-only" in lowered:
            return f"its database is read-only ({first})", False
        if "locked" in lowered or "busy" in lowered:
            return f"its database is busy ({first})", False
        return f"its database is not available ({first})", False
    if isinstance(exc, SQLAlchemyError):
        return f"its database is not available ({type(exc).__name__})", False
    return None


def fault_sentence(what: str, doing: str = "do this", victim: str = "the request's") -> str:
    """What a client is told of a fault of the provider's own: whose it is, and to come back."""
    return (f"The provider cannot {doing} right now because {what}. This is the provider's fault, "
            f"not {victim}: try again later.")
