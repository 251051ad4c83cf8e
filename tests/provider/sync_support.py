"""Sealed bundles for the sync and provider tests, made by the product's own bundle writer."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from helpers import Driver, do_all_steps, load_mini, sign_and_finish
from securesystemslib.signer import CryptoSigner, SSlibKey

from assessor_app.core.engine import AssessmentEngine
from assessor_app.core.events import Event
from assessor_app.evidence.archive import write_archive
from assessor_app.evidence.bundle import PayloadFile, write_bundle
from assessor_app.evidence.keys import SigningKey, device_key
from assessor_app.provider.directory import bind_message
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.sync.client import ProviderClient


@lru_cache(maxsize=1)
def finished() -> tuple[AssessmentEngine, list[Event]]:
    """One finished assessment of the mini checklist, driven through the real engine."""
    d = Driver(load_mini())
    do_all_steps(d)
    sign_and_finish(d)
    return d.engine, d.events


@lru_cache(maxsize=1)
def assessor_key() -> SigningKey:
    private = Ed25519PrivateKey.generate()
    return SigningKey("assr-1", CryptoSigner(private, SSlibKey.from_crypto(private.public_key())))


@dataclass
class Sealed:
    folder: Path
    archive: Path
    bundle_id: str
    manifest_sha256: str


def make_bundle(where: Path, device: SigningKey, *, bundle_id: str | None = None,
                extra_bytes: int = 0, archive: bool = True, assessor: SigningKey | None = None,
                apart: bool = False) -> Sealed:
    """A sealed bundle (and its .tar) signed by ``device`` and ``assessor`` (default: the test
    assessor's key); ``extra_bytes`` of capture payload. ``apart``: the assessment keeps its identity
    apart, and the bundle holds it under identity/."""
    bundle_id = bundle_id or str(uuid.uuid4())
    engine, events = finished()
    identity = None
    if apart:
        from identity_support import finished_apart

        engine, events, identity = finished_apart()
    mini = load_mini()
    payload = []
    if extra_bytes:
        capture = where / "captures" / f"{bundle_id}.bin"
        capture.parent.mkdir(parents=True, exist_ok=True)
        data = os.urandom(extra_bytes)
        capture.write_bytes(data)
        payload.append(PayloadFile(capture, "capture/can.bin", hashlib.sha256(data).hexdigest(), len(data)))
    sealed = write_bundle(where / "bundles", bundle_id=bundle_id, engine=engine, events=events,
                          checklist_source=mini.checklist.source, parameters_source=mini.params.source,
                          keys=[device, assessor or assessor_key()], payload=payload, identity=identity)
    tar = write_archive(sealed.path, where / "archives" / f"{bundle_id}.tar") if archive else Path()
    return Sealed(sealed.path, tar, bundle_id, sealed.manifest_sha256)


def workstation_key(folder: Path) -> SigningKey:
    return device_key(folder)


@pytest.fixture
def provider(tmp_path: Path) -> Iterator[ProviderServer]:
    server = ProviderServer(tmp_path / "provider").start()
    yield server
    server.close()


@dataclass
class Workstation:
    key: SigningKey
    client: ProviderClient
    folder: Path

    def bundle(self, **kwargs: object) -> Sealed:
        return make_bundle(self.folder, self.key, **kwargs)  # type: ignore[arg-type]


TEST_ASSESSOR = "assr-1"  # the id assessor_key() signs as


def provider_code(service: ProviderService, workshop: str = "ws-1", *, country: str = "FI") -> str:
    """A one-time enrollment code for ``workshop``, which exists (made now if needed) with the test
    assessor registered for it, as the provider's administrator would set things up."""
    directory = service.directory
    if workshop not in {w.id for w in directory.workshops()}:
        directory.add_workshop(workshop, name=f"Workshop {workshop}", country=country)
    if TEST_ASSESSOR not in {a.id for a in directory.assessors()}:
        directory.add_assessor(TEST_ASSESSOR, name="Test Assessor", qualification="DGUV 209-093 level 3S",
                               expires=dt.date.today() + dt.timedelta(days=365), workshops=[workshop])
    elif workshop not in directory.assessor(TEST_ASSESSOR).workshops:
        directory.update_assessor(TEST_ASSESSOR, add_workshops=[workshop])
    return service.registry.create_code(workshop, "test")


def bind_test_assessor(service: ProviderService, device_key_id: str, key: SigningKey | None = None,
                       assessor_id: str = TEST_ASSESSOR) -> None:
    """Bind the test assessor's key at the provider, from an enrolled device of their workshop,
    through the provider's own binding checks (once per key and provider)."""
    key = key or assessor_key()
    if any(k.key_id == key.fingerprint for k in service.directory.assessor(assessor_id).keys):
        return
    device = service.registry.usable_device(device_key_id)
    code = service.directory.create_assessor_code(assessor_id)
    message = bind_message(service.store.key.fingerprint, assessor_id, code, key.fingerprint, device.key_id)
    service.directory.bind_key(device, assessor_id=assessor_id, code=code, public_pem=key.public_pem(),
                               signature=key.signer.sign(message).signature)


def enroll(provider: ProviderServer, folder: Path, workshop: str = "ws-1") -> Workstation:
    """A workstation enrolled into ``workshop`` whose bundles (co-signed by the test assessor) import."""
    key = workstation_key(folder / "keys")
    client = ProviderClient(provider.url, key)
    answer = client.enroll(provider_code(provider.service, workshop))
    client.provider_key_id = answer["provider_key_id"]
    bind_test_assessor(provider.service, key.fingerprint)
    return Workstation(key, client, folder)


@pytest.fixture
def workstation(provider: ProviderServer, tmp_path: Path) -> Iterator[Workstation]:
    ws = enroll(provider, tmp_path / "workstation")
    yield ws
    ws.client.close()


def _stub_pdf(*_args: object, **_kwargs: object) -> bytes:
    return b"%PDF-1.4\n% record rendering is not what these tests are about\n%%EOF\n"


@pytest.fixture
def fast_bundles(monkeypatch: pytest.MonkeyPatch) -> None:
    """Bundles in bulk: the PDF record (a tag file, checked by hash) is a stub, not a rendering.

    Rendering takes ~0.4 s per language; transport and import tests make hundreds of bundles,
    and the provider's verification still checks the stub's hash against the seal.
    """
    monkeypatch.setattr("assessor_app.evidence.bundle.render_record", _stub_pdf, raising=False)


class EnrolledSite:
    """A workstation's store and outbox enrolled with ``provider`` (its assessor key bound), with the
    sync worker that talks to it; the sync tests add what they read from the provider."""

    def __init__(self, folder: Path, provider: ProviderServer):
        from assessor_app.storage.store import AssessmentStore
        from assessor_app.sync import enrollment as sync_enrollment
        from assessor_app.sync.worker import SyncWorker

        self.folder = folder
        self.store = AssessmentStore.open(folder / "assessor.db")
        self.outbox = sync_enrollment.open_outbox(self.store, folder)
        self.keys = folder / "keys"
        sync_enrollment.enroll(self.outbox, provider_url=provider.url, code=provider_code(provider.service),
                               keys_dir=self.keys)
        self.device = device_key(self.keys).fingerprint
        bind_test_assessor(provider.service, self.device)
        self.worker = SyncWorker(self.outbox, sync_enrollment.provider_client(self.outbox, self.keys))

    def close(self) -> None:
        self.worker.client.close()
        self.store.close()
