"""Run: the step list, the current step with its readings, data, photos and questions, who did
it, and Pass / Fail / N/A / Hazard found."""

from __future__ import annotations

import time
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from assessor_app.core.clock import format_duration
from assessor_app.core.engine import (
    AddNote,
    RecordMeasurement,
    RecordResult,
    StartStep,
)
from assessor_app.gui.diagnostics import DiagnosticsPanel
from assessor_app.gui.labels import label
from assessor_app.gui.pages.step_inputs import InstrumentRow, StepInputs
from assessor_app.gui.run_controller import MeasurementView, RunSnapshot
from assessor_app.gui.theme import STATUS_MARK, keep_words
from assessor_app.gui.video import VideoPanel
from assessor_app.gui.widgets import QuietLabel

#: The width the step list's column starts with (the trainer can drag the divider).
STEP_COLUMN_PX = 440


def range_text(m: MeasurementView) -> str:
    prefix = "|x| " if m.magnitude else ""
    if m.low is not None and m.high is not None:
        return f"{prefix}{m.low:g} – {m.high:g} {m.unit}"
    if m.high is not None:
        return f"{prefix}≤ {m.high:g} {m.unit}"
    if m.low is not None:
        return f"{prefix}≥ {m.low:g} {m.unit}"
    return m.unit


def parse_reading(text: str, default_unit: str) -> tuple[float, str] | None:
    """``0,4`` or ``0.4 V`` or ``500 kΩ`` -> (value, unit); None when it is not a number."""
    parts = text.strip().replace(",", ".").split(maxsplit=1)
    if not parts:
        return None
    try:
        value = float(parts[0])
    except ValueError:
        return None
    return value, (parts[1].strip() if len(parts) > 1 else default_unit)


