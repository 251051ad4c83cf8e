"""The anonymised derivatives a moderator sees: video proxies and photos with every face blurred.

An anonymised proxy is made like a web proxy (VP9 WebM, the proxy settings' size and frame-rate
cap, proxy.derive_proxy) with faces found in every kept frame at the proxy's size and blurred,
each face also in the frames that follow it (FaceBlurSettings.carry_frames). An anonymised photo
is the sealed JPEG or PNG decoded, scaled to the settings' size cap, its faces blurred, written
as a JPEG: no metadata of the original (EXIF, GPS) survives. Each is recorded in ``derivatives``
(kinds ``anon-proxy`` and ``anon-photo``) against the source's sealed SHA-256 and the settings'
fingerprint, made on demand by :meth:`AnonymisedMedia.derivative` and kept for the next asker.
The source is hashed again before it is derived; the sealed bundle is only ever read.
"""

from __future__ import annotations

import hashlib
import logging
import os
import secrets
import threading
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select, update
from sqlalchemy.exc import IntegrityError

from assessor_app.durable import fsync_dir, private_dir, private_file
from assessor_app.provider.media.bundle_video import BundleVideoError, bundle_videos, read_manifest
from assessor_app.provider.models import Derivative, ReceivedBundle
from assessor_app.provider.store import ProviderStore

log = logging.getLogger(__name__)
ANON_PROXY = "anon-proxy"
ANON_PHOTO = "anon-photo"
PHOTO_SUFFIXES = (".jpg", ".jpeg", ".png")
_MAX_PHOTO_BYTES = 64 * 1024 * 1024


class AnonymisedMediaError(Exception):
    """The source cannot be anonymised (not held, not sealed, changed, not decodable); says why."""


class _Stopped(Exception):
    """Asked to stop while a video was being made: it stays pending, made when next asked for."""



@dataclass(frozen=True)
class MediaSource:
    """A sealed file of a bundle that a moderator sees only anonymised."""

    name: str  # the payload path, data/captures/...
    sha256: str  # as the bundle's manifest seals it
    kind: str  # anon-proxy (a video segment) or anon-photo
    fps: float | None = None  # a video segment's recorded rate


@dataclass(frozen=True)
class AnonymisedDerivative:
    """The anonymised derivative of one sealed source: made (path, hash) or failed (error)."""

    source: MediaSource
    status: str  # done or failed
    path: Path | None
    sha256: str | None
    size: int | None
    error: str | None = None


def media_sources(root: Path) -> list[MediaSource]:
    """The bundle's video segments (recording order) and photos (by name) that its manifest seals."""
    try:
        videos = [MediaSource(v.name, v.sha256, ANON_PROXY, v.fps) for v in bundle_videos(root)]
        photos = [MediaSource(name, sha, ANON_PHOTO) for name, sha in sorted(read_manifest(root).items())
                  if name.lower().endswith(PHOTO_SUFFIXES)]
    except BundleVideoError as exc:
        raise AnonymisedMediaError(str(exc)) from None
    return videos + photos


