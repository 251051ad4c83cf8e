"""``assessor provider move``: a provider that began on SQLite and its folder moves onto PostgreSQL and
an S3 bucket (a throwaway PostgreSQL server and a real SeaweedFS on loopback), and serves from there
as it did: the same assessments, the bundles' files with their sealed hashes, its receipts and
credentials verifying, ids going on past the copied ones. An interrupted move runs again from where
it stopped; a dry run writes nothing; a running provider, a target that is not empty, a database at
an older schema, an unreachable server and a refused key are each refused in one sentence."""

from __future__ import annotations

import hashlib
import json
import re
import secrets
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from console_support import TEST_CONFIG, client_for, csrf_token, make_service
from credential_console_support import HeldSet, ready, shared_held_set
from postgres_support import PASSWORD
from seaweed_support import Seaweed
from sqlalchemy import func, insert, select

from assessor_app.cli import main
from assessor_app.credentials import vc_jwt
from assessor_app.provider import object_messages as om
from assessor_app.provider.console.models import AuditEntry
from assessor_app.provider.credentials.issuer_key import public_keys
from assessor_app.provider.credentials.models import CredentialRow
from assessor_app.provider.database import make_engine
from assessor_app.provider.models import Derivative, ReceivedBundle, Workshop
from assessor_app.provider.objects import ObjectStoreUnavailable, S3Store
from assessor_app.provider.schema import current_revision, migrate
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig, ProviderStore
from assessor_app.sync.receipts import verify_receipt

PROXY = "derivatives/web-proxy/ab/" + "ab" * 32 + "-0123456789ab.webm"


@pytest.fixture(scope="module")
def held(tmp_path_factory: pytest.TempPathFactory) -> HeldSet:
    return shared_held_set(tmp_path_factory)


@pytest.fixture
def bucket(seaweed: Seaweed, monkeypatch: pytest.MonkeyPatch) -> str:
    """A bucket of this test's own, and the keys in the environment."""
    seaweed.environ(monkeypatch)
    name = f"move-{secrets.token_hex(6)}"
    seaweed.client().create_bucket(Bucket=name)  # type: ignore[attr-defined]
    return name


def _move(folder: Path, url: str, *more: str) -> int:
    return main(["provider", "move", "--folder", str(folder), "--to-database-url", url, "--language", "en",
                 *more])


def _to_s3(seaweed: Seaweed, bucket: str) -> list[str]:
    return ["--to-object-store", f"s3://{bucket}", "--s3-endpoint", seaweed.endpoint]


def _bucket_keys(seaweed: Seaweed, bucket: str) -> dict[str, int]:
    pages = seaweed.client().get_paginator("list_objects_v2").paginate(Bucket=bucket)  # type: ignore[attr-defined]
    return {o["Key"]: o["Size"] for page in pages for o in page.get("Contents", ())}


def _copied(held: HeldSet, where: Path) -> Path:
    folder = where / "provider"
    shutil.copytree(held.folder, folder)
    return folder


