"""The provider on PostgreSQL as on SQLite: the same revisions build the models' schema, a workstation
enrolls and delivers a sealed bundle over the real HTTP service and gets its receipt, the console lists
and shows real assessments and issues a credential; imports side by side each store their bundle once
(the writers' locks: test_postgresql_writers.py); the database is named by --database-url or
ASSESSOR_DATABASE_URL, and a bad one is one sentence that names it without its password.

The PostgreSQL server is a throwaway one on loopback (postgres_support.py), a fresh database per test.
"""

from __future__ import annotations

import logging
import re
import shutil
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from console_support import client_for, csrf_token, make_service
from credential_console_support import HeldSet, ready, shared_held_set
from postgres_support import PASSWORD, PostgresCluster, copy_into_postgresql
from sqlalchemy import BigInteger, func, insert, inspect, select, text
from sync_support import enroll

from assessor_app.cli import main
from assessor_app.credentials import vc_jwt
from assessor_app.provider.credentials.issuer_key import public_keys
from assessor_app.provider.credentials.models import CredentialRow
from assessor_app.provider.database import make_engine
from assessor_app.provider.models import (
    SCHEMA_REVISION,
    AssessmentIndexRow,
    AssessmentVehicle,
    ProviderBase,
    ReceivedBundle,
    Workshop,
)
from assessor_app.provider.schema import VERSION_TABLE, current_revision, migrate
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig, ProviderStore
from assessor_app.sync.receipts import verify_receipt
from assessor_app.sync.upload import TusUploader


def _url(database_url: str | None, tmp_path: Path) -> str:
    return database_url or f"sqlite:///{tmp_path / 'provider.db'}"


# ---------------------------------------------------------------- the schema
def test_the_revisions_build_the_models_schema_with_64_bit_times(database_url: str | None, tmp_path: Path):
    engine = make_engine(_url(database_url, tmp_path))
    try:
        assert migrate(engine) is None
        assert current_revision(engine) == SCHEMA_REVISION
        with engine.connect() as conn:
            options = {"compare_type": True, "version_table": VERSION_TABLE}
            context = MigrationContext.configure(conn, opts=options)
            assert compare_metadata(context, ProviderBase.metadata) == []
            inspector = inspect(conn)
            times = {(t, c["name"]): c["type"] for t in inspector.get_table_names()
                     for c in inspector.get_columns(t) if c["name"].endswith("_us")}
        assert len(times) > 40 and all(isinstance(kind, BigInteger) for kind in times.values()), times
        late = 2**62 + 1  # microseconds far past 2038 and past 32 bits: kept exactly
        with engine.begin() as conn:
            conn.execute(insert(Workshop).values(id="ws-1", name="W", country="FI", address="",
                                                 created_us=late))
        with engine.connect() as conn:
            assert conn.execute(select(Workshop.created_us)).scalar_one() == late
        assert migrate(engine) == SCHEMA_REVISION  # nothing to do the second time
    finally:
        engine.dispose()


def test_the_comparison_on_postgresql_notices_a_difference(postgres_url: str):
    engine = make_engine(postgres_url)
    try:
        migrate(engine)
        with engine.begin() as conn:
            conn.execute(text("ALTER TABLE devices ALTER COLUMN enrolled_us TYPE integer"))
            conn.execute(text("ALTER TABLE bundles ADD COLUMN extra text"))
        with engine.connect() as conn:
            found = compare_metadata(MigrationContext.configure(conn, opts={
                "compare_type": True, "version_table": VERSION_TABLE}), ProviderBase.metadata)
        kinds = {d[0] if isinstance(d, tuple) else d[0][0] for d in found}
        assert {"remove_column", "modify_type"} <= kinds
    finally:
        engine.dispose()


def test_workers_starting_at_once_on_a_new_database_build_it_once(postgres_url: str, tmp_path: Path):
    start = threading.Barrier(3)

    def opened(i: int) -> str | None:
        start.wait()
        store = ProviderStore(ProviderConfig(tmp_path / f"worker-{i}", database_url=postgres_url))
        try:
            return current_revision(store.engine)
        finally:
            store.close()

    with ThreadPoolExecutor(3) as pool:
        assert list(pool.map(opened, range(3))) == [SCHEMA_REVISION] * 3
    engine = make_engine(postgres_url)
    with engine.connect() as conn:
        assert conn.execute(text(f"SELECT count(*) FROM {VERSION_TABLE}")).scalar_one() == 1
    engine.dispose()


# ---------------------------------------------------------------- a workstation delivers
@pytest.fixture
def served(database_url: str | None, tmp_path: Path) -> Iterator[ProviderServer]:
    """The real HTTP service on loopback, its database SQLite in its folder or PostgreSQL."""
    server = ProviderServer(config=ProviderConfig(tmp_path / "provider", database_url=database_url)).start()
    yield server
    server.close()


