"""Keys that do what they say, on every page of the window.

- Typing goes where the focus is: in a text field (line edit, spin box, editable list) and in an
  open drop-down list, letters, Space, Enter and Esc belong to that control, so a single-letter
  shortcut of the page never acts there (Qt would otherwise let a shortcut take Enter, Esc and
  every key a closed drop-down does not claim).
- A focused button is pressed by Space (Qt's own) and by Enter (here): Fail stays Fail, whatever
  the page's other keys are. A focused closed drop-down opens on Space or Enter.
- Esc in a text field leaves it: the page says where the focus goes (``leave``).
- The tab order follows the screen: ``screen_order`` walks a page's layouts top to bottom, left
  to right, as they are drawn.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QSplitter,
    QTextEdit,
    QWidget,
)
from shiboken6 import isValid

ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
#: Modifiers that make a key a command rather than typing (Shift only changes the letter).
COMMAND_MODIFIERS = (Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
                     | Qt.KeyboardModifier.MetaModifier)
#: The controls the keyboard can reach, in the order ``screen_order`` finds them.
CONTROLS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QAbstractItemView, QTextEdit,
            QPlainTextEdit)


def in_open_list(widget: QWidget) -> bool:
    """Whether ``widget`` is (inside) the open list of a drop-down."""
    w: QWidget | None = widget
    while w is not None:
        if w.windowType() == Qt.WindowType.Popup and isinstance(w.parentWidget(), QComboBox):
            return True
        w = w.parentWidget()
    return False


def takes_text(widget: QWidget | None) -> bool:
    """Whether keys typed on ``widget`` are typing: a text field, a spin box, an editable or open list."""
    if widget is None:
        return False
    if isinstance(widget, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit):
        return True
    if isinstance(widget, QComboBox):
        return widget.isEditable()
    return in_open_list(widget)


def _belongs_to(widget: QWidget, page: QWidget) -> bool:
    """``widget`` is ``page`` or lies within it (also in one of its drop-down lists)."""
    w: QWidget | None = widget
    while w is not None:
        if w is page:
            return True
        w = w.parentWidget()
    return False


def _typing(event: QKeyEvent) -> bool:
    return not (event.modifiers() & COMMAND_MODIFIERS) and bool(event.text()) and event.text().isprintable()


class KeyGuard(QObject):
    """Makes the keys of one page mean what they say (see the module's docstring).

    ``leave(widget)``: Esc was pressed in the text field ``widget``; move the focus out of it.
    ``enter(widget)``: Enter was pressed in the text field ``widget``; True when that was handled
    here (by default the field's own Enter: a line edit's returnPressed, a spin box's value).
    """

    def __init__(self, page: QWidget, leave: Callable[[QWidget], None],
                 enter: Callable[[QWidget], bool] | None = None):
        super().__init__(page)
        self.page = page
        self.leave = leave
        self.enter = enter
        self._watched: QWidget | None = None
        app = QApplication.instance()
        assert isinstance(app, QApplication), "a QApplication is needed before a page"
        # keys go to the focused widget: the guard watches that one alone (not every event of the
        # application), also in a drop-down's list, which is a window of its own
        app.focusChanged.connect(self._focus_moved)

    def _focus_moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and isValid(self._watched):  # (a widget deleted drops its filters)
            self._watched.removeEventFilter(self)
        self._watched = None
        if new is not None and _belongs_to(new, self.page):
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress):
            return False
        if not isinstance(watched, QWidget) or not isinstance(event, QKeyEvent):
            return False
        if kind == QEvent.Type.ShortcutOverride:
            if self._claims(watched, event):
                event.accept()  # the key goes to the control, no shortcut of the page takes it
            return False
        return self._press(watched, event)

    @staticmethod
    def _claims(widget: QWidget, event: QKeyEvent) -> bool:
        """Whether the focused ``widget`` keeps this key for itself rather than a shortcut."""
        key = event.key()
        if in_open_list(widget):
            return not (event.modifiers() & COMMAND_MODIFIERS)  # choosing in the list, Esc closes it
        if takes_text(widget):
            return key == Qt.Key.Key_Escape or key in ENTER_KEYS or _typing(event)
        if isinstance(widget, QAbstractButton | QComboBox):
            return key == Qt.Key.Key_Space or key in ENTER_KEYS
        return False

    def _press(self, widget: QWidget, event: QKeyEvent) -> bool:
        key = event.key()
        if key == Qt.Key.Key_Escape and takes_text(widget) and not in_open_list(widget):
            self.leave(widget)
            return True
        if key not in ENTER_KEYS or event.modifiers() & COMMAND_MODIFIERS:
            return False
        if takes_text(widget) and not in_open_list(widget):
            return self.enter is not None and self.enter(widget)
        if isinstance(widget, QAbstractButton):
            if not event.isAutoRepeat() and widget.isEnabled():  # a held key presses once
                widget.click()
            return True
        if isinstance(widget, QComboBox) and not widget.isEditable():
            if not event.isAutoRepeat():
                widget.showPopup()
            return True
        return False


# ---------------------------------------------------------------------- the tab order
def screen_order(root: QWidget | QLayout) -> list[QWidget]:
    """The controls under ``root`` as the screen shows them: each layout's items top to bottom and
    left to right (grid and form rows by row, then column), scroll areas and splitters entered."""
    found: list[QWidget] = []
    if isinstance(root, QLayout):
        _walk_layout(root, found)
    else:
        _walk_widget(root, found, top=True)
    return found


def _walk_widget(w: QWidget, found: list[QWidget], top: bool = False) -> None:
    if not top and isinstance(w, CONTROLS):
        if w.focusPolicy() != Qt.FocusPolicy.NoFocus:  # (a radio group takes Tab from all but one)
            found.append(w)
        return
    if isinstance(w, QScrollArea):
        inner = w.widget()
        if inner is not None:
            _walk_widget(inner, found, top=True)
        return
    if isinstance(w, QSplitter):
        for i in range(w.count()):
            _walk_widget(w.widget(i), found)
        return
    layout = w.layout()
    if layout is not None:
        _walk_layout(layout, found)


def _walk_layout(layout: QLayout, found: list[QWidget]) -> None:
    for i in _items_in_screen_order(layout):
        item = layout.itemAt(i)
        if item is None:
            continue
        if item.widget() is not None:
            _walk_widget(item.widget(), found)
        elif item.layout() is not None:
            _walk_layout(item.layout(), found)


def _items_in_screen_order(layout: QLayout) -> list[int]:
    indexes = list(range(layout.count()))
    if isinstance(layout, QGridLayout):
        return sorted(indexes, key=lambda i: layout.getItemPosition(i)[:2])
    if isinstance(layout, QFormLayout):
        def position(i: int) -> tuple[int, int]:
            row, role = layout.getItemPosition(i)
            return row, role.value if hasattr(role, "value") else int(role)
        return sorted(indexes, key=position)
    return indexes


def set_tab_order(widgets: Iterable[QWidget]) -> None:
    """Tab goes from each of ``widgets`` to the next (hidden or disabled ones are skipped by Qt)."""
    previous: QWidget | None = None
    for w in widgets:
        if previous is not None:
            QWidget.setTabOrder(previous, w)
        previous = w


def first_enabled(page: QWidget, widgets: Iterable[QWidget | None]) -> QWidget | None:
    """The first of ``widgets`` that can take the focus on ``page`` (shown with it, enabled)."""
    for w in widgets:
        if (w is not None and w.isEnabled() and w.isVisibleTo(page)
                and w.focusPolicy() != Qt.FocusPolicy.NoFocus):
            return w
    return None