def _rows(path: Path, table: str) -> int:
    db = sqlite3.connect(path)
    try:
        return int(db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        db.close()


def _sealed(root: Path) -> dict[str, str]:
    found = {}
    for manifest in ("manifest-sha256.txt", "tagmanifest-sha256.txt"):
        for line in (root / manifest).read_text().splitlines():
            digest, _, name = line.partition("  ")
            found[name] = digest
    return found


def test_a_provider_moves_onto_postgresql_and_s3_and_serves_from_there(
        held: HeldSet, tmp_path: Path, postgres_url: str, seaweed: Seaweed, bucket: str,
        monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]):
    folder = _copied(held, tmp_path)
    service = make_service(folder)  # console users, an awarding body, a credential, a web proxy
    ready(service)
    coordinator = client_for(service, "coordinator")
    listed_before = coordinator.get("/console/assessments").text
    page = coordinator.get(held.url("passed"))
    issued = coordinator.post(f"{held.url('passed')}/credential", data={"csrf_token": csrf_token(page)})
    assert issued.status_code == 303, issued.text
    credential = re.search(r"/console/credentials/([0-9a-f-]{36})", issued.headers["location"]).group(1)
    (folder / PROXY).parent.mkdir(parents=True)
    proxy = b"\x1aE\xdf\xa3 a web proxy"
    (folder / PROXY).write_bytes(proxy)
    with service.store.writer.begin() as conn:
        device, bundle = held.keys["passed"]
        conn.execute(insert(Derivative).values(
            source_sha256="ab" * 32, kind="web-proxy", settings="0123456789ab" * 2, bundle_id=bundle,
            device=device, source_name="data/captures/video/x.webm", status="done", path=PROXY,
            sha256=hashlib.sha256(proxy).hexdigest(), size=len(proxy), error=None,
            created_us=1, updated_us=1))

    # while the provider runs, it is not moved
    assert _move(folder, postgres_url, *_to_s3(seaweed, bucket)) == 1
    assert "is open in another process" in capsys.readouterr().err
    service.close()

    # interrupted after three puts: nothing written to the database, the SQLite file as it was
    real_put, puts, turn = S3Store.put_file, [], threading.Lock()

    def failing_put(self: S3Store, key: str, path: Path) -> None:
        with turn:  # puts go up side by side: the first three get through
            if len(puts) >= 3:
                raise ObjectStoreUnavailable(om.UNREACHABLE(endpoint=seaweed.endpoint, bucket=bucket,
                                                            detail="connection reset"))
            puts.append(key)
        real_put(self, key, path)

    monkeypatch.setattr(S3Store, "put_file", failing_put)
    assert _move(folder, postgres_url, *_to_s3(seaweed, bucket)) == 1
    err = capsys.readouterr().err
    assert "cannot be reached" in err and "3 objects are in the bucket so far" in err
    assert "Traceback" not in err
    assert (folder / "provider.db").is_file()
    assert current_revision(make_engine(postgres_url)) is None
    assert len(_bucket_keys(seaweed, bucket)) == 3
    monkeypatch.setattr(S3Store, "put_file", real_put)

    # run again: what is there is skipped, the rest put, the rows copied, the SQLite file set aside
    assert _move(folder, postgres_url, *_to_s3(seaweed, bucket)) == 0
    out = capsys.readouterr().out
    assert "3 objects (" in out and "were there already with the right size" in out
    assert re.search(r"  bundles: 4 rows", out) and "  credentials: 1 row\n" in out
    assert PASSWORD not in out
    serve = out.strip().splitlines()[-1].strip()
    assert serve.startswith(f"assessor provider serve --folder {folder} --database-url "
                            "'postgresql+psycopg://assessor_test:***@127.0.0.1:")
    assert serve.endswith(f"--object-store s3://{bucket} --s3-endpoint {seaweed.endpoint}")
    assert "keys/ stays in the folder" in out
    assert not (folder / "provider.db").exists()
    kept = list(folder.glob("provider.db.moved-*"))
    assert len(kept) == 1 and _rows(kept[0], "bundles") == 4
    assert (folder / "keys").is_dir() and any((folder / "bundles").iterdir())  # nothing deleted
    assert _move(folder, postgres_url) == 1  # and not moved twice
    assert f"was moved already (it is kept as {kept[0]})" in capsys.readouterr().err

    in_bucket = _bucket_keys(seaweed, bucket)
    assert in_bucket[PROXY] == len(proxy)
    engine = make_engine(postgres_url)
    with engine.connect() as conn:
        copied_audit = conn.execute(select(func.max(AuditEntry.id))).scalar_one()
    engine.dispose()
    assert copied_audit is not None and copied_audit > 0

    moved = ProviderService(ProviderConfig(folder, **TEST_CONFIG, database_url=postgres_url,
                                           object_store=f"s3://{bucket}", s3_endpoint=seaweed.endpoint))
    try:
        coordinator = client_for(moved, "coordinator")  # signing in writes an audit row
        listed = coordinator.get("/console/assessments")
        assert listed.status_code == 200
        for _device, bundle_id in held.keys.values():
            assert bundle_id in listed_before and bundle_id in listed.text
        shown = coordinator.get(f"/console/credentials/{credential}")
        assert shown.status_code == 200 and 'data-status="valid"' in shown.text
        objects = moved.store.objects
        with moved.store.engine.connect() as conn:
            bundles = conn.execute(select(ReceivedBundle)).all()
            row = conn.execute(select(CredentialRow).where(CredentialRow.id == credential)).one()
            audit = conn.execute(select(func.max(AuditEntry.id))).scalar_one()
        assert audit > copied_audit  # the identity goes on after the copied ids
        jwks = vc_jwt.issuer_jwks(public_keys(folder / "keys"))
        assert vc_jwt.verify_jwt(row.ob3_jwt, jwks).credential["id"] == f"urn:uuid:{credential}"
        for held_row in bundles:
            verify_receipt(json.loads(held_row.receipt), moved.store.key.public_pem(),
                           bundle_id=held_row.bundle_id, manifest_sha256=held_row.manifest_sha256,
                           device_key_id=held_row.device)
            prefix = moved.store.bundle_key(held_row.device, held_row.bundle_id)
            read_back = {}
            for key, size in objects.keys(prefix):
                digest = hashlib.sha256()
                for chunk in objects.iter_range(key, 0, size - 1):
                    digest.update(chunk)
                read_back[key[len(prefix) + 1:]] = digest.hexdigest()
            root = moved.store.held_root(held_row)  # fetched into the read cache, checked when fetched
            assert root.is_relative_to(folder / "cache")
            assert _sealed(root).items() <= read_back.items()
    finally:
        moved.close()


