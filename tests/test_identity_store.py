"""The identity store: kept apart from the event log, written in the same transaction as the events
it goes with, fixed once the assessment is sealed."""

from __future__ import annotations

import copy
import sqlite3
from pathlib import Path

import pytest
from helpers import ASSESSOR, CANDIDATE, VEHICLE, WORKSHOP, Mini
from identity_support import SALT, ApartDriver, apart_start, identity_document

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import Finish, RecordIdentityCheck, ScoreRubric, SignOff
from assessor_app.storage.database import StoreError
from assessor_app.storage.store import AssessmentStore


@pytest.fixture
def store(tmp_path: Path):
    s = AssessmentStore.open(tmp_path / "assessor.db")
    yield s
    s.close()


def _snapshots(store: AssessmentStore, mini: Mini) -> None:
    for loaded, spec, kind in ((mini.checklist, mini.checklist.spec, "checklist"),
                               (mini.params, mini.params.params, "parameter-set")):
        store.save_snapshot(sha256=loaded.sha256, kind=kind, spec_id=spec.id, version=spec.version,
                            source=loaded.source, loaded_from=loaded.path, wall_us=0)


def _start_apart(store: AssessmentStore, mini: Mini) -> str:
    """An assessment that keeps identity apart: first event and identity in one transaction."""
    _snapshots(store, mini)
    first, _engine = apart_start(mini)
    with store.transaction() as conn:
        store.create(first, first.wall_us, connection=conn)
        store.add_identity(first.assessment_id, SALT, identity_document(), connection=conn, wall_us=5)
    return first.assessment_id


def _status(store: AssessmentStore, assessment_id: str, status: str) -> None:
    con = sqlite3.connect(store.path)
    try:
        con.execute("UPDATE assessments SET status = ? WHERE id = ?", (status, assessment_id))
        con.commit()
    finally:
        con.close()


def test_the_first_event_and_the_identity_commit_together(store: AssessmentStore, mini: Mini):
    aid = _start_apart(store, mini)
    assert store.identity(aid) == identity_document()
    assert [e.kind for e in store.events(aid)] == ["assessment_started"]
    assert "name" not in store.events(aid)[0].payload["candidate"]  # the record holds no name
    summary = store.summary(aid)  # lists and search on this workstation still show who it is
    assert (summary.candidate_name, summary.assessor_name, summary.workshop_name, summary.vehicle_vin) == (
        CANDIDATE.name, ASSESSOR.name, WORKSHOP.name, VEHICLE.vin)
    assert [s.id for s in store.list(search="Casey")] == [aid]


def test_a_failed_identity_write_leaves_no_assessment_either(store: AssessmentStore, mini: Mini):
    _snapshots(store, mini)
    first, _engine = apart_start(mini)
    with pytest.raises(StoreError) as info:
        with store.transaction() as conn:
            store.create(first, first.wall_us, connection=conn)
            store.add_identity(first.assessment_id, SALT, {**identity_document(), "salt": "00" * 32},
                               connection=conn)
    assert str(info.value) == (f"the identity document of assessment {first.assessment_id} holds another "
                               f"salt than the one given")
    assert store.count() == 0 and store.identity(first.assessment_id) is None


def test_an_event_and_its_identity_change_commit_together(store: AssessmentStore, mini: Mini):
    aid = _start_apart(store, mini)
    d = ApartDriver(mini, ManualClock())  # the same first event: decides the next one
    signed = d.ok(SignOff("assessor", person=ASSESSOR.id))
    document = identity_document([{"role": "assessor", "person": ASSESSOR.id, "name": ASSESSOR.name,
                                   "t_us": signed.t_us}])
    with store.transaction() as conn:
        store.append(signed, connection=conn)
        store.update_identity(aid, document, connection=conn)
    assert store.identity(aid) == document and len(store.events(aid)) == 2

    # one of them refused: neither is written
    later = d.ok(ScoreRubric("conduct", 3))
    with pytest.raises(StoreError, match="cannot take another salt"):
        with store.transaction() as conn:
            store.append(later, connection=conn)
            store.update_identity(aid, {**document, "salt": "11" * 32}, connection=conn)
    assert store.identity(aid) == document and len(store.events(aid)) == 2


def test_refusals_name_what_is_wrong(store: AssessmentStore, mini: Mini):
    aid = _start_apart(store, mini)
    with pytest.raises(StoreError) as info:
        store.add_identity(aid, "not hex", identity_document())
    assert str(info.value) == "an identity's salt is 32 bytes in lowercase hex (64 characters)"
    other = copy.deepcopy(identity_document())
    other["candidate"]["id"] = "cand-2"
    with pytest.raises(StoreError) as info:
        store.update_identity(aid, other)
    assert str(info.value) == f"the identity document is not of assessment {aid}'s candidate cand-1"
    with pytest.raises(StoreError) as info:
        store.update_identity("no-such-assessment", identity_document())
    assert str(info.value) == "assessment no-such-assessment keeps no identity to update"
    with pytest.raises(StoreError, match="refused the write"):  # one identity per assessment
        store.add_identity(aid, SALT, identity_document())


def test_an_assessment_recorded_with_names_has_no_identity_apart(store: AssessmentStore, mini: Mini):
    from helpers import start_event

    _snapshots(store, mini)
    first, _engine = start_event(mini)
    store.create(first, 0)
    assert store.identity(first.assessment_id) is None


def test_the_identity_is_fixed_once_the_assessment_is_sealed(store: AssessmentStore, mini: Mini):
    aid = _start_apart(store, mini)
    d = ApartDriver(mini, ManualClock())
    for action in (RecordIdentityCheck("photo_id"), SignOff("assessor", person=ASSESSOR.id), Finish()):
        store.append(d.ok(action))
    finished = {**identity_document(), "identity_check": {"method": "photo_id", "note": "passport"}}
    store.update_identity(aid, finished)  # finished, not sealed yet: a typo can still be put right
    store.set_status(aid, "sealed")
    reason = "the assessment is sealed: its identity cannot change"
    with pytest.raises(StoreError, match=reason):
        store.update_identity(aid, identity_document())
    assert store.identity(aid) == finished
    assert store.summary(aid).candidate_name == CANDIDATE.name  # the summary did not move either
    con = sqlite3.connect(store.path)  # nor through another program
    try:
        for sql in ("UPDATE identities SET document = '{}'", "DELETE FROM identities"):
            with pytest.raises(sqlite3.DatabaseError, match=reason):
                con.execute(sql)
    finally:
        con.close()
    assert store.identity(aid) == finished


def test_no_identity_is_added_to_a_sealed_assessment_and_its_salt_never_changes(store: AssessmentStore,
                                                                               mini: Mini):
    from helpers import start_event

    aid = _start_apart(store, mini)
    con = sqlite3.connect(store.path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="an identity's salt and assessment cannot change"):
            con.execute("UPDATE identities SET salt = ?", ("22" * 32,))
    finally:
        con.close()
    first, _engine = start_event(mini, assessment_id="00000000-0000-4000-8000-000000000002")
    store.create(first, 0)
    _status(store, first.assessment_id, "sealed")
    document = copy.deepcopy(identity_document())
    with pytest.raises(StoreError, match="the assessment is sealed: its identity cannot change"):
        store.add_identity(first.assessment_id, SALT, document)
    assert store.identity(first.assessment_id) is None and store.identity(aid) == identity_document()
