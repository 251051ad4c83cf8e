"""The audit log (audit.view): newest first, a page at a time, filtered by user and action."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from starlette.responses import Response
from starlette.routing import Route

from assessor_app.provider.console import accounts, audit
from assessor_app.provider.console import audit_messages as AM
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.rendering import PREFIX
from assessor_app.provider.console.web import ConsoleContext, console_view

PAGE = 50


def _query(ctx: ConsoleContext, name: str, longest: int) -> str:
    values = ctx.request.query_params.getlist(name)
    if len(values) > 1 or (values and len(values[0]) > longest):
        raise ConsoleError(400, AM.BAD_PAGE())
    return values[0] if values else ""


@console_view("audit.view")
def audit_page(ctx: ConsoleContext) -> Response:
    store = ctx.service.store
    user = _query(ctx, "user", 64)
    action = _query(ctx, "action", 64)
    before_text = _query(ctx, "before", 19)
    if before_text and not (before_text.isascii() and before_text.isdigit()):
        raise ConsoleError(400, AM.BAD_PAGE())
    before = int(before_text) if before_text else None
    rows = audit.entries(store, user=user, action=action, before_id=before, limit=PAGE + 1)
    more = len(rows) > PAGE
    rows = rows[:PAGE]
    filters = {k: v for k, v in (("user", user), ("action", action)) if v}
    older = (f"{PREFIX}/audit?" + urlencode({**filters, "before": rows[-1].id})) if more else None
    newest = (f"{PREFIX}/audit?" + urlencode(filters)) if before is not None else None
    users = sorted({u.name for u in accounts.users(store)} | ({user} if user else set()))
    actions = sorted(set(audit.actions(store)) | ({action} if action else set()))
    shown = [(row, json.dumps(row.detail, ensure_ascii=False, sort_keys=True) if row.detail else "")
             for row in rows]
    return ctx.render("audit.html", {"AM": AM, "rows": shown, "users": users, "actions": actions,
                                     "user_filter": user, "action_filter": action, "older": older,
                                     "newest": newest})


def routes() -> list[Route]:
    return [Route("/audit", audit_page, methods=["GET"])]
