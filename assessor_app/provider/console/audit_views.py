"""The audit log (audit.view): newest first, a page at a time, filtered by user and action."""

from __future__ import annotations

import json
from urllib.parse import urlencode

from starlette.responses import Response
from starlette.routing import Route

from assessor_app.provider.console import accounts, audit
from assessor_app.provider.console import audit_messages as AM
from assessor_app.provider.console.rendering import PREFIX
from assessor_app.provider.console.web import ConsoleContext, console_view

PAGE = 50


@console_view("audit.view")
def audit_page(ctx: ConsoleContext) -> Response:
    store = ctx.service.store
    user = ctx.query("user", longest=64)
    action = ctx.query("action", longest=64)
    before = ctx.query_int("before", default=0, low=1, high=2**63 - 1) or None
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
