"""The provider's storage: its database (SQLite in its folder by default, or PostgreSQL), folders and key."""

from __future__ import annotations

import logging
import os
import re
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import func, select, update
from sqlalchemy.exc import SQLAlchemyError

from assessor_app.durable import private_data_folder, private_dir, private_file, tighten_tree
from assessor_app.errors import AssessorError
from assessor_app.evidence.folder import remove_tree
from assessor_app.evidence.keys import SigningKey, device_key
from assessor_app.i18n import Msg
from assessor_app.provider import object_messages as om
from assessor_app.provider.database import (
    CANNOT_OPEN,
    DatabaseUrlError,
    collation_note,
    is_postgresql,
    lock_key,
    make_engine,
    open_failure,
    safe_url,
)
from assessor_app.provider.folder_locks import STORE_LOCK, folder_lock, imports_lock
from assessor_app.provider.media.settings import FaceBlurSettings, ProxySettings
from assessor_app.provider.models import ReceivedBundle, Upload
from assessor_app.provider.object_cache import ReadCache
from assessor_app.provider.objects import FolderStore, ObjectStore, ObjectStoreUnavailable
from assessor_app.provider.schema import SchemaError, migrate

log = logging.getLogger(__name__)

GiB = 1024**3
#: What the provider keeps in its folder; a folder an earlier version left open to others has
#: these (recursively) made owner-only when the store is opened.
PROVIDER_FOLDER_ENTRIES = (
    "provider.db", "provider.db-wal", "provider.db-shm", "backups", "bundles", "cache", "derivatives",
    "imports.lock", "keys", "outgoing", "quarantine",
    "staging", "store.lock", "uploads", "provider.log",
)
DEVICE_FOLDER = re.compile(r"[0-9a-f]{64}")


class ProviderError(AssessorError):
    """The provider cannot do what was asked; the message says why."""


class Refused(ProviderError):
    """A request refused with an HTTP status and one sentence for the person who sent it.

    ``code`` is a stable word for programs (e.g. ``device_revoked``), where one helps them act. A
    refusal given as a message (``Msg``) keeps it in ``msg``, for the console to render in the page's
    language; its text is the English.
    """

    def __init__(self, status: int, message: str | Msg, code: str | None = None):
        super().__init__(str(message))
        self.status = status
        self.code = code
        self.msg: Msg | None = message if isinstance(message, Msg) else None


@dataclass(frozen=True)
class ProviderConfig:
    """Where the provider keeps things and what it accepts."""

    folder: Path
    database_url: str | None = None  # default: SQLite in ``folder``
    max_upload_bytes: int = 8 * GiB
    token_ttl_s: int = 600
    clock_window_s: int = 300  # signed token requests must be this fresh
    code_ttl_s: int = 7 * 24 * 3600
    #: who awards the credentials, and its country: workstations record it (EU micro-credentials, Annex I)
    awarding_body: str = ""
    awarding_country: str = ""
    # What one stranger can cost (README: "Limits"); the HTTP layer enforces these.
    max_request_head_bytes: int = 16 * 1024  # request line and headers together: beyond is 431/414
    max_request_headers: int = 64
    request_head_timeout_s: float = 20.0  # a request head not complete by then: 408, connection closed
    refusal_linger_s: float = 2.0  # after a 408/414/431 what the client still sends is read and dropped
    max_json_bytes: int = 64 * 1024
    json_body_timeout_s: float = 30.0
    auth_attempts_burst: int = 20  # enroll, token and assessor-bind attempts per client address;
    auth_attempts_per_minute: float = 20.0  # 0 burst turns the count off
    auth_tracked_addresses: int = 10_000
    #: addresses or networks of the TLS reverse proxies whose X-Forwarded-For/-Proto are believed
    trusted_proxies: tuple[str, ...] = ()
    upload_expiry_s: int = 7 * 24 * 3600  # an upload with no confirmed byte for this long is removed
    upload_cleanup_interval_s: float = 3600.0
    max_open_uploads_per_device: int = 20
    max_open_upload_bytes_per_device: int = 32 * GiB
    fault_retry_after_s: int = 60  # Retry-After when the provider's own disk or database fails
    #: who imports complete uploads: this process (IN_PROCESS) or `assessor provider worker`
    #: processes (EXTERNAL), taking jobs from the database; and how long a claim holds unrenewed
    import_workers: str = "in-process"
    import_lease_s: float = 60.0
    #: the console flags an assessor's qualification that expires within this many days
    qualification_warning_days: int = 60
    # the web console (README: "Console")
    console_idle_s: int = 30 * 60  # a console session unused this long ends
    console_absolute_s: int = 12 * 3600  # and every session ends this long after its sign-in
    console_login_burst: int = 10  # sign-in attempts per client address at once, then per minute;
    console_login_per_minute: float = 5.0  # 0 burst turns the count off
    console_account_failures: int = 5  # failed sign-ins in a row to one account name before a wait
    console_account_wait_s: int = 60  # the first wait; it doubles with each failure after, up to an hour
    # Argon2id cost of a console password (argon2-cffi's defaults, RFC 9106's low-memory choice)
    console_hash_time_cost: int = 3
    console_hash_memory_kib: int = 64 * 1024
    console_hash_parallelism: int = 4
    #: how browser-playable proxies of video segments are made (codec, size, rate, quality)
    video_proxy: ProxySettings = ProxySettings()
    #: how faces are found and blurred in the anonymised derivatives a moderator sees
    face_blur: FaceBlurSettings = FaceBlurSettings()
    #: the background derivation looks for work enqueued by other processes this often
    derive_poll_s: float = 60.0
    #: where held bundles and derived media live: "" for the provider folder, or ``s3://BUCKET``
    object_store: str = ""
    s3_endpoint: str | None = None  # default: AWS's own endpoint for the region
    s3_region: str | None = None  # default: AWS_REGION, else us-east-1
    #: the local copy of bundles fetched from an object store is kept below this many bytes
    object_cache_bytes: int = 20 * GiB
    #: where import workers import from an object store, uploads are received into it in parts of
    #: this size (S3's smallest is 5 MiB); a part is read into memory once while it goes up
    upload_part_bytes: int = 8 * 1024 * 1024


