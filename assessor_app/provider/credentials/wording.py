"""Texts a credential carries in every language, made from the assessment (codes ``credentials.text.*``)."""

from __future__ import annotations

from assessor_app.i18n import Message

CRITERIA = Message("credentials.text.criteria",
                   "Competent in a recorded practical assessment: all {steps} steps of the checklist done "
                   "in order, the {critical} critical steps passed by the learner themselves with readings "
                   "within their limits, and each of the {criteria} behavioural criteria scored at its "
                   "minimum or above")
SUPERVISION = Message("credentials.text.supervision",
                      "Supervised throughout by assessor {assessor}, registered with the awarding body; "
                      "identity: {method}")
ID_PHOTO = Message("credentials.text.id.photo_id", "checked against an official photo ID")
ID_KNOWN = Message("credentials.text.id.known_to_assessor", "known to the assessor")
ID_RECORD = Message("credentials.text.id.provider_record", "checked against the provider's record")
ID_NOT_CHECKED = Message("credentials.text.id.not_checked", "not checked")
ID_METHODS = {"photo_id": ID_PHOTO, "known_to_assessor": ID_KNOWN, "provider_record": ID_RECORD,
              "not_checked": ID_NOT_CHECKED}
