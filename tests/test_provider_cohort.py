"""``assessor provider demo``: the cohort's script, its CAN log on the demo's clock, and the whole cohort
recorded, sealed, delivered over HTTP and quarantined as the provider demo makes it (built once)."""

from __future__ import annotations

import json
import re
import stat
from collections import Counter
from pathlib import Path
from typing import Any

import can
import httpx
import pytest

from assessor_app.cli import main
from assessor_app.core.specs.library import load_library
from assessor_app.demo.cohort import ADAS, BATTERY, CAN, ISOLATION, KINDS, cohort
from assessor_app.demo.cohort_run import record
from assessor_app.demo.provider_demo import DEMO_FILE, run_provider_demo
from assessor_app.devices.can import default_dbc
from assessor_app.devices.can.signals import load_dbc
from assessor_app.evidence.verify import verify_bundle
from assessor_app.paths import checklists_dir
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig
from assessor_app.storage.captures import CaptureIndex
from assessor_app.storage.store import AssessmentStore

LINE = re.compile(r"^console: http://127\.0\.0\.1:(\d+)/console/ user: (\S+) password: (\S+)$", re.M)


def hv_bus(blf: Path) -> list[tuple[float, float]]:
    """(bus time, HvBusVoltage) of every BMS_HvStatus frame in a BLF segment."""
    status = load_dbc(default_dbc()).get_message_by_name("BMS_HvStatus")
    return [
        (m.timestamp, float(status.decode(m.data)["HvBusVoltage"]))
        for m in can.BLFReader(str(blf))
        if m.arbitration_id == status.frame_id
    ]


# ---------------------------------------------------------------- the script (no recording)
def test_the_cohort_has_three_workshops_four_assessors_and_every_kind_on_every_checklist():
    plans = cohort()
    assert len(plans) >= 30
    assert {p.workshop.country for p in plans} == {"FI", "ES", "PT"}
    assert len({p.assessor.id for p in plans}) == 4
    assert min(p.assessor.expires_in_days for p in plans) <= 30  # a qualification that runs out soon
    assert set(Counter(p.checklist for p in plans)) == {ISOLATION, BATTERY, ADAS, CAN}
    assert set(Counter(p.kind for p in plans)) == set(KINDS)
    assert {p.checklist for p in plans if p.kind == "hazard"} >= {ISOLATION, ADAS, BATTERY}
    for p in plans:  # a battery diagnosis follows the candidate's isolation on the same workstation
        if p.checklist == BATTERY:
            assert any(
                q.number < p.number
                and q.candidate == p.candidate
                and q.checklist == ISOLATION
                and q.kind in ("pass", "gap", "correction")
                for q in plans
            )
    assert [(p.vin, p.start_wall_us) for p in plans] == [(p.vin, p.start_wall_us) for p in cohort()]  # seeded


# ------------------------------------------------------------ one assessment: its CAN log on the demo's clock
def test_the_isolation_logs_the_hv_bus_decaying_after_ready_is_switched_off(tmp_path: Path):
    plan = next(p for p in cohort() if p.checklist == ISOLATION and p.kind == "pass")
    done = record(load_library(checklists_dir()), tmp_path, plan, video=False)
    assert done.outcome == "competent"
    store = AssessmentStore.open(tmp_path / "assessor.db")
    try:
        logs = [f for f in CaptureIndex(store).files(done.assessment_id, kind="can_log")]
    finally:
        store.close()
    folder = tmp_path / "captures" / done.assessment_id
    step06 = [f for f in logs if f.step_id == "06"]
    voltages = [v for f in step06 for v in hv_bus(folder / f.name)]
    assert voltages[0][1] == pytest.approx(396.0) and voltages[-1][1] < 1.0  # READY off: the bus decays
    assert all(b[1] <= a[1] for a, b in zip(voltages, voltages[1:], strict=False))  # and never rises
    span_s = voltages[-1][0] - voltages[0][0]
    assert span_s >= 60  # the step's simulated minutes, not a fraction of a second
    decaying = next(f for f in step06 if hv_bus(folder / f.name)[-1][1] < 1.0)
    assert (decaying.t_end_us - decaying.t_start_us) / 1e6 == pytest.approx(
        hv_bus(folder / decaying.name)[-1][0] - hv_bus(folder / decaying.name)[0][0], abs=0.5
    )
    assert not any(f.step_id in ("08", "10", "12") for f in logs)  # 12 V off from step 07: the car is silent


