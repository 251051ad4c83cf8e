"""The window fits a 1366x768 screen in every language: nothing cut off (no word of a label,
button, combo box, field hint, group title, table header or cell), the step list shows most of the
steps, and the controls a gloved hand uses (list rows, combo popups, checkboxes, spin buttons) are
48 px or more.

The screens are the ones the screenshot tool drives the real window through (a new assessment
started, steps with data and photos, a hazard stop, the review with sign-offs, the settings with
the provider's assessors), looked at as each is photographed at 1366x768, in each language (and
in the dark theme in English); and the run screen at every step of every shipped checklist.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QPushButton,
    QRadioButton,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QStyleOptionGroupBox,
    QStyleOptionSpinBox,
    QTableWidget,
    QWidget,
)

from assessor_app.core.engine import Person, RecordConsent, Vehicle
from assessor_app.core.specs.library import Library, load_library
from assessor_app.demo import run_demo
from assessor_app.gui.main_window import MainWindow
from assessor_app.gui.screenshots import SHOTS, take_screenshots
from assessor_app.gui.theme import MIN_TARGET_PX, apply_theme
from assessor_app.gui.translator import install_translations, remove_translations
from assessor_app.gui.widgets import WrappingComboBox, fit_words_in_columns, wrap_words
from assessor_app.paths import checklists_dir, database_path
from assessor_app.settings import LANGUAGES
from assessor_app.storage.recorder import AssessmentRecorder
from assessor_app.storage.store import AssessmentStore

SIZE = (1366, 768)
#: The step list shows at least this many whole steps on the run screen at SIZE.
MIN_STEPS_SHOWN = 7
RUN_SHOTS = {"03-run-discharge-wait.png", "04-run-hazard-stop.png", "08-run-step-data-photos.png"}


@pytest.fixture(autouse=True)
def theme_restored(qapp):
    """Each test leaves the application's look as it found it (palette, style sheet, theme)."""
    palette, sheet = qapp.palette(), qapp.styleSheet()
    yield
    qapp.setPalette(palette)
    qapp.setStyleSheet(sheet)
    qapp.setProperty("assessor_theme", None)


def _words(w: QWidget) -> str:
    """What the widget shows as text (a button's shortcut marker '&' is not shown)."""
    text = w.text() if hasattr(w, "text") else ""
    text = text if isinstance(text, str) else ""
    return text.replace("&", "") if isinstance(w, QAbstractButton) else text


def _text(w: QWidget) -> str:
    chosen = w.currentText() if isinstance(w, QComboBox) else ""
    return _words(w)[:40] or w.accessibleName() or chosen[:40]


def _scroller(w: QWidget, page: QWidget) -> QAbstractScrollArea | None:
    """The scrolling area below ``page`` that ``w`` sits in (it may be partly out of view there)."""
    parent = w.parentWidget()
    while parent is not None and parent is not page:
        holder = parent.parentWidget()
        if isinstance(holder, QAbstractScrollArea) and parent is holder.viewport():
            return holder
        parent = parent.parentWidget()
    return None


def _cut_at_the_side(w: QWidget, scroller: QAbstractScrollArea) -> bool:
    """Whether ``w`` reaches past the side of a scrolling area that does not scroll sideways (up and
    down it scrolls: a widget below or above the view is not cut)."""
    if scroller.horizontalScrollBar().isVisible():
        return False
    viewport = scroller.viewport()
    left = w.mapTo(viewport, QPoint(0, 0)).x()
    return left < 0 or left + w.width() > viewport.width()


def _part_of_another(w: QWidget) -> bool:
    """The line edit inside a combo box or spin box, a table's corner button: checked as their owner."""
    parent = w.parentWidget()
    return isinstance(parent, QComboBox | QAbstractSpinBox | QAbstractScrollArea)


