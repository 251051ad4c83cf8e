"""Signed Open Badges for the verification tests: a provider key, its JWKS, a signed credential, a
signed status list, and a loopback HTTP server that publishes them as the provider would."""

from __future__ import annotations

import base64
import datetime as dt
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from credential_support import BODY, sample_data
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from assessor_app.credentials.data import CredentialData, StatusEntry
from assessor_app.credentials.ob3 import achievement_credential
from assessor_app.credentials.status_list import signed_status_list
from assessor_app.credentials.vc_jwt import issuer_jwks, sign_credential

#: a fixed provider key, so a failing test is reproducible
PROVIDER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(32)))
OTHER_KEY = Ed25519PrivateKey.from_private_bytes(bytes(range(1, 33)))
#: issued in the past whatever the clock says, since the command line verifies against the real time
ISSUED = dt.datetime(2024, 11, 29, 9, 15, tzinfo=dt.UTC)
NOW = dt.datetime(2024, 12, 1, 12, 0, tzinfo=dt.UTC)


def signed(data: CredentialData | None = None, key: Ed25519PrivateKey = PROVIDER_KEY) -> str:
    data = data or sample_data(issued=ISSUED)
    return sign_credential(achievement_credential(data), key, data.awarding_body.jwks_url)


def jwks(*keys: Ed25519PrivateKey) -> dict[str, Any]:
    return issuer_jwks([k.public_key() for k in keys or (PROVIDER_KEY,)])


def b64(obj: Any) -> str:
    raw = json.dumps(obj, separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def unb64(segment: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def with_parts(token: str, header: Any = None, payload: Any = None) -> str:
    """The token with its header or payload replaced and the original signature kept."""
    h, p, s = token.split(".")
    return ".".join([b64(header) if header is not None else h, b64(payload) if payload is not None else p, s])


class _Handler(BaseHTTPRequestHandler):
    routes: dict[str, bytes] = {}

    def do_GET(self) -> None:  # noqa: N802 (the http.server name)
        body = self.routes.get(self.path)
        self.send_response(200 if body is not None else 404)
        self.send_header("Content-Length", str(len(body or b"")))
        self.end_headers()
        self.wfile.write(body or b"")

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet test server
        return


@contextmanager
def provider_site(revoked: tuple[int, ...] = ()) -> Iterator[tuple[str, CredentialData]]:
    """A loopback provider publishing its issuer keys and status list 1 (with ``revoked`` set);
    yields its URL and a credential's data naming that provider and list (index 17)."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), type("Handler", (_Handler,), {"routes": {}}))
    url = f"http://127.0.0.1:{server.server_address[1]}"
    body = replace(BODY, url=url)
    list_url = f"{url}/credentials/status/1"
    data = sample_data(awarding_body=body, status=StatusEntry(list_url, 17), issued=ISSUED)
    server.RequestHandlerClass.routes.update({  # type: ignore[attr-defined]
        "/credentials/issuer/jwks.json": json.dumps(jwks()).encode(),
        "/credentials/status/1": signed_status_list(list_url, body.issuer_id, revoked, NOW, PROVIDER_KEY,
                                                    body.jwks_url).encode(),
    })
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield url, data
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
