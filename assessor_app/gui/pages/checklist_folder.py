"""Settings: the data folder's own checklist folder, and what was read from it at start."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

from assessor_app.core.specs.library import FolderReport
from assessor_app.core.specs.loader import problem_lines


class ChecklistFolderBox(QGroupBox):
    """Where a training provider's checklists go, and how many were loaded from there (with problems)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Checklists from the training provider"), parent)
        self.path = QLabel(wordWrap=True)
        self.path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.path.setAccessibleName(self.tr("Checklist folder"))
        self.loaded = QLabel(wordWrap=True)
        self.loaded.setAccessibleName(self.tr("Checklists loaded from the folder"))
        self.problems = QPlainTextEdit(readOnly=True)
        self.problems.setAccessibleName(self.tr("Problems in the checklist folder"))
        self.problems.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.problems.setMaximumHeight(96)
        self.problems.setVisible(False)
        note = QLabel(self.tr(
            "Checklist and parameter-set files put in this folder are read when the app starts, besides "
            "the shipped ones. The newest version of a checklist is offered for new assessments; an "
            "assessment already started always keeps the exact version it started with."), wordWrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.path)
        layout.addWidget(self.loaded)
        layout.addWidget(self.problems)
        layout.addWidget(note)

    def show_report(self, folder: str, report: FolderReport | None) -> None:
        """``folder``'s path, and what was read from it at start (None: it was not read)."""
        self.path.setText(self.tr("Folder: {path}").format(path=folder))
        if report is None:
            self.loaded.setText(self.tr("Not read at this start."))
        elif not report.exists:
            self.loaded.setText(self.tr("The folder does not exist: nothing was read from it."))
        else:
            names = ", ".join(f"{i} {v}" for i, v in [*report.checklists, *report.parameter_sets])
            self.loaded.setText(
                self.tr("Read at start: {checklists} checklist(s), {sets} parameter set(s), {problems} "
                        "problem(s).").format(checklists=len(report.checklists),
                                              sets=len(report.parameter_sets), problems=len(report.problems))
                + (f"\n{names}" if names else ""))
        lines = problem_lines(report.problems) if report is not None else []
        self.problems.setPlainText("\n".join(lines))
        self.problems.setVisible(bool(lines))
