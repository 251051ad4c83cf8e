"""``assessor provider quarantine list|retry``: refused bundles, and a retry for provider-side faults."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any


def _when(us: int | None) -> str:
    return "-" if us is None else dt.datetime.fromtimestamp(us / 1e6).strftime("%Y-%m-%d %H:%M")


def _day(value: str | None) -> dt.date | None:
    from assessor_app.provider.store import ProviderError

    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ProviderError(f"a day is written YYYY-MM-DD, not {value[:40]!r}") from None


def _show(e: Any) -> list[str]:
    side = "provider side" if e.kind == "provider" else "the bundle's own fault"
    lines = [f"  #{e.id}  {_when(e.received_us)}  {e.bundle_id or '-'}  workshop {e.workshop_id or '-'}  "
             f"[{side}]  from {e.source}: {e.reason}"]
    if e.retry_of is not None:
        lines.append(f"       a retry of #{e.retry_of}")
    if not e.is_open:
        lines.append(f"       resolved {_when(e.resolved_us)}: {e.resolution} by {e.resolved_by or '-'}")
    elif e.retryable:
        lines.append(f"       retry: assessor provider quarantine retry {e.id}")
    return lines


def cmd_quarantine(args: argparse.Namespace) -> int:
    from assessor_app.i18n import render
    from assessor_app.provider.commands import service_for
    from assessor_app.provider.quarantine import BY_COMMAND_LINE, day_bounds_us, outcome_message
    from assessor_app.provider.store import Refused

    service = service_for(args)
    try:
        book = service.quarantine
        if args.quarantine_command == "retry":
            try:
                result = book.retry(args.id, by=BY_COMMAND_LINE)
            except Refused as exc:
                print(f"not retried: {exc}")
                return 1
            print(render(outcome_message(result), "en"))
            return 0 if result.ok else 1
        since, until = day_bounds_us(_day(args.since), _day(args.until))
        filters = {"state": args.state, "kind": args.kind, "workshop_id": args.workshop, "since_us": since,
                   "until_us": until}
        entries = book.entries(limit=args.limit, **filters)
        print(f"Quarantined bundles ({book.count(**filters)} {args.state}):")
        for e in entries:
            print("\n".join(_show(e)))
    finally:
        service.close()
    return 0


def register(sub: Any, common: Any) -> None:
    quarantine = sub.add_parser("quarantine", help="bundles refused by the provider's checks, and retries")
    qsub = quarantine.add_subparsers(dest="quarantine_command", required=True)
    listing = common(qsub.add_parser("list", help="list quarantined bundles (newest first)"))
    listing.add_argument("--state", choices=("open", "resolved", "all"), default="open")
    listing.add_argument("--kind", choices=("provider", "bundle"),
                         help="provider: the provider was not ready (a retry can cure it); "
                              "bundle: its own fault")
    listing.add_argument("--workshop", help="only bundles from this workshop's workstations")
    listing.add_argument("--since", help="received on or after this day, YYYY-MM-DD (UTC)")
    listing.add_argument("--until", help="received on or before this day, YYYY-MM-DD (UTC)")
    listing.add_argument("--limit", type=int, default=200)
    retry = common(qsub.add_parser("retry", help="import a quarantined bundle's kept copy again, with every "
                                                 "check (only for provider-side reasons)"))
    retry.add_argument("id", type=int, help="the quarantine number (#N in the list)")
    quarantine.set_defaults(func=cmd_quarantine)
