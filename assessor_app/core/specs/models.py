"""Typed model of a checklist specification file (``kind: checklist``)."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag

from assessor_app.core.specs.conditions import ConditionName
from assessor_app.core.specs.text import LocalizedText

ID_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9_.-]*$"
SEMVER_PATTERN = (
    r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?(?:\+[0-9A-Za-z-]+(?:\.[0-9A-Za-z-]+)*)?$"
)

ESCO_PATTERN = r"^https?://data\.europa\.eu/esco/"

Identifier = Annotated[str, Field(pattern=ID_PATTERN, max_length=64)]
Risk = Literal["critical", "high", "standard"]
EvidenceKind = Literal["video", "photo", "measurement", "can_log", "observation", "signoff"]
Gateway = Literal["foundational", "hv-maintenance", "ev-hybrid", "live-work"]
Quantity = Literal[
    "voltage", "current", "resistance", "power", "frequency", "time", "charge", "energy",
    "torque", "ratio", "temperature", "pressure", "length", "angle", "speed", "rotation",
    "bitrate", "count",
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class ParamRef(_Strict):
    """A value taken from the procedure parameter set chosen for the assessment."""

    param: Identifier


class Amount(_Strict):
    """A literal value with its unit, e.g. ``{value: 2, unit: min}``."""

    value: float
    unit: str


def _amount_kind(value: Any) -> str | None:
    """Which alternative a value is meant as, so errors speak of that one only."""
    if isinstance(value, dict):
        return "ParamRef" if "param" in value else "Amount"
    if isinstance(value, int | float) and not isinstance(value, bool):
        return "float"
    return None


#: A range bound: a number in the measurement's unit, a literal amount, or a parameter.
Bound = Annotated[
    Annotated[float, Tag("float")] | Annotated[Amount, Tag("Amount")]
    | Annotated[ParamRef, Tag("ParamRef")],
    Discriminator(
        _amount_kind,
        custom_error_type="bound",
        custom_error_message="expected a number, an amount such as {value: 60, unit: V}, "
        "or a parameter such as {param: name}",
    ),
]
#: A duration: a literal amount (time unit) or a parameter.
Duration = Annotated[
    Annotated[Amount, Tag("Amount")] | Annotated[ParamRef, Tag("ParamRef")],
    Discriminator(
        _amount_kind,
        custom_error_type="duration",
        custom_error_message="expected an amount such as {value: 10, unit: min}, "
        "or a parameter such as {param: name}",
    ),
]


class PassRange(_Strict):
    min: Bound | None = None
    max: Bound | None = None


def _limit_kind(value: Any) -> str | None:
    kind = _amount_kind(value)
    return None if kind == "ParamRef" else kind


#: A literal limit: a number in the measurement's unit, or an amount such as {value: 10, unit: kV}.
Limit = Annotated[
    Annotated[float, Tag("float")] | Annotated[Amount, Tag("Amount")],
    Discriminator(
        _limit_kind,
        custom_error_type="limit",
        custom_error_message="expected a number, or an amount such as {value: 10, unit: kV}",
    ),
]


class InstrumentRange(_Strict):
    """What the instrument can show for a reading; a reading outside it is refused as mistyped."""

    min: Limit | None = None
    max: Limit | None = None


class WorkingVoltage(_Strict):
    """The vehicle's working voltage (the highest in its HV system), as a check's limit."""

    working_voltage: Literal[True]


def _field_bound_kind(value: Any) -> str | None:
    if isinstance(value, dict) and "working_voltage" in value:
        return "WorkingVoltage"
    return _amount_kind(value)


#: A limit of a step field's check: a number, an amount, a parameter, or the working voltage.
FieldBound = Annotated[
    Annotated[float, Tag("float")] | Annotated[Amount, Tag("Amount")]
    | Annotated[ParamRef, Tag("ParamRef")] | Annotated[WorkingVoltage, Tag("WorkingVoltage")],
    Discriminator(
        _field_bound_kind,
        custom_error_type="field_bound",
        custom_error_message="expected a number, an amount such as {value: 1000, unit: V}, a parameter "
        "such as {param: name}, or {working_voltage: true}",
    ),
]
FieldType = Literal["text", "number", "date", "choice", "boolean"]
SignOffRole = Literal["assessor", "candidate", "responsible_person"]


class FieldOption(_Strict):
    value: Identifier
    label: LocalizedText
    rated_voltage: Amount | None = Field(
        default=None, description="What this choice is rated for, e.g. a glove class's DC rating "
        "(IEC 60903 class 0: 1500 V DC); checked by rated_at_least_working_voltage.")


class FieldCheck(_Strict):
    """One check of a step field's value; its limits come from parameters, never from code."""

    at_least: FieldBound | None = Field(default=None, description="numbers: the value is at least this")
    at_most: FieldBound | None = Field(default=None, description="numbers: the value is at most this")
    rated_at_least_working_voltage: bool = Field(
        default=False, description="choices: the chosen option's rated_voltage covers the working voltage")
    not_older_than: Duration | None = Field(
        default=None, description="dates: no longer ago than this on the assessment date (e.g. the "
        "gloves' last dielectric test)")
    not_past: bool = Field(default=False, description="dates: not before the assessment date (e.g. a "
                                                      "calibration due date)")
    must_be: bool | None = Field(default=None, description="booleans: the value must be this")
    label: LocalizedText | None = Field(default=None, description="What the check is about, shown when "
                                                                   "it fails")


