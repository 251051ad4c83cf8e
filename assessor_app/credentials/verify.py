"""Verify one Open Badges 3.0 credential file: who issued what to whom, for which evidence, when;
whether its signature verifies against the issuer's keys; whether it is revoked.

Offline it needs the issuer's published keys (the JWKS file the provider exports or serves); the
revocation status then stays unknown. With ``fetch`` (a callable for online look-ups, e.g.
:func:`http_fetch`) it reads the issuer's keys at ``<iss>/jwks.json`` when none are given, and the
status list the credential names. A look-up that fails leaves the answer "could not be checked",
never a crash."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from assessor_app.credentials import verify_messages as vm
from assessor_app.credentials.ob3 import identity_hash
from assessor_app.credentials.status_list import StatusUnknown, revoked_in
from assessor_app.credentials.vc_jwt import CredentialInvalid, NotAJwt, read_unverified, verify_jwt
from assessor_app.errors import AssessorError
from assessor_app.i18n import Msg, render

#: a credential file larger than this is not a credential
MAX_FILE_BYTES = 2 * 1024 * 1024
#: the most an online look-up (keys, a status list) may answer
MAX_FETCH_BYTES = 4 * 1024 * 1024
#: seconds an online look-up may take
FETCH_TIMEOUT_S = 5.0

Fetch = Callable[[str], bytes]


class FetchError(AssessorError):
    """An online look-up failed (unreachable, refused, not found): its message says how."""


def http_fetch(url: str, timeout: float = FETCH_TIMEOUT_S) -> bytes:
    """GET ``url`` with a short timeout; :class:`FetchError` for any failure."""
    import httpx

    if not url.startswith(("https://", "http://")):
        raise FetchError(vm.NOT_HTTP(url=url[:120]))
    try:
        with httpx.stream("GET", url, timeout=timeout, follow_redirects=True) as response:
            if response.status_code != 200:
                raise FetchError(vm.HTTP_STATUS(status=response.status_code))
            body = bytearray()
            for chunk in response.iter_bytes():
                body += chunk
                if len(body) > MAX_FETCH_BYTES:  # a status list is 16 KiB compressed; keys far less
                    raise FetchError(vm.TOO_LARGE(url=url[:120], limit=MAX_FETCH_BYTES))
    except httpx.HTTPError as exc:
        raise FetchError(str(exc) or type(exc).__name__) from exc
    return bytes(body)


@dataclass
class CredentialReport:
    """What one credential file says and what could be verified of it."""

    path: str
    credential_id: str = ""
    issuer_id: str = ""
    issuer_name: str = ""
    title: str = ""
    achievement_id: str = ""
    subject_hash: str = ""
    identity_type: str = ""
    bundle_id: str = ""
    manifest_sha256: str = ""
    issued: str = ""
    kid: str = ""
    signature: str = "unchecked"  # valid | invalid | unchecked
    signature_reason: Msg | None = None
    status: str = "none"  # not_revoked | revoked | unknown | none
    status_reason: Msg | None = None
    status_list: str = ""
    learner: str | None = None  # matches | differs (with --learner-id)
    learner_id: str = ""
    salt: str = ""
    credential: dict[str, Any] = field(default_factory=dict, repr=False)

    @property
    def ok(self) -> bool:
        """Signed by the issuer, not revoked (as far as could be checked), for this learner if named."""
        return self.signature == "valid" and self.status != "revoked" and self.learner != "differs"

    @property
    def exit_code(self) -> int:
        return 0 if self.ok else 1

    def to_dict(self, language: str = "en") -> dict[str, Any]:
        def reason(msg: Msg | None) -> dict[str, Any] | None:
            return None if msg is None else {"code": msg.code, "text": render(msg, language)}

        return {
            "file": self.path, "valid": self.ok, "credential": self.credential_id,
            "issuer": {"id": self.issuer_id, "name": self.issuer_name},
            "achievement": {"id": self.achievement_id, "name": self.title},
            "subject": {"identityHash": self.subject_hash, "identityType": self.identity_type,
                        "learnerId": self.learner_id or None, "learnerMatches": (
                            None if self.learner is None else self.learner == "matches")},
            "evidence": {"bundleId": self.bundle_id or None, "manifestSha256": self.manifest_sha256 or None},
            "issued": self.issued, "kid": self.kid or None,
            "signature": {"result": self.signature, "reason": reason(self.signature_reason)},
            "revocation": {"result": self.status, "statusList": self.status_list or None,
                           "reason": reason(self.status_reason)},
        }


def read_token(path: Path) -> str:
    """The compact JWS in a ``.ob3.jwt`` file, or in a JSON file holding it as a string;
    :class:`NotAJwt` names what is wrong with any other file."""
    shown = str(path)
    if not path.exists():
        raise NotAJwt(vm.NO_SUCH_FILE(path=shown))
    if not path.is_file():
        raise NotAJwt(vm.NOT_A_FILE(path=shown))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise NotAJwt(vm.TOO_BIG(path=shown, size=size))
        text = path.read_bytes().decode("utf-8-sig").strip()
    except UnicodeDecodeError as exc:
        raise NotAJwt(vm.NOT_TEXT(path=shown)) from exc
    except OSError as exc:
        raise NotAJwt(vm.UNREADABLE(path=shown, reason=exc.strerror or type(exc).__name__)) from exc
    if text[:1] in ('"', "{", "["):
        try:
            found = json.loads(text)
        except ValueError as exc:
            raise NotAJwt(vm.JSON_NOT_JWT(path=shown)) from exc
        if isinstance(found, Mapping) and "credentialSubject" in found:
            raise NotAJwt(vm.UNSIGNED_JSON(path=shown))
        if not isinstance(found, str):
            raise NotAJwt(vm.JSON_NOT_JWT(path=shown))
        text = found.strip()
    return text


def read_jwks(path: Path) -> dict[str, Any]:
    """The issuer's keys from a JWKS file; :class:`NotAJwt` (bad input) names the problem."""
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise NotAJwt(vm.NO_SUCH_FILE(path=str(path))) from exc
    except (OSError, UnicodeDecodeError, ValueError) as exc:
        raise NotAJwt(vm.JWKS_UNREADABLE(path=str(path), reason=type(exc).__name__)) from exc
    if not isinstance(found, dict) or not isinstance(found.get("keys"), list):
        raise NotAJwt(vm.JWKS_UNREADABLE(path=str(path), reason="no \"keys\" list"))
    return found


