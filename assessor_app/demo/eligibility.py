"""The provider's eligibility list as a sync leaves it, for the demo's screens: one learner holds the HV
isolation credential, so battery diagnostics starts for them and is refused to another."""

from __future__ import annotations

import time

from assessor_app.core.gateways import HeldCredential
from assessor_app.demo.moderation_feedback import DEMO_PROVIDER_KEY
from assessor_app.storage.eligibility import EligibilityStore, HeldList
from assessor_app.storage.store import AssessmentStore

DEMO_HOLDER = "L-021"
DEMO_CREDENTIAL = "urn:uuid:6f1c2b7e-3d4a-4f5b-9c8d-7e6f5a4b3c2d"


def store_demo_eligibility(store: AssessmentStore, *, as_of_us: int = 1_796_040_000_000_000) -> HeldList:
    """A list received just now in which ``DEMO_HOLDER`` holds hv-isolation-series (issued 2026-11-30).
    Its envelope is left empty: the demo has no provider key to sign with."""
    return EligibilityStore(store).replace(
        provider_key_id=DEMO_PROVIDER_KEY, issued_us=as_of_us + 3_600_000_000, as_of_us=as_of_us,
        received_us=time.time_ns() // 1000,
        learners={DEMO_HOLDER: {"hv-isolation-series": HeldCredential("hv-isolation-series", DEMO_CREDENTIAL,
                                                                      "2026-11-30")}},
        envelope="{}")
