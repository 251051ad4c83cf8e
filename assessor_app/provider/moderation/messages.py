"""What moderation cycles and their samples say to staff (codes ``moderation.*``).

Refusals carry these messages (``Refused.msg``), so the console can say them in the page's language
and the command line in the one chosen with ``--language``.
"""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

# ---------------------------------------------------------------- refusals: a cycle
BAD_NAME = Message("moderation.refused.name",
                   "a cycle name is 1-64 letters, digits, '.', '_' or '-', starting with a letter or digit, "
                   "not '{value}'")
RESERVED_NAME = Message("moderation.refused.name_reserved",
                        "'{value}' cannot be a cycle's name: the console has a page of that name under "
                        "/console/moderation/ (not used for cycles: {reserved})")
NAME_TAKEN = Message("moderation.refused.name_taken", "there is already a cycle named {cycle}")
NO_CYCLE = Message("moderation.refused.no_cycle", "there is no moderation cycle named '{cycle}'")
BAD_DATE = Message("moderation.refused.date", "{what} must be a date as YYYY-MM-DD, not '{value}'")
PERIOD_FROM = Message("moderation.field.period_from", "the first day of the period")
PERIOD_TO = Message("moderation.field.period_to", "the last day of the period")
PERIOD_ORDER = Message("moderation.refused.period_order",
                       "the period ends ({to}) before it begins ({start})")
NO_CHECKLIST = Message("moderation.refused.no_checklist", "a cycle needs at least one checklist in its scope")
BAD_CHECKLIST = Message("moderation.refused.checklist",
                        "a checklist id is 1-100 letters, digits, '.', '_' or '-', not '{value}'")
NO_USER = Message("moderation.refused.no_user", "there is no console user named '{user}'")
NOT_MODERATOR = Message("moderation.refused.not_moderator",
                        "{user} is a console {role}, not a moderator: only moderators sit on a cycle's panel")
USER_DISABLED = Message("moderation.refused.user_disabled",
                        "{user}'s console account is disabled: they cannot sit on a panel")
ALREADY_MODERATOR = Message("moderation.refused.already_moderator",
                            "{user} is already a moderator of cycle {cycle}")
NOT_ON_PANEL = Message("moderation.refused.not_on_panel", "{user} is not a moderator of cycle {cycle}")
CYCLE_CLOSED = Message("moderation.refused.closed_cycle",
                       "cycle {cycle} is closed: its panel, sample and verdicts stay as they were when it "
                       "closed")
CLOSED = Message("moderation.cycle.closed",
                 "Cycle {cycle} is closed: it takes no more verdicts, and its report is final")
HAS_VERDICTS = Plural("moderation.refused.has_verdicts",
                      "cycle {cycle} already has {n} verdict on its sample: the sample drawn with seed "
                      "{seed} stays as it is",
                      "cycle {cycle} already has {n} verdicts on its sample: the sample drawn with seed "
                      "{seed} stays as it is")
BAD_SEED = Message("moderation.refused.seed", "a seed is a whole number from 0 to {high}, not '{value}'")
INDEX_STALE = Plural("moderation.refused.index_stale",
                     "{n} assessment of the cycle's period has its index row made before the sampling "
                     "signals: run 'assessor provider reindex' (or let the provider finish its background "
                     "pass) first",
                     "{n} assessments of the cycle's period have their index rows made before the sampling "
                     "signals: run 'assessor provider reindex' (or let the provider finish its background "
                     "pass) first")
EMPTY_FRAME = Message("moderation.refused.empty_frame",
                      "cycle {cycle} has no imported assessment of its checklists ({checklists}) that ended "
                      "between {start} and {to}: there is nothing to sample")
NO_SAMPLE = Message("moderation.refused.no_sample",
                    "cycle {cycle} has no sample yet: draw one with 'assessor provider moderation sample "
                    "{cycle} --seed N'")
STORED_UNREADABLE = Message("moderation.refused.stored_unreadable",
                            "the stored sample of cycle {cycle} cannot be read: {detail}")

# ---------------------------------------------------------------- warnings
CHECKLIST_NOT_HELD = Message("moderation.warning.checklist_not_held",
                             "no imported assessment of checklist {checklist} yet: is the id right?")

# ---------------------------------------------------------------- why an assessment was drawn
REASONS = {
    "floor": Message("moderation.reason.floor", "the floor of {value}"),
    "coverage_assessor": Message("moderation.reason.coverage_assessor", "covers assessor {value}"),
    "coverage_workshop": Message("moderation.reason.coverage_workshop", "covers workshop {value}"),
    "coverage_outcome": Message("moderation.reason.coverage_outcome", "covers the outcome {value}"),
    "risk": Message("moderation.reason.risk", "{value} (weight {weight})"),
}
SIGNALS = {
    "critical_step_failed_or_stopped": Message("moderation.signal.critical_step_failed_or_stopped",
                                               "a critical step failed or stopped"),
    "critical_corrections": Message("moderation.signal.critical_corrections",
                                    "corrections on critical steps"),
    "no_video": Message("moderation.signal.no_video", "no video"),
    "capture_gaps": Message("moderation.signal.capture_gaps", "capture gaps"),
    "diagnostics_unavailable": Message("moderation.signal.diagnostics_unavailable",
                                       "diagnostics unavailable"),
    "generic_parameter_set": Message("moderation.signal.generic_parameter_set", "generic parameter set"),
    "short_duration": Message("moderation.signal.short_duration", "shorter than the rules allow"),
    "first_bundle_of_workshop": Message("moderation.signal.first_bundle_of_workshop",
                                        "the workshop's first bundle"),
    "first_bundle_of_assessor": Message("moderation.signal.first_bundle_of_assessor",
                                        "the assessor's first bundle"),
    "not_applicable_steps": Message("moderation.signal.not_applicable_steps", "steps marked not applicable"),
}
NO_OUTCOME = Message("moderation.outcome.none", "no outcome")

