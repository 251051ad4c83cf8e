"""The compiled catalogs (``.mo``) shipped in the package, loaded once per language."""

from __future__ import annotations

import gettext
import logging
from functools import cache
from pathlib import Path

log = logging.getLogger(__name__)

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"
DOMAIN = "assessor"


def catalog_path(language: str, suffix: str = ".mo") -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}{suffix}"


@cache
def translations(language: str) -> gettext.NullTranslations:
    """The catalog of a language; English (the source language) and a missing catalog translate
    nothing, so the English text shows (a missing catalog is logged: it is a packaging fault)."""
    if language == "en":
        return gettext.NullTranslations()
    path = catalog_path(language)
    try:
        with path.open("rb") as fh:
            return gettext.GNUTranslations(fh)
    except OSError as exc:
        log.error("no catalog for language %r at %s (%s): English is shown", language, path, exc)
        return gettext.NullTranslations()
