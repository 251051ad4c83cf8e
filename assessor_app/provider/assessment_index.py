"""The assessment index: what the console's list needs of each held bundle, read from its record.

The facts are not trusted from the record's summary sections: the record's events are replayed
through the rules (as verification does), so the index says what the sealed events prove. Only the
capture section (gaps, dropped frames), which the events do not hold, is read as sealed. The
candidate is named by their pseudonymous id; names and the VIN never reach the index.

The importer writes a bundle's row in the transaction that stores the bundle; ``reindex`` rebuilds
every row from the held bundles (``assessor provider reindex``) and ``backfill`` adds the rows
missing (a database from before the index, or a bundle whose row could not be made), in the
background while the provider serves.
"""

from __future__ import annotations

import json
import logging
import os
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, or_, select
from sqlalchemy.exc import SQLAlchemyError

from assessor_app.core.engine import ReplayError, replay
from assessor_app.core.engine.people import FORMAT as APART_FORMAT
from assessor_app.core.events import ChainError
from assessor_app.core.specs.loader import checklist_from_source, parameter_set_from_source
from assessor_app.evidence.bundle import BundleError, BundleLimits
from assessor_app.evidence.folder import open_regular
from assessor_app.evidence.identity import IDENTITY_DIR
from assessor_app.evidence.record_shape import RECORD_JSON, read_events
from assessor_app.evidence.strict_json import JsonError, loads, need_int, need_list, need_object
from assessor_app.i18n import Msg
from assessor_app.provider.database import insert_ignoring, upsert
from assessor_app.provider.index_signals import risk_signals
from assessor_app.provider.models import AssessmentIndexRow, AssessmentVehicle, ReceivedBundle
from assessor_app.provider.store import ProviderStore

log = logging.getLogger(__name__)

#: The extraction's version: rows made by an older one are made again by the backfill.
INDEX_FORMAT = 2  # 2: the moderation sample's risk signals
#: Rows written per transaction when rebuilding.
BATCH = 200


class UnreadableRecord(Exception):
    """A held bundle's record cannot be read for the index; the message says why."""


@dataclass(frozen=True)
class Reindexed:
    indexed: int
    failed: list[tuple[str, str, str]]  # (bundle id, workstation, why)


def _read(root: Path, name: str, limit: int) -> bytes:
    try:
        with os.fdopen(open_regular(root / name, name), "rb") as f:
            data = f.read(limit + 1)
    except FileNotFoundError:
        raise UnreadableRecord(f"{name} is missing") from None
    except BundleError as exc:
        raise UnreadableRecord(str(exc)) from None
    if len(data) > limit:
        raise UnreadableRecord(f"{name} is larger than {limit} bytes")
    return data


