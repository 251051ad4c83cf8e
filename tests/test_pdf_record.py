"""The PDF assessment record: what a person reads, in every language of the checklist, sealed."""

from __future__ import annotations

import hashlib
import html
import itertools
import json
import re
import shutil
import stat
import subprocess
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Table

from assessor_app.cli import main
from assessor_app.core.specs.library import load_library
from assessor_app.core.specs.loader import checklist_from_source
from assessor_app.demo import run_demo
from assessor_app.evidence.seal import public_key
from assessor_app.evidence.verify import verify_bundle
from assessor_app.paths import checklists_dir


def _text(pdf: bytes | Path) -> str:
    reader = PdfReader(BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def failed(tmp_path_factory) -> Path:
    """A sealed assessment stopped at the dead test (step 12) by a live reading: a hazard found,
    correctly stopped."""
    folder = tmp_path_factory.mktemp("failed")
    result = run_demo(load_library(checklists_dir()), folder, fail_step="12", say=lambda _l: None,
                      video=False)
    assert result.bundle is not None and result.outcome == "stopped_safely"
    return result.bundle


@pytest.fixture(scope="module")
def passed(demo_with_video) -> Path:
    assert demo_with_video.outcome == "competent"
    return demo_with_video.bundle


def _spec(bundle: Path):
    return checklist_from_source((bundle / "data/checklist.yaml").read_text(encoding="utf-8"))


def test_one_record_per_language_of_the_checklist(passed: Path):
    spec = _spec(passed)
    assert sorted(p.name for p in passed.glob("*.pdf")) == sorted(
        f"assessment-record.{lang}.pdf" for lang in spec.languages)
    assert set(spec.languages) >= {"en", "fi", "es", "pt"}


def test_the_record_holds_outcome_every_step_and_the_manifest_hash(passed: Path):
    spec = _spec(passed)
    manifest_hash = hashlib.sha256((passed / "manifest-sha256.txt").read_bytes()).hexdigest()
    for language in spec.languages:
        text = _text(passed / f"assessment-record.{language}.pdf")
        assert manifest_hash in text, language
        assert passed.name in text  # the bundle id
        for step in spec.steps:
            title = re.sub(r"\s+", " ", step.title.get_text(language))
            assert f"{step.id} {title}" in text, (language, step.id)
    english = _text(passed / "assessment-record.en.pdf")
    assert "Outcome: Competent" in english
    full = _text(passed / "identity/assessment-record.en.pdf")  # the names are in the full record only
    for name in ("Demo Learner", "Demo Workshop", "Demo Assessor"):
        assert name in full and name not in english, name
    assert "hv-isolation-series 1.2.1" in english and "generic-400v 1.1.1" in english
    assert "generic values: not OEM data" in english
    for name in ("data/record.json", "data/checklist.yaml", "data/parameters.yaml"):
        digest = hashlib.sha256((passed / name).read_bytes()).hexdigest()
        assert f"{name}" in english and digest in english  # the evidence index
    assert "No capture gaps recorded." in english
    assert "Tulos: Pätevä" in _text(passed / "assessment-record.fi.pdf")
    assert "Resultado: Competente" in _text(passed / "assessment-record.es.pdf")


def test_readings_show_against_their_ranges(passed: Path):
    text = _text(passed / "assessment-record.en.pdf")
    assert "pass range |x| ≤ 1 V; in range" in text  # the dead test, judged by magnitude
    assert "pass range 450 – 550 V; in range" in text  # insulation test voltage: the OEM value ± tolerance
    assert "[instrument FLUKE-1587-DEMO, 1000 V DC]" in text  # live-dead-live: the same tester each time


def test_a_hazard_stop_is_named_the_reading_flagged_and_missing_evidence_said(failed: Path):
    text = _text(failed / "assessment-record.en.pdf")
    assert "Outcome: Stopped safely: re-assess on a sound vehicle" in text
    assert "Not yet competent" not in text
    assert "Stopped at the hazard found at step: 12 " in text
    assert "OUT OF RANGE" in text and "HV+ to chassis read 101 V: locked into the hazard stop" in text
    assert "Missing: video: no camera" in text  # declared evidence not captured, and why
    assert "Keskeytetty turvallisesti" in _text(failed / "assessment-record.fi.pdf")


def test_the_record_carries_the_annex_i_facts_and_the_step_data(passed: Path):
    text = _text(passed / "assessment-record.en.pdf")
    for fact in ("Credential facts (EU micro-credentials, Annex I)", "Country FI",
                 "Awarding body Demo Training Provider", "Type of assessment supervised practical on a "
                 "vehicle, recorded", "Identity verification known to the assessor"):
        assert fact in text
    assert "Insulating glove class (IEC 60903): Class 00 (500 V AC / 750 V DC)" in text  # the option's words
    assert "Photos: photos/04-1.jpg" in text


def test_the_seal_names_the_records_and_verification_checks_them(passed: Path, tmp_path: Path):
    result = verify_bundle(passed)
    assert result.ok, result.problems
    assert any("PDF records sealed with it: assessment-record.en.pdf" in line for line in result.proved)
    # a record swapped for another language's, with the bag's own tag manifest made consistent:
    # only the seal can tell
    copy = tmp_path / passed.name
    shutil.copytree(passed, copy)
    for path in copy.rglob("*"):
        path.chmod(path.stat().st_mode | stat.S_IWUSR)
    en, fi = copy / "assessment-record.en.pdf", copy / "assessment-record.fi.pdf"
    en.write_bytes(fi.read_bytes())
    tags = copy / "tagmanifest-sha256.txt"
    lines = [
        f"{hashlib.sha256((copy / line.split('  ', 1)[1]).read_bytes()).hexdigest()}  "
        f"{line.split('  ', 1)[1]}" for line in tags.read_text().splitlines()
    ]
    tags.write_text("\n".join(lines) + "\n")
    problems = verify_bundle(copy).problems
    assert problems == ["the PDF record assessment-record.en.pdf is not the one that was sealed"]


def test_the_record_is_reproducible(passed: Path):
    from assessor_app.reports.pdf import SealFacts, render_record

    record = __import__("json").loads((passed / "data/record.json").read_text(encoding="utf-8"))
    facts = SealFacts(passed.name, "0" * 64, record["event_chain_head"], {"device": "ab" * 32})
    first = render_record(record, _spec(passed), "pt", seal=facts)
    assert first == render_record(record, _spec(passed), "pt", seal=facts)
    draft = _text(render_record(record, _spec(passed), "en"))
    assert "DRAFT: not sealed" in draft and "0" * 64 not in draft


def test_exporting_the_record(passed: Path, tmp_path: Path, capsys):
    data_dir = passed.parent.parent
    out = tmp_path / "out" / "record.pdf"
    argv = ["record", passed.name, "--data-dir", str(data_dir), "--language", "fi", "--out", str(out)]
    assert main(argv) == 0
    assert out.read_bytes() == (passed / "identity/assessment-record.fi.pdf").read_bytes()  # names shown
    assert capsys.readouterr().out == f"Sinetöity pöytäkirja kirjoitettu: {out}\n"  # in its language
    assert main(argv[:-4] + ["--language", "sv", "--out", str(out)]) == 0  # the checklist is in Swedish too
    assert out.read_bytes() == (passed / "identity/assessment-record.sv.pdf").read_bytes()


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm (poppler-utils) not installed")
def test_pages_render_to_png_and_the_qr_code_reads_back(passed: Path, tmp_path: Path):
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(passed / "assessment-record.en.pdf"),
                    str(tmp_path / "page")], check=True)
    pages = sorted(tmp_path.glob("page-*.png"))
    assert len(pages) == len(PdfReader(passed / "assessment-record.en.pdf").pages) >= 1
    cv2 = pytest.importorskip("cv2")
    manifest_hash = hashlib.sha256((passed / "manifest-sha256.txt").read_bytes()).hexdigest()
    device = public_key((passed / "seal/device.pub.pem").read_text()).keyid

    def decode(image):  # the ArUco-based detector reads small printed codes far more reliably
        found = cv2.QRCodeDetectorAruco().detectAndDecode(image)[0]
        return found or cv2.QRCodeDetector().detectAndDecode(image)[0]

    decoded = [decode(cv2.imread(str(p))) for p in pages]
    # the bundle is named unambiguously: its id and the workstation that sealed it
    assert f"assessor-bundle:v2:{passed.name}:{device}:sha256:{manifest_hash}" in decoded


