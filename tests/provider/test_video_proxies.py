"""Browser-playable proxies of imported video: derived from the sealed segments, never changing them."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from sqlalchemy import select
from sync_support import Workstation
from video_support import SEGMENT_S, video_bundle

from assessor_app.cli import main
from assessor_app.evidence.verify import verify_bundle
from assessor_app.provider.media.bundle_video import read_manifest
from assessor_app.provider.media.segments import segments_of
from assessor_app.provider.media.settings import ProxySettings
from assessor_app.provider.media.webm import WebmError, read_webm
from assessor_app.provider.models import Derivative
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.store import ProviderConfig
from assessor_app.sync.upload import TusUploader

WAIT_S = 300  # generous: two shared cores; the worker says when it is idle, nothing sleeps


def _tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` with its hash: proof the sealed bundle was only read."""
    return {str(p.relative_to(root)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(root.rglob("*")) if p.is_file()}


def _rows(provider: ProviderServer) -> list[Derivative]:
    with provider.service.store.engine.connect() as conn:
        return list(conn.execute(select(Derivative).order_by(Derivative.source_name)).all())  # type: ignore[arg-type]


def test_an_uploaded_bundles_video_is_derived_to_webm_vp9_and_the_seal_is_untouched(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None, tmp_path: Path):
    sealed = video_bundle(tmp_path / "ws", workstation.key, segments=2)
    result = TusUploader(workstation.client).upload(sealed.archive, bundle_id=sealed.bundle_id,
                                                    manifest_sha256=sealed.manifest_sha256)
    assert result["status"] == "imported"
    service = provider.service
    assert service.derivations.wait_idle(WAIT_S), "the derivation worker never ran out of work"
    held = service.importer.held(sealed.bundle_id, workstation.key.fingerprint)
    assert held is not None
    stored = Path(held.stored_path)
    before = _tree(stored)
    manifest = read_manifest(stored)
    segments = segments_of(service, held)
    assert [s.name for s in segments] == [f"data/captures/video/seg-00000{n}.ts" for n in (1, 2)]
    record = json.loads((stored / "data" / "record.json").read_text())
    times = [(f["t_start_us"], f["t_end_us"]) for f in record["capture"]["files"] if f["kind"] == "video"]
    assert [(s.start_us, s.end_us) for s in segments] == times and times[1][0] > times[0][1]
    for seg in segments:
        # recorded against the sealed hash, which is the file's hash
        assert seg.sha256 == manifest[seg.name] == hashlib.sha256(seg.source_path.read_bytes()).hexdigest()
        assert seg.proxy_status == "done" and seg.proxy_error is None and seg.proxy_path is not None
        assert seg.proxy_path.is_relative_to(service.store.derivatives_dir)
        assert not seg.proxy_path.is_relative_to(stored)
        assert hashlib.sha256(seg.proxy_path.read_bytes()).hexdigest() == seg.proxy_sha256
        info = read_webm(seg.proxy_path)
        assert (info.doctype, info.codec_id, info.width, info.height) == ("webm", "V_VP9", 320, 240)
        assert info.blocks == round(SEGMENT_S * 8) and info.duration_s == pytest.approx(SEGMENT_S, abs=0.2)
        if shutil.which("ffprobe"):
            probe = subprocess.run(
                ["ffprobe", "-v", "error", "-count_frames", "-show_entries",
                 "stream=codec_name,width,height,nb_read_frames:format=format_name,duration", "-of", "json",
                 str(seg.proxy_path)], capture_output=True, text=True, timeout=60, check=True)
            facts = json.loads(probe.stdout)
            stream = facts["streams"][0]
            assert (stream["codec_name"], stream["width"], stream["height"]) == ("vp9", 320, 240)
            assert int(stream["nb_read_frames"]) == info.blocks
            assert "webm" in facts["format"]["format_name"]
    rows = _rows(provider)
    assert {r.source_sha256 for r in rows} == {s.sha256 for s in segments}
    assert {(r.kind, r.settings, r.bundle_id) for r in rows} == {
        ("web-proxy", ProxySettings().fingerprint(), sealed.bundle_id)}
    # the sealed bundle is exactly as imported and still verifies
    assert _tree(stored) == before and verify_bundle(stored).ok
    assert not any(p.suffix == ".webm" for p in stored.rglob("*"))


def test_a_corrupt_segment_is_a_failed_derivative_with_its_reason(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None, tmp_path: Path):
    sealed = video_bundle(tmp_path / "ws", workstation.key, segments=2, corrupt=2)
    results = provider.service.import_path(sealed.archive)  # `assessor provider import`'s way in
    assert [r.status for r in results] == ["imported"]
    assert provider.service.derivations.wait_idle(WAIT_S)
    held = provider.service.importer.held(sealed.bundle_id, workstation.key.fingerprint)
    good, bad = segments_of(provider.service, held)
    assert good.proxy_status == "done" and bad.proxy_status == "failed" and bad.proxy_path is None
    assert bad.proxy_error is not None and "not derived" in bad.proxy_error
    assert "cannot be opened as video" in bad.proxy_error or "no decodable video frame" in bad.proxy_error
    assert verify_bundle(Path(held.stored_path)).ok  # a failed proxy says nothing against the seal
    assert provider.service.store.derivatives_dir.is_dir()
    assert not list(provider.service.store.derivatives_dir.rglob(".*.tmp.webm"))  # nothing half-made


def test_a_segment_changed_on_the_providers_disk_is_not_derived(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None, tmp_path: Path):
    provider.service.derivations.stop()  # the check is watched in the foreground
    sealed = video_bundle(tmp_path / "ws", workstation.key, segments=1)
    provider.service.import_path(sealed.archive)
    held = provider.service.importer.held(sealed.bundle_id, workstation.key.fingerprint)
    segment = Path(held.stored_path) / "data/captures/video/seg-000001.ts"
    segment.chmod(0o600)
    with segment.open("r+b") as f:
        f.seek(1000)
        f.write(b"\0" * 16)
    summary = provider.service.derivations.run_pending()
    assert summary.done == 0 and len(summary.failed) == 1
    assert "is not the one sealed" in str(summary.failed[0].reason)


def test_pending_proxies_are_made_after_a_restart_and_a_stop_keeps_nothing_half_made(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None, tmp_path: Path):
    derivations = provider.service.derivations
    derivations.stop()  # as if the provider stopped right after the import
    sealed = video_bundle(tmp_path / "ws", workstation.key, segments=2)
    provider.service.import_path(sealed.archive)
    assert [r.status for r in _rows(provider)] == ["pending", "pending"]
    assert derivations.pending_count() == 2
    stopped = derivations.run_pending(should_stop=iter([False, True]).__next__)  # stopped at once
    assert stopped.done == 0 and not stopped.failed
    assert [r.status for r in _rows(provider)] == ["pending", "pending"]
    assert not [p for p in provider.service.store.derivatives_dir.rglob("*") if p.is_file()]
    folder = provider.service.store.config.folder
    provider.close()
    with ProviderServer(config=ProviderConfig(folder)) as again:  # its lifespan starts the worker
        assert again.service.derivations.wait_idle(WAIT_S)
        assert [r.status for r in _rows(again)] == ["done", "done"]
        assert again.service.derivations.pending_count() == 0


def test_the_derive_command_makes_what_is_missing_and_reports_failures(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None, tmp_path: Path,
        capsys: pytest.CaptureFixture[str]):
    provider.service.derivations.stop()
    sealed = video_bundle(tmp_path / "ws", workstation.key, segments=2, corrupt=1)
    provider.service.importer.import_path(sealed.archive)  # imported without the hook: nothing owed yet
    assert _rows(provider) == []
    folder = provider.service.store.config.folder
    provider.close()
    assert main(["provider", "derive", "--folder", str(folder)]) == 1  # a failure is reported
    out = capsys.readouterr().out
    assert "2 newly recorded" in out and "1 made, 1 failed, 0 left pending" in out
    assert "failed: " + sealed.bundle_id in out and "seg-000001.ts: not derived" in out
    assert main(["provider", "derive", "--folder", str(folder)]) == 0  # nothing left; the failure stays
    assert "0 made, 0 failed" in capsys.readouterr().out


def test_the_webm_reader_refuses_what_is_not_webm(tmp_path: Path):
    junk = tmp_path / "junk.webm"
    junk.write_bytes(b"\x1aE\xdf\xa3\x8bB\x82\x88matroska" + b"\0" * 32)
    with pytest.raises(WebmError, match="not webm"):
        read_webm(junk)
    junk.write_bytes(b"RIFF....AVI ")
    with pytest.raises(WebmError, match="no EBML header"):
        read_webm(junk)
    junk.write_bytes(b"\x1aE\xdf")
    with pytest.raises(WebmError, match="ends"):
        read_webm(junk)


def test_proxy_settings_are_checked_and_fingerprinted():
    assert ProxySettings().fingerprint() != ProxySettings(crf=30).fingerprint()
    assert ProxySettings(codec="vp8").media_type.startswith("video/webm")
    with pytest.raises(ValueError, match="codec"):
        ProxySettings(codec="h264")
    with pytest.raises(ValueError, match="CRF"):
        ProxySettings(crf=64)


def test_a_day_old_half_made_proxy_is_removed_when_the_worker_starts(provider: ProviderServer):
    derivations = provider.service.derivations
    derivations.stop()
    folder = provider.service.store.derivatives_dir / "web-proxy" / "ab"
    folder.mkdir(parents=True)
    old, fresh = folder / ".0123456789abcdef.tmp.webm", folder / ".fedcba9876543210.tmp.webm"
    photos = provider.service.store.derivatives_dir / "anon-photo" / "cd"
    photos.mkdir(parents=True)
    old_photo = photos / ".0123456789abcdef.tmp.jpg"  # an anonymised photo's, made the same way
    day_ago = time.time() - 2 * 86400
    for path in (old, fresh, old_photo):
        path.write_bytes(b"killed mid-way" if path != fresh else b"being written by another run")
        if path != fresh:
            os.utime(path, (day_ago, day_ago))
    derivations.start()
    assert not old.exists() and not old_photo.exists() and fresh.exists()
