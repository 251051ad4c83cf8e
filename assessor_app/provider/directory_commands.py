"""``assessor provider workshops|assessors|codes|revoke``: the provider's records of who is who."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any


def _service(args: argparse.Namespace) -> Any:
    from assessor_app.provider.commands import service_for

    return service_for(args)


def _day(us: int | None) -> str:
    return "-" if us is None else dt.datetime.fromtimestamp(us / 1e6).strftime("%Y-%m-%d")


def _show_workshop(w: Any) -> str:
    return f"{w.id}  {w.name} ({w.country or '??'}){'  ' + w.address if w.address else ''}"


def _show_assessor(a: Any) -> str:
    state = f"REVOKED {_day(a.revoked_us)}: {a.revoked_reason}" if a.revoked_us else "active"
    keys = ", ".join(f"{k.key_id[:16]}{' (revoked)' if k.revoked_us else ''}" for k in a.keys)
    keys = keys or "no key bound"
    ref = f" [{a.qualification_ref}]" if a.qualification_ref else ""
    return (f"{a.id}  {a.name}: {a.qualification}{ref}, valid through {a.qualification_expires}; "
            f"assesses for {', '.join(a.workshops)}; {keys}; {state}")


def cmd_workshops(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        if args.workshops_command == "add":
            w = service.directory.add_workshop(args.id, name=args.name, country=args.country,
                                               address=args.address)
            print(f"Added workshop {_show_workshop(w)}")
            print(f"Enrollment codes for it: assessor provider codes --workshop {w.id}")
        elif args.workshops_command == "update":
            w = service.directory.update_workshop(args.id, name=args.name, country=args.country,
                                                  address=args.address)
            print(f"Updated workshop {_show_workshop(w)}")
        else:
            workshops = service.directory.workshops()
            print(f"Workshops ({len(workshops)}):")
            for w in workshops:
                devices = service.registry.devices(w.id)
                print(f"  {_show_workshop(w)}  [{len(devices)} workstation(s)]")
    finally:
        service.close()
    return 0


def cmd_assessors(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        directory = service.directory
        if args.assessors_command == "add":
            a = directory.add_assessor(args.id, name=args.name, qualification=args.qualification,
                                       qualification_ref=args.qualification_ref, expires=args.expires,
                                       workshops=args.workshop)
            print(f"Added assessor {_show_assessor(a)}")
            print(f"Their one-time code to bind a key: assessor provider assessors code {a.id}")
        elif args.assessors_command == "update":
            a = directory.update_assessor(args.id, name=args.name, qualification=args.qualification,
                                          qualification_ref=args.qualification_ref, expires=args.expires,
                                          add_workshops=args.add_workshop,
                                          remove_workshops=args.remove_workshop)
            print(f"Updated assessor {_show_assessor(a)}")
        elif args.assessors_command == "code":
            code = directory.create_assessor_code(args.id)
            print(f"One-time assessor code for {args.id} (valid "
                  f"{service.store.config.code_ttl_s // 86400} days; shown only now, stored as a hash):")
            print(f"  {code}")
            print("The assessor enters it at a workstation of their workshop (Settings > Assessors, or "
                  "`assessor assessors bind`) with their PIN.")
        else:
            assessors = directory.assessors(args.workshop_filter)
            print(f"Assessors ({len(assessors)}):")
            for a in assessors:
                print(f"  {_show_assessor(a)}")
    finally:
        service.close()
    return 0


def cmd_codes(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        workshop = service.directory.workshop(args.workshop)
        print(f"One-time enrollment codes for workshop {workshop.id} ({workshop.name}); valid "
              f"{service.store.config.code_ttl_s // 86400} days; shown only now, stored as hashes:")
        for _ in range(args.count):
            print(f"  {service.registry.create_code(workshop.id, args.label)}")
        print(f"Provider key fingerprint (for the workshop to compare): {service.store.key.fingerprint}")
    finally:
        service.close()
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    from assessor_app.provider.store import ProviderError

    targets = [t for t in (args.device, args.device_option, args.assessor, args.assessor_key) if t]
    if len(targets) != 1:
        raise ProviderError("name exactly one of: a workstation key id (--device), an assessor (--assessor) "
                            "or an assessor key id (--assessor-key)")
    service = _service(args)
    try:
        if args.assessor:
            a = service.directory.revoke_assessor(args.assessor, args.reason)
            print(f"Revoked assessor {_show_assessor(a)}")
        elif args.assessor_key:
            a = service.directory.revoke_assessor_key(args.assessor_key, args.reason)
            print(f"Revoked a key of assessor {_show_assessor(a)}")
        else:
            device = service.registry.revoke(args.device or args.device_option, args.reason)
            print(f"Revoked workstation {device.key_id} of workshop {device.workshop_id}")
        print("Bundles it signs are quarantined from now on; its workstations show it at their next sync.")
    finally:
        service.close()
    return 0


def register(sub: Any, common: Any) -> None:
    """Add the directory's subcommands to ``assessor provider``."""
    workshops = sub.add_parser("workshops", help="the workshops this provider works with")
    wsub = workshops.add_subparsers(dest="workshops_command", required=True)
    add = wsub.add_parser("add", help="add a workshop")
    add.add_argument("id", help="the workshop's id (letters, digits, '.', '_', '-')")
    add.add_argument("--name", required=True)
    add.add_argument("--country", required=True, help="two-letter ISO 3166 code: FI, SE, ES, PT...")
    add.add_argument("--address", default="")
    update = wsub.add_parser("update", help="correct a workshop's name, country or address")
    update.add_argument("id")
    update.add_argument("--name")
    update.add_argument("--country")
    update.add_argument("--address")
    listing = wsub.add_parser("list", help="list the workshops")
    for p in (add, update, listing):
        common(p)
    workshops.set_defaults(func=cmd_workshops)

    assessors = sub.add_parser("assessors", help="registered assessors and their qualifications")
    asub = assessors.add_subparsers(dest="assessors_command", required=True)
    add = asub.add_parser("add", help="register an assessor")
    add.add_argument("id", help="the assessor's id at this provider")
    add.add_argument("--name", required=True)
    add.add_argument("--qualification", required=True,
                     help='e.g. "DGUV 209-093 level 3S", "SFS 6002 card", "IMI Level 4"')
    add.add_argument("--qualification-ref", default="", help="card or certificate number")
    add.add_argument("--expires", required=True, help="the qualification's expiry, YYYY-MM-DD")
    add.add_argument("--workshop", action="append", required=True,
                     help="a workshop they assess for (repeat for several)")
    update = asub.add_parser("update", help="renew a qualification or change an assessor's workshops")
    update.add_argument("id")
    update.add_argument("--name")
    update.add_argument("--qualification")
    update.add_argument("--qualification-ref")
    update.add_argument("--expires", help="the qualification's new expiry, YYYY-MM-DD")
    update.add_argument("--add-workshop", action="append")
    update.add_argument("--remove-workshop", action="append")
    code = asub.add_parser("code", help="a one-time code with which the assessor binds their key")
    code.add_argument("id")
    listing = asub.add_parser("list", help="list assessors")
    for p in (add, update, code, listing):
        common(p)
    listing.add_argument("--workshop", dest="workshop_filter", help="only those assessing for this workshop")
    assessors.set_defaults(func=cmd_assessors)

    codes = common(sub.add_parser("codes", help="one-time enrollment codes for one workshop"))
    codes.add_argument("--workshop", required=True, help="the workshop the codes enroll into")
    codes.add_argument("--count", type=int, default=1)
    codes.add_argument("--label", default="", help="a note kept with the code")
    codes.set_defaults(func=cmd_codes)

    revoke = common(sub.add_parser("revoke", help="revoke a workstation, an assessor, or an assessor's key"))
    revoke.add_argument("device", nargs="?", help="a workstation's key id (at least 8 characters of it)")
    revoke.add_argument("--device", dest="device_option", help="the same, as an option")
    revoke.add_argument("--assessor", help="an assessor's id")
    revoke.add_argument("--assessor-key", help="an assessor key's id (at least 8 characters)")
    revoke.add_argument("--reason", default="revoked by the provider")
    revoke.set_defaults(func=cmd_revoke)