# ---------------------------------------------------------------------- tables break between words
class _KeptStory(SimpleDocTemplate):
    """The document template, keeping the story it built (its tables, after layout)."""

    built: list[Flowable] = []

    def build(self, flowables: list[Flowable], *args: Any, **kwargs: Any) -> None:
        _KeptStory.built = list(flowables)  # (the build empties the list it is given)
        super().build(flowables, *args, **kwargs)


def _tables(flowable: Any) -> Iterator[Table]:
    if isinstance(flowable, Table):
        yield flowable
        for row in flowable._cellvalues:
            for cell in row:
                for part in cell if isinstance(cell, list | tuple) else [cell]:
                    yield from _tables(part)
    for part in getattr(flowable, "_content", ()):  # KeepTogether
        yield from _tables(part)


def _paragraphs(cell: Any) -> Iterator[Paragraph]:
    if isinstance(cell, Paragraph):
        yield cell
    elif isinstance(cell, list | tuple):
        for part in cell:
            yield from _paragraphs(part)


def _shown_words(paragraph: Paragraph) -> list[str]:
    """The words of each line as laid out (a word broken by the layout shows as two)."""
    lines = paragraph.blPara.lines
    if paragraph.blPara.kind == 0:
        return [word for line in lines for word in line[1]]
    return [word for line in lines for word in "".join(f.text for f in line.words).split()]