def layout_problems(page: QWidget) -> list[str]:
    """Every visible text, button and input of ``page`` that is shown smaller than it needs, or cut
    off by what holds it (outside a scrolling area); the words in a combo box, a field's hint, a
    group's title, a table's headers and cells that do not fit where they are shown."""
    problems = []
    for w in page.findChildren(QWidget):
        if not w.isVisible():
            continue
        if isinstance(w, QHeaderView):  # (a part of its table, looked at on its own)
            problems += _header_problems(w)
        if _part_of_another(w):
            continue
        if isinstance(w, QGroupBox):
            problems += _title_problems(w)
        elif isinstance(w, QTableWidget | QListWidget):
            problems += _cell_problems(w)
        if not isinstance(w, QLabel | QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox):
            continue
        if isinstance(w, QLabel) and not w.text():
            continue
        what = f"{type(w).__name__} {_text(w)!r}"
        wraps = isinstance(w, QLabel | QComboBox) and _wraps(w)
        if wraps or w.hasHeightForWidth():
            need = w.heightForWidth(w.width())
        elif isinstance(w, QAbstractButton | QLabel):
            need = w.sizeHint().height()
        else:
            need = w.minimumSizeHint().height()
        if w.height() < need:
            problems.append(f"{what}: {w.height()} px high, needs {need}")
        if isinstance(w, QAbstractButton | QLabel) and not wraps:
            room = _button_text_room(w) if isinstance(w, QCheckBox | QRadioButton) else w.width()
            words = max(w.fontMetrics().horizontalAdvance(line) for line in _words(w).split("\n"))
            if room < words:
                problems.append(f"{what}: {room} px wide, its words need {words}")
        if isinstance(w, QComboBox):
            problems += _combo_problems(w, what, wraps)
        if isinstance(w, QLineEdit) and not w.text() and w.placeholderText():
            problems += _hint_problems(w, what)
        control = isinstance(w, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox)
        if control and w.height() < MIN_TARGET_PX - 8:
            problems.append(f"{what}: {w.height()} px high, below the glove target")
        scroller = _scroller(w, page)
        if scroller is not None and _cut_at_the_side(w, scroller):
            problems.append(f"{what}: cut off at the side of its scrolling area")
        if scroller is None:
            shown = w.visibleRegion().boundingRect()
            if shown != QRect(0, 0, w.width(), w.height()):
                problems.append(f"{what}: only {shown.width()}x{shown.height()} of "
                                f"{w.width()}x{w.height()} is in view")
    return problems


def _wraps(w: QLabel | QComboBox) -> bool:
    wrap = getattr(w, "wordWrap", None)
    return bool(wrap()) if callable(wrap) else False


def _longest_word(w: QWidget, text: str) -> int:
    return max((w.fontMetrics().horizontalAdvance(word) for word in text.split()), default=0)


def _button_text_room(w: QAbstractButton) -> int:
    """A checkbox's or radio button's room for its words: its width less the indicator's."""
    opt = QStyleOptionButton()
    opt.initFrom(w)
    element = (QStyle.SubElement.SE_CheckBoxContents if isinstance(w, QCheckBox)
               else QStyle.SubElement.SE_RadioButtonContents)
    return w.style().subElementRect(element, opt, w).width()


def _combo_problems(combo: QComboBox, what: str, wraps: bool) -> list[str]:
    """The chosen item's words cut in the box (a box that wraps them needs room for its longest word)."""
    if combo.isEditable() or not combo.currentText():
        return []
    opt = QStyleOptionComboBox()
    combo.initStyleOption(opt)
    room = combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, opt,
                                        QStyle.SubControl.SC_ComboBoxEditField, combo).width() - 2
    text = combo.currentText()
    need = _longest_word(combo, text) if wraps else combo.fontMetrics().horizontalAdvance(text)
    return [f"{what}: shows {room} px of its words, needs {need}"] if room < need else []


def _hint_problems(edit: QLineEdit, what: str) -> list[str]:
    """An empty field's hint (its placeholder) is cut with an ellipsis where it is longer than the field."""
    opt = QStyleOptionFrame()
    edit.initStyleOption(opt)
    contents = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, opt, edit)
    margins = edit.textMargins()
    room = contents.width() - margins.left() - margins.right() - 4  # QLineEdit's own 2 px a side
    need = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    hint = edit.placeholderText()[:40]
    return [f"{what} hint {hint!r}: {room} px wide, needs {need}"] if room < need else []


def _title_problems(box: QGroupBox) -> list[str]:
    if not box.title():
        return []
    opt = QStyleOptionGroupBox()
    box.initStyleOption(opt)
    shown = box.style().subControlRect(QStyle.ComplexControl.CC_GroupBox, opt,
                                       QStyle.SubControl.SC_GroupBoxLabel, box)
    need = box.fontMetrics().horizontalAdvance(box.title().replace("&", ""))
    visible = shown.intersected(box.rect()).width()
    if visible < need:
        return [f"QGroupBox {box.title()[:40]!r}: title shown {visible} px wide, needs {need}"]
    return []


