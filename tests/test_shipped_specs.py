"""The shipped checklists and parameter sets: valid, schema-conformant, mutually compatible."""

import datetime as dt
import functools
import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import jsonschema
import pytest
from helpers import finished_in_english, in_english
from pydantic import BaseModel

from assessor_app.core.engine import (
    STARTED,
    Accepted,
    AssessmentEngine,
    Finish,
    Participant,
    Place,
    RecordAnswer,
    RecordIdentityCheck,
    RecordMeasurement,
    RecordResult,
    RecordStepData,
    Refused,
    ReopenSteps,
    ScoreRubric,
    SignOff,
    StartError,
    VehicleInfo,
)
from assessor_app.core.events import GENESIS, make_event
from assessor_app.core.specs import load_checklist, load_parameter_set
from assessor_app.core.specs.checks import compatibility
from assessor_app.core.specs.library import Library, load_library
from assessor_app.core.specs.models import ChecklistSpec, ParamRef, StepField, WorkingVoltage
from assessor_app.core.specs.parameters import DERIVED_NAMES, ParameterSet, resolve
from assessor_app.core.specs.schema import schema_texts
from assessor_app.core.specs.text import LocalizedText
from assessor_app.core.specs.yamlsource import parse
from assessor_app.i18n import render_stored
from assessor_app.paths import checklists_dir, resources_dir

