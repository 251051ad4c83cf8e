"""Identity apart in the bundle: identity/ with the identity file and the full PDF records, anonymised
PDF records at the top, no names in bag-info.txt; sealing from the store; refusals with reasons."""

from __future__ import annotations

import copy
import re
import sys
from io import BytesIO
from pathlib import Path

import pytest
from helpers import ASSESSOR, CANDIDATE, VEHICLE, WORKSHOP, Driver, do_all_steps, load_mini, sign_and_finish
from identity_support import ADDRESS, SALT, finished_apart, identity_document
from pypdf import PdfReader

from assessor_app.evidence.bundle import BundleError, write_bundle
from assessor_app.evidence.identity import commitment
from assessor_app.evidence.sealing import export_record, seal_assessment
from assessor_app.evidence.verify import verify_bundle
from assessor_app.storage.store import AssessmentStore

sys.path.insert(0, str(Path(__file__).resolve().parent / "provider"))
from sync_support import assessor_key, workstation_key  # noqa: E402

NAMES = [CANDIDATE.name, VEHICLE.vin, WORKSHOP.name, ADDRESS, ASSESSOR.name]


def _text(pdf: bytes | Path) -> str:
    reader = PdfReader(BytesIO(pdf) if isinstance(pdf, bytes) else pdf)
    return re.sub(r"\s+", " ", " ".join(page.extract_text() for page in reader.pages))


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory):
    return [workstation_key(tmp_path_factory.mktemp("keys")), assessor_key()]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory, keys) -> Path:
    engine, events, identity = finished_apart()
    mini = load_mini()
    return write_bundle(tmp_path_factory.mktemp("bundles"), bundle_id="apart-1", engine=engine, events=events,
                        checklist_source=mini.checklist.source, parameters_source=mini.params.source,
                        keys=keys, identity=identity).path


def test_the_pdf_records_at_the_top_are_anonymised_and_the_full_ones_are_under_identity(bundle: Path):
    started_commitment = commitment(SALT, {"id": CANDIDATE.id, "name": CANDIDATE.name})
    for language in ("en", "fi"):
        anonymised = _text(bundle / f"assessment-record.{language}.pdf")
        full = _text(bundle / f"identity/assessment-record.{language}.pdf")
        assert CANDIDATE.id in anonymised and started_commitment in anonymised
        for name in NAMES:
            assert name not in anonymised, (language, name)
            assert name in full, (language, name)
    english = _text(bundle / "identity/assessment-record.en.pdf")
    assert f"Candidate {CANDIDATE.name} ({CANDIDATE.id})" in english
    assert f"VIN {VEHICLE.vin}" in english and f"Address {ADDRESS}" in english
    assert f"Sign-offs: assessor {ASSESSOR.name} ({ASSESSOR.id})" in english
    assert "Identity checked photo ID checked – driving licence seen" in english
    assert "Anonymised record: the candidate is named by a pseudonymous id" in _text(
        bundle / "assessment-record.en.pdf")
    assert "Arvioitavan sitoumus (SHA-256)" in _text(bundle / "assessment-record.fi.pdf")


def test_it_verifies_with_its_identity_present(bundle: Path):
    result = verify_bundle(bundle)
    assert result.ok, result.problems
    assert result.identity == "present"


def test_an_assessment_that_keeps_identity_apart_is_not_sealed_without_it(tmp_path: Path, keys):
    engine, events, _identity = finished_apart()
    mini = load_mini()
    with pytest.raises(BundleError) as info:
        write_bundle(tmp_path, bundle_id="b", engine=engine, events=events, keys=keys,
                     checklist_source=mini.checklist.source, parameters_source=mini.params.source)
    assert str(info.value) == (f"assessment {engine.state.assessment_id} keeps its identity apart from the "
                               f"record: seal it with its identity document")
    assert not (tmp_path / "b").exists()


def test_an_identity_document_that_is_not_the_records_is_refused(tmp_path: Path, keys):
    engine, events, identity = finished_apart()
    mini = load_mini()
    other = copy.deepcopy(identity)
    other["vehicle"]["vin"] = "WVWZZZE1ZMP999999"
    with pytest.raises(BundleError) as info:
        write_bundle(tmp_path, bundle_id="b", engine=engine, events=events, keys=keys, identity=other,
                     checklist_source=mini.checklist.source, parameters_source=mini.params.source)
    assert str(info.value) == (f"the identity of assessment {engine.state.assessment_id} cannot be sealed: "
                               f"identity/identity.json is not this record's identity: the VIN's commitment "
                               f"made from it is not the one the record's first event holds")
    assert not (tmp_path / "b").exists()


