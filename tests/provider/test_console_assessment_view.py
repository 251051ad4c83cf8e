"""The view of one held assessment, made from a real delivered demo bundle: header by role, steps,
readings against ranges, diagnostics, video covers, the CAN plot, re-verification, safe file access
and the CSV of the steps."""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import os
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from console_assessment_support import DEMO_CANDIDATE, HeldDemo, held_demo, hv_decay_segment, sha256

from assessor_app.i18n import render
from assessor_app.provider.console.assessment_csv import COLUMNS, safe_cell, steps_csv
from assessor_app.provider.console.assessment_view import assessment_view
from assessor_app.provider.console.bundle_files import (
    HeldBundle,
    NotHeld,
    content_disposition,
    held_bundle,
    safe_filename,
)
from assessor_app.provider.console.can_plot import Mark, decimate, decode_segment, render_plot
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig

SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> HeldDemo:
    return held_demo(tmp_path_factory.mktemp("demo"))


@pytest.fixture(scope="module")
def service(demo: HeldDemo) -> Iterator[ProviderService]:
    service = ProviderService(ProviderConfig(demo.folder))
    yield service
    service.close()


def _record(service: ProviderService, demo: HeldDemo) -> dict:
    root = service.store.bundle_path(demo.device, demo.bundle_id)
    return json.loads((root / "data/record.json").read_text())


def test_a_role_without_names_sees_the_pseudonym_and_never_the_name_or_the_vin(service, demo):
    view = assessment_view(service, demo.device, demo.bundle_id, show_names=False, language="en")
    assert view.header.candidate == "learner-017" and not view.header.candidate_is_name
    everything = repr(view)
    assert DEMO_CANDIDATE not in everything and demo.vin not in everything
    assert view.pdf == "assessment-record.en.pdf"  # the anonymised record at the top
    assert "identity/" not in " ".join(view.files)
    assert view.header.identity == "held apart; not shown to your role"


def test_a_role_with_names_sees_the_candidate_and_the_vin_from_the_identity_file(service, demo):
    view = assessment_view(service, demo.device, demo.bundle_id, show_names=True, language="en")
    assert view.header.candidate == DEMO_CANDIDATE and view.header.candidate_is_name
    assert demo.vin in view.header.vehicle
    assert view.pdf == "identity/assessment-record.en.pdf"
    assert {s.person for s in view.steps if s.person} == {DEMO_CANDIDATE}


def test_the_header_names_workshop_assessor_checklist_generic_parameters_and_outcome(service, demo):
    view = assessment_view(service, demo.device, demo.bundle_id, show_names=False, language="fi")
    h = view.header
    assert h.bundle_id == demo.bundle_id and h.device_key_id == demo.device
    # the provider's own records name the workshop and the assessor
    assert h.workshop == "Demo Workshop (ws-demo)" and h.assessor == "Demo Assessor (assessor-03)"
    assert "hv-isolation-series" in h.checklist and h.parameter_set.startswith("generic-400v")
    assert h.generic_parameters
    assert h.outcome_code == "stopped_safely" and h.outcome == "keskeytetty turvallisesti"  # 13 is a hazard
    assert not view.verification.fresh and view.verification.ok


def test_each_step_carries_result_person_times_readings_and_evidence_as_recorded(service, demo):
    record = _record(service, demo)
    view = assessment_view(service, demo.device, demo.bundle_id, show_names=False, language="en")
    assert [s.id for s in view.steps] == list(record["steps"])
    for step in view.steps:
        rec = record["steps"][step.id]
        assert step.status_code == rec["status"]
        assert (step.started.t_us if step.started else None) == rec["started_t_us"]
        assert len(step.readings) == len(rec["readings"])
        assert [p.name for p in step.photos] == [f"data/captures/{p['evidence']}" for p in rec["photos"]]
        for photo in step.photos:
            assert photo.name in view.files
    failed = next(s for s in view.steps if s.id == "13")
    assert failed.status == "hazard found, correctly stopped"
    assert failed.reason == record["steps"]["13"]["reason"]
    assert failed.reason.startswith("Demo: found at this step")
    assert failed.notes and failed.result is not None
    assert failed.result.t_us == record["steps"]["13"]["result_t_us"] and failed.result.wall
    assert [r.in_range for r in failed.readings] == [False]
    measured = [r for s in view.steps if s.id != "13" for r in s.readings]
    assert measured and all(r.range and r.value and r.in_range is True for r in measured)
    assert any(r.range.startswith("≤") or "–" in r.range or "≥" in r.range for r in measured)
    snapshots = [x for s in view.steps for x in s.snapshots]
    assert snapshots and snapshots[0].vin == "VIN read matches the recorded vehicle"
    assert all(x.file is not None and x.file.name in view.files for x in snapshots)


