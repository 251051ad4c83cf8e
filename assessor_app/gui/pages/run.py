"""Run: the step list, the current step with its readings, data, photos and questions, who did
it, and Pass / Fail / N/A / Hazard found."""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
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
from shiboken6 import isValid

from assessor_app.core.engine import (
    AddNote,
    RecordMeasurement,
    RecordResult,
    StartStep,
)
from assessor_app.gui.bad_input import parse_quantity, quantity_problem
from assessor_app.gui.diagnostics import DiagnosticsPanel
from assessor_app.gui.keys import CONTROLS, KeyGuard, first_enabled, screen_order, set_tab_order
from assessor_app.gui.labels import label
from assessor_app.gui.pages.step_inputs import InstrumentRow, StepInputs
from assessor_app.gui.run_views import MeasurementView, RunSnapshot, TimingView, progress
from assessor_app.gui.theme import STATUS_MARK, keep_words
from assessor_app.gui.translator import window_language
from assessor_app.gui.video import VideoPanel
from assessor_app.gui.widgets import QuietLabel, WrappingComboBox, keep_hints
from assessor_app.i18n import format_duration, format_range

#: The width the step list's column starts with (the trainer can drag the divider).
STEP_COLUMN_PX = 440
#: A reading as typed, with its unit: the room a reading's field keeps however long its name.
READING_SAMPLE = "1000,0 MΩ"


def range_text(m: MeasurementView) -> str:
    """The pass range as the window's language writes numbers (``0,5 – 1 V``), as the PDF writes it."""
    return format_range(m.low, m.high, m.unit, m.magnitude, window_language()) or m.unit


