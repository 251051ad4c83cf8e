"""What ``assessor provider credentials`` prints (codes ``credentials.cli.*``)."""

from __future__ import annotations

from assessor_app.i18n import Message, Plural

ISSUED = Message("credentials.cli.issued",
                 "Issued credential {credential}: {checklist} for learner {learner} "
                 "(assessment {assessment})")
ALREADY = Message("credentials.cli.already",
                  "Credential {credential} was issued before for assessment {assessment}")
MAY_ISSUE = Message("credentials.cli.may_issue", "Assessment {assessment} may give its credential now")
NOT_YET = Message("credentials.cli.not_yet", "Assessment {assessment} gives no credential yet:")
MODERATION = Message("credentials.cli.moderation", "Moderation: {state}")
RUN = Plural("credentials.cli.run", "{issued} credential issued; {refused} assessment not yet eligible",
             "{issued} credentials issued; {refused} assessments not yet eligible", count="issued")
NAME_ONE = Message("credentials.cli.name_one", "name an assessment, or give --all-eligible")
NONE = Message("credentials.cli.none", "No credentials issued")
VALID = Message("credentials.cli.valid", "valid")
REVOKED = Message("credentials.cli.revoked", "revoked {when}")
LINE = Message("credentials.cli.line",
               "{credential}  {learner}  {checklist} {version}  issued {issued}  {status}")
REVOKED_NOW = Message("credentials.cli.revoked_now",
                      "Credential {credential} revoked {when}: the status list says so from now on")
EXPORTED = Plural("credentials.cli.exported", "{n} credential written to {folder}, with issuer.jwks.json",
                  "{n} credentials written to {folder}, with issuer.jwks.json", count="n")
