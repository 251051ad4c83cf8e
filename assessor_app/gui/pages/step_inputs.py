"""The step's own inputs besides its result: structured data with each check's verdict, the
instrument a reading is taken with, photos, oral questions, the assessor's prompts and
interventions, and doing a live-dead-live sequence again after its window lapsed.

Layout only: each widget turns what the trainer entered into an engine action and emits it; the
engine decides and the snapshot that comes back is shown. Typed values survive a refresh of the
same step (a countdown, a reading): inputs are rebuilt only when another step is shown.
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFileDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assessor_app.core.engine import RecordAnswer, RecordIntervention, ReopenSteps
from assessor_app.gui.keys import first_enabled
from assessor_app.gui.labels import label
from assessor_app.gui.pages.field_inputs import FieldInputs
from assessor_app.gui.run_views import PhotoView, QuestionView, RunSnapshot, StepWork
from assessor_app.gui.theme import MIN_TARGET_PX
from assessor_app.gui.widgets import keep_hints

#: How large a thumbnail is shown in the strip (the controller makes them a little larger).
THUMB_SHOWN = QSize(128, 96)
#: Recorded with a redo: why the sequence is done again (the trainer's words go in a note).
REDO_REASON = "live-dead-live window lapsed: the tester is proved again and the reading taken again"


class PhotoStrip(QGroupBox):
    """Photo (P) through the assessment camera, Photo from file…, and the step's thumbnails."""

    take_requested = Signal()
    file_chosen = Signal(str)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Photos"), parent)
        self.take_button = QPushButton(self.tr("Photo (P)"))
        self.take_button.setAccessibleName(self.tr("Take a photo with the camera"))
        self.file_button = QPushButton(self.tr("Photo from file…"))
        self.file_button.setAccessibleName(self.tr("Add a photo from a file"))
        self.strip = QListWidget()
        self.strip.setViewMode(QListView.ViewMode.IconMode)
        self.strip.setFlow(QListView.Flow.LeftToRight)
        self.strip.setWrapping(False)
        self.strip.setIconSize(THUMB_SHOWN)
        # the icons, their captions and room for the (glove-sized) scroll bar
        self.strip.setFixedHeight(THUMB_SHOWN.height() + 40 + MIN_TARGET_PX)
        self.strip.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.strip.setAccessibleName(self.tr("Photos of this step"))
        self.problems = QLabel(objectName="refusal", wordWrap=True)
        buttons = QVBoxLayout()
        buttons.addWidget(self.take_button)
        buttons.addWidget(self.file_button)
        buttons.addStretch(1)
        row = QHBoxLayout()
        row.addLayout(buttons)
        row.addWidget(self.strip, 1)
        row.addStretch(0)  # takes the room while there are no photos yet
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.problems)
        self._shown: list[str] = []
        self.take_button.clicked.connect(self.take_requested)
        self.file_button.clicked.connect(self.choose_file)

    def choose_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Photo from file"), "", self.tr("Pictures (*.jpg *.jpeg *.png *.JPG *.JPEG *.PNG)"))
        if path:
            self.file_chosen.emit(path)

    def show_photos(self, photos: list[PhotoView]) -> None:
        shown = [p.sha256 for p in photos]
        if shown != self._shown:  # made on the GUI thread, and only when the photos changed
            self._shown = shown
            self.strip.clear()
            for i, p in enumerate(photos, 1):
                pixmap = QPixmap()
                if p.thumbnail is not None:
                    pixmap.loadFromData(p.thumbnail, "JPEG")
                item = QListWidgetItem(QIcon(pixmap), f"{i} · {label(p.source)}")
                item.setToolTip(f"{p.evidence} · {p.width}×{p.height} · SHA-256 {p.sha256[:12]}…")
                item.setData(Qt.ItemDataRole.UserRole, p.evidence)
                self.strip.addItem(item)
        self.strip.setVisible(bool(photos))
        self.problems.setText("\n".join(f"{p.evidence}: {p.problem}" for p in photos if p.problem))
        self.problems.setVisible(bool(self.problems.text()))


