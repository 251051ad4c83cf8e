"""The learner's PDF certificate: one A4 page in the learner's language with the Annex I elements, the
evidence hash, the credential id and a QR code that leads to the public check page."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import cv2
import pytest
from credential_support import sample_data
from pypdf import PdfReader
from reportlab.graphics.barcode.qr import QrCodeWidget

from assessor_app.credentials.certificate_pdf import certificate_pdf, qr_drawing
from assessor_app.credentials.data import LearningOutcome
from assessor_app.credentials.wording import words
from assessor_app.i18n import format_date


def _text(pdf: bytes) -> tuple[int, str, tuple[float, float]]:
    reader = PdfReader(io.BytesIO(pdf))
    page = reader.pages[0]
    return len(reader.pages), " ".join(page.extract_text().split()), (float(page.mediabox.width),
                                                                      float(page.mediabox.height))


def test_a_portuguese_certificate_has_its_labels_and_values() -> None:
    data = sample_data(language="pt", title={"en": "HV isolation", "pt": "Isolamento de alta tensão (AT)"},
                       assessment_type={"en": "Supervised practical", "pt": "Prova prática supervisionada"})
    pages, text, size = _text(certificate_pdf(data, "pt"))
    assert pages == 1
    assert size == pytest.approx((595.27, 841.89), abs=0.1)  # A4
    w = words("pt")
    for key in ("micro_credential", "awarding_body", "legal_id", "country", "date_of_issue",
                "learning_outcomes", "level", "workload", "assessment_type", "participation",
                "quality_assurance", "evidence", "credential_id"):
        assert w[key].upper() in text.upper(), key
    assert w["awarding_body"] == "Entidade outorgante"
    for value in ("Isolamento de alta tensão (AT)", "Aino Virtanen", "L-0042", "Ammattiopisto Esimerkki Oy",
                  "FI12345678", "Finlândia", format_date(data.issued.date(), "pt"), "Nível 4 do QEQ",
                  "8 horas", "0,3 créditos ECTS", "Prova prática supervisionada", "e" * 64,
                  "urn:uuid:6f1c2a8e-3b7d-4c55-9a21-0d4e5f6a7b8c", data.public_url, "b-20261120-0001"):
        assert value in text, value


def test_a_finnish_certificate_renders_finnish_letters() -> None:
    _, text, _ = _text(certificate_pdf(sample_data(), "fi"))
    assert "Korkeajännitejärjestelmän jännitteettömäksi tekeminen" in text
    assert "Myöntäjä" in text and "Oppimistulokset" in text and "Työmäärä" in text
    assert "Tekee sarjavalmisteisen ajoneuvon HV-järjestelmän jännitteettömäksi." in text


@pytest.mark.parametrize("language", ["en", "fi", "sv", "es", "pt"])
def test_every_language_fits_one_page(language: str) -> None:
    pages, text, _ = _text(certificate_pdf(sample_data(), language))
    assert pages == 1
    assert words(language)["verify_at"].split()[0] in text


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(ValueError, match="de"):
        certificate_pdf(sample_data(), "de")


def test_the_qr_code_holds_the_public_url() -> None:
    url = sample_data().public_url
    widgets = [item for item in qr_drawing(url).contents if isinstance(item, QrCodeWidget)]
    assert [w.value for w in widgets] == [url]


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm renders the page")
def test_the_printed_qr_code_decodes_to_the_public_url(tmp_path: Path) -> None:
    pdf = tmp_path / "certificate.pdf"
    pdf.write_bytes(certificate_pdf(sample_data(), "sv"))
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-singlefile", str(pdf), str(tmp_path / "page")],
                   check=True)
    image = cv2.imread(str(tmp_path / "page.png"))
    decoded, _, _ = cv2.QRCodeDetector().detectAndDecode(image)
    assert decoded == sample_data().public_url


def test_a_long_credential_still_fits_one_page() -> None:
    sentence = "performs the step safely and records it. " * 4
    outcomes = tuple(LearningOutcome({"en": f"Outcome {n}: {sentence}"}) for n in range(1, 16))
    pages, text, _ = _text(certificate_pdf(sample_data(outcomes=outcomes), "en"))
    assert pages == 1
    assert "Outcome 15:" in text and sample_data().public_url in text