def test_a_record_with_the_names_in_its_events_cannot_take_an_identity_document(tmp_path: Path, keys):
    d = Driver(load_mini())
    do_all_steps(d)
    sign_and_finish(d)
    mini = load_mini()
    with pytest.raises(BundleError) as info:
        write_bundle(tmp_path, bundle_id="b", engine=d.engine, events=d.events, keys=keys,
                     identity=identity_document(), checklist_source=mini.checklist.source,
                     parameters_source=mini.params.source)
    assert str(info.value) == (
        f"the identity of assessment {d.engine.state.assessment_id} cannot be sealed: the record's first "
        f"event holds the names and the VIN (it was recorded before identity was kept apart): its identity "
        f"cannot be kept apart")


def _store_with_finished_apart(folder: Path) -> tuple[AssessmentStore, str]:
    """The finished assessment as the recorder keeps it: events, and the identity beside them."""
    engine, events, identity = finished_apart()
    mini = load_mini()
    store = AssessmentStore.open(folder / "assessor.db")
    for loaded, spec, kind in ((mini.checklist, mini.checklist.spec, "checklist"),
                               (mini.params, mini.params.params, "parameter-set")):
        store.save_snapshot(sha256=loaded.sha256, kind=kind, spec_id=spec.id, version=spec.version,
                            source=loaded.source, loaded_from=loaded.path, wall_us=0)
    with store.transaction() as conn:
        store.create(events[0], events[0].wall_us, connection=conn)
        store.add_identity(events[0].assessment_id, SALT, identity_document(), connection=conn)
    for event in events[1:]:
        store.append(event)
    store.update_identity(events[0].assessment_id, identity)
    return store, events[0].assessment_id


def test_sealing_from_the_store_keeps_names_out_of_bag_info_and_exports_the_full_record(tmp_path: Path):
    store, aid = _store_with_finished_apart(tmp_path)
    try:
        sealed = seal_assessment(store, aid, data_dir=tmp_path, assessor_id=ASSESSOR.id, pin="4321")
        assert sealed.identity == ("identity/assessment-record.en.pdf", "identity/assessment-record.fi.pdf",
                                   "identity/identity.json")
        bag_info = (sealed.path / "bag-info.txt").read_text(encoding="utf-8")
        assert f"Source-Organization: {WORKSHOP.id}\n" in bag_info and "Contact-Name" not in bag_info
        for name in NAMES:
            assert name not in bag_info
        assert verify_bundle(sealed.path).identity == "present"
        assert store.summary(aid).status == "sealed"
        out, is_sealed = export_record(store, aid, data_dir=tmp_path, language="en", out=tmp_path / "r.pdf")
        full = sealed.path / "identity/assessment-record.en.pdf"
        assert is_sealed and out.read_bytes() == full.read_bytes()
    finally:
        store.close()


def test_the_draft_record_of_an_unsealed_assessment_shows_the_identity(tmp_path: Path):
    store, aid = _store_with_finished_apart(tmp_path)
    try:
        out, is_sealed = export_record(store, aid, data_dir=tmp_path, language="en", out=tmp_path / "d.pdf")
    finally:
        store.close()
    text = _text(out)
    assert not is_sealed and "DRAFT" in text and CANDIDATE.name in text and VEHICLE.vin in text


def test_the_identity_document_must_open_the_records_commitments():
    from assessor_app.evidence.identity import identity_problem

    engine, _events, identity = finished_apart()
    started = engine.state.started
    assert identity_problem(identity, started) is None
    other = copy.deepcopy(identity)
    other["candidate"]["id"] = "cand-2"
    assert identity_problem(other, started) == (
        "identity/identity.json names candidate 'cand-2', not the record's candidate 'cand-1'")
    no_vin = {**started, "vehicle": {**started["vehicle"], "vin_commitment": ""}}
    assert identity_problem(identity, no_vin) == (
        "identity/identity.json holds a VIN, but the record's first event commits to none: it is not this "
        "record's identity")
    without = copy.deepcopy(identity)
    without["vehicle"]["vin"] = ""
    assert identity_problem(without, no_vin) is None
    assert identity_problem({**identity, "format": 2}, started) == (
        "identity/identity.json: format 2 is not an identity document format this version reads (1)")
