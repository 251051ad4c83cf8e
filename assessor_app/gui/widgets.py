"""Small widgets the pages share."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel


class QuietLabel(QLabel):
    """A message line that takes no room while it has nothing to say (an empty label keeps a
    line's height and the layout's spacing, which a small screen cannot spare)."""

    def __init__(self, *args: object, **kwargs: object):
        super().__init__(*args, **kwargs)  # type: ignore[call-overload]
        self.setVisible(bool(self.text()))

    def setText(self, text: str) -> None:  # noqa: N802 (Qt's name)
        super().setText(text)
        self.setVisible(bool(text))

    def clear(self) -> None:
        super().clear()
        self.setVisible(False)
