"""The languages the product speaks, and the locale each is formatted in."""

from __future__ import annotations

LANGUAGES = ("en", "fi", "sv", "es", "pt")
# each language in its own words, as the language choice shows it
LANGUAGE_NAMES = {"en": "English", "fi": "Suomi", "sv": "Svenska", "es": "Español", "pt": "Português"}
# the pilots: Finland (Finnish, Swedish), Spain, Portugal; English as written in the EU
_LOCALES = {"en": "en_IE", "fi": "fi_FI", "sv": "sv_FI", "es": "es_ES", "pt": "pt_PT"}


class UnknownLanguage(ValueError):
    """A language code the product has no catalog for."""


def check_language(language: str) -> str:
    """The language code itself when the product speaks it; otherwise an error naming the choices."""
    if language not in LANGUAGES:
        raise UnknownLanguage(f"unknown language {language!r} (use one of: {', '.join(LANGUAGES)})")
    return language


def babel_locale(language: str) -> str:
    """The CLDR locale numbers, dates and durations of a language are written in."""
    return _LOCALES.get(language, "en_IE")