def _header_problems(header: QHeaderView) -> list[str]:
    """Each header section that is narrower (or lower) than its words."""
    problems = []
    model = header.model()
    if model is None:
        return []
    for logical in range(header.count()):
        if header.isSectionHidden(logical):
            continue
        need = header.sectionSizeFromContents(logical)
        size = header.sectionSize(logical)
        have, want = (size, need.width()) if header.orientation() == Qt.Orientation.Horizontal else (
            size, need.height())
        if have < want:
            text = model.headerData(logical, header.orientation())
            problems.append(f"header {str(text)[:40]!r}: {have} px, needs {want}")
    return problems


def _cell_problems(view: QTableWidget | QListWidget) -> list[str]:
    """Each cell in view whose words do not fit it: wrapped cells by height, others by width."""
    problems = []
    shown = view.viewport().rect()
    margin = 2 * (view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1)
    model = view.model()
    columns = model.columnCount() if isinstance(view, QTableWidget) else 1
    for row in range(model.rowCount()):
        for column in range(columns):
            index = model.index(row, column)
            rect = view.visualRect(index)
            text = str(model.data(index) or "")
            if not text or not rect.isValid() or not shown.intersects(rect):
                continue
            fm = view.fontMetrics()
            icon = model.data(index, Qt.ItemDataRole.DecorationRole)
            beside = icon is not None and view.viewMode() == QListView.ViewMode.ListMode  # else under it
            room = rect.width() - margin - (view.iconSize().width() + margin if beside else 0)
            if view.wordWrap():
                lines = fm.boundingRect(QRect(0, 0, room, 100_000), Qt.TextFlag.TextWordWrap, text)
                if lines.height() > rect.height() or _longest_word(view, text) > room:
                    problems.append(f"{type(view).__name__} cell {text[:40]!r}: {rect.width()}x"
                                    f"{rect.height()} px, its words need {lines.width()}x{lines.height()}")
            elif fm.horizontalAdvance(text) > room:
                problems.append(f"{type(view).__name__} cell {text[:40]!r}: {room} px wide, "
                                f"needs {fm.horizontalAdvance(text)}")
    return problems


def whole_rows(listing: QListWidget) -> int:
    view = listing.viewport().rect()
    return sum(view.contains(listing.visualItemRect(listing.item(i))) for i in range(listing.count()))


def _speaks(window: MainWindow, language: str) -> None:
    """The window's words are the language's (the check below looks at translated screens)."""
    english = "Pass (Space)"
    shown = window.run_page.pass_button.text()
    if language == "en":
        assert shown == english
    else:
        assert shown == QCoreApplication.translate("RunPage", english) != english, (language, shown)


#: Every language in the light theme; the dark theme's sizes are the same, its words English.
SCREENS = [(language, "light") for language in LANGUAGES] + [("en", "dark")]


@pytest.mark.parametrize(("language", "theme"), SCREENS, ids=[f"{lang}-{theme}" for lang, theme in SCREENS])
def test_every_screen_fits_1366x768(tmp_path: Path, language: str, theme: str):
    seen: dict[str, list[str]] = {}
    rows: dict[str, int] = {}

    def inspect(name: str, page: QWidget) -> None:
        seen[name] = layout_problems(page)
        window = page.window()
        assert isinstance(window, MainWindow)
        assert (window.width(), window.height()) == SIZE
        _speaks(window, language)
        if name in RUN_SHOTS:
            rows[name] = whole_rows(window.run_page.steps)

    paths = take_screenshots(tmp_path / theme, language=language, size=SIZE, theme=theme, inspect=inspect)
    assert sorted(seen) == sorted(SHOTS)
    assert {name: problems for name, problems in seen.items() if problems} == {}
    assert rows and min(rows.values()) >= MIN_STEPS_SHOWN, rows
    for path in paths:
        image = QImage(str(path))
        assert (image.width(), image.height()) == SIZE, path.name


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_every_step_of_every_checklist_fits_1366x768(qtbot, qapp, tmp_path: Path, language: str):
    """The run screen at each step of each shipped checklist (its instructions, readings, data,
    questions and photos; the vehicle's panel with the simulated adapter) in each language."""
    apply_theme(qapp, "light")
    library = load_library(checklists_dir())
    run_demo(library, tmp_path, say=lambda _line: None, video=False)  # a pass: the diagnostics' prerequisite
    store = AssessmentStore.open(database_path(tmp_path))
    translators = install_translations(qapp, language)
    window: MainWindow | None = None
    problems: dict[str, list[str]] = {}
    shown = 0
    try:
        opened = [_started(store, library, checklist, language) for checklist in sorted(library.checklists)]
        window = MainWindow(store, library, language, adapter="simulated")
        qtbot.addWidget(window)
        window.resize(*SIZE)
        window.show()
        qtbot.waitExposed(window)
        run = window.run_page
        for assessment_id in opened:
            window.open_assessment(assessment_id)
            qtbot.waitUntil(lambda a=assessment_id: window.stack.currentWidget() is run
                            and run.snapshot is not None and run.snapshot.assessment_id == a, timeout=10_000)
            _speaks(window, language)
            for row in range(run.steps.count()):
                run.steps.setCurrentRow(row)
                qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=5000)
                for _ in range(2):  # layout requests, deferred deletions of the last step's inputs
                    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
                    QApplication.processEvents()
                step = f"{run.snapshot.spec.id} {run.current_step}"
                problems[step] = layout_problems(run)
                shown += 1
            window.diagnostics.end()
            qtbot.waitUntil(lambda: window.tasks.pending == 0, timeout=5000)
    finally:
        if window is not None:
            window.close()
        remove_translations(qapp, translators)
        store.close()
    assert shown == sum(len(c.spec.steps) for c in library.checklists.values())
    assert {step: found for step, found in problems.items() if found} == {}


