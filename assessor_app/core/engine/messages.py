"""What the engine says to a trainer: message codes with values, never sentences in one language.

Every refusal and every reason for an outcome is one of these; the window, the PDF record and the
command line render them from the catalogs (``assessor_app/locale``). Step and measurement names are
passed as the checklist's own texts (all its languages), so they render in the reader's language too.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from assessor_app.i18n import Message, Plural

# a step named in a sentence: "step 04 (Isolate the HV system)"
STEP = Message("engine.step", "step {step} ({title})")

# the state of the assessment
ASSESSMENT_IS = Message("engine.assessment_is", "the assessment is {phase}")
READ_ONLY = Message("engine.read_only", "the assessment is {phase} and read-only")
CLOCK_BACKWARDS = Message("engine.clock_backwards", "time went backwards on the assessment timeline")
NO_SUCH_STEP = Message("engine.no_such_step", "this checklist has no step {step}")
STOPPED_HAZARD = Message(
    "engine.stopped_hazard",
    "hazard found at {step}, correctly stopped: the task is stopped safely; re-assess on a sound vehicle")
STOPPED_CRITICAL = Message("engine.stopped_critical",
                           "critical {step} failed: the task is stopped, not yet competent")
ALREADY_DONE = Message("engine.already_done", "step {step} is already done")
ALREADY_RESULT = Message("engine.already_result", "step {step} is already {result}")

# ordering and timing
MUST_PASS_FIRST = Message("engine.must_pass_first", "{step} must be passed first")
MUST_BE_DONE_FIRST = Message("engine.must_be_done_first", "{step} must be done first")
WAIT = Message("engine.wait", "Wait")
TIME_WINDOW = Message("engine.time_window", "Time window")
WAIT_STARTS_WHEN = Message("engine.wait_starts_when", "{label}: starts when {step} is done")
WAIT_LEFT = Message("engine.wait_left", "{label}: {left_s} left")
WINDOW_NEEDS_START = Message("engine.window_needs_start", "{label}: {step} must be done first")
WINDOW_CLOSED_REOPEN = Message(
    "engine.window_closed_reopen",
    "{label} closed: {since_s} since {step}, limit {limit_s}; do the sequence again from {root} "
    "(every reading is kept), or record the step as failed")
WINDOW_CLOSED = Message(
    "engine.window_closed",
    "{label} closed: {since_s} since {step}, limit {limit_s}; record the step as failed")
SAME_PERSON = Message("engine.same_person",
                      "must be done by the person who did {step} ({done_by}), not {person}")

# readings
MEASURE_FIRST = Message("engine.measure_first", "measure {label} first")
OUT_OF_RANGE = Message("engine.out_of_range",
                       "{label} {value} {unit} is out of range: measure again or record a fail")
NOT_A_NUMBER = Message("engine.not_a_number", "{label}: the value is not a number")
NOT_FINITE = Message("engine.not_finite", "{label}: {value} is not a finite number")
SAY_INSTRUMENT = Message("engine.say_instrument",
                         "{label}: say which instrument (and range) it was read on")
UNIT_PROBLEM = Message("engine.unit_problem", "{label}: {problem}")
NO_SUCH_MEASUREMENT = Message("engine.no_such_measurement", "step {step} has no measurement {measurement}")

# results
UNKNOWN_RESULT = Message("engine.unknown_result", "unknown result {result}")
NO_NA = Message("engine.no_na", "step {step} cannot be marked N/A")
NA_REASON = Message("engine.na_reason", "give the reason this step does not apply")
NO_HAZARD_STOP = Message("engine.no_hazard_stop", "step {step} has no hazard stop: record a fail (or a pass)")
HAZARD_REASON = Message("engine.hazard_reason",
                        "say what was found (the hazard), and that the vehicle was made safe")
CONSENT_PERSON = Message("engine.consent_person", "say who gave or refused consent")
NOTE_EMPTY = Message("engine.note_empty", "the note is empty")
NO_SUCH_CRITERION = Message("engine.no_such_criterion", "the rubric has no criterion {criterion}")
SCORE_RANGE = Message("engine.score_range", "a score is a whole number from {low} to {high}")
ABANDON_REASON = Message("engine.abandon_reason", "give the reason the assessment is abandoned")

# starting
WORKING_VOLTAGE_NOT_A_NUMBER = Message("engine.working_voltage_nan", "Working voltage: not a number")
SET_TOO_LOW = Message(
    "engine.set_too_low",
    "parameter set {parameter_set} is for vehicles up to {set_voltage} V; this vehicle works at "
    "{vehicle_voltage} V: choose a set for its voltage")

# the outcome and why
OUTCOME_ABANDONED = Message("engine.outcome_abandoned", "abandoned")
OUTCOME_HAZARD = Message("engine.outcome_hazard",
                         "hazard found at step {step}, correctly stopped: re-assess on a sound vehicle")
OUTCOME_CRITICAL = Message("engine.outcome_critical", "critical step {step} failed")
OUTCOME_HIGH_RISK = Message("engine.outcome_high_risk",
                            "high-risk step {step} failed and was not shown again")
OUTCOME_ORAL = Plural("engine.outcome_oral",
                      "step {step}: oral question {questions} answered incorrectly",
                      "step {step}: oral questions {questions} answered incorrectly")
OUTCOME_RUBRIC_LOW = Message("engine.outcome_rubric_low",
                             "rubric {criterion} scored {score}, below {minimum}")
OUTCOME_NOT_DONE = Plural("engine.outcome_not_done", "step not done: {steps}", "steps not done: {steps}")
OUTCOME_UNSCORED = Message("engine.outcome_unscored", "rubric not scored: {criteria}")

# a value with its unit, where a sentence shows one: "0.5 V" ("0,5 V" in Finnish)
QUANTITY = Message("engine.quantity", "{value} {unit}")
# a text given in all its languages (a checklist's, a condition's) where a message is expected
SAID = Message("engine.said", "{text}")
# values listed side by side (signal values, instrument ids), not a sentence's "a, b and c"
SIDE_BY_SIDE = Message("engine.side_by_side", "{first}, {rest}")


def side_by_side(items: Sequence[Any]) -> Any:
    """``a, b, c``: the items as one value, each rendered in the reader's language."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return SIDE_BY_SIDE(first=items[0], rest=side_by_side(items[1:]))

