"""``assessor feedback``: the moderation feedback received, in the chosen language."""

from __future__ import annotations

from pathlib import Path

import pytest

from assessor_app.cli import main
from assessor_app.core.specs.library import load_library
from assessor_app.demo import run_demo
from assessor_app.demo.moderation_feedback import store_demo_feedback
from assessor_app.paths import checklists_dir
from assessor_app.storage.store import AssessmentStore


def test_feedback_lists_each_item_with_its_decision_and_the_steps_that_differ(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    demo = run_demo(load_library(checklists_dir()), tmp_path, say=lambda _line: None, video=False)
    folder = str(demo.database.parent)
    assert main(["feedback", "--data-dir", folder, "--language", "en"]) == 0
    assert capsys.readouterr().out.startswith("No moderation feedback has arrived yet")

    store = AssessmentStore.open(demo.database)
    try:
        store_demo_feedback(store, demo.assessment_id, "fi")
        store_demo_feedback(store, "elsewhere-1", "fi", feedback_id=2, recorded_us=1)
    finally:
        store.close()
    assert main(["feedback", "--data-dir", folder, "--language", "fi"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == "2 moderoinnin palautetta, lukematta 2:"
    shown = "\n".join(lines)
    assert f"UUSI Arviointi {demo.assessment_id} (" in shown
    assert "UUSI Arviointi elsewhere-1 (ei tämän työaseman luettelossa)" in shown
    assert "Ryhmän päätös: kumottu: ryhmä päätyi eri lopputulokseen (moderointikierros 2027-H1)" in shown
    assert ("Kriittinen vaihe 05 Mittalaitteet: mittausluokka ja jänniteluokitus, mittajohdot, "
            "kalibrointipäivä, testauslähde: arvioijan tulos hyväksytty, moderaattorin hylätty. Perustelu: "
            "Videolla näkyvä kalibrointitarra kuuluu toiseen mittariin.") in shown
    assert ("Vaihe 22 Suulliset kysymykset ja luovutus: arvioijan tulos hyväksytty, moderaattorin ei "
            "sovellu.") in shown
