"""What the engine says to a trainer: message codes with values, never sentences in one language.

Every refusal and every reason for an outcome is one of these; the window, the PDF record and the
command line render them from the catalogs (``assessor_app/locale``). Step and measurement names are
passed as the checklist's own texts (all its languages), so they render in the reader's language too.
"""

from __future__ import annotations

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
