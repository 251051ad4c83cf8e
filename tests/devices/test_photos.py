"""Photo evidence: stills from the camera or the recording, pictures imported from a phone, thumbnails."""

from __future__ import annotations

import hashlib
import os
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np
import pytest
from helpers import ASSESSOR, CANDIDATE, VEHICLE, WORKSHOP, Mini

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import Finish, RecordIdentityCheck, SignOff
from assessor_app.devices.photos import (
    PhotoDesk,
    PhotoError,
    PhotoSettings,
    photos_dir,
    thumbnail,
    thumbnails_dir,
)
from assessor_app.devices.video import LatestFrame, OpenCVCamera, RealClock, SyntheticCamera
from assessor_app.devices.video_session import VideoSession
from assessor_app.storage.captures import CaptureFileRecord, CaptureIndex
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore


@dataclass
class Setup:
    store: AssessmentStore
    recorder: AssessmentRecorder
    clock: ManualClock
    data_dir: Path

    @property
    def assessment_id(self) -> str:
        return self.recorder.assessment_id

    def t_us(self) -> int:
        return self.recorder.timeline.now().t_us

    def desk(self, camera=None, **settings) -> PhotoDesk:
        return PhotoDesk(self.store, self.data_dir, self.assessment_id, camera, timeline_us=self.t_us,
                         settings=PhotoSettings(**settings))

    def photo_files(self) -> list[str]:
        folder = photos_dir(self.data_dir, self.assessment_id)
        return sorted(p.name for p in folder.iterdir()) if folder.exists() else []

    def indexed(self) -> list[CaptureFileRecord]:
        return CaptureIndex(self.store).files(self.assessment_id, kind="photo")


@pytest.fixture
def permissive_umask() -> Iterator[None]:
    """Group and others may read what is created, unless the code sets modes itself."""
    previous = os.umask(0o022)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.fixture
def setup(tmp_path: Path, mini: Mini) -> Iterator[Setup]:
    store = AssessmentStore.open(tmp_path / "assessor.db")
    clock = ManualClock()
    recorder = AssessmentRecorder.start(
        store, mini.checklist, mini.params, candidate=CANDIDATE, assessor=ASSESSOR,
        workshop=WORKSHOP, vehicle=VEHICLE, clock=clock)
    clock.advance(75.25)
    yield Setup(store, recorder, clock, tmp_path)
    store.close()


def _picture(width: int = 640, height: int = 480) -> np.ndarray:
    ys, xs = np.mgrid[0:height, 0:width]
    return np.dstack([xs % 256, ys % 256, (xs * ys) % 256]).astype(np.uint8)


def _encoded(ext: str, width: int = 640, height: int = 480) -> bytes:
    ok, data = cv2.imencode(ext, _picture(width, height))
    assert ok
    return data.tobytes()


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def wait_until(condition, what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.01)  # polling a state the capture threads change; bounded by the deadline


# ---------------------------------------------------------------- taking
def test_a_still_from_the_synthetic_camera_is_larger_than_its_video_mode(setup: Setup):
    desk = setup.desk(SyntheticCamera(320, 240, 10, identity="test-cam"))
    photo = desk.take("sign")
    assert (photo.evidence, photo.source, photo.step) == ("photos/sign-1.jpg", "camera", "sign")
    assert (photo.width, photo.height) == (1920, 1080)
    assert photo.device == "synthetic camera test-cam"
    assert photo.t_us == setup.t_us() == 75_250_000
    assert photo.source_detail == ("a still at 1920x1080: the synthetic camera's sensor (its video mode "
                                   "is 320x240)")
    data = photo.path.read_bytes()
    assert (len(data), hashlib.sha256(data).hexdigest()) == (photo.size, photo.sha256)
    image = cv2.imdecode(np.frombuffer(data, np.uint8), cv2.IMREAD_COLOR)
    assert image.shape == (1080, 1920, 3)
    assert image.std() > 40  # a real picture: gradients, grid and text, not a blank frame
    assert photo.record_fields() == {"step": "sign", "evidence": "photos/sign-1.jpg",
                                     "sha256": photo.sha256, "source": "camera", "width": 1920,
                                     "height": 1080}