# ---------------------------------------------------------------- the whole cohort, built once (conftest)
@pytest.mark.slow
def test_the_cohort_is_delivered_with_its_variety_and_two_bundles_quarantined(
    provider_cohort: dict[str, Any],
):
    result, held, records = provider_cohort["result"], provider_cohort["held"], provider_cohort["records"]
    assert len(held) == len(cohort()) == len(result.delivered) >= 30
    assert {r.workshop_id for r in held} == {"garage-nord", "taller-sur", "oficina-norte"}
    assert len({r.assessor_id for r in held}) == 4 and all(r.receipt for r in held)
    checklists = Counter(rec["started"]["checklist"]["id"] for _path, rec in records.values())
    assert set(checklists) == {ISOLATION, BATTERY, ADAS, CAN}
    outcomes = Counter(rec["outcome"] for _path, rec in records.values())
    assert {"competent", "not_yet_competent", "stopped_safely"} <= set(outcomes)
    kinds = Counter(e["kind"] for _path, rec in records.values() for e in rec["events"])
    assert kinds["result_corrected"] >= 4
    gaps = [g for _path, rec in records.values() for g in rec["capture"]["gaps"]]
    assert len(gaps) >= 4 and all(g["kind"] == "video" and g["t_end_us"] > g["t_start_us"] for g in gaps)
    reasons = [q.reason for q in provider_cohort["quarantined"]]
    assert len(reasons) == 2 == len(result.quarantined)
    assert any("is not registered with this provider" in r for r in reasons)
    assert any("was modified (SHA-256 differs)" in r for r in reasons)


@pytest.mark.slow
def test_every_held_bundle_verifies_and_its_isolation_can_log_shows_the_decay(
    provider_cohort: dict[str, Any],
):
    decays = 0
    for path, rec in provider_cohort["records"].values():
        verified = verify_bundle(path)
        assert verified.ok, (path, verified.problems)
        if rec["started"]["checklist"]["id"] == ISOLATION and rec["outcome"] == "competent":
            files = [f for f in rec["capture"]["files"] if f["kind"] == "can_log" and f["step"] == "06"]
            volts = [v for f in files for _t, v in hv_bus(path / "data" / f["name"])]
            decays += volts[0] > 390 and volts[-1] < 1
    assert decays >= 5


@pytest.mark.slow
def test_the_command_prints_the_login_and_a_second_run_records_nothing_twice(
    provider_cohort: dict[str, Any], capsys: pytest.CaptureFixture[str]
):
    folder: Path = provider_cohort["folder"]
    state = json.loads((folder / DEMO_FILE).read_text(encoding="utf-8"))
    assert stat.S_IMODE((folder / DEMO_FILE).stat().st_mode) == 0o600
    assert main(["provider", "demo", "--folder", str(folder), "--port", "0", "--no-serve"]) == 0
    out = capsys.readouterr().out
    found = LINE.findall(out)
    assert len(found) == 1
    port, user, password = found[0]
    assert int(port) > 0 and (user, password) == (state["user"], state["password"])
    assert out.strip().splitlines()[-1].startswith("console: ")
    assert "is used again" in out
    assert f"Held: {len(provider_cohort['held'])} bundle(s) from 4 workstations; quarantined: 2" in out
    service = ProviderService(ProviderConfig(folder / "provider"))
    try:
        assert len(service.importer.bundles()) == len(provider_cohort["held"])
        assert len(service.importer.quarantined()) == 2
    finally:
        service.close()


@pytest.mark.slow
def test_the_login_it_prints_signs_in_to_the_console_it_serves(provider_cohort: dict[str, Any]):
    lines: list[str] = []
    result, server = run_provider_demo(provider_cohort["folder"], port=0, say=lines.append)
    try:
        assert result.recorded == [] and len(result.delivered) == len(provider_cohort["held"])
        with httpx.Client(base_url=server.url, follow_redirects=False) as http:
            form = http.get("/console/login")
            token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
            assert form.status_code == 200 and token is not None
            wrong = http.post("/console/login", data={"name": result.user, "password": result.password + "x",
                                                      "csrf_token": token.group(1)})
            assert wrong.status_code == 401
            form = http.get("/console/login")
            token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
            assert token is not None
            answer = http.post("/console/login", data={"name": result.user, "password": result.password,
                                                       "csrf_token": token.group(1)})
            assert answer.status_code == 303 and answer.cookies
            home = http.get("/console/")
            assert home.status_code == 200 and f"Signed in as {result.user}" in home.text
    finally:
        server.close()