class RunPage(QWidget):
    action_requested = Signal(object)  # an engine Action
    photo_requested = Signal(str)  # step id: a photo through the assessment camera
    photo_file_requested = Signal(str, str)  # step id, the picture file to import
    review_requested = Signal()
    refresh_requested = Signal()
    step_shown = Signal(object, str)  # RunSnapshot, step id: the step the trainer looks at

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.snapshot: RunSnapshot | None = None
        self.steps = QListWidget()
        self.steps.setAccessibleName(self.tr("Steps"))
        self.steps.setWordWrap(True)  # whole step titles, never cut off
        self.steps.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.banner = QuietLabel(objectName="refusal", wordWrap=True)
        self.title = QLabel(objectName="outcome", wordWrap=True)
        self.risk = QLabel()
        self.instructions = QLabel(wordWrap=True)
        self.criterion = QLabel(wordWrap=True)
        self.wait = QuietLabel(objectName="wait")
        self.refusal = QuietLabel(objectName="refusal", wordWrap=True)
        self.measure_grid = QGridLayout()
        self.reason = QLineEdit(placeholderText=self.tr("Reason (needed for N/A; useful for a fail)"))
        self.reason.setAccessibleName(self.tr("Reason"))
        self.note = QLineEdit(placeholderText=self.tr("Note on this step"))
        self.note.setAccessibleName(self.tr("Note"))
        self.note_button = QPushButton(self.tr("Add note"))
        self.start_button = QPushButton(self.tr("Start step (S)"))
        self.pass_button = QPushButton(self.tr("Pass (Space)"), objectName="pass")
        self.fail_button = QPushButton(self.tr("Fail (F)"), objectName="fail")
        self.na_button = QPushButton(self.tr("N/A (N)"), objectName="na")
        self.hazard_button = QPushButton(self.tr("Hazard found, stopped (H)"), objectName="hazard")
        self.hazard_button.setAccessibleName(self.tr("Hazard found, correctly stopped"))
        self.hazard_text = QuietLabel(objectName="hazardText", wordWrap=True)
        self.person = QComboBox()
        self.person.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.person.setMinimumContentsLength(18)
        self.person.setAccessibleName(self.tr("Done by"))
        self.review_button = QPushButton(self.tr("Review (R)"))
        self.instrument = InstrumentRow()
        self.inputs = StepInputs()
        self._edits: dict[str, QLineEdit] = {}
        self._verdicts: dict[str, QLabel] = {}
        self._people_key: tuple[object, ...] = ()
        self._lapse_asked = False
        self._person_step: tuple[str, str] | None = None
        self._shown_step: tuple[str, str] | None = None

        content = QWidget()
        middle = QVBoxLayout(content)
        middle.setContentsMargins(0, 0, 0, 0)
        for w in (self.risk, self.instructions, self.criterion, self.hazard_text):
            middle.addWidget(w)
        middle.addWidget(self.instrument)
        middle.addLayout(self.measure_grid)
        middle.addWidget(self.inputs)
        middle.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll = scroll

        detail = QWidget()
        right = QVBoxLayout(detail)
        for w in (self.banner, self.title, self.wait):
            right.addWidget(w)
        right.addWidget(scroll, 1)
        right.addWidget(self.refusal)
        note_row = QHBoxLayout()
        note_row.addWidget(self.reason, 1)
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.note_button)
        right.addLayout(note_row)
        who = QHBoxLayout()
        who.addWidget(QLabel(self.tr("Done by")))
        who.addWidget(self.person, 1)
        who.addWidget(self.hazard_button)
        right.addLayout(who)
        buttons = QHBoxLayout()
        for b in (self.start_button, self.pass_button, self.fail_button, self.na_button):
            buttons.addWidget(b)
        right.addLayout(buttons)
        self.video = VideoPanel()
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 0, 0)
        left_column.addWidget(self.video)
        self.diagnostics = DiagnosticsPanel()
        left_column.addWidget(self.diagnostics)
        left_column.addWidget(self.steps, 1)
        left_column.addWidget(self.review_button)
        split = QSplitter()
        split.addWidget(left)
        split.addWidget(detail)
        split.setStretchFactor(1, 2)
        split.setSizes([STEP_COLUMN_PX, 2 * STEP_COLUMN_PX])  # the step list's width: two-line titles
        QVBoxLayout(self).addWidget(split)

        self.steps.currentRowChanged.connect(lambda _row: self._show_current())
        self.pass_button.clicked.connect(lambda: self._result("pass"))
        self.fail_button.clicked.connect(lambda: self._result("fail"))
        self.na_button.clicked.connect(lambda: self._result("na"))
        self.hazard_button.clicked.connect(lambda: self._result("hazard"))
        self.inputs.action_requested.connect(self.action_requested)
        self.inputs.photo_requested.connect(self.photo_requested)
        self.inputs.photo_file_requested.connect(self.photo_file_requested)
        self.start_button.clicked.connect(self._start)
        self.note_button.clicked.connect(self._add_note)
        self.note.returnPressed.connect(self._add_note)
        self.review_button.clicked.connect(self.review_requested)
        for keys, slot in (
            (("Space", "Return", "Enter"), self._pass_key),
            (("F",), lambda: self._result("fail")), (("N",), lambda: self._result("na")),
            (("H",), lambda: self._result("hazard")), (("P",), self.inputs.take_photo),
            (("S",), self._start), (("R",), self.review_requested.emit),
            (("Down",), lambda: self._move(1)), (("Up",), lambda: self._move(-1)),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.activated.connect(slot)
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._tick)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        keep_words(self.start_button, self.pass_button, self.fail_button, self.na_button, self.hazard_button,
                   self.diagnostics.snapshot_button, self.diagnostics.condition_button)

    # ------------------------------------------------------------------ showing
    @property
    def current_step(self) -> str | None:
        item = self.steps.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def show_snapshot(self, snap: RunSnapshot, move_to_next: bool = False) -> None:
        keep = self.current_step
        focused = self.focusWidget()
        typing_in = next((mid for mid, e in self._edits.items() if e is focused), None)
        self.snapshot = snap
        self._lapse_asked = False
        self.steps.blockSignals(True)
        self.steps.clear()
        for v in snap.views:
            item = QListWidgetItem(f"{STATUS_MARK[v.status]}  {v.id}  {v.title}")
            item.setData(Qt.ItemDataRole.UserRole, v.id)
            item.setToolTip(v.reason or label(v.status))
            self.steps.addItem(item)
        self.steps.blockSignals(False)
        target = snap.next_step if (move_to_next or keep is None) else keep
        ids = [v.id for v in snap.views]
        self.steps.setCurrentRow(ids.index(target) if target in ids else 0)
        self.banner.setText(snap.stopped_reason or "")
        self._show_current()
        if typing_in is not None and self.current_step == keep:
            self._focus_after(typing_in)
        if not self.timer.isActive():
            self.timer.start()

    def _show_current(self) -> None:
        snap, step_id = self.snapshot, self.current_step
        if snap is None or step_id is None:
            return
        step = snap.spec.step(step_id)
        view = snap.view(step_id)
        lang = snap.language
        self.step_shown.emit(snap, step_id)
        self.title.setText(f"{step.id}  {step.title.get_text(lang)}")
        self.risk.setText(self.tr("Risk: {risk} · evidence: {evidence}").format(
            risk=label(step.risk), evidence=", ".join(label(e) for e in step.evidence) or "-"))
        self.instructions.setText(step.instructions.get_text(lang) if step.instructions else "")
        self.criterion.setText(
            self.tr("Pass criterion: {c}").format(c=step.pass_criterion.get_text(lang))
            if step.pass_criterion else ""
        )
        # a running wait is shown by the countdown below instead of a fixed sentence
        waiting = view.status == "blocked" and view.wait_s is not None
        self.refusal.setText(view.reason if view.status == "blocked" and not waiting else "")
        self._build_measurements(snap.measurements.get(step_id, []))
        editable = not snap.read_only and snap.phase == "in_progress" and view.status in (
            "allowed", "blocked", "failed")
        for b in (self.pass_button, self.fail_button, self.start_button):
            b.setEnabled(editable)
        self.na_button.setEnabled(editable and step.na_allowed)
        work = snap.work.get(step_id)
        hazard = work.hazard if work is not None else None
        self.hazard_button.setVisible(hazard is not None)
        self.hazard_button.setEnabled(editable and hazard is not None)
        self.hazard_text.setText(self.tr("Hazard stop: {hazard}").format(hazard=hazard) if hazard else "")
        self._show_people(snap, step_id, editable)
        if (snap.assessment_id, step_id) != self._shown_step:  # another step: from its top, no reason yet
            self._shown_step = (snap.assessment_id, step_id)
            self.scroll.verticalScrollBar().setValue(0)
            self.reason.clear()
        self.instrument.show_step(snap, step_id, editable=editable)
        self.inputs.show_step(snap, step_id, editable=editable)
        self.note_button.setEnabled(not snap.read_only)
        self._tick()

    def _show_people(self, snap: RunSnapshot, step_id: str, editable: bool) -> None:
        """Who did the step: the candidate unless the trainer chooses another person of the assessment."""
        people = tuple((p.id, p.role, p.name) for p in snap.people)
        if people != self._people_key:
            self._people_key = people
            self.person.clear()
            for p in snap.people:
                who = f"{p.name} ({p.id})" if p.name else p.id
                self.person.addItem(f"{label(p.role)}: {who}", p.id)
        key = (snap.assessment_id, step_id)
        if key != self._person_step:  # another step: the candidate again
            self._person_step = key
            self.person.setCurrentIndex(0)
        self.person.setEnabled(editable and self.person.count() > 1)

    def _build_measurements(self, rows: list[MeasurementView]) -> None:
        while self.measure_grid.count():
            w = self.measure_grid.takeAt(0).widget()
            if w is not None:
                w.deleteLater()
        self._edits.clear()
        self._verdicts.clear()
        for i, m in enumerate(rows):
            edit = QLineEdit(placeholderText=m.unit)
            edit.setAccessibleName(m.label)
            edit.returnPressed.connect(lambda mid=m.id: self._record(mid))
            record = QPushButton(self.tr("Record"))
            record.clicked.connect(lambda _=False, mid=m.id: self._record(mid))
            verdict = QLabel(self._verdict_text(m))
            self.measure_grid.addWidget(QLabel(m.label), i, 0)
            self.measure_grid.addWidget(edit, i, 1)
            self.measure_grid.addWidget(QLabel(range_text(m)), i, 2)
            self.measure_grid.addWidget(record, i, 3)
            self.measure_grid.addWidget(verdict, i, 4)
            self._edits[m.id] = edit
            self._verdicts[m.id] = verdict
        for i in range(self.measure_grid.count()):
            # shown now, not on the next layout pass, so focus can move to them at once
            widget = self.measure_grid.itemAt(i).widget()
            if widget is not None:
                widget.show()

    def _focus_after(self, mid: str) -> None:
        """After a reading, go on to the next one still to take (gloved hands: no mouse)."""
        rows = self.snapshot.measurements.get(self.current_step or "", []) if self.snapshot else []
        ids = [m.id for m in rows]
        later = rows[ids.index(mid) + 1:] if mid in ids else []
        todo = [m for m in rows if m.id == mid and m.in_range is False] or [
            m for m in later if m.in_range is not True]
        if todo:
            self._edits[todo[0].id].setFocus()
        else:
            self.steps.setFocus()

    def _verdict_text(self, m: MeasurementView) -> str:
        if m.in_range is None:
            return ""
        mark = self.tr("in range ✔") if m.in_range else self.tr("OUT OF RANGE ✘")
        return f"{m.entered} – {mark}"

    def _tick(self) -> None:
        snap, step_id = self.snapshot, self.current_step
        if snap is None or step_id is None:
            self.wait.clear()
            return
        view = snap.view(step_id)
        elapsed = time.monotonic() - snap.taken_monotonic
        if snap.next_lapse_s is not None and elapsed > snap.next_lapse_s and not self._lapse_asked:
            self._lapse_asked = True  # a time window has lapsed since: the redo is offered
            self.refresh_requested.emit()
        if view.wait_s is None or view.status != "blocked":
            self.wait.clear()
            return
        left = view.wait_s - (time.monotonic() - snap.taken_monotonic)
        if left <= 0:
            self.wait.setText(self.tr("Wait over"))
            self.refresh_requested.emit()
        else:
            what = (view.reason or "").split(":")[0]
            self.wait.setText(self.tr("{what}: {time} left").format(what=what, time=format_duration(left)))

    # ------------------------------------------------------------------ acting
    def show_refusal(self, reason: str) -> None:
        self.refusal.setText(reason)

    def _move(self, delta: int) -> None:
        row = self.steps.currentRow() + delta
        if 0 <= row < self.steps.count():
            self.steps.setCurrentRow(row)

    def _pass_key(self) -> None:
        focus = self.focusWidget()
        for mid, edit in self._edits.items():
            if edit is focus:
                self._record(mid)
                return
        if focus is self.note:
            return
        if self.inputs.fields.holds(focus):
            self.inputs.fields.record()
            return
        if isinstance(focus, QLineEdit) and self.isAncestorOf(focus) and focus is not self.reason:
            return  # an answer, a note, the instrument: Enter there is no result
        if isinstance(focus, QAbstractButton) and focus is not self.pass_button and self.isAncestorOf(focus):
            focus.click()  # a focused button does what its label says
            return
        if isinstance(focus, QComboBox) and self.isAncestorOf(focus):
            focus.showPopup()  # a focused list opens, as Space does there
            return
        self._result("pass")

    def _result(self, result: str) -> None:
        step = self.current_step
        if step is None or not self.pass_button.isEnabled():
            return
        if result == "na" and not self.na_button.isEnabled():
            return
        if result == "hazard" and not self.hazard_button.isEnabled():
            return
        person = self.person.currentData() if result != "na" else None
        # the reason stays until another step is shown: a refused result keeps what was typed
        self.action_requested.emit(RecordResult(step, result, self.reason.text().strip(),  # type: ignore[arg-type]
                                                person=person or None))

    def _start(self) -> None:
        if self.current_step and self.start_button.isEnabled():
            self.action_requested.emit(StartStep(self.current_step))

    def _record(self, mid: str) -> None:
        snap, step = self.snapshot, self.current_step
        if snap is None or step is None:
            return
        m = next(x for x in snap.measurements[step] if x.id == mid)
        reading = parse_reading(self._edits[mid].text(), m.unit)
        if reading is None:
            self.refusal.setText(self.tr("{label}: enter a number, e.g. 0.4 or 0.4 {unit}").format(
                label=m.label, unit=m.unit))
            return
        instrument, range_label = self.instrument.values() if m.instrument else (None, None)
        self.action_requested.emit(RecordMeasurement(step, mid, reading[0], reading[1], instrument=instrument,
                                                     range_label=range_label))

    def _add_note(self) -> None:
        text = self.note.text().strip()
        if text:
            self.action_requested.emit(AddNote(text, self.current_step))
            self.note.clear()