def test_an_opencv_camera_is_opened_on_its_own_at_the_largest_mode_it_grants(setup: Setup, tmp_path: Path):
    # a video file stands in for the device: OpenCV opens it like a camera and grants its only size
    video = tmp_path / "camera.avi"
    writer = cv2.VideoWriter(str(video), cv2.VideoWriter.fourcc(*"MJPG"), 10, (352, 288))
    for _ in range(6):
        writer.write(_picture(352, 288))
    writer.release()
    desk = setup.desk(OpenCVCamera(str(video)))
    photo = desk.take("ppe")
    assert (photo.width, photo.height, photo.device) == (352, 288, f"camera {video}")
    assert photo.source_detail == (f"a still at 352x288: the largest mode the camera {video} granted "
                                   f"when asked for 16384x16384")
    assert photo.evidence == "photos/ppe-1.jpg" and photo.t_us == 75_250_000


def test_an_opencv_camera_that_cannot_be_opened_says_so(setup: Setup, tmp_path: Path):
    from assessor_app.devices.video import CameraUnavailable

    missing = tmp_path / "no-such-camera.avi"
    with pytest.raises(CameraUnavailable) as err:
        setup.desk(OpenCVCamera(str(missing))).take("ppe")
    assert str(err.value) == (f"The camera {missing} could not be opened for a photo (not connected, or "
                              f"in use by another program).")
    assert setup.photo_files() == [] and setup.indexed() == []


