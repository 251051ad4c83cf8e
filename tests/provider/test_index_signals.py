"""The assessment index holds the risk signals a moderation sample is weighted by, made from each
sealed record at import, and an index from before them is upgraded and then made again."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from moderation_support import JAN_2027, Cohort
from sqlalchemy import create_engine, select, update

from assessor_app.provider.assessment_index import INDEX_FORMAT, reindex
from assessor_app.provider.models import SCHEMA_REVISION, AssessmentIndexRow
from assessor_app.provider.schema import _alembic_config, current_revision
from assessor_app.provider.server import ProviderServer
from assessor_app.provider.service import ProviderService
from assessor_app.provider.store import ProviderConfig

SIGNALS = ("critical_failed", "critical_corrections", "diagnostics_unavailable", "video_present",
           "video_consent", "short_duration")


def _signals(engine: Any) -> dict[str, tuple[Any, ...]]:
    with engine.connect() as conn:
        rows = conn.execute(select(AssessmentIndexRow)).all()
    return {r.bundle_id: tuple(getattr(r, name) for name in SIGNALS) + (r.index_format,) for r in rows}


def test_each_assessment_has_the_signals_its_record_proves(provider: ProviderServer, tmp_path: Path,
                                                          fast_bundles: None):
    cohort = Cohort(provider, tmp_path)
    try:
        passed = cohort.add("ws-1", "assr-1", "pass", JAN_2027)
        failed = cohort.add("ws-1", "assr-1", "critical_fail", JAN_2027 + 3600_000_000)
        short = cohort.add("ws-2", "assr-2", "short", JAN_2027 + 7200_000_000)
    finally:
        cohort.close()
    rows = _signals(provider.service.store.engine)
    # (critical failed, critical corrections, diagnostics unavailable, video, consent, short, format)
    assert rows[passed.bundle_id] == (False, 0, False, False, True, False, INDEX_FORMAT)
    assert rows[failed.bundle_id] == (True, 1, False, False, False, False, INDEX_FORMAT)
    assert rows[short.bundle_id] == (False, 0, False, False, True, True, INDEX_FORMAT)


def test_an_index_of_the_moderation_schema_is_upgraded_and_its_rows_made_again(
        provider: ProviderServer, tmp_path: Path, fast_bundles: None):
    cohort = Cohort(provider, tmp_path)
    try:
        failed = cohort.add("ws-1", "assr-1", "critical_fail", JAN_2027)
        short = cohort.add("ws-1", "assr-1", "short", JAN_2027 + 3600_000_000)
    finally:
        cohort.close()
    expected = _signals(provider.service.store.engine)
    folder = provider.service.store.config.folder
    provider.close()
    # the database as the moderation revision left it: its rows made by the extraction before signals
    engine = create_engine(f"sqlite:///{folder / 'provider.db'}")
    with engine.connect() as conn:
        command.downgrade(_alembic_config(conn), "p0008_moderation")  # type: ignore[arg-type]
        conn.commit()
    with engine.begin() as conn:
        conn.execute(update(AssessmentIndexRow.__table__).values(index_format=1))
    assert current_revision(engine) == "p0008_moderation"
    engine.dispose()

    service = ProviderService(ProviderConfig(folder))
    try:
        assert current_revision(service.store.engine) == SCHEMA_REVISION
        upgraded = _signals(service.store.engine)
        assert upgraded[failed.bundle_id] == (False, 0, False, False, False, False, 1)  # the defaults
        assert len(upgraded) == 2
        result = reindex(service.store, only_missing=True)  # what the backfill does when serving
        assert (result.indexed, result.failed) == (2, [])
        assert _signals(service.store.engine) == expected
        assert expected[short.bundle_id][5] is True
    finally:
        service.close()
    assert list((folder / "backups").glob("provider-p0008_moderation-*.db"))


def test_a_bundle_with_video_and_consent_says_so(demo_with_video: Any):
    from assessor_app.provider.assessment_index import assessment_facts

    facts = assessment_facts(demo_with_video.bundle)
    assert (facts["video_present"], facts["video_consent"], facts["short_duration"]) == (True, True, False)
    assert facts["index_format"] == INDEX_FORMAT


def test_the_rules_minimum_is_the_longest_chain_of_waits_among_the_steps_done():
    from helpers import Driver, do_all_steps, do_until_dead, load_mini

    from assessor_app.provider.index_signals import rules_minimum_us

    d = Driver(load_mini())
    do_until_dead(d)  # the plug is out; the dead test (which waits on it) is not done yet
    assert rules_minimum_us(d.engine) == 0
    d = Driver(load_mini())
    do_all_steps(d)  # the dead test waited discharge_wait (10 min) after the plug
    assert rules_minimum_us(d.engine) == 10 * 60 * 1_000_000
