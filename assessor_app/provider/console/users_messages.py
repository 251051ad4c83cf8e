"""The texts of the console users page."""

from __future__ import annotations

from assessor_app.i18n import Message

TITLE = Message("console.users.title", "Console users")
NAME = Message("console.users.name", "User name")
ROLE = Message("console.users.role", "Role")
STATE = Message("console.users.state", "State")
ACTIVE = Message("console.users.active", "active")
DISABLED = Message("console.users.disabled", "disabled since {when}")
CREATED = Message("console.users.created", "Added")
PASSWORD_CHANGED = Message("console.users.password_changed", "Password changed")
ACTIONS = Message("console.users.actions", "Actions")
ADD_TITLE = Message("console.users.add_title", "Add a user")
PASSWORD = Message("console.users.password", "Password (at least 12 characters)")
PASSWORD_AGAIN = Message("console.users.password_again", "The same password again")
ADD = Message("console.users.add", "Add the user")
DISABLE = Message("console.users.disable", "Disable")
DISABLE_CONFIRM = Message("console.users.disable_confirm",
                          "Disable {name}? They can no longer sign in, and their open sessions end.")
RESET = Message("console.users.reset", "Set a new password")
NEW_PASSWORD = Message("console.users.new_password", "New password for {name}")
NONE = Message("console.users.none", "There are no console users yet.")
ADDED = Message("console.users.added", "{name} was added as {role}.")
RESET_DONE = Message("console.users.reset_done", "{name} has a new password; their open sessions have ended.")
DISABLED_DONE = Message("console.users.disabled_done", "{name} is disabled; their open sessions have ended.")
DIFFERENT = Message("console.users.different", "The two passwords differ: nothing was changed.")
NOT_YOURSELF = Message("console.users.not_yourself",
                       "You cannot disable your own account: another administrator can.")
LAST_ADMIN = Message("console.users.last_admin",
                     "{name} is the last active administrator: add another administrator first.")
