"""The texts of the audit log page."""

from __future__ import annotations

from assessor_app.i18n import Message

TITLE = Message("console.audit.title", "Audit log")
WHEN = Message("console.audit.when", "When (UTC)")
USER = Message("console.audit.user", "User")
ROLE = Message("console.audit.role", "Role")
ACTION = Message("console.audit.action", "Action")
TARGET = Message("console.audit.target", "Target")
DETAIL = Message("console.audit.detail", "Detail")
ADDRESS = Message("console.audit.address", "Address")
ANY = Message("console.audit.any", "(any)")
FILTER = Message("console.audit.filter", "Show")
OLDER = Message("console.audit.older", "Older entries")
NEWEST = Message("console.audit.newest", "Newest entries")
NONE = Message("console.audit.none", "No entries match.")
