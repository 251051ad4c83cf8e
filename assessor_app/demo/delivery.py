"""The demo's delivery: a provider on loopback, enrollment, and an upload stopped and resumed.

The provider runs as ``assessor provider serve`` in a process of its own, with its embedded
default (SQLite and files in ``<demo data>/provider``). Halfway through the second chunk the
demo kills that process, as a crash or a power cut would, and starts it again on the same port:
the chunk in flight is lost, every confirmed byte is kept, and the upload goes on from there.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import threading
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import assessor_app
from assessor_app.demo import messages as m_
from assessor_app.demo.assessment import DEMO_AWARDING_BODY
from assessor_app.durable import private_opener
from assessor_app.errors import AssessorError
from assessor_app.evidence.keys import device_key
from assessor_app.i18n import Msg, format_date, format_datetime, render
from assessor_app.paths import app_command
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig, Refused
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.assessors import bind_assessor
from assessor_app.sync.client import TransientError
from assessor_app.sync.enrollment import (
    current_enrollment,
    enroll,
    move_provider,
    open_outbox,
    provider_client,
)
from assessor_app.sync.outbox import Entry, Outbox
from assessor_app.sync.receipts import verify_receipt
from assessor_app.sync.upload import MiB, TusUploader

DEMO_WORKSHOP = ("ws-demo", "Demo Workshop", "FI", "Korjaamotie 1, 00100 Helsinki")
DEMO_QUALIFICATION = (m_.QUALIFICATION, "SFS6002-DEMO-0003")  # its name as the provider writes it
START_TIMEOUT_S = 60.0


class DemoDeliveryError(AssessorError):
    """The demo cannot deliver its bundle; the message says why."""


@dataclass(frozen=True)
class DemoDelivery:
    """What the demo's delivery showed: the stored receipt, the stop and the resume."""

    provider_url: str
    provider_folder: Path
    provider_key_id: str  # the key the receipt was verified against (pinned at enrollment)
    enrolled_now: bool  # False: enrolled in an earlier demo run on this data folder
    receipt: dict[str, Any]  # the verified receipt statement: bundle, manifest, time received
    import_status: str  # the provider's import result: "imported"
    stored_path: str
    payload_bytes: int
    size: int  # bytes of the archive sent
    chunk_size: int
    stopped_at: int | None  # bytes confirmed when the provider was stopped; None: no stop
    resumed_from: int | None
    resent_bytes: int  # bytes of chunks started more than once (a cut chunk counts whole)


