"""The ``assessor`` command: parses arguments and calls services; no logic of its own."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence


def _cmd_checklist_validate(args: argparse.Namespace) -> int:
    from assessor_app.core.specs import validate_paths

    files, problems = validate_paths(args.paths)
    for problem in problems:
        print(problem, file=sys.stderr)
    bad = {p.file for p in problems}
    if not files:
        print("no checklist or parameter-set files found", file=sys.stderr)
        return 2
    print(f"{len(files) - len(bad)} of {len(files)} file(s) valid")
    return 1 if problems else 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="assessor",
        description="Record task-based practical assessments of safety-critical EV work, offline.",
    )
    sub = parser.add_subparsers(dest="command")

    checklist = sub.add_parser("checklist", help="checklist specifications")
    csub = checklist.add_subparsers(dest="checklist_command", required=True)
    validate = csub.add_parser("validate", help="validate checklist and parameter-set files")
    validate.add_argument("paths", nargs="+", help="files or folders (.yaml/.yml)")
    validate.set_defaults(func=_cmd_checklist_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    func = getattr(args, "func", None)
    if func is None:
        parser.print_help()
        return 0
    return int(func(args))


if __name__ == "__main__":
    sys.exit(main())
