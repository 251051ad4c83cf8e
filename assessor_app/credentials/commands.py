"""``assessor credential verify FILE``: who issued which micro-credential to whom, for which evidence,
whether its signature verifies against the issuer's keys and whether it is revoked.

Exit status: 0 valid and not revoked, 1 invalid, revoked, not for the learner named or not checkable,
2 bad input (no such file, not a JWT, not a JWKS)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import Any

from assessor_app.credentials import verify_messages as vm
from assessor_app.i18n import LANGUAGES, Msg, format_datetime, render


def register(subparsers: Any) -> Any:
    """Add the ``credential`` group to the ``assessor`` command's subparsers."""
    credential = subparsers.add_parser("credential", help="micro-credentials: verify an Open Badge")
    csub = credential.add_subparsers(dest="credential_command", required=True)
    verify = csub.add_parser(
        "verify", help="verify an Open Badges 3.0 credential (.ob3.jwt): issuer, learner, evidence, "
                       "signature, revocation")
    verify.add_argument("file",
                        help="the credential: a .ob3.jwt file (or a JSON file holding the JWT string)")
    verify.add_argument("--jwks", metavar="FILE", help="the issuer's published keys (issuer.jwks.json)")
    verify.add_argument("--online", action="store_true",
                        help="fetch the issuer's keys (when --jwks is not given) and the revocation "
                             "status list")
    verify.add_argument("--learner-id", metavar="ID",
                        help="check that the credential was issued to the learner with this id")
    verify.add_argument("--language", choices=LANGUAGES,
                        help="the language of what it prints (default: the one in the app's settings, "
                             "else en)")
    verify.add_argument("--json", action="store_true", help="print the report as JSON")
    verify.set_defaults(func=cmd_verify)
    return csub


def _language(args: argparse.Namespace) -> str:
    if args.language:
        return str(args.language)
    from assessor_app.settings import load_settings

    chosen = load_settings().language
    return chosen if chosen in LANGUAGES else "en"


def cmd_verify(args: argparse.Namespace) -> int:
    from assessor_app.credentials.vc_jwt import NotAJwt
    from assessor_app.credentials.verify import http_fetch, read_jwks, verify_credential_file

    language = _language(args)
    try:
        jwks = read_jwks(Path(args.jwks)) if args.jwks else None
        report = verify_credential_file(Path(args.file), jwks=jwks, fetch=http_fetch if args.online else None,
                                        learner_id=args.learner_id)
    except NotAJwt as exc:
        print(f"assessor: {exc.text(language)}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(report.to_dict(language), indent=2, ensure_ascii=False))
        return report.exit_code
    for line in report_lines(report, language):
        print(render(line, language))
    return report.exit_code


def _when(iso: str, language: str) -> str:
    try:
        moment = dt.datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return iso
    return format_datetime(moment, language, tz=dt.UTC)


def report_lines(report: Any, language: str) -> list[Msg]:
    """The report as messages, one a line, in the order a person reads it."""
    lines: list[Msg] = [
        vm.CREDENTIAL(id=report.credential_id or "-"),
        vm.ISSUED_BY(issuer=report.issuer_name or "-", issuer_id=report.issuer_id or "-"),
        vm.ACHIEVEMENT(title=report.title or "-", achievement=report.achievement_id or "-"),
        vm.LEARNER(hash=report.subject_hash or "-", type=report.identity_type or "-"),
    ]
    if report.learner == "matches":
        lines.append(vm.LEARNER_MATCHES(id=report.learner_id))
    elif report.learner == "differs":
        lines.append(vm.LEARNER_DIFFERS(id=report.learner_id))
    lines.append(vm.EVIDENCE(bundle=report.bundle_id, sha256=report.manifest_sha256)
                 if report.bundle_id or report.manifest_sha256 else vm.NO_EVIDENCE())
    lines.append(vm.ISSUED_ON(when=_when(report.issued, language) if report.issued else "-"))
    if report.signature == "valid":
        lines.append(vm.SIGNATURE_VALID(kid=report.kid))
    elif report.signature == "invalid":
        lines.append(vm.SIGNATURE_INVALID(reason=report.signature_reason or "-"))
    else:
        lines.append(vm.SIGNATURE_UNCHECKED(reason=report.signature_reason or "-"))
    if report.status == "not_revoked":
        lines.append(vm.NOT_REVOKED(url=report.status_list))
    elif report.status == "revoked":
        lines.append(vm.REVOKED(url=report.status_list))
    elif report.status == "unknown":
        lines.append(vm.STATUS_UNKNOWN(reason=report.status_reason or "-"))
    else:
        lines.append(vm.NO_STATUS())
    lines.append(vm.VALID() if report.ok else vm.NOT_VALID())
    return lines
