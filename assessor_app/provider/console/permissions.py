"""Who may do what in the console: every decision is made here and nowhere else."""

from __future__ import annotations

from typing import Any

ROLES = ("administrator", "coordinator", "moderator", "auditor")
_ALL = frozenset(ROLES)
_OFFICE = frozenset({"administrator", "coordinator"})
#: the office and the auditor: the general assessment pages and the directory (a moderator sees only
#: the anonymised packages of the cycles they are on)
_READERS = frozenset({"administrator", "coordinator", "auditor"})
#: roles whose moderation actions reach only the cycles whose panel they are on
_CYCLE_BOUND = frozenset({"moderator"})

#: action -> the roles allowed to do it. The auditor reads everything and changes nothing.
RULES: dict[str, frozenset[str]] = {
    "console.home": _ALL,
    "session.logout": _ALL,
    "assessments.list": _READERS,
    "assessment.view": _READERS,
    "assessment.download": _READERS,
    "assessment.candidate_name": _OFFICE,
    "assessment.reverify": _OFFICE,
    "quarantine.view": _ALL,
    "quarantine.retry": _OFFICE,
    "directory.view": _READERS,
    "directory.manage": _OFFICE,
    "users.view": frozenset({"administrator", "auditor"}),
    "users.manage": frozenset({"administrator"}),
    "audit.view": frozenset({"administrator", "auditor"}),
    # moderation reports: every reader role; a moderator only for the cycles whose panel they are on
    "moderation.report": _ALL,
    "moderation.report.any_cycle": frozenset({"administrator", "coordinator", "auditor"}),
    # moderation: a moderator's reach is further limited to their cycles (may_moderate)
    "moderation.list": _ALL,
    "moderation.view": _ALL,
    "moderation.download": _ALL,
    "moderation.verdict": frozenset({"moderator"}),
    # set up a cycle: create it, its panel, draw its sample with a seed, check the draw
    "moderation.manage": _OFFICE,
    # the stored frame, policy and seed of a cycle's sample (JSON), for re-drawing it outside the console
    "moderation.sample": _ALL,
    # credentials. A moderator never sees a credential (it names the learner and the assessment). The
    # auditor reads the credentials, the eligibility checks and the figures, and changes nothing. The
    # documents name the learner: downloading them follows the rule for names (the office only)
    "credentials.read": _READERS,
    "credentials.kpis": _READERS,
    "credentials.issue": _OFFICE,
    "credentials.revoke": _OFFICE,
    "credentials.download": _OFFICE,
    # the learner's voluntary participation figures (gender, age band), as the learner chose to give them
    "credentials.participation": _OFFICE,
}


def allowed(role: str, action: str) -> bool:
    """May a user of ``role`` do ``action``? An unknown action is refused to everyone."""
    return role in RULES.get(action, frozenset())


def may_read_cycle_report(role: str, on_panel: bool) -> bool:
    """May a user of ``role`` read a moderation cycle's report (page, PDF, CSV)? ``on_panel``: the user
    is one of that cycle's moderators."""
    return allowed(role, "moderation.report.any_cycle") or (allowed(role, "moderation.report") and on_panel)


def may_moderate(store: Any, user_name: str, role: str, action: str, cycle: str) -> bool:
    """May this user do the ``moderation.*`` ``action`` on ``cycle``? The role must allow the action, and
    a moderator must be on the cycle's panel (a verdict always needs a place on the panel)."""
    if not allowed(role, action):
        return False
    if role in _CYCLE_BOUND or action == "moderation.verdict":
        from assessor_app.provider.moderation.verdicts import on_panel  # the panel is data, asked here

        return on_panel(store, cycle, user_name)
    return True


def visible_cycles(store: Any, user_name: str, role: str) -> set[str] | None:
    """The cycles this user may see listed: None for every cycle, else the names of theirs."""
    if not allowed(role, "moderation.list"):
        return set()
    if role in _CYCLE_BOUND:
        from assessor_app.provider.moderation.verdicts import panel_cycles

        return panel_cycles(store, user_name)
    return None


def check_role(role: str) -> str:
    """The role itself when it is one of ROLES, else ValueError naming the choices."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r} (use one of: {', '.join(ROLES)})")
    return role