class ProviderProcess:
    """``assessor provider serve`` on loopback in its own process; its log goes to provider.log."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.port = 0  # the first start picks a free port; a restart comes back on it
        self.url = ""
        self._proc: subprocess.Popen[str] | None = None

    def start(self) -> str:
        package_root = str(Path(assessor_app.__file__).resolve().parents[1])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            p for p in (package_root, os.environ.get("PYTHONPATH", "")) if p)}
        command = [*app_command(), "provider", "serve",
                   "--folder", str(self.folder), "--port", str(self.port),
                   "--awarding-body", DEMO_AWARDING_BODY, "--country", "FI"]
        with open(self.folder / "provider.log", "a", encoding="utf-8", opener=private_opener) as log:
            proc = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True, env=env)
        self._proc = proc
        watchdog = threading.Timer(START_TIMEOUT_S, proc.kill)  # one that never says it serves
        watchdog.start()
        url = ""
        try:
            assert proc.stdout is not None
            for line in proc.stdout:
                if line.startswith("Serving on "):
                    url = line.split()[2]
                    break
        finally:
            watchdog.cancel()
        if not url:
            proc.kill()
            proc.wait()
            raise DemoDeliveryError(m_.PROVIDER_DID_NOT_START(log=str(self.folder / "provider.log")))
        self.url, self.port = url, int(url.rsplit(":", 1)[1])
        return url

    def kill(self) -> None:
        """Stop at once, as a crash would: requests in flight are cut off."""
        if self._proc is not None:
            self._proc.kill()
            self._finish()

    def stop(self) -> None:
        """Stop as an administrator would (imports under way finish first)."""
        if self._proc is not None:
            self._proc.terminate()
            try:
                self._proc.wait(30)
            except subprocess.TimeoutExpired:
                self._proc.kill()
            self._finish()

    def _finish(self) -> None:
        assert self._proc is not None
        self._proc.wait()
        if self._proc.stdout is not None:
            self._proc.stdout.close()
        self._proc = None


def received_text(received: object, language: str) -> str:
    """The time a receipt says the provider received a bundle, as the language writes a date and time
    (in this computer's time zone); a value that is not an ISO time is shown as it is."""
    try:
        moment = dt.datetime.fromisoformat(str(received).replace("Z", "+00:00"))
    except ValueError:
        return str(received)
    local = dt.datetime.now().astimezone().tzinfo
    return format_datetime(moment, language, tz=local)


def deliver_demo_bundle(store: AssessmentStore, data_dir: Path, *, bundle_id: str, manifest_sha256: str,
                        archive: Path, assessor: tuple[str, str], pin: str,
                        say: Callable[[str], None] = print, language: str = "en") -> DemoDelivery:
    """Start a provider, enroll, bind the assessor's key, upload the sealed bundle (stopping the
    provider once), store the receipt. ``assessor`` is the (id, name) who co-signed the seal; the
    steps are told (``say``) in ``language``."""
    def line(msg: Msg) -> None:
        say("  " + render(msg, language))

    folder = data_dir / "provider"
    keys = data_dir / "keys"
    outbox = open_outbox(store, data_dir)
    provider_key_id, code, assessor_code = _prepare_provider(folder, outbox, keys, data_dir, assessor,
                                                             language)
    provider = ProviderProcess(folder)
    provider.start()
    line(m_.PROVIDER_STARTED(url=provider.url, folder=str(folder), key=provider_key_id[:16]))
    try:
        if code is not None:
            enrollment = enroll(outbox, provider_url=provider.url, code=code, keys_dir=keys,
                                expected_fingerprint=provider_key_id)
            line(m_.ENROLLED(workshop=DEMO_WORKSHOP[0], device=device_key(keys).fingerprint[:16],
                             enrolled=enrollment.workshop_id, name=enrollment.workshop_name))
        else:
            move_provider(outbox, keys, provider.url)
            line(m_.ENROLLED_BEFORE())
        if assessor_code is not None:
            client = provider_client(outbox, keys)
            try:
                bound = bind_assessor(client, keys, assessor_id=assessor[0], code=assessor_code, pin=pin)
            finally:
                client.close()
            line(m_.ASSESSOR_BOUND(assessor=bound.assessor_id, name=bound.name,
                                   qualification=bound.qualification,
                                   expires=_date_text(bound.qualification_expires, language),
                                   key=bound.key_id[:16]))
        entry = outbox.get(bundle_id) or outbox.add_archive(archive, bundle_id, manifest_sha256)
        result, stats = _upload_with_a_stop(provider, outbox, entry, keys, line)
        outbox.deliver(bundle_id, result["receipt"])
        stored = outbox.receipt(bundle_id)
        enrollment = outbox.enrollment()
        assert stored is not None and enrollment is not None
        # what the workstation keeps, checked again as anyone holding the pinned key would
        statement = verify_receipt(stored["envelope"], enrollment.provider_public_pem, bundle_id=bundle_id,
                                   manifest_sha256=manifest_sha256, device_key_id=enrollment.device_key_id)
    finally:
        provider.stop()
    status, stored_path, payload = _import_result(folder, bundle_id, device_key(keys).fingerprint)
    line(m_.RECEIPT_STORED(bundle=statement["bundle_id"], manifest=statement["manifest_sha256"],
                           received=received_text(statement["received"], language),
                           key=stored["provider_key_id"][:16]))
    line(m_.IMPORT_RESULT(status=m_.IMPORTED() if status == "imported" else status, size=payload,
                          path=stored_path))
    return DemoDelivery(provider.url, folder, stored["provider_key_id"], code is not None, statement, status,
                        stored_path, payload, entry.size, stats["chunk"], stats["stopped_at"],
                        stats["resumed_from"], stats["resent"])


def _prepare_provider(folder: Path, outbox: Outbox, keys: Path, data_dir: Path, assessor: tuple[str, str],
                      language: str = "en") -> tuple[str, str | None, str | None]:
    """The provider's key id, an enrollment code unless this workstation is enrolled there already,
    and an assessor code unless the assessor's key is bound there already.

    The workshop and the assessor are the provider's records, made here as `assessor provider
    workshops add` and `assessor provider assessors add` make them.
    """
    pinned = current_enrollment(outbox, keys)
    refusal = DemoDeliveryError(m_.ENROLLED_ELSEWHERE(folder=str(data_dir),
                                                      url=pinned.provider_url if pinned else "?"))
    if pinned is not None and not (folder / "provider.db").exists():
        raise refusal  # before a demo provider is made
    service = ProviderService(ProviderConfig(folder))
    try:
        if pinned is not None and service.store.key.fingerprint != pinned.provider_key_id:
            raise refusal
        workshop_id, name, country, address = DEMO_WORKSHOP
        if workshop_id not in {w.id for w in service.directory.workshops()}:
            service.directory.add_workshop(workshop_id, name=name, country=country, address=address)
        if assessor[0] not in {a.id for a in service.directory.assessors()}:
            expires = dt.date.today() + dt.timedelta(days=365)
            service.directory.add_assessor(assessor[0], name=assessor[1],
                                           qualification=render(DEMO_QUALIFICATION[0](), language),
                                           qualification_ref=DEMO_QUALIFICATION[1], expires=expires,
                                           workshops=[workshop_id])
        try:
            service.registry.usable_device(device_key(keys).fingerprint)
            known = True
        except Refused:
            known = False
        code = None if known and pinned is not None else service.registry.create_code(workshop_id, "demo")
        bound = any(k.revoked_us is None for k in service.directory.assessor(assessor[0]).keys)
        assessor_code = None if bound else service.directory.create_assessor_code(assessor[0])
        return service.store.key.fingerprint, code, assessor_code
    finally:
        service.close()


def _date_text(day: object, language: str) -> str:
    if isinstance(day, dt.date):
        return format_date(day, language)
    try:
        return format_date(dt.date.fromisoformat(str(day)), language)
    except ValueError:
        return str(day)


def _upload_with_a_stop(provider: ProviderProcess, outbox: Outbox, entry: Entry, keys: Path,
                        say: Callable[[Msg], None]) -> tuple[dict[str, Any], dict[str, Any]]:
    """Upload; halfway through the second chunk kill the provider, start it again, resume."""
    size, bundle_id = entry.size, entry.bundle_id
    chunk = max(16 * 1024, min(8 * MiB, size // 4))  # at least four chunks: a stop has a middle
    confirmed = [entry.confirmed_offset]
    stopped: list[int] = []
    resumed: list[int] = []

    def progress(done: int, _total: int) -> None:
        if stopped and not resumed:
            resumed.append(done)  # the first offset the provider confirms after its restart
        confirmed[0] = done
        outbox.set_offset(bundle_id, done)

    def sending(position: int, total: int) -> None:
        start = confirmed[0]
        if stopped or start == 0 or start + chunk >= total or position - start < chunk // 2:
            return  # only after a confirmed chunk, halfway through one that is not the last
        stopped.append(start)
        provider.kill()
        say(m_.PROVIDER_STOPPED(confirmed=start, size=total, in_flight=position - start))

    client = provider_client(outbox, keys)
    uploader = TusUploader(client, chunk_size=chunk, on_sending=sending)
    upload: dict[str, Any] = {"bundle_id": bundle_id, "manifest_sha256": entry.manifest_sha256,
                              "on_url": lambda url: outbox.set_upload(bundle_id, url),
                              "on_progress": progress}
    try:
        try:
            result = uploader.upload(entry.archive_path, url=entry.upload_url, **upload)
        except TransientError as exc:
            if not stopped:
                raise
            outbox.attempt_failed(bundle_id, str(exc))
            provider.start()
            uploader.on_sending = None
            held = outbox.get(bundle_id)
            result = uploader.upload(entry.archive_path, url=held.upload_url if held else None, **upload)
            say(m_.PROVIDER_RESTARTED(url=provider.url, offset=resumed[0], resent=uploader.stats.sent - size,
                                      chunk=chunk))
    finally:
        client.close()
    return result, {"chunk": chunk, "stopped_at": stopped[0] if stopped else None,
                    "resumed_from": resumed[0] if resumed else None, "resent": uploader.stats.sent - size}


def _import_result(folder: Path, bundle_id: str, device: str) -> tuple[str, str, int]:
    """What the provider's store holds for the bundle, read after the provider stopped."""
    service = ProviderService(ProviderConfig(folder))
    try:
        held = service.importer.held(bundle_id, device)
    finally:
        service.close()
    if held is None:
        raise DemoDeliveryError(m_.NOT_HELD(folder=str(folder), bundle=bundle_id))
    return "imported", str(held.stored_path), int(held.payload_bytes)
