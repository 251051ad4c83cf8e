"""Form fields and refusals for the console's quarantine, workshops and assessors pages."""

from __future__ import annotations

from assessor_app.i18n import Msg
from assessor_app.provider.console import messages as M
from assessor_app.provider.console.web import ConsoleContext
from assessor_app.provider.store import Refused

#: the most of one field a page echoes back into its form (the records' own limits are smaller)
ECHO_LIMIT = 1000


def field(ctx: ConsoleContext, name: str, echo: int | None = None) -> str:
    """A text field of the posted form ('' when missing or a file); ``echo``: cut for showing back."""
    value = ctx.form.get(name)
    text = value if isinstance(value, str) else ""
    return text[:echo] if echo is not None else text


def fields(ctx: ConsoleContext, name: str) -> list[str]:
    """Every text value of a repeated field (checkboxes), without files."""
    return [v for v in ctx.form.getlist(name) if isinstance(v, str)]


def refusal(exc: Refused) -> tuple[int, Msg]:
    """The status a page answers a refusal of the records with, and its message for the person."""
    status = exc.status if exc.status in (400, 404, 409, 422) else 400
    return status, exc.msg or M.ERR_BAD_REQUEST()