class StepField(_Strict):
    """A value a moderator needs besides a button press: glove class, instrument id, due dates..."""

    id: Identifier
    label: LocalizedText
    type: FieldType
    unit: str | None = Field(default=None, description="numbers: the unit the value is entered in")
    required: bool = True
    options: list[FieldOption] = Field(default_factory=list, description="choices: what can be chosen")
    checks: list[FieldCheck] = Field(default_factory=list)

    def choice_label(self, value: object, language: str) -> str | None:
        """The chosen option's words in ``language``; None when this is no choice or no option has it."""
        for option in self.options:
            if option.value == value:
                return option.label.get_text(language)
        return None


class OralQuestion(_Strict):
    """A question the assessor asks; the answer is noted and judged correct or not."""

    id: Identifier
    text: LocalizedText


class Measurement(_Strict):
    id: Identifier
    label: LocalizedText
    quantity: Quantity | None = Field(
        default=None, description="Defaults to the quantity of the unit."
    )
    unit: str
    range: PassRange | None = None
    magnitude: bool = Field(
        default=False,
        description="Judge the size of the reading, ignoring its sign (e.g. a dead test: "
        "-400 V is as live as +400 V).",
    )
    conditions: LocalizedText | None = Field(
        default=None, description="How to measure, e.g. test voltage or measuring points."
    )
    instrument: bool = Field(
        default=False, description="Each reading names the instrument and the range it was taken on.")
    instrument_range: InstrumentRange | None = Field(
        default=None,
        description="What the instrument can show for this reading (e.g. {min: 0, max: {value: 10, unit: "
        "GΩ}}): a reading outside it is refused as mistyped, naming the bound. Without it, the policy's "
        "plausible range for the unit's quantity applies.")
    out_of_range: Literal["retry", "hazard"] = Field(
        default="retry",
        description="retry: measure again; hazard: an out-of-range reading locks the step into the "
        "hazard stop (a live dead test is never measured away).")


class MinWait(_Strict):
    after: Identifier
    wait: Duration
    label: LocalizedText | None = None


class MaxWindow(_Strict):
    start: Identifier = Field(description="The step whose result opens the window.")
    window: Duration
    label: LocalizedText | None = None
    on_lapse: Literal["fail", "reopen"] = Field(
        default="fail", description="reopen: a lapsed window lets the sequence from its first step be "
        "done again (every attempt kept) instead of forcing a fail.")


class StepRules(_Strict):
    after: list[Identifier] = Field(
        default_factory=list, description="Steps that must be passed (or N/A) first."
    )
    min_wait: list[MinWait] = Field(default_factory=list)
    max_window: list[MaxWindow] = Field(default_factory=list)
    same_person_as: Identifier | None = Field(
        default=None, description="The person recorded on this step must be the one on that step."
    )
    performed_by: Literal["candidate"] | None = Field(
        default=None, description="Only the candidate may do this step (e.g. applying a lock).")
    same_instrument_as: Identifier | None = Field(
        default=None, description="Readings must be taken with the instrument used on that step.")


