"""Keep the catalogs in step with the code: ``python -m assessor_app.i18n.tool update|check``.

``update`` extracts every text (the window's ``tr()`` texts with their Qt context through
``pyside6-lupdate``; every ``Message``/``Plural`` definition below the window through Babel), writes the
template ``assessor_app/locale/assessor.pot``, merges it into each language's ``assessor.po`` (new texts
empty, changed ones marked fuzzy, removed ones dropped) and compiles the ``.mo`` files.
``check`` changes nothing: it lists, per language, every text that is untranslated, fuzzy (stale), or
whose placeholders differ from the English, and whether the compiled catalogs are out of date; it exits
with status 1 when there is anything to do. ``stats`` prints the counts only.
"""

from __future__ import annotations

import argparse
import gettext
import io
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po, write_po

from assessor_app.i18n.catalog import DOMAIN, LOCALE_DIR, catalog_path
from assessor_app.i18n.languages import LANGUAGES, babel_locale
from assessor_app.i18n.message import _fields

PACKAGE = LOCALE_DIR.parent
TEMPLATE = LOCALE_DIR / f"{DOMAIN}.pot"
KEYWORDS = {"Message": ((1, "c"), 2), "Plural": ((1, "c"), 2, 3)}
TRANSLATED = [lang for lang in LANGUAGES if lang != "en"]


def _qt_messages() -> Iterable[tuple[str, str, bool, list[tuple[str, int]]]]:
    """(context, source, numerus, locations) of every tr() text of the window, as lupdate sees them."""
    sources = sorted(str(p) for p in (PACKAGE / "gui").rglob("*.py"))
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "window.ts"
        subprocess.run(["pyside6-lupdate", "-silent", "-no-obsolete", "-locations", "absolute",
                        "-source-language", "en", *sources, "-ts", str(ts)], check=True)
        root = ET.parse(ts).getroot()
    for ctx in root.iter("context"):
        name = ctx.findtext("name") or ""
        for m in ctx.iter("message"):
            locations = []
            for loc in m.iter("location"):
                path = (ts.parent / (loc.get("filename") or "")).resolve()
                try:
                    rel = path.relative_to(PACKAGE.parent).as_posix()
                except ValueError:
                    rel = loc.get("filename") or ""
                locations.append((rel, int(loc.get("line") or 0)))
            yield name, m.findtext("source") or "", m.get("numerus") == "yes", locations


def extract() -> Catalog:
    """The template: every text of the product, with where it is used."""
    template = Catalog(project="assessor", domain=DOMAIN, charset="utf-8", fuzzy=False)
    for context, source, numerus, locations in _qt_messages():
        msgid = (source, source) if numerus else source
        template.add(msgid, locations=locations, context=context)
    method_map = [("gui/**.py", "ignore"), ("**.py", "python")]
    for filename, lineno, message, comments, context in extract_from_dir(
        str(PACKAGE), method_map=method_map, keywords=KEYWORDS, comment_tags=("TRANSLATORS:",),
        strip_comment_tags=True,
    ):
        if not context:
            continue  # not a message definition (another function with the same name)
        location = (f"{PACKAGE.name}/{filename}", lineno)
        template.add(message, locations=[location], auto_comments=comments, context=context)
    return template


def _read(path: Path, language: str) -> Catalog:
    if not path.exists():
        return Catalog(locale=babel_locale(language), domain=DOMAIN, project="assessor", fuzzy=False)
    with path.open("rb") as fh:
        return read_po(fh, locale=babel_locale(language), domain=DOMAIN)


def _po_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    # file names without line numbers: an edit elsewhere in a file does not make the catalogs stale
    write_po(out, catalog, width=100, omit_header=False, sort_output=False, ignore_obsolete=True,
             include_previous=True, include_lineno=False)
    return out.getvalue()


def _mo_bytes(catalog: Catalog) -> bytes:
    out = io.BytesIO()
    write_mo(out, catalog, use_fuzzy=False)
    return out.getvalue()