def _started(store: AssessmentStore, library: Library, checklist: str, language: str) -> str:
    """An assessment of ``checklist`` just begun (consent refused: no recording) by the demo's learner."""
    recorder = AssessmentRecorder.start(
        store, library.checklist(checklist), library.parameter_set("generic-400v"),
        candidate=Person("learner-017", "Noa Nieminen"), assessor=Person("assessor-03", "Ari Assessor"),
        workshop=Person("ws-demo", "Garage Nord"), vehicle=Vehicle("KNAC381DFN5000123", "", 400.0),
        language=language, workshop_country="FI")
    recorder.act(RecordConsent("learner-017", False, "Consent asked before any recording."), language)
    return recorder.assessment_id


def test_the_layout_check_notices_a_cut_off_button(qtbot, qapp):
    """The check is not blind: a button squeezed below its words and its height is reported."""
    apply_theme(qapp, "light")
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    button = QPushButton("Record the insulation resistance reading")
    layout.addWidget(button)
    page.show()
    qtbot.waitExposed(page)
    assert layout_problems(page) == []
    button.setFixedSize(80, 20)
    problems = layout_problems(page)
    assert any("px wide" in p for p in problems) and any("px high" in p for p in problems)
    button.setMinimumSize(0, 0)
    button.setMaximumSize(10000, 10000)
    layout.removeWidget(button)
    button.setGeometry(page.width() - 40, 0, button.sizeHint().width(), button.sizeHint().height())
    assert any("in view" in p for p in layout_problems(page))


def test_the_layout_check_notices_cut_choices_hints_titles_and_cells(qtbot, qapp):
    """A combo box's chosen item, an empty field's hint, a group's title, a header and a cell whose
    word is wider than its column, a widget reaching past the side of a scrolling area: each is
    reported when cut, and nothing is when they have their room."""
    from PySide6.QtWidgets import QScrollArea, QTableWidgetItem, QVBoxLayout

    apply_theme(qapp, "light")
    page = QWidget()
    qtbot.addWidget(page)
    layout = QVBoxLayout(page)
    combo = QComboBox()
    combo.addItem("Korkeajännitejärjestelmän jännitteettömäksi tekeminen")
    hint = QLineEdit(placeholderText="Perustelu (pakollinen, jos ei sovellu; hyödyllinen, jos hylätty)")
    box = QGroupBox("Devices (apply to the next assessment opened)")
    QVBoxLayout(box).addWidget(QLabel("camera"))
    table = QTableWidget(1, 2)
    table.setWordWrap(True)
    table.setHorizontalHeaderLabels(["Step", "Resultado"])
    table.setItem(0, 1, QTableWidgetItem("detenido correctamente"))
    scroll = QScrollArea()
    scroll.setWidgetResizable(True)
    scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    inside = QWidget()
    wide = QPushButton("Registrar", inside)
    scroll.setWidget(inside)
    for w in (combo, hint, box, table, scroll):
        layout.addWidget(w)
    page.resize(900, 700)
    page.show()
    qtbot.waitExposed(page)
    wide.move(0, 0)
    fit_words_in_columns(table, [0, 1])
    table.resizeRowsToContents()
    assert layout_problems(page) == []

    combo.setFixedWidth(200)
    hint.setFixedWidth(150)
    box.setFixedWidth(120)
    table.horizontalHeader().resizeSection(1, 40)
    wide.move(scroll.viewport().width() - 20, 0)
    qtbot.waitUntil(lambda: combo.width() == 200 and box.width() == 120)
    problems = "\n".join(layout_problems(page))
    assert "QComboBox 'Korkeajännitejärjestelmän" in problems and "of its words" in problems
    assert "hint 'Perustelu (pakollinen" in problems
    assert "QGroupBox 'Devices (apply" in problems
    assert "header 'Resultado'" in problems
    assert "cell 'detenido correctamente'" in problems
    assert "QPushButton 'Registrar': cut off at the side of its scrolling area" in problems


