"""A coordinator sets up a moderation cycle in the console: creates it, keeps its panel, draws its
sample with a seed typed in, and checks the draw; anyone who may see the cycle downloads the stored
frame, policy and seed to draw it again outside the console.

The pages call the same services as ``assessor provider moderation cycle|sample`` (cycles.py,
draws.py), so the same rules and refusals apply. Every change is in the audit log.
"""

from __future__ import annotations

from urllib.parse import urlencode

from starlette.responses import Response
from starlette.routing import Route

from assessor_app.provider.console import moderation_admin_messages as MA
from assessor_app.provider.console.accounts import normal_name
from assessor_app.provider.console.admin_forms import field, fields, refusal
from assessor_app.provider.console.bundle_files import content_disposition
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.moderation_admin_page import manage_page, new_cycle_page
from assessor_app.provider.console.moderation_views import cycle_url, require_cycle
from assessor_app.provider.console.web import ConsoleContext, console_view
from assessor_app.provider.moderation import draws
from assessor_app.provider.moderation import messages as m_
from assessor_app.provider.moderation.cycles import Cycles
from assessor_app.provider.store import Refused

LONGEST_SEED = 30


def manage_url(cycle: str, **query: str) -> str:
    return f"{cycle_url(cycle)}/manage" + (f"?{urlencode(query)}" if query else "")


def _cycle_name(ctx: ConsoleContext) -> str:
    """The name of the cycle the path names, when there is one (else the 404 page)."""
    name = str(ctx.request.path_params.get("cycle", ""))[:64]
    try:
        return Cycles(ctx.service.store).get(name).name
    except Refused as exc:
        raise ConsoleError(404, exc.msg) from None


@console_view("moderation.manage")
def new_cycle_form(ctx: ConsoleContext) -> Response:
    return new_cycle_page(ctx)


@console_view("moderation.manage", methods=("POST",))
def create_cycle(ctx: ConsoleContext) -> Response:
    entered = {"name": field(ctx, "name", 100).strip(), "from": field(ctx, "from", 40).strip(),
               "to": field(ctx, "to", 40).strip(), "checklists": [c[:110] for c in fields(ctx, "checklist")],
               "moderators": [u[:70] for u in fields(ctx, "moderator")],
               "enhanced": field(ctx, "enhanced_control") == "1"}
    session = ctx.session
    assert session is not None
    try:
        created = Cycles(ctx.service.store).create(
            entered["name"], first_day=entered["from"], last_day=entered["to"],
            checklists=entered["checklists"], moderators=entered["moderators"],
            enhanced_control=entered["enhanced"], by=session.user_name)
    except Refused as exc:
        status, msg = refusal(exc)
        return new_cycle_page(ctx, status=status, error=msg, entered=entered)
    cycle = created.cycle
    ctx.audit("moderation.cycle_create", target=cycle.name, detail={
        "from": cycle.first_day.isoformat(), "to": cycle.last_day.isoformat(),
        "checklists": list(cycle.checklists), "moderators": list(cycle.moderators),
        "enhanced_control": cycle.enhanced_control})
    return ctx.redirect(manage_url(cycle.name, done="created"))


@console_view("moderation.manage")
def manage(ctx: ConsoleContext) -> Response:
    return manage_page(ctx, _cycle_name(ctx))


@console_view("moderation.manage", methods=("POST",))
def add_moderator(ctx: ConsoleContext) -> Response:
    name = _cycle_name(ctx)
    user = field(ctx, "user", 100).strip()
    if not user:
        return manage_page(ctx, name, status=400, error=MA.ERR_USER_MISSING(), error_for="add-user")
    try:
        cycle = Cycles(ctx.service.store).add_moderator(name, user)
    except Refused as exc:
        status, msg = refusal(exc)
        return manage_page(ctx, name, status=status, error=msg, error_for="add-user")
    added = normal_name(user)
    ctx.audit("moderation.panel_add", target=name, detail={"user": added, "panel": list(cycle.moderators)})
    return ctx.redirect(manage_url(name, done="added", user=added))


@console_view("moderation.manage", methods=("POST",))
def remove_moderator(ctx: ConsoleContext) -> Response:
    name = _cycle_name(ctx)
    user = field(ctx, "user", 100).strip()
    try:
        cycle = Cycles(ctx.service.store).remove_moderator(name, user)
    except Refused as exc:
        status, msg = refusal(exc)
        return manage_page(ctx, name, status=status, error=msg, error_for="panel")
    removed = normal_name(user)
    ctx.audit("moderation.panel_remove", target=name,
              detail={"user": removed, "panel": list(cycle.moderators)})
    return ctx.redirect(manage_url(name, done="removed", user=removed))


