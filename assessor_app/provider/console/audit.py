"""The console's audit log: who looked at and changed what; rows are added, never changed."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select

from assessor_app.provider.console.models import AuditEntry
from assessor_app.provider.store import ProviderStore


@dataclass(frozen=True)
class AuditRow:
    id: int
    when_us: int
    user_name: str
    role: str
    action: str
    target: str
    detail: dict[str, Any]
    address: str


def record(store: ProviderStore, *, action: str, target: str = "", detail: Mapping[str, Any] | None = None,
           user: str = "", role: str = "", address: str = "") -> None:
    """Add one row (committed before this returns: what was done is never unrecorded)."""
    text = json.dumps(dict(detail or {}), ensure_ascii=False, sort_keys=True, default=str)
    with store.writer.begin() as conn:
        conn.execute(insert(AuditEntry).values(
            when_us=store.clock(), user_name=user[:64], role=role[:20], action=action[:64],
            target=target[:200], detail=text, address=address[:64]))


def _row(r: Any) -> AuditRow:
    try:
        detail = json.loads(r.detail)
    except ValueError:
        detail = {"text": r.detail}
    return AuditRow(r.id, r.when_us, r.user_name, r.role, r.action, r.target,
                    detail if isinstance(detail, dict) else {"value": detail}, r.address)


def entries(store: ProviderStore, *, user: str = "", action: str = "", before_id: int | None = None,
            limit: int = 50) -> list[AuditRow]:
    """Newest first, ``limit`` rows older than ``before_id``, filtered by exact user and action."""
    query = select(AuditEntry)
    if user:
        query = query.where(AuditEntry.user_name == user)
    if action:
        query = query.where(AuditEntry.action == action)
    if before_id is not None:
        query = query.where(AuditEntry.id < before_id)
    query = query.order_by(AuditEntry.id.desc()).limit(limit)
    with store.engine.connect() as conn:
        return [_row(r) for r in conn.execute(query).all()]


def count(store: ProviderStore) -> int:
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(AuditEntry)).scalar_one())


def actions(store: ProviderStore) -> list[str]:
    """The actions the log holds, for the filter's choices."""
    with store.engine.connect() as conn:
        return list(conn.execute(select(AuditEntry.action).distinct().order_by(AuditEntry.action)).scalars())