def test_a_wrapping_combo_box_shows_its_choice_whole_and_grows_with_it(qtbot, qapp):
    from PySide6.QtWidgets import QFormLayout

    apply_theme(qapp, "light")
    page = QWidget()
    qtbot.addWidget(page)
    form = QFormLayout(page)
    combo = WrappingComboBox()
    combo.addItem("Yleinen 400 V DC -sarjavalmisteinen ajoneuvo (yleiset arvot: ei valmistajan tietoja)")
    combo.addItem("Yleinen 800 V DC")
    form.addRow("Parametrisarja", combo)
    form.addRow("Ajoneuvon VIN", QLineEdit())
    page.resize(420, 300)
    page.show()
    qtbot.waitExposed(page)
    one_line = QComboBox().sizeHint().height()
    assert combo.wordWrap()
    qtbot.waitUntil(lambda: combo.height() == combo.heightForWidth(combo.width()))
    assert combo.height() > one_line  # two lines or more, all shown
    assert layout_problems(page) == []
    combo.setCurrentIndex(1)
    qtbot.waitUntil(lambda: combo.height() == combo.heightForWidth(combo.width()))
    assert combo.height() < QComboBox().sizeHint().height() + combo.fontMetrics().lineSpacing()
    page.resize(1200, 300)  # room for the long one on one line: no wrapping
    combo.setCurrentIndex(0)
    qtbot.waitUntil(lambda: combo.width() > 1000)
    assert combo.heightForWidth(combo.width()) == combo.heightForWidth(5000)


def test_wrap_words_breaks_between_words_only(qapp):
    metrics = QLabel().fontMetrics()
    word = metrics.horizontalAdvance
    text = "Consignação e reenergização do sistema de alta tensão"
    lines = wrap_words(text, metrics, word("Consignação e reenergização"))
    assert lines == ["Consignação e reenergização", "do sistema de alta tensão"]
    assert wrap_words("Korkeajännitejärjestelmän ja", metrics, 10) == ["Korkeajännitejärjestelmän", "ja"]
    assert wrap_words("a\nb c", metrics, 1000) == ["a", "b c"]


def test_table_columns_widen_to_their_longest_word(qtbot, qapp):
    from PySide6.QtWidgets import QTableWidgetItem

    apply_theme(qapp, "light")
    table = QTableWidget(2, 2)
    qtbot.addWidget(table)
    table.setWordWrap(True)
    table.setHorizontalHeaderLabels(["Paso", "Evidências"])
    table.setItem(0, 1, QTableWidgetItem("⚠ peligro detectado, detenido correctamente"))
    table.setItem(1, 1, QTableWidgetItem("falta: vídeo"))
    header = table.horizontalHeader()
    narrow = header.minimumSectionSize()
    header.resizeSection(0, narrow)
    header.resizeSection(1, narrow)
    fit_words_in_columns(table, [1])
    assert header.sectionSize(0) == narrow  # only the columns asked for
    widest = max(table.fontMetrics().horizontalAdvance(w) for w in ("correctamente", "detectado,"))
    assert header.sectionSize(1) >= max(widest, header.sectionSizeFromContents(1).width())
    header.resizeSection(1, 600)
    fit_words_in_columns(table, [1])
    assert header.sectionSize(1) == 600  # never narrowed


