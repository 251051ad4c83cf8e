"""High-contrast looks with large hit targets: usable in insulating gloves, in a bright or a dark bay.

One style sheet is made from a palette, so the light theme (black on white, for bright shops)
and the dark theme (white on black, for dark bays and night shifts) have the same shapes and
targets and differ only in colour. Every text colour of a palette is named with the background
it is drawn on (:data:`TEXT_PAIRS`); a test holds each pair to WCAG AA, and outlines and focus
frames to the 3:1 of non-text contrast.
"""

from __future__ import annotations

import atexit
import shutil
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from assessor_app.settings import THEMES

MIN_TARGET_PX = 48
#: WCAG 2 AA: normal text against its background, and outlines / focus frames against theirs.
AA_TEXT, AA_NON_TEXT = 4.5, 3.0


@dataclass(frozen=True)
class Palette:
    """The colours of one theme (``#rrggbb``)."""

    name: str
    text: str  # on background and surface
    background: str
    surface: str  # buttons, table headers, group boxes
    border: str  # the outline of every control
    rule: str  # separators between list rows and table cells
    muted: str  # disabled text, on disabled_surface
    disabled_surface: str
    placeholder: str  # the hint in an empty text field, on background
    focus: str  # the frame of the focused control
    selection: str  # a selected row, a checked button
    selection_text: str
    pass_bg: str
    pass_text: str
    fail_bg: str
    fail_text: str
    na_bg: str
    na_text: str
    hazard_bg: str
    hazard_text: str
    ok: str  # "in range", saved: on background
    danger: str  # refusals, recording, out of range: on background
    warning: str  # waits, paused, hazard stop text: on background
    scrollbar: str
    handle: str
    result_focus: str  # the thick frame of a focused Pass/Fail/N/A button: against the button's fill


LIGHT = Palette(
    name="light", text="#000000", background="#ffffff", surface="#f0f0f0", border="#000000",
    rule="#767676", muted="#555555", disabled_surface="#e4e4e4", placeholder="#595959",
    focus="#0040ff", selection="#0040ff", selection_text="#ffffff",
    pass_bg="#0a7d28", pass_text="#ffffff", fail_bg="#b00020", fail_text="#ffffff",
    na_bg="#404040", na_text="#ffffff", hazard_bg="#f9a825", hazard_text="#000000",
    ok="#0a7d28", danger="#b00020", warning="#8a4b00", scrollbar="#e0e0e0", handle="#505050",
    result_focus="#ffd400",
)

DARK = Palette(
    name="dark", text="#ffffff", background="#000000", surface="#1c1c1c", border="#ffffff",
    rule="#8a8a8a", muted="#b0b0b0", disabled_surface="#2a2a2a", placeholder="#a8a8a8",
    focus="#ffd400", selection="#ffd400", selection_text="#000000",
    pass_bg="#3ddc84", pass_text="#000000", fail_bg="#ff6e6e", fail_text="#000000",
    na_bg="#c8c8c8", na_text="#000000", hazard_bg="#ffb300", hazard_text="#000000",
    ok="#5ee38a", danger="#ff7f7f", warning="#ffc14d", scrollbar="#262626", handle="#c8c8c8",
    result_focus="#0030c0",
)

PALETTES: dict[str, Palette] = {p.name: p for p in (LIGHT, DARK)}
assert tuple(PALETTES) == THEMES  # the settings offer exactly these

#: Text colour -> the backgrounds it is drawn on (held to AA_TEXT).
TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("text", "background"), ("text", "surface"), ("muted", "disabled_surface"),
    ("placeholder", "background"), ("selection_text", "selection"), ("pass_text", "pass_bg"),
    ("fail_text", "fail_bg"), ("na_text", "na_bg"), ("hazard_text", "hazard_bg"),
    ("ok", "background"), ("danger", "background"), ("warning", "background"),
)
#: Outlines, frames and handles -> what they stand against (held to AA_NON_TEXT).
NON_TEXT_PAIRS: tuple[tuple[str, str], ...] = (
    ("border", "background"), ("focus", "background"), ("focus", "surface"), ("rule", "background"),
    ("handle", "scrollbar"), ("selection", "background"),
)


