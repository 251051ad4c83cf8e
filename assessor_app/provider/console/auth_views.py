"""Signing in and out, the language link, and the home page."""

from __future__ import annotations

import re

from starlette.responses import RedirectResponse, Response
from starlette.routing import Route

from assessor_app.i18n import LANGUAGES
from assessor_app.provider.console import accounts, sessions
from assessor_app.provider.console import messages as M
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.nav import entries_for
from assessor_app.provider.console.rendering import LANGUAGE_COOKIE, PREFIX
from assessor_app.provider.console.state import SESSION_COOKIE, clear_cookie, set_cookie
from assessor_app.provider.console.web import ConsoleContext, console_view

#: a local console path: printable ASCII, no backslash, no "//", no ".." segment
_LOCAL = re.compile(r"/console(?:/[!#-\[\]-~]*)?")
YEAR_S = 365 * 24 * 3600


def safe_next(value: object, default: str = f"{PREFIX}/") -> str:
    """``value`` if it is a path inside the console, else ``default`` (no open redirect)."""
    if not isinstance(value, str) or len(value) > 2000 or not _LOCAL.fullmatch(value):
        return default
    path = value.split("?", 1)[0].split("#", 1)[0]
    if "//" in value or ".." in path.split("/") or "%2e" in path.lower() or "%2f" in path.lower() \
            or "%5c" in path.lower():
        return default
    return value


def _login_page(ctx: ConsoleContext, *, status: int = 200, notice: object = None, error: object = None,
                name: str = "", next_path: str = "") -> Response:
    return ctx.render("login.html", {"notice": notice, "error": error, "name": name[:64],
                                     "next_path": safe_next(next_path, "")}, status=status)


@console_view(None)
def login_form(ctx: ConsoleContext) -> Response:
    query = ctx.request.query_params
    if sessions.current_session(ctx.service.store, ctx.request.cookies.get(SESSION_COOKIE)) is not None:
        return ctx.redirect(safe_next(query.get("next")))
    notice = (M.LOGIN_SIGNED_OUT() if "signed_out" in query
              else M.LOGIN_EXPIRED() if "ended" in query else None)
    return _login_page(ctx, notice=notice, next_path=query.get("next", ""))


@console_view(None, methods=("POST",))
def login(ctx: ConsoleContext) -> Response:
    name = ctx.form.get("name")
    password = ctx.form.get("password")
    name = name if isinstance(name, str) else ""
    password = password if isinstance(password, str) else ""
    next_path = ctx.form.get("next")
    next_path = next_path if isinstance(next_path, str) else ""
    state = ctx.state
    key = state.account_key(name)
    wait = state.addresses.attempt(ctx.address) or state.accounts.wait(key)
    if wait:
        ctx.audit("session.login_refused", target=key, detail={"wait_s": wait})
        raise ConsoleError(429, M.ERR_WAIT(n=wait), retry_after_s=wait)
    found = accounts.verify(ctx.service.store, name, password)
    if found is None or not found.active:
        state.accounts.failed(key)
        ctx.audit("session.login_failed", target=key,
                  detail={"reason": "disabled" if found is not None else "name or password"})
        error = M.LOGIN_DISABLED() if found is not None else M.LOGIN_WRONG()
        return _login_page(ctx, status=401, error=error, name=name, next_path=next_path)
    state.accounts.succeeded(key)
    sessions.end_session(ctx.service.store, ctx.request.cookies.get(SESSION_COOKIE))  # no fixation
    sessions.end_expired_sessions(ctx.service.store)  # housekeeping: rows of sessions long over
    token, ctx.session = sessions.open_session(ctx.service.store, found.name, ctx.address)
    ctx.audit("session.login", target=found.name)
    response = ctx.redirect(safe_next(next_path))
    set_cookie(ctx.request, response, SESSION_COOKIE, token)
    return response


@console_view("session.logout", methods=("POST",))
def logout(ctx: ConsoleContext) -> Response:
    ctx.audit("session.logout", target=ctx.session.user_name if ctx.session else "")
    sessions.end_session(ctx.service.store, ctx.request.cookies.get(SESSION_COOKIE))
    response = ctx.redirect(f"{PREFIX}/login?signed_out=1")
    clear_cookie(ctx.request, response, SESSION_COOKIE)
    return response


@console_view(None)
async def language(ctx: ConsoleContext) -> Response:
    """GET /console/language?to=fi&next=/console/...: remember the language, back to the page."""
    to = ctx.request.query_params.get("to", "")
    if to not in LANGUAGES:
        raise ConsoleError(400, M.ERR_LANGUAGE(language=to[:20]))
    response = RedirectResponse(safe_next(ctx.request.query_params.get("next")), status_code=303)
    set_cookie(ctx.request, response, LANGUAGE_COOKIE, to, max_age=YEAR_S)
    return response


@console_view("console.home")
async def home(ctx: ConsoleContext) -> Response:
    role = ctx.session.role if ctx.session else ""
    return ctx.render("home.html", {"sections": entries_for(role)})


def routes() -> list[Route]:
    return [
        Route("/", home, methods=["GET"]),
        Route("/login", login_form, methods=["GET"]),
        Route("/login", login, methods=["POST"]),
        Route("/logout", logout, methods=["POST"]),
        Route("/language", language, methods=["GET"]),
    ]
