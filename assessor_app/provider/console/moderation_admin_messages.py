"""The words of the pages where a coordinator sets up a moderation cycle and draws its sample."""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

# the new cycle form
NEW_CYCLE = Message("console.moderation_admin.new_cycle", "New moderation cycle")
NEW_CYCLE_HINT = Message("console.moderation_admin.new_cycle_hint",
                         "A cycle holds the assessments of its checklists that ended in its period (days "
                         "in UTC, both included). Its sample is drawn afterwards, on the cycle's management "
                         "page.")
NAME = Message("console.moderation_admin.name", "Name")
NAME_HINT = Message("console.moderation_admin.name_hint",
                    "For example 2027-H1: letters, digits, '.', '_' or '-'.")
PERIOD_FROM = Message("console.moderation_admin.period_from", "First day")
PERIOD_TO = Message("console.moderation_admin.period_to", "Last day")
CHECKLISTS = Message("console.moderation_admin.checklists", "Checklists in scope")
CHECKLISTS_NONE = Message("console.moderation_admin.checklists_none",
                          "No assessment has been imported yet, so there is no checklist to choose.")
MODERATORS = Message("console.moderation_admin.moderators", "Moderators on the panel")
MODERATORS_NONE = Message("console.moderation_admin.moderators_none",
                          "There is no active console user with the role moderator: an administrator adds "
                          "them on the users page. Moderators can be added to the panel later.")
ENHANCED = Message("console.moderation_admin.enhanced", "Enhanced control (higher floors per stratum)")
CREATE_BUTTON = Message("console.moderation_admin.create_button", "Create the cycle")
CREATED = Message("console.moderation_admin.created", "Moderation cycle {cycle} created.")
WARNING = Message("console.moderation_admin.warning", "Warning: {text}")

# the management page
MANAGE_TITLE = Message("console.moderation_admin.manage_title", "Cycle {cycle}: manage")
MANAGE_LINK = Message("console.moderation_admin.manage_link", "Manage this cycle: panel and sample")
BACK_TO_SAMPLE = Message("console.moderation_admin.back_to_sample", "The cycle's sample")
SETTINGS = Message("console.moderation_admin.settings", "The cycle")
PERIOD = Message("console.moderation_admin.period", "Period")
PERIOD_VALUE = Message("console.moderation_admin.period_value", "{start} to {to} (UTC)")
CONTROL = Message("console.moderation_admin.control", "Floors")
CREATED_BY = Message("console.moderation_admin.created_by", "Created")
CREATED_VALUE = Message("console.moderation_admin.created_value", "{when} by {who}")

PANEL = Message("console.moderation_admin.panel", "The panel")
PANEL_EMPTY = Message("console.moderation_admin.panel_empty", "Nobody is on the panel yet.")
REMOVE = Message("console.moderation_admin.remove", "Remove {user}")
REMOVE_CONFIRM = Message("console.moderation_admin.remove_confirm",
                         "Take {user} off the panel of cycle {cycle}?")
ADD_MODERATOR = Message("console.moderation_admin.add_moderator", "Add a moderator")
ADD_BUTTON = Message("console.moderation_admin.add_button", "Add to the panel")
NO_MORE_MODERATORS = Message("console.moderation_admin.no_more_moderators",
                             "Every active moderator is on the panel already.")
ADDED = Message("console.moderation_admin.added", "{user} is now on the panel.")
REMOVED = Message("console.moderation_admin.removed", "{user} is no longer on the panel.")

SAMPLE = Message("console.moderation_admin.sample", "The sample")
NOT_DRAWN = Message("console.moderation_admin.not_drawn", "No sample has been drawn yet.")
SEED = Message("console.moderation_admin.seed", "Seed")
SEED_HINT = Message("console.moderation_admin.seed_hint",
                    "A whole number, for example from dice rolled by the panel. The same seed on the same "
                    "assessments gives the same sample.")
DRAW_BUTTON = Message("console.moderation_admin.draw_button", "Draw the sample")
DRAW_AGAIN = Message("console.moderation_admin.draw_again", "Draw again with another seed")
DRAW_AGAIN_HINT = Message("console.moderation_admin.draw_again_hint",
                          "Drawing again replaces the sample only while it has no verdict.")