# ---------------------------------------------------------------- what the commands print
CREATED = Message("moderation.cli.created", "Created moderation cycle {cycle}")
WARNING = Message("moderation.cli.warning", "warning: {text}")
MODERATOR_ADDED = Message("moderation.cli.moderator_added", "{user} is now a moderator of cycle {cycle}")
MODERATOR_REMOVED = Message("moderation.cli.moderator_removed",
                            "{user} is no longer a moderator of cycle {cycle}")
NO_CYCLES = Message("moderation.cli.no_cycles", "no moderation cycles yet")
CYCLES_HEADING = Plural("moderation.cli.cycles_heading", "{n} moderation cycle:", "{n} moderation cycles:")
CYCLE_LINE = Message("moderation.cli.cycle_line",
                     "{cycle}: {start} to {to}, {checklists}; {control}; {sample}")
STANDARD_CONTROL = Message("moderation.cli.standard_control", "standard floors")
ENHANCED_CONTROL = Message("moderation.cli.enhanced_control", "enhanced control (higher floors)")
NOT_DRAWN = Message("moderation.cli.not_drawn", "no sample drawn")
DRAWN = Plural("moderation.cli.drawn", "{n} assessment sampled (seed {seed})",
               "{n} assessments sampled (seed {seed})")
SHOW_HEAD = Message("moderation.cli.show_head", "Moderation cycle {cycle}")
SHOW_PERIOD = Message("moderation.cli.show_period", "period: assessments ended from {start} to {to} (UTC)")
SHOW_CHECKLISTS = Message("moderation.cli.show_checklists", "checklists: {checklists}")
SHOW_MODERATORS = Message("moderation.cli.show_moderators", "moderators: {moderators}")
NOBODY = Message("moderation.cli.nobody", "none yet")
SHOW_CONTROL = Message("moderation.cli.show_control", "floors: {control}")
SHOW_CREATED = Message("moderation.cli.show_created", "created {when} by {who}")
SHOW_SAMPLE = Message("moderation.cli.show_sample",
                      "sample: seed {seed}, digest {digest}, drawn {when} by {who}")
SAMPLE_DRAWN = Message("moderation.cli.sample_drawn", "Sample of cycle {cycle} drawn with seed {seed}")
SAMPLE_SAME = Message("moderation.cli.sample_same",
                      "The same seed on the same frame gives the same sample: cycle {cycle}, seed {seed}, "
                      "nothing changed")
SAMPLE_REPLACED = Message("moderation.cli.sample_replaced",
                          "Sample of cycle {cycle} drawn with seed {seed}; it replaces the one drawn with "
                          "seed {old_seed} (digest {old_digest}), which had no verdicts")
DIGEST = Message("moderation.cli.digest", "digest {digest}")
STRATA_HEADING = Message("moderation.cli.strata_heading", "Strata (checklist at version):")
STRATUM = Message("moderation.cli.stratum", "{stratum}: {size} in the frame, floor {floor}, {drawn} drawn")
SAMPLED_HEADING = Plural("moderation.cli.sampled_heading", "{n} assessment sampled:",
                         "{n} assessments sampled:")
SAMPLED = Message("moderation.cli.sampled",
                  "assessment {assessment}, bundle {bundle}, workshop {workshop}, assessor {assessor}, "
                  "{stratum}: {reasons}")
COVERAGE = Message("moderation.cli.coverage",
                   "Coverage: {assessors} of {assessors_in_frame} assessors and {workshops} of "
                   "{workshops_in_frame} workshops of the frame sampled")
CHECK_OK = Message("moderation.cli.check_ok",
                   "Checked: re-drawn from the stored frame, policy and seed {seed}, the sample is the same "
                   "(digest {digest}, {n} assessments)")
CHECK_DIGEST = Message("moderation.cli.check_digest",
                       "MISMATCH: the stored frame gives digest {computed}, but the sample records {stored}")
CHECK_ROWS = Message("moderation.cli.check_rows",
                     "MISMATCH: re-drawing gives other assessments, weights or reasons than the stored "
                     "sample ({detail})")
CHECK_FRAME_CURRENT = Message("moderation.cli.check_frame_current",
                              "the index still gives the same frame for the cycle")
CHECK_FRAME_CHANGED = Message("moderation.cli.check_frame_changed",
                              "the index now gives another frame for the cycle (assessments imported or "
                              "re-indexed since the draw): the stored sample stands as drawn")
