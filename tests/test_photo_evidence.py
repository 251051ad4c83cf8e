"""Photos as assessment evidence: a photo taken and one imported are sealed and listed in the PDF."""

from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

import cv2
import numpy as np
import pytest
from helpers import ASSESSOR, CANDIDATE, VEHICLE, WORKSHOP, Mini
from pypdf import PdfReader

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import Finish, RecordIdentityCheck, SignOff
from assessor_app.devices.photos import PhotoDesk, PhotoError
from assessor_app.devices.video import SyntheticCamera
from assessor_app.evidence.sealing import seal_assessment
from assessor_app.evidence.verify import verify_bundle
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore


def _pdf_text(pdf: Path) -> str:
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in PdfReader(pdf).pages))


def test_a_taken_and_an_imported_photo_are_sealed_and_in_the_evidence_index(tmp_path: Path, mini: Mini):
    store = AssessmentStore.open(tmp_path / "assessor.db")
    clock = ManualClock()
    recorder = AssessmentRecorder.start(
        store, mini.checklist, mini.params, candidate=CANDIDATE, assessor=ASSESSOR,
        workshop=WORKSHOP, vehicle=VEHICLE, clock=clock)
    desk = PhotoDesk(store, tmp_path, recorder.assessment_id, SyntheticCamera(320, 240, 10, identity="cam"),
                     timeline_us=lambda: recorder.timeline.now().t_us)
    clock.advance(30)
    taken = desk.take("sign")
    phone = tmp_path / "IMG_0042.jpg"
    ok, encoded = cv2.imencode(".jpg", np.full((600, 800, 3), (40, 90, 200), np.uint8))
    assert ok
    phone.write_bytes(encoded.tobytes())
    clock.advance(5)
    imported = desk.import_file("sign", phone)
    recorder.act(RecordIdentityCheck("known_to_assessor"))
    recorder.act(SignOff("assessor", ASSESSOR.name))
    recorder.act(Finish())
    bundle = seal_assessment(store, recorder.assessment_id, data_dir=tmp_path, assessor_id="a1", pin="1234")
    with pytest.raises(PhotoError) as err:
        desk.take("sign")
    assert str(err.value) == (f"Assessment {recorder.assessment_id} is sealed: photos are added only "
                              f"while it is in progress.")
    store.close()

    result = verify_bundle(bundle.path)
    assert result.ok, result.problems
    manifest = dict(reversed(line.split("  ", 1)) for line in
                    (bundle.path / "manifest-sha256.txt").read_text().splitlines())
    for photo in (taken, imported):
        name = f"data/captures/{photo.evidence}"
        assert manifest[name] == photo.sha256
        assert hashlib.sha256((bundle.path / name).read_bytes()).hexdigest() == photo.sha256
    assert (bundle.path / "data/captures/photos/sign-2.jpg").read_bytes() == phone.read_bytes()

    record = json.loads((bundle.path / "data/record.json").read_text(encoding="utf-8"))
    photos = [f for f in record["capture"]["files"] if f["kind"] == "photo"]
    assert [(f["name"], f["step"], f["device"], f["t_start_us"], f["meta"]["source"]) for f in photos] == [
        ("captures/photos/sign-1.jpg", "sign", "synthetic camera cam", 30_000_000, "camera"),
        ("captures/photos/sign-2.jpg", "sign", "file", 35_000_000, "file")]
    assert {"kind": "photo", "device": "file"} in record["capture"]["devices"]

    text = _pdf_text(bundle.path / "assessment-record.en.pdf")
    for photo in (taken, imported):
        assert f"data/captures/{photo.evidence}" in text and photo.sha256 in text
