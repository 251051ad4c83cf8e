"""A structured field's choice is written with its option's words in the record's language, never its code."""

from __future__ import annotations

import pytest

from assessor_app.core.specs.library import load_library
from assessor_app.paths import checklists_dir
from assessor_app.reports.pdf_step import step_extra_lines
from assessor_app.reports.wording import wording


@pytest.mark.parametrize(("language", "words"), [("en", "Within the OEM limit"),
                                                 ("pt", "Dentro do limite do fabricante"),
                                                 ("fi", "Valmistajan rajoissa")])
def test_a_choice_is_written_with_its_options_words(language: str, words: str):
    library = load_library(checklists_dir())
    checklist = library.checklist("hv-battery-diagnostics").spec
    step = next(s for s in checklist.steps for f in s.fields
                if f.type == "choice" and any(o.value == "within" for o in f.options))
    field = next(f for f in step.fields if any(o.value == "within" for o in f.options))
    lines = step_extra_lines(step, {"data": {field.id: {"value": "within"}}}, wording(language), language)
    text = " ".join(line for line, _attention in lines)
    assert f"{field.label.get_text(language)}: {words}" in text
    assert ": within" not in text
