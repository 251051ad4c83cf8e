"""A high-contrast look with large hit targets: usable in insulating gloves, in a bright shop."""

MIN_TARGET_PX = 48

STYLE = f"""
QWidget {{ font-size: 15px; color: #000000; background: #ffffff; }}
QPushButton {{
    min-height: {MIN_TARGET_PX}px; min-width: {MIN_TARGET_PX * 2}px; padding: 4px 16px;
    border: 2px solid #000000; border-radius: 6px; background: #f0f0f0; font-weight: bold;
}}
QPushButton:focus {{ border: 3px solid #0040ff; }}
QPushButton:disabled {{ color: #707070; border-color: #a0a0a0; }}
QPushButton#pass {{ background: #0a7d28; color: #ffffff; font-size: 20px; }}
QPushButton#fail {{ background: #b00020; color: #ffffff; font-size: 20px; }}
QPushButton#na {{ background: #404040; color: #ffffff; font-size: 20px; }}
QLineEdit, QComboBox, QDoubleSpinBox, QSpinBox {{
    min-height: {MIN_TARGET_PX - 8}px; border: 2px solid #000000; padding: 2px 6px;
}}
QListWidget::item {{ min-height: {MIN_TARGET_PX}px; }}
QLabel#refusal {{ color: #b00020; font-weight: bold; }}
QLabel#wait {{ color: #8a4b00; font-size: 22px; font-weight: bold; }}
QLabel#outcome {{ font-size: 24px; font-weight: bold; }}
"""

STATUS_MARK = {
    "pending": "○", "allowed": "▶", "blocked": "⏳", "passed": "✔", "failed": "✘", "na": "–",
}
