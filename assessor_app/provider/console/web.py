"""How a console page is written: ``@console_view(action)`` and the ConsoleContext it is given.

The decorator does, in order: find the session (none: a GET goes to the sign-in page, anything
else is 401), ask permissions.allowed(role, action) (no: 403), and on a POST read the form
(bounded) and check its CSRF token against the session's in constant time (wrong or missing: 403,
nothing done). Then the view runs: an ``async def`` on the event loop, a plain ``def`` in the
thread pool (where it may use the database freely). Whatever the view raises becomes the one
error page (errors.py): a ConsoleError as its status, anything unexpected as a 503 with an
incident id in the log. Public pages (sign-in, language) are ``console_view(None)``; their
POSTs are checked against a signed double-submit cookie instead.
"""

from __future__ import annotations

import functools
import hmac
import inspect
from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from markupsafe import Markup
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import FormData
from starlette.exceptions import HTTPException
from starlette.formparsers import MultiPartException
from starlette.requests import ClientDisconnect, Request
from starlette.responses import HTMLResponse, RedirectResponse, Response

from assessor_app.i18n import Message, Msg
from assessor_app.provider.console import audit as audit_log
from assessor_app.provider.console import messages as M
from assessor_app.provider.console.errors import ConsoleError, error_page, unexpected_error_page
from assessor_app.provider.console.nav import entries_for
from assessor_app.provider.console.permissions import allowed
from assessor_app.provider.console.rendering import (
    PREFIX,
    Formats,
    choose_language,
    hidden,
    render_page,
    translate,
)
from assessor_app.provider.console.sessions import SessionInfo, current_session
from assessor_app.provider.console.state import SESSION_COOKIE, ConsoleState, client_address, state_of
from assessor_app.provider.service import ProviderService

#: a console form is a few fields: a larger body is refused before it is parsed
MAX_FORM_BYTES = 256 * 1024
CSRF_FIELD = "csrf_token"

View = Callable[["ConsoleContext"], Awaitable[Response] | Response]


@dataclass(frozen=True)
class ConsoleUserRef:
    name: str
    role: str


