"""The one rule moderation states trigger: which states allow a credential under each setting."""

from __future__ import annotations

import pytest

from assessor_app.provider.credentials.moderation_state import ModerationState, allows

KINDS = ("confirmed", "overturned", "referred", "unchecked", "pending", "not_sampled", "no_cycle")
ALLOWED = {
    "none": {"confirmed", "not_sampled", "no_cycle"},
    "drawn": {"confirmed", "not_sampled"},
    "confirmed": {"confirmed"},
}


@pytest.mark.parametrize("rule", sorted(ALLOWED))
@pytest.mark.parametrize("kind", KINDS)
def test_each_state_under_each_setting(rule: str, kind: str):
    why = allows(ModerationState(kind, "2027-H1" if kind != "no_cycle" else None), rule, "ev-hybrid")  # type: ignore[arg-type]
    assert (why is None) == (kind in ALLOWED[rule])
    if kind in ("overturned", "referred", "pending", "unchecked"):
        assert why is not None and "2027-H1" in str(why.args.get("cycle"))
    if rule == "drawn" and kind == "no_cycle":
        assert why is not None and why.code == "credentials.refused.moderation_wait"
