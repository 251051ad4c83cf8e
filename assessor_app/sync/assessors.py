"""Assessors on this workstation: binding a personal key to their record at the provider, and what
the provider last said of them (so the window can tell, offline too, whose co-signature will count).

A binding is a small owner-only JSON file next to the assessor's PIN-protected key
(``keys/assessors/<id>.binding.json``). It is written once when the provider confirms the
binding and refreshed from the provider's status at every sync.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

from assessor_app.durable import private_dir
from assessor_app.evidence.keys import (
    SigningKey,
    SigningKeyError,
    assessor_key_path,
    create_assessor_key,
    open_assessor_key,
)
from assessor_app.sync.client import ProviderClient, SyncError
from assessor_app.sync.outbox import Outbox, now_us

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class AssessorBinding:
    assessor_id: str
    key_id: str
    provider_key_id: str
    name: str
    qualification: str
    qualification_ref: str
    qualification_expires: str  # ISO date, valid through that day
    workshops: tuple[str, ...]
    bound_wall_us: int
    checked_wall_us: int
    revoked_reason: str | None = None  # the assessor's record was revoked
    key_revoked_reason: str | None = None  # this key was revoked
    listed: bool = True  # the provider still lists them for this workstation's workshop

    def problem(self, today: dt.date | None = None) -> str | None:
        """Why the provider would not accept this assessor's co-signature now, or None."""
        if self.revoked_reason is not None:
            return f"revoked by the provider: {self.revoked_reason}"
        if self.key_revoked_reason is not None:
            return f"this key was revoked by the provider: {self.key_revoked_reason}"
        if not self.listed:
            return "the provider no longer lists this assessor for this workshop"
        day = today or dt.date.today()
        if day > dt.date.fromisoformat(self.qualification_expires):
            return f"qualification ({self.qualification}) expired on {self.qualification_expires}"
        return None


def _binding_path(keys_dir: Path, assessor_id: str) -> Path:
    return assessor_key_path(keys_dir, assessor_id).with_suffix(".binding.json")


def _save(keys_dir: Path, binding: AssessorBinding) -> None:
    path = _binding_path(keys_dir, binding.assessor_id)
    private_dir(path.parent)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump({**asdict(binding), "workshops": list(binding.workshops)}, f, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def _from_record(record: dict[str, Any], *, key_id: str, provider_key_id: str, bound_wall_us: int,
                 listed: bool = True) -> AssessorBinding:
    keys = {k.get("key_id"): k for k in record.get("keys", []) if isinstance(k, dict)}
    ours = keys.get(key_id, {})
    return AssessorBinding(
        assessor_id=str(record["id"]), key_id=key_id, provider_key_id=provider_key_id,
        name=str(record["name"]), qualification=str(record["qualification"]),
        qualification_ref=str(record.get("qualification_ref", "")),
        qualification_expires=str(dt.date.fromisoformat(str(record["qualification_expires"]))),
        workshops=tuple(str(w) for w in record.get("workshops", [])), bound_wall_us=bound_wall_us,
        checked_wall_us=now_us(),
        revoked_reason=(str(record.get("revoked_reason") or "revoked") if record.get("revoked") else None),
        key_revoked_reason=(str(ours.get("revoked_reason") or "revoked") if ours.get("revoked") else None),
        listed=listed)


def bind_assessor(client: ProviderClient, keys_dir: Path, *, assessor_id: str, code: str,
                  pin: str) -> AssessorBinding:
    """Bind the assessor's key (made now with ``pin`` if they have none here) to their provider record."""
    created = not assessor_key_path(keys_dir, assessor_id).exists()
    key: SigningKey = (create_assessor_key(keys_dir, assessor_id, pin) if created
                       else open_assessor_key(keys_dir, assessor_id, pin))
    try:
        record = client.bind_assessor(key, assessor_id, code)
    except SyncError:
        if created:  # the provider refused: leave no key behind that nothing vouches for
            assessor_key_path(keys_dir, assessor_id).unlink(missing_ok=True)
        raise
    try:
        binding = _from_record(record, key_id=key.fingerprint, provider_key_id=str(client.provider_key_id),
                               bound_wall_us=now_us())
    except (KeyError, TypeError, ValueError) as exc:
        raise SyncError(f"the provider's answer about assessor {assessor_id} cannot be read: {exc}") from exc
    _save(keys_dir, binding)
    return binding


def requeue_refused(outbox: Outbox, binding: AssessorBinding) -> list[str]:
    """Queue again the bundles the provider refused because this key was not yet bound to its record.

    The provider names the key (its first 16 hex digits) in such a refusal.
    """
    again = []
    for entry in outbox.entries("refused"):
        if binding.key_id[:16] in (entry.last_error or "") and "not registered" in (entry.last_error or ""):
            outbox.retry(entry.bundle_id)
            again.append(entry.bundle_id)
    return again


def bindings(keys_dir: Path) -> list[AssessorBinding]:
    """Every assessor bound from this workstation, as last confirmed by the provider."""
    folder = keys_dir / "assessors"
    out = []
    for path in sorted(folder.glob("*.binding.json")) if folder.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            out.append(AssessorBinding(**{**data, "workshops": tuple(data["workshops"])}))
        except (OSError, ValueError, TypeError, KeyError) as exc:
            log.warning("assessor binding %s cannot be read: %s", path, exc)
    return out


def binding(keys_dir: Path, assessor_id: str) -> AssessorBinding | None:
    return next((b for b in bindings(keys_dir) if b.assessor_id == assessor_id), None)


def apply_status(keys_dir: Path, status: dict[str, Any]) -> list[AssessorBinding]:
    """Refresh the local bindings from the provider's status answer; returns them."""
    listed = {str(a.get("id")): a for a in status.get("assessors", []) if isinstance(a, dict)}
    refreshed = []
    for b in bindings(keys_dir):
        record = listed.get(b.assessor_id)
        try:
            new = (replace(b, listed=False, checked_wall_us=now_us()) if record is None else
                   _from_record(record, key_id=b.key_id, provider_key_id=b.provider_key_id,
                                bound_wall_us=b.bound_wall_us))
        except (KeyError, TypeError, ValueError) as exc:
            log.warning("the provider's status of assessor %s cannot be read: %s", b.assessor_id, exc)
            new = b
        if new != b:
            _save(keys_dir, new)
        refreshed.append(new)
    return refreshed


def seal_warning(keys_dir: Path, assessor_id: str, enrolled: bool) -> str | None:
    """What to tell an assessor before they seal, when the provider would not accept their key."""
    if not enrolled:
        return None
    found = binding(keys_dir, assessor_id)
    if found is None:
        return (f"assessor {assessor_id} has not bound a key to their record at the provider: the provider "
                "will quarantine this bundle until they do (Settings > Assessors)")
    problem = found.problem()
    if problem is not None:
        return f"assessor {assessor_id}: {problem}; the provider will quarantine this bundle"
    try:
        key_exists = assessor_key_path(keys_dir, assessor_id).exists()
    except SigningKeyError:
        key_exists = False
    if not key_exists:
        return f"assessor {assessor_id}'s bound key is missing from this workstation: bind a new key"
    return None
