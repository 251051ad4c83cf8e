"""A high-contrast look with large hit targets: usable in insulating gloves, in a bright shop."""

from PySide6.QtWidgets import QAbstractButton

MIN_TARGET_PX = 48

STYLE = f"""
QWidget {{ font-size: 15px; color: #000000; background: #ffffff; }}
QPushButton {{
    min-height: {MIN_TARGET_PX}px; min-width: {MIN_TARGET_PX * 2}px; padding: 4px 16px;
    border: 2px solid #000000; border-radius: 6px; background: #f0f0f0; font-weight: bold;
}}
QPushButton:focus {{ border: 3px solid #0040ff; }}
QPushButton:disabled {{ color: #707070; border-color: #a0a0a0; }}
QPushButton#pass {{ background: #0a7d28; color: #ffffff; font-size: 18px; }}
QPushButton#fail {{ background: #b00020; color: #ffffff; font-size: 18px; }}
QPushButton#na {{ background: #404040; color: #ffffff; font-size: 18px; }}
QPushButton#hazard {{ background: #f9a825; color: #000000; font-size: 18px; }}
QPushButton:checked {{ background: #0040ff; color: #ffffff; }}
QLabel#ok {{ color: #0a7d28; font-weight: bold; }}
QLabel#hazardText {{ color: #8a4b00; font-weight: bold; }}
QLineEdit, QComboBox, QDoubleSpinBox, QSpinBox {{
    min-height: {MIN_TARGET_PX - 8}px; border: 2px solid #000000; padding: 2px 6px;
}}
QListWidget::item {{ min-height: {MIN_TARGET_PX}px; border-bottom: 1px solid #c0c0c0; }}
QListWidget::item:selected {{ background: #0040ff; color: #ffffff; }}
QLabel#refusal {{ color: #b00020; font-weight: bold; }}
QLabel#wait {{ color: #8a4b00; font-size: 22px; font-weight: bold; }}
QLabel#outcome {{ font-size: 24px; font-weight: bold; }}
QWidget {{ selection-background-color: #0040ff; selection-color: #ffffff; }}
QPushButton#pass:disabled, QPushButton#fail:disabled, QPushButton#na:disabled,
QPushButton#hazard:disabled {{
    background: #d0d0d0; color: #606060; border-color: #a0a0a0;
}}
QCheckBox {{ min-height: {MIN_TARGET_PX}px; spacing: 12px; }}
QCheckBox::indicator {{ width: 28px; height: 28px; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: {MIN_TARGET_PX}px; }}
QComboBox::drop-down {{ width: {MIN_TARGET_PX}px; }}
QScrollBar:vertical {{ width: {MIN_TARGET_PX}px; background: #e0e0e0; margin: 0px; }}
QScrollBar:horizontal {{ height: {MIN_TARGET_PX}px; background: #e0e0e0; margin: 0px; }}
QScrollBar::handle {{ background: #505050; border-radius: 6px; margin: 6px; }}
QScrollBar::handle:vertical {{ min-height: {MIN_TARGET_PX}px; }}
QScrollBar::handle:horizontal {{ min-width: {MIN_TARGET_PX}px; }}
QScrollBar::add-line, QScrollBar::sub-line {{ width: 0px; height: 0px; border: none; background: none; }}
QScrollBar::add-page, QScrollBar::sub-page {{ background: none; }}
/* focus frames: the control the keys go to has a thick frame (border and padding traded, so
   nothing moves when the focus does) */
QPushButton:focus {{ border: 4px solid #0040ff; padding: 2px 14px; }}
QPushButton#pass:focus, QPushButton#fail:focus, QPushButton#na:focus {{
    border: 6px solid #ffd400; padding: 0px 12px;
}}
QPushButton#hazard:focus {{ border: 6px solid #000000; padding: 0px 12px; }}
QLineEdit:focus, QComboBox:focus, QAbstractSpinBox:focus {{ border: 4px solid #0040ff; padding: 0px 4px; }}
QAbstractItemView:focus {{ border: 4px solid #0040ff; }}
QCheckBox {{ border: 4px solid transparent; }}
QCheckBox:focus {{ border-color: #0040ff; }}
/* end of focus frames */
"""

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
