"""Review: every step with its result, readings, corrections and evidence (a result can be corrected
here, with a reason); the derived outcome; rubric scores as score buttons with their scale's words;
how the candidate's identity was checked; the sign-offs the checklist asks for; and the end of the
task (Finish, Abandon, Seal), each confirmed after saying what it makes read-only. Once sealed, the
PDF record and the bundle folder open from here. People are shown by name where the window has it."""

from __future__ import annotations

import datetime as dt
import textwrap
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from assessor_app.core.engine import (
    Abandon,
    CorrectResult,
    Finish,
    RecordIdentityCheck,
    ScoreRubric,
    SignOff,
)
from assessor_app.core.engine.actions import IDENTITY_CHECKS
from assessor_app.gui.keys import KeyGuard, first_enabled, screen_order, set_tab_order
from assessor_app.gui.labels import label
from assessor_app.gui.run_views import ReviewStep, RunSnapshot
from assessor_app.gui.theme import STATUS_MARK
from assessor_app.gui.widgets import WrappingComboBox, fit_words_in_columns

ROLES = ("assessor", "candidate", "responsible_person")
RESULTS = ("pass", "fail", "na", "hazard")
#: Missing evidence that the list does not flag (the step is not done, or does not apply).
QUIET_WHY = ("step not done", "not applicable")
#: The longest line of a score button's words (the scale's label), in characters.
SCORE_LINE = 18
#: The height of the list of steps in the review, in pixels (it scrolls on its own).
STEPS_HEIGHT = 320
#: The widths of the list's columns after the step's title: result, done by, readings, evidence.
COLUMN_WIDTHS = (110, 130, 120, 150)
#: The widest the selected step's details and the correction box get beside the list, in pixels.
SIDE_WIDTH = 440


class ConfirmBar(QFrame):
    """Asks before an action that cannot be undone and says what it makes read-only; with a reason
    field where the action needs one. Enter in the reason moves to the confirm button; Enter or
    Space on a focused button presses it; Esc (on the review) cancels."""

    confirmed = Signal(str, str)  # what is confirmed (finish | abandon | seal), the reason typed

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("confirm")
        self.setFrameShape(QFrame.Shape.Box)
        self.text = QLabel(wordWrap=True)
        self.reason = QLineEdit()
        self.reason.setAccessibleName(self.tr("Reason"))
        self.yes = QPushButton()
        self.no = QPushButton(self.tr("Cancel"))
        self.what = ""
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        row = QHBoxLayout()
        row.addWidget(self.reason, 1)
        row.addWidget(self.yes)
        row.addWidget(self.no)
        layout.addLayout(row)
        self.reason.returnPressed.connect(self.yes.setFocus)
        for button in (self.yes, self.no):
            button.installEventFilter(self)
        self.yes.clicked.connect(self._confirm)
        self.no.clicked.connect(self.cancel)
        self.hide()

    def ask(self, what: str, text: str, yes: str, reason: str | None = None) -> None:
        """Ask to confirm ``what``; ``reason``: the reason field's placeholder, when one is needed."""
        self.what = what
        self.text.setText(text)
        self.yes.setText(yes)
        self.yes.setAccessibleName(yes.replace("&", ""))
        self.reason.setVisible(reason is not None)
        self.reason.setPlaceholderText(reason or "")
        self.show()
        (self.reason if reason is not None else self.yes).setFocus()

    def cancel(self) -> None:
        self.what = ""
        self.hide()

    def _confirm(self) -> None:
        what, reason = self.what, self.reason.text().strip() if self.reason.isVisible() else ""
        self.cancel()
        if what:
            self.confirmed.emit(what, reason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """Enter on a focused button presses it (outside a dialog Qt leaves that to Space alone). Only a
        key pressed on the button itself: Enter in the reason field moves focus here and stops there."""
        if (event.type() == QEvent.Type.KeyPress and isinstance(watched, QPushButton)
                and isinstance(event, QKeyEvent) and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)):
            watched.click()
            return True
        return super().eventFilter(watched, event)


