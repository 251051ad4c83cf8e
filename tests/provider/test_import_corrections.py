"""A bundle whose record holds corrected results: verified and imported by the provider, the
corrections in its record; a correction event of the wrong shape is refused with its field named."""

from __future__ import annotations

import uuid
from pathlib import Path

from helpers import MIN, Driver, load_mini, sign_and_finish
from sync_support import Workstation, assessor_key

from assessor_app.core.engine import CorrectResult, RecordMeasurement, RecordResult
from assessor_app.core.events import make_event
from assessor_app.evidence.bundle import write_bundle
from assessor_app.evidence.record_shape import payload_problem
from assessor_app.evidence.strict_json import loads
from assessor_app.evidence.verify import verify_bundle
from assessor_app.provider.server import ProviderServer


def corrected() -> Driver:
    """The mini checklist with a mistaken fail corrected to a pass and a pass corrected to N/A."""
    d = Driver(load_mini())
    for step in ("ppe", "sign", "plug", "lock"):
        d.passes(step)
    d.advance(10 * MIN)
    d.ok(RecordMeasurement("dead", "hv", 0.2, "V"))
    d.passes("dead")
    d.ok(RecordMeasurement("reprove", "src", 13.0, "V"))
    d.passes("reprove")
    d.passes("earth")
    d.ok(RecordMeasurement("insul", "riso", 550, "MΩ"))
    d.ok(RecordResult("insul", "fail", reason="keyed F"))
    d.ok(CorrectResult("insul", "pass", "pressed F by mistake: 550 MΩ is well above the floor"))
    d.ok(CorrectResult("earth", "na", "this vehicle has no earthing point to use"))
    d.passes("unlock")
    d.passes("oral")
    assert sign_and_finish(d).payload["outcome"] == "competent"
    return d


def test_a_bundle_with_corrections_verifies_and_imports(
        provider: ProviderServer, workstation: Workstation, fast_bundles: None):
    d = corrected()
    mini = load_mini()
    sealed = write_bundle(workstation.folder / "bundles", bundle_id=str(uuid.uuid4()), engine=d.engine,
                          events=d.events, checklist_source=mini.checklist.source,
                          parameters_source=mini.params.source, keys=[workstation.key, assessor_key()])
    verification = verify_bundle(sealed.path)
    assert verification.ok, verification.problems
    assert verification.outcome == "competent"
    record = loads((sealed.path / "data/record.json").read_bytes(), "record.json")
    [insul] = record["steps"]["insul"]["corrections"]
    assert (insul["replaces"], insul["result"], insul["replaced_reason"]) == ("fail", "pass", "keyed F")
    assert insul["reason"] == "pressed F by mistake: 550 MΩ is well above the floor"
    assert record["steps"]["earth"]["status"] == "na"
    assert [e["kind"] for e in record["events"]].count("result_corrected") == 2

    result = provider.service.importer.import_folder(sealed.path, source=str(sealed.path))
    assert (result.status, result.reason) == ("imported", None)
    held = provider.service.importer.held(sealed.bundle_id, workstation.key.fingerprint)
    stored = loads((Path(str(held.stored_path)) / "data/record.json").read_bytes(), "record.json")
    assert stored["steps"]["insul"]["corrections"] == record["steps"]["insul"]["corrections"]


def test_a_correction_of_the_wrong_shape_is_named():
    d = corrected()
    good = next(e for e in d.events if e.kind == "result_corrected")
    assert payload_problem(good.seq, good) is None
    for field, value, said in (("result", "perhaps", "one of 'pass', 'fail', 'na', 'hazard', not a "
                                                     "string"),
                               ("reason", 7, "a string, not a number"),
                               ("person", ["x"], "a string or null, not a list")):
        bad = make_event(good.assessment_id, good.seq, good.kind, {**good.payload, field: value},
                         good.wall_us, good.t_us, good.prev_hash)
        assert payload_problem(3, bad) == (f"data/record.json: events[3] ('result_corrected') payload field "
                                           f"{field!r} must be {said}"), field
    missing = make_event(good.assessment_id, good.seq, good.kind,
                         {k: v for k, v in good.payload.items() if k != "reason"}, good.wall_us, good.t_us,
                         good.prev_hash)
    assert payload_problem(3, missing) == (
        "data/record.json: events[3] ('result_corrected') payload has no field 'reason'")
