"""A record with corrected results: the record and the PDF (in every record language) show the result
first recorded, the correction, its time and its reason, and the steps it reopened; the sealed bundle
passes `assessor verify`."""

from __future__ import annotations

import re
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_engine_corrections import METER, MIN, Run

from assessor_app.cli import main
from assessor_app.core.engine import CorrectResult, RecordResult, RecordStepData
from assessor_app.core.specs.loader import load_checklist
from assessor_app.evidence.record import assessment_record
from assessor_app.evidence.sealing import seal_assessment
from assessor_app.reports.pdf import render_record
from assessor_app.storage.store import AssessmentStore

DATA = Path(__file__).resolve().parent / "data"
LANGUAGES = ("en", "fi", "sv", "es", "pt")
#: What each language says of the pre-check's correction (the reason is the assessor's own words).
SAID = {
    "en": "Correction 0:00:40: recorded as Failed (reason: the assessor did it); corrected to Passed "
          "(Done by: learner-7, recorded as assessor-2); reason: the candidate did the pre-check",
    "fi": "Korjaus 0:00:40: kirjattu ensin Hylätty (syy: the assessor did it); korjattu muotoon Hyväksytty "
          "(Tekijä: learner-7, kirjattu ensin assessor-2); syy: the candidate did the pre-check",
    "sv": "Rättelse 0:00:40: registrerat som Underkänt (skäl: the assessor did it); rättat till Godkänt "
          "(Utfört av: learner-7, registrerat som assessor-2); skäl: the candidate did the pre-check",
    "es": "Corrección 0:00:40: registrado como No apto (motivo: the assessor did it); corregido a "
          "Apto (Realizado por: learner-7, registrado como assessor-2); motivo: the candidate did the "
          "pre-check",
    "pt": "Correção 0:00:40: registado como Reprovado (motivo: the assessor did it); corrigido para "
          "Aprovado (Feito por: learner-7, registado como assessor-2); motivo: the candidate did the "
          "pre-check",
}


def _text(pdf: bytes | Path) -> str:
    reader = PdfReader(BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture
def corrected(tmp_path: Path):
    """A validity assessment: the pre-check recorded as the assessor's fail, corrected to the candidate's
    pass; later the test equipment corrected to a fail, which reopens the proving and the dead test."""
    store = AssessmentStore.open(tmp_path / "assessor.db")
    run = Run(store, load_checklist(DATA / "validity-checklist.yaml"))
    run.passes("ident")
    run.ok(RecordResult("precheck", "fail", person="assessor-2", reason="the assessor did it"))
    run.clock.advance(40)
    run.ok(CorrectResult("precheck", "pass", "the candidate did the pre-check", person="learner-7"))
    run.ok(RecordStepData("ppe", {"glove_class": "0", "glove_tested": "2026-09-01", "inflation": True}))
    run.passes("ppe")
    run.ok(RecordStepData("tester", {"instrument": METER, "rating": 1000, "calibration_due": "2027-03-01"}))
    run.passes("tester")
    run.passes("lock")
    run.clock.advance(10 * MIN)
    run.prove()
    run.dead_reading()
    run.passes("dead")
    run.clock.advance(60)
    run.ok(CorrectResult("tester", "fail", "calibration label belonged to another meter"))
    yield run
    store.close()


def test_the_record_keeps_what_was_first_recorded_and_each_correction(corrected: Run):
    record = assessment_record(corrected.rec.engine, corrected.events())
    precheck = record["steps"]["precheck"]
    assert (precheck["status"], precheck["person"], precheck["result_t_us"]) == ("passed", "learner-7", 0)
    [c] = precheck["corrections"]
    assert {k: c[k] for k in ("replaces", "replaced_reason", "replaced_person", "result", "person", "reason",
                              "attempt", "t_us")} == {
        "replaces": "fail", "replaced_reason": "the assessor did it", "replaced_person": "assessor-2",
        "result": "pass", "person": "learner-7", "reason": "the candidate did the pre-check", "attempt": 1,
        "t_us": 40_000_000}
    assert record["events"][c["corrects"]]["payload"]["result"] == "fail"  # the original, in the chain
    assert [r["step"] for r in record["steps"]["dead"]["reopened_by"]] == ["tester"]
    assert record["steps"]["dead"]["status"] == "pending"
    assert [r["entered"] for r in record["steps"]["dead"]["readings"]] == ["0.1 V"]  # kept


def test_the_pdf_shows_the_correction_in_every_record_language(corrected: Run):
    record = assessment_record(corrected.rec.engine, corrected.events())
    spec = corrected.rec.engine.spec
    for language in LANGUAGES:
        text = _text(render_record(record, spec, language))
        assert SAID[language] in text, (language, text[:3000])
    english = _text(render_record(record, spec, "en"))
    assert ("Correction 0:11:40: recorded as Passed; corrected to Failed; reason: calibration label "
            "belonged to another meter") in english
    assert "Reopened by the correction of step: tester (0:11:40)" in english
    assert "Failed (corrected)" in english and "Passed (corrected)" in english


def test_a_sealed_bundle_with_corrections_verifies(corrected: Run, tmp_path: Path, capsys):
    run = corrected
    run.ok(RecordStepData("tester", {"instrument": METER, "rating": 1000, "calibration_due": "2027-03-01"}))
    run.passes("tester")
    run.prove()
    run.dead_reading()
    run.passes("dead")
    run.after_dead()
    run.sign()
    from assessor_app.core.engine import Finish

    assert run.ok(Finish()).payload["outcome"] == "competent"
    bundle = seal_assessment(run.store, run.rec.assessment_id, data_dir=tmp_path, assessor_id="assessor-2",
                             pin="2468")
    assert main(["verify", str(bundle.path)]) == 0
    out = capsys.readouterr().out
    assert "every rule decision replays" in out and "outcome competent" in out
    text = _text(bundle.path / "assessment-record.en.pdf")
    assert SAID["en"] in text