@console_view("moderation.manage", methods=("POST",))
def close_cycle(ctx: ConsoleContext) -> Response:
    name = _cycle_name(ctx)
    try:
        cycle = Cycles(ctx.service.store).close(name)
    except Refused as exc:
        status, msg = refusal(exc)
        return manage_page(ctx, name, status=status, error=msg, error_for="close")
    ctx.audit("moderation.cycle_close", target=name, detail={"closed_us": cycle.closed_us})
    return ctx.redirect(manage_url(name, done="closed"))


@console_view("moderation.manage", methods=("POST",))
def draw_sample(ctx: ConsoleContext) -> Response:
    name = _cycle_name(ctx)
    typed = field(ctx, "seed", LONGEST_SEED + 10).strip()
    if not typed:
        return manage_page(ctx, name, status=400, error=MA.ERR_SEED_MISSING(), error_for="seed")
    session = ctx.session
    assert session is not None
    try:
        if not (typed.isascii() and typed.isdigit()) or len(typed) > LONGEST_SEED:
            raise Refused(400, m_.BAD_SEED(high=str(draws.MAX_SEED), value=typed[:LONGEST_SEED]))
        drawn = draws.draw(ctx.service.store, name, int(typed), by=session.user_name)
    except Refused as exc:
        status, msg = refusal(exc)
        return manage_page(ctx, name, status=status, error=msg, error_for="seed", seed=typed[:LONGEST_SEED])
    detail = {"seed": drawn.sample.seed, "digest": drawn.sample.digest, "status": drawn.status,
              "sampled": len(drawn.sample.drawn), "frame": len(drawn.frame)}
    if drawn.replaced is not None:
        detail["replaced_seed"], detail["replaced_digest"] = drawn.replaced
    ctx.audit("moderation.sample_draw", target=name, detail=detail)
    extra = {"old": str(drawn.replaced[0])} if drawn.replaced is not None else {}
    return ctx.redirect(manage_url(name, done=drawn.status, **extra))


@console_view("moderation.manage", methods=("POST",))
def check_sample(ctx: ConsoleContext) -> Response:
    name = _cycle_name(ctx)
    try:
        checked = draws.check(ctx.service.store, name)
    except Refused as exc:
        status, msg = refusal(exc)
        return manage_page(ctx, name, status=status, error=msg, error_for="check")
    ctx.audit("moderation.sample_check", target=name, detail={
        "seed": checked.seed, "ok": checked.ok, "frame_current": checked.frame_current,
        "stored_digest": checked.stored_digest, "computed_digest": checked.computed_digest})
    return ctx.redirect(manage_url(name, done="checked"))


@console_view("moderation.sample")
def sample_file(ctx: ConsoleContext) -> Response:
    row = require_cycle(ctx, "moderation.sample")
    name = row.name  # type: ignore[attr-defined]
    stored = Cycles(ctx.service.store).sample_row(name)
    if stored is None:
        raise ConsoleError(404, m_.NO_SAMPLE(cycle=name))
    body = str(stored.canonical).encode("utf-8")
    ctx.audit("moderation.sample_download", target=name, detail={"seed": int(stored.seed),
                                                                 "digest": str(stored.digest)})
    return Response(body, media_type="application/json", headers={
        "Content-Disposition": content_disposition(sample_filename(name, int(stored.seed))),
        "X-Content-Type-Options": "nosniff"})


def sample_filename(cycle: str, seed: int) -> str:
    return f"moderation-{cycle}-sample-seed-{seed}.json"


def routes() -> list[Route]:
    return [Route("/moderation/new", new_cycle_form, methods=["GET"]),
            Route("/moderation/new", create_cycle, methods=["POST"]),
            Route("/moderation/{cycle}/manage", manage, methods=["GET"]),
            Route("/moderation/{cycle}/panel-add", add_moderator, methods=["POST"]),
            Route("/moderation/{cycle}/panel-remove", remove_moderator, methods=["POST"]),
            Route("/moderation/{cycle}/draw", draw_sample, methods=["POST"]),
            Route("/moderation/{cycle}/close", close_cycle, methods=["POST"]),
            Route("/moderation/{cycle}/check", check_sample, methods=["POST"]),
            Route("/moderation/{cycle}/sample.json", sample_file, methods=["GET"])]


