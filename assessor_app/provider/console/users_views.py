"""Console users: the list (users.view) and, for administrators, add, disable, new password (users.manage)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from starlette.responses import Response
from starlette.routing import Route

from assessor_app.i18n import Msg
from assessor_app.provider.console import accounts
from assessor_app.provider.console import messages as M
from assessor_app.provider.console import users_messages as UM
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.permissions import ROLES
from assessor_app.provider.console.rendering import PREFIX
from assessor_app.provider.console.web import ConsoleContext, console_view

DONE = {"added": UM.ADDED, "reset": UM.RESET_DONE, "disabled": UM.DISABLED_DONE}


def _field(ctx: ConsoleContext, name: str) -> str:
    value = ctx.form.get(name)
    return value if isinstance(value, str) else ""


def _page(ctx: ConsoleContext, *, status: int = 200, error: Msg | None = None,
          entered: dict[str, str] | None = None) -> Response:
    store = ctx.service.store
    listed = accounts.users(store)
    notice = None
    done, name = ctx.request.query_params.get("done", ""), ctx.request.query_params.get("name", "")
    shown = next((u for u in listed if u.name == name), None)  # only a real user's name is repeated
    if done in DONE and shown is not None and error is None:
        notice = DONE[done](name=shown.name, role=ctx.t(M.ROLE_NAMES[shown.role]))
    return ctx.render("users.html", {"UM": UM, "users": listed, "roles": ROLES, "notice": notice,
                                     "error": error, "entered": entered or {"name": "", "role": ""},
                                     "manage": ctx.allowed("users.manage")}, status=status)


def _back(ctx: ConsoleContext, done: str, name: str) -> Response:
    return ctx.redirect(f"{PREFIX}/users?done={done}&name={quote(name, safe='')}")


def _passwords(ctx: ConsoleContext) -> str:
    password = _field(ctx, "password")
    if password != _field(ctx, "password_again"):
        raise accounts.AccountError(UM.DIFFERENT())
    return password


def _target(ctx: ConsoleContext) -> accounts.UserInfo:
    found = accounts.user(ctx.service.store, ctx.request.path_params["name"][:100])
    if found is None:
        raise ConsoleError(404, accounts.UNKNOWN(name=ctx.request.path_params["name"][:64]))
    return found


@console_view("users.view")
def users_page(ctx: ConsoleContext) -> Response:
    return _page(ctx)


@console_view("users.manage", methods=("POST",))
def add_user(ctx: ConsoleContext) -> Response:
    entered = {"name": _field(ctx, "name")[:64], "role": _field(ctx, "role")[:20]}
    try:
        made = accounts.add_user(ctx.service.store, entered["name"], entered["role"], _passwords(ctx))
    except accounts.AccountError as exc:
        return _page(ctx, status=400, error=_message(exc), entered=entered)
    ctx.audit("users.add", target=made.name, detail={"role": made.role})
    return _back(ctx, "added", made.name)


@console_view("users.manage", methods=("POST",))
def disable_user(ctx: ConsoleContext) -> Response:
    target = _target(ctx)
    assert ctx.session is not None
    if target.name == ctx.session.user_name:
        return _page(ctx, status=400, error=UM.NOT_YOURSELF())
    admins = [u for u in accounts.users(ctx.service.store) if u.role == "administrator" and u.active]
    if target.active and target.role == "administrator" and len(admins) <= 1:
        return _page(ctx, status=400, error=UM.LAST_ADMIN(name=target.name))
    accounts.disable_user(ctx.service.store, target.name)
    ctx.audit("users.disable", target=target.name, detail={"role": target.role})
    return _back(ctx, "disabled", target.name)


@console_view("users.manage", methods=("POST",))
def reset_password(ctx: ConsoleContext) -> Response:
    target = _target(ctx)
    try:
        accounts.set_password(ctx.service.store, target.name, _passwords(ctx))
    except accounts.AccountError as exc:
        return _page(ctx, status=400, error=_message(exc))
    ctx.audit("users.passwd", target=target.name, detail={"role": target.role})
    if ctx.session is not None and target.name == ctx.session.user_name:
        return ctx.redirect(f"{PREFIX}/login?ended=1")  # their own sessions ended with the change
    return _back(ctx, "reset", target.name)


def _message(exc: accounts.AccountError) -> Any:
    first = exc.messages[0] if exc.messages else None
    return first if isinstance(first, Msg) else M.ERR_BAD_REQUEST()


def routes() -> list[Route]:
    return [
        Route("/users", users_page, methods=["GET"]),
        Route("/users", add_user, methods=["POST"]),
        Route("/users/{name}/disable", disable_user, methods=["POST"]),
        Route("/users/{name}/password", reset_password, methods=["POST"]),
    ]
