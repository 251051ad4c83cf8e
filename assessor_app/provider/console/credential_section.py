"""The assessment page's "Credential" section, and its "Issue credential" button.

The section shows the credential issued for the assessment (a link), or every reason it cannot be
issued yet, in words, with the moderation state; a role allowed to issue gets the button. Issuing
goes to the new credential's page; a refusal shows the assessment page again with the reasons (409).
"""

from __future__ import annotations

from typing import Any

from starlette.responses import Response

from assessor_app.core.terms import term
from assessor_app.i18n import Msg
from assessor_app.provider.console import credential_messages as C
from assessor_app.provider.console.credential_pages import credential_url
from assessor_app.provider.console.web import ConsoleContext, console_view
from assessor_app.provider.credentials import messages as m_
from assessor_app.provider.credentials.book import Refusal
from assessor_app.provider.store import Refused


def in_words(reason: Msg) -> Msg:
    """A refusal with the outcome it names as the product's word, not its code."""
    outcome = reason.args.get("outcome")
    if reason.code == m_.NOT_COMPETENT.code and isinstance(outcome, str) and term(outcome) is not None:
        return m_.NOT_COMPETENT(**{**reason.args, "outcome": term(outcome)})
    return reason


def credential_section(ctx: ConsoleContext, device: str, bundle_id: str, *,
                       refused: list[Msg] | None = None) -> dict[str, Any] | None:
    """What the section shows, or None for a role that does not see credentials."""
    if not ctx.allowed("credentials.read"):
        return None
    book = ctx.service.credentials
    issued = book.for_assessment(device, bundle_id)
    if issued is not None:
        return {"C": C, "issued": issued, "href": credential_url(issued.id)}
    check = book.check(device, bundle_id)
    return {"C": C, "issued": None, "reasons": [in_words(r) for r in (refused or check.refusals)],
            "moderation": check.moderation.message() if check.moderation is not None else None,
            "may_issue": ctx.allowed("credentials.issue"), "ok": check.ok and not refused,
            "refused_now": refused is not None}


@console_view("credentials.issue", methods=("POST",))
def issue(ctx: ConsoleContext) -> Response:
    from assessor_app.provider.console.assessment_pages import _page, _view

    params = ctx.request.path_params
    device, bundle_id = str(params.get("device_key_id", "")), str(params.get("bundle_id", ""))
    view = _view(ctx, show_names=False)  # the 404 page when the assessment is not held
    session = ctx.session
    assert session is not None
    try:
        issued = ctx.service.credentials.issue(device, bundle_id, by=session.user_name)
    except Refusal as refusal:
        ctx.audit("credentials.issue_refused", target=view.key,
                  detail={"reasons": [r.code for r in refusal.reasons]})
        return _page(ctx, view, credential_refused=list(refusal.reasons), status=409)
    except Refused as exc:  # no awarding body set, say
        return _page(ctx, view, credential_refused=[exc.msg or C.ISSUE_FAILED()], status=409)
    if issued.data is not None:
        ctx.audit("credentials.issue", target=issued.row.id,
                  detail={"assessment": f"{device}/{bundle_id}", "learner": issued.row.learner_id})
    return ctx.redirect(f"{credential_url(issued.row.id)}?issued=1")
