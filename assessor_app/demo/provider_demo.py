"""``assessor provider demo``: the training provider's side on one machine, with simulated workshops.

The provider's records (two workshops, in Finland and Spain, and an assessor for each) are made
as `assessor provider workshops|assessors add` make them. A workstation of the Finnish workshop
runs a scripted assessment (simulated clock and vehicle), enrolls with a code for its workshop,
its assessor binds their key with an assessor code, and the sealed bundle is delivered over HTTP
with a signed receipt. A second bundle, co-signed by a key no assessor bound, is quarantined with
its reason. Then the provider serves on loopback until stopped (``--no-serve``: it stops there).
"""

from __future__ import annotations

import datetime as dt
import shutil
import signal
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from assessor_app.core.specs.library import load_library
from assessor_app.demo.assessment import DEMO_AWARDING_BODY, DEMO_PIN, run_demo
from assessor_app.durable import private_dir
from assessor_app.evidence.keys import DEVICE_KEY_FILE, device_key
from assessor_app.evidence.sealing import keys_dir
from assessor_app.paths import checklists_dir
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
from assessor_app.sync.worker import SyncWorker

WORKSHOPS = (
    ("garage-nord", "Autokorjaamo Pohjola", "FI", "Pohjoistie 5, 90100 Oulu"),
    ("taller-sur", "Taller Eléctrico Sur", "ES", "Calle Motor 12, 41001 Sevilla"),
)
ASSESSORS = (
    ("assessor-03", "Demo Assessor", "SFS 6002 electrical safety card, EV high-voltage work", "SFS6002-0003",
     "garage-nord"),
    ("asesor-07", "Lucía Martín", "DGUV 209-093 level 3S", "DGUV-3S-0707", "taller-sur"),
)


@dataclass(frozen=True)
class ProviderDemo:
    folder: Path
    workstation: Path
    delivered: list[str]  # bundle ids held, sealed by the demo workstation
    quarantined: list[str]  # reasons


def _records(service: ProviderService) -> None:
    directory = service.directory
    have = {w.id for w in directory.workshops()}
    for workshop_id, name, country, address in WORKSHOPS:
        if workshop_id not in have:
            directory.add_workshop(workshop_id, name=name, country=country, address=address)
    known = {a.id for a in directory.assessors()}
    expires = dt.date.today() + dt.timedelta(days=365)
    for assessor_id, name, qualification, ref, workshop_id in ASSESSORS:
        if assessor_id not in known:
            directory.add_assessor(assessor_id, name=name, qualification=qualification, qualification_ref=ref,
                                   expires=expires, workshops=[workshop_id])


def run_provider_demo(folder: Path, *, port: int = 0, say: Callable[[str], None] = print) -> tuple[
        ProviderDemo, ProviderServer]:
    """Set the demo provider up and leave it serving; the caller stops the returned server."""
    provider_folder, workstation = folder / "provider", folder / "workstation"
    config = ProviderConfig(provider_folder, awarding_body=DEMO_AWARDING_BODY, awarding_country="FI")
    server = ProviderServer(config=config, port=port).start()
    try:
        service = server.service
        _records(service)
        say(f"Provider on {server.url}, data in {provider_folder}, key {service.store.key.fingerprint[:16]}")
        for w in service.directory.workshops():
            say(f"  workshop {w.id}: {w.name} ({w.country}), {w.address}")
        for a in service.directory.assessors():
            say(f"  assessor {a.id}: {a.name}, {a.qualification} through {a.qualification_expires}, "
                f"assesses for {', '.join(a.workshops)}")
        say("A workstation of garage-nord runs a scripted HV isolation assessment (simulated clock and EV)")
        run_demo(load_library(checklists_dir()), workstation, say=lambda _line: None, video=False)
        store = AssessmentStore.open(workstation / "assessor.db")
        try:
            delivered = _deliver(server, service, store, workstation, say)
            quarantined = _hostile(server, store, workstation, say)
        finally:
            store.close()
    except BaseException:
        server.close()
        raise
    return ProviderDemo(provider_folder, workstation, delivered, quarantined), server


