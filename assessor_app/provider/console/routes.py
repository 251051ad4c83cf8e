"""The console app: every part's routes, the static files, the guard and the one error page.

A part adds its pages by listing its module in PARTS; each module has ``routes()``.
"""

from __future__ import annotations

from types import ModuleType

from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.routing import BaseRoute, Mount
from starlette.staticfiles import StaticFiles

from assessor_app.provider.console import (
    assessment_list,
    assessment_pages,
    assessors_views,
    audit_views,
    auth_views,
    credential_kpi_views,
    credential_list_views,
    credential_pages,
    moderation_admin_views,
    moderation_report_views,
    moderation_views,
    quarantine_views,
    users_views,
    workshops_views,
)
from assessor_app.provider.console.errors import ConsoleGuard, page_error_handlers
from assessor_app.provider.console.rendering import STATIC
from assessor_app.provider.console.state import ConsoleState
from assessor_app.provider.service import ProviderService

#: the modules whose routes() make the console (add yours here). moderation_views stays last: its
#: /moderation/{cycle} pages would otherwise answer for fixed paths under /moderation/ of other parts
PARTS: list[ModuleType] = [auth_views, users_views, audit_views, assessment_list, assessment_pages,
                           quarantine_views, workshops_views, assessors_views, moderation_report_views,
                           # the fixed /credentials/... paths before /credentials/{id}
                           credential_list_views, credential_kpi_views, credential_pages,
                           moderation_admin_views,
                           moderation_views]


def routes() -> list[BaseRoute]:
    """Every console page, from every part (paths relative to /console)."""
    collected: list[BaseRoute] = []
    for part in PARTS:
        collected.extend(part.routes())
    return collected


def console_app(service: ProviderService) -> Starlette:
    """The console as an app of its own, mounted at /console by the provider's create_app."""
    app = Starlette(routes=[*routes(), Mount("/static", app=StaticFiles(directory=STATIC), name="static")],
                    middleware=[Middleware(ConsoleGuard)], exception_handlers=page_error_handlers())
    app.state.console = ConsoleState(service)
    app.state.service = service
    return app
