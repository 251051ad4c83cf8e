"""The provider demo's moderation cycle ``demo``: a moderator, a drawn sample and a panel's verdicts.

After the cohort is delivered, the demo makes a console user with the role moderator, the cycle
``demo`` over the held assessments' period and the four shipped checklists with that moderator on
its panel, and draws the sample with a fixed seed (draws.draw, as ``assessor provider moderation
sample`` does). The moderator then gives signed verdicts (verdicts.record_verdict, as the console's
form does) on all but the last two sampled assessments: mostly agreeing, but failing a critical
step an assessor passed (the video shows the gloves not checked: overturned), scoring a rubric
criterion lower and answering a step differently (referred back, with comments), and now and then
disagreeing on a step of the rest while confirming the outcome. The choices are seeded, so every
run on the same sample makes the same ones; an assessment judged before is never judged again, so
running the demo again adds nothing. Each verdict is in the audit log, as the console's form puts
it. The sample's face-blurred media are made in the background.
"""

from __future__ import annotations

import datetime as dt
import random
import secrets
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, select

from assessor_app.demo import moderation_messages as mm
from assessor_app.demo.cohort import ADAS, BATTERY, CAN, ISOLATION
from assessor_app.i18n import Msg, render
from assessor_app.provider.console import accounts
from assessor_app.provider.console import audit as audit_log
from assessor_app.provider.console.assessment_view import checklist_spec
from assessor_app.provider.console.bundle_files import NotHeld, held_bundle
from assessor_app.provider.console.moderation_form import StepQuestion, VerdictQuestions, questions
from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.moderation import draws
from assessor_app.provider.moderation.cycles import Cycles
from assessor_app.provider.moderation.verdict_document import RubricVerdict, StepVerdict
from assessor_app.provider.moderation.verdicts import (
    SampledAssessment,
    VerdictDraft,
    record_verdict,
    sample_of,
)
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import Refused

CYCLE = "demo"
MODERATOR = "demo-moderator"
SEED = 16  # the sample's seed and the scripted moderator's
PENDING = 2  # sampled assessments left for a moderator to judge
GLOVES_STEP = {ISOLATION: "04"}  # the step whose video shows the gloves not checked
BY = "provider demo"


@dataclass(frozen=True)
class DemoCycle:
    name: str
    frame: int  # assessments in the cycle's frame
    sampled: int
    judged: int  # sampled assessments with a verdict
    verdicts: int
    recorded: int  # verdicts recorded by this run
    pending: tuple[str, ...]  # bundle ids of the sampled assessments without a verdict


def report_url(base_url: str, cycle: str = CYCLE) -> str:
    return f"{base_url}/console/moderation/{cycle}/report"


def ensure_moderator(service: ProviderService, state: dict[str, Any]) -> tuple[str, str]:
    """The demo's moderator login (name, password), made once; its password is kept in ``state``."""
    name = state.setdefault("moderator", MODERATOR)
    password = state.setdefault("moderator_password", secrets.token_urlsafe(12))
    if accounts.user(service.store, name) is None:
        accounts.add_user(service.store, name, "moderator", password)
    else:
        accounts.set_password(service.store, name, password)
    return name, password


def _period(service: ProviderService) -> tuple[dt.date, dt.date]:
    """The days from the first to the last held assessment's end (the last eight weeks when none is)."""
    with service.store.engine.connect() as conn:
        first, last = conn.execute(select(func.min(AssessmentIndexRow.ended_us),
                                          func.max(AssessmentIndexRow.ended_us))).one()
    if first is None or last is None:
        today = dt.datetime.now(dt.UTC).date()
        return today - dt.timedelta(days=56), today

    def day(us: int) -> dt.date:
        return dt.datetime.fromtimestamp(us / 1_000_000, tz=dt.UTC).date()

    return day(first), day(last)


def _step(questions_: VerdictQuestions, *, critical: bool, prefer: str | None = None,
          rng: random.Random | None = None) -> StepQuestion | None:
    """A step the assessor passed (``prefer`` when it is one), critical or not as asked."""
    passed = [s for s in questions_.steps if s.critical == critical and s.assessor_result == "passed"]
    if not passed:
        return None
    preferred = next((s for s in passed if s.id == prefer), None)
    if preferred is not None:
        return preferred
    return rng.choice(passed) if rng is not None else passed[0]


def _scripted(item: SampledAssessment, q: VerdictQuestions, role: str, rng: random.Random,
              language: str) -> tuple[tuple[StepVerdict, ...], tuple[RubricVerdict, ...], str, str]:
    """The scripted moderator's verdict: ``role`` is overturn, refer_back, confirm or confirm-minor."""
    checklist = item.checklist.split(" ")[0]
    changed: dict[str, tuple[str, str]] = {}  # step -> (moderator's result, reason)
    decision, comment = "confirm", ""
    lower: str | None = None  # the rubric criterion scored one lower
    if role == "overturn":
        step = _step(q, critical=True, prefer=GLOVES_STEP.get(checklist))
        if step is not None:
            reason = (mm.REASON_GLOVES() if step.id == GLOVES_STEP.get(checklist)
                      else mm.REASON_CRITICAL())
            changed[step.id] = ("failed", render(reason, language))
            decision, comment = "overturn", render(mm.COMMENT_OVERTURN(step=step.id), language)
    elif role == "refer_back":
        step = _step(q, critical=False, rng=rng)
        if step is not None:
            changed[step.id] = ("failed", render(mm.REASON_NOT_SHOWN(), language))
        lower = q.criteria[0].id if q.criteria else None
        decision, comment = "refer_back", render(mm.COMMENT_REFER_BACK(), language)
    elif role == "confirm-minor":
        step = _step(q, critical=False, rng=rng)
        if step is not None:
            changed[step.id] = ("failed", render(mm.REASON_PART_NOT_SHOWN(), language))
    steps = tuple(StepVerdict(s.id, s.critical, s.assessor_result, changed.get(s.id, (s.assessor_result,))[0],
                              changed[s.id][1] if s.id in changed else "") for s in q.steps)
    rubric = []
    for c in q.criteria:
        own = c.assessor_score
        if c.id == lower and own is not None:
            own = max(c.low, own - 1)
        rubric.append(RubricVerdict(c.id, c.assessor_score, own))
    return steps, tuple(rubric), decision, comment


