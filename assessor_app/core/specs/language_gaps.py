"""Which texts of a checklist or parameter set lack which of the product's languages.

A checklist may be written in English only; a trainer working in another language then sees the
English text with a marker (``[EN]``), and ``assessor checklist validate`` names the gaps."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from assessor_app.core.specs.text import LANGUAGES, LocalizedText
from assessor_app.i18n import LANGUAGE_NAMES, Msg, Plural

#: How many of a language's missing texts ``assessor checklist validate`` names.
GAPS_SHOWN = 5

LANGUAGE_GAP = Plural(
    "checks.language_gap",
    "{file}: no {language} ({code}) for {n} text, shown in English with the marker [EN]: {texts}",
    "{file}: no {language} ({code}) for {n} texts, shown in English with the marker [EN]: {texts}")


def _walk(value: Any, path: str, found: list[tuple[str, LocalizedText]]) -> None:
    if isinstance(value, LocalizedText):
        found.append((path, value))
    elif isinstance(value, BaseModel):
        for name in type(value).model_fields:
            _walk(getattr(value, name), f"{path}.{name}" if path else name, found)
    elif isinstance(value, dict):
        for key, item in value.items():
            _walk(item, f"{path}.{key}" if path else str(key), found)
    elif isinstance(value, (list, tuple)):
        for i, item in enumerate(value):
            label = getattr(item, "id", None)
            _walk(item, f"{path}[{label if isinstance(label, str) else i}]", found)


def language_gaps(spec: BaseModel) -> dict[str, list[str]]:
    """For each language the product speaks (English aside), the paths of the texts that lack it
    (e.g. ``steps[isolate].instruction``); languages with no gap are left out."""
    texts: list[tuple[str, LocalizedText]] = []
    _walk(spec, "", texts)
    gaps: dict[str, list[str]] = {}
    for language in LANGUAGES[1:]:
        missing = [path for path, text in texts if not text.has(language)]
        if missing:
            gaps[language] = missing
    return gaps


def gap_messages(file: str, spec: BaseModel) -> list[Msg]:
    """What ``assessor checklist validate`` says of a file's missing languages: one line per language,
    how many texts lack it and the first few of them (not a problem: English is shown, marked)."""
    lines = []
    for language, paths in language_gaps(spec).items():
        shown = paths[:GAPS_SHOWN]
        lines.append(LANGUAGE_GAP(file=file, language=LANGUAGE_NAMES.get(language, language),
                                  code=language, n=len(paths), texts=", ".join(shown)
                                  + (", …" if len(paths) > len(shown) else "")))
    return lines
