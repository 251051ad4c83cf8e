"""A provider holding a real demo assessment (video, photos, CAN, DTC snapshots, a failed critical
step), delivered through the real upload; and CAN segments written by the product's BLF writer."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

import can

from assessor_app.core.specs.library import load_library
from assessor_app.demo import DEMO_VIN, run_demo
from assessor_app.devices.can.blf import BlfSegmentFile
from assessor_app.devices.can.signals import load_dbc
from assessor_app.devices.can.simulator import default_dbc
from assessor_app.evidence.keys import device_key
from assessor_app.paths import checklists_dir

DEMO_CANDIDATE = "Demo Learner"


@dataclass(frozen=True)
class HeldDemo:
    folder: Path  # the provider's folder
    device: str
    bundle_id: str
    vin: str = DEMO_VIN


def held_demo(where: Path, *, fail_step: str | None = "13") -> HeldDemo:
    """Run the workstation demo (video on) and deliver its bundle to the provider under ``where``."""
    result = run_demo(load_library(checklists_dir()), where, say=lambda _line: None, video=True, sync=True,
                      fail_step=fail_step)
    assert result.delivery is not None and result.delivery.import_status == "imported"
    return HeldDemo(where / "provider", device_key(where / "keys").fingerprint, result.assessment_id)


def hv_decay_segment(path: Path, *, seconds: float = 600.0, period_s: float = 0.1, open_at_s: float = 30.0,
                     tau_s: float = 20.0) -> tuple[int, int]:
    """A BLF segment of the simulated EV's HV status: contactors open at ``open_at_s`` and the HV bus
    decays from 400 V; returns (frames, first host ns). Written by the capture's own BLF writer."""
    import math

    db = load_dbc(default_dbc())
    status = db.get_message_by_name("BMS_HvStatus")
    start = 1_796_000_000.0
    first_host = 5_000_000_000
    blf = BlfSegmentFile(path, 1, start)
    items = []
    n = int(seconds / period_s)
    for i in range(n):
        t = i * period_s
        closed = t < open_at_s
        hv = 400.0 if closed else 400.0 * math.exp(-(t - open_at_s) / tau_s)
        data = status.encode({"ContactorPositive": int(closed), "ContactorNegative": int(closed),
                              "PrechargeRelay": 0, "ServicePlug": int(t < open_at_s + 10),
                              "HvStatusCounter": i % 16, "PackVoltage": 400.0,
                              "HvBusVoltage": round(hv, 1), "PackCurrent": 0.0})
        msg = can.Message(timestamp=start + t, arbitration_id=status.frame_id, data=data,
                          is_extended_id=False)
        items.append((msg, first_host + int(t * 1e9)))
    blf.write_many(items)
    blf.close()
    return n, first_host


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
