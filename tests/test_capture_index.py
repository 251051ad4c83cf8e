"""The capture index: closed capture files and gaps, append-only, closed to new rows once sealed."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import ASSESSOR, CANDIDATE, VEHICLE, WORKSHOP, Mini

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import Finish, RecordIdentityCheck, SignOff
from assessor_app.storage.captures import CaptureFileRecord, CaptureIndex
from assessor_app.storage.database import StoreError
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore


@pytest.fixture
def store(tmp_path: Path):
    s = AssessmentStore.open(tmp_path / "assessor.db")
    yield s
    s.close()


def _started(store: AssessmentStore, mini: Mini) -> AssessmentRecorder:
    return AssessmentRecorder.start(
        store, mini.checklist, mini.params, candidate=CANDIDATE, assessor=ASSESSOR,
        workshop=WORKSHOP, vehicle=VEHICLE, clock=ManualClock(),
    )


def _segment(n: int, step: str | None = "ppe") -> CaptureFileRecord:
    return CaptureFileRecord(
        kind="video", name=f"video/seg-{n:06d}.ts", sha256=f"{n:064x}", size=1000 + n,
        device="synthetic camera 320x240@10", t_start_us=n * 10_000_000,
        t_end_us=(n + 1) * 10_000_000, step_id=step, items=100, dropped=n % 2,
        meta={"codec": "mp4v", "container": "mpegts"}, closed_wall_us=123,
    )


def test_files_and_gaps_are_stored_and_read_back(store: AssessmentStore, mini: Mini):
    recorder = _started(store, mini)
    index = CaptureIndex(store)
    for n in range(3):
        index.add_file(recorder.assessment_id, _segment(n))
    gap = index.open_gap(recorder.assessment_id, device="camera 0", kind="video",
                         t_start_us=5_000_000, reason="camera stopped delivering frames")
    assert index.gaps(recorder.assessment_id)[0].t_end_us is None  # durable while still open
    index.close_gap(gap, 9_000_000)
    assert index.files(recorder.assessment_id) == [_segment(n) for n in range(3)]
    assert index.files(recorder.assessment_id, kind="can_log") == []
    [g] = index.gaps(recorder.assessment_id)
    assert (g.device, g.t_start_us, g.t_end_us, g.reason) == (
        "camera 0", 5_000_000, 9_000_000, "camera stopped delivering frames")


def test_the_index_is_append_only(store: AssessmentStore, mini: Mini):
    recorder = _started(store, mini)
    index = CaptureIndex(store)
    index.add_file(recorder.assessment_id, _segment(0))
    with pytest.raises(StoreError, match="refused"):
        index.add_file(recorder.assessment_id, _segment(0))  # the same name twice
    with store.writer.begin() as conn, pytest.raises(Exception, match="append-only"):
        conn.exec_driver_sql("UPDATE capture_files SET sha256 = 'x'")
    with store.writer.begin() as conn, pytest.raises(Exception, match="append-only"):
        conn.exec_driver_sql("DELETE FROM capture_files")
    gap = index.open_gap(recorder.assessment_id, device="camera 0", kind="video",
                         t_start_us=1, reason="unplugged")
    index.close_gap(gap, 2)
    with pytest.raises(StoreError, match="cannot change"):
        index.close_gap(gap, 3)
    assert [f.sha256 for f in index.files(recorder.assessment_id)] == [_segment(0).sha256]


def test_a_sealed_assessment_takes_no_more_capture_records(store: AssessmentStore, mini: Mini):
    recorder = _started(store, mini)
    index = CaptureIndex(store)
    index.add_file(recorder.assessment_id, _segment(0))
    recorder.act(RecordIdentityCheck("known_to_assessor"))
    assert isinstance(recorder.act(SignOff("assessor", ASSESSOR.name)), object)
    recorder.act(Finish())
    index.add_file(recorder.assessment_id, _segment(1))  # a segment closing just after finishing
    store.set_status(recorder.assessment_id, "sealed")
    with pytest.raises(StoreError, match="sealed"):
        index.add_file(recorder.assessment_id, _segment(2))
    with pytest.raises(StoreError, match="sealed"):
        index.open_gap(recorder.assessment_id, device="d", kind="can", t_start_us=0, reason="r")
    assert len(index.files(recorder.assessment_id)) == 2
