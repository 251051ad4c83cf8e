"""The console's assessors page: assessors with their qualification and its expiry (directory.view);
add an assessor, renew a qualification, issue an assessor code shown once, revoke an assessor or one
of their keys (directory.manage)."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import quote

from starlette.responses import Response
from starlette.routing import Route

from assessor_app.i18n import Msg
from assessor_app.provider.console import admin_messages as AM
from assessor_app.provider.console.admin_forms import field, fields, refusal
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.rendering import PREFIX
from assessor_app.provider.console.web import ConsoleContext, console_view
from assessor_app.provider.directory import ASSESSOR_ID, AssessorInfo
from assessor_app.provider.store import Refused

MAX_WITHIN_DAYS = 3650
EMPTY = {"id": "", "name": "", "qualification": "", "ref": "", "expires": "", "workshops": []}
DONE = {"added": AM.A_ADDED, "renewed": AM.A_RENEWED, "revoked": AM.A_REVOKED_DONE}


def _within(ctx: ConsoleContext) -> tuple[int, Msg | None]:
    """How many days ahead an expiry is flagged: ?within=N, else the provider's setting."""
    default = ctx.service.store.config.qualification_warning_days
    raw = ctx.request.query_params.get("within", "")
    if not raw:
        return default, None
    if raw.isascii() and raw.isdigit() and len(raw) <= 5 and int(raw) <= MAX_WITHIN_DAYS:
        return int(raw), None
    return default, AM.BAD_NUMBER(field=AM.A_WITHIN(), low=0, high=MAX_WITHIN_DAYS)


def validity(a: AssessorInfo, today: dt.date, within: int, language_day: Any) -> tuple[str, Msg]:
    """``(flag, words)``: expired, expiring (within ``within`` days) or valid, said in words."""
    left = a.days_left(today)
    day = language_day(dt.date.fromisoformat(a.qualification_expires))
    if left < 0:
        return "expired", AM.A_EXPIRED(day=day)
    if left == 0:
        return "expiring", AM.A_EXPIRES_TODAY(day=day)
    if left <= within:
        return "expiring", AM.A_EXPIRING(day=day, n=left)
    return "valid", AM.A_VALID(day=day)


def _page(ctx: ConsoleContext, *, status: int = 200, notice: Msg | None = None, error: Msg | None = None,
          issued: dict[str, Any] | None = None, entered: dict[str, Any] | None = None,
          error_for: str = "") -> Response:
    within, bad = _within(ctx)
    if bad is not None and error is None:
        error, status = bad, 400
    fmt = ctx.page_values()["fmt"]
    today = dt.datetime.fromtimestamp(ctx.service.store.clock() / 1e6, dt.UTC).date()
    assessors = ctx.service.directory.assessors()
    rows: list[dict[str, Any]] = []
    flagged = 0
    for a in assessors:
        flag, words = validity(a, today, within, fmt.day)
        rows.append({"a": a, "flag": flag, "validity": words})
        flagged += flag != "valid" and a.revoked_us is None
    if notice is None and error is None:
        notice = _done(ctx, {a.id for a in assessors})
    return ctx.render("assessors.html", {
        "AM": AM, "rows": rows, "within": within, "flagged": flagged, "notice": notice, "error": error,
        "error_for": error_for, "issued": issued, "entered": entered or EMPTY,
        "workshops": ctx.service.directory.workshops(), "manage": ctx.allowed("directory.manage")},
        status=status)


def _done(ctx: ConsoleContext, known: set[str]) -> Msg | None:
    query = ctx.request.query_params
    done, name = query.get("done", ""), query.get("name", "")
    if done in DONE and name in known:
        return DONE[done](assessor=name)
    if done == "key_revoked" and len(name) == 16 and name.isalnum():
        return AM.A_KEY_REVOKED_DONE(key=name)
    return None


def _back(done: str, name: str) -> str:
    return f"{PREFIX}/assessors?done={done}&name={quote(name, safe='')}"


def _target(ctx: ConsoleContext) -> AssessorInfo:
    raw = ctx.request.path_params["assessor"]
    try:
        if not ASSESSOR_ID.fullmatch(raw):
            raise Refused(404, "")
        return ctx.service.directory.assessor(raw)
    except Refused:
        from assessor_app.provider.directory_messages import NO_ASSESSOR

        raise ConsoleError(404, NO_ASSESSOR(assessor=raw[:64])) from None


@console_view("directory.view")
def assessors_page(ctx: ConsoleContext) -> Response:
    return _page(ctx)


