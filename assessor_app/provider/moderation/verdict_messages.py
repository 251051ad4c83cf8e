"""Why a verdict is refused, and what checking a stored verdict found, in words for a person."""

from __future__ import annotations

from assessor_app.i18n import Message

CYCLE_UNKNOWN = Message("moderation.refused.cycle_unknown", "There is no moderation cycle {cycle}.")
CYCLE_CLOSED = Message("moderation.refused.cycle_closed",
                       "Cycle {cycle} is closed: it takes no more verdicts.")
NOT_ON_PANEL = Message("moderation.verdict.not_on_panel", "{user} is not on the panel of cycle {cycle}.")
NOT_SAMPLED = Message("moderation.refused.not_sampled",
                      "Assessment {bundle} is not in the sample of cycle {cycle}.")
NOT_INDEXED = Message("moderation.refused.not_indexed",
                      "Assessment {bundle} is not in the provider's index yet: try again in a moment.")
INVALID = Message("moderation.refused.invalid", "The verdict cannot be accepted: {problem}")
KEY_UNUSABLE = Message("moderation.refused.key", "The moderator's signing key cannot be used: {problem}")

# what checking a stored verdict found
CHECK_VALID = Message("moderation.check.valid", "signature valid")
CHECK_DOCUMENT = Message("moderation.check.document", "the stored verdict cannot be read: {problem}")
CHECK_HASH = Message("moderation.check.hash", "the verdict's hash does not match its content")
CHECK_KEY = Message("moderation.check.key", "the signing key {key} is not known to this provider")
CHECK_SIGNATURE = Message("moderation.check.signature", "the signature does not match the verdict")
CHECK_CHAIN = Message("moderation.check.chain",
                      "the verdict does not follow the moderator's previous verdict on this assessment")
CHECK_ROW = Message("moderation.check.row", "the stored row's {field} differs from the signed verdict")
