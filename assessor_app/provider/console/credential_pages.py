"""The page of one issued credential: ``/console/credentials/{id}``.

What the credential states (read again from what it was issued from, in the page's language), its
status (valid, or revoked with who, when and why), its downloads, the revoke form and the learner's
voluntary participation form. The learner is shown by pseudonym; a role allowed to see candidates'
names may ask for the name (``?names=1``, recorded in the audit log), as on the assessment page.
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response
from starlette.routing import Route

from assessor_app.credentials.data import text_in
from assessor_app.i18n import LANGUAGES, Msg
from assessor_app.provider.console import credential_messages as C
from assessor_app.provider.console.assessment_list_view import assessment_url
from assessor_app.provider.console.errors import ConsoleError
from assessor_app.provider.console.web import ConsoleContext, console_view
from assessor_app.provider.credentials import kpi_messages as K
from assessor_app.provider.credentials.participation import (
    AGE_BANDS,
    GENDERS,
    participation_of,
    set_participation,
)
from assessor_app.provider.credentials.public_check import credential_id
from assessor_app.provider.credentials.restate import moderation_basis, stated
from assessor_app.provider.store import Refused

LIST_PATH = "/console/credentials"


def credential_url(ident: str) -> str:
    return f"{LIST_PATH}/{ident}"


def credential_row(ctx: ConsoleContext) -> Any:
    """The credential the path names, or the 404 page (an id that is no UUID is not looked up)."""
    ident = credential_id(str(ctx.request.path_params.get("credential_id", "")))
    if ident is None:
        asked = str(ctx.request.path_params.get("credential_id", ""))[:40]
        raise ConsoleError(404, C.NO_SUCH(credential=asked))
    try:
        return ctx.service.credentials.get(ident)
    except Refused as exc:
        raise ConsoleError(404, exc.msg) from None


def page(ctx: ConsoleContext, row: Any, *, names: bool = False, status: int = 200, notice: Msg | None = None,
         error: Msg | None = None, error_for: str = "", reason: str = "") -> Response:
    """The credential page with what it states, its status and the forms the role may use."""
    data = stated(ctx.service.store, ctx.service.credentials.rules, row)
    given = participation_of(ctx.service.store, row.learner_id)
    language = ctx.language

    def tx(texts: Any) -> str:
        return text_in(texts, language) if texts else ""

    return ctx.render("credential.html", {
        "C": C, "K": K, "row": row, "d": data, "tx": tx, "names": names and data is not None,
        "assessment_href": assessment_url(row.device, row.bundle_id), "base": credential_url(row.id),
        "basis": moderation_basis(row).message(), "given": given, "genders": GENDERS, "ages": AGE_BANDS,
        "may_names": ctx.allowed("assessment.candidate_name"),
        "may_revoke": ctx.allowed("credentials.revoke"),
        "may_download": ctx.allowed("credentials.download"),
        "may_participation": ctx.allowed("credentials.participation"),
        "pdf_languages": LANGUAGES, "notice": notice, "error": error, "error_for": error_for,
        "reason": reason,
    }, status=status)


@console_view("credentials.read")
def credential_page(ctx: ConsoleContext) -> Response:
    row = credential_row(ctx)
    names = ctx.query("names", longest=1) == "1"
    if names:
        ctx.require("assessment.candidate_name")
        ctx.audit("credentials.learner_name", target=row.id, detail={"learner": row.learner_id})
    else:
        ctx.audit("credentials.view", target=row.id)
    notice = (C.NAME_SHOWN() if names else C.REVOKED_NOTICE() if ctx.query("revoked", longest=1) == "1"
              else C.PARTICIPATION_SAVED() if ctx.query("saved", longest=1) == "1"
              else C.ISSUED_NOTICE() if ctx.query("issued", longest=1) == "1" else None)
    return page(ctx, row, names=names, notice=notice)


@console_view("assessment.candidate_name", methods=("POST",))
def show_name(ctx: ConsoleContext) -> Response:
    """The button's form: to the page with the name (audited there), so that a reload posts nothing."""
    ctx.require("credentials.read")
    row = credential_row(ctx)
    return ctx.redirect(f"{credential_url(row.id)}?names=1")


@console_view("credentials.revoke", methods=("POST",))
def revoke(ctx: ConsoleContext) -> Response:
    row = credential_row(ctx)
    reason = ctx.field("reason", longest=2000)
    if ctx.field("confirm", longest=5) != "1":
        return page(ctx, row, status=400, error=C.REVOKE_CONFIRM_MISSING(), error_for="confirm",
                    reason=reason)
    session = ctx.session
    assert session is not None
    try:
        revoked = ctx.service.credentials.revoke(row.id, reason=reason, by=session.user_name)
    except Refused as exc:
        status = exc.status if exc.status in (400, 404, 409) else 400
        return page(ctx, row, status=status, error=exc.msg or C.REVOKE_FAILED(), error_for="reason",
                    reason=reason)
    ctx.audit("credentials.revoke", target=row.id, detail={"reason": revoked.revoked_reason,
                                                           "learner": row.learner_id})
    return ctx.redirect(f"{credential_url(row.id)}?revoked=1")


@console_view("credentials.participation", methods=("POST",))
def participation(ctx: ConsoleContext) -> Response:
    row = credential_row(ctx)
    session = ctx.session
    assert session is not None
    gender, age = ctx.field("gender", longest=20), ctx.field("age_band", longest=20)
    try:
        set_participation(ctx.service.store, row.learner_id, gender=gender, age_band=age,
                          by=session.user_name)
    except Refused as exc:
        return page(ctx, row, status=400, error=exc.msg, error_for="participation")
    # no figure in the log: what a learner told is for the counts only
    ctx.audit("credentials.participation", target=row.learner_id, detail={"credential": row.id})
    return ctx.redirect(f"{credential_url(row.id)}?saved=1")


def routes() -> list[Route]:
    from assessor_app.provider.console.credential_downloads import download

    return [Route("/credentials/{credential_id}", credential_page, methods=["GET"]),
            Route("/credentials/{credential_id}/show-name", show_name, methods=["POST"]),
            Route("/credentials/{credential_id}/revoke", revoke, methods=["POST"]),
            Route("/credentials/{credential_id}/participation", participation, methods=["POST"]),
            Route("/credentials/{credential_id}/download/{kind}", download, methods=["GET"])]