def _deliver(server: ProviderServer, service: ProviderService, store: AssessmentStore, workstation: Path,
             say: Callable[[str], None]) -> list[str]:
    keys = keys_dir(workstation)
    outbox = open_outbox(store, workstation)
    if current_enrollment(outbox, keys) is None:
        code = service.registry.create_code("garage-nord", "provider demo")
        enrolled = enroll(outbox, provider_url=server.url, code=code, keys_dir=keys)
        say(f"  enrolled with a one-time code for {enrolled.workshop_id} ({enrolled.workshop_name}); "
            f"workstation key {enrolled.device_key_id[:16]}")
    else:
        move_provider(outbox, keys, server.url)
    if not any(k.revoked_us is None for k in service.directory.assessor("assessor-03").keys):
        client = provider_client(outbox, keys)
        try:
            bound = bind_assessor(client, keys, assessor_id="assessor-03",
                                  code=service.directory.create_assessor_code("assessor-03"), pin=DEMO_PIN)
        finally:
            client.close()
        say(f"  assessor-03 bound their PIN-protected key {bound.key_id[:16]} with a one-time assessor code")
    queue_sealed_bundles(outbox, workstation / "bundles")
    client = provider_client(outbox, keys)
    try:
        SyncWorker(outbox, client, keys_dir=keys).run_once()
    finally:
        client.close()
    device = device_key(keys).fingerprint
    delivered = []
    for entry in outbox.entries():
        if entry.status == "delivered":
            receipt = outbox.receipt(entry.bundle_id)
            delivered.append(entry.bundle_id)
            say(f"  delivered bundle {entry.bundle_id} (workstation {device[:16]}); receipt signed "
                f"{receipt['received'] if receipt else '?'}")
        else:
            say(f"  bundle {entry.bundle_id}: {entry.status}: {entry.last_error}")
    return delivered


def _hostile(server: ProviderServer, store: AssessmentStore, workstation: Path,
             say: Callable[[str], None]) -> list[str]:
    """The enrolled workstation's key, copied elsewhere, seals with an assessor key made on the
    spot: the co-signature of no registered assessor. The provider quarantines it and says why."""
    keys = keys_dir(workstation)
    elsewhere = workstation.parent / "copied-workstation-key"
    if not (keys_dir(elsewhere) / DEVICE_KEY_FILE).exists():
        private_dir(keys_dir(elsewhere))
        shutil.copy2(keys / DEVICE_KEY_FILE, keys_dir(elsewhere) / DEVICE_KEY_FILE)
    rogue = run_demo(load_library(checklists_dir()), elsewhere, say=lambda _line: None, video=False)
    assert rogue.bundle is not None
    outbox = open_outbox(store, workstation)
    outbox.add_bundle(rogue.bundle)
    client = provider_client(outbox, keys)
    try:
        SyncWorker(outbox, client, keys_dir=keys).run_once()
    finally:
        client.close()
    entry = outbox.get(rogue.assessment_id)
    reason = entry.last_error if entry is not None else None
    say(f"  bundle {rogue.assessment_id}, sealed with the enrolled workstation's key and a freshly made "
        f"assessor key: {entry.status if entry else '?'}: {reason}")
    return [reason] if entry is not None and entry.status == "refused" and reason else []


def serve_until_stopped(server: ProviderServer, say: Callable[[str], None] = print) -> None:
    """Serve until Ctrl-C (or SIGTERM); the provider then finishes what is under way and stops."""
    import threading

    stop = threading.Event()
    previous = {s: signal.signal(s, lambda *_: stop.set()) for s in (signal.SIGINT, signal.SIGTERM)}
    say(f"Serving on {server.url} until Ctrl-C. Its API is described at {server.url}/openapi.json")
    try:
        stop.wait()
    finally:
        for s, handler in previous.items():
            signal.signal(s, handler)
        server.close()
