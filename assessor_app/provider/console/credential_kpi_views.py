"""The credential figures, ``/console/credentials/kpis``: the same figures ``credential_kpis`` gives the
command line, in the page's language. A figure without a value says why."""

from __future__ import annotations

from sqlalchemy import select
from starlette.responses import Response
from starlette.routing import Route

from assessor_app.provider.console import credential_messages as C
from assessor_app.provider.console.web import ConsoleContext, console_view
from assessor_app.provider.credentials import kpi_messages as K
from assessor_app.provider.credentials.kpis import WOMEN_TARGET, credential_kpis, figure_text
from assessor_app.provider.models import Workshop


@console_view("credentials.kpis")
def kpis_page(ctx: ConsoleContext) -> Response:
    figures = credential_kpis(ctx.service.store)
    with ctx.service.store.engine.connect() as conn:
        names = dict(conn.execute(select(Workshop.id, Workshop.name)).all())
    language = ctx.language

    def value(figure: object, *, percent: bool = False) -> str:
        return figure_text(figure, language, percent=percent)  # type: ignore[arg-type]

    return ctx.render("credential_kpis.html", {
        "C": C, "K": K, "k": figures, "value": value, "workshop_names": names,
        "target": figure_text(type(figures.participation.women_share)(WOMEN_TARGET), language, percent=True),
    })


def routes() -> list[Route]:
    return [Route("/credentials/kpis", kpis_page, methods=["GET"])]