@console_view("directory.manage", methods=("POST",))
def add_assessor(ctx: ConsoleContext) -> Response:
    entered = {"id": field(ctx, "id", 64), "name": field(ctx, "name", 200),
               "qualification": field(ctx, "qualification", 200), "ref": field(ctx, "qualification_ref", 100),
               "expires": field(ctx, "expires", 40), "workshops": fields(ctx, "workshops")[:100]}
    try:
        made = ctx.service.directory.add_assessor(
            field(ctx, "id").strip(), name=field(ctx, "name"), qualification=field(ctx, "qualification"),
            qualification_ref=field(ctx, "qualification_ref"), expires=field(ctx, "expires"),
            workshops=[w[:100] for w in fields(ctx, "workshops")])
    except Refused as exc:
        status, msg = refusal(exc)
        return _page(ctx, status=status, error=msg, entered=entered, error_for="add")
    ctx.audit("directory.assessor_add", target=made.id, detail={
        "qualification": made.qualification, "expires": made.qualification_expires,
        "workshops": list(made.workshops)})
    return ctx.redirect(_back("added", made.id))


@console_view("directory.manage", methods=("POST",))
def renew(ctx: ConsoleContext) -> Response:
    target = _target(ctx)
    try:
        a = ctx.service.directory.update_assessor(
            target.id, qualification=field(ctx, "qualification"),
            qualification_ref=field(ctx, "qualification_ref"), expires=field(ctx, "expires"))
    except Refused as exc:
        status, msg = refusal(exc)
        return _page(ctx, status=status, error=msg, error_for=f"renew-{target.id}")
    ctx.audit("directory.qualification", target=a.id, detail={
        "qualification": a.qualification, "expires": a.qualification_expires,
        "was": {"qualification": target.qualification, "expires": target.qualification_expires}})
    return ctx.redirect(_back("renewed", a.id))


@console_view("directory.manage", methods=("POST",))
def issue_code(ctx: ConsoleContext) -> Response:
    target = _target(ctx)
    try:
        issued = ctx.service.directory.issue_assessor_code(target.id)
    except Refused as exc:
        status, msg = refusal(exc)
        return _page(ctx, status=status, error=msg, error_for=f"code-{target.id}")
    ctx.audit("directory.assessor_code", target=target.id, detail={"expires_us": issued.expires_us})
    return _page(ctx, issued={"code": issued.code, "owner": target.id,
                              "until": ctx.page_values()["fmt"].when(issued.expires_us)})


@console_view("directory.manage", methods=("POST",))
def revoke_assessor(ctx: ConsoleContext) -> Response:
    target = _target(ctx)
    try:
        a = ctx.service.directory.revoke_assessor(target.id, field(ctx, "reason"))
    except Refused as exc:
        status, msg = refusal(exc)
        return _page(ctx, status=status, error=msg, error_for=f"revoke-{target.id}")
    ctx.audit("directory.assessor_revoke", target=a.id, detail={"reason": a.revoked_reason})
    return ctx.redirect(_back("revoked", a.id))


@console_view("directory.manage", methods=("POST",))
def revoke_key(ctx: ConsoleContext) -> Response:
    key_id = ctx.request.path_params["key_id"]
    owner = next((a for a in ctx.service.directory.assessors() for k in a.keys if k.key_id == key_id), None)
    if owner is None:
        raise ConsoleError(404, AM.A_UNKNOWN_KEY(key=key_id[:16]))
    try:
        ctx.service.directory.revoke_assessor_key(key_id, field(ctx, "reason"))
    except Refused as exc:
        status, msg = refusal(exc)
        return _page(ctx, status=status, error=msg, error_for=f"revoke-key-{key_id}")
    ctx.audit("directory.assessor_key_revoke", target=key_id, detail={
        "assessor": owner.id, "reason": field(ctx, "reason").strip()[:500]})
    return ctx.redirect(_back("key_revoked", key_id[:16]))


def routes() -> list[Route]:
    return [Route("/assessors", assessors_page, methods=["GET"]),
            Route("/assessors", add_assessor, methods=["POST"]),
            Route("/assessors/{assessor}/qualification", renew, methods=["POST"]),
            Route("/assessors/{assessor}/code", issue_code, methods=["POST"]),
            Route("/assessors/{assessor}/revoke", revoke_assessor, methods=["POST"]),
            Route("/assessor-keys/{key_id}/revoke", revoke_key, methods=["POST"])]
