"""The words of the moderation pages: cycles, their samples, the anonymised package and the verdict form."""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

SECTION = Message("console.section.moderation", "Moderation")
SECTION_HINT = Message("console.section.moderation.hint",
                       "Moderation cycles, their samples and the moderators' signed verdicts.")

# the cycles
CYCLES_TITLE = Message("console.moderation.cycles_title", "Moderation cycles")
CYCLES_NONE = Message("console.moderation.cycles_none", "There are no moderation cycles for you yet.")
CYCLE = Message("console.moderation.cycle", "Cycle")
PERIOD = Message("console.moderation.period", "Period")
STATE = Message("console.moderation.state", "State")
OPEN = Message("console.moderation.open", "open")
CLOSED = Message("console.moderation.closed", "closed {when}")
SAMPLED = Message("console.moderation.sampled", "Sampled")
VERDICTS = Message("console.moderation.verdicts", "Verdicts")
ASSESSED = Message("console.moderation.assessed", "Assessments with a verdict")
PANEL = Message("console.moderation.panel", "Panel")

# a cycle's sample
SAMPLE_TITLE = Message("console.moderation.sample_title", "Cycle {cycle}: the sample")
SAMPLE_NONE = Message("console.moderation.sample_none", "This cycle has no sample yet.")
SAMPLE_CAPTION = Plural("console.moderation.sample_caption", "{n} sampled assessment",
                        "{n} sampled assessments")
SAMPLE_ANONYMISED = Message("console.moderation.sample_anonymised",
                            "Candidates are shown by their pseudonym; names and VINs are not shown here.")
ASSESSMENT = Message("console.moderation.assessment", "Assessment")
CHECKLIST = Message("console.moderation.checklist", "Checklist")
DATE = Message("console.moderation.date", "Date")
WORKSHOP = Message("console.moderation.workshop", "Workshop")
CANDIDATE = Message("console.moderation.candidate", "Candidate (pseudonym)")
WHY_DRAWN = Message("console.moderation.why_drawn", "Why drawn")
VERDICT_STATE = Message("console.moderation.verdict_state", "Verdict")
NO_VERDICT = Message("console.moderation.no_verdict", "awaiting a verdict")
VERDICT_COUNT = Plural("console.moderation.verdict_count", "{n} verdict", "{n} verdicts")
DRAWN_BY_CHANCE = Message("console.moderation.drawn_by_chance", "drawn at random")
BACK_TO_CYCLES = Message("console.moderation.back_to_cycles", "All cycles")
BACK_TO_SAMPLE = Message("console.moderation.back_to_sample", "The sample of cycle {cycle}")

DECISIONS = {
    "confirm": Message("console.moderation.decision.confirm", "confirm the assessment"),
    "overturn": Message("console.moderation.decision.overturn", "overturn the assessment"),
    "refer_back": Message("console.moderation.decision.refer_back", "refer back to the assessor"),
}

# the package page
PACKAGE_NOTICE = Message("console.moderation.package_notice",
                         "Anonymised package for moderation in cycle {cycle}: faces in video and photos "
                         "are blurred, names and the VIN are not shown.")
ANON_PENDING = Message("console.moderation.anon_pending",
                       "The anonymised copy is being prepared: come back in a while.")
ANON_FAILED = Message("console.moderation.anon_failed",
                      "The anonymised copy could not be made; the provider's administrator has the reason.")
PHOTO_PENDING = Message("console.moderation.photo_pending",
                        "Photo {name}: the anonymised copy is being prepared.")
DL_PDF = Message("console.moderation.dl_pdf", "PDF record without names")
DL_ARCHIVE = Message("console.moderation.dl_archive", "Sealed archive without identity (.tar)")

# the verdict form
FORM_TITLE = Message("console.moderation.form_title", "Your verdict")
FORM_CLOSED = Message("console.moderation.form_closed", "This cycle is closed: it takes no more verdicts.")
FORM_HINT = Message("console.moderation.form_hint",
                    "Agree with each step or give your own result with a reason. Your verdict is signed "
                    "with your key and kept; a later verdict is added after it, never in its place.")
