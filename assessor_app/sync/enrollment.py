"""Enrolling this workstation with a provider, and the pieces a sync needs afterwards."""

from __future__ import annotations

import json
import os
from dataclasses import replace
from pathlib import Path
from typing import Any

from assessor_app.evidence.keys import device_key
from assessor_app.evidence.seal import SealError, public_key
from assessor_app.storage.eligibility import EligibilityStore
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.client import ProviderClient, SyncError, raise_for
from assessor_app.sync.outbox import Enrollment, Outbox, now_us

ENROLLMENT_FILE = "enrollment.json"


def _write_private_json(path: Path, data: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(data, f, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def open_outbox(store: AssessmentStore, data_dir: Path) -> Outbox:
    """The outbox of the workstation whose data folder is ``data_dir`` (archives in outbox/)."""
    return Outbox(store, data_dir / "outbox")


def enroll(outbox: Outbox, *, provider_url: str, code: str, keys_dir: Path,
           workshop_id: str | None = None, expected_fingerprint: str | None = None) -> Enrollment:
    """Register this workstation's key with the provider and pin the provider's key.

    The one-time code was issued for one workshop: the provider says which, and that is the
    workshop this workstation delivers for. ``workshop_id``, when given, must be that one.
    """
    key = device_key(keys_dir)
    client = ProviderClient(provider_url, key)
    try:
        answer = client.enroll(code, workshop_id)
    finally:
        client.close()
    try:
        provider_key = public_key(str(answer["provider_public_key"]))
        enrolled_workshop = str(answer["workshop_id"])
        workshop_name = str(answer.get("workshop_name") or enrolled_workshop)
        workshop = _mapping(answer.get("workshop"))
        body = _mapping(answer.get("awarding_body"))
        country = str(workshop.get("country") or "").strip().upper()
        if not (len(country) == 2 and country.isascii() and country.isalpha()):
            country = ""  # not an ISO 3166 code: the assessment names no country rather than a wrong one
        awarding_body = str(body.get("name") or "")[:200]
    except (KeyError, SealError) as exc:
        raise SyncError(f"the provider at {provider_url} sent no usable enrollment answer: {exc}") from exc
    if provider_key.keyid != answer.get("provider_key_id"):
        raise SyncError(f"the provider at {provider_url} sent a key that does not match its key id")
    if expected_fingerprint and not provider_key.keyid.startswith(expected_fingerprint.lower()):
        raise SyncError(f"the provider at {provider_url} has key {provider_key.keyid[:16]}, not the "
                        f"fingerprint {expected_fingerprint} you were given: not enrolled")
    if workshop_id and enrolled_workshop != workshop_id:
        raise SyncError(f"the provider enrolled this workstation into workshop {enrolled_workshop}, not "
                        f"{workshop_id}")
    enrollment = Enrollment(provider_url.rstrip("/"), key.fingerprint, enrolled_workshop, workshop_name,
                            provider_key.keyid, str(answer["provider_public_key"]), now_us(), country,
                            awarding_body)
    outbox.save_enrollment(enrollment)
    EligibilityStore(outbox.store).keep_only_from(enrollment.provider_key_id)  # another provider's list
    # also next to the workstation key, so a lost database does not lose the pinned provider key
    _write_private_json(keys_dir / ENROLLMENT_FILE, enrollment.__dict__)
    return enrollment


def current_enrollment(outbox: Outbox, keys_dir: Path) -> Enrollment | None:
    """This workstation's enrollment: from the store, or from the copy next to its key."""
    enrollment = outbox.enrollment()
    saved = keys_dir / ENROLLMENT_FILE
    if enrollment is None and saved.exists():
        try:
            enrollment = Enrollment(**json.loads(saved.read_text(encoding="utf-8")))
        except (ValueError, TypeError) as exc:
            raise SyncError(f"the saved enrollment {saved} cannot be read: {exc}") from exc
        outbox.save_enrollment(enrollment)  # the database was lost or replaced: restore it
    return enrollment


def provider_client(outbox: Outbox, keys_dir: Path, **kwargs: object) -> ProviderClient:
    """A client for the enrolled provider, signing in with this workstation's key."""
    enrollment = current_enrollment(outbox, keys_dir)
    if enrollment is None:
        raise SyncError("this workstation is not enrolled with a provider: run `assessor enroll` first")
    key = device_key(keys_dir)
    if key.fingerprint != enrollment.device_key_id:
        raise SyncError(f"the workstation key in {keys_dir} is not the one that was enrolled "
                        f"({enrollment.device_key_id[:16]}): enroll again with a new code")
    return ProviderClient(enrollment.provider_url, key, provider_key_id=enrollment.provider_key_id,
                          **kwargs)  # type: ignore[arg-type]


def move_provider(outbox: Outbox, keys_dir: Path, provider_url: str) -> Enrollment:
    """The enrolled provider answers at a new address: check it holds the pinned key, then use it."""
    enrollment = current_enrollment(outbox, keys_dir)
    if enrollment is None:
        raise SyncError("this workstation is not enrolled with a provider: run `assessor enroll` first")
    client = ProviderClient(provider_url, device_key(keys_dir))
    try:
        response = client.send("GET", "/provider-key", auth=False)
        raise_for(response, "asking the provider's key")
        key_id = response.json().get("key_id")
    except ValueError as exc:
        raise SyncError(f"the provider at {provider_url} sent an unreadable key: {exc}") from exc
    finally:
        client.close()
    if key_id != enrollment.provider_key_id:
        raise SyncError(f"the provider at {provider_url} has key {str(key_id)[:16]}, not the enrolled "
                        f"provider's {enrollment.provider_key_id[:16]}: not moved")
    moved = replace(enrollment, provider_url=provider_url.rstrip("/"))
    outbox.save_enrollment(moved)
    _write_private_json(keys_dir / ENROLLMENT_FILE, moved.__dict__)
    return moved


def queue_sealed_bundles(outbox: Outbox, bundles_dir: Path) -> int:
    """Queue every sealed bundle folder in ``bundles_dir`` not yet in the outbox; returns how many."""
    added = 0
    if not bundles_dir.is_dir():
        return 0
    for folder in sorted(bundles_dir.iterdir()):
        if folder.is_dir() and (folder / "seal" / "statement.dsse.json").exists() \
                and outbox.get(folder.name) is None:
            outbox.add_bundle(folder)
            added += 1
    return added


def _mapping(value: object) -> dict[str, object]:
    return value if isinstance(value, dict) else {}
