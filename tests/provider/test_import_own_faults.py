"""A full disk at the provider is the provider's fault, never the bundle's: nothing is quarantined,
the workstation keeps the bundle pending, and the import succeeds once space is freed.

On a real full file system (a small tmpfs), not an injected exception.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

import pytest
from small_disk import fill
from sync_support import enroll, make_bundle

from assessor_app.provider.commands import register
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.enrollment import open_outbox
from assessor_app.sync.outbox import Enrollment, now_us
from assessor_app.sync.worker import SyncSettings, SyncWorker

BUNDLE_BYTES = 3 * 1024 * 1024


def _leave_free(folder: Path, free: int) -> Path:
    """Fill the file system, then give back ``free`` bytes: room to receive, not to unpack as well."""
    filler = fill(folder)
    os.truncate(filler, max(0, filler.stat().st_size - free))
    return filler


def test_an_upload_that_cannot_be_unpacked_for_want_of_space_waits_and_then_imports(
        small_disk: Path, tmp_path: Path):
    server = ProviderServer(config=ProviderConfig(small_disk / "provider")).start()
    ws = enroll(server, tmp_path / "ws")
    store = AssessmentStore.open(tmp_path / "ws" / "assessor.db")
    try:
        outbox = open_outbox(store, tmp_path / "ws")
        key = server.service.store.key
        outbox.save_enrollment(Enrollment(server.url, ws.key.fingerprint, "ws-1", "Workshop ws-1",
                                          key.fingerprint, key.public_pem(), now_us()))
        sealed = make_bundle(tmp_path / "ws", ws.key, extra_bytes=BUNDLE_BYTES, archive=False)
        outbox.add_bundle(sealed.folder)
        filler = _leave_free(small_disk, BUNDLE_BYTES + 1024 * 1024)
        worker = SyncWorker(outbox, ws.client, settings=SyncSettings(chunk_size=1024 * 1024))
        assert worker.run_once() is not None  # backs off: the provider said it failed on its side
        entry = outbox.get(sealed.bundle_id)
        assert entry.status == "pending", entry
        assert "the provider answered 503: The provider cannot import upload" in (entry.last_error or "")
        assert "its disk is full (No space left on device)" in (entry.last_error or "")
        assert "This is the provider's fault, not the bundle's" in (entry.last_error or "")
        assert server.service.importer.quarantined() == []
        assert list((small_disk / "provider" / "staging").iterdir()) == []  # the half unpacked is gone
        filler.unlink()  # the administrator frees space
        assert worker.run_once() is None
        assert outbox.get(sealed.bundle_id).status == "delivered"
        assert server.service.importer.held(sealed.bundle_id, ws.key.fingerprint) is not None
        assert server.service.importer.quarantined() == []
    finally:
        store.close()
        ws.client.close()
        server.close()


def _run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="assessor")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return int(args.func(args))


def test_a_usb_import_on_a_full_disk_says_import_again_and_quarantines_nothing(
        small_disk: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]):
    folder = small_disk / "provider"
    server = ProviderServer(config=ProviderConfig(folder)).start()
    ws = enroll(server, tmp_path / "ws")
    ws.client.close()
    server.close()
    usb = tmp_path / "usb"
    usb.mkdir()
    big = make_bundle(tmp_path / "ws", ws.key, extra_bytes=BUNDLE_BYTES)
    small = make_bundle(tmp_path / "ws", ws.key)
    os.replace(big.archive, usb / big.archive.name)
    os.replace(small.archive, usb / small.archive.name)
    filler = _leave_free(small_disk, BUNDLE_BYTES // 2)
    assert _run("provider", "import", "--folder", str(folder), str(usb)) == 1
    out = capsys.readouterr().out
    assert (f"NOT IMPORTED {usb / big.archive.name}: the provider could not import it on its own side "
            "(No space left on device); nothing was quarantined: it is imported when tried again once that "
            "is fixed") in out
    # the small one went on past the big one and is held (or, if even it did not fit, also waits)
    assert f"imported    {small.bundle_id}" in out or f"NOT IMPORTED {usb / small.archive.name}" in out
    service = ProviderService(ProviderConfig(folder))
    try:
        assert service.importer.quarantined() == []
    finally:
        service.close()
    filler.unlink()
    assert _run("provider", "import", "--folder", str(folder), str(usb)) == 0
    out = capsys.readouterr().out
    assert f"imported    {big.bundle_id}" in out and "2 of 2 bundle(s) held; 0 quarantined" in out
