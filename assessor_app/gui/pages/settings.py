"""Settings: language, data folder, camera, and this workstation's key; the provider to come."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor_app.settings import LANGUAGES, Settings


class SettingsPage(QWidget):
    save_requested = Signal(object)  # Settings
    back_requested = Signal()
    find_cameras_requested = Signal()

    def __init__(self, settings: Settings, current_data_dir: str, device_fingerprint: str = "",
                 parent: QWidget | None = None):
        super().__init__(parent)
        self._settings = settings
        self.language = QComboBox()
        self.language.setAccessibleName(self.tr("Language"))
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.language)))
        self.data_dir = QLineEdit(settings.data_dir, placeholderText=current_data_dir)
        self.data_dir.setAccessibleName(self.tr("Data folder"))
        self.browse = QPushButton(self.tr("Choose…"))
        self.save_button = QPushButton(self.tr("&Save"))
        self.back_button = QPushButton(self.tr("Back"))
        self.message = QLabel(wordWrap=True)

        general = QGroupBox(self.tr("General (applies when the app is next started)"))
        form = QFormLayout(general)
        form.addRow(self.tr("Language"), self.language)
        folder = QHBoxLayout()
        folder.addWidget(self.data_dir, 1)
        folder.addWidget(self.browse)
        form.addRow(self.tr("Data folder"), folder)
        devices = QGroupBox(self.tr("Devices (apply to the next assessment opened)"))
        device_form = QFormLayout(devices)
        self.camera = QComboBox()
        self.camera.setAccessibleName(self.tr("Camera"))
        self.camera.addItem(self.tr("No camera"), "")
        self.camera.addItem(self.tr("Simulated camera (test pattern)"), "simulated")
        if settings.camera and settings.camera != "simulated":
            self.camera.addItem(self.tr("Camera {name}").format(name=settings.camera), settings.camera)
        self.camera.setCurrentIndex(max(0, self.camera.findData(settings.camera)))
        self.find_cameras = QPushButton(self.tr("Find cameras"))
        camera_row = QHBoxLayout()
        camera_row.addWidget(self.camera, 1)
        camera_row.addWidget(self.find_cameras)
        device_form.addRow(self.tr("Camera"), camera_row)
        device_form.addRow(QLabel(self.tr("Vehicle diagnostic adapters: not available in this version."),
                                  wordWrap=True))
        provider = QGroupBox(self.tr("Training provider"))
        QVBoxLayout(provider).addWidget(QLabel(
            self.tr("Delivery to the training provider: not available in this version; "
                    "assessments stay on this computer."), wordWrap=True))
        workstation = QGroupBox(self.tr("This workstation"))
        key_form = QFormLayout(workstation)
        self.fingerprint = QLabel(device_fingerprint or self.tr("not created yet"))
        self.fingerprint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.fingerprint.setAccessibleName(self.tr("Workstation key fingerprint"))
        self.fingerprint.setWordWrap(True)
        key_form.addRow(self.tr("Signing key fingerprint"), self.fingerprint)
        key_form.addRow(QLabel(self.tr("The training provider compares this with the key it "
                                       "enrolled for this workstation."), wordWrap=True))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.back_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        for w in (general, workstation, devices, provider, self.message):
            layout.addWidget(w)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.browse.clicked.connect(self._browse)
        self.find_cameras.clicked.connect(self._find)
        self.save_button.clicked.connect(self._save)
        self.back_button.clicked.connect(self.back_requested)

    def _find(self) -> None:
        self.find_cameras.setEnabled(False)
        self.message.setText(self.tr("Looking for cameras (a few seconds)…"))
        self.find_cameras_requested.emit()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), self.data_dir.text())
        if chosen:
            self.data_dir.setText(chosen)

    def _save(self) -> None:
        self.save_requested.emit(replace(
            self._settings, language=self.language.currentData(), data_dir=self.data_dir.text().strip(),
            camera=self.camera.currentData() or ""))

    def show_cameras(self, cameras: list[tuple[str, str]]) -> None:
        """Cameras found: (settings value, label) pairs, added to the choice."""
        for value, text in cameras:
            if self.camera.findData(value) < 0:
                self.camera.addItem(text, value)
        self.find_cameras.setEnabled(True)
        self.message.setText(self.tr("{n} camera(s) found.").format(n=len(cameras)))

    def show_saved(self, where: str) -> None:
        self.message.setText(self.tr("Saved to {path}. Restart the app to apply.").format(path=where))
