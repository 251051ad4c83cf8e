"""Talking to the provider over HTTP (httpx): enrollment, device tokens, receipts, reconciliation.

Errors are sorted for the sync worker: ``ProviderUnreachable`` and ``TransientError`` mean
"try again later" (backoff); any other ``SyncError`` is an answer that retrying will not change.
"""

from __future__ import annotations

import secrets
import threading
import time
from collections.abc import Iterator
from typing import Any

import httpx

from assessor_app.errors import AssessorError
from assessor_app.evidence.keys import SigningKey
from assessor_app.sync.protocol import bind_message, enroll_message, token_message


class SyncError(AssessorError):
    """The provider refused or answered something unusable; the message says what."""

    def __init__(self, message: str, status: int | None = None):
        super().__init__(message)
        self.status = status


class TransientError(SyncError):
    """Worth retrying later: a cut connection, a timeout, a 5xx, a busy upload."""


class ProviderUnreachable(TransientError):
    """The provider cannot be reached at all."""


class DeviceRevoked(SyncError):
    """The provider revoked this workstation: nothing is delivered until it is enrolled again."""


def _code(response: httpx.Response) -> str | None:
    """The provider's word for the refusal (``device_revoked``...), if it gave one."""
    try:
        body = response.json()
    except ValueError:
        return None
    return str(body["code"]) if isinstance(body, dict) and isinstance(body.get("code"), str) else None


def _reason(response: httpx.Response) -> str:
    if response.request.method == "HEAD":
        return response.headers.get("assessor-error", f"HTTP {response.status_code}")
    try:
        body = response.json()
        if isinstance(body, dict) and isinstance(body.get("error") or body.get("reason"), str):
            return str(body.get("error") or body.get("reason"))
    except ValueError:
        pass  # not JSON: fall back to the status line below
    return f"HTTP {response.status_code} {response.reason_phrase}"


def raise_for(response: httpx.Response, what: str) -> None:
    """Turn a non-success answer into the right error class, with the provider's reason."""
    status = response.status_code
    if status < 400:
        return
    message = f"{what}: the provider answered {status}: {_reason(response)}"
    if status >= 500 or status in (408, 423, 429):
        raise TransientError(message, status)
    if status == 403 and response.request.method != "HEAD" and _code(response) == "device_revoked":
        raise DeviceRevoked(_reason(response), status)
    raise SyncError(message, status)


