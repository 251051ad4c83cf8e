"""Small widgets the pages share."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFontMetrics, QPaintEvent
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStylePainter,
    QTableWidget,
    QWidget,
)


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


def wrap_words(text: str, metrics: QFontMetrics, width: int) -> list[str]:
    """``text`` in lines that each fit ``width`` pixels, broken between words only (a word wider
    than ``width`` has a line of its own)."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            longer = f"{line} {word}" if line else word
            if line and metrics.horizontalAdvance(longer) > width:
                lines.append(line)
                line = word
            else:
                line = longer
        lines.append(line)
    return lines


class WrappingComboBox(QComboBox):
    """A drop-down list that shows the chosen item whole: where its words do not fit on one line
    they wrap onto more, and the box grows in height to hold them (a checklist's title in Finnish,
    a person's long name), instead of being cut at the box's edge."""

    def __init__(self, parent: QWidget | None = None, *, min_chars: int = 12):
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(min_chars)
        policy = self.sizePolicy()
        policy.setHorizontalPolicy(QSizePolicy.Policy.Expanding)
        policy.setVerticalPolicy(QSizePolicy.Policy.Minimum)  # a combo box's own is Fixed: one line
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)
        self.currentTextChanged.connect(lambda _text: self.updateGeometry())

    def wordWrap(self) -> bool:  # noqa: N802 (as QLabel's)
        """Its words wrap (as a QLabel's with word wrap)."""
        return True

    def _text_room(self, width: int) -> int:
        """How wide the chosen item's words may be in a box ``width`` pixels wide."""
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        opt.rect = QRect(0, 0, width, max(self.height(), 1))
        field = self.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                            QStyle.SubControl.SC_ComboBoxEditField, self)
        return field.width() - 2  # the label is drawn 1 px in from each side

    def _lines(self, width: int) -> list[str]:
        shown = self.currentText() if self.currentIndex() >= 0 else self.placeholderText()
        return wrap_words(shown, self.fontMetrics(), self._text_room(width))

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt's name)
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 (Qt's name)
        one_line = super().sizeHint().height()
        extra = len(self._lines(width)) - 1
        return one_line + max(0, extra) * self.fontMetrics().lineSpacing()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        """Wide enough for the chosen item on one line where the layout has the room."""
        width = super().sizeHint().width()
        overhead = width - self._text_room(width)
        width = max(width, self.fontMetrics().horizontalAdvance(self.currentText()) + overhead)
        return QSize(width, self.heightForWidth(width))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QStylePainter(self)
        opt = QStyleOptionComboBox()
        self.initStyleOption(opt)
        painter.drawComplexControl(QStyle.ComplexControl.CC_ComboBox, opt)
        opt.currentText = "\n".join(self._lines(self.width()))
        painter.drawControl(QStyle.ControlElement.CE_ComboBoxLabel, opt)


def fit_words_in_columns(table: QTableWidget, columns: Iterable[int]) -> None:
    """Widen each of the table's ``columns`` (never narrow it) to its header's words and to the
    longest word in its cells, so that word-wrapped cells break between words, never inside one."""
    header = table.horizontalHeader()
    metrics = table.fontMetrics()
    margin = 2 * (table.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, table) + 1)
    margin += 1 if table.showGrid() else 0  # the grid line is drawn inside the section
    for column in columns:
        words = (word for row in range(table.rowCount()) if (item := table.item(row, column)) is not None
                 for word in item.text().split())
        need = max((metrics.horizontalAdvance(word) + margin for word in words), default=0)
        need = max(need, header.sectionSizeFromContents(column).width())
        if header.sectionSize(column) < need:
            header.resizeSection(column, need)


def keep_hints(*edits: QLineEdit, sample: str = "") -> None:
    """Never narrower than their hints: an empty field's placeholder is cut with an ellipsis where
    the field is narrower (a translation is often longer than the English); nor than ``sample``,
    a typical value. Call once the fields have their hints."""
    for edit in edits:
        edit.ensurePolished()
        opt = QStyleOptionFrame()
        edit.initStyleOption(opt)
        opt.rect = QRect(0, 0, 1000, max(edit.height(), 1))
        contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opt, edit)
        margins = edit.textMargins()
        frame = 1000 - contents.width() + margins.left() + margins.right() + 4  # 2 px a side inside
        words = edit.fontMetrics().horizontalAdvance
        need = max(words(edit.placeholderText()), words(sample)) + frame
        edit.setMinimumWidth(max(edit.minimumWidth(), need))