def parse_reading(text: str, default_unit: str) -> tuple[float, str] | None:
    """``0,4`` or ``0.4 V`` or ``500 kΩ`` -> (value, unit); None when it is not a finite number."""
    parsed = parse_quantity(text, default_unit)
    return parsed if parsed is not None and math.isfinite(parsed[0]) else None


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
        self.progress = QLabel(objectName="progress", wordWrap=True)  # "Step 12 of 22", and what is left
        self.progress.setAccessibleName(self.tr("Progress"))
        self._review_offered: str | None = None  # the assessment whose steps all have a result
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
        self.person = WrappingComboBox(min_chars=18)  # a long name wraps, never cut
        self.person.setAccessibleName(self.tr("Done by"))
        self.review_button = QPushButton(self.tr("Review (R)"))
        self.instrument = InstrumentRow()
        self.inputs = StepInputs()
        self._edits: dict[str, QLineEdit] = {}
        self._verdicts: dict[str, QLabel] = {}
        self._typed: dict[tuple[str, str, str], str] = {}  # readings typed, not yet recorded
        self._people_key: tuple[object, ...] = ()
        self._lapse_asked = False
        self._person_step: tuple[str, str] | None = None
        self._shown_step: tuple[str, str] | None = None
        self._rows_key: tuple[object, ...] = ()
        self._recording: tuple[str, MeasurementView] | None = None  # a reading sent, as it was before
        #: When a wait ends or a time window closes: a sound (this callable) and a visible cue.
        self.beep: Callable[[], None] = QApplication.beep
        self.sound_on_wait_end = True
        self._cue: tuple[str, str, str] | None = None  # (text, object name, step): until another step
        self._signalled: set[tuple[str, str, int]] = set()  # (kind, label, due_us) already announced
        self._refresh_asked = False
        self._timed_refusal: str | None = None  # a refusal for a wait or window: told by its countdown

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
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls, not their frame
        self.scroll = scroll

        detail = QWidget()
        right = QVBoxLayout(detail)
        for w in (self.banner, self.title, self.progress, self.wait):
            right.addWidget(w)
        right.addWidget(scroll, 1)
        right.addWidget(self.refusal)
        # a note on the step (kept apart from the result); then what goes with the result: its
        # reason and who did the step, above the result buttons (two rows: a translated reason's
        # hint, a note's and the hazard button's words do not fit in one row at 1366 px)
        note_row = QHBoxLayout()
        note_row.addWidget(self.note, 1)
        note_row.addWidget(self.note_button)
        note_row.addWidget(self.hazard_button)
        right.addLayout(note_row)
        who = QHBoxLayout()
        who.addWidget(self.reason, 1)
        who.addWidget(QLabel(self.tr("Done by")))
        who.addWidget(self.person)  # as wide as the chosen person's words where the row has room
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
        # Enter in a text field never records a result: the reason hands over to the result buttons
        self.reason.returnPressed.connect(lambda: self._focus_results(from_reason=True))
        self.instrument.instrument.returnPressed.connect(self.instrument.range.setFocus)
        self.instrument.range.returnPressed.connect(lambda: self._focus(self._first_empty_reading()))
        self.review_button.clicked.connect(self.review_requested)
        # Text fields, focused buttons and open lists keep their keys (KeyGuard): these act only
        # where no text is typed. Space passes only on the Pass button or where nothing takes input.
        self.guard = KeyGuard(self, self._leave_field)
        for keys, slot, repeat in (
            (("Space",), self._pass_key, False), (("Return", "Enter"), self._enter_key, False),
            (("F",), lambda: self._result("fail"), False), (("N",), lambda: self._result("na"), False),
            (("H",), lambda: self._result("hazard"), False), (("P",), self.inputs.take_photo, False),
            (("S",), self._start, False), (("R",), self.review_requested.emit, False),
            (("Down",), lambda: self._move(1), True), (("Up",), lambda: self._move(-1), True),
        ):
            for key in keys:
                shortcut = QShortcut(QKeySequence(key), self)
                shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                shortcut.setAutoRepeat(repeat)  # a held key records once
                shortcut.activated.connect(slot)
        self.timer = QTimer(self)
        self.timer.setInterval(250)
        self.timer.timeout.connect(self._tick)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        keep_words(self.start_button, self.pass_button, self.fail_button, self.na_button, self.hazard_button,
                   self.diagnostics.snapshot_button, self.diagnostics.condition_button)
        keep_hints(self.reason, self.note)
        if not event.spontaneous():  # the page is shown (not the window restored): arrive at the step
            self._order_tabs()
            self._arrive()

    # ------------------------------------------------------------------ showing
    @property
    def current_step(self) -> str | None:
        item = self.steps.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def show_snapshot(self, snap: RunSnapshot, move_to_next: bool = False) -> None:
        keep = self.current_step
        self._timings_ended(self.snapshot, snap)
        self.snapshot = snap
        self._lapse_asked = False
        self._refresh_asked = False
        self._timed_refusal = None
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
        if self._recording is not None:  # kept until the snapshot that holds the reading, or a refusal
            if self.current_step != keep or self._focus_after(*self._recording):
                self._recording = None
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
        self._show_progress(snap, step_id)
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
        arrived = (snap.assessment_id, step_id) != self._shown_step
        self._build_measurements(step_id, snap.measurements.get(step_id, []))
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
        if arrived:  # another step: from its top, no reason yet
            self._shown_step = (snap.assessment_id, step_id)
            self.scroll.verticalScrollBar().setValue(0)
            self.reason.clear()
            if self._cue is not None and self._cue[2] != step_id:  # kept on the step it speaks of
                self._cue = None
        self.instrument.show_step(snap, step_id, editable=editable)
        self.inputs.show_step(snap, step_id, editable=editable)
        self.note_button.setEnabled(not snap.read_only)
        if arrived:
            self._order_tabs()
            self._arrive()
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

    def _build_measurements(self, step_id: str, rows: list[MeasurementView]) -> None:
        key = (self.snapshot.assessment_id if self.snapshot else "", step_id, tuple(m.id for m in rows))
        if key == self._rows_key:  # the same readings: what is being typed stays, and the focus
            for m in rows:
                self._check_reading(m)  # the verdict, or the problem with what is typed until fixed
            return
        self._rows_key = key
        while self.measure_grid.count():
            w = self.measure_grid.takeAt(0).widget()
            if w is not None:
                w.hide()  # out of the tab order now, not when Qt deletes it
                w.deleteLater()
        self._edits.clear()
        self._verdicts.clear()
        for i, m in enumerate(rows):
            edit = QLineEdit(placeholderText=m.unit)
            edit.setAccessibleName(m.label)
            edit.returnPressed.connect(lambda mid=m.id: self._record(mid))
            record = QPushButton(self.tr("Record"))
            record.clicked.connect(lambda _=False, mid=m.id: self._record(mid))
            verdict = QLabel(self._verdict_text(m), wordWrap=True)
            edit.setText(self._typed.get(self._reading_key(m.id), ""))  # a refresh keeps what is typed
            edit.textChanged.connect(lambda _text, mid=m.id: self._check_reading(self._current_view(mid)))
            self.measure_grid.addWidget(QLabel(m.label, wordWrap=True), i, 0)  # a long name wraps
            self.measure_grid.addWidget(edit, i, 1)
            self.measure_grid.addWidget(QLabel(range_text(m)), i, 2)
            self.measure_grid.addWidget(record, i, 3)
            self.measure_grid.addWidget(verdict, i, 4)
            self._edits[m.id] = edit
            self._verdicts[m.id] = verdict
            self._check_reading(m)
        # the reading's name and its verdict wrap; the field keeps room for a reading with its unit
        self.measure_grid.setColumnStretch(0, 3)
        self.measure_grid.setColumnStretch(1, 2)
        self.measure_grid.setColumnStretch(4, 2)
        keep_hints(*self._edits.values(), sample=READING_SAMPLE)
        for i in range(self.measure_grid.count()):
            # shown now, not on the next layout pass, so focus can move to them at once
            widget = self.measure_grid.itemAt(i).widget()
            if widget is not None:
                widget.show()

    def _current_view(self, mid: str) -> MeasurementView | None:
        """The reading ``mid`` of the shown step as the latest snapshot has it."""
        rows = self.snapshot.measurements.get(self.current_step or "", []) if self.snapshot else []
        return next((m for m in rows if m.id == mid), None)

    def _reading_key(self, mid: str) -> tuple[str, str, str]:
        return (self.snapshot.assessment_id if self.snapshot else "", self.current_step or "", mid)

    def _reading_problem(self, m: MeasurementView) -> str | None:
        edit = self._edits.get(m.id)
        if edit is None:
            return None
        return quantity_problem(m.label, edit.text(), m.unit, m.instrument_span, m.span_limit)

    def _check_reading(self, m: MeasurementView | None) -> None:
        """As typed: a reading that cannot be recorded says why beside it, naming it, until fixed."""
        if m is None:
            return
        edit, verdict = self._edits.get(m.id), self._verdicts.get(m.id)
        if edit is None or verdict is None:
            return
        key = self._reading_key(m.id)
        if edit.text().strip():
            self._typed[key] = edit.text()
        else:
            self._typed.pop(key, None)
        problem = self._reading_problem(m)
        verdict.setObjectName("refusal" if problem else "")
        verdict.setText(problem or self._verdict_text(m))
        verdict.style().unpolish(verdict)
        verdict.style().polish(verdict)

    def _focus_after(self, mid: str, before: MeasurementView) -> bool:
        """After Enter in a reading, once the snapshot holds it (True): on to the next reading still
        to take, else to the result buttons; out of range, the focus stays (gloved hands: no mouse).
        Until then (False) the typed text and the focus stay."""
        rows = self.snapshot.measurements.get(self.current_step or "", []) if self.snapshot else []
        ids = [m.id for m in rows]
        now = rows[ids.index(mid)] if mid in ids else None
        if now is None or now == before:
            return False
        self._edits[mid].clear()  # recorded: the verdict shows it; Enter again records nothing twice
        if now.in_range is False:
            self._focus(self._edits[mid])
            return True
        later = [m for m in rows[ids.index(mid) + 1:] if m.in_range is not True]
        after = self._edits[later[0].id] if later else self._first_empty_reading()
        self._focus(after or self._result_focus())
        return True

    def _verdict_text(self, m: MeasurementView) -> str:
        if m.in_range is None:
            return ""
        mark = self.tr("in range ✔") if m.in_range else self.tr("OUT OF RANGE ✘")
        return f"{m.entered} – {mark}"

    # ------------------------------------------------------------------ waits and time windows
    def _left(self, t: TimingView) -> float:
        """Seconds left of ``t`` now: the snapshot's figure, counted down on this clock."""
        snap = self.snapshot
        return t.left_s - (time.monotonic() - snap.taken_monotonic) if snap is not None else t.left_s

    def _timing_text(self, t: TimingView) -> str:
        left = self._left(t)
        if left > 0:
            return self.tr("{what}: {time} left").format(
                what=t.label, time=format_duration(left, window_language()))
        if t.kind == "window":
            return self.tr("{what} closed").format(what=t.label)
        return self.tr("{what} over").format(what=t.label)

    def _tick(self) -> None:
        snap, step_id = self.snapshot, self.current_step
        if snap is None or step_id is None:
            self.wait.clear()
            return
        elapsed = time.monotonic() - snap.taken_monotonic
        if snap.next_lapse_s is not None and elapsed > snap.next_lapse_s and not self._lapse_asked:
            self._lapse_asked = True  # a time window has lapsed since: the redo is offered
            self.refresh_requested.emit()
        ended = [t for t in snap.timings if t.left_s > 0 >= self._left(t)]
        for t in ended:
            self._announce(t)
        if ended and not self._refresh_asked:
            self._refresh_asked = True  # once per snapshot: the next one says what the rules say now
            self.refresh_requested.emit()
        shown = [t for t in snap.timings if t.step == step_id]
        lines = [self._timing_text(t) for t in shown]
        closed = any(t.kind == "window" and self._left(t) <= 0 for t in shown)
        name = "refusal" if closed else "wait"
        if self._cue is not None:  # what just ended, and what still runs
            lines = [self._cue[0]] + [self._timing_text(t) for t in shown if self._left(t) > 0]
            name = self._cue[1]
        self._show_wait("\n".join(lines), name)
        if self._timed_refusal is not None:
            told = [self._timing_text(t) for t in shown if t.kind == self._timed_refusal]
            self.refusal.setText("\n".join(told))

    def _show_wait(self, text: str, name: str) -> None:
        if self.wait.objectName() != name:
            self.wait.setObjectName(name)
            self.wait.style().unpolish(self.wait)
            self.wait.style().polish(self.wait)
        if self.wait.text() != text:
            self.wait.setText(text)

    def _announce(self, t: TimingView) -> None:
        """A wait has ended or a window has closed: a sound and a cue that stays until a step other
        than the one it speaks of is shown.

        One wait may hold back several steps (the discharge wait: the dead test and what follows):
        it is announced once, for the first of them."""
        key = (t.kind, t.label, t.due_us)
        if key in self._signalled:
            return
        self._signalled.add(key)
        if t.kind == "window":
            self._cue = (self.tr("{what} closed for step {step}: do the sequence again or record a fail")
                         .format(what=t.label, step=t.step), "refusal", t.step)
        else:
            self._cue = (self.tr("{what} over: step {step} can be done now")
                         .format(what=t.label, step=t.step), "ok", t.step)
        if self.sound_on_wait_end:
            self.beep()

    def _timings_ended(self, before: RunSnapshot | None, after: RunSnapshot) -> None:
        """Waits and windows running in ``before`` that ``after`` shows ended (between two ticks)."""
        if before is None or before.assessment_id != after.assessment_id:
            return
        still = {(t.kind, t.step, t.due_us) for t in after.timings if t.left_s > 0}
        done = {v.id for v in after.views if v.status not in ("pending", "allowed", "blocked", "failed")}
        for t in before.timings:
            key = (t.kind, t.step, t.due_us)
            if t.left_s > 0 and key not in still and t.step not in done and t.due_us <= after.t_us:
                self._announce(t)

    # ------------------------------------------------------------------ acting
    def show_refusal(self, reason: str, rule: str = "") -> None:
        """Why an action was refused; a wait or a time window is told by the countdown's own figure."""
        self._recording = None  # a reading refused: its text and the focus stay where they are
        kind = {"min_wait": "wait", "max_window": "window"}.get(rule)
        step = self.current_step
        if kind is not None and self.snapshot is not None and any(
                t.kind == kind and t.step == step for t in self.snapshot.timings):
            self._timed_refusal = kind
            self._tick()
            return
        self.refusal.setText(reason)

    def _move(self, delta: int) -> None:
        row = self.steps.currentRow() + delta
        if 0 <= row < self.steps.count():
            self.steps.setCurrentRow(row)

    def _pass_key(self) -> None:
        """Space where no button, field or list of its own has the focus (the step list): Pass.

        A focused button, text field or drop-down keeps Space for itself (KeyGuard), so this runs
        only where Space has no other meaning."""
        focus = QApplication.focusWidget()
        if focus is None or focus is self.steps or not isinstance(focus, CONTROLS):
            self._result("pass")

    def _enter_key(self) -> None:
        """Enter on the step list (or where nothing takes input): into the step, where its next input goes."""
        focus = QApplication.focusWidget()
        if focus is None or focus is self.steps or not isinstance(focus, CONTROLS):
            self._focus(self.arrival_focus())

    # ------------------------------------------------------------------ focus
    def _focus(self, widget: QWidget | None) -> None:
        if widget is None:
            return
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        if self.scroll.widget().isAncestorOf(widget):
            # a field with the focus is one the trainer can see: scrolled to once laid out
            QTimer.singleShot(0, self, lambda: isValid(widget) and self.scroll.ensureWidgetVisible(widget))

    def _arrive(self) -> None:
        """Focus where the step's next input goes; on a page not shown, when it is (showEvent)."""
        if self.isVisible():
            self._focus(self.arrival_focus())

    def arrival_focus(self) -> QWidget:
        """Where the shown step's next input goes: the instrument when a reading needs one, the
        first empty reading, the first required field or question not recorded, else the result
        buttons."""
        snap, step = self.snapshot, self.current_step
        if snap is None or step is None:
            return self.steps
        if not self.pass_button.isEnabled():  # nothing to do here: the review once every step is done
            done = snap.review is not None and not snap.read_only and progress(snap, step).steps_done
            return self.review_button if done else self.steps
        instrument = self.instrument.instrument
        if instrument.isVisibleTo(self) and not instrument.text().strip() and any(
                m.instrument and m.in_range is None for m in snap.measurements.get(step, [])):
            return instrument
        return (self._first_empty_reading() or self.inputs.first_to_fill(self)
                or self._result_focus())

    def _first_empty_reading(self) -> QWidget | None:
        rows = self.snapshot.measurements.get(self.current_step or "", []) if self.snapshot else []
        return first_enabled(self, (self._edits.get(m.id) for m in rows if m.in_range is None))

    def _result_focus(self, from_reason: bool = False) -> QWidget:
        """The result button the focus goes to. A typed reason is for a fail or an N/A (never a pass),
        so from the reason field the focus goes to N/A where the step allows it, else Fail; a step
        locked into its hazard stop offers the hazard stop first."""
        snap, step = self.snapshot, self.current_step
        work = snap.work.get(step) if snap is not None and step is not None else None
        locked = self.hazard_button if work is not None and work.hazard_lock else None
        if from_reason and self.reason.text().strip():
            order = [locked, self.na_button, self.fail_button]
        else:
            order = [locked, self.pass_button, self.fail_button, self.na_button]
        return first_enabled(self, order) or self.steps

    def _focus_results(self, from_reason: bool = False) -> None:
        self._focus(self._result_focus(from_reason))

    def _leave_field(self, field: QWidget) -> None:
        """Esc in a text field: out of it, to the result buttons."""
        self._focus_results(from_reason=field is self.reason)

    def _order_tabs(self) -> None:
        """Tab follows the screen: the left column (camera, diagnostics, steps), then the step."""
        set_tab_order(screen_order(self))

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
        problem = self._reading_problem(m)
        if reading is None or problem:
            self.refusal.setText(problem or self.tr("{label}: enter a number, e.g. 0.4 or 0.4 {unit}").format(
                label=m.label, unit=m.unit))
            return
        self._typed.pop(self._reading_key(mid), None)  # sent: the snapshot that comes back shows it
        instrument, range_label = self.instrument.values() if m.instrument else (None, None)
        self._recording = (mid, m)
        self.action_requested.emit(RecordMeasurement(step, mid, reading[0], reading[1], instrument=instrument,
                                                     range_label=range_label))

    def _add_note(self) -> None:
        text = self.note.text().strip()
        if text:
            self.action_requested.emit(AddNote(text, self.current_step))
            self.note.clear()

    # ------------------------------------------------------------------ progress
    def _show_progress(self, snap: RunSnapshot, step_id: str) -> None:
        """"Step 12 of 22" with the counts; once every step has a result (or the task stopped), what is
        left before finishing, and the review offered (focus on Review, once)."""
        p = progress(snap, step_id)
        text = self.tr("Step {n} of {total} · passed {passed} · failed {failed} · remaining {remaining}")
        text = text.format(n=p.position, total=p.total, passed=p.passed, failed=p.failed,
                           remaining=p.remaining)
        if p.na:
            text += " · " + self.tr("N/A {count}").format(count=p.na)
        if p.hazard:
            text += " · " + self.tr("hazard stop {count}").format(count=p.hazard)
        if p.steps_done and snap.review is not None and not snap.read_only:
            left = self.left_text(snap)
            head = (self.tr("The task is stopped.") if snap.phase == "stopped"
                    else self.tr("Every step has a result."))
            text += "\n" + (self.tr("{head} Left before finishing: {left}. Go to the review (R).").format(
                head=head, left=left) if left else
                self.tr("{head} Nothing is left but finishing: go to the review (R).").format(head=head))
            if self._review_offered != snap.assessment_id:
                self._review_offered = snap.assessment_id
                self.review_button.setFocus()
        self.progress.setText(text)

    def left_text(self, snap: RunSnapshot) -> str:
        """What is left before finishing, in words: rubric scores, the identity check, sign-offs."""
        parts = []
        for what, items in (snap.review.left if snap.review is not None else ()):
            if what == "steps":
                parts.append(self.tr("steps {steps}").format(steps=", ".join(items)))
            elif what == "rubric":
                parts.append(self.tr("rubric scores ({criteria})").format(criteria=", ".join(items)))
            elif what == "identity":
                parts.append(self.tr("the identity check"))
            elif what == "signoffs":
                parts.append(self.tr("sign-offs ({roles})").format(roles=", ".join(label(r) for r in items)))
        return "; ".join(parts)