# photos (stepwork)
PHOTO_NAME = Message("engine.photo_name", "the photo's file name {name} is not a plain relative name")
PHOTO_SHA256 = Message("engine.photo_sha256", "the photo's SHA-256 is not 64 lowercase hex digits")
PHOTO_SOURCE = Message("engine.photo_source", "a photo comes from the camera or from a file")
PHOTO_WIDTH = Message("engine.photo_width", "the photo's width is not a size in pixels")
PHOTO_HEIGHT = Message("engine.photo_height", "the photo's height is not a size in pixels")

# a step's structured data (stepwork, fields)
DATA_NONE = Message("engine.data_none", "give at least one value")
NO_SUCH_FIELD = Message("engine.no_such_field", "step {step} has no field {field}")
FIELD_TEXT = Message("engine.field_text", "{label}: write 1-{most} characters")
FIELD_NUMBER = Message("engine.field_number", "{label}: a number is expected")
FIELD_BOOLEAN = Message("engine.field_boolean", "{label}: yes or no is expected")
FIELD_DATE = Message("engine.field_date", "{label}: a date as YYYY-MM-DD is expected")
FIELD_CHOICE = Message("engine.field_choice", "{label}: choose one of {options}")
# what a field's value was checked against
WORKING_VOLTAGE_BOUND = Message("engine.working_voltage_bound", "the vehicle's working voltage")
CHECK_LIMIT_UNREADABLE = Message("engine.check_limit_unreadable",
                                 "{about}: its limit cannot be read ({problem})")
CHECK_BELOW = Message("engine.check_below", "{about}: {value} {unit} is below {bound} ({limit} {unit})")
CHECK_ABOVE = Message("engine.check_above", "{about}: {value} {unit} is above {bound} ({limit} {unit})")
CHECK_RATED_BELOW = Message(
    "engine.check_rated_below",
    "{about}: {option} is rated {rated} V, below the vehicle's working voltage of {working_voltage} V")
CHECK_DATE_AFTER = Message("engine.check_date_after", "{about}: {value} is after the assessment date {today}")
CHECK_TOO_OLD = Plural("engine.check_too_old",
                       "{about}: {value} is {age} day before the assessment, more than {days} days",
                       "{about}: {value} is {age} days before the assessment, more than {days} days",
                       count="age")
CHECK_DATE_PASSED = Message("engine.check_date_passed",
                            "{about}: {value} has passed (the assessment is on {today})")
CHECK_MUST_BE_YES = Message("engine.check_must_be_yes", "{about}: must be yes")
CHECK_MUST_BE_NO = Message("engine.check_must_be_no", "{about}: must be no")
RECORD_FIELD_FIRST = Message("engine.record_field_first", "record {label} first")
DATA_CHECK_FAILED = Message("engine.data_check_failed", "{reason}: correct it or record a fail")