def test_a_dry_run_writes_nothing(held: HeldSet, tmp_path: Path, postgres_url: str, seaweed: Seaweed,
                                  bucket: str, capsys: pytest.CaptureFixture[str]):
    folder = _copied(held, tmp_path)
    before = _rows(folder / "provider.db", "bundles")
    assert _move(folder, postgres_url, *_to_s3(seaweed, bucket), "--dry-run") == 0
    out = capsys.readouterr().out
    assert "Dry run, nothing is written" in out and f"would be put into s3://{bucket}" in out
    assert re.search(r"\d+ rows from \d+ tables would be copied into postgresql\+psycopg://", out)
    assert current_revision(make_engine(postgres_url)) is None
    assert _bucket_keys(seaweed, bucket) == {}
    assert _rows(folder / "provider.db", "bundles") == before and not list(folder.glob("*.moved-*"))


def _empty_provider(where: Path) -> Path:
    folder = where / "provider"
    ProviderStore(ProviderConfig(folder)).close()
    return folder


def test_a_target_that_holds_rows_is_refused_and_left_alone(tmp_path: Path, postgres_url: str,
                                                            capsys: pytest.CaptureFixture[str]):
    folder = _empty_provider(tmp_path)
    engine = make_engine(postgres_url)
    migrate(engine)
    with engine.begin() as conn:
        conn.execute(insert(Workshop).values(id="ws-1", name="Already here", country="FI", address="",
                                             created_us=1))
    assert _move(folder, postgres_url) == 1
    err = capsys.readouterr().err
    assert "already holds a provider's records (table workshops has rows)" in err and PASSWORD not in err
    assert (folder / "provider.db").is_file()
    with engine.connect() as conn:
        assert conn.execute(select(Workshop.name)).scalars().all() == ["Already here"]
    engine.dispose()


def test_a_database_at_an_older_schema_is_refused(tmp_path: Path, postgres_url: str,
                                                  capsys: pytest.CaptureFixture[str]):
    folder = _empty_provider(tmp_path)
    db = sqlite3.connect(folder / "provider.db")
    with db:
        db.execute("UPDATE provider_schema_version SET version_num = 'p0011_import_jobs'")
    db.close()  # an open connection would be taken for a running provider
    assert _move(folder, postgres_url) == 1
    err = capsys.readouterr().err
    assert "is at schema revision p0011_import_jobs" in err and "run the provider once" in err
    assert current_revision(make_engine(postgres_url)) is None and (folder / "provider.db").is_file()


@pytest.mark.parametrize("case", ["unreachable", "login refused", "no bucket", "keys refused"])
def test_what_cannot_be_reached_is_one_sentence(case: str, tmp_path: Path, postgres_url: str,
                                                seaweed: Seaweed, monkeypatch: pytest.MonkeyPatch,
                                                capsys: pytest.CaptureFixture[str]):
    folder = _empty_provider(tmp_path)
    seaweed.environ(monkeypatch)
    url, more = postgres_url, _to_s3(seaweed, seaweed.bucket)
    if case == "unreachable":
        url = re.sub(r":\d+/", ":1/", postgres_url)
    elif case == "login refused":
        url = postgres_url.replace(PASSWORD, "not-the-password")
    elif case == "no bucket":
        more = _to_s3(seaweed, "no-such-bucket")
    else:
        monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "not-the-secret")
    assert _move(folder, url, *more) == 1
    err = capsys.readouterr().err
    expected = {"unreachable": "cannot be reached", "login refused": "refused the user assessor_test",
                "no bucket": "the bucket no-such-bucket does not exist",
                "keys refused": "refused the provider's keys"}[case]
    assert expected in err and "Traceback" not in err
    assert PASSWORD not in err and "not-the-password" not in err
    assert len(err.strip().splitlines()) == 1
    assert (folder / "provider.db").is_file()


@pytest.mark.parametrize("case", ["sqlite target", "endpoint alone", "no database"])
def test_options_that_cannot_work_are_refused_before_anything_is_opened(case: str, tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str]):
    folder = tmp_path / "empty" if case == "no database" else _empty_provider(tmp_path)
    url, more = "postgresql+psycopg://assessor:secret@127.0.0.1:1/assessor", []
    if case == "sqlite target":
        url = f"sqlite:///{tmp_path / 'other.db'}"
    elif case == "endpoint alone":
        more = ["--s3-endpoint", "http://127.0.0.1:1"]
    assert _move(folder, url, *more) == 1
    err = capsys.readouterr().err
    expected = {"sqlite target": "--to-database-url must name a PostgreSQL database",
                "endpoint alone": "--s3-endpoint is given without --to-object-store",
                "no database": "there is no provider database in"}[case]
    assert expected in err and "secret" not in err and len(err.strip().splitlines()) == 1
    assert not (tmp_path / "other.db").exists()
