"""A moderation cycle in a real provider database, for the report's tests: rows inserted directly.

``seed_cycle(store, name, verdicts=[...])`` adds the workshop, workstation and bundle rows the sample's
foreign keys need, the cycle, its panel, a stored sample (sampling.canonical_json of a small frame), the
sampled rows, a moderator's Ed25519 key and each verdict as a real VerdictDocument signed by it.
"""

from __future__ import annotations

import base64
from collections.abc import Sequence
from dataclasses import dataclass, field

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from sqlalchemy import insert

from assessor_app.provider.console.models import ConsoleUser
from assessor_app.provider.database import insert_ignoring
from assessor_app.provider.models import Device, ReceivedBundle, Workshop
from assessor_app.provider.moderation.models import (
    ModerationCycle,
    ModerationCycleChecklist,
    ModerationCycleModerator,
    ModerationSampleRow,
    ModerationVerdictRow,
    ModeratorKey,
    SampledAssessmentRow,
)
from assessor_app.provider.moderation.sampling import (
    AssessmentKey,
    FrameEntry,
    SamplingPolicy,
    canonical_json,
    sample_digest,
)
from assessor_app.provider.moderation.signing import key_id_of, public_pem
from assessor_app.provider.moderation.verdict_document import RubricVerdict, StepVerdict, VerdictDocument

DAY_US = 86_400 * 10**6
T0 = 1_790_000_000 * 10**6  # 2026-09-21, when the cycle's period starts
DEVICE = "d" * 64


@dataclass(frozen=True)
class Assessment:
    bundle_id: str
    checklist: str = "hv-isolation"
    workshop: str = "ws-north"
    assessor: str = "as-1"
    ended_us: int = T0 + DAY_US


@dataclass(frozen=True)
class Verdict:
    """A verdict to store: steps as (step, critical, assessor result, moderator result)."""

    assessment: Assessment
    steps: Sequence[tuple[str, bool, str, str]]
    rubric: Sequence[tuple[str, int | None, int | None]] = ()
    moderator: str = "moderator"
    decision: str = "confirm"
    recorded_us: int = T0 + 10 * DAY_US


@dataclass
class SeededCycle:
    name: str
    frame: list[FrameEntry]
    sampled: list[Assessment]
    key: Ed25519PrivateKey = field(repr=False)
    key_id: str = ""
    verdicts: list[VerdictDocument] = field(default_factory=list)


def frame_entry(a: Assessment) -> FrameEntry:
    return FrameEntry(AssessmentKey(DEVICE, a.bundle_id), a.checklist, "1.0", a.workshop, a.assessor,
                      "competent")


def document(cycle: str, v: Verdict, previous: str | None = None) -> VerdictDocument:
    a = v.assessment
    steps = tuple(StepVerdict(s, c, ar, mr, "" if ar == mr else f"the moderator saw {mr} on {s}")
                  for s, c, ar, mr in v.steps)
    rubric = tuple(RubricVerdict(c, x, y) for c, x, y in v.rubric)
    return VerdictDocument(
        cycle=cycle, device=DEVICE, bundle_id=a.bundle_id, assessment_id=f"A-{a.bundle_id}",
        checklist_id=a.checklist, checklist_version="1.0", workshop_id=a.workshop, assessor_id=a.assessor,
        assessment_ended_us=a.ended_us, moderator=v.moderator, recorded_us=v.recorded_us, steps=steps,
        rubric=rubric, decision=v.decision, comment="" if v.decision == "confirm" else "see the steps",
        previous_sha256=previous)


