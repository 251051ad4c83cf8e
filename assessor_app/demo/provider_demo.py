"""``assessor provider demo``: the training provider's side on one machine, with a cohort of workshops.

The provider's records (three workshops, in Finland, Spain and Portugal, and four assessors, one of
whom's qualification runs out in a few weeks) are made as `assessor provider workshops|assessors
add` make them. Each assessor's workstation records its part of the cohort (``cohort``: 32
assessments on the four shipped checklists, scripted, on a simulated clock, vehicle and camera, the
workstations side by side in processes of their own), enrolls with a one-time code for its
workshop, its assessor binds their key with an assessor code, and the sealed bundles are delivered
over HTTP (tus) with signed receipts. Two bundles are quarantined with their reasons: one sealed
with a copied workstation key and an assessor key nobody bound, one whose photo was changed after
sealing. A console user (coordinator) is made with a password kept in the folder's ``demo.json``
(owner-only), so running it again on the folder prints the same login and records nothing twice.
A moderation cycle ``demo`` over the cohort, with a moderator login of its own, a drawn sample and a
panel's verdicts, is set up by :mod:`assessor_app.demo.moderation_cycle`; the awarding body and the
credentials the rules then allow, by :mod:`assessor_app.demo.credentials_demo`.
"""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
import os
import secrets
import shutil
import signal
import threading
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assessor_app.demo import cohort_messages as c_
from assessor_app.demo.assessment import DEMO_AWARDING_BODY, DEMO_PIN
from assessor_app.demo.cohort import ASSESSORS, WORKSHOPS, Plan, cohort, workstation_of
from assessor_app.demo.cohort_run import BUILT_FILE, Recorded, build_workstation
from assessor_app.demo.credentials_demo import DemoCredentials, credentials_demo
from assessor_app.demo.moderation_cycle import DemoCycle, moderation_demo
from assessor_app.demo.quarantine import hostile_bundles, sync
from assessor_app.durable import open_private
from assessor_app.evidence.sealing import keys_dir
from assessor_app.i18n import Msg, format_date, render
from assessor_app.provider.console import accounts
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.assessors import bind_assessor
from assessor_app.sync.enrollment import (
    current_enrollment,
    enroll,
    move_provider,
    open_outbox,
    provider_client,
    queue_sealed_bundles,
)
from assessor_app.sync.outbox import Outbox

DEMO_FILE = "demo.json"  # the console login and what has been done in this folder
CONSOLE_USER = "demo-coordinator"
CONSOLE_ROLE = "coordinator"
WORKERS = max(1, min(2, os.cpu_count() or 1))


@dataclass(frozen=True)
class ProviderDemo:
    folder: Path  # the provider's folder
    workstations: list[Path]
    delivered: list[str]  # bundle ids the provider holds from the cohort's workstations
    quarantined: list[str]  # reasons
    recorded: list[Recorded]  # recorded by this run (none when the folder had the cohort already)
    build_seconds: float
    user: str
    password: str
    moderator: str = ""
    moderator_password: str = ""
    cycle: DemoCycle | None = None
    credentials: DemoCredentials | None = None


def console_line(port: int, user: str, password: str) -> str:
    """The one line a script reads to log in (its words are fixed, in every language)."""
    return f"console: http://127.0.0.1:{port}/console/ user: {user} password: {password}"


def _state(folder: Path) -> dict[str, Any]:
    path = folder / DEMO_FILE
    if path.exists():
        loaded = json.loads(path.read_text(encoding="utf-8"))
        if isinstance(loaded, dict) and isinstance(loaded.get("password"), str):
            return loaded
    return {"user": CONSOLE_USER, "password": secrets.token_urlsafe(12)}


def _save(folder: Path, state: dict[str, Any]) -> None:
    path = folder / DEMO_FILE
    partial = path.with_name(path.name + ".partial")
    with open_private(partial, "w") as f:
        f.write(json.dumps(state, indent=2))
        f.flush()
        os.fsync(f.fileno())
    os.replace(partial, path)
    os.chmod(path, 0o600)