CHECKLISTS = sorted(checklists_dir().glob("*.yaml"))
PARAMS = sorted((checklists_dir() / "parameters").glob("*.yaml"))
HV_RULES = {
    # step: (must come after, min-wait after, window start, same person as)
    "06": ({"01", "02"}, None, None, None),
    "07": ({"06"}, None, None, None),
    "08": ({"03", "04", "06", "07"}, None, None, None),
    "11": ({"04", "05", "10"}, None, None, None),
    "12": ({"04", "09", "10", "11"}, "08", "11", None),
    "13": ({"12"}, None, "12", None),
    "18": ({"04", "17"}, None, None, None),
    "20": ({"04", "18", "19"}, None, None, "09"),
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
    assert set(spec.languages) == {"en", "fi", "sv", "es", "pt"}


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
        decision = engine.decide(RecordMeasurement("12", "hv_plus_chassis", value, "V", "tester T-1",
                                                   "1000 V DC"), an_hour)
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


# ----------------------------------------------------------------- review 1.2.0: structure
SHIPPED_IDS = ("hv-isolation-series", "hv-battery-diagnostics", "adas-camera-static-calibration",
               "can-bus-physical-layer")
CANDIDATE, ASSESSOR = "learner-7", "assessor-2"
ASSESSMENT_DAY = dt.date(2026, 6, 1)
WALL_US = int(dt.datetime(2026, 6, 1, 8, 0, tzinfo=dt.UTC).timestamp()) * 1_000_000
HV_TOUCHING = ("08", "11", "12", "18", "20")


@functools.lru_cache(maxsize=1)
def _library() -> Library:
    lib = load_library(checklists_dir())
    assert lib.problems == []
    return lib


def _hv() -> ChecklistSpec:
    return _library().checklist("hv-isolation-series").spec


def _ancestors(spec: ChecklistSpec, step_id: str) -> set[str]:
    seen: set[str] = set()
    todo = list(spec.step(step_id).rules.after)
    while todo:
        ref = todo.pop()
        if ref not in seen:
            seen.add(ref)
            todo.extend(spec.step(ref).rules.after)
    return seen


def _texts(node: object) -> Iterator[dict[str, str]]:
    """Every LocalizedText under a model, wherever it sits."""
    if isinstance(node, LocalizedText):
        yield node
    elif isinstance(node, BaseModel):
        for name in type(node).model_fields:
            yield from _texts(getattr(node, name))
    elif isinstance(node, list | tuple):
        for item in node:
            yield from _texts(item)
    elif isinstance(node, dict):
        for item in node.values():
            yield from _texts(item)


@pytest.mark.parametrize("spec_id", SHIPPED_IDS)
def test_every_checklist_is_at_version_1_2_0_and_the_candidate_signs_off(spec_id):
    spec = _library().checklist(spec_id).spec
    assert spec.version == "1.2.1"
    # The SFS 6002 responsible person is optional: no shipped checklist requires their sign-off.
    assert spec.signoffs == ["assessor", "candidate"]


@pytest.mark.parametrize("spec_id", SHIPPED_IDS)
def test_safety_protocols_need_demonstrated_independently(spec_id):
    rubric = _library().checklist(spec_id).spec.rubric
    independently = next(int(score) for score, text in rubric.scale.labels.items()
                         if text["en"] == "Demonstrated independently")
    criterion = next(c for c in rubric.criteria if c.id == "safety_protocols")
    assert criterion.minimum == independently == 3


@pytest.mark.parametrize("spec_id", SHIPPED_IDS)
def test_what_the_review_added_is_in_every_language_of_the_checklist(spec_id):
    """Fields, options, checks, hazard stops and questions: in every language the title is in."""
    spec = _library().checklist(spec_id).spec
    languages = set(spec.languages)
    assert languages == {"en", "fi", "sv", "es", "pt"}
    added = [(step.id, text) for step in spec.steps
             for text in _texts([step.fields, step.questions, step.hazard])]
    assert added, "the review added structured content to every checklist"
    missing = [(step_id, text["en"]) for step_id, text in added if set(text) != languages]
    assert missing == []


def test_hv_isolation_orders_the_procedure_the_review_asks_for():
    spec = _hv()
    assert all("01" in _ancestors(spec, s.id) for s in spec.steps if s.id != "01")
    assert "02" in _ancestors(spec, "06")
    assert "05" in _ancestors(spec, "11")
    assert "06" in _ancestors(spec, "07")
    # directly, so that an OEM order replacing another step's 'after' cannot drop the PPE
    assert [s for s in HV_TOUCHING if "04" not in spec.step(s).rules.after] == []


def test_hv_isolation_people_hazards_instruments_and_windows():
    spec = _hv()
    assert {s.id for s in spec.steps if s.rules.performed_by == "candidate"} == {"09", "20"}
    assert {s.id for s in spec.steps if s.hazard is not None} == {"02", "11", "12", "13", "18"}
    for step_id in ("11", "12", "13"):
        assert all(m.instrument for m in spec.step(step_id).measurements), step_id
    assert [s.rules.same_instrument_as for s in (spec.step("12"), spec.step("13"))] == ["11", "11"]
    dead = spec.step("12")
    assert [m.out_of_range for m in dead.measurements] == ["hazard"] * 3
    assert dead.diagnostics is not None and dead.diagnostics.condition == "hv_bus_dead"
    for step_id in ("12", "13"):
        assert [w.on_lapse for w in spec.step(step_id).rules.max_window] == ["reopen"], step_id
    oral = spec.step("22")
    assert oral.gates_outcome
    assert [q.id for q in oral.questions] == [
        "five_safety_rules", "discharge_wait", "limits_2s_3s", "live_reading_at_dead_test"]


def test_hv_isolation_evidence_fields_and_their_limits():
    spec = _hv()
    fields = {(s.id, f.id): f for s in spec.steps for f in s.fields}
    glove = fields[("04", "glove_class")]
    assert {o.value: (o.rated_voltage.value, o.rated_voltage.unit) for o in glove.options
            if o.rated_voltage} == {"00": (750, "V"), "0": (1500, "V"), "1": (11250, "V")}
    assert glove.checks[0].rated_at_least_working_voltage
    assert fields[("04", "glove_test_date")].checks[0].not_older_than == ParamRef(param="glove_test_interval")
    assert fields[("04", "face_protection")].checks == []  # recorded as found: "where the OEM requires"
    assert fields[("05", "voltage_rating")].checks[0].at_least == WorkingVoltage(working_voltage=True)
    assert fields[("05", "calibration_due")].checks[0].not_past
    must_be_true = {key for key, f in fields.items() if any(c.must_be is True for c in f.checks)}
    assert must_be_true == {
        ("04", "glove_air_test"), ("04", "glove_visual_check"), ("04", "outers_eye_protection_no_jewellery"),
        ("04", "insulated_tools"), ("05", "category_iii_or_above"), ("05", "leads_checked"),
        ("05", "proving_source_ready"), ("06", "remote_wake_up_disabled"), ("09", "every_worker_locked"),
        ("18", "discharged_after_test"), ("20", "every_lock_removed_by_owner"),
        ("20", "gloves_on_plug_refit"), ("21", "reenergisation_announced"),
    }
    insulation = {m.id: m.range for m in spec.step("18").measurements}
    assert insulation["insulation_resistance"].min == ParamRef(param="insulation_floor")
    assert (insulation["test_voltage"].min, insulation["test_voltage"].max) == (
        ParamRef(param="insulation_test_voltage_min"), ParamRef(param="insulation_test_voltage_max"))
    assert {name: spec.parameters[name] for name in DERIVED_NAMES} == {
        "insulation_floor": "resistance", "insulation_test_voltage_min": "voltage",
        "insulation_test_voltage_max": "voltage"}


def test_battery_diagnostics_requires_hv_isolation_and_records_decisions_as_data():
    spec = _library().checklist("hv-battery-diagnostics").spec
    assert [p.checklist for p in spec.credential.prerequisites] == ["hv-isolation-series"]
    fields = {f.id: f for s in spec.steps for f in s.fields}
    for value in ("pack_voltage", "cell_voltage_delta", "temperature_max", "isolation_resistance", "soh"):
        assert fields[f"{value}_oem_limit"].type == "text"
        assert [o.value for o in fields[f"{value}_judgement"].options] == ["within", "outside"]
    assert [o.value for o in fields["decision"].options] == ["quarantine", "release"]
    assert {"scan_tool", "scan_tool_software", "thermal_events", "coolant_leaks", "housing_condition"} <= set(
        fields)
    assert spec.step("02").measurements[0].id == "aux_battery_voltage"
    assert {s.id for s in spec.steps if s.hazard is not None} == {"01", "07"}


def test_adas_and_can_carry_no_gateway_and_take_their_limits_from_parameters():
    adas = _library().checklist("adas-camera-static-calibration").spec
    can = _library().checklist("can-bus-physical-layer").spec
    assert adas.credential.gateway is None and can.credential.gateway is None
    target = {m.id: m for m in adas.step("04").measurements}
    for axis in ("yaw", "pitch", "roll"):
        assert target[f"target_{axis}_deviation"].range.max == ParamRef(param=f"adas_target_{axis}_tolerance")
    assert "support_stable" in {f.id for f in adas.step("05").fields}
    assert {s.id for s in adas.steps if s.hazard is not None} == {"02", "03", "05"}
    shorts = {"can_h_to_ground", "can_l_to_ground", "can_h_to_b_plus", "can_l_to_b_plus"}
    assert shorts <= {m.id for m in can.step("04").measurements}
    assert shorts <= {m.id for m in can.step("08").measurements}
    bounds = [b for s in can.steps for m in s.measurements if m.range
              for b in (m.range.min, m.range.max) if b is not None]
    assert bounds and all(isinstance(b, ParamRef) for b in bounds)
    listen = {f.id: f for f in can.step("07").fields}
    assert listen["adapter_reports_error_frames"].type == "boolean"
    assert listen["listen_only"].checks[0].must_be is True
    assert can.step("10").diagnostics is not None


@pytest.mark.parametrize("params_id, volts, test_voltage", [("generic-400v", 400, (450, 550)),
                                                            ("generic-800v", 800, (900, 1100))])
def test_generic_sets_say_so_and_give_a_conservative_floor(params_id, volts, test_voltage):
    params = _library().parameter_set(params_id).params
    assert params.version == "1.1.1" and params.source == "generic"
    assert params.title["en"] == f"Generic {volts} V DC series vehicle (generic values: not OEM data)"
    resolved = resolve(params, volts)
    assert resolved.generic
    assert resolved.get("insulation_floor", "MΩ") == 1.0  # above the R100 clamp (100 Ω/V)
    assert (resolved.get("insulation_test_voltage_min", "V"),
            resolved.get("insulation_test_voltage_max", "V")) == test_voltage
    assert resolved.get("glove_test_interval", "d") == 183


def _oem_example(step_order: dict) -> ParameterSet:
    """An OEM-style set (an illustration for the tests, not shipped): the generic values, an OEM
    source and its own step order."""
    data = parse((checklists_dir() / "parameters" / "generic-400v.yaml").read_text(encoding="utf-8")).data
    data.update(id="oem-example", source="oem", step_order=step_order,
                oem={"make": "Example", "procedure": "HV-OFF", "procedure_version": "1"})
    return ParameterSet.model_validate(data)


def test_an_oem_order_can_put_the_electronic_confirmation_before_12_v_off():
    """An electronic confirmation that needs 12 V on: the service plug out, confirmation, then 12 V off."""
    order = {"08": {"after": ["03", "04", "06"]}, "14": {"after": ["08"]}, "07": {"after": ["06", "14"]}}
    params = _oem_example({"hv-isolation-series": order})
    assert compatibility(_hv(), params) == []
    resolved = resolve(params, 400)
    assert resolved.after("hv-isolation-series", "07", ["06"]) == ["06", "14"]
    assert resolved.after("hv-isolation-series", "12", ["04"]) == ["04"]


def test_an_oem_order_naming_an_unknown_step_or_making_a_cycle_is_refused():
    unknown = _oem_example({"hv-isolation-series": {"99": {"after": ["01"]}, "07": {"after": ["98"]}}})
    assert [str(m) for m in compatibility(_hv(), unknown)] == [
        "parameter set oem-example orders step '99', which hv-isolation-series does not have",
        "parameter set oem-example puts step '98' before 07, but hv-isolation-series has no '98'",
    ]
    cycle = _oem_example({"hv-isolation-series": {"06": {"after": ["07"]}}})
    assert [str(m) for m in compatibility(_hv(), cycle)] == [
        "parameter set oem-example's step order for hv-isolation-series has a cycle: 06 -> 07 -> 06"]


# ----------------------------------------------------------------- review 1.2.0: through the engine
class Walk:
    """One assessment on a shipped checklist, driven through the real engine on a simulated clock."""

    def __init__(self, spec_id: str, params_id: str, volts: float,
                 eligibility: dict[str, str] | None = None):
        loaded = _library().checklist(spec_id)
        params = _library().parameter_set(params_id)
        self.spec = loaded.spec
        payload, self.params = AssessmentEngine.start_payload_v2(
            spec=loaded.spec, spec_sha256=loaded.sha256, params=params.params, params_sha256=params.sha256,
            candidate=Participant(CANDIDATE, hashlib.sha256(b"candidate").hexdigest()),
            assessor=Participant(ASSESSOR), workshop=Place("ws-1", "FI"),
            vehicle=VehicleInfo("test EV", volts, hashlib.sha256(b"vin").hexdigest()),
            eligibility=eligibility,
        )
        first = make_event("a-1", 0, STARTED, payload, WALL_US, 0, GENESIS)
        self.engine = AssessmentEngine(loaded.spec, self.params, first)
        self.t_us = 0

    def act(self, action: object, after_s: float = 30.0) -> Accepted | Refused:
        """Decide ``action`` ``after_s`` later; apply it when accepted. A wait is waited out."""
        self.t_us += round(after_s * 1e6)
        decision = self.engine.decide(action, self.t_us)  # type: ignore[arg-type]
        if isinstance(decision, Refused) and decision.wait_s is not None:
            return self.act(action, decision.wait_s + 1)
        if isinstance(decision, Accepted):
            state = self.engine.state
            self.engine.apply(make_event("a-1", state.event_count, decision.kind, decision.payload,
                                         WALL_US + self.t_us, self.t_us, state.head_hash))
        return decision

    def ok(self, action: object) -> dict:
        decision = self.act(action)
        assert isinstance(decision, Accepted), decision
        return decision.payload

    def good_value(self, field: StepField) -> object:
        """A value that passes every check of ``field`` on this assessment."""
        if field.type == "boolean":
            return True
        if field.type == "text":
            return "noted by the assessor"
        if field.type == "date":
            if any(c.not_past for c in field.checks):
                return (ASSESSMENT_DAY + dt.timedelta(days=365)).isoformat()
            return (ASSESSMENT_DAY - dt.timedelta(days=30)).isoformat()
        if field.type == "choice":
            if any(c.rated_at_least_working_voltage for c in field.checks):
                return next(o.value for o in field.options if o.rated_voltage
                            and o.rated_voltage.value >= self.params.working_voltage_v)
            return "CAT-III" if field.id == "measurement_category" else field.options[0].value
        limits = [1.0]
        for check in field.checks:
            if isinstance(check.at_least, WorkingVoltage):
                limits.append(self.params.working_voltage_v)
            elif isinstance(check.at_least, ParamRef):
                limits.append(self.params.get(check.at_least.param, field.unit or ""))
            elif isinstance(check.at_least, float | int):
                limits.append(float(check.at_least))
        return max(limits) * 1.5

    def reading(self, step_id: str, measurement: str, value: float) -> Accepted | Refused:
        m = next(m for m in self.spec.step(step_id).measurements if m.id == measurement)
        instrument = ("tester T-1", "1000 V DC") if m.instrument else (None, None)
        return self.act(RecordMeasurement(step_id, measurement, value, m.unit, *instrument))

    def do_step(self, step_id: str, correct_answers: bool = True) -> None:
        step = self.spec.step(step_id)
        if step.fields:
            self.ok(RecordStepData(step_id, {f.id: self.good_value(f) for f in step.fields}))
        for q in step.questions:
            self.ok(RecordAnswer(step_id, q.id, "answer noted", correct_answers or q.id != "discharge_wait"))
        for m in step.measurements:
            low, high = self.engine.bounds(m)
            value = (low + high) / 2 if low is not None and high is not None else (
                high / 2 if high is not None else (low * 2 if low is not None else 1.0))
            assert isinstance(self.reading(step_id, m.id, value), Accepted), (step_id, m.id)
        if step.na_allowed and not step.measurements and step.diagnostics is None:
            self.ok(RecordResult(step_id, "na", "does not apply to this vehicle"))
        else:
            self.ok(RecordResult(step_id, "pass"))

    def do_until(self, step_id: str) -> None:
        for step in self.spec.steps:
            if step.id == step_id:
                return
            self.do_step(step.id)

    def finish(self, scores: dict[str, int] | None = None) -> dict:
        for c in self.spec.rubric.criteria:
            self.ok(ScoreRubric(c.id, (scores or {}).get(c.id, 3)))
        self.ok(SignOff("assessor", person=ASSESSOR, statement="I observed this assessment."))
        self.ok(SignOff("candidate", person=CANDIDATE, statement="I did this work."))
        self.ok(RecordIdentityCheck("photo_id"))
        return self.ok(Finish())


WALKS = [("hv-isolation-series", "generic-400v", 400), ("hv-isolation-series", "generic-800v", 800),
         ("hv-battery-diagnostics", "generic-400v", 400),
         ("adas-camera-static-calibration", "generic-400v", 400),
         ("can-bus-physical-layer", "generic-800v", 800)]


@pytest.mark.parametrize("spec_id, params_id, volts", WALKS)
def test_a_sound_vehicle_and_a_good_candidate_reach_competent(spec_id, params_id, volts):
    walk = Walk(spec_id, params_id, volts, eligibility={"hv-isolation-series": "recorded pass a-0"})
    walk.do_until("")
    assert walk.finish() == {"outcome": "competent", "reasons": []}


def test_battery_diagnostics_cannot_start_without_a_pass_of_hv_isolation():
    with pytest.raises(StartError) as refused:
        Walk("hv-battery-diagnostics", "generic-400v", 400)
    assert str(refused.value) == (
        "checklist hv-battery-diagnostics requires a recorded pass of hv-isolation-series for candidate "
        "learner-7 on this workstation, or an eligibility signed by the provider")


def test_a_live_dead_test_reading_locks_step_12_into_the_hazard_stop():
    walk = Walk("hv-isolation-series", "generic-400v", 400)
    walk.do_until("12")
    assert walk.reading("12", "hv_plus_chassis", 380.0).payload["in_range"] is False
    assert walk.reading("12", "hv_plus_chassis", 0.2).payload["in_range"] is True  # kept, not trusted
    for m in ("hv_minus_chassis", "hv_plus_minus"):
        walk.reading("12", m, 0.1)
    refused = walk.act(RecordResult("12", "pass"))
    assert isinstance(refused, Refused) and refused.rule == "hazard_lock"
    assert refused.reason.startswith("HV+ to chassis read 380 V cannot be measured away")
    walk.ok(RecordResult("12", "hazard", "380 V after the wait: made safe, quarantined, 3S informed"))
    assert in_english(walk.engine.derive_outcome()) == ("stopped_safely", [
        "hazard found at step 12, correctly stopped: re-assess on a sound vehicle"])


@pytest.mark.parametrize("step_id", ["02", "11", "13", "18"])
def test_the_other_hazard_stops_end_the_task_as_stopped_safely(step_id):
    walk = Walk("hv-isolation-series", "generic-400v", 400)
    walk.do_until(step_id)
    walk.ok(RecordResult(step_id, "hazard", "found and stopped correctly"))
    assert walk.engine.derive_outcome()[0] == "stopped_safely"


def test_a_class_00_glove_is_refused_on_an_800_v_vehicle():
    walk = Walk("hv-isolation-series", "generic-800v", 800)
    walk.do_until("04")
    checks = walk.ok(RecordStepData("04", {"glove_class": "00"}))["checks"]
    assert checks["glove_class"]["ok"] is False
    assert render_stored(checks["glove_class"]["reason"], "en") == (
        "Glove class against the vehicle's working voltage: Class 00 (500 V AC / 750 V DC) is rated 750 V, "
        "below the vehicle's working voltage of 800 V")
    assert walk.ok(RecordStepData("04", {"glove_class": "0"}))["checks"]["glove_class"] == {"ok": True,
                                                                                            "reason": ""}


def test_old_gloves_and_a_cat_ii_low_rated_uncalibrated_tester_fail_their_checks():
    walk = Walk("hv-isolation-series", "generic-800v", 800)
    walk.do_until("04")
    old = (ASSESSMENT_DAY - dt.timedelta(days=200)).isoformat()
    checks = walk.ok(RecordStepData("04", {"glove_test_date": old}))["checks"]
    assert render_stored(checks["glove_test_date"]["reason"], "en") == (
        f"Gloves' dielectric test within the retest interval: {old} is 200 days before the assessment, "
        "more than 183 days")
    past = (ASSESSMENT_DAY - dt.timedelta(days=1)).isoformat()
    checks = walk.ok(RecordStepData("05", {"measurement_category": "CAT-II", "category_iii_or_above": False,
                                           "voltage_rating": 600, "calibration_due": past}))["checks"]
    assert {k: render_stored(v["reason"], "en") for k, v in checks.items()} == {
        "measurement_category": "",
        "category_iii_or_above": "Measurement category CAT III or above (CAT II is not accepted for HV "
                                 "work): must be yes",
        "voltage_rating": "Tester's voltage rating against the vehicle's working voltage: 600 V is below the "
                          "vehicle's working voltage (800 V)",
        "calibration_due": f"Tester's calibration due date: {past} has passed (the assessment is on "
                           f"{ASSESSMENT_DAY.isoformat()})",
    }


def test_a_hybrid_battery_label_voltage_is_not_the_working_voltage():
    walk = Walk("hv-isolation-series", "generic-800v", 650)
    checks = walk.ok(RecordStepData("01", {"working_voltage_identified": 201.6}))["checks"]
    assert render_stored(checks["working_voltage_identified"]["reason"], "en") == (
        "The identified working voltage is not below the vehicle's: 201.6 V is below the vehicle's working "
        "voltage (650 V)")


def test_only_the_candidate_applies_the_lock():
    walk = Walk("hv-isolation-series", "generic-400v", 400)
    walk.do_until("09")
    walk.ok(RecordStepData("09", {"locks_applied": 1, "every_worker_locked": True}))
    refused = walk.act(RecordResult("09", "pass", person=ASSESSOR))
    assert isinstance(refused, Refused)
    assert (refused.reason, refused.rule) == (
        "step 09 must be done by the candidate (learner-7), not by the assessor", "person")


def test_an_incorrect_oral_answer_means_not_yet_competent():
    walk = Walk("hv-isolation-series", "generic-400v", 400)
    walk.do_until("22")
    walk.do_step("22", correct_answers=False)
    assert finished_in_english(walk.finish()) == {"outcome": "not_yet_competent", "reasons": [
        "step 22: oral question discharge_wait answered incorrectly"]}


def test_safety_protocols_demonstrated_with_prompting_is_not_competent():
    walk = Walk("can-bus-physical-layer", "generic-400v", 400)
    walk.do_until("")
    assert finished_in_english(walk.finish({"safety_protocols": 2})) == {
        "outcome": "not_yet_competent", "reasons": ["rubric safety_protocols scored 2, below 3"]}


def test_a_lapsed_live_dead_live_window_reopens_the_sequence_from_step_11():
    walk = Walk("hv-isolation-series", "generic-400v", 400)
    walk.do_until("12")
    for m in ("hv_plus_chassis", "hv_minus_chassis", "hv_plus_minus"):
        walk.reading("12", m, 0.1)
    late = walk.act(RecordResult("12", "pass"), after_s=6 * 60)
    assert isinstance(late, Refused) and late.rule == "max_window"
    assert late.reason.endswith("do the sequence again from step 11 (Rule 3 – live: prove the tester on a "
                                "known source) (every reading is kept), or record the step as failed")
    assert walk.ok(ReopenSteps("11", "window lapsed"))["reopened"] == ["11", "12", "13"]
    for step_id in ("11", "12", "13"):
        walk.do_step(step_id)
    assert walk.engine.state.steps["13"].status == "passed"
