"""The window's own texts in Finnish, Spanish and Portuguese: complete, current, compiled, shown.

When a test here fails after you added or changed a tr() text: run packaging/update-translations.sh,
translate the entries it marks unfinished in assessor_app/gui/i18n/*.ts, and run the script again.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QTranslator

from assessor_app.gui.main_window import MainWindow
from assessor_app.gui.window import TRANSLATIONS, install_translations

GUI = TRANSLATIONS.parent
LANGUAGES = {"fi": "fi_FI", "es": "es_ES", "pt": "pt_PT"}
PLACEHOLDER = re.compile(r"\{\w*\}|%n")
KEY_HINT = re.compile(r"\((?:Space|[A-Z])\)$")
ACCELERATOR = re.compile(r"(?<!&)&(?!&)(.)")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    numerus: bool
    translations: tuple[str, ...]
    kind: str  # "" when finished; "unfinished", "vanished" or "obsolete" otherwise

    @property
    def current(self) -> bool:
        return self.kind not in ("vanished", "obsolete")

    @property
    def translated(self) -> bool:
        return self.kind == "" and bool(self.translations) and all(t.strip() for t in self.translations)

    def __str__(self) -> str:
        return f"{self.context}: {self.source!r}"


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None, (path.name, message.findtext("source"))
            numerus = message.get("numerus") == "yes"
            texts = ([f.text or "" for f in translation.iter("numerusform")] if numerus
                     else [translation.text or ""])
            messages.append(Message(name, message.findtext("source") or "", numerus, tuple(texts),
                                    translation.get("type", "")))
    return messages


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"assessor_{lang}.ts"


def translation(lang: str, context: str, source: str) -> str:
    found = [m for m in read_ts(ts_path(lang)) if (m.context, m.source) == (context, source)]
    assert len(found) == 1, (lang, context, source)
    return found[0].translations[0]


def run_pyside_tool(tool: str, *args: str) -> None:
    """pyside6-lupdate / pyside6-lrelease, found beside this Python or through PySide6 itself."""
    command = [sys.executable, "-c", f"from PySide6.scripts.pyside_tool import {tool}; {tool}()"]
    done = subprocess.run([*command, *args], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated(lang: str):
    messages = [m for m in read_ts(ts_path(lang)) if m.current]
    assert messages
    missing = [str(m) for m in messages if not m.translated]
    assert not missing, f"assessor_{lang}.ts: untranslated:\n" + "\n".join(missing)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_are_up_to_date_with_the_source(lang: str, tmp_path: Path):
    """lupdate on a copy must find nothing new: every tr() text in the gui package is translated."""
    copy = tmp_path / ts_path(lang).name
    shutil.copyfile(ts_path(lang), copy)
    sources = sorted(str(p) for p in GUI.rglob("*.py"))
    run_pyside_tool("lupdate", "-silent", "-no-obsolete", "-locations", "none", *sources, "-ts", str(copy))
    before = {(m.context, m.source) for m in read_ts(ts_path(lang)) if m.current}
    after = [m for m in read_ts(copy) if m.current]
    added = [str(m) for m in after if (m.context, m.source) not in before or not m.translated]
    assert not added, (
        f"assessor_{lang}.ts lacks these texts; run packaging/update-translations.sh and translate:\n"
        + "\n".join(added)
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_keep_placeholders_key_hints_and_accelerators(lang: str):
    wrong, keys_by_screen = [], {}
    for m in read_ts(ts_path(lang)):
        if not m.current:
            continue
        for text in m.translations:
            if sorted(PLACEHOLDER.findall(text)) != sorted(PLACEHOLDER.findall(m.source)):
                wrong.append(f"{m}: placeholders in {text!r}")
            if KEY_HINT.findall(text) != KEY_HINT.findall(m.source):
                wrong.append(f"{m}: key hint in {text!r}")
            if len(ACCELERATOR.findall(text)) != len(ACCELERATOR.findall(m.source)):
                wrong.append(f"{m}: accelerators in {text!r}")
            keys_by_screen.setdefault(m.context, []).extend(k.lower() for k in ACCELERATOR.findall(text))
    clashes = {screen: keys for screen, keys in keys_by_screen.items() if len(set(keys)) != len(keys)}
    assert not wrong, "\n".join(wrong)
    assert not clashes


@pytest.mark.parametrize("lang", LANGUAGES)
def test_compiled_file_loads_and_matches_the_ts(lang: str, tmp_path: Path):
    shipped = QTranslator()
    assert shipped.load(str(TRANSLATIONS / f"assessor_{lang}.qm"))
    assert not shipped.isEmpty()
    assert shipped.language() == LANGUAGES[lang]
    fresh = QTranslator()
    run_pyside_tool("lrelease", "-silent", str(ts_path(lang)), "-qm", str(tmp_path / "fresh.qm"))
    assert fresh.load(str(tmp_path / "fresh.qm"))
    stale = [str(m) for m in read_ts(ts_path(lang)) if m.current for n in (1, 2)
             if shipped.translate(m.context, m.source, None, n)
             != fresh.translate(m.context, m.source, None, n)]
    assert not stale, (f"assessor_{lang}.qm is older than the .ts; run packaging/update-translations.sh:\n"
                       + "\n".join(stale))


def test_install_translations_installs_the_app_translator(qapp):
    assert install_translations(qapp, "en") == []
    translators = install_translations(qapp, "fi")
    try:
        files = [Path(t.filePath()) for t in translators]
        assert TRANSLATIONS / "assessor_fi.qm" in files
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("RunPage", "Pass (Space)") == "Pass (Space)"


def test_the_window_speaks_finnish(qtbot, qapp, store, library):
    translators = install_translations(qapp, "fi")
    try:
        window = MainWindow(store, library, "fi")
        qtbot.addWidget(window)
        new = translation("fi", "HomePage", "&New assessment")
        passed = translation("fi", "RunPage", "Pass (Space)")
        assert new != "&New assessment" and passed != "Pass (Space)"
        assert window.home.new_button.text() == new
        assert window.run_page.pass_button.text() == passed
        plural = "%n assessment(s) in progress: select one and press Resume."
        one, two = (QCoreApplication.translate("HomePage", plural, None, n) for n in (1, 2))
        assert one.startswith("1 ") and two.startswith("2 ") and one[2:] != two[2:]
        window.close()
    finally:
        for t in translators:
            qapp.removeTranslator(t)
    assert QCoreApplication.translate("RunPage", "Pass (Space)") == "Pass (Space)"
