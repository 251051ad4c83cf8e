"""The face-blurred media of an open cycle's sample are made ahead, in the background, not at first view."""

from __future__ import annotations

from pathlib import Path

from face_support import face_bundle
from sqlalchemy import select, update
from sync_support import Workstation
from test_moderation_package import _sample

from assessor_app.provider.media.anonymised import ANON_PHOTO, ANON_PROXY
from assessor_app.provider.models import Derivative
from assessor_app.provider.moderation.models import ModerationCycle
from assessor_app.provider.server import ProviderServer


def _rows(provider: ProviderServer, bundle_id: str) -> dict[str, tuple[str, str]]:
    with provider.service.store.engine.connect() as conn:
        rows = conn.execute(select(Derivative).where(Derivative.bundle_id == bundle_id,
                                                     Derivative.kind.in_((ANON_PROXY, ANON_PHOTO)))).all()
    return {r.source_name: (r.kind, r.status) for r in rows}


def test_the_sampled_bundles_media_are_made_once_and_the_others_left(provider: ProviderServer,
                                                                     workstation: Workstation,
                                                                     tmp_path: Path) -> None:
    service = provider.service
    service.derivations.stop()
    service.sample_media.stop()  # driven by hand here: the background loop runs the same run_once
    sampled = face_bundle(tmp_path / "ws", workstation.key, frames=8)
    other = face_bundle(tmp_path / "ws", workstation.key, frames=8)
    for sealed in (sampled, other):
        assert [r.status for r in service.import_path(sealed.archive)] == ["imported"]
    _sample(provider, (sampled.bundle_id, workstation.key.fingerprint))

    worker = type(service.sample_media)(service.store, service.anonymised_media)
    assert worker.run_once() == 1
    made = _rows(provider, sampled.bundle_id)
    assert {kind for kind, _ in made.values()} == {ANON_PROXY, ANON_PHOTO}
    assert {status for _, status in made.values()} == {"done"}
    assert _rows(provider, other.bundle_id) == {}  # not sampled: nothing made
    assert worker.run_once() == 0  # settled: not looked at again


def test_a_closed_cycles_sample_is_left_alone(provider: ProviderServer, workstation: Workstation,
                                             tmp_path: Path) -> None:
    service = provider.service
    service.derivations.stop()
    service.sample_media.stop()
    sealed = face_bundle(tmp_path / "ws", workstation.key, frames=8)
    assert [r.status for r in service.import_path(sealed.archive)] == ["imported"]
    _sample(provider, (sealed.bundle_id, workstation.key.fingerprint))
    with service.store.writer.begin() as conn:
        conn.execute(update(ModerationCycle).values(closed_us=2))
    worker = type(service.sample_media)(service.store, service.anonymised_media)
    assert worker.run_once() == 0
    assert _rows(provider, sealed.bundle_id) == {}


def test_the_worker_started_by_the_service_makes_them_when_woken(provider: ProviderServer,
                                                                 workstation: Workstation,
                                                                 tmp_path: Path) -> None:
    service = provider.service
    service.derivations.stop()
    sealed = face_bundle(tmp_path / "ws", workstation.key, frames=8)
    assert [r.status for r in service.import_path(sealed.archive)] == ["imported"]
    _sample(provider, (sealed.bundle_id, workstation.key.fingerprint))
    service.sample_media.wake()
    assert service.sample_media.wait_idle(120)
    assert {status for _, status in _rows(provider, sealed.bundle_id).values()} == {"done"}
