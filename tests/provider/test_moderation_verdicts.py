"""Signed verdicts: the moderator's key made at the first verdict, the signature and the chain per
moderator and assessment, the refusals, and the check that finds a verdict changed or removed."""

from __future__ import annotations

import base64
import hashlib
import json
import stat
from collections.abc import Iterator

import pytest
from console_assessment_support import HeldDemo, held_demo
from console_support import PASSWORD, make_service
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import delete, select, text
from verdict_support import add_cycle, close_cycle

from assessor_app.provider.console.accounts import add_user
from assessor_app.provider.moderation.models import ModerationFeedback, ModerationVerdictRow, ModeratorKey
from assessor_app.provider.moderation.signing import key_path
from assessor_app.provider.moderation.verdict_check import verify_cycle
from assessor_app.provider.moderation.verdict_document import (
    RubricVerdict,
    StepVerdict,
    VerdictDocument,
    feedback_document,
)
from assessor_app.provider.moderation.verdicts import VerdictDraft, VerdictRefused, record_verdict
from assessor_app.provider.service import ProviderService


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> HeldDemo:
    return held_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def service(demo: HeldDemo) -> Iterator[ProviderService]:
    service = make_service(demo.folder)
    add_user(service.store, "moderator2", "moderator", PASSWORD)
    add_cycle(service, "2027-H1", moderators=["moderator", "moderator2"],
              sampled=[(demo.device, demo.bundle_id)])
    add_cycle(service, "2027-H2", moderators=["moderator"])  # nothing sampled
    add_cycle(service, "2026-H2", moderators=["moderator"], sampled=[(demo.device, demo.bundle_id)])
    close_cycle(service, "2026-H2")
    yield service
    service.close()


def _draft(demo: HeldDemo, *, cycle: str = "2027-H1", moderator: str = "moderator",
           decision: str = "confirm", comment: str = "", disagree: bool = False) -> VerdictDraft:
    steps = (StepVerdict("12", True, "passed", "failed" if disagree else "passed",
                         "meter not zeroed" if disagree else ""),
             StepVerdict("13", True, "hazard", "hazard"))
    return VerdictDraft(cycle, demo.device, demo.bundle_id, moderator, steps,
                        (RubricVerdict("teamwork", 3, 2),), decision, comment)


def _rows(service: ProviderService, cycle: str = "2027-H1") -> list:
    with service.store.engine.connect() as conn:
        return conn.execute(select(ModerationVerdictRow).where(ModerationVerdictRow.cycle == cycle)
                            .order_by(ModerationVerdictRow.id)).all()


def test_the_first_verdict_makes_the_key_signs_and_tells_the_workstation(service, demo):
    path = key_path(service.store, "moderator")
    assert not path.exists()
    stored = record_verdict(service.store, _draft(demo, disagree=True, decision="refer_back",
                                                  comment="Re-assess step 12 with a zeroed meter."))
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    with service.store.engine.connect() as conn:
        key = conn.execute(select(ModeratorKey).where(ModeratorKey.user_name == "moderator")).one()
        feedback = conn.execute(select(ModerationFeedback)).all()
    public = serialization.load_pem_public_key(key.public_pem.encode())
    assert isinstance(public, Ed25519PublicKey)
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    assert key.key_id == hashlib.sha256(raw).hexdigest() == stored.key_id
    assert "PRIVATE" not in key.public_pem and path.read_text().startswith("-----BEGIN PRIVATE KEY")
    row = _rows(service)[0]
    document = VerdictDocument.from_canonical(row.document)
    assert row.document.encode() == document.canonical_bytes() and row.sha256 == document.sha256
    public.verify(base64.b64decode(row.signature), row.document.encode())  # raises if it does not verify
    assert (document.assessment_id, document.checklist_id, document.previous_sha256) == (
        demo.bundle_id, "hv-isolation-series", None)
    assert [s.step for s in document.disagreements] == ["12"]
    assert len(feedback) == 1 and feedback[0].device == demo.device and feedback[0].delivered_us is None
    assert json.loads(feedback[0].document) == feedback_document(document, row.sha256)
    assert "moderator" not in json.loads(feedback[0].document)  # the panel speaks, not a person


def test_a_later_verdict_is_added_after_the_first_and_names_it(service, demo):
    before = _rows(service)
    second = record_verdict(service.store, _draft(demo))
    after = _rows(service)
    assert len(after) == len(before) + 1 and after[: len(before)] == before  # the first kept as it was
    assert second.previous_sha256 == before[-1].sha256 and after[-1].previous_sha256 == before[-1].sha256
    other = record_verdict(service.store, _draft(demo, moderator="moderator2"))  # a chain of its own
    assert other.previous_sha256 is None and other.key_id != second.key_id
    check = verify_cycle(service.store, "2027-H1")
    assert check.ok and len(check.verdicts) == 3


@pytest.mark.parametrize(("cycle", "moderator", "says"), [
    ("2027-H1", "coordinator", "is not on the panel of cycle 2027-H1"),
    ("2027-H2", "moderator", "is not in the sample of cycle 2027-H2"),
    ("2026-H2", "moderator", "Cycle 2026-H2 is closed"),
    ("no-such", "moderator", "There is no moderation cycle no-such"),
])
def test_a_verdict_outside_the_rules_is_refused_and_nothing_is_stored(service, demo, cycle, moderator, says):
    count = len(_rows(service, cycle))
    with pytest.raises(VerdictRefused) as refused:
        record_verdict(service.store, _draft(demo, cycle=cycle, moderator=moderator))
    assert says in str(refused.value.message)
    assert len(_rows(service, cycle)) == count
    assert not key_path(service.store, "coordinator").exists()  # no key for someone refused


def test_the_check_finds_a_changed_verdict_and_a_gap_in_the_chain(service, demo):
    record_verdict(service.store, _draft(demo, moderator="moderator2", decision="overturn", comment="No."))
    rows = _rows(service)
    assert verify_cycle(service.store, "2027-H1").ok
    first, middle = rows[0], rows[2]  # the moderator's first verdict; the second moderator's first
    with service.store.writer.begin() as conn:  # what an intruder with the database could do
        conn.execute(text("UPDATE moderation_verdicts SET document = :d WHERE id = :i"),
                     {"d": first.document.replace('"refer_back"', '"confirm"'), "i": first.id})
        conn.execute(delete(ModerationVerdictRow).where(ModerationVerdictRow.id == middle.id))
    check = verify_cycle(service.store, "2027-H1")
    found = {v.id: [p.code for p in v.problems] for v in check.verdicts}
    assert "moderation.check.hash" in found[first.id] and "moderation.check.signature" in found[first.id]
    follower = next(r for r in rows if r.previous_sha256 == middle.sha256)
    assert found[follower.id] == ["moderation.check.chain"]
    assert not check.ok
