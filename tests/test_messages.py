"""Below the window nothing speaks English sentences: the engine, the plausibility policy, VINs, units,
the event chain, the library and parameter sets give message codes with values, rendered in each
language from the catalogs; stored messages (and an older record's English text) read back in any
language; an older record still replays."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from helpers import ASSESSOR, Driver, do_until_dead, sign_and_finish

from assessor_app.core.engine import RecordMeasurement, RecordResult, ReplayError, SignOff, replay
from assessor_app.core.engine import messages as m_
from assessor_app.core.events import ALTERED, GENESIS, Event, make_event
from assessor_app.core.plausibility import BELOW_INSTRUMENT
from assessor_app.core.specs.checks import UNKNOWN_ORDER_STEP
from assessor_app.core.specs.text import LocalizedText
from assessor_app.core.terms import term
from assessor_app.core.units import CANNOT_CONVERT
from assessor_app.core.vin import NEVER_USED_LETTER, vin_problem
from assessor_app.i18n import LANGUAGES, Msg, render, render_stored, tool

PACKAGE = Path(__file__).resolve().parents[1] / "assessor_app"
#: The contexts of the messages below the window (and the terms they use).
CONTEXTS = ("engine.", "plausibility.", "vin.", "checks.", "chain.", "units.", "library.", "parameters.",
            "recorder.", "term.")

LABEL = LocalizedText({"en": "HV+ to chassis", "fi": "HV+ runkoon", "sv": "HV+ mot chassi",
                       "es": "HV+ a chasis", "pt": "HV+ ao chassis"})
SAMPLES = {
    "hazard lock": m_.HAZARD_LOCKED(lock=m_.HAZARD_LOCK(label=LABEL, value=380.5, unit="V")),
    "too old": m_.CHECK_TOO_OLD(about=LABEL, value="2026-01-15", age=291, days=183.0),
    "not in role": m_.NOT_IN_ROLE(person="p-1", role=term("responsible_person")),
    "same instrument": m_.SAME_INSTRUMENT(ours=m_.side_by_side(["FLUKE-1", "FLUKE-2"]), step="06",
                                          theirs="FLUKE-3"),
    "instrument range": BELOW_INSTRUMENT(name=LABEL, value=-0.5, unit="V", bound=0.0),
    "vin": NEVER_USED_LETTER(char="O", position=5),
    "order": UNKNOWN_ORDER_STEP(parameter_set="oem-example", step="'99'", checklist="hv-isolation-series"),
    "units": CANNOT_CONVERT(unit="A", quantity=term("current"), target="V", target_quantity=term("voltage")),
    "chain": ALTERED(seq=7, kind="step_result"),
}


@pytest.fixture(scope="module")
def template():
    return tool.extract()


@pytest.mark.parametrize("language", tool.TRANSLATED)
def test_every_message_below_the_window_is_translated(language, template):
    found = tool.problems(language, template)
    ours = [item for kind in ("untranslated", "fuzzy", "placeholders") for item in getattr(found, kind)
            if item.startswith(tuple(f"[{c}" for c in CONTEXTS))]
    assert ours == [], f"{language}: translate these (see /work/notes/tr-14-msgs.json):\n" + "\n".join(ours)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_a_message_renders_in_every_language_with_its_values(name):
    msg = SAMPLES[name]
    english = render(msg, "en")
    assert english == str(msg) and "{" not in english
    for language in LANGUAGES[1:]:
        text = render(msg, language)
        assert "{" not in text and "}" not in text, (language, text)
        assert text != english, f"{name} is not translated into {language}: {text}"


def test_values_are_written_as_each_language_writes_them():
    lock = SAMPLES["hazard lock"]
    assert render(lock, "en").startswith("HV+ to chassis read 380.5 V cannot be measured away")
    assert render(lock, "fi").startswith("HV+ runkoon")
    assert "380,5" in render(lock, "fi") and "380,5" in render(lock, "es")
    assert "FLUKE-1, FLUKE-2" in render(SAMPLES["same instrument"], "sv")


def test_a_refusal_of_a_fractional_reading_has_a_decimal_comma_in_finnish(driver: Driver):
    do_until_dead(driver)
    driver.ok(RecordMeasurement("dead", "hv", 1.5, "V"))  # above the 1 V dead-voltage limit
    refused = driver.refused(RecordResult("dead", "pass"))
    assert refused.reason == "HV+ to HV- 1.5 V is out of range: measure again or record a fail"
    assert "1,5 V" in refused.text("fi") and "1.5" not in refused.text("fi")
    assert refused.text("fi") != refused.reason


def test_a_stored_message_and_an_older_records_text_read_back_in_any_language():
    stored = m_.CHECK_MUST_BE_YES(about=LABEL).to_dict()
    assert stored["text"] == "HV+ to chassis: must be yes"
    assert render_stored(stored, "en") == "HV+ to chassis: must be yes"
    finnish = render_stored(stored, "fi")
    assert finnish.startswith("HV+ runkoon") and finnish != stored["text"]
    assert render_stored("Glove class: must be yes", "fi") == "Glove class: must be yes"  # an older record
    nested = m_.DATA_CHECK_FAILED(reason=stored)  # a stored reason inside a refusal
    assert str(nested) == "HV+ to chassis: must be yes: correct it or record a fail"
    assert render(nested, "fi").startswith("HV+ runkoon")


def test_problems_carry_messages_and_keep_their_english():
    problem = vin_problem("WVWZOZE1ZMP000001")
    assert problem is not None and isinstance(problem.message, Msg)
    assert str(problem) == "VIN: letter O at position 5 is not allowed (I, O, Q are never used)"
    assert render(problem.message, "fi") != str(problem)


def _rechained(events: list[Event], change) -> list[Event]:
    out, prev = [], GENESIS
    for e in events:
        payload = change(e)
        new = make_event(e.assessment_id, e.seq, e.kind, payload, e.wall_us, e.t_us, prev)
        out.append(new)
        prev = new.hash
    return out


def test_an_older_record_with_english_reasons_still_replays(driver: Driver):
    driver.passes("ppe")
    finished = sign_and_finish(driver)
    assert [r["code"] for r in finished.payload["reasons"]] == ["engine.outcome_not_done"]
    spec, params = driver.mini.checklist.spec, driver.mini.params.params

    def older(e: Event) -> dict:  # what an earlier version stored: the English sentences
        if e.kind != "assessment_finished":
            return dict(e.payload)
        return {**e.payload, "reasons": [r["text"] for r in e.payload["reasons"]]}

    assert replay(spec, params, _rechained(driver.events, older)).state.outcome == "incomplete"

    def other(e: Event) -> dict:  # a message the rules do not give
        if e.kind != "assessment_finished":
            return dict(e.payload)
        return {**e.payload, "reasons": [m_.OUTCOME_ABANDONED().to_dict()]}

    with pytest.raises(ReplayError) as refused:
        replay(spec, params, _rechained(driver.events, other))
    assert str(refused.value) == (
        f"event {finished.seq} (assessment_finished) does not match what the rules give")


def test_a_broken_chain_says_which_event_in_any_language(driver: Driver):
    driver.passes("ppe")
    driver.ok(SignOff("assessor", ASSESSOR.name))
    first, *rest = driver.events
    tampered = Event(**{**rest[0].__dict__, "t_us": rest[0].t_us + 1})
    with pytest.raises(ReplayError) as refused:
        replay(driver.mini.checklist.spec, driver.mini.params.params, [first, tampered, *rest[1:]])
    assert str(refused.value) == "event 1 (step_result) was altered: its hash does not match"
    assert refused.value.text("fi") != str(refused.value)


def _refused_with_text(source: str, where: str) -> list[str]:
    """Every ``Refused(...)`` call in ``source`` whose reason is a string literal or an f-string."""
    found = []
    for node in ast.walk(ast.parse(source, filename=where)):
        if not isinstance(node, ast.Call):
            continue
        called = node.func.id if isinstance(node.func, ast.Name) else (
            node.func.attr if isinstance(node.func, ast.Attribute) else "")
        if called != "Refused":
            continue
        for arg in list(node.args[:1]) + [k.value for k in node.keywords if k.arg == "message"]:
            text = isinstance(arg, ast.Constant) and isinstance(arg.value, str)
            if text or isinstance(arg, ast.JoinedStr):
                found.append(f"{where}:{node.lineno}")
    return found


def test_no_refusal_is_an_english_sentence():
    found = [hit for path in sorted(PACKAGE.rglob("*.py"))
             for hit in _refused_with_text(path.read_text(encoding="utf-8"), str(path.relative_to(PACKAGE)))]
    assert found == []


def test_the_scan_catches_a_refusal_written_as_text():
    source = ('Refused("no")\nRefused(f"no {x}", rule="r")\nRefused(message="no")\n'
              'engine.Refused(m_.NO_NA(step=s))\nBundleRefused("another kind of refusal")\n')
    assert _refused_with_text(source, "x.py") == ["x.py:1", "x.py:2", "x.py:3"]


def test_the_pdf_shows_a_stored_reason_in_its_language_and_an_older_one_as_written():
    from assessor_app.core.specs.loader import load_checklist
    from assessor_app.paths import checklists_dir
    from assessor_app.reports.pdf_step import correction_lines, step_extra_lines
    from assessor_app.reports.wording import wording

    step = load_checklist(checklists_dir() / "hv-isolation-series.yaml").spec.step("04")
    glove = next(f for f in step.fields if f.id == "glove_class")
    reason = m_.CHECK_RATED_BELOW(about=glove.label, option=glove.options[0].label, rated=750.0,
                                  working_voltage=800.0).to_dict()
    lock = m_.HAZARD_LOCK(label=LABEL, value=230.5, unit="V").to_dict()
    newer = {"data": {"glove_class": {"value": glove.options[0].value, "ok": False, "reason": reason}},
             "hazard_lock": lock}
    finnish = " ".join(text for text, _alert in step_extra_lines(step, newer, wording("fi"), "fi"))
    assert render(Msg.from_dict(reason), "fi") in finnish and "230,5 V" in finnish
    assert "HV+ runkoon" in finnish and "HV+ to chassis" not in finnish
    older = {"data": {"glove_class": {"value": glove.options[0].value, "ok": False,
                                      "reason": "Glove class: Class 00 is rated 750 V"}},
             "hazard_lock": "HV+ to chassis read 230 V"}
    shown = " ".join(text for text, _alert in step_extra_lines(step, older, wording("fi"), "fi"))
    assert "Glove class: Class 00 is rated 750 V" in shown and "HV+ to chassis read 230 V" in shown
    intervention = m_.INTERVENTION_REASON(intervention=term("prompt"), note="gloves?").to_dict()
    corrected = {"corrections": [{"replaces": "fail", "result": "pass", "replaced_reason": intervention,
                                  "reason": "recorded on the wrong step", "t_us": 0}]}
    assert "arvioijan vihje: gloves?" in " ".join(correction_lines(corrected, wording("fi"), 0, "fi"))