def test_video_covers_point_into_the_sealed_segments_at_the_step_start(service, demo):
    record = _record(service, demo)
    segments = {f"data/{f['name']}": f for f in record["capture"]["files"] if f["kind"] == "video"}
    view = assessment_view(service, demo.device, demo.bundle_id, show_names=False, language="en")
    covered = [s for s in view.steps if s.video]
    assert covered, "the demo records video of every step done"
    for step in covered:
        start = record["steps"][step.id]["started_t_us"]
        for cover in step.video:
            seg = segments[cover.segment]
            assert cover.segment in view.files
            assert cover.offset_s == max(0, start - seg["t_start_us"]) / 1e6
            assert 0 <= cover.offset_s <= cover.until_s <= (seg["t_end_us"] - seg["t_start_us"]) / 1e6
    assert all(not s.video for s in view.steps if s.started is None)


def test_re_verification_reads_every_file_again_and_finds_a_changed_photo(tmp_path: Path):
    demo = held_demo(tmp_path, fail_step=None)
    service = ProviderService(ProviderConfig(demo.folder))
    try:
        fresh = assessment_view(service, demo.device, demo.bundle_id, show_names=False, language="en",
                                reverify=True, plots=False)
        assert fresh.verification.fresh and fresh.verification.ok and fresh.verification.proved
        photo = next(p for s in fresh.steps for p in s.photos)
        path = service.store.bundle_path(demo.device, demo.bundle_id) / photo.name
        os.chmod(path, 0o600)
        path.write_bytes(path.read_bytes() + b"\0")
        again = assessment_view(service, demo.device, demo.bundle_id, show_names=False, language="en",
                                reverify=True, plots=False)
        assert not again.verification.ok
        assert any(photo.name in p and "modified" in p for p in again.verification.problems)
        assert again.verification.summary.startswith("Verification now FAILED")
    finally:
        service.close()


def test_a_bundle_that_is_not_held_or_a_path_for_an_id_is_refused(service, demo):
    for device, bundle_id in ((demo.device, "no-such-bundle"), ("0" * 64, demo.bundle_id),
                              (demo.device, "../provider.db"), ("../..", demo.bundle_id), (demo.device, "")):
        with pytest.raises(NotHeld) as refused:
            assessment_view(service, device, bundle_id, show_names=True, language="en")
        assert "no such assessment" in str(refused.value)


def test_only_files_the_bundle_lists_are_opened_and_identity_only_with_names(service, demo):
    bundle = held_bundle(service, demo.device, demo.bundle_id)
    listed = next(n for n in bundle.manifest if n.endswith(".jpg"))
    fd, size = bundle.open(listed, show_names=False)
    os.close(fd)
    assert size > 0
    for name in ("../../provider.db", "/etc/passwd", "data/../bag-info.txt", "seal/statement.dsse.json",
                 "data/captures", "data/captures/photos/../../record.json", "identity/identity.json",
                 "identity/assessment-record.en.pdf", "data/record.json\0"):
        with pytest.raises(NotHeld):
            bundle.open(name, show_names=False)
    fd, _ = bundle.open("identity/identity.json", show_names=True)
    os.close(fd)
    assert bundle.allowed("assessment-record.fi.pdf", show_names=False)


def test_download_names_are_safe_in_a_header():
    assert safe_filename('../x"\r\nSet-Cookie: a=b.pdf') == "x_Set-Cookie_a_b.pdf"
    assert safe_filename("Ääkkönen résumé.pdf") == "Aakkonen_resume.pdf"
    assert safe_filename("///") == "download"
    assert content_disposition("seg-000001.ts") == 'attachment; filename="seg-000001.ts"'


