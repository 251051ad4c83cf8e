"""The words of the console's credential pages: the list, one credential, its downloads and forms,
issuing from the assessment page, the figures, and the public page a certificate's QR code opens."""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

SECTION = Message("console.credentials.section", "Credentials")
SECTION_HINT = Message("console.credentials.section_hint",
                       "Micro-credentials issued from assessments: issue, revoke, download, figures.")

# ---------------------------------------------------------------- the list
LIST_TITLE = Message("console.credentials.list_title", "Issued credentials")
FILTER = Message("console.credentials.filter", "Show")
ANY = Message("console.credentials.any", "any")
CHECKLIST = Message("console.credentials.checklist", "Checklist")
WORKSHOP = Message("console.credentials.workshop", "Workshop")
STATE = Message("console.credentials.state", "Status")
STATE_VALID = Message("console.credentials.state_valid", "valid")
STATE_REVOKED = Message("console.credentials.state_revoked", "revoked")
APPLY = Message("console.credentials.apply", "Show")
ISSUED_ON = Message("console.credentials.issued_on", "Issued")
LEARNER = Message("console.credentials.learner", "Learner")
REGION = Message("console.credentials.region", "Region")
CREDENTIAL = Message("console.credentials.credential", "Credential")
NONE_YET = Message("console.credentials.none_yet", "No credential has been issued yet.")
NONE_MATCH = Message("console.credentials.none_match", "No credential matches these filters.")
SHOWN = Plural("console.credentials.shown", "{n} credential on this page", "{n} credentials on this page")
NEXT = Message("console.credentials.next", "Older credentials")
FIRST = Message("console.credentials.first", "Newest credentials")
PSEUDONYM_NOTE = Message("console.credentials.pseudonym_note",
                         "Learners are shown by the pseudonymous id their records use.")
UNKNOWN_CHECKLIST = Message("console.credentials.unknown_checklist",
                            "No credential was issued for a checklist '{value}': that filter is left out.")
UNKNOWN_WORKSHOP = Message("console.credentials.unknown_workshop",
                           "No credential was issued in a workshop '{value}': that filter is left out.")
UNKNOWN_STATE = Message("console.credentials.unknown_state",
                        "The status is valid or revoked, not '{value}': that filter is left out.")
BAD_CURSOR = Message("console.credentials.bad_cursor",
                     "The page link is not one this list made: the newest credentials are shown.")
ISSUE_ALL = Message("console.credentials.issue_all", "Issue all eligible")
ISSUE_ALL_HINT = Message("console.credentials.issue_all_hint",
                         "Issues a credential for every competent assessment that may have one now; the "
                         "others are listed with why not.")
ALL_CHECKLISTS = Message("console.credentials.all_checklists", "every checklist")
KPIS_LINK = Message("console.credentials.kpis_link", "Credential figures")

# ---------------------------------------------------------------- issuing
RUN_TITLE = Message("console.credentials.run_title", "Issuing all eligible credentials")
RUN_ISSUED = Plural("console.credentials.run_issued", "{n} credential issued.", "{n} credentials issued.")
RUN_REFUSED = Plural("console.credentials.run_refused",
                     "{n} competent assessment cannot have a credential yet:",
                     "{n} competent assessments cannot have a credential yet:")
RUN_GROUP = Plural("console.credentials.run_group", "{n} assessment", "{n} assessments")
RUN_MORE = Plural("console.credentials.run_more", "and {n} more", "and {n} more")
BACK_TO_LIST = Message("console.credentials.back_to_list", "Back to the credentials")
ISSUE_FAILED = Message("console.credentials.issue_failed", "The credential could not be issued.")
SECTION_TITLE = Message("console.credentials.assessment_section", "Credential")
ISSUED_FOR = Message("console.credentials.issued_for",
                     "Credential {credential} was issued for this assessment.")
MAY_ISSUE = Message("console.credentials.may_issue", "A credential may be issued for this assessment.")
NOT_YET = Message("console.credentials.not_yet", "No credential can be issued for this assessment yet:")
REFUSED_NOW = Message("console.credentials.refused_now", "The credential was not issued:")
MODERATION = Message("console.credentials.moderation", "Moderation")
ISSUE = Message("console.credentials.issue", "Issue credential")
ISSUE_HINT = Message("console.credentials.issue_hint",
                     "Signs the Open Badge, writes the European Digital Credential and records who "
                     "issued it.")
ISSUED_NOTICE = Message("console.credentials.issued_notice", "The credential was issued.")

# ---------------------------------------------------------------- one credential
TITLE = Message("console.credentials.title", "Credential {title}")
NO_SUCH = Message("console.credentials.no_such", "There is no credential {credential}.")
CANNOT_STATE = Message("console.credentials.cannot_state",
                       "What this credential states cannot be read again: the assessment, its checklist's "
                       "issuance rule or the awarding body is no longer there. The stored files are as "
                       "issued.")
