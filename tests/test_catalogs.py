"""One catalog per language for every surface: complete, current, compiled, with intact placeholders.

When a test here fails after you added or changed a text: run packaging/update-translations.sh,
translate the entries it reports in assessor_app/locale/<language>/LC_MESSAGES/assessor.po, and run it
again. `python -m assessor_app.i18n.tool check` lists the same problems.
"""

from __future__ import annotations

import re

import pytest
from babel.messages.pofile import read_po

from assessor_app.i18n import catalog_path, tool
from assessor_app.i18n.languages import babel_locale

PLACEHOLDER = re.compile(r"\{\w*\}|%n|%\d")
KEY_HINT = re.compile(r"\((?:Space|[A-Z])\)$")
ACCELERATOR = re.compile(r"(?<!&)&(?!&)(.)")


@pytest.fixture(scope="module")
def template():
    return tool.extract()


def _catalog(language: str):
    with catalog_path(language, ".po").open("rb") as fh:
        return read_po(fh, locale=babel_locale(language))


def test_the_template_holds_window_texts_and_messages(template):
    contexts = {m.context for m in template if m.id}
    assert "RunPage" in contexts and "HomePage" in contexts
    assert any(c and c.startswith("term.") for c in contexts)


@pytest.mark.parametrize("language", tool.TRANSLATED)
def test_every_text_is_translated_and_the_files_are_current(language, template):
    found = tool.problems(language, template)
    report = "\n".join(f"{kind}: {item}" for kind in ("untranslated", "fuzzy", "placeholders", "stale_files")
                       for item in getattr(found, kind))
    assert found.count() == 0, f"{language}: run packaging/update-translations.sh and translate:\n{report}"


@pytest.mark.parametrize("language", tool.TRANSLATED)
def test_translations_keep_placeholders_key_hints_and_accelerators(language):
    wrong, keys_by_screen = [], {}
    for m in _catalog(language):
        if not m.id or m.fuzzy:  # a fuzzy entry is a guess to check: the test above lists it
            continue
        ids = m.id if isinstance(m.id, tuple) else (m.id,)
        strings = [s for s in (m.string if isinstance(m.string, tuple) else (m.string,)) if s]
        for text in strings:
            if sorted(set(PLACEHOLDER.findall(text))) != sorted(set(PLACEHOLDER.findall(ids[-1]))):
                wrong.append(f"[{m.context}] {ids[0]!r}: placeholders in {text!r}")
            if KEY_HINT.findall(text) != KEY_HINT.findall(ids[0]):
                wrong.append(f"[{m.context}] {ids[0]!r}: key hint in {text!r}")
            if len(ACCELERATOR.findall(text)) != len(ACCELERATOR.findall(ids[0])):
                wrong.append(f"[{m.context}] {ids[0]!r}: accelerators in {text!r}")
            keys_by_screen.setdefault(m.context, []).extend(k.lower() for k in ACCELERATOR.findall(text))
    clashes = {screen: keys for screen, keys in keys_by_screen.items() if len(set(keys)) != len(keys)}
    assert not wrong, "\n".join(wrong)
    assert not clashes