#: Small pictures the style sheet draws (arrows, signs, the tick), as SVG in a palette's colours.
_ICONS = {
    "down": '<path d="M2 5 L14 5 L8 12 Z" fill="{text}"/>',
    "plus": '<path d="M7 2 H9 V7 H14 V9 H9 V14 H7 V9 H2 V7 H7 Z" fill="{text}"/>',
    "minus": '<path d="M2 7 H14 V9 H2 Z" fill="{text}"/>',
    "tick": '<path d="M2 8.5 L6 12.5 L14 3.5" fill="none" stroke="{selection_text}" stroke-width="2.6"/>',
}
_icon_root: Path | None = None


def icon_files(p: Palette) -> dict[str, str]:
    """The style sheet's pictures in ``p``'s colours, written once per process into a private
    temporary folder (a style sheet can only name files); name -> path with forward slashes."""
    global _icon_root
    if _icon_root is None:
        _icon_root = Path(tempfile.mkdtemp(prefix="assessor-theme-"))  # owner-only, random name
        atexit.register(shutil.rmtree, _icon_root, True)
    folder = _icon_root / p.name
    folder.mkdir(exist_ok=True)
    paths = {}
    for name, shape in _ICONS.items():
        path = folder / f"{name}.svg"
        if not path.exists():
            path.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="16" height="16" '
                            f'viewBox="0 0 16 16">{shape.format(**asdict(p))}</svg>', encoding="utf-8")
        paths[name] = path.as_posix()
    return paths