# oral questions and the assessor's prompts (stepwork)
NO_SUCH_QUESTION = Message("engine.no_such_question", "step {step} has no question {question}")
ANSWER_NOTE = Message("engine.answer_note", "note the answer given (1-{most} characters)")
ANSWER_CORRECT = Message("engine.answer_correct", "say whether the answer was correct")
ANSWER_FIRST = Message("engine.answer_first", "note the answer to: {question}")
INTERVENTION_KIND = Message("engine.intervention_kind", "an assessor either prompts or intervenes")
INTERVENTION_NOTE = Message("engine.intervention_note", "say what you prompted or why you intervened")
# a step's result given by the assessor's prompt or intervention on a critical step
INTERVENTION_REASON = Message("engine.intervention_reason", "assessor {intervention}: {note}")

# the hazard lock of a live dead test, and doing a live-dead-live sequence again (stepwork)
HAZARD_LOCK = Message("engine.hazard_lock", "{label} read {value} {unit}")
HAZARD_LOCKED = Message(
    "engine.hazard_locked",
    "{lock} cannot be measured away: record the hazard stop (make safe, quarantine the vehicle, escalate) "
    "or a fail")
REOPEN_NOT_LAPSED = Message("engine.reopen_not_lapsed", "no time window that step {step} opens has lapsed")
REOPEN_NOT_LAPSED_FROM = Message(
    "engine.reopen_not_lapsed_from",
    "no time window that step {step} opens has lapsed; the sequence to do again starts at step {root}")
SAY_INSTRUMENT_AND_RANGE = Message("engine.say_instrument_and_range",
                                   "{label}: say which instrument and range it was read on")
SAME_INSTRUMENT = Message(
    "engine.same_instrument",
    "the readings were taken with {ours}, but step {step} proved {theirs}: live-dead-live needs the same "
    "tester, leads and range")

# diagnostics
NO_ADAPTER = Message("engine.no_adapter", "no diagnostic adapter was connected to the assessment")
ADAPTER_NAME = Message("engine.adapter_name", "name the diagnostic adapter that was connected")
ADAPTER_DETAIL_DATA = Message("engine.adapter_detail_data", "the adapter's details are not plain data")
ADAPTER_DETAIL_MAPPING = Message("engine.adapter_detail_mapping", "the adapter's details are not a mapping")
UNKNOWN_DIAGNOSTIC = Message("engine.unknown_diagnostic",
                             "unknown diagnostic {diagnostic} (snapshot or condition)")
DIAGNOSTIC_FILE = Message("engine.diagnostic_file", "the diagnostic evidence needs the name of its file")
DIAGNOSTIC_SHA256 = Message("engine.diagnostic_sha256",
                            "the diagnostic evidence needs its SHA-256 (64 hex digits)")
SUMMARY_DATA = Message("engine.summary_data", "the diagnostic summary is not plain data")
SUMMARY_MAPPING = Message("engine.summary_mapping", "the diagnostic summary is not a mapping")
SNAPSHOT_MET = Message("engine.snapshot_met", "a snapshot is not met or not met: leave 'met' empty")
CONDITION_MET_OR_REASON = Message(
    "engine.condition_met_or_reason",
    "a condition check says whether it was met (true or false), or why it could not be made (its reason)")
CONDITION_MET = Message("engine.condition_met", "a condition check says whether it was met (true or false)")
CONDITION_UNNAMED = Message("engine.condition_unnamed", "the condition check does not name its condition")
WRONG_CONDITION = Message("engine.wrong_condition",
                          "step {step} checks the condition {wanted}, not {checked}")
LIMIT_UNSAID = Message(
    "engine.limit_unsaid",
    "the check of {condition} does not say which {parameter} (in {unit}) and which signal it was judged on")
LIMIT_NO_VALUE = Message("engine.limit_no_value",
                         "the check of {condition} does not give the vehicle's {signal} as a number")
UNAVAILABLE_REASON = Message("engine.unavailable_reason", "give the reason diagnostics are not available")
CONDITION_NOT_MET = Message("engine.condition_not_met", "the condition {condition} is not met")
SIGNAL_VALUE = Message("engine.signal_value", "{signal} = {value}")
SIGNAL_MISSING = Message("engine.signal_missing", "{signal}: no recent value")
CONDITION_FAILURE = Message("engine.condition_failure", "{failure} ({values})")
READING = Message("engine.reading", "{label} {value}")
CONTRADICTION = Message(
    "engine.contradiction",
    "The typed readings say {readings_say} ({readings}) but the vehicle says {vehicle_says} ({signal} = "
    "{vehicle_value}; {parameter} = {limit})")
NO_OWN_PARAMETER = Message(
    "engine.no_own_parameter",
    "this assessment has no parameter {parameter} in {unit}: the check of {condition} cannot be judged")
CHECK_AGAIN = Message("engine.check_again", "{problem}: check again")
JUDGED_AGAINST_OTHER = Message(
    "engine.judged_against_other",
    "the check of {condition} was judged against {parameter} = {used} {unit}; this assessment's is {own} "
    "{unit}: check again")