class StepDiagnostics(_Strict):
    """Evidence the app reads from the vehicle's diagnostic bus (CAN/OBD) at this step."""

    snapshot: LocalizedText | None = Field(
        default=None,
        description="Take a diagnostic snapshot (VIN, stored/pending/permanent DTCs, PIDs) at this "
        "step; the text says what it is for, e.g. 'DTCs before the task'.",
    )
    condition: ConditionName | None = Field(
        default=None,
        description="A named condition checked on the live CAN signals; the step cannot be passed "
        "while it was last seen not met.",
    )


class Step(_Strict):
    id: Identifier
    title: LocalizedText
    instructions: LocalizedText | None = None
    pass_criterion: LocalizedText | None = None
    risk: Risk
    evidence: list[EvidenceKind] = Field(default_factory=list)
    measurements: list[Measurement] = Field(default_factory=list)
    na_allowed: bool = False
    rules: StepRules = Field(default_factory=StepRules)
    diagnostics: StepDiagnostics | None = Field(
        default=None,
        description="A snapshot and/or a signal condition to record before the step can be passed "
        "(or to record as not available, with the reason).",
    )
    fields: list[StepField] = Field(default_factory=list, description="Structured data recorded at "
                                                                      "this step, with its checks.")
    hazard: LocalizedText | None = Field(
        default=None, description="What found here means stop: the step may end as 'hazard found, "
        "correctly stopped', which ends the task as stopped safely (not a candidate failure).")
    questions: list[OralQuestion] = Field(default_factory=list)
    gates_outcome: bool = Field(default=False, description="An oral question answered incorrectly "
                                                           "here means not yet competent.")


class RubricScale(_Strict):
    min: int
    max: int
    labels: dict[str, LocalizedText] = Field(
        default_factory=dict, description="Score (as text) to its meaning."
    )


class RubricCriterion(_Strict):
    id: Identifier
    title: LocalizedText
    description: LocalizedText | None = None
    minimum: int | None = Field(
        default=None, description="Overrides the rubric's minimum for this criterion (e.g. safety "
        "protocols: demonstrated independently).")


class Rubric(_Strict):
    scale: RubricScale
    minimum: int | None = Field(
        default=None, description="A score below this on any criterion means not yet competent."
    )
    criteria: list[RubricCriterion] = Field(min_length=1)


class CountryCodes(_Strict):
    fi_qualification_unit: list[str] = Field(default_factory=list)
    es_grade_codes: list[str] = Field(default_factory=list, description="Spanish Grade A/B codes")
    es_ecp_codes: list[str] = Field(default_factory=list)
    pt_ufcd: list[str] = Field(default_factory=list)


class Prerequisite(_Strict):
    text: LocalizedText
    checklist: Identifier | None = Field(
        default=None, description="A checklist whose completion is required first."
    )


class Credential(_Strict):
    learning_outcomes: list[LocalizedText] = Field(min_length=1)
    esco_skills: list[Annotated[str, Field(pattern=ESCO_PATTERN)]] = Field(
        default_factory=list
    )
    eqf_level: int = Field(ge=1, le=8)
    workload_hours: float = Field(gt=0)
    gateway: Gateway | None = Field(
        default=None, description="The progression gateway this credential belongs to; none for "
        "diagnostic credentials that carry no electrical-safety content.")
    prerequisites: list[Prerequisite] = Field(default_factory=list)
    standards: list[str] = Field(default_factory=list)
    country_codes: CountryCodes = Field(default_factory=CountryCodes)


class ChecklistSpec(_Strict):
    kind: Literal["checklist"]
    id: Identifier
    version: Annotated[str, Field(pattern=SEMVER_PATTERN)]
    title: LocalizedText
    instructions: LocalizedText | None = None
    credential: Credential
    parameters: dict[Identifier, Quantity] = Field(
        default_factory=dict,
        description="Procedure parameters this checklist needs, with the quantity of each.",
    )
    steps: list[Step] = Field(min_length=1)
    rubric: Rubric
    signoffs: list[SignOffRole] = Field(
        default_factory=lambda: list[SignOffRole](["assessor"]),
        description="Who must sign off before the assessment can be finished.")

    def step(self, step_id: str) -> Step:
        for step in self.steps:
            if step.id == step_id:
                return step
        raise KeyError(step_id)

    @property
    def languages(self) -> list[str]:
        """Languages the checklist's title is written in (English first)."""
        return list(self.title)
