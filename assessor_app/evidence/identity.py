"""Identity kept apart from the evidence: the identity file of a bundle, and its commitments.

An assessment recorded since identity was kept apart (its first event has ``"format": 2``) names
the candidate by a pseudonymous id and a salted commitment, and the vehicle by a commitment to its
VIN. The names, the VIN and the salt live in the identity document, sealed into the bundle as
``identity/identity.json`` beside the full PDF records, outside the BagIt payload, so a bundle can
be handed on without them and still verify. The checks here serve both the writer (its own data)
and the verifier (anything at all): every field is type-checked before it is used.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from assessor_app.core.engine.people import commitment as commitment  # the record's own formula
from assessor_app.evidence.seal import IDENTITY_FILE as IDENTITY_FILE  # the names a seal may give
from assessor_app.evidence.strict_json import (
    JsonError,
    JsonLimits,
    loads,
    need_field,
    need_int,
    need_list,
    need_object,
    need_str,
    shown,
)

#: The folder of the identity files, outside the payload and the tag manifest.
IDENTITY_DIR = "identity"
IDENTITY_JSON = "identity/identity.json"
#: The full PDF record (names shown) in one language.
FULL_RECORD_PDF = "identity/assessment-record.{language}.pdf"
#: The first event's format that keeps identity apart.
APART_FORMAT = 2
IDENTITY_FORMAT = 1
_HEX64 = re.compile(r"[0-9a-f]{64}")


def keeps_identity_apart(started: Mapping[str, Any]) -> bool:
    """Whether an assessment's first event keeps the names and the VIN out of the record."""
    return started.get("format") == APART_FORMAT


def _text_fields(value: Any, where: str, names: tuple[str, ...], required: tuple[str, ...] = ()) -> None:
    obj = need_object(value, where)
    for name in names:
        if name in required:
            need_str(need_field(obj, name, where), f"{where}.{name}")
        elif obj.get(name) is not None:
            need_str(obj[name], f"{where}.{name}")


def _check_shape(document: Any) -> dict[str, Any]:
    """The identity document, every field the bundle and its PDF use type-checked; JsonError if not."""
    where = IDENTITY_JSON
    doc = need_object(document, where)
    version = need_int(need_field(doc, "format", where), f"{where}: format")
    if version != IDENTITY_FORMAT:
        raise JsonError(f"{where}: format {version} is not an identity document format this version "
                        f"reads ({IDENTITY_FORMAT})")
    salt = need_str(need_field(doc, "salt", where), f"{where}: salt")
    if not _HEX64.fullmatch(salt):
        raise JsonError(f"{where}: salt must be 32 bytes in lowercase hex, not {shown(salt)}")
    _text_fields(need_field(doc, "candidate", where), f"{where}: candidate", ("id", "name"), ("id", "name"))
    _text_fields(need_field(doc, "vehicle", where), f"{where}: vehicle", ("vin",), ("vin",))
    _text_fields(need_field(doc, "assessor", where), f"{where}: assessor", ("id", "name"), ("id",))
    _text_fields(need_field(doc, "workshop", where), f"{where}: workshop", ("id", "name", "address"),
                 ("id",))
    if doc.get("responsible_person") is not None:
        _text_fields(doc["responsible_person"], f"{where}: responsible_person", ("id", "name"), ("id",))
    for i, item in enumerate(need_list(doc.get("signatures", []), f"{where}: signatures")):
        at = f"{where}: signatures[{i}]"
        _text_fields(item, at, ("role", "person", "name"), ("role",))
        if item.get("t_us") is not None:
            need_int(item["t_us"], f"{at}.t_us")
    if doc.get("identity_check") is not None:
        _text_fields(doc["identity_check"], f"{where}: identity_check", ("method", "note"), ("method",))
    return doc


def read_identity_document(data: bytes, limits: JsonLimits | None = None) -> dict[str, Any]:
    """The identity document from the bytes of identity/identity.json, read strictly and shape-checked;
    JsonError names what is wrong."""
    return _check_shape(loads(data, IDENTITY_JSON, limits))


def identity_problem(document: Any, started: Mapping[str, Any]) -> str | None:
    """Why ``document`` is not a well-formed identity document of the assessment that ``started``
    (its first event's payload), or None. The commitments of the record must be made from it."""
    try:
        doc = _check_shape(document)
    except JsonError as exc:
        return str(exc)
    if not keeps_identity_apart(started):
        return ("the record's first event holds the names and the VIN (it was recorded before identity "
                "was kept apart): its identity cannot be kept apart")
    candidate, pinned = doc["candidate"], started.get("candidate")
    if not isinstance(pinned, Mapping) or candidate["id"] != pinned.get("id"):
        theirs = pinned.get("id") if isinstance(pinned, Mapping) else None
        return (f"{IDENTITY_JSON} names candidate {shown(candidate['id'])}, not the record's candidate "
                f"{shown(theirs) if isinstance(theirs, str) else 'with an id'}")
    salt = doc["salt"]
    if commitment(salt, {"id": candidate["id"], "name": candidate["name"]}) != pinned.get("commitment"):
        return (f"{IDENTITY_JSON} is not this record's identity: the candidate's commitment made from it "
                f"is not the one the record's first event holds")
    vehicle = started.get("vehicle")
    vin_commitment = vehicle.get("vin_commitment") if isinstance(vehicle, Mapping) else None
    if vin_commitment:
        if commitment(salt, {"vin": doc["vehicle"]["vin"]}) != vin_commitment:
            return (f"{IDENTITY_JSON} is not this record's identity: the VIN's commitment made from it is "
                    f"not the one the record's first event holds")
    elif doc["vehicle"]["vin"]:
        return (f"{IDENTITY_JSON} holds a VIN, but the record's first event commits to none: it is not "
                f"this record's identity")
    return None


def identifying_texts(document: Mapping[str, Any], min_chars: int) -> dict[str, str]:
    """What must not appear in an anonymised copy: the candidate's name and the VIN, by what they are.

    Texts shorter than ``min_chars`` are left out: they would match by chance.
    """
    texts = {"the candidate's name": str(document["candidate"]["name"]).strip(),
             "the VIN": str(document["vehicle"]["vin"]).strip()}
    return {what: text for what, text in texts.items() if len(text) >= min_chars}
