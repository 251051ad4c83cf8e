"""A step's declared fields as large inputs, each with its check's verdict, and the parsing of what
the trainer typed (numbers with a decimal comma, dates day first as on a test label).

Layout only: the engine checks the values and the snapshot that comes back shows each verdict.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor_app.core.engine import RecordStepData
from assessor_app.core.plausibility import value_problem
from assessor_app.gui.bad_input import value_text
from assessor_app.gui.run_views import FieldView
from assessor_app.gui.translator import window_language
from assessor_app.gui.widgets import WrappingComboBox
from assessor_app.i18n import format_input_number

_DAY_FIRST = re.compile(r"(\d{1,2})[./](\d{1,2})[./](\d{4})")


def parse_number(text: str) -> float | None:
    """``0,4`` or ``1000`` or ``1 000`` -> a number; None when it is not a finite one."""
    cleaned = text.strip().replace(",", ".").replace(" ", "").replace("\u00a0", "")
    try:
        number = float(cleaned)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def parse_date(text: str) -> str | None:
    """``2026-09-01`` or ``1.9.2026`` / ``1/9/2026`` (day first, as on a test label) -> ISO date."""
    text = text.strip()
    try:
        return dt.date.fromisoformat(text).isoformat()
    except ValueError:
        pass
    found = _DAY_FIRST.fullmatch(text)
    if found is None:
        return None
    day, month, year = (int(g) for g in found.groups())
    try:
        return dt.date(year, month, day).isoformat()
    except ValueError:
        return None


class YesNo(QWidget):
    """Two large buttons, Yes and No; neither is pressed until the trainer says."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.yes = QPushButton(self.tr("Yes"), checkable=True)
        self.no = QPushButton(self.tr("No"), checkable=True)
        self.yes.setAccessibleName(self.tr("{field}: yes").format(field=name))
        self.no.setAccessibleName(self.tr("{field}: no").format(field=name))
        # one or the other, by hand: a button group would take Tab from No (as in a radio group),
        # and a gloved trainer tabs to the answer rather than arrowing within a pair
        self.yes.toggled.connect(lambda on: on and self.no.setChecked(False))
        self.no.toggled.connect(lambda on: on and self.yes.setChecked(False))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.yes)
        row.addWidget(self.no)
        row.addStretch(1)

    def value(self) -> bool | None:
        return True if self.yes.isChecked() else False if self.no.isChecked() else None

    def set_value(self, value: Any) -> None:
        if isinstance(value, bool):
            (self.yes if value else self.no).setChecked(True)


