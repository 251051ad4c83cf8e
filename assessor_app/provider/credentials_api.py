"""Credentials over HTTP: for enrolled workstations, the signed eligibility list (who holds which
credential, so a gated checklist is refused to a learner without its prerequisites); for anyone, what
a verifier fetches: the issuer's Profile, its public keys and the revocation status lists."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from assessor_app.i18n import render
from assessor_app.provider.credentials.awarding import awarding_body
from assessor_app.provider.credentials.documents import issuer_jwks, issuer_profile, status_list_jwt
from assessor_app.provider.credentials.eligibility import eligibility_statement, signed_eligibility
from assessor_app.provider.credentials.issuer_key import public_keys
from assessor_app.provider.credentials.messages import BODY_NOT_SET

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


# ---------------------------------------------------------------- public: what verifiers fetch
def _public_json(document: Any) -> Response:
    # anyone may read these; a day's caching is fine for the profile and keys
    return JSONResponse(document, headers={"Cache-Control": "public, max-age=3600",
                                           "Access-Control-Allow-Origin": "*"})


def _not_set() -> Response:
    return JSONResponse({"error": "no_issuer", "message": render(BODY_NOT_SET(), "en")}, status_code=404)


async def issuer(request: Request) -> Response:
    """The issuer's Open Badges Profile (its id is this URL under the awarding body's public address)."""
    body = await run_in_threadpool(awarding_body, _service(request).store)
    return _public_json(issuer_profile(body)) if body is not None else _not_set()


async def issuer_keys(request: Request) -> Response:
    """The issuer's public keys (JWK Set); a credential's header names its key by thumbprint."""
    service = _service(request)
    keys = await run_in_threadpool(public_keys, Path(service.store.config.folder) / "keys")
    return _public_json(issuer_jwks(keys))


async def status_list(request: Request) -> Response:
    """A revocation status list (Bitstring Status List) as a VC-JWT signed by the issuer key: never
    cached for long, so a revocation is seen within a minute."""
    service = _service(request)
    number = request.path_params["number"]
    body = await run_in_threadpool(awarding_body, service.store)
    if body is None:
        return _not_set()
    if number not in await run_in_threadpool(service.credentials.status_lists):
        return JSONResponse({"error": "no_status_list", "message": f"there is no status list {number}"},
                            status_code=404)

    def make() -> str:
        revoked = service.credentials.revoked_indexes(number)
        return status_list_jwt(body, number, revoked, service.credentials.key(), service.store.clock())

    token = await run_in_threadpool(make)
    return Response(token, media_type="application/vc+jwt",
                    headers={"Cache-Control": "public, max-age=60", "Access-Control-Allow-Origin": "*"})