def _source_words(paragraph: Paragraph) -> set[str]:
    text = html.unescape(re.sub(r"<[^>]*>", " ", paragraph.text))
    # the layout breaks at spaces only: "400\u00a0V" (a no-break space) is one word on the page
    words = set(text.split()) | {w for w in re.split(r"[ \t\r\n]+", text) if w}
    # a path may be shown in lines that end at a slash
    return words | {piece for word in words for piece in re.findall(r"[^/]*/|[^/]+$", word)}


def _lines(pdf: Path) -> list[tuple[str, float, str]]:
    """Each line of text drawn, in order: (font, size, text)."""
    found: list[tuple[str, float, str]] = []

    def seen(text: str, _cm: Any, _tm: Any, font: Any, size: float) -> None:
        if text.strip():
            found.append((str(font.get("/BaseFont", "")) if font else "", size, text.strip()))

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=seen)
    return found


@pytest.mark.parametrize("language", ["es", "pt", "fi", "sv", "en"])
def test_record_tables_break_between_words_never_inside_one(failed: Path, language: str, monkeypatch):
    """Every table of the finished record, in the record's language: no cell's word (a header's
    above all) is split over two lines; a path breaks after a slash only. Checked on the layout
    of a fresh rendering, and on the text of the sealed record as a reader's tool extracts it."""
    from assessor_app.reports import pdf as pdf_module
    from assessor_app.reports.pdf import EvidenceItem, render_record

    record = json.loads((failed / "data/record.json").read_text(encoding="utf-8"))
    manifest = [line.split("  ", 1) for line in (failed / "manifest-sha256.txt").read_text().splitlines()]
    evidence = [EvidenceItem(name, (failed / name).stat().st_size, digest) for digest, name in manifest]
    monkeypatch.setattr(pdf_module, "SimpleDocTemplate", _KeptStory)
    render_record(record, _spec(failed), language, evidence=evidence)
    tables = [t for flowable in _KeptStory.built for t in _tables(flowable)]
    assert len(tables) >= 5  # the heading, steps, rubric, sign-offs, evidence index (and more)
    broken = [(word, paragraph.text[:60]) for t in tables for row in t._cellvalues for cell in row
              for paragraph in _paragraphs(cell)
              for word in _shown_words(paragraph) if word not in _source_words(paragraph)]
    assert broken == []

    headers = {word for t in tables if t.repeatRows for cell in t._cellvalues[0]
               for paragraph in _paragraphs(cell) for word in html.unescape(paragraph.text).split()}
    assert len(headers) >= 10, headers
    lines = [text for font, _size, text in _lines(failed / f"assessment-record.{language}.pdf")
             if font.endswith("-Bold")]  # table headers are bold
    whole = {word for text in lines for word in text.split()}
    assert headers <= whole, sorted(headers - whole)
    split = [(a.split()[-1], b.split()[0]) for a, b in itertools.pairwise(lines)
             if a.split()[-1] + b.split()[0] in headers]
    assert split == []
