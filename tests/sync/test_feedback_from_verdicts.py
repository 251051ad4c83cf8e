"""From a moderator's signed verdict to the workstation that sealed the assessment: the verdict
service writes the feedback, the next sync stores it, and it reads as the moderator meant it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from console_support import PASSWORD
from sync_support import bind_test_assessor, make_bundle, provider_code
from verdict_support import add_cycle

from assessor_app.evidence.keys import device_key
from assessor_app.provider.console.accounts import add_user
from assessor_app.provider.moderation.verdict_document import StepVerdict
from assessor_app.provider.moderation.verdicts import VerdictDraft, record_verdict
from assessor_app.provider.server import ProviderServer
from assessor_app.storage.store import AssessmentStore
from assessor_app.sync.enrollment import enroll, open_outbox, provider_client
from assessor_app.sync.feedback import FeedbackInbox
from assessor_app.sync.worker import SyncWorker


@pytest.fixture
def worker(tmp_path: Path, provider: ProviderServer) -> Iterator[SyncWorker]:
    folder = tmp_path / "site"
    store = AssessmentStore.open(folder / "assessor.db")
    outbox = open_outbox(store, folder)
    enroll(outbox, provider_url=provider.url, code=provider_code(provider.service), keys_dir=folder / "keys")
    bind_test_assessor(provider.service, device_key(folder / "keys").fingerprint)
    w = SyncWorker(outbox, provider_client(outbox, folder / "keys"))
    yield w
    w.client.close()
    store.close()


def test_a_recorded_verdict_reaches_the_workstation_at_its_next_sync(worker: SyncWorker,
                                                                    provider: ProviderServer):
    folder = worker.outbox.folder.parent
    device = device_key(folder / "keys").fingerprint
    sealed = make_bundle(folder, device_key(folder / "keys"), archive=False)
    worker.outbox.add_bundle(sealed.folder)
    assert worker.run_once() is None and worker.outbox.counts()["delivered"] == 1  # imported, indexed

    service = provider.service
    add_user(service.store, "moderator", "moderator", PASSWORD)
    add_cycle(service, "2027-H1", moderators=["moderator"], sampled=[(device, sealed.bundle_id)])
    steps = (StepVerdict("ppe", True, "passed", "passed"),
             StepVerdict("dead", True, "passed", "failed", "The meter read AC volts at the dead test."))
    stored = record_verdict(service.store, VerdictDraft(
        "2027-H1", device, sealed.bundle_id, "moderator", steps, (), "overturn",
        "The dead test does not stand: repeat it with the meter on DC."))

    assert worker.run_once() is None
    items = FeedbackInbox(worker.outbox.store).items()
    assert len(items) == 1
    item = items[0]
    assert (item.cycle, item.bundle_id, item.decision) == ("2027-H1", sealed.bundle_id, "overturn")
    assert item.assessment_id == stored.document.assessment_id and item.checklist_id == "mini-isolation"
    assert [(s.step, s.critical, s.assessor_result, s.moderator_result) for s in item.steps] == [
        ("dead", True, "passed", "failed")]  # only where the moderator's result differs
    assert item.comment == "The dead test does not stand: repeat it with the meter on DC."
    assert worker.run_once() is None and len(FeedbackInbox(worker.outbox.store).items()) == 1