def _object(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _text(value: Any, limit: int) -> str:
    return value[:limit] if isinstance(value, str) else ""


def assessment_facts(root: Path) -> dict[str, Any]:
    """The index's columns that a bundle folder's sealed record gives (not who stored it, or when).

    UnreadableRecord when the record cannot be read or replayed (a bundle that verified never fails).
    OSError is this machine's and is raised as it is.
    """
    limits = BundleLimits()
    try:
        record = need_object(loads(_read(root, RECORD_JSON, limits.max_record_bytes), RECORD_JSON,
                                   limits.json), RECORD_JSON)
        events = read_events(record)
        capture = need_object(record.get("capture", {}), f"{RECORD_JSON}: capture")
        gaps = need_list(capture.get("gaps", []), f"{RECORD_JSON}: capture.gaps")
        dropped = need_int(capture.get("dropped_frames", 0), f"{RECORD_JSON}: capture.dropped_frames")
        spec = checklist_from_source(_read(root, "data/checklist.yaml", limits.max_record_bytes).decode())
        params = parameter_set_from_source(_read(root, "data/parameters.yaml",
                                                 limits.max_record_bytes).decode())
        engine = replay(spec, params, events)
    except (JsonError, ChainError, ReplayError, UnicodeDecodeError) as exc:
        raise UnreadableRecord(f"the record cannot be read: {exc}") from None
    except (KeyError, TypeError, ValueError) as exc:  # a spec that does not validate
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise UnreadableRecord(f"the record cannot be read: {first}") from None
    if not events:
        raise UnreadableRecord("the record holds no events")
    st = engine.state
    started = st.started
    candidate, vehicle, pinned = (_object(started.get(name)) for name in ("candidate", "vehicle",
                                                                             "parameter_set"))
    statuses = [ss.status for ss in st.steps.values()]
    last = events[-1]
    reasons: list[Any] = []
    abandon_reason = None
    if last.kind == "assessment_finished":
        reasons = list(last.payload.get("reasons") or [])
    elif last.kind == "assessment_abandoned":
        abandon_reason = _text(last.payload.get("reason"), 2000)
    elif st.outcome is None:  # not finished: why it has no outcome yet, as the rules say now
        reasons = [r.to_dict() if isinstance(r, Msg) else r for r in engine.derive_outcome()[1]]
    if (root / IDENTITY_DIR).is_dir():
        identity = "present"
    else:
        identity = "withheld" if started.get("format") == APART_FORMAT else "embedded"
    return {
        "assessment_id": _text(st.assessment_id, 64),
        "candidate": _text(candidate.get("id"), 200),  # the pseudonymous id; never the name
        "vehicle": _text(vehicle.get("description"), 200),
        "checklist_id": spec.id[:100], "checklist_version": str(spec.version)[:50],
        "parameter_set_id": str(params.id)[:100], "parameter_set_version": str(params.version)[:50],
        "parameters_generic": bool(engine.params.generic) or pinned.get("source") == "generic",
        "outcome": st.outcome or "", "outcome_reasons": json.dumps(reasons, ensure_ascii=False),
        "abandon_reason": abandon_reason, "stopped_by": st.stopped_by,
        "hazard_stop": st.stop_kind == "hazard" or "hazard" in statuses,
        "started_us": events[0].wall_us, "ended_us": last.wall_us,
        "steps_total": len(statuses), "steps_passed": statuses.count("passed"),
        "steps_failed": statuses.count("failed"), "steps_na": statuses.count("na"),
        "steps_pending": statuses.count("pending"),
        "corrections": sum(len(ss.corrections) for ss in st.steps.values()),
        "capture_gaps": len(gaps), "dropped_frames": dropped, "identity": identity,
        "language": _text(started.get("language"), 10), "index_format": INDEX_FORMAT,
        **risk_signals(engine, events, capture),
        "gateway": (spec.credential.gateway or "")[:40],
    }


def index_row(bundle: Any, facts: dict[str, Any]) -> dict[str, Any]:
    """The row of a stored bundle (a ``bundles`` row or the values it was inserted with)."""
    get = bundle.get if isinstance(bundle, dict) else lambda name: getattr(bundle, name)
    return {**facts, "bundle_id": get("bundle_id"), "device": get("device"),
            "workshop_id": get("workshop_id"), "assessor_id": get("assessor_id") or "",
            "received_us": get("received_us")}


def write_row(conn: Connection, row: dict[str, Any]) -> None:
    """Put a bundle's row in the index (replacing the one it had), inside the caller's transaction.

    An upsert on the row's key, as is the vehicle's note: two writers side by side (PostgreSQL: an
    import and a starting worker's backfill) both succeed, the later row standing.
    """
    upsert(conn, AssessmentIndexRow, row, ("bundle_id", "device"))
    add_vehicles(conn, [row["vehicle"]])


def add_vehicles(conn: Connection, vehicles: list[str]) -> None:
    """Note vehicle descriptions the index now holds (those it had are left as they are)."""
    for vehicle in sorted(set(vehicles)):
        insert_ignoring(conn, AssessmentVehicle, {"vehicle": vehicle}, ("vehicle",))


def _missing(store: ProviderStore, only_missing: bool, after: tuple[str, str], limit: int) -> list[Any]:
    """Held bundles (ordered by id and workstation, after ``after``) whose row is missing or stale."""
    query = select(ReceivedBundle).where(
        (ReceivedBundle.bundle_id > after[0])
        | ((ReceivedBundle.bundle_id == after[0]) & (ReceivedBundle.device > after[1])))
    if only_missing:
        query = query.outerjoin(AssessmentIndexRow, (AssessmentIndexRow.bundle_id == ReceivedBundle.bundle_id)
                                & (AssessmentIndexRow.device == ReceivedBundle.device)).where(
            or_(AssessmentIndexRow.bundle_id.is_(None), AssessmentIndexRow.index_format < INDEX_FORMAT))
    query = query.order_by(ReceivedBundle.bundle_id, ReceivedBundle.device).limit(limit)
    with store.engine.connect() as conn:
        return list(conn.execute(query).all())


def reindex(store: ProviderStore, *, only_missing: bool = False,
            stop: threading.Event | None = None) -> Reindexed:
    """Make the index rows of the held bundles from their records: all, or only those missing.

    A bundle whose record cannot be read is reported (and keeps no row), never stops the others.
    OSError or a database error (the provider's own machine) is raised: run it again once fixed.
    """
    indexed, failed = 0, []
    after = ("", "")
    while stop is None or not stop.is_set():
        bundles = _missing(store, only_missing, after, BATCH)
        if not bundles:
            break
        rows = []
        for b in bundles:
            try:
                rows.append(index_row(b, assessment_facts(store.held_root(b))))
            except UnreadableRecord as exc:
                failed.append((b.bundle_id, b.device, str(exc)))
                log.warning("bundle %s (workstation %s) has no index row: %s", b.bundle_id, b.device[:16],
                            exc)
        with store.writer.begin() as conn:
            for row in rows:
                write_row(conn, row)
        indexed += len(rows)
        after = (bundles[-1].bundle_id, bundles[-1].device)
    return Reindexed(indexed, failed)


class Backfill:
    """The rows missing, made on a thread while the provider serves (started once, stopped at close)."""

    def __init__(self, store: ProviderStore):
        self.store = store
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.result: Reindexed | None = None

    def start(self) -> None:
        if self._thread is None:
            self._stop.clear()
            self._thread = threading.Thread(target=self._run, name="provider-index-backfill", daemon=True)
            self._thread.start()

    def _run(self) -> None:
        try:
            self.result = reindex(self.store, only_missing=True, stop=self._stop)
        except (OSError, SQLAlchemyError) as exc:  # the provider's own disk or database
            log.warning("the assessment index could not be completed now (%s): it is completed at the "
                        "next start, or by 'assessor provider reindex'", exc)
            return
        if self.result.indexed or self.result.failed:
            log.info("assessment index: %d row(s) added, %d bundle(s) unreadable", self.result.indexed,
                     len(self.result.failed))

    def wait(self, timeout: float = 60.0) -> Reindexed | None:
        """The backfill's result once it has finished (None if it has not, or failed)."""
        if self._thread is not None:
            self._thread.join(timeout)
        return self.result

    def stop(self, timeout: float = 30.0) -> None:
        """Stop after the batch under way (its rows are committed, the rest is done next time)."""
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None
