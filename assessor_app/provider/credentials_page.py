"""The public page a certificate's QR code opens: ``GET /credentials/{id}``, no sign-in.

It checks the stored credential (its VC-JWT's signature under the issuer's published key, and
revocation) and says valid, revoked (when, never why) or unknown; it shows the title, the awarding
body, the date of issue, the learner's name (the holder shares it by sharing the code), the
evidence's manifest SHA-256 and links to the issuer's profile and keys. Each check is logged for the
verification-success figure. Checks are counted per client address as the console's sign-ins are,
so the page cannot be used to try ids in bulk; an id that is no UUID is answered 404 without a
look-up. The page uses the console's layout; its language is ``?lang=`` or the browser's.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from assessor_app.credentials.data import text_in
from assessor_app.i18n import LANGUAGES, Msg
from assessor_app.provider.console import credential_messages as C
from assessor_app.provider.console.errors import SECURITY_HEADERS
from assessor_app.provider.console.rendering import Formats, accepted_language, render_page
from assessor_app.provider.credentials.public_check import PublicCheck, check_credential, credential_id
from assessor_app.provider.limits import AttemptLimiter

if TYPE_CHECKING:
    from assessor_app.provider.service import ProviderService


def _language(request: Request) -> str:
    chosen = request.query_params.get("lang", "")
    return chosen if chosen in LANGUAGES else accepted_language(request.headers.get("accept-language", ""))


def _page(request: Request, language: str, check: PublicCheck | None, *, status: int = 200,
          message: Msg | None = None, headers: dict[str, str] | None = None) -> Response:
    def tx(texts: Any) -> str:
        return text_in(texts, language) if texts else ""

    path = request.url.path
    body = render_page("credential_public.html", {
        "language": language, "fmt": Formats(language), "csrf_field": lambda: "", "user": None,
        "role_name": "", "nav": [], "here": path, "next_here": "", "request": request,
        "public_language_base": path, "C": C, "check": check, "message": message, "tx": tx})
    return HTMLResponse(body, status_code=status, headers={**SECURITY_HEADERS, "cache-control": "no-store",
                                                           **(headers or {})})


def limiter_of(request: Request) -> AttemptLimiter:
    limiter: AttemptLimiter = request.app.state.credential_checks
    return limiter


async def credential_page(request: Request) -> Response:
    """The public check of one credential."""
    language = _language(request)
    ident = credential_id(str(request.path_params.get("credential_id", "")))
    if ident is None:
        return _page(request, language, None, status=404, message=C.PUBLIC_NOT_FOUND())
    client = request.client
    wait = limiter_of(request).attempt(client.host if client else None)
    if wait:
        return _page(request, language, None, status=429, message=C.PUBLIC_WAIT(n=wait),
                     headers={"Retry-After": str(wait)})
    service: ProviderService = request.app.state.service
    book = service.credentials
    check = await run_in_threadpool(check_credential, service.store, book.rules,
                                    Path(service.store.config.folder) / "keys", ident)
    return _page(request, language, check, status=404 if check.result == "unknown" else 200)


def checks_limiter(service: ProviderService) -> AttemptLimiter:
    """Checks per client address: the console's sign-in limits."""
    config = service.store.config
    return AttemptLimiter(burst=config.console_login_burst, per_minute=config.console_login_per_minute,
                          max_addresses=config.auth_tracked_addresses)
