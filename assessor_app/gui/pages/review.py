"""Review: the derived outcome, rubric scores, what is missing, how the candidate's identity was
checked, and the sign-offs the checklist asks for (assessor, candidate, responsible person)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assessor_app.core.engine import Finish, RecordIdentityCheck, ScoreRubric, SignOff
from assessor_app.core.engine.actions import IDENTITY_CHECKS
from assessor_app.gui.keys import KeyGuard, first_enabled, screen_order, set_tab_order
from assessor_app.gui.labels import label
from assessor_app.gui.run_controller import RunSnapshot

ROLES = ("assessor", "candidate", "responsible_person")


class ReviewPage(QWidget):
    action_requested = Signal(object)
    identity_check_requested = Signal(object, str)  # RecordIdentityCheck, the note (identity document)
    back_requested = Signal()
    home_requested = Signal()
    seal_requested = Signal(str)  # the assessor's PIN

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.snapshot: RunSnapshot | None = None
        self.outcome = QLabel(objectName="outcome", wordWrap=True)
        self.reasons = QLabel(wordWrap=True)
        self.evidence = QLabel(wordWrap=True)
        self.evidence.setAccessibleName(self.tr("Missing or incomplete evidence"))
        self.rubric_form = QFormLayout()
        self.stopped_safely = QLabel(objectName="hazardText", wordWrap=True)
        self.identity_method = QComboBox()
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
        self.back_button = QPushButton(self.tr("Back to steps (Esc)"))
        self.home_button = QPushButton(self.tr("Home"))
        self.pin = QLineEdit(placeholderText=self.tr("Assessor's PIN to seal"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("Assessor's PIN"))
        self.seal_button = QPushButton(self.tr("S&eal evidence"))
        self.sealed = QLabel(wordWrap=True)
        self.message = QLabel(objectName="refusal", wordWrap=True)
        self._spins: dict[str, QSpinBox] = {}
        identity_box = QGroupBox(self.tr("Candidate's identity"))
        identity = QHBoxLayout(identity_box)
        identity.addWidget(self.identity_method, 1)
        identity.addWidget(self.identity_note, 2)
        identity.addWidget(self.identity_button)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addWidget(self.outcome)
        inner.addWidget(self.stopped_safely)
        inner.addWidget(self.reasons)
        inner.addWidget(self.evidence)
        inner.addWidget(QLabel(self.tr("Behavioural rubric")))
        inner.addLayout(self.rubric_form)
        inner.addWidget(identity_box)
        inner.addWidget(self.identity_done)
        inner.addWidget(self.signoff_box)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the controls, not their frame
        self.scroll = scroll
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.message)
        seal_row = QHBoxLayout()
        seal_row.addWidget(self.pin, 1)
        seal_row.addWidget(self.seal_button)
        layout.addLayout(seal_row)
        layout.addWidget(self.sealed)
        buttons = QHBoxLayout()
        for b in (self.back_button, self.home_button, self.finish_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.identity_button.clicked.connect(self._identity_check)
        back = QShortcut(QKeySequence("Escape"), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_requested)
        self.finish_button.clicked.connect(lambda: self.action_requested.emit(Finish()))
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.seal_button.clicked.connect(self._seal)
        self.pin.returnPressed.connect(self._seal)
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

    def show_snapshot(self, snap: RunSnapshot) -> None:
        first = self.snapshot is None or self.snapshot.assessment_id != snap.assessment_id
        self.snapshot = snap
        outcome = label(snap.outcome or snap.provisional_outcome)
        self.outcome.setText(
            self.tr("Outcome: {o}").format(o=outcome) if snap.read_only
            else self.tr("Outcome so far: {o}").format(o=outcome)
        )
        self.reasons.setText("\n".join(f"• {r}" for r in snap.reasons))
        self.stopped_safely.setText(
            self.tr("Hazard found and correctly stopped: stopping was the right decision, so this is not a "
                    "fail of the candidate. The task could not be completed on this vehicle: re-assess on a "
                    "sound vehicle.")
            if (snap.outcome or snap.provisional_outcome) == "stopped_safely" else "")
        self.evidence.setText(
            self.tr("Missing or incomplete evidence: {items}").format(
                items="; ".join(
                    f"{sid}: {', '.join(label(k) for k in kinds)}" for sid, kinds in snap.missing_evidence
                ))
            if snap.missing_evidence else self.tr("All evidence the checklist asks for is recorded.")
        )
        if first:
            while self.rubric_form.rowCount():
                self.rubric_form.removeRow(0)
            self._spins.clear()
            scale = snap.spec.rubric.scale
            for c in snap.spec.rubric.criteria:
                spin = QSpinBox(minimum=scale.min - 1, maximum=scale.max)
                spin.setSpecialValueText(self.tr("not scored"))
                spin.setAccessibleName(c.title.get_text(snap.language))
                spin.setValue(snap.rubric.get(c.id, scale.min - 1))
                spin.editingFinished.connect(lambda cid=c.id, s=spin: self._score(cid, s))
                self.rubric_form.addRow(c.title.get_text(snap.language), spin)
                self._spins[c.id] = spin
        self._show_identity_check(snap)
        self._show_signoffs(snap)
        self.message.clear()
        for w in (*self._spins.values(), self.finish_button):
            w.setEnabled(not snap.read_only)
        for w in (self.pin, self.seal_button):
            w.setVisible(snap.read_only)
            w.setEnabled(snap.read_only and not self.sealed.text())

    def _seal(self) -> None:
        if self.pin.text():
            self.seal_requested.emit(self.pin.text())
            self.pin.clear()

    def show_sealed(self, where: str) -> None:
        self.sealed.setText(self.tr("Sealed: {path}").format(path=where))
        self.seal_button.setEnabled(False)
        self.pin.setEnabled(False)

    def show_refusal(self, reason: str) -> None:
        self.message.setText(reason)

    def _score(self, criterion: str, spin: QSpinBox) -> None:
        snap = self.snapshot
        if snap is None or snap.read_only or spin.value() < snap.spec.rubric.scale.min:
            return
        if snap.rubric.get(criterion) != spin.value():
            self.action_requested.emit(ScoreRubric(criterion, spin.value()))

    def score(self, criterion: str, value: int) -> None:
        """Set a score as the trainer would (used by keyboard entry and tests)."""
        self._spins[criterion].setValue(value)
        self._score(criterion, self._spins[criterion])

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