@dataclass
class ConsoleContext:
    """What a view is given: the request, the signed-in user, the page's language, the service."""

    request: Request
    language: str
    state: ConsoleState
    session: SessionInfo | None
    form: FormData = field(default_factory=FormData)

    @property
    def user(self) -> ConsoleUserRef | None:
        return None if self.session is None else ConsoleUserRef(self.session.user_name, self.session.role)

    @property
    def service(self) -> ProviderService:
        return self.state.service

    @property
    def address(self) -> str:
        return client_address(self.request)

    def allowed(self, action: str) -> bool:
        """May the signed-in user do ``action``? (For showing or hiding a button; views are checked.)"""
        return self.session is not None and allowed(self.session.role, action)

    def require(self, action: str) -> None:
        """Refuse (403) unless the user may do ``action``: for a second action inside one view."""
        if not self.allowed(action):
            raise ConsoleError(403, M.ERR_FORBIDDEN(role=self.role_name()))

    def t(self, message: Message | Msg | str, **values: Any) -> str:
        return translate(self.language, message, values)

    def role_name(self) -> str:
        role = self.session.role if self.session else ""
        return self.t(M.ROLE_NAMES[role]) if role in M.ROLE_NAMES else role

    def audit(self, action: str, *, target: str = "", detail: Mapping[str, Any] | None = None) -> None:
        """Add a row to the audit log (synchronous: call from a plain ``def`` view or via ctx.run)."""
        session = self.session
        audit_log.record(self.service.store, action=action, target=target, detail=detail or {},
                         user=session.user_name if session else "", role=session.role if session else "",
                         address=self.address)

    async def run(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        """Run blocking work (the database, files) off the event loop."""
        return await run_in_threadpool(fn, *args, **kwargs)

    def query(self, name: str, *, longest: int = 200, default: str = "") -> str:
        """A query parameter given at most once and at most ``longest`` characters, else 400."""
        values = self.request.query_params.getlist(name)
        if len(values) > 1 or (values and len(values[0]) > longest):
            raise ConsoleError(400, M.ERR_QUERY(name=name[:40]))
        return values[0] if values else default

    def query_int(self, name: str, *, default: int, low: int = 0, high: int = 10**9) -> int:
        """A whole number from the query (ASCII digits only) from ``low`` to ``high``, else 400."""
        text = self.query(name, longest=19)
        if not text:
            return default
        if not (text.isascii() and text.isdigit()) or not low <= int(text) <= high:
            raise ConsoleError(400, M.ERR_QUERY(name=name[:40]))
        return int(text)

    def field(self, name: str, *, longest: int = 10_000) -> str:
        """A text field of the POSTed form ("" when absent); longer than ``longest``: 400."""
        value = self.form.get(name)
        if not isinstance(value, str):
            return ""
        if len(value) > longest:
            raise ConsoleError(400, M.ERR_FIELD(name=name[:40]))
        return value

    def csrf_field(self) -> Markup:
        """The hidden ``csrf_token`` input every POST form of the page carries."""
        if self.session is not None:
            return hidden(CSRF_FIELD, self.session.csrf_token)
        return hidden(CSRF_FIELD, self.state.login_token(self.request))

    def page_values(self) -> dict[str, Any]:
        """What every template gets besides the view's own values."""
        session = self.session
        here = self.request.url.path + (f"?{self.request.url.query}" if self.request.url.query else "")
        return {"language": self.language, "fmt": Formats(self.language), "csrf_field": self.csrf_field,
                "user": self.user, "role_name": self.role_name() if session else "",
                "nav": entries_for(session.role) if session else [], "here": self.request.url.path,
                "next_here": quote(here, safe="/"), "request": self.request}

    def render(self, template: str, values: Mapping[str, Any] | None = None, *, status: int = 200,
               headers: Mapping[str, str] | None = None) -> HTMLResponse:
        """A page from ``template`` (extending base.html) with the view's values."""
        body = render_page(template, {**self.page_values(), **(values or {})})
        response = HTMLResponse(body, status_code=status, headers=dict(headers or {}))
        self.state.login_cookie(self.request, response)
        return response

    def redirect(self, path: str) -> RedirectResponse:
        """303 See Other to a console path (after a POST, so a reload does not post again)."""
        return RedirectResponse(path, status_code=303)


async def _read_form(request: Request) -> FormData:
    declared = request.headers.get("content-length", "")
    if declared.isascii() and declared.isdigit() and int(declared) > MAX_FORM_BYTES:
        raise ConsoleError(413, M.ERR_TOO_LARGE())
    body = bytearray()
    async for chunk in request.stream():
        body += chunk
        if len(body) > MAX_FORM_BYTES:
            raise ConsoleError(413, M.ERR_TOO_LARGE())
    request._body = bytes(body)  # form() parses what was read, not the stream again
    kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if kind not in ("application/x-www-form-urlencoded", "multipart/form-data") and body:
        raise ConsoleError(400, M.ERR_BAD_REQUEST())
    try:
        return await request.form(max_files=10, max_fields=200)
    except (HTTPException, MultiPartException, ValueError, KeyError, UnicodeDecodeError) as exc:
        raise ConsoleError(400, M.ERR_BAD_REQUEST()) from exc


def _same(given: str | None, expected: str) -> bool:
    return isinstance(given, str) and hmac.compare_digest(given.encode("utf-8", "surrogateescape"),
                                                         expected.encode("utf-8"))


def console_view(action: str | None, *, methods: tuple[str, ...] = ("GET",)) -> Callable[[View], Any]:
    """Make ``view`` a console endpoint that needs ``action`` (None: public, no session needed).

    ``methods`` is informational for the route walk; the Route still declares its own.
    """

    def decorate(view: View) -> Callable[[Request], Awaitable[Response]]:
        is_async = inspect.iscoroutinefunction(view)

        @functools.wraps(view)
        async def endpoint(request: Request) -> Response:
            state = state_of(request)
            language = choose_language(request)
            try:
                ctx = ConsoleContext(request, language, state, None)
                if action is not None:
                    ctx.session = await run_in_threadpool(
                        current_session, state.service.store, request.cookies.get(SESSION_COOKIE))
                    if ctx.session is None:
                        return _to_sign_in(request)
                    if not allowed(ctx.session.role, action):
                        raise ConsoleError(403, M.ERR_FORBIDDEN(role=ctx.role_name()))
                if request.method == "POST":
                    ctx.form = await _read_form(request)
                    token = ctx.form.get(CSRF_FIELD)
                    good = (_same(token if isinstance(token, str) else None, ctx.session.csrf_token)
                            if ctx.session is not None else state.login_token_valid(request, token))
                    if not good:
                        raise ConsoleError(403, M.ERR_CSRF())
                if is_async:
                    return await view(ctx)  # type: ignore[misc]
                return await run_in_threadpool(view, ctx)  # type: ignore[arg-type]
            except ConsoleError as exc:
                return error_page(request, language, exc, session=ctx.session)
            except ClientDisconnect:
                raise  # nobody to answer: the fault barrier logs it
            except Exception as exc:  # noqa: BLE001 (logged with an incident id, shown as a 503 page)
                return unexpected_error_page(request, language, exc, session=ctx.session)

        endpoint.console_action = action  # type: ignore[attr-defined]
        return endpoint

    return decorate


def _to_sign_in(request: Request) -> Response:
    """No live session: a page goes to the sign-in form (and back after it); anything else is 401."""
    if request.method in ("GET", "HEAD"):
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        ended = "&ended=1" if request.cookies.get(SESSION_COOKIE) else ""  # it expired or was ended
        return RedirectResponse(f"{PREFIX}/login?next={quote(here, safe='/')}{ended}", status_code=303)
    raise ConsoleError(401, M.ERR_SIGN_IN())