def now_us() -> int:
    return time.time_ns() // 1000


IN_PROCESS, EXTERNAL = "in-process", "external"


class ProviderStore:
    """Database, folders (bundles, uploads, quarantine, staging) and the provider's signing key."""

    def __init__(self, config: ProviderConfig, clock: Callable[[], int] = now_us):
        self.config = config
        self.clock = clock
        folder = config.folder
        self.folder = folder
        self.bundles_dir = folder / "bundles"
        self.uploads_dir = folder / "uploads"
        self.quarantine_dir = folder / "quarantine"
        self.staging_dir = folder / "staging"
        self.derivatives_dir = folder / "derivatives"  # web proxies and other derived media
        # a bundle imported but not yet in the object store is kept here until it is (S3 only)
        self.outgoing_dir = folder / "outgoing"
        self.objects = open_objects(config)
        self.cache = ReadCache(folder / "cache", self.objects, config.object_cache_bytes)
        database = folder / "provider.db"
        url = config.database_url or f"sqlite:///{database}"
        try:
            # candidate data: owner-only folders, and the database file made so before SQLite
            # opens it (its -wal and -shm files take its mode); an earlier version's is tightened
            private_data_folder(folder, PROVIDER_FOLDER_ENTRIES)
            remote = (self.outgoing_dir, self.cache.folder) if self.objects.remote else ()
            for d in (self.bundles_dir, self.uploads_dir, self.quarantine_dir, self.staging_dir,
                      self.derivatives_dir, folder / "keys", *remote):
                private_dir(d)
            if config.database_url is None:
                private_file(database)
                for journal in ("provider.db-wal", "provider.db-shm"):  # SQLite keeps their mode
                    tighten_tree(folder / journal)
        except OSError as exc:
            raise ProviderError(f"the provider folder {folder} cannot be made ready: "
                                f"{exc.strerror or exc} ({exc.filename or folder})") from exc
        try:
            self.engine = make_engine(url)
        except DatabaseUrlError as exc:
            raise ProviderError(exc.msg) from None
        try:
            migrate(self.engine)
        except SQLAlchemyError as exc:
            self.engine.dispose()
            raise ProviderError(open_failure(url, exc)) from None
        except SchemaError as exc:
            self.engine.dispose()
            raise ProviderError(CANNOT_OPEN(url=safe_url(url), detail=str(exc))) from None
        log.info("provider database: %s", safe_url(url))
        note = collation_note(self.engine)
        if note:
            log.warning("%s", note)
        # SQLite: BEGIN IMMEDIATE, one writer at a time; PostgreSQL: an ordinary READ COMMITTED
        # transaction, writers side by side (see database.py for what each writer locks)
        self.writer = self.engine.execution_options(sqlite_immediate=True)
        self.key: SigningKey = device_key(folder / "keys")  # the provider's own Ed25519 key
        try:
            self.objects.check()
        except ObjectStoreUnavailable as exc:
            self.engine.dispose()
            raise ProviderError(exc.msg) from None
        self._recover()

    def close(self) -> None:
        self.engine.dispose()

    def _recover(self) -> None:
        """After a crash: clear staging, and move bundle folders no row names out of the way.

        Bundles live in ``bundles/<workstation key id>/<bundle id>``; databases from before that
        layout name folders directly under ``bundles/``, which stay where their rows say. A row is
        matched to its folder by the workstation and bundle ids (or, for the old layout, the
        folder's name), never by the full path written at import: a provider folder moved or
        restored elsewhere keeps every bundle it holds.
        """
        with self.imports_lock(exclusive=True) as alone:
            if alone:
                self._recover_folders()
            else:  # another process on this folder is importing: what looks orphaned may be its own
                log.info("another provider process is importing into %s: its staging and new bundle "
                         "folders are left to it", self.folder)
        with self.writer.begin() as conn:
            # an upload interrupted mid-import is received again: its bytes are still there (the
            # import runs again when its result is asked for, or an import worker takes it); a
            # queued job, or one another process holds a live lease on, is left as it is
            conn.execute(update(Upload).where(
                Upload.status == "importing", Upload.claimed_by.is_not(None),
                Upload.lease_until_us < self.clock(),
            ).values(status="receiving", claimed_by=None, lease_until_us=None))

    @contextmanager
    def imports_lock(self, *, exclusive: bool = False) -> Iterator[bool]:
        """Every import holds this lock shared while it stages and stores a bundle; the recovery at
        start takes it exclusive, without waiting (yields False when another process holds it)."""
        with imports_lock(self.folder, exclusive=exclusive) as alone:
            yield alone

    @contextmanager
    def bundle_lock(self, device_key_id: str, bundle_id: str) -> Iterator[None]:
        """One import at a time stores a given bundle, across every process of the provider: from
        "is it held?" to its row committed. PostgreSQL: a session advisory lock keyed by the bundle
        (processes on several machines share the database); SQLite: a file lock in the folder (its
        processes share one machine and its writers take turns anyway)."""
        if is_postgresql(self.engine):
            key = lock_key(f"bundle:{device_key_id}/{bundle_id}")
            with self.engine.connect() as conn:
                conn.execute(select(func.pg_advisory_lock(key)))
                conn.commit()
                try:
                    yield
                finally:
                    try:
                        conn.execute(select(func.pg_advisory_unlock(key)))
                        conn.commit()
                    except SQLAlchemyError:
                        conn.invalidate()  # its session ends, and the lock with it
            return
        with folder_lock(self.folder / STORE_LOCK):
            yield

    def _recover_folders(self) -> None:
        for leftover in self.staging_dir.iterdir():
            remove_tree(leftover)
        with self.engine.connect() as conn:
            rows = conn.execute(select(ReceivedBundle.bundle_id, ReceivedBundle.device,
                                       ReceivedBundle.stored_path)).all()
        held = {(row.device, row.bundle_id) for row in rows}
        old_layout = {Path(row.stored_path).name for row in rows
                      if Path(row.stored_path).parent.name != row.device}
        for path in self.bundles_dir.iterdir():
            if DEVICE_FOLDER.fullmatch(path.name) and path.is_dir() and not path.is_symlink():
                for bundle in path.iterdir():
                    if (path.name, bundle.name) not in held:
                        self._set_aside(bundle, f"{path.name[:16]}-{bundle.name}")
            elif path.name not in old_layout:
                self._set_aside(path, path.name)
        if self.objects.remote:
            self._recover_outgoing(held)

    def _set_aside(self, path: Path, name: str) -> None:
        target = self.quarantine_dir / f"orphan-{name}-{self.clock()}"
        log.warning("bundle folder %s has no record (interrupted import); moved to %s", path, target)
        os.replace(path, target)

    def _recover_outgoing(self, held: set[tuple[str, str]]) -> None:
        """Bundles recorded but not yet (wholly) in the object store are put again; a local copy no
        row names (the import stopped before its row was committed) is set aside like an orphan."""
        for device in self.outgoing_dir.iterdir():
            for bundle in (device.iterdir() if device.is_dir() else ()):
                if (device.name, bundle.name) not in held:
                    self._set_aside(bundle, f"{device.name[:16]}-{bundle.name}")
                    continue
                try:
                    self.publish(device.name, bundle.name)
                except OSError as exc:
                    log.warning("bundle %s stays on the local disk until the object store takes it: %s",
                                bundle.name, exc)

    def bundle_path(self, device_key_id: str, bundle_id: str) -> Path:
        """Where an import puts a verified bundle: its place in the provider folder, or, with an
        object store, the local copy kept until the store holds every file (``publish``)."""
        if self.objects.remote:
            return self.outgoing_dir / device_key_id / bundle_id
        return self.bundles_dir / device_key_id / bundle_id

    def bundle_key(self, device_key_id: str, bundle_id: str, name: str = "") -> str:
        """The object key of a held bundle's file (or, without ``name``, of its prefix)."""
        return f"bundles/{device_key_id}/{bundle_id}" + (f"/{name}" if name else "")

    def held_root(self, row: Any) -> Path:
        """The folder of a held bundle (a ``bundles`` row): by its ids in this provider's folder,
        wherever the folder was when it was imported; the old layout by the folder's name. With an
        object store: its local copy if the store does not hold it yet, else the read cache's
        (fetched and verified on demand)."""
        path = self.bundle_path(row.device, row.bundle_id)
        if path.is_dir():
            return path
        if self.objects.remote:
            return self.cache.bundle(row.device, row.bundle_id)
        return self.bundles_dir / Path(row.stored_path).name

    def publish(self, device_key_id: str, bundle_id: str) -> bool:
        """Put a recorded bundle's local copy into the object store; True if there was one.

        The order, so that nothing is lost and nothing is held twice: the verified folder is
        renamed into ``outgoing/`` and its row (with the receipt) committed; then every file is
        put under ``bundles/<workstation>/<bundle>/`` (large ones in parts); only then does the
        local copy leave ``outgoing/`` (it becomes the read cache's copy) and the import count as
        done, so no receipt goes out for a bundle the store does not hold. A crash or a fault of
        the store in between leaves the row and the local copy: the next start, or the next try
        of the same import, puts them again (a put of the same key and bytes is idempotent, and
        the row's primary key keeps a second import from recording it twice). A folder in
        ``outgoing/`` that no row names is an import stopped before its commit: set aside.
        """
        local = self.outgoing_dir / device_key_id / bundle_id
        if not self.objects.remote or not local.is_dir():
            return False
        self.objects.put_tree(self.bundle_key(device_key_id, bundle_id), local)
        self.cache.adopt(device_key_id, bundle_id, local)
        if not any(local.parent.iterdir()):
            local.parent.rmdir()  # the workstation's last bundle waiting to be put
        return True

    def upload_path(self, upload_id: str) -> Path:
        return self.uploads_dir / f"{upload_id}.part"