FORM_STEPS = Message("console.moderation.form_steps", "Steps")
FORM_STEP = Message("console.moderation.form_step", "Step")
FORM_ASSESSOR_RESULT = Message("console.moderation.form_assessor_result", "Assessor's result")
FORM_YOUR_RESULT = Message("console.moderation.form_your_result", "Your result")
FORM_REASON = Message("console.moderation.form_reason", "Reason (when you do not agree)")
FORM_STEP_RESULT_LABEL = Message("console.moderation.form_step_result_label", "Your result for step {step}")
FORM_STEP_REASON_LABEL = Message("console.moderation.form_step_reason_label", "Reason for step {step}")
FORM_AGREE = Message("console.moderation.form_agree", "agree ({result})")
FORM_CRITICAL = Message("console.moderation.form_critical", "critical")
FORM_RUBRIC = Message("console.moderation.form_rubric", "Rubric")
FORM_CRITERION = Message("console.moderation.form_criterion", "Criterion")
FORM_ASSESSOR_SCORE = Message("console.moderation.form_assessor_score", "Assessor's score")
FORM_YOUR_SCORE = Message("console.moderation.form_your_score", "Your score")
FORM_SCORE_LABEL = Message("console.moderation.form_score_label", "Your score for {criterion}")
FORM_NOT_SCORED = Message("console.moderation.form_not_scored", "not scored")
FORM_DECISION = Message("console.moderation.form_decision", "Decision")
FORM_COMMENT = Message("console.moderation.form_comment", "Comment for the assessor")
FORM_COMMENT_HINT = Message("console.moderation.form_comment_hint",
                            "Required unless you confirm the assessment.")
FORM_SUBMIT = Message("console.moderation.form_submit", "Sign and record the verdict")
FORM_PROBLEMS = Message("console.moderation.form_problems", "The verdict was not recorded:")
RECORDED = Message("console.moderation.recorded", "Your verdict was signed and recorded.")

# what the form refuses
ERR_STEP_RESULT = Message("console.moderation.err_step_result",
                          "Step {step}: choose agree or one of the results offered.")
ERR_STEP_REASON = Message("console.moderation.err_step_reason",
                          "Step {step}: a result other than the assessor's needs a reason.")
ERR_SCORE = Message("console.moderation.err_score",
                    "Criterion {criterion}: the score must be a whole number from {low} to {high}.")
ERR_DECISION = Message("console.moderation.err_decision", "Decision: choose confirm, overturn or refer back.")
ERR_COMMENT = Message("console.moderation.err_comment",
                      "Comment: a decision to overturn or refer back needs a comment for the assessor.")
ERR_TOO_LONG = Message("console.moderation.err_too_long", "{field}: at most {n} characters.")
ERR_NOT_ON_PANEL = Message("console.moderation.err_not_on_panel",
                           "You are not on the panel of cycle {cycle}.")
ERR_NO_CYCLE = Message("console.moderation.err_no_cycle", "There is no moderation cycle {cycle}.")
ERR_NOT_SAMPLED = Message("console.moderation.err_not_sampled",
                          "This assessment is not in the sample of cycle {cycle}.")

# the history
HISTORY_TITLE = Message("console.moderation.history_title", "Verdicts recorded")
HISTORY_NONE = Message("console.moderation.history_none", "No verdict has been recorded on this assessment.")
HISTORY_WHEN = Message("console.moderation.history_when", "Recorded")
HISTORY_MODERATOR = Message("console.moderation.history_moderator", "Moderator")
HISTORY_DECISION = Message("console.moderation.history_decision", "Decision")
HISTORY_DISAGREE = Message("console.moderation.history_disagree", "Steps not agreed")
HISTORY_KEY = Message("console.moderation.history_key", "Key id")
HISTORY_CHECK = Message("console.moderation.history_check", "Check")
HISTORY_SUPERSEDED = Message("console.moderation.history_superseded", "superseded by a later verdict")
HISTORY_CURRENT = Message("console.moderation.history_current", "current")

#: why an assessment was drawn (sampling's reason codes)
DRAWN = {
    "floor": Message("console.moderation.drawn.floor", "to reach the sample size ({value})"),
    "coverage_assessor": Message("console.moderation.drawn.coverage_assessor", "to cover assessor {value}"),
    "coverage_workshop": Message("console.moderation.drawn.coverage_workshop", "to cover workshop {value}"),
    "coverage_outcome": Message("console.moderation.drawn.coverage_outcome", "to cover the outcome {value}"),
    "risk": Message("console.moderation.drawn.risk", "risk signal: {value}"),
}
