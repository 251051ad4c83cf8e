"""The provider's HTTP API (Starlette on uvicorn): enrollment, tokens, tus uploads, receipts.

Starlette rather than FastAPI: tus is headers and raw streamed bodies on HEAD/PATCH/OPTIONS,
which a model-driven framework describes poorly; with Starlette each handler streams the body
itself, and the OpenAPI document (openapi.py) is written to say exactly what the service does.
"""

from __future__ import annotations

import contextlib
import json
import logging
import secrets
from collections.abc import AsyncIterator
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException
from starlette.middleware import Middleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Mount, Route
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from assessor_app.provider import credentials_api, credentials_page, feedback_api, identity_api, tus
from assessor_app.provider.console.routes import console_app
from assessor_app.provider.importer import BUNDLE_ID
from assessor_app.provider.limits import (
    AttemptLimiter,
    fault_sentence,
    query_count,
    storage_fault,
)
from assessor_app.provider.openapi import openapi_document
from assessor_app.provider.request_body import field as _field
from assessor_app.provider.request_body import json_object as _json
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import Refused

log = logging.getLogger(__name__)
#: attempts counted per client address (ProviderConfig.auth_attempts_*): each costs a signature check
LIMITED_ATTEMPTS = frozenset({("POST", "/enroll"), ("POST", "/auth/token"), ("POST", "/assessors/bind")})


def _service(request: Request) -> ProviderService:
    service: ProviderService = request.app.state.service
    return service


async def health(request: Request) -> Response:
    key = _service(request).store.key
    return JSONResponse({"status": "ok", "provider_key_id": key.fingerprint})


async def provider_key(request: Request) -> Response:
    key = _service(request).store.key
    return JSONResponse({"key_id": key.fingerprint, "public_key": key.public_pem()})


async def openapi(request: Request) -> Response:
    return JSONResponse(openapi_document())


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
    """The bundles held that the calling workstation sealed, in id order, a page at a time."""
    service = _service(request)
    device = await run_in_threadpool(service.registry.authenticate, request.headers.get("authorization"))
    after = request.query_params.get("after", "")
    limit = query_count(request, "limit", default=1000, low=1, high=1000)
    if len(after) > 64:
        raise Refused(422, "after must be at most 64 characters")
    rows = await run_in_threadpool(lambda: service.importer.bundles(
        device=device.key_id, after=after, limit=limit))
    items = [{"bundle_id": r.bundle_id, "manifest_sha256": r.manifest_sha256} for r in rows]
    more = len(items) == limit
    return JSONResponse({"bundles": items, "next": items[-1]["bundle_id"] if more else None})


async def receipt(request: Request) -> Response:
    service = _service(request)
    device = await run_in_threadpool(service.registry.authenticate, request.headers.get("authorization"))
    bundle_id = request.path_params["bundle_id"]
    held = await run_in_threadpool(service.importer.held, bundle_id, device.key_id) \
        if BUNDLE_ID.fullmatch(bundle_id) else None
    if held is None:
        raise Refused(404, f"the provider holds no bundle {bundle_id[:64]} sealed by this workstation")
    return JSONResponse({"bundle_id": held.bundle_id, "manifest_sha256": held.manifest_sha256,
                         "receipt": json.loads(held.receipt)})


async def reconcile(request: Request) -> Response:
    """Compare set digests: equal means the provider holds exactly what the workstation thinks."""
    service = _service(request)
    device = await run_in_threadpool(service.registry.authenticate, request.headers.get("authorization"))
    data = await _json(request)
    digest = _field(data, "digest")
    count, ours = await run_in_threadpool(service.importer.set_digest, device.key_id)
    return JSONResponse({"match": digest == ours, "count": count, "digest": ours})


def _error_response(method: str, path: str, status: int, reason: str, *, code: str | None = None,
                    retry_after_s: int | None = None, extra: dict[str, Any] | None = None) -> Response:
    """One shape for every refusal: JSON ``error`` (and ``code``), or Assessor-Error on a HEAD."""
    headers = tus.tus_headers() if path.startswith("/files") else {}
    if retry_after_s is not None:
        headers["Retry-After"] = str(retry_after_s)
    if method == "HEAD":  # a HEAD answer has no body: the reason goes in a header
        return Response(status_code=status, headers={**headers, "Assessor-Error": reason})
    body: dict[str, Any] = {"error": reason}
    if code:
        body["code"] = code
    return JSONResponse({**body, **(extra or {})}, status_code=status, headers=headers)


async def _refused(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, Refused)
    return _error_response(request.method, request.url.path, exc.status, str(exc),
                           code=getattr(exc, "code", None), retry_after_s=getattr(exc, "retry_after_s", None))


async def _http_error(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, HTTPException)
    return JSONResponse({"error": str(exc.detail)}, status_code=exc.status_code, headers=exc.headers)