STATUS = Message("console.credentials.status", "Status")
VALID = Message("console.credentials.valid", "Valid")
REVOKED_BY = Message("console.credentials.revoked_by", "Revoked on {when} by {user}: {reason}")
PSEUDONYM = Message("console.credentials.pseudonym", "(pseudonym)")
SHOW_NAME = Message("console.credentials.show_name", "Show the learner's name")
SHOW_NAME_HINT = Message("console.credentials.show_name_hint",
                         "Showing the name is recorded in the audit log.")
NAME_SHOWN = Message("console.credentials.name_shown",
                     "The learner's name is shown; this is in the audit log.")
AWARDING_BODY = Message("console.credentials.awarding_body", "Awarding body")
ISSUED_AT = Message("console.credentials.issued_at", "Date of issue")
ISSUED_BY = Message("console.credentials.issued_by", "Issued by")
ASSESSED_AT = Message("console.credentials.assessed_at", "Assessed")
DESCRIPTION = Message("console.credentials.description", "Description")
OUTCOMES = Message("console.credentials.outcomes", "Learning outcomes")
LEVEL = Message("console.credentials.level", "Level")
EQF = Message("console.credentials.eqf", "EQF {level}")
NQF = Message("console.credentials.nqf", "{country}: {level} ({framework})")
WORKLOAD = Message("console.credentials.workload", "Workload")
WORKLOAD_VALUE = Message("console.credentials.workload_value", "{hours} hours, {ects} ECTS")
ASSESSMENT_TYPE = Message("console.credentials.assessment_type", "Type of assessment")
PARTICIPATION_FORM = Message("console.credentials.participation_form", "Form of participation")
QUALITY = Message("console.credentials.quality", "Quality assurance")
SUPERVISION = Message("console.credentials.supervision", "Supervision and identity")
PREREQUISITES = Message("console.credentials.prerequisites", "Prerequisites")
STACKABILITY = Message("console.credentials.stackability", "Integration and stackability")
MODERATION_BASIS = Message("console.credentials.moderation_basis", "Moderation basis")
EVIDENCE = Message("console.credentials.evidence", "Evidence")
EVIDENCE_VALUE = Message("console.credentials.evidence_value", "bundle {bundle}, manifest SHA-256")
OPEN_ASSESSMENT = Message("console.credentials.open_assessment", "Open the assessment")
CHECKLIST_VERSION = Message("console.credentials.checklist_version", "{checklist} {version}")
PUBLIC_PAGE = Message("console.credentials.public_page", "Public check page")
DOWNLOADS = Message("console.credentials.downloads", "Downloads")
DL_OB3 = Message("console.credentials.dl_ob3", "Open Badge 3.0, signed (.ob3.jwt)")
DL_EDC = Message("console.credentials.dl_edc", "European Digital Credential (.edc.json)")
DL_EDC_UPLOAD = Message("console.credentials.dl_edc_upload",
                        "European Digital Credential for the EU issuing service (.edc-upload.json)")
DL_PDF_LANGUAGE = Message("console.credentials.dl_pdf_language", "Language of the certificate")
DL_PDF_BUTTON = Message("console.credentials.dl_pdf_button", "Download the PDF")
DL_LEARNER = Message("console.credentials.dl_learner",
                     "The learner's download (.zip: the three files and the PDF in the learner's language)")
DOWNLOADS_LOGGED = Message("console.credentials.downloads_logged",
                           "The files name the learner; each download is recorded in the audit log.")
PDF_UNAVAILABLE = Message("console.credentials.pdf_unavailable",
                          "This provider cannot make PDF certificates yet.")
EDC_UNREADABLE = Message("console.credentials.edc_unreadable",
                         "The stored European Digital Credential of {credential} cannot be read.")
NO_SUCH_DOWNLOAD = Message("console.credentials.no_such_download", "There is no download '{kind}'.")
BAD_LANGUAGE = Message("console.credentials.bad_language", "There is no certificate language '{language}'.")

# ---------------------------------------------------------------- revoking
REVOKE = Message("console.credentials.revoke", "Revoke this credential")
REVOKE_HINT = Message("console.credentials.revoke_hint",
                      "A revoked credential stays listed; its status list says it is revoked from now on, "
                      "and the public page says so. This cannot be undone.")
REVOKE_REASON = Message("console.credentials.revoke_reason", "Why (required, kept in the provider's records)")
REVOKE_CONFIRM = Message("console.credentials.revoke_confirm_box", "Yes, revoke credential {credential}")
REVOKE_ASK = Message("console.credentials.revoke_ask",
                     "Revoke credential {credential}? This cannot be undone.")
REVOKE_BUTTON = Message("console.credentials.revoke_button", "Revoke")
REVOKE_CONFIRM_MISSING = Message("console.credentials.revoke_confirm_missing",
                                 "Tick the box to confirm the revocation: nothing was revoked.")
REVOKE_FAILED = Message("console.credentials.revoke_failed", "The credential was not revoked.")
REVOKED_NOTICE = Message("console.credentials.revoked_notice", "The credential is revoked.")

# ---------------------------------------------------------------- participation (voluntary)
PARTICIPATION = Message("console.credentials.participation", "Participation figures (voluntary)")
PARTICIPATION_HINT = Message("console.credentials.participation_hint",
                             "Only if the learner chose to tell: never required, and 'not given' is always "
                             "a full answer. Kept apart from the credential, counted in the figures only.")
