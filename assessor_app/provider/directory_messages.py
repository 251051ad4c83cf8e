"""What the provider's records of who is who say to staff who change them (codes ``directory.*``).

Refusals carry these messages (``Refused.msg``), so the console says them in the page's language
and the command line prints their English.
"""

from __future__ import annotations

from assessor_app.i18n import Message, Plural
from assessor_app.provider.store import Refused

# the fields a refusal names
WORKSHOP_NAME = Message("directory.field.workshop_name", "the workshop name")
ADDRESS = Message("directory.field.address", "the address")
ASSESSOR_NAME = Message("directory.field.assessor_name", "the assessor's name")
QUALIFICATION = Message("directory.field.qualification", "the qualification")
QUALIFICATION_REF = Message("directory.field.qualification_ref", "the qualification reference")
EXPIRY = Message("directory.field.expiry", "the qualification's expiry")
REASON = Message("directory.field.reason", "the reason")
LABEL = Message("directory.field.label", "the note kept with the code")

TEXT = Message("directory.refused.text", "{what} must be {low}-{high} printable characters")
DATE = Message("directory.refused.date", "{what} must be a date as YYYY-MM-DD, not '{value}'")
WORKSHOP_ID = Message("directory.refused.workshop_id",
                      "a workshop id is 1-100 letters, digits, '.', '_' or '-'")
COUNTRY = Message("directory.refused.country",
                  "country must be a two-letter ISO 3166 code (FI, SE, ES, PT...), not '{value}'")
WORKSHOP_EXISTS = Message("directory.refused.workshop_exists", "workshop {workshop} already exists")
NO_WORKSHOP = Message("directory.refused.no_workshop", "there is no workshop '{workshop}'")
NO_WORKSHOP_ADD = Message("directory.refused.no_workshop_add",
                          "there is no workshop '{workshop}': add it first")
ASSESSOR_ID = Message("directory.refused.assessor_id",
                      "an assessor id is 1-64 letters, digits, '.', '_' or '-'")
NO_WORKSHOPS = Message("directory.refused.no_workshops",
                       "name at least one workshop the assessor assesses for")
KEEP_A_WORKSHOP = Message("directory.refused.keep_a_workshop",
                          "an assessor keeps at least one workshop: revoke them instead")
ASSESSOR_EXISTS = Message("directory.refused.assessor_exists", "assessor {assessor} already exists")
NO_ASSESSOR = Message("directory.refused.no_assessor", "there is no assessor '{assessor}' at this provider")
ASSESSOR_REVOKED_NO_CODE = Message("directory.refused.assessor_revoked_code",
                                   "assessor {assessor} was revoked: no code can be issued")
ASSESSOR_REVOKED_ALREADY = Message("directory.refused.assessor_revoked_already",
                                   "assessor {assessor} was revoked already, on {day}")
KEY_PREFIX = Message("directory.refused.key_prefix", "give at least 8 characters of the assessor key's id")
KEY_MATCHES = Plural("directory.refused.key_matches", "{count} assessor key has an id starting {prefix}",
                     "{count} assessor keys have an id starting {prefix}", count="count")
KEY_REVOKED_ALREADY = Message("directory.refused.key_revoked_already",
                              "assessor key {key} was revoked already, on {day}")
DEVICE_PREFIX = Message("directory.refused.device_prefix",
                        "give at least 8 characters of the device's key id")
DEVICE_MATCHES = Plural("directory.refused.device_matches",
                        "{count} enrolled device has a key id starting {prefix}",
                        "{count} enrolled devices have a key id starting {prefix}", count="count")
DEVICE_REVOKED_ALREADY = Message("directory.refused.device_revoked_already",
                                 "workstation {key} was revoked already, on {day}")


def checked_text(value: str, what: Message, limit: int, *, required: bool = True) -> str:
    """A person's text for a record, stripped: printable, not empty when required, within ``limit``."""
    value = value.strip()
    if (required and not value) or len(value) > limit or not value.isprintable():
        raise Refused(422, TEXT(what=what(), low=1 if required else 0, high=limit))
    return value