class _FaultBarrier:
    """Whatever escapes a handler is answered 503 (507 for a tus upload the disk cannot hold), never 500.

    The provider's own faults (its disk, its folder, its database) are said to be the
    provider's, with Retry-After; anything else is logged with its traceback under an incident
    id, and the answer names the incident, never the traceback.
    """

    def __init__(self, app: ASGIApp, retry_after_s: int):
        self.app = app
        self.retry_after_s = retry_after_s

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def watched(message: Message) -> None:
            nonlocal started
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, receive, watched)
        except (ClientDisconnect, ConnectionError):
            log.info("%s %s: the client went away", scope["method"], scope["path"])
        except Exception as exc:
            method, path = scope["method"], scope["path"]
            fault = storage_fault(exc)
            if fault is not None:
                log.error("%s %s: the provider's storage failed: %s", method, path, fault[0])
                response = self._storage_answer(method, path, *fault)
            else:
                incident = secrets.token_hex(6)
                log.exception("incident %s: %s %s failed unexpectedly", incident, method, path)
                response = self._incident_answer(method, path, incident)
            if started:
                log.error("%s %s failed after its answer had started: the connection is closed", method, path)
                return
            await response(scope, receive, send)

    def _storage_answer(self, method: str, path: str, what: str, out_of_space: bool) -> Response:
        upload = path.startswith("/files") and method in ("POST", "PATCH")
        status = 507 if out_of_space and upload else 503  # 507: tus's "cannot store the upload"
        return _error_response(method, path, status, fault_sentence(what), code="provider_storage",
                               retry_after_s=self.retry_after_s)

    def _incident_answer(self, method: str, path: str, incident: str) -> Response:
        reason = (f"The provider met an unexpected error (incident {incident}); it is recorded in the "
                  "provider's log. This is the provider's fault, not the request's: try again later, and "
                  "quote the incident to the provider if it persists.")
        return _error_response(method, path, 503, reason, code="provider_incident",
                               retry_after_s=self.retry_after_s, extra={"incident": incident})


class _AttemptLimit:
    """Counts enrollment, sign-in and binding attempts per client address; the excess is 429."""

    def __init__(self, app: ASGIApp, limiter: AttemptLimiter):
        self.app = app
        self.limiter = limiter

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and (scope["method"], scope["path"]) in LIMITED_ATTEMPTS:
            # the socket peer, or what a configured trusted proxy says (uvicorn's proxy headers)
            client = scope.get("client")
            wait = self.limiter.attempt(client[0] if client else None)
            if wait:
                response = _error_response(
                    scope["method"], scope["path"], 429,
                    f"too many enrollment and sign-in attempts from this address: try again in {wait} s",
                    code="too_many_attempts", retry_after_s=wait)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


@contextlib.asynccontextmanager
async def _lifespan(app: Starlette) -> AsyncIterator[None]:
    """While serving: abandoned uploads are removed at start and then periodically; the assessment
    index rows missing are made in the background, and web proxies of imported video too (what was
    pending at the last stop first)."""
    service: ProviderService = app.state.service
    await run_in_threadpool(service.start_cleanup)
    service.index_backfill.start()
    service.derivations.start()
    service.sample_media.start()
    try:
        yield
    finally:
        await run_in_threadpool(service.sample_media.stop)
        await run_in_threadpool(service.derivations.stop)
        await run_in_threadpool(service.index_backfill.stop)
        await run_in_threadpool(service.stop_cleanup)


def create_app(service: ProviderService) -> Starlette:
    routes = [
        Route("/health", health, methods=["GET"]),
        Route("/provider-key", provider_key, methods=["GET"]),
        Route("/openapi.json", openapi, methods=["GET"]),
        Route("/enroll", identity_api.enroll, methods=["POST"]),
        Route("/assessors/bind", identity_api.bind_assessor, methods=["POST"]),
        Route("/status", identity_api.status, methods=["GET"]),
        Route("/auth/token", token, methods=["POST"]),
        Route("/bundles", bundles, methods=["GET"]),
        Route("/bundles/{bundle_id}/receipt", receipt, methods=["GET"]),
        Route("/reconcile", reconcile, methods=["POST"]),
        Route("/moderation/feedback", feedback_api.feedback, methods=["GET"]),
        Route("/moderation/feedback/ack", feedback_api.acknowledge, methods=["POST"]),
        Route("/credentials/eligibility", credentials_api.eligibility, methods=["GET"]),
        Route("/credentials/issuer", credentials_api.issuer, methods=["GET"]),
        Route("/credentials/issuer/jwks.json", credentials_api.issuer_keys, methods=["GET"]),
        Route("/credentials/status/{number:int}", credentials_api.status_list, methods=["GET"]),
        # the public check page stays after every fixed /credentials/... path (its id is one segment)
        Route("/credentials/{credential_id}", credentials_page.credential_page, methods=["GET"]),
        Route("/files", tus.create, methods=["POST"]),
        Route("/files", tus.options, methods=["OPTIONS"]),
        Route("/files/{upload_id}", tus.head, methods=["HEAD"]),
        Route("/files/{upload_id}", tus.patch, methods=["PATCH"]),
        Route("/files/{upload_id}", tus.terminate, methods=["DELETE"]),
        Route("/files/{upload_id}", tus.options, methods=["OPTIONS"]),
        Route("/files/{upload_id}/result", tus.result, methods=["GET"]),
        Mount("/console", app=console_app(service), name="console"),
    ]
    config = service.store.config
    attempts = AttemptLimiter(burst=config.auth_attempts_burst, per_minute=config.auth_attempts_per_minute,
                              max_addresses=config.auth_tracked_addresses)
    middleware = [Middleware(_FaultBarrier, retry_after_s=config.fault_retry_after_s),
                  Middleware(_AttemptLimit, limiter=attempts)]
    app = Starlette(routes=routes, middleware=middleware, lifespan=_lifespan,
                    exception_handlers={Refused: _refused, HTTPException: _http_error})
    app.state.service = service
    app.state.attempts = attempts
    app.state.credential_checks = credentials_page.checks_limiter(service)
    return app
