"""The base of every expected failure: its message is written for the person reading it."""

from __future__ import annotations

from collections.abc import Sequence

from assessor_app.i18n import Msg, render


class AssessorError(Exception):
    """An expected failure (bad file, unreadable store, missing device) with a readable message.

    Raised with messages (:class:`Msg`, or a list of them) it reads in any language (:meth:`text`);
    ``str()`` is the English, for logs."""

    def __init__(self, message: Msg | str | Sequence[Msg | str] = "", *args: object) -> None:
        items: list[Msg | str] = (list(message) if isinstance(message, (list, tuple))
                                  else [message])  # type: ignore[list-item]
        self.messages = items
        super().__init__("; ".join(str(m) for m in items), *args)

    def text(self, language: str = "en") -> str:
        return "; ".join(render(m, language) if isinstance(m, Msg) else str(m) for m in self.messages)
