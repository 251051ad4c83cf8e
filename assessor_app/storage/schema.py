"""A new database made in one go: the models' tables, the current triggers, stamped at the head revision.

The Alembic migrations remain the way an existing database moves from one revision to the next;
a database that does not exist yet is made from the models instead (importing and running
Alembic's chain costs seconds on a first start). ``tests/test_fresh_schema.py`` proves that both
ways give the same schema (tables, columns, types, indexes, constraints, triggers), so a
migration that adds a trigger or a column must add it here or to the models too.
"""

from __future__ import annotations

from sqlalchemy import Connection

from assessor_app.storage.models import SCHEMA_REVISION, Base

_SEALED = "(SELECT status FROM assessments WHERE id = {row}.assessment_id) IN ('sealed', 'synced')"

#: The triggers of the current schema (what the models cannot say): name -> CREATE statement.
TRIGGERS: dict[str, str] = {
    # The event log is append-only, and a closed assessment takes no more events (0001).
    "events_append_only_update":
        "CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events "
        "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END",
    "events_append_only_delete":
        "CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events "
        "BEGIN SELECT RAISE(ABORT, 'the event log is append-only'); END",
    "events_closed_assessment":
        "CREATE TRIGGER events_closed_assessment BEFORE INSERT ON events "
        "WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) <> 'in_progress' "
        "BEGIN SELECT RAISE(ABORT, 'the assessment is read-only'); END",
    "assessments_read_only":
        "CREATE TRIGGER assessments_read_only BEFORE UPDATE ON assessments "
        "WHEN OLD.status <> 'in_progress' AND ("
        " NEW.status = 'in_progress' OR NEW.event_count <> OLD.event_count"
        " OR NEW.head_hash <> OLD.head_hash OR NEW.outcome IS NOT OLD.outcome"
        " OR NEW.candidate_id <> OLD.candidate_id OR NEW.checklist_sha256 <> OLD.checklist_sha256)"
        " BEGIN SELECT RAISE(ABORT, 'the assessment is read-only'); END",
    "assessments_no_delete_closed":
        "CREATE TRIGGER assessments_no_delete_closed BEFORE DELETE ON assessments "
        "WHEN OLD.status <> 'in_progress' "
        "BEGIN SELECT RAISE(ABORT, 'a closed assessment cannot be deleted'); END",
    # A closed capture file is evidence; a gap's end is filled in once; nothing after sealing (0002).
    "capture_files_append_only_update":
        "CREATE TRIGGER capture_files_append_only_update BEFORE UPDATE ON capture_files "
        "BEGIN SELECT RAISE(ABORT, 'capture files are append-only'); END",
    "capture_files_append_only_delete":
        "CREATE TRIGGER capture_files_append_only_delete BEFORE DELETE ON capture_files "
        "BEGIN SELECT RAISE(ABORT, 'capture files are append-only'); END",
    "capture_files_sealed":
        "CREATE TRIGGER capture_files_sealed BEFORE INSERT ON capture_files "
        "WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) IN ('sealed', 'synced') "
        "BEGIN SELECT RAISE(ABORT, 'the assessment is sealed'); END",
    "capture_gaps_end_once":
        "CREATE TRIGGER capture_gaps_end_once BEFORE UPDATE ON capture_gaps "
        "WHEN OLD.t_end_us IS NOT NULL OR NEW.t_start_us <> OLD.t_start_us OR NEW.device <> OLD.device"
        " OR NEW.reason <> OLD.reason OR NEW.assessment_id <> OLD.assessment_id "
        "BEGIN SELECT RAISE(ABORT, 'a closed capture gap cannot change'); END",
    "capture_gaps_no_delete":
        "CREATE TRIGGER capture_gaps_no_delete BEFORE DELETE ON capture_gaps "
        "BEGIN SELECT RAISE(ABORT, 'capture gaps are append-only'); END",
    "capture_gaps_sealed":
        "CREATE TRIGGER capture_gaps_sealed BEFORE INSERT ON capture_gaps "
        "WHEN (SELECT status FROM assessments WHERE id = NEW.assessment_id) IN ('sealed', 'synced') "
        "BEGIN SELECT RAISE(ABORT, 'the assessment is sealed'); END",
    # An identity's salt never changes; the identity is sealed with the assessment (0004).
    "identities_salt_fixed":
        "CREATE TRIGGER identities_salt_fixed BEFORE UPDATE ON identities "
        "WHEN NEW.salt <> OLD.salt OR NEW.assessment_id <> OLD.assessment_id "
        "BEGIN SELECT RAISE(ABORT, 'an identity''s salt and assessment cannot change'); END",
    "identities_sealed_update":
        "CREATE TRIGGER identities_sealed_update BEFORE UPDATE ON identities "
        f"WHEN {_SEALED.format(row='OLD')} "
        "BEGIN SELECT RAISE(ABORT, 'the assessment is sealed: its identity cannot change'); END",
    "identities_sealed_delete":
        "CREATE TRIGGER identities_sealed_delete BEFORE DELETE ON identities "
        f"WHEN {_SEALED.format(row='OLD')} "
        "BEGIN SELECT RAISE(ABORT, 'the assessment is sealed: its identity cannot change'); END",
    "identities_sealed_insert":
        "CREATE TRIGGER identities_sealed_insert BEFORE INSERT ON identities "
        f"WHEN {_SEALED.format(row='NEW')} "
        "BEGIN SELECT RAISE(ABORT, 'the assessment is sealed: its identity cannot change'); END",
}

#: Alembic's own bookkeeping table, exactly as Alembic creates it on SQLite.
ALEMBIC_VERSION_TABLE = (
    "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, "
    "CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))"
)


def create_schema(conn: Connection) -> None:
    """Make the current schema on an empty database inside the caller's transaction, stamped at
    :data:`SCHEMA_REVISION` (so Alembic takes over from there for later upgrades)."""
    Base.metadata.create_all(conn, checkfirst=False)
    for statement in TRIGGERS.values():
        conn.exec_driver_sql(statement)
    conn.exec_driver_sql(ALEMBIC_VERSION_TABLE)
    conn.exec_driver_sql("INSERT INTO alembic_version (version_num) VALUES (?)", (SCHEMA_REVISION,))