def _bundle_rows(store, assessments: Sequence[Assessment]) -> None:
    with store.writer.begin() as conn:  # rows a test added before stay (on either engine)
        for ws in sorted({a.workshop for a in assessments} | {"ws-north"}):
            insert_ignoring(conn, Workshop, dict(id=ws, name=ws, country="FI", address="", created_us=T0),
                            ("id",))
        insert_ignoring(conn, Device, dict(key_id=DEVICE, public_pem="-", workshop_id="ws-north",
                                           enrolled_us=T0), ("key_id",))
        for a in assessments:
            insert_ignoring(conn, ReceivedBundle, dict(
                bundle_id=a.bundle_id, device=DEVICE, manifest_sha256="0" * 64, workshop_id=a.workshop,
                assessor_id=a.assessor, assessor_key=None, assessment_id=f"A-{a.bundle_id}",
                outcome="competent", payload_bytes=1, stored_path="-", source="import", received_us=T0,
                receipt="{}"), ("bundle_id", "device"))


def add_console_user(store, name: str, role: str = "moderator") -> None:
    from assessor_app.provider.console.accounts import add_user

    with store.engine.connect() as conn:
        known = conn.execute(ConsoleUser.__table__.select().where(ConsoleUser.name == name)).first()
    if known is None:
        add_user(store, name, role, "correct horse battery staple")


def seed_cycle(store, name: str, *, frame: Sequence[Assessment], sampled: Sequence[Assessment],
               verdicts: Sequence[Verdict] = (), panel: Sequence[str] = ("moderator",),
               closed_us: int | None = None, with_sample: bool = True) -> SeededCycle:
    """Store a cycle with its frame, sample, panel and signed verdicts (in the order given)."""
    _bundle_rows(store, list(frame) + list(sampled))
    users = sorted({"moderator", *panel, *(v.moderator for v in verdicts)})
    keys = {user: Ed25519PrivateKey.generate() for user in users}  # each moderator signs with their own
    key_ids = {user: key_id_of(key.public_key()) for user, key in keys.items()}
    seeded = SeededCycle(name, [frame_entry(a) for a in frame], list(sampled), keys["moderator"],
                         key_ids["moderator"])
    for user in users:
        add_console_user(store, user)
    policy = SamplingPolicy()
    with store.writer.begin() as conn:
        conn.execute(insert(ModerationCycle).values(
            name=name, period_from_us=T0, period_to_us=T0 + 180 * DAY_US, enhanced_control=False,
            created_us=T0, created_by="cli", closed_us=closed_us))
        for checklist in sorted({a.checklist for a in frame}):
            conn.execute(insert(ModerationCycleChecklist).values(cycle=name, checklist_id=checklist))
        for user in panel:
            conn.execute(insert(ModerationCycleModerator).values(cycle=name, user_name=user))
        if with_sample:
            conn.execute(insert(ModerationSampleRow).values(
                cycle=name, seed=7, digest=sample_digest(seeded.frame, policy, 7),
                canonical=canonical_json(seeded.frame, policy, 7), drawn_us=T0, drawn_by="cli"))
            for a in sampled:
                conn.execute(insert(SampledAssessmentRow).values(
                    cycle=name, bundle_id=a.bundle_id, device=DEVICE, weight=1.0, reasons="[]"))
        for user, key in keys.items():
            conn.execute(insert(ModeratorKey).values(key_id=key_ids[user], user_name=user,
                                                     public_pem=public_pem(key.public_key()), created_us=T0,
                                                     retired_us=None))
        previous: dict[tuple[str, str], str] = {}
        for v in verdicts:
            doc = document(name, v, previous.get((v.assessment.bundle_id, v.moderator)))
            signature = base64.b64encode(keys[v.moderator].sign(doc.canonical_bytes())).decode()
            conn.execute(insert(ModerationVerdictRow).values(
                cycle=name, bundle_id=v.assessment.bundle_id, device=DEVICE, moderator=v.moderator,
                recorded_us=v.recorded_us, decision=v.decision, document=doc.canonical_json(),
                sha256=doc.sha256, previous_sha256=doc.previous_sha256, key_id=key_ids[v.moderator],
                signature=signature))
            previous[(v.assessment.bundle_id, v.moderator)] = doc.sha256
            seeded.verdicts.append(doc)
    return seeded
