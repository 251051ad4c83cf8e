"""The console's one error page, and the guard around every console response.

Refusals are ConsoleError(status, message) and render error.html in the page's language; the
provider's own faults (disk, database) are 503 with Retry-After; anything unexpected is logged
with its traceback under an incident id and shown as a 503 naming the incident. Never a
traceback, never a 500. The guard also puts the security headers on every console response.
"""

from __future__ import annotations

import logging
import secrets
from typing import TYPE_CHECKING, Any

from starlette.exceptions import HTTPException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, Response
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assessor_app.i18n import Msg
from assessor_app.provider.console import messages as M
from assessor_app.provider.console.rendering import choose_language
from assessor_app.provider.limits import storage_fault
from assessor_app.provider.store import Refused

if TYPE_CHECKING:
    from assessor_app.provider.console.sessions import SessionInfo

log = logging.getLogger(__name__)

#: the statuses the error page shows; anything else a lower layer says is shown as the nearest
SHOWN = (400, 401, 403, 404, 405, 413, 429, 503)

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; "
       "media-src 'self' blob:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; "
       "form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "referrer-policy": "same-origin",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
}


class ConsoleError(Exception):
    """A refusal shown on the error page: an HTTP status and a message for the person."""

    def __init__(self, status: int, message: Msg | None = None, *, retry_after_s: int | None = None):
        super().__init__(str(message) if message is not None else str(status))
        self.status = status if status in SHOWN else (503 if status >= 500 else 400)
        self.message = message
        self.retry_after_s = retry_after_s


def _default_message(status: int, request: Request) -> Msg:
    if status == 404:
        return M.ERR_NOT_FOUND()
    if status == 405:
        return M.ERR_METHOD(method=request.method[:20])
    if status == 401:
        return M.ERR_SIGN_IN()
    if status == 503:
        return M.ERR_STORAGE()
    return M.ERR_BAD_REQUEST()


def error_page(request: Request, language: str, error: ConsoleError, *,
               session: SessionInfo | None = None, incident: str | None = None) -> Response:
    from assessor_app.provider.console.state import state_of
    from assessor_app.provider.console.web import ConsoleContext

    status = error.status
    message = error.message or _default_message(status, request)
    headers = {}
    if error.retry_after_s is not None:
        headers["Retry-After"] = str(max(1, int(error.retry_after_s)))
    try:
        ctx = ConsoleContext(request, language, state_of(request), session)
        return ctx.render("error.html", {"status": status, "title": M.ERROR_TITLE[status], "message": message,
                                         "incident": incident}, status=status, headers=headers)
    except Exception:  # the page itself failed (a broken template, say): plain words still go out
        log.exception("the console's error page could not be rendered for %s %s", request.method,
                      request.url.path)
        return HTMLResponse(f"<!doctype html><title>{status}</title><p>{status}</p>", status_code=status,
                            headers=headers)


def unexpected_error_page(request: Request, language: str, exc: BaseException, *,
                          session: SessionInfo | None = None) -> Response:
    """The provider's own fault: storage (503, Retry-After) or an incident logged with its traceback."""
    from assessor_app.provider.console.state import state_of

    if isinstance(exc, Refused):  # a lower layer's refusal: its status, in general words
        return error_page(request, language, ConsoleError(exc.status, retry_after_s=getattr(
            exc, "retry_after_s", None)), session=session)
    retry = state_of(request).service.store.config.fault_retry_after_s
    fault = storage_fault(exc)
    if fault is not None:
        log.error("%s %s: the provider's storage failed: %s", request.method, request.url.path, fault[0])
        return error_page(request, language, ConsoleError(503, M.ERR_STORAGE(), retry_after_s=retry),
                          session=session)
    incident = secrets.token_hex(6)
    log.error("incident %s: %s %s failed unexpectedly", incident, request.method, request.url.path,
              exc_info=exc)
    error = ConsoleError(503, M.ERR_INCIDENT(incident=incident), retry_after_s=retry)
    return error_page(request, language, error, session=session, incident=incident)


async def http_error(request: Request, exc: Exception) -> Response:
    """The router's refusals under /console (no such page, wrong method) as the error page."""
    assert isinstance(exc, HTTPException)
    headers = {k: v for k, v in (exc.headers or {}).items() if k.lower() == "allow"}
    response = error_page(request, choose_language(request), ConsoleError(exc.status_code))
    response.headers.update(headers)
    return response


class ConsoleGuard:
    """Around the console app: security headers on every answer, and no exception gets past it."""

    def __init__(self, app: ASGIApp):
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                headers = [(k, v) for k, v in message.get("headers", [])]
                present = {k.lower() for k, _ in headers}
                for name, value in SECURITY_HEADERS.items():
                    if name.encode() not in present:
                        headers.append((name.encode(), value.encode()))
                static = scope["path"].startswith("/console/static/") or scope.get("path", "").startswith(
                    "/static/")
                if b"cache-control" not in present and not static:
                    headers.append((b"cache-control", b"no-store"))
                message = {**message, "headers": headers}
            await send(message)

        try:
            await self.app(scope, receive, with_headers)
        except ClientDisconnect:
            raise  # nobody to answer: the provider's fault barrier notes it
        except Exception as exc:
            if started:
                log.error("%s %s failed after its answer had started: the connection is closed",
                          scope.get("method"), scope.get("path"), exc_info=exc)
                return
            request = Request(scope)
            response = unexpected_error_page(request, choose_language(request), exc)
            await response(scope, receive, with_headers)


def page_error_handlers() -> dict[Any, Any]:
    return {HTTPException: http_error}