def test_enrollment_token_upload_import_and_receipt(served: ProviderServer, tmp_path: Path):
    ws = enroll(served, tmp_path / "workstation")
    try:
        sealed = ws.bundle(extra_bytes=120_000)
        uploader = TusUploader(ws.client, chunk_size=50_000)  # several PATCHes, each a confirmed offset
        result = uploader.upload(sealed.archive, bundle_id=sealed.bundle_id,
                                 manifest_sha256=sealed.manifest_sha256)
        statement = verify_receipt(result["receipt"], served.service.store.key.public_pem(),
                                   bundle_id=sealed.bundle_id, manifest_sha256=sealed.manifest_sha256)
        assert result["status"] == "imported" and statement["device_key_id"] == ws.key.fingerprint
        held = served.service.importer.held(sealed.bundle_id, ws.key.fingerprint)
        assert held is not None and held.manifest_sha256 == sealed.manifest_sha256
        again = TusUploader(ws.client)
        assert again.upload(sealed.archive, bundle_id=sealed.bundle_id,
                            manifest_sha256=sealed.manifest_sha256)["receipt"] == result["receipt"]
        assert again.stats.sent == 0 and ws.client.receipt(sealed.bundle_id)["receipt"] == result["receipt"]
    finally:
        ws.client.close()


def test_imports_side_by_side_are_each_stored_once(served: ProviderServer, tmp_path: Path):
    """Workstations delivering at once (the same vehicle, new to the index, in every bundle)."""
    stations = [enroll(served, tmp_path / f"ws-{i}") for i in range(4)]
    try:
        sealed = [ws.bundle() for ws in stations]
        start = threading.Barrier(len(stations))

        def deliver(i: int) -> str:
            start.wait()
            return str(TusUploader(stations[i].client).upload(
                sealed[i].archive, bundle_id=sealed[i].bundle_id,
                manifest_sha256=sealed[i].manifest_sha256)["status"])

        with ThreadPoolExecutor(len(stations)) as pool:
            assert list(pool.map(deliver, range(len(stations)))) == ["imported"] * len(stations)
        with served.service.store.engine.connect() as conn:
            held = conn.execute(select(func.count()).select_from(ReceivedBundle)).scalar_one()
            assert held == len(stations)
            assert len(conn.execute(select(AssessmentVehicle.vehicle)).all()) == 1
    finally:
        for ws in stations:
            ws.client.close()


# ---------------------------------------------------------------- the console and credentials
@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory) -> HeldSet:
    return shared_held_set(tmp_path_factory)


@pytest.fixture
def on_postgresql(held: HeldSet, tmp_path: Path, postgres_url: str) -> Iterator[ProviderService]:
    """The held set's provider (real demo assessments), served from PostgreSQL."""
    folder = tmp_path / "provider"
    shutil.copytree(held.folder, folder)
    copy_into_postgresql(folder, postgres_url)
    service = make_service(folder, database_url=postgres_url)
    ready(service)
    yield service
    service.close()


def test_the_console_lists_shows_and_issues_on_postgresql(on_postgresql: ProviderService, held: HeldSet):
    assert not (on_postgresql.store.config.folder / "provider.db").exists()
    coordinator = client_for(on_postgresql, "coordinator")
    listing = coordinator.get("/console/assessments")
    assert listing.status_code == 200
    assert all(bundle in listing.text for _device, bundle in held.keys.values())
    with on_postgresql.store.engine.connect() as conn:
        vehicle = conn.execute(select(AssessmentIndexRow.vehicle).where(
            AssessmentIndexRow.bundle_id == held.keys["passed"][1])).scalar_one()
    assert vehicle.swapcase() != vehicle  # a vehicle's words in other letter case find it (ILIKE)
    searched = coordinator.get("/console/assessments", params={"q": vehicle[1:-1].swapcase()})
    assert searched.status_code == 200 and held.keys["passed"][1] in searched.text
    elsewhere = coordinator.get("/console/assessments", params={"q": "zz-no-such-zz"})
    assert held.keys["passed"][1] not in elsewhere.text
    page = coordinator.get(held.url("passed"))
    assert page.status_code == 200 and 'id="issue-credential"' in page.text
    answer = coordinator.post(f"{held.url('passed')}/credential", data={"csrf_token": csrf_token(page)})
    assert answer.status_code == 303, answer.text
    location = answer.headers["location"]
    ident = re.fullmatch(r"/console/credentials/([0-9a-f-]{36})\?issued=1", location).group(1)
    shown = coordinator.get(answer.headers["location"])
    assert shown.status_code == 200 and 'data-status="valid"' in shown.text
    with on_postgresql.store.engine.connect() as conn:
        row = conn.execute(select(CredentialRow).where(CredentialRow.id == ident)).one()
    assert (row.status_list, row.status_index) == (1, 0)
    jwks = vc_jwt.issuer_jwks(public_keys(on_postgresql.store.config.folder / "keys"))
    assert vc_jwt.verify_jwt(row.ob3_jwt, jwks).credential["id"] == f"urn:uuid:{ident}"