def merged(language: str, template: Catalog) -> Catalog:
    catalog = _read(catalog_path(language, ".po"), language)
    catalog.update(template, no_fuzzy_matching=False, update_header_comment=False)
    catalog.obsolete.clear()
    return catalog


def update(languages: Iterable[str] = TRANSLATED) -> None:
    template = extract()
    TEMPLATE.parent.mkdir(parents=True, exist_ok=True)
    TEMPLATE.write_bytes(_po_bytes(template))
    for language in languages:
        catalog = merged(language, template)
        po = catalog_path(language, ".po")
        po.parent.mkdir(parents=True, exist_ok=True)
        po.write_bytes(_po_bytes(catalog))
        catalog_path(language).write_bytes(_mo_bytes(_read(po, language)))


@dataclass
class Problems:
    language: str
    untranslated: list[str]
    fuzzy: list[str]
    placeholders: list[str]
    stale_files: list[str]

    def count(self) -> int:
        return len(self.untranslated) + len(self.fuzzy) + len(self.placeholders) + len(self.stale_files)


def _label(message) -> str:  # type: ignore[no-untyped-def]
    msgid = message.id[0] if isinstance(message.id, tuple) else message.id
    return f"[{message.context}] {msgid!r}"


def problems(language: str, template: Catalog | None = None) -> Problems:
    """What a translator still has to do in a language (against the code as it is now)."""
    template = template or extract()
    po = catalog_path(language, ".po")
    current = _read(po, language)
    catalog = merged(language, template)
    result = Problems(language, [], [], [], [])
    for message in catalog:
        if not message.id:
            continue
        if message.fuzzy:
            result.fuzzy.append(_label(message))
            continue
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        if not all(strings):
            result.untranslated.append(_label(message))
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        wanted = set().union(*(_fields(i) for i in ids)) if message.context and "." in message.context \
            else set()
        for s in strings:
            if wanted and _fields(s) - wanted:
                result.placeholders.append(f"{_label(message)}: {sorted(_fields(s) - wanted)}")
                break
    if _entries(catalog) != _entries(current):
        result.stale_files.append(f"{po} (run: python -m assessor_app.i18n.tool update)")
    mo = catalog_path(language)
    if not mo.exists() or _compiled(mo.read_bytes()) != _compiled(_mo_bytes(current)):
        result.stale_files.append(f"{mo} (run: python -m assessor_app.i18n.tool update)")
    return result


def _entries(catalog: Catalog) -> dict[tuple[str | None, object], tuple[object, bool]]:
    """What a catalog says (its texts, translations and fuzzy marks), not when or by which tool."""
    return {(m.context, m.id): (m.string, m.fuzzy) for m in catalog if m.id}


def _compiled(data: bytes) -> dict[object, str]:
    texts = dict(gettext.GNUTranslations(io.BytesIO(data))._catalog)  # type: ignore[attr-defined]
    texts.pop("", None)  # the header: dates and the tool's version
    return texts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m assessor_app.i18n.tool", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("update", "check", "stats"))
    parser.add_argument("--language", choices=TRANSLATED, action="append",
                        help="only this language (repeat for more); default: all")
    args = parser.parse_args(argv)
    languages = args.language or TRANSLATED
    if args.command == "update":
        update(languages)
        print(f"catalogs updated in {LOCALE_DIR}")
        args.command = "stats"
    template = extract()
    status = 0
    for language in languages:
        found = problems(language, template)
        total = len(list(m for m in template if m.id))
        print(f"{language}: {total - len(found.untranslated) - len(found.fuzzy)} of {total} translated, "
              f"{len(found.untranslated)} untranslated, {len(found.fuzzy)} fuzzy, "
              f"{len(found.placeholders)} with wrong placeholders")
        if args.command == "check":
            for kind in ("untranslated", "fuzzy", "placeholders", "stale_files"):
                for item in getattr(found, kind):
                    print(f"  {kind}: {item}")
            status = status or int(found.count() > 0)
    return status


if __name__ == "__main__":
    sys.exit(main())
