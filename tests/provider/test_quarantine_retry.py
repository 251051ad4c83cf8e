"""The quarantine book: reasons with codes and whose fault they are, and a retry of the kept copy
through the real verified import once the provider's own records are put right.

Real provider (uvicorn on loopback, SQLite), real workstation outbox and sync worker, real seals.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
from pathlib import Path

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from securesystemslib.signer import CryptoSigner, SSlibKey
from sync_support import TEST_ASSESSOR, Workstation, bind_test_assessor, enroll, make_bundle

from assessor_app.evidence.keys import SigningKey
from assessor_app.i18n import render
from assessor_app.provider import quarantine_reasons as reasons
from assessor_app.provider.commands import register
from assessor_app.provider.quarantine import day_bounds_us, outcome_message
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig, Refused
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.enrollment import open_outbox
from assessor_app.sync.outbox import Enrollment, now_us
from assessor_app.sync.receipts import verify_receipt
from assessor_app.sync.upload import TusUploader
from assessor_app.sync.worker import SyncWorker, reconcile


def _key(owner: str) -> SigningKey:
    private = Ed25519PrivateKey.generate()
    return SigningKey(owner, CryptoSigner(private, SSlibKey.from_crypto(private.public_key())))


def _deliver(ws: Workstation, sealed) -> dict:  # type: ignore[no-untyped-def]
    uploader = TusUploader(ws.client)
    url = uploader.create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
    answer = ws.client.send("PATCH", url, content=sealed.archive.read_bytes(), headers={
        "Tus-Resumable": "1.0.0", "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"})
    assert answer.status_code == 204, answer.text
    return dict(ws.client.send("GET", f"{url}/result", params={"wait": 30}).json()) | {"url": url}


def test_a_bundle_quarantined_for_an_unbound_key_is_held_after_the_key_is_bound_and_retried(
        provider: ProviderServer, workstation: Workstation, tmp_path: Path):
    service = provider.service
    book = service.quarantine
    fresh = _key(TEST_ASSESSOR)  # the assessor's new laptop: its key is not bound yet
    store = AssessmentStore.open(tmp_path / "ws" / "assessor.db")
    try:
        outbox = open_outbox(store, tmp_path / "ws")
        key = service.store.key
        outbox.save_enrollment(Enrollment(provider.url, workstation.key.fingerprint, "ws-1", "Workshop ws-1",
                                          key.fingerprint, key.public_pem(), now_us()))
        sealed = make_bundle(tmp_path / "ws", workstation.key, assessor=fresh, archive=False)
        outbox.add_bundle(sealed.folder)
        SyncWorker(outbox, workstation.client).run_once()
        entry = outbox.get(sealed.bundle_id)
        assert entry.status == "refused"
        assert "is not registered with this provider" in (entry.last_error or "")

        [first] = book.entries()
        assert (first.bundle_id, first.device, first.workshop_id) == (
            sealed.bundle_id, workstation.key.fingerprint, "ws-1")
        assert first.reason_code == "quarantine.assessor_key_unknown"
        assert first.reason_args == {"key": fresh.fingerprint[:16]}
        assert first.kind == reasons.PROVIDER and first.retryable
        assert first.manifest_sha256 == sealed.manifest_sha256
        assert Path(str(first.kept_at)).is_file()  # the uploaded archive, kept aside
        assert first.reason_in("en") == first.reason
        finnish = first.reason_in("fi")
        assert fresh.fingerprint[:16] in finnish

        # retried before anything changed: refused again, the history kept
        again = book.retry(first.id, by="coordinator anna")
        assert again.status == "quarantined" and again.reason_code == "quarantine.assessor_key_unknown"
        old = book.entry(first.id)
        assert (old.resolution, old.resolved_by, old.is_open) == ("again", "coordinator anna", False)
        second = book.entry(int(again.quarantine_id or 0))
        assert second.retry_of == first.id and second.is_open and second.kept_at == first.kept_at
        assert "number " + str(second.id) in render(outcome_message(again), "en")
        with pytest.raises(Refused) as resolved:
            book.retry(first.id, by="coordinator anna")
        assert resolved.value.status == 409 and resolved.value.code == "quarantine_resolved"

        # the provider binds the new key (the assessor's code, from their workstation), then retries
        bind_test_assessor(service, workstation.key.fingerprint, key=fresh)
        result = book.retry(second.id, by="coordinator anna")
        assert result.status == "imported", result
        said = render(outcome_message(result), "en")
        assert said == f"bundle {sealed.bundle_id} was verified and is held now"
        held = service.importer.held(sealed.bundle_id, workstation.key.fingerprint)
        assert held is not None and held.manifest_sha256 == sealed.manifest_sha256
        assert held.assessor_key == fresh.fingerprint
        done = book.entry(second.id)
        assert (done.resolution, done.resolved_by) == ("imported", "coordinator anna")
        assert book.entries() == [] and book.count(state="resolved") == 2 and book.count(state="all") == 2

        # the workstation learns it from the provider: its refused bundle is delivered with a receipt
        counts = reconcile(outbox, workstation.client)
        assert counts["receipted"] == 1
        delivered = outbox.get(sealed.bundle_id)
        assert delivered.status == "delivered"
        stored = outbox.receipt(sealed.bundle_id)  # deliver() verified it before storing it
        assert stored is not None and stored["manifest_sha256"] == sealed.manifest_sha256
        statement = verify_receipt(stored["envelope"], key.public_pem(),
                                   bundle_id=sealed.bundle_id, manifest_sha256=sealed.manifest_sha256,
                                   device_key_id=workstation.key.fingerprint)
        assert statement["workshop_id"] == "ws-1"
    finally:
        store.close()


def test_the_upload_result_says_imported_after_a_retry(provider: ProviderServer, workstation: Workstation):
    fresh = _key(TEST_ASSESSOR)
    sealed = make_bundle(workstation.folder, workstation.key, assessor=fresh)
    refused = _deliver(workstation, sealed)
    assert refused["status"] == "quarantined"
    bind_test_assessor(provider.service, workstation.key.fingerprint, key=fresh)
    [entry] = provider.service.quarantine.entries()
    assert provider.service.quarantine.retry(entry.id, by="admin").status == "imported"
    answer = workstation.client.send("GET", f"{refused['url']}/result").json()
    assert answer["status"] == "imported" and answer["receipt"]["payloadType"]
    assert workstation.client.receipt(sealed.bundle_id) is not None


def test_the_bundles_own_faults_are_never_retried(provider: ProviderServer, tmp_path: Path):
    genuine = enroll(provider, tmp_path / "genuine", "ws-1")
    thief = enroll(provider, tmp_path / "thief", "ws-2")
    assert _deliver(thief, genuine.bundle())["status"] == "quarantined"
    [stolen] = provider.service.quarantine.entries()
    assert stolen.reason_code == "quarantine.sealed_by_another" and stolen.kind == reasons.BUNDLE
    assert not stolen.retryable
    with pytest.raises(Refused) as refused:
        provider.service.quarantine.retry(stolen.id, by="admin")
    assert refused.value.status == 409 and refused.value.code == "quarantine_bundle_fault"
    assert "importing it again cannot change that" in str(refused.value)
    assert provider.service.quarantine.entry(stolen.id).is_open  # nothing changed
    with pytest.raises(Refused) as unknown:
        provider.service.quarantine.retry(99999, by="admin")
    assert unknown.value.status == 404 and str(unknown.value) == "there is no quarantined bundle number 99999"


def test_a_later_delivery_of_the_same_bundle_resolves_its_quarantine(
        provider: ProviderServer, workstation: Workstation):
    provider.service.directory.add_workshop("ws-9", name="Elsewhere", country="SE")
    provider.service.directory.update_assessor(TEST_ASSESSOR, add_workshops=["ws-9"],
                                               remove_workshops=["ws-1"])
    sealed = workstation.bundle()
    assert _deliver(workstation, sealed)["status"] == "quarantined"
    [entry] = provider.service.quarantine.entries(kind=reasons.PROVIDER)
    assert entry.reason_code == "quarantine.assessor_not_in_workshop"
    assert entry.reason_args == {"assessor": TEST_ASSESSOR, "workshop": "ws-1"}
    provider.service.directory.update_assessor(TEST_ASSESSOR, add_workshops=["ws-1"])
    assert _deliver(workstation, sealed)["status"] == "imported"  # the workstation sent it again
    resolved = provider.service.quarantine.entry(entry.id)
    assert (resolved.resolution, resolved.resolved_by) == ("imported", "delivery")


def test_filters_of_the_book(provider: ProviderServer, tmp_path: Path):
    a = enroll(provider, tmp_path / "a", "ws-a")
    m = enroll(provider, tmp_path / "m", "ws-m")
    assert _deliver(a, a.bundle(assessor=_key(TEST_ASSESSOR)))["status"] == "quarantined"  # provider side
    assert _deliver(m, a.bundle())["status"] == "quarantined"  # m replays a's bundle: its own fault
    book = provider.service.quarantine
    assert [e.workshop_id for e in book.entries(workshop_id="ws-a")] == ["ws-a"]
    assert [e.reason_code for e in book.entries(workshop_id="ws-m")] == ["quarantine.sealed_by_another"]
    assert [e.workshop_id for e in book.entries(kind="provider")] == ["ws-a"]
    assert [e.workshop_id for e in book.entries(kind="bundle")] == ["ws-m"]
    today = dt.datetime.now(dt.UTC).date()
    assert book.count(state="all") == 2 and book.count(state="resolved") == 0
    since, until = day_bounds_us(today, today)
    assert book.count(since_us=since, until_us=until) == 2
    since, until = day_bounds_us(today - dt.timedelta(days=3), today - dt.timedelta(days=1))
    assert book.count(since_us=since, until_us=until) == 0
    with pytest.raises(Refused, match="the first day must not be after the last"):
        day_bounds_us(today, today - dt.timedelta(days=1))
    with pytest.raises(Refused, match="the state must be open, resolved or all"):
        book.entries(state="everything")
    with pytest.raises(Refused, match="the kind of reason must be provider or bundle"):
        book.count(kind="mine")


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="assessor")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return int(args.func(args))


def test_a_usb_import_keeps_its_copy_and_the_command_line_retries_it(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    folder = tmp_path / "provider"
    server = ProviderServer(config=ProviderConfig(folder)).start()
    ws = enroll(server, tmp_path / "ws")
    ws.client.close()
    server.close()
    fresh = _key(TEST_ASSESSOR)
    sealed = make_bundle(tmp_path / "ws", ws.key, assessor=fresh, archive=False)
    assert _run("provider", "import", "--folder", str(folder), str(sealed.folder)) == 1
    assert _run("provider", "quarantine", "list", "--folder", str(folder)) == 0
    out = capsys.readouterr().out
    assert "1 open" in out and "retry: assessor provider quarantine retry 1" in out
    service = ProviderService(ProviderConfig(folder))
    try:
        [entry] = service.quarantine.entries()
        assert Path(str(entry.kept_at)).is_dir()  # the checked copy, not the stick
        bind_test_assessor(service, ws.key.fingerprint, key=fresh)
    finally:
        service.close()
    assert _run("provider", "quarantine", "retry", "1", "--folder", str(folder)) == 0
    out = capsys.readouterr().out
    assert f"bundle {sealed.bundle_id} was verified and is held now" in out
    assert _run("provider", "quarantine", "retry", "1", "--folder", str(folder)) == 1
    assert "is resolved already" in capsys.readouterr().out
    assert _run("provider", "quarantine", "list", "--state", "resolved", "--folder", str(folder)) == 0
    assert "imported by the command line" in capsys.readouterr().out


def test_old_quarantine_rows_get_their_codes_where_a_retry_can_cure_them(tmp_path: Path):
    from alembic import command
    from sqlalchemy import create_engine, text

    from assessor_app.provider.schema import _alembic_config

    db = tmp_path / "provider" / "provider.db"
    db.parent.mkdir()
    engine = create_engine(f"sqlite:///{db}")
    with engine.connect() as conn:
        command.upgrade(_alembic_config(conn), "p0002")  # type: ignore[arg-type]
        conn.commit()
        for reason in ("the assessor key 0123456789abcdef is not registered with this provider: an assessor "
                       "binds their key to their record once, with an assessor code",
                       "assessor a-1's qualification (SFS 6002) expired on 2020-01-31, before the "
                       "assessment on 2020-02-03",
                       "verification failed: data/events.jsonl does not match its hash"):
            conn.execute(text("INSERT INTO quarantine (bundle_id, device, source, kept_at, reason, "
                              "received_us) VALUES ('b', 'd', 'upload x', NULL, :r, 1)"), {"r": reason})
        conn.commit()
    engine.dispose()
    service = ProviderService(ProviderConfig(tmp_path / "provider"))
    try:
        rows = {e.reason_code: e for e in service.quarantine.entries()}
        assert set(rows) == {"quarantine.assessor_key_unknown", "quarantine.qualification_expired", None}
        assert rows["quarantine.assessor_key_unknown"].reason_args == {"key": "0123456789abcdef"}
        expired = rows["quarantine.qualification_expired"]
        assert expired.reason_args == {"assessor": "a-1", "qualification": "SFS 6002",
                                       "expired": "2020-01-31", "assessed": "2020-02-03"}
        assert expired.reason_in("en") == expired.reason and expired.kind == reasons.PROVIDER
        assert rows[None].kind == reasons.BUNDLE and rows[None].reason_in("sv") == rows[None].reason
        assert json.loads(json.dumps(expired.reason_args)) == expired.reason_args
    finally:
        service.close()


def test_an_upload_left_waiting_by_a_full_disk_is_listed_and_imported_on_demand(
        small_disk: Path, tmp_path: Path):
    import os

    from small_disk import fill

    server = ProviderServer(config=ProviderConfig(small_disk / "provider")).start()
    ws = enroll(server, tmp_path / "ws")
    try:
        sealed = make_bundle(tmp_path / "ws", ws.key, extra_bytes=3 * 1024 * 1024)
        url = TusUploader(ws.client).create(sealed.archive, sealed.bundle_id, sealed.manifest_sha256)
        filler = fill(small_disk)
        os.truncate(filler, max(0, filler.stat().st_size - 4 * 1024 * 1024))  # room to receive, not unpack
        answer = ws.client.send("PATCH", url, content=sealed.archive.read_bytes(), headers={
            "Tus-Resumable": "1.0.0", "Upload-Offset": "0",
            "Content-Type": "application/offset+octet-stream"})
        assert answer.status_code == 204, answer.text
        result = ws.client.send("GET", f"{url}/result", params={"wait": 30})
        assert result.status_code == 503  # the provider's own fault: nothing quarantined
        service = server.service
        assert service.quarantine.entries(state="all") == []
        [waiting] = service.waiting_uploads()
        assert (waiting.bundle_id, waiting.device) == (sealed.bundle_id, ws.key.fingerprint)
        filler.unlink()  # the administrator frees space, then imports it without waiting for the workstation
        done = service.retry_upload(waiting.id)
        assert done is not None and done.status == "imported"
        assert service.waiting_uploads() == []
        assert service.importer.held(sealed.bundle_id, ws.key.fingerprint) is not None
        with pytest.raises(Refused) as gone:
            service.retry_upload(waiting.id)
        assert gone.value.status == 409 and "is not waiting for an import" in str(gone.value)
    finally:
        ws.client.close()
        server.close()
