"""The cycle report in the console: the page, the PDF (its text read back) and the CSVs, per role."""

from __future__ import annotations

import csv
import io

import pypdf
import pytest
from moderation_report_support import Assessment, Verdict, seed_cycle
from sklearn.metrics import cohen_kappa_score

from assessor_app.i18n import format_number
from assessor_app.provider.console import audit
from assessor_app.provider.console.permissions import ROLES

A1 = Assessment("b1", checklist="hv-isolation", assessor="as-1")
A2 = Assessment("b2", checklist="battery", assessor="as-2", workshop="ws-south")
A3 = Assessment("b3", checklist="battery", assessor="as-2", workshop="ws-south")
H1 = [
    Verdict(A1, [("isolation", True, "passed", "failed"), ("ppe", False, "passed", "passed"),
                 ("lockout", False, "failed", "failed"), ("tools", False, "na", "na")],
            [("r1", 3, 2), ("r2", 4, 4)], decision="overturn"),
    Verdict(A2, [("cells", False, "passed", "passed"), ("torque", False, "failed", "passed"),
                 ("label", False, "passed", "passed")], [("r1", 2, 2), ("r2", 1, None)]),
]
STEPS = [s for v in H1 for s in v.steps]
KAPPA = cohen_kappa_score([s[2] for s in STEPS], [s[3] for s in STEPS])
READERS = ("administrator", "coordinator", "auditor", "moderator")


@pytest.fixture
def cycles(console_service):
    store = console_service.store
    seed_cycle(store, "2027-H1", frame=[A1, A2, A3], sampled=[A1, A2], verdicts=H1, panel=("moderator",))
    seed_cycle(store, "2027-H2", frame=[A3], sampled=[A3], verdicts=[], panel=("other-moderator",))
    return console_service


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(data)).pages)


def kappa_in(language: str) -> str:
    return format_number(round(KAPPA, 3), language, 3)


@pytest.mark.parametrize("role", ROLES)
def test_the_page_shows_the_statistics_to_every_role_allowed(cycles, console_as, role):
    page = console_as(role).get("/console/moderation/2027-H1/report")
    assert page.status_code == 200, page.text
    text = page.text
    assert "Moderation report: 2027-H1" in text
    assert f"<td>{kappa_in('en')}</td>" in text  # Cohen's kappa of the whole cycle, as sklearn has it
    assert "Disagreements on critical steps (zero tolerance)" in text
    critical = text[text.index('id="critical"'):text.index("</table>", text.index('id="critical"'))]
    assert "A-b1" in critical and "isolation" in critical
    assert "the moderator saw failed on isolation" in critical
    assert 'id="confusion-steps"' in text and 'id="checklist-agreement"' in text
    assert "Assessors of the frame sampled: 2 of 2 (100%)" in text
    assert "Sampled assessments with a verdict: 2 of 2 (100%)" in text


def test_a_moderator_reads_only_the_reports_of_their_own_cycles(cycles, console_as):
    client = console_as("moderator")
    refused = client.get("/console/moderation/2027-H2/report")
    assert refused.status_code == 403
    assert "You are not on the panel of cycle 2027-H2" in refused.text
    for suffix in ("report.pdf", "report.csv", "verdicts.csv"):
        assert client.get(f"/console/moderation/2027-H2/{suffix}").status_code == 403
    listing = client.get("/console/moderation/reports")
    assert 'data-cycle="2027-H1"' in listing.text and "2027-H2" not in listing.text
    everyone = console_as("auditor").get("/console/moderation/reports")
    assert 'data-cycle="2027-H1"' in everyone.text and 'data-cycle="2027-H2"' in everyone.text
    assert client.get("/console/moderation/2027-H2/report").status_code == 403  # still, after the list


def test_a_cycle_without_verdicts_says_so_and_every_statistic_is_undefined(cycles, console_as):
    page = console_as("coordinator").get("/console/moderation/2027-H2/report")
    assert page.status_code == 200
    assert "No verdicts yet." in page.text and "undefined: nothing to compare" in page.text
    assert "nan" not in page.text.lower().replace("nanoseconds", "")
    assert "Moderation cycle time: undefined, no assessment has a verdict yet" in page.text


