"""``assessor provider move``: a provider that began on the embedded default (SQLite and the folder)
moved onto PostgreSQL and, if asked, an S3 bucket.

The order keeps the provider whole at every step. Nothing is written until every check has passed
(the SQLite database held exclusively, so no provider process runs; its schema current; the target
database empty; the bucket there and the keys accepted). Then the objects go up first (each checked,
resumable); then the rows, in one transaction; and only after that commits is the SQLite file
renamed. An interruption anywhere before leaves the provider as it was, to serve from the folder or
to move again. The folder's bundles are never deleted: the command says what may be, once checked.

This module stays light (no SQLAlchemy at import): the command line registers it while the window
starts; the work is in move_rows.py and move_objects.py.
"""

from __future__ import annotations

import argparse
import os
import shlex
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

#: a progress line on stderr at most this often
PROGRESS_EVERY_S = 5.0


def _mb(size: int) -> float:
    return round(size / 1e6, 1)


class _Progress:
    """Lines on stderr while a long copy runs, one every PROGRESS_EVERY_S at most."""

    def __init__(self, language: str):
        self.language = language
        self.last = time.monotonic()

    def say(self, msg: Any) -> None:
        from assessor_app.i18n import render

        now = time.monotonic()
        if now - self.last >= PROGRESS_EVERY_S:
            self.last = now
            print(render(msg, self.language), file=sys.stderr, flush=True)


def _target_url(value: str) -> str:
    from assessor_app.provider import move_messages as M
    from assessor_app.provider.database import DatabaseUrlError, database_url, safe_url
    from assessor_app.provider.store import ProviderError

    try:
        parsed = database_url(value)
    except DatabaseUrlError as exc:
        raise ProviderError(exc.msg) from None
    if parsed.get_backend_name() != "postgresql":
        raise ProviderError(M.NOT_POSTGRESQL(url=safe_url(parsed)))
    return parsed.render_as_string(hide_password=False)


def _serve_line(folder: Path, url: str, endpoint: str | None, region: str | None, bucket: str | None) -> str:
    from assessor_app.provider.database import safe_url

    words = ["assessor", "provider", "serve", "--folder", str(folder), "--database-url", safe_url(url)]
    if bucket:
        words += ["--object-store", f"s3://{bucket}"]
        if endpoint:
            words += ["--s3-endpoint", endpoint]
        if region:
            words += ["--s3-region", region]
    return "  " + shlex.join(words)


@dataclass
class _Move:
    """What one run of the command works with, and what it did."""

    folder: Path
    url: str
    endpoint: str | None
    region: str | None
    dry_run: bool
    say: Callable[[Any], None]
    progress: _Progress
    store: Any = None  # the S3Store, with --to-object-store
    counts: dict[str, int] = field(default_factory=dict)
    tally: Any = None  # move_objects.Tally
    kept: Path | None = None


def cmd_move(args: argparse.Namespace) -> int:
    from assessor_app.i18n import render
    from assessor_app.provider.command_helpers import command_language
    from assessor_app.provider.commands import S3_ENDPOINT_ENV, _folder
    from assessor_app.provider.objects import S3Store
    from assessor_app.provider.store import ProviderConfig, open_objects

    language = command_language(args)
    started = time.monotonic()
    move = _Move(folder=Path(_folder(args)).absolute(), url=_target_url(args.to_database_url),
                 endpoint=args.s3_endpoint or os.environ.get(S3_ENDPOINT_ENV) or None, region=args.s3_region,
                 dry_run=args.dry_run, say=lambda msg: print(render(msg, language), flush=True),
                 progress=_Progress(language))
    if args.s3_endpoint and not args.to_object_store:
        from assessor_app.provider import move_messages as M
        from assessor_app.provider.store import ProviderError

        raise ProviderError(M.ENDPOINT_ALONE())
    if args.to_object_store:
        opened = open_objects(ProviderConfig(move.folder, object_store=args.to_object_store,
                                             s3_endpoint=move.endpoint, s3_region=move.region))
        move.store = opened if isinstance(opened, S3Store) else None
    try:
        _run(move)
    except KeyboardInterrupt:
        from assessor_app.provider import move_messages as M

        print(render(M.INTERRUPTED(), language), file=sys.stderr, flush=True)
        return 130
    if move.dry_run:
        _said_dry_run(move)
    else:
        _said_done(move, time.monotonic() - started)
    return 0


