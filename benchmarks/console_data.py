"""A provider store holding many assessments, for the console's benchmark: rows written in SQL.

Importing 100,000 sealed bundles would take hours and measure the importer, not the list. The
rows here are what the importer writes (a ``bundles`` row and its ``assessment_index`` row), with
a realistic spread: a dozen workshops in four countries, 40 assessors, three workstations per
workshop, the four shipped checklists in two or three versions, outcomes mostly competent, three
years of dates, about a third of the candidates assessed more than once. Seeded: the same
arguments give the same rows.
"""

from __future__ import annotations

import json
import random
import uuid
from typing import Any

from sqlalchemy import insert

from assessor_app.provider.assessment_index import INDEX_FORMAT, add_vehicles
from assessor_app.provider.models import (
    AssessmentIndexRow,
    Assessor,
    AssessorWorkshop,
    Device,
    ReceivedBundle,
    Workshop,
)
from assessor_app.provider.store import ProviderStore

WORKSHOPS = [
    ("ws-helsinki", "Autokorjaamo Virtanen Oy", "FI"), ("ws-tampere", "Tampereen Sähköautohuolto", "FI"),
    ("ws-oulu", "Pohjolan Hybridipalvelu", "FI"), ("ws-goteborg", "Göteborgs Elbilsverkstad AB", "SE"),
    ("ws-malmo", "Malmö Fordonsteknik", "SE"), ("ws-madrid", "Taller Eléctrico Castilla", "ES"),
    ("ws-sevilla", "Talleres Híbridos del Sur", "ES"), ("ws-valencia", "Automoción Levante S.L.", "ES"),
    ("ws-lisboa", "Oficina Elétrica Lisboa", "PT"), ("ws-porto", "Auto Reparações do Porto", "PT"),
    ("ws-braga", "Minho Veículos Elétricos", "PT"), ("ws-uppsala", "Uppsala Bilservice", "SE"),
]
FIRST = ["Aino", "Mikko", "Sofia", "Lars", "Carmen", "João", "Inês", "Pablo", "Elin", "Jussi", "Marta",
         "Erik", "Lucía", "Tiago", "Helmi", "Oskar", "Ana", "Nils", "Rosa", "Pedro"]
LAST = ["Virtanen", "Korhonen", "Lindqvist", "García", "Silva", "Santos", "Nieminen", "Berg",
        "Fernández", "Costa"]
CHECKLISTS = [("hv-isolation-series", ["1.1.0", "1.2.0", "1.2.1"]),
              ("hv-battery-diagnostics", ["1.2.0", "1.2.1"]),
              ("can-bus-physical-layer", ["1.1.0", "1.2.1"]),
              ("adas-camera-static-calibration", ["1.2.1"])]
VEHICLES = ["Compact BEV, 400 V pack", "Mid-size BEV, 800 V pack", "Plug-in hybrid estate, 350 V",
            "Full hybrid saloon, 200 V", "Light commercial van BEV, 400 V", "City BEV, 330 V",
            "Performance BEV, 800 V", "Hybrid SUV, 300 V", "Electric bus, 650 V", "BEV hatchback, 360 V"]
#: outcome, weight
OUTCOMES = [("competent", 62), ("not_yet_competent", 19), ("incomplete", 8), ("stopped_safely", 5),
            ("abandoned", 5), ("", 1)]
START_US = 1_704_067_200_000_000  # 2024-01-01
SPAN_US = 3 * 365 * 24 * 3600 * 1_000_000
BATCH = 5000


def _directory(rng: random.Random) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[dict[str, Any]],
                                            list[dict[str, Any]]]:
    workshops = [{"id": i, "name": n, "country": c, "address": "", "created_us": START_US}
                 for i, n, c in WORKSHOPS]
    assessors, links = [], []
    for k in range(40):
        aid = f"assr-{k + 1:03d}"
        assessors.append({"id": aid, "name": f"{rng.choice(FIRST)} {rng.choice(LAST)}",
                          "qualification": "DGUV 209-093 level 3S", "qualification_ref": "",
                          "qualification_expires": "2030-12-31", "created_us": START_US, "revoked_us": None,
                          "revoked_reason": None})
        links.append({"assessor_id": aid, "workshop_id": WORKSHOPS[k % len(WORKSHOPS)][0]})
    devices = [{"key_id": f"{rng.getrandbits(256):064x}", "public_pem": "PEM", "workshop_id": w[0],
                "enrolled_us": START_US, "revoked_us": None, "revoked_reason": None}
               for w in WORKSHOPS for _ in range(3)]
    return workshops, assessors, links, devices


