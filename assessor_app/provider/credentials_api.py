"""Credentials over HTTP: for enrolled workstations, the signed eligibility list (who holds which
credential, so a gated checklist is refused to a learner without its prerequisites)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from assessor_app.provider.credentials.eligibility import eligibility_statement, signed_eligibility

if TYPE_CHECKING:
    from assessor_app.provider.service import ProviderService


def _service(request: Request) -> ProviderService:
    service: ProviderService = request.app.state.service
    return service


async def eligibility(request: Request) -> Response:
    """The whole eligibility list, signed by the provider key; a workstation replaces its copy with it."""
    service = _service(request)
    await run_in_threadpool(service.registry.authenticate, request.headers.get("authorization"))
    statement = await run_in_threadpool(eligibility_statement, service.store)
    envelope = await run_in_threadpool(signed_eligibility, service.store, statement)
    return JSONResponse({"eligibility": envelope, "learners": len(statement["learners"]),
                         "as_of_us": statement["as_of_us"]}, headers={"Cache-Control": "no-store"})
