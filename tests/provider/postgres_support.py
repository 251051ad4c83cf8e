"""A throwaway PostgreSQL server on loopback for the tests, from Debian's binaries (``postgresql``).

One cluster per test session (initdb into a temporary folder, a free port, no fsync: nothing in it
outlives the run), one fresh database per test. initdb refuses to run as root: as root the cluster
belongs to the ``postgres`` system user (the Debian package makes it) and its programs run through
``runuser``. The superuser has a password (SCRAM), so a wrong one is refused as it would be in
production. Without the binaries the tests that need the server are skipped, except in CI (CI=true),
where they must run: there the fixture fails.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import secrets
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

PASSWORD = "pw-" + secrets.token_hex(8)
SUPERUSER = "assessor_test"


def _binaries() -> Path | None:
    """The newest installed PostgreSQL's bin folder (``ASSESSOR_PG_BIN`` overrides)."""
    if os.environ.get("ASSESSOR_PG_BIN"):
        return Path(os.environ["ASSESSOR_PG_BIN"])
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda p: int(Path(p).parts[-3]))
    return Path(found[-1]).parent if found else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PostgresCluster:
    """A running cluster: ``new_database()`` gives the URL of an empty database of its own."""

    def __init__(self, bin_dir: Path):
        self.bin_dir = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix="assessor-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self._names = itertools.count(1)
        self._owner: str | None = None
        if os.geteuid() == 0:  # initdb: "cannot be run as root"
            self._owner = "postgres"
            try:
                pw = pwd.getpwnam(self._owner)
            except KeyError:
                shutil.rmtree(self.root, ignore_errors=True)
                raise RuntimeError("running as root, but there is no 'postgres' user to own the test "
                                   "cluster (Debian's postgresql package makes it)") from None
            os.chmod(self.root, 0o700)
            os.chown(self.root, pw.pw_uid, pw.pw_gid)

    def _run(self, *argv: str) -> None:
        command = [str(self.bin_dir / argv[0]), *argv[1:]]
        if self._owner is not None:
            command = ["runuser", "-u", self._owner, "--", *command]
        result = subprocess.run(command, capture_output=True, text=True, timeout=120, cwd=self.root)
        if result.returncode != 0:
            raise RuntimeError(f"{argv[0]} failed ({result.returncode}): {result.stderr.strip()[-2000:]}")

    def start(self) -> PostgresCluster:
        pwfile = self.root / "pw"
        pwfile.write_text(PASSWORD + "\n")
        if self._owner is not None:
            pw = pwd.getpwnam(self._owner)
            os.chown(pwfile, pw.pw_uid, pw.pw_gid)
        self._run("initdb", "-D", str(self.data), "-U", SUPERUSER, f"--pwfile={pwfile}",
                  "--auth=scram-sha-256", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        pwfile.unlink()
        # loopback TCP only (no socket file in a system folder); nothing here needs to survive a crash
        options = (f"-c listen_addresses=127.0.0.1 -c port={self.port} -c unix_socket_directories='' "
                   "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200")
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.root / "server.log"), "-w", "-t", "60",
                  "-o", options, "start")
        return self

    def stop(self) -> None:
        try:
            self._run("pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)

    def url(self, database: str, *, password: str = PASSWORD, user: str = SUPERUSER) -> str:
        return f"postgresql+psycopg://{user}:{password}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """One statement outside a transaction (CREATE / DROP DATABASE), as the superuser."""
        import psycopg

        with psycopg.connect(host="127.0.0.1", port=self.port, user=SUPERUSER, password=PASSWORD,
                             dbname="postgres", autocommit=True) as conn:
            conn.execute(sql)  # type: ignore[arg-type]

    def new_database(self) -> str:
        """An empty database (a copy of template1) and its URL."""
        name = f"provider_{next(self._names)}"
        self.admin(f"CREATE DATABASE {name}")
        return self.url(name)


def _unavailable(reason: str) -> None:
    if os.environ.get("CI") == "true":
        pytest.fail(f"the PostgreSQL tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def postgres_cluster() -> Iterator[PostgresCluster]:
    """One PostgreSQL server for the session, started on first use."""
    bin_dir = _binaries()
    if bin_dir is None or not (bin_dir / "pg_ctl").is_file():
        _unavailable("no PostgreSQL server binaries (/usr/lib/postgresql/*/bin; apt install postgresql, "
                     "as .ci/run does)")
    try:
        import psycopg  # noqa: F401
    except ImportError:
        _unavailable("the psycopg driver is not installed (pip install -e '.[test]')")
    try:
        cluster = PostgresCluster(bin_dir)  # type: ignore[arg-type]
    except RuntimeError as exc:
        _unavailable(str(exc))
    try:
        cluster.start()
    except (RuntimeError, OSError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(cluster.root, ignore_errors=True)
        pytest.fail(f"the test PostgreSQL server did not start: {exc}")
    yield cluster
    cluster.stop()


@pytest.fixture
def postgres_url(postgres_cluster: PostgresCluster) -> str:
    """The URL of a fresh, empty PostgreSQL database for this test."""
    return postgres_cluster.new_database()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest) -> str | None:
    """Each engine in turn: None is the embedded default (SQLite in the provider's folder)."""
    if request.param == "sqlite":
        return None
    return str(request.getfixturevalue("postgres_url"))


def copy_into_postgresql(folder: Path, url: str) -> None:
    """Every row of the provider's SQLite database in ``folder`` copied into the (empty) PostgreSQL
    database ``url``, its schema made by the provider's own revisions: a provider recorded once on
    SQLite, served from PostgreSQL (the database half of ``assessor provider move``). The SQLite
    file is renamed aside, so nothing can read it by mistake."""
    import datetime as dt

    from assessor_app.provider.database import make_engine
    from assessor_app.provider.move_rows import SourceDatabase, check_target, copy_rows

    source = SourceDatabase(folder)
    target = make_engine(url)
    try:
        source.check_revision()
        check_target(target, url)
        copy_rows(source, target, url, source.counts())
        source.set_aside(dt.datetime.now())
    finally:
        source.close()
        target.dispose()


def advisory_locks(url: str, *, name: str | None = None, granted: bool = True) -> int:
    """How many advisory locks of this database (of the lock ``name``, if given) are held, or with
    ``granted=False`` waited for: read from ``pg_locks``, taking none (trying a lock would hold it
    for a moment, and could be the reason another is refused)."""
    from sqlalchemy import text

    from assessor_app.provider.database import lock_key, make_engine

    query = ("SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND granted = :granted "
             "AND database = (SELECT oid FROM pg_database WHERE datname = current_database())")
    params: dict[str, object] = {"granted": granted}
    if name is not None:  # a bigint key shows as its high half in classid, its low half in objid
        key = lock_key(name) & 0xFFFF_FFFF_FFFF_FFFF
        query += " AND classid = :high AND objid = :low AND objsubid = 1"
        params |= {"high": key >> 32, "low": key & 0xFFFF_FFFF}
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(query), params).scalar_one())
    finally:
        engine.dispose()
