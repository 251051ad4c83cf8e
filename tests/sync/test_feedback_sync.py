"""Moderation feedback reaches the workstation at its next sync: stored, then acknowledged, once."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from feedback_support import add_feedback, delivered
from sync_support import EnrolledSite, enroll, provider_code

from assessor_app.evidence.keys import device_key
from assessor_app.provider.server import ProviderServer
from assessor_app.sync.client import ProviderClient, TransientError
from assessor_app.sync.feedback import FeedbackError, FeedbackInbox, verify_batch
from assessor_app.sync.worker import SyncWorker


class Site(EnrolledSite):
    def __init__(self, folder: Path, provider: ProviderServer):
        super().__init__(folder, provider)
        self.inbox = FeedbackInbox(self.store)


@pytest.fixture
def site(tmp_path: Path, provider: ProviderServer) -> Iterator[Site]:
    s = Site(tmp_path / "site", provider)
    yield s
    s.close()


def test_a_sync_stores_the_feedback_then_acknowledges_it_and_the_next_brings_nothing_new(
        site: Site, provider: ProviderServer):
    first = add_feedback(provider.service, site.device, "b-1", "a-1")
    second = add_feedback(provider.service, site.device, "b-2", "a-2", decision="refer_back")
    assert site.worker.run_once() is None
    items = site.inbox.items()
    assert {i.feedback_id for i in items} == {first, second} and site.inbox.unread() == 2
    overturned = next(i for i in items if i.feedback_id == first)
    assert overturned.decision == "overturn" and overturned.assessment_id == "a-1"
    assert [(s.step, s.assessor_result, s.moderator_result) for s in overturned.steps] == [
        ("dead", "passed", "failed"), ("oral", "passed", "na")]
    assert "wrong range" in overturned.comment
    assert delivered(provider.service, first) and delivered(provider.service, second)
    assert site.worker.status.feedback_received == 2

    assert site.worker.run_once() is None  # the next sync: nothing new
    assert len(site.inbox.items()) == 2 and site.worker.status.feedback_received == 2
    site.inbox.mark_read(overturned.provider_key_id, first)
    assert site.inbox.unread() == 1
    assert site.inbox.items()[-1].read  # read items come after unread ones


def test_a_lost_acknowledgement_does_not_store_an_item_twice(site: Site, provider: ProviderServer,
                                                             monkeypatch: pytest.MonkeyPatch):
    item = add_feedback(provider.service, site.device, "b-1", "a-1")
    stored_before_ack: list[int] = []

    def cut(ids: list[int]) -> dict:
        stored_before_ack.append(len(site.inbox.items()))  # the item is stored when the ack goes out
        raise TransientError("the connection was cut during the acknowledgement")

    monkeypatch.setattr(site.worker.client, "acknowledge_feedback", cut)
    assert site.worker.run_once() is not None  # backs off, as after any cut connection
    assert stored_before_ack == [1] and delivered(provider.service, item) is None
    monkeypatch.undo()
    assert site.worker.run_once() is None  # sent again, stored once, acknowledged now
    assert [i.feedback_id for i in site.inbox.items()] == [item]
    assert delivered(provider.service, item) is not None


def test_another_workstations_feedback_never_arrives(site: Site, provider: ProviderServer, tmp_path: Path):
    other = enroll(provider, tmp_path / "other")
    theirs = add_feedback(provider.service, other.key.fingerprint, "b-9", "a-9")
    mine = add_feedback(provider.service, site.device, "b-1", "a-1")
    assert site.worker.run_once() is None
    assert [i.feedback_id for i in site.inbox.items()] == [mine]
    assert delivered(provider.service, theirs) is None
    # and acknowledging their id from here changes nothing at the provider
    assert site.worker.client.acknowledge_feedback([theirs]) == {"acknowledged": [], "unknown": [theirs]}
    assert delivered(provider.service, theirs) is None
    other.client.close()


def test_a_batch_not_signed_by_the_pinned_key_or_for_another_workstation_is_refused(
        site: Site, provider: ProviderServer, tmp_path: Path):
    add_feedback(provider.service, site.device, "b-1", "a-1")
    envelope = site.worker.client.feedback()["feedback"]
    enrollment = site.outbox.enrollment()
    assert len(verify_batch(envelope, enrollment)) == 1
    impostor = device_key(tmp_path / "impostor")
    from dataclasses import replace

    with pytest.raises(FeedbackError, match="not signed by the enrolled provider key"):
        verify_batch(envelope, replace(enrollment, provider_public_pem=impostor.public_pem()))
    with pytest.raises(FeedbackError, match="not this one"):
        verify_batch(envelope, replace(enrollment, device_key_id="f" * 64))
    with pytest.raises(FeedbackError, match="not a DSSE envelope"):
        verify_batch({"payload": 5}, enrollment)
    assert site.inbox.items() == []


def test_a_provider_without_moderation_feedback_is_no_error(site: Site, caplog: pytest.LogCaptureFixture):
    def older_provider(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/auth/token":
            return httpx.Response(200, json={"token": "t", "token_type": "Bearer", "expires_in": 3600})
        if request.url.path == "/health":
            return httpx.Response(200, json={"status": "ok"})
        return httpx.Response(404, json={"error": "Not Found"})

    enrollment = site.outbox.enrollment()
    client = ProviderClient("http://older.invalid", device_key(site.keys),
                            provider_key_id=enrollment.provider_key_id,
                            transport=httpx.MockTransport(older_provider))
    worker = SyncWorker(site.outbox, client)
    with caplog.at_level(logging.INFO, logger="assessor_app.sync.worker"):
        assert worker.run_once() is None
    assert worker.status.last_error is None and worker.status.state == "idle"
    assert "no moderation feedback service" in caplog.text
    client.close()


def test_a_misshapen_item_is_left_unacknowledged_and_the_others_arrive(site: Site, provider: ProviderServer):
    from sqlalchemy import update

    from assessor_app.provider.moderation.models import ModerationFeedback

    broken = add_feedback(provider.service, site.device, "b-1", "a-1")
    good = add_feedback(provider.service, site.device, "b-2", "a-2")
    with provider.service.store.writer.begin() as conn:
        conn.execute(update(ModerationFeedback).where(ModerationFeedback.id == broken).values(
            document='{"decision": "shrug"}'))
    assert site.worker.run_once() is None
    assert [i.feedback_id for i in site.inbox.items()] == [good]
    assert delivered(provider.service, good) is not None and delivered(provider.service, broken) is None


def test_assessor_sync_says_how_much_feedback_came(provider: ProviderServer, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]):
    import argparse

    from assessor_app.sync.commands import CODE_ENV, register

    def run(*argv: str) -> int:
        parser = argparse.ArgumentParser(prog="assessor")
        register(parser.add_subparsers(dest="command"))
        args = parser.parse_args(list(argv))
        return int(args.func(args))

    data = tmp_path / "data"
    monkeypatch.setenv(CODE_ENV, provider_code(provider.service))
    assert run("enroll", provider.url, "--data-dir", str(data)) == 0
    add_feedback(provider.service, device_key(data / "keys").fingerprint, "b-1", "a-1")
    capsys.readouterr()
    assert run("sync", "--data-dir", str(data)) == 0
    assert "1 new item(s) of moderation feedback: see `assessor feedback`" in capsys.readouterr().out
    assert run("sync", "--data-dir", str(data)) == 0
    assert "moderation feedback" not in capsys.readouterr().out  # nothing new the second time


def test_feedback_through_a_faulty_line_is_stored_once_each_and_all_acknowledged(
        site: Site, provider: ProviderServer):
    """Cut requests and answers, 503s and duplicated requests, acknowledgements among them: every
    item ends stored exactly once here, and acknowledged at the provider."""
    from fault_proxy import FaultProxy

    proxy = FaultProxy(int(provider.url.rsplit(":", 1)[1]), fault_rate=0.3, seed=16).start()
    enrollment = site.outbox.enrollment()
    client = ProviderClient(proxy.url, device_key(site.keys), provider_key_id=enrollment.provider_key_id,
                            timeout=10)
    worker = SyncWorker(site.outbox, client)
    ids: list[int] = []
    try:
        for n in range(20):  # a verdict or two between syncs, as a panel works through its sample
            ids += [add_feedback(provider.service, site.device, f"b-{n}-{k}", f"a-{n}-{k}") for k in range(2)]
            for _ in range(200):  # the backoff delay is not waited for: the faults are the point
                if worker.run_once() is None and all(delivered(provider.service, i) for i in ids):
                    break
    finally:
        client.close()
        proxy.stop()
    assert sorted(i.feedback_id for i in site.inbox.items()) == ids
    assert all(delivered(provider.service, i) is not None for i in ids)
    assert proxy.counts["cut_response"] + proxy.counts["cut_request"] > 0  # the line did misbehave