def _roles(sample: list[SampledAssessment], questions_of: dict[str, VerdictQuestions],
           rng: random.Random) -> dict[str, str]:
    """Who gets which verdict: one overturn (an isolation with the gloves step passed if there is one),
    one refer back, a few confirmations with a minor disagreement, the rest confirmed outright."""
    roles: dict[str, str] = {}

    def critical_passed(s: SampledAssessment) -> bool:
        return _step(questions_of[s.bundle_id], critical=True) is not None

    gloves = [s for s in sample if s.checklist.startswith(ISOLATION) and any(
        q.id == GLOVES_STEP[ISOLATION] and q.assessor_result == "passed"
        for q in questions_of[s.bundle_id].steps)]
    overturn = (gloves or [s for s in sample if critical_passed(s)] or sample)[0]
    roles[overturn.bundle_id] = "overturn"
    rest = [s for s in sample if s.bundle_id not in roles]
    if rest:
        roles[rest[0].bundle_id] = "refer_back"
    for s in rest[1:]:
        roles[s.bundle_id] = "confirm-minor" if rng.random() < 0.3 else "confirm"
    return roles


def run_cycle(service: ProviderService, moderator: str, language: str = "en") -> DemoCycle:
    """Make the cycle (once), draw its sample and record the scripted verdicts not recorded yet."""
    store = service.store
    cycles = Cycles(store)
    if CYCLE not in cycles.names():
        first, last = _period(service)
        cycles.create(CYCLE, first_day=first, last_day=last, checklists=(ISOLATION, BATTERY, ADAS, CAN),
                      moderators=[moderator], by=BY)
    try:
        drawn = draws.draw(store, CYCLE, SEED, by=BY)
    except Refused:  # verdicts are kept on the sample drawn before: it stays as it was
        drawn = draws.stored(store, CYCLE)
    sample = sample_of(store, CYCLE)  # oldest first: the same order on every run
    to_judge, pending = (sample[:-PENDING], sample[-PENDING:]) if len(sample) > PENDING else (sample, [])
    questions_of: dict[str, VerdictQuestions] = {}
    for s in to_judge:
        try:
            bundle = held_bundle(service, s.device, s.bundle_id)
        except NotHeld:
            continue
        questions_of[s.bundle_id] = questions(bundle, checklist_spec(bundle), language)
    judgeable = [s for s in to_judge if s.bundle_id in questions_of]
    rng = random.Random(SEED)
    roles = _roles(judgeable, questions_of, rng) if judgeable else {}
    recorded = 0
    for s in judgeable:
        if s.verdicts:  # judged before (by this demo or by someone in the console)
            continue
        steps, rubric, decision, comment = _scripted(s, questions_of[s.bundle_id], roles[s.bundle_id],
                                                     random.Random(f"{SEED}/{s.bundle_id}"), language)
        stored = record_verdict(store, VerdictDraft(CYCLE, s.device, s.bundle_id, moderator, steps, rubric,
                                                    decision, comment))
        audit_log.record(store, action="moderation.verdict", target=f"{CYCLE}/{s.device}/{s.bundle_id}",
                         user=moderator, role="moderator",
                         detail={"sha256": stored.sha256, "previous_sha256": stored.previous_sha256,
                                 "key_id": stored.key_id, "decision": decision,
                                 "steps_not_agreed": [v.step for v in stored.document.disagreements]})
        recorded += 1
    after = sample_of(store, CYCLE)
    return DemoCycle(CYCLE, len(drawn.frame), len(after), sum(1 for s in after if s.verdicts),
                     sum(s.verdicts for s in after), recorded,
                     tuple(s.bundle_id for s in pending if not any(
                         a.bundle_id == s.bundle_id and a.verdicts for a in after)))


def anonymise_in_background(service: ProviderService) -> int:
    """Have the sample's face-blurred video and photos made in the background; how many assessments."""
    sampled = sample_of(service.store, CYCLE)
    service.sample_media.wake()  # the serving provider's worker makes every open cycle's sampled media
    return len(sampled)


def moderation_demo(server: ProviderServer, state: dict[str, Any], line: Callable[[Msg], None],
                    language: str) -> tuple[str, str, DemoCycle]:
    """The moderator, the cycle and its verdicts (once), its anonymised media started, and what it
    says about them; the moderator's name and password are kept in ``state``."""
    service = server.service
    moderator, password = ensure_moderator(service, state)
    cycle = run_cycle(service, moderator, language)
    line(mm.CYCLE(cycle=cycle.name, sampled=cycle.sampled, frame=cycle.frame, seed=str(SEED),
                  verdicts=cycle.verdicts, judged=cycle.judged, pending=len(cycle.pending)), "")
    line(mm.REPORT(url=report_url(server.url, cycle.name)))
    count = anonymise_in_background(service)
    if count:
        line(mm.ANONYMISING(count=count))
    return moderator, password, cycle
