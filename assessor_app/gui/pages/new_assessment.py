"""New assessment: who, which checklist and parameters, which vehicle, consent to video."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor_app.core.specs.library import Library
from assessor_app.gui.labels import label


@dataclass(frozen=True)
class NewAssessmentForm:
    candidate_id: str
    candidate_name: str
    assessor: str
    workshop: str
    checklist_id: str
    parameter_set_id: str
    vin: str
    working_voltage_v: float
    video_consent: bool


class NewAssessmentPage(QWidget):
    start_requested = Signal(object)  # NewAssessmentForm
    cancelled = Signal()

    def __init__(self, library: Library, language: str = "en", parent: QWidget | None = None):
        super().__init__(parent)
        self.library = library
        self.language = language
        self.candidate_id = QLineEdit(placeholderText=self.tr("Pseudonymous id, e.g. L-017"))
        self.candidate_name = QLineEdit(placeholderText=self.tr("Name (optional)"))
        self.assessor = QLineEdit()
        self.workshop = QLineEdit()
        self.checklist = QComboBox()
        self.checklist_info = QLabel(wordWrap=True)
        self.parameters = QComboBox()
        self.vin = QLineEdit(placeholderText=self.tr("17 characters"))
        self.vin.setMaxLength(17)
        self.voltage = QDoubleSpinBox(decimals=0, maximum=1500, suffix=" V")
        self.consent = QCheckBox(self.tr("The candidate consents to video recording"))
        self.error = QLabel(objectName="refusal", wordWrap=True)
        self.start_button = QPushButton(self.tr("&Start assessment"))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        for widget, name in (
            (self.candidate_id, self.tr("Candidate id")), (self.candidate_name, self.tr("Candidate name")),
            (self.assessor, self.tr("Assessor")), (self.workshop, self.tr("Workshop")),
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

        form = QFormLayout()
        form.addRow(self.tr("Candidate id"), self.candidate_id)
        form.addRow(self.tr("Candidate name"), self.candidate_name)
        form.addRow(self.tr("Assessor"), self.assessor)
        form.addRow(self.tr("Workshop"), self.workshop)
        form.addRow(self.tr("Checklist"), self.checklist)
        form.addRow("", self.checklist_info)
        form.addRow(self.tr("Parameter set"), self.parameters)
        form.addRow(self.tr("Vehicle VIN"), self.vin)
        form.addRow(self.tr("Working voltage"), self.voltage)
        form.addRow("", self.consent)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.start_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)

        self.checklist.currentIndexChanged.connect(self._show_checklist_info)
        self.parameters.currentIndexChanged.connect(self._parameters_chosen)
        self.start_button.clicked.connect(self._start)
        self.cancel_button.clicked.connect(self.cancelled)
        self._show_checklist_info()
        self._parameters_chosen()

    def _show_checklist_info(self) -> None:
        spec_id = self.checklist.currentData()
        if not spec_id:
            return
        spec = self.library.checklists[spec_id].spec
        prereqs = "; ".join(p.text.get_text(self.language) for p in spec.credential.prerequisites)
        self.checklist_info.setText(
            self.tr("Gateway: {gateway} · version {version} · {steps} steps\nPrerequisites: {prereqs}")
            .format(gateway=label(spec.credential.gateway), version=spec.version, steps=len(spec.steps),
                    prereqs=prereqs or self.tr("none"))
        )

    def _parameters_chosen(self) -> None:
        set_id = self.parameters.currentData()
        if set_id:
            wv = self.library.parameter_sets[set_id].params.working_voltage
            self.voltage.setValue(wv.value)

    def _start(self) -> None:
        missing = [
            label for label, w in (
                (self.tr("candidate id"), self.candidate_id), (self.tr("assessor"), self.assessor),
                (self.tr("workshop"), self.workshop),
            ) if not w.text().strip()
        ]
        if missing:
            self.error.setText(self.tr("Please fill in: {fields}").format(fields=", ".join(missing)))
            return
        self.error.clear()
        self.start_requested.emit(NewAssessmentForm(
            candidate_id=self.candidate_id.text().strip(), candidate_name=self.candidate_name.text().strip(),
            assessor=self.assessor.text().strip(), workshop=self.workshop.text().strip(),
            checklist_id=self.checklist.currentData(), parameter_set_id=self.parameters.currentData(),
            vin=self.vin.text().strip().upper(), working_voltage_v=self.voltage.value(),
            video_consent=self.consent.isChecked(),
        ))

    def show_error(self, message: str) -> None:
        self.error.setText(message)
