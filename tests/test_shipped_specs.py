"""The shipped checklists and parameter sets: valid, schema-conformant, mutually compatible."""

import json
from pathlib import Path

import jsonschema
import pytest

from assessor_app.core.specs import load_checklist, load_parameter_set
from assessor_app.core.specs.checks import compatibility
from assessor_app.core.specs.library import load_library
from assessor_app.core.specs.schema import schema_texts
from assessor_app.core.specs.yamlsource import parse
from assessor_app.paths import checklists_dir, resources_dir

CHECKLISTS = sorted(checklists_dir().glob("*.yaml"))
PARAMS = sorted((checklists_dir() / "parameters").glob("*.yaml"))
HV_RULES = {
    # step: (must come after, min-wait after, window start, same person as)
    "08": ({"03", "04", "06", "07"}, None, None, None),
    "12": ({"09", "10", "11"}, "08", "11", None),
    "13": ({"12"}, None, "12", None),
    "20": ({"18", "19"}, None, None, "09"),
}


def test_ships_the_required_checklists_and_parameter_sets():
    lib = load_library(checklists_dir())
    assert lib.problems == []
    assert {
        "hv-isolation-series", "hv-battery-diagnostics", "adas-camera-static-calibration",
        "can-bus-physical-layer",
    } <= set(lib.checklists)
    assert {"generic-400v", "generic-800v"} <= set(lib.parameter_sets)


def test_hv_isolation_has_all_22_steps_and_the_brief_rules():
    spec = load_checklist(checklists_dir() / "hv-isolation-series.yaml").spec
    assert [s.id for s in spec.steps] == [f"{i:02d}" for i in range(1, 23)]
    for step_id, (after, wait_after, window_start, same) in HV_RULES.items():
        rules = spec.step(step_id).rules
        assert after <= set(rules.after), step_id
        if wait_after:
            assert [w.after for w in rules.min_wait] == [wait_after]
            assert rules.min_wait[0].wait.param == "discharge_wait"
        if window_start:
            assert window_start in [w.start for w in rules.max_window]
        assert rules.same_person_as == same
    assert spec.step("15").na_allowed
    risks = {s.id: s.risk for s in spec.steps}
    assert [k for k, v in risks.items() if v == "critical"] == [
        "02", "04", "06", "08", "09", "10", "11", "12", "13", "18", "20"
    ]
    assert {c.id for c in spec.rubric.criteria} == {
        "professional_conduct", "safety_protocols", "teamwork", "customer_communication"
    }
    assert set(spec.languages) >= {"en", "fi", "es", "pt"}


@pytest.mark.parametrize("params_path", PARAMS, ids=lambda p: p.stem)
@pytest.mark.parametrize("checklist_path", CHECKLISTS, ids=lambda p: p.stem)
def test_every_checklist_works_with_every_generic_parameter_set(checklist_path, params_path):
    spec = load_checklist(checklist_path).spec
    params = load_parameter_set(params_path).params
    assert compatibility(spec, params) == []


@pytest.mark.parametrize("path", CHECKLISTS + PARAMS, ids=lambda p: p.stem)
def test_shipped_files_conform_to_the_published_json_schema(path):
    data = parse(path.read_text(encoding="utf-8")).data
    name = "checklist.schema.json" if data["kind"] == "checklist" else "parameter-set.schema.json"
    schema = json.loads((resources_dir() / name).read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_published_schemas_are_up_to_date():
    for name, text in schema_texts().items():
        shipped = (resources_dir() / name).read_text(encoding="utf-8")
        assert shipped == text, f"resources/{name} is stale: run `assessor checklist schema`"


def test_json_schema_rejects_what_the_loader_rejects(tmp_path: Path):
    schema = json.loads((resources_dir() / "checklist.schema.json").read_text(encoding="utf-8"))
    data = parse((checklists_dir() / "hv-isolation-series.yaml").read_text(encoding="utf-8")).data
    data["steps"][0]["colour"] = "red"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(schema).validate(data)


def test_dead_test_judges_the_size_of_a_negative_reading():
    """-400 V at the dead test is live: the range applies to the magnitude."""
    from assessor_app.core.engine import AssessmentEngine, Person, RecordMeasurement, Vehicle
    from assessor_app.core.events import GENESIS, make_event

    cl = load_checklist(checklists_dir() / "hv-isolation-series.yaml")
    ps = load_parameter_set(checklists_dir() / "parameters" / "generic-400v.yaml")
    payload, resolved = AssessmentEngine.start_payload(
        spec=cl.spec, spec_sha256=cl.sha256, params=ps.params, params_sha256=ps.sha256,
        candidate=Person("c"), assessor=Person("a"), workshop=Person("w"),
        vehicle=Vehicle("V", "", 400),
    )
    first = make_event("x", 0, "assessment_started", payload, 0, 0, GENESIS)
    engine = AssessmentEngine(cl.spec, resolved, first)
    for step_id, step in engine.state.steps.items():  # everything before the dead test is done
        if step_id < "12":
            step.status, step.result_t_us, step.person = "passed", 0, "c"
    an_hour = 3_600_000_000
    for value, ok in ((-400.0, False), (-0.4, True), (0.4, True), (2.0, False)):
        decision = engine.decide(RecordMeasurement("12", "hv_plus_chassis", value, "V"), an_hour)
        assert decision.payload["in_range"] is ok, value


def test_a_parameter_set_for_a_lower_voltage_is_refused_for_the_vehicle():
    from assessor_app.core.engine import AssessmentEngine, Person, Vehicle
    from assessor_app.core.engine.engine import StartError

    cl = load_checklist(checklists_dir() / "hv-isolation-series.yaml")
    ps = load_parameter_set(checklists_dir() / "parameters" / "generic-400v.yaml")
    with pytest.raises(StartError, match="up to 400 V; this vehicle works at 800 V"):
        AssessmentEngine.start_payload(
            spec=cl.spec, spec_sha256=cl.sha256, params=ps.params, params_sha256=ps.sha256,
            candidate=Person("c"), assessor=Person("a"), workshop=Person("w"),
            vehicle=Vehicle("V", "", 800),
        )