class ReviewPage(QWidget):
    action_requested = Signal(object)
    identity_check_requested = Signal(object, str)  # RecordIdentityCheck, the note (identity document)
    back_requested = Signal()
    home_requested = Signal()
    seal_requested = Signal(str)  # the assessor's PIN
    open_requested = Signal(str)  # a file or folder to open with the desktop's own application

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.snapshot: RunSnapshot | None = None
        self.outcome = QLabel(objectName="outcome", wordWrap=True)
        self.people = QLabel(wordWrap=True)
        self.people.setAccessibleName(self.tr("People of the assessment"))
        self.reasons = QLabel(wordWrap=True)
        self.evidence = QLabel(wordWrap=True)
        self.evidence.setAccessibleName(self.tr("Missing or incomplete evidence"))
        self.stopped_safely = QLabel(objectName="hazardText", wordWrap=True)
        self._build_steps()
        self._build_correction()
        self.rubric_box = QGroupBox(self.tr("Behavioural rubric"))
        self.rubric_grid = QGridLayout(self.rubric_box)
        self._scores: dict[str, dict[int, QPushButton]] = {}
        self._score_groups: list[QButtonGroup] = []
        self.identity_method = WrappingComboBox()
        self.identity_method.setAccessibleName(self.tr("How the candidate's identity was checked"))
        self.identity_method.addItem(self.tr("Choose…"), None)
        for method in IDENTITY_CHECKS:
            self.identity_method.addItem(label(method), method)
        self.identity_note = QLineEdit(placeholderText=self.tr("Note, e.g. the kind of document (optional)"))
        self.identity_note.setAccessibleName(self.tr("Identity check note"))
        self.identity_button = QPushButton(self.tr("Record identity check"))
        self.identity_done = QLabel(wordWrap=True)
        self.signers: dict[str, QLineEdit] = {}
        self.sign_buttons: dict[str, QPushButton] = {}
        self.statements: dict[str, QLabel] = {}
        self.signed_by: dict[str, QLabel] = {}
        self.signoff_box = QGroupBox(self.tr("Sign-offs"))
        signoff_grid = QGridLayout(self.signoff_box)
        for i, role in enumerate(ROLES):
            name = QLineEdit(placeholderText=self.tr("Name, typed by the person signing"))
            name.setAccessibleName(self.tr("Name of the {role} signing").format(role=label(role)))
            button = QPushButton(self.tr("Sign off"))
            button.setAccessibleName(self.tr("Sign off as the {role}").format(role=label(role)))
            statement = QLabel(self.statement(role), wordWrap=True)
            done = QLabel(wordWrap=True)
            signoff_grid.addWidget(QLabel(label(role).capitalize()), 2 * i, 0)
            signoff_grid.addWidget(statement, 2 * i, 1, 1, 3)
            signoff_grid.addWidget(name, 2 * i + 1, 1)
            signoff_grid.addWidget(button, 2 * i + 1, 2)
            signoff_grid.addWidget(done, 2 * i + 1, 3)
            name.returnPressed.connect(lambda r=role: self._sign(r))
            button.clicked.connect(lambda _=False, r=role: self._sign(r))
            self.signers[role], self.sign_buttons[role] = name, button
            self.statements[role], self.signed_by[role] = statement, done
        signoff_grid.setColumnStretch(1, 2)
        signoff_grid.setColumnStretch(3, 1)
        self.signer = self.signers["assessor"]  # the assessor's, as before
        self.sign_button = self.sign_buttons["assessor"]
        self.finish_button = QPushButton(self.tr("&Finish assessment"))
        self.abandon_button = QPushButton(self.tr("A&bandon…"))
        self.abandon_button.setAccessibleName(self.tr("Abandon the assessment"))
        self.back_button = QPushButton(self.tr("Back to steps (Esc)"))
        self.home_button = QPushButton(self.tr("Home"))
        self.pin = QLineEdit(placeholderText=self.tr("Assessor's PIN to seal"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("Assessor's PIN"))
        self.seal_button = QPushButton(self.tr("S&eal evidence"))
        self.sealed = QLabel(wordWrap=True)
        self.open_record_button = QPushButton(self.tr("Open the PDF &record"))
        self.open_folder_button = QPushButton(self.tr("Open the bundle f&older"))
        self._sealed_paths = ("", "")  # the bundle folder, the PDF record
        self.message = QLabel(objectName="refusal", wordWrap=True)
        self.confirm = ConfirmBar()
        identity_box = QGroupBox(self.tr("Candidate's identity"))
        identity = QHBoxLayout(identity_box)
        identity.addWidget(self.identity_method, 1)
        identity.addWidget(self.identity_note, 2)
        identity.addWidget(self.identity_button)

        steps_row = QHBoxLayout()
        steps_row.addWidget(self.steps, 3)
        side_widget = QWidget()
        side_widget.setMaximumWidth(SIDE_WIDTH)
        side = QVBoxLayout(side_widget)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(self.detail, 1)
        side.addWidget(self.correction_box)
        steps_row.addWidget(side_widget, 2)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        for w in (self.outcome, self.people, self.stopped_safely, self.reasons):
            inner.addWidget(w)
        inner.addLayout(steps_row)
        for w in (self.evidence, self.rubric_box, identity_box, self.identity_done, self.signoff_box):
            inner.addWidget(w)
        inner.addStretch(1)
        scroll = QScrollArea()  # the whole review scrolls; the actions below stay in view
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls, not their frame
        self.scroll = scroll

        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.confirm)
        seal_row = QHBoxLayout()
        seal_row.addWidget(self.pin, 1)
        seal_row.addWidget(self.seal_button)
        layout.addLayout(seal_row)
        sealed_row = QHBoxLayout()
        sealed_row.addWidget(self.sealed, 1)
        sealed_row.addWidget(self.open_record_button)
        sealed_row.addWidget(self.open_folder_button)
        layout.addLayout(sealed_row)
        buttons = QHBoxLayout()
        for b in (self.back_button, self.home_button, self.abandon_button, self.finish_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        for b in (self.open_record_button, self.open_folder_button):
            b.hide()

        self.identity_button.clicked.connect(self._identity_check)
        back = QShortcut(QKeySequence("Escape"), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self._escape)
        self.finish_button.clicked.connect(self._finish)
        self.abandon_button.clicked.connect(self._abandon)
        self.confirm.confirmed.connect(self._confirmed)
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.seal_button.clicked.connect(self._seal)
        self.pin.returnPressed.connect(self._seal)
        self.open_record_button.clicked.connect(lambda: self.open_requested.emit(self._sealed_paths[1]))
        self.open_folder_button.clicked.connect(lambda: self.open_requested.emit(self._sealed_paths[0]))
        # keys: Esc in a field leaves it (Esc elsewhere goes back, as above); Tab follows the screen
        self.guard = KeyGuard(self, lambda _field: self._focus(self.main_control()))

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not event.spontaneous():  # the rubric and sign-offs are laid out for this assessment by now
            set_tab_order(screen_order(self))
            self._focus(self.arrival_focus())

    def main_control(self) -> QWidget:
        """Finish while the assessment runs, Seal once it is finished, else Back."""
        found = first_enabled(self, (self.finish_button, self.seal_button, self.back_button))
        return found or self.back_button

    def arrival_focus(self) -> QWidget:
        """The first control still to use: the PIN to seal a finished assessment, else the first
        control of the review (the rubric) that can be used."""
        if self.snapshot is not None and self.snapshot.read_only:
            return first_enabled(self, (self.pin,)) or self.main_control()
        return first_enabled(self, screen_order(self.scroll)) or self.main_control()

    def _focus(self, widget: QWidget) -> None:
        if self.isVisible():
            widget.setFocus(Qt.FocusReason.OtherFocusReason)

    # ------------------------------------------------------------------ building
    def _build_steps(self) -> None:
        self.steps = QTableWidget(0, 5)
        self.steps.setAccessibleName(self.tr("Steps and their results"))
        self.steps.setHorizontalHeaderLabels([self.tr("Step"), self.tr("Result"), self.tr("Done by"),
                                              self.tr("Readings"), self.tr("Evidence")])
        self.steps.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.steps.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.steps.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.steps.setWordWrap(True)
        self.steps.verticalHeader().hide()
        self.steps.setMinimumHeight(STEPS_HEIGHT)
        header = self.steps.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the step's title takes the rest
        for column, width in enumerate(COLUMN_WIDTHS, start=1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            header.resizeSection(column, width)
        self.steps.currentCellChanged.connect(lambda *_: self._show_selected())
        self.detail = QLabel(wordWrap=True)
        self.detail.setAccessibleName(self.tr("The selected step"))
        self.detail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.detail.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.detail.setMinimumWidth(300)

    def _build_correction(self) -> None:
        self.correction_box = QGroupBox(self.tr("Correct the result of the selected step"))
        self.result_buttons: dict[str, QPushButton] = {}
        self._result_group = QButtonGroup(self)
        self._result_group.setExclusive(True)
        row = QGridLayout()  # two by two: the words fit beside the list in any language
        for i, result in enumerate(RESULTS):
            button = QPushButton(self.result_word(result), objectName="correction")
            button.setCheckable(True)
            button.setAccessibleName(self.tr("Correct to: {result}").format(result=self.result_word(result)))
            self._result_group.addButton(button)
            self.result_buttons[result] = button
            row.addWidget(button, i // 2, i % 2)
        self.correction_person = WrappingComboBox()
        self.correction_person.setAccessibleName(self.tr("Done by (as corrected)"))
        self.correction_reason = QLineEdit(placeholderText=self.tr("Reason for the correction (required)"))
        self.correction_reason.setAccessibleName(self.tr("Reason for the correction"))
        self.correct_button = QPushButton(self.tr("Record &correction"))
        self.correction_closed = QLabel(wordWrap=True)
        box = QVBoxLayout(self.correction_box)
        box.addLayout(row)
        who = QHBoxLayout()
        who.addWidget(QLabel(self.tr("Done by")))
        who.addWidget(self.correction_person, 1)
        box.addLayout(who)
        box.addWidget(self.correction_reason)  # a row of its own: the hint is whole in any language
        record_row = QHBoxLayout()
        record_row.addStretch(1)
        record_row.addWidget(self.correct_button)
        box.addLayout(record_row)
        box.addWidget(self.correction_closed)
        self.correction_reason.returnPressed.connect(self.correct_button.setFocus)
        self.correct_button.clicked.connect(self._correct)
        self._corrections_seen: tuple[str, int] | None = None  # a correction sent: step, count before
        self._shown_step: tuple[str, str] | None = None  # (assessment, step) the correction box is for

    def _build_rubric(self, snap: RunSnapshot) -> None:
        while self.rubric_grid.count():
            item = self.rubric_grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self._scores.clear()
        self._score_groups.clear()
        scale = snap.spec.rubric.scale
        lang = snap.language
        for i, c in enumerate(snap.spec.rubric.criteria):
            title = c.title.get_text(lang)
            self.rubric_grid.addWidget(QLabel(title, wordWrap=True), i, 0)
            group = QButtonGroup(self)
            group.setExclusive(True)
            buttons: dict[int, QPushButton] = {}
            for j, score in enumerate(range(scale.min, scale.max + 1)):
                words = scale.labels.get(str(score))
                meaning = words.get_text(lang) if words else ""
                text = textwrap.fill(f"{score} – {meaning}", SCORE_LINE) if meaning else str(score)
                button = QPushButton(text, objectName="score")
                button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
                button.setCheckable(True)
                button.setAccessibleName(f"{title}: {score}" + (f", {meaning}" if meaning else ""))
                button.clicked.connect(lambda _=False, cid=c.id, s=score: self._score(cid, s))
                group.addButton(button)
                buttons[score] = button
                self.rubric_grid.addWidget(button, i, j + 1)
            self._scores[c.id] = buttons
            self._score_groups.append(group)
        self.rubric_grid.setColumnStretch(0, 1)
        for j in range(scale.max - scale.min + 1):
            self.rubric_grid.setColumnStretch(j + 1, 2)

    # ------------------------------------------------------------------ showing
    def show_snapshot(self, snap: RunSnapshot) -> None:
        first = self.snapshot is None or self.snapshot.assessment_id != snap.assessment_id
        self.snapshot = snap
        outcome = label(snap.outcome or snap.provisional_outcome)
        self.outcome.setText(
            self.tr("Outcome: {o}").format(o=outcome) if snap.read_only
            else self.tr("Outcome so far: {o}").format(o=outcome)
        )
        self.people.setText(" · ".join(f"{label(p.role).capitalize()}: " + (f"{p.name} ({p.id})" if p.name
                                                                            else p.id) for p in snap.people))
        self.reasons.setText("\n".join(f"• {r}" for r in snap.reasons))
        self.reasons.setVisible(bool(snap.reasons))
        self.stopped_safely.setText(
            self.tr("Hazard found and correctly stopped: stopping was the right decision, so this is not a "
                    "fail of the candidate. The task could not be completed on this vehicle: re-assess on a "
                    "sound vehicle.")
            if (snap.outcome or snap.provisional_outcome) == "stopped_safely" else "")
        self.stopped_safely.setVisible(bool(self.stopped_safely.text()))
        self.evidence.setText(
            self.tr("Missing or incomplete evidence: {items}").format(
                items="; ".join(
                    f"{sid}: {', '.join(label(k) for k in kinds)}" for sid, kinds in snap.missing_evidence
                ))
            if snap.missing_evidence else self.tr("All evidence the checklist asks for is recorded.")
        )
        if first:
            self._build_rubric(snap)
            self.confirm.cancel()
            self.confirm.reason.clear()
            self.correction_reason.clear()
            self.sealed.clear()
            self._sealed_paths = ("", "")
            for b in (self.open_record_button, self.open_folder_button):
                b.hide()
        for cid, buttons in self._scores.items():
            score = snap.rubric.get(cid)
            for value, button in buttons.items():
                button.setChecked(value == score)
                button.setEnabled(not snap.read_only)
        self._show_steps(snap)
        self._show_identity_check(snap)
        self._show_signoffs(snap)
        self.message.clear()
        self.finish_button.setEnabled(not snap.read_only)
        self.abandon_button.setEnabled(not snap.read_only)
        for w in (self.pin, self.seal_button):
            w.setVisible(snap.read_only)
            w.setEnabled(snap.read_only and not self.sealed.text())
        if snap.read_only:
            self.confirm.reason.clear()
        if snap.review is not None and snap.review.sealed_bundle and not self.sealed.text():
            self.show_sealed(snap.review.sealed_bundle, snap.review.sealed_pdf)

    def _show_steps(self, snap: RunSnapshot) -> None:
        steps = snap.review.steps if snap.review is not None else ()
        keep = self.current_step
        self.steps.blockSignals(True)
        self.steps.setRowCount(len(steps))
        for row, s in enumerate(steps):
            result = f"{STATUS_MARK.get(s.status, '')} {label(s.status)}"
            if s.corrections:
                result += "\n" + self.tr("corrected")
            readings = ", ".join(r.entered + ("" if r.in_range else " ✘") for r in s.readings)
            missing = [label(e.kind) for e in s.evidence if not e.items and e.why not in QUIET_WHY]
            evidence = self.tr("missing: {kinds}").format(kinds=", ".join(missing)) if missing else ""
            full = self.detail_text(snap, s)  # the whole story, on hovering any cell
            for column, text in enumerate((f"{s.id}  {s.title}", result, self.short_name(snap, s.person),
                                           readings, evidence)):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, s.id)
                item.setToolTip(full)
                self.steps.setItem(row, column, item)
        fit_words_in_columns(self.steps, range(1, len(COLUMN_WIDTHS) + 1))
        self.steps.resizeRowsToContents()
        ids = [s.id for s in steps]
        if keep in ids:
            self.steps.setCurrentCell(ids.index(keep), 0)
        elif ids and self.steps.currentRow() < 0:
            self.steps.setCurrentCell(0, 0)
        self.steps.blockSignals(False)
        pending = self._corrections_seen
        if pending is not None:
            step = next((s for s in steps if s.id == pending[0]), None)
            if step is not None and len(step.corrections) > pending[1]:  # recorded: start afresh
                self._corrections_seen = None
                self.correction_reason.clear()
                self._uncheck()
        self._show_selected()

    @property
    def current_step(self) -> str | None:
        item = self.steps.item(self.steps.currentRow(), 0) if self.steps.currentRow() >= 0 else None
        return item.data(Qt.ItemDataRole.UserRole) if item is not None else None

    def select_step(self, step_id: str) -> None:
        """Select a step in the list, as the trainer would (keyboard or touch)."""
        for row in range(self.steps.rowCount()):
            item = self.steps.item(row, 0)
            if item is not None and item.data(Qt.ItemDataRole.UserRole) == step_id:
                self.steps.setCurrentCell(row, 0)
                return

    def _selected(self) -> ReviewStep | None:
        snap, sid = self.snapshot, self.current_step
        if snap is None or snap.review is None or sid is None:
            return None
        return next((s for s in snap.review.steps if s.id == sid), None)

    def _show_selected(self) -> None:
        snap, s = self.snapshot, self._selected()
        if snap is None or s is None:
            self.detail.clear()
            return
        self.detail.setText(self.detail_text(snap, s))
        self.correction_box.setTitle(self.tr("Correct the result of step {step}").format(step=s.id))
        closed = snap.review.corrections_closed if snap.review is not None else ""
        if closed == "read_only":
            why = self.tr("Results can no longer be corrected: the assessment is {phase}.").format(
                phase=label(snap.phase))
        elif closed == "signed":
            why = self.tr("Results can no longer be corrected: the record is signed off.")
        elif not s.corrections_to:
            why = (self.tr("Step {step} has no result to correct.") if s.status == "pending" else
                   self.tr("Step {step} failed by the assessor's intervention: that cannot be corrected."))
            why = why.format(step=s.id)
        else:
            why = ""
        self.correction_closed.setText(why)
        open_ = not why
        if self._shown_step != (snap.assessment_id, s.id) or not open_:  # another step: start afresh
            self._uncheck()
        if self._shown_step != (snap.assessment_id, s.id):
            self.correction_reason.clear()
        self._shown_step = (snap.assessment_id, s.id)
        for result, button in self.result_buttons.items():
            button.setVisible(result in s.corrections_to or not open_)
            button.setEnabled(open_ and result in s.corrections_to)
        people = [(p.id, f"{p.name} ({label(p.role)})" if p.name else f"{p.id} ({label(p.role)})")
                  for p in snap.people]
        self.correction_person.blockSignals(True)
        self.correction_person.clear()
        for pid, text in people:
            self.correction_person.addItem(text, pid)
        index = self.correction_person.findData(s.person)
        self.correction_person.setCurrentIndex(max(0, index))
        self.correction_person.blockSignals(False)
        for w in (self.correction_person, self.correction_reason, self.correct_button):
            w.setEnabled(open_)

    def _uncheck(self) -> None:
        self._result_group.setExclusive(False)
        for button in self.result_buttons.values():
            button.setChecked(False)
        self._result_group.setExclusive(True)

    def detail_text(self, snap: RunSnapshot, s: ReviewStep) -> str:
        """Everything about one step: result and reason, who did it, readings, each correction (what it
        replaced, when, why), steps it reopened, and its evidence."""
        lines = [f"{s.id}  {s.title}", self.tr("Result: {result}").format(result=label(s.status))
                 + (f" ({s.reason})" if s.reason else "")]
        if s.person:
            lines.append(self.tr("Done by: {person}").format(person=self.name(snap, s.person)))
        for r in s.readings:
            verdict = self.tr("in range") if r.in_range else self.tr("OUT OF RANGE")
            tool = f" [{r.instrument}]" if r.instrument else ""
            lines.append(f"{r.label}: {r.entered} – {verdict}{tool}")
        for c in s.corrections:
            text = self.tr("Corrected at {time}: {old} → {new}; reason: {reason}").format(
                time=self.clock(snap, c.t_us), old=label(_STATUS[c.replaces]), new=label(_STATUS[c.result]),
                reason=c.reason)
            if c.replaced_reason:
                text += " " + self.tr("(first recorded with the reason: {reason})").format(
                    reason=c.replaced_reason)
            if c.person != c.replaced_person:
                text += " " + self.tr("(done by {person}, first recorded as {was})").format(
                    person=self.name(snap, c.person), was=self.name(snap, c.replaced_person))
            if c.reopened:
                text += " " + self.tr("Reopened: {steps}").format(steps=", ".join(c.reopened))
            lines.append(text)
        for other in s.reopened_by:
            lines.append(self.tr("Reopened by the correction of step {step}: to be done again.").format(
                step=other))
        for e in s.evidence:
            lines.append(self._evidence_line(e.kind, e.items, e.why))
        return "\n".join(lines)

    def _evidence_line(self, kind: str, items: tuple[str, ...], why: str) -> str:
        if items:
            return self.tr("{kind}: {items}").format(kind=label(kind), items=", ".join(items))
        return self.tr("{kind} missing: {why}").format(kind=label(kind), why=self.why(why))

    def why(self, code: str) -> str:
        """Why declared evidence is missing (the record's codes), in words."""
        return {
            "no consent to video": self.tr("no consent to video"), "no camera": self.tr("no camera"),
            "camera lost (gap)": self.tr("camera lost (gap)"),
            "no vehicle adapter": self.tr("no vehicle adapter"),
            "not taken": self.tr("not taken"), "not recorded": self.tr("not recorded"),
            "step not done": self.tr("step not done"), "not applicable": self.tr("not applicable"),
        }.get(code, code)

    def result_word(self, result: str) -> str:
        return {"pass": self.tr("Pass"), "fail": self.tr("Fail"), "na": self.tr("N/A"),
                "hazard": self.tr("Hazard found, stopped")}[result]

    @staticmethod
    def name(snap: RunSnapshot, person: str) -> str:
        """A person as the trainer knows them: the name (and role), else the id."""
        p = next((p for p in snap.people if p.id == person), None)
        if p is None:
            return person
        return f"{p.name} ({label(p.role)})" if p.name else f"{p.id} ({label(p.role)})"

    @staticmethod
    def short_name(snap: RunSnapshot, person: str) -> str:
        """A person's name (else the id), for the list."""
        p = next((p for p in snap.people if p.id == person), None)
        return (p.name or p.id) if p is not None else person

    @staticmethod
    def clock(snap: RunSnapshot, t_us: int) -> str:
        """The local time of day of a moment on the assessment's timeline."""
        start = snap.review.start_wall_us if snap.review is not None else 0
        return dt.datetime.fromtimestamp((start + t_us) / 1e6).strftime("%H:%M:%S")

    # ------------------------------------------------------------------ acting
    def _correct(self) -> None:
        snap, s = self.snapshot, self._selected()
        if snap is None or s is None or not self.correct_button.isEnabled():
            return
        chosen = next((r for r, b in self.result_buttons.items() if b.isChecked()), None)
        if chosen is None:
            self.message.setText(self.tr("Choose the result the step is corrected to."))
            return
        self._corrections_seen = (s.id, len(s.corrections))
        person = self.correction_person.currentData()
        self.action_requested.emit(CorrectResult(s.id, chosen, self.correction_reason.text(),  # type: ignore[arg-type]
                                                 person=person or None))

    def _finish(self) -> None:
        snap = self.snapshot
        if snap is None or snap.read_only:
            return
        refusal = snap.review.finish_refusal if snap.review is not None else None
        if refusal:  # nothing to confirm: say what is missing
            self.message.setText(refusal)
            return
        self.confirm.ask("finish", self.tr(
            "Finish: the assessment becomes read-only. Results, readings, rubric scores and sign-offs can no "
            "longer be changed, and no result can be corrected. The outcome recorded: {outcome}.").format(
            outcome=label(snap.provisional_outcome)), self.tr("Yes, finish"))

    def _abandon(self) -> None:
        snap = self.snapshot
        if snap is None or snap.read_only:
            return
        self.confirm.ask("abandon", self.tr(
            "Abandon: the assessment ends here, unfinished, and becomes read-only. Nothing more can be "
            "recorded or corrected. Say why it is abandoned."), self.tr("Yes, abandon"),
            reason=self.tr("Reason the assessment is abandoned (required)"))

    def _seal(self) -> None:
        if not self.seal_button.isEnabled():
            return
        if not self.pin.text():
            self.message.setText(self.tr("Type the assessor's PIN to seal."))
            self.pin.setFocus()
            return
        self.confirm.ask("seal", self.tr(
            "Seal: the record, its evidence files and the PDF records are signed with this workstation's key "
            "and the assessor's key. Nothing in the sealed bundle can be changed afterwards."),
            self.tr("Yes, seal"))

    def _confirmed(self, what: str, reason: str) -> None:
        if what == "finish":
            self.action_requested.emit(Finish())
        elif what == "abandon":
            self.action_requested.emit(Abandon(reason))
        elif what == "seal" and self.pin.text():
            self.seal_requested.emit(self.pin.text())
            self.pin.clear()

    def _escape(self) -> None:
        if self.confirm.isVisible():
            self.confirm.cancel()
        else:
            self.back_requested.emit()

    def show_sealed(self, where: str, pdf: str = "") -> None:
        self.sealed.setText(self.tr("Sealed: {path}").format(path=where))
        self._sealed_paths = (where, pdf)
        self.seal_button.setEnabled(False)
        self.pin.setEnabled(False)
        self.open_folder_button.setVisible(bool(where))
        self.open_record_button.setVisible(bool(pdf))

    def show_refusal(self, reason: str) -> None:
        self.message.setText(reason)

    def _score(self, criterion: str, value: int) -> None:
        snap = self.snapshot
        if snap is None or snap.read_only:
            return
        if snap.rubric.get(criterion) != value:
            self.action_requested.emit(ScoreRubric(criterion, value))

    def score(self, criterion: str, value: int) -> None:
        """Press a score button as the trainer would (used by screenshots and tests)."""
        self._scores[criterion][value].click()

    def score_button(self, criterion: str, value: int) -> QPushButton:
        return self._scores[criterion][value]

    def _show_identity_check(self, snap: RunSnapshot) -> None:
        needed = snap.record_format >= 2  # a first-release record has no identity check
        for w in (self.identity_method, self.identity_note, self.identity_button):
            w.setVisible(needed)
            w.setEnabled(needed and not snap.read_only)
        if snap.identity_check is not None:
            note = f" ({snap.identity_note})" if snap.identity_note else ""
            self.identity_done.setText(self.tr("Identity: {method}").format(method=label(snap.identity_check))
                                       + note)
            self.identity_method.setCurrentIndex(max(0, self.identity_method.findData(snap.identity_check)))
        else:
            self.identity_done.setText(self.tr("Identity: not recorded yet") if needed else "")

    def _show_signoffs(self, snap: RunSnapshot) -> None:
        wanted = list(snap.spec.signoffs)
        by_role = {s.role: s for s in snap.signatures}
        for role in ROLES:
            shown = role in wanted or role in by_role
            name, button, done = self.signers[role], self.sign_buttons[role], self.signed_by[role]
            for w in (name, button, self.statements[role], done):
                w.setVisible(shown)
            grid = self.signoff_box.layout()
            assert isinstance(grid, QGridLayout)
            caption = grid.itemAtPosition(2 * ROLES.index(role), 0)
            if caption is not None and caption.widget() is not None:
                caption.widget().setVisible(shown)
            signed = by_role.get(role)
            person = snap.person(role)
            if signed is not None:
                done.setText(self.tr("Signed by {name}").format(name=signed.name or signed.person))
            elif role == "responsible_person" and person is None and shown:
                done.setText(self.tr("No responsible person was named for this assessment."))
            else:
                done.setText("")
            if not name.text() and person is not None and signed is None:
                name.setPlaceholderText(person.name or self.tr("Name, typed by the person signing"))
            named = person is not None or snap.record_format < 2  # first-release records: any name
            can_sign = signed is None and not snap.read_only and named
            name.setEnabled(can_sign)
            button.setEnabled(can_sign)

    def statement(self, role: str) -> str:
        """What a person signing in ``role`` confirms: shown, and recorded as shown."""
        if role == "candidate":
            return self.tr("I did the work assessed here myself, and I have seen this record.")
        if role == "responsible_person":
            return self.tr("I was responsible for this work (SFS 6002) and confirm this record.")
        return self.tr("I observed this assessment.")

    def _sign(self, role: str = "assessor") -> None:
        name = self.signers[role].text().strip()
        if name and self.sign_buttons[role].isEnabled():
            # the name stays (greyed once signed): a refused sign-off keeps what was typed
            self.action_requested.emit(SignOff(role, name, self.statement(role)))  # type: ignore[arg-type]

    def _identity_check(self) -> None:
        method = self.identity_method.currentData()
        if method is None:
            self.message.setText(self.tr("Choose how the candidate's identity was checked (or that it was "
                                         "not)."))
            return
        self.identity_check_requested.emit(RecordIdentityCheck(method), self.identity_note.text().strip())


_STATUS = {"pass": "passed", "fail": "failed", "na": "na", "hazard": "hazard"}
