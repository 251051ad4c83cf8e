"""What the console keeps while it serves: the service, its sign-in limits, the login form's key."""

from __future__ import annotations

import hashlib
import hmac
import secrets
from typing import Any

from starlette.requests import Request
from starlette.responses import Response

from assessor_app.provider.console.accounts import normal_name
from assessor_app.provider.console.rendering import PREFIX
from assessor_app.provider.console.sessions import AccountThrottle
from assessor_app.provider.limits import AttemptLimiter
from assessor_app.provider.service import ProviderService

SESSION_COOKIE = "console_session"
LOGIN_COOKIE = "console_login"  # the signed double-submit token of the sign-in form


class ConsoleState:
    """One per app: the service, the per-address and per-account sign-in limits, a signing key.

    The key signs the sign-in form's double-submit token; it lives as long as the process, so a
    sign-in form opened before a restart is refused once (and given afresh).
    """

    def __init__(self, service: ProviderService):
        config = service.store.config
        self.service = service
        self.key = secrets.token_bytes(32)
        self.addresses = AttemptLimiter(burst=config.console_login_burst,
                                        per_minute=config.console_login_per_minute,
                                        max_addresses=config.auth_tracked_addresses)
        self.accounts = AccountThrottle(failures=config.console_account_failures,
                                        wait_s=config.console_account_wait_s, clock=service.store.clock)

    # ---------------------------------------------------------------- the sign-in form's token
    def _sign(self, nonce: str) -> str:
        return hmac.new(self.key, nonce.encode("ascii"), hashlib.sha256).hexdigest()

    def _valid(self, token: Any) -> bool:
        if not isinstance(token, str) or len(token) > 200 or not token.isascii():
            return False
        nonce, _, signature = token.partition(".")
        expected = self._sign(nonce).encode("ascii")
        return bool(nonce) and hmac.compare_digest(signature.encode("ascii"), expected)

    def login_token(self, request: Request) -> str:
        """The token the sign-in form carries: the cookie's if it is valid, else a new one (set later)."""
        token = request.cookies.get(LOGIN_COOKIE, "")
        if self._valid(token):
            return token
        fresh: str = request.scope.setdefault("console.login_token", "")
        if not fresh:
            nonce = secrets.token_hex(16)
            fresh = f"{nonce}.{self._sign(nonce)}"
            request.scope["console.login_token"] = fresh
        return fresh

    def login_token_valid(self, request: Request, given: Any) -> bool:
        """The form's token equals the cookie's (compared in constant time) and bears our signature."""
        cookie = request.cookies.get(LOGIN_COOKIE, "")
        return (self._valid(cookie) and isinstance(given, str) and given.isascii()
                and hmac.compare_digest(given.encode("ascii"), cookie.encode("ascii")))

    def login_cookie(self, request: Request, response: Response) -> None:
        """Set the sign-in token's cookie if a page handed out a new one."""
        fresh = request.scope.get("console.login_token")
        if fresh:
            set_cookie(request, response, LOGIN_COOKIE, fresh, samesite="strict")

    def account_key(self, name: str) -> str:
        return normal_name(name)[:100]


def state_of(request: Request) -> ConsoleState:
    state: ConsoleState = request.app.state.console
    return state


def client_address(request: Request) -> str:
    """The socket peer, or what a configured trusted proxy says (uvicorn's proxy headers)."""
    return request.client.host if request.client else "unknown"


def set_cookie(request: Request, response: Response, name: str, value: str, *, samesite: str = "lax",
               max_age: int | None = None, httponly: bool = True) -> None:
    """A console cookie: Path=/console, HttpOnly, SameSite, and Secure when served over https."""
    response.set_cookie(name, value, max_age=max_age, path=PREFIX, httponly=httponly,
                        samesite=samesite,  # type: ignore[arg-type]
                        secure=request.url.scheme == "https")


def clear_cookie(request: Request, response: Response, name: str) -> None:
    response.delete_cookie(name, path=PREFIX, httponly=True, samesite="lax",
                           secure=request.url.scheme == "https")