def create_demo_user(service: ProviderService, name: str, password: str) -> None:
    """Make the console's coordinator login with ``password``; a user of that name made before (by an
    earlier run on this folder) gets ``password`` again, so that the login printed is the one that works."""
    if accounts.user(service.store, name) is None:
        accounts.add_user(service.store, name, CONSOLE_ROLE, password)
    else:
        accounts.set_password(service.store, name, password)


def _records(service: ProviderService) -> None:
    directory = service.directory
    have = {w.id for w in directory.workshops()}
    for w in WORKSHOPS:
        if w.id not in have:
            directory.add_workshop(w.id, name=w.name, country=w.country, address=w.address)
    known = {a.id for a in directory.assessors()}
    for a in ASSESSORS:
        if a.id not in known:
            directory.add_assessor(
                a.id,
                name=a.name,
                qualification=a.qualification,
                qualification_ref=a.qualification_ref,
                expires=dt.date.today() + dt.timedelta(days=a.expires_in_days),
                workshops=[a.workshop],
            )


def build_cohort(
    folder: Path,
    plans: list[Plan],
    *,
    workers: int = WORKERS,
    video: bool = True,
    on_built: Callable[[str], None] = lambda _name: None,
) -> list[Recorded]:
    """Record the workstations not recorded yet, side by side; a workstation left half-recorded by an
    interruption (never enrolled: delivery comes after) is recorded again from the start. ``on_built``
    is told each workstation's name as soon as it is recorded (its delivery can start while others
    record)."""
    todo: dict[str, list[Plan]] = {}
    for plan in plans:
        if not (folder / plan.workstation / BUILT_FILE).exists():
            todo.setdefault(plan.workstation, []).append(plan)
    for name in todo:
        shutil.rmtree(folder / name, ignore_errors=True)
    if not todo:
        return []
    done: list[Recorded] = []
    if workers <= 1 or len(todo) == 1:
        for name, mine in todo.items():
            done += build_workstation(folder / name, mine, video)
            on_built(name)
        return done
    with ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn")) as pool:
        futures = {
            pool.submit(build_workstation, folder / name, mine, video): name for name, mine in todo.items()
        }
        for future in as_completed(futures):
            done += future.result()
            on_built(futures[future])
    return sorted(done, key=lambda r: r.number)


def run_provider_demo(
    folder: Path,
    *,
    port: int = 0,
    say: Callable[[str], None] = print,
    language: str = "en",
    workers: int = WORKERS,
    video: bool = True,
) -> tuple[ProviderDemo, ProviderServer]:
    """Set the demo provider up with its cohort and leave it serving; the caller stops the server."""

    def line(msg: Msg, indent: str = "  ") -> None:
        say(indent + render(msg, language))

    folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    state = _state(folder)
    _save(folder, state)
    provider_folder = folder / "provider"
    config = ProviderConfig(provider_folder, awarding_body=DEMO_AWARDING_BODY, awarding_country="FI")
    server = ProviderServer(config=config, port=port).start()
    try:
        service = server.service
        _records(service)
        line(
            c_.PROVIDER(url=server.url, folder=str(provider_folder), key=service.store.key.fingerprint[:16]),
            "",
        )
        for w in service.directory.workshops():
            line(c_.WORKSHOP(id=w.id, name=w.name, country=w.country, address=w.address))
        for a in service.directory.assessors():
            expires = a.qualification_expires
            line(
                c_.ASSESSOR(
                    id=a.id,
                    name=a.name,
                    qualification=a.qualification,
                    expires=format_date(expires, language) if isinstance(expires, dt.date) else str(expires),
                    workshop=", ".join(a.workshops),
                )
            )
        plans = cohort()
        names = sorted({p.workstation for p in plans})
        started = time.monotonic()
        reuse = all((folder / n / BUILT_FILE).exists() for n in names)
        if reuse:
            line(c_.REUSED(folder=str(folder)), "")
        else:
            line(c_.BUILDING(count=len(plans), workstations=len(names)), "")
        line(c_.DELIVERING(), "")
        recorded: list[Recorded] = []
        held: dict[str, list[str]] = {}

        def deliver(name: str) -> None:
            assessor = next(a for a in ASSESSORS if workstation_of(a) == name)
            held[name] = _deliver(server, service, folder / name, assessor.id, assessor.workshop, line)

        if not reuse:  # each workstation delivers as soon as it has recorded its part
            recorded = build_cohort(folder, plans, workers=workers, video=video, on_built=deliver)
            line(c_.BUILT(seconds=round(time.monotonic() - started)))
        for name in names:
            if name not in held:
                deliver(name)
        delivered = [bundle for name in names for bundle in held[name]]
        quarantined = state.get("quarantined")
        if not isinstance(quarantined, list):
            quarantined = hostile_bundles(folder, plans, line)
            state["quarantined"] = quarantined
            _save(folder, state)
        if not state.get("console_user") or accounts.user(service.store, state["user"]) is None:
            create_demo_user(service, state["user"], state["password"])
            state["console_user"] = True
            _save(folder, state)
        build_seconds = time.monotonic() - started
        moderator, moderator_password, cycle = moderation_demo(server, state, line, language)
        _save(folder, state)
        credentials = credentials_demo(server, line)
    except BaseException:
        server.close()
        raise
    return ProviderDemo(
        provider_folder,
        [folder / n for n in names],
        delivered,
        quarantined,
        recorded,
        build_seconds,
        state["user"],
        state["password"],
        moderator,
        moderator_password,
        cycle,
        credentials,
    ), server


