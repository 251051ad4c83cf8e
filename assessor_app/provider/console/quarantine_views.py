"""The console's quarantine page: every refused bundle with its reason (quarantine.view), and a retry
of the kept copy through the full verified import for provider-side reasons (quarantine.retry)."""

from __future__ import annotations

import datetime as dt
from concurrent.futures import TimeoutError as FutureTimeout
from typing import Any
from urllib.parse import urlencode

from sqlalchemy.exc import SQLAlchemyError
from starlette.responses import Response
from starlette.routing import Route

from assessor_app.i18n import Msg
from assessor_app.provider import quarantine_reasons as reasons
from assessor_app.provider.console import admin_messages as AM
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.rendering import PREFIX
from assessor_app.provider.console.web import ConsoleContext, console_view
from assessor_app.provider.quarantine import (
    BY_COMMAND_LINE,
    BY_DELIVERY,
    RETRY_AGAIN,
    RETRY_ALREADY,
    RETRY_FAULT,
    RETRY_IMPORTED,
    QuarantineEntry,
    day_bounds_us,
    outcome_message,
)
from assessor_app.provider.store import Refused

PER_PAGE = 50
WAIT_S = 60.0  # how long an "import now" waits for the import before saying it is still running
MAX_PAGE = 100_000
STATE_WORDS = {"open": AM.Q_STATE_OPEN, "resolved": AM.Q_STATE_RESOLVED, "all": AM.Q_STATE_ALL}
BY_WORDS = {BY_DELIVERY: AM.Q_BY_DELIVERY, BY_COMMAND_LINE: AM.Q_BY_COMMAND_LINE}
KIND_WORDS = {"": AM.Q_KIND_ANY, reasons.PROVIDER: AM.Q_KIND_PROVIDER, reasons.BUNDLE: AM.Q_KIND_BUNDLE}


def _day(value: str, field: Any) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise _Bad(AM.BAD_DAY(field=field(), value=value[:40])) from None


class _Bad(Exception):
    def __init__(self, msg: Msg):
        super().__init__(str(msg))
        self.msg = msg


def _filters(ctx: ConsoleContext, workshops: set[str]) -> dict[str, Any]:
    """The page's filters from its query, checked; a bad one is named in the page's language."""
    query = ctx.request.query_params
    state = query.get("state", "open")
    if state not in STATE_WORDS:
        raise _Bad(AM.BAD_CHOICE(field=AM.Q_STATE(), value=state[:40]))
    kind = query.get("kind", "")
    if kind not in KIND_WORDS:
        raise _Bad(AM.BAD_CHOICE(field=AM.Q_KIND(), value=kind[:40]))
    workshop = query.get("workshop", "")
    if workshop and workshop not in workshops:
        raise _Bad(AM.BAD_CHOICE(field=AM.Q_WORKSHOP(), value=workshop[:40]))
    first, last = _day(query.get("from", ""), AM.Q_FROM), _day(query.get("to", ""), AM.Q_TO)
    page_text = query.get("page", "1")
    if not (page_text.isascii() and page_text.isdigit() and 1 <= int(page_text) <= MAX_PAGE):
        raise _Bad(AM.BAD_NUMBER(field=AM.Q_PAGE(page="", pages=""), low=1, high=MAX_PAGE))
    try:
        since, until = day_bounds_us(first, last)
    except Refused as exc:
        raise _Bad(exc.msg or AM.BAD_DAY(field=AM.Q_FROM(), value="")) from None
    return {"state": state, "kind": kind, "workshop": workshop, "from": query.get("from", ""),
            "to": query.get("to", ""), "page": int(page_text), "since_us": since, "until_us": until}


def _state_words(ctx: ConsoleContext, entry: QuarantineEntry) -> str:
    if entry.is_open:
        return ctx.t(AM.Q_OPEN)
    by = entry.resolved_by or ""
    if by in BY_WORDS:
        by = ctx.t(BY_WORDS[by])
    when = ctx.page_values()["fmt"].when(entry.resolved_us)
    words = {"imported": AM.Q_RESOLVED_IMPORTED, "already": AM.Q_RESOLVED_ALREADY}.get(
        entry.resolution or "", AM.Q_RESOLVED_AGAIN)
    return ctx.t(words, when=when, by=by)


