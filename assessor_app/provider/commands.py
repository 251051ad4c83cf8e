"""``assessor provider serve|codes|revoke|import|list``: the training provider's side."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the store pulls in SQLAlchemy: only when a provider command runs
    from assessor_app.provider.store import ProviderConfig

#: Where the provider keeps its database, bundles and key unless --folder says otherwise.
PROVIDER_DIR_ENV = "ASSESSOR_PROVIDER_DIR"


def _folder(args: argparse.Namespace) -> Path:
    if args.folder:
        return Path(args.folder)
    if os.environ.get(PROVIDER_DIR_ENV):
        return Path(os.environ[PROVIDER_DIR_ENV])
    from assessor_app.paths import data_dir

    return data_dir() / "provider"


def _config(args: argparse.Namespace) -> ProviderConfig:
    from assessor_app.provider.store import ProviderConfig

    return ProviderConfig(_folder(args), database_url=args.database_url or None)


def _service(args: argparse.Namespace) -> Any:
    from assessor_app.provider.service import ProviderService

    return ProviderService(_config(args))


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
    sock = bind(args.host, args.port)
    print(f"Provider key {service.store.key.fingerprint}")
    print(f"Serving on http://{args.host}:{sock.getsockname()[1]} (data in {service.store.config.folder})",
          flush=True)
    try:
        uvicorn.Server(uvicorn_config(service, access_log=True)).run(sockets=[sock])
    finally:
        service.close()
    return 0


def cmd_codes(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        print(f"One-time enrollment codes (valid {service.store.config.code_ttl_s // 86400} days; "
              "shown only now, stored as hashes):")
        for _ in range(args.count):
            print(f"  {service.registry.create_code(args.label)}")
        print(f"Provider key fingerprint (for the workshop to compare): {service.store.key.fingerprint}")
    finally:
        service.close()
    return 0


def cmd_revoke(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        device = service.registry.revoke(args.device, args.reason)
    finally:
        service.close()
    print(f"Revoked workstation {device.key_id} of workshop {device.workshop_id} ({device.workshop_name})")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        results = service.importer.import_path(Path(args.path))
    finally:
        service.close()
    if not results:
        print(f"no bundle folders or .tar archives in {args.path}")
        return 1
    for r in results:
        if r.status == "imported":
            print(f"imported    {r.bundle_id}  manifest {r.manifest_sha256}  from {r.source}")
        elif r.status == "already":
            print(f"already had {r.bundle_id}  manifest {r.manifest_sha256}  from {r.source}")
        else:
            print(f"QUARANTINED {r.bundle_id or '-'}  from {r.source}: {r.reason}")
    bad = sum(not r.ok for r in results)
    print(f"{len(results) - bad} of {len(results)} bundle(s) held; {bad} quarantined")
    return 1 if bad else 0


def cmd_list(args: argparse.Namespace) -> int:
    service = _service(args)
    try:
        bundles = service.importer.bundles(limit=args.limit)
        quarantined = service.importer.quarantined(limit=args.limit)
        devices = service.registry.devices()
    finally:
        service.close()
    print(f"Received bundles ({len(bundles)}):")
    for b in bundles:
        print(f"  {_when(b.received_us)}  {b.bundle_id}  {b.workshop_id:<12} {b.outcome or '-':<18} "
              f"{b.payload_bytes:>12} B  via {b.source}  manifest {b.manifest_sha256[:16]}")
    print(f"Quarantined ({len(quarantined)}):")
    for q in quarantined:
        print(f"  {_when(q.received_us)}  {q.bundle_id or '-'}  from {q.source}: {q.reason}")
    print(f"Workstations ({len(devices)}):")
    for d in devices:
        state = f"revoked {_when(d.revoked_us)}: {d.revoked_reason}" if d.revoked_us else "active"
        print(f"  {d.key_id[:16]}  {d.workshop_id} ({d.workshop_name})  enrolled {_when(d.enrolled_us)}  "
              f"{state}")
    return 0


def register(subparsers: Any) -> None:
    """Add ``provider serve|codes|revoke|import|list`` to the ``assessor`` command."""
    provider = subparsers.add_parser("provider", help="the training provider's service")
    sub = provider.add_subparsers(dest="provider_command", required=True)

    def common(p: argparse.ArgumentParser) -> argparse.ArgumentParser:
        p.add_argument("--folder", help=f"the provider's data folder (default: ${PROVIDER_DIR_ENV} or "
                                        "<data>/provider)")
        p.add_argument("--database-url", help="an SQLAlchemy URL (e.g. postgresql://...) instead of "
                                              "SQLite in the folder")
        return p

    serve = common(sub.add_parser("serve", help="run the provider's HTTP service"))
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8750)
    serve.add_argument("--public", action="store_true",
                       help="allow listening on a non-loopback address (behind a TLS proxy)")
    serve.set_defaults(func=cmd_serve)
    codes = common(sub.add_parser("codes", help="create one-time enrollment codes"))
    codes.add_argument("--count", type=int, default=1)
    codes.add_argument("--label", default="", help="a note kept with the code (e.g. the workshop)")
    codes.set_defaults(func=cmd_codes)
    revoke = common(sub.add_parser("revoke", help="revoke an enrolled workstation"))
    revoke.add_argument("device", help="the workstation's key id (at least 8 characters of it)")
    revoke.add_argument("--reason", default="revoked by the provider")
    revoke.set_defaults(func=cmd_revoke)
    imp = common(sub.add_parser("import", help="import bundles from a folder or USB stick"))
    imp.add_argument("path", help="a bundle folder, a .tar archive, or a folder holding them")
    imp.set_defaults(func=cmd_import)
    listing = common(sub.add_parser("list", help="bundles received, quarantined, and workstations"))
    listing.add_argument("--limit", type=int, default=200)
    listing.set_defaults(func=cmd_list)