def test_the_csv_of_the_steps_reads_back_and_keeps_formulas_as_text(service, demo):
    view = assessment_view(service, demo.device, demo.bundle_id, show_names=False, language="sv", plots=False)
    rows = list(csv.reader(io.StringIO(steps_csv(view))))
    assert len(rows) == 1 + len(view.steps) and rows[0][0] == render(COLUMNS[0](), "sv")
    assert [r[0] for r in rows[1:]] == [s.id for s in view.steps]
    first = view.steps[0]
    hostile = dataclasses.replace(first, notes=("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx"),
                                  reason="\r=cmd")
    rows = list(csv.reader(io.StringIO(steps_csv(dataclasses.replace(view, steps=(hostile,))))))
    notes, reason = rows[1][12], rows[1][4]
    assert notes.startswith("'=HYPERLINK") and reason == "'\r=cmd"
    assert all(not cell.startswith(("=", "+", "-", "@", "\t", "\r")) for row in rows for cell in row)
    assert safe_cell("-5 V") == "'-5 V" and safe_cell("5 V") == "5 V" and safe_cell(None) == ""


def _segment_bundle(tmp_path: Path, seconds: float) -> tuple[HeldBundle, str, int, int]:
    root = tmp_path / "bundle"
    (root / "data/captures/can").mkdir(parents=True)
    path = root / "data/captures/can/can01-00001-08.blf"
    frames, first_host = hv_decay_segment(path, seconds=seconds)
    name = "data/captures/can/can01-00001-08.blf"
    manifest = {name: sha256(path), f"{name}.host-ns": sha256(Path(f"{path}.host-ns"))}
    return HeldBundle(None, root, manifest), name, frames, first_host  # type: ignore[arg-type]


def test_the_can_plot_shows_the_hv_bus_decay_with_step_marks_and_stays_small(tmp_path: Path):
    bundle, name, frames, first_host = _segment_bundle(tmp_path, seconds=1800.0)
    t_start = 570_000_000
    signals = decode_segment(bundle, name, t_start, first_host)
    assert signals.frames == frames and not signals.problems
    ts, hv = signals.series["HvBusVoltage"]
    assert ts[0] == t_start and hv[0] == 400.0 and hv[-1] < 1.0
    after = [v for t, v in zip(ts, hv, strict=True) if t >= t_start + 30_000_000]
    assert all(a >= b for a, b in zip(after, after[1:], strict=False))  # decays, never rises
    contactor = signals.series["ContactorPositive"][1]
    assert contactor[0] == 1.0 and contactor[-1] == 0.0
    plot = render_plot(signals, [Mark(t_start + 30_000_000, "plug pulled <b>")], plot_id="can-08",
                       title="CAN of step 08", language="fi", max_points=400)
    assert plot.points <= 2 * 400 + 3 * 4  # two voltages cut to 400, three states as their changes
    svg = ET.fromstring(plot.svg)
    assert svg.get("role") == "img" and svg.find(f"{SVG}title").text == "CAN of step 08"
    assert "0:09:30" in plot.svg and "plug pulled &lt;b&gt;" in plot.svg and "<script" not in plot.svg
    assert len(plot.svg) < 60_000, len(plot.svg)


def test_decimation_keeps_the_extremes_of_each_slice():
    ts = list(range(10_000))
    vs = [0.0] * 10_000
    vs[5_003] = 900.0  # one spike
    dt, dv = decimate(ts, vs, 100)
    assert len(dt) <= 100 and 900.0 in dv and dt == sorted(dt)
    assert decimate([1, 2], [3.0, 4.0], 100) == ([1, 2], [3.0, 4.0])


def test_a_damaged_can_segment_gives_its_problem_not_an_exception(tmp_path: Path):
    bundle, name, _frames, first_host = _segment_bundle(tmp_path, seconds=60.0)
    path = bundle.root / name
    data = bytearray(path.read_bytes())
    data[200:] = os.urandom(len(data) - 200)
    path.write_bytes(bytes(data))
    signals = decode_segment(bundle, name, 0, first_host)
    assert signals.problems and "damaged" in str(signals.problems[0])
    plot = render_plot(signals, [], plot_id="x", title="t", language="en")
    ET.fromstring(plot.svg)