class AnonymisedMedia:
    """Makes (once) and finds the anonymised derivatives of held bundles' media."""

    def __init__(self, store: ProviderStore):
        self.store = store
        self.proxy_settings = store.config.video_proxy
        self.faces = store.config.face_blur
        self.fingerprint = self.faces.fingerprint(self.proxy_settings)
        self._busy = threading.Lock()  # one derivation at a time in this process
        self._local = threading.local()  # an OpenCV net per thread

    def held_root(self, bundle_id: str, device: str) -> Path:
        with self.store.engine.connect() as conn:
            row = conn.execute(
                select(ReceivedBundle.bundle_id, ReceivedBundle.device, ReceivedBundle.stored_path)
                .where(ReceivedBundle.bundle_id == bundle_id, ReceivedBundle.device == device)).first()
        if row is None:
            raise AnonymisedMediaError(f"the provider holds no bundle {bundle_id} of workstation "
                                       f"{device[:16]}")
        return self.store.held_root(row)

    def path_for(self, source: MediaSource) -> Path:
        """Where the derivative lives: the provider's folder, never the sealed bundle."""
        suffix = ".webm" if source.kind == ANON_PROXY else ".jpg"
        return (self.store.derivatives_dir / source.kind / source.sha256[:2]
                / f"{source.sha256}-{self.fingerprint[:12]}{suffix}")

    def bundle(self, bundle_id: str, device: str, *, retry_failed: bool = False,
               should_stop: Callable[[], bool] | None = None) -> list[AnonymisedDerivative]:
        """Every anonymised derivative of the bundle's media, made now where it is not yet (until
        ``should_stop`` turns true: what is left stays pending)."""
        root = self.held_root(bundle_id, device)
        made = []
        for s in media_sources(root):
            if should_stop is not None and should_stop():
                break
            made.append(self.derivative(bundle_id, device, s.name, retry_failed=retry_failed,
                                        should_stop=should_stop))
        return made

    def derivative(self, bundle_id: str, device: str, name: str, *, retry_failed: bool = False,
                   should_stop: Callable[[], bool] | None = None) -> AnonymisedDerivative:
        """The anonymised derivative of the sealed file ``name`` (data/...) of the bundle: the one
        kept, or made now (a failed one stays failed with its reason unless ``retry_failed``).
        AnonymisedMediaError when the bundle or the file is not held as sealed."""
        root = self.held_root(bundle_id, device)
        source = next((s for s in media_sources(root) if s.name == name), None)
        if source is None:
            raise AnonymisedMediaError(f"bundle {bundle_id} seals no video segment or photo {name}")
        with self._busy:
            kept = self._kept(source)
            if kept is not None and not (retry_failed and kept.status == "failed"):
                return kept
            self._pending(source, bundle_id, device)
            try:
                path = self._verified(root, source)
                target = self.path_for(source)
                if source.kind == ANON_PROXY:
                    digest, size = self._make_proxy(path, target, source, should_stop or (lambda: False))
                else:
                    digest, size = self._make_photo(path, target, source)
            except _Stopped:  # a stop (the provider closing) is not a failure of the source
                return AnonymisedDerivative(source, "pending", None, None, None, None)
            except AnonymisedMediaError as exc:
                return self._record(source, "failed", f"not anonymised: {exc}")
            return self._record(source, "done", None, path=target, sha256=digest, size=size)

    # ------------------------------------------------------------ the table
    def _key(self, source: MediaSource) -> tuple[Any, ...]:
        return (Derivative.source_sha256 == source.sha256, Derivative.kind == source.kind,
                Derivative.settings == self.fingerprint)

    def _kept(self, source: MediaSource) -> AnonymisedDerivative | None:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(Derivative).where(*self._key(source))).first()
        if row is None or row.status == "pending":
            return None
        if row.status == "failed":
            return AnonymisedDerivative(source, "failed", None, None, None, row.error)
        path = self.store.config.folder / row.path
        if not path.is_file() or path.stat().st_size != row.size:
            log.warning("the anonymised derivative %s is gone or changed: it is made again", path)
            return None
        return AnonymisedDerivative(source, "done", path, row.sha256, row.size)

    def _pending(self, source: MediaSource, bundle_id: str, device: str) -> None:
        now = self.store.clock()
        try:
            with self.store.writer.begin() as conn:
                done = conn.execute(update(Derivative).where(*self._key(source)).values(
                    status="pending", error=None, updated_us=now))
                if not done.rowcount:
                    conn.execute(insert(Derivative).values(
                        source_sha256=source.sha256, kind=source.kind, settings=self.fingerprint,
                        bundle_id=bundle_id, device=device, source_name=source.name, status="pending",
                        path=None, sha256=None, size=None, error=None, created_us=now, updated_us=now))
        except IntegrityError:
            pass  # another process recorded it a moment ago: this one makes it too, the same way

    def _record(self, source: MediaSource, status: str, error: str | None, *, path: Path | None = None,
                sha256: str | None = None, size: int | None = None) -> AnonymisedDerivative:
        relative = str(path.relative_to(self.store.config.folder)) if path is not None else None
        with self.store.writer.begin() as conn:
            conn.execute(update(Derivative).where(*self._key(source)).values(
                status=status, error=error, path=relative, sha256=sha256, size=size,
                updated_us=self.store.clock()))
        if status == "failed":
            log.warning("anonymised %s of %s failed: %s", source.kind, source.name, error)
        return AnonymisedDerivative(source, status, path, sha256, size, error)

    # ------------------------------------------------------------ making them
    def _verified(self, root: Path, source: MediaSource) -> Path:
        from assessor_app.devices.video.segments import sha256_file

        path = root / source.name
        if ".." in Path(source.name).parts or not path.is_file() or path.is_symlink():
            raise AnonymisedMediaError(f"the sealed file {source.name} is missing or not a plain file")
        actual = sha256_file(path)
        if actual != source.sha256:
            raise AnonymisedMediaError(f"{source.name} on disk (hash {actual[:16]}) is not the file sealed "
                                       f"(hash {source.sha256[:16]}): the stored bundle is damaged")
        return path

    def _detector(self) -> Any:
        from assessor_app.provider.media.faces import FaceDetector

        detector = getattr(self._local, "detector", None)
        if detector is None:
            detector = self._local.detector = FaceDetector(self.faces.threshold)
        return detector

    def _make_proxy(self, path: Path, target: Path, source: MediaSource,
                    should_stop: Callable[[], bool]) -> tuple[str, int]:
        from assessor_app.provider.media.proxy import ProxyCancelled, ProxyError, derive_proxy

        try:
            result = derive_proxy(path, target, self.proxy_settings, source_fps=source.fps,
                                  frame_filter=face_filter(self._detector(), self.faces.enlarge,
                                                           self.faces.carry_frames),
                                  should_stop=should_stop)
        except ProxyCancelled:
            raise _Stopped() from None
        except ProxyError as exc:
            raise AnonymisedMediaError(str(exc)) from None
        return result.sha256, result.size

    def _make_photo(self, path: Path, target: Path, source: MediaSource) -> tuple[str, int]:
        import cv2
        import numpy as np

        from assessor_app.provider.media.faces import blur_faces

        data = path.read_bytes()[:_MAX_PHOTO_BYTES + 1]
        if len(data) > _MAX_PHOTO_BYTES or hashlib.sha256(data).hexdigest() != source.sha256:
            raise AnonymisedMediaError(f"{source.name} changed while it was read, or is too large")
        image = cv2.imdecode(np.frombuffer(data, dtype=np.uint8), cv2.IMREAD_COLOR)
        if image is None:
            raise AnonymisedMediaError(f"{source.name} is not a picture OpenCV can read")
        longest = max(image.shape[:2])
        if longest > self.faces.photo_max_side:
            scale = self.faces.photo_max_side / longest
            size = (max(1, round(image.shape[1] * scale)), max(1, round(image.shape[0] * scale)))
            image = cv2.resize(image, size, interpolation=cv2.INTER_AREA)
        blur_faces(image, self._detector().detect(image), enlarge=self.faces.enlarge)
        ok, encoded = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, self.faces.photo_quality])
        if not ok:
            raise RuntimeError(f"this OpenCV cannot write a JPEG of {image.shape[1]}x{image.shape[0]}")
        body = encoded.tobytes()
        _write_whole(target, body)
        return hashlib.sha256(body).hexdigest(), len(body)


def face_filter(detector: Any, enlarge: float, carry_frames: int) -> Any:
    """A proxy's frame filter: find the faces in each frame and blur them there and in the
    ``carry_frames`` frames after it (a face the detector misses for a frame stays blurred)."""
    from assessor_app.provider.media.faces import blur_faces

    recent: deque[list[Any]] = deque(maxlen=carry_frames + 1)

    def blurred(frame: Any) -> Any:
        recent.append(detector.detect(frame))
        return blur_faces(frame, [face for faces in recent for face in faces], enlarge=enlarge)

    return blurred


def _write_whole(target: Path, body: bytes) -> None:
    """Write ``body`` to ``target`` through a temporary file: whole or not at all, owner-only."""
    private_dir(target.parent)
    temp = target.with_name(f".{secrets.token_hex(8)}.tmp{target.suffix}")
    try:
        private_file(temp)
        with temp.open("r+b") as f:
            f.write(body)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, target)
        fsync_dir(target.parent)
    finally:
        temp.unlink(missing_ok=True)
