"""The provider's schema comes from its Alembic revisions, equals the models, and upgrades a
database of the first release (with or without a version table) without losing a row."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from assessor_app.provider.models import SCHEMA_REVISION, ProviderBase
from assessor_app.provider.schema import VERSION_TABLE, _alembic_config, current_revision, migrate
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig

KEY = "ab" * 32


def _first_release(db: Path, *, version_table: bool) -> None:
    """A provider database as the first release left it: a device, a bundle, a spent code."""
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        command.upgrade(_alembic_config(conn), "p0001")  # type: ignore[arg-type]
        conn.commit()
    engine.dispose()
    con = sqlite3.connect(db)
    with con:
        con.execute("INSERT INTO devices VALUES (?, 'PEM', 'ws-old', 'Old Garage', 1, NULL, NULL)", (KEY,))
        con.execute("INSERT INTO enrollment_codes VALUES ('c' , 'old', 1, 2, 1, ?)", (KEY,))
        con.execute("INSERT INTO bundles VALUES ('b-1', ?, ?, 'ws-old', 'b-1', 'competent', 10, ?, 'upload',"
                    " 5, '{}')", ("1" * 64, KEY, str(db.parent / "bundles" / "b-1")))
        if not version_table:
            con.execute(f"DROP TABLE {VERSION_TABLE}")
    con.close()


def test_a_new_database_is_built_by_the_revisions_and_equals_the_models(tmp_path: Path):
    engine = create_engine(f"sqlite:///{tmp_path / 'p.db'}")
    assert migrate(engine) is None
    assert current_revision(engine) == SCHEMA_REVISION
    with engine.connect() as conn:
        options = {"compare_type": True, "version_table": VERSION_TABLE}
        differences = compare_metadata(MigrationContext.configure(conn, opts=options),
                                       ProviderBase.metadata)
    assert differences == []
    assert migrate(engine) == SCHEMA_REVISION  # nothing to do the second time
    engine.dispose()


def _check_upgraded(folder: Path) -> None:
    (folder / "bundles" / "b-1").mkdir(parents=True)
    service = ProviderService(ProviderConfig(folder))
    try:
        workshop = service.directory.workshop("ws-old")
        assert (workshop.name, workshop.country, workshop.address) == ("Old Garage", "", "")
        assert service.registry.device(KEY).workshop_id == "ws-old"
        held = service.importer.held("b-1", KEY)
        assert held is not None and held.outcome == "competent" and held.assessor_id is None
        assert (folder / "bundles" / "b-1").is_dir()  # its stored path is kept, not set aside
        assert current_revision(service.store.engine) == SCHEMA_REVISION
    finally:
        service.close()
    backups = list((folder / "backups").glob("provider-p0001-*.db"))
    assert len(backups) == 1
    old = sqlite3.connect(backups[0]).execute("SELECT workshop_name FROM devices").fetchone()
    assert old == ("Old Garage",)


def test_a_first_release_database_is_upgraded_with_a_backup(tmp_path: Path):
    _first_release(tmp_path / "provider.db", version_table=True)
    _check_upgraded(tmp_path)


def test_a_database_from_before_migrations_is_stamped_then_upgraded(tmp_path: Path):
    _first_release(tmp_path / "provider.db", version_table=False)
    _check_upgraded(tmp_path)


def test_a_code_of_the_first_release_no_longer_enrolls(tmp_path: Path):
    _first_release(tmp_path / "provider.db", version_table=True)
    con = sqlite3.connect(tmp_path / "provider.db")
    with con:
        import hashlib

        digest = hashlib.sha256(b"OLDCODE0000000000000").hexdigest()
        con.execute("INSERT INTO enrollment_codes VALUES (?, 'old', 1, 99999999999999999, NULL, NULL)",
                    (digest,))
    con.close()
    service = ProviderService(ProviderConfig(tmp_path))
    try:
        from sync_support import workstation_key

        from assessor_app.provider.registry import enroll_message
        from assessor_app.provider.store import Refused

        key = workstation_key(tmp_path / "ws")
        code = "OLDCO-DE000-00000-00000"
        try:
            signature = key.signer.sign(enroll_message(code, key.fingerprint)).signature
            service.registry.enroll(code=code, public_pem=key.public_pem(), signature=signature)
        except Refused as exc:
            assert exc.status == 403 and "issued before codes named their workshop" in str(exc)
        else:
            raise AssertionError("an old code enrolled a device")
    finally:
        service.close()
