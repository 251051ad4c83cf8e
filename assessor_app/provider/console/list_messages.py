"""The texts of the console's list of assessments (the page and the problems of its query)."""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

# ---- problems with the query (the page shows them and leaves the value out)
BAD_SEARCH = Message("console.list.bad_search",
                     "The search was left out: it may hold at most {n} characters and no control characters.")
REPEATED = Message("console.list.repeated",
                   "The value {name} was given more than once: only the first one is used.")
UNKNOWN_WORKSHOP = Message("console.list.unknown_workshop",
                           "There is no workshop {value}: the workshop filter was left out.")
UNKNOWN_ASSESSOR = Message("console.list.unknown_assessor",
                           "There is no assessor {value}: the assessor filter was left out.")
UNKNOWN_CHECKLIST = Message("console.list.unknown_checklist",
                            "No assessment held is of the checklist {value}: the checklist filter was "
                            "left out.")
UNKNOWN_OUTCOME = Message("console.list.unknown_outcome",
                          "{value} is not an outcome: the outcome filter was left out.")
BAD_DATE_FROM = Message("console.list.bad_date_from",
                        "{value} is not a date written as year-month-day (2026-12-31): the \"from\" date "
                        "was left out.")
BAD_DATE_TO = Message("console.list.bad_date_to",
                      "{value} is not a date written as year-month-day (2026-12-31): the \"to\" date was "
                      "left out.")
DATES_REVERSED = Message("console.list.dates_reversed",
                         "The dates were left out: the range ends ({to}) before it begins ({start}).")
BAD_SORT = Message("console.list.bad_sort",
                   "The list cannot be sorted by {value}: it is sorted by date.")
BAD_ORDER = Message("console.list.bad_order",
                    "{value} is not an order (ascending or descending): the newest come first.")
BAD_SIZE = Message("console.list.bad_size",
                   "{value} is not a page size this list offers ({sizes}): {default} rows are shown.")
BAD_CURSOR = Message("console.list.bad_cursor",
                     "The page link is not valid (it was changed, or belongs to another sort order): the "
                     "first page is shown.")

# ---- the page
TITLE = Message("console.list.title", "Assessments")
SEARCH_LABEL = Message("console.list.search_label", "Search")
SEARCH_HINT = Message("console.list.search_hint",
                      "Bundle id (its beginning), candidate pseudonym, vehicle, workshop or assessor name")
SEARCH_BUTTON = Message("console.list.search_button", "Search")
CLEAR = Message("console.list.clear", "Clear the search and filters")
FILTERS = Message("console.list.filters", "Filters")
ANY = Message("console.list.any", "(any)")
ALL_VERSIONS = Message("console.list.all_versions", "{checklist}, every version")
NO_OUTCOME = Message("console.list.no_outcome", "no outcome recorded")
DATE_FROM = Message("console.list.date_from", "Assessed from")
DATE_TO = Message("console.list.date_to", "Assessed through")
PAGE_SIZE = Message("console.list.page_size", "Rows per page")
COL_DATE = Message("console.list.col_date", "Date")
COL_BUNDLE = Message("console.list.col_bundle", "Bundle")
COL_CANDIDATE = Message("console.list.col_candidate", "Candidate (pseudonym)")
COL_WORKSHOP = Message("console.list.col_workshop", "Workshop")
COL_ASSESSOR = Message("console.list.col_assessor", "Assessor")
COL_CHECKLIST = Message("console.list.col_checklist", "Checklist")
COL_VEHICLE = Message("console.list.col_vehicle", "Vehicle")
COL_OUTCOME = Message("console.list.col_outcome", "Outcome")
COL_STEPS = Message("console.list.col_steps", "Steps passed")
SORTED_ASC = Message("console.list.sorted_asc", "sorted ascending; select to sort descending")
SORTED_DESC = Message("console.list.sorted_desc", "sorted descending; select to sort ascending")
SORT_BY = Message("console.list.sort_by", "select to sort by this column")
STEPS_OF = Message("console.list.steps_of", "{passed} of {total}")
CORRECTIONS = Plural("console.list.corrections", "{n} correction", "{n} corrections")
GAPS = Plural("console.list.gaps", "{n} capture gap", "{n} capture gaps")
HAZARD_STOP = Message("console.list.hazard_stop", "hazard stop")
GENERIC = Message("console.list.generic", "generic parameters")
NEXT = Message("console.list.next", "Next page")
PREVIOUS = Message("console.list.previous", "Previous page")
FIRST = Message("console.list.first", "First page")
NOTHING = Message("console.list.nothing", "No assessment matches the search and filters.")
NONE_HELD = Message("console.list.none_held", "No assessment has been received yet.")
SHOWN = Plural("console.list.shown", "{n} assessment on this page", "{n} assessments on this page")
QUARANTINED = Plural("console.list.quarantined",
                     "{n} bundle is in quarantine (refused at import, with the reason)",
                     "{n} bundles are in quarantine (refused at import, with the reason)")
SHOW_QUARANTINE = Message("console.list.show_quarantine", "Show the quarantine")
PROBLEMS = Message("console.list.problems", "Some of the search was not understood")
PAGES = Message("console.list.pages", "Pages of the list")
SIZE_BUTTON = Message("console.list.size_button", "Show")