LOCKED = Plural("console.moderation_admin.locked",
                "The sample has {n} verdict: it stays as it was drawn.",
                "The sample has {n} verdicts: it stays as it was drawn.")
DRAWN = Message("console.moderation_admin.drawn", "Sample drawn with seed {seed}.")
SAME = Message("console.moderation_admin.same",
               "The same seed on the same assessments gives the same sample: nothing changed.")
REPLACED = Message("console.moderation_admin.replaced",
                   "Sample drawn with seed {seed}; it replaces the one drawn with seed {old_seed}.")
SEED_VALUE = Message("console.moderation_admin.seed_value", "Seed")
DIGEST = Message("console.moderation_admin.digest", "Digest (SHA-256)")
DRAWN_WHEN = Message("console.moderation_admin.drawn_when", "Drawn")
SAMPLED = Plural("console.moderation_admin.sampled", "{n} assessment sampled", "{n} assessments sampled")
STRATA = Message("console.moderation_admin.strata", "Strata (checklist at version)")
STRATUM = Message("console.moderation_admin.stratum", "Stratum")
SIZE = Message("console.moderation_admin.size", "In the frame")
FLOOR = Message("console.moderation_admin.floor", "Floor")
DRAWN_COLUMN = Message("console.moderation_admin.drawn_column", "Drawn")
COVERAGE = Message("console.moderation_admin.coverage",
                   "Coverage: {assessors} of {assessors_in_frame} assessors and {workshops} of "
                   "{workshops_in_frame} workshops of the frame are in the sample.")
DOWNLOAD = Message("console.moderation_admin.download", "Download the frame, policy and seed (JSON)")
REDRAW_HOW = Message("console.moderation_admin.redraw_how",
                     "To check the draw yourself: the digest is the SHA-256 of this file exactly as "
                     "downloaded (for example sha256sum {file}). The file holds every assessment of the "
                     "frame with its signals, the floors and weights, and the seed: the provider's sampling "
                     "code (load_canonical and draw_sample in {module}) draws the same sample from it.")
CHECK_BUTTON = Message("console.moderation_admin.check_button", "Check the sample")
CHECK_OK = Plural("console.moderation_admin.check_ok",
                  "Checked: drawn again from the stored file, the sample is the same ({n} assessment, "
                  "digest {digest}).",
                  "Checked: drawn again from the stored file, the sample is the same ({n} assessments, "
                  "digest {digest}).")
CHECK_DIGEST = Message("console.moderation_admin.check_digest",
                       "MISMATCH: the stored file gives digest {computed}, but the sample records {stored}.")
CHECK_ROWS = Message("console.moderation_admin.check_rows",
                     "MISMATCH: drawing again gives other assessments, weights or reasons than the stored "
                     "sample ({detail}).")
CHECK_FRAME_CURRENT = Message("console.moderation_admin.check_frame_current",
                              "The assessments held today still give the same frame.")
CHECK_FRAME_CHANGED = Message("console.moderation_admin.check_frame_changed",
                              "The assessments held today give another frame (imported or re-indexed "
                              "since the draw): the stored sample stands as drawn.")

# refusals of the form itself
ERR_SEED_MISSING = Message("console.moderation_admin.err_seed_missing", "Type a seed to draw the sample.")
ERR_USER_MISSING = Message("console.moderation_admin.err_user_missing", "Choose a moderator to add.")

# closing the cycle
CLOSE_TITLE = Message("console.moderation_admin.close_title", "Close the cycle")
CLOSE_HINT = Message("console.moderation_admin.close_hint",
                     "When the panel has finished: the cycle then takes no more verdicts, panel changes or "
                     "draws, and its report is final. Closing cannot be undone.")
CLOSE_BUTTON = Message("console.moderation_admin.close_button", "Close cycle {cycle}")
CLOSE_CONFIRM = Message("console.moderation_admin.close_confirm",
                        "Close cycle {cycle}? It then takes no more verdicts. This cannot be undone.")
CLOSED_NOTE = Message("console.moderation_admin.closed_note",
                      "Closed {when}: the panel, the sample and the verdicts stay as they were.")