_BUCKET = re.compile(r"[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")


def object_store_bucket(value: str) -> str | None:
    """The bucket of ``s3://BUCKET`` (None for the provider folder: "" or ``folder``); ProviderError
    naming the value when it is neither."""
    value = value.strip()
    if value in ("", "folder"):
        return None
    if not value.startswith("s3://"):
        raise ProviderError(om.BAD_URL(value=value[:200]))
    bucket = value[len("s3://"):].rstrip("/")
    if not _BUCKET.fullmatch(bucket) or ".." in bucket:
        raise ProviderError(om.BAD_BUCKET(bucket=bucket[:200]))
    return bucket


def open_objects(config: ProviderConfig) -> ObjectStore:
    """The object store the configuration names (the provider folder by default)."""
    bucket = object_store_bucket(config.object_store)
    if bucket is None:
        if config.s3_endpoint:
            raise ProviderError(om.ENDPOINT_WITHOUT_STORE())
        return FolderStore(config.folder)
    endpoint = config.s3_endpoint or None
    if endpoint is not None and not re.fullmatch(r"https?://[^\s/@]+(/\S*)?", endpoint):
        raise ProviderError(om.BAD_ENDPOINT(value=safe_url(endpoint) if "@" in endpoint else endpoint[:200]))
    from assessor_app.provider.objects import S3Store

    return S3Store(bucket, endpoint, config.s3_region)