def _describe(report: CredentialReport, payload: Mapping[str, Any]) -> None:
    """Fill in what the credential says (before, and whatever, its signature says)."""
    def get(obj: Any, *keys: str | int) -> Any:
        for key in keys:
            if isinstance(obj, Mapping) and isinstance(key, str):
                obj = obj.get(key)
            elif isinstance(obj, list) and isinstance(key, int) and len(obj) > key:
                obj = obj[key]
            else:
                return None
        return obj

    def text(*keys: str | int) -> str:
        found = get(payload, *keys)
        return found if isinstance(found, str) else ""

    issuer = payload.get("issuer")
    report.credential_id = text("id")
    report.issuer_id = issuer if isinstance(issuer, str) else text("issuer", "id")
    report.issuer_name = text("issuer", "name")
    report.achievement_id = text("credentialSubject", "achievement", "id")
    report.title = text("credentialSubject", "achievement", "name") or text("name")
    report.subject_hash = text("credentialSubject", "identifier", 0, "identityHash")
    report.identity_type = text("credentialSubject", "identifier", 0, "identityType")
    report.bundle_id = text("evidence", 0, "bundleId")
    report.manifest_sha256 = text("evidence", 0, "manifestSha256")
    report.issued = text("validFrom")
    report.status_list = text("credentialStatus", "statusListCredential")
    report.salt = text("credentialSubject", "identifier", 0, "salt")


def _first(exc: AssessorError) -> Msg | None:
    found = exc.messages[0] if exc.messages else None
    return found if isinstance(found, Msg) else None


