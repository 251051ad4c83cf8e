"""Settings for the training provider: enrolling this workstation, and the assessors whose keys are
bound to their provider records (the walk-through an assessor follows once, and what the provider
last said of each: it works offline, from what was last confirmed)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget


class ProviderSettings(QWidget):
    enroll_requested = Signal(str, str)  # provider address, one-time enrollment code
    bind_requested = Signal(str, str, str)  # assessor id, one-time assessor code, PIN

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        provider = QGroupBox(self.tr("Training provider"))
        form = QFormLayout(provider)
        self.provider_url = QLineEdit(placeholderText="https://provider.example/")
        self.provider_url.setAccessibleName(self.tr("Provider address"))
        self.enroll_code = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.enroll_code.setAccessibleName(self.tr("Enrollment code"))
        self.enroll_button = QPushButton(self.tr("Enroll this workstation"))
        self.enrollment = QLabel(self.tr("Not enrolled: sealed assessments stay on this computer."),
                                 wordWrap=True)
        self.enrollment.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow(QLabel(self.tr("The provider gives you a one-time code for your workshop; the code "
                                   "decides which workshop this workstation delivers for."), wordWrap=True))
        form.addRow(self.tr("Provider address"), self.provider_url)
        form.addRow(self.tr("Enrollment code"), self.enroll_code)
        form.addRow(self.enroll_button)
        form.addRow(self.enrollment)

        assessors = QGroupBox(self.tr("Assessors"))
        column = QVBoxLayout(assessors)
        steps = QFormLayout()
        steps.setVerticalSpacing(10)  # a nested form gets no spacing of its own: gloved taps need the gap
        self.instructions = QLabel(self.tr(
            "Each assessor binds their own signing key to their record at the provider, once:\n"
            "1. The provider registers you and gives you a one-time assessor code.\n"
            "2. Enter your assessor id and that code here.\n"
            "3. Enter your PIN: a new one (at least 4 characters) if this workstation has no key of "
            "yours yet, else the PIN you seal with.\n"
            "Your key never leaves this workstation; the provider keeps only its public part. Sealing "
            "works offline afterwards."), wordWrap=True)
        self.assessor_id = QLineEdit()
        self.assessor_id.setAccessibleName(self.tr("Assessor id"))
        self.assessor_code = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.assessor_code.setAccessibleName(self.tr("Assessor code"))
        self.assessor_pin = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.assessor_pin.setAccessibleName(self.tr("Assessor's PIN"))
        self.bind_button = QPushButton(self.tr("Bind my key"))
        self.binding = QLabel(wordWrap=True)
        self.bindings = QLabel(self.tr("No assessor has bound a key on this workstation."), wordWrap=True)
        self.bindings.setAccessibleName(self.tr("Assessors bound on this workstation"))
        self.bindings.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        steps.addRow(self.tr("Assessor id"), self.assessor_id)
        steps.addRow(self.tr("Assessor code"), self.assessor_code)
        steps.addRow(self.tr("PIN"), self.assessor_pin)
        # the walk-through sits above the form: in a form row a long wrapped text is cut short
        column.addWidget(self.instructions)
        column.addLayout(steps)
        for w in (self.bind_button, self.binding, self.bindings):
            column.addWidget(w)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(provider)
        layout.addWidget(assessors)
        self.enroll_button.clicked.connect(self._enroll)
        self.bind_button.clicked.connect(self._bind)
        self.assessor_pin.returnPressed.connect(self._bind)

    # ------------------------------------------------------------ enrollment
    def _enroll(self) -> None:
        url, code = self.provider_url.text().strip(), self.enroll_code.text().strip()
        if not url or not code:
            self.enrollment.setText(self.tr("Fill in the provider address and the enrollment code."))
            return
        self.enroll_button.setEnabled(False)
        self.enrollment.setText(self.tr("Enrolling…"))
        self.enroll_requested.emit(url, code)

    def show_enrolled(self, provider_url: str, provider_key: str, workshop: str) -> None:
        self.enroll_code.clear()
        self.enroll_button.setEnabled(True)
        self.enrollment.setText(self.tr("Enrolled with {url} as {workshop}. Provider key: {key}").format(
            url=provider_url, workshop=workshop, key=provider_key))

    def show_enroll_failed(self, reason: str) -> None:
        self.enroll_button.setEnabled(True)
        self.enrollment.setText(self.tr("Not enrolled: {reason}").format(reason=reason))

    # ------------------------------------------------------------ assessors
    def _bind(self) -> None:
        fields = (self.assessor_id.text().strip(), self.assessor_code.text().strip(),
                  self.assessor_pin.text())
        if not all(fields):
            self.binding.setText(self.tr("Fill in your assessor id, the assessor code and your PIN."))
            return
        self.bind_button.setEnabled(False)
        self.binding.setText(self.tr("Binding your key…"))
        self.assessor_code.clear()  # neither the code nor the PIN stays on screen
        self.assessor_pin.clear()
        self.bind_requested.emit(*fields)

    def show_bound(self, binding: Any) -> None:
        self.bind_button.setEnabled(True)
        text = self.tr("Bound: {name} ({id}), {qualification}, valid through {expires}.")
        self.binding.setText(text.format(
            name=binding.name, id=binding.assessor_id, qualification=binding.qualification,
            expires=binding.qualification_expires))

    def show_bind_failed(self, reason: str) -> None:
        self.bind_button.setEnabled(True)
        self.binding.setText(self.tr("Not bound: {reason}").format(reason=reason))

    def show_bindings(self, bindings: list[Any]) -> None:
        """Every assessor bound here, with what the provider last said (shown offline too)."""
        if not bindings:
            self.bindings.setText(self.tr("No assessor has bound a key on this workstation."))
            return
        lines = []
        for b in bindings:
            checked = dt.datetime.fromtimestamp(b.checked_wall_us / 1e6).strftime("%Y-%m-%d %H:%M")
            problem = b.problem()
            state = (self.tr("NOT ACCEPTED: {problem}").format(problem=problem) if problem
                     else self.tr("accepted by the provider"))
            lines.append(self.tr("{id} ({name}): {qualification} through {expires}; {state} (checked {when})")
                         .format(id=b.assessor_id, name=b.name, qualification=b.qualification,
                                 expires=b.qualification_expires, state=state, when=checked))
        self.bindings.setText("\n".join(lines))
