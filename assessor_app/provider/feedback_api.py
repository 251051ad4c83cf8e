"""Moderation feedback over HTTP, for enrolled workstations: fetch (signed by the provider key) and
acknowledge. A workstation authenticates as for everything else: a bearer token its device key
signed for (POST /auth/token)."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from assessor_app.provider.limits import query_count
from assessor_app.provider.moderation.feedback import PAGE_MAX, acknowledged_ids
from assessor_app.provider.registry import DeviceInfo
from assessor_app.provider.request_body import json_object

if TYPE_CHECKING:
    from assessor_app.provider.service import ProviderService

log = logging.getLogger(__name__)


def _service(request: Request) -> ProviderService:
    service: ProviderService = request.app.state.service
    return service


async def _device(request: Request) -> DeviceInfo:
    device: DeviceInfo = await run_in_threadpool(_service(request).registry.authenticate,
                                                 request.headers.get("authorization"))
    return device


async def feedback(request: Request) -> Response:
    """The calling workstation's undelivered feedback, oldest first, in an envelope the provider signed."""
    device = await _device(request)
    limit = query_count(request, "limit", default=PAGE_MAX, low=1, high=PAGE_MAX)
    book = _service(request).feedback
    page = await run_in_threadpool(lambda: book.pending(device.key_id, limit=limit))
    envelope = await run_in_threadpool(book.signed, page.statement)
    return JSONResponse({"feedback": envelope, "count": len(page.statement["items"]), "more": page.more},
                        headers={"Cache-Control": "no-store"})


async def acknowledge(request: Request) -> Response:
    """The workstation has stored these items durably: they are not sent again."""
    device = await _device(request)
    ids = acknowledged_ids(await json_object(request))
    book = _service(request).feedback
    done, unknown = await run_in_threadpool(lambda: book.acknowledge(device.key_id, ids))
    if unknown:
        log.info("workstation %s acknowledged %d feedback id(s) that are not its own",
                 device.key_id[:16], len(unknown))
    return JSONResponse({"acknowledged": done, "unknown": unknown})
