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

    def say(self, msg: Any, *, force: bool = False) -> None:
        from assessor_app.i18n import render

        now = time.monotonic()
        if force or now - self.last >= PROGRESS_EVERY_S:
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


def _serve_line(folder: Path, url: str, args: argparse.Namespace, endpoint: str | None) -> str:
    from assessor_app.provider.database import safe_url

    words = ["assessor", "provider", "serve", "--folder", str(folder), "--database-url", safe_url(url)]
    if args.to_object_store:
        words += ["--object-store", args.to_object_store.strip()]
        if endpoint:
            words += ["--s3-endpoint", endpoint]
        if args.s3_region:
            words += ["--s3-region", args.s3_region]
    return "  " + shlex.join(words)


def cmd_move(args: argparse.Namespace) -> int:
    import datetime as dt

    from assessor_app.i18n import Msg, render
    from assessor_app.provider import move_messages as M
    from assessor_app.provider import move_objects, move_rows
    from assessor_app.provider.command_helpers import command_language
    from assessor_app.provider.commands import S3_ENDPOINT_ENV, _folder
    from assessor_app.provider.database import make_engine, safe_url
    from assessor_app.provider.models import Derivative
    from assessor_app.provider.objects import ObjectStoreUnavailable, S3Store
    from assessor_app.provider.store import ProviderConfig, ProviderError, imports_lock, open_objects

    language = command_language(args)

    def say(msg: Msg | str) -> None:
        print(render(msg, language), flush=True)

    started = time.monotonic()
    folder = Path(_folder(args)).absolute()
    url = _target_url(args.to_database_url)
    endpoint = args.s3_endpoint or os.environ.get(S3_ENDPOINT_ENV) or None
    store: S3Store | None = None
    if args.to_object_store:
        opened = open_objects(ProviderConfig(folder, object_store=args.to_object_store,
                                             s3_endpoint=endpoint, s3_region=args.s3_region))
        store = opened if isinstance(opened, S3Store) else None
    progress = _Progress(language)
    source = move_rows.SourceDatabase(folder, dry_run=args.dry_run)
    target = make_engine(url)
    try:
        # imports stage bundles in the folder under this lock; held to the end, none can start
        with imports_lock(folder, exclusive=True) as alone:
            if not alone:
                raise ProviderError(M.RUNNING(path=str(source.path)))
            source.check_revision()
            move_rows.check_target(target, url)
            if store is not None:
                try:
                    store.check()
                except ObjectStoreUnavailable as exc:
                    raise ProviderError(exc.msg) from None
            counts = source.counts()
            tally = None
            if store is not None:
                proxies = [(r.path, r.sha256) for r in source.query(
                    Derivative.__table__.select().where(Derivative.status == "done",
                                                        Derivative.kind == "web-proxy",
                                                        Derivative.path.is_not(None))
                    .order_by(Derivative.path))]
                total = counts["bundles"] + len(proxies)

                def objects_progress(t: move_objects.Tally) -> None:
                    progress.say(M.OBJECTS_PROGRESS(done=t.groups, total=total, mb=_mb(t.put_bytes)))

                groups = move_objects.held_groups(folder, source.held_bundles(), proxies)
                tally = move_objects.copy_groups(groups, store, dry_run=args.dry_run,
                                                 progress=objects_progress)
            if args.dry_run:
                say(M.DRY_HEADER(folder=str(folder)))
                _rows(say, M, counts)
                say(M.ROWS_WOULD(n=sum(counts.values()), tables=len(counts), url=safe_url(url)))
                if store is not None and tally is not None:
                    say(M.OBJECTS_WOULD(n=tally.put, mb=_mb(tally.put_bytes), store=store.describe(),
                                        there=tally.skipped))
                    _missing(say, M, tally)
                return 0

            def rows_progress(table: str, done: int, total: int) -> None:
                progress.say(M.ROWS_PROGRESS(table=table, done=done, total=total))

            copied = move_rows.copy_rows(source, target, url, counts, rows_progress)
            kept = source.set_aside(dt.datetime.now())
    finally:
        source.close()
        target.dispose()
    say(M.HEADER(folder=str(folder)))
    _rows(say, M, copied)
    say(M.ROWS_COPIED(n=sum(copied.values()), tables=len(copied), url=safe_url(url)))
    if store is not None and tally is not None:
        say(M.OBJECTS_PUT(n=tally.put, mb=_mb(tally.put_bytes), store=store.describe()))
        if tally.skipped:
            say(M.OBJECTS_SKIPPED(n=tally.skipped, mb=_mb(tally.skipped_bytes)))
        say(M.VERIFIED(limit=move_objects.READ_BACK_BYTES // 2**20))
        for key in tally.damaged:
            say(M.DAMAGED(key=key))
        _missing(say, M, tally)
    else:
        say(M.OBJECTS_STAY())
    say(M.TOOK(took_s=round(time.monotonic() - started, 1)))
    say(M.KEPT(path=str(kept)))
    deletable = ["bundles/", "derivatives/web-proxy/", kept.name] if store is not None else [kept.name]
    say(M.MAY_DELETE(folder=str(folder), what=deletable))
    say(M.MUST_STAY())
    say(M.NEXT())
    print(_serve_line(folder, url, args, endpoint), flush=True)
    return 0


def _rows(say: Any, M: Any, counts: dict[str, int]) -> None:
    for table, n in sorted(counts.items()):
        say(M.TABLE_ROWS(table=table, n=n))


def _missing(say: Any, M: Any, tally: Any) -> None:
    for what in tally.missing:
        say(M.MISSING(what=what))


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
