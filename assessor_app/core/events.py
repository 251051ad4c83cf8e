"""Events of an assessment and the hash chain that links them."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from assessor_app.errors import AssessorError
from assessor_app.i18n import Message

# ----------------------------------------------------------------- messages
OTHER_ASSESSMENT = Message("chain.other_assessment", "event {seq} belongs to assessment {assessment}")
MISSING = Message("chain.missing", "event {expected} is missing (found {seq} in its place)")
UNLINKED = Message("chain.unlinked", "event {seq} does not link to event {previous}")
ALTERED = Message("chain.altered", "event {seq} ({kind}) was altered: its hash does not match")
EARLIER = Message("chain.earlier", "event {seq} is earlier on the timeline than event {previous}")

GENESIS = "0" * 64


def canonical_json(value: Any) -> bytes:
    """Deterministic JSON: sorted keys, no spaces, UTF-8. Integers only for times."""
    return json.dumps(value, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


@dataclass(frozen=True)
class Event:
    assessment_id: str
    seq: int
    kind: str
    payload: Mapping[str, Any]
    wall_us: int
    t_us: int
    prev_hash: str
    hash: str = field(default="")

    def body(self) -> dict[str, Any]:
        return {
            "assessment_id": self.assessment_id,
            "seq": self.seq,
            "kind": self.kind,
            "payload": self.payload,
            "wall_us": self.wall_us,
            "t_us": self.t_us,
            "prev_hash": self.prev_hash,
        }

    def compute_hash(self) -> str:
        return hashlib.sha256(canonical_json(self.body())).hexdigest()

    def to_dict(self) -> dict[str, Any]:
        return {**self.body(), "hash": self.hash}


def make_event(
    assessment_id: str, seq: int, kind: str, payload: Mapping[str, Any],
    wall_us: int, t_us: int, prev_hash: str,
) -> Event:
    draft = Event(assessment_id, seq, kind, dict(payload), wall_us, t_us, prev_hash)
    return Event(**{**draft.__dict__, "hash": draft.compute_hash()})


class ChainError(AssessorError, ValueError):
    """The event chain is broken; the message names the first bad event."""


def verify_chain(events: Iterable[Event]) -> str:
    """Check sequence, links, hashes and time order; return the head hash."""
    prev = GENESIS
    last_t = None
    expected_seq = 0
    assessment = None
    for ev in events:
        if assessment is None:
            assessment = ev.assessment_id
        if ev.assessment_id != assessment:
            raise ChainError(OTHER_ASSESSMENT(seq=ev.seq, assessment=ev.assessment_id))
        if ev.seq != expected_seq:
            raise ChainError(MISSING(expected=expected_seq, seq=ev.seq))
        if ev.prev_hash != prev:
            raise ChainError(UNLINKED(seq=ev.seq, previous=ev.seq - 1))
        if ev.compute_hash() != ev.hash:
            raise ChainError(ALTERED(seq=ev.seq, kind=ev.kind))
        if last_t is not None and ev.t_us < last_t:
            raise ChainError(EARLIER(seq=ev.seq, previous=ev.seq - 1))
        prev, last_t, expected_seq = ev.hash, ev.t_us, expected_seq + 1
    return prev
