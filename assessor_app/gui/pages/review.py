"""Review: the derived outcome, rubric scores, what is missing, the assessor's sign-off."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assessor_app.core.engine import Finish, ScoreRubric, SignOff
from assessor_app.gui.labels import label
from assessor_app.gui.run_controller import RunSnapshot


class ReviewPage(QWidget):
    action_requested = Signal(object)
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
        self.signer = QLineEdit(placeholderText=self.tr("Assessor's name"))
        self.signer.setAccessibleName(self.tr("Assessor's name"))
        self.sign_button = QPushButton(self.tr("Sign off"))
        self.finish_button = QPushButton(self.tr("&Finish assessment"))
        self.back_button = QPushButton(self.tr("Back to steps (Esc)"))
        self.home_button = QPushButton(self.tr("Home"))
        self.pin = QLineEdit(placeholderText=self.tr("Assessor's PIN to seal"))
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("Assessor's PIN"))
        self.seal_button = QPushButton(self.tr("S&eal evidence"))
        self.sealed = QLabel(wordWrap=True)
        self.message = QLabel(objectName="refusal", wordWrap=True)
        self.signed = QLabel(wordWrap=True)
        self._spins: dict[str, QSpinBox] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.outcome)
        layout.addWidget(self.reasons)
        layout.addWidget(self.evidence)
        layout.addWidget(QLabel(self.tr("Behavioural rubric")))
        layout.addLayout(self.rubric_form)
        sign = QHBoxLayout()
        sign.addWidget(self.signer, 1)
        sign.addWidget(self.sign_button)
        layout.addLayout(sign)
        layout.addWidget(self.signed)
        layout.addWidget(self.message)
        seal_row = QHBoxLayout()
        seal_row.addWidget(self.pin, 1)
        seal_row.addWidget(self.seal_button)
        layout.addLayout(seal_row)
        layout.addWidget(self.sealed)
        layout.addStretch(1)
        buttons = QHBoxLayout()
        for b in (self.back_button, self.home_button, self.finish_button):
            buttons.addWidget(b)
        layout.addLayout(buttons)
        self.sign_button.clicked.connect(self._sign)
        self.signer.returnPressed.connect(self._sign)
        back = QShortcut(QKeySequence("Escape"), self)
        back.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        back.activated.connect(self.back_requested)
        self.finish_button.clicked.connect(lambda: self.action_requested.emit(Finish()))
        self.back_button.clicked.connect(self.back_requested)
        self.home_button.clicked.connect(self.home_requested)
        self.seal_button.clicked.connect(self._seal)
        self.pin.returnPressed.connect(self._seal)

    def show_snapshot(self, snap: RunSnapshot) -> None:
        first = self.snapshot is None or self.snapshot.assessment_id != snap.assessment_id
        self.snapshot = snap
        outcome = label(snap.outcome or snap.provisional_outcome)
        self.outcome.setText(
            self.tr("Outcome: {o}").format(o=outcome) if snap.read_only
            else self.tr("Outcome so far: {o}").format(o=outcome)
        )
        self.reasons.setText("\n".join(f"• {r}" for r in snap.reasons))
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
        signed = [s["name"] for s in snap.signoffs if s["role"] == "assessor"]
        self.signed.setText(self.tr("Signed off by {n}").format(n=", ".join(signed)) if signed else "")
        self.message.clear()
        for w in (*self._spins.values(), self.signer, self.sign_button, self.finish_button):
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

    def _sign(self) -> None:
        name = self.signer.text().strip()
        if name:
            self.action_requested.emit(SignOff("assessor", name, "I observed this assessment."))
