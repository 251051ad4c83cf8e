"""The provider's HTTP API (Starlette on uvicorn): enrollment, tokens, tus uploads, receipts.

Starlette rather than FastAPI: tus is headers and raw streamed bodies on HEAD/PATCH/OPTIONS,
which a model-driven framework describes poorly; with Starlette each handler streams the body
itself, and the OpenAPI document (openapi.py) is written to say exactly what the service does.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from assessor_app.provider import tus
from assessor_app.provider.importer import BUNDLE_ID
from assessor_app.provider.openapi import openapi_document
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import Refused

log = logging.getLogger(__name__)
MAX_JSON = 64 * 1024


def _service(request: Request) -> ProviderService:
    service: ProviderService = request.app.state.service
    return service


async def _json(request: Request) -> dict[str, Any]:
    body = b""
    async for piece in request.stream():
        body += piece
        if len(body) > MAX_JSON:
            raise Refused(413, f"a JSON request body may be at most {MAX_JSON} bytes")
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError):
        raise Refused(400, "the request body is not JSON") from None
    if not isinstance(data, dict):
        raise Refused(400, "the request body must be a JSON object")
    return data


def _field(data: dict[str, Any], name: str, kind: type = str) -> Any:
    value = data.get(name)
    too_long = isinstance(value, str) and len(value) > 4096
    if not isinstance(value, kind) or isinstance(value, bool) or too_long:
        raise Refused(422, f"field {name!r} is missing or not a {kind.__name__}")
    return value


async def health(request: Request) -> Response:
    key = _service(request).store.key
    return JSONResponse({"status": "ok", "provider_key_id": key.fingerprint})


async def provider_key(request: Request) -> Response:
    key = _service(request).store.key
    return JSONResponse({"key_id": key.fingerprint, "public_key": key.public_pem()})


async def openapi(request: Request) -> Response:
    return JSONResponse(openapi_document())


async def enroll(request: Request) -> Response:
    data = await _json(request)
    service = _service(request)
    device = await run_in_threadpool(
        lambda: service.registry.enroll(
            code=_field(data, "code"), workshop_id=_field(data, "workshop_id"),
            workshop_name=_field(data, "workshop_name"), public_pem=_field(data, "device_public_key"),
            signature=_field(data, "signature")))
    log.info("workstation %s of workshop %s enrolled", device.key_id[:16], device.workshop_id)
    key = service.store.key
    return JSONResponse({"device_id": device.key_id, "workshop_id": device.workshop_id,
                         "provider_key_id": key.fingerprint, "provider_public_key": key.public_pem()},
                        status_code=201)


async def token(request: Request) -> Response:
    data = await _json(request)
    service = _service(request)
    issued, ttl = await run_in_threadpool(
        lambda: service.registry.issue_token(
            key_id=_field(data, "key_id"), timestamp=_field(data, "timestamp", int),
            nonce=_field(data, "nonce"), signature=_field(data, "signature")))
    return JSONResponse({"token": issued, "token_type": "Bearer", "expires_in": ttl},
                        headers={"Cache-Control": "no-store"})


async def bundles(request: Request) -> Response:
    """The bundles held for the caller's workshop, in id order, a page at a time."""
    service = _service(request)
    device = await run_in_threadpool(service.registry.authenticate, request.headers.get("authorization"))
    after = request.query_params.get("after", "")
    limit_text = request.query_params.get("limit", "1000")
    if not limit_text.isdigit() or not 1 <= int(limit_text) <= 1000 or len(after) > 64:
        raise Refused(422, "limit must be 1-1000 and after at most 64 characters")
    rows = await run_in_threadpool(lambda: service.importer.bundles(
        workshop_id=device.workshop_id, after=after, limit=int(limit_text)))
    items = [{"bundle_id": r.bundle_id, "manifest_sha256": r.manifest_sha256} for r in rows]
    more = len(items) == int(limit_text)
    return JSONResponse({"bundles": items, "next": items[-1]["bundle_id"] if more else None})


async def receipt(request: Request) -> Response:
    service = _service(request)
    device = await run_in_threadpool(service.registry.authenticate, request.headers.get("authorization"))
    bundle_id = request.path_params["bundle_id"]
    held = await run_in_threadpool(service.importer.held, bundle_id) if BUNDLE_ID.fullmatch(bundle_id) \
        else None
    if held is None or held.workshop_id != device.workshop_id:
        raise Refused(404, f"the provider holds no bundle {bundle_id[:64]} for this workshop")
    return JSONResponse({"bundle_id": held.bundle_id, "manifest_sha256": held.manifest_sha256,
                         "receipt": json.loads(held.receipt)})


async def reconcile(request: Request) -> Response:
    """Compare set digests: equal means the provider holds exactly what the workstation thinks."""
    service = _service(request)
    device = await run_in_threadpool(service.registry.authenticate, request.headers.get("authorization"))
    data = await _json(request)
    digest = _field(data, "digest")
    count, ours = await run_in_threadpool(service.importer.set_digest, device.workshop_id)
    return JSONResponse({"match": digest == ours, "count": count, "digest": ours})


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    headers = tus.tus_headers() if request.url.path.startswith("/files") else {}
    if request.method == "HEAD":
        return Response(status_code=exc.status, headers={**headers, "Assessor-Error": str(exc)})
    return JSONResponse({"error": str(exc)}, status_code=exc.status, headers=headers)


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)


def create_app(service: ProviderService) -> Starlette:
    routes = [
        Route("/health", health, methods=["GET"]),
        Route("/provider-key", provider_key, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/enroll", enroll, methods=["POST"]),
        Route("/auth/token", token, methods=["POST"]),
        Route("/bundles", bundles, methods=["GET"]),
        Route("/bundles/{bundle_id}/receipt", receipt, methods=["GET"]),
        Route("/reconcile", reconcile, methods=["POST"]),
        Route("/files", tus.create, methods=["POST"]),
        Route("/files", tus.options, methods=["OPTIONS"]),
        Route("/files/{upload_id}", tus.head, methods=["HEAD"]),
        Route("/files/{upload_id}", tus.patch, methods=["PATCH"]),
        Route("/files/{upload_id}", tus.terminate, methods=["DELETE"]),
        Route("/files/{upload_id}", tus.options, methods=["OPTIONS"]),
        Route("/files/{upload_id}/result", tus.result, methods=["GET"]),
    ]
    app = Starlette(routes=routes, exception_handlers={Refused: _refused, HTTPException: _http_error})
    app.state.service = service
    return app