def test_an_unknown_cycle_is_a_404_naming_it(cycles, console_as):
    for suffix in ("report", "report.pdf", "report.csv", "verdicts.csv"):
        answer = console_as("administrator").get(f"/console/moderation/2099-H9/{suffix}")
        assert answer.status_code == 404
        assert "There is no moderation cycle named 2099-H9." in answer.text


@pytest.mark.parametrize("role", READERS)
def test_the_pdf_carries_the_same_report(cycles, console_as, role):
    answer = console_as(role).get("/console/moderation/2027-H1/report.pdf")
    assert answer.status_code == 200 and answer.headers["content-type"] == "application/pdf"
    assert answer.content.startswith(b"%PDF-")
    flat = " ".join(pdf_text(answer.content).split())
    assert "Moderation report: 2027-H1" in flat and kappa_in("en") in flat
    assert "Disagreements on critical steps (zero tolerance)" in flat and "A-b1" in flat
    assert "Per checklist" in flat and "battery" in flat and "hv-isolation" in flat
    entries = audit.entries(cycles.store, action="moderation.report.download")
    assert entries[0].target == "2027-H1" and entries[0].detail == {"what": "pdf"}


def test_the_pdf_and_page_in_finnish_write_numbers_the_finnish_way(cycles, console_as):
    client = console_as("auditor")
    client.cookies.set("lang", "fi")
    page = client.get("/console/moderation/2027-H1/report")
    assert "Moderointiraportti: 2027-H1" in page.text and f"<td>{kappa_in('fi')}</td>" in page.text
    assert "," in kappa_in("fi")
    pdf = client.get("/console/moderation/2027-H1/report.pdf")
    text = " ".join(pdf_text(pdf.content).split())
    assert "Moderointiraportti: 2027-H1" in text and kappa_in("fi") in text and "Koko kierros" in text


@pytest.mark.parametrize("role", READERS)
def test_the_statistics_csv_has_a_row_per_group(cycles, console_as, role):
    answer = console_as(role).get("/console/moderation/2027-H1/report.csv")
    assert answer.status_code == 200 and answer.headers["content-type"].startswith("text/csv")
    assert "attachment" in answer.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))
    header = rows[0]
    assert header[2:4] == ["Assessments", "Verdicts"] and "Cohen's kappa" in header
    by_group = {(r[0], r[1]): dict(zip(header, r, strict=True)) for r in rows[1:]}
    overall = by_group[("The whole cycle", "all")]
    assert overall["Cohen's kappa"] == kappa_in("en") and overall["Critical disagreements"] == "1"
    assert {k for k in by_group if k[0] == "Per checklist"} == {("Per checklist", "battery"),
                                                              ("Per checklist", "hv-isolation")}
    assert ("Per workshop", "ws-south") in by_group and ("Per assessor", "as-2") in by_group


def test_the_verdicts_csv_is_the_export_s(cycles, console_as):
    answer = console_as("moderator").get("/console/moderation/2027-H1/verdicts.csv")
    assert answer.status_code == 200
    rows = list(csv.reader(io.StringIO(answer.content.decode("utf-8"))))
    assert rows[0][:5] == ["assessment", "checklist", "step", "assessor_result", "moderator_result"]
    assert len(rows) == 1 + len(STEPS)
    assert rows[1][:5] == ["A-b1", "hv-isolation", "isolation", "passed", "failed"]


def test_without_a_session_the_report_goes_to_sign_in(cycles, console_as):
    answer = console_as(None).get("/console/moderation/2027-H1/report")
    assert answer.status_code == 303 and answer.headers["location"].startswith("/console/login?next=")


def test_the_home_page_lists_the_reports_for_every_reader(cycles, console_as):
    for role in READERS:
        home = console_as(role).get("/console/")
        assert 'data-section="moderation_reports"' in home.text, role


def test_each_group_has_its_confusion_matrices_on_the_page(cycles, console_as):
    text = console_as("auditor").get("/console/moderation/2027-H1/report").text
    assert "Confusion matrices: battery" in text and 'id="checklist-1-steps"' in text
    battery = text[text.index('data-group="battery"', text.index('class="group-matrices"')):]
    matrix = battery[:battery.index("</details>")]
    # battery: passed/passed twice, failed/passed once
    assert "<th scope=\"row\">Passed</th><td class=\"diagonal\">2</td><td>0</td>" in matrix
    assert "<th scope=\"row\">Failed</th><td>1</td><td class=\"diagonal\">0</td>" in matrix


