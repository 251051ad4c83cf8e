"""The console's quarantine, workshops and assessors pages: their words (codes ``console.admin.*``)."""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

# ---------------------------------------------------------------- quarantine
Q_TITLE = Message("console.admin.q_title", "Quarantine")
Q_INTRO = Message("console.admin.q_intro",
                  "Bundles the provider refused, each with its reason. A bundle refused because the "
                  "provider was not ready for it (a key not yet bound, a workshop missing from an assessor's "
                  "record) can be imported again once that is put right: the retry runs every check of a "
                  "first delivery.")
Q_FILTERS = Message("console.admin.q_filters", "Filter the quarantine")
Q_STATE = Message("console.admin.q_state", "State")
Q_STATE_OPEN = Message("console.admin.q_state_open", "open")
Q_STATE_RESOLVED = Message("console.admin.q_state_resolved", "resolved")
Q_STATE_ALL = Message("console.admin.q_state_all", "all")
Q_KIND = Message("console.admin.q_kind", "Whose fault")
Q_KIND_ANY = Message("console.admin.q_kind_any", "either")
Q_KIND_PROVIDER = Message("console.admin.q_kind_provider", "the provider was not ready (a retry can hold it)")
Q_KIND_BUNDLE = Message("console.admin.q_kind_bundle",
                        "the bundle's own fault or a revocation (never retried)")
Q_WORKSHOP = Message("console.admin.q_workshop", "Workshop")
Q_ANY_WORKSHOP = Message("console.admin.q_any_workshop", "any workshop")
Q_FROM = Message("console.admin.q_from", "Received from (day)")
Q_TO = Message("console.admin.q_to", "Received until (day)")
Q_APPLY = Message("console.admin.q_apply", "Show")
Q_COUNT = Plural("console.admin.q_count", "{n} quarantined bundle matches", "{n} quarantined bundles match")
Q_NONE = Message("console.admin.q_none", "No quarantined bundle matches these filters.")
Q_NUMBER = Message("console.admin.q_number", "Number")
Q_RECEIVED = Message("console.admin.q_received", "Received")
Q_BUNDLE = Message("console.admin.q_bundle", "Bundle")
Q_WORKSTATION = Message("console.admin.q_workstation", "Workstation")
Q_SOURCE = Message("console.admin.q_source", "Came from")
Q_REASON = Message("console.admin.q_reason", "Reason")
Q_OUTCOME = Message("console.admin.q_outcome", "State")
Q_OPEN = Message("console.admin.q_open", "open")
Q_RESOLVED_IMPORTED = Message("console.admin.q_resolved_imported", "resolved: imported on {when} ({by})")
Q_RESOLVED_ALREADY = Message("console.admin.q_resolved_already", "resolved: found held on {when} ({by})")
Q_RESOLVED_AGAIN = Message("console.admin.q_resolved_again", "retried on {when} ({by}) and refused again")
Q_RETRY_OF = Message("console.admin.q_retry_of", "a retry of number {number}")
Q_BY_DELIVERY = Message("console.admin.q_by_delivery", "delivered again by the workstation")
Q_BY_COMMAND_LINE = Message("console.admin.q_by_command_line", "from the command line")
Q_RETRY = Message("console.admin.q_retry", "Retry import")
Q_RETRY_LABEL = Message("console.admin.q_retry_label",
                        "Retry the import of quarantined bundle number {number}")
Q_RETRY_CONFIRM = Message("console.admin.q_retry_confirm",
                          "Import bundle {bundle} again, with every check of a first delivery?")
