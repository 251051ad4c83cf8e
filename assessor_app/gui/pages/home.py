"""Home: the assessments list with search and filter, one-click resume, and the checklist files
that could not be loaded, with their problems."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assessor_app.gui.keys import KeyGuard, first_enabled, screen_order, set_tab_order
from assessor_app.gui.labels import label

if TYPE_CHECKING:  # not imported at start: the home page is in the first frame, before the store
    from assessor_app.core.specs.loader import Problem
    from assessor_app.storage.store import AssessmentSummary

STATUSES = ("", "in_progress", "finished", "abandoned", "sealed", "synced")


class HomePage(QWidget):
    new_requested = Signal()
    settings_requested = Signal()
    feedback_requested = Signal()
    open_requested = Signal(str)
    filter_changed = Signal(str, str)  # status, search text

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit(placeholderText=self.tr("Search candidate, checklist, VIN, workshop"))
        self.search.setAccessibleName(self.tr("Search assessments"))
        self.status = QComboBox()
        self.status.setAccessibleName(self.tr("Filter by status"))
        labels = {
            "": self.tr("All"), "in_progress": self.tr("In progress"),
            "finished": self.tr("Finished"), "abandoned": self.tr("Abandoned"),
            "sealed": self.tr("Sealed"), "synced": self.tr("Synced"),
        }
        for s in STATUSES:
            self.status.addItem(labels[s], s)
        self.new_button = QPushButton(self.tr("&New assessment"))
        self.resume_button = QPushButton(self.tr("&Resume"))
        self.resume_button.setEnabled(False)
        self.settings_button = QPushButton(self.tr("Se&ttings"))
        self.feedback_button = QPushButton(self.tr("Moderation &feedback"))
        self.feedback_button.setAccessibleName(self.tr("Moderation feedback"))
        self.feedback_count = QLabel(objectName="refusal")  # how many the trainer has not read
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels([
            self.tr("Updated"), self.tr("Status"), self.tr("Outcome"), self.tr("Candidate"),
            self.tr("Checklist"), self.tr("Vehicle"),
        ])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().setDefaultSectionSize(48)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.resume_hint = QLabel()
        self.checklist_problems = QGroupBox(self.tr("Checklists that could not be loaded"))
        self.problems_summary = QLabel(objectName="refusal", wordWrap=True)
        self.problems_text = QPlainTextEdit(readOnly=True)  # selectable, to copy to the provider
        self.problems_text.setAccessibleName(self.tr("Checklist problems"))
        self.problems_text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.problems_text.setMaximumHeight(96)
        self.checklist_problems.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        problems = QVBoxLayout(self.checklist_problems)
        problems.addWidget(self.problems_summary)
        problems.addWidget(self.problems_text)
        self.checklist_problems.setVisible(False)

        bar = QHBoxLayout()
        bar.addWidget(self.search, 3)
        bar.addWidget(self.status, 1)
        bar.addWidget(self.new_button)
        bar.addWidget(self.resume_button)
        bar.addWidget(self.settings_button)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.checklist_problems)
        hints = QHBoxLayout()
        hints.addWidget(self.resume_hint, 1)
        hints.addWidget(self.feedback_count)
        hints.addWidget(self.feedback_button)
        layout.addLayout(hints)
        layout.addWidget(self.table)

        self._ids: list[str] = []
        self._latest_open: str | None = None
        self.new_button.clicked.connect(self.new_requested)
        self.settings_button.clicked.connect(self.settings_requested)
        self.feedback_button.clicked.connect(self.feedback_requested)
        self.resume_button.clicked.connect(self._open_selected)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        self.table.cellDoubleClicked.connect(lambda row, _c: self._open_row(row))
        self.search.textChanged.connect(self._emit_filter)
        self.status.currentIndexChanged.connect(self._emit_filter)
        # keys: Enter on the list opens the chosen assessment; Esc in the search leaves it
        self.guard = KeyGuard(self, lambda _field: self._arrive())
        for key in ("Return", "Enter"):
            open_chosen = QShortcut(QKeySequence(key), self.table)
            open_chosen.setContext(Qt.ShortcutContext.WidgetShortcut)
            open_chosen.setAutoRepeat(False)
            open_chosen.activated.connect(self._open_selected)
        self._arriving = False
        set_tab_order(screen_order(self))

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not event.spontaneous():
            self._arriving = True  # Resume may be offered once the list is read
            self._arrive()

    def _arrive(self) -> None:
        """The focus on the page's main control: Resume when there is something to resume, else New."""
        target = first_enabled(self, (self.resume_button, self.new_button))
        if target is not None and self.isVisible():
            target.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_checklist_problems(self, problems: list[Problem]) -> None:
        """Problems of the checklist files that were not loaded, one ``file:line: field: message`` a
        line, as ``assessor checklist validate`` prints them; nothing shown when there are none."""
        from assessor_app.core.specs.loader import problem_lines

        lines = problem_lines(problems)
        files = len({p.file for p in problems})
        self.problems_summary.setText(self.tr(
            "{n} checklist file(s) could not be loaded and are not offered for new assessments. Correct "
            "them (or ask the training provider for corrected files) and start the app again.").format(
            n=files))
        self.problems_text.setPlainText("\n".join(lines))
        self.checklist_problems.setVisible(bool(lines))

    def show_feedback_count(self, unread: int) -> None:
        """The moderation feedback entry, with how many items the trainer has not read yet."""
        self.feedback_count.setText(self.tr("%n new", "", unread) if unread else "")
        named = self.tr("Moderation feedback: %n new", "", unread)
        self.feedback_button.setAccessibleName(named if unread else self.tr("Moderation feedback"))

    def _emit_filter(self) -> None:
        self.filter_changed.emit(self.status.currentData() or "", self.search.text())

    def show_assessments(self, rows: list[AssessmentSummary]) -> None:
        self._ids = [r.id for r in rows]
        # newest first: with nothing selected, Resume continues the latest interrupted one
        self._latest_open = next((r.id for r in rows if r.status == "in_progress"), None)
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            when = dt.datetime.fromtimestamp(r.updated_wall_us / 1e6).strftime("%Y-%m-%d %H:%M")
            cells = [
                when, label(r.status), label(r.outcome),
                r.candidate_name or r.candidate_id, f"{r.checklist_id} {r.checklist_version}",
                r.vehicle_vin,
            ]
            for j, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, r.id)
                self.table.setItem(i, j, item)
        waiting = sum(r.status == "in_progress" for r in rows)
        self.resume_hint.setText(
            self.tr("%n assessment(s) in progress: select one and press Resume.", "", waiting)
            if waiting else ""
        )
        self._selection_changed()
        if self._arriving:
            self._arriving = False
            if self.focusWidget() in (None, self.new_button):  # nothing chosen by the trainer yet
                self._arrive()

    def _selected_row(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _selection_changed(self) -> None:
        self.resume_button.setEnabled(
            self._selected_row() is not None or self._latest_open is not None)

    def _open_selected(self) -> None:
        row = self._selected_row()
        if row is not None:
            self._open_row(row)
        elif self._latest_open is not None:
            self.open_requested.emit(self._latest_open)

    def _open_row(self, row: int) -> None:
        if 0 <= row < len(self._ids):
            self.open_requested.emit(self._ids[row])
