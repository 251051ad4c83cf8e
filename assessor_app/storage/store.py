"""The assessment store: durable event appends, summaries, specification snapshots."""

from __future__ import annotations

import builtins
import json
import re
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, Table, bindparam, func, insert, select, update
from sqlalchemy.exc import IntegrityError, OperationalError

from assessor_app.core.events import Event
from assessor_app.core.gateways import MET_HERE
from assessor_app.i18n import Msg
from assessor_app.storage.database import StoreError, open_engine
from assessor_app.storage.models import AssessmentRow, EventRow, IdentityRow, SpecSnapshot

#: Where each kind of closing event leaves an assessment.
CLOSING = {"assessment_finished": "finished", "assessment_abandoned": "abandoned"}


_EVENTS: Table = EventRow.__table__  # type: ignore[assignment]
_ASSESSMENTS: Table = AssessmentRow.__table__  # type: ignore[assignment]
_INSERT_EVENT = insert(_EVENTS)
_ADVANCE_WHERE = (
    (_ASSESSMENTS.c.id == bindparam("b_id")) & (_ASSESSMENTS.c.event_count == bindparam("b_seq"))
)
_ADVANCE = update(_ASSESSMENTS).where(_ADVANCE_WHERE).values(
    event_count=bindparam("event_count"), head_hash=bindparam("head_hash"),
    last_t_us=bindparam("last_t_us"), updated_wall_us=bindparam("updated_wall_us"),
)
_CLOSE = _ADVANCE.values(status=bindparam("status"), outcome=bindparam("outcome"))
#: The salt of an identity: 32 random bytes, in lowercase hex.
SALT_HEX = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True)
class AssessmentSummary:
    id: str
    created_wall_us: int
    updated_wall_us: int
    candidate_id: str
    candidate_name: str
    assessor_name: str
    workshop_name: str
    vehicle_vin: str
    checklist_id: str
    checklist_version: str
    checklist_sha256: str
    params_id: str
    params_version: str
    params_sha256: str
    status: str
    outcome: str | None
    event_count: int
    head_hash: str
    last_t_us: int


class ConcurrentWriteError(StoreError):
    """Another writer appended to the same assessment first."""


