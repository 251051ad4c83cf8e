"""Assessments of the mini checklist with chosen risk signals, sealed by enrolled workstations of
several workshops and co-signed by several assessors, imported into a real provider."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from functools import lru_cache

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from helpers import (
    CANDIDATE,
    VEHICLE,
    WORKSHOP,
    Driver,
    Mini,
    do_all_steps,
    do_dead,
    do_until_dead,
    load_mini,
    sign_and_finish,
)
from securesystemslib.signer import CryptoSigner, SSlibKey
from sync_support import Workstation, bind_test_assessor, enroll

from assessor_app.core.clock import ManualClock
from assessor_app.core.engine import (
    Abandon,
    AssessmentEngine,
    CorrectResult,
    Person,
    RecordConsent,
    RecordMeasurement,
)
from assessor_app.core.engine.engine import STARTED
from assessor_app.core.events import GENESIS, make_event
from assessor_app.evidence.archive import write_archive
from assessor_app.evidence.bundle import write_bundle
from assessor_app.evidence.keys import SigningKey
from assessor_app.provider.server import ProviderServer

DAY_US = 86_400_000_000
JAN_2027 = int(dt.datetime(2027, 1, 1, 9, tzinfo=dt.UTC).timestamp() * 1e6)
KINDS = ("pass", "critical_fail", "short")


@lru_cache(maxsize=8)
def assessor_signing_key(assessor_id: str) -> SigningKey:
    private = Ed25519PrivateKey.generate()
    return SigningKey(assessor_id, CryptoSigner(private, SSlibKey.from_crypto(private.public_key())))


@dataclass
class _IdDriver(Driver):
    """The test driver, with its own assessment id and assessor."""

    assessment_id: str = ""
    assessor: str = "assr-1"

    def __post_init__(self) -> None:
        from assessor_app.core.clock import Timeline

        self.timeline = Timeline(self.clock)
        stamp = self.timeline.now()
        mini: Mini = self.mini
        payload, resolved = AssessmentEngine.start_payload(
            spec=mini.checklist.spec, spec_sha256=mini.checklist.sha256, params=mini.params.params,
            params_sha256=mini.params.sha256, candidate=CANDIDATE, assessor=Person(self.assessor, "Assessor"),
            workshop=WORKSHOP, vehicle=VEHICLE)
        first = make_event(self.assessment_id, 0, STARTED, payload, stamp.wall_us, stamp.t_us, GENESIS)
        self.engine = AssessmentEngine(mini.checklist.spec, resolved, first)
        self.events = [first]


def drive(kind: str, wall_us: int, assessor: str) -> _IdDriver:
    """pass: every step and finished, consent to video given; critical_fail: the critical first step
    passed, corrected to a fail (stopping the task), no consent; short: finished, but the PC's wall
    clock was set back during the discharge wait (the record spans less than the rules allow)."""
    clock = ManualClock(wall_us=wall_us)
    d = _IdDriver(load_mini(), clock, assessment_id=str(uuid.uuid4()), assessor=assessor)
    if kind == "critical_fail":
        d.ok(RecordConsent("cand-1", False))
        d.passes("ppe")
        d.ok(CorrectResult("ppe", "fail", "gloves were not tested before use"))
        d.ok(Abandon("the candidate left after the stop"))
        return d
    d.ok(RecordConsent("cand-1", True))
    if kind == "short":
        do_until_dead(d)  # waits out the discharge on the timeline ...
        clock.set_wall(wall_us + 1_000_000)  # ... while the PC's clock is set back to a second in
        do_dead(d)
        d.ok(RecordMeasurement("reprove", "src", 13.0, "V"))
        d.passes("reprove")
        d.passes("earth")
        d.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
        for step in ("insul", "unlock", "oral"):
            d.passes(step)
    else:
        do_all_steps(d)
    sign_and_finish(d)
    return d


@dataclass
class Held:
    bundle_id: str
    device: str
    assessment_id: str
    workshop: str
    assessor: str
    kind: str
    wall_us: int


class Cohort:
    """Enrolled workstations (one per workshop) and the assessments imported from them."""

    def __init__(self, provider: ProviderServer, folder):
        self.provider = provider
        self.folder = folder
        self.stations: dict[str, Workstation] = {}
        self.held: list[Held] = []

    def station(self, workshop: str) -> Workstation:
        if workshop not in self.stations:
            self.stations[workshop] = enroll(self.provider, self.folder / workshop, workshop)
        return self.stations[workshop]

    def _assessor(self, assessor: str, workshop: str, ws: Workstation) -> SigningKey:
        directory = self.provider.service.directory
        if assessor not in {a.id for a in directory.assessors()}:
            directory.add_assessor(assessor, name=f"Assessor {assessor}", qualification="DGUV 209-093 3S",
                                   expires=dt.date.today() + dt.timedelta(days=365), workshops=[workshop])
        elif workshop not in directory.assessor(assessor).workshops:
            directory.update_assessor(assessor, add_workshops=[workshop])
        key = assessor_signing_key(assessor)
        bind_test_assessor(self.provider.service, ws.key.fingerprint, key=key, assessor_id=assessor)
        return key

    def add(self, workshop: str, assessor: str, kind: str, wall_us: int) -> Held:
        ws = self.station(workshop)
        key = self._assessor(assessor, workshop, ws)
        d = drive(kind, wall_us, assessor)
        mini = load_mini()
        bundle_id = str(uuid.uuid4())
        sealed = write_bundle(ws.folder / "bundles", bundle_id=bundle_id, engine=d.engine, events=d.events,
                              checklist_source=mini.checklist.source, parameters_source=mini.params.source,
                              keys=[ws.key, key], payload=[])
        tar = write_archive(sealed.path, ws.folder / "archives" / f"{bundle_id}.tar")
        result = self.provider.service.importer.import_archive(tar, source=str(tar))
        assert result.status == "imported", result.reason
        held = Held(bundle_id, ws.key.fingerprint, d.engine.state.assessment_id, workshop, assessor, kind,
                    wall_us)
        self.held.append(held)
        return held

    def close(self) -> None:
        for ws in self.stations.values():
            ws.client.close()
