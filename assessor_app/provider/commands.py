"""``assessor provider serve|import|list`` and the records of who is who: the training provider's side."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assessor_app.i18n import LANGUAGES
from assessor_app.provider import directory_commands, import_worker, move_commands, quarantine_commands
from assessor_app.provider.console import users_commands
from assessor_app.provider.credentials import commands as credential_commands
from assessor_app.provider.moderation import commands as moderation_commands
from assessor_app.provider.moderation import export_command, package_commands

if TYPE_CHECKING:  # the store pulls in SQLAlchemy: only when a provider command runs
    from assessor_app.provider.store import ProviderConfig

#: Where the provider keeps its database, bundles and key unless --folder says otherwise.
PROVIDER_DIR_ENV = "ASSESSOR_PROVIDER_DIR"
#: The provider's database when --database-url is not given (default: SQLite in the folder).
DATABASE_URL_ENV = "ASSESSOR_DATABASE_URL"


def _folder(args: argparse.Namespace) -> Path:
    if args.folder:
        return Path(args.folder)
    if os.environ.get(PROVIDER_DIR_ENV):
        return Path(os.environ[PROVIDER_DIR_ENV])
    from assessor_app.paths import data_dir

    return data_dir() / "provider"


def database_url(args: argparse.Namespace) -> str | None:
    """The database the command names: --database-url, else $ASSESSOR_DATABASE_URL, else None (SQLite
    in the folder)."""
    flag = (getattr(args, "database_url", None) or "").strip()
    return flag or os.environ.get(DATABASE_URL_ENV, "").strip() or None


def add_store_options(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
    """The options of every provider command that opens the provider's store: its folder and database."""
    p.add_argument("--folder", help=f"the provider's data folder (default: ${PROVIDER_DIR_ENV} or "
                                    "<data>/provider)")
    p.add_argument("--database-url", metavar="URL",
                   help="the provider's database, e.g. postgresql+psycopg://USER@HOST:5432/DATABASE "
                        f"(default: ${DATABASE_URL_ENV}, else SQLite in the folder); the password is best "
                        "kept out of the command line (PGPASSWORD or ~/.pgpass)")
    _object_store_options(p)
    return p


def _days(value: str) -> int:
    """``--qualification-warning-days``: a whole number of days, 0 to 3650."""
    if not (value.isascii() and value.isdigit() and int(value) <= 3650):
        raise argparse.ArgumentTypeError(f"give a whole number of days from 0 to 3650, not {value[:20]!r}")
    return int(value)


def _config(args: argparse.Namespace) -> ProviderConfig:
    from assessor_app.provider.store import IN_PROCESS, ProviderConfig

    proxies = tuple(getattr(args, "trusted_proxy", None) or ())
    warning = getattr(args, "qualification_warning_days", None)
    return ProviderConfig(_folder(args), database_url=database_url(args), trusted_proxies=proxies,
                          awarding_body=getattr(args, "awarding_body", None) or "",
                          awarding_country=(getattr(args, "country", None) or "").upper(),
                          **({"qualification_warning_days": warning} if warning is not None else {}),
                          import_workers=getattr(args, "import_workers", None) or IN_PROCESS,
                          **_object_store(args))


service_config = _config


#: The object store for held bundles and derived media (README: "A provider at scale").
OBJECT_STORE_ENV, S3_ENDPOINT_ENV = "ASSESSOR_OBJECT_STORE", "ASSESSOR_S3_ENDPOINT"
UPLOAD_PART_ENV = "ASSESSOR_UPLOAD_PART_MIB"


def _object_store_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--object-store", metavar="s3://BUCKET",
                   help=f"keep held bundles and derived media in this S3 bucket (default: "
                        f"${OBJECT_STORE_ENV}, else the provider folder); keys from AWS_ACCESS_KEY_ID "
                        "and AWS_SECRET_ACCESS_KEY")
    p.add_argument("--s3-endpoint", metavar="URL",
                   help=f"the S3-compatible endpoint, e.g. http://127.0.0.1:8333 (default: "
                        f"${S3_ENDPOINT_ENV}, else AWS)")
    p.add_argument("--s3-region", help="the bucket's region (default: $AWS_REGION, else us-east-1)")
    p.add_argument("--upload-part-mib", type=_part_mib, metavar="MIB",
                   help=f"where import workers import from the bucket, uploads are received into it in "
                        f"parts of this many MiB, at least 5 (default: ${UPLOAD_PART_ENV}, else 8)")