def fill(store: ProviderStore, n: int, *, seed: int = 15) -> None:
    """Write ``n`` held assessments (bundle and index rows) and their directory into ``store``."""
    rng = random.Random(seed)
    workshops, assessors, links, devices = _directory(rng)
    by_workshop: dict[str, list[str]] = {}
    for link in links:
        by_workshop.setdefault(link["workshop_id"], []).append(link["assessor_id"])
    outcomes = [o for o, _ in OUTCOMES]
    weights = [w for _, w in OUTCOMES]
    with store.writer.begin() as conn:
        for table, rows in ((Workshop, workshops), (Assessor, assessors), (AssessorWorkshop, links),
                            (Device, devices)):
            conn.execute(insert(table), rows)
    candidates = max(1, n * 2 // 3)
    done = 0
    while done < n:
        bundles, index = [], []
        for _ in range(min(BATCH, n - done)):
            device = rng.choice(devices)
            workshop = device["workshop_id"]
            assessor = rng.choice(by_workshop[workshop])
            checklist, versions = rng.choice(CHECKLISTS)
            version = rng.choice(versions)
            outcome = rng.choices(outcomes, weights)[0]
            ended = START_US + rng.randrange(SPAN_US)
            received = ended + rng.randrange(60_000_000, 3 * 24 * 3600 * 1_000_000)
            bundle_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            steps = rng.randint(8, 24)
            failed = rng.randint(1, 3) if outcome == "not_yet_competent" else 0
            pending = rng.randint(1, steps // 2) if outcome in ("incomplete", "abandoned") else 0
            na = rng.choice((0, 0, 1))
            hazard = outcome == "stopped_safely"
            assessment_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            bundles.append({
                "bundle_id": bundle_id, "device": device["key_id"],
                "manifest_sha256": f"{rng.getrandbits(256):064x}", "workshop_id": workshop,
                "assessor_id": assessor, "assessor_key": f"{rng.getrandbits(256):064x}",
                "assessment_id": assessment_id, "outcome": outcome or None,
                "payload_bytes": rng.randrange(5_000_000, 900_000_000),
                "stored_path": f"{store.bundles_dir}/{device['key_id']}/{bundle_id}", "source": "upload",
                "received_us": received, "receipt": "{}"})
            index.append({
                "bundle_id": bundle_id, "device": device["key_id"], "assessment_id": assessment_id,
                "workshop_id": workshop, "assessor_id": assessor,
                "candidate": f"cand-{rng.randrange(candidates):06d}", "vehicle": rng.choice(VEHICLES),
                "checklist_id": checklist, "checklist_version": version,
                "parameter_set_id": f"{checklist}-generic", "parameter_set_version": "1.0.0",
                "parameters_generic": rng.random() < 0.7, "outcome": outcome,
                "outcome_reasons": json.dumps([]),
                "abandon_reason": "candidate unwell" if outcome == "abandoned" else None,
                "stopped_by": "dead" if hazard or failed else None, "hazard_stop": hazard,
                "started_us": ended - rng.randrange(20, 120) * 60_000_000, "ended_us": ended,
                "received_us": received, "steps_total": steps,
                "steps_passed": steps - failed - pending - na - (1 if hazard else 0),
                "steps_failed": failed, "steps_na": na, "steps_pending": pending,
                "corrections": rng.choice((0, 0, 0, 0, 1, 2)), "capture_gaps": rng.choice((0,) * 9 + (1,)),
                "dropped_frames": rng.choice((0, 0, 0, 12)), "identity": rng.choice(("present", "withheld")),
                "language": rng.choice(("fi", "sv", "es", "pt", "en")), "index_format": INDEX_FORMAT})
        with store.writer.begin() as conn:
            conn.execute(insert(ReceivedBundle), bundles)
            conn.execute(insert(AssessmentIndexRow), index)
            add_vehicles(conn, [row["vehicle"] for row in index])
        done += len(bundles)
