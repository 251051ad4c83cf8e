"""What the provider's command groups share: the language a command prints in, the ``--language``
option, and writing a result file whole or not at all."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from assessor_app.i18n import LANGUAGES


def command_language(args: argparse.Namespace) -> str:
    """``--language`` if given, else the app's settings' language, else English."""
    if getattr(args, "language", None):
        return str(args.language)
    from assessor_app.settings import load_settings

    language = load_settings().language
    return language if language in LANGUAGES else "en"


def language_option(common: Any) -> Any:
    """A function that adds the common options and ``--language`` to a subcommand's parser."""

    def add(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        common(p)
        p.add_argument("--language", choices=LANGUAGES,
                       help="the language of what it prints (default: the one in the app's settings, "
                            "else en)")
        return p

    return add


def write_whole(path: Path, text: str) -> None:
    """The whole file or nothing: written aside, then put in place."""
    part = path.with_name(path.name + ".part")
    part.write_text(text, encoding="utf-8", newline="")
    os.replace(part, path)
