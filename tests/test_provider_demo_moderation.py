"""``assessor provider demo``'s moderation cycle ``demo`` on its cohort (the session's provider_cohort):
the sample meets its floors, the moderator's verdicts verify, the report has real numbers, running
the demo again adds nothing, and what it prints is in the language asked for."""

from __future__ import annotations

import json
from typing import Any

import pytest
from sqlalchemy import func, select

from assessor_app.demo.moderation_cycle import CYCLE, MODERATOR, PENDING, SEED
from assessor_app.demo.provider_demo import DEMO_FILE, run_provider_demo
from assessor_app.provider.console import accounts
from assessor_app.provider.moderation import draws
from assessor_app.provider.moderation.cycles import Cycles
from assessor_app.provider.moderation.models import ModerationFeedback, ModerationVerdictRow
from assessor_app.provider.moderation.report_store import cycle_report
from assessor_app.provider.moderation.verdict_check import verify_cycle
from assessor_app.provider.moderation.verdict_document import VerdictDocument
from assessor_app.provider.moderation.verdicts import sample_of
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig

pytestmark = pytest.mark.slow


def _service(provider_cohort: dict[str, Any]) -> ProviderService:
    return ProviderService(ProviderConfig(provider_cohort["folder"] / "provider"))


def test_the_demo_cycle_covers_the_cohort_and_its_sample_meets_the_floors(provider_cohort: dict[str, Any]):
    service = _service(provider_cohort)
    try:
        cycle = Cycles(service.store).get(CYCLE)
        assert cycle.moderators == (MODERATOR,) and len(cycle.checklists) == 4
        user = accounts.user(service.store, MODERATOR)
        assert user is not None and user.role == "moderator"
        drawn = draws.stored(service.store, CYCLE)
        assert drawn.sample.seed == SEED and draws.check(service.store, CYCLE).ok
        assert len(drawn.frame) == len(provider_cohort["held"])  # every held assessment is in the period
        assert drawn.sample.strata and all(s.drawn >= min(s.floor, s.size) for s in drawn.sample.strata)
        sampled = sample_of(service.store, CYCLE)
        assert len(sampled) == len(drawn.sample.drawn) > PENDING
        assert len({s.workshop_id for s in sampled}) == 3
    finally:
        service.close()


def test_the_moderators_verdicts_verify_and_leave_work_pending(provider_cohort: dict[str, Any]):
    result = provider_cohort["result"]
    assert result.cycle is not None and result.cycle.recorded == result.cycle.verdicts > 0
    assert len(result.cycle.pending) == PENDING
    service = _service(provider_cohort)
    try:
        checked = verify_cycle(service.store, CYCLE)
        assert checked.verdicts and checked.ok, [v.problems for v in checked.verdicts]
        with service.store.engine.connect() as conn:
            rows = conn.execute(select(ModerationVerdictRow).where(ModerationVerdictRow.cycle == CYCLE)
                                .order_by(ModerationVerdictRow.id)).all()
            feedback = conn.execute(select(func.count()).select_from(ModerationFeedback).where(
                ModerationFeedback.cycle == CYCLE)).scalar_one()
        documents = [VerdictDocument.from_canonical(r.document) for r in rows[:result.cycle.recorded]]
        assert {d.moderator for d in documents} == {MODERATOR} and feedback >= len(documents)
        decisions = {d.decision for d in documents}
        assert {"confirm", "overturn", "refer_back"} <= decisions
        overturned = next(d for d in documents if d.decision == "overturn")
        critical = [s for s in overturned.disagreements if s.critical]
        assert critical, overturned
        assert (critical[0].assessor_result, critical[0].moderator_result) == ("passed", "failed")
        assert "gloves" in critical[0].reason and overturned.comment  # the isolation's PPE step
        referred = next(d for d in documents if d.decision == "refer_back")
        assert referred.comment and referred.disagreements
        assert any(r.moderator_score != r.assessor_score for r in referred.rubric)
        confirmed = [d for d in documents if d.decision == "confirm"]
        assert sum(1 for d in confirmed if not d.disagreements) > len(confirmed) / 2  # mostly agreeing
        pending = {s.bundle_id for s in sample_of(service.store, CYCLE) if not s.verdicts}
        assert pending  # the browser test may have judged one of the two since
    finally:
        service.close()


def test_the_report_of_the_demo_cycle_has_real_numbers(provider_cohort: dict[str, Any]):
    service = _service(provider_cohort)
    try:
        report = cycle_report(service.store, CYCLE)
    finally:
        service.close()
    steps = report.overall.steps
    assert steps.n > 0 and steps.percent_agreement.value is not None
    assert 0.8 < steps.percent_agreement.value < 1
    assert report.overall.rubric.n > 0
    assert report.overall.critical and report.overall.critical[0].moderator_result == "failed"
    assert report.overall.decisions.get("overturn") and report.overall.decisions.get("refer_back")
    assert report.coverage.sampled_with_verdict < report.coverage.sampled_assessments


def test_running_the_demo_again_adds_no_verdict_and_speaks_finnish(provider_cohort: dict[str, Any]):
    folder = provider_cohort["folder"]
    service = _service(provider_cohort)
    try:
        with service.store.engine.connect() as conn:
            before = [r.sha256 for r in conn.execute(
                select(ModerationVerdictRow.sha256).order_by(ModerationVerdictRow.id)).all()]
    finally:
        service.close()
    lines: list[str] = []
    result, server = run_provider_demo(folder, port=0, say=lines.append, language="fi")
    server.close()
    assert result.cycle is not None and result.cycle.recorded == 0
    state = json.loads((folder / DEMO_FILE).read_text(encoding="utf-8"))
    assert (result.moderator, result.moderator_password) == (state["moderator"], state["moderator_password"])
    service = _service(provider_cohort)
    try:
        with service.store.engine.connect() as conn:
            after = [r.sha256 for r in conn.execute(
                select(ModerationVerdictRow.sha256).order_by(ModerationVerdictRow.id)).all()]
        assert after == before
        assert Cycles(service.store).names().count(CYCLE) == 1
    finally:
        service.close()
    text = "\n".join(lines)
    assert f"Moderointikierros {CYCLE}:" in text and f"/console/moderation/{CYCLE}/report" in text


def test_each_scripted_verdict_is_in_the_audit_log_as_the_moderators(provider_cohort: dict[str, Any]):
    from assessor_app.provider.console import audit

    service = _service(provider_cohort)
    try:
        logged = audit.entries(service.store, user=MODERATOR, action="moderation.verdict", limit=500)
        with service.store.engine.connect() as conn:
            shas = set(conn.execute(select(ModerationVerdictRow.sha256).where(
                ModerationVerdictRow.moderator == MODERATOR)).scalars())
    finally:
        service.close()
    assert len(logged) >= provider_cohort["result"].cycle.recorded > 0
    assert {e.detail["sha256"] for e in logged} <= shas and all(e.role == "moderator" for e in logged)
