"""The demo's simulated EV: logged per step, DTC snapshots before and after, signal checks, all sealed."""

from __future__ import annotations

import json
import re
import uuid
from dataclasses import dataclass
from pathlib import Path

import can
from pypdf import PdfReader

from assessor_app.core.specs.library import load_library
from assessor_app.demo import DEMO_VIN, run_demo
from assessor_app.devices.simulated_vehicle import SimulatedVehicle
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
    assert recorded == {"02": [("snapshot", None)], "12": [("condition", None)],
                        "14": [("condition", None)], "21": [("snapshot", None)]}
    # 12 V off from step 07 to 20: the car's ECUs are silent, so its signals are not available, never met
    for sid, name in (("12", "hv_bus_dead"), ("14", "contactors_open")):
        [check] = record["steps"][sid]["diagnostics"]["records"]
        assert (check["summary"]["condition"], check["summary"]["reason"]) == (name, "bus silent: 12 V off?")
        assert record["steps"][sid]["diagnostics"]["unavailable"] == {"condition": "bus silent: 12 V off?"}
    dead = record["steps"]["12"]["diagnostics"]["records"][0]["summary"]
    assert dead["limit"] == {"param": "dead_voltage_max", "value": 1.0, "unit": "V", "signal": "HvBusVoltage"}
    assert dead["readings"] == {"hv_plus_chassis": 0.1, "hv_minus_chassis": 0.1, "hv_plus_minus": 0.1}
    assert dead["contradiction"] is None
    for sid in ("02", "21"):
        [snap] = record["steps"][sid]["diagnostics"]["records"]
        assert snap["summary"]["vin"] is None and snap["summary"]["hv_dtcs"] == []
        assert snap["summary"]["vin_read"]["matches_recorded_vin"] is True  # DEMO_VIN, kept apart
    # the CAN log: one BLF segment per step, every frame readable, in the sealed bundle
    logs = sorted((result.bundle / "data/captures/can").glob("*.blf"))
    steps = {f["step"] for f in record["capture"]["files"] if f["kind"] == "can_log"}
    assert len(logs) == result.can_segments and {"02", "21"} <= steps  # the steps that spoke to the car
    frames = sum(1 for path in logs for _msg in can.BLFReader(str(path)))
    assert frames == sum(f["items"] for f in record["capture"]["files"] if f["kind"] == "can_log") > 0
    text = re.sub(r"\s+", " ", " ".join(
        p.extract_text() for p in PdfReader(result.bundle / "assessment-record.en.pdf").pages))
    assert "VIN matches the recorded VIN" in text and DEMO_VIN not in text and "NOT MET" not in text
    # steps 12 and 14: each says once that its signal check was not available, and why
    assert text.count("not available: bus silent: 12 V off?") == 2
    assert "Diagnostics not available" not in text


def test_the_simulated_vehicle_loses_its_12v_at_step_07_and_gets_it_back_at_step_20():
    @dataclass
    class Result:
        payload: dict
        kind: str = "step_result"

    car = SimulatedVehicle("hv-isolation-series", channel=f"follow-{uuid.uuid4().hex[:8]}").start()
    try:
        assert car.on_event(Result({"step": "07", "result": "pass"})) == "disconnect_12v"
        assert not car.ev.powered and car.ev.ecu.silent and not car.ev.contactors_closed
        assert car.on_event(Result({"step": "07", "result": "fail"})) is None
        assert car.on_event(Result({"step": "08", "result": "pass"})) == "pull_service_plug"
        assert not car.ev.powered  # pulling the plug powers nothing
        assert car.on_event(Result({"step": "20", "result": "pass"})) == "reconnect"
        assert car.ev.powered and not car.ev.ecu.silent
    finally:
        car.stop()
