"""Malformed JSON in the seal envelope, the signed statement and the record: a reason, never a crash.

The statement and the record are signed with the workshop's genuine keys (and the manifests kept
consistent), so nothing but the shape checks stands between them and the verifier.
"""

from __future__ import annotations

import base64
import json
from pathlib import Path

import pytest
from forge import SEAL, Forge
from redteam_support import assert_refused_by_command

from assessor_app.evidence.archive import write_archive
from assessor_app.evidence.verify import verify_bundle, verify_path

DEEP = 100_000


def _refused(forge: Forge, reason: str, tmp_path: Path) -> None:
    """Exactly this reason, from the folder and from its archive."""
    assert verify_bundle(forge.root).problems == [reason]
    assert verify_path(write_archive(forge.root, tmp_path / "forged.tar")).problems == [reason]


# ---------------------------------------------------------------- the envelope (not signed itself)

ENVELOPES = {
    "nested lists": (b"[" * DEEP, "seal/statement.dsse.json is nested more than 64 levels deep"),
    "nested objects": (b'{"a":' * DEEP, "seal/statement.dsse.json is nested more than 64 levels deep"),
    "not UTF-8": (b'{"payload": "\xff"}', "seal/statement.dsse.json is not UTF-8 text (byte 13)"),
    "not JSON": (b'{"payload": ', "seal/statement.dsse.json is not valid JSON: Expecting value: line 1 "
                                  "column 13 (char 12)"),
    "NaN": (b'{"payload": NaN}', "seal/statement.dsse.json holds NaN, which is not a JSON number"),
    "Infinity": (b'[-Infinity]', "seal/statement.dsse.json holds -Infinity, which is not a JSON number"),
    "float overflow": (b'[1e400]', "seal/statement.dsse.json holds a number too large for a float (1e400)"),
    "huge integer": (b"[" + b"9" * 5000 + b"]",
                     "seal/statement.dsse.json holds a number longer than 40 characters"),
    "duplicate keys": (b'{"payload": "", "payload": ""}',
                       "seal/statement.dsse.json has the key 'payload' twice in one object"),
    "lone surrogate": (b'["\\ud800"]', "seal/statement.dsse.json holds a string with a lone surrogate "
                                       "escape (not valid Unicode)"),
    "a list": (b"[]", "the seal is not a DSSE envelope: the seal envelope must be an object, not a list"),
    "extra field": (b'{"payload": "", "payloadType": "", "signatures": [], "x": 1}',
                    "the seal is not a DSSE envelope: the seal envelope has an unexpected field 'x'"),
    "payload missing": (b'{"payloadType": "", "signatures": []}',
                        "the seal is not a DSSE envelope: the seal envelope has no field 'payload'"),
    "payload a number": (b'{"payload": 5, "payloadType": "", "signatures": []}',
                         "the seal is not a DSSE envelope: the seal envelope.payload must be a string, "
                         "not a number"),
    "payload not base64": (b'{"payload": "not base64!", "payloadType": "", "signatures": []}',
                           "the seal is not a DSSE envelope: the seal envelope.payload is not base64"),
    "signatures an object": (b'{"payload": "", "payloadType": "", "signatures": {}}',
                             "the seal is not a DSSE envelope: the seal envelope.signatures must be a "
                             "list, not an object"),
    "signature a string": (b'{"payload": "", "payloadType": "", "signatures": ["sig"]}',
                           "the seal is not a DSSE envelope: the seal envelope.signatures[0] must be an "
                           "object, not a string"),
    "keyid a number": (b'{"payload": "", "payloadType": "", "signatures": [{"keyid": 1, "sig": ""}]}',
                       "the seal is not a DSSE envelope: the seal envelope.signatures[0].keyid must be a "
                       "string, not a number"),
    "sig not base64": (b'{"payload": "", "payloadType": "", "signatures": [{"keyid": "k", "sig": "%"}]}',
                       "the seal is not a DSSE envelope: the seal envelope.signatures[0].sig is not base64"),
    "a signature twice": (b'{"payload": "", "payloadType": "", "signatures": [{"keyid": "k", "sig": ""}, '
                          b'{"keyid": "k", "sig": ""}]}',
                          "the seal is not a DSSE envelope: the seal envelope has two signatures by key 'k'"),
    "another payload type": (b'{"payload": "", "payloadType": "text/plain", "signatures": []}',
                             "the seal's payload type is 'text/plain', not application/vnd.in-toto+json"),
}