def test_while_the_recording_holds_the_camera_its_latest_frame_is_the_photo(setup: Setup):
    origin = time.monotonic_ns()

    def timeline_us() -> int:
        return (time.monotonic_ns() - origin) // 1000

    camera = SyntheticCamera(160, 120, 15, clock=RealClock(), identity="rec-cam")
    session = VideoSession(setup.store, setup.data_dir, setup.assessment_id, camera,
                           timeline_us=timeline_us, segment_seconds=0.5)
    desk = PhotoDesk(setup.store, setup.data_dir, setup.assessment_id, camera, timeline_us=timeline_us)
    session.start(consent_given=True)
    try:
        wait_until(lambda: session.latest_frame() is not None, "the first frame")
        photo = desk.take("sign", latest_frame=session)
        written = session.status().frames_written
        wait_until(lambda: session.status().frames_written > written + 5, "frames after the photo")
        assert session.status().state == "recording"  # the photo did not stop or pause it
    finally:
        session.stop()
    assert (photo.width, photo.height, photo.source) == (160, 120, "camera")
    assert photo.device == "synthetic camera rec-cam"
    seq = int(photo.source_detail.split()[1])
    assert photo.source_detail == (f"frame {seq} of the video recording at 160x120: the recording holds "
                                   f"the camera, so no still at a larger mode was possible")
    assert 0 < photo.t_us <= timeline_us()
    image = cv2.imdecode(np.frombuffer(photo.path.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    assert image.shape == (120, 160, 3) and image.std() > 20
    kinds = [f.kind for f in CaptureIndex(setup.store).files(setup.assessment_id)]
    assert kinds.count("photo") == 1 and kinds.count("video") >= 1  # the recording went on and was indexed


def test_a_stale_or_missing_recording_frame_is_refused(setup: Setup):
    desk = setup.desk(SyntheticCamera(160, 120, 10, identity="rec-cam"))
    old = LatestFrame(_picture(160, 120), 41, 0, setup.t_us() - 12_500_000)
    with pytest.raises(PhotoError) as err:
        desk.take("sign", latest_frame=old)
    assert str(err.value) == ("The video recording's newest picture from the synthetic camera rec-cam is "
                              "12.5 s old (more than 5 s): the camera is not delivering pictures, so no "
                              "photo can be taken now.")

    class NoFrameYet:
        device = "camera 2"

        def latest_frame(self) -> LatestFrame | None:
            return None

    with pytest.raises(PhotoError) as err:
        desk.take("sign", latest_frame=NoFrameYet())
    assert str(err.value) == ("The video recording from the camera 2 has no picture yet: take the photo "
                              "again in a moment.")
    fresh = LatestFrame(_picture(160, 120), 42, 0, setup.t_us() - 200_000)
    photo = desk.take("sign", latest_frame=fresh)
    assert photo.t_us == setup.t_us() - 200_000  # when the frame was captured
    assert setup.photo_files() == ["sign-1.jpg"]


def test_without_a_camera_a_photo_is_imported(setup: Setup):
    with pytest.raises(PhotoError) as err:
        setup.desk().take("sign")
    assert str(err.value) == ("No camera is set for this assessment: choose one in the settings, or import "
                              "the photo from a file.")


# ---------------------------------------------------------------- importing
def test_jpeg_and_png_are_imported_byte_for_byte_with_their_extension(setup: Setup, tmp_path: Path):
    phone = tmp_path / "phone"
    phone.mkdir()
    jpeg = phone / "IMG_0001.JPG"
    jpeg.write_bytes(_encoded(".jpg", 800, 600) + b"trailing data a phone may append")
    png = phone / "screen.png"
    png.write_bytes(_encoded(".png", 300, 200))
    desk = setup.desk()
    a = desk.import_file("sign", jpeg)
    setup.clock.advance(2)
    b = desk.import_file("sign", png)
    assert (a.evidence, b.evidence) == ("photos/sign-1.jpg", "photos/sign-2.png")
    for photo, source in ((a, jpeg), (b, png)):
        assert photo.path.read_bytes() == source.read_bytes()
        assert photo.sha256 == hashlib.sha256(source.read_bytes()).hexdigest()
        assert photo.size == source.stat().st_size and photo.source == "file"
    assert (a.width, a.height, b.width, b.height) == (800, 600, 300, 200)
    assert (a.device, b.device) == ("file", "file")  # never the phone's file name: it may name a person
    assert a.source_detail == "a JPEG file copied over unchanged"
    assert (a.t_us, b.t_us) == (75_250_000, 77_250_000)


def test_photos_are_indexed_with_step_time_device_and_meta(setup: Setup, tmp_path: Path):
    picture = tmp_path / "IMG_0002.jpeg"
    picture.write_bytes(_encoded(".jpg"))
    desk = setup.desk(SyntheticCamera(320, 240, 10, identity="test-cam"))
    taken = desk.take("ppe")
    imported = desk.import_file("sign", picture)
    index = setup.indexed()
    assert [(f.kind, f.name, f.step_id, f.device) for f in index] == [
        ("photo", "photos/ppe-1.jpg", "ppe", "synthetic camera test-cam"),
        ("photo", "photos/sign-1.jpeg", "sign", "file")]
    for f, photo in zip(index, (taken, imported), strict=True):
        assert (f.sha256, f.size, f.t_start_us, f.t_end_us, f.items, f.dropped) == (
            photo.sha256, photo.size, photo.t_us, photo.t_us, 1, 0)
    assert index[0].meta == {"width": 1920, "height": 1080, "format": "jpeg", "source": "camera",
                             "source_detail": taken.source_detail}
    assert index[1].meta == {"width": 640, "height": 480, "format": "jpeg", "source": "file",
                             "source_detail": "a JPEG file copied over unchanged"}
    assert desk.photos() == [taken, imported] and desk.photos("sign") == [imported]


def test_numbers_continue_per_step_across_sources_and_desks(setup: Setup, tmp_path: Path):
    picture = tmp_path / "p.png"
    picture.write_bytes(_encoded(".png", 64, 64))
    camera = SyntheticCamera(320, 240, 10)
    setup.desk(camera).take("sign")
    setup.desk().import_file("sign", picture)
    setup.desk(camera).take("sign")  # a new desk (the app restarted) goes on from the files there
    setup.desk(camera).take("ppe")
    assert setup.photo_files() == ["ppe-1.jpg", "sign-1.jpg", "sign-2.png", "sign-3.jpg"]


@pytest.fixture
def files(tmp_path: Path) -> Path:
    folder = tmp_path / "incoming"
    folder.mkdir()
    (folder / "good.jpg").write_bytes(_encoded(".jpg"))
    return folder


def _refused(setup: Setup, path: Path, **settings) -> str:
    with pytest.raises(PhotoError) as err:
        setup.desk(**settings).import_file("sign", path)
    assert setup.photo_files() == [] and setup.indexed() == []  # nothing written, nothing indexed
    return str(err.value)


def test_a_file_that_is_not_a_picture_is_refused(setup: Setup, files: Path):
    text = files / "notes.jpg"
    text.write_text("the glove test was fine\n")
    assert _refused(setup, text) == f"{text} is not a JPEG or PNG picture: its content is neither"
    gif = files / "anim.gif"
    gif.write_bytes(b"GIF89a" + bytes(64))
    assert _refused(setup, gif) == f"{gif} is not a JPEG or PNG picture: its content is neither"


def test_a_picture_whose_name_says_another_format_is_refused(setup: Setup, files: Path):
    png_named_jpg = files / "photo.jpg"
    png_named_jpg.write_bytes(_encoded(".png"))
    assert _refused(setup, png_named_jpg) == (
        f"{png_named_jpg} holds a PNG picture but its name ends in '.jpg': name it .png")
    bare = files / "photo"
    bare.write_bytes(_encoded(".jpg"))
    assert _refused(setup, bare) == f"{bare} holds a JPEG picture but its name has no extension: name it .jpg"


def test_a_picture_that_does_not_decode_is_refused(setup: Setup, files: Path):
    good = _encoded(".jpg")
    headers_only = files / "cut.jpg"
    headers_only.write_bytes(good[:good.index(b"\xff\xda")])  # frame header, no picture data
    assert _refused(setup, headers_only) == (
        f"{headers_only} is not a picture OpenCV can read: its JPEG data does not decode")
    no_size = files / "nosize.jpg"
    no_size.write_bytes(b"\xff\xd8\xff\xd9")
    assert _refused(setup, no_size) == (
        f"{no_size} is not a picture OpenCV can read: its JPEG header declares no picture size")
    png = bytearray(_encoded(".png", 32, 32))
    png[40:60] = bytes(20)  # inside the compressed pixel data
    broken = files / "broken.png"
    broken.write_bytes(bytes(png))
    assert _refused(setup, broken) == (
        f"{broken} is not a picture OpenCV can read: its PNG data does not decode")


def test_a_picture_declaring_too_many_pixels_is_refused_before_it_is_decoded(setup: Setup, files: Path):
    png = bytearray(_encoded(".png", 8, 8))
    png[16:24] = (40_000).to_bytes(4, "big") + (30_000).to_bytes(4, "big")  # a 1.2 gigapixel "bomb"
    bomb = files / "bomb.png"
    bomb.write_bytes(bytes(png))
    assert _refused(setup, bomb) == (
        f"{bomb} declares 40000x30000 pixels, more than the 120,000,000 a photo may have")


def test_a_file_larger_than_the_limit_is_refused(setup: Setup, files: Path):
    big = files / "good.jpg"
    size = big.stat().st_size
    assert _refused(setup, big, max_import_bytes=size - 1) == (
        f"{big} is too large for a photo: {size:,} bytes, more than the {size - 1:,} bytes allowed")
    assert setup.desk(max_import_bytes=size).import_file("sign", big).size == size  # the limit itself is fine


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_is_refused_without_blocking(setup: Setup, files: Path):
    fifo = files / "pipe.jpg"
    os.mkfifo(fifo)
    assert _refused(setup, fifo) == (
        f"{fifo} is a FIFO (named pipe), not a picture file: copy the picture itself")


def test_a_link_is_never_followed(setup: Setup, files: Path):
    link = files / "link.jpg"
    link.symlink_to(files / "good.jpg")
    assert _refused(setup, link) == f"{link} is a symbolic link, not a picture file: copy the picture itself"


def test_a_folder_and_a_missing_file_are_refused(setup: Setup, files: Path):
    folder = files / "DCIM.jpg"
    folder.mkdir()
    assert _refused(setup, folder) == f"{folder} is a folder, not a picture file: copy the picture itself"
    missing = files / "gone.jpg"
    assert _refused(setup, missing) == f"{missing} does not exist"


def test_photos_are_refused_for_a_bad_step_id_and_once_the_assessment_is_finished(setup: Setup, files: Path):
    desk = setup.desk(SyntheticCamera(320, 240, 10))
    with pytest.raises(PhotoError) as err:
        desk.import_file("../../etc", files / "good.jpg")
    assert str(err.value) == "'../../etc' is not a step id: photos are filed under their step's id"
    setup.recorder.act(RecordIdentityCheck("known_to_assessor"))
    setup.recorder.act(SignOff("assessor", ASSESSOR.name))
    setup.recorder.act(Finish())
    with pytest.raises(PhotoError) as err:
        desk.take("sign")
    assert str(err.value) == (f"Assessment {setup.assessment_id} is finished: photos are added only while "
                              f"it is in progress.")
    assert setup.photo_files() == [] and setup.indexed() == []


# ---------------------------------------------------------------- privacy and thumbnails
def test_photos_and_thumbnails_are_owner_only(setup: Setup, files: Path, permissive_umask: None):
    desk = setup.desk(SyntheticCamera(320, 240, 10))
    taken = desk.take("sign")
    imported = desk.import_file("sign", files / "good.jpg")
    desk.thumbnail(taken)
    folder = photos_dir(setup.data_dir, setup.assessment_id)
    assert _mode(folder) == 0o700
    assert _mode(taken.path) == _mode(imported.path) == 0o600
    cache = thumbnails_dir(setup.data_dir)
    assert _mode(cache) == 0o700
    assert [_mode(p) for p in cache.iterdir()] == [0o600]


def test_a_thumbnail_is_a_small_jpeg_cached_by_the_photo_hash(setup: Setup, tmp_path: Path):
    desk = setup.desk(SyntheticCamera(320, 240, 10))
    photo = desk.take("sign")
    jpeg = desk.thumbnail(photo)
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_COLOR)
    assert image.shape == (135, 240, 3)
    cached = thumbnails_dir(setup.data_dir) / f"{photo.sha256}-240.jpg"
    assert cached.read_bytes() == jpeg
    # from the cache: the photo is not read again
    assert thumbnail(tmp_path / "not-there.jpg", cache_dir=cached.parent, sha256=photo.sha256) == jpeg
    small = thumbnail(photo.path, 64, cache_dir=cached.parent)
    assert cv2.imdecode(np.frombuffer(small, np.uint8), cv2.IMREAD_COLOR).shape == (36, 64, 3)
    assert (cached.parent / f"{photo.sha256}-64.jpg").read_bytes() == small


def test_a_thumbnail_of_a_changed_photo_is_refused(setup: Setup, tmp_path: Path):
    photo = setup.desk(SyntheticCamera(320, 240, 10)).take("sign")
    changed = tmp_path / "changed.jpg"
    changed.write_bytes(_encoded(".jpg"))
    with pytest.raises(PhotoError) as err:
        thumbnail(changed, cache_dir=tmp_path / "cache", sha256=photo.sha256)
    assert str(err.value) == (f"{changed} is not the photo that was recorded (its SHA-256 differs): it was "
                              f"changed after it was taken")
