"""The `assessor` command in the language chosen with --language: the demo's whole run, the record, verify.

The demo runs once in Finnish (about 20 s, with video, without delivery) and the other commands read
its data folder. "No English left" is checked against the words of the command's own messages, the
demo's, the verification's, the terms and the checklist's texts: a word that is English in one of them
and in none of their Finnish renderings must not be printed.
"""

from __future__ import annotations

import contextlib
import io
import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from helpers import ASSESSOR, CANDIDATE, VEHICLE, WORKSHOP, load_mini
from pypdf import PdfReader

import assessor_app.cli_output  # noqa: F401  (its messages are part of the vocabulary)
import assessor_app.demo.messages  # noqa: F401
import assessor_app.evidence.verify  # noqa: F401
from assessor_app.cli import main
from assessor_app.core.specs.library import load_library
from assessor_app.core.specs.text import LocalizedText
from assessor_app.core.terms import term
from assessor_app.evidence.bundle import BundleError
from assessor_app.evidence.sealing import export_record
from assessor_app.i18n import Plural, babel_locale, catalog_path, known_codes, render, translations
from assessor_app.paths import DATA_DIR_ENV, checklists_dir
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

NBSP = "\u00a0"
#: English words the issue names, which must not be left in a Finnish run
MARKERS = ("Outcome", "Events", "Sealed", "bundle", "step", "passed", "failed", "left", "refused", "measured",
           "recorded", "verified", "photo", "Archive", "moderators", "Delivery", "pass", "segments", "none")


@dataclass(frozen=True)
class Run:
    folder: Path
    out: str
    lines: list[str]
    assessment_id: str


def _run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def finnish(tmp_path_factory) -> Run:
    folder = tmp_path_factory.mktemp("demo-fi")
    code, out, err = _run(["demo", "--headless", "--no-sync", "--language", "fi", "--data-dir", str(folder)])
    assert code == 0, err
    store = AssessmentStore.open(folder / "assessor.db")
    try:
        [summary] = store.list()
    finally:
        store.close()
    return Run(folder, out, out.splitlines(), summary.id)


def _words(text: str) -> set[str]:
    """The words of a text (three letters or more), its placeholders left out."""
    return {w.lower() for w in re.findall(r"[^\W\d_]{3,}", re.sub(r"\{[^}]*\}", " ", text))}


def _templates(language: str) -> list[str]:
    """Every text of the command's, the demo's and the verification's messages and of the terms."""
    texts = []
    for code, definition in known_codes().items():
        if code.split(".")[0] not in ("cli", "demo", "verify", "record", "term"):
            continue
        forms = [definition.template] + ([definition.plural] if isinstance(definition, Plural) else [])
        for form in forms:
            if language == "en":
                texts.append(form)
            elif isinstance(definition, Plural):
                texts += [translations(language).npgettext(code, definition.template, definition.plural, n)
                          for n in (1, 2)]
            else:
                texts.append(translations(language).pgettext(code, form))
    return texts


def _checklist_texts(language: str) -> list[str]:
    """The texts of the demo's checklist in a language: titles, labels, options, rules."""
    spec = load_library(checklists_dir()).checklist("hv-isolation-series").spec
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, LocalizedText):
            found.append(value.get_text(language))
        elif isinstance(value, dict):
            for v in value.values():
                walk(v)
        elif isinstance(value, (list, tuple)):
            for v in value:
                walk(v)
        elif hasattr(value, "__dict__"):
            for v in vars(value).values():
                walk(v)

    walk(spec)
    return found


def _english_only() -> set[str]:
    english = set().union(*(_words(t) for t in _templates("en") + _checklist_texts("en")))
    finnish = set().union(*(_words(t) for t in _templates("fi") + _checklist_texts("fi")))
    return english - finnish


def _values_removed(line: str) -> str:
    """A line without what is printed as it is: paths, ids, hashes, file names and command examples."""
    line = re.sub(r"assessor (verify|assessments show|bundle anonymise|provider list)[^)]*", " ", line)
    line = re.sub(r"\bvirtual (?=assessor-demo-)", " ", line)  # the CAN adapter's interface, by its name
    line = re.sub(r"(?<![^\s(])(?!kbit/s)[^\s(]*/[^\s)]*", " ", line)  # paths (and identity/, a folder)
    line = re.sub(r"[\w*.-]+\.(pdf|tar|csv|txt|json|ts)\b", " ", line)  # file names
    line = re.sub(r"\b[0-9a-f]{12,}\b|\b[0-9a-f]{8}-[0-9a-f-]{27}\b", " ", line)  # hashes, ids
    line = re.sub(r"\b[a-z0-9]+(?:[-_][a-z0-9]+)+\b|\b[A-Z0-9]+(?:-[A-Z0-9]+)+\b", " ", line)  # identifiers
    return line


def _engine_reason_removed(line: str) -> str:
    """A refusal line without the engine's reason (the engine's own messages, from its catalog)."""
    return line.split(" torjuttu – ", 1)[0]