@pytest.mark.parametrize("case", sorted(ENVELOPES))
def test_a_malformed_envelope_is_refused_for_what_it_is(forge: Forge, case: str, tmp_path: Path):
    data, reason = ENVELOPES[case]
    forge.write(SEAL, data)
    forge.rehash_tags()
    _refused(forge, f"seal: {reason}", tmp_path)


def test_the_command_refuses_a_deeply_nested_seal_without_a_traceback(forge: Forge):
    forge.write(SEAL, b"[" * DEEP)
    forge.rehash_tags()
    assert_refused_by_command(forge.root, "seal: seal/statement.dsse.json is nested more than 64 levels deep")


def test_a_valid_signature_over_a_payload_of_the_wrong_shape_is_still_refused(forge: Forge):
    """Swapping one signature for the other key's fails on the signature, not on a crash."""
    envelope = forge.envelope()
    envelope["signatures"][0]["sig"], envelope["signatures"][1]["sig"] = (
        envelope["signatures"][1]["sig"], envelope["signatures"][0]["sig"])
    forge.write(SEAL, json.dumps(envelope).encode())
    forge.rehash_tags()
    assert verify_bundle(forge.root).problems == [
        "seal: the seal's signatures do not verify: Accepted signatures do not match threshold, Found: 0, "
        "Expected 2"]


# ---------------------------------------------------------------- the signed statement

def _statement(change):  # type: ignore[no-untyped-def]
    def forge_it(forge: Forge) -> None:
        statement = forge.statement()
        forge.sign_payload(json.dumps(change(statement)).encode())
    return forge_it


def _raw(payload: bytes):  # type: ignore[no-untyped-def]
    return lambda forge: forge.sign_payload(payload)


def _predicate(**fields: object):  # type: ignore[no-untyped-def]
    return _statement(lambda s: {**s, "predicate": {**s["predicate"], **fields}})


STATEMENTS = {
    "nested lists": (_raw(b"[" * DEEP), "the sealed statement is nested more than 64 levels deep"),
    "nested objects": (_raw(b'{"a":' * DEEP), "the sealed statement is nested more than 64 levels deep"),
    "not JSON": (_raw(b"{"), "the sealed statement is not valid JSON: Expecting property name enclosed "
                             "in double quotes: line 1 column 2 (char 1)"),
    "duplicate keys": (_raw(b'{"predicate": {}, "predicate": {}}'),
                       "the sealed statement has the key 'predicate' twice in one object"),
    "NaN": (_raw(b'{"predicate": {"outcome": NaN}}'), "the sealed statement holds NaN, which is not a JSON "
                                                      "number"),
    "huge integer": (_raw(b'{"predicate": {"outcome": ' + b"1" * 4301 + b"}}"),
                     "the sealed statement holds a number longer than 40 characters"),
    "a list": (_raw(b"[]"), "the sealed statement must be an object, not a list"),
    "not an assessment seal": (_statement(lambda s: {**s, "_type": "other"}),
                               "the sealed statement is not an assessment seal (_type and predicateType)"),
    "subject an object": (_statement(lambda s: {**s, "subject": {}}),
                          "the sealed statement.subject must be a list, not an object"),
    "subject entry a string": (_statement(lambda s: {**s, "subject": ["data/record.json"]}),
                               "the sealed statement.subject[0] must be an object, not a string"),
    "subject name a number": (_statement(lambda s: {**s, "subject": [{"name": 1, "digest": {}}]}),
                              "the sealed statement.subject[0].name must be a string, not a number"),
    "digest a string": (_statement(lambda s: {**s, "subject": [{"name": "x", "digest": "ab"}]}),
                        "the sealed statement.subject[0].digest must be an object, not a string"),
    "digest not a string": (_statement(lambda s: {**s, "subject": [{"name": "x", "digest": {"sha256": 7}}]}),
                            "the sealed statement.subject[0].digest.sha256 must be a SHA-256 (64 lowercase "
                            "hex digits), not a number"),
    "a subject twice": (_statement(lambda s: {**s, "subject": s["subject"] + s["subject"][:1]}),
                        "the sealed statement names 'assessment-record.en.pdf' twice"),
    "predicate a list": (_statement(lambda s: {**s, "predicate": []}),
                         "the sealed statement.predicate must be an object, not a list"),
    "keys a string": (_predicate(keys="device"),
                      "the sealed statement's predicate.keys must be an object, not a string"),
    "key id a number": (_predicate(keys={"device": 1, "assr-1": "a" * 64}),
                        "the sealed statement's predicate.keys['device'] must be a SHA-256 (64 lowercase hex "
                        "digits), not a number"),
    "bundle id a list": (_predicate(bundle_id=[]),
                         "the sealed statement's predicate.bundle_id must be a string, not a list"),
    "bundle id with control characters": (
        _predicate(bundle_id="b\x1b[2J"), "the sealed statement's predicate.bundle_id 'b\\x1b[2J' is not a "
                                          "bundle id (letters, digits, '.', '_' or '-', at most 64)"),
    "assessor id with a path": (
        _predicate(keys={"device": "a" * 64, "../x": "b" * 64}),
        "the sealed statement's predicate.keys names the assessor '../x', which is not an assessor id"),
    "outcome a number": (_predicate(outcome=3), "the sealed statement's predicate.outcome must be a string, "
                                                "not a number"),
    "manifest hash missing": (_statement(lambda s: {**s, "predicate": {k: v for k, v in s["predicate"].items()
                                                                       if k != "manifest_sha256"}}),
                              "the sealed statement's predicate has no field 'manifest_sha256'"),
    "bag-info hash a number": (_predicate(bag_info_sha256=1),
                               "the sealed statement's predicate.bag_info_sha256 must be a SHA-256 (64 "
                               "lowercase hex digits), not a number"),
}


