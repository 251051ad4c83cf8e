"""Checking every stored verdict of a cycle: its hash, its signature, and its place in the chain.

Each verdict names the hash of the same moderator's previous verdict on the same assessment in
the cycle; the first names none. A verdict altered, re-signed with another key, removed from
the middle of a chain or stored out of order shows here as a problem with the verdict's id.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from sqlalchemy import select

from assessor_app.i18n import Msg
from assessor_app.provider.moderation import verdict_messages as V
from assessor_app.provider.moderation.models import ModeratorKey
from assessor_app.provider.moderation.signing import signature_valid
from assessor_app.provider.moderation.verdict_document import VerdictDocument, VerdictError
from assessor_app.provider.moderation.verdicts import verdict_rows
from assessor_app.provider.store import ProviderStore


@dataclass(frozen=True)
class VerdictCheck:
    id: int
    sha256: str
    key_id: str
    problems: tuple[Msg, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


@dataclass(frozen=True)
class CycleCheck:
    cycle: str
    verdicts: tuple[VerdictCheck, ...]

    @property
    def ok(self) -> bool:
        return all(v.ok for v in self.verdicts)

    def of(self, verdict_id: int) -> VerdictCheck | None:
        return next((v for v in self.verdicts if v.id == verdict_id), None)


def verify_cycle(store: ProviderStore, cycle: str, device: str | None = None,
                 bundle_id: str | None = None) -> CycleCheck:
    """Check every stored verdict of ``cycle`` (of one assessment when named)."""
    rows = verdict_rows(store, cycle, device, bundle_id)
    with store.engine.connect() as conn:
        keys = {k.key_id: k for k in conn.execute(select(ModeratorKey).where(
            ModeratorKey.key_id.in_(sorted({r.key_id for r in rows})))).all()}
    last: dict[tuple[str, str, str], str] = {}  # (device, bundle, moderator) -> newest sha so far
    checks = []
    for row in rows:
        problems: list[Msg] = []
        body = row.document.encode("utf-8")
        if hashlib.sha256(body).hexdigest() != row.sha256:
            problems.append(V.CHECK_HASH())
        try:
            document: VerdictDocument | None = VerdictDocument.from_canonical(row.document)
        except VerdictError as exc:
            problems.append(V.CHECK_DOCUMENT(problem=str(exc)))
            document = None
        if document is not None:
            if document.canonical_json() != row.document:
                problems.append(V.CHECK_ROW(field="document"))
            for field in ("cycle", "device", "bundle_id", "moderator", "decision", "recorded_us",
                          "previous_sha256"):
                if getattr(document, field) != getattr(row, field):
                    problems.append(V.CHECK_ROW(field=field))
        key = keys.get(row.key_id)
        if key is None:
            problems.append(V.CHECK_KEY(key=row.key_id[:16]))
        elif key.user_name != row.moderator:
            problems.append(V.CHECK_ROW(field="key_id"))
        elif not signature_valid(key.public_pem, row.key_id, body, row.signature):
            problems.append(V.CHECK_SIGNATURE())
        chain = (row.device, row.bundle_id, row.moderator)
        if row.previous_sha256 != last.get(chain):
            problems.append(V.CHECK_CHAIN())
        last[chain] = row.sha256
        checks.append(VerdictCheck(row.id, row.sha256, row.key_id, tuple(problems)))
    return CycleCheck(cycle, tuple(checks))
