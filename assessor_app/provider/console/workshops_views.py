"""The console's workshops page: workshops and their workstations (directory.view); register a
workshop, issue a workstation enrollment code shown once, revoke a workstation (directory.manage)."""

from __future__ import annotations

from typing import Any
from urllib.parse import quote

from starlette.responses import Response
from starlette.routing import Route

from assessor_app.i18n import Msg
from assessor_app.provider.console import admin_messages as AM
from assessor_app.provider.console.admin_forms import field, refusal
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.rendering import PREFIX
from assessor_app.provider.console.web import ConsoleContext, console_view
from assessor_app.provider.registry import KEY_ID
from assessor_app.provider.store import Refused

EMPTY = {"id": "", "name": "", "country": "", "address": ""}


def _page(ctx: ConsoleContext, *, status: int = 200, notice: Msg | None = None, error: Msg | None = None,
          issued: dict[str, Any] | None = None, entered: dict[str, str] | None = None,
          error_for: str = "") -> Response:
    workshops = ctx.service.directory.workshops()
    devices = ctx.service.registry.devices()
    by_workshop: dict[str, list[Any]] = {w.id: [] for w in workshops}
    for d in devices:
        by_workshop.setdefault(d.workshop_id, []).append(d)
    if notice is None and error is None:
        notice = _done(ctx, {w.id for w in workshops}, {d.key_id for d in devices})
    return ctx.render("workshops.html", {
        "AM": AM, "workshops": workshops, "devices": by_workshop, "notice": notice, "error": error,
        "error_for": error_for, "issued": issued, "entered": entered or EMPTY,
        "manage": ctx.allowed("directory.manage")}, status=status)


def _done(ctx: ConsoleContext, workshops: set[str], devices: set[str]) -> Msg | None:
    """The notice after a change's redirect, only for a workshop or workstation that exists."""
    query = ctx.request.query_params
    done, name = query.get("done", ""), query.get("name", "")
    if done == "registered" and name in workshops:
        return AM.W_REGISTERED(workshop=name)
    if done == "revoked" and name in devices:
        return AM.W_REVOKED_DONE(key=name[:16])
    return None


@console_view("directory.view")
def workshops_page(ctx: ConsoleContext) -> Response:
    return _page(ctx)


@console_view("directory.manage", methods=("POST",))
def register_workshop(ctx: ConsoleContext) -> Response:
    entered = {"id": field(ctx, "id", 100), "name": field(ctx, "name", 200),
               "country": field(ctx, "country", 20), "address": field(ctx, "address", 500)}
    try:
        made = ctx.service.directory.add_workshop(
            entered["id"].strip(), name=field(ctx, "name"), country=field(ctx, "country"),
            address=field(ctx, "address"))
    except Refused as exc:
        status, msg = refusal(exc)
        return _page(ctx, status=status, error=msg, entered=entered, error_for="register")
    ctx.audit("directory.workshop_add", target=made.id, detail={"name": made.name, "country": made.country})
    return ctx.redirect(f"{PREFIX}/workshops?done=registered&name={quote(made.id, safe='')}")


@console_view("directory.manage", methods=("POST",))
def issue_code(ctx: ConsoleContext) -> Response:
    workshop_id = ctx.request.path_params["workshop"]
    label = field(ctx, "label")
    try:
        workshop = ctx.service.directory.workshop(workshop_id[:100])
        issued = ctx.service.registry.issue_code(workshop.id, label)
    except Refused as exc:
        status, msg = refusal(exc)
        if status == 404:
            raise ConsoleError(404, msg) from None
        return _page(ctx, status=status, error=msg, error_for=f"code-{workshop_id[:100]}")
    # the code itself is never logged: only that one was issued, for which workshop, until when
    ctx.audit("directory.enrollment_code", target=workshop.id,
              detail={"label": label.strip()[:200], "expires_us": issued.expires_us})
    return _page(ctx, issued={"kind": "workshop", "code": issued.code, "owner": workshop.id,
                              "until": ctx.page_values()["fmt"].when(issued.expires_us)})


@console_view("directory.manage", methods=("POST",))
def revoke_workstation(ctx: ConsoleContext) -> Response:
    key_id = ctx.request.path_params["key_id"]
    if not KEY_ID.fullmatch(key_id):
        raise ConsoleError(404, AM.W_UNKNOWN_DEVICE(key=key_id[:16]))
    try:
        ctx.service.registry.device(key_id)
    except Refused:
        raise ConsoleError(404, AM.W_UNKNOWN_DEVICE(key=key_id[:16])) from None
    reason = field(ctx, "reason")
    try:
        device = ctx.service.registry.revoke(key_id, reason)
    except Refused as exc:
        status, msg = refusal(exc)
        return _page(ctx, status=status, error=msg, error_for=f"revoke-{key_id}")
    ctx.audit("directory.workstation_revoke", target=device.key_id,
              detail={"workshop": device.workshop_id, "reason": device.revoked_reason})
    return ctx.redirect(f"{PREFIX}/workshops?done=revoked&name={device.key_id}")


def routes() -> list[Route]:
    return [Route("/workshops", workshops_page, methods=["GET"]),
            Route("/workshops", register_workshop, methods=["POST"]),
            Route("/workshops/{workshop}/code", issue_code, methods=["POST"]),
            Route("/workstations/{key_id}/revoke", revoke_workstation, methods=["POST"])]
