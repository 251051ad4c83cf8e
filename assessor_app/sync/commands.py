"""``assessor enroll`` and ``assessor sync``: the workstation's side of delivery."""

from __future__ import annotations

import argparse
import datetime as dt
import getpass
import os
from pathlib import Path
from typing import Any

#: The enrollment code can come from here instead of the prompt (never from the command line,
#: where it would stay in the shell history and the process list).
CODE_ENV = "ASSESSOR_ENROLL_CODE"


def _data_dir(args: argparse.Namespace) -> Path:
    from assessor_app.paths import data_dir

    return Path(args.data_dir) if args.data_dir else data_dir()


def _open(args: argparse.Namespace) -> tuple[Any, Any, Path]:
    from assessor_app.paths import database_path
    from assessor_app.storage.store import AssessmentStore
    from assessor_app.sync.enrollment import open_outbox

    folder = _data_dir(args)
    store = AssessmentStore.open(database_path(folder))
    return store, open_outbox(store, folder), folder


def _when(us: int | None) -> str:
    return "never" if us is None else dt.datetime.fromtimestamp(us / 1e6).strftime("%Y-%m-%d %H:%M")


def cmd_enroll(args: argparse.Namespace) -> int:
    from assessor_app.sync.enrollment import enroll

    code = os.environ.get(CODE_ENV) or getpass.getpass("One-time enrollment code from the provider: ")
    store, outbox, folder = _open(args)
    try:
        enrollment = enroll(outbox, provider_url=args.url, code=code, workshop_id=args.workshop_id,
                            keys_dir=folder / "keys", expected_fingerprint=args.fingerprint)
    finally:
        store.close()
    print(f"Enrolled with {enrollment.provider_url} as workstation {enrollment.device_key_id} of workshop "
          f"{enrollment.workshop_id} ({enrollment.workshop_name})")
    print(f"Provider key {enrollment.provider_key_id} pinned: receipts must be signed by it")
    return 0


def cmd_sync(args: argparse.Namespace) -> int:
    from assessor_app.sync.enrollment import provider_client, queue_sealed_bundles
    from assessor_app.sync.worker import SyncWorker, reconcile

    store, outbox, folder = _open(args)
    try:
        queued = queue_sealed_bundles(outbox, folder / "bundles")
        if queued:
            print(f"{queued} sealed bundle(s) added to the outbox")
        if args.status:
            _print_status(outbox)
            return 0
        for bundle_id in args.retry or []:
            outbox.retry(bundle_id)
        client = provider_client(outbox, folder / "keys")
        try:
            if args.reconcile:
                found = reconcile(outbox, client)
                print("The provider holds exactly the bundles delivered from here" if found["matched"] else
                      f"Reconciled: {found['receipted']} receipt(s) fetched for bundles the provider "
                      f"already held; {found['requeued']} bundle(s) to send again")
            worker = SyncWorker(outbox, client, settings=sync_settings(args))
            delay = worker.run_once()
        finally:
            client.close()
        for bundle_id in worker.status.delivered:
            receipt = outbox.receipt(bundle_id)
            received = receipt["received"] if receipt else "?"
            print(f"delivered {bundle_id}: received by the provider {received}")
        new_feedback = worker.status.feedback_received
        if new_feedback:
            print(f"{new_feedback} new item(s) of moderation feedback: see `assessor feedback`")
        if worker.status.eligibility_received_us is not None:
            print("The provider's eligibility list was received: see `assessor eligibility`")
        _print_status(outbox)
        if delay is not None:
            print(f"Not finished: {worker.status.last_error}. Run again later (the upload resumes).")
            return 1
        return 1 if outbox.counts()["refused"] else 0
    finally:
        store.close()


def sync_settings(args: argparse.Namespace) -> Any:
    """The worker's settings: the workstation's saved ones, with the command line's on top."""
    from assessor_app.settings import load_settings
    from assessor_app.sync.client import SyncError
    from assessor_app.sync.worker import SyncSettings

    saved = load_settings()
    limit_kbps = args.limit_kbps if args.limit_kbps is not None else saved.sync_bandwidth_limit_kbps
    if limit_kbps is not None and limit_kbps < 1:
        raise SyncError(f"--limit-kbps must be at least 1 kB/s, not {limit_kbps}")
    return SyncSettings(prune_after_receipt=args.prune or saved.sync_prune_after_receipt,
                        bandwidth_limit=limit_kbps * 1000 if limit_kbps else None)


