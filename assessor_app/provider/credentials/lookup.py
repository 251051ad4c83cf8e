"""An assessment named on the command line: ``<workstation key id>/<bundle id>``, a bundle id or an
assessment id, found in the assessment index."""

from __future__ import annotations

from sqlalchemy import or_, select

from assessor_app.i18n import Message
from assessor_app.provider.models import AssessmentIndexRow
from assessor_app.provider.store import ProviderStore, Refused

NO_SUCH = Message("credentials.lookup.none", "the provider holds no assessment named '{value}'")
AMBIGUOUS = Message("credentials.lookup.ambiguous",
                    "'{value}' names {n} held bundles: give <workstation key id>/<bundle id> ({keys})")


def resolve_assessment(store: ProviderStore, text: str) -> tuple[str, str]:
    """(workstation key id, bundle id) of the one held assessment ``text`` names; Refused otherwise."""
    text = text.strip()
    device, sep, bundle_id = text.partition("/")
    query = select(AssessmentIndexRow.device, AssessmentIndexRow.bundle_id)
    if sep:
        query = query.where(AssessmentIndexRow.device == device, AssessmentIndexRow.bundle_id == bundle_id)
    else:
        query = query.where(or_(AssessmentIndexRow.bundle_id == text,
                                AssessmentIndexRow.assessment_id == text))
    with store.engine.connect() as conn:
        rows = conn.execute(query.limit(6)).all()
    if not rows:
        raise Refused(404, NO_SUCH(value=text[:120]))
    if len(rows) > 1:
        keys = ", ".join(f"{r.device[:12]}.../{r.bundle_id}" for r in rows[:5])
        raise Refused(409, AMBIGUOUS(value=text[:120], n=len(rows), keys=keys))
    return rows[0].device, rows[0].bundle_id
