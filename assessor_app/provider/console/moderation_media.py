"""The anonymised media a moderator is shown: face-blurred derivatives of the sealed video and photos.

They are rows of ``derivatives`` of kind ``anon-proxy`` (a WebM of a video segment) and
``anon-photo`` (a photo), keyed by the sealed file's SHA-256. Only a finished one is ever served;
until then the page says it is being prepared. The sealed originals are never served here.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import select

from assessor_app.provider.models import Derivative

ANON_VIDEO = "anon-proxy"
ANON_PHOTO = "anon-photo"
_ORDER = {"done": 0, "pending": 1, "failed": 2}


@dataclass(frozen=True)
class AnonCopy:
    """One anonymised copy, shaped like a video segment's proxy state for the page's template."""

    source_name: str
    proxy_status: str  # done, pending, failed
    proxy_path: Path | None
    proxy_sha256: str | None


def anon_copies(service: Any, kind: str, sources: dict[str, str]) -> dict[str, AnonCopy]:
    """The best copy of kind ``kind`` of each sealed file (manifest name -> its SHA-256), by name:
    a finished one if any, else the state of the one being made."""
    if not sources:
        return {}
    with service.store.engine.connect() as conn:
        rows = conn.execute(select(Derivative).where(Derivative.kind == kind,
                                                     Derivative.source_sha256.in_(sorted(set(sources.values())))))
        by_source: dict[str, Any] = {}
        for row in rows.all():
            usable = row.status != "done" or bool(row.path)
            best = by_source.get(row.source_sha256)
            rank = (_ORDER.get(row.status, 3) if usable else 3, -row.updated_us)
            if best is None or rank < best[0]:
                by_source[row.source_sha256] = (rank, row)
    folder = service.store.config.folder
    out = {}
    for name, digest in sources.items():
        found = by_source.get(digest)
        if found is None:
            continue
        row = found[1]
        done = row.status == "done" and bool(row.path)
        out[name] = AnonCopy(name, "done" if done else ("failed" if row.status == "failed" else "pending"),
                             folder / row.path if done else None, row.sha256 if done else None)
    return out
