"""Hash-on-write is sound, truncated segments still play, and SIGKILL loses no reported segment.

Run as a script, this file is also the child process of the SIGKILL trial:
``python test_video_integrity.py child OUT_DIR JOURNAL`` records a real-time synthetic camera
into OUT_DIR and, after each segment is reported, appends its SegmentInfo to JOURNAL (fsynced)
and prints ``SEG <index>``.
"""

from __future__ import annotations

import json
import os
import random
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import cv2
import numpy as np
import pytest

ROOT = Path(__file__).resolve().parents[2]
if __name__ == "__main__":  # the child: make the package importable without installing it
    sys.path.insert(0, str(ROOT))

from assessor_app.devices.video import (  # noqa: E402
    GrowingFileHasher,
    SegmentInfo,
    SegmentIntegrityError,
    SyntheticCamera,
    VideoRecorder,
    open_video_writer,
    read_sidecar,
    sha256_file,
)


def _frames(n: int, size: tuple[int, int] = (320, 240)) -> list[np.ndarray]:
    cam = SyntheticCamera(*size, pace=False)
    cam.open()
    return [cam.read()[1] for _ in range(n)]  # type: ignore[misc]


def _write_following(path: Path, fourcc: str, frames: list[np.ndarray]) -> GrowingFileHasher:
    writer = open_video_writer(path, 30.0, (frames[0].shape[1], frames[0].shape[0]), fourcc)
    hasher = GrowingFileHasher(path)
    for frame in frames:
        writer.write(frame)
        hasher.catch_up()
    writer.release()
    return hasher


def test_following_an_mpeg_ts_file_as_it_grows_gives_its_sha256(tmp_path: Path):
    path = tmp_path / "a.ts"
    hasher = _write_following(path, "mp4v", _frames(200))
    digest, size = hasher.finish()
    assert (digest, size) == (sha256_file(path), path.stat().st_size)
    assert size > 4 * 64 * 1024  # several writes were followed, not just the final one


@pytest.mark.parametrize("suffix, fourcc", [(".avi", "MJPG"), (".mp4", "mp4v")])
def test_a_muxer_that_seeks_back_is_caught_not_hashed_wrongly(tmp_path: Path, suffix: str, fourcc: str):
    path = tmp_path / f"a{suffix}"
    hasher = _write_following(path, fourcc, _frames(60))
    with pytest.raises(SegmentIntegrityError, match="rewritten|bytes but"):
        hasher.finish()


def test_a_file_changed_behind_the_hasher_is_caught(tmp_path: Path):
    path = tmp_path / "b.ts"
    path.write_bytes(b"G" * 300_000)
    hasher = GrowingFileHasher(path)
    hasher.catch_up()
    with path.open("r+b") as f:
        f.truncate(200_000)
    with pytest.raises(SegmentIntegrityError, match="200000 bytes but 300000"):
        hasher.finish()


def test_a_segment_cut_short_still_plays_up_to_the_cut(tmp_path: Path):
    """A power cut leaves the open .ts file at any length: it plays up to its last whole packet."""
    full = tmp_path / "full.ts"
    _write_following(full, "mp4v", _frames(150)).finish()
    data = full.read_bytes()
    counts = []
    for fraction in (0.15, 0.4, 0.65, 0.9):
        cut = tmp_path / f"cut{fraction}.ts"
        cut.write_bytes(data[: int(len(data) * fraction) + 77])  # not on a packet boundary
        cap = cv2.VideoCapture(str(cut), cv2.CAP_FFMPEG)
        n = 0
        while cap.read()[0]:
            n += 1
        cap.release()
        counts.append(n)
    assert 0 < counts[0] < counts[1] < counts[2] < counts[3] < 150


# --------------------------------------------------------------------------- SIGKILL trial
def child(out_dir: Path, journal: Path) -> None:
    def reported(info: SegmentInfo) -> None:
        with journal.open("a", encoding="utf-8") as f:
            f.write(json.dumps(info.to_dict()) + "\n")
            f.flush()
            os.fsync(f.fileno())
        print(f"SEG {info.index}", flush=True)

    recorder = VideoRecorder(SyntheticCamera(320, 240, 60), out_dir, segment_seconds=0.25,
                             on_segment=reported)
    recorder.start(consent_given=True)
    print("RECORDING", flush=True)
    recorder.wait()  # until killed


def _read_line(fd: int, buf: bytearray, deadline: float) -> str:
    while b"\n" not in buf:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError("the recording child printed nothing in time")
        if select.select([fd], [], [], left)[0]:
            chunk = os.read(fd, 4096)
            if not chunk:
                raise EOFError("the recording child exited")
            buf += chunk
    line, _, rest = bytes(buf).partition(b"\n")
    buf[:] = rest
    return line.decode()


@pytest.mark.slow
@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_sigkill_while_recording_loses_no_reported_segment(tmp_path: Path):
    out, journal = tmp_path / "video", tmp_path / "journal.jsonl"
    rng = random.Random(4)
    for _trial in range(3):  # the same folder each time: a resumed assessment records on
        proc = subprocess.Popen([sys.executable, __file__, "child", str(out), str(journal)],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
        try:
            buf = bytearray()
            deadline = time.monotonic() + 60
            want = rng.randint(2, 4)
            seen = 0
            while seen < want:
                if _read_line(proc.stdout.fileno(), buf, deadline).startswith("SEG"):  # type: ignore[union-attr]
                    seen += 1
            os.kill(proc.pid, signal.SIGKILL)  # mid-segment: the next one is being written
        finally:
            proc.kill()
            _, err = proc.communicate(timeout=30)
        assert proc.returncode == -signal.SIGKILL, err.decode()

    reported = [SegmentInfo.from_dict(json.loads(line)) for line in journal.read_text().splitlines()]
    assert len(reported) >= 6
    assert len({s.index for s in reported}) == len(reported)  # never one number twice
    for s in reported:
        assert sha256_file(s.path) == s.sha256 and s.path.stat().st_size == s.size
        assert sha256_file(s.sidecar_path) == s.sidecar_sha256
        assert len(read_sidecar(s.sidecar_path)) == s.frames
        cap = cv2.VideoCapture(str(s.path), cv2.CAP_FFMPEG)
        n = 0
        while cap.grab():
            n += 1
        cap.release()
        assert n == s.frames
    # at most the open segment of each run was lost: anything else on disk was reported
    on_disk = {p.name for p in out.glob("seg-*.ts")}
    unreported = on_disk - {s.path.name for s in reported}
    assert len(unreported) <= 3


if __name__ == "__main__" and sys.argv[1:2] == ["child"]:
    child(Path(sys.argv[2]), Path(sys.argv[3]))