class QuestionsBox(QGroupBox):
    """Each oral question with the answer noted, and Correct / Incorrect."""

    answer_given = Signal(object)  # RecordAnswer

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Oral questions"), parent)
        self.grid = QGridLayout(self)
        self.step: str | None = None
        self.answers: dict[str, QLineEdit] = {}
        self.buttons: dict[str, tuple[QPushButton, QPushButton]] = {}
        self.noted: dict[str, QLabel] = {}

    def build(self, step: str, questions: list[QuestionView]) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().hide()  # out of the tab order now, not when Qt deletes it
                item.widget().deleteLater()
        self.step = step
        self.answers.clear()
        self.buttons.clear()
        self.noted.clear()
        for i, q in enumerate(questions):
            text = QLabel(q.text, wordWrap=True)
            answer = QLineEdit(placeholderText=self.tr("The answer given"))
            answer.setAccessibleName(self.tr("Answer: {question}").format(question=q.text))
            answer.setText(q.answer)
            right = QPushButton(self.tr("Correct"))
            wrong = QPushButton(self.tr("Incorrect"))
            right.clicked.connect(lambda _=False, qid=q.id: self._judge(qid, True))
            wrong.clicked.connect(lambda _=False, qid=q.id: self._judge(qid, False))
            noted = QLabel(wordWrap=True)
            self.grid.addWidget(text, 2 * i, 0, 1, 4)
            self.grid.addWidget(answer, 2 * i + 1, 0)
            self.grid.addWidget(right, 2 * i + 1, 1)
            self.grid.addWidget(wrong, 2 * i + 1, 2)
            self.grid.addWidget(noted, 2 * i + 1, 3)
            self.answers[q.id], self.buttons[q.id], self.noted[q.id] = answer, (right, wrong), noted
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(3, 1)
        self.show_answers(questions)

    def show_answers(self, questions: list[QuestionView]) -> None:
        for q in questions:
            noted = self.noted.get(q.id)
            if noted is None:
                continue
            if q.correct is None:
                noted.setText("")
            else:
                noted.setText(self.tr("noted: correct ✔") if q.correct else self.tr("noted: incorrect ✘"))

    def _judge(self, question: str, correct: bool) -> None:
        if self.step is not None:
            self.answer_given.emit(RecordAnswer(self.step, question, self.answers[question].text().strip(),
                                                correct))

    def set_editable(self, editable: bool) -> None:
        for answer in self.answers.values():
            answer.setEnabled(editable)
        for right, wrong in self.buttons.values():
            right.setEnabled(editable)
            wrong.setEnabled(editable)


class InterventionBox(QGroupBox):
    """Prompted / Intervened with a note; on a critical step the trainer is told it fails the step."""

    intervention_given = Signal(object)  # RecordIntervention

    def __init__(self, parent: QWidget | None = None):
        super().__init__(self.tr("Assessor prompt or intervention"), parent)
        self.note = QLineEdit(placeholderText=self.tr("What you prompted, or why you intervened"))
        self.note.setAccessibleName(self.tr("Prompt or intervention note"))
        self.prompt_button = QPushButton(self.tr("Prompted"))
        self.intervene_button = QPushButton(self.tr("Intervened"))
        self.warning = QLabel(objectName="refusal", wordWrap=True)
        self.recorded = QLabel(wordWrap=True)
        row = QHBoxLayout()
        row.addWidget(self.note, 1)
        row.addWidget(self.prompt_button)
        row.addWidget(self.intervene_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.warning)
        layout.addLayout(row)
        layout.addWidget(self.recorded)
        self.step: str | None = None
        self.prompt_button.clicked.connect(lambda: self._give("prompt"))
        self.intervene_button.clicked.connect(lambda: self._give("intervention"))

    def show_step(self, step: str, work: StepWork, editable: bool) -> None:
        if step != self.step:
            self.note.clear()
        self.step = step
        warning = self.tr("Critical step: a prompt or an intervention fails this step.")
        self.warning.setText(warning if work.critical and editable else "")
        self.recorded.setText("\n".join(
            self.tr("{kind} (attempt {n}): {note}").format(kind=label(i.kind), n=i.attempt, note=i.note)
            + (self.tr(" · failed the step") if i.fails_step else "")
            for i in work.interventions))
        for w in (self.note, self.prompt_button, self.intervene_button):
            w.setEnabled(editable)

    def _give(self, kind: str) -> None:
        if self.step is not None:
            self.intervention_given.emit(RecordIntervention(self.step, kind,  # type: ignore[arg-type]
                                                            self.note.text().strip()))
            self.note.clear()


