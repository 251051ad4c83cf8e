"""The provider demo's cohort: who assessed whom, on which checklist, and what happened.

Three workshops (Finland, Spain, Portugal), four assessors (one whose qualification runs out in a
few weeks), one workstation each, eight assessments per workstation across the four shipped
checklists: passes, hazard stops, failures, results corrected with a reason and video capture
gaps. The script is fixed (the times come from a seeded generator), so every build of the cohort
tells the same story; only the ids, keys and seals are new.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass

from assessor_app.core.vin import check_digit

SEED = 15
ISOLATION, BATTERY, ADAS, CAN = (
    "hv-isolation-series",
    "hv-battery-diagnostics",
    "adas-camera-static-calibration",
    "can-bus-physical-layer",
)
KINDS = ("pass", "hazard", "fail", "correction", "gap")
#: per checklist: the step a hazard stop, a failure and a corrected result happen at
HAZARD_STEP = {ISOLATION: "12", BATTERY: "07", ADAS: "05"}
FAIL_STEP = {ISOLATION: "09", BATTERY: "02", ADAS: "04", CAN: "02"}
CORRECTED_STEP = {ISOLATION: "04", BATTERY: "04", ADAS: "01", CAN: "03"}
#: (from, to) seconds after the camera started during which it delivers nothing
CAMERA_GAP = (150.0, 270.0)


@dataclass(frozen=True)
class Workshop:
    id: str
    name: str
    country: str
    address: str


@dataclass(frozen=True)
class Assessor:
    id: str
    name: str
    qualification: str
    qualification_ref: str
    expires_in_days: int
    workshop: str
    language: str  # the language they type notes in


@dataclass(frozen=True)
class Plan:
    """One assessment of the cohort."""

    number: int  # 1.. across the cohort
    workstation: str  # the assessor's workstation (its folder name)
    workshop: Workshop
    assessor: Assessor
    candidate: tuple[str, str]  # id, name
    checklist: str
    parameters: str
    kind: str  # one of KINDS
    vin: str
    vehicle: str
    start_wall_us: int

    @property
    def fail_step(self) -> str | None:
        """The step whose reading is out of range (a hazard stop where the step declares a hazard)."""
        if self.kind == "hazard":
            return HAZARD_STEP.get(self.checklist, FAIL_STEP[self.checklist])
        return FAIL_STEP[self.checklist] if self.kind == "fail" else None

    @property
    def corrected_step(self) -> str | None:
        """The step whose result the trainer recorded as a fail by mistake and corrected to a pass."""
        return CORRECTED_STEP[self.checklist] if self.kind == "correction" else None

    @property
    def camera_gap(self) -> tuple[float, float] | None:
        return CAMERA_GAP if self.kind == "gap" else None


WORKSHOPS = (
    Workshop("garage-nord", "Autokorjaamo Pohjola", "FI", "Pohjoistie 5, 90100 Oulu"),
    Workshop("taller-sur", "Taller Eléctrico Sur", "ES", "Calle Motor 12, 41001 Sevilla"),
    Workshop("oficina-norte", "Oficina Elétrica do Norte", "PT", "Rua do Motor 8, 4000-123 Porto"),
)
ASSESSORS = (
    Assessor(
        "assessor-03",
        "Aino Virtanen",
        "SFS 6002 electrical safety card, EV high-voltage work",
        "SFS6002-0003",
        365,
        "garage-nord",
        "fi",
    ),
    Assessor(
        "assessor-05",
        "Mikko Laine",
        "SFS 6002 electrical safety card, EV high-voltage work",
        "SFS6002-0005",
        21,
        "garage-nord",
        "fi",
    ),  # runs out soon
    Assessor("asesor-07", "Lucía Martín", "DGUV 209-093 level 3S", "DGUV-3S-0707", 540, "taller-sur", "es"),
    Assessor(
        "avaliador-02", "João Silva", "DGUV 209-093 level 3S", "DGUV-3S-0202", 300, "oficina-norte", "pt"
    ),
)
CANDIDATES = {
    "assessor-03": ("Eetu Korhonen", "Sanni Mäkinen", "Joonas Nieminen", "Iida Heikkinen"),
    "assessor-05": ("Veeti Koskinen", "Emma Järvinen", "Aleksi Lehtonen", "Ella Salminen"),
    "asesor-07": ("Pablo García", "Lucía Fernández", "Hugo López", "Martina Sánchez"),
    "avaliador-02": ("Tiago Ferreira", "Beatriz Costa", "Rafael Santos", "Mariana Oliveira"),
}
#: per assessor: (candidate 1-4, checklist, kind); a battery diagnosis follows the candidate's passed
#: isolation
SCHEDULES = {
    "assessor-03": (
        (1, ISOLATION, "pass"),
        (1, BATTERY, "pass"),
        (2, ISOLATION, "hazard"),
        (3, ISOLATION, "correction"),
        (3, ADAS, "pass"),
        (4, CAN, "gap"),
        (4, ISOLATION, "fail"),
        (2, CAN, "fail"),
    ),
    "assessor-05": (
        (1, ISOLATION, "pass"),
        (1, BATTERY, "fail"),
        (2, ADAS, "hazard"),
        (2, ISOLATION, "gap"),
        (3, CAN, "correction"),
        (3, ISOLATION, "hazard"),
        (4, ADAS, "pass"),
        (4, CAN, "pass"),
    ),
    "asesor-07": (
        (1, ISOLATION, "gap"),
        (1, BATTERY, "hazard"),
        (2, ISOLATION, "pass"),
        (2, BATTERY, "correction"),
        (3, ADAS, "fail"),
        (3, CAN, "pass"),
        (4, ISOLATION, "pass"),
        (4, ADAS, "correction"),
    ),
    "avaliador-02": (
        (1, ISOLATION, "pass"),
        (1, BATTERY, "gap"),
        (2, CAN, "pass"),
        (2, ADAS, "gap"),
        (3, ISOLATION, "fail"),
        (3, CAN, "fail"),
        (4, ISOLATION, "correction"),
        (4, BATTERY, "pass"),
    ),
}
VEHICLES = (
    ("WVWZZZE1ZMP0", "Volkswagen ID.3", "generic-400v"),
    ("KMHK381GFNU0", "Hyundai Ioniq 5", "generic-800v"),
    ("VF1AG000664", "Renault Zoe", "generic-400v"),
    ("WP0ZZZY1ZNS0", "Porsche Taycan", "generic-800v"),
)


def vin(prefix: str, serial: int) -> str:
    """A 17-character VIN with a valid check digit (position 9)."""
    raw = prefix + f"{serial:0{17 - len(prefix)}d}"
    raw = raw[:8] + "0" + raw[9:]
    return raw[:8] + check_digit(raw) + raw[9:]


def workstation_of(assessor: Assessor) -> str:
    return f"workstation-{assessor.id}"


def cohort(today: dt.date | None = None) -> list[Plan]:
    """The cohort's assessments, in the order each workstation records them, over the last eight
    weeks before ``today`` (working days, from 08:00)."""
    rng = random.Random(SEED)
    today = today or dt.date.today()
    workshops = {w.id: w for w in WORKSHOPS}
    plans: list[Plan] = []
    for assessor in ASSESSORS:
        day = today - dt.timedelta(days=56)
        for n, (who, checklist, kind) in enumerate(SCHEDULES[assessor.id]):
            day += dt.timedelta(days=rng.randint(4, 7))
            while day.weekday() >= 5:
                day += dt.timedelta(days=1)
            start = dt.datetime.combine(day, dt.time(8, 0), dt.UTC) + dt.timedelta(
                minutes=rng.randint(0, 300)
            )
            prefix, model, parameters = VEHICLES[rng.randrange(len(VEHICLES))]
            if checklist in (ADAS, CAN):
                parameters = "generic-400v"
            candidate = (
                f"{assessor.id.split('-')[0][:2]}{assessor.id[-2:]}-learner-{who:02d}",
                CANDIDATES[assessor.id][who - 1],
            )
            plans.append(
                Plan(
                    len(plans) + 1,
                    workstation_of(assessor),
                    workshops[assessor.workshop],
                    assessor,
                    candidate,
                    checklist,
                    parameters,
                    kind,
                    vin(prefix, len(plans) + 1 + 40 * n),
                    model,
                    int(start.timestamp() * 1_000_000),
                )
            )
    return plans
