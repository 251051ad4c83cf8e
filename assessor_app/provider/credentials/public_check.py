"""The check behind the public page a certificate's QR code opens: is this credential one the provider
issued, is its stored signature good under the issuer's published key, and is it revoked?

Every check is logged (``credential_verifications``: the id asked, when, the result) for the
verification-success figure; the id must look like a UUID before anything is read.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from sqlalchemy import insert, select

from assessor_app.credentials import vc_jwt
from assessor_app.credentials.data import CredentialData
from assessor_app.i18n import Msg
from assessor_app.provider.credentials.issuer_key import public_keys
from assessor_app.provider.credentials.models import CredentialRow, VerificationLog
from assessor_app.provider.credentials.restate import stated
from assessor_app.provider.credentials.rules import IssuanceRules
from assessor_app.provider.store import ProviderStore

Result = Literal["valid", "revoked", "invalid", "unknown"]
Signature = Literal["verified", "failed", "not_checked"]  # not_checked: no credential to check
_UUID = re.compile(r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}")


def credential_id(text: str) -> str | None:
    """``text`` as a credential id (a UUID, lower case), or None when it cannot be one."""
    return text.lower() if _UUID.fullmatch(text) else None


@dataclass(frozen=True)
class PublicCheck:
    credential_id: str
    result: Result
    signature: Signature
    row: Any = None  # the credentials row, when there is one
    data: CredentialData | None = None  # what it states, when that can still be read
    problem: Msg | None = None  # why the signature did not verify


def _signature(row: Any, keys_dir: Path, now_us: int) -> tuple[Signature, Msg | None]:
    """The stored VC-JWT verified with the issuer's published keys."""
    jwks = vc_jwt.issuer_jwks(public_keys(keys_dir))
    try:
        verified = vc_jwt.verify_jwt(row.ob3_jwt, jwks, now=dt.datetime.fromtimestamp(now_us / 1e6, dt.UTC))
    except (vc_jwt.NotAJwt, vc_jwt.CredentialInvalid) as exc:
        first = exc.messages[0] if exc.messages else None
        return "failed", first if isinstance(first, Msg) else None
    if verified.credential.get("id") != f"urn:uuid:{row.id}":
        return "failed", None
    return "verified", None


def check_credential(store: ProviderStore, rules: IssuanceRules, keys_dir: Path, ident: str) -> PublicCheck:
    """The check of the credential ``ident`` (a UUID, see ``credential_id``), logged."""
    with store.engine.connect() as conn:
        row = conn.execute(select(CredentialRow).where(CredentialRow.id == ident)).first()
    if row is None:
        found = PublicCheck(ident, "unknown", "not_checked")
    else:
        signature, problem = _signature(row, keys_dir, store.clock())
        result: Result = ("invalid" if signature == "failed"
                          else "revoked" if row.revoked_us is not None else "valid")
        found = PublicCheck(ident, result, signature, row, stated(store, rules, row), problem)
    with store.writer.begin() as conn:
        conn.execute(insert(VerificationLog).values(credential_id=ident, checked_us=store.clock(),
                                                    result=found.result))
    return found
