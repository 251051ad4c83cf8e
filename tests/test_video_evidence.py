"""Video as assessment evidence: recorded after consent, indexed, step-aligned, sealed, gaps kept."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import cv2
import pytest
from helpers import ASSESSOR, CANDIDATE, VEHICLE, WORKSHOP, Mini

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import Finish, RecordConsent, RecordIdentityCheck, SignOff
from assessor_app.devices.video import SimulatedClock, SyntheticCamera, frames_covering, read_sidecar
from assessor_app.devices.video_session import VideoSession, indexed_segments, step_span
from assessor_app.evidence.sealing import seal_assessment
from assessor_app.evidence.verify import verify_bundle
from assessor_app.storage.captures import CaptureIndex
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore


def _frames(path: Path) -> int:
    capture = cv2.VideoCapture(str(path))
    n = 0
    while capture.read()[0]:
        n += 1
    capture.release()
    return n


def test_the_demo_records_step_aligned_video_into_the_sealed_bundle(demo_with_video):
    bundle: Path = demo_with_video.bundle
    record = json.loads((bundle / "data/record.json").read_text(encoding="utf-8"))
    segments = sorted((bundle / "data/captures/video").glob("seg-*.ts"))
    assert len(segments) == demo_with_video.video_segments >= 30
    assert len(list((bundle / "data/captures/video").glob("seg-*.ts.frames.csv"))) == len(segments)
    files = {f["name"]: f for f in record["capture"]["files"]}
    consent_t = next(e["t_us"] for e in record["events"] if e["kind"] == "consent_recorded")
    previous = consent_t - 1
    for seg in segments:
        entry = files[f"captures/video/{seg.name}"]
        times = read_sidecar(seg.with_name(seg.name + ".frames.csv"))
        assert entry["items"] == len(times) == _frames(seg)  # every frame decodes, none is missing
        assert times[0].timeline_us > previous  # on one clock with the events, after consent
        assert (entry["t_start_us"], entry["t_end_us"]) == (times[0].timeline_us, times[-1].timeline_us)
        previous = times[-1].timeline_us
    assert {"kind": "video", "device": "synthetic camera demo-camera"} in record["capture"]["devices"]
    finished_t = record["events"][-1]["t_us"]
    assert finished_t - previous < 1_000_000  # video runs to the end of the assessment


def test_step_marks_select_the_segments_that_saw_the_step(demo_with_video):
    data_dir = demo_with_video.database.parent
    store = AssessmentStore.open(demo_with_video.database)
    try:
        events = store.events(demo_with_video.assessment_id)
        segments = indexed_segments(store, data_dir, demo_with_video.assessment_id)
    finally:
        store.close()
    span = step_span(events, "12")
    assert span is not None
    spans = frames_covering(segments, *span)
    assert spans and all(span[0] <= t.timeline_us <= span[1] for s in spans for t in s.times)
    assert spans[0].times[0].timeline_us - span[0] < 300_000  # the first frame of the step (4 fps)
    # the index names the steps each segment saw (its step marks)
    record = json.loads((demo_with_video.bundle / "data/record.json").read_text(encoding="utf-8"))
    seen = {f["name"].rsplit("/", 1)[1]: f["meta"]["steps"] for f in record["capture"]["files"]
            if f["kind"] == "video"}
    assert all("12" in seen[s.segment.path.name] for s in spans)
    assert [step for steps in seen.values() for step in steps][:1] and all(seen.values())
    # the clip the demo exported for its step holds just the step's frames
    clip = demo_with_video.clip
    assert clip is not None and clip.exists()
    step = clip.name.split("-step-")[1].removesuffix(".ts")
    clip_span = step_span(events, step)
    assert clip_span is not None
    expected = sum(s.frames for s in frames_covering(segments, *clip_span))
    assert _frames(clip) == expected > 0


@pytest.mark.skipif(shutil.which("ffprobe") is None, reason="ffprobe (Debian ffmpeg) not installed")
def test_segments_play_in_ffprobe(demo_with_video):
    seg = sorted((demo_with_video.bundle / "data/captures/video").glob("seg-*.ts"))[0]
    out = subprocess.run(
        ["ffprobe", "-v", "error", "-count_frames", "-select_streams", "v:0", "-show_entries",
         "stream=nb_read_frames,codec_name", "-of", "csv=p=0", str(seg)],
        capture_output=True, text=True, check=True).stdout.split()
    # MPEG-TS lists the stream under its program and on its own: the same stream, once each
    assert set(out) == {f"mpeg4,{len(read_sidecar(seg.with_name(seg.name + '.frames.csv')))}"}


def test_an_unplugged_camera_leaves_a_recorded_gap_that_the_bundle_and_pdf_carry(
        tmp_path: Path, mini: Mini):
    store = AssessmentStore.open(tmp_path / "assessor.db")
    recorder = AssessmentRecorder.start(
        store, mini.checklist, mini.params, candidate=CANDIDATE, assessor=ASSESSOR,
        workshop=WORKSHOP, vehicle=VEHICLE, clock=ManualClock())
    recorder.act(RecordConsent(CANDIDATE.id, video=True))
    clock = SimulatedClock()
    camera = SyntheticCamera(160, 120, 10, clock=clock, duration_s=6.0, unplugged=[(2.0, 3.5)])
    session = VideoSession(store, tmp_path, recorder.assessment_id, camera, clock=clock,
                           timeline_us=lambda: clock.monotonic_ns() // 1000, segment_seconds=1.0,
                           reopen_backoff=(0.1, 0.5))
    session.start(consent_given=True)
    assert session.recorder.wait(60)
    notices = session.take_notices()
    assert any("Recording resumes" in n for n in notices) and any("is back" in n for n in notices)
    [gap] = CaptureIndex(store).gaps(recorder.assessment_id)
    assert gap.kind == "video" and gap.t_end_us is not None
    assert 1_900_000 <= gap.t_start_us < 2_500_000 and 3_400_000 <= gap.t_end_us <= 4_200_000
    files = CaptureIndex(store).files(recorder.assessment_id, kind="video")
    # no frame inside the gap; segments before and after it are intact
    assert not any(f.t_start_us < gap.t_end_us and f.t_end_us > gap.t_start_us for f in files)
    recorder.act(RecordIdentityCheck("known_to_assessor"))
    recorder.act(SignOff("assessor", ASSESSOR.name))
    recorder.act(Finish())
    bundle = seal_assessment(store, recorder.assessment_id, data_dir=tmp_path, assessor_id="a1",
                             pin="1234")
    store.close()
    result = verify_bundle(bundle.path)
    assert result.ok, result.problems
    assert any("capture gaps recorded: 1" in line for line in result.proved)
    record = json.loads((bundle.path / "data/record.json").read_text(encoding="utf-8"))
    assert record["capture"]["gaps"][0]["reason"] == gap.reason
    from pypdf import PdfReader

    text = " ".join(p.extract_text() for p in PdfReader(bundle.path / "assessment-record.en.pdf").pages)
    assert "Capture gaps" in text and "synthetic camera" in text and "No capture gaps" not in text


def test_recording_needs_consent_to_video(tmp_path: Path, mini: Mini):
    from assessor_app.devices.video import ConsentRequired

    store = AssessmentStore.open(tmp_path / "assessor.db")
    recorder = AssessmentRecorder.start(
        store, mini.checklist, mini.params, candidate=CANDIDATE, assessor=ASSESSOR,
        workshop=WORKSHOP, vehicle=VEHICLE, clock=ManualClock())
    clock = SimulatedClock()
    session = VideoSession(store, tmp_path, recorder.assessment_id,
                           SyntheticCamera(160, 120, 10, clock=clock, duration_s=1), clock=clock,
                           timeline_us=lambda: 0)
    with pytest.raises(ConsentRequired):
        session.start(consent_given=False)
    assert CaptureIndex(store).files(recorder.assessment_id) == []
    store.close()


def test_assessor_clip_cuts_one_step(demo_with_video, tmp_path: Path, capsys):
    from assessor_app.cli import main

    data_dir = str(demo_with_video.database.parent)
    out = tmp_path / "step-12.mp4"
    assert main(["clip", demo_with_video.assessment_id, "12", "--data-dir", data_dir, "--out", str(out)]) == 0
    assert "Clip of step 12" in capsys.readouterr().out
    assert _frames(out) > 0
    assert main(["clip", demo_with_video.assessment_id, "99", "--data-dir", data_dir]) == 1
    assert "step 99" in capsys.readouterr().err