CONTRADICTION_REFUSAL = Message("engine.contradiction_refusal",
                                "{contradiction}: find out which is right and check again, or record a fail")
CONDITION_REFUSAL = Message("engine.condition_refusal",
                            "{failure}: check again when it holds, or record a fail")
SNAPSHOT_FIRST = Message(
    "engine.snapshot_first",
    "take the diagnostic snapshot first ({label}), or record that diagnostics are not available")
CONDITION_FIRST = Message(
    "engine.condition_first",
    "check '{condition}' on the vehicle's signals first, or record that diagnostics are not available")

# corrections
CORRECTION_SIGNED = Message("engine.correction_signed",
                            "the record is signed off (by the {roles}): a result can no longer be corrected")
CORRECTION_REASON = Message("engine.correction_reason", "give the reason for the correction")
REASON_TOO_LONG = Message("engine.reason_too_long", "the reason is longer than {most} characters")
NOTHING_RECORDED = Message("engine.nothing_recorded", "step {step} has no recorded result to correct")
INTERVENTION_FAIL = Message(
    "engine.intervention_fail",
    "step {step} failed because the assessor intervened on a critical step: that fail cannot be corrected")
ALREADY_RECORDED = Message("engine.already_recorded",
                           "step {step} is already recorded as {result}: nothing to correct")
HAZARD_LOCK_STAYS = Message("engine.hazard_lock_stays",
                            "{lock} cannot be corrected away: the step stays a hazard stop or a fail")
NO_HAZARD_STOP_CORRECTION = Message("engine.no_hazard_stop_correction",
                                    "step {step} has no hazard stop: correct it to a fail")
MEASURED_AGAIN = Message(
    "engine.measured_again",
    "step {step} has been measured again since its fail: record the result of that attempt instead")
WHEN_RECORDED = Message("engine.when_recorded", "{reason} (when the result was recorded)")

# people
NEEDS_IDS = Message("engine.needs_ids", "every person of the assessment needs an id")
ASSESSOR_IS_CANDIDATE = Message("engine.assessor_is_candidate",
                                "the assessor cannot be the candidate: another assessor must assess")
RESPONSIBLE_IS_CANDIDATE = Message("engine.responsible_is_candidate",
                                   "the responsible person cannot be the candidate")
NEEDS_RESPONSIBLE = Message(
    "engine.needs_responsible",
    "checklist {checklist} asks for the responsible person (SFS 6002 työstä vastaava henkilö): name them")
NEEDS_PREREQUISITE = Message(
    "engine.needs_prerequisite",
    "checklist {checklist} requires a recorded pass of {prerequisite} for candidate {candidate} on this "
    "workstation, or an eligibility signed by the provider")
NOT_A_PERSON = Message("engine.not_a_person",
                       "{person} is not a person of this assessment (the candidate is {candidate})")
CANDIDATE_ONLY = Message("engine.candidate_only",
                         "step {step} must be done by the candidate ({candidate}), not by the {role}")
CRITICAL_BY_CANDIDATE = Message(
    "engine.critical_by_candidate",
    "a critical step passes only when the candidate did it, not the {role}: record who did it with a fail")
UNKNOWN_ROLE = Message("engine.unknown_role", "unknown sign-off role {role}")
SIGNOFF_NAME = Message("engine.signoff_name", "a sign-off needs the name of the person signing")
SIGNOFF_BY_ID = Message("engine.signoff_by_id",
                        "a sign-off names the person by id; the name goes to the identity file")
NOT_IN_ROLE = Message("engine.not_in_role", "{person} is not the {role} of this assessment")
IDENTITY_HOW = Message("engine.identity_how", "say how the identity was checked: one of {methods}")
MUST_SIGN = Message("engine.must_sign", "the {role} must sign off before finishing")
IDENTITY_FIRST = Message(
    "engine.identity_first",
    "record how the candidate's identity was checked (or that it was not) before finishing")

# stored events that do not rebuild an assessment (replay)
FIRST_EVENT = Message("engine.first_event", "the first event must start the assessment")
OUT_OF_TURN = Message("engine.out_of_turn", "event {seq} applied out of turn")
FIRST_EVENT_POLICY = Message("engine.first_event_policy", "the first event's {problem}")
NO_EVENTS = Message("engine.no_events", "no events")
UNKNOWN_EVENT = Message("engine.unknown_event", "event {seq} has unknown kind {kind}")
EVENT_NOT_ALLOWED = Message("engine.event_not_allowed", "event {seq} ({kind}) was not allowed: {reason}")
EVENT_DIFFERS = Message("engine.event_differs", "event {seq} ({kind}) does not match what the rules give")