def _keys(report: CredentialReport, jwks: Mapping[str, Any] | None,
          fetch: Fetch | None) -> Mapping[str, Any] | None:
    if jwks is not None:
        return jwks
    if fetch is None or not report.issuer_id:
        report.signature_reason = vm.NO_KEYS()
        return None
    url = report.issuer_id.rstrip("/") + "/jwks.json"
    try:
        found = json.loads(fetch(url))
    except FetchError as exc:
        report.signature_reason = vm.KEYS_UNREACHABLE(url=url, reason=exc.messages[0] if exc.messages else "")
        return None
    except ValueError:
        found = None
    if not isinstance(found, dict) or not isinstance(found.get("keys"), list):
        report.signature_reason = vm.KEYS_NOT_JWKS(url=url)
        return None
    return found


def _status(report: CredentialReport, keys: Mapping[str, Any], fetch: Fetch | None,
            now: dt.datetime | None) -> None:
    entry = report.credential.get("credentialStatus")
    if not isinstance(entry, Mapping):
        return
    report.status = "unknown"
    if fetch is None:
        report.status_reason = vm.OFFLINE()
        return
    url = report.status_list
    try:
        token = fetch(url).decode("utf-8").strip()
        revoked = revoked_in(entry, token, keys, report.issuer_id, now=now)
    except FetchError as exc:
        report.status_reason = vm.LIST_UNREACHABLE(url=url, reason=exc.messages[0] if exc.messages else "")
        return
    except StatusUnknown as exc:
        report.status_reason = _first(exc)
        return
    except NotAJwt as exc:
        report.status_reason = vm.LIST_INVALID(reason=_first(exc))
        return
    except UnicodeDecodeError:
        report.status_reason = vm.LIST_INVALID(reason=vm.NOT_TEXT(path=url))
        return
    report.status = "revoked" if revoked else "not_revoked"


def verify_credential_file(path: Path | str, jwks: Mapping[str, Any] | None = None,
                           fetch: Fetch | None = None, learner_id: str | None = None,
                           now: dt.datetime | None = None) -> CredentialReport:
    """Verify the credential in ``path`` (a ``.ob3.jwt`` file). Raises :class:`NotAJwt` for a file that
    holds no signed credential (bad input); anything else is in the report."""
    path = Path(path)
    return verify_credential(read_token(path), jwks=jwks, fetch=fetch, learner_id=learner_id, now=now,
                             source=str(path))


def verify_credential(token: str, jwks: Mapping[str, Any] | None = None, fetch: Fetch | None = None,
                      learner_id: str | None = None, now: dt.datetime | None = None,
                      source: str = "") -> CredentialReport:
    """Verify one credential given as its VC-JWT text (what a ``.ob3.jwt`` file holds); ``source``
    names where it came from in the report. :class:`NotAJwt` for text that is no signed credential."""
    _header, payload = read_unverified(token)
    if not isinstance(payload.get("credentialSubject"), Mapping) or not payload.get("issuer"):
        raise NotAJwt(vm.NOT_A_CREDENTIAL())
    report = CredentialReport(source, credential=payload)
    _describe(report, payload)
    if learner_id is not None:
        report.learner_id = learner_id
        wanted = identity_hash(learner_id, report.salt)
        report.learner = "matches" if report.subject_hash.lower() == wanted.lower() else "differs"
    keys = _keys(report, jwks, fetch)
    if keys is None:
        report.status = "unknown" if "credentialStatus" in payload else "none"
        report.status_reason = vm.SIGNATURE_UNKNOWN_FIRST() if "credentialStatus" in payload else None
        return report
    try:
        verified = verify_jwt(token, keys, now=now)
    except CredentialInvalid as exc:
        report.signature = "invalid"
        report.signature_reason = _first(exc)
        if "credentialStatus" in payload:
            report.status, report.status_reason = "unknown", vm.SIGNATURE_FIRST()
        return report
    report.signature, report.kid = "valid", verified.thumbprint
    _status(report, keys, fetch, now)
    return report