def _run(move: _Move) -> None:
    """Every check, then the objects, then the rows, then the SQLite file set aside; ProviderError
    (one sentence) at the first thing that is not right."""
    import datetime as dt

    from assessor_app.provider import move_messages as M
    from assessor_app.provider import move_objects, move_rows
    from assessor_app.provider.database import make_engine
    from assessor_app.provider.folder_locks import imports_lock
    from assessor_app.provider.objects import ObjectStoreUnavailable
    from assessor_app.provider.store import ProviderError

    source = move_rows.SourceDatabase(move.folder, dry_run=move.dry_run)
    target = make_engine(move.url)
    try:
        # imports stage bundles in the folder under this lock; held to the end, none can start
        with imports_lock(move.folder, exclusive=True) as alone:
            if not alone:
                raise ProviderError(M.RUNNING(path=str(source.path)))
            source.check_revision()
            move_rows.check_target(target, move.url)
            if move.store is not None:
                try:
                    move.store.check()
                except ObjectStoreUnavailable as exc:
                    raise ProviderError(exc.msg) from None
            move.counts = source.counts()
            if move.store is not None:
                total = move.counts["bundles"] + source.web_proxy_count()

                def objects_progress(t: move_objects.Tally) -> None:
                    move.progress.say(M.OBJECTS_PROGRESS(done=t.groups, total=total, mb=_mb(t.put_bytes)))

                groups = move_objects.held_groups(move.folder, source.held_bundles(), source.web_proxies())
                move.tally = move_objects.copy_groups(groups, move.store, dry_run=move.dry_run,
                                                      progress=objects_progress)
            if move.dry_run:
                return

            def rows_progress(table: str, done: int, total: int) -> None:
                move.progress.say(M.ROWS_PROGRESS(table=table, done=done, total=total))

            move_rows.copy_rows(source, target, move.url, move.counts, rows_progress)
            move.kept = source.set_aside(dt.datetime.now())
    finally:
        source.close()
        target.dispose()


def _said_dry_run(move: _Move) -> None:
    from assessor_app.provider import move_messages as M
    from assessor_app.provider.database import safe_url

    move.say(M.DRY_HEADER(folder=str(move.folder)))
    _rows(move)
    move.say(M.ROWS_WOULD(n=sum(move.counts.values()), tables=len(move.counts), url=safe_url(move.url)))
    if move.tally is not None:
        move.say(M.OBJECTS_WOULD(n=move.tally.put, mb=_mb(move.tally.put_bytes), store=move.store.describe(),
                                 there=move.tally.skipped))
        _missing(move)


def _said_done(move: _Move, seconds: float) -> None:
    from assessor_app.provider import move_messages as M
    from assessor_app.provider.database import safe_url
    from assessor_app.provider.move_objects import READ_BACK_BYTES

    assert move.kept is not None
    say, tally = move.say, move.tally
    say(M.HEADER(folder=str(move.folder)))
    _rows(move)
    say(M.ROWS_COPIED(n=sum(move.counts.values()), tables=len(move.counts), url=safe_url(move.url)))
    if tally is not None:
        say(M.OBJECTS_PUT(n=tally.put, mb=_mb(tally.put_bytes), store=move.store.describe()))
        if tally.skipped:
            say(M.OBJECTS_SKIPPED(n=tally.skipped, mb=_mb(tally.skipped_bytes)))
        say(M.VERIFIED(limit=READ_BACK_BYTES // 2**20))
        for key in tally.damaged:
            say(M.DAMAGED(key=key))
        _missing(move)
    else:
        say(M.OBJECTS_STAY())
    say(M.TOOK(took_s=round(seconds, 1)))
    say(M.KEPT(path=str(move.kept)))
    deletable = ["bundles/", "derivatives/web-proxy/"] if tally is not None else []
    say(M.MAY_DELETE(folder=str(move.folder), what=[*deletable, move.kept.name]))
    say(M.MUST_STAY())
    say(M.NEXT())
    bucket = move.store.bucket if move.store is not None else None
    print(_serve_line(move.folder, move.url, move.endpoint, move.region, bucket), flush=True)


def _rows(move: _Move) -> None:
    from assessor_app.provider import move_messages as M

    for table, n in sorted(move.counts.items()):
        move.say(M.TABLE_ROWS(table=table, n=n))


def _missing(move: _Move) -> None:
    from assessor_app.provider import move_messages as M

    for what in move.tally.missing:
        move.say(M.MISSING(what=what))


def register(sub: Any) -> None:
    from assessor_app.i18n import LANGUAGES

    move = sub.add_parser(
        "move", help="move a provider from its folder's SQLite database (and, with --to-object-store, its "
                     "held bundles and web proxies) onto PostgreSQL and an S3 bucket; stop the provider "
                     "first")
    move.add_argument("--folder", help="the provider's data folder (default: $ASSESSOR_PROVIDER_DIR or "
                                       "<data>/provider)")
    move.add_argument("--to-database-url", required=True, metavar="URL",
                      help="an empty PostgreSQL database, postgresql+psycopg://USER@HOST:5432/DATABASE (the "
                           "password best in PGPASSWORD or ~/.pgpass)")
    move.add_argument("--to-object-store", metavar="s3://BUCKET",
                      help="also put the held bundles and web proxies into this bucket (keys from "
                           "AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY); run again after an interruption, "
                           "it skips what is there")
    move.add_argument("--s3-endpoint", metavar="URL",
                      help="the S3-compatible endpoint (default: $ASSESSOR_S3_ENDPOINT, else AWS)")
    move.add_argument("--s3-region", help="the bucket's region (default: $AWS_REGION, else us-east-1)")
    move.add_argument("--dry-run", action="store_true",
                      help="check everything and say what would be copied, writing nothing")
    move.add_argument("--language", choices=LANGUAGES,
                      help="the language of what it prints (default: the one in the app's settings, else en)")
    move.set_defaults(func=cmd_move)