def _print_status(outbox: Any) -> None:
    counts = outbox.counts()
    enrollment = outbox.enrollment()
    print(f"Provider: {enrollment.provider_url if enrollment else 'not enrolled'}")
    print(f"Outbox: {counts['pending']} waiting, {counts['delivered']} delivered, "
          f"{counts['refused']} refused; last delivery {_when(outbox.last_delivery_wall_us())}")
    for entry in outbox.entries():
        if entry.status == "pending":
            print(f"  waiting   {entry.bundle_id}  {entry.confirmed_offset}/{entry.size} bytes confirmed")
        elif entry.status == "refused":
            print(f"  REFUSED   {entry.bundle_id}: {entry.last_error}")


#: The one-time assessor code can come from here instead of the prompt (never the command line).
ASSESSOR_CODE_ENV = "ASSESSOR_ASSESSOR_CODE"
PIN_ENV = "ASSESSOR_PIN"


def cmd_assessors(args: argparse.Namespace) -> int:
    from assessor_app.sync.assessors import bind_assessor, bindings, requeue_refused
    from assessor_app.sync.enrollment import provider_client

    store, outbox, folder = _open(args)
    try:
        if args.assessors_command == "bind":
            code = os.environ.get(ASSESSOR_CODE_ENV) or getpass.getpass(
                f"One-time assessor code for {args.id} from the provider: ")
            pin = os.environ.get(PIN_ENV) or getpass.getpass(
                f"PIN or passphrase of assessor {args.id} (a new key is protected with it): ")
            client = provider_client(outbox, folder / "keys")
            try:
                b = bind_assessor(client, folder / "keys", assessor_id=args.id, code=code, pin=pin)
            finally:
                client.close()
            print(f"Bound assessor {b.assessor_id} ({b.name}) with key {b.key_id}")
            for bundle_id in requeue_refused(outbox, b):
                print(f"  bundle {bundle_id}, refused for want of this binding, waits to be sent again")
            print(f"Qualification: {b.qualification}, valid through {b.qualification_expires}; assesses for "
                  f"{', '.join(b.workshops)}")
            return 0
        found = bindings(folder / "keys")
        print(f"Assessors bound from this workstation ({len(found)}):")
        for b in found:
            problem = b.problem()
            print(f"  {b.assessor_id}  {b.name}: {b.qualification} through {b.qualification_expires}; key "
                  f"{b.key_id[:16]}; {'PROBLEM: ' + problem if problem else 'accepted by the provider'} "
                  f"(checked {_when(b.checked_wall_us)})")
        return 0
    finally:
        store.close()


def register(subparsers: Any) -> None:
    """Add ``enroll`` and ``sync`` to the ``assessor`` command."""
    enroll = subparsers.add_parser("enroll", help="enroll this workstation with a training provider")
    enroll.add_argument("url", help="the provider's address, e.g. https://provider.example/")
    enroll.add_argument("--workshop-id", help="the workshop you expect the code to be for (checked; the "
                                              "code itself names the workshop)")
    enroll.add_argument("--fingerprint", help="the provider key fingerprint the provider gave you")
    enroll.add_argument("--data-dir", help="the data folder (default: the app's)")
    enroll.set_defaults(func=cmd_enroll)
    sync = subparsers.add_parser("sync", help="deliver sealed bundles to the provider")
    sync.add_argument("--status", action="store_true", help="show the outbox, send nothing")
    sync.add_argument("--reconcile", action="store_true",
                      help="first ask which bundles the provider already holds (after a reinstall)")
    sync.add_argument("--prune", action="store_true",
                      help="delete local archives once receipted (default: the setting "
                           "sync_prune_after_receipt)")
    sync.add_argument("--limit-kbps", type=int,
                      help="upload limit in kilobytes per second (default: the setting "
                           "sync_bandwidth_limit_kbps, else none)")
    sync.add_argument("--retry", nargs="*", metavar="BUNDLE", help="queue refused bundles again")
    sync.add_argument("--data-dir", help="the data folder (default: the app's)")
    sync.set_defaults(func=cmd_sync)
    assessors = subparsers.add_parser("assessors", help="assessors' keys bound to their provider records")
    asub = assessors.add_subparsers(dest="assessors_command", required=True)
    bind = asub.add_parser("bind", help="bind an assessor's PIN-protected key with their one-time code")
    bind.add_argument("id", help="the assessor's id at the provider")
    listing = asub.add_parser("list", help="assessors bound here and what the provider last said")
    for p in (bind, listing):
        p.add_argument("--data-dir", help="the data folder (default: the app's)")
    assessors.set_defaults(func=cmd_assessors)