Q_NOT_RETRIED = Message("console.admin.q_not_retried", "not retried: the bundle's own fault")
Q_NO_COPY = Message("console.admin.q_no_copy", "no copy kept")
Q_UNKNOWN_ID = Message("console.admin.q_unknown_id", "there is no quarantined bundle number {number}")
Q_PAGE = Message("console.admin.q_page", "Page {page} of {pages}")
Q_PREVIOUS = Message("console.admin.q_previous", "Previous page")
Q_NEXT = Message("console.admin.q_next", "Next page")
U_TITLE = Message("console.admin.u_title", "Uploads waiting for their import")
U_INTRO = Message("console.admin.u_intro",
                  "These uploads arrived in full, but a fault of the provider's own machine (a full disk, a "
                  "locked database) stopped their import. Nothing was quarantined: import them now, once the "
                  "fault is fixed, or they are imported when their workstation next asks.")
U_UPLOAD = Message("console.admin.u_upload", "Upload")
U_SINCE = Message("console.admin.u_since", "Last change")
U_IMPORT = Message("console.admin.u_import", "Import now")
U_IMPORT_LABEL = Message("console.admin.u_import_label", "Import upload {upload} now")
U_IMPORTED = Message("console.admin.u_imported", "bundle {bundle} was verified and is held now")
U_QUARANTINED = Message("console.admin.u_quarantined",
                        "the bundle was quarantined as number {number}: {reason}")
U_TAKEN = Message("console.admin.u_taken", "another import of upload {upload} finished first: see the lists")
U_RUNNING = Message("console.admin.u_running",
                    "upload {upload} is still being imported: look again in a minute")
BAD_DAY = Message("console.admin.bad_day", "{field}: a day is written YYYY-MM-DD, not '{value}'")
BAD_CHOICE = Message("console.admin.bad_choice", "{field}: '{value}' is not one of the choices")
BAD_NUMBER = Message("console.admin.bad_number", "{field}: give a whole number from {low} to {high}")

# ---------------------------------------------------------------- workshops and workstations
W_TITLE = Message("console.admin.w_title", "Workshops and workstations")
W_NONE = Message("console.admin.w_none", "No workshop is registered yet.")
W_ID = Message("console.admin.w_id", "Workshop id")
W_NAME = Message("console.admin.w_name", "Name")
W_COUNTRY = Message("console.admin.w_country", "Country (two letters: FI, SE, ES, PT...)")
W_ADDRESS = Message("console.admin.w_address", "Address")
W_WORKSTATIONS = Plural("console.admin.w_workstations", "{n} workstation", "{n} workstations")
W_NO_WORKSTATIONS = Message("console.admin.w_no_workstations", "No workstation is enrolled in this workshop.")
W_KEY = Message("console.admin.w_key", "Workstation key")
W_ENROLLED = Message("console.admin.w_enrolled", "Enrolled")
W_STATE = Message("console.admin.w_state", "State")
W_ACTIVE = Message("console.admin.w_active", "active")
W_REVOKED = Message("console.admin.w_revoked", "revoked on {when}: {reason}")
W_REVOKE = Message("console.admin.w_revoke", "Revoke this workstation")
W_REVOKE_CONFIRM = Message("console.admin.w_revoke_confirm",
                           "Revoke workstation {key}? Bundles it seals are refused from now on.")
W_REASON = Message("console.admin.w_reason", "Reason (kept with the revocation)")
W_REGISTER = Message("console.admin.w_register", "Register a workshop")
W_REGISTER_BUTTON = Message("console.admin.w_register_button", "Register")
W_CODE = Message("console.admin.w_code", "Issue an enrollment code")
W_CODE_LABEL = Message("console.admin.w_code_label", "Note kept with the code (optional)")
W_CODE_BUTTON = Message("console.admin.w_code_button", "Issue a code for {workshop}")
W_CODE_SHOWN = Message("console.admin.w_code_shown",
                       "Enrollment code for workshop {workshop}: enter it at the new workstation. It works "
                       "once, until {until}.")
CODE_ONCE = Message("console.admin.code_once",
                    "It is shown only now: the provider keeps only its hash. Write it down or pass it on "
                    "now.")
W_REGISTERED = Message("console.admin.w_registered", "Workshop {workshop} is registered.")
W_REVOKED_DONE = Message("console.admin.w_revoked_done", "Workstation {key} is revoked.")
W_UNKNOWN_DEVICE = Message("console.admin.w_unknown_device", "there is no enrolled workstation {key}")

