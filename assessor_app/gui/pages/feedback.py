"""Moderation feedback: each item the provider's moderation panel sent about an assessment of this
workstation, the panel's decision and comment, and every step where the moderator's result differs."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assessor_app.gui.keys import KeyGuard, first_enabled, screen_order, set_tab_order
from assessor_app.gui.labels import label
from assessor_app.gui.theme import set_tone
from assessor_app.gui.translator import window_language

if TYPE_CHECKING:
    from assessor_app.sync.feedback_view import FeedbackView

DECISION_TONES = {"confirm": "ok", "overturn": "danger", "refer_back": "warning"}


def _text(text: str = "", *, name: str = "largeText") -> QLabel:
    shown = QLabel(text, objectName=name, wordWrap=True)
    shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return shown


class FeedbackPage(QWidget):
    back_requested = Signal()
    read_requested = Signal(str, int)  # provider key id, feedback id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(self.tr("Moderation feedback"), objectName="pageTitle")
        self.back_button = QPushButton(self.tr("Back (Esc)"))
        self.back_button.setAccessibleName(self.tr("Back to the assessments"))
        self.items = QListWidget(objectName="largeList")
        self.items.setAccessibleName(self.tr("Moderation feedback received"))
        self.items.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.empty = _text(self.tr("No moderation feedback has arrived yet. It comes with the next "
                                   "delivery to the training provider after a moderation panel has "
                                   "looked at an assessment of this workstation."))
        self.heading = _text(name="pageTitle")
        self.assessment = _text()
        self.checklist = _text()
        self.decision = _text()
        self.cycle = _text()
        self.comment = _text()
        self.steps_title = _text()
        self.read_button = QPushButton(self.tr("Mark as read (M)"))
        self.read_button.setAccessibleName(self.tr("Mark this feedback as read"))
        self.read_button.setEnabled(False)

        detail = QWidget()
        self.detail_layout = QVBoxLayout(detail)
        for w in (self.heading, self.assessment, self.checklist, self.decision, self.cycle, self.comment,
                  self.steps_title):
            self.detail_layout.addWidget(w)
        self.steps_box = QVBoxLayout()
        self.detail_layout.addLayout(self.steps_box)
        self.detail_layout.addStretch(1)
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll.setWidget(detail)
        self.scroll.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the arrows scroll a long comment
        self.scroll.setAccessibleName(self.tr("The feedback chosen"))

        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.back_button)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(self.items, 1)
        left.addWidget(self.read_button)
        body.addLayout(left, 2)
        body.addWidget(self.scroll, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.empty)
        layout.addLayout(body, 1)

        self._views: list[FeedbackView] = []
        self._step_widgets: list[QWidget] = []
        self.items.currentRowChanged.connect(self._show_row)
        self.back_button.clicked.connect(self.back_requested)
        self.read_button.clicked.connect(self._mark_read)
        for key, act in (("Escape", self.back_requested.emit), ("M", self._mark_read)):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.setAutoRepeat(False)
            shortcut.activated.connect(act)
        self.guard = KeyGuard(self, lambda _field: self.items.setFocus())
        set_tab_order(screen_order(self))
        self.show_views([])

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not event.spontaneous():
            target = first_enabled(self, (self.items if self._views else None, self.back_button))
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ words
    def decision_words(self, decision: str) -> str:
        return {"confirm": self.tr("Confirmed: the assessor's decision stands"),
                "overturn": self.tr("Overturned: the panel reached a different outcome"),
                "refer_back": self.tr("Referred back to the workshop")}.get(decision, decision)

    def _row_text(self, view: FeedbackView) -> str:
        short = {"confirm": self.tr("Confirmed"), "overturn": self.tr("Overturned"),
                 "refer_back": self.tr("Referred back")}.get(view.item.decision, view.item.decision)
        when = _date(view)
        text = f"{short} · {when}" if when else short
        return text if view.item.read else self.tr("New: {feedback}").format(feedback=text)

    # ------------------------------------------------------------------ showing
    def show_views(self, views: list[FeedbackView]) -> None:
        """The items received (unread first); the one shown stays chosen when it is still there."""
        current = self._current()
        key = (current.item.provider_key_id, current.item.feedback_id) if current else None
        self._views = list(views)
        self.items.ensurePolished()  # its font is the style sheet's large one
        self.items.blockSignals(True)
        self.items.clear()
        widest = 0
        for view in self._views:
            row = QListWidgetItem(self._row_text(view))
            if not view.item.read:
                font = QFont(self.items.font())
                font.setBold(True)
                row.setFont(font)
            self.items.addItem(row)
            bold = QFont(self.items.font())
            bold.setBold(True)
            widest = max(widest, QFontMetrics(bold).horizontalAdvance(row.text()))
        self.items.setMinimumWidth(widest + 48)
        self.items.blockSignals(False)
        self.empty.setVisible(not self._views)
        self.items.setVisible(bool(self._views))
        self.scroll.setVisible(bool(self._views))
        self.read_button.setVisible(bool(self._views))
        keys = [(v.item.provider_key_id, v.item.feedback_id) for v in self._views]
        row = keys.index(key) if key in keys else (0 if keys else -1)
        self.items.setCurrentRow(row)
        self._show_row(row)
        set_tab_order(screen_order(self))

    def _current(self) -> FeedbackView | None:
        row = self.items.currentRow()
        return self._views[row] if 0 <= row < len(self._views) else None

    def _show_row(self, row: int) -> None:
        view = self._views[row] if 0 <= row < len(self._views) else None
        for w in self._step_widgets:
            self.steps_box.removeWidget(w)
            w.deleteLater()
        self._step_widgets = []
        if view is None:
            self.read_button.setEnabled(False)
            return
        item = view.item
        self.heading.setText(self.tr("Assessment {id}").format(id=item.assessment_id))
        when = _date(view)
        missing = self.tr("This assessment is not in this workstation's list (bundle {bundle})")
        self.assessment.setText(self.tr("Assessed on {date}").format(date=when) if when
                                else missing.format(bundle=item.bundle_id))
        self.checklist.setText(self.tr("Checklist: {title}").format(title=view.checklist_title))
        self.decision.setText(self.tr("The panel's decision: {decision}").format(
            decision=self.decision_words(item.decision)))
        set_tone(self.decision, DECISION_TONES.get(item.decision, ""))
        self.cycle.setText(self.tr("Moderation cycle: {cycle}").format(cycle=item.cycle))
        self.comment.setText(self.tr("The panel's comment: {comment}").format(comment=item.comment)
                             if item.comment.strip() else self.tr("The panel left no comment."))
        differ = self.tr("%n step(s) where the moderator's result differs from the assessor's:", "",
                         len(item.steps))
        self.steps_title.setText(differ if item.steps else self.tr(
            "The moderator's result agrees with the assessor's at every step."))
        for difference in item.steps:
            frame = QFrame(objectName="difference")
            lines = QVBoxLayout(frame)
            title = view.step_titles.get(difference.step, "")
            heading = f"{difference.step}  {title}".strip()
            if difference.critical:
                heading = self.tr("{step} (critical step)").format(step=heading)
            ours = self.tr("Assessor's result: {result}").format(result=label(difference.assessor_result))
            theirs = self.tr("Moderator's result: {result}").format(result=label(difference.moderator_result))
            for text in (heading, ours, theirs, self.tr("Reason: {reason}").format(reason=difference.reason)):
                lines.addWidget(_text(text))
            frame.setAccessibleName(heading)
            self.steps_box.addWidget(frame)
            self._step_widgets.append(frame)
        self.read_button.setEnabled(not item.read)
        self.scroll.verticalScrollBar().setValue(0)

    def _mark_read(self) -> None:
        view = self._current()
        if view is not None and not view.item.read and self.read_button.isEnabled():
            self.read_button.setEnabled(False)
            self.read_requested.emit(view.item.provider_key_id, view.item.feedback_id)


def _date(view: FeedbackView) -> str:
    from assessor_app.i18n.formatting import format_date

    return format_date(view.assessment_date, window_language()) if view.assessment_date else ""
