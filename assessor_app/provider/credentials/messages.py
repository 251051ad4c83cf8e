"""What the provider's credential side says to staff (codes ``credentials.*``): refusals of the
awarding body's settings, and why an assessment cannot (yet) give a credential."""

from __future__ import annotations

from assessor_app.i18n import Message

# ---------------------------------------------------------------- the awarding body
BODY_NAME = Message("credentials.body.name", "the awarding body's name is 1-200 characters, not '{value}'")
BODY_LEGAL_ID = Message("credentials.body.legal_id",
                        "the legal identifier is 2-100 letters, digits, spaces, '.', '/', '-' or ':', "
                        "not '{value}'")
BODY_LEGAL_ID_TYPE = Message("credentials.body.legal_id_type",
                             "the kind of legal identifier is one of {choices}, not '{value}'")
BODY_VAT = Message("credentials.body.vat",
                   "a VAT number starts with the country's two letters ({country}), then 2-13 letters or "
                   "digits: not '{value}'")
BODY_ADDRESS = Message("credentials.body.address", "the postal address is 5-500 characters")
BODY_COUNTRY = Message("credentials.body.country",
                       "the country is an ISO 3166 two-letter code (FI, SE, ES, PT...), not '{value}'")
BODY_URL = Message("credentials.body.url",
                   "the public address is an https:// URL with no path after the host's own path, no "
                   "query and no trailing '/' (http:// only for this machine): not '{value}'")
BODY_EMAIL = Message("credentials.body.email", "'{value}' is not an e-mail address")
BODY_NOT_SET = Message("credentials.body.not_set",
                       "the awarding body is not set: set its name, legal identifier, address, country "
                       "and public address first (assessor provider awarding-body set)")
BODY_SAVED = Message("credentials.body.saved", "Awarding body saved: {name} ({country}), {legal_id}")
BODY_SHOW = Message("credentials.body.show",
                    "{name}\n  legal identifier ({kind}): {legal_id}\n  address: {address}\n  country: "
                    "{country}\n  public address: {url}\n  e-mail: {email}\n  issuer profile: {issuer}")

# ---------------------------------------------------------------- issuance refusals (why not yet)
NOT_HELD = Message("credentials.refused.not_held", "the provider holds no assessment {assessment}")
NOT_COMPETENT = Message("credentials.refused.not_competent",
                        "the outcome is '{outcome}', not competent: a credential is issued only for a "
                        "competent outcome")
HAZARD_STOP = Message("credentials.refused.hazard_stop",
                      "the assessment ended in a hazard stop (at step {step}): no credential from it")
NO_IDENTITY = Message("credentials.refused.identity",
                      "the bundle holds no identity file that fits the record (withheld or from the first "
                      "release): the learner cannot be named on a credential")
ASSESSOR_REVOKED = Message("credentials.refused.assessor_revoked",
                           "assessor {assessor} was revoked ({reason}): their assessments give no "
                           "credential")
ASSESSOR_UNKNOWN = Message("credentials.refused.assessor_unknown",
                           "the assessment names no assessor the provider registered: no credential from it")
GENERIC_PARAMETERS = Message("credentials.refused.generic_parameters",
                             "this credential needs the manufacturer's data, and the assessment used a "
                             "generic parameter set ({parameter_set})")
PREREQUISITE = Message("credentials.refused.prerequisite",
                       "the learner holds no valid credential for {prerequisite}, which {checklist} requires "
                       "first")
MODERATION_PENDING = Message("credentials.refused.moderation_pending",
                             "sampled for moderation in cycle {cycle}, no verdict yet: wait for the panel")
MODERATION_OVERTURNED = Message("credentials.refused.moderation_overturned",
                                "the moderation panel overturned the outcome (cycle {cycle})")
MODERATION_REFERRED = Message("credentials.refused.moderation_referred",
                              "the moderation panel referred the assessment back to the centre "
                              "(cycle {cycle})")
MODERATION_UNCHECKED = Message("credentials.refused.moderation_unchecked",
                               "a verdict of cycle {cycle} on this assessment fails its signature or hash "
                               "check: fix the moderation record first")
MODERATION_WAIT = Message("credentials.refused.moderation_wait",
                          "this credential belongs to a progression gateway ({gateway}) and waits for "
                          "moderation: no cycle has drawn a sample that covers this assessment yet")
MODERATION_NEEDS_CONFIRM = Message("credentials.refused.moderation_confirm",
                                   "the issuance rules require this assessment itself to be moderated and "
                                   "confirmed; it was not sampled ({state})")
ALREADY_ISSUED = Message("credentials.refused.issued",
                         "credential {credential} was issued for this assessment")
NO_RULES = Message("credentials.refused.no_rules",
                   "the issuance rules name no credential for checklist {checklist} {version}")
CHECKLIST_UNREADABLE = Message("credentials.refused.checklist",
                               "the checklist the assessment pinned cannot be read from its bundle")
RECORD_UNREADABLE = Message("credentials.refused.record",
                            "the assessment record in the bundle cannot be read")
EDC_INVALID = Message("credentials.refused.edc_invalid",
                      "the European Digital Credential would not pass the ELM shapes: {problem}")

# ---------------------------------------------------------------- moderation states (why it may be issued)
STATE_CONFIRMED = Message("credentials.moderation.confirmed",
                          "sampled in moderation cycle {cycle} and confirmed")
STATE_NOT_SAMPLED = Message("credentials.moderation.not_sampled",
                            "in the frame of moderation cycle {cycle}, not drawn for the sample")
STATE_NO_CYCLE = Message("credentials.moderation.no_cycle",
                         "no moderation cycle has covered it yet (allowed outside the progression gateways)")

# ---------------------------------------------------------------- the book
NO_CREDENTIAL = Message("credentials.refused.no_credential", "there is no credential {credential}")
REVOKE_REASON = Message("credentials.refused.revoke_reason",
                        "say why the credential is revoked (3-500 characters)")
ALREADY_REVOKED = Message("credentials.refused.revoked", "credential {credential} is already revoked")
