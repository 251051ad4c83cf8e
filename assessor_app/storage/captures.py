"""The capture index: closed capture files and capture gaps of each assessment.

Capture threads (video, CAN) report each file when it is closed and fsynced, and the photo
desk each photo once written and fsynced; the row is committed before the capture goes on, so
the index never names a file that is not on disk whole. Rows are append-only (enforced by
triggers) and refused once the assessment is sealed; a gap's end is filled in once.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from assessor_app.storage.database import StoreError
from assessor_app.storage.models import CaptureFile, CaptureGap
from assessor_app.storage.store import AssessmentStore


@dataclass(frozen=True)
class CaptureFileRecord:
    """One closed capture file, as the capture reported it."""

    kind: str  # video, frame_times, can_log, can_times, snapshot, photo
    name: str  # path under the assessment's capture folder, forward slashes
    sha256: str
    size: int
    device: str
    t_start_us: int
    t_end_us: int
    step_id: str | None = None
    items: int = 0
    dropped: int = 0
    meta: dict[str, Any] = field(default_factory=dict)
    closed_wall_us: int = 0


@dataclass(frozen=True)
class CaptureGapRecord:
    id: int
    device: str
    kind: str
    t_start_us: int
    t_end_us: int | None
    reason: str


def captures_dir(data_dir: Path, assessment_id: str) -> Path:
    """Where an assessment's capture files are written."""
    return data_dir / "captures" / assessment_id


class CaptureIndex:
    """Reads and writes of the capture index, over the assessment store's database."""

    def __init__(self, store: AssessmentStore):
        self._store = store

    def _write(self, statement: Any) -> Any:
        try:
            with self._store.writer.begin() as conn:
                return conn.execute(statement)
        except (IntegrityError, OperationalError) as exc:
            raise StoreError(f"the store refused the capture record: {exc.orig}") from exc

    def add_file(self, assessment_id: str, record: CaptureFileRecord) -> None:
        """Index a closed, fsynced capture file (durable when this returns)."""
        self._write(insert(CaptureFile).values(
            assessment_id=assessment_id, kind=record.kind, name=record.name, sha256=record.sha256,
            size=record.size, device=record.device, step_id=record.step_id,
            t_start_us=record.t_start_us, t_end_us=record.t_end_us, items=record.items,
            dropped=record.dropped, meta=json.dumps(record.meta, sort_keys=True),
            closed_wall_us=record.closed_wall_us,
        ))

    def open_gap(self, assessment_id: str, *, device: str, kind: str, t_start_us: int,
                 reason: str) -> int:
        """Record that a device stopped delivering; returns the gap's id for ``close_gap``."""
        result = self._write(insert(CaptureGap).values(
            assessment_id=assessment_id, device=device, kind=kind, t_start_us=t_start_us,
            t_end_us=None, reason=reason,
        ))
        return int(result.inserted_primary_key[0])

    def close_gap(self, gap_id: int, t_end_us: int) -> None:
        self._write(update(CaptureGap).where(CaptureGap.id == gap_id).values(t_end_us=t_end_us))

    def files(self, assessment_id: str, kind: str | None = None) -> list[CaptureFileRecord]:
        query = select(CaptureFile).where(CaptureFile.assessment_id == assessment_id)
        if kind:
            query = query.where(CaptureFile.kind == kind)
        with self._store.engine.connect() as conn:
            rows = conn.execute(query.order_by(CaptureFile.id)).all()
        return [
            CaptureFileRecord(r.kind, r.name, r.sha256, r.size, r.device, r.t_start_us, r.t_end_us,
                              r.step_id, r.items, r.dropped, json.loads(r.meta), r.closed_wall_us)
            for r in rows
        ]

    def gaps(self, assessment_id: str) -> list[CaptureGapRecord]:
        query = select(CaptureGap).where(CaptureGap.assessment_id == assessment_id)
        with self._store.engine.connect() as conn:
            rows = conn.execute(query.order_by(CaptureGap.id)).all()
        return [CaptureGapRecord(r.id, r.device, r.kind, r.t_start_us, r.t_end_us, r.reason)
                for r in rows]
