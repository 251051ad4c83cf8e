"""The two documents of an issued credential: the Open Badge signed as a VC-JWT, and the European
Digital Credential validated against the ELM shapes before anything is stored."""

from __future__ import annotations

from typing import Any

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from assessor_app.credentials.data import CredentialData


def issue_documents(data: CredentialData, key: Ed25519PrivateKey) -> tuple[str, dict[str, Any]]:
    """(the OB 3.0 VC-JWT, the EDC JSON-LD); Refused when the EDC would not validate."""
    raise NotImplementedError("the credential formats land with the Open Badges and EDC modules")


def issuer_jwks(keys: list[Any]) -> dict[str, Any]:
    """The issuer's public keys as a JWK Set."""
    raise NotImplementedError("the credential formats land with the Open Badges and EDC modules")