# ---------------------------------------------------------------- assessors
A_TITLE = Message("console.admin.a_title", "Assessors")
A_NONE = Message("console.admin.a_none", "No assessor is registered yet.")
A_ID = Message("console.admin.a_id", "Assessor id")
A_NAME = Message("console.admin.a_name", "Name")
A_QUALIFICATION = Message("console.admin.a_qualification", "Qualification")
A_REF = Message("console.admin.a_ref", "Card or certificate number")
A_EXPIRES = Message("console.admin.a_expires", "Valid through (YYYY-MM-DD)")
A_VALIDITY = Message("console.admin.a_validity", "Validity")
A_VALID = Message("console.admin.a_valid", "valid through {day}")
A_EXPIRING = Plural("console.admin.a_expiring", "Expires soon: valid through {day}, {n} day left",
                    "Expires soon: valid through {day}, {n} days left")
A_EXPIRES_TODAY = Message("console.admin.a_expires_today",
                          "Expires soon: today ({day}) is its last valid day")
A_EXPIRED = Message("console.admin.a_expired", "Expired: valid through {day} only")
A_WITHIN = Message("console.admin.a_within", "Flag qualifications that expire within (days)")
A_EXPIRING_COUNT = Plural("console.admin.a_expiring_count",
                          "{n} active assessor's qualification expires within {days} days or has expired",
                          "{n} active assessors' qualifications expire within {days} days or have expired")
A_WORKSHOPS = Message("console.admin.a_workshops", "Assesses for")
A_KEYS = Message("console.admin.a_keys", "Keys")
A_NO_KEY = Message("console.admin.a_no_key", "no key bound yet")
A_KEY = Message("console.admin.a_key", "key {key}, bound on {when}")
A_KEY_REVOKED = Message("console.admin.a_key_revoked", "key {key}, revoked on {when}: {reason}")
A_STATE = Message("console.admin.a_state", "State")
A_ACTIVE = Message("console.admin.a_active", "active")
A_REVOKED = Message("console.admin.a_revoked", "revoked on {when}: {reason}")
A_ADD = Message("console.admin.a_add", "Add an assessor")
A_ADD_BUTTON = Message("console.admin.a_add_button", "Add")
A_ADDED = Message("console.admin.a_added", "Assessor {assessor} is added.")
A_RENEW = Message("console.admin.a_renew", "Renew the qualification")
A_RENEW_BUTTON = Message("console.admin.a_renew_button", "Save the qualification of {assessor}")
A_RENEWED = Message("console.admin.a_renewed", "The qualification of {assessor} is saved.")
A_CODE_BUTTON = Message("console.admin.a_code_button", "Issue an assessor code for {assessor}")
A_CODE_SHOWN = Message("console.admin.a_code_shown",
                       "Assessor code for {assessor}: they enter it with their PIN at a workstation of their "
                       "workshop to bind their key. It works once, until {until}.")
A_REVOKE = Message("console.admin.a_revoke", "Revoke this assessor")
A_REVOKE_CONFIRM = Message("console.admin.a_revoke_confirm",
                           "Revoke assessor {assessor}? Bundles they co-sign are refused from now on.")
A_REVOKE_KEY = Message("console.admin.a_revoke_key", "Revoke key {key}")
A_REVOKE_KEY_CONFIRM = Message("console.admin.a_revoke_key_confirm",
                               "Revoke key {key}? Bundles co-signed with it are refused from now on.")
A_REVOKED_DONE = Message("console.admin.a_revoked_done", "Assessor {assessor} is revoked.")
A_KEY_REVOKED_DONE = Message("console.admin.a_key_revoked_done", "Key {key} is revoked.")
A_UNKNOWN_KEY = Message("console.admin.a_unknown_key", "there is no assessor key {key}")
A_ACTIONS = Message("console.admin.a_actions", "Actions")
