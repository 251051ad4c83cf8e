"""New assessment: who (candidate, assessor, responsible person), where (the workshop), which
checklist and parameters, which vehicle, consent to video.

The record names people by id; their names, the VIN and the workshop's address go to the
assessment's identity document, kept apart from the record.

The VIN and the working voltage are checked as they are typed: a problem is said under the field,
naming it, until the field is fixed, and the Start button says why it cannot start meanwhile. A
VIN's check digit that does not match is a warning only (European VINs need not carry one).

A checklist with prerequisite checklists (a progression gateway) says, as soon as the candidate id
and the checklist are both set, which prerequisites the candidate meets and by what; one that is not
met keeps Start from starting, and says why (the window asks the store: ``gate_requested``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from assessor_app.core import units
from assessor_app.core.gateways import GateDecision
from assessor_app.core.plausibility import DEFAULT_PLAUSIBILITY, Plausibility
from assessor_app.core.specs.library import Library
from assessor_app.core.vin import check_digit_warning, normalise, vin_problem
from assessor_app.gui.bad_input import check_digit_text, parse_quantity, quantity_problem, vin_text
from assessor_app.gui.keys import KeyGuard, first_enabled, screen_order, set_tab_order
from assessor_app.gui.labels import label
from assessor_app.gui.pages.gate_panel import GatePanel
from assessor_app.gui.translator import window_language
from assessor_app.gui.widgets import WrappingComboBox
from assessor_app.i18n import format_input_number

_COUNTRY = re.compile(r"[A-Z]{2}")


@dataclass(frozen=True)
class NewAssessmentForm:
    candidate_id: str
    candidate_name: str
    assessor: str  # the assessor's id
    workshop: str  # the workshop's id
    checklist_id: str
    parameter_set_id: str
    vin: str
    working_voltage_v: float
    video_consent: bool
    assessor_name: str = ""
    responsible_id: str = ""  # the responsible person (SFS 6002), when one is named
    responsible_name: str = ""
    workshop_name: str = ""
    workshop_country: str = ""  # ISO 3166 two letters, e.g. FI
    workshop_address: str = ""
    awarding_body: str = ""  # the training provider, from the enrollment (EU micro-credentials, Annex I)


class NewAssessmentPage(QWidget):
    start_requested = Signal(object)  # NewAssessmentForm
    cancelled = Signal()
    gate_requested = Signal(str, str)  # checklist id, candidate id: answer with show_gate(GateDecision)

    def __init__(self, library: Library, language: str = "en", parent: QWidget | None = None, *,
                 plausibility: Plausibility = DEFAULT_PLAUSIBILITY):
        super().__init__(parent)
        self.library = library
        self.language = language
        self.plausibility = plausibility
        self.candidate_id = QLineEdit(placeholderText=self.tr("Pseudonymous id, e.g. L-017"))
        self.candidate_name = QLineEdit(placeholderText=self.tr("Name (optional)"))
        self.assessor_id = QLineEdit(placeholderText=self.tr("Id, e.g. assessor-03"))
        self.assessor_name = QLineEdit(placeholderText=self.tr("Name (optional)"))
        self.responsible_id = QLineEdit(placeholderText=self.tr("Id (optional)"))
        self.responsible_name = QLineEdit(placeholderText=self.tr("Name (optional)"))
        self.responsible_note = QLabel(wordWrap=True)
        self.workshop_id = QLineEdit()
        self.workshop_name = QLineEdit()
        self.workshop_country = QLineEdit(placeholderText=self.tr("Two letters, e.g. FI"))
        self.workshop_country.setMaxLength(2)
        self.workshop_address = QLineEdit(placeholderText=self.tr("Address (optional)"))
        self.awarding_body = ""
        self.awarding_label = QLabel(wordWrap=True)
        self.checklist = WrappingComboBox(min_chars=24)
        self.checklist_info = QLabel(wordWrap=True)
        self.gate = GatePanel(language)
        self.parameters = WrappingComboBox(min_chars=24)
        self.vin = QLineEdit(placeholderText=self.tr("17 characters"))  # never cut: a long one is said
        self.vin_message = QLabel(objectName="refusal", wordWrap=True)
        self.voltage = QLineEdit(placeholderText=self.tr("e.g. 400"))
        self.voltage_message = QLabel(objectName="refusal", wordWrap=True)
        self.start_why = QLabel(objectName="refusal", wordWrap=True)
        self.consent = QCheckBox(self.tr("The candidate consents to video recording"))
        self.error = QLabel(objectName="refusal", wordWrap=True)
        self.start_button = QPushButton(self.tr("&Start assessment"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        for widget, name in (
            (self.candidate_id, self.tr("Candidate id")), (self.candidate_name, self.tr("Candidate name")),
            (self.assessor_id, self.tr("Assessor id")), (self.assessor_name, self.tr("Assessor name")),
            (self.responsible_id, self.tr("Responsible person id")),
            (self.responsible_name, self.tr("Responsible person name")),
            (self.workshop_id, self.tr("Workshop id")), (self.workshop_name, self.tr("Workshop name")),
            (self.workshop_country, self.tr("Country")), (self.workshop_address, self.tr("Workshop address")),
            (self.checklist, self.tr("Checklist")), (self.parameters, self.tr("Parameter set")),
            (self.vin, self.tr("Vehicle VIN")), (self.voltage, self.tr("Working voltage")),
        ):
            widget.setAccessibleName(name)

        for loaded in sorted(library.checklists.values(), key=lambda c: c.spec.id):
            self.checklist.addItem(
                f"{loaded.spec.title.get_text(language)} ({loaded.spec.version})", loaded.spec.id
            )
        for ps in sorted(library.parameter_sets.values(), key=lambda p: p.params.id):
            self.parameters.addItem(ps.params.title.get_text(language), ps.params.id)

        people_box = QGroupBox(self.tr("People"))
        people = QFormLayout(people_box)
        people.addRow(self.tr("Candidate id"), self.candidate_id)
        people.addRow(self.tr("Candidate name"), self.candidate_name)
        people.addRow(self.tr("Assessor id"), self.assessor_id)
        people.addRow(self.tr("Assessor name"), self.assessor_name)
        people.addRow(self.tr("Responsible person id"), self.responsible_id)
        people.addRow(self.tr("Responsible person name"), self.responsible_name)
        people.addRow(self.responsible_note)
        place_box = QGroupBox(self.tr("Workshop"))
        place = QFormLayout(place_box)
        place.addRow(self.tr("Workshop id"), self.workshop_id)
        place.addRow(self.tr("Workshop name"), self.workshop_name)
        place.addRow(self.tr("Country"), self.workshop_country)
        place.addRow(self.tr("Address"), self.workshop_address)
        task_box = QGroupBox(self.tr("Task and vehicle"))
        form = QFormLayout(task_box)
        form.addRow(self.tr("Checklist"), self.checklist)
        form.addRow("", self.checklist_info)
        form.addRow("", self.gate)
        form.addRow("", self.awarding_label)
        form.addRow(self.tr("Parameter set"), self.parameters)
        form.addRow(self.tr("Vehicle VIN"), self.vin)
        form.addRow("", self.vin_message)
        voltage_row = QHBoxLayout()
        voltage_row.addWidget(self.voltage, 1)
        voltage_row.addWidget(QLabel("V"))
        form.addRow(self.tr("Working voltage"), voltage_row)
        form.addRow("", self.voltage_message)
        form.addRow("", self.consent)
        buttons = QHBoxLayout()
        buttons.addWidget(self.start_why, 1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.start_button)
        columns = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(people_box)
        left.addWidget(place_box)
        left.addStretch(1)
        right = QVBoxLayout()
        right.addWidget(task_box)
        right.addStretch(1)
        columns.addLayout(left, 1)
        columns.addLayout(right, 1)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(columns)
        inner.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(content)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes to the fields, not their frame
        layout = QVBoxLayout(self)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.error)
        layout.addLayout(buttons)

        self.checklist.currentIndexChanged.connect(self._show_checklist_info)
        self.checklist.currentIndexChanged.connect(self.ask_gate)
        self.candidate_id.textChanged.connect(self.ask_gate)
        self.parameters.currentIndexChanged.connect(self._parameters_chosen)
        self.start_button.clicked.connect(self._start)
        self.cancel_button.clicked.connect(self.cancelled)
        self.vin.textChanged.connect(self._check_fields)
        self.voltage.textChanged.connect(self._check_fields)
        self._show_checklist_info()
        self._parameters_chosen()
        self.ask_gate()
        # keys: Enter in a field goes on to the next one (it starts nothing); Esc leaves it for Start
        self.guard = KeyGuard(self, lambda _field: self.start_button.setFocus(),
                              enter=lambda _field: self.focusNextChild())
        order = screen_order(self)
        order.insert(order.index(self.checklist) + 1, self.gate)  # read by keyboard, after its checklist
        set_tab_order(order)

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not event.spontaneous():  # where the next input goes: the first required field left empty
            empty = [w for w in (self.candidate_id, self.assessor_id, self.workshop_id, self.workshop_country)
                     if not w.text().strip()]
            target = first_enabled(self, [*empty, self.start_button])
            if target is not None:
                target.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_checklist_info(self) -> None:
        spec_id = self.checklist.currentData()
        if not spec_id:
            return
        spec = self.library.checklists[spec_id].spec
        self.checklist.setToolTip(self.checklist.currentText())
        prereqs = "; ".join(p.text.get_text(self.language) for p in spec.credential.prerequisites)
        self.checklist_info.setText(
            self.tr("Gateway: {gateway} · version {version} · {steps} steps\nPrerequisites: {prereqs}")
            .format(gateway=label(spec.credential.gateway) or self.tr("none"), version=spec.version,
                    steps=len(spec.steps), prereqs=prereqs or self.tr("none"))
        )
        self.responsible_note.setText(
            self.tr("This checklist asks for the responsible person's sign-off: name them.")
            if self._needs_responsible() else "")
        self.responsible_note.setVisible(bool(self.responsible_note.text()))

    def _needs_responsible(self) -> bool:
        spec_id = self.checklist.currentData()
        return bool(spec_id) and "responsible_person" in self.library.checklists[spec_id].spec.signoffs

    def gated(self) -> bool:
        """Whether the chosen checklist names prerequisite checklists (a progression gateway)."""
        spec_id = self.checklist.currentData()
        return bool(spec_id) and any(
            p.checklist for p in self.library.checklists[spec_id].spec.credential.prerequisites)

    def ask_gate(self) -> None:
        """Candidate id or checklist changed: ask whether the candidate meets a gated checklist's
        prerequisites (the answer comes to :meth:`show_gate`); Start waits for it."""
        candidate = self.candidate_id.text().strip()
        if not self.gated():
            self.gate.clear_gate()
        elif not candidate:
            self.gate.ask_for_candidate()
        else:
            self.gate.decision = None
            self.gate_requested.emit(self.checklist.currentData(), candidate)
        self._check_fields()

    def show_gate(self, decision: GateDecision) -> None:
        """The store's answer for a candidate and checklist; an answer for another pair (typed since) is
        left aside."""
        if (decision.checklist_id, decision.candidate_id) != (self.checklist.currentData(),
                                                                self.candidate_id.text().strip()):
            return
        self.gate.show_decision(decision)
        self._check_fields()

    def _parameters_chosen(self) -> None:
        set_id = self.parameters.currentData()
        if set_id:
            wv = self.library.parameter_sets[set_id].params.working_voltage
            volts = units.convert(wv.value, wv.unit, "V")
            self.voltage.setText(format_input_number(volts, window_language()))

    def vin_problem_text(self) -> str | None:
        """Why the VIN as typed is not one; None for a VIN, or none at all (a rig without one)."""
        vin = normalise(self.vin.text())
        problem = vin_problem(vin) if vin else None
        return vin_text(problem) if problem is not None else None

    def voltage_problem_text(self) -> str | None:
        """Why the working voltage as typed cannot be recorded; None when it can."""
        if not self.voltage.text().strip():
            return self.tr("Working voltage: enter the vehicle's working voltage (the highest in its HV "
                           "system), e.g. 400")
        return quantity_problem(self.tr("Working voltage"), self.voltage.text(), "V",
                                self.plausibility.working_voltage)

    def field_problems(self) -> list[str]:
        """What is wrong with the VIN and the working voltage as typed, each naming its field."""
        return [p for p in (self.vin_problem_text(), self.voltage_problem_text()) if p is not None]

    def working_voltage_v(self) -> float | None:
        """The working voltage typed, in volts; None while it cannot be recorded."""
        parsed = parse_quantity(self.voltage.text(), "V")
        if parsed is None or self.voltage_problem_text() is not None:
            return None
        return units.convert(parsed[0], parsed[1], "V")

    def _check_fields(self) -> None:
        """As typed: each field's problem under it, and why Start cannot start, until fixed."""
        vin_said = self.vin_problem_text()
        vin = normalise(self.vin.text())
        warning = check_digit_warning(vin) if vin and vin_said is None else None
        self.vin_message.setObjectName("refusal" if vin_said is not None else "hazardText")
        self.vin_message.setText(vin_said or (check_digit_text(warning) if warning is not None else ""))
        self.vin_message.style().unpolish(self.vin_message)
        self.vin_message.style().polish(self.vin_message)
        self.voltage_message.setText(self.voltage_problem_text() or "")
        for message in (self.vin_message, self.voltage_message):
            message.setVisible(bool(message.text()))
        problems = self.field_problems() + self.gate.refusals()
        why = self.tr("Cannot start: {problems}").format(problems="; ".join(problems)) if problems else ""
        self.start_why.setText(why)  # always there (empty when it can start): it keeps the buttons right
        self.start_button.setEnabled(not problems)
        self.start_button.setToolTip(why)
        self.start_button.setAccessibleDescription(why)

    def _start(self) -> None:
        required = [(self.tr("candidate id"), self.candidate_id), (self.tr("assessor id"), self.assessor_id),
                    (self.tr("workshop id"), self.workshop_id), (self.tr("country"), self.workshop_country)]
        if self._needs_responsible() or self.responsible_name.text().strip():
            required.append((self.tr("responsible person id"), self.responsible_id))
        missing = [name for name, w in required if not w.text().strip()]
        if missing:
            self.error.setText(self.tr("Please fill in: {fields}").format(fields=", ".join(missing)))
            return
        country = self.workshop_country.text().strip().upper()
        if not _COUNTRY.fullmatch(country):
            self.error.setText(self.tr("Country: two letters (ISO 3166), e.g. FI, not {value}")
                               .format(value=self.workshop_country.text().strip()))
            return
        problems = self.field_problems() + self.gate.refusals()
        voltage = self.working_voltage_v()
        if problems or voltage is None:
            self.error.setText("; ".join(problems))
            return
        self.error.clear()
        self.start_requested.emit(NewAssessmentForm(
            candidate_id=self.candidate_id.text().strip(), candidate_name=self.candidate_name.text().strip(),
            assessor=self.assessor_id.text().strip(), assessor_name=self.assessor_name.text().strip(),
            responsible_id=self.responsible_id.text().strip(),
            responsible_name=self.responsible_name.text().strip(),
            workshop=self.workshop_id.text().strip(), workshop_name=self.workshop_name.text().strip(),
            workshop_country=country, workshop_address=self.workshop_address.text().strip(),
            awarding_body=self.awarding_body,
            checklist_id=self.checklist.currentData(), parameter_set_id=self.parameters.currentData(),
            vin=normalise(self.vin.text()), working_voltage_v=voltage,
            video_consent=self.consent.isChecked(),
        ))

    def prefill_workshop(self, enrollment: Any) -> None:
        """The enrolled workshop's id, name and country, unless the trainer has typed others; the
        training provider is the awarding body."""
        self.awarding_body = str(enrollment.awarding_body or "") if enrollment is not None else ""
        self.awarding_label.setText(
            self.tr("Awarding body: {name} (the training provider this workstation is enrolled with)")
            .format(name=self.awarding_body) if self.awarding_body
            else self.tr("Awarding body: none named (not enrolled with a training provider)"))
        if enrollment is None:
            return
        for edit, value in ((self.workshop_id, enrollment.workshop_id),
                            (self.workshop_name, enrollment.workshop_name),
                            (self.workshop_country, enrollment.workshop_country)):
            if not edit.text().strip():
                edit.setText(str(value or ""))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
