"""A checklist that lacks a language: shown in English with a marker, and its gaps named."""

from __future__ import annotations

from helpers import load_mini

from assessor_app.core.specs.language_gaps import language_gaps
from assessor_app.core.specs.library import load_library
from assessor_app.core.specs.text import FALLBACK_MARK, LocalizedText
from assessor_app.paths import checklists_dir


def test_a_missing_language_falls_back_to_english_with_a_marker():
    text = LocalizedText({"en": "Remove the service plug", "fi": "Irrota huoltokytkin"})
    assert text.get_text("fi") == "Irrota huoltokytkin"
    assert text.get_text("en") == "Remove the service plug"
    assert text.get_text("sv") == FALLBACK_MARK + "Remove the service plug"
    assert text.has("fi") and not text.has("sv")


def test_the_gaps_of_a_checklist_are_named_by_language_and_place():
    spec = load_mini().checklist.spec
    gaps = language_gaps(spec)
    assert set(gaps) == {"fi", "sv", "es", "pt"}  # the test checklist is English only
    assert "title" in gaps["sv"]
    step = spec.steps[0]
    assert f"steps[{step.id}].title" in gaps["sv"]
    assert "title" not in gaps["fi"]  # its title has a Finnish text


def test_the_shipped_checklists_and_parameter_sets_have_every_language():
    library = load_library(checklists_dir())
    assert library.checklists and library.parameter_sets
    for loaded in [*library.checklists.values(), *library.parameter_sets.values()]:
        spec = getattr(loaded, "spec", None) or loaded.params
        assert language_gaps(spec) == {}, spec.id


def test_checklist_validate_names_the_language_gaps_without_failing(capsys):
    from helpers import MINI_CHECKLIST

    from assessor_app.cli import main

    assert main(["checklist", "validate", str(MINI_CHECKLIST), "--language", "en"]) == 0
    out = capsys.readouterr().out
    assert "1 of 1 file(s) valid" in out
    assert (f"{MINI_CHECKLIST}: no Svenska (sv) for 21 texts, shown in English with the marker [EN]: title, "
            "credential.learning_outcomes[0]") in out
    assert main(["checklist", "validate", str(checklists_dir()), "--language", "en"]) == 0
    assert "marker [EN]" not in capsys.readouterr().out  # the shipped files lack no language