class ProviderClient:
    """One provider, one device key. Thread-safe enough for one sync worker plus the window."""

    def __init__(self, url: str, device: SigningKey, *, provider_key_id: str | None = None,
                 timeout: float = 30.0, transport: httpx.BaseTransport | None = None):
        self.url = url.rstrip("/")
        self.device = device
        self.provider_key_id = provider_key_id
        self.http = httpx.Client(
            base_url=self.url, transport=transport, follow_redirects=False,
            timeout=httpx.Timeout(timeout, connect=min(timeout, 5.0)),
            headers={"User-Agent": "assessor-sync/1"})
        self._token: tuple[str, float] | None = None
        self._lock = threading.Lock()

    def close(self) -> None:
        self.http.close()

    # ------------------------------------------------------------ plain requests
    def send(self, method: str, path: str, *, auth: bool = True, **kwargs: Any) -> httpx.Response:
        """One request; network failures become ``ProviderUnreachable``/``TransientError``."""
        headers = dict(kwargs.pop("headers", {}) or {})
        for attempt in (1, 2):
            if auth:
                headers["Authorization"] = f"Bearer {self.token(refresh=attempt == 2)}"
            try:
                response = self.http.request(method, path, headers=headers, **kwargs)
            except httpx.ConnectError as exc:
                raise ProviderUnreachable(f"the provider at {self.url} cannot be reached: {exc}") from exc
            except httpx.TransportError as exc:
                raise TransientError(f"the connection to {self.url} failed during {method} {path}: "
                                     f"{exc!r}") from exc
            # a streamed body cannot be sent twice; bytes can
            replayable = isinstance(kwargs.get("content"), bytes | None)
            if response.status_code != 401 or not auth or attempt == 2 or not replayable:
                return response
        return response

    def health(self) -> dict[str, Any]:
        response = self.send("GET", "/health", auth=False)
        raise_for(response, "health check")
        return dict(response.json())

    def reachable(self) -> bool:
        try:
            self.health()
        except TransientError:
            return False
        return True

    # ------------------------------------------------------------ identity
    def enroll(self, code: str, workshop_id: str | None = None) -> dict[str, Any]:
        """Register this workstation's key with a one-time code; returns the provider's answer.

        The code names the workshop; ``workshop_id``, when given, is checked against it.
        """
        key_id = self.device.fingerprint
        signature = self.device.signer.sign(enroll_message(code, key_id)).signature
        body = {"code": code, "device_public_key": self.device.public_pem(), "signature": signature}
        if workshop_id:
            body["workshop_id"] = workshop_id
        response = self.send("POST", "/enroll", auth=False, json=body)
        raise_for(response, "enrollment")
        return dict(response.json())

    def bind_assessor(self, assessor: SigningKey, assessor_id: str, code: str) -> dict[str, Any]:
        """Bind an assessor's personal key to their record at the provider (one-time assessor code)."""
        if self.provider_key_id is None:
            raise SyncError("this workstation is not enrolled with the provider (no provider key)")
        message = bind_message(self.provider_key_id, assessor_id, code, assessor.fingerprint,
                               self.device.fingerprint)
        response = self.send("POST", "/assessors/bind", json={
            "assessor_id": assessor_id, "code": code, "public_key": assessor.public_pem(),
            "signature": assessor.signer.sign(message).signature})
        raise_for(response, f"binding assessor {assessor_id}'s key")
        return dict(response.json()["assessor"])

    def status(self) -> dict[str, Any]:
        """This workstation's standing, its workshop and that workshop's assessors, as the provider says."""
        response = self.send("GET", "/status")
        raise_for(response, "asking the provider for this workstation's status")
        return dict(response.json())

    def token(self, refresh: bool = False) -> str:
        """A bearer token, asked for with a fresh signed nonce when none is held or it expires."""
        with self._lock:
            if self._token is not None and not refresh and time.monotonic() < self._token[1]:
                return self._token[0]
            if self.provider_key_id is None:
                raise SyncError("this workstation is not enrolled with the provider (no provider key)")
            key_id = self.device.fingerprint
            timestamp, nonce = int(time.time()), secrets.token_hex(16)
            signature = self.device.signer.sign(
                token_message(self.provider_key_id, key_id, timestamp, nonce)).signature
            response = self.send("POST", "/auth/token", auth=False, json={
                "key_id": key_id, "timestamp": timestamp, "nonce": nonce, "signature": signature})
            raise_for(response, "signing in")
            body = response.json()
            self._token = (str(body["token"]), time.monotonic() + max(1, int(body["expires_in"]) - 30))
            return self._token[0]

    # ------------------------------------------------------------ receipts, reconciliation
    def receipt(self, bundle_id: str) -> dict[str, Any] | None:
        """The provider's receipt for a bundle it holds, or None if it holds no such bundle."""
        response = self.send("GET", f"/bundles/{bundle_id}/receipt")
        if response.status_code == 404:
            return None
        raise_for(response, f"the receipt for bundle {bundle_id}")
        return dict(response.json())

    def reconcile(self, digest: str) -> dict[str, Any]:
        response = self.send("POST", "/reconcile", json={"digest": digest})
        raise_for(response, "reconciliation")
        return dict(response.json())

    def held_bundles(self) -> Iterator[tuple[str, str]]:
        """Every ``(bundle id, manifest sha256)`` the provider holds for this workshop."""
        after = ""
        while True:
            response = self.send("GET", "/bundles", params={"after": after, "limit": 1000})
            raise_for(response, "listing the provider's bundles")
            body = response.json()
            for item in body["bundles"]:
                yield item["bundle_id"], item["manifest_sha256"]
            if not body.get("next"):
                return
            after = body["next"]

    # ------------------------------------------------------------ moderation feedback
    def feedback(self) -> dict[str, Any] | None:
        """This workstation's undelivered moderation feedback (a signed batch), or None when the
        provider has no such endpoint (a provider from before moderation)."""
        response = self.send("GET", "/moderation/feedback")
        if response.status_code == 404:
            return None
        raise_for(response, "fetching moderation feedback")
        body = response.json()
        if not isinstance(body, dict) or not isinstance(body.get("feedback"), dict):
            raise SyncError("fetching moderation feedback: the provider's answer holds no signed batch")
        return body

    def acknowledge_feedback(self, ids: list[int]) -> dict[str, Any]:
        """Tell the provider these feedback items are stored here: it does not send them again."""
        response = self.send("POST", "/moderation/feedback/ack", json={"ids": ids})
        raise_for(response, "acknowledging moderation feedback")
        return dict(response.json())

    # ------------------------------------------------------------ credentials
    def eligibility(self, limit: int) -> bytes | None:
        """The provider's answer with its signed eligibility list, as bytes of at most ``limit`` (a
        longer answer is refused while it arrives), or None when the provider has no such endpoint
        (a provider from before micro-credentials)."""
        path = "/credentials/eligibility"
        for attempt in (1, 2):
            request = self.http.build_request("GET", path, headers={
                "Authorization": f"Bearer {self.token(refresh=attempt == 2)}"})
            try:
                response = self.http.send(request, stream=True)
            except httpx.ConnectError as exc:
                raise ProviderUnreachable(f"the provider at {self.url} cannot be reached: {exc}") from exc
            except httpx.TransportError as exc:
                raise TransientError(f"the connection to {self.url} failed during GET {path}: "
                                     f"{exc!r}") from exc
            try:
                if response.status_code == 401 and attempt == 1:
                    continue
                if response.status_code == 404:
                    return None
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > limit:
                        raise SyncError(f"fetching the eligibility list: the provider's answer is larger "
                                        f"than "
                                        f"{limit} bytes")
                if response.status_code >= 400:
                    said = httpx.Response(response.status_code, headers=response.headers, content=bytes(body),
                                          request=request)
                    raise_for(said, "fetching the eligibility list")
                return bytes(body)
            except httpx.TransportError as exc:
                raise TransientError(f"the connection to {self.url} failed during GET {path}: "
                                     f"{exc!r}") from exc
            finally:
                response.close()
        raise SyncError("fetching the eligibility list: the provider refused the sign-in twice", 401)
