"""The list of issued credentials, ``/console/credentials``, and "issue all eligible".

Newest first, a page at a time (the next page continues after the last row's issue time and id);
filters: checklist, workshop, and valid or revoked. Learners are shown by pseudonym only. A filter
value that is not understood is named on the page and left out (status 400, the list still shown).
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any
from urllib.parse import urlencode

from sqlalchemy import and_, or_, select
from starlette.responses import Response
from starlette.routing import Route

from assessor_app.i18n import Msg, render
from assessor_app.provider.console import credential_messages as C
from assessor_app.provider.console.assessment_list_view import assessment_url
from assessor_app.provider.console.credential_pages import LIST_PATH, credential_url
from assessor_app.provider.console.credential_section import in_words
from assessor_app.provider.console.web import ConsoleContext, console_view
from assessor_app.provider.credentials.models import CredentialRow as R
from assessor_app.provider.models import Workshop
from assessor_app.provider.store import Refused

PAGE_SIZE = 50
STATES = ("valid", "revoked")


def _known(ctx: ConsoleContext) -> tuple[list[str], dict[str, str]]:
    """The checklists credentials were issued for, and their workshops (id -> name)."""
    with ctx.service.store.engine.connect() as conn:
        checklists = list(conn.execute(select(R.checklist_id).distinct().order_by(R.checklist_id)).scalars())
        workshops = list(conn.execute(select(R.workshop_id).distinct().order_by(R.workshop_id)).scalars())
        names = dict(conn.execute(select(Workshop.id, Workshop.name)
                                  .where(Workshop.id.in_(workshops))).all()) if workshops else {}
    return checklists, {w: names.get(w, w) for w in workshops}


def _cursor(text: str) -> tuple[int, str] | None:
    when, _, ident = text.partition(".")
    if not (when.isascii() and when.isdigit() and len(when) <= 19 and 0 < len(ident) <= 36):
        return None
    return int(when), ident


@console_view("credentials.read")
def credentials_page(ctx: ConsoleContext) -> Response:
    checklists, workshops = _known(ctx)
    problems: list[Msg] = []
    wanted = {name: ctx.query(name, longest=100) for name in ("checklist", "workshop", "state", "after")}
    if wanted["checklist"] and wanted["checklist"] not in checklists:
        problems.append(C.UNKNOWN_CHECKLIST(value=wanted["checklist"][:60]))
        wanted["checklist"] = ""
    if wanted["workshop"] and wanted["workshop"] not in workshops:
        problems.append(C.UNKNOWN_WORKSHOP(value=wanted["workshop"][:60]))
        wanted["workshop"] = ""
    if wanted["state"] and wanted["state"] not in STATES:
        problems.append(C.UNKNOWN_STATE(value=wanted["state"][:20]))
        wanted["state"] = ""
    after = _cursor(wanted["after"]) if wanted["after"] else None
    if wanted["after"] and after is None:
        problems.append(C.BAD_CURSOR())
    query = select(R)
    if wanted["checklist"]:
        query = query.where(R.checklist_id == wanted["checklist"])
    if wanted["workshop"]:
        query = query.where(R.workshop_id == wanted["workshop"])
    if wanted["state"] == "valid":
        query = query.where(R.revoked_us.is_(None))
    elif wanted["state"] == "revoked":
        query = query.where(R.revoked_us.is_not(None))
    if after is not None:
        query = query.where(or_(R.issued_us < after[0], and_(R.issued_us == after[0], R.id < after[1])))
    with ctx.service.store.engine.connect() as conn:
        rows = conn.execute(query.order_by(R.issued_us.desc(), R.id.desc()).limit(PAGE_SIZE + 1)).all()
    more, rows = len(rows) > PAGE_SIZE, rows[:PAGE_SIZE]
    kept = {k: v for k, v in wanted.items() if v and k != "after"}
    next_href = (f"{LIST_PATH}?{urlencode({**kept, 'after': f'{rows[-1].issued_us}.{rows[-1].id}'})}"
                 if more else None)
    first_href = f"{LIST_PATH}?{urlencode(kept)}" if after is not None else None
    return ctx.render("credentials.html", {
        "C": C, "rows": rows, "workshops": workshops, "checklists": checklists, "wanted": wanted,
        "states": STATES, "problems": problems, "next_href": next_href, "first_href": first_href,
        "credential_url": credential_url, "assessment_url": assessment_url,
        "may_issue": ctx.allowed("credentials.issue"), "may_kpis": ctx.allowed("credentials.kpis"),
        "rule_checklists": ctx.service.credentials.rules.names(),
    }, status=400 if problems else 200)


def grouped_refusals(checks: list[Any], language: str) -> list[dict[str, Any]]:
    """The refused assessments grouped by reason (in words), the commonest reason first; an
    assessment refused for several reasons is under each."""
    groups: dict[str, list[Any]] = defaultdict(list)
    for check in checks:
        for reason in check.refusals:
            groups[render(in_words(reason), language)].append(check)
    return [{"reason": reason, "n": len(items),
             "assessments": [(f"{c.device[:12]}…/{c.bundle_id}", assessment_url(c.device, c.bundle_id))
                             for c in items[:20]], "more": max(0, len(items) - 20)}
            for reason, items in sorted(groups.items(), key=lambda p: (-len(p[1]), p[0]))]


@console_view("credentials.issue", methods=("POST",))
def issue_eligible(ctx: ConsoleContext) -> Response:
    checklist = ctx.field("checklist", longest=100).strip()
    session = ctx.session
    assert session is not None
    if checklist and checklist not in ctx.service.credentials.rules.names():
        return _run_page(ctx, error=C.UNKNOWN_CHECKLIST(value=checklist[:60]), status=400)
    try:
        run = ctx.service.credentials.issue_eligible(by=session.user_name, checklist=checklist or None)
    except Refused as exc:  # the awarding body is not set, say
        return _run_page(ctx, error=exc.msg or C.ISSUE_FAILED(), status=409)
    new = [i for i in run.issued if i.data is not None]
    ctx.audit("credentials.issue_eligible", target=checklist or "*",
              detail={"issued": [i.row.id for i in new][:200], "refused": len(run.refused)})
    for issued in new:
        ctx.audit("credentials.issue", target=issued.row.id,
                  detail={"assessment": f"{issued.row.device}/{issued.row.bundle_id}", "run": True})
    return _run_page(ctx, issued=new, groups=grouped_refusals(run.refused, ctx.language),
                     refused=len(run.refused))


def _run_page(ctx: ConsoleContext, *, issued: list[Any] | None = None, groups: list[Any] | None = None,
              refused: int = 0, error: Msg | None = None, status: int = 200) -> Response:
    return ctx.render("credential_run.html", {"C": C, "issued": issued or [], "groups": groups or [],
                                              "refused": refused, "error": error,
                                              "credential_url": credential_url}, status=status)


def routes() -> list[Route]:
    return [Route("/credentials", credentials_page, methods=["GET"]),
            Route("/credentials/issue-eligible", issue_eligible, methods=["POST"])]