def _enrolled(
    server: ProviderServer,
    service: ProviderService,
    outbox: Outbox,
    keys: Path,
    workshop: str,
    workstation: Path,
    line: Callable[[Msg], None],
) -> None:
    if current_enrollment(outbox, keys) is None:
        code = service.registry.create_code(workshop, f"provider demo {workstation.name}")
        enroll(outbox, provider_url=server.url, code=code, keys_dir=keys)
        line(c_.ENROLLED(workstation=workstation.name, workshop=workshop))
    else:
        move_provider(outbox, keys, server.url)  # the demo may serve on another port this time


def _deliver(
    server: ProviderServer,
    service: ProviderService,
    workstation: Path,
    assessor_id: str,
    workshop: str,
    line: Callable[[Msg], None],
) -> list[str]:
    keys = keys_dir(workstation)
    store = AssessmentStore.open(workstation / "assessor.db")
    try:
        outbox = open_outbox(store, workstation)
        _enrolled(server, service, outbox, keys, workshop, workstation, line)
        if not any(k.revoked_us is None for k in service.directory.assessor(assessor_id).keys):
            client = provider_client(outbox, keys)
            try:
                bind_assessor(
                    client,
                    keys,
                    assessor_id=assessor_id,
                    code=service.directory.create_assessor_code(assessor_id),
                    pin=DEMO_PIN,
                )
            finally:
                client.close()
            line(c_.BOUND(assessor=assessor_id))
        queue_sealed_bundles(outbox, workstation / "bundles")
        sync(outbox, keys)
        delivered = []
        for entry in outbox.entries():
            if entry.status == "delivered" and outbox.receipt(entry.bundle_id) is not None:
                delivered.append(entry.bundle_id)
                if entry.archive_path.exists():  # the sealed bundle stays; its copy for sending goes
                    outbox.prune(entry.bundle_id)
            else:
                line(
                    c_.NOT_DELIVERED(
                        bundle=entry.bundle_id, status=entry.status, error=entry.last_error or ""
                    )
                )
        line(c_.DELIVERED(workstation=workstation.name, delivered=len(delivered)))
        return delivered
    finally:
        store.close()


def serve_until_stopped(server: ProviderServer, say: Callable[[str], None] = print) -> None:
    """Serve until Ctrl-C (or SIGTERM); the provider then finishes what is under way and stops."""
    stop = threading.Event()
    previous = {s: signal.signal(s, lambda *_: stop.set()) for s in (signal.SIGINT, signal.SIGTERM)}
    say(f"Serving on {server.url} until Ctrl-C. Its API is described at {server.url}/openapi.json")
    try:
        stop.wait()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        server.close()
