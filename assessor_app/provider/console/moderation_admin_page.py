"""What the new-cycle form and a cycle's management page show: the choices, the panel, the stored
sample with its strata and coverage, the notice after a change and the check of the draw."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select
from starlette.responses import Response

from assessor_app.i18n import Msg
from assessor_app.provider.console import moderation_admin_messages as MA
from assessor_app.provider.console import moderation_messages as MM
from assessor_app.provider.console.accounts import users
from assessor_app.provider.console.web import ConsoleContext
from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.moderation import draws
from assessor_app.provider.moderation import messages as m_
from assessor_app.provider.moderation.cycles import CycleInfo, Cycles
from assessor_app.provider.store import ProviderStore, Refused

#: which field of the new-cycle form a refusal of the cycle rules is about (the input's id)
FIELD_OF = {
    "moderation.refused.name": "c-name", "moderation.refused.name_taken": "c-name",
    "moderation.refused.name_reserved": "c-name", "moderation.refused.period_order": "c-to",
    "moderation.refused.no_checklist": "c-checklists", "moderation.refused.checklist": "c-checklists",
    "moderation.refused.no_user": "c-moderators", "moderation.refused.not_moderator": "c-moderators",
    "moderation.refused.user_disabled": "c-moderators",
}
EMPTY = {"name": "", "from": "", "to": "", "checklists": [], "moderators": [], "enhanced": False}


def field_of(msg: Msg | None) -> str:
    """The form field a refusal names (for aria-invalid and focus), '' when it names none."""
    if msg is None:
        return ""
    if msg.code == "moderation.refused.date":
        what = msg.args.get("what")
        return "c-to" if getattr(what, "code", "") == m_.PERIOD_TO.code else "c-from"
    return FIELD_OF.get(msg.code, "")


def held_checklists(store: ProviderStore) -> list[str]:
    """The checklists of which the assessment index holds at least one assessment."""
    with store.engine.connect() as conn:
        return list(conn.execute(select(AssessmentIndexRow.checklist_id).distinct()
                                 .order_by(AssessmentIndexRow.checklist_id)).scalars())


def active_moderators(store: ProviderStore) -> list[str]:
    return [u.name for u in users(store) if u.role == "moderator" and u.active]


def new_cycle_page(ctx: ConsoleContext, *, status: int = 200, error: Msg | None = None,
                   entered: dict[str, Any] | None = None) -> Response:
    store = ctx.service.store
    return ctx.render("moderation_new.html", {
        "MA": MA, "MM": MM, "checklists": held_checklists(store), "moderators": active_moderators(store),
        "entered": entered or EMPTY, "error": error, "error_for": field_of(error)}, status=status)


def _coverage(drawn: draws.Drawn) -> Msg:
    frame = [r.entry for r in drawn.frame]
    picked = [i.entry for i in drawn.sample.drawn]
    return MA.COVERAGE(assessors=len({e.assessor for e in picked}),
                       assessors_in_frame=len({e.assessor for e in frame}),
                       workshops=len({e.workshop for e in picked}),
                       workshops_in_frame=len({e.workshop for e in frame}))


def _checked(ctx: ConsoleContext, cycle: str) -> list[tuple[str, Msg]]:
    """The check of the stored draw, as (css class, message) lines."""
    result = draws.check(ctx.service.store, cycle)
    lines: list[tuple[str, Msg]] = []
    if result.stored_digest != result.computed_digest:
        lines.append(("error", MA.CHECK_DIGEST(computed=result.computed_digest, stored=result.stored_digest)))
    if not result.rows_match:
        lines.append(("error", MA.CHECK_ROWS(detail=result.detail)))
    if result.ok:
        lines.append(("notice", MA.CHECK_OK(n=result.drawn, digest=result.stored_digest)))
    lines.append(("hint", MA.CHECK_FRAME_CURRENT() if result.frame_current else MA.CHECK_FRAME_CHANGED()))
    return lines


def _notice(ctx: ConsoleContext, cycle: CycleInfo, summary: draws.SampleSummary | None) -> Msg | None:
    """The notice after a change's redirect, only when it is still true of the cycle."""
    query = ctx.request.query_params
    done, user = query.get("done", ""), query.get("user", "")[:64]
    if done == "created":
        return MA.CREATED(cycle=cycle.name)
    if done == "closed" and cycle.closed_us is not None:
        return m_.CLOSED(cycle=cycle.name)
    if done == "added" and user in cycle.moderators:
        return MA.ADDED(user=user)
    if done == "removed" and user and user not in cycle.moderators:
        return MA.REMOVED(user=user)
    if summary is not None and done in ("drawn", "same", "replaced"):
        old = query.get("old", "")
        if done == "replaced" and old.isascii() and old.isdigit():
            return MA.REPLACED(seed=str(summary.seed), old_seed=old)
        return MA.SAME() if done == "same" else MA.DRAWN(seed=str(summary.seed))
    return None


def manage_page(ctx: ConsoleContext, name: str, *, status: int = 200, error: Msg | None = None,
                error_for: str = "", seed: str = "") -> Response:
    store = ctx.service.store
    cycle = Cycles(store).get(name)
    summary = draws.sample_summary(store, cycle.name)
    drawn, checked = None, []
    if summary is not None:
        try:  # a stored sample that cannot be read is said on the page, with what can still be shown
            drawn = draws.stored(store, cycle.name)
            if error is None and ctx.request.query_params.get("done") == "checked":
                checked = _checked(ctx, cycle.name)
        except Refused as exc:
            status, error, error_for = (status if error else 409), error or exc.msg, error_for or "check"
    held = set(held_checklists(store))
    return ctx.render("moderation_manage.html", {
        "MA": MA, "MM": MM, "m_": m_, "cycle": cycle, "summary": summary, "drawn": drawn,
        "coverage": _coverage(drawn) if drawn is not None else None,
        "verdicts": draws.verdict_count(store, cycle.name),
        "not_held": [m_.CHECKLIST_NOT_HELD(checklist=c) for c in cycle.checklists if c not in held],
        "addable": [u for u in active_moderators(store) if u not in cycle.moderators],
        "notice": None if error is not None else _notice(ctx, cycle, summary), "checked": checked,
        "error": error, "error_for": error_for, "seed": seed,
        "control": m_.ENHANCED_CONTROL() if cycle.enhanced_control else m_.STANDARD_CONTROL()}, status=status)
