"""The main window: home, new assessment, run, review; every store access off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QStackedWidget, QWidget

from assessor_app.errors import AssessorError
from assessor_app.gui.operations import Operation, TaskManager
from assessor_app.gui.pages.home import HomePage
from assessor_app.paths import user_checklists_dir
from assessor_app.settings import Settings, load_settings, save_settings

# The first frame is painted before these load (see attach): import them where they are used.
if TYPE_CHECKING:
    from assessor_app.core.specs.library import Library
    from assessor_app.gui.pages.new_assessment import NewAssessmentForm
    from assessor_app.gui.run_controller import RunController, RunSnapshot
    from assessor_app.storage.store import AssessmentStore

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, store: AssessmentStore | None, library: Library | None, language: str = "en",
                 parent: QWidget | None = None, camera: str = "", adapter: str = ""):
        """The window. Without a store and a library (the app's start) it is the frame and the
        home page only, painted at once; :meth:`attach` then adds the rest."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Assessor"))
        self.language = language
        self.tasks = TaskManager(self)
        #: opens a file or folder with the desktop's own application (a test puts a recorder here)
        self.open_url: Callable[[QUrl], bool] = QDesktopServices.openUrl
        self.controller: RunController | None = None
        self.attached = False
        self.home = HomePage()
        self.stack = QStackedWidget()
        self.stack.addWidget(self.home)
        self.setCentralWidget(self.stack)
        self.connection = QLabel(self.tr("Offline"))
        self.outbox = QLabel(self.tr("Outbox: 0"))
        self.statusBar().addPermanentWidget(self.connection)
        self.statusBar().addPermanentWidget(self.outbox)
        self.resize(1200, 800)
        if store is None or library is None:
            self.statusBar().showMessage(self.tr("Opening the assessments…"))
        else:
            self.attach(store, library, camera, adapter)

    def attach(self, store: AssessmentStore, library: Library, camera: str = "", adapter: str = "") -> None:
        """Everything that needs the store and the checklists: the other pages, the camera, the
        vehicle adapter, delivery; then the home list is read."""
        from assessor_app.gui.delivery import DeliveryCoordinator
        from assessor_app.gui.diagnostics import DiagnosticsCoordinator
        from assessor_app.gui.feedback import FeedbackCoordinator
        from assessor_app.gui.pages.feedback import FeedbackPage
        from assessor_app.gui.pages.new_assessment import NewAssessmentPage
        from assessor_app.gui.pages.review import ReviewPage
        from assessor_app.gui.pages.run import RunPage
        from assessor_app.gui.pages.settings import SettingsPage
        from assessor_app.gui.video import VideoCoordinator

        self.store = store
        self.library = library
        self.home.show_checklist_problems(library.problems)
        self.new_page = NewAssessmentPage(library, self.language)
        self.run_page = RunPage()
        self.review = ReviewPage()
        settings = load_settings()
        self.settings_page = SettingsPage(settings, str(store.path.parent),
                                          self._device_fingerprint())
        user_checklists = user_checklists_dir(store.path.parent)
        self.settings_page.checklists.show_report(str(user_checklists), library.report(user_checklists))
        self.video = VideoCoordinator(self.run_page.video, self.tasks, store.path.parent, camera)
        self.video.failed.connect(self.report)
        self.diagnostics = DiagnosticsCoordinator(self.run_page.diagnostics, self.tasks, store.path.parent,
                                                  adapter, self.language)
        self.diagnostics.action_ready.connect(self.act)
        self.diagnostics.failed.connect(self.report)
        self.run_page.step_shown.connect(self.diagnostics.show_step)
        self.feedback_page = FeedbackPage()
        self.feedback = FeedbackCoordinator(store, library, self.tasks, self.language, self)
        for page in (self.new_page, self.run_page, self.review, self.settings_page, self.feedback_page):
            self.stack.addWidget(page)
        self.delivery = DeliveryCoordinator(
            store, store.path.parent, self.tasks, self.connection, self.outbox,
            bandwidth_kbps=settings.sync_bandwidth_limit_kbps, prune=settings.sync_prune_after_receipt)
        self.delivery.failed.connect(self._delivery_failed)
        self.delivery.enrolled.connect(self._enrolled)
        self.delivery.feedback_arrived.connect(self.feedback.refresh)
        self.feedback.views_ready.connect(self.feedback_page.show_views)
        self.feedback.unread_changed.connect(self.home.show_feedback_count)
        self.feedback.failed.connect(self.report)
        self.home.feedback_requested.connect(self.show_feedback)
        self.feedback_page.back_requested.connect(self.show_home)
        self.feedback_page.read_requested.connect(self.feedback.mark_read)
        self.statusBar().clearMessage()

        self.home.new_requested.connect(self.show_new)
        self.home.open_requested.connect(self.open_assessment)
        self.home.filter_changed.connect(lambda status, text: self.refresh_home(status, text))
        self.new_page.cancelled.connect(self.show_home)
        self.new_page.start_requested.connect(self.start_assessment)
        self.new_page.gate_requested.connect(self.check_gate)
        self.delivery.eligibility_arrived.connect(self.new_page.ask_gate)
        self.run_page.action_requested.connect(self.act)
        self.run_page.photo_requested.connect(self.take_photo)
        self.run_page.photo_file_requested.connect(self.import_photo)
        self.run_page.review_requested.connect(self.show_review)
        self.run_page.refresh_requested.connect(self._refresh_run)
        self.review.action_requested.connect(self.act)
        self.review.identity_check_requested.connect(self.act)
        self.review.back_requested.connect(lambda: self.stack.setCurrentWidget(self.run_page))
        self.review.home_requested.connect(self.show_home)
        self.review.seal_requested.connect(self.seal)
        self.review.open_requested.connect(self.open_path)
        self.home.settings_requested.connect(lambda: self.stack.setCurrentWidget(self.settings_page))
        self.settings_page.back_requested.connect(self.show_home)
        self.settings_page.save_requested.connect(self.save_settings)
        self.settings_page.theme_chosen.connect(self.choose_theme)
        self.settings_page.find_cameras_requested.connect(self.find_cameras)
        self.settings_page.enroll_requested.connect(self.delivery.enroll)
        self.settings_page.bind_requested.connect(self.delivery.bind_assessor)
        self.delivery.bound.connect(self.settings_page.provider.show_bound)
        self.delivery.bind_failed.connect(self.settings_page.provider.show_bind_failed)
        self.delivery.bindings_changed.connect(self.settings_page.provider.show_bindings)
        self.settings_page.find_adapters_requested.connect(self.find_adapters)
        self.settings_page.test_adapter_requested.connect(self.test_adapter)
        self.refresh_home()
        self.feedback.refresh()
        self.delivery.start()
        self.delivery.refresh_bindings()
        self.attached = True

    # ------------------------------------------------------------------ home
    def show_home(self) -> None:
        self.stack.setCurrentWidget(self.home)
        self.refresh_home(self.home.status.currentData() or "", self.home.search.text())

    def refresh_home(self, status: str = "", search: str = "") -> None:
        self.tasks.write(Operation(
            lambda: self.store.list(status=status or None, search=search),
            on_success=self.home.show_assessments, on_failure=self.report, label="list",
        ))

    def show_feedback(self) -> None:
        """The moderation feedback received, read again from the store."""
        self.stack.setCurrentWidget(self.feedback_page)
        self.feedback.refresh()

    # ------------------------------------------------------------------ starting and opening
    def show_new(self) -> None:
        """The new-assessment page, the workshop prefilled from the enrollment when enrolled."""
        self.stack.setCurrentWidget(self.new_page)
        self.tasks.background(Operation(self.delivery.outbox.enrollment,
                                        on_success=self.new_page.prefill_workshop, on_failure=self.report,
                                        label="enrollment"))
        self.new_page.ask_gate()  # results recorded since, or a list received: asked again

    def check_gate(self, checklist_id: str, candidate_id: str) -> None:
        """Which prerequisites of a gated checklist the candidate meets: recorded here, or in the
        provider's last eligibility list (read off the GUI thread)."""
        from assessor_app.storage.eligibility import gate_for

        def run() -> Any:
            return gate_for(self.store, self.library, checklist_id, candidate_id)

        self.tasks.background(Operation(run, on_success=self.new_page.show_gate, on_failure=self.report,
                                        label="gateway"))

    def start_assessment(self, form: NewAssessmentForm) -> None:
        from assessor_app.core.engine import Person, Vehicle
        from assessor_app.gui.run_controller import RunController
        from assessor_app.storage.eligibility import start_eligibility
        from assessor_app.storage.recorder import AssessmentRecorder

        checklist = self.library.checklist(form.checklist_id)
        params = self.library.parameter_set(form.parameter_set_id)
        folder = self.store.path.parent
        responsible = Person(form.responsible_id, form.responsible_name) if form.responsible_id else None

        def run() -> RunController:
            # asked again as it starts: a result or a list may have arrived since the page showed it
            eligibility = start_eligibility(self.store, self.library, form.checklist_id, form.candidate_id)
            recorder = AssessmentRecorder.start(
                self.store, checklist, params,
                candidate=Person(form.candidate_id, form.candidate_name),
                assessor=Person(form.assessor, form.assessor_name),
                workshop=Person(form.workshop, form.workshop_name),
                vehicle=Vehicle(form.vin, "", form.working_voltage_v), language=self.language,
                responsible_person=responsible, workshop_country=form.workshop_country,
                workshop_address=form.workshop_address, awarding_body=form.awarding_body,
                eligibility=eligibility,
            )
            from assessor_app.core.engine import RecordConsent

            recorder.act(RecordConsent(form.candidate_id, form.video_consent,
                                       "Consent to video recording asked before any recording."))
            return RunController(recorder, self.language, folder)

        self.tasks.write(Operation(run, on_success=self._opened, on_failure=self._start_failed,
                                   label="start"))

    def _start_failed(self, error: BaseException) -> None:
        """Why it cannot start (the assessor is the candidate, a prerequisite missing): on the page."""
        if isinstance(error, AssessorError):
            self.new_page.show_error(error.text(self.language))
        else:
            self.report(error)

    def open_assessment(self, assessment_id: str) -> None:
        from assessor_app.gui.run_controller import RunController
        from assessor_app.storage.recorder import AssessmentRecorder

        folder = self.store.path.parent

        def run() -> RunController:
            return RunController(AssessmentRecorder.open(self.store, assessment_id), self.language, folder)

        self.tasks.write(Operation(run, on_success=self._opened, on_failure=self.report, label="open"))

    def _opened(self, controller: RunController) -> None:
        self.controller = controller
        self.tasks.write(Operation(controller.snapshot, on_success=self._show_opened, label="snapshot"))

    def _show_opened(self, snap: RunSnapshot) -> None:
        if self.controller is not None:
            self.video.begin(self.controller.recorder, in_progress=not snap.read_only)
            self.diagnostics.begin(self.controller.recorder, in_progress=not snap.read_only)
        self.run_page.show_snapshot(snap, move_to_next=True)
        self.review.show_snapshot(snap)
        self.stack.setCurrentWidget(self.review if snap.read_only else self.run_page)

    # ------------------------------------------------------------------ acting
    def act(self, action: Any, note: str = "") -> None:
        """Record ``action`` on the writer thread; ``note``: an identity check's note."""
        controller = self.controller
        if controller is None:
            return
        self.tasks.write(Operation(
            lambda: controller.act(action, note), on_success=self._acted, on_failure=self.report,
            label=type(action).__name__,
        ))

    def take_photo(self, step: str) -> None:
        """A photo of ``step``: the recording's latest frame while it holds the camera, else a still."""
        controller = self.controller
        if controller is None:
            return
        from assessor_app.devices.camera_choice import camera_from_setting

        recording = self.video.session
        camera = None if recording is not None else camera_from_setting(self.video.camera)
        self.tasks.write(Operation(lambda: controller.take_photo(step, camera, recording),
                                   on_success=self._acted, on_failure=self.report, label="photo"))

    def import_photo(self, step: str, path: str) -> None:
        controller = self.controller
        if controller is None:
            return
        self.tasks.write(Operation(lambda: controller.import_photo(step, Path(path)),
                                   on_success=self._acted, on_failure=self.report, label="photo file"))

    def _acted(self, outcome: tuple[Any, RunSnapshot]) -> None:
        from assessor_app.core.engine import Refused

        result, snap = outcome
        refused = isinstance(result, Refused)
        is_result = getattr(result, "kind", "") == "step_result"
        if not refused:
            self.video.mark(result)
            self.diagnostics.on_event(result)
        self.run_page.show_snapshot(snap, move_to_next=is_result)
        self.review.show_snapshot(snap)
        if refused:
            self.run_page.show_refusal(result.text(self.language), result.rule)
            self.review.show_refusal(result.text(self.language))
        elif snap.read_only:
            self.video.end()
            self.diagnostics.end()
            self.stack.setCurrentWidget(self.review)

    def _refresh_run(self) -> None:
        if self.controller is not None:
            self.tasks.write(Operation(self.controller.snapshot, on_success=self.run_page.show_snapshot,
                                       label="refresh"))

    def seal(self, pin: str) -> None:
        """Seal the finished assessment with this workstation's key and the assessor's."""
        controller = self.controller
        if controller is None:
            return
        from assessor_app.evidence.sealing import seal_assessment

        started = controller.recorder.engine.state.started
        folder = self.store.path.parent

        def run() -> tuple[str, str | None, str]:
            from assessor_app.sync.assessors import seal_warning

            assessor_id = _key_id(started["assessor"]["id"])
            bundle = seal_assessment(self.store, controller.recorder.assessment_id, data_dir=folder,
                                     assessor_id=assessor_id, pin=pin)
            enrolled = self.delivery.outbox.enrollment() is not None
            from assessor_app.gui.run_controller import sealed_record_pdf

            pdf = sealed_record_pdf(bundle.path, self.language)
            return (str(bundle.path), seal_warning(folder / "keys", assessor_id, enrolled),
                    str(pdf) if pdf is not None else "")

        self.tasks.write(Operation(run, on_success=self._sealed,
                                   on_failure=self._seal_failed, label="seal"))

    def _device_fingerprint(self) -> str:
        """The workstation key's fingerprint; the key is made on first run."""
        from assessor_app.evidence.keys import device_key

        try:  # the keys folder of the data folder (evidence.sealing.keys_dir, without PDF and bundle code)
            return device_key(self.store.path.parent / "keys").fingerprint
        except (AssessorError, OSError) as exc:
            return self.tr("unavailable: {reason}").format(reason=str(exc))

    def _seal_failed(self, error: BaseException) -> None:
        if isinstance(error, AssessorError):
            self.review.show_refusal(error.text(self.language))
        else:
            self.report(error)

    def save_settings(self, settings: Settings) -> None:
        self.video.camera = settings.camera
        self.diagnostics.adapter = settings.can_adapter
        self.tasks.write(Operation(  # the writer keeps saves in order (a theme chosen just after)
            lambda: save_settings(settings), on_success=lambda p: self.settings_page.show_saved(str(p)),
            on_failure=self.report, label="settings",
        ))

    def choose_theme(self, settings: Settings) -> None:
        """Show the chosen theme at once, and keep it for the next start."""
        from PySide6.QtWidgets import QApplication

        from assessor_app.gui.theme import apply_theme

        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, settings.theme)
        self.tasks.write(Operation(lambda: save_settings(settings), on_failure=self.report, label="theme"))

    def _enrolled(self, enrollment: Any) -> None:
        self.settings_page.show_enrolled(enrollment.provider_url, enrollment.provider_key_id,
                                         enrollment.workshop_name)

    def _delivery_failed(self, error: BaseException) -> None:
        if isinstance(error, AssessorError | OSError):
            self.settings_page.show_enroll_failed(str(error))
            self.statusBar().showMessage(str(error), 10_000)
        else:
            self.report(error)

    def _sealed(self, result: tuple[str, str | None, str]) -> None:
        path, warning, pdf = result
        self.review.show_sealed(path, pdf)
        if warning:  # sealed all the same: the bundle waits for what the provider needs
            self.review.show_refusal(warning)
        self.delivery.bundle_sealed(Path(path))

    def find_adapters(self) -> None:
        from assessor_app.devices.adapter_choice import setting_from_can_config
        from assessor_app.devices.can import list_devices

        def found(result: Any) -> None:
            usable = [(setting_from_can_config(d.config), f"{d.identity.description or d.config.describe()}"
                       f" ({d.source})") for d in result.devices if d.config is not None]
            self.settings_page.show_adapters(usable, list(result.notes))

        self.tasks.background(Operation(list_devices, on_success=found, on_failure=self.report,
                                        label="adapters"))

    def test_adapter(self, setting: str) -> None:
        from assessor_app.devices.adapter_choice import can_config_from_setting
        from assessor_app.devices.can import test_connection

        def run() -> str:
            config = can_config_from_setting(setting)
            if config is None:
                return ""
            simulated = None
            if setting == "simulated":  # the simulated EV answers only while it runs
                from assessor_app.devices.adapter_choice import SIMULATED_CHANNEL
                from assessor_app.devices.can import SimulatedEV

                simulated = SimulatedEV(SIMULATED_CHANNEL).start()
            try:
                return str(test_connection(config).message)
            finally:
                if simulated is not None:
                    simulated.stop()

        self.tasks.background(Operation(run, on_success=self.settings_page.show_adapter_test,
                                        on_failure=lambda e: self.settings_page.show_adapter_test(str(e)),
                                        label="adapter test"))

    def find_cameras(self) -> None:
        from assessor_app.devices.video import list_cameras

        def found(cameras: list[Any]) -> None:
            self.settings_page.show_cameras([(str(c.index), c.label) for c in cameras])

        self.tasks.background(Operation(list_cameras, on_success=found, on_failure=self.report,
                                        label="cameras"))

    def open_path(self, path: str) -> None:
        """Open the sealed PDF record or the bundle folder with the desktop's own application."""
        if not path or not Path(path).exists():
            self.review.show_refusal(self.tr("Not found: {path}").format(path=path))
            return
        if not self.open_url(QUrl.fromLocalFile(path)):
            self.review.show_refusal(self.tr("No application on this computer opened {path}").format(
                path=path))

    def show_review(self) -> None:
        self.stack.setCurrentWidget(self.review)

    # ------------------------------------------------------------------ errors
    def report(self, error: BaseException) -> None:
        """Expected failures as a readable message; anything else goes to the crash handler."""
        if isinstance(error, AssessorError | OSError):
            QMessageBox.warning(self, self.tr("Assessor"), str(error))
            return
        raise error

    def closeEvent(self, event: Any) -> None:  # noqa: N802 (Qt's name)
        if self.attached:
            self.run_page.timer.stop()
            self.video.shutdown()
            self.diagnostics.shutdown()
            self.delivery.stop()
        self.tasks.shutdown()
        super().closeEvent(event)


def _key_id(assessor: str) -> str:
    """A file-safe id for an assessor's signing key (names may hold spaces and accents)."""
    import hashlib
    import re

    safe = re.sub(r"[^A-Za-z0-9_.-]+", "-", assessor).strip("-._")[:40]
    return safe or hashlib.sha256(assessor.encode()).hexdigest()[:16]
