"""The eligibility list: which learners hold which credentials, signed by the provider for the
workstations, so a window refuses a checklist whose prerequisites a learner has not met (offline too).

A learner appears by the pseudonymous id the records use; revoked credentials are left out. The list
is whole each time (a workstation replaces its copy), dated, and signed like receipts (DSSE, the
provider key that enrollment pinned).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from securesystemslib.dsse import Envelope
from sqlalchemy import func, select

from assessor_app.provider.credentials.models import CredentialRow
from assessor_app.provider.store import ProviderStore

ELIGIBILITY_PAYLOAD_TYPE = "application/vnd.assessor.eligibility+json"
ELIGIBILITY_TYPE = "assessor-app/eligibility/1"


def eligibility_statement(store: ProviderStore) -> dict[str, Any]:
    """``{"type", "issued_us", "as_of_us", "learners": {learner: {checklist: {"credential", "issued"}}}}``.

    ``as_of_us`` is the newest issue or revocation it reflects (a workstation that holds a list as of
    that moment has nothing newer to fetch); ``issued_us`` when the provider made this copy.
    """
    with store.engine.connect() as conn:
        rows = conn.execute(select(CredentialRow.learner_id, CredentialRow.checklist_id, CredentialRow.id,
                                   CredentialRow.issued_us)
                            .where(CredentialRow.revoked_us.is_(None))
                            .order_by(CredentialRow.learner_id, CredentialRow.issued_us)).all()
        newest = conn.execute(select(func.max(CredentialRow.issued_us),
                                     func.max(CredentialRow.revoked_us))).first()
    learners: dict[str, dict[str, dict[str, str]]] = {}
    for row in rows:
        day = dt.datetime.fromtimestamp(row.issued_us / 1e6, tz=dt.UTC).date().isoformat()
        learners.setdefault(row.learner_id, {})[row.checklist_id] = {"credential": f"urn:uuid:{row.id}",
                                                                     "issued": day}
    as_of = max((v for v in (newest or (None, None)) if v is not None), default=0)
    return {"type": ELIGIBILITY_TYPE, "issued_us": store.clock(), "as_of_us": as_of, "learners": learners}


def signed_eligibility(store: ProviderStore, statement: dict[str, Any]) -> dict[str, Any]:
    """The statement as a DSSE envelope signed by the provider key (as receipts and feedback are)."""
    payload = json.dumps(statement, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    envelope = Envelope(payload=payload, payload_type=ELIGIBILITY_PAYLOAD_TYPE, signatures={})
    envelope.sign(store.key.signer)
    return envelope.to_dict()
