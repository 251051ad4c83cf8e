"""The SQLite store: durability pragmas, append-only log, read-only closed assessments,
resuming after a restart, tamper detection, unreadable files and the migration backup."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from helpers import ASSESSOR, CANDIDATE, MIN, VEHICLE, WORKSHOP, Mini
from sqlalchemy.exc import DBAPIError

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import (
    RESUMED,
    AddNote,
    Finish,
    RecordIdentityCheck,
    RecordMeasurement,
    RecordResult,
    Refused,
    ReplayError,
    SignOff,
)
from assessor_app.core.events import Event, make_event, verify_chain
from assessor_app.errors import AssessorError
from assessor_app.storage.database import StoreError
from assessor_app.storage.models import SCHEMA_REVISION
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "assessor.db"


@pytest.fixture
def store(db_path: Path):
    s = AssessmentStore.open(db_path)
    yield s
    s.close()


def start(store: AssessmentStore, mini: Mini, clock: ManualClock) -> AssessmentRecorder:
    return AssessmentRecorder.start(
        store, mini.checklist, mini.params, candidate=CANDIDATE, assessor=ASSESSOR,
        workshop=WORKSHOP, vehicle=VEHICLE, clock=clock,
    )


def ok(recorder: AssessmentRecorder, action) -> Event:
    result = recorder.act(action)
    assert isinstance(result, Event), result
    return result


def some_progress(recorder: AssessmentRecorder, clock: ManualClock) -> None:
    for step in ("ppe", "plug", "lock"):
        ok(recorder, RecordResult(step, "pass"))
        clock.advance(5)
    ok(recorder, AddNote("discharge wait running", step="dead"))


def finish(recorder: AssessmentRecorder) -> Event:
    ok(recorder, RecordIdentityCheck("known_to_assessor"))
    ok(recorder, SignOff("assessor", ASSESSOR.name))
    return ok(recorder, Finish())


# ------------------------------------------------------------------ pragmas


def test_connections_use_wal_full_sync_and_foreign_keys(store: AssessmentStore, db_path: Path):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    # WAL is a property of the file: a plain sqlite3 connection sees it too
    con = sqlite3.connect(db_path)
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()


def test_foreign_keys_are_enforced(store: AssessmentStore):
    orphan = make_event("no-such-assessment", 0, "note_added", {"text": "x"}, 0, 0, "0" * 64)
    with pytest.raises(StoreError, match="refused the write"):
        store.append(orphan)


# ------------------------------------------------------------------ append-only log


def test_events_cannot_be_updated_or_deleted(store: AssessmentStore, mini: Mini):
    recorder = start(store, mini, ManualClock())
    ok(recorder, AddNote("first note"))
    aid = recorder.assessment_id
    for sql in (
        "UPDATE events SET payload = '{}' WHERE seq = 1",
        "UPDATE events SET t_us = t_us + 1",
        "DELETE FROM events WHERE seq = 1",
        "DELETE FROM events",
    ):
        with pytest.raises(DBAPIError, match="the event log is append-only"):
            with store.engine.begin() as conn:
                conn.exec_driver_sql(sql)
    # also through a plain sqlite3 connection (another program)
    con = sqlite3.connect(store.path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="append-only"):
            con.execute("DELETE FROM events WHERE assessment_id = ?", (aid,))
    finally:
        con.close()
    assert [e.kind for e in store.events(aid)] == ["assessment_started", "note_added"]


def test_an_event_out_of_turn_is_refused(store: AssessmentStore, mini: Mini):
    recorder = start(store, mini, ManualClock())
    st = recorder.engine.state
    ahead = make_event(st.assessment_id, st.event_count + 1, "note_added", {"text": "x"},
                       st.last_wall_us, st.last_t_us, st.head_hash)
    with pytest.raises(StoreError):
        store.append(ahead)
    assert len(store.events(st.assessment_id)) == 1


# ------------------------------------------------------------------ closed assessments


def test_a_finished_assessment_refuses_events_in_the_recorder_and_the_database(
    store: AssessmentStore, mini: Mini
):
    clock = ManualClock()
    recorder = start(store, mini, clock)
    some_progress(recorder, clock)
    done = finish(recorder)
    aid = recorder.assessment_id
    summary = store.summary(aid)
    assert (summary.status, summary.outcome) == ("finished", "incomplete")
    assert summary.head_hash == done.hash and summary.event_count == done.seq + 1

    # the recorder refuses
    refusal = recorder.act(AddNote("one more thing"))
    assert isinstance(refusal, Refused) and refusal.rule == "read_only"

    # the database refuses even a well-formed next event written behind the engine's back
    nxt = make_event(aid, done.seq + 1, "note_added", {"text": "late", "step": None},
                     done.wall_us, done.t_us, done.hash)
    with pytest.raises(StoreError, match="the assessment is read-only"):
        store.append(nxt)
    con = sqlite3.connect(store.path)
    try:
        with pytest.raises(sqlite3.DatabaseError, match="read-only"):
            con.execute("UPDATE assessments SET status = 'in_progress' WHERE id = ?", (aid,))
        with pytest.raises(sqlite3.DatabaseError, match="cannot be deleted"):
            con.execute("DELETE FROM assessments WHERE id = ?", (aid,))
    finally:
        con.close()
    assert store.events(aid)[-1].hash == done.hash

    # reopening a closed assessment replays it and writes nothing
    reopened = AssessmentRecorder.open(store, aid, clock=ManualClock(wall_us=done.wall_us + 10**9))
    assert reopened.engine.state.read_only
    assert store.summary(aid).event_count == done.seq + 1
    assert store.in_progress() == []


def test_sealing_a_closed_assessment_is_the_only_change_it_takes(store: AssessmentStore, mini):
    recorder = start(store, mini, ManualClock())
    finish(recorder)
    store.set_status(recorder.assessment_id, "sealed")
    assert store.summary(recorder.assessment_id).status == "sealed"
    with pytest.raises(StoreError, match="read-only"):
        store.set_status(recorder.assessment_id, "in_progress")


# ------------------------------------------------------------------ resuming


def test_reopening_rebuilds_state_and_records_the_gap(db_path: Path, mini: Mini):
    clock = ManualClock()
    store = AssessmentStore.open(db_path)
    recorder = start(store, mini, clock)
    some_progress(recorder, clock)
    aid, before = recorder.assessment_id, recorder.engine.state
    last = store.events(aid)[-1]
    store.close()  # the program stops (or crashes) here

    store = AssessmentStore.open(db_path)
    assert [s.id for s in store.in_progress()] == [aid]
    later = ManualClock(wall_us=last.wall_us + 7 * 60 * 1_000_000, monotonic_us=123)  # 7 min off
    resumed = AssessmentRecorder.open(store, aid, clock=later)
    st = resumed.engine.state
    ev = store.events(aid)[-1]
    assert ev.kind == RESUMED
    assert ev.payload == {"gap_us": 7 * 60 * 1_000_000, "previous_wall_us": last.wall_us}
    assert ev.t_us == last.t_us + 7 * 60 * 1_000_000  # the time away counts towards waits
    assert st.event_count == before.event_count + 1
    assert st.steps == before.steps and st.phase == before.phase
    assert verify_chain(store.events(aid)) == st.head_hash == store.summary(aid).head_hash

    # the discharge wait (10 min from plug) counts on: 7 min away + 3 min more
    refusal = resumed.act(RecordResult("dead", "pass"))
    assert isinstance(refusal, Refused) and refusal.rule == "min_wait"
    later.advance(3 * MIN)
    ok(resumed, RecordMeasurement("dead", "hv", 0.2, "V"))
    ok(resumed, RecordResult("dead", "pass"))
    store.close()


def test_a_wall_clock_set_back_across_a_restart_gives_a_zero_gap(db_path: Path, mini: Mini):
    clock = ManualClock()
    store = AssessmentStore.open(db_path)
    recorder = start(store, mini, clock)
    some_progress(recorder, clock)
    last = store.events(recorder.assessment_id)[-1]
    earlier = ManualClock(wall_us=last.wall_us - 3_600_000_000)
    resumed = AssessmentRecorder.open(store, recorder.assessment_id, clock=earlier)
    ev = store.events(recorder.assessment_id)[-1]
    assert ev.kind == RESUMED and ev.payload["gap_us"] == 0
    assert ev.t_us == last.t_us
    assert resumed.engine.state.last_t_us == last.t_us
    store.close()


def test_read_only_open_writes_nothing(store: AssessmentStore, mini: Mini):
    recorder = start(store, mini, ManualClock())
    n = store.summary(recorder.assessment_id).event_count
    AssessmentRecorder.open(store, recorder.assessment_id, read_only=True)
    assert store.summary(recorder.assessment_id).event_count == n


def test_in_progress_lists_only_open_assessments(store: AssessmentStore, mini: Mini):
    a = start(store, mini, ManualClock())
    b = start(store, mini, ManualClock())
    finish(b)
    assert [s.id for s in store.in_progress()] == [a.assessment_id]
    assert store.count() == 2 and store.count("finished") == 1
    assert store.list(search=CANDIDATE.name[:5]) and not store.list(search="nobody-like-this")


# ------------------------------------------------------------------ tampering


def _tamper(path: Path, aid: str, seq: int) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute("DROP TRIGGER events_append_only_update")
        payload = json.loads(con.execute(
            "SELECT payload FROM events WHERE assessment_id = ? AND seq = ?", (aid, seq)
        ).fetchone()[0])
        payload["result"] = "pass"
        payload["reason"] = ""
        con.execute("UPDATE events SET payload = ? WHERE assessment_id = ? AND seq = ?",
                    (json.dumps(payload, sort_keys=True), aid, seq))
        con.commit()
    finally:
        con.close()


def test_a_tampered_event_stops_open_with_a_clear_error(db_path: Path, mini: Mini):
    clock = ManualClock()
    store = AssessmentStore.open(db_path)
    recorder = start(store, mini, clock)
    ok(recorder, RecordResult("ppe", "pass"))
    fail = ok(recorder, RecordResult("sign", "fail", reason="sign missing"))
    ok(recorder, AddNote("after the fail"))
    aid = recorder.assessment_id
    store.close()

    _tamper(db_path, aid, fail.seq)  # someone turns the fail into a pass
    store = AssessmentStore.open(db_path)
    with pytest.raises(ReplayError, match=rf"event {fail.seq} \(step_result\) was altered"):
        AssessmentRecorder.open(store, aid)
    with pytest.raises(AssessorError):  # an expected failure the window can show, not a crash
        AssessmentRecorder.open(store, aid, read_only=True)
    store.close()


def test_a_recomputed_hash_still_breaks_the_chain(db_path: Path, mini: Mini):
    """Rewriting an event and its own hash does not help: the next event links to the old one."""
    store = AssessmentStore.open(db_path)
    recorder = start(store, mini, ManualClock())
    ok(recorder, RecordResult("ppe", "pass"))
    ev = ok(recorder, RecordResult("sign", "fail", reason="x"))
    ok(recorder, AddNote("after"))
    aid = recorder.assessment_id
    store.close()
    forged = make_event(aid, ev.seq, ev.kind, {**ev.payload, "result": "pass", "reason": ""},
                        ev.wall_us, ev.t_us, ev.prev_hash)
    con = sqlite3.connect(db_path)
    try:
        con.execute("DROP TRIGGER events_append_only_update")
        con.execute("UPDATE events SET payload = ?, hash = ? WHERE assessment_id = ? AND seq = ?",
                    (json.dumps(dict(forged.payload), sort_keys=True), forged.hash, aid, ev.seq))
        con.commit()
    finally:
        con.close()
    store = AssessmentStore.open(db_path)
    with pytest.raises(ReplayError, match=rf"event {ev.seq + 1} does not link to event {ev.seq}"):
        AssessmentRecorder.open(store, aid)
    store.close()


# ------------------------------------------------------------------ unreadable files


def test_a_file_that_is_not_a_database_is_a_clear_store_error(db_path: Path):
    db_path.write_bytes(b"this is not a database, it is a shopping list\n" * 100)
    with pytest.raises(StoreError, match="cannot be read as a database") as info:
        AssessmentStore.open(db_path)
    assert str(db_path) in str(info.value)


def test_another_programs_database_is_refused(db_path: Path):
    con = sqlite3.connect(db_path)
    con.execute("CREATE TABLE recipes (name TEXT)")
    con.commit()
    con.close()
    with pytest.raises(StoreError, match="is not an assessor database"):
        AssessmentStore.open(db_path)


# ------------------------------------------------------------------ migration backup


def _set_revision(path: Path, revision: str) -> None:
    con = sqlite3.connect(path)
    try:
        con.execute("UPDATE alembic_version SET version_num = ?", (revision,))
        con.commit()
    finally:
        con.close()


def test_an_unmigratable_revision_is_backed_up_first(db_path: Path, mini: Mini):
    from alembic import command
    from alembic.config import Config

    from assessor_app.storage.database import MIGRATIONS_DIR, make_engine

    # a database at revision 0001, made by Alembic itself, holding one assessment
    engine = make_engine(db_path)
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    with engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.commit()
    engine.dispose()
    store = AssessmentStore.open(db_path)
    recorder = start(store, mini, ManualClock())
    aid = recorder.assessment_id
    store.close()

    # pretend it was written by an older app whose revision this one cannot migrate
    _set_revision(db_path, "0000old")
    with pytest.raises(StoreError) as info:
        AssessmentStore.open(db_path)
    message = str(info.value)
    assert "'0000old'" in message and "cannot migrate" in message
    assert str(db_path.parent / "backups") in message

    backups = list((db_path.parent / "backups").glob("assessor-rev0000old-*.db"))
    assert len(backups) == 1
    con = sqlite3.connect(backups[0])
    try:  # a complete, consistent copy
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0000old"
        assert con.execute("SELECT count(*) FROM events WHERE assessment_id = ?",
                           (aid,)).fetchone()[0] == 1
    finally:
        con.close()

    # the original is untouched, and opens again once its revision is one the app knows
    _set_revision(db_path, SCHEMA_REVISION)
    store = AssessmentStore.open(db_path)
    assert [s.id for s in store.in_progress()] == [aid]
    store.close()


def test_a_current_database_is_not_backed_up(db_path: Path):
    AssessmentStore.open(db_path).close()
    AssessmentStore.open(db_path).close()
    assert not (db_path.parent / "backups").exists()
