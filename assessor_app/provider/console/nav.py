"""The console's sections: one line each, shown on the home page and in the header to roles allowed."""

from __future__ import annotations

from dataclasses import dataclass

from assessor_app.i18n import Message
from assessor_app.provider.console import credential_messages as CM
from assessor_app.provider.console import messages as M
from assessor_app.provider.console import moderation_messages as MM
from assessor_app.provider.console.permissions import allowed
from assessor_app.provider.moderation import report_messages as MR


@dataclass(frozen=True)
class NavEntry:
    key: str
    path: str  # under /console
    action: str  # shown only to roles that may do it
    label: Message
    hint: Message


NAV: tuple[NavEntry, ...] = (
    NavEntry("assessments", "/console/assessments", "assessments.list", M.SECTIONS["assessments"],
             M.SECTION_HINTS["assessments"]),
    NavEntry("credentials", "/console/credentials", "credentials.read", CM.SECTION, CM.SECTION_HINT),
    NavEntry("moderation", "/console/moderation", "moderation.list", MM.SECTION, MM.SECTION_HINT),
    NavEntry("quarantine", "/console/quarantine", "quarantine.view", M.SECTIONS["quarantine"],
             M.SECTION_HINTS["quarantine"]),
    NavEntry("workshops", "/console/workshops", "directory.view", M.SECTIONS["workshops"],
             M.SECTION_HINTS["workshops"]),
    NavEntry("assessors", "/console/assessors", "directory.view", M.SECTIONS["assessors"],
             M.SECTION_HINTS["assessors"]),
    NavEntry("users", "/console/users", "users.view", M.SECTIONS["users"], M.SECTION_HINTS["users"]),
    NavEntry("audit", "/console/audit", "audit.view", M.SECTIONS["audit"], M.SECTION_HINTS["audit"]),
    NavEntry("moderation_reports", "/console/moderation/reports", "moderation.report", MR.SECTION,
             MR.SECTION_HINT),
)


def entries_for(role: str) -> list[NavEntry]:
    return [entry for entry in NAV if allowed(role, entry.action)]
