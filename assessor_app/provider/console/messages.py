"""The texts of the console's frame: sign-in, home, errors, accounts and the audit log."""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

# the frame
TITLE = Message("console.title", "Provider console")
SKIP = Message("console.skip", "Skip to the content")
LANGUAGE = Message("console.language", "Language")
SIGNED_IN_AS = Message("console.signed_in_as", "Signed in as {name} ({role})")
SIGN_OUT = Message("console.sign_out", "Sign out")
HOME = Message("console.home", "Home")

ROLE_NAMES = {
    "administrator": Message("console.role.administrator", "administrator"),
    "coordinator": Message("console.role.coordinator", "coordinator"),
    "moderator": Message("console.role.moderator", "moderator"),
    "auditor": Message("console.role.auditor", "auditor"),
}

# sign-in
LOGIN_TITLE = Message("console.login.title", "Sign in")
LOGIN_NAME = Message("console.login.name", "User name")
LOGIN_PASSWORD = Message("console.login.password", "Password")
LOGIN_SUBMIT = Message("console.login.submit", "Sign in")
LOGIN_WRONG = Message("console.login.wrong", "The user name or the password is wrong.")
LOGIN_DISABLED = Message("console.login.disabled",
                         "This account is disabled: ask the provider's administrator.")
LOGIN_SIGNED_OUT = Message("console.login.signed_out", "You are signed out.")
LOGIN_EXPIRED = Message("console.login.expired", "Your session has ended: sign in again.")

# home
HOME_TITLE = Message("console.home.title", "What you can do")
HOME_NOTHING = Message("console.home.nothing", "Your role gives you no pages here yet.")
SECTIONS = {
    "assessments": Message("console.section.assessments", "Assessments"),
    "quarantine": Message("console.section.quarantine", "Quarantine"),
    "workshops": Message("console.section.workshops", "Workshops and workstations"),
    "assessors": Message("console.section.assessors", "Assessors"),
    "users": Message("console.section.users", "Console users"),
    "audit": Message("console.section.audit", "Audit log"),
}
SECTION_HINTS = {
    "assessments": Message("console.section.assessments.hint",
                           "Every delivered assessment, step by step, with its evidence."),
    "quarantine": Message("console.section.quarantine.hint", "Bundles refused at import, with the reason."),
    "workshops": Message("console.section.workshops.hint", "Workshops, their workstations and codes."),
    "assessors": Message("console.section.assessors.hint", "Registered assessors and their qualifications."),
    "users": Message("console.section.users.hint", "Who may sign in to this console, and in what role."),
    "audit": Message("console.section.audit.hint", "Who looked at and changed what, and when."),
}

# errors
ERROR_TITLE = {
    400: Message("console.error.400", "The request cannot be understood"),
    401: Message("console.error.401", "Sign in first"),
    403: Message("console.error.403", "Not allowed"),
    404: Message("console.error.404", "Not found"),
    405: Message("console.error.405", "Not possible this way"),
    413: Message("console.error.413", "Too much at once"),
    429: Message("console.error.429", "Too many attempts"),
    503: Message("console.error.503", "Not available right now"),
}
ERR_BAD_REQUEST = Message("console.error.bad_request", "The request is not one this page can answer.")
ERR_SIGN_IN = Message("console.error.sign_in", "This needs a signed-in session: sign in and try again.")
ERR_FORBIDDEN = Message("console.error.forbidden", "Your role ({role}) does not allow this.")
ERR_NOT_FOUND = Message("console.error.not_found", "There is no page at this address.")
ERR_METHOD = Message("console.error.method", "This page cannot be used with the {method} method.")
ERR_CSRF = Message("console.error.csrf",
                   "The form was refused because its security token is missing or wrong. Nothing was "
                   "changed. Reload the page and try again.")
ERR_TOO_LARGE = Message("console.error.too_large", "The form is larger than this console accepts.")
ERR_WAIT = Plural("console.error.wait", "Too many sign-in attempts: try again in {n} second.",
                  "Too many sign-in attempts: try again in {n} seconds.")
ERR_STORAGE = Message("console.error.storage",
                      "The provider's storage cannot answer right now. This is the provider's fault: "
                      "try again later.")
ERR_INCIDENT = Message("console.error.incident",
                       "The console met an unexpected error (incident {incident}). It is recorded in the "
                       "provider's log; try again later and quote the incident if it persists.")
ERR_QUERY = Message("console.error.query", "The {name} in the page's address is not one this page can use.")
ERR_FIELD = Message("console.error.field", "The field {name} of the form is longer than this page accepts.")
ERR_LANGUAGE = Message("console.error.language", "There is no language {language} in this console.")
BACK_HOME = Message("console.error.back_home", "Back to the console's home")
