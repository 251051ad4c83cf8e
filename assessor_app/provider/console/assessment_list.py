"""The console's list of assessments: ``GET /console/assessments`` (action ``assessments.list``).

A plain GET form and plain links (works without JavaScript). A value of the URL that is not
understood is named on the page and left out (status 400, with the list still shown), never an
error. Rows link to the assessment page, ``/console/assessments/{workstation key id}/{bundle id}``.
"""

from __future__ import annotations

from starlette.responses import Response
from starlette.routing import Route

from assessor_app.provider.console.assessment_list_view import assessment_url, page_view
from assessor_app.provider.console.assessment_query import (
    known_values,
    list_page,
    parse_query,
    quarantined_count,
)
from assessor_app.provider.console.rendering import PREFIX
from assessor_app.provider.console.web import ConsoleContext, console_view

__all__ = ["assessment_url", "routes"]


@console_view("assessments.list")
def assessments_page(ctx: ConsoleContext) -> Response:  # runs in the thread pool: database work
    engine = ctx.service.store.engine
    known = known_values(engine)
    query, problems = parse_query(ctx.request.query_params.multi_items(), known)
    page = list_page(engine, query, known)
    quarantine = f"{PREFIX}/quarantine" if ctx.allowed("quarantine.view") else None
    view = page_view(query, page, known, problems, ctx.language, quarantined=quarantined_count(engine),
                     quarantine_href=quarantine)
    return ctx.render("assessments.html", {"v": view}, status=400 if problems else 200)


def routes() -> list[Route]:
    return [Route("/assessments", assessments_page, methods=["GET"])]