def test_combo_popups_checkboxes_and_spin_buttons_meet_the_glove_target(qtbot, qapp, store, library):
    """On the real pages, in the app's theme: every combo box's popup rows (opened with the
    keyboard), every checkbox and every spin box's buttons are at least 48 px."""
    apply_theme(qapp, "light")
    window = MainWindow(store, library)
    qtbot.addWidget(window)
    window.resize(*SIZE)
    window.show()
    qtbot.waitExposed(window)
    small: list[str] = []
    combos = checks = spins = 0
    try:
        for page in (window.home, window.new_page, window.settings_page, window.review, window.run_page):
            window.stack.setCurrentWidget(page)
            qtbot.waitUntil(lambda p=page: p.isVisible())
            for combo in page.findChildren(QComboBox):
                if not combo.isVisible() or not combo.isEnabled() or combo.count() == 0:
                    continue
                combos += 1
                combo.setFocus()
                qtbot.keyClick(combo, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
                view = combo.view()
                qtbot.waitUntil(view.isVisible)
                for row in range(combo.count()):
                    height = view.visualRect(view.model().index(row, 0)).height()
                    if height < MIN_TARGET_PX:
                        small.append(f"{combo.accessibleName()} popup row {row}: {height} px")
                combo.hidePopup()
                qtbot.waitUntil(lambda v=view: not v.isVisible())
            for box in page.findChildren(QCheckBox):
                if box.isVisible():
                    checks += 1
                    if box.height() < MIN_TARGET_PX:
                        small.append(f"checkbox {box.text()!r}: {box.height()} px")
            for spin in page.findChildren(QAbstractSpinBox):
                if not spin.isVisible() or spin.buttonSymbols() == QAbstractSpinBox.ButtonSymbols.NoButtons:
                    continue
                spins += 1
                for part in (QStyle.SubControl.SC_SpinBoxUp, QStyle.SubControl.SC_SpinBoxDown):
                    rect = _spin_button(spin, part)
                    if min(rect.width(), rect.height()) < MIN_TARGET_PX:
                        small.append(f"{spin.accessibleName()} {part.name}: {rect.width()}x{rect.height()}")
    finally:
        window.close()
    assert combos >= 3 and checks >= 1  # the pages have them: the check looked at real ones
    assert small == [], small
    del spins  # the pages' spin boxes come and go with their content; any present was checked


def _spin_button(spin: QAbstractSpinBox, part: QStyle.SubControl) -> QRect:
    opt = QStyleOptionSpinBox()
    opt.initFrom(spin)
    opt.rect = spin.rect()
    opt.subControls = QStyle.SubControl.SC_All
    opt.frame = True
    return spin.style().subControlRect(QStyle.ComplexControl.CC_SpinBox, opt, part, spin)


@pytest.mark.parametrize("theme", ["light", "dark"])
def test_spin_buttons_are_48_px_and_a_press_anywhere_on_them_steps(qtbot, qapp, theme):
    from PySide6.QtWidgets import QSpinBox

    apply_theme(qapp, theme)
    spin = QSpinBox(minimum=0, maximum=10)
    spin.setValue(5)
    qtbot.addWidget(spin)
    spin.resize(300, spin.sizeHint().height())
    spin.show()
    qtbot.waitExposed(spin)
    up = _spin_button(spin, QStyle.SubControl.SC_SpinBoxUp)
    down = _spin_button(spin, QStyle.SubControl.SC_SpinBoxDown)
    assert min(up.width(), up.height(), down.width(), down.height()) >= MIN_TARGET_PX
    assert not up.intersects(down)
    # a gloved press lands near the edge of a button, not on its centre
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=QPoint(up.right() - 4, up.bottom() - 4))
    assert spin.value() == 6
    qtbot.mouseClick(spin, Qt.MouseButton.LeftButton, pos=QPoint(down.left() + 4, down.top() + 4))
    assert spin.value() == 5


def test_the_step_list_keeps_48_px_rows(qtbot, qapp, store, library):
    apply_theme(qapp, "light")
    window = MainWindow(store, library)
    qtbot.addWidget(window)
    try:
        listing = window.run_page.steps
        listing.addItem("✔  01  Identify the vehicle")
        window.resize(*SIZE)
        window.stack.setCurrentWidget(window.run_page)
        window.show()
        qtbot.waitExposed(window)
        assert listing.visualItemRect(listing.item(0)).height() >= MIN_TARGET_PX
    finally:
        window.close()