class FieldInputs(QGroupBox):
    """The step's declared fields as large inputs, each with its check's verdict, and Record data."""

    record_requested = Signal(object)  # RecordStepData

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Step data"), parent)
        self.grid = QGridLayout()
        self.record_button = QPushButton(self.tr("Record data"))
        self.record_button.setAccessibleName(self.tr("Record the step data"))
        layout = QVBoxLayout(self)
        layout.addLayout(self.grid)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.record_button)
        layout.addLayout(row)
        self.step: str | None = None
        self.inputs: dict[str, QWidget] = {}
        self.verdicts: dict[str, QLabel] = {}
        self._views: dict[str, FieldView] = {}
        self.record_button.clicked.connect(self.record)

    def build(self, step: str, fields: list[FieldView]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # out of the tab order now, not when Qt deletes it
                item.widget().deleteLater()
        self.step = step
        self.inputs.clear()
        self.verdicts.clear()
        self._views = {f.id: f for f in fields}
        for i, f in enumerate(fields):
            name = f.label if f.required else self.tr("{field} (optional)").format(field=f.label)
            caption = QLabel(name, wordWrap=True)
            widget = self._input(f)
            widget.setAccessibleName(f.label)
            verdict = QLabel(wordWrap=True)
            verdict.setAccessibleName(self.tr("{field}: check").format(field=f.label))
            self.grid.addWidget(caption, i, 0)
            self.grid.addWidget(widget, i, 1)
            self.grid.addWidget(verdict, i, 2)
            self.inputs[f.id], self.verdicts[f.id] = widget, verdict
        self.grid.setColumnStretch(0, 2)
        self.grid.setColumnStretch(1, 2)
        self.grid.setColumnStretch(2, 3)
        self.show_verdicts(fields)

    def _input(self, f: FieldView) -> QWidget:
        if f.type == "boolean":
            yes_no = YesNo(f.label)
            yes_no.set_value(f.value)
            return yes_no
        if f.type == "choice":
            combo = WrappingComboBox()  # a long option wraps in its column, never cut
            combo.addItem(self.tr("Choose…"), None)
            for value, text in f.options:
                combo.addItem(text, value)
            if f.value is not None:
                combo.setCurrentIndex(max(0, combo.findData(f.value)))
            return combo
        edit = QLineEdit()
        if f.type == "number":
            edit.setPlaceholderText(f.unit or self.tr("a number"))
            if f.value is not None:
                edit.setText(format_input_number(f.value, window_language()))
        elif f.type == "date":
            edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        if f.value is not None and f.type in ("text", "date"):
            edit.setText(str(f.value))
        edit.returnPressed.connect(self.record)
        if f.type == "number":  # checked as typed: the message stays until the number is fixed
            edit.textChanged.connect(lambda _text: self.show_verdicts(list(self._views.values())))
        return edit

    def number_problem(self, fid: str) -> str | None:
        """Why the number typed in field ``fid`` cannot be recorded (not a finite number, or not
        plausible for its unit), naming the field; None when it can, or nothing is typed."""
        f, widget = self._views.get(fid), self.inputs.get(fid)
        if f is None or f.type != "number" or not isinstance(widget, QLineEdit) or not widget.text().strip():
            return None
        number = parse_number(widget.text())
        if number is None:
            return self.tr("{field}: enter a finite number, e.g. 0.4 or 1000").format(field=f.label)
        problem = value_problem(f.label, number, f.unit, f.plausible)
        return value_text(problem) if problem is not None else None

    def show_verdicts(self, fields: list[FieldView]) -> None:
        for f in fields:
            self._views[f.id] = f
            verdict = self.verdicts.get(f.id)
            if verdict is None:
                continue
            problem = self.number_problem(f.id)
            if problem is not None:
                verdict.setObjectName("refusal")
                verdict.setText(f"✘ {problem}")
            elif f.ok is None:
                verdict.setText("")
            elif f.ok:
                verdict.setObjectName("ok")
                verdict.setText(self.tr("recorded ✔"))
            else:
                verdict.setObjectName("refusal")
                verdict.setText(f"✘ {f.reason}")
            verdict.style().unpolish(verdict)
            verdict.style().polish(verdict)

    def values(self) -> dict[str, Any]:
        """What the trainer entered: empty inputs are left out (not recorded)."""
        values: dict[str, Any] = {}
        for fid, widget in self.inputs.items():
            f = self._views[fid]
            if isinstance(widget, YesNo):
                value: Any = widget.value()
            elif isinstance(widget, QComboBox):
                value = widget.currentData()
            else:
                assert isinstance(widget, QLineEdit)
                text = widget.text().strip()
                if not text:
                    continue
                value = text  # the engine says what is wrong with a value that is not understood
                if f.type == "number":
                    number = parse_number(text)
                    value = text if number is None else number
                elif f.type == "date":
                    value = parse_date(text) or text
            if value is not None:
                values[fid] = value
        return values

    def record(self) -> None:
        if self.step is None or not self.record_button.isEnabled():
            return
        if any(self.number_problem(fid) is not None for fid in self.inputs):
            return  # each such field says why beside it
        self.record_requested.emit(RecordStepData(self.step, self.values()))

    def first_to_fill(self) -> QWidget | None:
        """The input of the first required field not recorded yet (a Yes/No: its Yes)."""
        for fid, widget in self.inputs.items():
            f = self._views[fid]
            if f.required and f.value is None:
                return widget.yes if isinstance(widget, YesNo) else widget
        return None

    def holds(self, widget: QWidget | None) -> bool:
        """Whether ``widget`` is one of the typed inputs (Enter there records the data)."""
        return isinstance(widget, QLineEdit) and any(w is widget for w in self.inputs.values())

    def set_editable(self, editable: bool) -> None:
        for widget in self.inputs.values():
            widget.setEnabled(editable)
        self.record_button.setEnabled(editable)
