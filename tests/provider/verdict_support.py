"""A moderation cycle with a panel and a sample, written straight into the provider's tables.

Small on purpose: the cycle service (drawing the sample from the frame) can take its place later.
"""

from __future__ import annotations

import json
from collections.abc import Iterable

from sqlalchemy import insert, update

from assessor_app.provider.moderation.models import (
    ModerationCycle,
    ModerationCycleModerator,
    SampledAssessmentRow,
)
from assessor_app.provider.service import ProviderService

DRAWN_FOR = [{"code": "risk", "value": "critical_failed", "weight": 3.0}]


def add_cycle(service: ProviderService, name: str, *, moderators: Iterable[str] = (),
              sampled: Iterable[tuple[str, str]] = ()) -> None:
    """Cycle ``name`` (open, 2026 to 2100) with ``moderators`` on its panel and ``sampled``
    (device, bundle) as its sample."""
    store = service.store
    with store.writer.begin() as conn:
        conn.execute(insert(ModerationCycle).values(
            name=name, period_from_us=1_767_225_600_000_000, period_to_us=4_102_444_800_000_000,
            enhanced_control=False,
            created_us=store.clock(), created_by="test", closed_us=None))
        for user in moderators:
            conn.execute(insert(ModerationCycleModerator).values(cycle=name, user_name=user))
        for device, bundle_id in sampled:
            conn.execute(insert(SampledAssessmentRow).values(
                cycle=name, device=device, bundle_id=bundle_id, weight=3.0, reasons=json.dumps(DRAWN_FOR)))


def close_cycle(service: ProviderService, name: str) -> None:
    with service.store.writer.begin() as conn:
        conn.execute(update(ModerationCycle).where(ModerationCycle.name == name)
                     .values(closed_us=service.store.clock()))
