"""The provider's eligibility list at the workstation: fetched at each sync, verified, held whole.

The provider signs the list (a DSSE envelope, as its receipts and feedback) with the key pinned at
enrollment. Here the envelope's signature and payload type are checked, then the payload's shape,
strictly (it came over the network: sizes, types and ids are bounded, an unknown field is refused,
each refusal names the field). The list then replaces the one held, in one transaction, with its
envelope (to verify it again) and when it was received; a list older than the held one is refused
and logged. A fetch that fails leaves the held list as it was: offline, the last one received counts.
"""

from __future__ import annotations

import binascii
import copy
import datetime as dt
import json
import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from securesystemslib.dsse import Envelope
from securesystemslib.exceptions import VerificationError

from assessor_app.core.gateways import HeldCredential
from assessor_app.core.specs.models import ID_PATTERN
from assessor_app.errors import AssessorError
from assessor_app.evidence.seal import SealError, public_key
from assessor_app.evidence.strict_json import (
    JsonError,
    JsonLimits,
    kind_of,
    loads,
    need_field,
    need_int,
    need_object,
    need_str,
    only_fields,
    shown,
)
from assessor_app.storage.eligibility import EligibilityStore, HeldList, StaleList
from assessor_app.sync.client import ProviderClient
from assessor_app.sync.outbox import Enrollment, now_us
from assessor_app.sync.protocol import ELIGIBILITY_PAYLOAD_TYPE, ELIGIBILITY_TYPE

log = logging.getLogger(__name__)