class AssessmentStore:
    """All reads and writes of assessments; one instance per database file."""

    def __init__(self, engine: Engine, path: Path):
        self.engine = engine
        # Writes take SQLite's write lock when they begin (BEGIN IMMEDIATE), so two writers
        # queue on the busy timeout instead of failing mid-transaction; reads never take it.
        self._writer = engine.execution_options(sqlite_immediate=True)
        self.path = path

    @classmethod
    def open(cls, path: Path) -> AssessmentStore:
        return cls(open_engine(path), path)

    def close(self) -> None:
        self.engine.dispose()

    @property
    def writer(self) -> Engine:
        """The engine for write transactions (BEGIN IMMEDIATE), for repositories on this store."""
        return self._writer

    # ------------------------------------------------------------ snapshots
    def save_snapshot(
        self, *, sha256: str, kind: str, spec_id: str, version: str, source: str,
        loaded_from: str, wall_us: int,
    ) -> None:
        with self._writer.begin() as conn:
            exists = conn.execute(
                select(SpecSnapshot.sha256).where(SpecSnapshot.sha256 == sha256)
            ).first()
            if exists is None:
                conn.execute(insert(SpecSnapshot).values(
                    sha256=sha256, kind=kind, spec_id=spec_id, version=version, source=source,
                    loaded_from=loaded_from, stored_wall_us=wall_us,
                ))

    def snapshot_source(self, sha256: str) -> str:
        with self.engine.connect() as conn:
            source = conn.execute(
                select(SpecSnapshot.source).where(SpecSnapshot.sha256 == sha256)
            ).scalar_one_or_none()
        if source is None:
            raise StoreError(f"the store has no specification with hash {sha256}")
        return source

    # ------------------------------------------------------------ writing
    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE) for writes that must commit together.

        Pass its connection to ``create``, ``append``, ``add_identity`` and ``update_identity``:
        when the block ends all of it is on disk; if anything in it fails, none of it is.
        """
        with self._writing():
            with self._writer.begin() as conn:
                yield conn

    @contextmanager
    def _transaction(self, connection: Connection | None) -> Iterator[Connection]:
        """The caller's transaction if it gives one, else a transaction of its own."""
        if connection is None:
            with self.transaction() as conn:
                yield conn
        else:
            with self._writing():
                yield connection

    def create(self, first: Event, wall_us: int, *, connection: Connection | None = None) -> None:
        """Create an assessment with its first (``assessment_started``) event, durably.

        A first event that keeps identity apart (format 2) holds no names: the summary takes them
        from the identity (``add_identity``), in the same transaction.
        """
        p = first.payload
        row = {
            "id": first.assessment_id, "created_wall_us": wall_us, "updated_wall_us": wall_us,
            "candidate_id": p["candidate"]["id"], "candidate_name": p["candidate"].get("name") or "",
            "assessor_name": p["assessor"].get("name") or p["assessor"]["id"],
            "workshop_name": p["workshop"].get("name") or p["workshop"]["id"],
            "vehicle_vin": p["vehicle"].get("vin") or "",
            "checklist_id": p["checklist"]["id"], "checklist_version": p["checklist"]["version"],
            "checklist_sha256": p["checklist"]["sha256"],
            "params_id": p["parameter_set"]["id"], "params_version": p["parameter_set"]["version"],
            "params_sha256": p["parameter_set"]["sha256"],
            "status": "in_progress", "outcome": None, "event_count": 0, "head_hash": "",
            "last_t_us": 0,
        }
        with self._transaction(connection) as conn:
            conn.execute(insert(AssessmentRow).values(**row))
            self._append(conn, first)

    def append(self, event: Event, *, connection: Connection | None = None) -> None:
        """Append one event; when this returns (or the caller's transaction ends), it is on disk."""
        with self._transaction(connection) as conn:
            self._append(conn, event)

    def _append(self, conn: Connection, event: Event) -> None:
        # Statements are built once (module level); only the values change per event.
        conn.execute(_INSERT_EVENT, {
            "assessment_id": event.assessment_id, "seq": event.seq, "kind": event.kind,
            "payload": json.dumps(event.payload, sort_keys=True, ensure_ascii=False),
            "wall_us": event.wall_us, "t_us": event.t_us, "prev_hash": event.prev_hash,
            "hash": event.hash,
        })
        values: dict[str, object] = {
            "b_id": event.assessment_id, "b_seq": event.seq,
            "event_count": event.seq + 1, "head_hash": event.hash, "last_t_us": event.t_us,
            "updated_wall_us": event.wall_us,
        }
        statement = _ADVANCE
        if event.kind in CLOSING:
            values["status"] = CLOSING[event.kind]
            values["outcome"] = event.payload["outcome"]
            statement = _CLOSE
        result = conn.execute(statement, values)
        if result.rowcount != 1:
            raise ConcurrentWriteError(
                f"assessment {event.assessment_id} moved on before event {event.seq} was written"
            )

    # ------------------------------------------------------------ identity
    def identity(self, assessment_id: str) -> dict[str, Any] | None:
        """The assessment's identity document (names, VIN, salt), or None if it keeps none apart."""
        with self.engine.connect() as conn:
            text = conn.execute(
                select(IdentityRow.document).where(IdentityRow.assessment_id == assessment_id)
            ).scalar_one_or_none()
        if text is None:
            return None
        try:
            document = json.loads(text)
        except ValueError as exc:
            raise StoreError(f"the identity of assessment {assessment_id} in the store is not JSON: "
                             f"{exc}") from None
        if not isinstance(document, dict):
            raise StoreError(f"the identity of assessment {assessment_id} in the store is not a document")
        return document

    def add_identity(
        self, assessment_id: str, salt_hex: str, document: Mapping[str, Any], *,
        connection: Connection | None = None, wall_us: int | None = None,
    ) -> None:
        """Keep the assessment's identity document, whose ``salt`` is ``salt_hex``, apart from its events.

        With ``connection`` it is written in the caller's transaction (with the first event).
        """
        if not SALT_HEX.fullmatch(salt_hex):
            raise StoreError("an identity's salt is 32 bytes in lowercase hex (64 characters)")
        if document.get("salt") != salt_hex:
            raise StoreError(f"the identity document of assessment {assessment_id} holds another salt "
                             f"than the one given")
        with self._transaction(connection) as conn:
            self._check_candidate(conn, assessment_id, document)
            conn.execute(insert(IdentityRow).values(
                assessment_id=assessment_id, salt=salt_hex, document=_document_text(document),
                updated_wall_us=_now_us() if wall_us is None else wall_us))
            self._name_summary(conn, assessment_id, document)

    def update_identity(
        self, assessment_id: str, document: Mapping[str, Any], *,
        connection: Connection | None = None, wall_us: int | None = None,
    ) -> None:
        """Replace the identity document (e.g. with a sign-off's name); its salt never changes.

        With ``connection`` it is written in the caller's transaction (with the event it goes with).
        """
        with self._transaction(connection) as conn:
            salt = conn.execute(
                select(IdentityRow.salt).where(IdentityRow.assessment_id == assessment_id)
            ).scalar_one_or_none()
            if salt is None:
                raise StoreError(f"assessment {assessment_id} keeps no identity to update")
            if document.get("salt") != salt:
                raise StoreError(f"the identity of assessment {assessment_id} cannot take another salt: "
                                 f"the record's commitments are made with it")
            self._check_candidate(conn, assessment_id, document)
            conn.execute(update(IdentityRow).where(IdentityRow.assessment_id == assessment_id).values(
                document=_document_text(document),
                updated_wall_us=_now_us() if wall_us is None else wall_us))
            self._name_summary(conn, assessment_id, document)

    @staticmethod
    def _check_candidate(conn: Connection, assessment_id: str, document: Mapping[str, Any]) -> None:
        candidate_id = conn.execute(
            select(AssessmentRow.candidate_id).where(AssessmentRow.id == assessment_id)
        ).scalar_one_or_none()
        if candidate_id is None:
            raise StoreError(f"no assessment with id {assessment_id}")
        candidate = document.get("candidate")
        if not isinstance(candidate, Mapping) or candidate.get("id") != candidate_id:
            raise StoreError(f"the identity document is not of assessment {assessment_id}'s candidate "
                             f"{candidate_id}")

    @staticmethod
    def _name_summary(conn: Connection, assessment_id: str, document: Mapping[str, Any]) -> None:
        """The summary's names and VIN (for lists and search on this workstation) from the identity."""

        def part(key: str) -> Mapping[str, Any]:
            value = document.get(key)
            return value if isinstance(value, Mapping) else {}

        candidate, assessor, workshop = part("candidate"), part("assessor"), part("workshop")
        conn.execute(update(AssessmentRow).where(AssessmentRow.id == assessment_id).values(
            candidate_name=str(candidate.get("name") or ""),
            assessor_name=str(assessor.get("name") or assessor.get("id") or ""),
            workshop_name=str(workshop.get("name") or workshop.get("id") or ""),
            vehicle_vin=str(part("vehicle").get("vin") or ""),
        ))

    def set_status(self, assessment_id: str, status: str) -> None:
        """Mark a closed assessment as sealed or synced (the only changes a closed one takes)."""
        with self._writing():
            with self._writer.begin() as conn:
                conn.execute(
                    update(AssessmentRow).where(AssessmentRow.id == assessment_id).values(status=status)
                )

    @contextmanager
    def _writing(self) -> Iterator[None]:
        try:
            yield
        except (IntegrityError, OperationalError) as exc:
            raise StoreError(f"the store refused the write: {exc.orig}") from exc

    # ------------------------------------------------------------ reading
    def events(self, assessment_id: str) -> list[Event]:
        with self.engine.connect() as conn:
            rows = conn.execute(
                select(EventRow).where(EventRow.assessment_id == assessment_id).order_by(EventRow.seq)
            ).all()
        return [
            Event(r.assessment_id, r.seq, r.kind, json.loads(r.payload), r.wall_us, r.t_us,
                  r.prev_hash, r.hash)
            for r in rows
        ]

    def summary(self, assessment_id: str) -> AssessmentSummary:
        with self.engine.connect() as conn:
            row = conn.execute(
                select(AssessmentRow).where(AssessmentRow.id == assessment_id)
            ).first()
        if row is None:
            raise StoreError(f"no assessment with id {assessment_id}")
        return _summary(row)

    def list(
        self, status: str | None = None, search: str = "", limit: int = 200, offset: int = 0
    ) -> builtins.list[AssessmentSummary]:
        query = select(AssessmentRow).order_by(AssessmentRow.updated_wall_us.desc())
        if status:
            query = query.where(AssessmentRow.status == status)
        if search:
            like = f"%{search}%"
            query = query.where(
                AssessmentRow.candidate_name.like(like) | AssessmentRow.candidate_id.like(like)
                | AssessmentRow.checklist_id.like(like) | AssessmentRow.vehicle_vin.like(like)
                | AssessmentRow.workshop_name.like(like)
            )
        with self.engine.connect() as conn:
            return [_summary(r) for r in conn.execute(query.limit(limit).offset(offset)).all()]

    def in_progress(self) -> builtins.list[AssessmentSummary]:
        """Assessments a restart should offer to resume."""
        return self.list(status="in_progress")

    def competent_here(self, candidate_id: str) -> dict[str, str]:
        """Checklists this candidate passed on this workstation: checklist id -> the latest such
        assessment."""
        query = (select(AssessmentRow.checklist_id, AssessmentRow.id, AssessmentRow.updated_wall_us)
                 .where(AssessmentRow.candidate_id == candidate_id, AssessmentRow.outcome == "competent")
                 .order_by(AssessmentRow.updated_wall_us))
        with self.engine.connect() as conn:
            rows = conn.execute(query).all()
        return {r.checklist_id: r.id for r in rows}

    def passes(self, candidate_id: str) -> dict[str, Msg]:
        """Checklists this candidate passed on this workstation: checklist id -> which assessment (said)."""
        return {checklist: MET_HERE(assessment=assessment)
                for checklist, assessment in self.competent_here(candidate_id).items()}

    def count(self, status: str | None = None) -> int:
        query = select(func.count()).select_from(AssessmentRow)
        if status:
            query = query.where(AssessmentRow.status == status)
        with self.engine.connect() as conn:
            return int(conn.execute(query).scalar_one())

    def iter_ids(self) -> Iterator[str]:
        with self.engine.connect() as conn:
            yield from conn.execute(select(AssessmentRow.id)).scalars()


def _document_text(document: Mapping[str, Any]) -> str:
    return json.dumps(document, sort_keys=True, ensure_ascii=False)


def _now_us() -> int:
    return time.time_ns() // 1000


def _summary(row: object) -> AssessmentSummary:
    fields = AssessmentSummary.__dataclass_fields__
    return AssessmentSummary(**{name: getattr(row, name) for name in fields})
