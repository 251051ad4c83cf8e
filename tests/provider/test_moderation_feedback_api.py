"""The provider hands each workstation its own moderation feedback, signed, until it acknowledges it."""

from __future__ import annotations

import base64
import json
from pathlib import Path

import httpx
import pytest
from feedback_support import add_feedback, delivered
from securesystemslib.dsse import Envelope
from sync_support import Workstation, enroll

from assessor_app.evidence.seal import public_key
from assessor_app.provider.moderation.feedback import FEEDBACK_PAYLOAD_TYPE
from assessor_app.provider.server import ProviderServer


def _get(ws: Workstation, **params: object) -> httpx.Response:
    return ws.client.send("GET", "/moderation/feedback", params=params)


def _ack(ws: Workstation, body: object) -> httpx.Response:
    return ws.client.send("POST", "/moderation/feedback/ack", json=body)


def _items(provider: ProviderServer, answer: httpx.Response) -> list[dict]:
    assert answer.status_code == 200, answer.text
    envelope = Envelope.from_dict(answer.json()["feedback"])
    assert envelope.payload_type == FEEDBACK_PAYLOAD_TYPE
    envelope.verify([public_key(provider.service.store.key.public_pem())], 1)
    return json.loads(envelope.payload)["items"]


def test_a_workstation_gets_its_own_feedback_signed_and_acknowledges_it(
        provider: ProviderServer, workstation: Workstation, tmp_path: Path):
    other = enroll(provider, tmp_path / "other")
    mine = add_feedback(provider.service, workstation.key.fingerprint, "b-1", "a-1")
    theirs = add_feedback(provider.service, other.key.fingerprint, "b-2", "a-2")
    answer = _get(workstation)
    items = _items(provider, answer)
    assert [i["id"] for i in items] == [mine] and answer.json()["more"] is False
    document = items[0]["document"]
    assert document["decision"] == "overturn" and [s["step"] for s in document["steps"]] == ["dead", "oral"]
    payload = json.loads(base64.b64decode(answer.json()["feedback"]["payload"]))
    assert payload["device_key_id"] == workstation.key.fingerprint

    # another workstation's id is neither acknowledged nor told apart from an id that does not exist
    answer = _ack(workstation, {"ids": [mine, theirs, 999_999]})
    assert answer.json() == {"acknowledged": [mine], "unknown": sorted([theirs, 999_999])}
    assert delivered(provider.service, mine) is not None and delivered(provider.service, theirs) is None
    first = delivered(provider.service, mine)
    assert _ack(workstation, {"ids": [mine]}).json() == {"acknowledged": [mine], "unknown": []}
    assert delivered(provider.service, mine) == first  # acknowledging again changes nothing
    assert _items(provider, _get(workstation)) == []
    assert [i["id"] for i in _items(provider, _get(other))] == [theirs]
    other.client.close()


def test_feedback_comes_a_page_at_a_time(provider: ProviderServer, workstation: Workstation):
    ids = [add_feedback(provider.service, workstation.key.fingerprint, f"b-{n}", f"a-{n}") for n in range(3)]
    answer = _get(workstation, limit=2)
    assert [i["id"] for i in _items(provider, answer)] == ids[:2] and answer.json()["more"] is True
    _ack(workstation, {"ids": ids[:2]})
    answer = _get(workstation, limit=2)
    assert [i["id"] for i in _items(provider, answer)] == ids[2:] and answer.json()["more"] is False


@pytest.mark.parametrize(("body", "status", "words"), [
    ({}, 422, "non-empty list"),
    ({"ids": []}, 422, "non-empty list"),
    ({"ids": "1,2"}, 422, "non-empty list"),
    ({"ids": [1, "2"]}, 422, 'holds "2"'),
    ({"ids": [True]}, 422, "holds true"),
    ({"ids": [0]}, 422, "holds 0"),
    ({"ids": [-5]}, 422, "holds -5"),
    ({"ids": [1.5]}, 422, "holds 1.5"),
    ({"ids": [2**63]}, 422, "not a feedback id"),
    ({"ids": list(range(1, 1002))}, 422, "at most 1000"),
    ({"ids": list(range(1, 20_000))}, 413, "at most"),
    ([1, 2], 400, "JSON object"),
])
def test_a_bad_acknowledgement_is_refused_with_the_reason(provider: ProviderServer, workstation: Workstation,
                                                          body: object, status: int, words: str):
    add_feedback(provider.service, workstation.key.fingerprint, "b-1", "a-1")
    answer = _ack(workstation, body)
    assert answer.status_code == status, answer.text
    assert words in answer.json()["error"]
    assert len(_items(provider, _get(workstation))) == 1  # nothing was acknowledged


def test_feedback_needs_a_workstation_token(provider: ProviderServer, workstation: Workstation):
    add_feedback(provider.service, workstation.key.fingerprint, "b-1", "a-1")
    for method, path in (("GET", "/moderation/feedback"), ("POST", "/moderation/feedback/ack")):
        answer = httpx.request(method, f"{provider.url}{path}", json={"ids": [1]},
                               headers={"Authorization": "Bearer not-a-token"})
        assert answer.status_code == 401 and "token" in answer.json()["error"]
    for limit in ("0", "101", "x", "²"):
        answer = _get(workstation, limit=limit)
        assert answer.status_code == 400 and "limit" in answer.json()["error"]


def test_the_workstation_and_the_provider_name_the_feedback_batch_alike():
    from assessor_app.provider.moderation import feedback
    from assessor_app.sync import protocol

    assert (protocol.FEEDBACK_PAYLOAD_TYPE, protocol.FEEDBACK_TYPE) == (
        feedback.FEEDBACK_PAYLOAD_TYPE, feedback.FEEDBACK_TYPE)
