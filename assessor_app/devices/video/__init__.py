"""Video evidence capture: frame sources, a crash-safe segmented recorder, step clips. No Qt.

Sources (:class:`FrameSource`: ``open()``, ``read() -> (ok, BGR frame)``, ``close()``,
``description``, ``live``, ``ended``)
    :class:`OpenCVCamera` (index or device path; on ``open`` it asks for width/height/fps and
    uses what the driver grants; a settings page can list ``offered_modes()`` and pass
    :func:`choose_mode`'s pick), :func:`list_cameras` (bounded-time probe, for the user to
    pick), :class:`FileSource`, and
    :class:`SyntheticCamera` (moving pattern, frame number and time burned in; can simulate an
    unplugged camera; paced on a :class:`RealClock` or instantly on a :class:`SimulatedClock`).

Recording::

    recorder = VideoRecorder(source, folder, timeline_us=assessment_timeline_us,
                             on_segment=index_segment, on_gap_start=..., on_gap_end=...,
                             on_stopped=...)
    recorder.start(consent_given=True)   # raises ConsentRequired when False: the caller checks
                                         # that consent to video is recorded, and says so here
    recorder.status(); recorder.latest_frame()   # polled by the GUI timer, from any thread
    recorder.pause(); recorder.resume()
    recorder.stop()                      # writes out what was captured, returns the StopReason

- ``timeline_us()`` is called on the capture thread for every frame; it must be cheap and
  thread-safe. Each frame's host monotonic time and timeline position go into the segment's
  sidecar ``seg-NNNNNN.ts.frames.csv`` (``frame,capture_seq,monotonic_ns,timeline_us``).
- Segments ``seg-NNNNNN.ts`` (MPEG-TS, MPEG-4 Part 2 video) of ``segment_seconds`` (default
  10 s); numbering continues after the highest number already in the folder, so a resumed
  assessment never overwrites. Each segment and sidecar is hashed while written; at close the
  file is checked to be exactly what was hashed, then file and folder are fsynced, and only
  then is ``on_segment(SegmentInfo)`` called (SegmentInfo.to_dict() is JSON-ready).
- All callbacks run on the recorder's encoder thread, one at a time, in the order things
  happened: ``on_segment(info)``, ``on_gap_start(device, t_us, reason)``,
  ``on_gap_end(device, t_us)``, and ``on_stopped(StopReason)`` exactly once at the end. They
  must not block for long (the queue fills meanwhile and, for a live camera, frames drop) and
  must not touch Qt widgets (emit a signal or post to the GUI thread). A callback that raises
  stops the recording with an "error" StopReason (a segment that cannot be indexed must not
  be followed by more unindexed video).
- Between capture and encoder is a bounded queue (``queue_frames``). When encoding falls
  behind a live source, frames are dropped, counted per segment (``SegmentInfo.dropped``) and
  in ``status().frames_dropped``; a finite or simulated source waits instead.
- Camera failure: after 3 failed reads the open segment is closed, ``on_gap_start`` is
  called, the camera is reopened with backoff, and recording continues into a new segment
  (``on_gap_end``). A gap still open when the recording stops has ``end_us`` None.
- Disk space: checked before each segment and every ``disk_check_seconds`` against
  ``reserve_bytes`` (default 500 MB; ``free_bytes`` can be replaced in tests); below it the
  open segment is closed and reported, and the recorder stops with kind "disk_reserve".
- A SIGKILL or power cut loses at most the open segment (which still plays up to its last
  complete packet but was never reported); every reported segment is durable and intact.

Step clips: :func:`frames_covering` (segments and frame ranges for a timeline range) and
:func:`export_clip` (decode those frames, re-encode them into a new clip with its own sidecar).
"""

from .clips import ClipInfo, SegmentSpan, export_clip, frames_covering
from .clock import FrameClock, RealClock, SimulatedClock
from .errors import (
    CameraUnavailable,
    ClipEmptyError,
    ConsentRequired,
    SegmentIntegrityError,
    VideoError,
    VideoWriteError,
)
from .recorder import VideoRecorder
from .segments import (
    CODEC,
    CONTAINER,
    FOURCC,
    FrameTime,
    GrowingFileHasher,
    SegmentInfo,
    open_video_writer,
    read_sidecar,
    sha256_file,
)
from .sources import CameraInfo, FileSource, FrameSource, OpenCVCamera, choose_mode, list_cameras
from .status import Gap, LatestFrame, RecorderStatus, StopReason
from .synthetic import SyntheticCamera

__all__ = [
    "CODEC", "CONTAINER", "FOURCC", "CameraInfo", "CameraUnavailable", "ClipEmptyError", "ClipInfo",
    "ConsentRequired", "FileSource", "FrameClock", "FrameSource", "FrameTime", "Gap",
    "GrowingFileHasher", "LatestFrame", "OpenCVCamera", "RealClock", "RecorderStatus",
    "SegmentInfo", "SegmentIntegrityError", "SegmentSpan", "SimulatedClock", "StopReason",
    "SyntheticCamera", "VideoError", "VideoRecorder", "VideoWriteError", "choose_mode",
    "export_clip", "frames_covering", "list_cameras", "open_video_writer", "read_sidecar",
    "sha256_file",
]
