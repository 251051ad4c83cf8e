"""The assessment index: a row per held bundle, made from its sealed record in the transaction that
stores it, rebuilt by ``assessor provider reindex`` and completed in the background when serving."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from helpers import CANDIDATE, VEHICLE, Driver, load_mini
from sqlalchemy import delete, select
from sqlalchemy.exc import OperationalError
from sync_support import Sealed, Workstation, assessor_key

from assessor_app.cli import main
from assessor_app.core.engine import Abandon, CorrectResult
from assessor_app.evidence.archive import write_archive
from assessor_app.evidence.bundle import write_bundle
from assessor_app.provider.assessment_index import INDEX_FORMAT, Backfill, reindex
from assessor_app.provider.models import AssessmentIndexRow, AssessmentVehicle
from assessor_app.provider.server import ProviderServer


def _rows(provider: ProviderServer) -> dict[str, Any]:
    with provider.service.store.engine.connect() as conn:
        return {r.bundle_id: r for r in conn.execute(select(AssessmentIndexRow)).all()}


def _corrected_and_abandoned(ws: Workstation, bundle_id: str) -> Sealed:
    """A bundle whose critical first step was corrected to a fail, stopping it; then abandoned."""
    d = Driver(load_mini())
    d.passes("ppe")
    d.ok(CorrectResult("ppe", "fail", "gloves were not tested before use"))
    d.ok(Abandon("the candidate left after the stop"))
    mini = load_mini()
    sealed = write_bundle(ws.folder / "bundles", bundle_id=bundle_id, engine=d.engine, events=d.events,
                          checklist_source=mini.checklist.source, parameters_source=mini.params.source,
                          keys=[ws.key, assessor_key()], payload=[])
    tar = write_archive(sealed.path, ws.folder / "archives" / f"{bundle_id}.tar")
    return Sealed(sealed.path, tar, bundle_id, sealed.manifest_sha256)


def test_an_imported_bundle_has_its_row_with_the_pseudonym_and_never_a_name(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None):
    sealed = workstation.bundle(apart=True)
    result = provider.service.importer.import_archive(sealed.archive, source=str(sealed.archive))
    assert result.status == "imported"
    row = _rows(provider)[sealed.bundle_id]
    assert row.device == workstation.key.fingerprint and row.workshop_id == "ws-1"
    assert (row.candidate, row.vehicle, row.assessor_id) == ("cand-1", "Test EV", "assr-1")
    assert (row.checklist_id, row.checklist_version) == ("mini-isolation", "1.2.0")
    assert (row.parameter_set_id, row.parameter_set_version, row.parameters_generic) == (
        "mini-400v", "1.0.0", True)
    # the mini assessment leaves "sign" undone: incomplete, and the record's reasons say so
    assert row.outcome == "incomplete" and row.identity == "present" and row.language == "en"
    assert [r["code"] for r in json.loads(row.outcome_reasons)] == ["engine.outcome_not_done"]
    assert (row.steps_total, row.steps_passed, row.steps_pending, row.steps_failed) == (10, 9, 1, 0)
    assert (row.corrections, row.capture_gaps, row.hazard_stop, row.stopped_by) == (0, 0, False, None)
    assert row.started_us <= row.ended_us and row.received_us > 0 and row.index_format == INDEX_FORMAT
    with provider.service.store.engine.connect() as conn:
        assert list(conn.execute(select(AssessmentVehicle.vehicle)).scalars()) == ["Test EV"]
    # identity is kept apart: the candidate's name and the VIN are in no column
    values = " ".join(str(v) for v in row._mapping.values())
    assert CANDIDATE.name not in values and VEHICLE.vin not in values


def test_a_correction_a_stop_and_an_abandoned_assessment_are_indexed_as_recorded(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None):
    sealed = _corrected_and_abandoned(workstation, "stopped-1")
    result = provider.service.importer.import_archive(sealed.archive, source=str(sealed.archive))
    assert result.status == "imported"
    row = _rows(provider)["stopped-1"]
    assert (row.outcome, row.stopped_by, row.corrections, row.steps_failed) == (
        "not_yet_competent", "ppe", 1, 1)
    assert row.abandon_reason == "the candidate left after the stop"
    assert row.identity == "embedded" and json.loads(row.outcome_reasons) == []


def test_reindex_rebuilds_the_index_and_names_a_bundle_it_cannot_read(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None,
        capsys: Any):
    importer = provider.service.importer
    bundles = [workstation.bundle() for _ in range(3)]
    for b in bundles:
        assert importer.import_archive(b.archive, source=str(b.archive)).status == "imported"
    before = {k: tuple(v) for k, v in _rows(provider).items()}
    with provider.service.store.writer.begin() as conn:
        conn.execute(delete(AssessmentIndexRow))
    # a held bundle whose record was damaged on the provider's disk after it was stored
    damaged = Path(importer.held(bundles[0].bundle_id, workstation.key.fingerprint).stored_path)
    record = damaged / "data" / "record.json"
    record.chmod(0o600)
    record.write_text("{not json")

    code = main(["provider", "reindex", "--folder", str(provider.service.store.config.folder)])
    out = capsys.readouterr().out
    assert code == 1
    assert f"NOT INDEXED {bundles[0].bundle_id}" in out and "record.json" in out
    assert "2 assessment(s) indexed; 1 bundle(s) could not be read" in out
    after = {k: tuple(v) for k, v in _rows(provider).items()}
    assert after == {k: v for k, v in before.items() if k != bundles[0].bundle_id}


def test_the_rows_missing_are_made_in_the_background_when_the_provider_serves(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None):
    importer = provider.service.importer
    bundles = [workstation.bundle() for _ in range(3)]
    for b in bundles:
        assert importer.import_archive(b.archive, source=str(b.archive)).status == "imported"
    before = {k: tuple(v) for k, v in _rows(provider).items()}
    # as a database from before the index: two rows missing, one made by an older extraction
    with provider.service.store.writer.begin() as conn:
        conn.execute(delete(AssessmentIndexRow).where(
            AssessmentIndexRow.bundle_id.in_([b.bundle_id for b in bundles[:2]])))
        conn.execute(AssessmentIndexRow.__table__.update().where(
            AssessmentIndexRow.bundle_id == bundles[2].bundle_id).values(index_format=0, vehicle="old"))
    provider.stop()
    provider.start()  # serving again starts the backfill
    result = provider.service.index_backfill.wait()
    assert result is not None and (result.indexed, result.failed) == (3, [])
    assert {k: tuple(v) for k, v in _rows(provider).items()} == before
    # nothing left to do: a second pass makes no row
    assert reindex(provider.service.store, only_missing=True).indexed == 0
    assert Backfill(provider.service.store).wait() is None  # never started: no result


def test_a_bundle_and_its_row_are_stored_together_or_not_at_all(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None,
        monkeypatch: pytest.MonkeyPatch):
    import assessor_app.provider.importer as importer_module

    importer = provider.service.importer
    sealed = workstation.bundle()

    def failing(*_args: object) -> None:
        raise OperationalError("INSERT INTO assessment_index", {}, Exception("disk I/O error"))

    monkeypatch.setattr(importer_module, "write_row", failing)
    result = importer._one(sealed.archive, is_archive=True)
    assert result.status == "retry" and "disk I/O error" in (result.reason or "")
    assert importer.held(sealed.bundle_id, workstation.key.fingerprint) is None
    assert not provider.service.store.bundle_path(workstation.key.fingerprint, sealed.bundle_id).exists()
    monkeypatch.undo()
    assert importer._one(sealed.archive, is_archive=True).status == "imported"
    assert sealed.bundle_id in _rows(provider)


def test_an_index_from_before_the_list_of_vehicles_gets_it_when_upgraded(tmp_path: Path):
    from alembic import command
    from sqlalchemy import create_engine, insert

    from assessor_app.provider.models import Device, ReceivedBundle, Workshop
    from assessor_app.provider.schema import _alembic_config, migrate

    engine = create_engine(f"sqlite:///{tmp_path / 'p.db'}")
    with engine.connect() as conn:
        command.upgrade(_alembic_config(conn), "p0006_quarantine_retry")  # type: ignore[arg-type]
        conn.commit()
    key = "ab" * 32
    with engine.begin() as conn:
        conn.execute(insert(Workshop.__table__).values(id="ws", name="W", country="", address="",
                                                       created_us=1))
        conn.execute(insert(Device.__table__).values(key_id=key, public_pem="P", workshop_id="ws",
                                                     enrolled_us=1))
        for i, vehicle in enumerate(["City BEV", "City BEV", "Hybrid van"]):
            conn.execute(insert(ReceivedBundle.__table__).values(
                bundle_id=f"b-{i}", device=key, manifest_sha256="0" * 64, workshop_id="ws", assessment_id="a",
                payload_bytes=1, stored_path="x", source="import", received_us=1, receipt="{}"))
            conn.execute(insert(AssessmentIndexRow.__table__).values(
                bundle_id=f"b-{i}", device=key, assessment_id="a", workshop_id="ws", assessor_id="",
                candidate="c", vehicle=vehicle, checklist_id="c", checklist_version="1", parameter_set_id="p",
                parameter_set_version="1", parameters_generic=True, outcome="", outcome_reasons="[]",
                hazard_stop=False, started_us=1, ended_us=2, received_us=3, steps_total=1, steps_passed=1,
                steps_failed=0, steps_na=0, steps_pending=0, corrections=0, capture_gaps=0, dropped_frames=0,
                identity="embedded", language="en", index_format=INDEX_FORMAT))
    migrate(engine)
    with engine.connect() as conn:
        assert sorted(conn.execute(select(AssessmentVehicle.vehicle)).scalars()) == ["City BEV", "Hybrid van"]
    engine.dispose()
