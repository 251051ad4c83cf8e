"""``assessor enroll`` and ``assessor sync`` through their own argument parser."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest
from sync_support import bind_test_assessor, make_bundle, provider_code

from assessor_app import paths
from assessor_app.errors import AssessorError
from assessor_app.evidence.keys import device_key
from assessor_app.provider.server import ProviderServer
from assessor_app.settings import Settings, save_settings
from assessor_app.sync.commands import CODE_ENV, register, sync_settings


def run(*argv: str) -> int:
    parser = argparse.ArgumentParser(prog="assessor")
    register(parser.add_subparsers(dest="command"))
    args = parser.parse_args(list(argv))
    return int(args.func(args))


def test_enroll_then_sync_delivers_the_sealed_bundles(provider: ProviderServer, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      capsys: pytest.CaptureFixture[str]):
    data = tmp_path / "data"
    with pytest.raises(AssessorError, match="not enrolled"):
        run("sync", "--data-dir", str(data))
    monkeypatch.setenv(CODE_ENV, provider_code(provider.service))
    assert run("enroll", provider.url, "--workshop-id", "ws-1", "--data-dir", str(data)) == 0
    assert "pinned" in capsys.readouterr().out
    key = device_key(data / "keys")
    bind_test_assessor(provider.service, key.fingerprint)
    bundles = [make_bundle(data, key, archive=False) for _ in range(2)]
    assert run("sync", "--data-dir", str(data), "--status") == 0
    assert "2 waiting" in capsys.readouterr().out
    assert run("sync", "--data-dir", str(data), "--reconcile") == 0
    out = capsys.readouterr().out
    assert all(f"delivered {b.bundle_id}" in out for b in bundles) and "0 waiting, 2 delivered" in out
    assert run("sync", "--data-dir", str(data), "--reconcile") == 0
    assert "holds exactly the bundles delivered" in capsys.readouterr().out


def test_sync_with_the_provider_down_says_it_will_resume(provider: ProviderServer, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch,
                                                          capsys: pytest.CaptureFixture[str]):
    data = tmp_path / "data"
    monkeypatch.setenv(CODE_ENV, provider_code(provider.service))
    run("enroll", provider.url, "--workshop-id", "ws-1", "--data-dir", str(data))
    bind_test_assessor(provider.service, device_key(data / "keys").fingerprint)
    make_bundle(data, device_key(data / "keys"), archive=False)
    provider.stop()
    assert run("sync", "--data-dir", str(data)) == 1
    assert "Not finished" in capsys.readouterr().out
    provider.start()
    assert run("sync", "--data-dir", str(data)) == 0


def test_sync_takes_the_saved_delivery_settings_and_the_command_line_wins(
        provider: ProviderServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv(paths.DATA_DIR_ENV, str(tmp_path / "config"))  # where settings.json is read
    save_settings(Settings(sync_prune_after_receipt=True, sync_bandwidth_limit_kbps=300))
    parser = argparse.ArgumentParser(prog="assessor")
    register(parser.add_subparsers(dest="command"))
    saved = sync_settings(parser.parse_args(["sync"]))
    assert (saved.prune_after_receipt, saved.bandwidth_limit) == (True, 300_000)
    assert sync_settings(parser.parse_args(["sync", "--limit-kbps", "50"])).bandwidth_limit == 50_000
    with pytest.raises(AssessorError, match="at least 1 kB/s"):
        sync_settings(parser.parse_args(["sync", "--limit-kbps", "0"]))
    # and the saved choice to prune reaches the worker: the archive goes once the receipt is stored
    data = tmp_path / "data"
    monkeypatch.setenv(CODE_ENV, provider_code(provider.service))
    run("enroll", provider.url, "--workshop-id", "ws-1", "--data-dir", str(data))
    bind_test_assessor(provider.service, device_key(data / "keys").fingerprint)
    sealed = make_bundle(data, device_key(data / "keys"), archive=False)
    save_settings(Settings(sync_prune_after_receipt=True))
    assert run("sync", "--data-dir", str(data)) == 0
    assert not (data / "outbox" / f"{sealed.bundle_id}.tar").exists()
