"""The provider's records of who is who, as staff change them: codes shown once with their expiry,
revocations that stand as made, and refusals that name the problem in the person's language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from sync_support import TEST_ASSESSOR, Workstation, assessor_key

from assessor_app.i18n import render
from assessor_app.provider.registry import normalize_code, sha256_text
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.store import Refused


def _refusal(call, *args, **kwargs) -> Refused:  # type: ignore[no-untyped-def]
    with pytest.raises(Refused) as caught:
        call(*args, **kwargs)
    return caught.value


def test_codes_are_issued_with_their_expiry_and_kept_only_as_hashes(provider: ProviderServer):
    service = provider.service
    service.directory.add_workshop("ws-k", name="Korjaamo", country="fi")
    before = service.store.clock()
    issued = service.registry.issue_code("ws-k", "bench 2")
    ttl = service.store.config.code_ttl_s * 10**6
    assert issued.owner == "ws-k" and before + ttl <= issued.expires_us <= service.store.clock() + ttl
    from sqlalchemy import select

    from assessor_app.provider.models import EnrollmentCode

    with service.store.engine.connect() as conn:
        rows = conn.execute(select(EnrollmentCode.code_sha256, EnrollmentCode.label)).all()
    assert [(r.code_sha256, r.label) for r in rows] == [(sha256_text(normalize_code(issued.code)), "bench 2")]
    service.directory.add_assessor("a-1", name="Aino", qualification="SFS 6002", expires="2030-01-01",
                                   workshops=["ws-k"])
    code = service.directory.issue_assessor_code("a-1")
    assert code.owner == "a-1" and code.expires_us > before and len(normalize_code(code.code)) == 20
    missing = _refusal(service.registry.issue_code, "ws-none")
    assert missing.status == 404 and str(missing) == "there is no workshop 'ws-none': add it first"
    assert render(missing.msg, "fi") != str(missing) and "ws-none" in render(missing.msg, "fi")  # type: ignore[arg-type]
    long_label = _refusal(service.registry.issue_code, "ws-k", "x" * 201)
    assert str(long_label) == "the note kept with the code must be 0-200 printable characters"


def test_a_revocation_stands_as_made(provider: ProviderServer, workstation: Workstation):
    registry, directory = provider.service.registry, provider.service.directory
    empty = _refusal(registry.revoke, workstation.key.fingerprint, "   ")
    assert empty.status == 422 and str(empty) == "the reason must be 1-500 printable characters"
    assert registry.device(workstation.key.fingerprint).revoked_us is None
    revoked = registry.revoke(workstation.key.fingerprint, "laptop stolen")
    assert revoked.revoked_reason == "laptop stolen"
    again = _refusal(registry.revoke, workstation.key.fingerprint, "sold")
    today = dt.datetime.now(dt.UTC).date().isoformat()
    assert again.status == 409
    assert str(again) == f"workstation {workstation.key.fingerprint[:16]} was revoked already, on {today}"
    assert registry.device(workstation.key.fingerprint).revoked_reason == "laptop stolen"
    none = _refusal(registry.revoke, "ffffffffffff", "x")
    assert none.status == 404 and str(none) == "0 enrolled devices have a key id starting ffffffffffff"

    key = assessor_key()
    directory.revoke_assessor_key(key.fingerprint, "laptop lost")
    assert _refusal(directory.revoke_assessor_key, key.fingerprint, "x").status == 409
    directory.revoke_assessor(TEST_ASSESSOR, "left the provider")
    twice = _refusal(directory.revoke_assessor, TEST_ASSESSOR, "again")
    assert twice.status == 409 and str(twice) == f"assessor {TEST_ASSESSOR} was revoked already, on {today}"
    record = directory.assessor(TEST_ASSESSOR)
    assert record.revoked_reason == "left the provider" and record.keys[0].revoked_reason == "laptop lost"
    assert _refusal(directory.issue_assessor_code, TEST_ASSESSOR).status == 409


@pytest.mark.parametrize("field, value, english", [
    ("expires", "31.12.2030", "the qualification's expiry must be a date as YYYY-MM-DD, not '31.12.2030'"),
    ("name", "", "the assessor's name must be 1-200 printable characters"),
    ("name", "a\x00b", "the assessor's name must be 1-200 printable characters"),
    ("qualification", "q" * 201, "the qualification must be 1-200 printable characters"),
    ("assessor_id", "-bad", "an assessor id is 1-64 letters, digits, '.', '_' or '-'"),
    ("workshops", [], "name at least one workshop the assessor assesses for"),
    ("workshops", ["nowhere"], "there is no workshop 'nowhere': add it first"),
])
def test_adding_an_assessor_refuses_bad_input_in_the_persons_language(
        provider: ProviderServer, tmp_path: Path, field: str, value: object, english: str):
    directory = provider.service.directory
    directory.add_workshop("ws-1", name="Garage", country="FI")
    values: dict = {"assessor_id": "a-2", "name": "Pablo", "qualification": "IMI Level 4",
                    "expires": "2030-12-31", "workshops": ["ws-1"]}
    values[field] = value
    refused = _refusal(directory.add_assessor, values.pop("assessor_id"), **values)
    assert refused.status in (404, 422) and str(refused) == english
    assert refused.msg is not None
    for language in ("fi", "sv", "es", "pt"):
        assert render(refused.msg, language) != english, language  # translated, not the English
    assert directory.assessors() == []


def test_days_left_of_a_qualification(provider: ProviderServer):
    directory = provider.service.directory
    directory.add_workshop("ws-1", name="Garage", country="FI")
    a = directory.add_assessor("a-3", name="Sanna", qualification="SFS 6002", expires="2030-06-30",
                               workshops=["ws-1"])
    assert a.days_left(dt.date(2030, 6, 30)) == 0 and a.valid_on(dt.date(2030, 6, 30))
    assert a.days_left(dt.date(2030, 6, 1)) == 29
    assert a.days_left(dt.date(2030, 7, 2)) == -2 and not a.valid_on(dt.date(2030, 7, 2))