def test_the_headless_demo_prints_its_whole_run_in_finnish(finnish: Run):
    english = _english_only()
    assert {"outcome", "passed", "measured", "recorded", "verified", "moderators"} <= english  # a sharp test
    left = {}
    for line in finnish.lines:
        shown = _values_removed(_engine_reason_removed(line))
        found = sorted(_words(shown) & english)
        found += [m for m in MARKERS if re.search(rf"\b{m}\b", shown, re.IGNORECASE)]
        if found:
            left[line] = found
    assert not left, "English left in the Finnish run:\n" + "\n".join(f"{w}: {line}"
                                                                       for line, w in left.items())
    # the summary in the product's terms, as the Finnish catalog words them
    assert f"Tulos: {render(term('competent'), 'fi')}" in finnish.lines
    # the refusal names the checklist's wait in Finnish, with the engine's reason after it
    [refused] = [line for line in finnish.lines if " torjuttu – " in line]
    assert refused.split(" torjuttu – ", 1)[1].startswith("Purkautumisaika: 8 min")


def test_numbers_dates_and_sizes_are_written_as_finnish_writes_them(finnish: Run):
    text = "\n".join(_values_removed(line) for line in finnish.lines)
    # fractional readings with a decimal comma, never a point
    assert re.search(rf"12 mitattu .*: 0,1{NBSP}V$", finnish.out, re.M), finnish.out
    assert not re.search(r"\d\.\d+\s?(V|kΩ|MΩ|MB|ms|s)\b", text), text
    # a date as d.m.yyyy, not ISO; a large count grouped in thousands
    [gloves] = [line for line in finnish.lines if re.search(r"\] 04 kirjattu: ", line)]
    assert re.search(r": \d{1,2}\.\d{1,2}\.20\d\d;", gloves) and not re.search(r"20\d\d-\d\d-\d\d", gloves)
    [bag] = [line for line in finnish.lines if "BagIt-paketti täydellinen" in line]
    assert re.search(rf"\d{{1,3}}({NBSP}\d{{3}})+ tavua", bag), bag
    # the video's length as a duration and its size with a decimal comma
    [video] = [line for line in finnish.lines if line.startswith("  video: ")]
    assert re.search(rf"\d+ min( \d+ s)?, \d+,\d{NBSP}MB", video), video


def test_the_finnish_run_names_its_finnish_record_first(finnish: Run):
    [record] = [line for line in finnish.lines if line.startswith("PDF-pöytäkirja: ")]
    assert record.endswith("assessment-record.fi.pdf  (myös kielillä: en, es, pt, sv)")


def _pdf_text(path: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(path).pages))


def test_record_in_swedish_from_the_sealed_bundle(finnish: Run, tmp_path: Path):
    out = tmp_path / "record.sv.pdf"
    code, printed, err = _run(["record", finnish.assessment_id, "--language", "sv", "--data-dir",
                               str(finnish.folder), "--out", str(out)])
    assert code == 0, err
    assert printed == f"Förseglat protokoll skrivet till {out}\n"
    text = _pdf_text(out)
    assert translations("sv").pgettext("pdf.title", "Assessment record") in text  # Bedömningsprotokoll
    assert "Förkontroll: varningslampor" in text  # the checklist's own Swedish


def _started_mini(folder: Path) -> str:
    """An assessment in progress on the mini checklist (English and Finnish only), in ``folder``'s store."""
    mini = load_mini()
    assert "sv" not in mini.checklist.spec.languages
    store = AssessmentStore.open(folder / "assessor.db")
    try:
        return AssessmentRecorder.start(store, mini.checklist, mini.params, candidate=CANDIDATE,
                                        assessor=ASSESSOR, workshop=WORKSHOP, vehicle=VEHICLE).assessment_id
    finally:
        store.close()


def test_record_in_swedish_of_a_checklist_without_swedish_falls_back_to_its_english(tmp_path: Path):
    assessment_id = _started_mini(tmp_path)
    out = tmp_path / "draft.sv.pdf"
    code, printed, err = _run(["record", assessment_id, "--language", "sv", "--data-dir", str(tmp_path),
                               "--out", str(out)])
    assert code == 0, err
    assert printed == f"Protokollutkast (inte förseglat) skrivet till {out}\n"
    text = _pdf_text(out)
    sv = translations("sv")
    assert sv.pgettext("pdf.title", "Assessment record") in text
    assert "UTKAST" in sv.pgettext("pdf.draft", "DRAFT: not sealed. Only the sealed record in the evidence "
                                                "bundle counts.") and "UTKAST" in text
    assert "Mini isolation" in text  # the checklist has no Swedish title: its English one


