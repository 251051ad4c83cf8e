"""The moderation cycles and each cycle's sample.

``/console/moderation`` lists the cycles the user may see (a moderator: the cycles whose panel
they are on) with their counts; ``/console/moderation/{cycle}`` lists the cycle's sampled
assessments, by pseudonym only: no name and no VIN is on these pages, for any role; it links to the
cycle's report for those who may read it.
"""

from __future__ import annotations

from urllib.parse import quote

from starlette.responses import Response
from starlette.routing import Route

from assessor_app.core.terms import term
from assessor_app.i18n import Msg
from assessor_app.provider.console import moderation_admin_messages as MA
from assessor_app.provider.console import moderation_messages as MM
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.permissions import may_moderate, may_read_cycle_report, visible_cycles
from assessor_app.provider.console.web import ConsoleContext, console_view
from assessor_app.provider.moderation import report_messages as R
from assessor_app.provider.moderation.draws import sample_summary
from assessor_app.provider.moderation.messages import NO_OUTCOME, SIGNALS
from assessor_app.provider.moderation.verdict_check import verify_cycle
from assessor_app.provider.moderation.verdicts import cycle_row, cycles, on_panel, sample_of


def cycle_url(cycle: str) -> str:
    return f"/console/moderation/{quote(cycle, safe='')}"


def package_url(cycle: str, device: str, bundle_id: str) -> str:
    return f"{cycle_url(cycle)}/{quote(device, safe='')}/{quote(bundle_id, safe='')}"


def drawn_reason(code: str, value: str) -> Msg:
    """Why an assessment was drawn, in words: a risk names its signal, an outcome its term."""
    words: str | Msg = value
    if code == "risk" and value in SIGNALS:
        words = SIGNALS[value]()
    elif code == "coverage_outcome":
        words = term(value) or NO_OUTCOME()
    return MM.DRAWN[code](value=words)


def require_cycle(ctx: ConsoleContext, action: str) -> object:
    """The cycle the path names, if this user may do ``action`` on it: else the 404 or 403 page."""
    name = str(ctx.request.path_params.get("cycle", ""))[:64]
    row = cycle_row(ctx.service.store, name)
    if row is None:
        raise ConsoleError(404, MM.ERR_NO_CYCLE(cycle=name))
    session = ctx.session
    assert session is not None  # a console_view with an action has a session
    if not may_moderate(ctx.service.store, session.user_name, session.role, action, name):
        raise ConsoleError(403, MM.ERR_NOT_ON_PANEL(cycle=name))
    return row


@console_view("moderation.list")
def cycles_page(ctx: ConsoleContext) -> Response:
    session = ctx.session
    assert session is not None
    only = visible_cycles(ctx.service.store, session.user_name, session.role)
    return ctx.render("moderation.html", {"MM": MM, "MA": MA, "cycles": cycles(ctx.service.store, only),
                                          "cycle_url": cycle_url, "manage": ctx.allowed("moderation.manage")})


@console_view("moderation.view")
def sample_page(ctx: ConsoleContext) -> Response:
    row = require_cycle(ctx, "moderation.view")
    session = ctx.session
    assert session is not None
    mine = session.user_name if session.role == "moderator" else None
    sample = sample_of(ctx.service.store, row.name, moderator=mine)  # type: ignore[attr-defined]
    name = row.name  # type: ignore[attr-defined]
    report = may_read_cycle_report(session.role, on_panel(ctx.service.store, name, session.user_name))
    check = verify_cycle(ctx.service.store, name)
    failed = [v for v in check.verdicts if not v.ok]
    return ctx.render("moderation_cycle.html", {
        "MM": MM, "MA": MA, "R": R, "cycle": row, "sample": sample, "package_url": package_url,
        "why": drawn_reason, "report_url": f"{cycle_url(name)}/report" if report else None,
        "checked": len(check.verdicts), "failed": len(failed),
        "failed_ids": ", ".join(f"#{v.id} ({v.sha256[:12]})" for v in failed[:20]),
        "manage": ctx.allowed("moderation.manage"), "summary": sample_summary(ctx.service.store, name)})


def routes() -> list[Route]:
    from assessor_app.provider.console.moderation_package import package_routes

    return [Route("/moderation", cycles_page, methods=["GET"]),
            Route("/moderation/{cycle}", sample_page, methods=["GET"]),
            *package_routes("/moderation/{cycle}/{device_key_id}/{bundle_id}")]
