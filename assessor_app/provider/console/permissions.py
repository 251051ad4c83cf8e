"""Who may do what in the console: every decision is made here and nowhere else."""

from __future__ import annotations

ROLES = ("administrator", "coordinator", "moderator", "auditor")
_ALL = frozenset(ROLES)
_STAFF = frozenset({"administrator", "coordinator", "moderator"})
_OFFICE = frozenset({"administrator", "coordinator"})

#: action -> the roles allowed to do it. The auditor reads everything and changes nothing.
RULES: dict[str, frozenset[str]] = {
    "console.home": _ALL,
    "session.logout": _ALL,
    "assessments.list": _ALL,
    "assessment.view": _ALL,
    "assessment.download": _ALL,
    "assessment.candidate_name": _OFFICE,
    "assessment.reverify": _STAFF,
    "quarantine.view": _ALL,
    "quarantine.retry": _OFFICE,
    "directory.view": _ALL,
    "directory.manage": _OFFICE,
    "users.view": frozenset({"administrator", "auditor"}),
    "users.manage": frozenset({"administrator"}),
    "audit.view": frozenset({"administrator", "auditor"}),
    # moderation reports: every reader role; a moderator only for the cycles whose panel they are on
    "moderation.report": _ALL,
    "moderation.report.any_cycle": frozenset({"administrator", "coordinator", "auditor"}),
}


def allowed(role: str, action: str) -> bool:
    """May a user of ``role`` do ``action``? An unknown action is refused to everyone."""
    return role in RULES.get(action, frozenset())


def may_read_cycle_report(role: str, on_panel: bool) -> bool:
    """May a user of ``role`` read a moderation cycle's report (page, PDF, CSV)? ``on_panel``: the user
    is one of that cycle's moderators."""
    return allowed(role, "moderation.report.any_cycle") or (allowed(role, "moderation.report") and on_panel)


def check_role(role: str) -> str:
    """The role itself when it is one of ROLES, else ValueError naming the choices."""
    if role not in ROLES:
        raise ValueError(f"unknown role {role!r} (use one of: {', '.join(ROLES)})")
    return role