@pytest.mark.parametrize("case", sorted(STATEMENTS))
def test_a_signed_statement_of_the_wrong_shape_is_refused(forge: Forge, case: str, tmp_path: Path):
    change, reason = STATEMENTS[case]
    change(forge)
    _refused(forge, f"seal: {reason}", tmp_path)


# ---------------------------------------------------------------- the record

def _record(change):  # type: ignore[no-untyped-def]
    def forge_it(forge: Forge) -> None:
        forge.replace_record(json.dumps(change(forge.record())).encode())
    return forge_it


def _event(i: int, **fields: object):  # type: ignore[no-untyped-def]
    def change(record):  # type: ignore[no-untyped-def]
        record["events"][i].update(fields)
        return record
    return _record(change)


def _replace(old: bytes, new: bytes):  # type: ignore[no-untyped-def]
    return lambda forge: forge.replace_record(forge.read("data/record.json").replace(old, new, 1))


R = "the assessment record cannot be read: data/record.json"
RECORDS = {
    "nested lists": (lambda f: f.replace_record(b"[" * DEEP), f"{R} is nested more than 64 levels deep"),
    "nested objects": (lambda f: f.replace_record(b'{"a":' * DEEP),
                       f"{R} is nested more than 64 levels deep"),
    "nested in an event payload": (
        _replace(b'"payload": {', b'"payload": {"deep": ' + b"[" * DEEP + b"]" * DEEP + b", "),
        f"{R} is nested more than 64 levels deep"),
    "not UTF-8": (lambda f: f.replace_record(b'{"events": "\xc3"}'), f"{R} is not UTF-8 text (byte 12)"),
    "duplicate keys": (_replace(b'"outcome"', b'"outcome": null, "outcome"'),
                       f"{R} has the key 'outcome' twice in one object"),
    "NaN": (_replace(b'"wall_us": ', b'"wall_us": NaN, "x": '), f"{R} holds NaN, which is not a JSON number"),
    "huge integer": (_replace(b'"wall_us": ', b'"wall_us": ' + b"7" * 4301 + b', "x": '),
                     f"{R} holds a number longer than 40 characters"),
    "a list": (lambda f: f.replace_record(b"[]"), f"{R} must be an object, not a list"),
    "events an object": (_record(lambda r: {**r, "events": {}}),
                         f"{R}: events must be a list, not an object"),
    "events missing": (_record(lambda r: {k: v for k, v in r.items() if k != "events"}),
                       f"{R} has no field 'events'"),
    "an event a list": (_record(lambda r: {**r, "events": [[]]}),
                        f"{R}: events[0] must be an object, not a list"),
    "seq a string": (_event(0, seq="0"), f"{R}: events[0].seq must be an integer, not a string"),
    "seq true": (_event(1, seq=True), f"{R}: events[1].seq must be an integer, not true/false"),
    "wall time a float": (_event(2, wall_us=1.5), f"{R}: events[2].wall_us must be an integer, not a number"),
    "kind null": (_event(0, kind=None), f"{R}: events[0].kind must be a string, not null"),
    "payload a list": (_event(3, payload=[]), f"{R}: events[3].payload must be an object, not a list"),
    "hash a number": (_event(0, hash=0), f"{R}: events[0].hash must be a string, not a number"),
    "an extra field": (_event(0, extra=1), f"{R}: events[0] has an unexpected field 'extra'"),
    "a field missing": (_record(lambda r: {**r, "events": [{k: v for k, v in r["events"][0].items()
                                                            if k != "t_us"}]}),
                        f"{R}: events[0] has no field 't_us'"),
    "outcome a number": (_record(lambda r: {**r, "outcome": 1}),
                         f"{R}: outcome must be a string, not a number"),
    "capture gaps an object": (_record(lambda r: {**r, "capture": {"gaps": {}}}),
                               f"{R}: capture.gaps must be a list, not an object"),
}