class StepInputs(QWidget):
    """Everything of the shown step besides its readings and its result."""

    action_requested = Signal(object)  # an engine Action
    photo_requested = Signal(str)  # step id: take a photo with the assessment camera
    photo_file_requested = Signal(str, str)  # step id, path of the picture to import

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.lock = QLabel(objectName="refusal", wordWrap=True)
        self.redo_text = QLabel(objectName="hazardText", wordWrap=True)
        self.redo_button = QPushButton(self.tr("Re-prove the tester and measure again"))
        self.fields = FieldInputs()
        self.photos = PhotoStrip()
        self.questions = QuestionsBox()
        self.interventions = InterventionBox()
        redo = QHBoxLayout()
        redo.addWidget(self.redo_text, 1)
        redo.addWidget(self.redo_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.lock)
        layout.addLayout(redo)
        for w in (self.fields, self.photos, self.questions, self.interventions):
            layout.addWidget(w)
        self.step: str | None = None
        self._key: tuple[str, str] | None = None
        self._redo_from: str | None = None
        self.fields.record_requested.connect(self.action_requested)
        self.questions.answer_given.connect(self.action_requested)
        self.interventions.intervention_given.connect(self.action_requested)
        self.photos.take_requested.connect(self._take)
        self.photos.file_chosen.connect(self._import)
        self.redo_button.clicked.connect(self._redo)

    def show_step(self, snap: RunSnapshot, step: str, *, editable: bool) -> None:
        """Show ``step``; ``editable``: the step can still be worked on (not done, task running)."""
        work = snap.work.get(step)
        if work is None:
            self.setVisible(False)
            return
        self.setVisible(True)
        key = (snap.assessment_id, step)
        if key != self._key:  # another step: new inputs, with what was recorded
            self._key, self.step = key, step
            self.fields.build(step, work.fields)
            self.questions.build(step, work.questions)
        else:
            self.fields.show_verdicts(work.fields)
            self.questions.show_answers(work.questions)
        running = snap.phase == "in_progress"
        self.fields.setVisible(bool(work.fields))
        self.fields.set_editable(editable)
        self.questions.setVisible(bool(work.questions))
        self.questions.set_editable(editable)
        self.photos.show_photos(work.photos)
        for b in (self.photos.take_button, self.photos.file_button):
            b.setEnabled(running)
        self.interventions.show_step(step, work, editable)
        self.lock.setText(
            self.tr("Locked into the hazard stop: {lock}. Make the vehicle safe, keep it quarantined and "
                    "record the hazard stop (H).").format(lock=work.hazard_lock)
            if work.hazard_lock and editable else "")
        self._redo_from = work.redo_from if running else None
        if self._redo_from is not None:
            title = snap.spec.step(self._redo_from).title.get_text(snap.language)
            self.redo_text.setText(self.tr("The live-dead-live window has lapsed: do the sequence again "
                                           "from step {step} ({title}). Every reading is kept.")
                                   .format(step=self._redo_from, title=title))
        self.redo_text.setVisible(self._redo_from is not None)
        self.redo_button.setVisible(self._redo_from is not None)

    def _take(self) -> None:
        if self.step is not None:
            self.photo_requested.emit(self.step)

    def _import(self, path: str) -> None:
        if self.step is not None:
            self.photo_file_requested.emit(self.step, path)

    def _redo(self) -> None:
        if self._redo_from is not None:
            self.action_requested.emit(ReopenSteps(self._redo_from, REDO_REASON))

    def first_to_fill(self, page: QWidget) -> QWidget | None:
        """Where the step's next input goes among these: the first required field not recorded, else
        the answer to the first question not yet judged (None when all are done or cannot be edited)."""
        fields = self.fields.first_to_fill() if self.fields.isVisibleTo(page) else None
        answers = [self.questions.answers[qid] for qid, noted in self.questions.noted.items()
                   if not noted.text()]
        return first_enabled(page, [fields, *answers])

    def take_photo(self) -> None:
        """The P key: as the button, when it can be pressed."""
        if self.photos.take_button.isEnabled() and self.photos.take_button.isVisible():
            self.photos.take_button.click()


class InstrumentRow(QWidget):
    """The instrument and range a reading is taken with, where the checklist asks for them.

    Prefilled with what this step's readings were taken with, else the last instrument used in
    the assessment (live-dead-live is done with one tester)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.instrument = QLineEdit(placeholderText=self.tr("Instrument id, e.g. FLUKE-1587-22"))
        self.instrument.setAccessibleName(self.tr("Instrument"))
        self.range = QLineEdit(placeholderText=self.tr("Range, e.g. 1000 V DC"))
        self.range.setAccessibleName(self.tr("Range"))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(self.tr("Instrument")))
        row.addWidget(self.instrument, 2)
        row.addWidget(QLabel(self.tr("Range")))
        row.addWidget(self.range, 1)
        keep_hints(self.instrument, self.range)
        self._key: tuple[str, str] | None = None

    def show_step(self, snap: RunSnapshot, step: str, *, editable: bool) -> None:
        rows = snap.measurements.get(step, [])
        needed = any(m.instrument for m in rows)
        self.setVisible(needed)
        key = (snap.assessment_id, step)
        if needed and key != self._key:
            used = next((m for m in rows if m.instrument_used), None)
            self.instrument.setText(used.instrument_used if used else snap.last_instrument)
            self.range.setText(used.range_label if used else snap.last_range)
        self._key = key
        self.instrument.setEnabled(editable)
        self.range.setEnabled(editable)

    def values(self) -> tuple[str | None, str | None]:
        instrument, range_label = self.instrument.text().strip(), self.range.text().strip()
        return instrument or None, range_label or None
