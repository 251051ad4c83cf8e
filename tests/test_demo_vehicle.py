"""The demo's simulated EV: logged per step, DTC snapshots before and after, signal checks, all sealed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import can
from pypdf import PdfReader

from assessor_app.core.specs.library import load_library
from assessor_app.demo import DEMO_VIN, run_demo
from assessor_app.evidence.verify import verify_bundle
from assessor_app.paths import checklists_dir


def test_the_demo_reads_the_simulated_ev_at_the_steps_that_ask_for_it(tmp_path: Path):
    result = run_demo(load_library(checklists_dir()), tmp_path, say=lambda _l: None, video=False)
    assert result.outcome == "competent" and result.bundle is not None
    assert result.diagnostics == 4 and result.can_segments >= 4  # segments of steps with traffic
    assert verify_bundle(result.bundle).ok
    record = json.loads((result.bundle / "data/record.json").read_text(encoding="utf-8"))
    assert record["diagnostics_adapter"]["device"].startswith("virtual assessor-demo-")
    recorded = {sid: [(r["diagnostic"], r["met"]) for r in s["diagnostics"]["records"]]
                for sid, s in record["steps"].items() if s["diagnostics"]["records"]}
    assert recorded == {"02": [("snapshot", None)], "12": [("condition", True)],
                        "14": [("condition", True)], "21": [("snapshot", None)]}
    for sid in ("02", "21"):
        [snap] = record["steps"][sid]["diagnostics"]["records"]
        assert snap["summary"]["vin"] == DEMO_VIN and snap["summary"]["hv_dtcs"] == []
    # the CAN log: one BLF segment per step, every frame readable, in the sealed bundle
    logs = sorted((result.bundle / "data/captures/can").glob("*.blf"))
    steps = {f["step"] for f in record["capture"]["files"] if f["kind"] == "can_log"}
    assert len(logs) == result.can_segments and {"02", "12", "21"} <= steps  # the steps that spoke to the car
    frames = sum(1 for path in logs for _msg in can.BLFReader(str(path)))
    assert frames == sum(f["items"] for f in record["capture"]["files"] if f["kind"] == "can_log") > 0
    text = re.sub(r"\s+", " ", " ".join(
        p.extract_text() for p in PdfReader(result.bundle / "assessment-record.en.pdf").pages))
    assert f"VIN {DEMO_VIN}" in text and "NOT MET" not in text
