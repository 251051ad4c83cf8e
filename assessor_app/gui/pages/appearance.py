"""The window's theme in Settings: two large buttons, applied as soon as one is pressed."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QGroupBox, QHBoxLayout, QPushButton, QWidget

from assessor_app.gui.theme import keep_words
from assessor_app.settings import THEMES


class ThemeChoice(QGroupBox):
    """Light (black on white, for a bright shop) or dark (white on black, for a dark bay)."""

    chosen = Signal(str)  # the theme's name, when the trainer picks another one

    def __init__(self, current: str, parent: QWidget | None = None):
        super().__init__(self.tr("Appearance (applies at once)"), parent)
        labels = {"light": self.tr("Light: for a bright shop"),
                  "dark": self.tr("Dark, high contrast: for a dark bay")}
        self.buttons: dict[str, QPushButton] = {}
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        row = QHBoxLayout(self)
        for name in THEMES:
            button = QPushButton(labels[name], checkable=True)
            button.setAccessibleName(self.tr("Theme: {name}").format(name=labels[name]))
            self._group.addButton(button)
            row.addWidget(button)
            self.buttons[name] = button
        row.addStretch(1)
        self._current = current if current in self.buttons else THEMES[0]
        self.buttons[self._current].setChecked(True)
        self._group.buttonClicked.connect(self._clicked)

    def showEvent(self, event: object) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)  # type: ignore[arg-type]
        keep_words(*self.buttons.values())

    @property
    def theme(self) -> str:
        return self._current

    def _clicked(self, button: QPushButton) -> None:
        name = next(n for n, b in self.buttons.items() if b is button)
        if name != self._current:
            self._current = name
            self.chosen.emit(name)
