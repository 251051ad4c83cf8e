"""``assessor provider users add|passwd|disable|list``: who may sign in to the web console.

A password is asked for twice at a prompt that does not echo it, or read from the first line of
standard input with ``--password-stdin`` (for scripts). Nothing secret is printed.
"""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from assessor_app.provider.console.permissions import ROLES


def _service(args: argparse.Namespace) -> Any:
    from assessor_app.provider.commands import service_for

    return service_for(args)


def _password(args: argparse.Namespace) -> str:
    from assessor_app.provider.store import ProviderError

    if args.password_stdin:
        line = sys.stdin.readline()
        password = line[:-1] if line.endswith("\n") else line
        if password.endswith("\r"):
            password = password[:-1]
        if not password:
            raise ProviderError("no password on standard input (--password-stdin reads its first line)")
        return password
    if not sys.stdin.isatty():
        raise ProviderError("no terminal to ask for the password: give it on standard input with "
                            "--password-stdin")
    first = getpass.getpass("Password (at least 12 characters): ")
    second = getpass.getpass("The same password again: ")
    if first != second:
        raise ProviderError("the two passwords differ: nothing was changed")
    return first


def _show(user: Any) -> str:
    state = "active" if user.disabled_us is None else "DISABLED"
    return f"{user.name:<24} {user.role:<14} {state}"


def cmd_users(args: argparse.Namespace) -> int:
    from assessor_app.provider.console import accounts

    command = args.users_command
    password = _password(args) if command in ("add", "passwd") else ""
    service = _service(args)
    try:
        store = service.store
        if command == "add":
            user = accounts.add_user(store, args.name, args.role, password)
            print(f"Added console user {user.name} ({user.role}); they sign in at /console/login")
        elif command == "passwd":
            user = accounts.set_password(store, args.name, password)
            print(f"Changed the password of {user.name}; their open sessions have ended")
        elif command == "disable":
            user = accounts.disable_user(store, args.name)
            print(f"Disabled {user.name}: they can no longer sign in, and their open sessions have ended")
        else:
            users = accounts.users(store)
            print(f"Console users ({len(users)}):")
            for user in users:
                print(f"  {_show(user)}")
        if command in ("add", "passwd", "disable"):
            from assessor_app.provider.console import audit

            audit.record(store, action=f"users.{command}", target=user.name, detail={"role": user.role,
                         "by": "command line"}, address="command line")
    finally:
        service.close()
    return 0


def register(sub: Any, common: Any) -> None:
    """Add ``users`` to ``assessor provider``."""
    users = sub.add_parser("users", help="who may sign in to the web console, and in what role")
    usub = users.add_subparsers(dest="users_command", required=True)
    add = usub.add_parser("add", help="add a console user")
    add.add_argument("name", help="the user name (lower-case letters, digits, '.', '_', '@', '-')")
    add.add_argument("--role", required=True, choices=ROLES, help="what the user may do")
    passwd = usub.add_parser("passwd", help="set a new password for a console user")
    passwd.add_argument("name")
    for p in (add, passwd):
        p.add_argument("--password-stdin", action="store_true",
                       help="read the password from the first line of standard input instead of a prompt")
    disable = usub.add_parser("disable", help="stop a console user from signing in (ends their sessions)")
    disable.add_argument("name")
    listing = usub.add_parser("list", help="list the console users")
    for p in (add, passwd, disable, listing):
        common(p)
    users.set_defaults(func=cmd_users)