GENDER = Message("console.credentials.gender", "Gender")
AGE_BAND = Message("console.credentials.age_band", "Age band")
PARTICIPATION_SAVE = Message("console.credentials.participation_save", "Save")
PARTICIPATION_SAVED = Message("console.credentials.participation_saved",
                              "The participation figures are saved.")
PARTICIPATION_NOW = Message("console.credentials.participation_now", "Given: gender {gender}, age band {age}")

# ---------------------------------------------------------------- figures
KPIS_TITLE = Message("console.credentials.kpis_title", "Credential figures")
KPIS_AS_OF = Message("console.credentials.kpis_as_of", "As the provider's records stand on {when} (UTC).")
LAG_TITLE = Message("console.credentials.lag_title", "Completion to credential (days)")
LAG_HINT = Message("console.credentials.lag_hint",
                   "From the end of the assessment to the credential's issue, over every credential issued.")
MEDIAN = Message("console.credentials.median", "Median")
MEAN = Message("console.credentials.mean", "Mean")
LONGEST = Message("console.credentials.longest", "Longest")
COUNT = Message("console.credentials.count", "n")
ALL = Message("console.credentials.all", "All checklists")
VERIFY_TITLE = Message("console.credentials.verify_title", "Verification success")
VERIFY_HINT = Message("console.credentials.verify_hint",
                      "Share of the checks on the public page that found a valid credential.")
VERIFY_VALUE = Message("console.credentials.verify_value", "{share} of {n} checks")
RESULT_VALID = Message("console.credentials.result_valid", "valid")
RESULT_REVOKED = Message("console.credentials.result_revoked", "revoked")
RESULT_INVALID = Message("console.credentials.result_invalid", "signature does not verify")
RESULT_UNKNOWN = Message("console.credentials.result_unknown", "unknown id")
COUNTS_TITLE = Message("console.credentials.counts_title", "Credentials issued")
COUNTS_HINT = Message("console.credentials.counts_hint", "Revoked credentials are counted here too.")
ISSUED_REVOKED = Message("console.credentials.issued_revoked", "{issued} issued, {revoked} revoked")
BY_CHECKLIST = Message("console.credentials.by_checklist", "By checklist")
BY_WORKSHOP = Message("console.credentials.by_workshop", "By workshop")
BY_REGION = Message("console.credentials.by_region", "By region (the workshop's country)")
PART_TITLE = Message("console.credentials.part_title", "Participation (as learners chose to give it)")
PART_HINT = Plural("console.credentials.part_hint",
                   "Over the {n} learner who holds a credential; giving a figure is never required.",
                   "Over the {n} learners who hold a credential; giving a figure is never required.")
GAVE_NONE = Message("console.credentials.gave_none", "Gave neither gender nor age band")
WOMEN = Message("console.credentials.women", "Women among learners who gave a gender")
WOMEN_VALUE = Message("console.credentials.women_value",
                      "{share} (n = {n}; the pilot's target is at least {target})")
TARGET_MET = Message("console.credentials.target_met", "target met")
TARGET_NOT_MET = Message("console.credentials.target_not_met", "below the target")

# ---------------------------------------------------------------- the public page
PUBLIC_TITLE = Message("console.credentials.public_title", "Credential check")
PUBLIC_VALID = Message("console.credentials.public_valid",
                       "Valid: this credential was issued by {body} and is not revoked.")
PUBLIC_REVOKED = Message("console.credentials.public_revoked",
                         "Revoked: {body} revoked this credential on {when}.")
PUBLIC_UNKNOWN = Message("console.credentials.public_unknown",
                         "Unknown: this provider has issued no credential with the id {credential}.")
PUBLIC_INVALID = Message("console.credentials.public_invalid",
                         "Not valid: the stored credential's signature does not verify with the issuer's "
                         "published key.")
PUBLIC_SIGNED = Message("console.credentials.public_signed",
                        "The Open Badge's signature verifies with the issuer's published key.")
PUBLIC_NOT_CHECKED = Message("console.credentials.public_not_checked",
                             "The signature was not checked here: what the provider stored is shown.")
PUBLIC_HOLDER = Message("console.credentials.public_holder", "Awarded to")
PUBLIC_EVIDENCE = Message("console.credentials.public_evidence",
                          "Evidence (the sealed record's manifest, SHA-256)")
PUBLIC_ISSUER = Message("console.credentials.public_issuer", "The issuer's profile")
PUBLIC_KEYS = Message("console.credentials.public_keys", "The issuer's public keys")
PUBLIC_NAME_NOTE = Message("console.credentials.public_name_note",
                           "The holder shares their name with whoever they give this page's address or QR "
                           "code to.")
PUBLIC_NOT_FOUND = Message("console.credentials.public_not_found",
                           "This is not a credential's address: a credential's id is a UUID.")
PUBLIC_WAIT = Message("console.credentials.public_wait",
                      "Too many checks from this address: try again in {n} seconds.")
