"""``assessor provider awarding-body show|set`` and ``assessor provider credentials
check|issue|list|revoke|export|kpis``: the provider's credentials from the command line."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

from assessor_app.i18n import Msg, format_datetime, render
from assessor_app.provider.command_helpers import command_language, language_option, write_whole
from assessor_app.provider.credentials import cli_messages as c_


def _when(us: int | None, language: str) -> str:
    if us is None:
        return "-"
    return format_datetime(dt.datetime.fromtimestamp(us / 1e6, tz=dt.UTC), language)




def cmd_awarding_body(args: argparse.Namespace) -> int:
    from assessor_app.credentials.data import AwardingBody
    from assessor_app.provider.commands import service_for
    from assessor_app.provider.credentials import messages as m_
    from assessor_app.provider.credentials.awarding import awarding_body, set_awarding_body

    language = command_language(args)
    service = service_for(args)
    try:
        if args.body_command == "set":
            body = set_awarding_body(service.store, AwardingBody(
                name=args.name, legal_id=args.legal_id, legal_id_type=args.legal_id_type,
                address=args.address,
                country=args.country, url=args.url, email=args.email or ""), by="cli")
            saved = m_.BODY_SAVED(name=body.name, country=body.country, legal_id=body.legal_id)
            print(render(saved, language))
        body = awarding_body(service.store)
    finally:
        service.close()
    if body is None:
        print(render(m_.BODY_NOT_SET(), language))
        return 1
    print(render(m_.BODY_SHOW(name=body.name, kind=body.legal_id_type, legal_id=body.legal_id,
                              address=body.address, country=body.country, url=body.url,
                              email=body.email or "-", issuer=body.issuer_id), language))
    return 0


def _reasons(reasons: Any, language: str) -> list[str]:
    return ["    - " + render(r, language) for r in reasons]


def cmd_credentials(args: argparse.Namespace) -> int:
    from assessor_app.provider.commands import service_for

    language = command_language(args)
    service = service_for(args)
    try:
        return _COMMANDS[args.credentials_command](service, args, language)
    finally:
        service.close()


def _check(service: Any, args: argparse.Namespace, language: str) -> int:
    from assessor_app.provider.credentials.lookup import resolve_assessment

    device, bundle_id = resolve_assessment(service.store, args.assessment)
    check = service.credentials.check(device, bundle_id)
    if check.issued is not None:
        print(render(c_.ALREADY(credential=check.issued, assessment=bundle_id), language))
        return 0
    if check.moderation is not None:
        print(render(c_.MODERATION(state=check.moderation.message()), language))
    if check.ok:
        print(render(c_.MAY_ISSUE(assessment=bundle_id), language))
        return 0
    print(render(c_.NOT_YET(assessment=bundle_id), language))
    print("\n".join(_reasons(check.refusals, language)))
    return 1


def _issue(service: Any, args: argparse.Namespace, language: str) -> int:
    from assessor_app.provider.credentials.book import Refusal
    from assessor_app.provider.credentials.lookup import resolve_assessment

    if args.all_eligible:
        run = service.credentials.issue_eligible(by="cli", checklist=args.checklist)
        for issued in run.issued:
            row = issued.row
            print(render(c_.ISSUED(credential=row.id, learner=row.learner_id, checklist=row.checklist_id,
                                   assessment=row.bundle_id), language))
        print(render(c_.RUN(issued=len(run.issued), refused=len(run.refused)), language))
        if args.verbose:
            for check in run.refused:
                print(render(c_.NOT_YET(assessment=check.bundle_id), language))
                print("\n".join(_reasons(check.refusals, language)))
        return 0
    if not args.assessment:
        raise SystemExit(render(c_.NAME_ONE(), language))
    failed = 0
    for text in args.assessment:
        device, bundle_id = resolve_assessment(service.store, text)
        try:
            issued = service.credentials.issue(device, bundle_id, by="cli")
        except Refusal as refusal:
            failed += 1
            print(render(c_.NOT_YET(assessment=bundle_id), language))
            print("\n".join(_reasons(refusal.reasons, language)))
            continue
        message = c_.ISSUED if issued.data is not None else c_.ALREADY
        print(render(message(credential=issued.row.id, learner=issued.row.learner_id,
                             checklist=issued.row.checklist_id, assessment=bundle_id), language))
    return 1 if failed else 0


def _list(service: Any, args: argparse.Namespace, language: str) -> int:
    from sqlalchemy import select

    from assessor_app.provider.credentials.models import CredentialRow

    query = select(CredentialRow).order_by(CredentialRow.issued_us.desc(), CredentialRow.id).limit(args.limit)
    if args.learner:
        query = query.where(CredentialRow.learner_id == args.learner)
    if args.checklist:
        query = query.where(CredentialRow.checklist_id == args.checklist)
    with service.store.engine.connect() as conn:
        rows = conn.execute(query).all()
    if not rows:
        print(render(c_.NONE(), language))
    for row in rows:
        status: Msg = (c_.REVOKED(when=_when(row.revoked_us, language)) if row.revoked_us is not None
                       else c_.VALID())
        print(render(c_.LINE(credential=row.id, learner=row.learner_id, checklist=row.checklist_id,
                             version=row.checklist_version, issued=_when(row.issued_us, language),
                             status=status), language))
    return 0


def _revoke(service: Any, args: argparse.Namespace, language: str) -> int:
    row = service.credentials.revoke(args.credential, reason=args.reason, by="cli")
    print(render(c_.REVOKED_NOW(credential=row.id, when=_when(row.revoked_us, language)), language))
    return 0


def _export(service: Any, args: argparse.Namespace, language: str) -> int:
    import json

    from sqlalchemy import select

    from assessor_app.provider.credentials.documents import issuer_jwks
    from assessor_app.provider.credentials.issuer_key import public_keys
    from assessor_app.provider.credentials.models import CredentialRow
    from assessor_app.provider.store import ProviderError

    out = Path(args.out)
    if out.exists() and not out.is_dir():
        raise ProviderError(f"--out {out} is a file, not a folder: give a folder to write into")
    out.mkdir(parents=True, exist_ok=True)
    with service.store.engine.connect() as conn:
        rows = conn.execute(select(CredentialRow).order_by(CredentialRow.issued_us,
                                                           CredentialRow.id)).all()
    for row in rows:
        write_whole(out / f"{row.id}.ob3.jwt", row.ob3_jwt + "\n")
        edc = json.dumps(json.loads(row.edc_json), indent=2, ensure_ascii=False)
        write_whole(out / f"{row.id}.edc.json", edc + "\n")
    jwks = issuer_jwks(public_keys(Path(service.store.config.folder) / "keys"))
    write_whole(out / "issuer.jwks.json", json.dumps(jwks, indent=2) + "\n")
    print(render(c_.EXPORTED(n=len(rows), folder=str(out)), language))
    return 0


def _kpis(service: Any, args: argparse.Namespace, language: str) -> int:
    from assessor_app.provider.credentials.kpis import credential_kpis, kpi_lines

    figures = credential_kpis(service.store)
    print("\n".join(kpi_lines(figures, language, _when(figures.as_of_us, language))))
    return 0


_COMMANDS = {"check": _check, "issue": _issue, "list": _list, "revoke": _revoke, "export": _export,
             "kpis": _kpis}


def register(sub: Any, common: Any) -> Any:
    """Add ``provider awarding-body`` and ``provider credentials``; returns the credentials group's
    subparsers."""

    with_language = language_option(common)

    body = sub.add_parser("awarding-body", help="the awarding body: the provider as a legal entity")
    bsub = body.add_subparsers(dest="body_command", required=True)
    with_language(bsub.add_parser("show", help="show the awarding body"))
    put = with_language(bsub.add_parser("set", help="set the awarding body (once; credentials issued before "
                                                    "keep what they were issued with)"))
    put.add_argument("--name", required=True, help="the legal name")
    put.add_argument("--legal-id", required=True, help="business registration number, VAT number or eIDAS "
                                                       "identifier")
    put.add_argument("--legal-id-type", required=True, choices=("business", "vat", "eidas"))
    put.add_argument("--address", required=True, help="the postal address, one line")
    put.add_argument("--country", required=True, help="two letters: FI, SE, ES, PT...")
    put.add_argument("--url", required=True, help="the provider's public address (https://...), where the "
                                                  "issuer profile, its keys and the status lists are served")
    put.add_argument("--email", help="a contact address for verifiers")
    body.set_defaults(func=cmd_awarding_body)

    credentials = sub.add_parser("credentials", help="micro-credentials: check, issue, list, revoke, export")
    csub = credentials.add_subparsers(dest="credentials_command", required=True)
    check = with_language(csub.add_parser("check", help="say whether an assessment may give its credential, "
                                                        "or every reason why not yet"))
    check.add_argument("assessment", help="<workstation key id>/<bundle id>, a bundle id or an assessment id")
    issue = with_language(csub.add_parser("issue", help="issue the credentials of assessments"))
    issue.add_argument("assessment", nargs="*", help="<workstation key id>/<bundle id>, a bundle id or an "
                                                     "assessment id")
    issue.add_argument("--all-eligible", action="store_true", help="every assessment that may give its "
                                                                   "credential now")
    issue.add_argument("--checklist", help="with --all-eligible: only this checklist's")
    issue.add_argument("--verbose", action="store_true", help="with --all-eligible: why the others may not")
    listing = with_language(csub.add_parser("list", help="list the credentials issued, newest first"))
    listing.add_argument("--learner")
    listing.add_argument("--checklist")
    listing.add_argument("--limit", type=int, default=200)
    revoke = with_language(csub.add_parser("revoke", help="revoke a credential (its status list says so)"))
    revoke.add_argument("credential", help="the credential's id (a UUID)")
    revoke.add_argument("--reason", required=True, help="why (kept with the credential; not published)")
    export = with_language(csub.add_parser("export", help="write every credential as <id>.ob3.jwt and "
                                                          "<id>.edc.json, and the issuer's keys as "
                                                          "issuer.jwks.json"))
    export.add_argument("--out", required=True, help="the folder to write into")
    with_language(csub.add_parser("kpis", help="print the credential figures: completion-to-credential lag, "
                                               "verification success, counts, voluntary participation"))
    credentials.set_defaults(func=cmd_credentials)
    return csub