def _part_mib(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 5120:
        raise argparse.ArgumentTypeError(f"give a whole number of MiB from 5 to 5120, not {value[:20]!r}")
    return int(value)


def _object_store(args: argparse.Namespace) -> dict[str, Any]:
    """The object store options of ProviderConfig: a flag wins over its environment variable."""
    store = getattr(args, "object_store", None) or os.environ.get(OBJECT_STORE_ENV, "")
    endpoint = getattr(args, "s3_endpoint", None) or os.environ.get(S3_ENDPOINT_ENV) or None
    region = getattr(args, "s3_region", None) or None
    options = {"object_store": store, "s3_endpoint": endpoint, "s3_region": region}
    part = getattr(args, "upload_part_mib", None)
    if part is None and os.environ.get(UPLOAD_PART_ENV):
        try:
            part = _part_mib(os.environ[UPLOAD_PART_ENV].strip())
        except argparse.ArgumentTypeError as exc:
            from assessor_app.provider.store import ProviderError

            raise ProviderError(f"{UPLOAD_PART_ENV}: {exc}") from None
    if part is not None:
        options["upload_part_bytes"] = part * 1024 * 1024
    return options


def service_for(args: argparse.Namespace) -> Any:
    """The provider service of the folder (or database) the command names."""
    from assessor_app.provider.service import ProviderService

    return ProviderService(_config(args))


_service = service_for


def _when(us: int | None) -> str:
    return "-" if us is None else dt.datetime.fromtimestamp(us / 1e6).strftime("%Y-%m-%d %H:%M")


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from assessor_app.provider.server import bind, uvicorn_config

    if args.host not in ("127.0.0.1", "::1", "localhost") and not args.public:
        from assessor_app.provider.store import ProviderError

        raise ProviderError(f"refusing to listen on {args.host} without --public: put the provider "
                            "behind a TLS reverse proxy first")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    service = _service(args)
    if not service.imports_in_process:
        logging.getLogger(__name__).info("imports are left to `assessor provider worker` processes on "
                                         "this database")
    sock = bind(args.host, args.port)
    print(f"Provider key {service.store.key.fingerprint}")
    url = f"http://{args.host}:{sock.getsockname()[1]}"
    print(f"Serving on {url} (data in {service.store.config.folder})")
    print(f"Console: {url}/console/ (accounts: assessor provider users add NAME --role ROLE)", flush=True)
    try:
        uvicorn.Server(uvicorn_config(service, access_log=True)).run(sockets=[sock])
    finally:
        service.close()
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        results = service.import_path(Path(args.path))
    finally:
        service.close()
    if not results:
        print(f"no bundle folders or .tar archives in {args.path}")
        return 1
    for r in results:
        sealer = f"  workstation {r.device[:16]}" if r.device else ""
        if r.status == "imported":
            print(f"imported    {r.bundle_id}{sealer}  manifest {r.manifest_sha256}  from {r.source}")
        elif r.status == "already":
            print(f"already had {r.bundle_id}{sealer}  manifest {r.manifest_sha256}  from {r.source}")
        elif r.status == "quarantined":
            print(f"QUARANTINED {r.bundle_id or '-'}{sealer}  from {r.source}: {r.reason}")
        elif r.status == "retry":
            print(f"NOT IMPORTED {r.source}: {r.reason}")
        else:
            print(f"skipped     {r.source}: {r.reason}")
    counts = {status: sum(r.status == status for r in results) for status in ("quarantined", "retry")}
    held = sum(r.ok for r in results)
    items = sum(r.status != "skipped" for r in results)
    print(f"{held} of {items} bundle(s) held; {counts['quarantined']} quarantined"
          + (f"; {counts['retry']} to import again once the provider's own fault is fixed"
             if counts["retry"] else ""))
    return 0 if held == items and items else 1


def cmd_list(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        bundles = service.importer.bundles(limit=args.limit)
        quarantined = service.importer.quarantined(limit=args.limit)
        devices = service.registry.devices()
        workshops = {w.id: w for w in service.directory.workshops()}
        assessors = service.directory.assessors()
    finally:
        service.close()
    print(f"Received bundles ({len(bundles)}):")
    for b in bundles:
        print(f"  {_when(b.received_us)}  {b.bundle_id}  workstation {b.device[:16]}  {b.workshop_id:<12} "
              f"assessor {b.assessor_id or '-':<10} {b.outcome or '-':<18} {b.payload_bytes:>12} B  "
              f"via {b.source}  manifest {b.manifest_sha256[:16]}")
    print(f"Quarantined ({len(quarantined)}):")
    for q in quarantined:
        print(f"  {_when(q.received_us)}  {q.bundle_id or '-'}  from {q.source}: {q.reason}")
    print(f"Workstations ({len(devices)}):")
    for d in devices:
        state = f"revoked {_when(d.revoked_us)}: {d.revoked_reason}" if d.revoked_us else "active"
        name = workshops[d.workshop_id].name if d.workshop_id in workshops else "?"
        print(f"  {d.key_id[:16]}  {d.workshop_id} ({name})  enrolled {_when(d.enrolled_us)}  {state}")
    print(f"Assessors ({len(assessors)}):")
    for a in assessors:
        state = f"revoked {_when(a.revoked_us)}: {a.revoked_reason}" if a.revoked_us else "active"
        print(f"  {a.id}  {a.name}: {a.qualification} through {a.qualification_expires}; "
              f"{', '.join(a.workshops)}; {len(a.keys)} key(s); {state}")
    return 0


def cmd_reindex(args: argparse.Namespace) -> int:
    from assessor_app.provider.assessment_index import reindex

    service = _service(args)
    try:
        result = reindex(service.store)
    finally:
        service.close()
    for bundle_id, device, why in result.failed:
        print(f"NOT INDEXED {bundle_id}  workstation {device[:16]}: {why}")
    print(f"{result.indexed} assessment(s) indexed; {len(result.failed)} bundle(s) could not be read")
    return 1 if result.failed else 0


def cmd_derive(args: argparse.Namespace) -> int:
    """Make every pending or never-recorded web proxy now, one line per segment, then a summary."""
    if args.anonymised:
        from assessor_app.provider.moderation.package_commands import derive_anonymised

        return derive_anonymised(args)
    service = _service(args)
    try:
        derivations = service.derivations
        added = derivations.enqueue_missing()
        retried = derivations.retry_failed() if args.retry_failed else 0
        settings = derivations.settings
        print(f"web proxies: {settings.codec} in WebM, at most {settings.max_height} px high and "
              f"{settings.max_fps:g} fps, CRF {settings.crf} (settings {derivations.fingerprint[:12]}); "
              f"{added} newly recorded, {retried} failed ones tried again", flush=True)

        def item(d: Any) -> None:
            if d.status == "done":
                rate = f"{d.source_seconds / d.cpu_seconds:.1f}x real time per core" if d.cpu_seconds else ""
                print(f"  done    {d.bundle_id}  {d.name}  {d.source_seconds:.1f} s of video, "
                      f"{d.cpu_seconds:.1f} s CPU  {rate}", flush=True)
            else:
                print(f"  {d.status.upper():<7} {d.bundle_id}  {d.name}: {d.reason}", flush=True)

        summary = derivations.run_pending(on_item=item)
    finally:
        service.close()
    print(f"{summary.done} made, {len(summary.failed)} failed, {len(summary.pending)} left pending")
    for d in summary.failed:
        print(f"  failed: {d.bundle_id} {d.name}: {d.reason}")
    for d in summary.pending:
        print(f"  pending: {d.bundle_id} {d.name}: {d.reason}")
    return 0 if not summary.failed and not summary.pending else 1


def register(subparsers: Any) -> Any:
    """Add ``provider serve|workshops|assessors|codes|revoke|import|list`` to the ``assessor`` command;
    returns the provider's subcommands, for the layers above to add theirs (``provider demo``)."""
    provider = subparsers.add_parser("provider", help="the training provider's service")
    sub = provider.add_subparsers(dest="provider_command", required=True)

    common = add_store_options
    serve = common(sub.add_parser("serve", help="run the provider's HTTP service"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument("--public", action="store_true",
                       help="allow listening on a non-loopback address (behind a TLS proxy)")
    serve.add_argument("--awarding-body", help="the name of the body awarding the credentials (recorded "
                                               "with every assessment of an enrolled workstation)")
    serve.add_argument("--country", help="the awarding body's country, two letters (FI, SE, ES, PT...)")
    serve.add_argument("--trusted-proxy", action="append", metavar="ADDRESS",
                       help="a TLS reverse proxy (address or network) whose X-Forwarded-For/-Proto are "
                            "believed; repeat for several (default: none, the socket peer counts)")
    serve.add_argument("--qualification-warning-days", type=_days, metavar="DAYS",
                       help="the console flags assessors' qualifications expiring within this many days "
                            "(default 60)")
    serve.add_argument("--import-workers", choices=("in-process", "external"), default="in-process",
                       help="who imports the uploads workstations complete: this process (default) or "
                            "`assessor provider worker` processes sharing its database and folder")
    serve.set_defaults(func=cmd_serve)
    import_worker.register(sub, common)
    move_commands.register(sub)
    directory_commands.register(sub, common)
    quarantine_commands.register(sub, common)
    users_commands.register(sub, common)
    moderation = moderation_commands.register(sub, common)
    export_command.add_export_command(moderation)
    credential_commands.register(sub, common)
    package_commands.add_package_command(moderation, common)
    imp = common(sub.add_parser("import", help="import bundles from a folder or USB stick"))
    imp.add_argument("path", help="a bundle folder, a .tar archive, or a folder holding them")
    imp.set_defaults(func=cmd_import)
    listing = common(sub.add_parser("list", help="bundles received, quarantined, and workstations"))
    listing.add_argument("--limit", type=int, default=200)
    listing.set_defaults(func=cmd_list)
    re = common(sub.add_parser("reindex", help="rebuild the console's assessment index from the bundles "
                                               "held"))
    re.set_defaults(func=cmd_reindex)


    derive = common(sub.add_parser("derive", help="make the browser-playable proxies of imported video now"))
    derive.add_argument("--retry-failed", action="store_true",
                        help="also try again the proxies (or with --anonymised, the anonymised media) that "
                             "failed (e.g. after fixing the provider)")
    derive.add_argument("--anonymised", metavar="CYCLE",
                        help="instead, make the face-blurred video proxies and photos of the assessments "
                             "sampled in this moderation cycle (what its moderators see)")
    derive.add_argument("--language", choices=LANGUAGES, help="the language of what --anonymised prints")
    derive.set_defaults(func=cmd_derive)
    return sub