def stylesheet(p: Palette) -> str:
    """The application's style sheet in the colours of ``p``."""
    t = MIN_TARGET_PX
    icon = icon_files(p)
    return f"""
QWidget {{ font-size: 15px; color: {p.text}; background: {p.background}; }}
QWidget {{ selection-background-color: {p.selection}; selection-color: {p.selection_text}; }}
QPushButton {{
    min-height: {t}px; min-width: {t * 2}px; padding: 4px 16px;
    border: 2px solid {p.border}; border-radius: 6px; background: {p.surface}; font-weight: bold;
}}
QPushButton:focus {{ border: 3px solid {p.focus}; }}
QPushButton:disabled {{ color: {p.muted}; background: {p.disabled_surface}; border-color: {p.rule}; }}
QPushButton#pass {{ background: {p.pass_bg}; color: {p.pass_text}; font-size: 18px; }}
QPushButton#fail {{ background: {p.fail_bg}; color: {p.fail_text}; font-size: 18px; }}
QPushButton#na {{ background: {p.na_bg}; color: {p.na_text}; font-size: 18px; }}
QPushButton#hazard {{ background: {p.hazard_bg}; color: {p.hazard_text}; font-size: 18px; }}
QPushButton:checked {{ background: {p.selection}; color: {p.selection_text}; }}
QPushButton#pass:disabled, QPushButton#fail:disabled, QPushButton#na:disabled,
QPushButton#hazard:disabled {{
    background: {p.disabled_surface}; color: {p.muted}; border-color: {p.rule};
}}
QLabel#ok {{ color: {p.ok}; font-weight: bold; }}
QLabel#hazardText {{ color: {p.warning}; font-weight: bold; }}
QLabel#refusal {{ color: {p.danger}; font-weight: bold; }}
QLabel#wait {{ color: {p.warning}; font-size: 22px; font-weight: bold; }}
QLabel#outcome {{ font-size: 24px; font-weight: bold; }}
QLabel#pageTitle {{ font-size: 24px; font-weight: bold; }}
QLabel#largeText, QListWidget#largeList {{ font-size: 18px; }}
QFrame#difference {{ border: 2px solid {p.rule}; border-radius: 6px; }}
QLabel[tone="ok"] {{ color: {p.ok}; font-weight: bold; }}
QLabel[tone="danger"] {{ color: {p.danger}; font-weight: bold; }}
QLabel[tone="warning"] {{ color: {p.warning}; font-weight: bold; }}
QLineEdit, QComboBox, QAbstractSpinBox, QDateEdit {{
    min-height: {t - 8}px; border: 2px solid {p.border}; padding: 2px 6px; background: {p.background};
    placeholder-text-color: {p.placeholder};
}}
QLineEdit:disabled, QComboBox:disabled, QAbstractSpinBox:disabled {{
    color: {p.muted}; background: {p.disabled_surface}; border-color: {p.rule};
}}
QComboBox {{ combobox-popup: 0; }}
QComboBox::drop-down {{ width: {t}px; border: 0px; }}
QComboBox::down-arrow {{ image: url("{icon["down"]}"); width: 20px; height: 20px; }}
QComboBox QAbstractItemView {{
    border: 2px solid {p.border}; background: {p.background}; color: {p.text}; outline: none;
}}
QComboBox QAbstractItemView::item {{ min-height: {t}px; padding: 0px 8px; }}
QComboBox QAbstractItemView::item:selected {{ background: {p.selection}; color: {p.selection_text}; }}
QAbstractSpinBox {{ min-height: {t}px; padding-left: {t + 4}px; padding-right: {t + 4}px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{
    subcontrol-origin: border; width: {t}px; height: {t}px;
    background: {p.surface}; border: 0px solid {p.border};
}}
QAbstractSpinBox::up-button {{ subcontrol-position: center right; border-left-width: 2px; }}
QAbstractSpinBox::down-button {{ subcontrol-position: center left; border-right-width: 2px; }}
QAbstractSpinBox::up-arrow {{ image: url("{icon["plus"]}"); width: 20px; height: 20px; }}
QAbstractSpinBox::down-arrow {{ image: url("{icon["minus"]}"); width: 20px; height: 20px; }}
QAbstractSpinBox::up-arrow:disabled, QAbstractSpinBox::down-arrow:disabled {{ image: none; }}
QCheckBox, QRadioButton {{ min-height: {t}px; spacing: 12px; }}
QCheckBox::indicator, QRadioButton::indicator {{
    width: 28px; height: 28px; border: 2px solid {p.border}; background: {p.background};
}}
QRadioButton::indicator {{ border-radius: 16px; }}
QCheckBox::indicator:checked, QRadioButton::indicator:checked {{
    background: {p.selection}; border: 2px solid {p.border}; image: url("{icon["tick"]}");
}}
QCheckBox:focus, QRadioButton:focus {{ border: 3px solid {p.focus}; }}
QListWidget, QListView, QTableWidget, QTableView {{
    border: 2px solid {p.border}; gridline-color: {p.rule}; alternate-background-color: {p.surface};
}}
QListWidget::item {{ min-height: {t}px; border-bottom: 1px solid {p.rule}; }}
QListWidget::item:selected, QTableWidget::item:selected {{
    background: {p.selection}; color: {p.selection_text};
}}
QHeaderView::section {{
    background: {p.surface}; color: {p.text}; border: 0px; border-right: 1px solid {p.rule};
    border-bottom: 2px solid {p.border}; padding: 4px 8px; font-weight: bold;
}}
QTableCornerButton::section {{ background: {p.surface}; border: 0px; }}
QGroupBox {{
    border: 2px solid {p.rule}; border-radius: 6px; margin-top: 14px; padding: 10px 8px 8px 8px;
    font-weight: bold;
}}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0px 4px; }}
QStatusBar {{ border-top: 1px solid {p.rule}; }}
QStatusBar::item {{ border: 0px; }}
QToolTip {{ color: {p.text}; background: {p.surface}; border: 2px solid {p.border}; padding: 4px; }}
QSplitter::handle {{ background: {p.rule}; }}
QScrollBar:vertical {{ width: {t}px; background: {p.scrollbar}; margin: 0px; }}
QScrollBar:horizontal {{ height: {t}px; background: {p.scrollbar}; margin: 0px; }}
QScrollBar::handle {{ background: {p.handle}; border-radius: 6px; margin: 6px; }}
QScrollBar::handle:vertical {{ min-height: {t}px; }}
QScrollBar::handle:horizontal {{ min-width: {t}px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; border: none; background: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
/* focus frames: the control the keys go to has a thick frame (border and padding traded, so
   nothing moves when the focus does) */
QPushButton:focus {{ border: 4px solid {p.focus}; padding: 2px 14px; }}
QPushButton#pass:focus, QPushButton#fail:focus, QPushButton#na:focus {{
    border: 6px solid {p.result_focus}; padding: 0px 12px;
}}
QPushButton#hazard:focus {{ border: 6px solid {p.hazard_text}; padding: 0px 12px; }}
QLineEdit:focus, QComboBox:focus, QAbstractSpinBox:focus {{ border: 4px solid {p.focus}; padding: 0px 4px; }}
QAbstractItemView:focus {{ border: 4px solid {p.focus}; }}
QCheckBox {{ border: 4px solid transparent; }}
QCheckBox:focus {{ border-color: {p.focus}; }}
/* end of focus frames */
/* chosen buttons (a rubric score, a corrected result) read as chosen in either theme */
QPushButton#score:checked, QPushButton#correction:checked {{
    background: {p.selection}; color: {p.selection_text}; border: 3px solid {p.border};
}}
"""