def _page(ctx: ConsoleContext, *, status: int = 200, outcome: Msg | None = None,
          error: Msg | None = None) -> Response:
    book = ctx.service.quarantine
    workshops = ctx.service.directory.workshops()
    try:
        filters = _filters(ctx, {w.id for w in workshops})
    except _Bad as bad:
        error, status = bad.msg, 400
        filters = {"state": "open", "kind": "", "workshop": "", "from": "", "to": "", "page": 1,
                   "since_us": None, "until_us": None}
    chosen = {"state": filters["state"], "kind": filters["kind"] or None,
              "workshop_id": filters["workshop"] or None, "since_us": filters["since_us"],
              "until_us": filters["until_us"]}
    total = book.count(**chosen)
    pages = max(1, -(-total // PER_PAGE))
    page = min(filters["page"], pages)
    entries = book.entries(limit=PER_PAGE, offset=(page - 1) * PER_PAGE, **chosen)
    rows = [{"e": e, "reason": e.reason_in(ctx.language), "state": _state_words(ctx, e),
             "kind": ctx.t(KIND_WORDS[e.kind])} for e in entries]
    keep = {k: filters[k] for k in ("state", "kind", "workshop", "from", "to") if filters[k]}

    def link(to_page: int) -> str:
        return f"{PREFIX}/quarantine?{urlencode({**keep, 'page': to_page})}"

    return ctx.render("quarantine.html", {
        "AM": AM, "rows": rows, "total": total, "page": page, "pages": pages, "filters": filters,
        "workshops": workshops, "states": STATE_WORDS, "kinds": KIND_WORDS, "outcome": outcome,
        "error": error,
        "may_retry": ctx.allowed("quarantine.retry"), "waiting": ctx.service.waiting_uploads(),
        "previous": link(page - 1) if page > 1 else None, "next": link(page + 1) if page < pages else None,
    }, status=status)


@console_view("quarantine.view")
def quarantine_page(ctx: ConsoleContext) -> Response:
    retried = ctx.request.query_params.get("retried", "")
    outcome = None
    if retried.isascii() and retried.isdigit() and len(retried) < 19:
        outcome = _outcome_of(ctx, int(retried))
    return _page(ctx, outcome=outcome)


def _outcome_of(ctx: ConsoleContext, number: int) -> Msg | None:
    """What the retry of ``number`` did, read back from the book (after the redirect of the POST)."""
    try:
        entry = ctx.service.quarantine.entry(number)
    except Refused:
        return None
    if entry.resolution == "again":
        again = ctx.service.quarantine.successor(number)
        if again is not None:
            return RETRY_AGAIN(number=str(again.id), reason=again.reason_msg)
    if entry.resolution == "imported":
        return RETRY_IMPORTED(bundle=str(entry.bundle_id))
    if entry.resolution == "already":
        return RETRY_ALREADY(bundle=str(entry.bundle_id))
    return None


@console_view("quarantine.retry", methods=("POST",))
def retry(ctx: ConsoleContext) -> Response:
    raw = ctx.request.path_params["number"]
    if not (raw.isascii() and raw.isdigit() and len(raw) < 19):
        raise ConsoleError(404, AM.Q_UNKNOWN_ID(number=raw[:20]))
    number = int(raw)
    try:
        result = ctx.service.quarantine.retry(number, by=f"{ctx.user.name if ctx.user else ''}")
    except Refused as exc:
        ctx.audit("quarantine.retry", target=str(number), detail={"refused": exc.code or str(exc.status)})
        if exc.status == 404:
            raise ConsoleError(404, exc.msg or AM.Q_UNKNOWN_ID(number=str(number))) from None
        return _page(ctx, status=409, error=exc.msg or AM.Q_UNKNOWN_ID(number=str(number)))
    ctx.audit("quarantine.retry", target=str(number), detail={
        "bundle": result.bundle_id, "outcome": result.status, "quarantined_as": result.quarantine_id})
    if result.status == "retry":  # the provider's own fault: said now, nothing to read back later
        return _page(ctx, status=503, error=outcome_message(result))
    return ctx.redirect(f"{PREFIX}/quarantine?state=all&retried={number}")


@console_view("quarantine.retry", methods=("POST",))
def import_waiting(ctx: ConsoleContext) -> Response:
    """Import an upload a fault of the provider's own machine left waiting, now."""
    upload_id = ctx.request.path_params["upload_id"][:32]
    try:
        result = ctx.service.retry_upload(upload_id, wait_s=WAIT_S)
    except Refused as exc:
        return _page(ctx, status=409, error=exc.msg or RETRY_FAULT(detail=str(exc)))
    except FutureTimeout:
        ctx.audit("quarantine.import_upload", target=upload_id, detail={"outcome": "running"})
        return _page(ctx, outcome=AM.U_RUNNING(upload=upload_id))
    except (OSError, SQLAlchemyError) as exc:
        ctx.audit("quarantine.import_upload", target=upload_id, detail={"outcome": "retry"})
        detail = exc.strerror if isinstance(exc, OSError) and exc.strerror else type(exc).__name__
        return _page(ctx, status=503, error=RETRY_FAULT(detail=str(detail)))
    ctx.audit("quarantine.import_upload", target=upload_id, detail={
        "outcome": result.status if result else "taken", "bundle": result.bundle_id if result else None})
    if result is None:
        return _page(ctx, outcome=AM.U_TAKEN(upload=upload_id))
    if result.ok:
        return _page(ctx, outcome=AM.U_IMPORTED(bundle=str(result.bundle_id)))
    return _page(ctx, outcome=AM.U_QUARANTINED(number=str(result.quarantine_id),
                                                reason=result.message or str(result.reason)))


def routes() -> list[Route]:
    return [Route("/quarantine", quarantine_page, methods=["GET"]),
            Route("/quarantine/{number}/retry", retry, methods=["POST"]),
            Route("/uploads/{upload_id}/import", import_waiting, methods=["POST"])]