def test_a_stored_sample_that_cannot_be_read_is_named_not_a_crash(cycles, console_as, tmp_path, capsys):
    from sqlalchemy import update

    from assessor_app.cli import main
    from assessor_app.provider.moderation.models import ModerationSampleRow

    with cycles.store.writer.begin() as conn:
        conn.execute(update(ModerationSampleRow).where(ModerationSampleRow.cycle == "2027-H1")
                     .values(canonical="{not json"))
    answer = console_as("administrator").get("/console/moderation/2027-H1/report")
    assert answer.status_code == 503
    assert "The stored sample of cycle 2027-H1 cannot be read" in answer.text.replace("&#39;", "'")
    assert "Traceback" not in answer.text
    assert main(["provider", "moderation", "export", "2027-H1", "--folder", str(cycles.store.config.folder),
                 "--out", str(tmp_path / "out")]) == 1
    assert "The stored sample of cycle 2027-H1 cannot be read" in capsys.readouterr().err


def test_a_stored_verdict_that_cannot_be_read_is_left_out_and_said_so(cycles, console_as):
    from sqlalchemy import insert

    from assessor_app.provider.moderation.models import ModerationVerdictRow
    from assessor_app.provider.moderation.report_store import cycle_report

    before = cycle_report(cycles.store, "2027-H1")
    with cycles.store.writer.begin() as conn:
        key_id = conn.execute(ModerationVerdictRow.__table__.select()).first().key_id
        conn.execute(insert(ModerationVerdictRow).values(
            cycle="2027-H1", bundle_id="b1", device="d" * 64, moderator="moderator", recorded_us=1,
            decision="confirm", document='{"format": 1}', sha256="f" * 64, previous_sha256=None,
            key_id=key_id, signature="x"))
    after = cycle_report(cycles.store, "2027-H1")
    assert len(after.unreadable) == 1 and "lacks" in after.unreadable[0].reason
    assert after.overall.steps == before.overall.steps
    page = console_as("coordinator").get("/console/moderation/2027-H1/report")
    assert "1 stored verdict cannot be read and is left out of the statistics." in page.text


@pytest.mark.parametrize("language", ["en", "fi", "sv", "es", "pt"])
def test_a_cycle_without_verdicts_still_makes_a_pdf_and_csv_in_every_language(cycles, console_as, language):
    client = console_as("coordinator")
    client.cookies.set("lang", language)
    pdf = client.get("/console/moderation/2027-H2/report.pdf")
    assert pdf.status_code == 200
    text = " ".join(pdf_text(pdf.content).split())
    assert "2027-H2" in text and "nan" not in text.lower()
    csv_answer = client.get("/console/moderation/2027-H2/report.csv")
    rows = list(csv.reader(io.StringIO(csv_answer.content.decode("utf-8-sig"))))
    assert len(rows) == 2  # the header and the whole cycle: no group has a verdict


def test_a_verdict_whose_document_names_another_moderator_than_its_row_is_left_out(cycles):
    from sqlalchemy import insert, select

    from assessor_app.provider.moderation.models import ModerationVerdictRow
    from assessor_app.provider.moderation.report_store import cycle_report

    with cycles.store.writer.begin() as conn:
        row = conn.execute(select(ModerationVerdictRow).order_by(ModerationVerdictRow.id)).first()
        conn.execute(insert(ModerationVerdictRow).values(
            cycle="2027-H1", bundle_id=row.bundle_id, device=row.device, moderator="someone-else",
            recorded_us=row.recorded_us + 1, decision=row.decision, document=row.document, sha256="e" * 64,
            previous_sha256=None, key_id=row.key_id, signature=row.signature))
    report = cycle_report(cycles.store, "2027-H1")
    assert [u.reason for u in report.unreadable] == [
        "the document names another cycle, assessment or moderator than its row"]
    assert report.overall.verdicts == 2
