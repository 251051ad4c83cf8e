"""Issuing credentials from the provider demo's cohort: what the demo issued, and each refusal the
issue names (not competent, hazard stop, moderation overturned or pending, a gateway's prerequisite,
a revoked assessor), on a copy of the demo's folder."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from provider_copy import copy_provider
from sqlalchemy import delete, select

from assessor_app.i18n import render
from assessor_app.provider.credentials.book import Refusal
from assessor_app.provider.credentials.models import CredentialRow
from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig

ISOLATION, BATTERY = "hv-isolation-series", "hv-battery-diagnostics"


@pytest.fixture
def provider(provider_cohort: dict[str, Any], tmp_path: Path) -> Iterator[ProviderService]:
    """The demo provider's folder, copied: its credentials as the demo left them."""
    copy_provider(provider_cohort["result"].folder, tmp_path / "provider")
    service = ProviderService(ProviderConfig(tmp_path / "provider"))
    try:
        yield service
    finally:
        service.close()


def _rows(service: ProviderService, **where: object) -> list[Any]:
    query = select(AssessmentIndexRow)
    for name, value in where.items():
        query = query.where(getattr(AssessmentIndexRow, name) == value)
    with service.store.engine.connect() as conn:
        return list(conn.execute(query.order_by(AssessmentIndexRow.ended_us)).all())


def _reasons(service: ProviderService, row: Any) -> list[str]:
    check = service.credentials.check(row.device, row.bundle_id)
    return [m.code for m in check.refusals]


def test_the_demo_issued_the_eligible_credentials_once_each(provider: ProviderService,
                                                            provider_cohort: dict[str, Any]):
    demo = provider_cohort["result"].credentials
    assert demo is not None and demo.issued > 0 and demo.held == demo.issued
    with provider.store.engine.connect() as conn:
        rows = conn.execute(select(CredentialRow)).all()
    assert len(rows) == demo.held
    assert len({(r.bundle_id, r.device) for r in rows}) == len(rows)
    assert len({(r.status_list, r.status_index) for r in rows}) == len(rows)
    assert ISOLATION in {r.checklist_id for r in rows} and len({r.checklist_id for r in rows}) >= 2
    for row in rows:  # each one's assessment is competent and the check now says it was issued
        assert provider.credentials.check(row.device, row.bundle_id).issued == row.id
    ok, _ = provider.credentials.eligible()
    assert ok == []  # nothing left that may be issued now
    # issuing again gives the same credential
    again = provider.credentials.issue(rows[0].device, rows[0].bundle_id, by="test")
    assert again.row.id == rows[0].id and again.data is None


def test_not_competent_and_hazard_stops_give_none(provider: ProviderService):
    failed = [r for r in _rows(provider) if r.outcome != "competent"]
    assert failed
    for row in failed:
        reasons = _reasons(provider, row)
        assert "credentials.refused.not_competent" in reasons
        if row.hazard_stop:
            assert "credentials.refused.hazard_stop" in reasons
    assert any(r.hazard_stop for r in failed)
    with pytest.raises(Refusal) as caught:
        provider.credentials.issue(failed[0].device, failed[0].bundle_id, by="test")
    assert "not competent" in render(caught.value.reasons[0], "en")


def test_an_overturned_referred_or_pending_moderation_holds_the_credential_back(provider: ProviderService):
    _, waiting = provider.credentials.eligible()
    expected = {"overturned": "credentials.refused.moderation_overturned",
                "referred": "credentials.refused.moderation_referred",
                "pending": "credentials.refused.moderation_pending"}
    seen = set()
    for check in waiting:
        kind = check.moderation.kind if check.moderation is not None else None
        if kind in expected:
            seen.add(kind)
            assert expected[kind] in [m.code for m in check.refusals]
            assert "demo" in render(next(m for m in check.refusals if m.code == expected[kind]), "en")
    assert seen  # the scripted moderator overturns, refers back and leaves two pending


def test_a_gateway_prerequisite_is_checked_at_issuance(provider: ProviderService):
    with provider.store.writer.begin() as conn:  # as before the demo issued anything
        conn.execute(delete(CredentialRow))
    pairs = [(battery, isolation)
             for battery in _rows(provider, checklist_id=BATTERY, outcome="competent")
             if "credentials.refused.prerequisite" in _reasons(provider, battery)
             for isolation in _rows(provider, checklist_id=ISOLATION, candidate=battery.candidate,
                                    outcome="competent") if not _reasons(provider, isolation)]
    assert pairs  # a learner whose battery diagnosis waits for their isolation's credential
    battery, isolation = pairs[0]
    with pytest.raises(Refusal) as caught:
        provider.credentials.issue(battery.device, battery.bundle_id, by="test")
    assert any(m.code == "credentials.refused.prerequisite" for m in caught.value.reasons)
    first = provider.credentials.issue(isolation.device, isolation.bundle_id, by="test")
    assert first.data is not None and first.row.learner_id == battery.candidate
    if not _reasons(provider, battery):  # its own moderation allows it: now it is issued
        second = provider.credentials.issue(battery.device, battery.bundle_id, by="test")
        assert f"urn:uuid:{first.row.id}" in second.data.prerequisite_credentials
    provider.credentials.revoke(first.row.id, reason="issued in error", by="test")
    assert provider.credentials.get(first.row.id).revoked_reason == "issued in error"
    others = [r for r in _rows(provider, checklist_id=BATTERY, candidate=battery.candidate,
                               outcome="competent")
              if provider.credentials.for_assessment(r.device, r.bundle_id) is None]
    for row in others:  # a revoked prerequisite meets nothing
        assert "credentials.refused.prerequisite" in _reasons(provider, row)


def test_a_revoked_assessor_gives_no_credential(provider: ProviderService):
    with provider.store.writer.begin() as conn:
        conn.execute(delete(CredentialRow))
    ok, _ = provider.credentials.eligible()
    assert ok
    row = next(r for r in _rows(provider) if r.bundle_id == ok[0].bundle_id)
    provider.directory.revoke_assessor(row.assessor_id, "qualification withdrawn")
    reasons = provider.credentials.check(row.device, row.bundle_id).refusals
    assert [m.code for m in reasons] == ["credentials.refused.assessor_revoked"]
    assert "qualification withdrawn" in render(reasons[0], "fi")


def test_rules_that_require_a_confirmed_verdict_refuse_the_unsampled(provider: ProviderService):
    with provider.store.writer.begin() as conn:
        conn.execute(delete(CredentialRow))
    (Path(provider.store.config.folder) / "issuance-rules.yaml").write_text(
        "assessment_type: practical\nparticipation: in person\nquality_assurance: moderated\n"
        "checklists:\n  can-bus-physical-layer: {moderation: confirmed}\n", encoding="utf-8")
    kinds = set()
    for row in _rows(provider, checklist_id="can-bus-physical-layer", outcome="competent"):
        check = provider.credentials.check(row.device, row.bundle_id)
        kinds.add(check.moderation.kind)
        reasons = [m.code for m in check.refusals]
        if check.moderation.kind in ("not_sampled", "no_cycle"):
            assert reasons == ["credentials.refused.moderation_confirm"]
        elif check.moderation.kind == "confirmed":
            assert reasons == []
    assert kinds & {"not_sampled", "confirmed"}  # the demo's draw covers the checklist either way
    adas = _rows(provider, checklist_id="adas-camera-static-calibration", outcome="competent")[0]
    assert _reasons(provider, adas) == ["credentials.refused.no_rules"]
