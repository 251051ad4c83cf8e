"""What the provider says about its credential figures and the learners' voluntary participation
figures (codes ``credentials.kpi.*`` and ``credentials.participation.*``)."""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

# ---------------------------------------------------------------- participation (voluntary)
PARTICIPATION_GENDER = Message("credentials.participation.bad_gender",
                               "gender is one of {choices} or not given, not '{value}'")
PARTICIPATION_AGE = Message("credentials.participation.bad_age",
                            "the age band is one of {choices} or not given, not '{value}'")

# ---------------------------------------------------------------- why a figure has no value
NO_CREDENTIALS = Message("credentials.kpi.undefined.no_credentials",
                         "undefined: no credential has been issued yet")
NO_CHECKS = Message("credentials.kpi.undefined.no_checks",
                    "undefined: nobody has checked a credential on the public page yet")
NO_GENDER = Message("credentials.kpi.undefined.no_gender",
                    "undefined: no learner has given a gender")

# ---------------------------------------------------------------- the command line's lines
TITLE = Message("credentials.kpi.title", "Credential figures (as of {when})")
LAG = Message("credentials.kpi.lag",
              "Completion to credential: median {median} days, mean {mean} days, longest {longest} days "
              "(n = {n})")
LAG_OF = Message("credentials.kpi.lag_of",
                 "  {checklist}: median {median} days, mean {mean} days, longest {longest} days (n = {n})")
VERIFIED = Message("credentials.kpi.verified",
                   "Verification success: {share} of {n} checks on the public page found a valid credential")
ISSUED = Plural("credentials.kpi.issued", "{n} credential issued, {revoked} revoked",
                "{n} credentials issued, {revoked} revoked")
BY_CHECKLIST = Message("credentials.kpi.by_checklist", "By checklist:")
BY_WORKSHOP = Message("credentials.kpi.by_workshop", "By workshop:")
BY_REGION = Message("credentials.kpi.by_region", "By region (the workshop's country):")
COUNT_LINE = Message("credentials.kpi.count_line", "  {name}: {n}")
UNKNOWN_REGION = Message("credentials.kpi.unknown_region", "not known")
PARTICIPATION = Plural("credentials.kpi.participation",
                       "Participation, as {n} learner holding a credential chose to give it:",
                       "Participation, as the {n} learners holding a credential chose to give it:")
GAVE_NONE = Message("credentials.kpi.gave_none", "  gave neither gender nor age band: {n}")
WOMEN = Message("credentials.kpi.women",
                "  women among those who gave a gender: {share} (n = {n}; the pilot's target is at least "
                "10 %)")
GENDER_NAMES = {
    "woman": Message("credentials.participation.woman", "woman"),
    "man": Message("credentials.participation.man", "man"),
    "other": Message("credentials.participation.other", "another gender"),
    None: Message("credentials.participation.not_given", "not given"),
}
AGE_NAMES = {
    "under-25": Message("credentials.participation.under_25", "under 25"),
    "25-34": Message("credentials.participation.25_34", "25–34"),
    "35-44": Message("credentials.participation.35_44", "35–44"),
    "45-54": Message("credentials.participation.45_54", "45–54"),
    "55+": Message("credentials.participation.55_plus", "55 or over"),
    None: GENDER_NAMES[None],
}
# a figure that cannot be computed, named: "Verification success: undefined: ..."
LABELLED = Message("credentials.kpi.labelled", "{label}: {value}")
LAG_LABEL = Message("credentials.kpi.label.lag", "Completion to credential")
VERIFIED_LABEL = Message("credentials.kpi.label.verified", "Verification success")
WOMEN_LABEL = Message("credentials.kpi.label.women", "Women among the learners who gave a gender")