def test_seal_says_why_it_refuses_in_the_chosen_language(tmp_path: Path, monkeypatch):
    assessment_id = _started_mini(tmp_path)
    monkeypatch.setenv("ASSESSOR_PIN", "2468")
    code, printed, err = _run(["seal", assessment_id, "--assessor", "assr-1", "--data-dir", str(tmp_path),
                               "--language", "sv"])
    assert (code, printed) == (1, "")
    in_progress = render(term("in_progress"), "sv")
    assert err == f"assessor: bedömning {assessment_id} är {in_progress}: avsluta den först\n"
    assert not (tmp_path / "bundles").exists()


def test_an_unknown_language_is_refused_naming_the_choices(finnish: Run, tmp_path: Path):
    with pytest.raises(SystemExit) as stopped:
        _run(["record", finnish.assessment_id, "--language", "xx", "--data-dir", str(finnish.folder)])
    assert stopped.value.code == 2
    err = io.StringIO()
    with contextlib.redirect_stderr(err), pytest.raises(SystemExit):
        main(["verify", str(finnish.folder), "--language", "klingon"])
    assert ("argument --language: there is no language 'klingon': use one of en, fi, sv, es, pt"
            in err.getvalue())
    # the service refuses it too, in the reader's language
    store = AssessmentStore.open(finnish.folder / "assessor.db")
    try:
        with pytest.raises(BundleError) as refused:
            export_record(store, finnish.assessment_id, data_dir=finnish.folder, language="xx",
                          out=tmp_path / "x.pdf")
    finally:
        store.close()
    assert refused.value.text("en") == (
        "there is no language 'xx': a record is written in one of en, fi, sv, es, pt")
    assert refused.value.text("sv").startswith("det finns inget språk 'xx'")
    assert not (tmp_path / "x.pdf").exists()


def test_verify_in_swedish_tags_and_words_every_line(finnish: Run):
    bundle = finnish.folder / "bundles" / f"{finnish.assessment_id}.tar"
    code, printed, err = _run(["verify", str(bundle), "--language", "sv"])
    assert code == 0, err
    lines = printed.splitlines()
    assert lines[-1] == "VERIFIERAT"
    ok = "ok".ljust(len("VARNING") + 1)  # the tags share the width of the longest, and a space
    assert all(line.startswith(ok) for line in lines[:-1]), printed
    assert re.fullmatch(rf"{ok}bevispaket {finnish.assessment_id} förseglat av arbetsstation [0-9a-f]{{64}}",
                        lines[0]), printed
    assert any(re.search(rf"BagIt-paketet komplett: \d+ datafiler, \d{{1,3}}({NBSP}\d{{3}})+ byte", line)
               for line in lines), printed
    assert f"{ok}checklista hv-isolation-series 1.2.1, parametrar generic-400v 1.1.1; resultat " \
           f"{render(term('competent'), 'sv')}" in lines


def test_assessments_show_and_list_in_swedish(finnish: Run):
    code, printed, err = _run(["assessments", "show", finnish.assessment_id, "--data-dir",
                               str(finnish.folder), "--language", "sv"])
    assert code == 0, err
    assert printed.splitlines()[0] == f"Bedömning {finnish.assessment_id}: förseglad, resultat kompetent"
    assert re.search(r"^    12 godkänt  kritisk  Regel 3 ", printed, re.M), printed
    assert re.search(r"^    15 ej tillämpligt normal   Regel 4 ", printed, re.M), printed
    code, printed, err = _run(["assessments", "list", "--data-dir", str(finnish.folder), "--language", "sv"])
    assert code == 0, err
    [row] = printed.splitlines()
    assert row.startswith(f"{finnish.assessment_id}  ") and "  förseglad  kompetent  " in row


def test_without_language_the_settings_language_is_used(tmp_path: Path, monkeypatch):
    monkeypatch.setenv(DATA_DIR_ENV, str(tmp_path))
    (tmp_path / "settings.json").write_text(json.dumps({"language": "es"}), encoding="utf-8")
    code, printed, _ = _run(["assessments", "list", "--data-dir", str(tmp_path)])
    assert (code, printed) == (0, "no hay evaluaciones\n")
    code, printed, _ = _run(["assessments", "list", "--data-dir", str(tmp_path), "--language", "pt"])
    assert (code, printed) == (0, "não há avaliações\n")
    (tmp_path / "settings.json").write_text("{not json", encoding="utf-8")  # unreadable: English
    code, printed, _ = _run(["assessments", "list", "--data-dir", str(tmp_path)])
    assert (code, printed) == (0, "no assessments\n")


def test_every_message_of_the_command_and_the_demo_is_translated():
    codes = {code for code in known_codes()
             if code.split(".")[0] in ("cli", "demo", "verify", "record", "seal")}
    assert len(codes) > 150
    for language in ("fi", "sv", "es", "pt"):
        with catalog_path(language, ".po").open("rb") as fh:
            catalog = read_po(fh, locale=babel_locale(language))
        done = {m.context for m in catalog if m.context in codes and not m.fuzzy
                and all(m.string if isinstance(m.string, tuple) else (m.string,))}
        assert codes - done == set(), language