@pytest.mark.parametrize("case", sorted(RECORDS))
def test_a_record_of_the_wrong_shape_is_refused(forge: Forge, case: str, tmp_path: Path):
    change, reason = RECORDS[case]
    change(forge)
    _refused(forge, reason, tmp_path)


def test_the_command_refuses_a_deeply_nested_record_without_a_traceback(forge: Forge):
    forge.replace_record(b'{"events": ' + b"[" * DEEP)
    assert_refused_by_command(forge.root, f"{R} is nested more than 64 levels deep")


def _kind_index(forge: Forge, kind: str) -> int:
    return next(i for i, e in enumerate(forge.record()["events"]) if e["kind"] == kind)


REPLAYED = "the assessment record cannot be replayed: data/record.json"
PAYLOADS = {
    "measurement value a string": (
        "measurement_recorded", lambda p: p.update(entered_value="550"),
        "payload field 'entered_value' must be a number, not a string"),
    "measurement unit a list": (
        "measurement_recorded", lambda p: p.update(entered_unit=["V"]),
        "payload field 'entered_unit' must be a string, not a list"),
    "result not one of the results": (
        "step_result", lambda p: p.update(result="passed"),
        "payload field 'result' must be one of 'pass', 'fail', 'na', 'hazard', not a string"),
    "step an object": ("step_result", lambda p: p.update(step={"id": "ppe"}),
                       "payload field 'step' must be a string, not an object"),
    "step missing": ("step_result", lambda p: p.pop("step"), "payload has no field 'step'"),
    "rubric score a float": ("rubric_scored", lambda p: p.update(score=3.5),
                             "payload field 'score' must be an integer, not a number"),
    "rubric score true": ("rubric_scored", lambda p: p.update(score=True),
                          "payload field 'score' must be an integer, not true/false"),
    "vehicle a list": ("assessment_started", lambda p: p.update(vehicle=[]),
                       "payload field 'vehicle' must be an object whose working_voltage_v is a number"),
    "working voltage a string": (
        "assessment_started", lambda p: p["vehicle"].update(working_voltage_v="400 V"),
        "payload field 'vehicle' must be an object whose working_voltage_v is a number"),
    "candidate a string": ("assessment_started", lambda p: p.update(candidate="cand-1"),
                           "payload field 'candidate' must be an object with an id"),
}


@pytest.mark.parametrize("case", sorted(PAYLOADS))
def test_a_chained_and_signed_event_with_a_payload_of_the_wrong_type_is_refused(forge: Forge, case: str,
                                                                                tmp_path: Path):
    """The forger rehashes the whole chain and re-signs it: only the payload check can tell."""
    kind, change, reason = PAYLOADS[case]
    i = _kind_index(forge, kind)
    forge.rechain(lambda events: change(events[i]["payload"]))
    _refused(forge, f"{REPLAYED}: events[{i}] ('{kind}') {reason}", tmp_path)


def test_a_rechained_forgery_that_is_well_formed_fails_on_the_rules(forge: Forge, tmp_path: Path):
    i = _kind_index(forge, "measurement_recorded")
    forge.rechain(lambda events: events[i]["payload"].update(entered_value=-1.0))
    _refused(forge, f"event chain: event {i} (measurement_recorded) does not match what the rules give",
             tmp_path)


def test_base64_of_the_real_statement_still_verifies(forge: Forge):
    """The forge itself is faithful: re-signing the untouched statement verifies."""
    payload = base64.b64decode(forge.envelope()["payload"])
    forge.sign_payload(payload)
    assert verify_bundle(forge.root).ok
