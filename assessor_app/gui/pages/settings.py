"""Settings: language, data folder, camera, this workstation's key, the provider and its assessors."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFileDialog,
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

from assessor_app.devices.adapter_choice import can_config_from_setting, setting_from_can_config
from assessor_app.devices.can import CanConfig, CanDeviceError
from assessor_app.gui.keys import KeyGuard, screen_order, set_tab_order
from assessor_app.gui.pages.appearance import ThemeChoice
from assessor_app.gui.pages.checklist_folder import ChecklistFolderBox
from assessor_app.gui.pages.provider_settings import ProviderSettings
from assessor_app.settings import LANGUAGES, Settings


def _adapter_config(value: str) -> CanConfig | None:
    """A saved adapter configuration (not 'none' or 'simulated'), or None."""
    if value in ("", "simulated"):
        return None
    try:
        return can_config_from_setting(value)
    except CanDeviceError:
        return None


class FittingScrollArea(QScrollArea):
    """A scroll area whose content is never squeezed below the height its wrapped texts need.

    QScrollArea sizes its widget from minimumSizeHint, which a word-wrapped label computes for a
    width it does not have; the content's layout is asked for its height at the real width
    instead, whenever the width or a text changes.
    """

    def __init__(self, content: QWidget):
        super().__init__(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.setWidget(content)
        content.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.widget() and event.type() in (QEvent.Type.LayoutRequest, QEvent.Type.Resize):
            self._fit()
        return super().eventFilter(watched, event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        content = self.widget()
        layout = content.layout() if content is not None else None
        if layout is None or not layout.hasHeightForWidth():
            return
        needed = layout.totalHeightForWidth(self.viewport().width())
        if needed != content.minimumHeight():
            content.setMinimumHeight(needed)


class SettingsPage(QWidget):
    save_requested = Signal(object)  # Settings
    back_requested = Signal()
    find_cameras_requested = Signal()
    enroll_requested = Signal(str, str)  # provider address, one-time enrollment code
    bind_requested = Signal(str, str, str)  # assessor id, one-time assessor code, PIN
    find_adapters_requested = Signal()
    test_adapter_requested = Signal(str)  # the adapter setting to test
    theme_chosen = Signal(object)  # Settings: those saved, with the theme just chosen (applied at once)

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
        self.adapter = QComboBox()
        self.adapter.setAccessibleName(self.tr("Vehicle adapter"))
        self.adapter.addItem(self.tr("No vehicle adapter"), "")
        self.adapter.addItem(self.tr("Simulated EV (virtual CAN bus)"), "simulated")
        saved = _adapter_config(settings.can_adapter)
        if saved is not None:
            self.adapter.addItem(saved.describe(), settings.can_adapter)
        self.adapter.setCurrentIndex(max(0, self.adapter.findData(settings.can_adapter)))
        self.find_adapters = QPushButton(self.tr("Find adapters"))
        adapter_row = QHBoxLayout()
        adapter_row.addWidget(self.adapter, 1)
        adapter_row.addWidget(self.find_adapters)
        self.bitrate = QComboBox()
        self.bitrate.setAccessibleName(self.tr("Bit rate"))
        for rate in (125_000, 250_000, 500_000, 1_000_000):
            self.bitrate.addItem(f"{rate // 1000} kbit/s", rate)
        self.bitrate.setCurrentIndex(max(0, self.bitrate.findData(saved.bitrate if saved else 500_000)))
        self.listen_only = QCheckBox(self.tr("Listen only (never transmit on the bus)"))
        self.listen_only.setChecked(bool(saved and saved.listen_only))
        self.test_adapter = QPushButton(self.tr("Test connection"))
        self.adapter_message = QLabel(wordWrap=True)
        device_form.addRow(self.tr("Vehicle adapter"), adapter_row)
        device_form.addRow(self.tr("Bit rate"), self.bitrate)
        device_form.addRow(self.listen_only)
        device_form.addRow(self.test_adapter, self.adapter_message)
        self.provider = ProviderSettings()
        self.provider_url = self.provider.provider_url
        self.enroll_code = self.provider.enroll_code
        self.enroll_button = self.provider.enroll_button
        self.enrollment = self.provider.enrollment
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
        content = QWidget()
        column = QVBoxLayout(content)
        self.checklists = ChecklistFolderBox()  # what the data folder's checklist folder gave
        for w in (general, workstation, devices, self.checklists, self.provider):
            column.addWidget(w)
        self.appearance = ThemeChoice(settings.theme)
        column.insertWidget(1, self.appearance)
        column.addStretch(1)
        self.scroll = FittingScrollArea(content)  # the groups scroll on a small screen; the buttons stay
        layout = QVBoxLayout(self)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.browse.clicked.connect(self._browse)
        self.find_cameras.clicked.connect(self._find)
        self.provider.enroll_requested.connect(self.enroll_requested)
        self.provider.bind_requested.connect(self.bind_requested)
        self.find_adapters.clicked.connect(self._find_adapters)
        self.test_adapter.clicked.connect(self._test_adapter)
        self.save_button.clicked.connect(self._save)
        self.back_button.clicked.connect(self.back_requested)
        self.appearance.chosen.connect(self._theme_chosen)
        # keys: Esc in a field leaves it for Save; Tab follows the screen; the first control on arrival
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.guard = KeyGuard(self, lambda _field: self.save_button.setFocus())
        set_tab_order(screen_order(self))

    def showEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if not event.spontaneous():
            self.language.setFocus(Qt.FocusReason.OtherFocusReason)

    def show_enrolled(self, provider_url: str, provider_key: str, workshop: str) -> None:
        self.provider.show_enrolled(provider_url, provider_key, workshop)

    def show_enroll_failed(self, reason: str) -> None:
        self.provider.show_enroll_failed(reason)

    def _find(self) -> None:
        self.find_cameras.setEnabled(False)
        self.message.setText(self.tr("Looking for cameras (a few seconds)…"))
        self.find_cameras_requested.emit()

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Data folder"), self.data_dir.text())
        if chosen:
            self.data_dir.setText(chosen)

    def adapter_setting(self) -> str:
        """The chosen adapter as a setting, with the bit rate and listen-only chosen here."""
        value = self.adapter.currentData() or ""
        config = _adapter_config(value)
        if config is None:
            return value
        return setting_from_can_config(replace(config, bitrate=int(self.bitrate.currentData()),
                                               listen_only=self.listen_only.isChecked()))

    def _save(self) -> None:
        self._settings = replace(
            self._settings, language=self.language.currentData(), data_dir=self.data_dir.text().strip(),
            camera=self.camera.currentData() or "", can_adapter=self.adapter_setting())
        self.save_requested.emit(self._settings)

    def _theme_chosen(self, theme: str) -> None:
        """Kept at once with the settings as last saved (other fields being edited are not saved)."""
        self._settings = replace(self._settings, theme=theme)
        self.theme_chosen.emit(self._settings)

    def _find_adapters(self) -> None:
        self.find_adapters.setEnabled(False)
        self.adapter_message.setText(self.tr("Looking for vehicle adapters (a few seconds)…"))
        self.find_adapters_requested.emit()

    def show_adapters(self, adapters: list[tuple[str, str]], notes: list[str]) -> None:
        """Adapters found: (setting, label) pairs; ``notes`` say what could not be searched."""
        for value, text in adapters:
            if self.adapter.findData(value) < 0:
                self.adapter.addItem(text, value)
        self.find_adapters.setEnabled(True)
        found = self.tr("{n} adapter(s) found.").format(n=len(adapters))
        self.adapter_message.setText(" ".join([found, *notes]))

    def _test_adapter(self) -> None:
        value = self.adapter_setting()
        if not value:
            self.adapter_message.setText(self.tr("Choose a vehicle adapter first."))
            return
        self.test_adapter.setEnabled(False)
        self.adapter_message.setText(self.tr("Testing the connection (2 s)…"))
        self.test_adapter_requested.emit(value)

    def show_adapter_test(self, message: str) -> None:
        self.test_adapter.setEnabled(True)
        self.adapter_message.setText(message)

    def show_cameras(self, cameras: list[tuple[str, str]]) -> None:
        """Cameras found: (settings value, label) pairs, added to the choice."""
        for value, text in cameras:
            if self.camera.findData(value) < 0:
                self.camera.addItem(text, value)
        self.find_cameras.setEnabled(True)
        self.message.setText(self.tr("{n} camera(s) found.").format(n=len(cameras)))

    def show_saved(self, where: str) -> None:
        self.message.setText(self.tr("Saved to {path}. Restart the app to apply.").format(path=where))
