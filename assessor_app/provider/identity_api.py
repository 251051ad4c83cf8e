"""Who is who, over HTTP: enrolling a workstation, binding an assessor's key, and the status a
workstation shows (its own standing and its workshop's assessors).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from assessor_app.provider.registry import DeviceInfo
from assessor_app.provider.request_body import field, json_object

if TYPE_CHECKING:
    from assessor_app.provider.service import ProviderService

log = logging.getLogger(__name__)


def _service(request: Request) -> ProviderService:
    service: ProviderService = request.app.state.service
    return service


async def _body(request: Request) -> dict[str, Any]:
    return await json_object(request)


def _field(data: dict[str, Any], name: str) -> str:
    return str(field(data, name))


def _optional(data: dict[str, Any], name: str) -> str | None:
    return None if data.get(name) is None else _field(data, name)


def _awarding_body(service: ProviderService) -> dict[str, str]:
    config = service.store.config
    return {"name": config.awarding_body, "country": config.awarding_country}


async def enroll(request: Request) -> Response:
    """A device joins the workshop its one-time code was issued for."""
    data = await _body(request)
    service = _service(request)
    device = await run_in_threadpool(
        lambda: service.registry.enroll(
            code=_field(data, "code"), public_pem=_field(data, "device_public_key"),
            signature=_field(data, "signature"), workshop_id=_optional(data, "workshop_id")))
    workshop = await run_in_threadpool(service.directory.workshop, device.workshop_id)
    log.info("workstation %s of workshop %s enrolled", device.key_id[:16], device.workshop_id)
    key = service.store.key
    return JSONResponse({"device_id": device.key_id, "workshop_id": workshop.id,
                         "workshop_name": workshop.name, "workshop": workshop.to_json(),
                         "awarding_body": _awarding_body(service), "provider_key_id": key.fingerprint,
                         "provider_public_key": key.public_pem()}, status_code=201)


async def _device(request: Request) -> DeviceInfo:
    service = _service(request)
    device: DeviceInfo = await run_in_threadpool(service.registry.authenticate,
                                                 request.headers.get("authorization"))
    return device


async def bind_assessor(request: Request) -> Response:
    """An assessor binds their personal key to their record, from a workstation of their workshop."""
    device = await _device(request)
    data = await _body(request)
    service = _service(request)
    assessor = await run_in_threadpool(
        lambda: service.directory.bind_key(
            device, assessor_id=_field(data, "assessor_id"), code=_field(data, "code"),
            public_pem=_field(data, "public_key"), signature=_field(data, "signature")))
    log.info("assessor %s bound a key from workstation %s", assessor.id, device.key_id[:16])
    return JSONResponse({"assessor": assessor.to_json()}, status_code=201)


async def status(request: Request) -> Response:
    """The calling workstation's standing, its workshop, and the assessors of that workshop."""
    device = await _device(request)
    service = _service(request)
    workshop = await run_in_threadpool(service.directory.workshop, device.workshop_id)
    assessors = await run_in_threadpool(service.directory.assessors, device.workshop_id)
    return JSONResponse({
        "device": {"key_id": device.key_id, "revoked": False},
        "workshop": workshop.to_json(),
        "awarding_body": _awarding_body(service),
        "assessors": [a.to_json() for a in assessors],
    }, headers={"Cache-Control": "no-store"})