#: The light theme's style sheet (the default).
STYLE = stylesheet(LIGHT)


def qt_palette(p: Palette) -> QPalette:
    """The same colours for what a style sheet does not reach (dialogs' insides, placeholders)."""
    pal = QPalette()
    roles = {
        QPalette.ColorRole.Window: p.background, QPalette.ColorRole.WindowText: p.text,
        QPalette.ColorRole.Base: p.background, QPalette.ColorRole.AlternateBase: p.surface,
        QPalette.ColorRole.Text: p.text, QPalette.ColorRole.Button: p.surface,
        QPalette.ColorRole.ButtonText: p.text, QPalette.ColorRole.Highlight: p.selection,
        QPalette.ColorRole.HighlightedText: p.selection_text, QPalette.ColorRole.ToolTipBase: p.surface,
        QPalette.ColorRole.ToolTipText: p.text, QPalette.ColorRole.PlaceholderText: p.placeholder,
        QPalette.ColorRole.Link: p.focus, QPalette.ColorRole.BrightText: p.danger,
    }
    for role, colour in roles.items():
        pal.setColor(role, QColor(colour))
    for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text, QPalette.ColorRole.ButtonText):
        pal.setColor(QPalette.ColorGroup.Disabled, role, QColor(p.muted))
    return pal


def apply_theme(app: QApplication, name: str) -> Palette:
    """Show every window in theme ``name`` (``light`` or ``dark``; anything else: light), at once."""
    palette = PALETTES.get(name, LIGHT)
    app.setPalette(qt_palette(palette))
    app.setStyleSheet(stylesheet(palette))
    app.setProperty("assessor_theme", palette.name)
    return palette


def current_palette() -> Palette:
    """The palette of the theme the application shows now."""
    app = QApplication.instance()
    name = app.property("assessor_theme") if app is not None else None
    return PALETTES.get(str(name), LIGHT)


def set_tone(widget: QWidget, tone: str) -> None:
    """Colour a status text by what it says, in whatever theme is shown: ``"ok"``, ``"danger"``,
    ``"warning"``, or ``""`` for plain text."""
    if widget.property("tone") == tone:
        return
    widget.setProperty("tone", tone)
    widget.style().unpolish(widget)
    widget.style().polish(widget)


def relative_luminance(colour: str) -> float:
    """WCAG 2 relative luminance of ``#rrggbb``."""
    channels = [int(colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(a: str, b: str) -> float:
    """WCAG 2 contrast ratio of two colours (1 to 21)."""
    high, low = sorted((relative_luminance(a), relative_luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


STATUS_MARK = {
    "pending": "○", "allowed": "▶", "blocked": "◷", "passed": "✔", "failed": "✘", "na": "–",
    "hazard": "⚠",  # hazard found, correctly stopped: a correct decision, not a failure
}


def keep_words(*buttons: QAbstractButton) -> None:
    """Never narrower than their words: the style's minimum width would let a crowded row squeeze
    a button below its label (a translation is often longer than the English). Call once shown."""
    for button in buttons:
        button.ensurePolished()
        button.setMinimumWidth(max(button.minimumWidth(), button.sizeHint().width()))
