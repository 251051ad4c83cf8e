"""Why a bundle was quarantined: a reason code with values, and whose fault it is.

Every quarantine records a message (a code with values) besides its English text, so the console
renders the reason in the page's language from the catalogs. A reason is of one of two kinds:

- ``provider``: the bundle is sound but the provider was not ready for it (its assessor's key not
  yet bound, its workstation not yet enrolled, the assessor's record lacking the workshop or an
  expiry the provider has since renewed). Once the provider's records are put right, a retry of the
  kept copy through the full verified import can hold it.
- ``bundle``: the bundle's own fault (a broken seal, a manifest other than the one declared, another
  workstation's bundle, an id already taken) or a decision of the provider (a revoked workstation,
  assessor or key). Retrying cannot change that, so no retry is offered.
"""

from __future__ import annotations

from typing import Any

from assessor_app.i18n import Message, Msg

PROVIDER, BUNDLE = "provider", "bundle"

ARCHIVE_UNREADABLE = Message("quarantine.archive_unreadable", "archive: {detail}")
FOLDER_UNREADABLE = Message("quarantine.folder_unreadable", "folder: {detail}")
VERIFICATION_FAILED = Message("quarantine.verification_failed", "verification failed: {problems}")
VERIFICATION_INCOMPLETE = Message(
    "quarantine.verification_incomplete",
    "verification did not establish the bundle id, the sealing workstation, the assessor and the "
    "assessment date")
DECLARED_MISMATCH = Message(
    "quarantine.declared_mismatch",
    "the upload declared bundle {declared_bundle} with manifest {declared_manifest} but holds bundle "
    "{bundle} with manifest {manifest}")
WORKSTATION_UNKNOWN = Message(
    "quarantine.workstation_unknown",
    "sealed by workstation key {key}: device {key} is not enrolled with this provider")
WORKSTATION_REVOKED = Message(
    "quarantine.workstation_revoked",
    "sealed by workstation key {key}: this workstation ({key}) was revoked by the provider: {detail}")
SEALED_BY_ANOTHER = Message(
    "quarantine.sealed_by_another",
    "sealed by workstation {key}, not by the uploading workstation {uploader}")
ASSESSOR_KEY_UNKNOWN = Message(
    "quarantine.assessor_key_unknown",
    "the assessor key {key} is not registered with this provider: an assessor binds their key to their "
    "record once, with an assessor code")
ASSESSOR_KEY_MISMATCH = Message(
    "quarantine.assessor_key_mismatch",
    "the seal names assessor '{assessor}', but key {key} is registered to assessor {owner}")
ASSESSOR_REVOKED = Message("quarantine.assessor_revoked",
                           "assessor {assessor} was revoked on {day}: {detail}")
ASSESSOR_KEY_REVOKED = Message("quarantine.assessor_key_revoked",
                               "assessor {assessor}'s key {key} was revoked on {day}: {detail}")
NOT_IN_WORKSHOP = Message("quarantine.assessor_not_in_workshop",
                          "assessor {assessor} does not assess for workshop {workshop}")
QUALIFICATION_EXPIRED = Message(
    "quarantine.qualification_expired",
    "assessor {assessor}'s qualification ({qualification}) expired on {expired}, before the assessment "
    "on {assessed}")
BUNDLE_ID_TAKEN = Message(
    "quarantine.bundle_id_taken",
    "bundle {bundle} of this workstation is already held with another manifest ({manifest}); a different "
    "bundle cannot take its id")

#: the reasons a retry can cure once the provider's records are put right
PROVIDER_SIDE = frozenset(m.code for m in (WORKSTATION_UNKNOWN, ASSESSOR_KEY_UNKNOWN, NOT_IN_WORKSHOP,
                                           QUALIFICATION_EXPIRED))
REASONS: dict[str, Message] = {m.code: m for m in (
    ARCHIVE_UNREADABLE, FOLDER_UNREADABLE, VERIFICATION_FAILED, VERIFICATION_INCOMPLETE, DECLARED_MISMATCH,
    WORKSTATION_UNKNOWN, WORKSTATION_REVOKED, SEALED_BY_ANOTHER, ASSESSOR_KEY_UNKNOWN, ASSESSOR_KEY_MISMATCH,
    ASSESSOR_REVOKED, ASSESSOR_KEY_REVOKED, NOT_IN_WORKSHOP, QUALIFICATION_EXPIRED, BUNDLE_ID_TAKEN)}

def kind_of(code: str | None) -> str:
    """``provider`` when a retry can cure the reason, else ``bundle`` (also for a reason recorded before
    reasons had codes: the migration gave the curable ones theirs)."""
    return PROVIDER if code in PROVIDER_SIDE else BUNDLE


def stored_reason(code: str | None, args: dict[str, Any] | None, text: str) -> dict[str, Any] | str:
    """What ``i18n.render_stored`` renders: the message, or the plain English of an earlier version."""
    if code is None:
        return text
    return {"code": code, "args": args or {}, "text": text}


def reason_msg(code: str, **args: Any) -> Msg:
    return REASONS[code](**args)