#: the provider's whole answer (envelope included); a larger one is refused while it arrives
MAX_ANSWER_BYTES = 64 * 1024 * 1024
MAX_LEARNERS = 200_000
MAX_CHECKLISTS_PER_LEARNER = 500
#: a learner id as the records keep it (the pseudonymous candidate id, at most 200 characters)
MAX_LEARNER_CHARS = 200
MAX_US = 2**62  # microseconds: far beyond any real date, and within SQLite's integers
_CHECKLIST = re.compile(ID_PATTERN)
_CREDENTIAL = re.compile(r"urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_FIELDS = frozenset({"type", "issued_us", "as_of_us", "learners"})
_ENTRY_FIELDS = frozenset({"credential", "issued"})
WHAT = "the provider's eligibility list"


class EligibilityError(AssessorError):
    """An eligibility list that cannot be accepted; the message says why (and names the field)."""


@dataclass(frozen=True)
class EligibilityList:
    """A verified list: when it was made, what it reflects, who holds which credential."""

    issued_us: int
    as_of_us: int
    learners: dict[str, dict[str, HeldCredential]]


def _moment(statement: dict[str, Any], name: str) -> int:
    value = need_int(need_field(statement, name, WHAT), f"{WHAT}: {name}")
    if not 0 <= value <= MAX_US:
        raise JsonError(f"{WHAT}: {name} must be microseconds from 0 to {MAX_US}, not {value}")
    return value


def _learner_id(value: str) -> str:
    if not value or len(value) > MAX_LEARNER_CHARS or value != value.strip() \
            or any(not c.isprintable() for c in value):
        raise JsonError(f"{WHAT}: learners holds the learner id {shown(value, 60)}, which is not one (1 to "
                        f"{MAX_LEARNER_CHARS} printable characters, no spaces around it)")
    return value


def _entry(learner: str, checklist: str, value: Any) -> HeldCredential:
    where = f"{WHAT}: learners[{shown(learner, 60)}][{shown(checklist, 60)}]"
    if len(checklist) > 64 or not _CHECKLIST.fullmatch(checklist):
        raise JsonError(f"{WHAT}: learner {shown(learner, 60)} holds the checklist id "
                        f"{shown(checklist, 60)}, "
                        f"which is not one (letters, digits, '_', '.', '-'; at most 64)")
    entry = need_object(value, where)
    only_fields(entry, _ENTRY_FIELDS, where)
    credential = need_str(need_field(entry, "credential", where), f"{where}.credential")
    if not _CREDENTIAL.fullmatch(credential):
        raise JsonError(f"{where}.credential must be urn:uuid:<lowercase UUID>, not {shown(credential, 60)}")
    issued = need_str(need_field(entry, "issued", where), f"{where}.issued")
    try:
        if not _DAY.fullmatch(issued):
            raise ValueError(issued)
        dt.date.fromisoformat(issued)
    except ValueError:
        raise JsonError(f"{where}.issued must be a date YYYY-MM-DD, not {shown(issued, 40)}") from None
    return HeldCredential(checklist, credential, issued)


def check_statement(statement: Any) -> EligibilityList:
    """The list if the payload has exactly the shape the provider sends, else EligibilityError naming
    the field (the payload came over the network: nothing in it is trusted for its size or type)."""
    try:
        body = need_object(statement, WHAT)
        only_fields(body, _FIELDS, WHAT)
        kind = need_field(body, "type", WHAT)
        if kind != ELIGIBILITY_TYPE:
            raise JsonError(f"{WHAT}: type must be {ELIGIBILITY_TYPE!r}, not "
                            f"{shown(kind, 60) if isinstance(kind, str) else kind_of(kind)}")
        issued_us, as_of_us = _moment(body, "issued_us"), _moment(body, "as_of_us")
        learners = need_object(need_field(body, "learners", WHAT), f"{WHAT}: learners")
        if len(learners) > MAX_LEARNERS:
            raise JsonError(f"{WHAT}: learners holds {len(learners)} learners, more than {MAX_LEARNERS}")
        out: dict[str, dict[str, HeldCredential]] = {}
        for learner, held in learners.items():
            _learner_id(learner)
            checklists = need_object(held, f"{WHAT}: learners[{shown(learner, 60)}]")
            if not checklists or len(checklists) > MAX_CHECKLISTS_PER_LEARNER:
                raise JsonError(f"{WHAT}: learners[{shown(learner, 60)}] must hold 1 to "
                                f"{MAX_CHECKLISTS_PER_LEARNER} checklists, not {len(checklists)}")
            out[learner] = {c: _entry(learner, c, v) for c, v in checklists.items()}
    except JsonError as exc:
        raise EligibilityError(str(exc)) from None
    return EligibilityList(issued_us, as_of_us, out)


def verify_list(envelope: Mapping[str, Any], enrollment: Enrollment) -> EligibilityList:
    """The list, if the pinned provider key signed it with the eligibility payload type and its
    payload has the list's shape; else EligibilityError saying which."""
    try:
        env = Envelope.from_dict(copy.deepcopy(dict(envelope)))  # from_dict changes what it is given
        key = public_key(enrollment.provider_public_pem)
    except (AttributeError, KeyError, TypeError, ValueError, binascii.Error, SealError) as exc:
        raise EligibilityError(f"{WHAT} is not a DSSE envelope: {exc}") from exc
    if env.payload_type != ELIGIBILITY_PAYLOAD_TYPE:
        raise EligibilityError(f"{WHAT} has the payload type {shown(str(env.payload_type), 80)}, not "
                               f"{ELIGIBILITY_PAYLOAD_TYPE!r}")
    try:
        env.verify([key], 1)
    except VerificationError:
        raise EligibilityError(f"{WHAT} is not signed by the enrolled provider key "
                               f"{key.keyid[:16]}") from None
    try:
        statement = loads(env.payload, WHAT, JsonLimits(max_depth=8, max_number_chars=20))
    except JsonError as exc:
        raise EligibilityError(str(exc)) from None
    return check_statement(statement)


def read_answer(data: bytes) -> dict[str, Any]:
    """The envelope from the provider's answer ``{"eligibility": <envelope>, ...}``."""
    try:
        what = "the provider's answer"
        body = need_object(loads(data, what, JsonLimits(max_depth=8)), what)
        return need_object(need_field(body, "eligibility", "the provider's answer"),
                           "the provider's answer: eligibility")
    except JsonError as exc:
        raise EligibilityError(f"fetching the eligibility list: {exc}") from None


def fetch_eligibility(client: ProviderClient, store: EligibilityStore,
                      enrollment: Enrollment) -> HeldList | None:
    """Fetch, verify and hold the provider's list; the list now held.

    None when the provider has no eligibility list (a provider from before micro-credentials).
    EligibilityError (a list that does not verify or is misshapen) and StaleList (older than the
    held one) leave the held list as it was; so do the client's errors.
    """
    data = client.eligibility(MAX_ANSWER_BYTES)
    if data is None:
        return None
    envelope = read_answer(data)
    checked = verify_list(envelope, enrollment)
    try:
        held = store.replace(provider_key_id=enrollment.provider_key_id, issued_us=checked.issued_us,
                             as_of_us=checked.as_of_us, received_us=now_us(), learners=checked.learners,
                             envelope=json.dumps(envelope, sort_keys=True))
    except StaleList as exc:
        log.warning("sync: %s", exc)
        raise
    log.info("sync: eligibility list as of %d held: %d learner(s), %d credential(s)", held.as_of_us,
             held.learners, held.entries)
    return held


def verify_held(store: EligibilityStore, enrollment: Enrollment) -> EligibilityList | None:
    """The held list verified again from its envelope (None when none is held); EligibilityError
    when it no longer verifies with the enrolled provider key."""
    text = store.envelope()
    if text is None:
        return None
    try:
        envelope = json.loads(text)
    except ValueError:
        raise EligibilityError(f"{WHAT} held here is not JSON") from None
    if not isinstance(envelope, dict):
        raise EligibilityError(f"{WHAT} held here is not a DSSE envelope")
    return verify_list(envelope, enrollment)
