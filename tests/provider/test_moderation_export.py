"""``assessor provider moderation export``: verdicts.csv and agreement.json, their shape and values."""

from __future__ import annotations

import csv
import json

import pytest
from console_support import make_service
from moderation_report_support import DAY_US, T0, Assessment, Verdict, seed_cycle
from sklearn.metrics import cohen_kappa_score

from assessor_app.cli import main

A1 = Assessment("b1", checklist="hv-isolation", assessor="as-1", ended_us=T0)
A2 = Assessment("b2", checklist="battery", assessor="as-2", workshop="ws-south", ended_us=T0)
A3 = Assessment("b3", checklist="battery", assessor="as-2", workshop="ws-south", ended_us=T0)
VERDICTS = [
    Verdict(A1, [("isolation", True, "passed", "failed"), ("ppe", False, "passed", "passed"),
                 ("lockout", False, "failed", "failed")], [("r1", 3, 2), ("r2", 4, None)],
            decision="overturn", recorded_us=T0 + 3 * DAY_US),
    Verdict(A2, [("cells", False, "passed", "passed"), ("=SUM(A1)", False, "passed", "na")],
            [("r1", 2, 2)], recorded_us=T0 + 5 * DAY_US),
    Verdict(A3, [("cells", False, "passed", "passed")], moderator="second", recorded_us=T0 + 9 * DAY_US),
]


@pytest.fixture
def provider_folder(tmp_path):
    folder = tmp_path / "provider"
    service = make_service(folder)
    try:
        seed_cycle(service.store, "2027-H1", frame=[A1, A2, A3], sampled=[A1, A2, A3], verdicts=VERDICTS,
                   panel=("moderator", "second"))
    finally:
        service.close()
    return folder


def test_export_writes_one_row_per_moderated_step_and_the_agreement(provider_folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["provider", "moderation", "export", "2027-H1", "--folder", str(provider_folder),
                 "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "3 current verdict(s) on 3 assessment(s), 6 moderated step(s), 1 critical disagreement(s)" in said

    with (out / "verdicts.csv").open(encoding="utf-8", newline="") as f:
        rows = list(csv.reader(f))
    assert rows[0][:5] == ["assessment", "checklist", "step", "assessor_result", "moderator_result"]
    body = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert len(body) == 6
    assert [(r["assessment"], r["checklist"], r["step"], r["assessor_result"], r["moderator_result"])
            for r in body][:3] == [("A-b1", "hv-isolation", "isolation", "passed", "failed"),
                                   ("A-b1", "hv-isolation", "ppe", "passed", "passed"),
                                   ("A-b1", "hv-isolation", "lockout", "failed", "failed")]
    first = body[0]
    assert first["critical"] == "true" and first["agrees"] == "false" and first["reason"]
    assert first["moderator"] == "moderator" and first["decision"] == "overturn"
    assert first["recorded"] == "2026-09-24T14:13:20Z" and len(first["verdict_sha256"]) == 64
    assert body[4]["step"] == "'=SUM(A1)"  # a spreadsheet will not run it
    assert body[5]["moderator"] == "second"

    agreement = json.loads((out / "agreement.json").read_text(encoding="utf-8"))
    overall = agreement["overall"]
    a = [r["assessor_result"] for r in body]
    m = [r["moderator_result"] for r in body]
    assert overall["n"] == 6 and overall["percent_agreement"] == pytest.approx(4 / 6, abs=1e-6)
    assert overall["cohen_kappa"] == pytest.approx(cohen_kappa_score(a, m), abs=1e-6)
    assert isinstance(overall["gwet_ac1"], float) and overall["critical_disagreements"] == 1
    assert overall["rubric"]["n"] == 2 and overall["rubric"]["n_missing"] == 1
    assert overall["decisions"] == {"confirm": 2, "overturn": 1, "refer_back": 0}
    assert overall["cycle_time_days"]["max"] == pytest.approx(9.0)
    assert set(agreement["checklists"]) == {"hv-isolation", "battery"}
    battery = agreement["checklists"]["battery"]
    assert battery["n"] == 3 and battery["critical_disagreements"] == 0
    # the assessor passed every battery step: kappa is 0 however often the moderator agrees (as sklearn)
    assert battery["cohen_kappa"] == pytest.approx(cohen_kappa_score(a[3:], m[3:]), abs=1e-9) == 0.0
    assert battery["rubric"]["confusion"] == {"labels": [2, 3, 4],
                                              "counts": [[1, 0, 0], [0, 0, 0], [0, 0, 0]]}
    assert "quadratic_kappa_reason" not in agreement["checklists"]["hv-isolation"]["rubric"]
    assert agreement["critical_disagreements"] == [{
        "assessment": "A-b1", "bundle_id": "b1", "device": "d" * 64, "checklist": "hv-isolation",
        "step": "isolation", "assessor_result": "passed", "moderator_result": "failed",
        "reason": "the moderator saw failed on isolation", "moderator": "moderator"}]
    assert agreement["coverage"]["assessors_share"] == 1.0


def test_undefined_statistics_are_null_with_a_reason(tmp_path):
    folder = tmp_path / "provider"
    service = make_service(folder)
    try:
        seed_cycle(service.store, "all-pass", frame=[A1], sampled=[A1],
                   verdicts=[Verdict(A1, [("ppe", False, "passed", "passed")])])
    finally:
        service.close()
    out = tmp_path / "out"
    assert main(["provider", "moderation", "export", "all-pass", "--folder", str(folder),
                 "--out", str(out)]) == 0
    overall = json.loads((out / "agreement.json").read_text(encoding="utf-8"))["overall"]
    assert overall["percent_agreement"] == 1.0
    assert overall["cohen_kappa"] is None and overall["cohen_kappa_reason"] == "single_category"
    assert overall["gwet_ac1"] is None and overall["gwet_ac1_reason"] == "single_category"
    assert overall["rubric"]["krippendorff_alpha"] is None
    assert overall["rubric"]["krippendorff_alpha_reason"] == "no_pairs"
    assert "NaN" not in (out / "agreement.json").read_text(encoding="utf-8")


def test_a_bad_cycle_name_is_a_clear_message(provider_folder, tmp_path, capsys):
    out = tmp_path / "out"
    assert main(["provider", "moderation", "export", "2099-H9", "--folder", str(provider_folder),
                 "--out", str(out)]) == 1
    err = capsys.readouterr().err
    assert "There is no moderation cycle named 2099-H9." in err and "Traceback" not in err
    assert not (out / "verdicts.csv").exists()


def test_an_out_that_is_a_file_is_refused(provider_folder, tmp_path, capsys):
    target = tmp_path / "a-file"
    target.write_text("x")
    assert main(["provider", "moderation", "export", "2027-H1", "--folder", str(provider_folder),
                 "--out", str(target)]) == 1
    assert "is a file, not a folder" in capsys.readouterr().err