# ---------------------------------------------------------------- configuration
def _list(*argv: str) -> int:
    return main(["provider", "list", *argv])


def test_the_database_comes_from_the_flag_else_the_variable(postgres_cluster: PostgresCluster, tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]):
    by_variable, by_flag = postgres_cluster.new_database(), postgres_cluster.new_database()
    monkeypatch.setenv("ASSESSOR_DATABASE_URL", by_variable)
    assert _list("--folder", str(tmp_path / "a")) == 0
    assert _list("--folder", str(tmp_path / "b"), "--database-url", by_flag) == 0
    for url in (by_variable, by_flag):
        engine = make_engine(url)
        assert current_revision(engine) == SCHEMA_REVISION
        engine.dispose()
    assert not (tmp_path / "a" / "provider.db").exists() and not (tmp_path / "b" / "provider.db").exists()
    monkeypatch.setenv("ASSESSOR_DATABASE_URL", "")
    assert _list("--folder", str(tmp_path / "c")) == 0
    assert (tmp_path / "c" / "provider.db").is_file()  # the embedded default
    assert PASSWORD not in capsys.readouterr().out


@pytest.mark.parametrize("mistake", ["password", "database", "server", "scheme", "unreadable"])
def test_a_database_that_cannot_be_opened_is_one_sentence_without_the_password(
        mistake: str, postgres_cluster: PostgresCluster, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    good = postgres_cluster.url("postgres")
    url, expected = {
        "password": (postgres_cluster.url("postgres", password="not-" + PASSWORD), "refused the user"),
        "database": (postgres_cluster.url("no_such_db"), "has no database no_such_db: create it first"),
        "server": (good.replace(f":{postgres_cluster.port}/", ":1/"), "cannot be reached"),
        "scheme": (good.replace("postgresql+psycopg", "mysql"), "runs on SQLite or PostgreSQL"),
        "unreadable": (f"postgresql+psycopg://u:{PASSWORD}@host:port/db", "cannot be read"),
    }[mistake]
    assert _list("--folder", str(tmp_path / "p"), "--database-url", url) == 1
    said = capsys.readouterr()
    assert expected in said.err and said.err.count("\n") == 1, said.err
    assert PASSWORD not in said.err + said.out and "Traceback" not in said.err
    if mistake != "unreadable":
        assert f"127.0.0.1:{'1' if mistake == 'server' else postgres_cluster.port}" in said.err



def test_a_database_ordering_text_by_a_language_is_named_in_the_log(postgres_cluster: PostgresCluster,
                                                                   tmp_path: Path,
                                                                   caplog: pytest.LogCaptureFixture):
    postgres_cluster.admin("CREATE DATABASE by_language TEMPLATE template0 LOCALE_PROVIDER icu "
                           "ICU_LOCALE 'fi' LOCALE 'C.UTF-8'")
    plain = postgres_cluster.new_database()  # the cluster's C.UTF-8
    with caplog.at_level(logging.WARNING, logger="assessor_app.provider.store"):
        for name, url in (("language", postgres_cluster.url("by_language")), ("plain", plain)):
            ProviderStore(ProviderConfig(tmp_path / name, database_url=url)).close()
    notes = [r.getMessage() for r in caplog.records if "collation" in r.getMessage()]
    assert len(notes) == 1 and "(ICU)" in notes[0] and "--locale C.UTF-8" in notes[0]


def test_the_scaled_setup_postgresql_and_an_object_store_deliver_a_bundle(
        postgres_url: str, tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch):
    """Both engines of a provider at scale at once: rows in PostgreSQL, the bundle in a SeaweedFS bucket."""
    store = request.getfixturevalue("seaweed")
    store.environ(monkeypatch)
    config = ProviderConfig(tmp_path / "provider", database_url=postgres_url,
                            object_store=f"s3://{store.bucket}", s3_endpoint=store.endpoint)
    with ProviderServer(config=config) as served:
        ws = enroll(served, tmp_path / "workstation")
        try:
            sealed = ws.bundle(extra_bytes=50_000)
            result = TusUploader(ws.client).upload(sealed.archive, bundle_id=sealed.bundle_id,
                                                   manifest_sha256=sealed.manifest_sha256)
            assert result["status"] == "imported"
            verify_receipt(result["receipt"], served.service.store.key.public_pem(),
                           bundle_id=sealed.bundle_id, manifest_sha256=sealed.manifest_sha256)
            objects = served.service.store.objects
            prefix = served.service.store.bundle_key(ws.key.fingerprint, sealed.bundle_id)
            keys = [key for key, _size in objects.keys(prefix)]
            assert objects.remote and any(key.endswith("manifest-sha256.txt") for key in keys)
        finally:
            ws.client.close()
    assert not (tmp_path / "provider" / "provider.db").exists()
    engine = make_engine(postgres_url)
    with engine.connect() as conn:
        assert conn.execute(select(ReceivedBundle.bundle_id)).scalars().all() == [sealed.bundle_id]
    engine.dispose()
